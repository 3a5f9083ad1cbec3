//! Micro benchmarks of ingest and enrich, per format: `cargo bench --bench ingest`.
//!
//! Every format is fed the same stories, Reuters-21578's first file, so the figures compare parsers
//! rather than inputs: the SGML as it ships, and the same articles written out as dated text files,
//! JSON Lines and a JSON array. `enrich/*` times what the pipeline does to each article after parsing:
//! dates only (`--no-entities`), and dates plus entity tagging.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use chronicle::article::Article;
use chronicle::enrich::Enricher;
use chronicle::ingest::{self, Format};

fn reuters_file() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/reuters21578/reut2-000.sgm");
    std::fs::read(path).expect("corpus/reuters21578 is there")
}

fn articles(sgml: &[u8]) -> Vec<Article> {
    ingest::parse_bytes(Format::ReutersSgml, sgml, "reut2-000.sgm")
        .expect("the first Reuters file parses")
        .articles
}

/// The articles as `synth-corpus --format txt` would write them, one file each.
fn as_text(articles: &[Article]) -> Vec<Vec<u8>> {
    articles
        .iter()
        .map(|a| format!("{}\n date 1987-02-26 {}\n", a.title, a.body).into_bytes())
        .collect()
}

fn as_json_values(articles: &[Article]) -> Vec<serde_json::Value> {
    articles
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id, "title": a.title, "body": a.body,
                "date": a.date_raw, "source": "wire",
            })
        })
        .collect()
}

fn parsing(c: &mut Criterion) {
    let sgml = reuters_file();
    let articles = articles(&sgml);
    let texts = as_text(&articles);
    let values = as_json_values(&articles);
    let jsonl: Vec<u8> = values
        .iter()
        .map(|v| v.to_string() + "\n")
        .collect::<String>()
        .into_bytes();
    let json = serde_json::to_vec(&values).expect("serialisable");

    let mut g = c.benchmark_group("parse");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(sgml.len() as u64));
    g.bench_function("reuters_sgml", |b| {
        b.iter(|| ingest::parse_bytes(Format::ReutersSgml, &sgml, "reut2-000.sgm"))
    });
    let text_bytes: usize = texts.iter().map(Vec::len).sum();
    g.throughput(Throughput::Bytes(text_bytes as u64));
    g.bench_function("dated_text", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| ingest::parse_bytes(Format::Text, t, "1987/02/x.txt").is_ok() as usize)
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(jsonl.len() as u64));
    g.bench_function("jsonl", |b| {
        b.iter(|| ingest::parse_bytes(Format::JsonLines, &jsonl, "part.jsonl"))
    });
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("json_array", |b| {
        b.iter(|| ingest::parse_bytes(Format::Json, &json, "all.json"))
    });
    g.finish();
}

fn enrichment(c: &mut Criterion) {
    let articles: Vec<Article> = articles(&reuters_file()).into_iter().take(200).collect();
    let bytes: usize = articles.iter().map(|a| a.title.len() + a.body.len()).sum();
    let mut g = c.benchmark_group("enrich");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    for (name, enricher) in [
        ("dates_only", Enricher::without_entities()),
        (
            "dates_and_entities",
            Enricher::new().expect("the built-in model loads"),
        ),
    ] {
        g.bench_function(name, |b| {
            b.iter_batched_ref(
                || articles.clone(),
                |batch| {
                    for a in batch.iter_mut() {
                        enricher.enrich(a);
                    }
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, parsing, enrichment);
criterion_main!(benches);
