//! The `chronicle` command: parses arguments, turns them into library requests, prints results.
//! All the work happens in the `chronicle` library; this file only wires it to a terminal.
//!
//! Exit codes: 0 success; 1 a search found nothing (as grep does, so scripts can test for it);
//! 2 an error (bad query, bad date, missing index, unreadable corpus). A closed pipe
//! (`chronicle search x | head -1`) is not an error.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use chronicle::index::build::{self, IndexPlan};
use chronicle::index::OpenIndex;
use chronicle::present::{self, progress::IndexProgress, ColorChoice};
use chronicle::search::{Archive, DateRange, EntityFilter, SearchRequest, Sort};

#[derive(Parser)]
#[command(
    name = "chronicle",
    version,
    about = "Full-text search for news archives"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index a folder of articles (.txt, Reuters .sgm, .json, .jsonl), replacing the previous index
    /// atomically.
    Index(IndexArgs),
    /// Search the index; with the default index, builds it from ./corpus on first use.
    Search(SearchArgs),
    /// Measure ranking quality: run judged queries and print nDCG@10, MAP, P@10, R@100 and MRR@10
    /// per query and on average, as trec_eval computes them.
    Eval(EvalArgs),
}

#[derive(clap::Args)]
struct IndexArgs {
    /// Folder of articles [default: ./corpus, the embedded archive]
    corpus: Option<PathBuf>,
    /// Where to write the index [default: ./index]
    #[arg(long)]
    index: Option<PathBuf>,
    /// Skip named-entity extraction (faster; no entity facets or filters)
    #[arg(long)]
    no_entities: bool,
    /// Indexing threads [default: one per core]
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Memory budget of the index writer, in MB
    #[arg(long, default_value_t = 256)]
    memory: usize,
    /// Print only the summary, not each skipped file
    #[arg(long, short)]
    quiet: bool,
    /// Print the summary as JSON on stdout
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct SearchArgs {
    /// Query, in tantivy's syntax: words (optional by default), "phrases", +required, -excluded, title:word
    query: String,
    /// Index to search [default: ./index, built from ./corpus if missing]
    #[arg(long)]
    index: Option<PathBuf>,
    /// Only articles dated on or after: YYYY, YYYY-MM or YYYY-MM-DD (start of that period)
    #[arg(long)]
    from: Option<String>,
    /// Only articles dated on or before: YYYY, YYYY-MM or YYYY-MM-DD (end of that period)
    #[arg(long)]
    to: Option<String>,
    /// Only articles that mention this entity, TYPE:NAME with TYPE org, person or place (repeatable)
    #[arg(long = "entity", value_name = "TYPE:NAME")]
    entities: Vec<String>,
    /// Order of results
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    sort: SortArg,
    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Number of hits to skip (for paging)
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Entities per type to count among the hits (0: none)
    #[arg(long, default_value_t = 5)]
    facets: usize,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
    /// Colour the output
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Queries: TREC topics (the title is the query) or `qid<TAB>text` lines
    #[arg(long)]
    queries: PathBuf,
    /// Judgments in TREC qrels format: `qid 0 docid grade`
    #[arg(long)]
    qrels: PathBuf,
    /// Index to search [default: ./index]
    #[arg(long)]
    index: Option<PathBuf>,
    /// Also write the results as a TREC run file (`qid Q0 docid rank score tag`)
    #[arg(long)]
    run: Option<PathBuf>,
    /// Rank with stock tantivy (query parser over title and body) instead of chronicle's ranking
    #[arg(long)]
    baseline: bool,
    /// Override a ranking knob for this run, NAME=VALUE (repeatable; see docs/relevance.md)
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Documents retrieved per query
    #[arg(long, default_value_t = chronicle::eval::DEFAULT_DEPTH)]
    depth: usize,
    /// Print one JSON object instead of a table
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    Relevance,
    Date,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// What a command achieved, for the exit code.
enum Outcome {
    Done,
    NothingFound,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Eval(args) => run_eval(args),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("chronicle: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run_index(args: IndexArgs) -> anyhow::Result<Outcome> {
    let corpus = args.corpus.unwrap_or_else(chronicle::defaults::corpus_dir);
    let index = args.index.unwrap_or_else(chronicle::defaults::index_dir);
    let mut plan = IndexPlan::new(corpus, index);
    plan.entities = !args.no_entities;
    plan.threads = args.threads;
    plan.memory_bytes = args.memory.saturating_mul(1 << 20);
    let report = build_index(&plan, args.quiet)?;
    if args.json {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        present::report::write_index_report(&mut io::stderr().lock(), &report)?;
    }
    Ok(Outcome::Done)
}

fn build_index(plan: &IndexPlan, quiet: bool) -> anyhow::Result<build::IndexReport> {
    let mut progress = IndexProgress::new(quiet);
    let report = build::build(plan, &mut |event| progress.on_event(event));
    progress.finish();
    report.with_context(|| format!("indexing {}", plan.corpus.display()))
}

fn run_search(args: SearchArgs) -> anyhow::Result<Outcome> {
    let index = match args.index {
        Some(index) => index,
        None => {
            let index = chronicle::defaults::index_dir();
            if !OpenIndex::exists(&index) {
                let corpus = chronicle::defaults::corpus_dir();
                eprintln!(
                    "chronicle: no index yet; building {} from {} (once)",
                    index.display(),
                    corpus.display()
                );
                let report = build_index(&IndexPlan::new(corpus, &index), true)?;
                present::report::write_index_report(&mut io::stderr().lock(), &report)?;
            }
            index
        }
    };
    let mut request = SearchRequest::new(args.query);
    request.dates = DateRange::parse(args.from.as_deref(), args.to.as_deref())?;
    request.entities = args
        .entities
        .iter()
        .map(|e| EntityFilter::parse(e))
        .collect::<Result<_, _>>()?;
    request.sort = match args.sort {
        SortArg::Relevance => Sort::Relevance,
        SortArg::Date => Sort::Date,
    };
    request.limit = args.limit;
    request.offset = args.offset;
    request.facet_limit = args.facets;

    let archive = Archive::open(&index)?;
    let results = archive.search(&request)?;
    let mut out = io::stdout().lock();
    if args.json {
        present::json::write_results(&mut out, &results)?;
    } else {
        let color = match args.color {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        };
        present::terminal::write_results(&mut out, &results, color.enabled())?;
    }
    out.flush()?;
    Ok(if results.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}

fn run_eval(args: EvalArgs) -> anyhow::Result<Outcome> {
    use chronicle::eval::{self, trec, EvalRequest, Ranker};

    let ranker = if args.baseline {
        anyhow::ensure!(
            args.params.is_empty(),
            "--param does not apply to --baseline"
        );
        Ranker::Baseline
    } else {
        let mut ranking = chronicle::search::query::Ranking::default();
        for param in &args.params {
            ranking.set(param)?;
        }
        Ranker::Chronicle(ranking)
    };
    let request = EvalRequest {
        ranker,
        depth: args.depth,
    };
    let topics = trec::read_queries(&args.queries)?;
    let qrels = trec::read_qrels(&args.qrels)?;
    let index = args.index.unwrap_or_else(chronicle::defaults::index_dir);
    let archive = Archive::open(&index)?;
    let run = eval::run(&archive, &topics, &request)?;
    if let Some(path) = &args.run {
        let file = std::fs::File::create(path)
            .with_context(|| format!("writing run file {}", path.display()))?;
        let mut file = io::BufWriter::new(file);
        for (query, results) in &run {
            trec::write_run(&mut file, query, results, request.ranker.tag())?;
        }
        file.flush()?;
    }
    let evaluation = eval::evaluate(&run, &qrels, request.ranker.tag());
    let mut out = io::stdout().lock();
    if args.json {
        present::eval::write_json(&mut out, &evaluation)?;
    } else {
        present::eval::write_table(&mut out, &evaluation)?;
    }
    out.flush()?;
    Ok(Outcome::Done)
}
