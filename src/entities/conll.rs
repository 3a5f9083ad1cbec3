//! CoNLL-2003 files: reading, tagging, and scoring exactly as `conlleval` does.
//!
//! Brief overview. [`read`] parses a 4-column file (`TOKEN POS CHUNK NER`, blank line between
//! sentences, `-DOCSTART-` between documents) into [`Document`]s whose gold tags are converted from the
//! original IOB1 to IOB2 ([`iob1_to_iob2`]). [`chunks`] finds entity spans the way `conlleval` does (a
//! `B-X`, or an `I-X` not continuing an `X`, starts one), so scoring IOB1 or IOB2 gives the same
//! figures. [`evaluate`] tags a file with a model and returns an [`EvalReport`]: precision, recall and F1
//! per type and overall over exact (span, type) matches, plus tagging speed. [`tag_conll`] writes the
//! file back with the predicted tag appended to each token line, for any standard scorer to check.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::tagger::{Model, NerType, Scratch, Tag};

/// A CoNLL file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Format {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

/// One sentence: its tokens and gold tags (IOB2).
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub gold: Vec<Tag>,
}

/// Sentences between two `-DOCSTART-` lines.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Reads a CoNLL-2003 file; gold tags come back in IOB2.
pub fn read(path: &Path) -> Result<Vec<Document>, ConllError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConllError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|(line, reason)| ConllError::Format {
        path: path.to_path_buf(),
        line,
        reason,
    })
}

/// Parses the text of a CoNLL-2003 file; errors carry a 1-based line number.
pub fn parse(text: &str) -> Result<Vec<Document>, (usize, String)> {
    let mut docs = vec![Document::default()];
    let mut sent = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sent: &mut Sentence| {
        if !sent.words.is_empty() {
            iob1_to_iob2(&mut sent.gold);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sent));
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let mut cols = line.split(' ');
        let word = cols.next().unwrap_or("");
        let tag = cols.next_back().unwrap_or("");
        let tag = Tag::parse(tag).ok_or_else(|| (n + 1, format!("bad NER tag {tag:?}")))?;
        sent.words.push(word.to_string());
        sent.gold.push(tag);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// IOB1 (`I-` everywhere, `B-` only between two adjacent entities of one type) to IOB2 (`B-` starts
/// every entity). IOB2 input comes back unchanged.
pub fn iob1_to_iob2(tags: &mut [Tag]) {
    let mut prev = Tag::O;
    for t in tags.iter_mut() {
        if t.is_inside() && prev.ty() != t.ty() {
            if let Some(ty) = t.ty() {
                *t = Tag::begin(ty);
            }
        }
        prev = *t;
    }
}

/// Entity spans `(first, end, type)` of a tag sequence, by `conlleval`'s rules.
pub fn chunks(tags: &[Tag]) -> Vec<(usize, usize, NerType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerType)> = None;
    let mut i = 0;
    while i < tags.len() {
        if open.is_none() {
            // Outside a chunk, skip the `O`s (most tags of news text) without the state machine.
            match tags[i..].iter().position(|t| *t != Tag::O) {
                Some(k) => i += k,
                None => break,
            }
        }
        let (at, t) = (i, tags[i]);
        i += 1;
        let continues = t.is_inside() && open.is_some_and(|(_, ty)| Some(ty) == t.ty());
        if !continues {
            if let Some((s, ty)) = open.take() {
                out.push((s, at, ty));
            }
            if let Some(ty) = t.ty() {
                open = Some((at, ty));
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

/// Precision, recall and F1 in percent, as `conlleval` prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    pub correct: usize,
}

impl Prf {
    fn of(correct: usize, predicted: usize, gold: usize) -> Prf {
        let p = if predicted == 0 {
            0.0
        } else {
            100.0 * correct as f64 / predicted as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            100.0 * correct as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            precision: p,
            recall: r,
            f1: f,
            gold,
            predicted,
            correct,
        }
    }
}

/// Counts of correct, predicted and gold entities, per type.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    per_type: BTreeMap<NerType, (usize, usize, usize)>,
}

impl Counts {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let g = chunks(gold);
        let p = chunks(predicted);
        for &(_, _, ty) in &g {
            self.per_type.entry(ty).or_default().2 += 1;
        }
        for &c in &p {
            let e = self.per_type.entry(c.2).or_default();
            e.1 += 1;
            if g.contains(&c) {
                e.0 += 1;
            }
        }
    }

    pub fn overall(&self) -> Prf {
        let (c, p, g) = self
            .per_type
            .values()
            .fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
        Prf::of(c, p, g)
    }

    pub fn per_type(&self) -> BTreeMap<String, Prf> {
        NerType::ALL
            .iter()
            .map(|&ty| {
                let (c, p, g) = self.per_type.get(&ty).copied().unwrap_or_default();
                (ty.as_str().to_string(), Prf::of(c, p, g))
            })
            .collect()
    }
}

/// What `chronicle ner-eval` prints: the JSON shape of `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    pub overall: Prf,
    pub per_type: BTreeMap<String, Prf>,
    pub tokens: usize,
    pub tokens_per_second: f64,
}

