//! Listing the files of a corpus: which paths to read, in which order.
//!
//! [`walk`] yields every regular file under a root, sorted by name at each level, so that two runs
//! over the same tree index in the same order (ids and progress output are then reproducible).
//! Hidden files and directories (a name starting with `.`: `.git`, `.DS_Store`, editor swap files)
//! are left out. Whatever cannot be listed becomes a [`FileSkip`] and the walk goes on.
//!
//! Symbolic links are followed, because corpora are commonly assembled by linking data folders into
//! one root (`corpus/reuters -> /data/reuters21578`). walkdir detects a link that points back to one
//! of its own ancestors and reports it instead of looping; each such loop, and each broken link,
//! becomes a `FileSkip` with reason `Unreadable`. A file reachable through two links is read twice:
//! stable ids (Reuters `NEWID`, JSON `id`) let the indexer replace rather than duplicate it.

use super::{io_reason, FileSkip, SkipReason};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// Every regular file under `root` (or `root` itself when it is a file), in a deterministic order.
///
/// `Err` items are entries that could not be listed (an unreadable directory, a symlink loop, a
/// broken link) or are not regular files (FIFOs, sockets, devices, which reading would block on or
/// make no sense of); they are reported, not fatal. The iterator never panics.
pub fn walk(root: &Path) -> impl Iterator<Item = Result<PathBuf, FileSkip>> {
    let root_for_errors = root.to_path_buf();
    WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        // The root is exempt: `chronicle index .` or a corpus kept in `.data/` must still be walked.
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry))
        .filter_map(move |entry| match entry {
            Ok(entry) if entry.file_type().is_file() => Some(Ok(entry.into_path())),
            Ok(entry) if entry.file_type().is_dir() => None,
            Ok(entry) => Some(Err(FileSkip {
                path: entry.into_path(),
                reason: SkipReason::Unsupported,
            })),
            Err(err) => Some(Err(walk_error(err, &root_for_errors))),
        })
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().as_encoded_bytes().starts_with(b".")
}

fn walk_error(err: walkdir::Error, root: &Path) -> FileSkip {
    let path = err.path().unwrap_or(root).to_path_buf();
    let reason = if let Some(ancestor) = err.loop_ancestor() {
        format!(
            "symlink loop: points back to its ancestor {}",
            ancestor.display()
        )
    } else if let Some(io) = err.io_error() {
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|meta| meta.file_type().is_symlink());
        if io.kind() == ErrorKind::NotFound && is_link {
            "broken symlink".to_string()
        } else {
            io_reason(io)
        }
    } else {
        err.to_string()
    };
    FileSkip {
        path,
        reason: SkipReason::Unreadable(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn touch(root: &Path, rel: &str) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, b"x").unwrap();
    }

    fn rel_ok(root: &Path) -> (Vec<String>, Vec<(String, SkipReason)>) {
        let mut ok = Vec::new();
        let mut skipped = Vec::new();
        for item in walk(root) {
            match item {
                Ok(path) => ok.push(crate::ingest::relative_path(&path, root)),
                Err(skip) => {
                    skipped.push((crate::ingest::relative_path(&skip.path, root), skip.reason))
                }
            }
        }
        (ok, skipped)
    }

    #[test]
    fn sorted_and_hidden_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "b.txt",
            "a/2.json",
            "a/10.json",
            "a/sub/z.sgm",
            ".hidden.txt",
            ".git/config",
            "a/.cache/x.txt",
            "c/README.md",
        ] {
            touch(root, rel);
        }
        fs::create_dir(root.join("empty")).unwrap();
        let (ok, skipped) = rel_ok(root);
        assert_eq!(
            ok,
            [
                "a/10.json",
                "a/2.json",
                "a/sub/z.sgm",
                "b.txt",
                "c/README.md"
            ]
        );
        assert!(skipped.is_empty());
    }

    #[test]
    fn hidden_root_is_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(".corpus");
        touch(&root, "a.txt");
        let (ok, _) = rel_ok(&root);
        assert_eq!(ok, ["a.txt"]);
    }

    #[test]
    fn a_file_as_root() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "one.txt");
        let file = dir.path().join("one.txt");
        let got: Vec<_> = walk(&file).collect();
        assert_eq!(got, [Ok(file)]);
    }

    #[test]
    fn missing_root_is_a_skip() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let got: Vec<_> = walk(&missing).collect();
        assert_eq!(
            got,
            [Err(FileSkip {
                path: missing,
                reason: SkipReason::Unreadable("not found".into())
            })]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_followed_loops_and_broken_links_reported() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        touch(&root, "a/x.txt");
        touch(dir.path(), "elsewhere/linked.txt");
        symlink(dir.path().join("elsewhere"), root.join("b")).unwrap();
        symlink(&root, root.join("a/loop")).unwrap();
        symlink(root.join("gone.txt"), root.join("c.txt")).unwrap();
        let (ok, skipped) = rel_ok(&root);
        assert_eq!(ok, ["a/x.txt", "b/linked.txt"]);
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert_eq!(skipped[0].0, "a/loop");
        match &skipped[0].1 {
            SkipReason::Unreadable(reason) => {
                assert!(reason.starts_with("symlink loop"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            skipped[1],
            (
                "c.txt".to_string(),
                SkipReason::Unreadable("broken symlink".into())
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_not_yielded() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        touch(dir.path(), "z.txt");
        let (ok, skipped) = rel_ok(dir.path());
        assert_eq!(ok, ["z.txt"]);
        assert_eq!(skipped, [("pipe".to_string(), SkipReason::Unsupported)]);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_directory_is_a_skip() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "locked/secret.txt");
        touch(root, "open.txt");
        let locked = root.join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = fs::read_dir(&locked).is_ok(); // root ignores permissions
        let (ok, skipped) = rel_ok(root);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if readable_anyway {
            return;
        }
        assert_eq!(ok, ["open.txt"]);
        assert_eq!(
            skipped,
            [(
                "locked".to_string(),
                SkipReason::Unreadable("permission denied".into())
            )]
        );
    }
}
