//! Rough, ignored measurements of [`RuleExtractor`] on Reuters-21578 (`corpus/reuters21578/`):
//! place coverage against the human PLACES tags, and throughput.
//!
//! `cargo test --release entities::rules::eval -- --ignored --nocapture`. They are informational, not
//! bars: the numbers go into issue comments, so they print rather than assert.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use super::RuleExtractor;
use crate::entities::{EntityKind, Extractor};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/reuters21578");

/// One story: the human PLACES codes and the text an indexer would see (title, dateline, body).
struct Story {
    places: Vec<String>,
    text: String,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// Undoes the collection's escapes and drops the control-character references (`&#3;`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        if let Some(r) = rest.strip_prefix("&lt;") {
            out.push('<');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("&amp;") {
            out.push('&');
            rest = r;
        } else if let (true, Some(end)) =
            (rest.starts_with("&#"), rest.find(';').filter(|&e| e <= 6))
        {
            rest = &rest[end + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn stories(file: &str) -> Option<Vec<Story>> {
    let bytes = std::fs::read(format!("{CORPUS}/{file}")).ok()?;
    // reut2-017.sgm holds one latin-1 byte; lossy decoding is fine for a measurement.
    let sgml = String::from_utf8_lossy(&bytes);
    let mut out = Vec::new();
    for doc in sgml.split("<REUTERS").skip(1) {
        let Some(body) = between(doc, "<BODY>", "</BODY>") else {
            continue;
        };
        let places = between(doc, "<PLACES>", "</PLACES>")
            .unwrap_or("")
            .split("<D>")
            .filter_map(|d| d.strip_suffix("</D>"))
            .map(str::to_string)
            .collect();
        let title = between(doc, "<TITLE>", "</TITLE>").unwrap_or("");
        let dateline = between(doc, "<DATELINE>", "</DATELINE>").unwrap_or("");
        let text = format!(
            "{}\n{}{}",
            unescape(title),
            unescape(dateline.trim_start()),
            unescape(body)
        );
        out.push(Story { places, text });
    }
    Some(out)
}

/// Canonical place name -> Reuters code (`United States` -> `usa`, `Hong Kong` -> `hong-kong`).
fn code(name: &str) -> String {
    match name {
        "United States" => "usa".into(),
        "United Kingdom" => "uk".into(),
        "Soviet Union" => "ussr".into(),
        "United Arab Emirates" => "uae".into(),
        "Peking" => "china".into(),
        _ => name.to_ascii_lowercase().replace(' ', "-"),
    }
}

/// Dateline cities -> the country code Reuters tags such stories with; only for the second figure.
fn city_country(code: &str) -> Option<&'static str> {
    Some(match code {
        "new-york" | "washington" | "chicago" | "houston" | "dallas" | "los-angeles"
        | "san-francisco" | "boston" | "detroit" | "pittsburgh" | "philadelphia" | "atlanta"
        | "miami" | "minneapolis" | "kansas-city" | "st.-louis" | "denver" | "cleveland"
        | "seattle" | "new-orleans" | "baltimore" | "cincinnati" | "milwaukee" | "phoenix"
        | "san-diego" | "honolulu" | "texas" | "california" | "new-jersey" | "ohio"
        | "illinois" | "florida" | "michigan" | "pennsylvania" | "iowa" => "usa",
        "tokyo" | "osaka" => "japan",
        "london" | "edinburgh" | "glasgow" | "manchester" | "birmingham" | "liverpool"
        | "england" | "scotland" | "wales" => "uk",
        "toronto" | "ottawa" | "montreal" | "vancouver" | "calgary" | "winnipeg" | "ontario"
        | "quebec" | "alberta" => "canada",
        "frankfurt" | "bonn" | "hamburg" | "munich" | "dusseldorf" | "cologne" | "stuttgart" => {
            "west-germany"
        }
        "paris" | "lyon" | "marseille" => "france",
        "brussels" | "antwerp" => "belgium",
        "amsterdam" | "rotterdam" => "netherlands",
        "zurich" | "geneva" | "bern" | "basle" => "switzerland",
        "sydney" | "melbourne" => "australia",
        "wellington" | "auckland" => "new-zealand",
        "beijing" | "shanghai" => "china",
        "moscow" | "leningrad" => "ussr",
        "sao-paulo" | "rio-de-janeiro" | "brasilia" | "salvador" => "brazil",
        "buenos-aires" => "argentina",
        "mexico-city" => "mexico",
        "madrid" => "spain",
        "rome" | "milan" => "italy",
        "stockholm" => "sweden",
        "oslo" => "norway",
        "copenhagen" => "denmark",
        "helsinki" => "finland",
        "vienna" => "austria",
        "lisbon" => "portugal",
        "athens" => "greece",
        "dublin" => "ireland",
        "seoul" => "south-korea",
        "taipei" => "taiwan",
        "manila" => "philippines",
        "jakarta" => "indonesia",
        "kuala-lumpur" => "malaysia",
        "bangkok" => "thailand",
        "new-delhi" | "bombay" | "calcutta" => "india",
        "karachi" | "islamabad" => "pakistan",
        "tehran" => "iran",
        "baghdad" => "iraq",
        "riyadh" | "jeddah" => "saudi-arabia",
        "cairo" => "egypt",
        "jerusalem" | "tel-aviv" => "israel",
        "nairobi" => "kenya",
        "lagos" => "nigeria",
        "johannesburg" | "pretoria" | "cape-town" => "south-africa",
        "caracas" => "venezuela",
        "bogota" => "colombia",
        "lima" => "peru",
        "santiago" => "chile",
        _ => return None,
    })
}

#[test]
#[ignore = "reads the Reuters corpus; informational figure"]
fn reuters_place_coverage() {
    let Some(stories) = stories("reut2-000.sgm") else {
        eprintln!("no corpus at {CORPUS}; skipped");
        return;
    };
    let x = RuleExtractor::new();
    let (mut gold, mut covered, mut covered_cities, mut extracted, mut extra) = (0, 0, 0, 0, 0);
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    let mut n = 0;
    for s in stories.iter().filter(|s| !s.places.is_empty()).take(1000) {
        n += 1;
        let mut found = HashSet::new();
        for span in x.extract(&s.text) {
            if span.kind == EntityKind::Place {
                found.insert(code(&span.canonical));
            }
        }
        let with_cities: HashSet<String> = found
            .iter()
            .map(|c| city_country(c).map_or_else(|| c.clone(), str::to_string))
            .collect();
        for p in &s.places {
            gold += 1;
            if found.contains(p) {
                covered += 1;
            } else {
                *missed.entry(p.clone()).or_default() += 1;
            }
            if found.contains(p) || with_cities.contains(p) {
                covered_cities += 1;
            }
        }
        for c in &with_cities {
            extracted += 1;
            if !s.places.contains(c) {
                extra += 1;
                *spurious.entry(c.clone()).or_default() += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("stories with PLACES tags: {n}, gold place tags: {gold}");
    println!(
        "covered by extracted places (name map only): {covered} = {:.1}%",
        pct(covered, gold)
    );
    println!(
        "covered when dateline cities count for their country: {covered_cities} = {:.1}%",
        pct(covered_cities, gold)
    );
    println!(
        "extracted place codes (cities mapped) not in the story's tags: {extra} of {extracted} = {:.1}%",
        pct(extra, extracted)
    );
    let top = |m: &BTreeMap<String, usize>| {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1));
        v.into_iter()
            .take(25)
            .map(|(k, n)| format!("{k}:{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!("most missed: {}", top(&missed));
    println!("most extra: {}", top(&spurious));
}

#[test]
#[ignore = "reads the whole Reuters corpus; run with --release"]
fn reuters_throughput() {
    let mut texts = Vec::new();
    for k in 0..22 {
        if let Some(s) = stories(&format!("reut2-{k:03}.sgm")) {
            texts.extend(s.into_iter().map(|s| s.text));
        }
    }
    if texts.is_empty() {
        eprintln!("no corpus at {CORPUS}; skipped");
        return;
    }
    let tokens: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let bytes: usize = texts.iter().map(String::len).sum();
    let x = RuleExtractor::new();
    let mut best = f64::MAX;
    let mut spans = 0;
    for _ in 0..3 {
        let t = Instant::now();
        spans = texts.iter().map(|t| x.extract(t).len()).sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} stories, {tokens} whitespace tokens, {:.1} MB, {spans} spans; best of 3: {:.3} s = {:.2} M tokens/s, {:.1} MB/s (one thread)",
        texts.len(),
        bytes as f64 / 1e6,
        best,
        tokens as f64 / best / 1e6,
        bytes as f64 / best / 1e6
    );
}

/// Prints what the extractor finds in the first stories, for eyeballing junk.
#[test]
#[ignore = "reads the Reuters corpus; prints for eyeballing"]
fn reuters_dump() {
    let Some(stories) = stories("reut2-000.sgm") else {
        return;
    };
    let x = RuleExtractor::new();
    let n: usize = std::env::var("DUMP_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    for s in stories.iter().take(n) {
        let spans = x.extract(&s.text);
        let found: Vec<String> = crate::entities::collect(&s.text, &spans)
            .iter()
            .map(|e| format!("{}:{}", e.kind.as_str(), e.name))
            .collect();
        println!("{:?} -> {}", s.places, found.join(" | "));
    }
}
