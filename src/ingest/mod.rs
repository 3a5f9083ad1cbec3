//! Ingest: from a folder of files to [`Article`]s.
//!
//! Brief overview: [`walk()`] lists the article files under a corpus root in a deterministic order;
//! [`read_file`] reads one file, recognises its [`Format`] by extension and content
//! ([`detect_format`]), decodes its bytes ([`decode`]) and hands the text to the format's parser
//! ([`text`], [`reuters`], [`json`]). A file that cannot be read at all is a [`FileSkip`]; a file that
//! parses but holds a bad story yields the good stories plus an [`ArticleSkip`] for each bad one.
//! Nothing here panics on input, and nothing here parses dates: parsers copy the date text into
//! `Article::date_raw` and `enrich` interprets it.
//!
//! Every [`Article`] that leaves this module has a non-empty `id`, `path` (relative to the corpus root,
//! `/`-separated), `title` and `source`; formats without a title derive one with [`text::lead_title`].

pub mod decode;
pub mod json;
pub mod reuters;
pub mod text;
pub mod walk;

pub use walk::walk;

use crate::article::Article;
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The file formats chronicle reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `.txt`: the sample's dated format (` date YYYY-MM-DD ...`) or plain text (title on line 1).
    Text,
    /// Reuters-21578 SGML (`.sgm`): many `<REUTERS>` stories per file.
    ReutersSgml,
    /// JSON Lines (`.jsonl`, `.ndjson`): one article object per line.
    JsonLines,
    /// JSON (`.json`): one article object, or an array of them.
    Json,
}

/// Why a whole file was not indexed. The `Display` text is what the user sees after the path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
pub enum SkipReason {
    /// Extension chronicle does not read (README.md, images, ...). Counted, not reported as an error.
    #[error("not an article format")]
    Unsupported,
    /// Zero bytes, or only whitespace.
    #[error("empty file")]
    Empty,
    /// A NUL byte or mostly control characters near the start: not text.
    #[error("binary file")]
    Binary,
    /// The file or directory could not be read (`permission denied`, `symlink loop ...`).
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// The format was recognised but the content is broken beyond recovery.
    #[error("malformed: {0}")]
    Malformed(String),
    /// The file parsed but holds no story (a `.sgm` without `<REUTERS>`, a JSON `[]`).
    #[error("no articles found")]
    NoArticles,
}

/// A whole file that was not indexed, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSkip {
    pub path: PathBuf,
    pub reason: SkipReason,
}

impl fmt::Display for FileSkip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// One story inside a file that was not indexed (the file's other stories were).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSkip {
    /// Where in the file: `line 12`, `story NEWID=5`, `item 3`.
    pub position: String,
    pub reason: String,
}

impl ArticleSkip {
    pub(crate) fn new(position: impl Into<String>, reason: impl Into<String>) -> ArticleSkip {
        ArticleSkip {
            position: position.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ArticleSkip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.reason)
    }
}

/// Something worth telling the user about a file that was nevertheless indexed
/// (e.g. `not valid UTF-8, read as Latin-1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

/// What one readable file gave.
#[derive(Clone, Debug, Default)]
pub struct FileArticles {
    pub articles: Vec<Article>,
    pub skipped: Vec<ArticleSkip>,
    pub warnings: Vec<String>,
}

/// How many bytes [`detect_format`] needs to sniff content; [`read_file`] reads only this much of a
/// file whose extension is unknown, so a corpus full of images or archives is not read in full.
pub const SNIFF_LEN: usize = 1024;

