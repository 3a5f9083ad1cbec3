//! The indexing pipeline's producer side: read, parse and enrich files in parallel, in order.
//!
//! A producer thread runs the CPU-heavy work (decoding, parsing, date parsing, entity tagging) on a
//! rayon pool, a batch of files at a time (read and parse every file of the batch, then enrich all
//! their articles), and sends the batch's articles, in walk order, through a bounded channel to the
//! caller, which feeds tantivy's writer. The channel bound and the batch size cap the memory held
//! in flight; tantivy's own budget caps the rest. Order is kept so that document order, which breaks
//! score ties, does not depend on thread timing.
//!
//! **Memory.** The queue is bounded twice: by a count of batches, and by the bytes of article text
//! they hold ([`IN_FLIGHT_BYTES`]). A count alone does not bound memory, because a part is one
//! article of a text file or a whole 10,000-line JSON Lines shard (a batch holds up to 64 parts):
//! when the writer is the slower stage (entities off), a queue of 256 parsed shards held 440 MB on
//! 100,000 articles and would have held most of a million-article archive.
//!
//! JSON Lines files over [`STREAM_BYTES`] are never read whole: they are streamed line by line and
//! sent in chunks of [`CHUNK_LINES`] articles, so a multi-gigabyte dump indexes in constant memory.

use std::io::BufReader;
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Condvar, Mutex};

use rayon::prelude::*;

use super::build::IndexPlan;
use super::manifest::FileState;
use crate::enrich::{Enricher, Note};
use crate::error::{Error, Result};
use crate::ingest::{self, json::LineStream, FileArticles, Format, SkipReason};

/// JSON Lines files larger than this are streamed rather than read whole (the default of
/// [`IndexPlan::stream_bytes`]).
pub const STREAM_BYTES: u64 = 32 << 20;
/// Articles per chunk of a streamed file.
pub const CHUNK_LINES: usize = 4096;
/// Files per parallel batch, and the bytes a batch may hold.
const BATCH_FILES: usize = 64;
const BATCH_BYTES: u64 = 2 << 20;
/// Batches of parsed parts waiting for the writer.
const QUEUE: usize = 4;
/// Article text parsed but not yet handed to the writer. Enough to keep the writer busy while the
/// producer parses the next batch; a single part larger than this still goes through, alone.
pub const IN_FLIGHT_BYTES: u64 = 64 << 20;

/// A file to (re)index.
#[derive(Clone, Debug)]
pub struct Task {
    pub path: PathBuf,
    /// Path relative to the corpus root: the manifest key and the article `path`.
    pub rel: String,
    /// State on disk; the pipeline fills in the content hash once it has read the file.
    pub state: FileState,
    /// State when last indexed, if it was.
    pub old: Option<FileState>,
    /// Articles indexed from it then.
    pub old_articles: u64,
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Outcome {
    Articles(FileArticles),
    /// The file was touched but its content is what was indexed.
    Unchanged,
    Skipped(SkipReason),
}

/// One file's articles (or one chunk of a streamed file's), ready for the writer.
#[derive(Debug)]
pub struct Parsed {
    pub task: Task,
    pub outcome: Outcome,
    /// Dates that could not be read.
    pub notes: Vec<Note>,
    /// The first (or only) part of the file: the writer deletes its old articles before it.
    pub first_part: bool,
    /// The last (or only) part: the file is done.
    pub last_part: bool,
}

impl Parsed {
    /// The article text this part holds: what it weighs in the queue.
    fn weight(&self) -> u64 {
        match &self.outcome {
            Outcome::Articles(file) => file
                .articles
                .iter()
                .map(|a| (a.title.len() + a.body.len()) as u64)
                .sum(),
            _ => 0,
        }
    }
}

/// The byte bound of the queue: the producer acquires a part's weight before sending it and the
/// consumer releases it once the writer has the part. Closed by the consumer when it stops, so a
/// producer waiting for room is never left waiting.
struct Gate {
    state: Mutex<(u64, bool)>,
    freed: Condvar,
}

impl Gate {
    fn new() -> Gate {
        Gate {
            state: Mutex::new((0, false)),
            freed: Condvar::new(),
        }
    }

