//! The web page in a real browser: headless Chromium driven over WebDriver (chromedriver).
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without chromedriver
//! the test prints why and passes, unless `CI` is set, where a skipped browser test would hide a
//! broken page, so it fails instead. `CHROMEDRIVER` and `CHROMIUM` override the binaries' paths.
//!
//! The test saves screenshots to `target/browser-test-facet.png` (after the facet click) and
//! `target/browser-test.png` (after the timeline click) for a person to look at.

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::server::*;
use crate::support::*;

const WHO: &str = "org:World Health Organization";

/// chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_binary(env: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(PathBuf::from(path));
    }
    candidates.iter().map(PathBuf::from).find(|p| p.is_file())
}

fn start_driver() -> Option<Driver> {
    let Some(path) = find_binary(
        "CHROMEDRIVER",
        &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
    ) else {
        let why = "the browser test needs chromedriver (Debian: apt-get install chromium chromium-driver)";
        if std::env::var_os("CI").is_some() {
            panic!("{why}; CI is set, so a skipped browser test counts as a failure");
        }
        eprintln!("SKIPPED web page test: {why}");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port();
    let child = Command::new(&path)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", path.display()));
    let profile_dir = tempfile::tempdir().expect("profile dir");
    let profile = profile_dir.path().to_path_buf();
    let driver = Driver {
        child,
        port,
        _profile: profile_dir,
        profile,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(driver)
}

async fn browser(driver: &Driver) -> Client {
    let chromium = find_binary(
        "CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    );
    let mut options = json!({
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--window-size=1280,1500",
            format!("--user-data-dir={}", driver.profile.display()),
        ]
    });
    if let Some(binary) = chromium {
        options["binary"] = json!(binary);
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session in headless Chromium")
}

/// Polls `check` until it gives a value, or fails the test after 15 s naming `what`.
async fn until<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn js(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script {script:?}: {e}"))
}

/// The ids of the hits the page shows.
async fn page_ids(client: &Client) -> Vec<String> {
    let ids = js(
        client,
        "return Array.from(document.querySelectorAll('#hits li.hit[data-id]')).map(li => li.dataset.id)",
    )
    .await;
    serde_json::from_value(ids).unwrap_or_default()
}

/// Waits until the page's URL has `param` and its hits are `expected`.
async fn until_results(client: &Client, what: &str, param: &str, expected: &[String]) {
    until(what, || async {
        let url = client.current_url().await.ok()?;
        let ids = page_ids(client).await;
        (url.as_str().contains(param) && ids == expected).then_some(())
    })
    .await;
}

fn screenshot_path(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join(name)
}

async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    let path = screenshot_path(name);
    std::fs::write(&path, png).expect("write screenshot");
    eprintln!("screenshot: {}", path.display());
}

#[test]
fn search_facet_and_timeline_clicks_follow_in_the_url_and_the_results() {
    let Some(driver) = start_driver() else {
        return;
    };
    // What the page should show at each step, asked of the API first (in-process, synchronously).
    let q = "SCO WHO memorandum";
    let step1 = hit_ids(&get(&format!("/api/search?q={}", enc(q))).json());
    assert_eq!(step1.first().map(String::as_str), Some(SAMPLE_ID));
    let with_who = format!("/api/search?q={}&entity={}", enc(q), enc(WHO));
    let step2 = hit_ids(&get(&with_who).json());
    assert_ne!(step1, step2, "the facet must change the results");
    let timeline = get(&format!(
        "/api/timeline?q={}&entity={}&interval=auto",
        enc(q),
        enc(WHO)
    ))
    .json();
    let bucket = timeline["buckets"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["count"].as_u64() > Some(0)).cloned())
        .expect("a bar with hits");
    let (from, to) = (
        bucket["from"].as_str().unwrap_or_default().to_string(),
        bucket["to"].as_str().unwrap_or_default().to_string(),
    );
    let step3 = hit_ids(&get(&format!("{with_who}&from={from}&to={to}")).json());
    let step4 = hit_ids(&get(&format!("/api/search?q={}&from={from}&to={to}", enc(q))).json());

    let addr = spawn(archive_state());
    let hostile = crate::http_api::hostile_corpus();
    let (hostile_index, _) = index_of(hostile.path());
    let hostile_addr = spawn(state(hostile_index.path()));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let client = browser(&driver).await;
        let base = format!("http://{addr}");

        // 1. Type the query; the sample article comes first.
        client.goto(&format!("{base}/")).await.expect("open the page");
        let input = client.find(Locator::Css("#q")).await.expect("query box");
        input.send_keys(q).await.expect("type");
        client
            .find(Locator::Css("#go"))
            .await
            .expect("search button")
            .click()
            .await
            .expect("click search");
        until_results(&client, "the first results", "q=SCO+WHO+memorandum", &step1).await;
        assert_eq!(page_ids(&client).await[0], SAMPLE_ID);
        let first_snippet = js(
            &client,
            "return document.querySelector('#hits li.hit .snippet').innerHTML",
        )
        .await;
        assert!(
            first_snippet.as_str().unwrap_or_default().contains("<mark>"),
            "{first_snippet}"
        );

        // 2. Click the WHO facet: the filter goes into the URL and the list follows.
        let facet = format!("button.facet[data-entity=\"{WHO}\"]");
        client
            .find(Locator::Css(&facet))
            .await
            .expect("the WHO facet")
            .click()
            .await
            .expect("click facet");
        until_results(
            &client,
            "results filtered by WHO",
            "entity=org%3AWorld+Health+Organization",
            &step2,
        )
        .await;
        let pressed = client
            .find(Locator::Css(&facet))
            .await
            .expect("facet after filtering")
            .attr("aria-pressed")
            .await
            .expect("aria-pressed");
        assert_eq!(pressed.as_deref(), Some("true"));
        save_screenshot(&client, "browser-test-facet.png").await;

        // 3. Click the first timeline bar with hits: the date range narrows to its bucket.
        let bar = format!("#chart g.bucket[data-from=\"{from}\"]");
        client
            .find(Locator::Css(&bar))
            .await
            .expect("a timeline bar")
            .click()
            .await
            .expect("click bar");
        until_results(
            &client,
            "results narrowed to the bar's dates",
            &format!("from={from}&to={to}"),
            &step3,
        )
        .await;
        let from_box = client
            .find(Locator::Css("#from"))
            .await
            .expect("from box")
            .prop("value")
            .await
            .expect("value");
        assert_eq!(from_box.as_deref(), Some(from.as_str()));
        let dates = js(
            &client,
            "return Array.from(document.querySelectorAll('#hits .date')).map(e => e.textContent)",
        )
        .await;
        for date in dates.as_array().expect("dates") {
            let date = date.as_str().unwrap_or_default();
            assert!(
                from.as_str() <= date && date <= to.as_str(),
                "{date} outside {from}..{to}"
            );
        }
        save_screenshot(&client, "browser-test.png").await;

        // 4. Click the facet again: the filter goes, the dates stay.
        client
            .find(Locator::Css(&facet))
            .await
            .expect("the WHO facet, filtered")
            .click()
            .await
            .expect("unclick facet");
        until_results(&client, "the filter removed", &format!("from={from}"), &step4).await;
        let url = client.current_url().await.expect("url");
        assert!(!url.as_str().contains("entity="), "{url}");

        // 5. Back restores the filtered page from the URL alone.
        client.back().await.expect("back");
        until_results(&client, "back to the WHO filter", "entity=", &step3).await;

        // 6. Open an article and come back.
        client
            .find(Locator::Css("#hits li.hit h3 a"))
            .await
            .expect("a result title")
            .click()
            .await
            .expect("open article");
        until("the article view", || async {
            let title = js(&client, "return document.getElementById('article-view').hidden ? '' : document.getElementById('article-title').textContent").await;
            title.as_str().is_some_and(|t| !t.is_empty()).then_some(())
        })
        .await;
        assert!(client
            .current_url()
            .await
            .expect("url")
            .as_str()
            .contains("article="));

        // 7. An article full of markup renders as text: no element is created from it.
        let evil = format!("http://{hostile_addr}/?article=evil-1");
        client.goto(&evil).await.expect("open the hostile article");
        let title = until("the hostile article", || async {
            let t = js(&client, "return document.getElementById('article-title').textContent").await;
            t.as_str().filter(|t| !t.is_empty()).map(str::to_string)
        })
        .await;
        assert_eq!(title, "<script>alert(1)</script> Cocoa & <b>bold</b> claims");
        let injected = js(
            &client,
            "return document.querySelectorAll('#article-view script, #article-view img, #article-view b, a[href^=\"javascript\"]').length",
        )
        .await;
        assert_eq!(injected, json!(0));
        assert!(
            client.get_alert_text().await.is_err(),
            "an alert means article text ran as script"
        );
        let body = js(&client, "return document.getElementById('article-body').textContent").await;
        assert!(body
            .as_str()
            .unwrap_or_default()
            .contains("<img src=x onerror=alert(2)>"));
        client
            .goto(&format!("http://{hostile_addr}/?q=prices"))
            .await
            .expect("search the hostile index");
        until_results(&client, "the hostile search", "q=prices", &["evil-1".to_string()]).await;
        let snippet = js(
            &client,
            "return document.querySelector('#hits .snippet').innerHTML",
        )
        .await;
        let snippet = snippet.as_str().unwrap_or_default();
        assert!(snippet.contains("&lt;img") && !snippet.contains("<img"), "{snippet}");

        client.close().await.expect("close the browser");
    });
}
