//! The entity extractor (the trained tagger and its rule pass) on arbitrary text, then
//! `entities::collect`. Spans must be in-bounds char boundaries, in text order.
#![no_main]

use chronicle::entities::{self, tagger::TaggerExtractor, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static EXTRACTOR: OnceLock<TaggerExtractor> = OnceLock::new();
    let extractor =
        EXTRACTOR.get_or_init(|| TaggerExtractor::new().expect("the built-in model loads"));
    let input = chronicle_fuzz::text(data);
    let spans = extractor.extract(&input);
    chronicle_fuzz::check_spans(&input, &spans);
    let found = entities::collect(&input, &spans);
    assert!(found.iter().map(|e| e.mentions).sum::<usize>() == spans.len());
    for entity in &found {
        assert!(!entity.name.is_empty() && !entity.aliases.contains(&entity.name));
    }
});