    /// Waits for room for `bytes` (always granted when nothing is in flight); false once closed.
    fn acquire(&self, bytes: u64) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.1 && state.0 > 0 && state.0 + bytes > IN_FLIGHT_BYTES {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.0 += bytes;
        !state.1
    }

    fn release(&self, bytes: u64) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 = state.0.saturating_sub(bytes);
        self.freed.notify_all();
    }

    fn close(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.freed.notify_all();
    }
}

/// A sender that respects both bounds of the queue.
///
/// Parts travel in batches, a message per parallel batch of files. A message per file woke the
/// writer's thread for each: with one small file per article, that was thousands of context
/// switches a second, and each let another thread evict the tagger's tables from the cache (on
/// 20,000 one-article files, 24,000 switches in a run against 12,000 with batches).
struct Queue<'a> {
    tx: SyncSender<Vec<Parsed>>,
    gate: &'a Gate,
}

impl Queue<'_> {
    /// Sends a batch of parts; `Err` when the receiver is gone.
    fn send(&self, batch: Vec<Parsed>) -> std::result::Result<(), ()> {
        if !self.gate.acquire(weight(&batch)) {
            return Err(());
        }
        self.tx.send(batch).map_err(|_| ())
    }
}

/// What a batch weighs in the queue.
fn weight(batch: &[Parsed]) -> u64 {
    batch.iter().map(Parsed::weight).sum()
}

/// Runs the producer on `threads` threads and calls `sink` with every file's result, in order, a
/// batch of files at a time. Stops early, and returns the error, if `sink` fails.
pub fn run(
    tasks: Vec<Task>,
    plan: &IndexPlan,
    threads: usize,
    mut sink: impl FnMut(Vec<Parsed>) -> Result<()>,
) -> Result<()> {
    let enricher = if plan.entities {
        Enricher::new()?
    } else {
        Enricher::without_entities()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("chronicle-parse-{i}"))
        .build()
        .map_err(|e| Error::Pipeline(e.to_string()))?;
    let (tx, rx) = sync_channel::<Vec<Parsed>>(QUEUE);
    let gate = Gate::new();
    std::thread::scope(|scope| {
        let enricher = &enricher;
        let pool = &pool;
        let stream_bytes = plan.stream_bytes;
        let queue = Queue { tx, gate: &gate };
        let producer =
            scope.spawn(move || pool.install(|| produce(tasks, stream_bytes, enricher, &queue)));
        let mut outcome = Ok(());
        for batch in rx.iter() {
            let weight = weight(&batch);
            outcome = sink(batch);
            gate.release(weight);
            if outcome.is_err() {
                break;
            }
        }
        // Closing the gate and dropping the receiver make the producer's next send fail, which
        // stops it.
        gate.close();
        drop(rx);
        if producer.join().is_err() {
            return Err(Error::Pipeline("a parsing thread panicked".to_string()));
        }
        outcome
    })
}

/// Processes tasks batch by batch; returns when done or when the receiver is gone.
fn produce(tasks: Vec<Task>, stream_bytes: u64, enricher: &Enricher, tx: &Queue) {
    let mut rest = tasks.as_slice();
    while !rest.is_empty() {
        if is_streamed(&rest[0], stream_bytes) {
            if stream(&rest[0], enricher, tx).is_err() {
                return;
            }
            rest = &rest[1..];
            continue;
        }
        let mut end = 0;
        let mut bytes = 0;
        while end < rest.len() && end < BATCH_FILES && !is_streamed(&rest[end], stream_bytes) {
            bytes += rest[end].state.size;
            end += 1;
            if bytes >= BATCH_BYTES {
                break;
            }
        }
        let (batch, tail) = rest.split_at(end);
        rest = tail;
        let mut parsed: Vec<Parsed> = batch.par_iter().map(process).collect();
        enrich_batch(&mut parsed, enricher);
        if tx.send(parsed).is_err() {
            return;
        }
    }
}

