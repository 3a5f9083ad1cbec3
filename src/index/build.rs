//! Building and updating an index: ingest -> enrich -> tantivy writer.
//!
//! Brief overview: [`build`] takes the writer lock, opens the live generation (or starts a new one),
//! reads its [`Manifest`], walks the corpus and sorts every file into unchanged, new, changed or
//! removed. Removed files are deleted by their `path` term at once. New and changed files go through
//! a pipeline ([`super::pipeline`]): a producer thread reads, parses and enriches them in parallel
//! (rayon), in walk order, into a bounded queue; this thread drains the queue into tantivy's writer,
//! whose own threads do the indexing. A changed file's old articles are deleted by path just before its
//! new ones are added, in the same commit.
//!
//! **Commits.** The writer commits every [`IndexPlan::commit_interval`] (between files, never inside
//! one) and at the end. tantivy commits atomically, and the manifest lives in the index, so a run killed
//! at any moment leaves the last commit searchable and consistent; the next run picks up where it
//! stopped, because committed files now look unchanged.
//!
//! **`--rebuild`** (or an index from an older schema) builds a new generation beside the live one and
//! switches to it only when complete: the old index answers searches until then.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::{IndexWriter, Term};

use super::document::to_document;
use super::layout::{Layout, WriterLock, INFO_FILE};
use super::manifest::{FileState, Manifest};
use super::pipeline::{self, Outcome, Parsed, Task};
use super::{analyzer, segments, BuildInfo, Fields};
use crate::enrich::Note;
use crate::error::{Error, Result};
use crate::ingest::{self, SkipReason};

/// How to build an index: what to read, where to write, how hard to work.
#[derive(Clone, Debug)]
pub struct IndexPlan {
    pub corpus: PathBuf,
    pub index: PathBuf,
    /// Extract named entities (facets). Off is faster and leaves facets empty.
    pub entities: bool,
    /// Threads for parsing and for tantivy's writer; 0 means one per core (at most 8).
    pub threads: usize,
    /// Memory budget of tantivy's writer, in bytes, shared by its threads.
    pub memory_bytes: usize,
    /// Start over: build a new index from scratch instead of updating the live one.
    pub rebuild: bool,
    /// How often to commit during a run; a crash loses at most this much work.
    pub commit_interval: Duration,
    /// JSON Lines files larger than this are streamed line by line instead of read whole.
    pub stream_bytes: u64,
}

impl IndexPlan {
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> IndexPlan {
        IndexPlan {
            corpus: corpus.into(),
            index: index.into(),
            entities: true,
            threads: 0,
            memory_bytes: 256 << 20,
            rebuild: false,
            commit_interval: Duration::from_secs(10),
            stream_bytes: super::pipeline::STREAM_BYTES,
        }
    }

    fn thread_count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
                .min(8),
            n => n,
        }
    }
}

/// Something that happened during a build, reported as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// The walk is done: how many files (and bytes) will be read.
    Planned { files: u64, bytes: u64 },
    /// A file was processed (indexed, found unchanged, or skipped).
    FileDone { bytes: u64, articles: u64 },
    /// A whole file was skipped.
    FileSkipped {
        path: &'a Path,
        reason: &'a SkipReason,
    },
    /// One story in a file was skipped; the file's other stories were indexed.
    ArticleSkipped {
        path: &'a Path,
        position: &'a str,
        reason: &'a str,
    },
    /// A file was indexed, but something about it is worth knowing.
    Warning { path: &'a Path, message: &'a str },
    /// The writer is committing.
    Committing,
}

/// The summary of a finished run.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct IndexReport {
    /// Files found by the walk (including unreadable ones).
    pub files_seen: u64,
    /// Files whose articles were (re)indexed in this run.
    pub files_indexed: u64,
    /// Articles (re)indexed in this run.
    pub articles_indexed: u64,
    pub files_added: u64,
    pub files_updated: u64,
    pub files_removed: u64,
    pub files_unchanged: u64,
    /// Articles deleted because their file changed or disappeared.
    pub articles_removed: u64,
    /// Articles in the index after the run.
    pub articles_total: u64,
    /// Files skipped, by reason (`binary file`, `not an article format`, ...).
    pub files_skipped: BTreeMap<String, u64>,
    /// Stories skipped inside otherwise good files, by reason.
    pub articles_skipped: BTreeMap<String, u64>,
    /// Articles indexed as undated because their stated date could not be read.
    pub unreadable_dates: u64,
    pub warnings: u64,
    /// Articles indexed in this run without a date.
    pub undated: u64,
    pub commits: u64,
    /// Whether this run built a new index from scratch.
    pub rebuilt: bool,
    pub index_bytes: u64,
    #[serde(serialize_with = "secs")]
    pub elapsed: Duration,
    pub index_dir: PathBuf,
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// Where a run writes: the live generation, or a new one published at the end.
struct Target {
    index: tantivy::Index,
    fields: Fields,
    dir: PathBuf,
    /// A new generation to publish when the run completes (`--rebuild`).
    unpublished: Option<super::layout::Generation>,
    /// Nothing indexed yet: no need to look for old copies of an article.
    empty: bool,
}

