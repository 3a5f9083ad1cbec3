//! The per-article rule pass: from tagged tokens to canonical spans.
//!
//! Brief overview. [`spans`] reads the tagger's IOB2 tags as [`Mention`]s (token ranges with a type)
//! and rewrites them in article order of concerns:
//!
//! 1. **Company names**: a name Reuters writes in angle brackets (`<Airbus Industrie>`) is one
//!    organisation; a "person" ending in `Corp`, `Co`, `Inc`, `Bank`, ... is an organisation, and
//!    so is a "person" or "place" named after an event (`Six Nations`, `Athens Games`);
//!    `Standard` and `Poor's Corp` are one (`Standard and Poor's Corp`), and so are `Smith Barney`,
//!    `Harris Upham` and `Co` (`Smith Barney, Harris Upham and Co`) and `A.G. Edwards` and `Sons
//!    Inc`, and `American Telephone` and `Telegraph Co` (a common noun after `and` ends the name
//!    before it); a legal form right after a name makes it a firm's (`Chrysler Corp`), with the
//!    capitalised words before it the tagger left out (`First Chicago Corp`).
//! 2. **Trim**: a leading `the`, a leading title (`Representative`; not `Prince`), a trailing `'s`,
//!    function word (`Light Co. The`) or post-nominal (`Frank Field MP`) and, in a headline, a
//!    trailing verb (`FED SAYS`) are not part of a name, nor is a Reuters ticker or anything after
//!    it (`TEXACO <TX>`). A title, or an office after a title and `of` (`Secretary of State`),
//!    before two or three words that read as a person's name makes them a person whatever the
//!    tagger said (`Senator Pat Roberts`, `State George Shultz`). A firm named in the possessive
//!    keeps its `'s` before a verb (`Moody's said`), and a firm listed as one always does (`by
//!    Moody's and Standard and Poor's`). A mention made only of words that are never a name alone
//!    (`Inc`, `Nine`, `mths`, single letters: `NOT_NAMES` in `postprocess/lists.rs`) is dropped,
//!    as is a credit rating (`rated AAA by`). A capital `And` after an abbreviation parts two
//!    names (Reuters' `the U.S. And West Germany`). A title inside a mention cuts it into the
//!    organisation before it and the person after it (`Bank of Japan Governor Satoshi Sumita`); a
//!    one-word headline name the story writes only in lower case (`CRUDE`, `BANK`) is dropped.
//! 3. **Title cues**: a name after `Mr.`/`President`/`Minister`, or followed by an apposition with a
//!    role (`Vladimir Norov, the SCO's secretary-general`), is a person whatever the tagger said; a
//!    capitalised name the tagger missed after `Mr.` is added. A "person" before a job only firms
//!    employ (`Dean Witter analyst Karen Gibbs`) is a firm. A name followed by a comma and a U.S.
//!    state (`Denver, Colo.`) is a place.
//! 4. **Acronyms**: `Long Name (ACR)`, also `Long Name's (ACR)`, makes `ACR` an alias of the long name
//!    when its letters are the name's initials; every mention of `ACR` in the article then carries the
//!    long name, and untagged ones are added.
//! 5. **One label per string**: all mentions of one surface string get the type most of them had.
//! 6. **Short forms**: a one-word person (`Norov`) that ends or starts a longer person name of the
//!    article (`Vladimir Norov`) resolves to it, and becomes a person if the tagger said otherwise;
//!    a one-word organisation, or a person no title cued, that starts a longer organisation outside a
//!    headline (`Moody`, `Moody's Investors Service`; `Chrysler`, `Chrysler Corp`) resolves to it;
//!    so does a head word (`Commission`) that ends the article's one longer organisation ending in
//!    it (`EC Commission`), and a firm's name without the legal form the article also gives it
//!    (`General Motors`, `General Motors Corp`).
//! 7. **Canonical names**: whitespace collapsed, headline capitals title-cased (or matched to the
//!    article's own spelling), a few country spellings unified (`U.S.` -> `United States`) and made
//!    places whatever the tagger said, a few organisations' acronyms kept in capitals and made
//!    organisations (`USDA`), a U.S. state's abbreviation that is a place named in full
//!    (`Calif` -> `California`); a word that heads organisations' names (`Bank`, `Commission`) and
//!    stands for none the article names is dropped.
//!
//! MISC mentions take part in voting but never become spans: they are not facets. Each step has its
//! file: `cleanup.rs` (1, 2), `cues.rs` (3), `aliases.rs` (4 to 6), `naming.rs` (7); the word lists
//! are in `lists.rs`.
//!
//! Why rules after a statistical tagger: the tagger sees one sentence; these facts are about the
//! whole article, and they are what facets need (one entity, one name).

