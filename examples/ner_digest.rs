//! A digest of every entity span chronicle extracts from the embedded Reuters archive (titles and
//! bodies), to check that a change meant only to be faster changes no entity:
//!
//!   cargo run --release --example ner_digest     # before and after; the lines must be equal
//!
//! The digest covers each span's offsets, kind and canonical name, in order. It is a check for a
//! developer, not a test: the figure changes whenever extraction is meant to change.

use std::hash::{Hash, Hasher};

use anyhow::Context;
use chronicle::entities::tagger::TaggerExtractor;
use chronicle::entities::Extractor;

#[path = "common/reuters_texts.rs"]
mod reuters_texts;

fn main() -> anyhow::Result<()> {
    let texts = reuters_texts::load("corpus/reuters21578")?;
    let x = TaggerExtractor::new().context("loading the shipped model")?;
    // SipHash with fixed keys: the same digest on every run and machine.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut spans = 0usize;
    for t in &texts {
        for s in x.extract(t) {
            (s.start, s.end, s.kind, &s.canonical).hash(&mut h);
            spans += 1;
        }
    }
    println!(
        "{} articles, {spans} spans, digest {:016x}",
        texts.len(),
        h.finish()
    );
    Ok(())
}
