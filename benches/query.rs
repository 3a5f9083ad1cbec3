//! Micro benchmarks of query building: `cargo bench --bench query`.
//!
//! Times turning the user's text into a tantivy query (tantivy's parser plus chronicle's all-words
//! bonus) for the 200 benchmark queries drawn from Reuters titles (`benches/queries-reuters-200.txt`),
//! alone and with a date and an entity filter. The index is a tiny one built from the embedded sample
//! article: building a query reads nothing but the schema and the analyzer.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use chronicle::index::build::{self, IndexPlan};
use chronicle::index::OpenIndex;
use chronicle::search::{query, DateRange, EntityFilter};

fn queries() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/queries-reuters-200.txt");
    std::fs::read_to_string(path)
        .expect("benches/queries-reuters-200.txt is there")
        .lines()
        .map(str::to_string)
        .collect()
}

fn building(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sample");
    let mut plan = IndexPlan::new(&corpus, tmp.path().join("index"));
    plan.entities = false;
    build::build(&plan, &mut |_| {}).expect("the sample indexes");
    let index = OpenIndex::open(&plan.index).expect("the index opens");
    let queries = queries();
    let dates = DateRange::parse(Some("1987-03"), Some("1987-04")).expect("valid dates");
    let entities = vec![EntityFilter::parse("org:OPEC").expect("valid filter")];

    let mut g = c.benchmark_group("query");
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("text_200", |b| {
        b.iter(|| {
            for q in &queries {
                query::text_query(&index, q).expect("the query parses");
            }
        })
    });
    g.bench_function("text_and_filters_200", |b| {
        b.iter(|| {
            for q in &queries {
                let text = query::text_query(&index, q).expect("the query parses");
                query::with_filters(&index, text, &dates, &entities);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, building);
criterion_main!(benches);
