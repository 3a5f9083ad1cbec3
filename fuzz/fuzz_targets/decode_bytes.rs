//! Raw file bytes as `read_file` sees them: format detection, decoding (UTF-8, Latin-1, UTF-16,
//! binary and empty checks) and the format's parser, through `ingest::parse_unknown`.
//!
//! The first byte picks the file name, so one corpus covers every format and content sniffing.
#![no_main]

use std::path::Path;

use chronicle::ingest::{self, decode};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = [
    "a/story.txt",
    "reut2-000.sgm",
    "feed.jsonl",
    "dump.json",
    "part-00001",
    "README.md",
    "image.png",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if let Ok(decoded) = decode::decode(bytes) {
        assert!(
            !decoded.text.trim().is_empty(),
            "decode returned blank text"
        );
    }
    let head = &bytes[..bytes.len().min(ingest::SNIFF_LEN)];
    let _ = ingest::detect_format(Path::new(name), head);
    if let Ok(out) = ingest::parse_unknown(Path::new(name), bytes, name) {
        assert!(!out.articles.is_empty(), "Ok with no article");
        chronicle_fuzz::check_file(&out);
    }
});
