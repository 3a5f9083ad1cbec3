//! A running server picks up a new index generation (`--rebuild`) and the commits of an incremental
//! run without a restart, and keeps answering while `chronicle index` writes.

use axum::http::StatusCode;

use crate::server::*;
use crate::support::*;

#[test]
fn a_new_index_is_served_without_restart_and_searches_work_during_the_run() {
    // Start from a small index, then rebuild the same index directory from three Reuters files.
    let small = corpus_with(&[(
        "a.txt",
        b"Cocoa alone\n\nOnly one story here about cocoa.\n",
    )]);
    let index = tempfile::tempdir().expect("temp dir");
    chronicle()
        .arg("index")
        .arg(small.path())
        .arg("--index")
        .arg(index.path())
        .arg("--quiet")
        .assert()
        .success();
    let state = state(index.path());
    let before = get_with(&state, "/api/info").json();
    assert_eq!(before["articles"], 1);

    let bigger = tempfile::tempdir().expect("temp dir");
    for name in ["reut2-000.sgm", "reut2-001.sgm", "reut2-002.sgm"] {
        std::fs::copy(
            corpus().join("reuters21578").join(name),
            bigger.path().join(name),
        )
        .expect("copy");
    }
    let mut run = std::process::Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("index")
        .arg(bigger.path())
        .arg("--index")
        .arg(index.path())
        .args(["--quiet", "--rebuild"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start chronicle index");
    let mut during = 0;
    while run.try_wait().expect("poll").is_none() {
        let a = get_with(&state, "/api/search?q=cocoa&limit=1");
        assert_eq!(a.status, StatusCode::OK, "during the run: {}", a.text());
        assert!(a.json()["total"].as_u64() >= Some(1));
        during += 1;
    }
    assert!(run.wait().expect("wait").success());
    assert!(during > 0, "no search ran during the index run");

    let after = get_with(&state, "/api/info").json();
    assert_eq!(after["articles"], 3_000, "{after}");
    assert_ne!(after["generation"], before["generation"]);
    let r = get_with(&state, "/api/search?q=cocoa&limit=1").json();
    assert!(r["total"].as_u64() > Some(1), "{r}");

    // An incremental run updates the live generation in place; its commit is picked up too.
    std::fs::write(
        bigger.path().join("late.txt"),
        b"Late cocoa\n\nOne more story.\n",
    )
    .expect("write");
    chronicle()
        .arg("index")
        .arg(bigger.path())
        .arg("--index")
        .arg(index.path())
        .arg("--quiet")
        .assert()
        .success();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let info = get_with(&state, "/api/info").json();
        if info["articles"] == 3_001 {
            assert_eq!(info["generation"], after["generation"]);
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "commit not picked up: {info}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
