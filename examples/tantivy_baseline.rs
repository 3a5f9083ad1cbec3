//! The raw-tantivy baseline indexer (see `examples/common/baseline.rs` for what it does and why).
//!
//! ```sh
//! cargo run --release --example tantivy_baseline -- CORPUS --index DIR --threads 2 --memory 256
//! ```
//!
//! Prints one JSON line: articles indexed and wall seconds. `scripts/bench-index` runs it beside
//! `chronicle index` under `/usr/bin/time -v`.

#[path = "common/baseline.rs"]
mod baseline;

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Folder of `.jsonl` and `.txt` files (as `synth-corpus` writes them)
    corpus: PathBuf,
    /// Where to write the index (created; must not hold an index already)
    #[arg(long)]
    index: PathBuf,
    /// Writer threads; 0 means one per core (at most 8), as chronicle does
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Writer memory budget in MB, shared by its threads
    #[arg(long, default_value_t = 256)]
    memory: usize,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let threads = match args.threads {
        0 => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8),
        n => n,
    };
    // chronicle raises the budget to tantivy's minimum per thread the same way.
    let memory = (args.memory << 20).max(threads * (16 << 20));
    let started = Instant::now();
    let articles = baseline::index(&args.corpus, &args.index, threads, memory)?;
    println!(
        "{}",
        serde_json::json!({
            "articles": articles,
            "seconds": started.elapsed().as_secs_f64(),
            "threads": threads,
            "memory_bytes": memory,
        })
    );
    Ok(())
}
