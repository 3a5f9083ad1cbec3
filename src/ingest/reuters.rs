//! Reuters-21578 SGML: many `<REUTERS NEWID="N">` stories per `.sgm` file.
//!
//! Brief overview: [`parse`] scans a file for `<REUTERS ...>` ... `</REUTERS>` pairs with `str::find`
//! (the collection is 27 MB and not valid XML, so a tolerant hand scanner beats an XML crate), and
//! turns each story into an [`Article`]: `id` `reuters-{NEWID}`, DATE copied raw into `date_raw`,
//! TITLE, DATELINE, BODY, and the TOPICS/PLACES/PEOPLE/ORGS `<D>` lists into `tags`.
//!
//! Quirks handled (see the corpus PROVENANCE.md): `&lt;` escapes but bare `>`; numeric references to
//! control characters (`&#2;` opens every TEXT, `&#3;` closes every BODY), which are dropped; junk
//! after the DATE (`&#5;&#5;&#5;F`, `# date added by S Finch`); `TYPE="BRIEF"` stories that are a
//! title only; `TYPE="UNPROC"` stories that are raw text (tables, mostly) with no TITLE or BODY; the
//! `Reuter` sign-off; bodies hard-wrapped at 70 columns with indented paragraph starts.
//!
//! A broken story (an unterminated tag, no title and no text) is an [`ArticleSkip`]; the rest of the
//! file is still read.

use super::text::{collapse_whitespace, lead_title};
use super::{ArticleSkip, FileArticles, SkipReason};
use crate::article::{Article, HumanTags};
use std::borrow::Cow;

/// `Article::source` for this collection.
pub const SOURCE: &str = "reuters21578";

const STORY_CLOSE: &str = "</REUTERS>";

/// Parses one `.sgm` file. `rel` (the path relative to the corpus root) names stories without a NEWID.
/// `NoArticles` when the file holds no `<REUTERS>` story at all.
pub fn parse(text: &str, rel: &str) -> Result<FileArticles, SkipReason> {
    let mut out = FileArticles::default();
    let mut pos = 0;
    let mut ordinal = 0;
    while let Some(open) = find_open(text, pos, "REUTERS") {
        ordinal += 1;
        let newid = open.tag.and_then(|tag| attribute(tag, "NEWID"));
        let position = match newid {
            Some(id) => format!("story NEWID={id}"),
            None => format!("story {ordinal}"),
        };
        if open.tag.is_none() {
            // The opening tag runs to the end of the file: nothing after it can be a story.
            out.skipped
                .push(ArticleSkip::new(position, "unterminated <REUTERS> tag"));
            break;
        }
        let next_open = find_open(text, open.end, "REUTERS").map(|next| next.start);
        let close = text[open.end..].find(STORY_CLOSE).map(|i| open.end + i);
        match close {
            Some(close) if next_open.is_none_or(|next| close < next) => {
                let id = match newid {
                    Some(id) => format!("reuters-{id}"),
                    None => format!("{rel}#{ordinal}"),
                };
                match story(&text[open.end..close], id, rel) {
                    Ok(article) => out.articles.push(article),
                    Err(reason) => out.skipped.push(ArticleSkip::new(position, reason)),
                }
                pos = close + STORY_CLOSE.len();
            }
            _ => {
                // Without its close tag the story's extent is unknown: skip it rather than guess, and
                // resume at the next story so one truncated record costs one article, not the file.
                out.skipped.push(ArticleSkip::new(
                    position,
                    "no </REUTERS> before the next story",
                ));
                match next_open {
                    Some(next) => pos = next,
                    None => break,
                }
            }
        }
    }
    if ordinal == 0 {
        return Err(SkipReason::NoArticles);
    }
    Ok(out)
}

