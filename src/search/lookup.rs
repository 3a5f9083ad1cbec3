//! Fetching one article by its id, with everything the index stores about it.
//!
//! Ids are the stable keys the indexer gives (`reuters-1`, `sample/000_44df0e79d50f69af.txt`,
//! `feed.jsonl#3`); the `id` field is indexed untokenised, so a look-up is a single term query and
//! never depends on the ranking code.

use chrono::{DateTime, Utc};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::{Archive, HitEntities};
use crate::article::HumanTags;
use crate::error::Result;

/// An article as stored in the index: what the article view of the web page shows.
#[derive(Clone, Debug, Serialize)]
pub struct StoredArticle {
    pub id: String,
    pub title: String,
    /// Paragraphs separated by a blank line, as ingested.
    pub body: String,
    /// `YYYY-MM-DD`, or null when the article states no date.
    #[serde(serialize_with = "super::ymd")]
    pub date: Option<DateTime<Utc>>,
    /// The same instant in RFC 3339 (UTC), for readers that want the time of day.
    pub datetime: Option<String>,
    pub path: String,
    pub source: String,
    pub url: Option<String>,
    pub dateline: Option<String>,
    /// Entities found by the extractor, by kind, canonical names.
    pub entities: HitEntities,
    /// Categories assigned by the source's editors (Reuters PLACES/PEOPLE/ORGS/TOPICS).
    pub tags: HumanTags,
}

impl Archive {
    /// The article with this id, or `None` if the index has none.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let f = *self.fields();
        let searcher = self.searcher();
        let query = TermQuery::new(Term::from_field_text(f.id, id), IndexRecordOption::Basic);
        // Ids are unique (re-indexing replaces, never duplicates), so the first match is the one.
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = top.into_iter().next() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let date = doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(|d| DateTime::from_timestamp(d.into_timestamp_secs(), 0));
        let entities = super::entity_names::stored(&doc, f.entity);
        let mut tags = HumanTags::default();
        for (kind, name) in facets(&doc, f.tags) {
            match kind.as_str() {
                "place" => tags.places.push(name),
                "person" => tags.people.push(name),
                "org" => tags.orgs.push(name),
                "topic" => tags.topics.push(name),
                _ => {}
            }
        }
        Ok(Some(StoredArticle {
            id: text(f.id).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            body: text(f.body).unwrap_or_default(),
            date,
            datetime: date.map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            path: text(f.path).unwrap_or_default(),
            source: text(f.source).unwrap_or_default(),
            url: text(f.url).filter(|s| !s.is_empty()),
            dateline: text(f.dateline).filter(|s| !s.is_empty()),
            entities,
            tags,
        }))
    }
}

/// The two-level facets (`/kind/name`) stored in `field`, as (kind, name) pairs.
fn facets(doc: &TantivyDocument, field: Field) -> Vec<(String, String)> {
    doc.get_all(field)
        .filter_map(|value| {
            // A stored facet is its encoded path: segments separated by NUL.
            let encoded = value.as_facet()?;
            let mut parts = encoded.split('\0');
            Some((parts.next()?.to_string(), parts.next()?.to_string()))
        })
        .collect()
}
