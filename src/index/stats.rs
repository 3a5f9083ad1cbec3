//! `chronicle stats`: what an index holds, the first thing to check after a run.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::manifest::Manifest;
use super::schema::{split_entity_value, Fields};
use super::OpenIndex;
use crate::entities::EntityKind;
use crate::error::Result;

/// Figures about one index.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub articles: u64,
    /// Files that hold at least one indexed article.
    pub files: u64,
    /// Earliest and latest article date, `YYYY-MM-DD`.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Articles without a date.
    pub undated: u64,
    /// Distinct entities per kind (`org`, `person`, `place`).
    pub entities: BTreeMap<String, u64>,
    /// Articles per source (`reuters21578`, `text`, ...).
    pub sources: BTreeMap<String, u64>,
    pub index_bytes: u64,
    /// When the last index run finished (RFC 3339), if recorded.
    pub last_indexed: Option<String>,
    /// The corpus the index was built from, if recorded.
    pub corpus: Option<String>,
    /// Whether entity extraction was on.
    pub entity_extraction: Option<bool>,
    pub index_dir: String,
}

/// Computes the figures by reading fast fields and the facet dictionary: no document is loaded.
pub fn stats(open: &OpenIndex) -> Result<Stats> {
    let reader = open.index.reader()?;
    let searcher = reader.searcher();
    let mut first: Option<i64> = None;
    let mut last: Option<i64> = None;
    let mut undated = 0u64;
    let mut source_names: BTreeSet<String> = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let dates = segment.fast_fields().date(Fields::date_name())?;
        for doc in segment.doc_ids_alive() {
            match dates.first(doc) {
                Some(d) => {
                    let secs = d.into_timestamp_secs();
                    first = Some(first.map_or(secs, |f| f.min(secs)));
                    last = Some(last.map_or(secs, |l| l.max(secs)));
                }
                None => undated += 1,
            }
        }
        let inverted = segment.inverted_index(open.fields.source)?;
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            source_names.insert(String::from_utf8_lossy(terms.key()).into_owned());
        }
    }
    // Counting with a query skips deleted documents, which the term dictionary still lists.
    let mut sources: BTreeMap<String, u64> = BTreeMap::new();
    for name in source_names {
        let term = tantivy::Term::from_field_text(open.fields.source, &name);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let n = searcher.search(&query, &Count)? as u64;
        if n > 0 {
            sources.insert(name, n);
        }
    }
    let names = searcher.schema().get_field_name(open.fields.entity);
    let counts = searcher.search(&AllQuery, &crate::search::facets::collector(names))?;
    let mut entities: BTreeMap<String, u64> = EntityKind::ALL
        .iter()
        .map(|kind| (kind.as_str().to_string(), 0))
        .collect();
    for value in crate::search::facets::all_counts(&counts).keys() {
        if let Some(n) = split_entity_value(value).and_then(|(kind, _)| entities.get_mut(kind)) {
            *n += 1;
        }
    }
    let ymd = |secs: i64| {
        chrono::DateTime::from_timestamp(secs, 0).map(|d| d.format("%Y-%m-%d").to_string())
    };
    Ok(Stats {
        articles: searcher.num_docs(),
        files: Manifest::read(&searcher)?.len() as u64,
        first_date: first.and_then(ymd),
        last_date: last.and_then(ymd),
        undated,
        entities,
        sources,
        index_bytes: super::build::dir_size(&open.dir),
        last_indexed: open.info.as_ref().map(|i| i.built_at.clone()),
        corpus: open.info.as_ref().map(|i| i.corpus.display().to_string()),
        entity_extraction: open.info.as_ref().map(|i| i.entities),
        index_dir: open.dir.display().to_string(),
    })
}
