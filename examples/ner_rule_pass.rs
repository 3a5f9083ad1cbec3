//! The rule pass alone (`chronicle::entities::postprocess::spans`), timed over the embedded Reuters
//! archive already tokenised and tagged, best of fifteen rounds on one core:
//!
//!   cargo run --release --example ner_rule_pass
//!
//! `ner_stages` gives the rule pass as the difference of two stages, each a minimum over rounds,
//! which on a shared machine moves by 20-40 ms from run to run; this times it on its own (a few ms
//! of spread), which is what comparing two versions of a rule needs. Run old and new binaries
//! alternately.

use std::time::Instant;

use anyhow::Context;
use chronicle::entities::postprocess;
use chronicle::entities::tagger::{Scratch, TaggerExtractor};
use chronicle::entities::tokenize::Tokens;

#[path = "common/reuters_texts.rs"]
mod reuters_texts;

fn main() -> anyhow::Result<()> {
    let texts = reuters_texts::load("corpus/reuters21578")?;
    let x = TaggerExtractor::new().context("loading the shipped model")?;
    let mut scratch = Scratch::default();
    let tagged: Vec<_> = texts
        .iter()
        .map(|t| {
            let (mut tokens, mut tags) = (Tokens::default(), Vec::new());
            x.tag_text(t, &mut tokens, &mut scratch, &mut tags);
            (tokens, tags)
        })
        .collect();
    let mut best = f64::MAX;
    let mut spans = 0;
    for _ in 0..15 {
        let t0 = Instant::now();
        spans = 0;
        for (text, (tokens, tags)) in texts.iter().zip(&tagged) {
            spans += postprocess::spans(text, tokens, tags).len();
        }
        best = best.min(t0.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "{} articles, {spans} spans: rule pass {best:.1} ms",
        texts.len()
    );
    Ok(())
}
