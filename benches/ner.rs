//! Tagging speed over whole Reuters-21578 bodies, on one core: `cargo bench --bench ner`.
//!
//! Every token of every body counts, including the ones the tagger skips (lower-case text far from a
//! name): that is the figure the entity issue sets a floor for (2,000,000 tokens/s). Tokenising and
//! tagging are timed; the per-article rule pass is timed separately. A plain harness, not a timed test:
//! the numbers are printed, never asserted.

use std::path::Path;
use std::time::Instant;

use chronicle::entities::tagger::{Scratch, TaggerExtractor};
use chronicle::entities::tokenize::Tokens;
use chronicle::entities::Extractor;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/reuters21578");
    let mut bodies = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/reuters21578 is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f).expect("readable")).into_owned();
        if let Ok(parsed) = chronicle::ingest::reuters::parse(&text, &f.to_string_lossy()) {
            bodies.extend(
                parsed
                    .articles
                    .into_iter()
                    .map(|a| a.body)
                    .filter(|b| !b.is_empty()),
            );
        }
    }
    let x = TaggerExtractor::new().expect("the shipped model loads");
    let (mut tokens, mut scratch, mut tags) = (Tokens::default(), Scratch::default(), Vec::new());
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut best = 0f64;
    let mut count = 0;
    for _ in 0..5 {
        let t0 = Instant::now();
        count = 0;
        for b in &bodies {
            x.tag_text(b, &mut tokens, &mut scratch, &mut tags);
            count += tags.len();
        }
        best = best.max(count as f64 / t0.elapsed().as_secs_f64());
    }
    println!(
        "ner/tag: {} bodies, {count} tokens, {bytes} bytes: {best:.0} tokens/s (best of 5, tokenise + tag)",
        bodies.len()
    );
    let t0 = Instant::now();
    let spans: usize = bodies.iter().map(|b| x.extract(b).len()).sum();
    println!(
        "ner/extract: {spans} spans: {:.0} tokens/s (tokenise + tag + rule pass)",
        count as f64 / t0.elapsed().as_secs_f64()
    );
}
