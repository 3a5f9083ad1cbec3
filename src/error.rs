//! The library's error type. Each variant is something a user can act on, worded as one line.

use std::path::PathBuf;

/// Everything the chronicle library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("bad date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    #[error("bad date range: --from {from} is after --to {to}")]
    EmptyDateRange { from: String, to: String },
    #[error("bad entity filter {0:?}: expected TYPE:NAME, TYPE one of org, person, place")]
    BadEntity(String),
    #[error("bad interval {0:?}: expected year, month, week, day or auto")]
    BadInterval(String),
    #[error("timeline too long: more than {max} {interval} buckets; choose a coarser interval or a narrower date range")]
    TooManyBuckets { interval: &'static str, max: usize },
    #[error("bad query {query:?}: {reason}")]
    BadQuery { query: String, reason: String },
    #[error("bad ranking parameter {param:?}: {reason}")]
    BadParam { param: String, reason: String },
    #[error("{path}:{line}: {reason}")]
    BadEvalFile {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("no index at {0}: run `chronicle index` first")]
    NoIndex(PathBuf),
    #[error("another `chronicle index` run is writing to {0}; wait for it to finish")]
    Locked(PathBuf),
    #[error("corpus {0} does not exist or is not a directory")]
    NoCorpus(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("indexing pipeline failed: {0}")]
    Pipeline(String),
    #[error("index at {path} is unreadable: {reason}")]
    BadIndex { path: PathBuf, reason: String },
    #[error("the entity model built into chronicle cannot be read: {0}")]
    Model(#[from] crate::entities::tagger::ModelError),
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
