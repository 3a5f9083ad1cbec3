//! `chronicle index`: every supported format, stable ids, and runs that are atomic and exclusive.

mod support;
use support::*;

#[test]
fn every_format_in_the_fixtures_is_indexed() {
    let (index, stderr) = index_of(&fixture("ingest"));
    let all = search_json(index.path(), &["*", "--limit", "100"]);
    let ids = hit_ids(&all);
    assert!(
        ids.iter().any(|id| id.starts_with("reuters-")),
        "{ids:?} {stderr}"
    );
    assert!(ids.iter().any(|id| id.ends_with(".txt")), "{ids:?}");
    assert!(ids.len() >= 8, "{ids:?} {stderr}");
}

#[test]
fn indexing_the_same_files_twice_never_duplicates_an_article() {
    let corpus = corpus_with(&[
        ("a.txt", b" date 2020-01-02 Rain falls on the plain\n"),
        (
            "b.jsonl",
            b"{\"title\": \"Rain again\", \"body\": \"More rain.\"}\n",
        ),
    ]);
    let index = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        chronicle()
            .arg("index")
            .arg(corpus.path())
            .arg("--index")
            .arg(index.path())
            .assert()
            .success();
    }
    let r = search_json(index.path(), &["rain"]);
    let mut ids = hit_ids(&r);
    ids.sort();
    assert_eq!(ids, vec!["a.txt", "b.jsonl#1"]);
}

#[test]
fn the_same_story_in_two_files_is_indexed_once() {
    let story = br#"{"id": "wire-7", "title": "Copper output", "body": "Copper output rose."}"#;
    let corpus = corpus_with(&[("a.json", story), ("copy/a.json", story)]);
    let (index, stderr) = index_of(corpus.path());
    assert!(stderr.contains("duplicate id"), "{stderr}");
    assert_eq!(
        hit_ids(&search_json(index.path(), &["copper"])),
        vec!["wire-7"]
    );
}

#[test]
fn hidden_files_are_skipped() {
    let corpus = corpus_with(&[
        ("a.txt", b"Visible\nA visible story about tin.\n"),
        (".hidden.txt", b"Hidden\nA hidden story about tin.\n"),
        (".git/x.txt", b"Git\nA story about tin in .git.\n"),
    ]);
    let (index, _) = index_of(corpus.path());
    assert_eq!(hit_ids(&search_json(index.path(), &["tin"])), vec!["a.txt"]);
}

#[test]
fn a_failed_run_leaves_the_previous_index_searchable() {
    let corpus = corpus_with(&[("a.txt", b" date 2020-01-02 Rain falls on the plain\n")]);
    let (index, _) = index_of(corpus.path());
    // A leftover of an interrupted run, as a SIGKILL would leave it.
    std::fs::create_dir_all(index.path().join("gen-1.tmp")).unwrap();
    std::fs::write(index.path().join("gen-1.tmp/meta.json"), b"{broken").unwrap();
    chronicle()
        .arg("index")
        .arg(corpus.path().join("missing"))
        .arg("--index")
        .arg(index.path())
        .assert()
        .code(2);
    assert_eq!(
        hit_ids(&search_json(index.path(), &["rain"])),
        vec!["a.txt"]
    );
    // The next good run cleans up and replaces the index.
    chronicle()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .assert()
        .success();
    assert!(!index.path().join("gen-1.tmp").exists());
    assert_eq!(
        hit_ids(&search_json(index.path(), &["rain"])),
        vec!["a.txt"]
    );
    let generations = std::fs::read_dir(index.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("gen-")
        })
        .count();
    assert_eq!(generations, 1, "old generations are removed");
}

#[test]
fn a_second_concurrent_index_run_is_refused() {
    let corpus = corpus_with(&[("a.txt", b" date 2020-01-02 Rain falls on the plain\n")]);
    let index = tempfile::tempdir().unwrap();
    let layout = chronicle::index::Layout::new(index.path());
    let _held = layout.lock().unwrap();
    let out = chronicle()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("another `chronicle index` run"), "{stderr}");
}

#[test]
fn index_summary_is_available_as_json() {
    let corpus = corpus_with(&[
        ("a.txt", b" date 2020-01-02 Rain falls on the plain\n"),
        ("e.txt", b""),
    ]);
    let index = tempfile::tempdir().unwrap();
    let out = chronicle()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .arg("--json")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles_indexed"], 1);
    assert_eq!(report["files_seen"], 2);
    assert_eq!(report["files_skipped"]["empty file"], 1);
}
