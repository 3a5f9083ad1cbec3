//! `chronicle eval`: figures worked out by hand on a three-article fixture, run files, bad input.

mod support;
use support::*;

fn eval_fixture() -> std::path::PathBuf {
    fixture("eval")
}

#[test]
fn eval_prints_measures_as_trec_eval_would() {
    let (index, stderr) = index_of(&eval_fixture().join("docs"));
    let run = tempfile::NamedTempFile::new().unwrap();
    let out = chronicle()
        .arg("eval")
        .arg("--index")
        .arg(index.path())
        .arg("--queries")
        .arg(eval_fixture().join("queries.tsv"))
        .arg("--qrels")
        .arg(eval_fixture().join("qrels.txt"))
        .arg("--run")
        .arg(run.path())
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{stderr}");
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Queries 1 and 2 are judged; each finds its one relevant article first.
    assert_eq!(result["evaluated"], 2);
    assert_eq!(result["unjudged"], 1);
    for measure in ["ndcg_10", "map", "mrr_10", "recall_100"] {
        assert_eq!(result["mean"][measure], 1.0, "{measure}: {result}");
    }
    assert_eq!(result["mean"]["p_10"], 0.1);

    let lines = std::fs::read_to_string(run.path()).unwrap();
    let first: Vec<&str> = lines.lines().next().unwrap().split(' ').collect();
    assert_eq!(first[..4], ["1", "Q0", "d1", "1"]);
    assert_eq!(first[5], "chronicle");
    assert!(
        lines.lines().any(|l| l.starts_with("3 Q0 d2 1 ")),
        "{lines}"
    );
}

#[test]
fn the_baseline_runs_in_the_same_way() {
    let (index, _) = index_of(&eval_fixture().join("docs"));
    chronicle()
        .arg("eval")
        .arg("--baseline")
        .arg("--index")
        .arg(index.path())
        .arg("--queries")
        .arg(eval_fixture().join("queries.tsv"))
        .arg("--qrels")
        .arg(eval_fixture().join("qrels.txt"))
        .assert()
        .success()
        .stdout(predicates::str::contains("tantivy-baseline"));
}

#[test]
fn a_malformed_qrels_line_is_reported_with_its_line() {
    let (index, _) = index_of(&eval_fixture().join("docs"));
    let bad = corpus_with(&[("qrels.txt", b"1 0 d1 1\n1 0 d2\n")]);
    chronicle()
        .arg("eval")
        .arg("--index")
        .arg(index.path())
        .arg("--queries")
        .arg(eval_fixture().join("queries.tsv"))
        .arg("--qrels")
        .arg(bad.path().join("qrels.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("qrels.txt:2:"));
}
