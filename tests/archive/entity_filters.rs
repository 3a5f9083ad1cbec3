//! `--entity TYPE:NAME` finds the articles that mention an entity, by its name or an alias.

use crate::support::*;

#[test]
fn search_filters_by_organisation_acronym() {
    let results = search_json(archive_index(), &["memorandum", "--entity", "org:WHO"]);
    assert!(
        hit_ids(&results).contains(&SAMPLE_ID.to_string()),
        "{results}"
    );
}

#[test]
fn search_filters_by_person() {
    let results = search_json(archive_index(), &["*", "--entity", "person:Vladimir Norov"]);
    assert_eq!(hit_ids(&results), vec![SAMPLE_ID.to_string()]);
    // Case does not matter, quotes around the name are tolerated.
    let results = search_json(
        archive_index(),
        &["*", "--entity", "person:\"vladimir norov\""],
    );
    assert_eq!(hit_ids(&results), vec![SAMPLE_ID.to_string()]);
}

#[test]
fn entity_filters_combine_with_and() {
    let results = search_json(
        archive_index(),
        &[
            "*",
            "--entity",
            "org:WHO",
            "--entity",
            "person:Bakhtier Khakimov",
        ],
    );
    assert_eq!(hit_ids(&results), vec![SAMPLE_ID.to_string()]);
    let results = search_json(
        archive_index(),
        &[
            "*",
            "--entity",
            "org:WHO",
            "--entity",
            "person:Nobody Atall",
        ],
    );
    assert_eq!(results["total"], 0);
}

#[test]
fn the_sample_hit_lists_its_entities() {
    let results = search_json(archive_index(), &["SCO WHO memorandum", "--limit", "1"]);
    let entities = &results["hits"][0]["entities"];
    let names = |kind: &str| -> Vec<String> {
        entities[kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let orgs = names("org");
    assert!(
        orgs.contains(&"World Health Organization".to_string()),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"Shanghai Cooperation Organization".to_string()),
        "{orgs:?}"
    );
    let people = names("person");
    assert!(people.contains(&"Vladimir Norov".to_string()), "{people:?}");
    assert!(
        people.contains(&"Bakhtier Khakimov".to_string()),
        "{people:?}"
    );
    assert!(!people.contains(&"Norov".to_string()), "{people:?}");
    assert!(names("place").contains(&"St. Petersburg".to_string()));
}

#[test]
fn facets_count_entities_over_all_hits() {
    // `--limit 1` shows one hit, but the facets count over every hit.
    let results = search_json(
        archive_index(),
        &["cocoa", "--limit", "1", "--facets", "100"],
    );
    let places = results["facets"]["place"].as_array().unwrap();
    let total: u64 = results["total"].as_u64().unwrap();
    assert!(total > 50);
    let top = places[0]["count"].as_u64().unwrap();
    assert!(top > 1 && top <= total, "{places:?}");
    let counts: Vec<u64> = places
        .iter()
        .map(|p| p["count"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "sorted by count: {counts:?}"
    );

    let results = search_json(archive_index(), &["memorandum", "--from", "2020"]);
    let orgs = results["facets"]["org"].as_array().unwrap();
    assert!(
        orgs.iter()
            .any(|f| f["name"] == "World Health Organization" && f["count"] == 1),
        "{orgs:?}"
    );
}
