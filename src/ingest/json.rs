//! JSON articles: `.jsonl`/`.ndjson` (one object per line) and `.json` (an object or an array).
//!
//! Brief overview: [`parse_lines`] and [`parse_document`] parse with `serde_json` into `Value`s and
//! [`article`] maps one object to an [`Article`] through a table of field-name aliases, because
//! every scraper names its fields differently (`title`/`headline`, `body`/`text`/`maintext`, ...).
//! A bad line or item is an [`ArticleSkip`] and the others are still read.
//!
//! Deeply nested input cannot overflow the stack: `serde_json` stops at 128 levels with a
//! "recursion limit exceeded" error, which becomes a skip like any other parse error.

use super::text::{collapse_whitespace, lead_title, paragraphs};
use super::{ArticleSkip, FileArticles, SkipReason};
use crate::article::Article;
use serde_json::{Map, Value};

/// `Article::source` when the object names none.
pub const SOURCE: &str = "json";

/// Field names, in order of preference. Matched without regard to case (`Title`, `pubdate`).
const TITLE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["body", "text", "content", "maintext", "article"];
const DATE: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "published_at",
    "pubDate",
    "publish_date",
    "publishedAt",   // NewsAPI
    "datePublished", // schema.org NewsArticle
];
const URL: &[&str] = &["url", "link"];
const SOURCE_FIELDS: &[&str] = &["source", "source_domain", "publisher"];
const ID: &[&str] = &["id", "_id", "uuid", "guid"];

/// Keys under which API dumps wrap their list of articles (`{"status": "ok", "articles": [...]}`).
const WRAPPERS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "docs",
    "documents",
    "stories",
    "posts",
];

/// Parses JSON Lines. Blank lines are ignored; lines are numbered from 1 as in an editor, and an
/// object without an id gets `{rel}#{line}`.
pub fn parse_lines(text: &str, rel: &str) -> FileArticles {
    let mut out = FileArticles::default();
    for (index, line) in text.lines().enumerate() {
        match parse_line(line, index + 1, rel) {
            Some(Ok(article)) => out.articles.push(article),
            Some(Err(skip)) => out.skipped.push(skip),
            None => {}
        }
    }
    out
}

/// Parses line `number` (from 1) of a JSON Lines file; `None` for a blank line.
pub fn parse_line(line: &str, number: usize, rel: &str) -> Option<Result<Article, ArticleSkip>> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let result = serde_json::from_str::<Value>(line)
        .map_err(|e| error_reason(&e, true))
        .and_then(|value| match value {
            Value::Object(map) => article(&map, format!("{rel}#{number}"), rel),
            other => Err(format!("not an object but {}", kind(&other))),
        });
    Some(result.map_err(|reason| ArticleSkip::new(format!("line {number}"), reason)))
}

/// The longest JSON line [`LineStream`] reads; a longer one is skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Reads a JSON Lines file of any size line by line, so a multi-gigabyte archive never has to fit
/// in memory. Lines that are not valid UTF-8 are read as Latin-1 (one warning per file), and a line
/// over [`MAX_LINE_BYTES`] is skipped (and reported) without being buffered.
pub struct LineStream<R> {
    reader: R,
    rel: String,
    number: usize,
    buf: Vec<u8>,
    /// Set once a line needed the Latin-1 fallback.
    pub latin1_lines: usize,
}

impl<R: std::io::BufRead> LineStream<R> {
    pub fn new(reader: R, rel: &str) -> LineStream<R> {
        LineStream {
            reader,
            rel: rel.to_string(),
            number: 0,
            buf: Vec::new(),
            latin1_lines: 0,
        }
    }

    /// The next article or skipped line; `None` at the end of the file. An I/O error ends the
    /// stream with a skip naming it.
    pub fn next_item(&mut self) -> Option<Result<Article, ArticleSkip>> {
        use std::io::{BufRead, Read};
        loop {
            self.buf.clear();
            self.number += 1;
            let limit = MAX_LINE_BYTES as u64 + 1;
            let read = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf);
            match read {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let reason = format!("read error: {e}");
                    return Some(Err(ArticleSkip::new(
                        format!("line {}", self.number),
                        reason,
                    )));
                }
            }
            if self.buf.len() > MAX_LINE_BYTES && self.buf.last() != Some(&b'\n') {
                // Discard the rest of the oversized line.
                let _ = self.reader.skip_until(b'\n');
                let reason = format!("line longer than {} MB", MAX_LINE_BYTES >> 20);
                return Some(Err(ArticleSkip::new(
                    format!("line {}", self.number),
                    reason,
                )));
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(line) => std::borrow::Cow::Borrowed(line),
                Err(_) => {
                    self.latin1_lines += 1;
                    std::borrow::Cow::Owned(super::decode::latin1(&self.buf))
                }
            };
            if let Some(item) = parse_line(&line, self.number, &self.rel) {
                return Some(item);
            }
        }
    }
}

