//! `--from`, `--to` and `--entity`: `filters::parse_bound`, `DateRange::parse`, `EntityFilter::parse`.
//!
//! The input is split at the first newline into the `--from` and `--to` texts.
#![no_main]

use chronicle::search::filters::{parse_bound, DateRange, Edge, EntityFilter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = chronicle_fuzz::text(data);
    let (from, to) = input.split_once('\n').unwrap_or((&input, ""));
    for text in [from, to] {
        let start = parse_bound(text, Edge::Start);
        let end = parse_bound(text, Edge::End);
        assert_eq!(
            start.is_ok(),
            end.is_ok(),
            "{text:?}: one edge parsed, not the other"
        );
        if let (Ok(start), Ok(end)) = (start, end) {
            assert!(start <= end, "{text:?}: period ends before it starts");
        }
        if let Ok(filter) = EntityFilter::parse(text) {
            assert!(!filter.name.is_empty());
        }
    }
    if let Ok(range) = DateRange::parse(
        chronicle_fuzz::non_blank(Some(from)),
        chronicle_fuzz::non_blank(Some(to)),
    ) {
        if let (Some(from), Some(to)) = (range.from, range.to) {
            assert!(from <= to, "{input:?}: accepted an empty range");
        }
    }
});
