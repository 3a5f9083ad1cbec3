//! Warm query latency, in one process: chronicle with facet counting, chronicle without, and the
//! raw-tantivy baseline on its own index, for the same queries.
//!
//! ```sh
//! cargo run --release --example query_bench -- --index IDX --baseline BASE_IDX \
//!     --queries benches/queries-reuters-200.txt --rounds 5
//! ```
//!
//! Every query is run once on each engine to warm caches, then `--rounds` times more. Within a round
//! the three configurations take turns going first (A B C, B C A, C A B, ...), so a burst of load from
//! another process on this shared machine falls on all of them alike. Prints p50/p95/p99/mean per
//! configuration (milliseconds), and chronicle's p50 as a ratio of the baseline's, as JSON.

#[path = "common/baseline.rs"]
mod baseline;

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;

use chronicle::search::{Archive, SearchRequest};

#[derive(Parser)]
struct Args {
    /// chronicle index
    #[arg(long)]
    index: PathBuf,
    /// Baseline index written by `--example tantivy_baseline` (omit to time chronicle alone)
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// One query per line
    #[arg(long)]
    queries: PathBuf,
    /// Timed passes over the queries, after one warm-up pass
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Entities per kind counted when facets are on (the CLI's default)
    #[arg(long, default_value_t = 5)]
    facets: usize,
    /// Time chronicle without facet counting alone (for profiling one configuration)
    #[arg(long)]
    only_no_facets: bool,
}

#[derive(Clone, Copy)]
enum Config {
    Baseline,
    NoFacets,
    Facets,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let queries: Vec<String> = std::fs::read_to_string(&args.queries)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let archive = Archive::open(&args.index)?;
    let base = args
        .baseline
        .as_deref()
        .map(baseline::BaseSearcher::open)
        .transpose()?;
    let mut configs = vec![Config::NoFacets, Config::Facets];
    if args.only_no_facets {
        configs = vec![Config::NoFacets];
    } else if base.is_some() {
        configs.insert(0, Config::Baseline);
    }
    let run = |config: Config, q: &str| -> anyhow::Result<usize> {
        Ok(match config {
            Config::Baseline => base.as_ref().expect("baseline opened").search(q)?,
            Config::NoFacets | Config::Facets => {
                let mut request = SearchRequest::new(q);
                request.facet_limit = match config {
                    Config::Facets => args.facets,
                    _ => 0,
                };
                archive.search(&request)?.total
            }
        })
    };
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); configs.len()];
    let mut mismatched = 0usize;
    for round in 0..=args.rounds {
        for (qi, q) in queries.iter().enumerate() {
            let mut totals = Vec::new();
            for k in 0..configs.len() {
                let slot = (k + round + qi) % configs.len();
                let started = Instant::now();
                let total = run(configs[slot], q)?;
                let ms = started.elapsed().as_secs_f64() * 1e3;
                if round > 0 {
                    samples[slot].push(ms);
                }
                totals.push(total);
            }
            if round == 0 && totals.iter().any(|t| *t != totals[0]) {
                mismatched += 1;
            }
        }
    }
    let name = |c: Config| match c {
        Config::Baseline => "baseline",
        Config::NoFacets => "chronicle_no_facets",
        Config::Facets => "chronicle_facets",
    };
    let mut out = serde_json::Map::new();
    let mut p50 = std::collections::HashMap::new();
    for (config, mut s) in configs.iter().zip(samples) {
        s.sort_by(f64::total_cmp);
        let pct = |p: f64| s[((p * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1];
        let mean = s.iter().sum::<f64>() / s.len() as f64;
        p50.insert(name(*config), pct(0.50));
        out.insert(
            name(*config).to_string(),
            serde_json::json!({
                "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
                "mean_ms": mean, "samples": s.len(),
            }),
        );
    }
    if let Some(b) = p50.get("baseline") {
        out.insert(
            "p50_ratio_no_facets".into(),
            serde_json::json!(p50["chronicle_no_facets"] / b),
        );
        out.insert(
            "p50_ratio_facets".into(),
            serde_json::json!(p50["chronicle_facets"] / b),
        );
        out.insert(
            "queries_with_different_totals".into(),
            serde_json::json!(mismatched),
        );
    }
    out.insert("queries".into(), serde_json::json!(queries.len()));
    out.insert("articles".into(), serde_json::json!(archive.num_articles()));
    println!("{}", serde_json::Value::Object(out));
    Ok(())
}