/// Tags every sentence of `docs` with `model` and scores it against the gold tags.
pub fn evaluate_docs(model: &Model, docs: &[Document]) -> EvalReport {
    let mut counts = Counts::default();
    let mut scratch = Scratch::default();
    let mut pred = Vec::new();
    let mut tokens = 0;
    let mut tagging = std::time::Duration::ZERO;
    for d in docs {
        let t0 = Instant::now();
        scratch.clear();
        for s in &d.sentences {
            scratch.push_sentence(s.words.iter().map(String::as_str));
        }
        model.tag_doc(&mut scratch, &mut pred);
        tagging += t0.elapsed();
        let mut at = 0;
        for s in &d.sentences {
            let n = s.words.len();
            counts.add(&s.gold, &pred[at..at + n]);
            at += n;
            tokens += n;
        }
    }
    EvalReport {
        overall: counts.overall(),
        per_type: counts.per_type(),
        tokens,
        tokens_per_second: tokens as f64 / tagging.as_secs_f64().max(1e-9),
    }
}

/// Reads a CoNLL file and scores `model` on it.
pub fn evaluate(model: &Model, path: &Path) -> Result<EvalReport, ConllError> {
    Ok(evaluate_docs(model, &read(path)?))
}

/// Copies a CoNLL file from `input` to `output`, appending the predicted tag (IOB2) to every token line.
/// `-DOCSTART-` lines get `O`, blank lines stay blank: the output is what `conlleval` reads. Documents
/// are tagged whole, as [`evaluate`] does, so the figures agree.
pub fn tag_conll(model: &Model, input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut scratch = Scratch::default();
    let mut pred = Vec::new();
    // The current document's lines; `false` marks a blank or `-DOCSTART-` line, copied as it is.
    let mut lines: Vec<(String, bool)> = Vec::new();
    let mut flush = |lines: &mut Vec<(String, bool)>, output: &mut dyn Write| -> io::Result<()> {
        scratch.clear();
        let mut sentence: Vec<&str> = Vec::new();
        for (l, token) in lines.iter() {
            if *token {
                sentence.push(l.split(' ').next().unwrap_or(""));
            } else if !sentence.is_empty() {
                scratch.push_sentence(sentence.drain(..));
            }
        }
        if !sentence.is_empty() {
            scratch.push_sentence(sentence.drain(..));
        }
        model.tag_doc(&mut scratch, &mut pred);
        let mut tags = pred.iter();
        for (l, token) in lines.iter() {
            match (token, l.is_empty()) {
                (true, _) => writeln!(output, "{l} {}", tags.next().map_or("O", |t| t.as_str()))?,
                (false, true) => writeln!(output)?,
                (false, false) => writeln!(output, "{l} O")?,
            }
        }
        lines.clear();
        Ok(())
    };
    for line in input.lines() {
        let line = line?;
        let trimmed = line.trim_end();
        if trimmed.starts_with("-DOCSTART-") {
            flush(&mut lines, &mut output)?;
            lines.push((trimmed.to_string(), false));
        } else if trimmed.is_empty() {
            lines.push((String::new(), false));
        } else {
            lines.push((trimmed.to_string(), true));
        }
    }
    flush(&mut lines, &mut output)?;
    output.flush()
}

impl fmt::Display for EvalReport {
    /// `conlleval`'s layout: the overall line, then one line per type.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.overall;
        writeln!(
            f,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, o.gold, o.predicted, o.correct
        )?;
        writeln!(
            f,
            "{:>8}  precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            "overall", o.precision, o.recall, o.f1
        )?;
        for (ty, p) in &self.per_type {
            writeln!(
                f,
                "{:>8}  precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                ty, p.precision, p.recall, p.f1, p.predicted
            )?;
        }
        write!(f, "tagging speed: {:.0} tokens/s", self.tokens_per_second)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split(' ').map(|t| Tag::parse(t).unwrap()).collect()
    }

    #[test]
    fn iob1_becomes_iob2() {
        let mut t = tags("I-PER I-PER O I-LOC B-LOC I-ORG I-ORG");
        iob1_to_iob2(&mut t);
        assert_eq!(t, tags("B-PER I-PER O B-LOC B-LOC B-ORG I-ORG"));
    }

    #[test]
    fn chunks_follow_conlleval() {
        // An I- after O or after another type starts a chunk; B- always does.
        let t = tags("I-PER I-PER O I-LOC B-LOC I-ORG");
        assert_eq!(
            chunks(&t),
            vec![
                (0, 2, NerType::Per),
                (3, 4, NerType::Loc),
                (4, 5, NerType::Loc),
                (5, 6, NerType::Org)
            ]
        );
    }

    #[test]
    fn scoring_counts_exact_matches() {
        let mut c = Counts::default();
        c.add(&tags("B-PER I-PER O B-LOC"), &tags("B-PER O O B-LOC"));
        let o = c.overall();
        assert_eq!((o.correct, o.predicted, o.gold), (1, 2, 2));
        assert!((o.f1 - 50.0).abs() < 1e-9);
    }

    #[test]
    fn parse_reads_documents() {
        let text =
            "-DOCSTART- -X- O O\n\nAcme NNP I-NP I-ORG\nsells VBZ I-VP O\n\nMaria NNP I-NP I-PER\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].gold, tags("B-ORG O"));
    }
}
