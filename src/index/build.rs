//! Building an index: ingest -> enrich -> tantivy writer, into a new generation.
//!
//! Files are parsed and enriched in parallel (rayon) in small batches, then handed to tantivy's
//! writer in walk order, so memory stays bounded by one batch plus the writer's budget, and the
//! article order in the index (which breaks score ties) does not depend on thread timing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::schema::Facet;
use tantivy::{IndexWriter, TantivyDocument};

use super::layout::{Layout, INFO_FILE};
use super::{analyzer, BuildInfo, Fields};
use crate::article::Article;
use crate::enrich::{Enricher, Note};
use crate::error::{Error, Result};
use crate::ingest::{self, FileArticles, SkipReason};

/// How to build an index: what to read, where to write, how hard to work.
#[derive(Clone, Debug)]
pub struct IndexPlan {
    pub corpus: PathBuf,
    pub index: PathBuf,
    /// Extract named entities (facets). Off is faster and leaves facets empty.
    pub entities: bool,
    /// Indexing threads for tantivy's writer; 0 means one per core (at most 8).
    pub threads: usize,
    /// Memory budget of tantivy's writer, in bytes, shared by its threads.
    pub memory_bytes: usize,
}

impl IndexPlan {
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> IndexPlan {
        IndexPlan {
            corpus: corpus.into(),
            index: index.into(),
            entities: true,
            threads: 0,
            memory_bytes: 256 << 20,
        }
    }
}

/// Something that happened during a build, reported as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// The walk is done: how many candidate files and bytes there are.
    Planned { files: u64, bytes: u64 },
    /// A file was processed (indexed or skipped).
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
    /// The writer is committing and merging: the slow tail of a run.
    Committing,
}

/// The summary of a finished build.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct IndexReport {
    pub files_seen: u64,
    pub files_indexed: u64,
    pub articles_indexed: u64,
    /// Files skipped, by reason (`binary file`, `not an article format`, ...).
    pub files_skipped: BTreeMap<String, u64>,
    /// Stories skipped inside otherwise good files, by reason.
    pub articles_skipped: BTreeMap<String, u64>,
    /// Articles indexed as undated because their stated date could not be read.
    pub unreadable_dates: u64,
    pub warnings: u64,
    pub undated: u64,
    pub index_bytes: u64,
    #[serde(serialize_with = "secs")]
    pub elapsed: Duration,
    pub index_dir: PathBuf,
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// Files parsed and enriched in parallel per batch. Large enough to keep every core busy,
/// small enough that one batch of articles never dominates memory.
const BATCH_FILES: usize = 32;

