//! `--from` / `--to` narrow results to whole periods; undated articles are left out of date filters.

use crate::support::*;

fn dates(results: &serde_json::Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap_or("null").to_string())
        .collect()
}

#[test]
fn search_filters_by_date_range_to_one_year() {
    let results = search_json(
        archive_index(),
        &[
            "memorandum",
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--limit",
            "100",
        ],
    );
    let dates = dates(&results);
    assert!(!dates.is_empty());
    assert!(dates.iter().all(|d| d.starts_with("2020-")), "{dates:?}");
    assert!(hit_ids(&results).contains(&SAMPLE_ID.to_string()));
}

#[test]
fn a_range_ending_before_the_sample_leaves_it_out() {
    let results = search_json(
        archive_index(),
        &["memorandum", "--to", "2019-12-31", "--limit", "1000"],
    );
    assert!(
        results["total"].as_u64().unwrap() > 0,
        "Reuters has 1987 memoranda"
    );
    assert!(!hit_ids(&results).contains(&SAMPLE_ID.to_string()));
    assert!(dates(&results).iter().all(|d| d.as_str() <= "2019-12-31"));
}

#[test]
fn a_month_bound_covers_the_whole_month() {
    let results = search_json(
        archive_index(),
        &[
            "cocoa", "--from", "1987-03", "--to", "1987-03", "--limit", "1000",
        ],
    );
    let dates = dates(&results);
    assert!(dates.len() > 1, "cocoa in March 1987: {dates:?}");
    assert!(dates.iter().all(|d| d.starts_with("1987-03-")), "{dates:?}");
    assert!(
        dates.iter().any(|d| d.as_str() >= "1987-03-20"),
        "late March is included: {dates:?}"
    );
    assert_eq!(results["total"].as_u64().unwrap() as usize, dates.len());
}

#[test]
fn to_a_month_ends_on_its_last_day() {
    let results = search_json(
        archive_index(),
        &["memorandum", "--from", "2020-06", "--to", "2020-06"],
    );
    assert!(hit_ids(&results).contains(&SAMPLE_ID.to_string()));
    let results = search_json(
        archive_index(),
        &["memorandum", "--from", "2020-06-18", "--to", "2020-06"],
    );
    assert!(!hit_ids(&results).contains(&SAMPLE_ID.to_string()));
}

#[test]
fn sort_by_date_puts_newest_first() {
    let results = search_json(
        archive_index(),
        &["cocoa", "--sort", "date", "--limit", "20"],
    );
    let dates = dates(&results);
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(dates.len(), 20);
}
