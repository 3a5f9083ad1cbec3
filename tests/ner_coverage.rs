//! `chronicle ner-coverage`: how many of the editors' PLACES/PEOPLE/ORGS tags the extracted entities
//! cover, story by story.

mod support;
use support::*;

#[test]
fn ner_coverage_counts_the_editors_tags_the_entities_cover() {
    let out = chronicle()
        .args(["ner-coverage", "--json"])
        .arg(fixture("ner/coverage.sgm"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"], 3);
    assert_eq!(v["tagged_stories"], 2);
    let c = &v["coverage"];
    // `japan` and `norway` are named; `usa` and `uk` only through their datelines, whose cities
    // (Washington, London) are places of the story but not the countries.
    assert_eq!(c["places"]["tags"], 4);
    assert_eq!(c["places"]["covered"], 2);
    // `james-baker` by "Treasury Secretary James Baker".
    assert_eq!(c["people"]["covered"], 1);
    // `imf` by "The International Monetary Fund (IMF)"; `opec` is only "the cartel".
    assert_eq!(c["orgs"]["tags"], 2);
    assert_eq!(c["orgs"]["covered"], 1);
    assert_eq!(c["orgs"]["stories_all_covered"], 1);
}

#[test]
fn ner_coverage_of_an_untagged_corpus_finds_nothing() {
    let corpus = corpus_with(&[("a.txt", b"Prices rose in Paris on Tuesday.\n")]);
    let out = chronicle()
        .arg("ner-coverage")
        .arg(corpus.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("1 stories read, 0 with place"), "{stdout}");
}

#[test]
fn ner_coverage_of_a_missing_path_is_a_one_line_error() {
    let out = chronicle()
        .args(["ner-coverage", "/no/such/corpus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("/no/such/corpus"), "{stderr}");
}
