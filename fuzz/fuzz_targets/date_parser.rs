//! `enrich::dates::parse`: every date format a source may state.
#![no_main]

use chronicle::enrich::dates;
use chrono::Datelike;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = chronicle_fuzz::text(data);
    if let Some(date) = dates::parse(&input) {
        assert!((1700..=2200).contains(&date.year()), "{input:?} -> {date}");
        // What the parser produces it must read back: RFC 3339 is its first format.
        assert_eq!(dates::parse(&date.to_rfc3339()), Some(date), "{input:?}");
    }
});
