//! Reuters-21578 SGML: the hand-written tag scanner and the character-reference decoder.
#![no_main]

use chronicle::ingest::reuters;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = chronicle_fuzz::text(data);
    if let Ok(out) = reuters::parse(&input, "fuzz.sgm") {
        chronicle_fuzz::check_file(&out);
    }
    let _ = reuters::decode_entities(&input);
});
