//! Searches keep working while an index run is in progress.

mod support;
use support::*;

#[test]
fn searches_answer_from_the_live_index_during_a_rebuild() {
    let corpus = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..10_000 {
        lines.push_str(&format!(
            "{{\"id\": \"n{i}\", \"title\": \"Nickel report {i}\", \"body\": \"Nickel output rose in week {i}.\", \"date\": \"2021-01-01\"}}\n"
        ));
    }
    // Two shards with the same stories: the second copy of each is skipped as a duplicate id.
    for shard in 0..2 {
        std::fs::write(corpus.path().join(format!("part-{shard}.jsonl")), &lines).unwrap();
    }
    let (index, _) = index_of(corpus.path());
    let total = |r: &serde_json::Value| r["total"].as_u64().unwrap();
    assert_eq!(
        total(&search_json(index.path(), &["nickel", "--limit", "1"])),
        10_000
    );

    let mut rebuild = std::process::Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .args(["--rebuild", "--quiet"])
        .spawn()
        .unwrap();
    let mut searches = 0;
    loop {
        let finished = rebuild.try_wait().unwrap().is_some();
        // Until the new index is complete, the old one answers, whole.
        let r = search_json(index.path(), &["nickel", "--limit", "1"]);
        assert_eq!(total(&r), 10_000, "after {searches} searches");
        searches += 1;
        if finished {
            break;
        }
    }
    assert!(rebuild.wait().unwrap().success());
    assert!(searches >= 1);
}