use std::borrow::Cow;

mod aliases;
mod cleanup;
mod cues;
mod lists;
mod naming;
#[cfg(test)]
mod tests;

use super::tagger::{NerType, Tag};
use super::tokenize::Tokens;
use super::Span;
use aliases::{acronyms, one_label_per_string, short_forms};
use cleanup::{
    bracketed_firms, headline_words, join_and_co, join_common_nouns, join_firm_names,
    legal_form_after, org_heads, possessive_firms, split_at_stop_and, split_at_titles, trim,
};
use cues::{employer_cues, state_cues, title_cues};
use lists::List;
use naming::{finish, headline_mentions};

/// A tagged name: tokens `first..end` of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub end: usize,
    pub ty: NerType,
    /// Index of the mention this one stands for (an acronym's long form, a surname's full name).
    pub refers_to: Option<usize>,
    /// A cue fixed the type: voting does not override it.
    pub cued: bool,
}

struct Doc<'t> {
    text: &'t str,
    tokens: &'t Tokens,
    /// Per sentence, whether it is upper case: see [`Doc::in_headline`].
    headlines: std::cell::OnceCell<Vec<bool>>,
}

impl<'t> Doc<'t> {
    fn tok(&self, i: usize) -> &'t str {
        self.tokens
            .tokens
            .get(i)
            .map_or("", |t| t.as_str(self.text))
    }

    fn is_cap(&self, i: usize) -> bool {
        self.tok(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }

    /// Whether token `i` is in `list`, whatever its case.
    fn lower_in(&self, i: usize, list: List) -> bool {
        self.in_any(i, list.bit())
    }

    /// Whether token `i` is in any of the lists whose [`List::bit`]s are `bits`.
    fn in_any(&self, i: usize, bits: u16) -> bool {
        lists::lists_of(self.tok(i)) & bits != 0
    }

    /// Whether tokens `first..end` read as a person's name: two or three capitalised words (`Nigel
    /// Lawson`), none of them a word that heads or ends organisations' names, nor a title or role
    /// (`Lord Chief Justice`).
    fn persons_name(&self, first: usize, end: usize) -> bool {
        let not_in =
            List::OrgHeads.bit() | List::LegalForms.bit() | List::Titles.bit() | List::Roles.bit();
        (2..=3).contains(&(end.saturating_sub(first)))
            && (first..end).all(|i| {
                let t = self.tok(i).as_bytes();
                t.len() > 1
                    && t[0].is_ascii_uppercase()
                    && t[1..].iter().all(u8::is_ascii_lowercase)
                    && !self.in_any(i, not_in)
            })
    }

    /// The mention's text, whitespace collapsed: borrowed from the article when its tokens are
    /// already one space apart (or touching), as nearly all are.
    fn surface(&self, m: &Mention) -> Cow<'t, str> {
        let toks = &self.tokens.tokens[m.first..m.end];
        let (Some(a), Some(b)) = (toks.first(), toks.last()) else {
            return Cow::Borrowed("");
        };
        let bytes = self.text.as_bytes();
        let single_spaced = toks.windows(2).all(|w| {
            w[0].end == w[1].start
                || (w[0].end + 1 == w[1].start && bytes[w[0].end as usize] == b' ')
        });
        if single_spaced {
            if let Some(s) = self.text.get(a.start as usize..b.end as usize) {
                return Cow::Borrowed(s);
            }
        }
        let mut s = String::new();
        for i in m.first..m.end {
            let t = &self.tokens.tokens[i];
            if i > m.first {
                let prev = &self.tokens.tokens[i - 1];
                if prev.end != t.start {
                    s.push(' ');
                }
            }
            s.push_str(self.tok(i));
        }
        Cow::Owned(s)
    }

    /// Whether token `i` is the first of its sentence.
    fn starts_sentence(&self, i: usize) -> bool {
        self.sentence_of(i).is_some_and(|(a, _)| a as usize == i)
    }

    /// The sentence (token range) that holds token `i`.
    fn sentence_of(&self, i: usize) -> Option<(u32, u32)> {
        let s = &self.tokens.sentences;
        let k = s.partition_point(|&(_, b)| b as usize <= i);
        s.get(k).copied().filter(|&(a, _)| a as usize <= i)
    }

    /// Whether token `i` stands in an upper-case sentence (a headline: no lower-case letter
    /// anywhere). Several steps ask; the sentences are looked at once per article.
    fn in_headline(&self, i: usize) -> bool {
        let headlines = self.headlines.get_or_init(|| {
            let (toks, bytes) = (&self.tokens.tokens, self.text.as_bytes());
            self.tokens
                .sentences
                .iter()
                .map(|&(a, b)| {
                    let (Some(first), Some(last)) =
                        (toks.get(a as usize), toks.get(b as usize - 1))
                    else {
                        return false;
                    };
                    !bytes[first.start as usize..last.end as usize]
                        .iter()
                        .any(u8::is_ascii_lowercase)
                })
                .collect()
        });
        let s = &self.tokens.sentences;
        let k = s.partition_point(|&(_, b)| b as usize <= i);
        s.get(k).is_some_and(|&(a, _)| a as usize <= i) && headlines[k]
    }
}

