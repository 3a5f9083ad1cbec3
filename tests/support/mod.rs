//! Shared helpers for the integration tests: the `chronicle` binary, temporary corpora, and one
//! index of the embedded archive built once per test binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

/// The repository's embedded archive.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `chronicle` with colour off, run from a scratch directory so no test touches `./index`.
pub fn chronicle() -> Command {
    let mut cmd = Command::cargo_bin("chronicle").expect("chronicle binary is built for tests");
    cmd.env("NO_COLOR", "1").current_dir(std::env::temp_dir());
    cmd
}

/// An index of the whole embedded archive (Reuters-21578 + the sample), built once and shared by
/// every test in the binary.
pub fn archive_index() -> &'static Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            chronicle()
                .arg("index")
                .arg(corpus())
                .arg("--index")
                .arg(dir.path())
                .arg("--quiet")
                .assert()
                .success();
            dir
        })
        .path()
}

/// Runs `chronicle search ARGS --json --index INDEX` and parses the output.
pub fn search_json(index: &Path, args: &[&str]) -> serde_json::Value {
    let out = chronicle()
        .arg("search")
        .args(args)
        .arg("--json")
        .arg("--index")
        .arg(index)
        .output()
        .expect("run chronicle");
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "search {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("search --json prints JSON")
}

/// A scratch corpus: a temp dir with the given files (relative path, bytes).
pub fn corpus_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, bytes).expect("write fixture");
    }
    dir
}

/// Indexes `corpus` into a new temp dir; returns (index dir, stderr of the run).
pub fn index_of(corpus: &Path) -> (tempfile::TempDir, String) {
    let index = tempfile::tempdir().expect("temp dir");
    let out = chronicle()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index.path())
        .output()
        .expect("run chronicle index");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "index failed: {stderr}");
    (index, stderr)
}

/// The ids of the hits of a JSON result.
pub fn hit_ids(results: &serde_json::Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The id the sample article gets: its path relative to the corpus root.
pub const SAMPLE_ID: &str = "sample/000_44df0e79d50f69af.txt";
