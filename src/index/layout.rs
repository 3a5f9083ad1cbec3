//! The index directory: generations, the `CURRENT` pointer and the writer lock.
//!
//! ```text
//! index/
//!   CURRENT            one line: the live generation's directory name
//!   gen-1718000000123/ a complete tantivy index + chronicle.json
//!   gen-1718000999456.tmp/   a build in progress (or one that was interrupted)
//!   .lock              held by the one `chronicle index` run allowed at a time
//! ```

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const GEN_PREFIX: &str = "gen-";
const TMP_SUFFIX: &str = ".tmp";
/// Build information stored in each generation.
pub const INFO_FILE: &str = "chronicle.json";

/// Paths inside one index directory.
#[derive(Clone, Debug)]
pub struct Layout {
    root: PathBuf,
}

/// Proof that this process is the only writer; released on drop (the OS releases it on any exit,
/// including SIGKILL, so a crash never leaves a stale lock).
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl Layout {
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The live generation, if any.
    pub fn current(&self) -> Result<Option<PathBuf>> {
        let pointer = self.root.join(CURRENT);
        let name = match fs::read_to_string(&pointer) {
            Ok(name) => name,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(pointer, e)),
        };
        let name = name.trim();
        if !name.starts_with(GEN_PREFIX) || name.contains(['/', '\\']) {
            return Err(Error::BadIndex {
                path: pointer,
                reason: format!("CURRENT names {name:?}, not a generation"),
            });
        }
        let dir = self.root.join(name);
        Ok(dir.is_dir().then_some(dir))
    }

    /// Takes the writer lock, failing at once (not waiting) if another run holds it.
    pub fn lock(&self) -> Result<WriterLock> {
        fs::create_dir_all(&self.root).map_err(|e| Error::io(&self.root, e))?;
        let path = self.root.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Locked(self.root.clone())),
            Err(fs::TryLockError::Error(e)) => Err(Error::io(path, e)),
        }
    }

    /// Creates a fresh directory for a new generation. Requires the lock, so that removing the
    /// leftovers of interrupted runs cannot touch a build in progress.
    pub fn new_generation(&self, _lock: &WriterLock) -> Result<Generation> {
        let millis = chrono::Utc::now().timestamp_millis();
        let mut name = format!("{GEN_PREFIX}{millis}");
        // Two builds in the same millisecond (tests do this) must not share a directory.
        let mut n = 0;
        while self.root.join(&name).exists()
            || self.root.join(format!("{name}{TMP_SUFFIX}")).exists()
        {
            n += 1;
            name = format!("{GEN_PREFIX}{millis}-{n}");
        }
        let tmp = self.root.join(format!("{name}{TMP_SUFFIX}"));
        fs::create_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        Ok(Generation { name, tmp })
    }

    /// Makes a finished generation live: rename its directory into place, then atomically replace
    /// `CURRENT`, then delete older generations. A crash between any two steps leaves either the old
    /// or the new index live, never neither.
    pub fn publish(&self, generation: Generation, _lock: &WriterLock) -> Result<PathBuf> {
        let dir = self.root.join(&generation.name);
        fs::rename(&generation.tmp, &dir).map_err(|e| Error::io(&dir, e))?;
        let tmp_pointer = self.root.join(format!("{CURRENT}{TMP_SUFFIX}"));
        {
            let mut f = File::create(&tmp_pointer).map_err(|e| Error::io(&tmp_pointer, e))?;
            writeln!(f, "{}", generation.name).map_err(|e| Error::io(&tmp_pointer, e))?;
            f.sync_all().map_err(|e| Error::io(&tmp_pointer, e))?;
        }
        let pointer = self.root.join(CURRENT);
        fs::rename(&tmp_pointer, &pointer).map_err(|e| Error::io(&pointer, e))?;
        if let Ok(d) = File::open(&self.root) {
            // Persist the rename itself; failure here only weakens durability, not correctness.
            let _ = d.sync_all();
        }
        self.remove_old(&generation.name);
        Ok(dir)
    }

    /// Removes directories of interrupted builds. Requires the lock: no other run is building one.
    pub fn remove_stale(&self, _lock: &WriterLock) -> Result<()> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) => return Err(Error::io(&self.root, e)),
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(GEN_PREFIX) && name.ends_with(TMP_SUFFIX) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
        Ok(())
    }

    /// Removes generations other than `live`. Best effort: a reader that still has an old
    /// generation open keeps its memory-mapped files until it closes them.
    fn remove_old(&self, live: &str) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(GEN_PREFIX) && name != live && !name.ends_with(TMP_SUFFIX) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// A generation being built.
#[derive(Debug)]
pub struct Generation {
    name: String,
    tmp: PathBuf,
}

impl Generation {
    /// Where the new index is written until it is published.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }
}
