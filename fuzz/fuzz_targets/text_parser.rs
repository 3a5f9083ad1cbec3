//! `.txt` files: dated and plain layouts, and the lead-title heuristics every format shares.
#![no_main]

use chronicle::ingest::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = chronicle_fuzz::text(data);
    let out = text::parse(&input, "fuzz.txt");
    chronicle_fuzz::check_file(&out);
    assert!(
        out.articles.len() + out.skipped.len() == 1,
        "one story per text file"
    );
    if let Some(title) = text::lead_title(&input) {
        assert!(!title.trim().is_empty());
    }
});
