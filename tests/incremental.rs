//! Incremental indexing: a second run touches only what changed, and reaches exactly what a rebuild
//! would. Uses the library directly where it needs to see the run's figures.

mod support;
use support::*;

use std::path::Path;
use std::time::Duration;

use chronicle::index::build::{build, IndexPlan, IndexReport};

fn run(corpus: &Path, index: &Path, rebuild: bool) -> IndexReport {
    let mut plan = IndexPlan::new(corpus, index);
    plan.rebuild = rebuild;
    plan.threads = 2;
    build(&plan, &mut |_| {}).expect("index run")
}

/// Every (id, title, date) in the index, sorted: what a search can return.
fn contents(index: &Path) -> Vec<(String, String, String)> {
    let r = search_json(index, &["*", "--limit", "1000", "--facets", "0"]);
    let mut all: Vec<_> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["id"].as_str().unwrap().to_string(),
                h["title"].as_str().unwrap().to_string(),
                h["date"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    all.sort();
    all
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Sets a file's mtime to a fixed time in the past, so a rewrite within the same second still
/// shows as a change.
fn age(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000))
        .unwrap();
}

#[test]
fn incremental_add_update_delete_reach_the_same_index_as_a_rebuild() {
    let corpus = tempfile::tempdir().unwrap();
    let c = corpus.path();
    write(c, "a.txt", " date 2020-01-01 Alpha story about tin\n");
    write(c, "b.txt", " date 2020-01-02 Beta story about tin\n");
    write(c, "feed.jsonl", "{\"id\": \"j1\", \"title\": \"Jay one\", \"body\": \"tin\"}\n{\"id\": \"j2\", \"title\": \"Jay two\", \"body\": \"tin\"}\n");
    let index = tempfile::tempdir().unwrap();
    let first = run(c, index.path(), false);
    assert_eq!((first.files_added, first.articles_total), (3, 4));

    // Add a file, change one (one story gone, one retitled), delete one.
    age(&c.join("feed.jsonl"));
    write(c, "new.txt", " date 2020-02-01 Gamma story about tin\n");
    write(
        c,
        "feed.jsonl",
        "{\"id\": \"j1\", \"title\": \"Jay one, revised\", \"body\": \"tin\"}\n",
    );
    std::fs::remove_file(c.join("b.txt")).unwrap();
    let second = run(c, index.path(), false);
    assert_eq!(second.files_added, 1, "{second:?}");
    assert_eq!(second.files_updated, 1, "{second:?}");
    assert_eq!(second.files_removed, 1, "{second:?}");
    assert_eq!(second.files_unchanged, 1, "{second:?}");
    assert_eq!(
        second.articles_removed, 3,
        "b.txt's one and feed.jsonl's two"
    );
    assert_eq!(second.articles_total, 3);

    let rebuilt = tempfile::tempdir().unwrap();
    run(c, rebuilt.path(), true);
    assert_eq!(contents(index.path()), contents(rebuilt.path()));
    assert_eq!(
        contents(index.path()),
        vec![
            (
                "a.txt".into(),
                "Alpha story about tin".into(),
                "2020-01-01".into()
            ),
            ("j1".into(), "Jay one, revised".into(), "-".into()),
            (
                "new.txt".into(),
                "Gamma story about tin".into(),
                "2020-02-01".into()
            ),
        ]
    );
}

#[test]
fn a_second_run_over_an_unchanged_corpus_changes_nothing() {
    let corpus = corpus_with(&[
        ("a.txt", b" date 2020-01-01 Alpha\n"),
        (
            "b.json",
            b"{\"id\": \"b\", \"title\": \"Beta\", \"body\": \"x\"}",
        ),
    ]);
    let index = tempfile::tempdir().unwrap();
    run(corpus.path(), index.path(), false);
    let again = run(corpus.path(), index.path(), false);
    assert_eq!(
        (
            again.files_added,
            again.files_updated,
            again.files_removed,
            again.files_unchanged
        ),
        (0, 0, 0, 2)
    );
    assert_eq!(again.articles_indexed, 0);
    assert_eq!(again.articles_total, 2);
}

#[test]
fn a_touched_file_with_the_same_content_is_not_reindexed() {
    let corpus = corpus_with(&[("a.txt", b" date 2020-01-01 Alpha\n")]);
    let index = tempfile::tempdir().unwrap();
    run(corpus.path(), index.path(), false);
    age(&corpus.path().join("a.txt"));
    let again = run(corpus.path(), index.path(), false);
    assert_eq!((again.files_unchanged, again.articles_indexed), (1, 0));
}

#[test]
fn rebuild_starts_over_and_keeps_the_same_articles() {
    let corpus = corpus_with(&[("a.txt", b" date 2020-01-01 Alpha\n")]);
    let index = tempfile::tempdir().unwrap();
    run(corpus.path(), index.path(), false);
    let rebuilt = run(corpus.path(), index.path(), true);
    assert!(rebuilt.rebuilt);
    assert_eq!((rebuilt.files_added, rebuilt.articles_total), (1, 1));
}

#[test]
fn large_json_lines_files_are_streamed_in_chunks() {
    let mut lines = String::new();
    for i in 0..10_000 {
        lines.push_str(&format!(
            "{{\"id\": \"s{i}\", \"title\": \"Story {i}\", \"body\": \"copper zinc {i}\", \"date\": \"2021-01-01\"}}\n"
        ));
    }
    lines.push_str("{broken\n");
    let corpus = corpus_with(&[("big.jsonl", lines.as_bytes())]);
    let index = tempfile::tempdir().unwrap();
    let mut plan = IndexPlan::new(corpus.path(), index.path());
    plan.stream_bytes = 1024; // stream anything over 1 KB
    let mut skipped = Vec::new();
    let report = build(&plan, &mut |e| {
        if let chronicle::index::build::Event::ArticleSkipped { position, .. } = e {
            skipped.push(position.to_string());
        }
    })
    .unwrap();
    assert_eq!(report.articles_total, 10_000);
    assert_eq!(skipped, vec!["line 10001"]);
    let r = search_json(index.path(), &["zinc", "--limit", "0"]);
    assert_eq!(r["total"], 10_000);
}

#[test]
fn stats_describe_the_index() {
    let corpus = corpus_with(&[
        ("a.txt", b" date 2020-01-01 Alpha meets the World Health Organization (WHO)\n"),
        ("b.txt", b"Undated\nNo date here.\n"),
        ("c.json", b"{\"id\": \"c\", \"title\": \"Gamma\", \"body\": \"x\", \"date\": \"2021-05-06\", \"source\": \"wire\"}"),
    ]);
    let index = tempfile::tempdir().unwrap();
    run(corpus.path(), index.path(), false);
    let out = chronicle()
        .args(["stats", "--json", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 3);
    assert_eq!(stats["files"], 3);
    assert_eq!(stats["first_date"], "2020-01-01");
    assert_eq!(stats["last_date"], "2021-05-06");
    assert_eq!(stats["undated"], 1);
    assert!(stats["index_bytes"].as_u64().unwrap() > 0);
    assert!(stats["entities"]["org"].as_u64().unwrap() >= 1);
    assert_eq!(stats["sources"]["wire"], 1);
    assert!(stats["last_indexed"].is_string());
}
