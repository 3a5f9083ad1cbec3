//! TREC file formats: topics (queries), qrels (judgments) and run files (results).
//!
//! - Queries: either TREC topics (`<top> <num> Number: 401 <title> ... </top>`; the title is the
//!   query, as in a TREC "title run") or one query per line as `qid<TAB>text`. Blank lines and lines
//!   starting with `#` are ignored in the second form.
//! - Qrels: `qid iteration docid grade`, whitespace-separated; the iteration is ignored.
//! - Runs: `qid Q0 docid rank score tag`, written with the score printed in full (the shortest
//!   text that reads back as the same `f32`), so a tool that re-sorts by score, as trec_eval does,
//!   sees exactly the order and the ties chronicle measured.

use std::io::Write;
use std::path::Path;

use super::metrics::{Qrels, Retrieved};
use crate::error::{Error, Result};

/// One query to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub text: String,
}

fn bad(path: &Path, line: usize, reason: impl Into<String>) -> Error {
    Error::BadEvalFile {
        path: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    // Old collections are Latin-1 as often as UTF-8; a query is still worth running.
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

/// Reads queries from a file in either format (TREC topics when it contains `<top>`).
pub fn read_queries(path: &Path) -> Result<Vec<Topic>> {
    let text = read(path)?;
    if text.contains("<top>") {
        parse_topics(&text).map_err(|(line, reason)| bad(path, line, reason))
    } else {
        parse_tsv_queries(&text).map_err(|(line, reason)| bad(path, line, reason))
    }
}

type ParseResult<T> = std::result::Result<T, (usize, String)>;

/// `qid<TAB>text` lines.
pub fn parse_tsv_queries(text: &str) -> ParseResult<Vec<Topic>> {
    let mut topics = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, query)) = line.split_once('\t') else {
            return Err((i + 1, "expected `qid<TAB>text`".to_string()));
        };
        let id = id.trim();
        if id.is_empty() {
            return Err((i + 1, "empty query id".to_string()));
        }
        topics.push(Topic {
            id: id.to_string(),
            text: query.trim().to_string(),
        });
    }
    Ok(topics)
}

/// TREC topics: `<num>` (optionally `Number:`) and `<title>` (optionally `Topic:`), each ending at
/// the next tag, as in the TREC ad hoc topic files, where tags are not closed.
pub fn parse_topics(text: &str) -> ParseResult<Vec<Topic>> {
    let mut topics = Vec::new();
    let mut offset = 0;
    while let Some(start) = text[offset..].find("<top>") {
        let begin = offset + start;
        let end = text[begin..]
            .find("</top>")
            .map_or(text.len(), |e| begin + e);
        let block = &text[begin..end];
        let line = text[..begin].lines().count() + 1;
        let id = tag_text(block, "num")
            .map(|s| s.trim_start_matches("Number:").trim().to_string())
            .filter(|s| !s.is_empty())
            .ok_or((line, "topic without <num>".to_string()))?;
        let title = tag_text(block, "title")
            .map(|s| s.trim_start_matches("Topic:").trim().to_string())
            .ok_or((line, format!("topic {id} without <title>")))?;
        topics.push(Topic {
            id,
            text: title.split_whitespace().collect::<Vec<_>>().join(" "),
        });
        offset = end.max(begin + 5);
    }
    Ok(topics)
}

/// The text after `<tag>` up to the next `<`.
fn tag_text<'a>(block: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = block.find(&open)? + open.len();
    let rest = &block[start..];
    Some(rest[..rest.find('<').unwrap_or(rest.len())].trim())
}

/// Reads a TREC qrels file.
pub fn read_qrels(path: &Path) -> Result<Qrels> {
    parse_qrels(&read(path)?).map_err(|(line, reason)| bad(path, line, reason))
}

/// `qid iteration docid grade` lines.
pub fn parse_qrels(text: &str) -> ParseResult<Qrels> {
    let mut qrels = Qrels::default();
    for (i, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => continue,
            [qid, _iteration, doc, grade] => {
                let grade: i32 = grade
                    .parse()
                    .map_err(|_| (i + 1, format!("grade {grade:?} is not an integer")))?;
                qrels.insert(qid, doc, grade);
            }
            _ => return Err((i + 1, "expected `qid iteration docid grade`".to_string())),
        }
    }
    Ok(qrels)
}

/// Writes one query's results as run lines, ranked as given (best first).
pub fn write_run(
    out: &mut dyn Write,
    query: &str,
    results: &[Retrieved],
    tag: &str,
) -> std::io::Result<()> {
    for (rank, r) in results.iter().enumerate() {
        // The score is an f32 widened to f64; printing it as f32 gives the shortest exact text.
        writeln!(
            out,
            "{query} Q0 {} {} {} {tag}",
            r.doc,
            rank + 1,
            r.score as f32
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_queries() {
        let q = parse_tsv_queries("1\tSCO WHO memorandum\r\n\n# note\n02\t  cocoa  \n").unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "SCO WHO memorandum");
        assert_eq!((q[1].id.as_str(), q[1].text.as_str()), ("02", "cocoa"));
        assert_eq!(parse_tsv_queries("1 no tab\n").unwrap_err().0, 1);
    }

    #[test]
    fn trec_topics_use_the_title() {
        let text = "<top>\n<num> Number: 401\n<title> foreign minorities, Germany\n\n<desc> Description:\nWhat...\n</top>\n\n<top>\n<num> 402\n<title>\nbehavioral genetics\n<desc> x\n</top>\n";
        let q = parse_topics(text).unwrap();
        assert_eq!(
            q,
            vec![
                Topic {
                    id: "401".into(),
                    text: "foreign minorities, Germany".into()
                },
                Topic {
                    id: "402".into(),
                    text: "behavioral genetics".into()
                },
            ]
        );
    }

    #[test]
    fn qrels_lines() {
        let q = parse_qrels("1 0 d1 2\n1 0 d2 0\n\n2 0 d1 -1\n").unwrap();
        assert_eq!(q.get("1").unwrap()["d1"], 2);
        assert_eq!(q.get("2").unwrap()["d1"], -1);
        assert_eq!(parse_qrels("1 0 d1\n").unwrap_err().0, 1);
        assert_eq!(parse_qrels("1 0 d1 0.5\n").unwrap_err().0, 1);
    }

    #[test]
    fn run_lines() {
        let mut out = Vec::new();
        let results = vec![
            Retrieved {
                doc: "b".into(),
                score: 2.5,
            },
            Retrieved {
                doc: "a".into(),
                score: f64::from(0.1f32),
            },
        ];
        write_run(&mut out, "7", &results, "chronicle").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "7 Q0 b 1 2.5 chronicle\n7 Q0 a 2 0.1 chronicle\n"
        );
    }
}