/// Recognises a file's format: by extension first, then (extension missing or unknown) by content.
///
/// Only Reuters SGML is sniffed, and only when the file *starts* with `<!DOCTYPE lewis` or `<REUTERS`:
/// a README that merely mentions those tags stays unsupported. JSON is not sniffed because a `.json`
/// extension is nearly universal and plenty of non-article files (configs, manifests) are JSON.
/// Files named like documentation (`README*`, `LICENSE*`, `PROVENANCE*`, ...) are never articles,
/// whatever their extension: corpora ship a `README.txt` next to the data (Reuters, BBC) and indexing
/// it as a story would pollute every search.
pub fn detect_format(path: &Path, head: &[u8]) -> Option<Format> {
    if is_documentation(path) {
        return None;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("sgm" | "sgml") => return Some(Format::ReutersSgml),
        Some("jsonl" | "ndjson") => return Some(Format::JsonLines),
        Some("json") => return Some(Format::Json),
        Some("txt" | "text") => return Some(Format::Text),
        _ => {}
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    let starts_with = |prefix: &[u8]| {
        head.len() >= prefix.len() && head[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if starts_with(b"<!DOCTYPE lewis") || starts_with(b"<REUTERS") {
        return Some(Format::ReutersSgml);
    }
    None
}

/// `README.md`, `LICENSE`, `PROVENANCE.md`, ...: documentation that sits next to corpus data.
fn is_documentation(path: &Path) -> bool {
    const NAMES: [&str; 7] = [
        "readme",
        "license",
        "licence",
        "copying",
        "provenance",
        "changelog",
        "notice",
    ];
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let stem = stem.to_ascii_lowercase();
    NAMES.iter().any(|name| {
        stem == *name
            || stem
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(['-', '_', '.']))
    })
}

/// Reads one file under `root` into articles.
///
/// `Err` means the whole file was skipped. `Ok` always holds at least one article; stories that
/// could not be read are listed in `skipped`, and the file's warnings (such as a Latin-1 fallback) in
/// `warnings`. A file whose every story was bad is `Malformed`, naming the first problem, rather than
/// an `Ok` with thousands of skips: a `.jsonl` that is not JSON at all is one problem, not one per line.
pub fn read_file(path: &Path, root: &Path) -> Result<FileArticles, SkipReason> {
    let format = format_of(path)?;
    let bytes = std::fs::read(path).map_err(|e| SkipReason::Unreadable(io_reason(&e)))?;
    parse_bytes(format, &bytes, &relative_path(path, root))
}

/// The format of the file at `path`: by name, else by its first bytes (read only when needed).
pub fn format_of(path: &Path) -> Result<Format, SkipReason> {
    match detect_format(path, &[]) {
        Some(format) => Ok(format),
        None if is_documentation(path) => Err(SkipReason::Unsupported),
        None => {
            let head = read_head(path).map_err(|e| SkipReason::Unreadable(io_reason(&e)))?;
            detect_format(path, &head).ok_or(SkipReason::Unsupported)
        }
    }
}

/// What [`read_file`] does once a file's bytes are in memory, for bytes that come from elsewhere (an
/// upload, an archive, a fuzzer): recognise the format from `path_hint` (its extension, else the
/// first [`SNIFF_LEN`] bytes), then [`parse_bytes`]. Touches no disk.
pub fn parse_unknown(
    path_hint: &Path,
    bytes: &[u8],
    rel: &str,
) -> Result<FileArticles, SkipReason> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let format = detect_format(path_hint, head).ok_or(SkipReason::Unsupported)?;
    parse_bytes(format, bytes, rel)
}

/// Parses the bytes of one file of a known format; `rel` is its path relative to the corpus root,
/// the base of derived ids. The rules of [`read_file`] apply.
pub fn parse_bytes(format: Format, bytes: &[u8], rel: &str) -> Result<FileArticles, SkipReason> {
    let decoded = decode::decode(bytes)?;
    let mut out = match format {
        Format::Text => text::parse(&decoded.text, rel),
        Format::ReutersSgml => reuters::parse(&decoded.text, rel)?,
        Format::JsonLines => json::parse_lines(&decoded.text, rel),
        Format::Json => json::parse_document(&decoded.text, rel)?,
    };
    out.warnings.extend(decoded.warning);
    if out.articles.is_empty() {
        return Err(match out.skipped.first() {
            None => SkipReason::NoArticles,
            Some(first) if out.skipped.len() == 1 => SkipReason::Malformed(first.to_string()),
            Some(first) => SkipReason::Malformed(format!(
                "no readable article; {first} (and {} more)",
                out.skipped.len() - 1
            )),
        });
    }
    debug_assert!(out.articles.iter().all(|a| !a.id.is_empty()
        && !a.path.is_empty()
        && !a.title.is_empty()
        && !a.source.is_empty()));
    Ok(out)
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_LEN);
    std::fs::File::open(path)?
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// `path` relative to `root` with `/` separators, so ids are the same on every platform. When `path`
/// is the root itself (a single file was given as the corpus) the file name is used; when it is not
/// under `root` at all, the whole path.
pub fn relative_path(path: &Path, root: &Path) -> String {
    let rel = match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => path.file_name().map(Path::new).unwrap_or(path),
        Ok(rel) => rel,
        Err(_) => path,
    };
    let parts: Vec<_> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy()),
            Component::ParentDir => Some("..".into()),
            Component::RootDir | Component::Prefix(_) | Component::CurDir => None,
        })
        .collect();
    let joined = parts.join("/");
    if rel.has_root() {
        format!("/{joined}")
    } else {
        joined
    }
}

