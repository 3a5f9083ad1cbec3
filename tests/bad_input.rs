//! Bad input never crashes and never loses data: a broken file is reported with its path and reason
//! and skipped, and everything else is indexed.

mod support;
use support::*;

const GOOD: &[u8] = b" date 2021-03-04 Harbour strike ends after ten days, union says\n\nDock workers return on Monday.\n";

fn search_ids(index: &std::path::Path, query: &str) -> Vec<String> {
    hit_ids(&search_json(index, &[query, "--limit", "50"]))
}

#[test]
fn binary_file_is_skipped_with_its_reason() {
    let corpus = corpus_with(&[
        ("good.txt", GOOD),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01"),
    ]);
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("photo.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert_eq!(search_ids(index.path(), "harbour"), vec!["good.txt"]);
}

#[test]
fn empty_file_is_skipped_with_its_reason() {
    let corpus = corpus_with(&[("good.txt", GOOD), ("empty.txt", b"")]);
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("empty.txt") && stderr.contains("empty"),
        "{stderr}"
    );
    assert_eq!(search_ids(index.path(), "harbour"), vec!["good.txt"]);
}

#[test]
fn invalid_utf8_is_read_as_latin1_and_reported() {
    // 0xA3 is a pound sign in Latin-1 (as in BBC sport/199.txt): the story must not be lost.
    let corpus = corpus_with(&[
        ("good.txt", GOOD),
        (
            "latin.txt",
            b"Transfer fee\nThe club paid \xa33m for the striker.\n",
        ),
    ]);
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("latin.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    let r = search_json(index.path(), &["striker"]);
    assert_eq!(hit_ids(&r), vec!["latin.txt"]);
    assert!(
        r["hits"][0]["snippet"].as_str().unwrap().contains("£3m"),
        "{r}"
    );
}

#[test]
fn malformed_date_keeps_the_article_undated() {
    let corpus = corpus_with(&[("good.txt", GOOD), ("baddate.json", br#"{"id": "b1", "title": "Harbour pilots", "body": "Pilots at the harbour.", "date": "2021-13-45"}"#)]);
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("baddate.json") && stderr.contains("2021-13-45"),
        "{stderr}"
    );
    let r = search_json(index.path(), &["harbour"]);
    let mut ids = hit_ids(&r);
    ids.sort();
    assert_eq!(ids, vec!["b1", "good.txt"]);
    // Undated articles are found by text but left out of date-filtered searches.
    let r = search_json(index.path(), &["harbour", "--from", "2000"]);
    assert_eq!(hit_ids(&r), vec!["good.txt"]);
}

#[test]
fn a_bad_json_line_skips_only_that_line() {
    let lines = b"{\"id\": \"a\", \"title\": \"Grain harvest\", \"body\": \"Wheat up.\"}\n{not json\n[1, 2]\n{\"id\": \"b\", \"title\": \"Grain prices\", \"body\": \"Maize down.\", \"date\": \"2021-01-02\"}\n";
    let corpus = corpus_with(&[("feed.jsonl", lines)]);
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("feed.jsonl") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert!(stderr.contains("line 3"), "{stderr}");
    let mut ids = search_ids(index.path(), "grain");
    ids.sort();
    assert_eq!(ids, vec!["a", "b"]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_skipped_with_its_reason() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = corpus_with(&[
        ("good.txt", GOOD),
        ("secret.txt", b"Secret\nNobody may read this harbour.\n"),
    ]);
    let secret = corpus.path().join("secret.txt");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to test.
        return;
    }
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("secret.txt") && stderr.contains("unreadable"),
        "{stderr}"
    );
    assert_eq!(search_ids(index.path(), "harbour"), vec!["good.txt"]);
}

#[cfg(unix)]
#[test]
fn broken_symlinks_and_symlink_loops_are_skipped_with_their_reason() {
    let corpus = corpus_with(&[("good.txt", GOOD)]);
    std::os::unix::fs::symlink(
        corpus.path().join("gone.txt"),
        corpus.path().join("dangling.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(corpus.path(), corpus.path().join("loop")).unwrap();
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("dangling.txt") && stderr.contains("unreadable"),
        "{stderr}"
    );
    assert!(
        stderr.contains("loop") && stderr.contains("symlink loop"),
        "{stderr}"
    );
    assert_eq!(search_ids(index.path(), "harbour"), vec!["good.txt"]);
}

#[test]
fn the_summary_counts_files_and_skips_by_reason() {
    let corpus = corpus_with(&[
        ("good.txt", GOOD),
        ("empty.txt", b""),
        ("blob.txt", b"\0\0\0\0binary"),
        ("notes.md", b"# not an article\n"),
    ]);
    let (_index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("indexed 1 articles from 1 of 4 files"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 1 file: empty file"), "{stderr}");
    assert!(stderr.contains("skipped 1 file: binary file"), "{stderr}");
    assert!(
        stderr.contains("skipped 1 file: not an article format"),
        "{stderr}"
    );
}
