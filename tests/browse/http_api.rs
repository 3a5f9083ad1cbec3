//! The JSON API: every endpoint, bad parameters, and an article that contains HTML.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::server::*;
use crate::support::*;

/// Asserts a 4xx answer with a one-line `{"error": ...}` body containing `needle`.
fn assert_error(uri: &str, status: StatusCode, needle: &str) {
    let a = get(uri);
    assert_eq!(a.status, status, "{uri}: {}", a.text());
    assert!(a.header("content-type").starts_with("application/json"));
    let error = a.json()["error"].as_str().unwrap_or_default().to_string();
    assert!(
        error.contains(needle) && !error.contains('\n'),
        "{uri}: error {error:?} should mention {needle:?}"
    );
}

#[test]
fn search_answers_exactly_what_search_json_prints() {
    for (uri, args) in [
        (
            "/api/search?q=opec+output&limit=3",
            vec!["opec output", "--limit", "3"],
        ),
        (
            "/api/search?q=cocoa&from=1987-03&to=1987-03&sort=date&limit=5&offset=2",
            vec![
                "cocoa", "--from", "1987-03", "--to", "1987-03", "--sort", "date", "--limit", "5",
                "--offset", "2",
            ],
        ),
        (
            "/api/search?q=memorandum&entity=org%3AWHO&facets=3",
            vec!["memorandum", "--entity", "org:WHO", "--facets", "3"],
        ),
    ] {
        let a = get(uri);
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.text());
        assert_eq!(a.json(), search_json(archive_index(), &args), "{uri}");
    }
}

#[test]
fn search_finds_the_sample_first_and_filters_by_repeated_entities() {
    let r = get("/api/search?q=SCO+WHO+memorandum").json();
    assert_eq!(r["hits"][0]["id"], SAMPLE_ID);
    let both = get(
        "/api/search?q=*&entity=org:WHO&entity=org%3AShanghai%20Cooperation%20Organization&limit=5",
    )
    .json();
    assert_eq!(hit_ids(&both), vec![SAMPLE_ID.to_string()]);
    // Blank parameters, as a form with empty fields sends them, are ignored.
    let blank = get("/api/search?q=SCO+WHO+memorandum&from=&to=&entity=").json();
    assert_eq!(blank["hits"][0]["id"], SAMPLE_ID);
}

#[test]
fn bad_parameters_are_400_with_a_json_error() {
    let long = "a".repeat(1025);
    let cases: Vec<(String, &str)> = vec![
        ("/api/search?q=cocoa&from=June".into(), "bad date"),
        (
            "/api/search?q=cocoa&from=1987-04&to=1987-03".into(),
            "bad date range",
        ),
        ("/api/search?q=cocoa&entity=WHO".into(), "bad entity"),
        ("/api/search?q=nosuchfield%3Ax".into(), "bad query"),
        ("/api/search?q=cocoa&limit=1000".into(), "bad limit"),
        ("/api/search?q=cocoa&limit=-1".into(), "bad limit"),
        ("/api/search?q=cocoa&offset=99999999".into(), "bad offset"),
        ("/api/search?q=cocoa&sort=best".into(), "bad sort"),
        (
            "/api/search?q=cocoa&lmit=3".into(),
            "unknown parameter \"lmit\"",
        ),
        ("/api/search?q=cocoa&q=opec".into(), "given twice"),
        (format!("/api/search?q={long}"), "query too long"),
        (
            "/api/timeline?q=cocoa&interval=fortnight".into(),
            "bad interval",
        ),
        (
            "/api/timeline?q=*&interval=day&from=1900&to=2100".into(),
            "timeline too long",
        ),
        ("/api/facets?q=cocoa&type=animal".into(), "bad type"),
        ("/api/facets?q=cocoa&limit=0".into(), "bad limit"),
        ("/api/facets?q=cocoa&order=alphabet".into(), "bad order"),
    ];
    for (uri, needle) in cases {
        assert_error(&uri, StatusCode::BAD_REQUEST, needle);
    }
}

