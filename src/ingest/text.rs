//! Plain-text articles (`.txt`, `.text`), one per file, and the title helper every format shares.
//!
//! Two layouts are read, told apart by a date marker line:
//! - **dated** (the sample article and `synth-corpus --format txt`): an optional title line, then a
//!   line ` date YYYY-MM-DD <text...>` whose text after the date is the start of the body. Without a
//!   title line, [`lead_title`] makes one from the lead sentence, which stays in the body too.
//! - **plain** (BBC News): line 1 is the title, the rest is the body; there is no date.
//!
//! Bodies are normalised by [`paragraphs`]: blank lines separate paragraphs, and the lines inside a
//! paragraph (hard wraps) are joined with a space, so every format's body has the same shape.

use super::{ArticleSkip, FileArticles};
use crate::article::Article;

/// `Article::source` for text files.
pub const SOURCE: &str = "text";

/// A first line longer than this is a paragraph, not a headline: the file has no title line, so the
/// title is derived and the line stays in the body. Real headlines are far shorter (BBC's longest
/// is under 100 characters).
const MAX_TITLE_LINE: usize = 200;

/// Derived titles are cut near this many characters. Long enough for a whole typical lead clause,
/// short enough to read as a headline in a result list.
const TITLE_TARGET: usize = 120;

/// A clause boundary earlier than this is too early to cut at (it would leave a stub like
/// `In Moscow, …`); the cut then falls on a word boundary instead.
const MIN_CLAUSE_CUT: usize = 60;

/// Parses one text file. `rel` is the path relative to the corpus root and becomes the id.
pub fn parse(text: &str, rel: &str) -> FileArticles {
    let mut out = FileArticles::default();
    let lines: Vec<&str> = text.lines().collect();
    // The first two non-blank lines are the only places a date marker may be: deeper in the body
    // ` date 2020-...` is just text.
    let mut non_blank = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty());
    let Some(first) = non_blank.next() else {
        out.skipped.push(ArticleSkip::new("file", "no text"));
        return out;
    };
    let second = non_blank.next();
    let (title, body, date_raw) = if let Some((date, rest)) = date_marker(lines[first]) {
        let body = paragraphs(std::iter::once(rest).chain(lines[first + 1..].iter().copied()));
        (None, body, Some(date))
    } else if let Some((second, (date, rest))) =
        second.and_then(|i| Some((i, date_marker(lines[i])?)))
    {
        let body = paragraphs(std::iter::once(rest).chain(lines[second + 1..].iter().copied()));
        (Some(lines[first]), body, Some(date))
    } else if lines[first].chars().count() > MAX_TITLE_LINE {
        (None, paragraphs(lines[first..].iter().copied()), None)
    } else {
        (
            Some(lines[first]),
            paragraphs(lines[first + 1..].iter().copied()),
            None,
        )
    };
    let title = match title.map(collapse_whitespace) {
        Some(title) if !title.is_empty() => title,
        _ => match lead_title(&body) {
            Some(title) => title,
            None => {
                out.skipped
                    .push(ArticleSkip::new("file", "date line but no title or text"));
                return out;
            }
        },
    };
    out.articles.push(Article {
        id: rel.to_string(),
        path: rel.to_string(),
        title,
        body,
        date_raw: date_raw.map(str::to_string),
        source: SOURCE.to_string(),
        ..Article::default()
    });
    out
}

/// Recognises ` date YYYY-MM-DD rest`: optional leading whitespace, the word `date` in any case
/// (an optional colon after it), whitespace, an ISO date, then whitespace or the end of the line.
/// Returns the date and the rest of the line.
fn date_marker(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let word = line.get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = line[4..].strip_prefix(':').unwrap_or(&line[4..]);
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return None; // `dated ...`, `date:2020` and the like are prose, not the marker
    }
    let date = trimmed.get(..10)?;
    let b = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let after = &trimmed[10..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((date, after.trim()))
}

/// Joins lines into paragraphs: blank lines separate paragraphs, lines within one are joined with a
/// single space (undoing hard wraps), runs of whitespace collapse. Paragraphs are separated by `\n\n`.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut in_paragraph = false;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            in_paragraph = false;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if in_paragraph { " " } else { "\n\n" });
        }
        push_collapsed(&mut out, line);
        in_paragraph = true;
    }
    out
}

/// Trims and collapses every run of whitespace (newlines included) to one space.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s.trim());
    out
}