/// Mentions from IOB2 tags (an `I-` without its `B-` starts a mention, as `conlleval` reads it).
pub fn mentions(tags: &[Tag]) -> Vec<Mention> {
    super::conll::chunks(tags)
        .into_iter()
        .map(|(first, end, ty)| Mention {
            first,
            end,
            ty,
            refers_to: None,
            cued: false,
        })
        .collect()
}

/// The whole rule pass: tags of `tokens` (one per token) to spans with canonical names.
pub fn spans(text: &str, tokens: &Tokens, tags: &[Tag]) -> Vec<Span> {
    let doc = Doc {
        text,
        tokens,
        headlines: Default::default(),
    };
    let n = tags.len().min(tokens.tokens.len());
    let mut ms = mentions(&tags[..n]);
    bracketed_firms(&doc, &mut ms);
    join_firm_names(&doc, &mut ms);
    join_and_co(&doc, &mut ms);
    join_common_nouns(&doc, &mut ms);
    org_heads(&doc, &mut ms);
    legal_form_after(&doc, &mut ms);
    split_at_stop_and(&doc, &mut ms);
    trim(&doc, &mut ms);
    possessive_firms(&doc, &mut ms);
    split_at_titles(&doc, &mut ms);
    headline_words(&doc, &mut ms);
    title_cues(&doc, &mut ms);
    employer_cues(&doc, &mut ms);
    state_cues(&doc, &mut ms);
    acronyms(&doc, &mut ms);
    // Mentions keep their token ranges from here on: their surfaces are computed once.
    let surfaces: Vec<Cow<str>> = ms.iter().map(|m| doc.surface(m)).collect();
    // Which mentions stand in an upper-case sentence (a headline): short forms and naming ask.
    let headline = headline_mentions(&doc, &ms);
    one_label_per_string(&mut ms, &surfaces);
    short_forms(&doc, &mut ms, &headline);
    // `refers_to` indexes `ms` as built; sort the spans, not the mentions.
    let mut out = finish(&doc, &ms, &surfaces, &headline);
    out.sort_by_key(|s| (s.start, s.end));
    out
}
