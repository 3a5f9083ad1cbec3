//! Where the best hits are ranked: the words' score for every match, the extras for the best few.
//!
//! Brief overview. A plain-text query is scored in two parts ([`ranking::natural_parts`]): the
//! words (BM25 over the story, the title extra) and the extras (the all-words bonus, the word
//! pairs), which only ever add to articles the words match. [`top_hits`] runs the words over the
//! index once, collecting the best [`RankedQuery::window`] articles and whatever else the caller
//! counts (total, facets) in the same pass, then adds the extras' score to those articles alone and
//! sorts them again.
//!
//! Why: scoring the extras for every match costs more than the words themselves. On a million
//! articles the words of a common query match hundreds of thousands of them; each needed a pair
//! of phrase look-ups and a seek into the all-words intersection, and tantivy could no longer run
//! the words as its specialised union of term scorers. That made a search 2.7x slower than tantivy's
//! plain BM25 over the same articles. The extras exist to reorder the top of the list: a story that
//! has all the words, or has them side by side, above one that repeats a single word. This is
//! Lucene's and Elasticsearch's query rescoring ("rescore the top N with a phrase query"), with
//! the same trade: an article outside the window never gets the extras. With the default window
//! of [`ranking::RESCORE_WINDOW`] the seven test collections score as they did with the extras on
//! every match (`docs/relevance.md`); `--param rescore_window=0` gives the one-pass ranking.
//!
//! [`ranking::natural_parts`]: super::ranking::natural_parts
//! [`ranking::RESCORE_WINDOW`]: super::ranking::RESCORE_WINDOW

use tantivy::collector::{Collector, TopDocs};
use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::{DocAddress, DocSet, Score, Searcher, SeekDangerResult};

/// A query ready to rank: what must match, and what the best matches get on top.
pub struct RankedQuery {
    /// What an article must match (filters included), and its first score.
    pub matching: Box<dyn Query>,
    /// Queries whose scores are added to the best [`RankedQuery::window`] matches; none: the first
    /// score is final.
    pub extras: Vec<Box<dyn Query>>,
    /// How many of the best matches get the extras.
    pub window: usize,
}

impl RankedQuery {
    /// A query whose first score is final.
    pub fn single(matching: Box<dyn Query>) -> RankedQuery {
        RankedQuery {
            matching,
            extras: Vec::new(),
            window: 0,
        }
    }

    /// The same ranking over the matches that also pass `wrap` (filters).
    pub fn map_matching(self, wrap: impl FnOnce(Box<dyn Query>) -> Box<dyn Query>) -> RankedQuery {
        RankedQuery {
            matching: wrap(self.matching),
            ..self
        }
    }
}

/// Hits with their scores, best first.
pub type Ranked = Vec<(Score, DocAddress)>;

/// The best `n` hits of `query`, best first, and what `also` collects over every match, in one pass
/// over the index. Ties keep tantivy's order: ascending address.
pub fn top_hits<C: Collector>(
    searcher: &Searcher,
    query: &RankedQuery,
    n: usize,
    also: C,
) -> tantivy::Result<(Ranked, C::Fruit)> {
    let window = if query.extras.is_empty() {
        0
    } else {
        query.window
    };
    let first = TopDocs::with_limit(n.max(window).max(1)).order_by_score();
    let (mut top, fruit) = searcher.search(&*query.matching, &(first, also))?;
    if window > 0 {
        let window = window.min(top.len());
        let scoring = EnableScoring::enabled_from_searcher(searcher);
        for extra in &query.extras {
            add_scores(searcher, &*extra.weight(scoring)?, &mut top[..window])?;
        }
        top.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    top.truncate(n);
    Ok((top, fruit))
}

/// Adds `weight`'s score to each hit it matches. Hits are visited segment by segment in document
/// order, and each is only asked about (`seek_danger`): a phrase scorer told to `seek` would look
/// for the next article that has the phrase, checking positions all the way.
fn add_scores(
    searcher: &Searcher,
    weight: &dyn Weight,
    hits: &mut [(Score, DocAddress)],
) -> tantivy::Result<()> {
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_unstable_by_key(|&i| hits[i].1);
    // The current segment's scorer, and a doc id below which it holds no match.
    let mut segment: Option<(u32, Box<dyn Scorer>, u32)> = None;
    for i in order {
        let DocAddress {
            segment_ord,
            doc_id,
        } = hits[i].1;
        let found = match &mut segment {
            Some((ord, scorer, next)) if *ord == segment_ord => {
                if doc_id < *next {
                    continue;
                }
                let result = scorer.seek_danger(doc_id);
                if let SeekDangerResult::SeekLowerBound(bound) = result {
                    *next = bound;
                }
                result == SeekDangerResult::Found
            }
            _ => {
                let reader = searcher.segment_reader(segment_ord);
                let (result, scorer) = weight.scorer_danger(reader, doc_id, 1.0)?;
                let next = match result {
                    SeekDangerResult::Found => doc_id + 1,
                    SeekDangerResult::SeekLowerBound(bound) => bound,
                };
                segment = Some((segment_ord, scorer, next));
                result == SeekDangerResult::Found
            }
        };
        if found {
            if let Some((_, scorer, _)) = &mut segment {
                hits[i].0 += scorer.score();
            }
        }
    }
    Ok(())
}