/// Parses a `.json` document: one article object, an array of them, or an object wrapping such an
/// array under a key like `articles`. Array items are numbered from 0, as `jq '.[N]'` does, and one
/// without an id gets `{rel}#{index}`; a lone object without an id gets `rel`.
///
/// A file that is not one JSON document but whose first line is an object on its own is JSON Lines
/// with the wrong extension, and is read as such (with a warning).
pub fn parse_document(text: &str, rel: &str) -> Result<FileArticles, SkipReason> {
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(err) if looks_like_json_lines(text) => {
            let mut out = parse_lines(text, rel);
            out.warnings.push(format!(
                "not a single JSON document ({}); read as JSON Lines",
                error_reason(&err, false)
            ));
            return Ok(out);
        }
        Err(err) => return Err(SkipReason::Malformed(error_reason(&err, false))),
    };
    let mut out = FileArticles::default();
    let items = match value {
        Value::Array(items) => items,
        Value::Object(map) => match wrapped_items(&map) {
            Some(items) => items.clone(),
            None => {
                match article(&map, rel.to_string(), rel) {
                    Ok(article) => out.articles.push(article),
                    Err(reason) => out.skipped.push(ArticleSkip::new("document", reason)),
                }
                return Ok(out);
            }
        },
        other => {
            return Err(SkipReason::Malformed(format!(
                "top-level JSON is {}, not an object or an array",
                kind(&other)
            )))
        }
    };
    for (index, item) in items.iter().enumerate() {
        let result = match item {
            Value::Object(map) => article(map, format!("{rel}#{index}"), rel),
            other => Err(format!("not an object but {}", kind(other))),
        };
        match result {
            Ok(article) => out.articles.push(article),
            Err(reason) => out
                .skipped
                .push(ArticleSkip::new(format!("item {index}"), reason)),
        }
    }
    Ok(out)
}

/// Maps one JSON object to an article. `default_id` is used when the object carries no id.
pub fn article(map: &Map<String, Value>, default_id: String, rel: &str) -> Result<Article, String> {
    let body = field(map, BODY).and_then(body_text).unwrap_or_default();
    let title = field(map, TITLE)
        .and_then(Value::as_str)
        .map(collapse_whitespace)
        .filter(|t| !t.is_empty())
        .or_else(|| lead_title(&body));
    let Some(title) = title else {
        return Err("no title and no body".to_string());
    };
    let id = field(map, ID).and_then(scalar_text).unwrap_or(default_id);
    let source = field(map, SOURCE_FIELDS)
        .and_then(|v| match v {
            // NewsAPI style: `"source": {"id": null, "name": "BBC News"}`.
            Value::Object(inner) => field(inner, &["name", "title", "id"]).and_then(scalar_text),
            other => scalar_text(other),
        })
        .unwrap_or_else(|| SOURCE.to_string());
    Ok(Article {
        id,
        path: rel.to_string(),
        title,
        body,
        // A number is a unix timestamp; kept as its digits for `enrich` to interpret.
        date_raw: field(map, DATE).and_then(scalar_text),
        source,
        url: field(map, URL).and_then(scalar_text),
        ..Article::default()
    })
}

/// The first alias present with a non-null value.
fn field<'a>(map: &'a Map<String, Value>, aliases: &[&str]) -> Option<&'a Value> {
    aliases.iter().find_map(|alias| {
        map.iter()
            .find(|(key, value)| key.eq_ignore_ascii_case(alias) && !value.is_null())
            .map(|(_, value)| value)
    })
}

