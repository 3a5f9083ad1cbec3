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
use chronicle::search::{Archive, DateRange, EntityFilter, Interval, SearchRequest, Sort};
use chronicle::serve::{AppState, LiveArchive};

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
    /// What an index holds: articles, files, date range, entities, size, last run.
    Stats(StatsArgs),
    /// Score the entity tagger on a CoNLL-2003 file (entity-level P/R/F1, as conlleval does)
    NerEval {
        /// CoNLL file (IOB1 or IOB2 tags in the last column)
        file: PathBuf,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// How often extracted entities cover editors' PLACES/PEOPLE/ORGS tags (Reuters-21578 SGML)
    NerCoverage {
        /// Folder or file of tagged stories (corpus/reuters21578)
        path: PathBuf,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Write a CoNLL file back with the predicted tag appended to each token line
    NerTag {
        /// CoNLL file
        file: PathBuf,
    },
    /// Retrain the entity tagger (deterministic: the same inputs give the same model file)
    NerTrain {
        /// CoNLL-2003 training file (eng.train)
        train: PathBuf,
        /// Development file to report F1 on (eng.testa)
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Place-name gazetteer
        #[arg(long, default_value = "models/gazetteer.tsv")]
        gazetteer: PathBuf,
        /// Where to write ner.model and ner.manifest.json
        #[arg(long, default_value = "models")]
        out: PathBuf,
    },
    /// Count the hits of a query per year, month, ISO week or day, drawn as bars.
    Timeline(TimelineArgs),
    /// Serve the archive over HTTP: a JSON API and a search page, on 127.0.0.1 by default.
    Serve(ServeArgs),
    /// Measure ranking quality: run judged queries and print nDCG@10, MAP, P@10, R@100 and MRR@10
    /// per query and on average, as trec_eval computes them.
    Eval(EvalArgs),
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

#[derive(clap::Args)]
struct StatsArgs {
    /// Index to describe [default: ./index]
    #[arg(long)]
    index: Option<PathBuf>,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
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
    /// Build a new index from scratch instead of updating the existing one (which stays searchable
    /// until the new one is complete)
    #[arg(long)]
    rebuild: bool,
    /// Commit at least this often, in seconds: a crash loses at most this much work
    #[arg(long, default_value_t = 10)]
    commit_secs: u64,
}

/// The filters `search` and `timeline` share.
#[derive(clap::Args)]
struct FilterArgs {
    /// Only articles dated on or after: YYYY, YYYY-MM or YYYY-MM-DD (start of that period; for a
    /// timeline, also where the rows start)
    #[arg(long)]
    from: Option<String>,
    /// Only articles dated on or before: YYYY, YYYY-MM or YYYY-MM-DD (end of that period; for a
    /// timeline, also where the rows end)
    #[arg(long)]
    to: Option<String>,
    /// Only articles that mention this entity, TYPE:NAME with TYPE org, person or place (repeatable)
    #[arg(long = "entity", value_name = "TYPE:NAME")]
    entities: Vec<String>,
}

#[derive(clap::Args)]
struct SearchArgs {
    /// Query, in tantivy's syntax: words (optional by default), "phrases", +required, -excluded, title:word
    query: String,
    /// Index to search [default: ./index, built from ./corpus if missing]
    #[arg(long)]
    index: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
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
struct TimelineArgs {
    /// Query, as for `search` (`*` counts every article)
    query: String,
    /// Index to read [default: ./index, built from ./corpus if missing]
    #[arg(long)]
    index: Option<PathBuf>,
    /// Calendar unit of each row (weeks are ISO weeks, Monday to Sunday)
    #[arg(long, value_enum, default_value_t = IntervalArg::Month)]
    interval: IntervalArg,
    #[command(flatten)]
    filters: FilterArgs,
    /// Print one JSON object instead of bars
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum IntervalArg {
    Year,
    Month,
    Week,
    Day,
    /// Pick from the span: days up to two months, weeks up to a year, then months, then years
    Auto,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Index to serve [default: ./index, built from ./corpus if missing]; a new index written there
    /// by `chronicle index` is picked up without a restart
    #[arg(long)]
    index: Option<PathBuf>,
    /// Address to listen on. The default is loopback only; anything else exposes the archive to
    /// whoever can reach this machine
    #[arg(long, default_value = "127.0.0.1:7700")]
    addr: std::net::SocketAddr,
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
        Command::Stats(args) => run_stats(args),
        Command::NerEval { file, json } => run_ner_eval(&file, json),
        Command::NerCoverage { path, json } => run_ner_coverage(&path, json),
        Command::NerTag { file } => run_ner_tag(&file),
        Command::NerTrain {
            train,
            dev,
            gazetteer,
            out,
        } => run_ner_train(&train, dev.as_deref(), &gazetteer, &out),
        Command::Timeline(args) => run_timeline(args),
        Command::Serve(args) => run_serve(args),
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
    plan.rebuild = args.rebuild;
    plan.commit_interval = std::time::Duration::from_secs(args.commit_secs);
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

fn run_ner_eval(file: &std::path::Path, json: bool) -> anyhow::Result<Outcome> {
    let model = chronicle::entities::tagger::Model::load_default()?;
    let report = chronicle::entities::conll::evaluate(model, file)
        .with_context(|| format!("scoring {}", file.display()))?;
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(Outcome::Done)
}

fn run_ner_coverage(path: &std::path::Path, json: bool) -> anyhow::Result<Outcome> {
    anyhow::ensure!(path.exists(), "{}: no such file or folder", path.display());
    let report = chronicle::entities::coverage::measure(path)?;
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        present::report::write_coverage(&mut out, &report)?;
    }
    for (file, reason) in &report.skipped_files {
        eprintln!("skipped {file}: {reason}");
    }
    Ok(if report.tagged_stories == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}

fn run_ner_tag(file: &std::path::Path) -> anyhow::Result<Outcome> {
    let model = chronicle::entities::tagger::Model::load_default()?;
    let input = std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?;
    let out = io::BufWriter::new(io::stdout().lock());
    chronicle::entities::conll::tag_conll(model, io::BufReader::new(input), out)?;
    Ok(Outcome::Done)
}

fn run_ner_train(
    train: &std::path::Path,
    dev: Option<&std::path::Path>,
    gazetteer: &std::path::Path,
    out: &std::path::Path,
) -> anyhow::Result<Outcome> {
    // The defaults are part of the model's identity: changing them changes the model file.
    let opts = chronicle::entities::tagger::TrainOptions::default();
    let model = chronicle::entities::tagger::train::train_files(
        train,
        dev,
        gazetteer,
        &opts,
        &mut |line| eprintln!("{line}"),
    )?;
    let manifest = model.save(out)?;
    eprintln!(
        "wrote {} bytes, sha256 {}, dev F1 {:.2}",
        manifest.model_bytes, manifest.model_sha256, manifest.dev_f1
    );
    Ok(Outcome::Done)
}

fn run_stats(args: StatsArgs) -> anyhow::Result<Outcome> {
    let index = args.index.unwrap_or_else(chronicle::defaults::index_dir);
    let open = OpenIndex::open(&index)?;
    let stats = chronicle::index::stats::stats(&open)?;
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        present::report::write_stats(&mut out, &stats)?;
    }
    Ok(Outcome::Done)
}

fn build_index(plan: &IndexPlan, quiet: bool) -> anyhow::Result<build::IndexReport> {
    let mut progress = IndexProgress::new(quiet);
    let report = build::build(plan, &mut |event| progress.on_event(event));
    progress.finish();
    report.with_context(|| format!("indexing {}", plan.corpus.display()))
}

/// The index to read: the one given, else `./index`, built from the embedded corpus on first use.
fn index_or_build(index: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(index) = index {
        return Ok(index);
    }
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
    Ok(index)
}

fn run_search(args: SearchArgs) -> anyhow::Result<Outcome> {
    let index = index_or_build(args.index)?;
    let mut request = filtered_request(args.query, &args.filters)?;
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

/// A request for `query` with the date and entity filters given on the command line.
fn filtered_request(query: String, filters: &FilterArgs) -> anyhow::Result<SearchRequest> {
    let mut request = SearchRequest::new(query);
    request.dates = DateRange::parse(filters.from.as_deref(), filters.to.as_deref())?;
    request.entities = filters
        .entities
        .iter()
        .map(|e| EntityFilter::parse(e))
        .collect::<Result<_, _>>()?;
    Ok(request)
}

fn run_timeline(args: TimelineArgs) -> anyhow::Result<Outcome> {
    let index = index_or_build(args.index)?;
    let request = filtered_request(args.query, &args.filters)?;
    let interval = match args.interval {
        IntervalArg::Year => Interval::Year,
        IntervalArg::Month => Interval::Month,
        IntervalArg::Week => Interval::Week,
        IntervalArg::Day => Interval::Day,
        IntervalArg::Auto => Interval::Auto,
    };
    let timeline = Archive::open(&index)?.timeline(&request, interval)?;
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &timeline)?;
        writeln!(out)?;
    } else {
        present::timeline::write_timeline(&mut out, &timeline)?;
    }
    out.flush()?;
    Ok(if timeline.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}

fn run_serve(args: ServeArgs) -> anyhow::Result<Outcome> {
    let index = index_or_build(args.index)?;
    let archive = LiveArchive::open(&index)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "chronicle: warning: listening on {addr}, not loopback: anyone who can reach this \
                 machine can read the archive"
            );
        }
        eprintln!(
            "chronicle: serving {} ({} articles) on http://{addr}/ (Ctrl-C stops)",
            index.display(),
            archive.get().archive.num_articles()
        );
        chronicle::serve::serve(listener, AppState::new(archive))
            .await
            .context("serving HTTP")
    })?;
    Ok(Outcome::Done)
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
        let mut ranking = chronicle::search::ranking::Ranking::default();
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