fn is_streamed(task: &Task, stream_bytes: u64) -> bool {
    task.state.size > stream_bytes && matches!(ingest::format_of(&task.path), Ok(Format::JsonLines))
}

/// Reads and parses one whole file; [`enrich_batch`] enriches its articles.
fn process(task: &Task) -> Parsed {
    let mut task = task.clone();
    let whole = |task: Task, outcome, notes| Parsed {
        task,
        outcome,
        notes,
        first_part: true,
        last_part: true,
    };
    let format = match ingest::format_of(&task.path) {
        Ok(format) => format,
        Err(reason) => return whole(task, Outcome::Skipped(reason), Vec::new()),
    };
    let bytes = match std::fs::read(&task.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let reason = SkipReason::Unreadable(ingest::io_reason(&e));
            return whole(task, Outcome::Skipped(reason), Vec::new());
        }
    };
    task.state.size = bytes.len() as u64;
    task.state.hash = FileState::hash_of(&bytes);
    if task
        .old
        .is_some_and(|old| old.hash == task.state.hash && old.size == task.state.size)
    {
        return whole(task, Outcome::Unchanged, Vec::new());
    }
    match ingest::parse_bytes(format, &bytes, &task.rel) {
        Ok(file) => whole(task, Outcome::Articles(file), Vec::new()),
        Err(reason) => whole(task, Outcome::Skipped(reason), Vec::new()),
    }
}

/// Enriches the articles of a batch of files (or of one chunk of a streamed file), all of them in
/// one parallel loop, after the batch has been read and parsed. Interleaving them with the reading and parsing of the files, a file at a
/// time, cost entity tagging a third more cycles when files are small: the system calls and the
/// parsing between two articles pushed the tagger's weights out of the cache.
fn enrich_batch(batch: &mut [Parsed], enricher: &Enricher) {
    let mut articles = Vec::new();
    for (i, parsed) in batch.iter_mut().enumerate() {
        if let Outcome::Articles(file) = &mut parsed.outcome {
            articles.extend(file.articles.iter_mut().map(|a| (i, a)));
        }
    }
    let notes: Vec<(usize, Note)> = articles
        .par_iter_mut()
        .filter_map(|(i, a)| enricher.enrich(a).map(|note| (*i, note)))
        .collect();
    for (i, note) in notes {
        batch[i].notes.push(note);
    }
}

/// Streams a large JSON Lines file in chunks. The content hash is left at 0: the file is not held in
/// memory to hash it first, so such files are compared by size and mtime only.
fn stream(task: &Task, enricher: &Enricher, tx: &Queue) -> std::result::Result<(), ()> {
    let file = match std::fs::File::open(&task.path) {
        Ok(file) => file,
        Err(e) => {
            let reason = SkipReason::Unreadable(ingest::io_reason(&e));
            return tx.send(vec![Parsed {
                task: task.clone(),
                outcome: Outcome::Skipped(reason),
                notes: Vec::new(),
                first_part: true,
                last_part: true,
            }]);
        }
    };
    let mut lines = LineStream::new(BufReader::with_capacity(1 << 20, file), &task.rel);
    let mut first = true;
    loop {
        let mut chunk = FileArticles::default();
        let mut done = false;
        while chunk.articles.len() + chunk.skipped.len() < CHUNK_LINES {
            match lines.next_item() {
                None => {
                    done = true;
                    break;
                }
                Some(Ok(article)) => chunk.articles.push(article),
                Some(Err(skip)) => chunk.skipped.push(skip),
            }
        }
        if done && lines.latin1_lines > 0 {
            chunk.warnings.push(format!(
                "{} lines not valid UTF-8; read as Latin-1",
                lines.latin1_lines
            ));
        }
        let mut parsed = vec![Parsed {
            task: task.clone(),
            outcome: Outcome::Articles(chunk),
            notes: Vec::new(),
            first_part: first,
            last_part: done,
        }];
        enrich_batch(&mut parsed, enricher);
        tx.send(parsed)?;
        first = false;
        if done {
            return Ok(());
        }
    }
}