fn push_collapsed(out: &mut String, s: &str) {
    let mut words = s.split_whitespace();
    if let Some(first) = words.next() {
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
}

/// A headline made from the lead of `text`, for stories that carry none.
///
/// Takes the first paragraph's first sentence when it is at most about 120 characters (a trailing
/// full stop dropped, as headlines have none). A longer lead is cut at the last clause boundary
/// (`,` `;` `:` or a dash) between 60 and 120 characters, else at the last word boundary before 120,
/// and gets an ellipsis. Never cuts inside a word; a single word longer than the limit is kept whole.
/// Leading rule and bullet marks (`.   HEADLINES`, `-- DOLLAR`, `* * *`) are dropped first, and
/// paragraphs with no letter or digit are passed over. `None` only when `text` has no letter or digit.
pub fn lead_title(text: &str) -> Option<String> {
    text.split("\n\n").find_map(paragraph_title)
}

fn paragraph_title(paragraph: &str) -> Option<String> {
    let lead = collapse_whitespace(paragraph.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '-'
                    | '–'
                    | '—'
                    | '*'
                    | '#'
                    | '='
                    | '_'
                    | '~'
                    | '|'
                    | '/'
                    | '\\'
                    | '>'
                    | '•'
                    | '·'
            )
    }));
    if !lead.chars().any(char::is_alphanumeric) {
        return None;
    }
    let sentence = first_sentence(&lead);
    if sentence.chars().count() <= TITLE_TARGET {
        let sentence = sentence.trim_end();
        let headline = match sentence.strip_suffix('.') {
            // Keep the dot of an abbreviation (`... in the U.S.`).
            Some(stripped) if !ends_with_abbreviation(stripped) => stripped,
            _ => sentence,
        };
        return Some(headline.to_string());
    }
    Some(shorten(sentence))
}

/// Cuts a long sentence for a headline; see [`lead_title`].
fn shorten(sentence: &str) -> String {
    // Byte offsets of the char boundaries, so limits count characters, not bytes.
    let limit = sentence
        .char_indices()
        .nth(TITLE_TARGET)
        .map_or(sentence.len(), |(i, _)| i);
    let min_clause = sentence
        .char_indices()
        .nth(MIN_CLAUSE_CUT)
        .map_or(sentence.len(), |(i, _)| i);
    let window = &sentence[..limit];
    // A clause boundary is punctuation followed by a space (`Norov, the`), or a spaced dash.
    let clause = window
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, ',' | ';' | ':') && sentence[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, c)| i + c.len_utf8())
        .chain(
            [" - ", " – ", " — "]
                .iter()
                .filter_map(|dash| window.rfind(dash)),
        )
        .filter(|&end| end >= min_clause)
        .max();
    if let Some(end) = clause {
        let cut = sentence[..end].trim_end();
        return format!("{cut} …");
    }
    // The word boundary: the last space at or before the limit (the limit itself may be a space).
    let upto = sentence[limit..]
        .chars()
        .next()
        .map_or(limit, |c| limit + c.len_utf8());
    let space = sentence[..upto].rfind(' ');
    match space {
        Some(end) if end > 0 => format!("{}…", sentence[..end].trim_end()),
        // One enormous word: keep it whole rather than cut it.
        _ => match sentence.find(' ') {
            Some(end) => format!("{}…", &sentence[..end]),
            None => sentence.to_string(),
        },
    }
}

/// The first sentence of a whitespace-collapsed paragraph, or the whole paragraph when it has no
/// sentence end. A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
/// a space and a capital, digit or opening quote, unless the word before the dot is an abbreviation
/// or an initial (`Mr. Smith`, `U.S. Treasury`, `J. Smith`).
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + 1;
        while let Some(close) = text[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»'))
        {
            end += close.len_utf8();
        }
        if end >= bytes.len() {
            return text;
        }
        if bytes[end] != b' ' {
            continue;
        }
        let next = text[end + 1..].chars().next();
        let starts_sentence = next.is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '\'' | '“' | '‘' | '(')
        });
        if !starts_sentence {
            continue;
        }
        if c == '.' && ends_with_abbreviation(&text[..i]) {
            continue;
        }
        return &text[..end];
    }
    text
}