/// An IO error as a short lower-case reason (`permission denied`), without the `(os error 13)` tail.
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::NotFound => "not found".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = err.to_string();
            let text = match text.find(" (os error") {
                Some(cut) => &text[..cut],
                None => &text,
            };
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "unknown error".to_string(),
            }
        }
    }
}

/// A folder of the embedded archive (`corpus/` in the repository), for the tests that run on real data.
#[cfg(test)]
pub(crate) fn embedded_corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn format_by_extension() {
        let f = |name: &str| detect_format(Path::new(name), b"");
        assert_eq!(f("a/reut2-000.sgm"), Some(Format::ReutersSgml));
        assert_eq!(f("x.SGML"), Some(Format::ReutersSgml));
        assert_eq!(f("x.jsonl"), Some(Format::JsonLines));
        assert_eq!(f("x.ndjson"), Some(Format::JsonLines));
        assert_eq!(f("x.json"), Some(Format::Json));
        assert_eq!(f("x.txt"), Some(Format::Text));
        assert_eq!(f("x.TEXT"), Some(Format::Text));
        assert_eq!(f("x.png"), None);
        assert_eq!(f("noext"), None);
    }

    #[test]
    fn documentation_is_never_an_article() {
        let f = |name: &str| detect_format(Path::new(name), b"<REUTERS NEWID=\"1\">");
        assert_eq!(f("corpus/README.md"), None);
        assert_eq!(f("README.txt"), None);
        assert_eq!(f("README.TXT"), None);
        assert_eq!(f("README"), None);
        assert_eq!(f("LICENSE-MIT"), None);
        assert_eq!(f("PROVENANCE.md"), None);
        // Only whole words: a story about readmissions is an article.
        assert_eq!(f("readmissions.txt"), Some(Format::Text));
    }

    #[test]
    fn format_by_content() {
        let f = |head: &[u8]| detect_format(Path::new("data/part-1"), head);
        assert_eq!(
            f(b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS"),
            Some(Format::ReutersSgml)
        );
        assert_eq!(
            f(b"\xEF\xBB\xBF\n  <reuters NEWID=\"1\">"),
            Some(Format::ReutersSgml)
        );
        assert_eq!(f(b"some text mentioning <REUTERS> tags"), None);
        assert_eq!(f(b"{\"title\": \"x\"}"), None);
        assert_eq!(f(b""), None);
        assert_eq!(detect_format(Path::new("x.md"), b"# Readme"), None);
    }

    #[test]
    fn skip_reason_display() {
        assert_eq!(SkipReason::Binary.to_string(), "binary file");
        assert_eq!(SkipReason::Empty.to_string(), "empty file");
        assert_eq!(
            SkipReason::Unreadable("permission denied".into()).to_string(),
            "unreadable: permission denied"
        );
        assert_eq!(
            SkipReason::Malformed("bad".into()).to_string(),
            "malformed: bad"
        );
        assert_eq!(SkipReason::Unsupported.to_string(), "not an article format");
        assert_eq!(SkipReason::NoArticles.to_string(), "no articles found");
    }

    #[test]
    fn relative_paths_use_slashes() {
        let root = Path::new("/corpus");
        assert_eq!(relative_path(Path::new("/corpus/a/b.txt"), root), "a/b.txt");
        assert_eq!(relative_path(Path::new("/corpus/b.txt"), root), "b.txt");
        assert_eq!(relative_path(Path::new("/corpus"), root), "corpus");
        assert_eq!(
            relative_path(Path::new("/elsewhere/c.txt"), root),
            "/elsewhere/c.txt"
        );
        assert_eq!(relative_path(Path::new("x/y.txt"), Path::new("x")), "y.txt");
    }

    #[test]
    fn io_reasons_are_short() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&denied), "permission denied");
        let raw = std::io::Error::from_raw_os_error(21);
        assert!(!io_reason(&raw).contains("os error"), "{}", io_reason(&raw));
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn read_file_dispatches_on_format() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();

        let txt = write(
            root,
            "2020/06/a.txt",
            b"Headline\n date 2020-06-17 Body text.\n",
        );
        let got = read_file(&txt, root).unwrap();
        assert_eq!(got.articles.len(), 1);
        assert_eq!(got.articles[0].id, "2020/06/a.txt");
        assert_eq!(got.articles[0].path, "2020/06/a.txt");
        assert_eq!(got.articles[0].title, "Headline");
        assert_eq!(got.articles[0].date_raw.as_deref(), Some("2020-06-17"));

        let jsonl = write(
            root,
            "b.jsonl",
            b"{\"title\":\"One\",\"body\":\"x\"}\nnot json\n{\"title\":\"Two\"}\n",
        );
        let got = read_file(&jsonl, root).unwrap();
        assert_eq!(got.articles.len(), 2);
        assert_eq!(got.skipped.len(), 1);
        assert_eq!(got.skipped[0].position, "line 2");

        let sgm = write(
            root,
            "noext",
            b"<REUTERS NEWID=\"7\"><TEXT><TITLE>T</TITLE><BODY>B\n Reuter\n&#3;</BODY></TEXT></REUTERS>",
        );
        let got = read_file(&sgm, root).unwrap();
        assert_eq!(got.articles[0].id, "reuters-7");
        assert_eq!(got.articles[0].body, "B");
    }

    #[test]
    fn read_file_skips() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let readme = write(root, "README.md", b"# Corpus\nThis folder holds news.\n");
        assert_eq!(
            read_file(&readme, root).unwrap_err(),
            SkipReason::Unsupported
        );
        let png = write(root, "x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(read_file(&png, root).unwrap_err(), SkipReason::Unsupported);
        let empty = write(root, "e.txt", b"");
        assert_eq!(read_file(&empty, root).unwrap_err(), SkipReason::Empty);
        let blank = write(root, "w.json", b" \n\t\n");
        assert_eq!(read_file(&blank, root).unwrap_err(), SkipReason::Empty);
        let binary = write(root, "bin.txt", b"abc\0def");
        assert_eq!(read_file(&binary, root).unwrap_err(), SkipReason::Binary);
        let missing = root.join("gone.txt");
        assert_eq!(
            read_file(&missing, root).unwrap_err(),
            SkipReason::Unreadable("not found".into())
        );
        let no_stories = write(root, "x.sgm", b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
        assert_eq!(
            read_file(&no_stories, root).unwrap_err(),
            SkipReason::NoArticles
        );
        let empty_array = write(root, "a.json", b"[]");
        assert_eq!(
            read_file(&empty_array, root).unwrap_err(),
            SkipReason::NoArticles
        );
        let all_bad = write(root, "bad.jsonl", b"nope\nnope either\n");
        match read_file(&all_bad, root).unwrap_err() {
            SkipReason::Malformed(reason) => {
                assert!(
                    reason.starts_with("no readable article; line 1:"),
                    "{reason}"
                );
                assert!(reason.ends_with("(and 1 more)"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        let dir_as_file = root.join("sub.txt");
        fs::create_dir(&dir_as_file).unwrap();
        assert!(matches!(
            read_file(&dir_as_file, root).unwrap_err(),
            SkipReason::Unreadable(_)
        ));
    }

    #[test]
    fn latin1_file_is_read_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "l.txt", b"Title\n\nPrice \xa35 today.\n");
        let got = read_file(&path, dir.path()).unwrap();
        assert_eq!(got.articles[0].body, "Price \u{a3}5 today.");
        assert_eq!(
            got.warnings,
            ["not valid UTF-8 (first bad byte 0xA3 at offset 13); read as Latin-1"]
        );
    }

    /// The fixtures the integration tests use read as their README says.
    #[test]
    fn fixtures_read() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest");
        let root = if root.is_dir() {
            root
        } else {
            // The scratch crate this module is developed in has no fixtures of its own.
            PathBuf::from("/work/main/tests/fixtures/ingest")
        };
        if !root.is_dir() {
            return;
        }
        let mut by_file = std::collections::BTreeMap::new();
        for path in walk(&root) {
            let path = path.unwrap();
            by_file.insert(relative_path(&path, &root), read_file(&path, &root));
        }
        let names: Vec<_> = by_file.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "README.md",
                "articles.json",
                "articles.jsonl",
                "dated.txt",
                "plain.txt",
                "reuters.sgm",
                "synth-titled.txt"
            ]
        );
        assert_eq!(
            by_file["README.md"].as_ref().unwrap_err(),
            &SkipReason::Unsupported
        );
        let ok = |name: &str| by_file[name].as_ref().unwrap();
        for got in by_file.values().flatten() {
            for a in &got.articles {
                assert!(!a.id.is_empty() && !a.path.is_empty());
                assert!(!a.title.is_empty() && !a.source.is_empty());
            }
        }

        let reuters = ok("reuters.sgm");
        assert!(reuters.skipped.is_empty() && reuters.warnings.is_empty());
        let ids: Vec<_> = reuters.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["reuters-1", "reuters-30", "reuters-17192"]);
        let brief = &reuters.articles[1];
        assert_eq!(
            brief.title,
            "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK"
        );
        assert_eq!(brief.body, "");
        let bad_date = &reuters.articles[2];
        assert_eq!(
            bad_date.date_raw.as_deref(),
            Some("31-MAR-1987 605:12:19.12")
        );
        assert_eq!(bad_date.tags.places, ["hong-kong"]);
        assert!(bad_date.body.contains("Kumagai Gumi Co Ltd <KUMT.TOK>"));

        let jsonl = ok("articles.jsonl");
        let ids: Vec<_> = jsonl.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["synth-00000243", "synth-00000258", "synth-00000235"]);
        assert_eq!(jsonl.skipped.len(), 1);
        assert_eq!(jsonl.skipped[0].position, "line 3");

        let json = ok("articles.json");
        assert!(json.skipped.is_empty());
        let ids: Vec<_> = json.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["json-fixture-1", "2", "articles.json#2"]);
        assert_eq!(json.articles[0].source, "example.com");
        assert_eq!(json.articles[1].date_raw.as_deref(), Some("541350061"));
        assert!(json.articles[2]
            .title
            .starts_with("A subsidiary of the Japanese"));

        let plain = &ok("plain.txt").articles[0];
        assert_eq!(plain.title, "Blunkett hints at election call");
        assert_eq!(plain.date_raw, None);
        let dated = &ok("dated.txt").articles[0];
        assert_eq!(dated.date_raw.as_deref(), Some("2020-06-17"));
        assert!(dated.title.starts_with("The threat of a repeated spread"));
        let synth = &ok("synth-titled.txt").articles[0];
        assert_eq!(
            synth.title,
            "Proposed Offerings Recently Filed With The Sec"
        );
        assert_eq!(synth.date_raw.as_deref(), Some("2000-09-18"));
        assert!(synth.body.starts_with("But that is not to say"));
    }
}
