//! Mistakes on the command line get one clear line on stderr and exit code 2.

mod support;
use support::*;

fn one_line_error(args: &[&str], index: &std::path::Path, expect: &str) {
    let out = chronicle()
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("chronicle: "), "{stderr}");
    assert!(stderr.contains(expect), "{stderr} should mention {expect}");
    assert!(out.stdout.is_empty());
}

fn small_index() -> tempfile::TempDir {
    let corpus = corpus_with(&[("a.txt", b" date 2020-01-02 Rain falls on the plain\n")]);
    index_of(corpus.path()).0
}

#[test]
fn bad_query_is_a_one_line_error() {
    let index = small_index();
    one_line_error(&["search", "nosuchfield:rain"], index.path(), "bad query");
}

#[test]
fn bad_dates_are_one_line_errors() {
    let index = small_index();
    one_line_error(
        &["search", "rain", "--from", "2020-13"],
        index.path(),
        "bad date \"2020-13\"",
    );
    one_line_error(
        &["search", "rain", "--to", "June"],
        index.path(),
        "bad date",
    );
    one_line_error(
        &["search", "rain", "--from", "2021", "--to", "2020"],
        index.path(),
        "after",
    );
}

#[test]
fn bad_entity_filter_is_a_one_line_error() {
    let index = small_index();
    one_line_error(
        &["search", "rain", "--entity", "WHO"],
        index.path(),
        "TYPE:NAME",
    );
}

#[test]
fn missing_index_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    one_line_error(
        &["search", "rain"],
        &dir.path().join("nothing-here"),
        "no index at",
    );
}

#[test]
fn missing_corpus_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = chronicle()
        .args(["index"])
        .arg(dir.path().join("no-such-corpus"))
        .arg("--index")
        .arg(dir.path().join("idx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("does not exist"), "{stderr}");
}
