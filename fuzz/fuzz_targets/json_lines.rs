//! JSON Lines: one article object per line, field-name aliases, bad lines skipped.
#![no_main]

use chronicle::ingest::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = chronicle_fuzz::text(data);
    let out = json::parse_lines(&input, "fuzz.jsonl");
    chronicle_fuzz::check_file(&out);
});
