//! Index: the on-disk tantivy index and how it is built and opened.
//!
//! Brief overview: [`schema::Fields`] names every field; [`analyzer`] turns text into terms;
//! [`build`] runs the pipeline (ingest -> enrich -> tantivy writer) into a fresh *generation*;
//! [`segments`] merges a finished index into as many segments as searches run in parallel;
//! [`layout::Layout`] owns the index directory and makes a finished generation live atomically.
//!
//! Why generations: a full index run writes into a new directory next to the live one and switches a
//! one-line `CURRENT` pointer by `rename(2)` only once the new index is committed. A run that is
//! interrupted (Ctrl-C, SIGKILL, a full disk) leaves `CURRENT` pointing at the previous, complete
//! index, so searches keep working and nothing half-built is ever visible.

pub mod analyzer;
pub mod build;
pub mod document;
pub mod layout;
pub mod manifest;
pub mod pipeline;
pub mod schema;
pub mod segments;
pub mod stats;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use layout::Layout;
pub use schema::Fields;

/// What was indexed and when; written beside each generation as `chronicle.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BuildInfo {
    /// The corpus folder the index was built from (absolute).
    pub corpus: PathBuf,
    /// RFC 3339 time the build finished.
    pub built_at: String,
    pub articles: u64,
    pub files: u64,
    /// Whether entities were extracted (facets are empty otherwise).
    pub entities: bool,
    /// chronicle version that built it.
    pub version: String,
}

/// An opened, searchable index.
pub struct OpenIndex {
    pub index: tantivy::Index,
    pub fields: Fields,
    /// The generation directory the index lives in.
    pub dir: PathBuf,
    pub info: Option<BuildInfo>,
}

impl OpenIndex {
    /// Opens the live generation of the index at `root`.
    pub fn open(root: &Path) -> Result<OpenIndex> {
        let layout = Layout::new(root);
        let dir = layout
            .current()?
            .ok_or_else(|| Error::NoIndex(root.to_path_buf()))?;
        let index = tantivy::Index::open_in_dir(&dir).map_err(|e| Error::BadIndex {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        analyzer::register(&index);
        let fields = Fields::from_schema(&index.schema()).map_err(|e| Error::BadIndex {
            path: dir.clone(),
            reason: format!(
                "not an index of this chronicle version ({e}); run `chronicle index` to rebuild it"
            ),
        })?;
        let info = std::fs::read(dir.join(layout::INFO_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        Ok(OpenIndex {
            index,
            fields,
            dir,
            info,
        })
    }

    /// Whether an index exists at `root` (a live generation is recorded).
    pub fn exists(root: &Path) -> bool {
        matches!(Layout::new(root).current(), Ok(Some(_)))
    }
}
