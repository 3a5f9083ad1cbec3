//! Calendar timelines: `chronicle timeline` and `/api/timeline` count hits per real month and ISO
//! week, and agree with the totals of date-filtered searches.

use crate::server::get;
use crate::support::*;

fn timeline_json(args: &[&str]) -> serde_json::Value {
    let out = chronicle()
        .arg("timeline")
        .args(args)
        .arg("--json")
        .arg("--index")
        .arg(archive_index())
        .output()
        .expect("run chronicle timeline");
    assert!(
        out.status.success(),
        "timeline {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("timeline --json prints JSON")
}

fn counts(t: &serde_json::Value) -> Vec<(String, u64)> {
    t["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .map(|b| {
            (
                b["key"].as_str().unwrap_or_default().to_string(),
                b["count"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn cocoa_by_month_over_1987_agrees_with_search_totals_per_month() {
    let t = timeline_json(&[
        "cocoa",
        "--interval",
        "month",
        "--from",
        "1987",
        "--to",
        "1987",
    ]);
    let by_month = counts(&t);
    assert_eq!(by_month.len(), 12, "{by_month:?}");
    for (m, (key, count)) in (1..=12).zip(&by_month) {
        let month = format!("1987-{m:02}");
        assert_eq!(key, &month);
        let search = search_json(
            archive_index(),
            &["cocoa", "--from", &month, "--to", &month, "--limit", "0"],
        );
        assert_eq!(
            Some(*count),
            search["total"].as_u64(),
            "cocoa in {month}: timeline vs search"
        );
    }
    assert!(
        by_month.iter().filter(|(_, n)| *n > 0).count() >= 4,
        "{by_month:?}"
    );
    // The API answers the same counts.
    let api = get("/api/timeline?q=cocoa&interval=month&from=1987&to=1987").json();
    assert_eq!(counts(&api), by_month);
}

#[test]
fn weeks_are_iso_weeks_and_sum_to_the_month() {
    let t = timeline_json(&[
        "cocoa",
        "--interval",
        "week",
        "--from",
        "1987-03",
        "--to",
        "1987-03",
    ]);
    let weeks = counts(&t);
    let keys: Vec<&str> = weeks.iter().map(|(k, _)| k.as_str()).collect();
    // 1 March 1987 was a Sunday, the last day of ISO week 9; 31 March a Tuesday of week 14.
    assert_eq!(
        keys,
        ["1987-W09", "1987-W10", "1987-W11", "1987-W12", "1987-W13", "1987-W14"]
    );
    assert_eq!(t["buckets"][0]["from"], "1987-02-23");
    let sum: u64 = weeks.iter().map(|(_, n)| n).sum();
    let march = search_json(
        archive_index(),
        &[
            "cocoa", "--from", "1987-03", "--to", "1987-03", "--limit", "0",
        ],
    );
    assert_eq!(Some(sum), march["total"].as_u64());
}

#[test]
fn without_a_range_the_timeline_spans_the_hits() {
    // The query matches only the 2020 sample and 1987 stories: years in between are empty buckets.
    let t = timeline_json(&["SCO WHO memorandum", "--interval", "year"]);
    let years = counts(&t);
    assert_eq!(years.first().map(|(k, _)| k.as_str()), Some("1987"));
    assert_eq!(years.last().map(|(k, _)| k.as_str()), Some("2020"));
    assert_eq!(years.len(), 34);
    assert_eq!(years.last().map(|(_, n)| *n), Some(1));
    assert!(years[1..33].iter().all(|(_, n)| *n == 0));
}

#[test]
fn the_cli_draws_one_row_per_bucket_with_a_bar() {
    let out = chronicle()
        .args([
            "timeline", "cocoa", "--from", "1987", "--to", "1987", "--index",
        ])
        .arg(archive_index())
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 12, "{text}");
    assert!(rows[0].starts_with("1987-01 "), "{text}");
    assert!(rows.iter().any(|r| r.contains('█')), "{text}");
    assert!(text.contains("hits for \"cocoa\" by month"), "{text}");
}

#[test]
fn a_timeline_with_no_hits_exits_1() {
    let out = chronicle()
        .args(["timeline", "zzzqqqxxy", "--index"])
        .arg(archive_index())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
}