/// Builds a complete index of `plan.corpus` and makes it live atomically.
pub fn build(plan: &IndexPlan, on_event: &mut dyn FnMut(Event)) -> Result<IndexReport> {
    let started = Instant::now();
    if !plan.corpus.is_dir() {
        return Err(Error::NoCorpus(plan.corpus.clone()));
    }
    let layout = Layout::new(&plan.index);
    let lock = layout.lock()?;
    let generation = layout.new_generation(&lock)?;

    let index = tantivy::Index::create_in_dir(generation.dir(), Fields::schema())?;
    analyzer::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    let threads = match plan.threads {
        0 => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8),
        n => n,
    };
    // tantivy wants at least 15 MB per thread.
    let memory = plan.memory_bytes.max(threads * (16 << 20));
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, memory)?;

    let mut report = IndexReport::default();
    let mut files = Vec::new();
    let mut total_bytes = 0u64;
    for item in ingest::walk::walk(&plan.corpus) {
        report.files_seen += 1;
        match item {
            Ok(path) => {
                total_bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                files.push(path);
            }
            Err(skip) => {
                on_event(Event::FileSkipped {
                    path: &skip.path,
                    reason: &skip.reason,
                });
                *report
                    .files_skipped
                    .entry(skip.reason.to_string())
                    .or_default() += 1;
            }
        }
    }
    on_event(Event::Planned {
        files: files.len() as u64,
        bytes: total_bytes,
    });

    let enricher = if plan.entities {
        Enricher::new()
    } else {
        Enricher::without_entities()
    };
    // First path each id was seen at: an id met twice is one article listed twice, not two articles.
    let mut seen: HashMap<String, String> = HashMap::new();
    for batch in files.chunks(BATCH_FILES) {
        let parsed: Vec<(
            u64,
            std::result::Result<FileArticles, SkipReason>,
            Vec<Note>,
        )> = batch
            .par_iter()
            .map(|path| {
                let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                let mut result = ingest::read_file(path, &plan.corpus);
                let mut notes = Vec::new();
                if let Ok(file) = &mut result {
                    notes = file
                        .articles
                        .par_iter_mut()
                        .filter_map(|a| enricher.enrich(a))
                        .collect();
                }
                (bytes, result, notes)
            })
            .collect();
        for (path, (bytes, result, notes)) in batch.iter().zip(parsed) {
            let file = match result {
                Ok(file) => file,
                Err(reason) => {
                    // Unsupported files (a README among the articles) are counted but not shouted about.
                    if reason != SkipReason::Unsupported {
                        on_event(Event::FileSkipped {
                            path,
                            reason: &reason,
                        });
                    }
                    *report.files_skipped.entry(reason.to_string()).or_default() += 1;
                    on_event(Event::FileDone { bytes, articles: 0 });
                    continue;
                }
            };
            for warning in &file.warnings {
                report.warnings += 1;
                on_event(Event::Warning {
                    path,
                    message: warning,
                });
            }
            for note in notes {
                match note {
                    Note::BadDate(raw) => {
                        report.unreadable_dates += 1;
                        let message = format!("unreadable date {raw:?}; indexed as undated");
                        on_event(Event::Warning {
                            path,
                            message: &message,
                        });
                    }
                }
            }
            for skip in &file.skipped {
                on_event(Event::ArticleSkipped {
                    path,
                    position: &skip.position,
                    reason: &skip.reason,
                });
                *report
                    .articles_skipped
                    .entry(reason_kind(&skip.reason))
                    .or_default() += 1;
            }
            let mut added = 0u64;
            for article in file.articles {
                if let Some(first) = seen.get(&article.id) {
                    let reason = format!("duplicate id {:?} (first seen in {first})", article.id);
                    on_event(Event::ArticleSkipped {
                        path,
                        position: &article.id,
                        reason: &reason,
                    });
                    *report
                        .articles_skipped
                        .entry("duplicate id".to_string())
                        .or_default() += 1;
                    continue;
                }
                seen.insert(article.id.clone(), article.path.clone());
                if article.date.is_none() {
                    report.undated += 1;
                }
                writer.add_document(to_document(&fields, &article))?;
                added += 1;
            }
            report.files_indexed += 1;
            report.articles_indexed += added;
            on_event(Event::FileDone {
                bytes,
                articles: added,
            });
        }
    }

    on_event(Event::Committing);
    writer.commit()?;
    writer.wait_merging_threads()?;

    let info = BuildInfo {
        corpus: plan
            .corpus
            .canonicalize()
            .unwrap_or_else(|_| plan.corpus.clone()),
        built_at: chrono::Utc::now().to_rfc3339(),
        articles: report.articles_indexed,
        files: report.files_indexed,
        entities: plan.entities,
        version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let info_path = generation.dir().join(INFO_FILE);
    let json = serde_json::to_vec_pretty(&info).map_err(|e| Error::io(&info_path, e.into()))?;
    std::fs::write(&info_path, json).map_err(|e| Error::io(&info_path, e))?;

    report.index_bytes = dir_size(generation.dir());
    report.index_dir = layout.publish(generation, &lock)?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The first words of a skip reason, so the summary groups `line 3: expected value` and
/// `line 9: expected value` together.
fn reason_kind(reason: &str) -> String {
    reason
        .split(':')
        .next()
        .unwrap_or(reason)
        .trim()
        .to_string()
}

/// Converts an enriched article into a tantivy document.
pub fn to_document(fields: &Fields, article: &Article) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    if let Some(text) = fields.text {
        // Two values of one field are indexed as one text (one length, one BM25).
        doc.add_text(text, &article.title);
        doc.add_text(text, &article.body);
    }
    if let Some(date) = article.date {
        doc.add_date(
            fields.date,
            tantivy::DateTime::from_timestamp_secs(date.timestamp()),
        );
    }
    for entity in &article.entities {
        let kind = entity.kind.as_str();
        doc.add_facet(
            fields.entity,
            Facet::from_path([kind, entity.name.as_str()]),
        );
        doc.add_text(fields.entity_key, entity_key(kind, &entity.name));
        for alias in &entity.aliases {
            doc.add_text(fields.entity_key, entity_key(kind, alias));
        }
    }
    let tags = &article.tags;
    for (kind, values) in [
        ("place", &tags.places),
        ("person", &tags.people),
        ("org", &tags.orgs),
        ("topic", &tags.topics),
    ] {
        for value in values {
            doc.add_facet(fields.tags, Facet::from_path([kind, value.as_str()]));
        }
    }
    doc.add_text(fields.source, &article.source);
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(dateline) = &article.dateline {
        doc.add_text(fields.dateline, dateline);
    }
    doc
}

/// The term an entity filter matches: kind and name, lower-cased, whitespace collapsed.
pub fn entity_key(kind: &str, name: &str) -> String {
    let name: Vec<&str> = name.split_whitespace().collect();
    format!("{}:{}", kind, name.join(" ").to_lowercase())
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