/// One story's content (between `<REUTERS ...>` and `</REUTERS>`) to an article, or why not.
fn story(doc: &str, id: String, rel: &str) -> Result<Article, String> {
    let date_raw = element(doc, "DATE")?.and_then(|e| clean_date(e.inner));
    let tags = HumanTags {
        topics: list(doc, "TOPICS")?,
        places: list(doc, "PLACES")?,
        people: list(doc, "PEOPLE")?,
        orgs: list(doc, "ORGS")?,
    };
    let Some(text) = element(doc, "TEXT")? else {
        return Err("no title and no text (no <TEXT>)".to_string());
    };
    let title = element(text.inner, "TITLE")?;
    let body = element(text.inner, "BODY")?;
    let dateline = element(text.inner, "DATELINE")?
        .map(|e| collapse_whitespace(&decode_entities(e.inner)))
        .filter(|d| !d.is_empty());
    let unproc = text
        .tag
        .and_then(|tag| attribute(tag, "TYPE"))
        .is_some_and(|t| t.eq_ignore_ascii_case("UNPROC"));
    let (title, body) = if unproc || (title.is_none() && body.is_none()) {
        // Raw text: usually a table whose first line is its heading.
        let body = unprocessed_body(text.inner);
        (body.lines().find_map(lead_title), body)
    } else {
        let body = body.map(|e| body_text(e.inner)).unwrap_or_default();
        let title = title
            .map(|e| collapse_whitespace(&decode_entities(e.inner)))
            .filter(|t| !t.is_empty())
            .or_else(|| lead_title(&body));
        (title, body)
    };
    let Some(title) = title else {
        return Err("no title and no text".to_string());
    };
    Ok(Article {
        id,
        path: rel.to_string(),
        title,
        body,
        date_raw,
        source: SOURCE.to_string(),
        dateline,
        tags,
        ..Article::default()
    })
}

/// An opening tag found by [`find_open`].
struct Open<'a> {
    /// Byte offset of the `<`.
    start: usize,
    /// The tag's text after its name (`TOPICS="YES" NEWID="1"`); `None` when the tag has no `>`.
    tag: Option<&'a str>,
    /// Byte offset just after the `>` (the end of the text when there is none).
    end: usize,
}

/// Finds `<NAME>` or `<NAME attrs>` at or after `from`, not matching longer names (`<DATE` is not
/// `<DATELINE`).
fn find_open<'a>(text: &'a str, from: usize, name: &str) -> Option<Open<'a>> {
    let mut pos = from;
    loop {
        let found = pos + text.get(pos..)?.find('<')?;
        let after_lt = found + 1;
        let rest = &text[after_lt..];
        if rest.starts_with(name) {
            let after_name = after_lt + name.len();
            match text[after_name..].chars().next() {
                Some('>') => {
                    return Some(Open {
                        start: found,
                        tag: Some(""),
                        end: after_name + 1,
                    })
                }
                Some(c) if c.is_ascii_whitespace() => {
                    return Some(match text[after_name..].find('>') {
                        Some(gt) => Open {
                            start: found,
                            tag: Some(text[after_name..after_name + gt].trim()),
                            end: after_name + gt + 1,
                        },
                        None => Open {
                            start: found,
                            tag: None,
                            end: text.len(),
                        },
                    })
                }
                None => {
                    return Some(Open {
                        start: found,
                        tag: None,
                        end: text.len(),
                    })
                }
                Some(_) => {}
            }
        }
        pos = after_lt;
    }
}

/// An element's opening-tag attributes and its content.
struct Element<'a> {
    tag: Option<&'a str>,
    inner: &'a str,
}

/// The first `<NAME ...>content</NAME>` in `doc`. `Ok(None)` when absent; `Err` when it opens but
/// never closes, since its content then cannot be told from what follows.
fn element<'a>(doc: &'a str, name: &str) -> Result<Option<Element<'a>>, String> {
    let Some(open) = find_open(doc, 0, name) else {
        return Ok(None);
    };
    if open.tag.is_none() {
        return Err(format!("unterminated <{name}> tag"));
    }
    let close = format!("</{name}>");
    match doc[open.end..].find(&close) {
        Some(len) => Ok(Some(Element {
            tag: open.tag,
            inner: &doc[open.end..open.end + len],
        })),
        None => Err(format!("<{name}> without {close}")),
    }
}

