//! Snippets: the passage of a body that best shows why an article matched, with the matched terms
//! marked. tantivy picks the passage; this module tidies it for display (one line, whole words) and
//! falls back to the lead of the story when only the title matched.

use std::ops::Range;

use serde::Serialize;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// A passage of text and the byte ranges in it that match the query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// Builds a snippet from tantivy's fragment; when it is empty, uses the start of `body`.
    pub fn from_fragment(fragment: &str, highlights: &[Range<usize>], body: &str) -> Snippet {
        if fragment.trim().is_empty() {
            return Snippet {
                text: lead(body, SNIPPET_CHARS),
                highlights: Vec::new(),
            };
        }
        let (text, highlights) = collapse_whitespace(fragment, highlights);
        Snippet { text, highlights }
    }

    /// The snippet as HTML: text escaped, matches wrapped in `<mark>`.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at || r.end > self.text.len() {
                continue;
            }
            out.push_str(&escape_html(&self.text[at..r.start]));
            out.push_str("<mark>");
            out.push_str(&escape_html(&self.text[r.clone()]));
            out.push_str("</mark>");
            at = r.end;
        }
        out.push_str(&escape_html(&self.text[at..]));
        out
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The first `max` characters of `text`, cut at a word boundary, on one line, with `…` if cut.
pub fn lead(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut = flat
        .char_indices()
        .nth(max)
        .map(|(i, _)| i)
        .unwrap_or(flat.len());
    let head = &flat[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// Replaces each run of whitespace by one space, moving the highlight ranges along.
fn collapse_whitespace(text: &str, highlights: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    // map[i] = position in `out` of input byte i (and of the end, at text.len()).
    let mut map = vec![0usize; text.len() + 1];
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        // Each input byte maps to where its character starts in the output (a collapsed space maps
        // to where the space, if any, is written), so a range ending before a space stays before it.
        for slot in map.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = out.len();
        }
        if c.is_whitespace() {
            if !in_space && !out.is_empty() {
                out.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            out.push(c);
        }
    }
    map[text.len()] = out.len();
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let ranges = highlights
        .iter()
        .filter(|r| r.end <= text.len() && r.start < r.end)
        .map(|r| map[r.start].min(out.len())..map[r.end].min(out.len()))
        .filter(|r| r.start < r.end)
        .collect();
    (out, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_collapsed_and_highlights_follow() {
        let text = "the  WHO\nsaid";
        let ranges: Vec<Range<usize>> = std::iter::once(5..8).collect();
        let s = Snippet::from_fragment(text, &ranges, "");
        assert_eq!(s.text, "the WHO said");
        assert_eq!(&s.text[s.highlights[0].clone()], "WHO");
    }

    #[test]
    fn html_is_escaped_and_marked() {
        let ranges: Vec<Range<usize>> = std::iter::once(9..12).collect();
        let s = Snippet::from_fragment("<script> WHO & co", &ranges, "");
        assert_eq!(s.to_html(), "&lt;script&gt; <mark>WHO</mark> &amp; co");
    }

    #[test]
    fn empty_fragment_falls_back_to_the_lead() {
        let s = Snippet::from_fragment("", &[], "One two three.");
        assert_eq!(s.text, "One two three.");
        let long = "word ".repeat(100);
        let s = lead(&long, 20);
        assert!(s.ends_with('…') && s.chars().count() <= 21, "{s}");
    }
}
