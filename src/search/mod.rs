//! Search: from a [`SearchRequest`] to ranked [`SearchResults`].
//!
//! Brief overview: [`filters`] parses date ranges and entity filters; [`query`] turns the text and
//! filters into a query to rank by ([`ranking`] says how plain words are scored); [`Archive::search`]
//! runs it, ranks by score ([`rescore`]: the words over every match, the extras over the best) or
//! by date, and gathers, in the same pass over the index, the total count and the entity facet
//! counts ([`facets`]); [`snippet`] cuts the passage shown for each hit and [`entity_names`] reads
//! its entities. The same request type serves the CLI and the HTTP API, so both
//! always agree.

pub mod entity_names;
pub mod facets;
pub mod filters;
pub mod lookup;
pub mod query;
pub mod ranking;
pub mod relevant;
pub mod rescore;
pub mod snippet;
pub mod timeline;

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, ReloadPolicy, Searcher, TantivyDocument};

use crate::error::Result;
use crate::index::{Fields, Layout, OpenIndex};
pub use facets::{FacetCount, Facets};
pub use filters::{DateRange, EntityFilter};
pub use lookup::StoredArticle;
use ranking::Ranking;
pub use snippet::Snippet;
pub use timeline::{Interval, Timeline};

/// How hits are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// BM25 score, best first.
    #[default]
    Relevance,
    /// Publication date, newest first; undated articles last.
    Date,
}

/// Everything a search needs, independent of where it came from (CLI flags or URL parameters).
#[derive(Clone, Debug)]
pub struct SearchRequest {
    pub query: String,
    pub dates: DateRange,
    pub entities: Vec<EntityFilter>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// How many entities per kind to count among the hits (0: skip facet counting).
    pub facet_limit: usize,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            dates: DateRange::default(),
            entities: Vec::new(),
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            facet_limit: 10,
        }
    }
}

/// Entity names of one article, by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HitEntities {
    pub org: Vec<String>,
    pub person: Vec<String>,
    pub place: Vec<String>,
}

/// One result.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`, or null when the article states no date.
    #[serde(serialize_with = "ymd")]
    pub date: Option<DateTime<Utc>>,
    pub path: String,
    /// BM25 score; null when sorted by date.
    pub score: Option<f32>,
    /// The best passage, on one line, plain text.
    #[serde(serialize_with = "snippet_text")]
    pub snippet: Snippet,
    /// The same passage as HTML: escaped, matches in `<mark>`.
    pub snippet_html: String,
    pub source: String,
    pub entities: HitEntities,
}

/// Serialises a date as `YYYY-MM-DD`, or null.
pub(crate) fn ymd<S: serde::Serializer>(
    d: &Option<DateTime<Utc>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
        None => s.serialize_none(),
    }
}

fn snippet_text<S: serde::Serializer>(
    snippet: &Snippet,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&snippet.text)
}

/// The answer to a [`SearchRequest`].
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Number of matching articles (all of them, not just this page).
    pub total: usize,
    pub offset: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// An index opened for searching. Cheap to query many times; open once per process or server.
pub struct Archive {
    index: OpenIndex,
    reader: tantivy::IndexReader,
    entity_cache: std::sync::Arc<facets::EntityCache>,
}

impl Archive {
    /// Opens the live index at `root`.
    ///
    /// A finished `chronicle index` run makes its generation live and deletes the previous one. A
    /// search that read `CURRENT` just before that can find the old generation's files gone while it
    /// opens them; the live generation has then moved on, and the search opens that one instead. An
    /// index that fails to open while it stays live is an error at once.
    pub fn open(root: &Path) -> Result<Archive> {
        let layout = Layout::new(root);
        let mut attempts = 0;
        loop {
            let live = layout.current();
            match OpenIndex::open(root).and_then(Archive::new) {
                Ok(archive) => return Ok(archive),
                Err(e) => {
                    attempts += 1;
                    let moved = matches!((&live, layout.current()), (Ok(a), Ok(b)) if *a != b);
                    if !moved || attempts >= 3 {
                        return Err(e);
                    }
                }
            }
        }
    }

