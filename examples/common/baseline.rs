//! The raw-tantivy baseline: what tantivy alone does with the same articles, for every benchmark
//! figure to be quoted as a ratio against it.
//!
//! It deliberately shares no code with chronicle. It reads the two formats `synth-corpus` writes,
//! minimally (JSON Lines through `serde_json`; the dated text format by splitting its first two lines),
//! into chronicle's schema *without the entity fields*, with the same analyzer (rebuilt here from
//! tantivy's own tokenizers), the same writer threads and memory budget. It commits once, at the end,
//! as a plain tantivy program would; chronicle's periodic commits are part of what chronicle costs.
//!
//! Searches parse the text with tantivy's `QueryParser` over title (boosted 2x, as chronicle does) and
//! body, collect the top 10 and the count, and load the 10 stored documents: a search application's
//! minimum. chronicle's extras (the all-words bonus, snippets, facet counts) are what the ratio measures.

#![allow(dead_code)] // each example that includes this file uses a part of it

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{DateTime, Index, IndexWriter, Searcher, TantivyDocument};

const ANALYZER: &str = "chronicle_en";

/// The fields the baseline fills: chronicle's schema minus `entity` and `entity_key`.
#[derive(Clone, Copy)]
pub struct BaseFields {
    id: Field,
    path: Field,
    file_size: Field,
    file_mtime: Field,
    file_hash: Field,
    title: Field,
    body: Field,
    date: Field,
    source: Field,
    url: Field,
}

pub fn schema() -> (Schema, BaseFields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = BaseFields {
        id: b.add_text_field("id", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED | FAST),
        file_size: b.add_u64_field("file_size", NumericOptions::default().set_fast()),
        file_mtime: b.add_i64_field("file_mtime", NumericOptions::default().set_fast()),
        file_hash: b.add_u64_field("file_hash", NumericOptions::default().set_fast()),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        ),
        source: b.add_text_field("source", STRING | STORED),
        url: b.add_text_field("url", STORED),
    };
    b.add_facet_field("tags", FacetOptions::default().set_stored());
    b.add_text_field("dateline", STORED);
    (b.build(), fields)
}

/// chronicle's analyzer, built from tantivy's parts.
fn register(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build();
    index.tokenizers().register(ANALYZER, analyzer);
}

/// One JSON Lines record as `synth-corpus` writes it.
#[derive(Deserialize)]
struct Line {
    id: String,
    title: String,
    body: String,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// The state of the file an article came from, as chronicle's manifest fields hold it.
struct FileInfo {
    rel: String,
    size: u64,
    mtime: i64,
}

/// Indexes every `.jsonl` and `.txt` file under `corpus` into a new index at `out`; returns the
/// number of articles.
pub fn index(corpus: &Path, out: &Path, threads: usize, memory: usize) -> tantivy::Result<u64> {
    std::fs::create_dir_all(out)?;
    let (schema, f) = schema();
    // The document-store setting chronicle creates its indexes with (`index::build`): a writer
    // configured the same way, so the comparison is of the work done, not of tantivy's settings.
    let settings = tantivy::IndexSettings {
        docstore_compress_dedicated_thread: false,
        ..tantivy::IndexSettings::default()
    };
    let index = Index::builder()
        .schema(schema)
        .settings(settings)
        .create_in_dir(out)?;
    register(&index);
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, memory)?;
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut count = 0u64;
    for path in files {
        let meta = std::fs::metadata(&path)?;
        let info = FileInfo {
            rel: path
                .strip_prefix(corpus)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned(),
            size: meta.len(),
            mtime: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i64),
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => {
                let reader =
                    std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(&path)?);
                for line in reader.lines() {
                    let line = line?;
                    let Ok(l) = serde_json::from_str::<Line>(&line) else {
                        continue;
                    };
                    let doc = document(
                        &f,
                        &info,
                        &l.id,
                        &l.title,
                        &l.body,
                        l.date.as_deref(),
                        l.source.as_deref().unwrap_or("json"),
                        l.url.as_deref(),
                    );
                    writer.add_document(doc)?;
                    count += 1;
                }
            }
            Some("txt") => {
                let text = std::fs::read_to_string(&path)?;
                // `Title\n date YYYY-MM-DD body...`
                let (title, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
                let rest = rest.trim_start();
                let (date, body) = match rest.strip_prefix("date ") {
                    Some(r) if r.len() >= 10 => (Some(&r[..10]), &r[10..]),
                    _ => (None, rest),
                };
                let doc = document(&f, &info, &info.rel, title, body, date, "text", None);
                writer.add_document(doc)?;
                count += 1;
            }
            _ => {}
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(count)
}

#[allow(clippy::too_many_arguments)]
fn document(
    f: &BaseFields,
    file: &FileInfo,
    id: &str,
    title: &str,
    body: &str,
    date: Option<&str>,
    source: &str,
    url: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, id);
    doc.add_text(f.path, &file.rel);
    doc.add_u64(f.file_size, file.size);
    doc.add_i64(f.file_mtime, file.mtime);
    doc.add_u64(f.file_hash, 0);
    doc.add_text(f.title, title);
    doc.add_text(f.body, body);
    if let Some(secs) = date.and_then(ymd_secs) {
        doc.add_date(f.date, DateTime::from_timestamp_secs(secs));
    }
    doc.add_text(f.source, source);
    if let Some(url) = url {
        doc.add_text(f.url, url);
    }
    doc
}

/// `YYYY-MM-DD` as seconds since the epoch (midnight UTC).
fn ymd_secs(s: &str) -> Option<i64> {
    let date = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

/// A baseline index opened for searching.
pub struct BaseSearcher {
    searcher: Searcher,
    parser: QueryParser,
}

impl BaseSearcher {
    pub fn open(dir: &Path) -> tantivy::Result<BaseSearcher> {
        let index = Index::open_in_dir(dir)?;
        register(&index);
        let schema = index.schema();
        let title = schema.get_field("title")?;
        let body = schema.get_field("body")?;
        let mut parser = QueryParser::for_index(&index, vec![title, body]);
        parser.set_field_boost(title, 2.0);
        let searcher = index.reader()?.searcher();
        Ok(BaseSearcher { searcher, parser })
    }

    /// Runs one query: top 10 by BM25 and the total count, loading the 10 documents. Returns the count.
    pub fn search(&self, text: &str) -> tantivy::Result<usize> {
        let query = self
            .parser
            .parse_query(text)
            .map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
        let (top, count) = self
            .searcher
            .search(&*query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        for (_, address) in top {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            std::hint::black_box(doc);
        }
        Ok(count)
    }
}