/// Whether the word just before a full stop makes the stop part of an abbreviation.
fn ends_with_abbreviation(before_dot: &str) -> bool {
    const ABBREVIATIONS: [&str; 24] = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "col",
        "capt", "lt", "sgt", "inc", "co", "corp", "ltd", "no", "vs", "etc", "rev",
    ];
    let word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // `U.S`, `a.m`: a dot inside the word. `J`: an initial.
    if word.contains('.') || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE_LEAD: &str = "The threat of a repeated spread of the coronavirus remains high at both the national and global levels, Vladimir Norov, the Shanghai Cooperation Organization's (SCO) secretary-general, said on Wednesday";

    #[test]
    fn dated_without_title() {
        let text = format!(
            " date 2020-06-17 {SAMPLE_LEAD}\n\n\"There is a threat.\" Norov said.\n\nMore text.\n"
        );
        let got = parse(&text, "000_44df0e79d50f69af.txt");
        assert!(got.skipped.is_empty());
        let a = &got.articles[0];
        assert_eq!(a.id, "000_44df0e79d50f69af.txt");
        assert_eq!(a.path, "000_44df0e79d50f69af.txt");
        assert_eq!(a.source, "text");
        assert_eq!(a.date_raw.as_deref(), Some("2020-06-17"));
        assert_eq!(
            a.title,
            "The threat of a repeated spread of the coronavirus remains high at both the national and global levels, Vladimir Norov, …"
        );
        assert!(
            a.body.starts_with(SAMPLE_LEAD),
            "the lead stays in the body"
        );
        assert!(a
            .body
            .ends_with("\"There is a threat.\" Norov said.\n\nMore text."));
    }

    #[test]
    fn dated_with_title_as_synth_corpus_writes() {
        let text = "Bahia Cocoa Review\n date 1999-01-02 Showers continued.\n\nSecond paragraph.\n";
        let a = &parse(text, "1999/01/synth-00000001.txt").articles[0];
        assert_eq!(a.title, "Bahia Cocoa Review");
        assert_eq!(a.date_raw.as_deref(), Some("1999-01-02"));
        assert_eq!(a.body, "Showers continued.\n\nSecond paragraph.");
        assert_eq!(a.id, "1999/01/synth-00000001.txt");
    }

    #[test]
    fn dated_with_title_and_blank_line() {
        let a = &parse("Title\n\n date 2021-02-03\n\nBody.\n", "x.txt").articles[0];
        assert_eq!(a.title, "Title");
        assert_eq!(a.date_raw.as_deref(), Some("2021-02-03"));
        assert_eq!(a.body, "Body.");
    }

    #[test]
    fn date_marker_variants() {
        assert_eq!(date_marker(" date 2020-06-17 x"), Some(("2020-06-17", "x")));
        assert_eq!(date_marker("DATE 2020-06-17"), Some(("2020-06-17", "")));
        assert_eq!(
            date_marker("Date: 2020-06-17  text "),
            Some(("2020-06-17", "text"))
        );
        assert_eq!(
            date_marker("\tdate\t2020-06-17\tx"),
            Some(("2020-06-17", "x"))
        );
        assert_eq!(date_marker("dated 2020-06-17"), None);
        assert_eq!(date_marker("date 2020-06-171"), None);
        assert_eq!(date_marker("date 2020/06/17"), None);
        assert_eq!(date_marker("date 2020-06"), None);
        assert_eq!(date_marker("date"), None);
        assert_eq!(date_marker("da"), None);
        assert_eq!(date_marker("date é"), None);
        assert_eq!(date_marker("dátè 2020-06-17"), None);
        assert_eq!(date_marker("The date 2020-06-17 was set"), None);
    }

    #[test]
    fn plain_text_title_on_line_one() {
        let text = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm said.\n";
        let a = &parse(text, "business/001.txt").articles[0];
        assert_eq!(a.title, "Ad sales boost Time Warner profit");
        assert_eq!(
            a.body,
            "Quarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm said."
        );
        assert_eq!(a.date_raw, None);
        assert_eq!(a.id, "business/001.txt");
    }

    #[test]
    fn plain_text_hard_wraps_and_crlf() {
        let text = "\r\n  Title  here \r\nfirst line\r\nwrapped   on\r\n\r\n\r\nnext\r\n";
        let a = &parse(text, "x.txt").articles[0];
        assert_eq!(a.title, "Title here");
        assert_eq!(a.body, "first line wrapped on\n\nnext");
    }

    #[test]
    fn a_date_deeper_in_the_text_is_not_a_marker() {
        let text = "Title\nLine two\n date 2020-01-01 not a marker\n";
        let a = &parse(text, "x.txt").articles[0];
        assert_eq!(a.title, "Title");
        assert_eq!(a.date_raw, None);
        assert_eq!(a.body, "Line two date 2020-01-01 not a marker");
    }

    #[test]
    fn long_first_line_is_not_a_title() {
        let long = "word ".repeat(60);
        let text = format!("{long}\n\nSecond.");
        let a = &parse(&text, "x.txt").articles[0];
        assert!(a.title.ends_with('…'));
        assert!(a.title.chars().count() <= TITLE_TARGET + 2);
        assert!(a.body.starts_with("word word"));
    }

    #[test]
    fn title_only_and_nothing() {
        let a = &parse("Just a title\n", "x.txt").articles[0];
        assert_eq!(a.title, "Just a title");
        assert_eq!(a.body, "");
        let got = parse(" date 2020-01-01\n\n", "x.txt");
        assert!(got.articles.is_empty());
        assert_eq!(got.skipped.len(), 1);
        assert!(parse("\n \n", "x.txt").articles.is_empty());
    }

    #[test]
    fn lead_title_short_sentence() {
        assert_eq!(
            lead_title("Stocks fell sharply on Monday. Traders blamed rates.").as_deref(),
            Some("Stocks fell sharply on Monday")
        );
        assert_eq!(
            lead_title("Is this the end? Nobody knows.").as_deref(),
            Some("Is this the end?")
        );
        assert_eq!(
            lead_title("\n\n  \n\nOnly   words here").as_deref(),
            Some("Only words here")
        );
        assert_eq!(lead_title(""), None);
        assert_eq!(
            lead_title(".             HEADLINES AT 0800\n\n--BAKER HOLDS TALKS").as_deref(),
            Some("HEADLINES AT 0800")
        );
        assert_eq!(
            lead_title("* * *\n\n-- Second. Third.").as_deref(),
            Some("Second")
        );
        assert_eq!(lead_title("... --- ..."), None);
        assert_eq!(lead_title(" \n\n "), None);
    }

    #[test]
    fn lead_title_skips_abbreviations() {
        assert_eq!(
            lead_title("Mr. Smith met U.S. Treasury officials in Washington. Then he left.")
                .as_deref(),
            Some("Mr. Smith met U.S. Treasury officials in Washington")
        );
        assert_eq!(
            lead_title("Shares of Acme Corp. rose. Dealers were pleased.").as_deref(),
            Some("Shares of Acme Corp. rose")
        );
        assert_eq!(
            lead_title("Prices rose 2.5 pct in the U.S.").as_deref(),
            Some("Prices rose 2.5 pct in the U.S.")
        );
        assert_eq!(
            lead_title("\"We will win,\" he said. Then more.").as_deref(),
            Some("\"We will win,\" he said")
        );
    }

    #[test]
    fn lead_title_long_sentence_cuts_at_a_word() {
        let text = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey";
        let title = lead_title(text).unwrap();
        assert!(title.ends_with('…'));
        let stem = title.trim_end_matches('…');
        assert!(text.starts_with(stem));
        assert!(
            text[stem.len()..].starts_with(' '),
            "cut at a word boundary: {title}"
        );
        assert!(stem.chars().count() <= TITLE_TARGET);
    }

    #[test]
    fn lead_title_never_splits_multibyte_or_giant_words() {
        let text = "é".repeat(300);
        assert_eq!(lead_title(&text).unwrap(), text);
        let text = format!("{} tail", "ü".repeat(150));
        assert_eq!(lead_title(&text).unwrap(), format!("{}…", "ü".repeat(150)));
        let text = "日本語の文章 ".repeat(40);
        let title = lead_title(&text).unwrap();
        assert!(title.ends_with('…'));
    }

    #[test]
    fn odd_text_never_panics() {
        let pieces = [
            "a",
            "Word",
            " ",
            "\n",
            "\n\n",
            ".",
            "?",
            "\"",
            "”",
            ",",
            " - ",
            "U.S.",
            "é",
            "日本",
            "date",
            " date 2020-01-01",
            "\r\n",
            "—",
            "\t",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(state % 120) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state as usize) % pieces.len()]);
            }
            state = state.wrapping_add(1);
            for a in parse(&text, "x.txt").articles {
                assert!(!a.title.is_empty());
            }
            if let Some(title) = lead_title(&text) {
                assert!(!title.is_empty());
                assert!(title.chars().count() <= TITLE_TARGET + 2 || !title.contains(' '));
            }
        }
    }

    #[test]
    fn paragraphs_normalise() {
        assert_eq!(
            paragraphs(["a", " b ", "", "  ", "c", "d\t e"]),
            "a b\n\nc d e"
        );
        assert_eq!(paragraphs(["", ""]), "");
    }

    #[test]
    fn real_sample_article() {
        let dir = crate::ingest::embedded_corpus("sample");
        let bytes = std::fs::read(dir.join("000_44df0e79d50f69af.txt")).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let got = parse(&text, "000_44df0e79d50f69af.txt");
        let a = &got.articles[0];
        assert_eq!(a.date_raw.as_deref(), Some("2020-06-17"));
        assert!(
            a.title.starts_with("The threat of a repeated spread"),
            "{}",
            a.title
        );
        assert!(a.title.ends_with('…'));
        assert!(a.body.starts_with("The threat of a repeated spread"));
        assert!(a.body.contains("World Health Organization (WHO)"));
        assert!(a.body.contains("\n\n"));
    }
}