    /// Wraps an index that is already open, wherever it lives (an in-RAM index in the fuzz targets).
    ///
    /// Segments are searched in parallel, one thread per core: a million-article index has about
    /// ten, and counting facets over a query's hits is work per segment.
    pub fn new(mut index: OpenIndex) -> Result<Archive> {
        index.index.set_default_multithread_executor()?;
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Archive {
            index,
            reader,
            entity_cache: Default::default(),
        })
    }

    pub fn index(&self) -> &OpenIndex {
        &self.index
    }

    pub fn fields(&self) -> &Fields {
        &self.index.fields
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// A facet-counting collector over this archive's entity cache, which first forgets segments
    /// `searcher` no longer has.
    pub(crate) fn entity_collector(&self, searcher: &Searcher) -> facets::EntityCollector {
        let live: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        self.entity_cache.retain(&live);
        facets::cached_collector(
            searcher.schema().get_field_name(self.index.fields.entity),
            self.entity_cache.clone(),
        )
    }

    /// Number of articles in the index.
    pub fn num_articles(&self) -> u64 {
        self.searcher().num_docs()
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let ranked = query::ranked_query(&self.index, &request.query, &Ranking::default())?
            .map_matching(|q| {
                query::with_filters(&self.index, q, &request.dates, &request.entities)
            });
        let searcher = self.searcher();
        let fields = self.index.fields;
        // Counting facets visits every hit's entity ordinals; skip it when nobody asked.
        let facet_collector = (request.facet_limit > 0).then(|| self.entity_collector(&searcher));
        let limit = request.limit.max(1);

        let (page, total, facet_counts): (Vec<(Option<f32>, DocAddress)>, usize, _) = match request
            .sort
        {
            Sort::Relevance => {
                let (top, (total, counts)) = rescore::top_hits(
                    &searcher,
                    &ranked,
                    request.offset + limit,
                    (Count, facet_collector),
                )?;
                (
                    top.into_iter()
                        .skip(request.offset)
                        .map(|(s, a)| (Some(s), a))
                        .collect(),
                    total,
                    counts,
                )
            }
            Sort::Date => {
                let top = TopDocs::with_limit(limit)
                    .and_offset(request.offset)
                    .order_by_fast_field::<tantivy::DateTime>(Fields::date_name(), Order::Desc);
                let (top, total, counts) =
                    searcher.search(&*ranked.matching, &(top, Count, facet_collector))?;
                (
                    top.into_iter().map(|(_, a)| (None, a)).collect(),
                    total,
                    counts,
                )
            }
        };
        let page = if request.limit == 0 { Vec::new() } else { page };

        // Ranking scores a field snippets cannot show; highlight the query's words in the body.
        let highlight = query::highlight_query(&self.index, &request.query)?;
        // The generator takes the terms of `text` and its analyzer; it runs over the stored body.
        let mut snippets = SnippetGenerator::create(&searcher, &*highlight, fields.text)?;
        snippets.set_max_num_chars(snippet::SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(page.len());
        for (score, address) in page {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit(&doc, score, &snippets));
        }
        let facets = match facet_counts {
            Some(counts) => facets::top(&counts, request.facet_limit),
            None => Facets::default(),
        };
        Ok(SearchResults {
            query: request.query.clone(),
            total,
            offset: request.offset,
            hits,
            facets,
        })
    }

    fn hit(&self, doc: &TantivyDocument, score: Option<f32>, snippets: &SnippetGenerator) -> Hit {
        let f = &self.index.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let body = text(f.body);
        let raw = snippets.snippet(&body);
        let snippet = Snippet::from_fragment(raw.fragment(), raw.highlighted(), &body);
        Hit {
            id: text(f.id),
            title: text(f.title),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(|d| DateTime::from_timestamp(d.into_timestamp_secs(), 0)),
            path: text(f.path),
            score,
            snippet_html: snippet.to_html(),
            snippet,
            source: text(f.source),
            entities: entity_names::stored(doc, f.entity),
        }
    }
}
