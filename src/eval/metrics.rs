//! Retrieval measures, computed exactly as `trec_eval` (9.x) computes them.
//!
//! Brief overview: [`Qrels`] holds the judgments (query id -> document id -> grade); [`measure`]
//! takes one query's retrieved documents with their scores and that query's judgments and returns a
//! [`Measures`]; [`Measures::mean`] averages them. The measures, with their trec_eval names:
//!
//! | field | trec_eval | definition |
//! |---|---|---|
//! | `ndcg_10` | `ndcg_cut.10` | DCG@10 / ideal DCG@10, gain = grade, discount log2(rank + 1), ideal from the qrels |
//! | `map` | `map` | sum of precision at each relevant retrieved doc / relevant docs in the qrels |
//! | `p_10` | `P.10` | relevant docs in the top 10, / 10 |
//! | `recall_100` | `recall.100` | relevant docs in the top 100 / relevant docs in the qrels |
//! | `mrr_10` | `recip_rank` on the run cut at 10 (ir-measures `RR@10`) | 1 / rank of the first relevant doc, 0 past rank 10 |
//!
//! trec_eval details that change the figures, and are reproduced here:
//! - The run is re-sorted by score descending, ties by document id *descending* (byte order), and
//!   the ranks the run file states are ignored.
//! - A document is relevant when its grade is > 0; negative grades count as 0 in nDCG.
//! - A query is evaluated when it has judgments in the qrels *and* appears in the run (trec_eval
//!   without `-c`); the mean is over those queries. A query whose judgments are all non-relevant
//!   is evaluated and scores 0 on every measure (trec_eval and pytrec_eval do the same), while a
//!   query with no judgments at all is left out (CISI has 36 such queries, CACM 12, NPL 1).

use std::collections::HashMap;

use serde::Serialize;

/// Judgments: query id -> (document id -> grade).
#[derive(Clone, Debug, Default)]
pub struct Qrels {
    pub by_query: HashMap<String, HashMap<String, i32>>,
}

impl Qrels {
    /// Records one judgment; a later line for the same pair replaces an earlier one, as trec_eval's does.
    pub fn insert(&mut self, query: &str, doc: &str, grade: i32) {
        self.by_query
            .entry(query.to_string())
            .or_default()
            .insert(doc.to_string(), grade);
    }

    /// The judgments of one query.
    pub fn get(&self, query: &str) -> Option<&HashMap<String, i32>> {
        self.by_query.get(query)
    }
}

/// One retrieved document of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Retrieved {
    pub doc: String,
    pub score: f64,
}

/// The measures of one query, or their mean over queries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Measures {
    pub ndcg_10: f64,
    pub map: f64,
    pub p_10: f64,
    pub recall_100: f64,
    pub mrr_10: f64,
}

impl Measures {
    /// Arithmetic mean, as trec_eval's `all` line; all zeros for no queries.
    pub fn mean<'a>(items: impl IntoIterator<Item = &'a Measures>) -> Measures {
        let mut sum = Measures::default();
        let mut n = 0usize;
        for m in items {
            sum.ndcg_10 += m.ndcg_10;
            sum.map += m.map;
            sum.p_10 += m.p_10;
            sum.recall_100 += m.recall_100;
            sum.mrr_10 += m.mrr_10;
            n += 1;
        }
        if n == 0 {
            return sum;
        }
        let n = n as f64;
        Measures {
            ndcg_10: sum.ndcg_10 / n,
            map: sum.map / n,
            p_10: sum.p_10 / n,
            recall_100: sum.recall_100 / n,
            mrr_10: sum.mrr_10 / n,
        }
    }
}

/// Sorts a run as trec_eval does before measuring: score descending, then document id descending.
pub fn trec_order(run: &mut [Retrieved]) {
    run.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.doc.as_bytes().cmp(a.doc.as_bytes()))
    });
}

