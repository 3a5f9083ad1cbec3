//! `--json` prints one object with a stable shape that programs can rely on.

use crate::support::*;

#[test]
fn json_results_have_the_documented_shape() {
    let r = search_json(archive_index(), &["opec output", "--limit", "3"]);
    assert_eq!(r["query"], "opec output");
    assert!(r["total"].as_u64().unwrap() > 3);
    let hits = r["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    for hit in hits {
        for key in ["id", "title", "path", "snippet"] {
            assert!(hit[key].is_string(), "{key} in {hit}");
        }
        assert!(hit["score"].is_number());
        let date = hit["date"].as_str().unwrap();
        assert_eq!(date.len(), 10, "YYYY-MM-DD: {date}");
        for kind in ["org", "person", "place"] {
            assert!(hit["entities"][kind].is_array());
            assert!(r["facets"][kind].is_array());
        }
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn limit_and_offset_page_through_results() {
    let all = hit_ids(&search_json(
        archive_index(),
        &["opec output", "--limit", "6"],
    ));
    let page2 = hit_ids(&search_json(
        archive_index(),
        &["opec output", "--limit", "3", "--offset", "3"],
    ));
    assert_eq!(all.len(), 6);
    assert_eq!(page2, all[3..].to_vec());
}

#[test]
fn reuters_stories_carry_their_human_tags_apart_from_entities() {
    let r = search_json(
        archive_index(),
        &["title:\"bahia cocoa review\"", "--limit", "1"],
    );
    assert_eq!(r["hits"][0]["id"], "reuters-1");
    assert_eq!(r["hits"][0]["date"], "1987-02-26");
}
