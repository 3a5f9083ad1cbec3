//! The manifest: which files the index holds, and in what state they were when indexed.
//!
//! It is not a side file. Every article carries its file's path, size, mtime and content hash in
//! fast fields (see [`Fields`]), so the manifest is read back from the committed index itself. That
//! makes it crash-proof for free: tantivy commits atomically, and the manifest is whatever was
//! committed, never more and never less.
//!
//! A file is *unchanged* when its size and mtime match (no read needed), or, after `touch`, when its
//! content hash matches. Files that were skipped (binary, empty) hold no articles and so are not in the
//! manifest: they are looked at again, and reported again, on every run.

use std::collections::HashMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use super::schema::Fields;

/// The state of a file on disk or at indexing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileState {
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when the platform does not say).
    pub mtime: i64,
    /// xxh3-64 of the content; 0 when not computed yet.
    pub hash: u64,
}

impl FileState {
    /// Size and mtime of the file at `path` (the hash is filled in once the file is read).
    pub fn stat(path: &Path) -> std::io::Result<FileState> {
        let meta = std::fs::metadata(path)?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Ok(FileState {
            size: meta.len(),
            mtime,
            hash: 0,
        })
    }

    /// The content hash used by the manifest.
    pub fn hash_of(bytes: &[u8]) -> u64 {
        xxhash_rust::xxh3::xxh3_64(bytes)
    }
}

/// Indexed files by relative path, with how many articles each holds.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    files: HashMap<String, (FileState, u64)>,
}

impl Manifest {
    /// Reads the manifest of the committed index behind `searcher`.
    pub fn read(searcher: &tantivy::Searcher) -> tantivy::Result<Manifest> {
        let [path, size, mtime, hash] = Fields::manifest_names();
        let mut files: HashMap<String, (FileState, u64)> = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let Some(paths) = fast.str(path)? else {
                continue;
            };
            let sizes = fast.u64(size)?;
            let mtimes = fast.i64(mtime)?;
            let hashes = fast.u64(hash)?;
            // Ordinals are per segment; resolve each distinct path once.
            let mut by_ord: HashMap<u64, String> = HashMap::new();
            let mut text = String::new();
            for doc in segment.doc_ids_alive() {
                let Some(ord) = paths.ords().first(doc) else {
                    continue;
                };
                let name = match by_ord.get(&ord) {
                    Some(name) => name.clone(),
                    None => {
                        text.clear();
                        paths.ord_to_str(ord, &mut text)?;
                        by_ord.insert(ord, text.clone());
                        text.clone()
                    }
                };
                let state = FileState {
                    size: sizes.first(doc).unwrap_or(0),
                    mtime: mtimes.first(doc).unwrap_or(0),
                    hash: hashes.first(doc).unwrap_or(0),
                };
                let entry = files.entry(name).or_insert((state, 0));
                entry.1 += 1;
            }
        }
        Ok(Manifest { files })
    }

    pub fn get(&self, rel: &str) -> Option<FileState> {
        self.files.get(rel).map(|(state, _)| *state)
    }

    /// Articles indexed from the file at `rel`.
    pub fn articles(&self, rel: &str) -> u64 {
        self.files.get(rel).map(|(_, n)| *n).unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every indexed path, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}
