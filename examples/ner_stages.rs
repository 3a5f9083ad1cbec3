//! Where entity extraction's time goes, stage by stage, on one core over the embedded Reuters
//! archive (titles and bodies), best of seven rounds:
//!
//!   cargo run --release --example ner_stages
//!
//! Stages, each timed over every article: tokenising; tokenising and hashing tokens (the tagger's
//! token infos); the whole tagging (`tag_text`: also name lists, document facts and decoding);
//! the whole extraction (`extract`: also the rule pass). Differences between stages are what each
//! adds. For comparing builds on a shared machine, run old and new binaries alternately.

use std::time::Instant;

use anyhow::Context;
use chronicle::entities::tagger::{Scratch, TaggerExtractor};
use chronicle::entities::tokenize::Tokens;
use chronicle::entities::Extractor;

#[path = "common/reuters_texts.rs"]
mod reuters_texts;

fn main() -> anyhow::Result<()> {
    let texts = reuters_texts::load("corpus/reuters21578")?;
    let x = TaggerExtractor::new().context("loading the shipped model")?;
    let (mut tokens, mut scratch, mut tags) = (Tokens::default(), Scratch::default(), Vec::new());
    let mut best = [f64::MAX; 4];
    for _ in 0..7 {
        let t0 = Instant::now();
        for t in &texts {
            tokens.fill(t);
        }
        let t1 = Instant::now();
        for t in &texts {
            tokens.fill(t);
            scratch.clear();
            for &(a, b) in &tokens.sentences {
                scratch.push_sentence(
                    tokens.tokens[a as usize..b as usize]
                        .iter()
                        .map(|k| k.as_str(t)),
                );
            }
        }
        let t2 = Instant::now();
        for t in &texts {
            x.tag_text(t, &mut tokens, &mut scratch, &mut tags);
        }
        let t3 = Instant::now();
        let mut spans = 0;
        for t in &texts {
            spans += x.extract(t).len();
        }
        let t4 = Instant::now();
        std::hint::black_box(spans);
        for (k, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3].into_iter().enumerate() {
            best[k] = best[k].min(d.as_secs_f64() * 1e3);
        }
    }
    let [fill, infos, tag, extract] = best;
    println!(
        "{} articles: tokenise {fill:.1} ms | + token infos {infos:.1} ms | tag_text {tag:.1} ms | extract {extract:.1} ms",
        texts.len()
    );
    println!(
        "  so: infos {:.1} ms, names and decoding {:.1} ms, rule pass {:.1} ms",
        infos - fill,
        tag - infos,
        extract - tag
    );
    Ok(())
}
