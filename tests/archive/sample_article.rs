//! The article chronicle was specified from must come first for the query it was specified with.

use crate::support::*;

#[test]
fn sco_who_memorandum_ranks_the_sample_first_in_json() {
    let results = search_json(archive_index(), &["SCO WHO memorandum"]);
    let ids = hit_ids(&results);
    assert_eq!(
        ids.first().map(String::as_str),
        Some(SAMPLE_ID),
        "hits: {ids:?}"
    );
    let first = &results["hits"][0];
    assert_eq!(first["date"], "2020-06-17");
    assert!(first["title"]
        .as_str()
        .unwrap_or("")
        .starts_with("The threat of a repeated spread"));
}

#[test]
fn sco_who_memorandum_ranks_the_sample_first_in_text() {
    let out = chronicle()
        .args(["search", "SCO WHO memorandum", "--index"])
        .arg(archive_index())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("  1. 2020-06-17  The threat of a repeated spread"),
        "{text}"
    );
    assert!(
        text.lines()
            .nth(1)
            .unwrap_or_default()
            .contains("000_44df0e79d50f69af.txt"),
        "{text}"
    );
}

#[test]
fn acronyms_are_not_dropped_as_stop_words() {
    // `WHO` alone must find the sample: a stop-word list would turn this query into nothing.
    let results = search_json(archive_index(), &["WHO", "--from", "2020"]);
    assert_eq!(hit_ids(&results), vec![SAMPLE_ID.to_string()]);
}

#[test]
fn the_whole_archive_is_indexed() {
    let results = search_json(archive_index(), &["*", "--limit", "0"]);
    // 21,577 Reuters stories (one UNPROC story, NEWID 12793, is empty and skipped) and the sample.
    assert_eq!(results["total"], 21_578);
}

#[test]
fn phrase_queries_match_exact_phrases() {
    let results = search_json(
        archive_index(),
        &["+\"memorandum of understanding\" +\"World Health Organization\""],
    );
    assert_eq!(hit_ids(&results), vec![SAMPLE_ID.to_string()]);
    let results = search_json(archive_index(), &["+\"health organization world\""]);
    assert!(!hit_ids(&results).contains(&SAMPLE_ID.to_string()));
}