/// Measures one query against its judgments. With no relevant document every measure is 0.
pub fn measure(run: &[Retrieved], judgments: &HashMap<String, i32>) -> Measures {
    let num_rel = judgments.values().filter(|&&g| g > 0).count();
    if num_rel == 0 {
        return Measures::default();
    }
    let mut ranked = run.to_vec();
    trec_order(&mut ranked);
    // A document listed twice counts once, at its best rank (trec_eval rejects such runs; be lenient).
    let mut seen = std::collections::HashSet::new();
    ranked.retain(|r| seen.insert(r.doc.clone()));
    let grade = |doc: &str| judgments.get(doc).copied().unwrap_or(0);

    let mut relevant_so_far = 0usize;
    let mut sum_precision = 0.0;
    let mut dcg = 0.0;
    let mut first_relevant: Option<usize> = None;
    let mut rel_at_10 = 0usize;
    let mut rel_at_100 = 0usize;
    for (i, r) in ranked.iter().enumerate() {
        let rank = i + 1;
        let g = grade(&r.doc);
        if g > 0 {
            relevant_so_far += 1;
            sum_precision += relevant_so_far as f64 / rank as f64;
            if rank <= 10 {
                dcg += g as f64 / (rank as f64 + 1.0).log2();
                rel_at_10 += 1;
                first_relevant.get_or_insert(rank);
            }
            if rank <= 100 {
                rel_at_100 += 1;
            }
        }
    }

    let mut ideal: Vec<i32> = judgments.values().copied().filter(|&g| g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let ideal_dcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, &g)| g as f64 / (i as f64 + 2.0).log2())
        .sum();

    Measures {
        ndcg_10: if ideal_dcg > 0.0 {
            dcg / ideal_dcg
        } else {
            0.0
        },
        map: sum_precision / num_rel as f64,
        p_10: rel_at_10 as f64 / 10.0,
        recall_100: rel_at_100 as f64 / num_rel as f64,
        mrr_10: first_relevant.map_or(0.0, |rank| 1.0 / rank as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(items: &[(&str, f64)]) -> Vec<Retrieved> {
        items
            .iter()
            .map(|&(doc, score)| Retrieved {
                doc: doc.to_string(),
                score,
            })
            .collect()
    }

    fn judged(items: &[(&str, i32)]) -> HashMap<String, i32> {
        items.iter().map(|&(d, g)| (d.to_string(), g)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn binary_example_worked_by_hand() {
        // Ranks: a(rel) b c(rel) d; 3 relevant in the qrels (e never retrieved).
        let r = run(&[("a", 4.0), ("b", 3.0), ("c", 2.0), ("d", 1.0)]);
        let q = judged(&[("a", 1), ("c", 1), ("e", 1), ("b", 0)]);
        let m = measure(&r, &q);
        // AP = (1/1 + 2/3) / 3
        assert!(close(m.map, (1.0 + 2.0 / 3.0) / 3.0));
        assert!(close(m.p_10, 0.2));
        assert!(close(m.recall_100, 2.0 / 3.0));
        assert!(close(m.mrr_10, 1.0));
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4)
        let ideal = 1.0 + 1.0 / 3f64.log2() + 0.5;
        assert!(close(m.ndcg_10, 1.5 / ideal));
    }

    #[test]
    fn graded_ndcg_uses_the_grade_as_gain() {
        // Ranks: x(1) y(3); qrels also hold z(2).
        let r = run(&[("x", 2.0), ("y", 1.0)]);
        let q = judged(&[("x", 1), ("y", 3), ("z", 2)]);
        let m = measure(&r, &q);
        let dcg = 1.0 + 3.0 / 3f64.log2();
        let ideal = 3.0 + 2.0 / 3f64.log2() + 1.0 / 2.0;
        assert!(close(m.ndcg_10, dcg / ideal));
    }

    #[test]
    fn ties_are_broken_by_document_id_descending() {
        // Equal scores: trec_eval ranks "b" before "a", so the relevant "a" is second.
        let r = run(&[("a", 1.0), ("b", 1.0)]);
        let q = judged(&[("a", 1)]);
        let m = measure(&r, &q);
        assert!(close(m.mrr_10, 0.5));
        assert!(close(m.map, 0.5));
    }

    #[test]
    fn the_run_order_in_the_file_does_not_matter() {
        let q = judged(&[("a", 1)]);
        let forward = measure(&run(&[("a", 2.0), ("b", 1.0)]), &q);
        let backward = measure(&run(&[("b", 1.0), ("a", 2.0)]), &q);
        assert_eq!(forward, backward);
        assert!(close(forward.mrr_10, 1.0));
    }

    #[test]
    fn reciprocal_rank_is_cut_at_ten() {
        let mut items: Vec<(String, f64)> = (0..11)
            .map(|i| (format!("d{i:02}"), 100.0 - i as f64))
            .collect();
        items.push(("late".to_string(), 0.5));
        let r: Vec<Retrieved> = items
            .iter()
            .map(|(d, s)| Retrieved {
                doc: d.clone(),
                score: *s,
            })
            .collect();
        let q = judged(&[("d10", 1)]); // rank 11
        let m = measure(&r, &q);
        assert!(close(m.mrr_10, 0.0));
        assert!(close(m.ndcg_10, 0.0));
        assert!(close(m.map, 1.0 / 11.0));
        assert!(close(m.recall_100, 1.0));
    }

    #[test]
    fn a_query_without_relevant_documents_scores_zero() {
        let r = run(&[("a", 1.0)]);
        let m = measure(&r, &judged(&[("a", 0), ("b", -1)]));
        assert_eq!(m, Measures::default());
    }

    #[test]
    fn negative_grades_are_not_relevant() {
        let r = run(&[("a", 2.0), ("b", 1.0)]);
        let m = measure(&r, &judged(&[("a", -1), ("b", 1)]));
        assert!(close(m.mrr_10, 0.5));
        assert!(close(m.ndcg_10, 1.0 / 3f64.log2()));
    }

    #[test]
    fn mean_is_arithmetic() {
        let a = Measures {
            ndcg_10: 1.0,
            map: 0.5,
            ..Measures::default()
        };
        let b = Measures::default();
        let m = Measures::mean([&a, &b]);
        assert!(close(m.ndcg_10, 0.5));
        assert!(close(m.map, 0.25));
        assert_eq!(Measures::mean([]), Measures::default());
    }
}