/// The `<D>` items of a category list, decoded and trimmed (`<PLACES><D>usa</D></PLACES>`).
fn list(doc: &str, name: &str) -> Result<Vec<String>, String> {
    let Some(list) = element(doc, name)? else {
        return Ok(Vec::new());
    };
    let mut items = Vec::new();
    let mut rest = list.inner;
    while let Some(start) = rest.find("<D>") {
        rest = &rest[start + 3..];
        let Some(end) = rest.find("</D>") else {
            return Err(format!("<D> without </D> in <{name}>"));
        };
        let item = decode_entities(&rest[..end]);
        let item = item.trim();
        if !item.is_empty() {
            items.push(item.to_string());
        }
        rest = &rest[end + 4..];
    }
    Ok(items)
}

/// `NAME="value"` from an opening tag's attribute text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let preceded_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_ascii_whitespace());
        let after = &rest[at + name.len()..];
        if preceded_ok {
            if let Some(value) = after.strip_prefix("=\"") {
                let end = value.find('"')?;
                return Some(value[..end].trim()).filter(|v| !v.is_empty());
            }
        }
        rest = after;
    }
}

/// The DATE text without the junk some records carry: control-character references and whatever
/// follows them (`&#5;&#5;&#5;F`), and a `#` comment. The date itself is left as written for
/// `enrich` to parse, malformed or not (`31-MAR-1987 605:12:19.12`).
fn clean_date(raw: &str) -> Option<String> {
    let end = raw.find(['&', '#']).unwrap_or(raw.len());
    let date = raw[..end].trim();
    (!date.is_empty()).then(|| date.to_string())
}

/// A BODY as paragraphs: entities decoded, the sign-off removed, hard-wrapped lines joined.
///
/// Any indented line starts a paragraph. Prose paragraphs are marked with four spaces, and the
/// collection's tables (earnings, prices) indent each row by one or more: joining those rows would
/// garble them, while an unindented line is always a wrapped continuation.
fn body_text(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let text = strip_signoff(&decoded);
    let mut out = String::with_capacity(text.len());
    let mut in_paragraph = false;
    for line in text.lines() {
        let starts_paragraph = line.starts_with([' ', '\t']);
        let line = line.trim();
        if line.is_empty() {
            in_paragraph = false;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if in_paragraph && !starts_paragraph {
                " "
            } else {
                "\n\n"
            });
        }
        let mut words = line.split_whitespace();
        if let Some(first) = words.next() {
            out.push_str(first);
            for word in words {
                out.push(' ');
                out.push_str(word);
            }
        }
        in_paragraph = true;
    }
    out
}

