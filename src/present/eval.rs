//! The output of `chronicle eval`: a per-query table and the mean, or one JSON object.

use std::io::{self, Write};

use crate::eval::Evaluation;

/// One line per evaluated query, then the mean over them, four decimals as trec_eval prints.
pub fn write_table(out: &mut dyn Write, evaluation: &Evaluation) -> io::Result<()> {
    writeln!(
        out,
        "{:<10} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6}",
        "query", "nDCG@10", "MAP", "P@10", "R@100", "MRR@10", "rel"
    )?;
    let row = |out: &mut dyn Write, name: &str, m: &crate::eval::metrics::Measures, rel: String| {
        writeln!(
            out,
            "{:<10} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>6}",
            name, m.ndcg_10, m.map, m.p_10, m.recall_100, m.mrr_10, rel
        )
    };
    for q in &evaluation.queries {
        row(out, &q.query, &q.measures, q.relevant.to_string())?;
    }
    row(out, "mean", &evaluation.mean, String::new())?;
    writeln!(
        out,
        "{} queries evaluated ({} ranking){}",
        evaluation.evaluated,
        evaluation.ranking,
        if evaluation.unjudged > 0 {
            format!("; {} without judgments skipped", evaluation.unjudged)
        } else {
            String::new()
        }
    )
}

/// The evaluation as one pretty-printed JSON object: `{"ranking", "evaluated", "unjudged",
/// "queries": [{"query", "retrieved", "relevant", "ndcg_10", "map", "p_10", "recall_100", "mrr_10"}],
/// "mean": {...}}`.
pub fn write_json(out: &mut dyn Write, evaluation: &Evaluation) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, evaluation)?;
    writeln!(out)
}