/// Builds or updates the index of `plan.corpus` at `plan.index`.
pub fn build(plan: &IndexPlan, on_event: &mut dyn FnMut(Event)) -> Result<IndexReport> {
    let started = Instant::now();
    if !plan.corpus.is_dir() {
        return Err(Error::NoCorpus(plan.corpus.clone()));
    }
    let layout = Layout::new(&plan.index);
    let lock = layout.lock()?;
    layout.remove_stale(&lock)?;
    let target = open_target(plan, &layout, &lock)?;
    let threads = plan.thread_count();
    // tantivy wants at least 15 MB per thread.
    let memory = plan.memory_bytes.max(threads * (16 << 20));
    let mut writer: IndexWriter = target.index.writer_with_num_threads(threads, memory)?;
    let reader = target.index.reader()?;
    let searcher = reader.searcher();
    let manifest = if target.empty {
        Manifest::default()
    } else {
        Manifest::read(&searcher)?
    };

    let mut report = IndexReport {
        rebuilt: target.unpublished.is_some(),
        ..IndexReport::default()
    };
    let tasks = plan_tasks(
        plan,
        &manifest,
        &mut report,
        &mut writer,
        &target.fields,
        on_event,
    );
    on_event(Event::Planned {
        files: tasks.len() as u64,
        bytes: tasks.iter().map(|t| t.state.size).sum(),
    });

    let mut sink = Sink {
        writer: &mut writer,
        fields: target.fields,
        searcher: (!target.empty).then_some(&searcher),
        seen: HashSet::new(),
        report: &mut report,
        last_commit: Instant::now(),
        interval: plan.commit_interval,
        file_added: 0,
        files_with_articles: 0,
    };
    pipeline::run(tasks, plan, threads, |batch| {
        batch
            .into_iter()
            .try_for_each(|parsed| sink.take(parsed, on_event))
    })?;
    let files_with_articles = sink.files_with_articles;
    on_event(Event::Committing);
    writer.commit()?;
    report.commits += 1;
    writer.wait_merging_threads()?;
    // Fewer segments of even size make every search cheaper (see `segments`). A new index is
    // settled once; an updated one only when small segments have piled up. This run's reader
    // lets go of the old segments first, or their files could not be deleted after the merge.
    drop(searcher);
    drop(reader);
    if target.empty || segments::worth_balancing(&target.index, threads)? {
        segments::balance(&target.index, threads)?;
    }

    let reader = target.index.reader()?;
    report.articles_total = reader.searcher().num_docs();
    // Reading the manifest back costs a dictionary look-up per file (100,000 of them took longer
    // than indexing their text with entities off); a new index holds exactly the files this run
    // gave articles to, so only an updated one is read.
    let files_total = if target.empty {
        files_with_articles
    } else {
        Manifest::read(&reader.searcher())?.len() as u64
    };
    write_info(&target.dir, plan, report.articles_total, files_total)?;
    report.index_bytes = dir_size(&target.dir);
    report.index_dir = match target.unpublished {
        Some(generation) => layout.publish(generation, &lock)?,
        None => target.dir,
    };
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Opens the live generation for an update, or creates a new one.
fn open_target(plan: &IndexPlan, layout: &Layout, lock: &WriterLock) -> Result<Target> {
    if !plan.rebuild {
        if let Some(dir) = layout.current()? {
            if let Some(target) = open_live(plan, &dir)? {
                return Ok(target);
            }
        }
    }
    let live = layout.current()?.is_some();
    let generation = layout.new_generation(lock)?;
    let index = tantivy::Index::builder()
        .schema(Fields::schema())
        .settings(index_settings())
        .create_in_dir(generation.dir())?;
    analyzer::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    if live {
        // Keep the old index live until the new one is complete.
        let dir = generation.dir().to_path_buf();
        return Ok(Target {
            index,
            fields,
            dir,
            unpublished: Some(generation),
            empty: true,
        });
    }
    // The very first index: publish it empty at once, so that each commit of this run is searchable
    // and a crash keeps the work done so far.
    index
        .writer_with_num_threads::<tantivy::TantivyDocument>(1, 16 << 20)?
        .commit()?;
    let dir = layout.publish(generation, lock)?;
    let index = tantivy::Index::open_in_dir(&dir)?;
    analyzer::register(&index);
    Ok(Target {
        index,
        fields,
        dir,
        unpublished: None,
        empty: true,
    })
}

/// Settings of a new index. tantivy compresses the document store on a thread of its own per
/// writer thread by default; on the two cores chronicle is sized for, those extra threads only
/// preempt the others (3,200 sleeps and wake-ups of the compressors in one run over 20,000 small
/// files), and each switch costs the tagger and the writer their caches. The writer's own threads
/// compress instead.
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compress_dedicated_thread: false,
        ..tantivy::IndexSettings::default()
    }
}