/// The raw text of a `TYPE="UNPROC"` story. Its lines are kept as they are (they are table rows
/// whose alignment carries meaning); only trailing spaces, runs of blank lines and the sign-off go.
fn unprocessed_body(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let text = strip_signoff(&decoded);
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

/// Removes the `Reuter` sign-off from the end of a story, in the spellings the collection uses:
/// `Reuter`, `REUTER`, `reuter`, `REUTERS`, with a trailing `...` or a literal `^M`. Some stories
/// were signed twice (`REUTER\n Reuter`), so it repeats until nothing changes.
fn strip_signoff(text: &str) -> &str {
    let mut rest = text.trim_end();
    loop {
        let stripped = strip_one_signoff(rest);
        if stripped.len() == rest.len() {
            return rest;
        }
        rest = stripped;
    }
}

fn strip_one_signoff(text: &str) -> &str {
    let mut rest = text.trim_end();
    rest = rest.strip_suffix("^M").unwrap_or(rest).trim_end();
    let trimmed = rest.trim_end_matches('.');
    for word in ["reuters", "reuter"] {
        let bytes = trimmed.as_bytes();
        if bytes.len() < word.len() {
            continue;
        }
        let cut = bytes.len() - word.len();
        if !bytes[cut..].eq_ignore_ascii_case(word.as_bytes()) {
            continue;
        }
        // Only a separate word: `...said Reuters` mid-sentence has no line break or full stop before it,
        // but `...told Reuter` would, so require whitespace or a full stop before the word.
        if cut == 0 || matches!(bytes[cut - 1], b' ' | b'\n' | b'\t' | b'.') {
            // `cut` is a char boundary: the bytes from it on are the ASCII letters just matched.
            return trimmed[..cut].trim_end();
        }
    }
    text.trim_end()
}

/// Decodes the character references the collection uses: `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and
/// numeric ones (`&#38;`, `&#x26;`). References to control characters (`&#3;`, `&#127;`) are dropped:
/// they are wire-protocol bytes, not text. Anything else starting with `&` is kept as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The longest reference the collection could hold is `&#1114111;`; look no further for `;`.
        let semi = rest.as_bytes().iter().take(12).position(|&b| b == b';');
        let decoded = semi.and_then(|semi| Some((reference(&rest[1..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                if let Some(c) = c {
                    out.push(c);
                }
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference name stands for: `Some(None)` for a control character (dropped),
/// `None` when the name is not a reference.
fn reference(name: &str) -> Option<Option<char>> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some(if c.is_control() && !matches!(c, '\n' | '\t') {
        None
    } else {
        Some(c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const COCOA: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D><D>uruguay</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos &lt;BAHIA> &amp; more.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"#;

    fn one(text: &str) -> Article {
        let got = parse(text, "f.sgm").unwrap();
        assert!(got.skipped.is_empty(), "{:?}", got.skipped);
        assert_eq!(got.articles.len(), 1);
        got.articles.into_iter().next().unwrap()
    }

    #[test]
    fn full_story() {
        let a = one(COCOA);
        assert_eq!(a.id, "reuters-1");
        assert_eq!(a.path, "f.sgm");
        assert_eq!(a.source, "reuters21578");
        assert_eq!(a.title, "BAHIA COCOA REVIEW");
        assert_eq!(a.date_raw.as_deref(), Some("26-FEB-1987 15:01:01.79"));
        assert_eq!(a.dateline.as_deref(), Some("SALVADOR, Feb 26 -"));
        assert_eq!(
            a.body,
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January.\n\n\
             The dry period means the temporao will be late this year.\n\n\
             Arrivals for the week ended February 22 were 155,221 bags of 60 kilos <BAHIA> & more."
        );
        assert_eq!(a.tags.topics, ["cocoa"]);
        assert_eq!(a.tags.places, ["el-salvador", "usa", "uruguay"]);
        assert!(a.tags.people.is_empty() && a.tags.orgs.is_empty());
        assert_eq!(a.date, None);
    }

    fn wrap(newid: &str, inner: &str) -> String {
        format!("<REUTERS TOPICS=\"NO\" OLDID=\"9\" NEWID=\"{newid}\">\n{inner}\n</REUTERS>\n")
    }

    #[test]
    fn brief_is_title_only() {
        let a = one(&wrap(
            "5",
            "<DATE> 3-MAR-1987 09:16:53.42</DATE>\n<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>TALKING POINT/BANKAMERICA &lt;BAC></TITLE>\n</TEXT>",
        ));
        assert_eq!(a.title, "TALKING POINT/BANKAMERICA <BAC>");
        assert_eq!(a.body, "");
        assert_eq!(a.date_raw.as_deref(), Some("3-MAR-1987 09:16:53.42"));
    }

    #[test]
    fn unproc_keeps_lines_and_titles_from_the_first() {
        let a = one(&wrap(
            "11",
            "<DATE>26-FEB-1987 15:03:27.51</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\nFEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n    Two weeks ended Feb 25      daily avgs-mlns\n Net free reserves.............644 vs.....1,337   \n\n\n Bank borrowings...............680 vs.......425\n\n Reuter\n&#3;\n\n</TEXT>",
        ));
        assert_eq!(a.title, "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26");
        assert_eq!(
            a.body,
            "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n    Two weeks ended Feb 25      daily avgs-mlns\n Net free reserves.............644 vs.....1,337\n\n Bank borrowings...............680 vs.......425"
        );
        assert_eq!(a.dateline, None);
    }

    #[test]
    fn dates_lose_their_junk_but_stay_raw() {
        let date = |raw: &str| {
            one(&wrap(
                "1",
                &format!("<DATE>{raw}</DATE><TEXT><TITLE>T</TITLE></TEXT>"),
            ))
            .date_raw
        };
        assert_eq!(
            date("27-MAR-1987 00:03:35.68&#5;&#5;&#5;F").as_deref(),
            Some("27-MAR-1987 00:03:35.68")
        );
        assert_eq!(
            date("9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ").as_deref(),
            Some("9-APR-1987 00:00:00.00")
        );
        assert_eq!(
            date("31-MAR-1987 605:12:19.12").as_deref(),
            Some("31-MAR-1987 605:12:19.12")
        );
        assert_eq!(date("  "), None);
    }

    #[test]
    fn tables_in_bodies_keep_their_rows() {
        let a = one(&wrap(
            "2",
            "<TEXT><TITLE>ACME &lt;ACM> 4TH QTR NET</TITLE><DATELINE>    NEW YORK, March 2 - </DATELINE><BODY>Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Revs 1.2 mln vs 1.1 mln\n REUTER...\n&#3;</BODY></TEXT>",
        ));
        assert_eq!(a.title, "ACME <ACM> 4TH QTR NET");
        assert_eq!(
            a.body,
            "Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nRevs 1.2 mln vs 1.1 mln"
        );
    }

    #[test]
    fn signoff_spellings() {
        assert_eq!(strip_signoff("Text.\n Reuter\n"), "Text.");
        assert_eq!(strip_signoff("Text.\n REUTER...^M"), "Text.");
        assert_eq!(strip_signoff("NIL. REUTER"), "NIL.");
        assert_eq!(strip_signoff("Text.\n REUTERS"), "Text.");
        assert_eq!(strip_signoff("Reuter"), "");
        assert_eq!(strip_signoff("Note.\nREUTER\n Reuter\n"), "Note.");
        assert_eq!(strip_signoff("the agency Reuter"), "the agency");
        assert_eq!(
            strip_signoff("Contact Thomson-Reuters"),
            "Contact Thomson-Reuters"
        );
        assert_eq!(strip_signoff("Text.\n More"), "Text.\n More");
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("plain"), "plain");
        assert_eq!(
            decode_entities("&lt;VIA> &amp; &quot;x&quot; &apos;"),
            "<VIA> & \"x\" '"
        );
        assert_eq!(decode_entities("a&#5;&#5;b&#3;&#127;c&#2;"), "abc");
        assert_eq!(decode_entities("&#65;&#x42;&#X43;&#233;"), "ABCé");
        assert_eq!(
            decode_entities("AT&T &nbsp; & &#; &#xZZ; &#99999999; &"),
            "AT&T &nbsp; & &#; &#xZZ; &#99999999; &"
        );
        assert_eq!(decode_entities("&#10;"), "\n");
        assert_eq!(decode_entities("é&amp;ü"), "é&ü");
    }

    #[test]
    fn no_title_and_no_text_is_skipped() {
        let text = format!(
            "{}{}",
            wrap("1", "<DATE>1-MAR-1987</DATE><TEXT>&#2;\n</TEXT>"),
            wrap("2", "<TEXT><TITLE>KEPT</TITLE></TEXT>")
        );
        let got = parse(&text, "f.sgm").unwrap();
        assert_eq!(got.articles.len(), 1);
        assert_eq!(got.articles[0].id, "reuters-2");
        assert_eq!(got.skipped[0].position, "story NEWID=1");
        assert_eq!(got.skipped[0].reason, "no title and no text");

        let got = parse(&wrap("3", "<DATE>1-MAR-1987</DATE>"), "f.sgm").unwrap();
        assert!(got.articles.is_empty());
        assert!(got.skipped[0].reason.starts_with("no title and no text"));
    }

    #[test]
    fn title_missing_but_body_present() {
        let a = one(&wrap(
            "4",
            "<TEXT><BODY>Wheat rose. Corn fell.\n Reuter\n&#3;</BODY></TEXT>",
        ));
        assert_eq!(a.title, "Wheat rose");
        assert_eq!(a.body, "Wheat rose. Corn fell.");
    }

    #[test]
    fn unterminated_tags_skip_one_story() {
        let text = format!(
            "{}{}{}",
            "<REUTERS NEWID=\"1\"><TEXT><TITLE>NO CLOSE</TITLE></TEXT>\n",
            wrap("2", "<TEXT><TITLE>GOOD</TITLE><BODY>Body.</BODY></TEXT>"),
            wrap(
                "3",
                "<TEXT><TITLE>BROKEN BODY</TITLE><BODY>never closed</TEXT>"
            ),
        );
        let got = parse(&text, "f.sgm").unwrap();
        assert_eq!(got.articles.len(), 1);
        assert_eq!(got.articles[0].title, "GOOD");
        let skips: Vec<String> = got.skipped.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            skips,
            [
                "story NEWID=1: no </REUTERS> before the next story",
                "story NEWID=3: <BODY> without </BODY>"
            ]
        );
    }

    #[test]
    fn truncated_files_never_panic() {
        for end in 0..COCOA.len() {
            if !COCOA.is_char_boundary(end) {
                continue;
            }
            let _ = parse(&COCOA[..end], "f.sgm");
        }
        let got = parse("<REUTERS NEWID=\"1\"", "f.sgm").unwrap();
        assert_eq!(got.skipped[0].reason, "unterminated <REUTERS> tag");
        let got = parse("<REUTERS", "f.sgm").unwrap();
        assert_eq!(got.skipped.len(), 1);
    }

    #[test]
    fn mangled_markup_never_panics() {
        // Deterministic xorshift: delete or insert markup characters all over a real story.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let pieces = [
            "<",
            ">",
            "&",
            ";",
            "</",
            "<REUTERS ",
            "</REUTERS>",
            "<D>",
            "&#",
            "\"",
            "é",
        ];
        for _ in 0..300 {
            let mut text = COCOA.to_string();
            for _ in 0..8 {
                let mut at = (next() as usize) % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if next() % 2 == 0 {
                    text.insert_str(at, pieces[(next() as usize) % pieces.len()]);
                } else {
                    let mut end = (at + (next() as usize) % 40).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, "");
                }
            }
            if let Ok(got) = parse(&text, "f.sgm") {
                for a in got.articles {
                    assert!(!a.title.is_empty() && !a.id.is_empty());
                }
            }
        }
    }

    #[test]
    fn no_story_at_all() {
        assert_eq!(
            parse("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", "f.sgm").unwrap_err(),
            SkipReason::NoArticles
        );
        assert_eq!(
            parse("<REUTERSX>", "f.sgm").unwrap_err(),
            SkipReason::NoArticles
        );
    }

    #[test]
    fn story_without_newid_gets_a_positional_id() {
        let got = parse(
            "<REUTERS><TEXT><TITLE>A</TITLE></TEXT></REUTERS><REUTERS NEWID=\"\"><TEXT><TITLE>B</TITLE></TEXT></REUTERS>",
            "dir/f.sgm",
        )
        .unwrap();
        let ids: Vec<_> = got.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["dir/f.sgm#1", "dir/f.sgm#2"]);
    }

    #[test]
    fn attributes() {
        let tag = r#"TOPICS="YES" OLDID="5544" NEWID="1""#;
        assert_eq!(attribute(tag, "NEWID"), Some("1"));
        assert_eq!(attribute(tag, "OLDID"), Some("5544"));
        assert_eq!(attribute(r#"XNEWID="5" NEWID="6""#, "NEWID"), Some("6"));
        assert_eq!(attribute(r#"NEWID="7"#, "NEWID"), None);
        assert_eq!(attribute("", "NEWID"), None);
    }

    #[test]
    fn dateline_is_not_date() {
        // `<DATE` must not match `<DATELINE`, whichever comes first.
        let a = one(&wrap(
            "8",
            "<TEXT><TITLE>T</TITLE><DATELINE>LONDON, March 1 -</DATELINE><BODY>b</BODY></TEXT>",
        ));
        assert_eq!(a.date_raw, None);
        assert_eq!(a.dateline.as_deref(), Some("LONDON, March 1 -"));
    }

    /// The real collection: every one of the 21,578 stories, counts as PROVENANCE.md states them.
    #[test]
    fn real_collection() {
        let dir = crate::ingest::embedded_corpus("reuters21578");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
            .collect();
        files.sort();
        assert_eq!(files.len(), 22);
        let started = std::time::Instant::now();
        let mut articles = Vec::new();
        let mut warnings = Vec::new();
        let mut skipped = Vec::new();
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let decoded = crate::ingest::decode::decode(&bytes).unwrap();
            warnings.extend(decoded.warning);
            let got = parse(&decoded.text, "x.sgm").unwrap();
            skipped.extend(got.skipped);
            articles.extend(got.articles);
        }
        eprintln!(
            "parsed {} stories in {:?}",
            articles.len(),
            started.elapsed()
        );
        // 21,578 stories, one of which (an UNPROC story whose TEXT is only `&#2;&#3;`) is empty.
        assert_eq!(
            skipped,
            [ArticleSkip::new(
                "story NEWID=12793",
                "no title and no text"
            )]
        );
        assert_eq!(articles.len(), 21_577);
        assert_eq!(
            warnings,
            ["not valid UTF-8 (first bad byte 0xFC at offset 1519554); read as Latin-1"]
        );
        let ids: std::collections::HashSet<_> = articles.iter().map(|a| &a.id).collect();
        assert_eq!(ids.len(), 21_577, "NEWIDs are unique");
        for a in &articles {
            assert!(
                !a.title.is_empty(),
                "{} has no title: {:?}",
                a.id,
                &a.body[..a.body.len().min(200)]
            );
        }
        assert!(articles.iter().all(|a| a.date_raw.is_some()));
        let with_body = articles.iter().filter(|a| !a.body.is_empty()).count();
        let with_dateline = articles.iter().filter(|a| a.dateline.is_some()).count();
        let count = |f: fn(&HumanTags) -> bool| articles.iter().filter(|a| f(&a.tags)).count();
        // BODY 19,043 + UNPROC 737 less the empty one (their raw text is the body); BRIEF: none.
        assert_eq!(with_body, 19_043 + 736);
        assert_eq!(with_dateline, 19_043);
        assert_eq!(count(|t| !t.places.is_empty()), 18_798);
        assert_eq!(count(|t| !t.topics.is_empty()), 11_367);
        assert_eq!(count(|t| !t.people.is_empty()), 1_156);
        assert_eq!(count(|t| !t.orgs.is_empty()), 881);
        for a in &articles {
            assert!(!a.body.contains("&#"), "{}: leftover reference", a.id);
            assert!(!a.body.contains("&lt;"), "{}", a.id);
            assert!(!a.title.contains("&lt;"), "{}", a.id);
            assert!(
                !a.body.to_ascii_lowercase().ends_with("reuter"),
                "{}: sign-off left",
                a.id
            );
            assert!(
                !a.body.chars().any(|c| c.is_control() && c != '\n'),
                "{}",
                a.id
            );
        }
        let first = &articles[0];
        assert_eq!(first.id, "reuters-1");
        assert_eq!(first.title, "BAHIA COCOA REVIEW");
        assert!(first
            .body
            .ends_with("carnival which ends midday on February 27."));
        let finch = articles.iter().find(|a| a.id == "reuters-15370").unwrap();
        assert_eq!(finch.date_raw.as_deref(), Some("9-APR-1987 00:00:00.00"));
        assert!(articles
            .iter()
            .any(|a| a.date_raw.as_deref() == Some("31-MAR-1987 605:12:19.12")));
        let with_junk = articles
            .iter()
            .filter(|a| {
                a.date_raw
                    .as_deref()
                    .is_some_and(|d| !d.ends_with(|c: char| c.is_ascii_digit()))
            })
            .count();
        assert_eq!(with_junk, 0);
    }
}
