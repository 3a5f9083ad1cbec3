//! A `.json` document: an object, an array, a wrapped array, or JSON Lines misnamed `.json`.
#![no_main]

use chronicle::ingest::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = chronicle_fuzz::text(data);
    if let Ok(out) = json::parse_document(&input, "fuzz.json") {
        chronicle_fuzz::check_file(&out);
    }
});
