//! Nothing a user feeds chronicle may crash it or cost them their index: each hostile file is
//! reported with its path and reason, and every good article beside it is indexed.

mod support;
use support::*;

const GOOD: &str = " date 2021-03-04 Harbour strike ends after ten days\n";

#[test]
fn hostile_files_are_reported_and_skipped_while_the_rest_is_indexed() {
    let mut nested = String::new();
    for _ in 0..100_000 {
        nested.push('[');
    }
    let corpus = corpus_with(&[
        ("good.txt", GOOD.as_bytes()),
        ("binary.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"),
        ("mixed.txt", "Mixed\nUTF-8 caf\u{e9} and Latin-1 caf\u{e9} ".as_bytes()),
        ("empty.jsonl", b""),
        ("nested.json", nested.as_bytes()),
        ("nested-line.jsonl", format!("{nested}\n{{\"id\": \"ok1\", \"title\": \"Harbour pilots\", \"body\": \"b\"}}\n").as_bytes()),
        ("not-objects.jsonl", b"[1, 2]\n\"text\"\n42\n{\"id\": \"ok2\", \"title\": \"Harbour cranes\", \"body\": \"b\"}\n"),
        // Unterminated tags: reported as malformed rather than guessed at.
        ("unterminated.sgm", b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>HARBOUR TUGS</TITLE><BODY>Tugs in the harbour"),
        ("far-date.json", b"{\"id\": \"far\", \"title\": \"Harbour of the future\", \"body\": \"b\", \"date\": \"99999-01-01\"}"),
    ]);
    let c = corpus.path();
    // A file with invalid UTF-8 in the middle.
    let mut bytes = b"Latin\nThe harbour fee is \xa35 and ".to_vec();
    bytes.extend_from_slice("caf\u{e9}".as_bytes());
    std::fs::write(c.join("mixed.txt"), bytes).unwrap();
    std::os::unix::fs::symlink(c, c.join("loop")).unwrap();

    let (index, stderr) = index_of(c);
    let reported = |file: &str, reason: &str| {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "expected {file}: {reason} in\n{stderr}"
        );
    };
    reported("binary.txt", "binary file");
    reported("mixed.txt", "not valid UTF-8");
    reported("empty.jsonl", "empty file");
    reported("nested.json", "recursion limit");
    reported("nested-line.jsonl", "line 1");
    reported("not-objects.jsonl", "not an object");
    reported("far-date.json", "99999-01-01");
    reported("loop", "symlink loop");
    reported("unterminated.sgm", "malformed");

    let r = search_json(index.path(), &["harbour", "--limit", "50"]);
    let mut ids = hit_ids(&r);
    ids.sort();
    assert_eq!(
        ids,
        vec!["far", "good.txt", "mixed.txt", "ok1", "ok2"],
        "{stderr}"
    );
}

#[test]
fn a_json_line_longer_than_64_mb_is_skipped_without_holding_it() {
    // 70 MB on one line: over the 64 MB line limit, and large enough to be streamed.
    let mut big = Vec::with_capacity(70 << 20);
    big.extend_from_slice(b"{\"id\": \"huge\", \"title\": \"Huge\", \"body\": \"");
    big.resize(70 << 20, b'x');
    big.extend_from_slice(
        b"\"}\n{\"id\": \"small\", \"title\": \"Harbour news\", \"body\": \"b\"}\n",
    );
    let corpus = corpus_with(&[("big.jsonl", &big), ("good.txt", GOOD.as_bytes())]);
    let (index, stderr) = index_of(corpus.path());
    assert!(
        stderr.contains("big.jsonl") && stderr.contains("longer than 64 MB"),
        "{stderr}"
    );
    let mut ids = hit_ids(&search_json(index.path(), &["harbour"]));
    ids.sort();
    assert_eq!(ids, vec!["good.txt", "small"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = corpus_with(&[
        ("good.txt", GOOD.as_bytes()),
        ("locked/inner.txt", GOOD.as_bytes()),
    ]);
    let locked = corpus.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read_dir(&locked).is_ok(); // root ignores permissions
    let (index, stderr) = index_of(corpus.path());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let ids = hit_ids(&search_json(index.path(), &["harbour"]));
    if readable_anyway {
        assert_eq!(ids.len(), 2);
    } else {
        assert!(
            stderr.contains("locked") && stderr.contains("unreadable"),
            "{stderr}"
        );
        assert_eq!(ids, vec!["good.txt"]);
    }
}