#[test]
fn unknown_articles_and_paths_are_404_json() {
    assert_error(
        "/api/articles/no-such-article",
        StatusCode::NOT_FOUND,
        "no article",
    );
    assert_error("/api/nothing-here", StatusCode::NOT_FOUND, "not found");
}

#[test]
fn request_size_is_limited() {
    let long = format!("/api/search?q=cocoa&pad={}", "x".repeat(9000));
    assert_error(&long, StatusCode::URI_TOO_LONG, "too long");
    let big_body = Request::get("/api/search?q=cocoa")
        .header("content-length", "100000")
        .body(Body::from(vec![b'x'; 100_000]))
        .expect("request");
    assert_eq!(
        send(&archive_state(), big_body).status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let post = Request::post("/api/search?q=cocoa")
        .body(Body::empty())
        .expect("request");
    assert_eq!(
        send(&archive_state(), post).status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[test]
fn articles_are_found_by_percent_encoded_id() {
    for uri in [
        "/api/articles/sample%2F000_44df0e79d50f69af.txt",
        "/api/articles/sample/000_44df0e79d50f69af.txt",
    ] {
        let a = get(uri);
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.text());
        let article = a.json();
        assert_eq!(article["id"], SAMPLE_ID);
        assert_eq!(article["date"], "2020-06-17");
        assert!(article["body"].as_str().unwrap_or_default().len() > 500);
        let orgs = article["entities"]["org"].as_array().expect("orgs");
        assert!(
            orgs.iter().any(|o| o == "World Health Organization"),
            "{orgs:?}"
        );
    }
    let reuters = get("/api/articles/reuters-1").json();
    assert_eq!(reuters["date"], "1987-02-26");
    assert_eq!(reuters["datetime"], "1987-02-26T15:01:01Z");
    assert!(reuters["dateline"]
        .as_str()
        .unwrap_or_default()
        .contains("SALVADOR"));
    assert_eq!(reuters["tags"]["topics"][0], "cocoa");
    assert!(reuters["title"]
        .as_str()
        .unwrap_or_default()
        .contains("COCOA"));
}

#[test]
fn timeline_counts_per_calendar_month_with_empty_months() {
    let t = get("/api/timeline?q=cocoa&from=1987&to=1987&interval=month").json();
    assert_eq!(t["interval"], "month");
    let buckets = t["buckets"].as_array().expect("buckets");
    let keys: Vec<&str> = buckets.iter().filter_map(|b| b["key"].as_str()).collect();
    let expected: Vec<String> = (1..=12).map(|m| format!("1987-{m:02}")).collect();
    assert_eq!(keys, expected);
    assert_eq!(buckets[1]["from"], "1987-02-01");
    assert_eq!(buckets[1]["to"], "1987-02-28");
    // Reuters-21578 covers February to October 1987: January is an empty month, listed all the same.
    assert_eq!(buckets[0]["count"], 0);
    let sum: u64 = buckets.iter().filter_map(|b| b["count"].as_u64()).sum();
    assert_eq!(sum, t["total"].as_u64().unwrap_or_default());
}

#[test]
fn facets_list_top_entities_of_one_kind_or_all() {
    // By count, a broad query's sidebar is full of names every story carries; by relevance, the
    // names of the best stories come first, with the number of all hits that mention them.
    let f = get("/api/facets?q=SCO+WHO+memorandum&type=org&limit=3&order=relevance").json();
    let orgs: Vec<&str> = f["org"]
        .as_array()
        .expect("org list")
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert!(orgs.contains(&"World Health Organization"), "{orgs:?}");
    assert!(
        orgs.contains(&"Shanghai Cooperation Organization"),
        "{orgs:?}"
    );
    let by_count = get("/api/facets?q=SCO+WHO+memorandum&type=org&limit=3").json();
    let who =
        get("/api/search?q=SCO+WHO+memorandum&entity=org:World%20Health%20Organization&limit=0")
            .json();
    let who_count = f["org"]
        .as_array()
        .and_then(|l| l.iter().find(|o| o["name"] == "World Health Organization"))
        .map(|o| o["count"].clone());
    // The count is that of all hits, exactly what clicking the entity filters to.
    assert_eq!(who_count, Some(who["total"].clone()));
    assert!(by_count["org"][0]["count"].as_u64() > who["total"].as_u64());
    assert!(f.get("person").is_none() && f.get("place").is_none());
    assert!(f["total"].as_u64() > Some(0));
    let all = get("/api/facets?q=cocoa&limit=3").json();
    for kind in ["org", "person", "place"] {
        assert!(all[kind].as_array().is_some_and(|l| l.len() <= 3), "{all}");
    }
}

#[test]
fn info_and_the_page_and_its_assets() {
    let info = get("/api/info").json();
    assert_eq!(info["articles"], 21_578);
    assert!(info["generation"]
        .as_str()
        .unwrap_or_default()
        .starts_with("gen-"));

    let page = get("/?q=cocoa&entity=org%3AWHO");
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page
        .text()
        .contains(r#"<script src="/app.js" defer></script>"#));
    // No inline script may run, whatever text reaches the page.
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    // Everything the page loads is served by the binary itself: no CDN.
    for remote in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!page.text().contains(remote), "the page loads {remote}...");
    }
    for (path, kind) in [("/app.js", "text/javascript"), ("/style.css", "text/css")] {
        let a = get(path);
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert!(a.header("content-type").starts_with(kind), "{path}");
        assert!(
            !a.text().contains("https://"),
            "{path} must not load anything remote"
        );
    }
}

/// A corpus whose articles carry markup, and one JSON Lines file whose ids contain `#`.
pub fn hostile_corpus() -> tempfile::TempDir {
    corpus_with(&[
        (
            "evil.json",
            br#"{"id": "evil-1", "title": "<script>alert(1)</script> Cocoa & <b>bold</b> claims",
                "body": "Cocoa <img src=x onerror=alert(2)> prices rose.\n\nA second paragraph about cocoa.",
                "date": "1999-05-04", "url": "javascript:alert(3)", "source": "wire"}"#,
        ),
        (
            "feed.jsonl",
            b"{\"title\": \"First cocoa story\", \"body\": \"Cocoa body one.\", \"date\": \"1999-05-05\"}\n\
              {\"title\": \"Second cocoa story\", \"body\": \"Cocoa body two.\", \"date\": \"1999-06-01\"}\n",
        ),
    ])
}

#[test]
fn an_article_containing_html_is_returned_as_json_text_and_snippets_are_escaped() {
    let corpus = hostile_corpus();
    let (index, _) = index_of(corpus.path());
    let state = state(index.path());

    let a = get_with(&state, "/api/articles/evil-1");
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header("content-type").starts_with("application/json"));
    let article = a.json();
    // The API returns the text as the article has it; it is the page's job to show it as text.
    assert_eq!(
        article["title"],
        "<script>alert(1)</script> Cocoa & <b>bold</b> claims"
    );
    assert!(article["body"]
        .as_str()
        .unwrap_or_default()
        .contains("<img src=x onerror=alert(2)>"));

    let r = get_with(&state, "/api/search?q=prices").json();
    let html = r["hits"][0]["snippet_html"].as_str().unwrap_or_default();
    assert!(
        html.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "{html}"
    );
    assert!(html.contains("<mark>prices</mark>"), "{html}");
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );

    // Ids with '#' (JSON Lines without ids) are reached by percent-encoding it.
    let line = get_with(&state, "/api/articles/feed.jsonl%231").json();
    assert_eq!(line["title"], "First cocoa story", "{line}");
}