/// A string (trimmed, non-empty) or a number as text. Ids and timestamps come as either.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A body is a string, or an array of paragraph strings.
fn body_text(value: &Value) -> Option<String> {
    let body = match value {
        Value::String(s) => normalise_body(s),
        Value::Array(parts) => {
            let parts: Vec<String> = parts
                .iter()
                .filter_map(Value::as_str)
                .map(normalise_body)
                .filter(|p| !p.is_empty())
                .collect();
            parts.join("\n\n")
        }
        _ => return None,
    };
    (!body.is_empty()).then_some(body)
}

/// Paragraphs separated by `\n\n`. JSON bodies are rarely hard-wrapped, so when a body has no blank
/// line at all each of its lines is taken as a paragraph; with blank lines, they separate paragraphs
/// as in a text file.
fn normalise_body(s: &str) -> String {
    let joined = paragraphs(s.lines());
    if joined.contains("\n\n") || !s.trim().contains('\n') {
        return joined;
    }
    s.lines()
        .map(collapse_whitespace)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn wrapped_items(map: &Map<String, Value>) -> Option<&Vec<Value>> {
    if field(map, TITLE).is_some() || field(map, BODY).is_some() {
        return None;
    }
    match field(map, WRAPPERS)? {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

/// Several non-blank lines, the first of which is a JSON object by itself.
fn looks_like_json_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    lines.next().is_some()
        && first.starts_with('{')
        && serde_json::from_str::<Value>(first).is_ok_and(|v| v.is_object())
}

/// serde_json's message, with the position made to fit: within one line only the column matters.
fn error_reason(err: &serde_json::Error, single_line: bool) -> String {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    if err.line() == 0 {
        message.to_string()
    } else if single_line {
        format!("{message} at column {}", err.column())
    } else {
        format!("{message} at line {} column {}", err.line(), err.column())
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synth_corpus_line() {
        let line = r#"{"id": "synth-00000000", "title": "Bahia Cocoa Review", "body": "First sentence.\n\nSecond one.", "date": "1999-01-02", "source": "wire"}"#;
        let got = parse_lines(line, "part-00000.jsonl");
        let a = &got.articles[0];
        assert_eq!(a.id, "synth-00000000");
        assert_eq!(a.title, "Bahia Cocoa Review");
        assert_eq!(a.body, "First sentence.\n\nSecond one.");
        assert_eq!(a.date_raw.as_deref(), Some("1999-01-02"));
        assert_eq!(a.source, "wire");
        assert_eq!(a.path, "part-00000.jsonl");
        assert_eq!(a.url, None);
    }

    #[test]
    fn aliases_and_defaults() {
        let text = concat!(
            r#"{"headline":"H","maintext":"M","date_publish":"2019-01-01 10:00:00","link":"http://x","source_domain":"x.com","uuid":"u-1"}"#,
            "\n\n",
            r#"{"Title":"T","Content":"C","pubDate":1592352000,"_id":42}"#,
            "\n",
            r#"{"text":"Only a body here. And more.","published_at":null,"published":"2020-01-01"}"#,
            "\n",
        );
        let got = parse_lines(text, "d/f.jsonl");
        assert!(got.skipped.is_empty(), "{:?}", got.skipped);
        let [a, b, c] = &got.articles[..] else {
            panic!("{:?}", got.articles)
        };
        assert_eq!(
            (a.id.as_str(), a.title.as_str(), a.body.as_str()),
            ("u-1", "H", "M")
        );
        assert_eq!(a.date_raw.as_deref(), Some("2019-01-01 10:00:00"));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.source, "x.com");
        assert_eq!((b.id.as_str(), b.title.as_str()), ("42", "T"));
        assert_eq!(b.date_raw.as_deref(), Some("1592352000"));
        assert_eq!(b.source, "json");
        assert_eq!(c.id, "d/f.jsonl#4", "blank lines still count");
        assert_eq!(c.title, "Only a body here");
        assert_eq!(c.body, "Only a body here. And more.");
        assert_eq!(c.date_raw.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn bad_lines_are_skipped_and_the_rest_read() {
        let text = "{\"title\":\"ok\"}\n{\"title\": \n[1,2]\n\"x\"\n{}\n{\"title\":\"\",\"body\":\"  \"}\n{\"title\":\"also ok\"}\r\n";
        let got = parse_lines(text, "f.jsonl");
        let titles: Vec<_> = got.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["ok", "also ok"]);
        let skips: Vec<String> = got.skipped.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            skips,
            [
                "line 2: EOF while parsing a value at column 9",
                "line 3: not an object but an array",
                "line 4: not an object but a string",
                "line 5: no title and no body",
                "line 6: no title and no body",
            ]
        );
    }

    #[test]
    fn deep_nesting_is_a_skip_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let got = parse_lines(&format!("{deep}\n{{\"title\":\"fine\"}}\n"), "f.jsonl");
        assert_eq!(got.articles.len(), 1);
        assert!(
            got.skipped[0].reason.contains("recursion limit"),
            "{:?}",
            got.skipped
        );
        let deep_object = format!("{{\"title\":\"t\",\"x\":{}", "{\"a\":".repeat(50_000));
        assert!(matches!(
            parse_document(&deep_object, "f.json"),
            Err(SkipReason::Malformed(_))
        ));
        match parse_document(&deep, "f.json") {
            Err(SkipReason::Malformed(reason)) => assert!(reason.contains("recursion limit")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn document_array() {
        let text = r#"[{"title":"A","body":"a"},{"id":"x","title":"B"},7,{"body":""}]"#;
        let got = parse_document(text, "f.json").unwrap();
        let ids: Vec<_> = got.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f.json#0", "x"]);
        let skips: Vec<String> = got.skipped.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            skips,
            [
                "item 2: not an object but a number",
                "item 3: no title and no body"
            ]
        );
    }

    #[test]
    fn document_single_object_and_wrapper() {
        let got = parse_document(r#"{"title":"One","text":["p1","p2 "]}"#, "one.json").unwrap();
        assert_eq!(got.articles[0].id, "one.json");
        assert_eq!(got.articles[0].body, "p1\n\np2");
        let got = parse_document(
            r#"{"status":"ok","articles":[{"title":"A","source":{"id":null,"name":"BBC News"},"publishedAt":"2020-01-01T00:00:00Z"}]}"#,
            "api.json",
        )
        .unwrap();
        assert_eq!(got.articles[0].title, "A");
        assert_eq!(got.articles[0].source, "BBC News");
        assert_eq!(got.articles[0].id, "api.json#0");
        assert_eq!(
            got.articles[0].date_raw.as_deref(),
            Some("2020-01-01T00:00:00Z")
        );
        let got = parse_document("{}", "e.json").unwrap();
        assert_eq!(got.skipped[0].to_string(), "document: no title and no body");
    }

    #[test]
    fn document_errors() {
        assert_eq!(
            parse_document("\"just a string\"", "f.json").unwrap_err(),
            SkipReason::Malformed("top-level JSON is a string, not an object or an array".into())
        );
        match parse_document("{\"title\": \"x\",\n  oops}", "f.json").unwrap_err() {
            SkipReason::Malformed(reason) => {
                assert!(reason.ends_with("at line 2 column 3"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_document("[]", "f.json").unwrap().articles.is_empty());
    }

    #[test]
    fn json_lines_in_a_json_file() {
        let got = parse_document("{\"title\":\"a\"}\n{\"title\":\"b\"}\n", "f.json").unwrap();
        assert_eq!(got.articles.len(), 2);
        assert_eq!(got.articles[1].id, "f.json#2");
        assert_eq!(got.warnings.len(), 1);
        assert!(
            got.warnings[0].contains("read as JSON Lines"),
            "{:?}",
            got.warnings
        );
        // One object followed by garbage is not JSON Lines.
        assert!(parse_document("{\"title\":\"a\"}", "f.json").is_ok());
        assert!(matches!(
            parse_document("{\"title\":\n\"a\"} x", "f.json"),
            Err(SkipReason::Malformed(_))
        ));
    }

    #[test]
    fn body_normalisation() {
        assert_eq!(normalise_body("one\ntwo\n"), "one\n\ntwo");
        assert_eq!(normalise_body("one\nwrapped\n\ntwo"), "one wrapped\n\ntwo");
        assert_eq!(normalise_body("  single   line "), "single line");
        assert_eq!(normalise_body("a\r\nb"), "a\n\nb");
    }

    #[test]
    fn unicode_and_escapes() {
        let got = parse_lines(
            r#"{"title":"Caf\u00e9 \u2014 news","body":"\u00a35"}"#,
            "f.jsonl",
        );
        assert_eq!(got.articles[0].title, "Café — news");
        assert_eq!(got.articles[0].body, "£5");
    }
}
