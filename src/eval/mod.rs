//! Relevance evaluation: run a set of queries against an [`Archive`] and score the rankings
//! against human judgments, the way TREC does.
//!
//! Brief overview: [`trec`] reads queries ([`trec::Topic`]) and judgments ([`metrics::Qrels`]) and
//! writes run files; [`run`] sends every query through a [`Ranker`] and keeps the top
//! [`EvalRequest::depth`] document ids with their scores (a [`Run`]); [`evaluate`] turns a run and
//! the qrels into an [`Evaluation`]: [`metrics::Measures`] per query and their mean, computed
//! exactly as `trec_eval` computes them (see [`metrics`] for the details that matter).
//!
//! Queries are read as natural language ([`query::natural_ranked`], ranked as searches are): a test collection's
//! `What is (TSS)? ... AND ...` is words, not tantivy syntax. `--baseline` ranks with stock tantivy
//! instead, so every table shows what chronicle's ranking decisions are worth in the same run.

pub mod metrics;
pub mod trec;

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

use crate::error::Result;
use crate::search::ranking::{self, Ranking};
use crate::search::rescore::{self, RankedQuery};
use crate::search::{query, Archive};
use metrics::{Measures, Qrels, Retrieved};
use trec::Topic;

/// trec_eval's customary depth: MAP is "MAP at 1000".
pub const DEFAULT_DEPTH: usize = 1000;

/// Which ranking produces the run.
#[derive(Clone, Debug, PartialEq)]
pub enum Ranker {
    /// chronicle's own query construction, with these knobs.
    Chronicle(Ranking),
    /// Stock tantivy: the query parser over title and body, equal weights ([`ranking::baseline_query`]).
    Baseline,
}

impl Ranker {
    /// The run tag written to run files.
    pub fn tag(&self) -> &'static str {
        match self {
            Ranker::Chronicle(_) => "chronicle",
            Ranker::Baseline => "tantivy-baseline",
        }
    }
}

/// What to evaluate, independent of where the request came from.
#[derive(Clone, Debug)]
pub struct EvalRequest {
    pub ranker: Ranker,
    /// Documents retrieved per query.
    pub depth: usize,
}

impl Default for EvalRequest {
    fn default() -> EvalRequest {
        EvalRequest {
            ranker: Ranker::Chronicle(Ranking::default()),
            depth: DEFAULT_DEPTH,
        }
    }
}

/// Ranked results per query, in query order; each list best first.
pub type Run = Vec<(String, Vec<Retrieved>)>;

/// Runs every topic and keeps the top `request.depth` documents of each.
pub fn run(archive: &Archive, topics: &[Topic], request: &EvalRequest) -> Result<Run> {
    let searcher = archive.searcher();
    let id_field = archive.fields().id;
    let index = archive.index();
    // Collections are small and hits repeat across queries: look each stored id up once.
    let mut ids: HashMap<DocAddress, String> = HashMap::new();
    let mut out = Vec::with_capacity(topics.len());
    for topic in topics {
        let query = match &request.ranker {
            Ranker::Chronicle(ranking) => query::natural_ranked(index, &topic.text, ranking),
            Ranker::Baseline => RankedQuery::single(ranking::baseline_query(index, &topic.text)?),
        };
        let (top, _) = rescore::top_hits(&searcher, &query, request.depth.max(1), None::<Count>)?;
        let mut results = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc = match ids.get(&address) {
                Some(doc) => doc.clone(),
                None => {
                    let stored: TantivyDocument = searcher.doc(address)?;
                    let doc = stored
                        .get_first(id_field)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string();
                    ids.insert(address, doc.clone());
                    doc
                }
            };
            results.push(Retrieved {
                doc,
                score: f64::from(score),
            });
        }
        out.push((topic.id.clone(), results));
    }
    Ok(out)
}

/// One query's figures.
#[derive(Clone, Debug, Serialize)]
pub struct QueryMeasures {
    pub query: String,
    /// Documents retrieved.
    pub retrieved: usize,
    /// Relevant documents in the qrels.
    pub relevant: usize,
    #[serde(flatten)]
    pub measures: Measures,
}

/// Per-query and mean measures of a run.
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    pub ranking: String,
    /// Queries in the run that have judgments: the ones measured and averaged.
    pub evaluated: usize,
    /// Queries that were run but have no judgments, so are not measured (trec_eval skips them).
    pub unjudged: usize,
    pub queries: Vec<QueryMeasures>,
    pub mean: Measures,
}

/// Scores a run against the qrels, as trec_eval does: a query counts when it has judgments and
/// retrieved at least one document.
pub fn evaluate(run: &Run, qrels: &Qrels, ranking: &str) -> Evaluation {
    let mut queries = Vec::new();
    let mut unjudged = 0;
    for (query, results) in run {
        let Some(judgments) = qrels.get(query) else {
            unjudged += 1;
            continue;
        };
        if results.is_empty() {
            // trec_eval never sees a query that retrieved nothing (without -c).
            continue;
        }
        queries.push(QueryMeasures {
            query: query.clone(),
            retrieved: results.len(),
            relevant: judgments.values().filter(|&&g| g > 0).count(),
            measures: metrics::measure(results, judgments),
        });
    }
    let mean = Measures::mean(queries.iter().map(|q| &q.measures));
    Evaluation {
        ranking: ranking.to_string(),
        evaluated: queries.len(),
        unjudged,
        queries,
        mean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unjudged_and_empty_queries_are_not_averaged() {
        let qrels = trec::parse_qrels("1 0 a 1\n2 0 b 1\n").unwrap();
        let hit = |doc: &str| Retrieved {
            doc: doc.to_string(),
            score: 1.0,
        };
        let run: Run = vec![
            ("1".into(), vec![hit("a")]),
            ("2".into(), vec![]),
            ("3".into(), vec![hit("a")]),
        ];
        let e = evaluate(&run, &qrels, "t");
        assert_eq!((e.evaluated, e.unjudged), (1, 1));
        assert_eq!(e.mean.ndcg_10, 1.0);
    }
}
