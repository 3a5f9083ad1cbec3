//! Human output: ranked hits with date, title, path and snippet, then the count and top entities.

use crate::support::*;

#[test]
fn text_output_ends_with_count_and_top_entities() {
    let out = chronicle()
        .args(["search", "SCO WHO memorandum", "--limit", "2", "--index"])
        .arg(archive_index())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("hits for \"SCO WHO memorandum\" (showing 1-2)"),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("org:")), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when NO_COLOR is set or not a terminal"
    );
}

#[test]
fn colour_can_be_forced_and_highlights_matches() {
    let out = chronicle()
        .args([
            "search",
            "memorandum",
            "--from",
            "2020",
            "--color",
            "always",
            "--index",
        ])
        .arg(archive_index())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\x1b[1;31mmemorandum\x1b[0m"), "{text}");
}

#[test]
fn no_hits_exits_with_1_like_grep() {
    chronicle()
        .args(["search", "xyzzyplughnothing", "--index"])
        .arg(archive_index())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("0 hits"));
}
