//! One test per bug that fuzzing found (`scripts/fuzz`, targets in `fuzz/fuzz_targets/`), named after
//! the bug and fed the input that found it (`tests/fixtures/fuzz/`, described in its README). They run
//! the library the way the fuzz target did, with the same checks, so a regression fails here in plain
//! `cargo test` without cargo-fuzz or a nightly toolchain.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use chronicle::entities::{self, tagger::TaggerExtractor, Extractor, Span};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Fuzz targets read bytes as lossy UTF-8, so that every input reaches the parsers.
fn fixture_text(name: &str) -> String {
    String::from_utf8_lossy(&fixture(name)).into_owned()
}

/// Runs `f` on another thread and fails the test if it does not finish in time: a hang found by the
/// fuzzer must fail here, not stall `cargo test` forever.
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what} did not finish within {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    }
}

/// The `entities` fuzz target's checks: spans inside the text, on char boundaries, in order.
fn check_spans(text: &str, spans: &[Span]) {
    let mut last_start = 0;
    for span in spans {
        assert!(span.start < span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= last_start, "spans out of order at {span:?}");
        assert!(!span.canonical.trim().is_empty(), "{span:?}");
        last_start = span.start;
    }
}

/// Runs the entity extractor and returns its spans. (The bug was in the first, rule-based
/// extractor's tokenizer, since removed; the trained tagger's tokenizer gets the same inputs.)
fn extract(text: String) -> (String, Vec<Span>) {
    within(Duration::from_secs(10), "entity extraction", move || {
        let spans = TaggerExtractor::new()
            .expect("the embedded model loads")
            .extract(&text);
        (text, spans)
    })
}

/// A number starting with a non-ASCII digit (`߈`, NKo digit eight) is a number to `char::is_numeric`,
/// but the number scanner only consumed ASCII, so the tokenizer never advanced and pushed tokens until
/// memory ran out: any article with an Arabic-Indic or NKo digit hung the indexer.
#[test]
fn entity_tokenizer_terminates_on_non_ascii_digits() {
    let (text, spans) = extract(fixture_text("entities-nko-digit-hang.txt"));
    check_spans(&text, &spans);
    entities::collect(&text, spans);
    for digits in ["߈", "٣٤٥ pct", "Cairo said ٣,٤ and ² and ⅔.", "१२३ Delhi"] {
        let (text, spans) = extract(digits.to_string());
        check_spans(&text, &spans);
    }
}
