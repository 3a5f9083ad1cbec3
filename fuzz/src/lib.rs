//! What the fuzz targets share: the invariants every parser's output must keep, and a tiny in-RAM
//! chronicle index for the query front-end to run against.
//!
//! A target fails when the library panics (an index out of bounds, a slice off a char boundary, an
//! overflow: debug assertions are on in fuzz builds) or when one of these checks does. Errors such as
//! `BadQuery` or `SkipReason::Malformed` are the library working as intended and are not failures.

use std::borrow::Cow;
use std::sync::OnceLock;

use chronicle::article::Article;
use chronicle::enrich::Enricher;
use chronicle::entities::Span;
use chronicle::index::document::to_document;
use chronicle::index::manifest::FileState;
use chronicle::index::{analyzer, Fields, OpenIndex};
use chronicle::ingest::FileArticles;
use chronicle::search::Archive;

/// Raw fuzz bytes as text. Lossy, so that every input reaches the parser instead of only the valid
/// UTF-8 ones (real files that are not UTF-8 reach the parsers as Latin-1 text, which is also valid).
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A command-line option's value: a blank one counts as not given.
pub fn non_blank(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.trim().is_empty())
}

/// What `ingest` promises of every article it returns (see the `ingest` module docs).
pub fn check_article(a: &Article) {
    assert!(!a.id.is_empty(), "empty id: {a:?}");
    assert!(!a.path.is_empty(), "empty path: {a:?}");
    assert!(!a.title.trim().is_empty(), "blank title: {a:?}");
    assert!(!a.source.is_empty(), "empty source: {a:?}");
    assert!(a.date.is_none(), "ingest must not parse dates: {a:?}");
    assert!(a.entities.is_empty(), "ingest must not extract entities");
}

pub fn check_file(out: &FileArticles) {
    out.articles.iter().for_each(check_article);
    for skip in &out.skipped {
        assert!(
            !skip.position.is_empty() && !skip.reason.is_empty(),
            "{skip:?}"
        );
    }
}

/// Spans must lie inside `text` on char boundaries, in text order, each with a canonical name.
pub fn check_spans(text: &str, spans: &[Span]) {
    let mut last_start = 0;
    for span in spans {
        assert!(span.start < span.end, "empty or reversed span {span:?}");
        assert!(
            span.end <= text.len(),
            "span {span:?} past the end ({})",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} off a char boundary"
        );
        assert!(span.start >= last_start, "spans out of order at {span:?}");
        assert!(
            !span.canonical.trim().is_empty(),
            "blank canonical name {span:?}"
        );
        last_start = span.start;
    }
}

/// A two-article in-RAM index with dates and entities, built once per fuzzing process.
pub fn archive() -> &'static Archive {
    static ARCHIVE: OnceLock<Archive> = OnceLock::new();
    ARCHIVE.get_or_init(|| build_archive().expect("in-RAM index"))
}

fn build_archive() -> chronicle::Result<Archive> {
    let index = tantivy::Index::create_in_ram(Fields::schema());
    analyzer::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    let enricher = Enricher::new().expect("the built-in model loads");
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 20 << 20)?;
    let stories = [
        (
            "sample",
            "SCO warns of coronavirus",
            "The threat of a repeated spread of the coronavirus remains high, Vladimir Norov, the \
             Shanghai Cooperation Organization's (SCO) secretary-general, said. The World Health \
             Organization (WHO) signed a memorandum with the SCO Secretariat in Zürich.",
            Some("2020-06-17"),
        ),
        (
            "reuters-1",
            "BAHIA COCOA REVIEW",
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought \
             since early January. Comissaria Smith said in Salvador, Brazil. U.S. rates rose 2.5 pct.",
            Some("26-FEB-1987 15:01:01.79"),
        ),
        ("undated", "An undated note", "Nothing to see here: no date, no names.", None),
    ];
    for (id, title, body, date) in stories {
        let mut article = Article {
            id: id.to_string(),
            path: format!("{id}.txt"),
            title: title.to_string(),
            body: body.to_string(),
            date_raw: date.map(str::to_string),
            source: "fuzz".to_string(),
            ..Article::default()
        };
        enricher.enrich(&mut article);
        writer.add_document(to_document(
            &fields,
            &article,
            &FileState {
                size: 0,
                mtime: 0,
                hash: 0,
            },
        ))?;
    }
    writer.commit()?;
    Archive::new(OpenIndex {
        index,
        fields,
        dir: std::path::PathBuf::from("in-ram"),
        info: None,
    })
}