/// The live index, if it can be updated in place: same schema, same entity setting.
fn open_live(plan: &IndexPlan, dir: &Path) -> Result<Option<Target>> {
    let Ok(index) = tantivy::Index::open_in_dir(dir) else {
        return Ok(None);
    };
    analyzer::register(&index);
    let Ok(fields) = Fields::from_schema(&index.schema()) else {
        return Ok(None); // built by an older chronicle: rebuild
    };
    let info: Option<BuildInfo> = std::fs::read(dir.join(INFO_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    if info.is_some_and(|info| info.entities != plan.entities) {
        return Ok(None); // mixing articles with and without entities would make facets lie
    }
    Ok(Some(Target {
        index,
        fields,
        dir: dir.to_path_buf(),
        unpublished: None,
        empty: false,
    }))
}

/// Walks the corpus and decides what to do with each file; deletes the articles of removed files.
fn plan_tasks(
    plan: &IndexPlan,
    manifest: &Manifest,
    report: &mut IndexReport,
    writer: &mut IndexWriter,
    fields: &Fields,
    on_event: &mut dyn FnMut(Event),
) -> Vec<Task> {
    let mut tasks = Vec::new();
    let mut present: HashSet<String> = HashSet::new();
    for item in ingest::walk(&plan.corpus) {
        report.files_seen += 1;
        let path = match item {
            Ok(path) => path,
            Err(skip) => {
                on_event(Event::FileSkipped {
                    path: &skip.path,
                    reason: &skip.reason,
                });
                *report
                    .files_skipped
                    .entry(skip.reason.to_string())
                    .or_default() += 1;
                continue;
            }
        };
        let rel = ingest::relative_path(&path, &plan.corpus);
        let state = match FileState::stat(&path) {
            Ok(state) => state,
            Err(e) => {
                // Vanished or unreadable between the walk and now.
                let reason = SkipReason::Unreadable(e.to_string());
                on_event(Event::FileSkipped {
                    path: &path,
                    reason: &reason,
                });
                *report.files_skipped.entry(reason.to_string()).or_default() += 1;
                if manifest.get(&rel).is_some() {
                    present.insert(rel); // keep what was indexed rather than delete on a glitch
                }
                continue;
            }
        };
        let old = manifest.get(&rel);
        present.insert(rel.clone());
        if old.is_some_and(|old| old.size == state.size && old.mtime == state.mtime) {
            report.files_unchanged += 1;
            continue;
        }
        tasks.push(Task {
            path,
            old_articles: manifest.articles(&rel),
            rel,
            state,
            old,
        });
    }
    for rel in manifest.paths() {
        if !present.contains(rel) {
            writer.delete_term(Term::from_field_text(fields.path, rel));
            report.files_removed += 1;
            report.articles_removed += manifest.articles(rel);
        }
    }
    tasks
}

/// Receives parsed files in walk order and hands them to the writer.
struct Sink<'a> {
    writer: &'a mut IndexWriter,
    fields: Fields,
    /// The index as it was before this run; `None` when it was empty.
    searcher: Option<&'a tantivy::Searcher>,
    /// Hashes of the ids added in this run: the first file to carry an id wins.
    seen: HashSet<u64>,
    report: &'a mut IndexReport,
    last_commit: Instant,
    interval: Duration,
    /// Articles added so far from the file being received (its parts arrive in a row).
    file_added: u64,
    /// Files this run added at least one article from.
    files_with_articles: u64,
}

impl Sink<'_> {
    fn take(&mut self, parsed: Parsed, on_event: &mut dyn FnMut(Event)) -> Result<()> {
        let Parsed {
            task,
            outcome,
            notes,
            first_part,
            last_part,
        } = parsed;
        let path = task.path.as_path();
        let file = match outcome {
            Outcome::Articles(file) => file,
            Outcome::Unchanged => {
                self.report.files_unchanged += 1;
                on_event(Event::FileDone {
                    bytes: task.state.size,
                    articles: 0,
                });
                return Ok(());
            }
            Outcome::Skipped(reason) => {
                // Unsupported files (a README among the articles) are counted but not shouted about.
                if reason != SkipReason::Unsupported {
                    on_event(Event::FileSkipped {
                        path,
                        reason: &reason,
                    });
                }
                *self
                    .report
                    .files_skipped
                    .entry(reason.to_string())
                    .or_default() += 1;
                if task.old.is_some() {
                    // It was indexed before and is unreadable now: its old articles no longer match it.
                    self.delete_file(&task);
                }
                on_event(Event::FileDone {
                    bytes: task.state.size,
                    articles: 0,
                });
                return Ok(());
            }
        };
        if first_part {
            if task.old.is_some() {
                self.delete_file(&task);
                self.report.files_updated += 1;
            } else {
                self.report.files_added += 1;
            }
        }
        for warning in &file.warnings {
            self.report.warnings += 1;
            on_event(Event::Warning {
                path,
                message: warning,
            });
        }
        for Note::BadDate(raw) in notes {
            self.report.unreadable_dates += 1;
            let message = format!("unreadable date {raw:?}; indexed as undated");
            on_event(Event::Warning {
                path,
                message: &message,
            });
        }
        for skip in &file.skipped {
            on_event(Event::ArticleSkipped {
                path,
                position: &skip.position,
                reason: &skip.reason,
            });
            *self
                .report
                .articles_skipped
                .entry(reason_kind(&skip.reason))
                .or_default() += 1;
        }
        let mut added = 0u64;
        for article in &file.articles {
            if !self
                .seen
                .insert(xxhash_rust::xxh3::xxh3_64(article.id.as_bytes()))
            {
                let reason = format!("duplicate id {:?}; the first copy is kept", article.id);
                on_event(Event::ArticleSkipped {
                    path,
                    position: &article.id,
                    reason: &reason,
                });
                *self
                    .report
                    .articles_skipped
                    .entry("duplicate id".to_string())
                    .or_default() += 1;
                continue;
            }
            if let Some(searcher) = self.searcher {
                // An article of the same id indexed from another file before: this copy replaces it.
                let id = Term::from_field_text(self.fields.id, &article.id);
                if searcher.doc_freq(&id)? > 0 {
                    self.writer.delete_term(id);
                }
            }
            if article.date.is_none() {
                self.report.undated += 1;
            }
            self.writer
                .add_document(to_document(&self.fields, article, &task.state))?;
            added += 1;
        }
        self.report.articles_indexed += added;
        self.file_added += added;
        let bytes = if last_part { task.state.size } else { 0 };
        on_event(Event::FileDone {
            bytes,
            articles: added,
        });
        if last_part {
            self.report.files_indexed += 1;
            if self.file_added > 0 {
                self.files_with_articles += 1;
            }
            self.file_added = 0;
            if self.last_commit.elapsed() >= self.interval {
                on_event(Event::Committing);
                self.writer.commit()?;
                self.report.commits += 1;
                self.last_commit = Instant::now();
            }
        }
        Ok(())
    }

    fn delete_file(&mut self, task: &Task) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.path, &task.rel));
        // From the manifest, which counts live articles (a term's doc_freq also counts deleted ones).
        self.report.articles_removed += task.old_articles;
    }
}

/// The first words of a skip reason, so the summary groups `expected value at column 3` and
/// `expected value at column 9` together.
fn reason_kind(reason: &str) -> String {
    let head = reason.split(':').next().unwrap_or(reason).trim();
    match head.find(" at line ").or_else(|| head.find(" at column ")) {
        Some(cut) => head[..cut].to_string(),
        None => head.to_string(),
    }
}

/// Records what was indexed and when, beside the index (atomically: write then rename).
fn write_info(dir: &Path, plan: &IndexPlan, articles: u64, files: u64) -> Result<()> {
    let info = BuildInfo {
        corpus: plan
            .corpus
            .canonicalize()
            .unwrap_or_else(|_| plan.corpus.clone()),
        built_at: chrono::Utc::now().to_rfc3339(),
        articles,
        files,
        entities: plan.entities,
        version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let path = dir.join(INFO_FILE);
    let tmp = dir.join(format!("{INFO_FILE}.tmp"));
    let json = serde_json::to_vec_pretty(&info).map_err(|e| Error::io(&path, e.into()))?;
    std::fs::write(&tmp, json).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
}

pub(crate) fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
