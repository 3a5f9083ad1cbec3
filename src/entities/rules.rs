//! The first entity tagger: capitalisation, cue words and small built-in word lists.
//!
//! Brief overview. [`RuleExtractor::extract`] runs four stages over one article:
//!
//! 1. **Tokenise** (`tokenize`): one pass over the bytes into `Tok`s (words, numbers, a possessive `'s`,
//!    punctuation). Each token carries flags: capitalised, all caps, sentence-initial, line-initial, on an
//!    all-upper-case line (a Reuters headline). Abbreviations keep their dot (`U.S.`, `St.`, `Mr.`).
//! 2. **Candidates** (`Cand`): runs of capitalised words, joined by connectors (`Bank of England`,
//!    `Procter & Gamble`), plus Reuters datelines (`SALVADOR, Feb 26 -`). A run is rewritten twice: a title
//!    inside it splits it (`Finance Minister Kiichi Miyazawa` -> a person cue on `Kiichi Miyazawa`), and a
//!    following `(ABC)` whose letters are the run's initials makes `ABC` an alias of the run.
//! 3. **Typing** (`classify`): the strongest rule that fires gives the kind, in this order: dateline,
//!    acronym (defined in the text, or a known one), gazetteer place, organisation head word (`Bank`,
//!    `Organization`, `Corp`), person cue (title, role apposition, known given name, a surname used alone
//!    elsewhere). A candidate no rule types is dropped: a later trained tagger can find more, this one
//!    should not invent. An untyped run with connectors is retried in pieces (`Brazil and Argentina`).
//! 4. **Consolidation**: one label per surface string per article, the strongest one; a lone surname
//!    becomes the full name met in the same article (`Norov` -> `Vladimir Norov`); a capitalised word after
//!    `in`/`at`/`from` that nothing else typed is taken as a place. Spans come out in text order.
//!
//! The word lists (`rules/lists.rs`) become sets once, in [`RuleExtractor::new`], with a cheap hasher;
//! lookups lower-case into a stack buffer, so an article costs a handful of allocations, not one per
//! token. `rules/eval.rs` holds ignored tests that measure coverage and speed on Reuters-21578.
//!
//! Decisions a later reader might undo:
//! - `SCO Secretariat` is an organisation of its own, not folded into `SCO`: it is what the text names,
//!   and what a tagger trained on OntoNotes-style data will output when it replaces this one.
//! - A bare `X said` is not a person cue: Reuters companies say things as often as people do. A surname
//!   that recurs alone (`Khakimov said`) is the cue instead.
//! - All-caps words are never looked up as stop words, so `WHO` and `US` survive while `Who` and `Us` do
//!   not.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::entities::{EntityKind, Extractor, Span};

mod lists;

use lists::*;

/// FNV-1a. The sets hold a few hundred short keys that ship with the binary, so SipHash's resistance to
/// chosen keys buys nothing, and its cost would show in the per-word lookups.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;
type Set = HashSet<&'static str, FnvBuild>;

/// Longest key any list holds (`united states of america` and friends); longer words are in no list.
const KEY_MAX: usize = 48;

/// A rule-based [`Extractor`]: see the module documentation for the stages.
pub struct RuleExtractor {
    /// Function words, common sentence starters, months and weekdays: capitalised, never a name.
    stop: Set,
    months: Set,
    /// Lower-case words allowed inside a name (`Bank of England`, `Charles de Gaulle`).
    connectors: Set,
    /// The subset of connectors a person's name may contain (`de`, `von`, not `of` or `and`).
    particles: Set,
    org_heads: Set,
    /// Single names and lower-cased multi-word names of organisations that carry no head word.
    org_names: Set,
    /// Acronyms that are organisations when written in capitals (`WHO`, not `Who`).
    org_acronyms: Set,
    /// Capitalised titles that announce a person's name (`President`, `Mr.`).
    titles: Set,
    /// Words that only join a title (`Prime Minister`, `Deputy Governor`, `Attorney General`).
    title_mods: Set,
    /// Lower-case role nouns that mark a person in an apposition (`..., the SCO's secretary-general,`).
    roles: Set,
    given_names: Set,
    /// `Russian`, `Japanese`, `Republican`: adjectives the other rules would take for names.
    demonyms: Set,
    /// Lower-cased place name -> canonical name (`u.s.` -> `United States`).
    places: HashMap<String, &'static str, FnvBuild>,
}

impl Default for RuleExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl RuleExtractor {
    /// Builds the word lists. Cheap (a few thousand inserts) but not free: make one and share it, the
    /// extractor is `Send + Sync`.
    pub fn new() -> Self {
        fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
            list.split(',').map(str::trim).filter(|e| !e.is_empty())
        }
        fn set(lists: &[&'static str]) -> Set {
            lists.iter().flat_map(|l| entries(l)).collect()
        }
        // Keys are looked up lower-cased; the lists are written the way the names are spelt.
        let mut places: HashMap<String, &'static str, FnvBuild> = HashMap::default();
        for list in [
            PLACES_COUNTRIES,
            PLACES_CITIES,
            PLACES_STATES,
            PLACES_REGIONS,
        ] {
            for p in entries(list) {
                places.insert(p.to_ascii_lowercase(), p);
            }
        }
        for pair in entries(PLACE_ALIASES) {
            if let Some((alias, canonical)) = pair.split_once('=') {
                places.insert(alias.to_ascii_lowercase(), canonical);
            }
        }
        RuleExtractor {
            stop: set(&[STOP_WORDS, MONTHS, WEEKDAYS]),
            months: set(&[MONTHS]),
            connectors: set(&[CONNECTORS, PARTICLES]),
            particles: set(&[PARTICLES]),
            org_heads: set(&[ORG_HEADS]),
            org_names: set(&[ORG_NAMES]),
            org_acronyms: set(&[ORG_ACRONYMS]),
            titles: set(&[TITLES]),
            title_mods: set(&[TITLE_MODIFIERS]),
            roles: set(&[TITLES, ROLES]),
            given_names: set(&[GIVEN_NAMES]),
            demonyms: set(&[DEMONYMS]),
            places,
        }
    }
}

impl Extractor for RuleExtractor {
    fn extract(&self, text: &str) -> Vec<Span> {
        let mut doc = Doc {
            text,
            toks: tokenize(text),
        };
        let mut cands = self.datelines(&mut doc);
        self.runs(&doc, &mut cands);
        let mut labels = self.classify_all(&doc, &mut cands);
        let rep = self.one_label_per_string(&doc, &cands, &mut labels);
        self.resolve_surnames(&doc, &cands, &mut labels);
        self.preposition_places(&doc, &cands, &mut labels, &rep);
        self.spans(&doc, &cands, &labels)
    }
}

// ---------------------------------------------------------------------------------------------------
// Stage 1: tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    /// `'s` / `’s` after a word: it ends a name (`the Shanghai Cooperation Organization's (SCO)`).
    Possessive,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    flags: u16,
}

/// First character upper case.
const F_CAP: u16 = 1;
/// At least two letters, none lower case (`SCO`, `U.S.`, `COVID-19`).
const F_ALLCAPS: u16 = 1 << 1;
const F_DIGIT: u16 = 1 << 2;
/// First word or number of a sentence (after `.!?:`, a blank line or a headline).
const F_SENT: u16 = 1 << 3;
const F_LINE: u16 = 1 << 4;
/// Preceded by a blank line: names never run across one.
const F_PARA: u16 = 1 << 5;
/// On a line with no lower-case letter (a headline): only known acronyms survive there.
const F_SHOUT: u16 = 1 << 6;
/// `Inc.`, `Corp.`, `Jr.`: the dot may also end the sentence, so the name stops here.
const F_NAME_END: u16 = 1 << 7;
/// Part of a Reuters dateline, which becomes its own candidate.
const F_DATELINE: u16 = 1 << 8;

struct Doc<'t> {
    text: &'t str,
    toks: Vec<Tok>,
}

impl<'t> Doc<'t> {
    fn s(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn flags(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.flags)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// A lower-case word equal to one of `words`.
    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.is_word(i) && self.flags(i) & F_CAP == 0 && words.contains(&self.s(i))
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        Some(_) => text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' '),
        None => ' ',
    }
}

/// Abbreviations that start or sit inside a name: their dot never ends a sentence.
fn inner_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Ste"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Adm"
            | "Prof"
            | "Mt"
            | "Ft"
            | "Messrs"
            | "Sgt"
            | "Capt"
            | "Rev"
            | "Pres"
    )
}

/// Abbreviations that end a name: their dot may end the sentence too.
fn final_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Co" | "Corp" | "Inc" | "Ltd" | "Jr" | "Sr" | "Bros" | "Cos" | "Plc"
    )
}

/// Scans a word starting at `start` (a letter); returns its end and flags.
fn scan_word(text: &str, start: usize) -> (usize, u16) {
    let b = text.as_bytes();
    let mut j = start;
    let (mut upper, mut lower, mut digits) = (0u32, 0u32, 0u32);
    // Letters since the last `.` or `-`: a one-letter segment before a dot is an initial (`U.S.`, `F.`).
    let mut seg = 0u32;
    let mut flags = 0;
    while j < b.len() {
        let ch = char_at(text, j);
        let len = ch.len_utf8();
        if ch.is_alphanumeric() {
            if ch.is_uppercase() {
                if j == start {
                    flags |= F_CAP;
                }
                upper += 1;
            } else if ch.is_lowercase() {
                lower += 1;
            } else if ch.is_numeric() {
                digits += 1;
            }
            seg += 1;
            j += len;
            continue;
        }
        let next = char_at(text, j + len);
        match ch {
            '-' if next.is_alphanumeric() => {
                seg = 0;
                j += 1;
            }
            '\'' | '’' if next.is_alphabetic() => {
                // `'s` then a non-letter is the possessive, its own token; `O'Brien`, `don't` stay whole.
                if (next == 's' || next == 'S') && !char_at(text, j + len + 1).is_alphanumeric() {
                    break;
                }
                j += len;
            }
            '.' => {
                if seg == 1
                    && next.is_alphabetic()
                    && next.is_uppercase() == char_at(text, j - 1).is_uppercase()
                {
                    seg = 0;
                    j += 1;
                    continue;
                }
                let w = text.get(start..j).unwrap_or("");
                if seg == 1 && upper > 0 || inner_abbrev(w) {
                    j += 1;
                } else if final_abbrev(w) {
                    j += 1;
                    flags |= F_NAME_END;
                }
                break;
            }
            _ => break,
        }
    }
    if upper >= 2 && lower == 0 {
        flags |= F_ALLCAPS;
    }
    if digits > 0 {
        flags |= F_DIGIT;
    }
    (j, flags)
}

/// Scans a number starting at `start` (a digit): `2020-06-17`, `155,221`, `5.93`, `1980s`.
///
/// Digits are any Unicode digits, as `tokenize` decides with `char::is_numeric`: a number that starts
/// with `߈` or `٣` must be scanned past, or the tokenizer never moves on (found by fuzzing).
fn scan_number(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut j = start;
    while j < b.len() {
        let c = b[j];
        let ch = char_at(text, j);
        if ch.is_alphanumeric() {
            j += ch.len_utf8();
        } else if matches!(c, b'.' | b',' | b'/' | b':' | b'-')
            && b.get(j + 1).is_some_and(u8::is_ascii_digit)
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// Per-line state for spotting headlines: a line with two or more words and no lower-case letter.
struct Line {
    first: usize,
    words: u32,
    lower: bool,
}

fn close_line(toks: &mut [Tok], line: &mut Line, sentence: &mut bool) {
    if line.words >= 2 && !line.lower {
        for t in toks.iter_mut().skip(line.first) {
            t.flags |= F_SHOUT;
        }
        // A headline carries no full stop; what follows it starts a sentence.
        *sentence = true;
    }
    *line = Line {
        first: toks.len(),
        words: 0,
        lower: false,
    };
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(b.len() / 5 + 8);
    let mut i = 0;
    let mut sentence = true;
    let mut newlines = 0u32;
    let mut line = Line {
        first: 0,
        words: 0,
        lower: false,
    };
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            close_line(&mut toks, &mut line, &mut sentence);
            newlines += 1;
            i += 1;
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        let ch = char_at(text, i);
        let len = ch.len_utf8();
        if ch.is_whitespace() || ch.is_control() {
            i += len;
            continue;
        }
        let mut flags = 0;
        if newlines > 0 || toks.is_empty() {
            flags |= F_LINE;
        }
        if newlines > 1 {
            flags |= F_PARA;
            sentence = true;
        }
        newlines = 0;
        let (end, kind) = if ch.is_alphabetic() {
            let (end, f) = scan_word(text, i);
            flags |= f;
            line.words += 1;
            if f & F_CAP == 0 || (f & F_ALLCAPS == 0 && end - i > 1) {
                line.lower |= text
                    .get(i..end)
                    .is_some_and(|w| w.chars().any(char::is_lowercase));
            }
            (end, Kind::Word)
        } else if ch.is_numeric() {
            (scan_number(text, i), Kind::Num)
        } else if (ch == '\'' || ch == '’')
            && matches!(char_at(text, i + len), 's' | 'S')
            && !char_at(text, i + len + 1).is_alphanumeric()
            && toks
                .last()
                .is_some_and(|t| t.end == i && t.kind == Kind::Word)
        {
            (i + len + 1, Kind::Possessive)
        } else {
            (i + len, Kind::Punct(ch))
        };
        if matches!(kind, Kind::Word | Kind::Num) && sentence {
            flags |= F_SENT;
            sentence = false;
        }
        if let Kind::Punct('.' | '!' | '?' | ':') = kind {
            sentence = true;
        }
        if flags & F_NAME_END != 0 {
            // `Texaco Inc. Analysts said`: the next capitalised word may open a sentence.
            sentence = true;
        }
        toks.push(Tok {
            start: i,
            end,
            kind,
            flags,
        });
        i = end;
    }
    close_line(&mut toks, &mut line, &mut sentence);
    toks
}

// ---------------------------------------------------------------------------------------------------
// Stage 2: candidates

/// Candidate cues.
const C_TITLE: u8 = 1;
const C_DATELINE: u8 = 1 << 1;
/// A piece of an untyped run: not split again.
const C_PART: u8 = 1 << 2;

/// A candidate name: tokens `first..=last`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    first: usize,
    last: usize,
    cues: u8,
    /// The acronym token this name defines (`World Health Organization (WHO)`).
    defines: Option<usize>,
}

/// Lower-cases ASCII letters of `s` into `buf` (other bytes are copied, so the result stays UTF-8).
fn lower_into<'b>(s: &str, buf: &'b mut [u8; KEY_MAX]) -> Option<&'b str> {
    let bytes = s.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    for (o, &c) in out.iter_mut().zip(bytes) {
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

impl RuleExtractor {
    fn in_set(set: &Set, word: &str) -> bool {
        let mut buf = [0u8; KEY_MAX];
        lower_into(word, &mut buf).is_some_and(|w| set.contains(w))
    }

    /// Tokens `first..=last` lower-cased and joined by single spaces (`st. petersburg`).
    fn key<'b>(
        doc: &Doc,
        first: usize,
        last: usize,
        buf: &'b mut [u8; KEY_MAX],
    ) -> Option<&'b str> {
        let mut n = 0;
        for i in first..=last {
            let w = doc.s(i);
            let sep = usize::from(n > 0);
            let dst = buf.get_mut(n..n + sep + w.len())?;
            if sep == 1 {
                dst[0] = b' ';
            }
            for (o, &c) in dst[sep..].iter_mut().zip(w.as_bytes()) {
                *o = c.to_ascii_lowercase();
            }
            n += sep + w.len();
        }
        std::str::from_utf8(&buf[..n]).ok()
    }

    fn place_of(&self, doc: &Doc, first: usize, last: usize) -> Option<&'static str> {
        let mut buf = [0u8; KEY_MAX];
        Self::key(doc, first, last, &mut buf).and_then(|k| self.places.get(k).copied())
    }

    /// A capitalised word that can be part of a name.
    fn is_name_word(&self, doc: &Doc, i: usize) -> bool {
        let f = doc.flags(i);
        doc.is_word(i)
            && f & F_CAP != 0
            && f & (F_DIGIT | F_SHOUT | F_DATELINE) == 0
            // `WHO`, `US` are acronyms, not the stop words `who`, `us`.
            && (f & F_ALLCAPS != 0 || !Self::in_set(&self.stop, doc.s(i)))
            && !has_adjective_suffix(doc.s(i))
    }

    fn is_acronym(doc: &Doc, i: usize) -> bool {
        let f = doc.flags(i);
        doc.is_word(i) && f & F_ALLCAPS != 0 && f & F_DIGIT == 0 && doc.s(i).len() <= 8
    }

    fn is_legal_suffix(w: &str) -> bool {
        matches!(
            w,
            "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "Plc"
                | "PLC"
                | "LLC"
                | "AG"
                | "SA"
                | "NV"
                | "SpA"
                | "Spa"
                | "GmbH"
                | "BV"
                | "Bhd"
                | "Pty"
                | "Pte"
                | "NA"
                | "LP"
                | "L.P."
                | "Inc."
                | "Corp."
                | "Co."
                | "Ltd."
        )
    }

    fn is_connector(&self, doc: &Doc, i: usize) -> bool {
        doc.is_punct(i, '&')
            || (doc.is_word(i) && doc.flags(i) & F_CAP == 0 && self.connectors.contains(doc.s(i)))
    }

    fn is_title(&self, doc: &Doc, i: usize) -> bool {
        doc.is_word(i)
            && doc.flags(i) & (F_CAP | F_ALLCAPS) == F_CAP
            && Self::in_set(&self.titles, doc.s(i))
    }

    fn is_title_mod(&self, doc: &Doc, i: usize) -> bool {
        doc.is_word(i)
            && doc.flags(i) & (F_CAP | F_ALLCAPS) == F_CAP
            && Self::in_set(&self.title_mods, doc.s(i))
    }

    fn is_org_head(&self, doc: &Doc, i: usize) -> bool {
        doc.is_word(i) && Self::in_set(&self.org_heads, doc.s(i))
    }

    fn is_role(&self, doc: &Doc, i: usize) -> bool {
        doc.is_word(i) && doc.flags(i) & F_ALLCAPS == 0 && Self::in_set(&self.roles, doc.s(i))
    }

    /// `SALVADOR, Feb 26 -` at the start of a line: the place the story was filed from. Marks its tokens so
    /// that runs skip them, and the word after the dash as sentence-initial.
    fn datelines(&self, doc: &mut Doc) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..doc.toks.len() {
            if doc.flags(i) & (F_LINE | F_CAP) != (F_LINE | F_CAP) {
                continue;
            }
            let mut j = i;
            while j < i + 4
                && doc.is_word(j)
                && doc.flags(j) & (F_CAP | F_DIGIT) == F_CAP
                && (j == i || doc.flags(j) & F_LINE == 0)
            {
                j += 1;
            }
            if j == i
                || !doc.is_punct(j, ',')
                || !doc.is_word(j + 1)
                || !Self::in_set(&self.months, doc.s(j + 1))
            {
                continue;
            }
            let mut k = j + 2;
            if doc.is_punct(k, '.') {
                k += 1;
            }
            if doc.kind(k) == Some(Kind::Num)
                && (doc.is_punct(k + 1, '-') || doc.is_punct(k + 1, '–'))
            {
                out.push(Cand {
                    first: i,
                    last: j - 1,
                    cues: C_DATELINE,
                    defines: None,
                });
            }
        }
        for c in &out {
            for t in &mut doc.toks[c.first..=c.last] {
                t.flags |= F_DATELINE;
            }
            // The body starts after `... Feb 26 -`; skip to the first token past the dash.
            let after = (c.last + 1..doc.toks.len())
                .find(|&k| doc.is_punct(k, '-') || doc.is_punct(k, '–'));
            if let Some(t) = after.and_then(|k| doc.toks.get_mut(k + 1)) {
                t.flags |= F_SENT;
            }
        }
        out
    }

    /// Finds runs of capitalised words and turns each into candidates.
    fn runs(&self, doc: &Doc, cands: &mut Vec<Cand>) {
        let n = doc.toks.len();
        let mut i = 0;
        while i < n {
            if doc.flags(i) & F_SHOUT != 0
                && Self::is_acronym(doc, i)
                && doc.flags(i) & F_DATELINE == 0
            {
                // Headlines are all capitals; only acronyms a list or the text knows survive there.
                cands.push(single(i, C_PART));
                i += 1;
                continue;
            }
            if !self.is_name_word(doc, i) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut j = i + 1;
            while j < n && doc.flags(last) & F_NAME_END == 0 && doc.flags(j) & F_PARA == 0 {
                // `Kabivitrum Inc of Alameda`: a legal-form suffix ends the name, except before another
                // (`Mitsui Aluminium Co Ltd`).
                if Self::is_legal_suffix(doc.s(last)) && !Self::is_legal_suffix(doc.s(j)) {
                    break;
                }
                if self.is_name_word(doc, j) {
                    last = j;
                    j += 1;
                    continue;
                }
                if self.is_connector(doc, j) {
                    let mut k = j + 1;
                    if doc.word_in(j, &["of", "for"]) && doc.word_in(k, &["the"]) {
                        k += 1;
                    }
                    if self.is_name_word(doc, k) && doc.flags(k) & F_PARA == 0 {
                        last = k;
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            self.push_run(doc, cands, first, last);
            i = last + 1;
        }
    }

    fn push_run(&self, doc: &Doc, cands: &mut Vec<Cand>, first: usize, last: usize) {
        // Three or more all-caps words are a shouted headline fragment, not a name.
        if (first..=last)
            .filter(|&k| doc.flags(k) & F_ALLCAPS != 0)
            .count()
            >= 3
        {
            for k in (first..=last).filter(|&k| Self::is_acronym(doc, k)) {
                cands.push(single(k, C_PART));
            }
            return;
        }
        if let Some((start, acronym)) = self.acronym_def(doc, first, last) {
            if start > first {
                self.push_titles(doc, cands, first, start - 1, 0);
            }
            cands.push(Cand {
                first: start,
                last,
                cues: 0,
                defines: Some(acronym),
            });
            return;
        }
        self.push_titles(doc, cands, first, last, 0);
    }

    /// `Long Name (LN)` or `Long Name's (LN)`: returns where the long name starts inside the run (words
    /// before it are not part of the name, `Russian Shanghai Cooperation Organization (SCO)`) and the
    /// acronym's token. Initials are matched without connectors first (`Bank for International
    /// Settlements (BIS)`), then with them (`Bank of England (BOE)`).
    fn acronym_def(&self, doc: &Doc, first: usize, last: usize) -> Option<(usize, usize)> {
        let mut k = last + 1;
        if doc.kind(k) == Some(Kind::Possessive) {
            k += 1;
        }
        if !(doc.is_punct(k, '(') && Self::is_acronym(doc, k + 1) && doc.is_punct(k + 2, ')')) {
            return None;
        }
        let mut letters = [0u8; 8];
        let mut n = 0;
        for &b in doc
            .s(k + 1)
            .as_bytes()
            .iter()
            .filter(|b| b.is_ascii_uppercase())
        {
            *letters.get_mut(n)? = b;
            n += 1;
        }
        if n < 2 {
            return None;
        }
        for with_connectors in [false, true] {
            let mut need = n;
            let mut p = last;
            loop {
                if with_connectors || self.is_name_word(doc, p) {
                    let initial = doc.s(p).as_bytes().first().map(u8::to_ascii_uppercase);
                    if initial != Some(letters[need - 1]) {
                        break;
                    }
                    need -= 1;
                    if need == 0 {
                        break;
                    }
                }
                if p == first {
                    break;
                }
                p -= 1;
            }
            let words = (p..=last).filter(|&q| self.is_name_word(doc, q)).count();
            if need == 0 && words >= 2 && self.is_name_word(doc, p) {
                return Some((p, k + 1));
            }
        }
        None
    }

    /// Splits a run at a title: what precedes is a candidate of its own, the title is dropped, the name
    /// after it gets the person cue (`Federal Reserve Board Chairman Paul Volcker`).
    fn push_titles(&self, doc: &Doc, cands: &mut Vec<Cand>, first: usize, last: usize, cues: u8) {
        let Some(k) = (first..=last).find(|&k| self.is_title(doc, k)) else {
            self.push_plain(doc, cands, first, last, cues);
            return;
        };
        let mut cs = k;
        while cs > first && self.is_title_mod(doc, cs - 1) {
            cs -= 1;
        }
        let mut ce = k;
        while ce < last && (self.is_title(doc, ce + 1) || self.is_title_mod(doc, ce + 1)) {
            ce += 1;
        }
        // `Foreign Affairs Ministry`, `Executive Committee`: a title word inside an organisation's name.
        let mut q = ce + 1;
        while q <= last && self.is_name_word(doc, q) {
            if self.is_org_head(doc, q) {
                self.push_plain(doc, cands, first, last, cues & !C_TITLE);
                return;
            }
            q += 1;
        }
        if cs > first {
            self.push_plain(doc, cands, first, cs - 1, cues & !C_TITLE);
        }
        if ce == last {
            return;
        }
        let next = ce + 1;
        if self.is_name_word(doc, next) {
            self.push_titles(doc, cands, next, last, cues | C_TITLE);
            return;
        }
        // A connector follows the title: `Secretary of State George Shultz`, `Governor of the Bank of
        // England`, `Minister of Finance`.
        let mut r = next + 1;
        if doc.word_in(r, &["the"]) {
            r += 1;
        }
        if r > last {
            return;
        }
        let rest_is_name =
            (r..=last).any(|q| self.is_org_head(doc, q)) || self.place_of(doc, r, last).is_some();
        if !rest_is_name && r < last && self.is_name_word(doc, r + 1) && doc.word_in(next, &["of"])
        {
            // The word after `of` belongs to the title; it may still be a place (`Governor of Texas`).
            self.push_plain(doc, cands, r, r, 0);
            self.push_titles(doc, cands, r + 1, last, cues | C_TITLE);
        } else {
            self.push_titles(doc, cands, r, last, 0);
        }
    }

    fn push_plain(
        &self,
        doc: &Doc,
        cands: &mut Vec<Cand>,
        mut first: usize,
        mut last: usize,
        cues: u8,
    ) {
        while first < last && !self.is_name_word(doc, first) {
            first += 1;
        }
        while last > first && !self.is_name_word(doc, last) {
            last -= 1;
        }
        if self.is_name_word(doc, first) {
            cands.push(Cand {
                first,
                last,
                cues,
                defines: None,
            });
        }
    }
}

/// `Washington-based`, `Privately-held`: an adjective, not part of the name that follows.
fn has_adjective_suffix(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(_, s)| {
        matches!(
            s,
            "based"
                | "owned"
                | "held"
                | "controlled"
                | "run"
                | "led"
                | "born"
                | "listed"
                | "registered"
                | "made"
                | "backed"
                | "funded"
                | "bound"
                | "style"
                | "linked"
                | "oriented"
                | "level"
                | "area"
                | "wide"
                | "related"
        )
    })
}

fn single(i: usize, cues: u8) -> Cand {
    Cand {
        first: i,
        last: i,
        cues,
        defines: None,
    }
}

// ---------------------------------------------------------------------------------------------------
// Stage 3: typing

#[derive(Clone, Debug)]
enum Canon {
    /// The candidate's own text, normalised.
    Surface,
    /// A gazetteer name (`U.S.` -> `United States`).
    Static(&'static str),
    /// The canonical name of another candidate (`WHO` -> its long form, `Norov` -> `Vladimir Norov`).
    Cand(usize),
    Owned(String),
}

#[derive(Clone, Debug)]
struct Label {
    kind: EntityKind,
    /// Which rule gave the label; the highest wins when one string got several.
    prio: u8,
    canon: Canon,
}

fn label(kind: EntityKind, prio: u8, canon: Canon) -> Option<Label> {
    Some(Label { kind, prio, canon })
}

impl RuleExtractor {
    fn classify_all(&self, doc: &Doc, cands: &mut Vec<Cand>) -> Vec<Option<Label>> {
        let links: Vec<(usize, usize)> = cands
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.defines.map(|a| (a, i)))
            .collect();
        let mut labels = Vec::with_capacity(cands.len() + 8);
        let mut i = 0;
        while i < cands.len() {
            let l = self.classify(doc, cands, &links, cands[i], i);
            if l.is_none() && cands[i].cues & C_PART == 0 {
                self.split_untyped(doc, cands, i);
            }
            labels.push(l);
            i += 1;
        }
        labels
    }

    /// An untyped run is retried in pieces: at connectors (`Brazil and Argentina`, `Gulf of Mexico`) and
    /// after a leading dotted abbreviation whose dot may have ended a sentence (`... to the U.S. Japan`).
    fn split_untyped(&self, doc: &Doc, cands: &mut Vec<Cand>, i: usize) {
        let c = cands[i];
        if c.first == c.last || c.cues & C_DATELINE != 0 {
            return;
        }
        let mut parts: [(usize, usize); 8] = [(0, 0); 8];
        let mut n = 0;
        let mut start = c.first;
        if doc.s(c.first).ends_with('.') && doc.flags(c.first) & F_ALLCAPS != 0 {
            parts[0] = (c.first, c.first);
            n = 1;
            start = c.first + 1;
        }
        // Split at `and`/`&` first, so that the pieces keep their `of` (`Bank of England and Bundesbank`);
        // pieces without `and` are split at the remaining connectors if still untyped.
        let is_and = |k: usize| doc.word_in(k, &["and"]) || doc.is_punct(k, '&');
        let and_only = (start..=c.last).any(is_and);
        let cues = if and_only { 0 } else { C_PART };
        let mut piece = start;
        for k in start..=c.last + 1 {
            if k <= c.last
                && (if and_only {
                    !is_and(k)
                } else {
                    self.is_name_word(doc, k)
                })
            {
                continue;
            }
            if k > piece && n < parts.len() {
                parts[n] = (piece, k - 1);
                n += 1;
            }
            piece = k + 1;
        }
        if n < 2 {
            return;
        }
        for &(first, last) in &parts[..n] {
            self.push_plain(doc, cands, first, last, cues);
        }
    }

    /// Types candidate `c`, which is `cands[i]` (or a piece of one, with `i == usize::MAX`).
    fn classify(
        &self,
        doc: &Doc,
        cands: &[Cand],
        links: &[(usize, usize)],
        c: Cand,
        i: usize,
    ) -> Option<Label> {
        use EntityKind::{Org, Person, Place};
        let (first, last) = (c.first, c.last);
        if c.cues & C_DATELINE != 0 {
            let canon = match self.place_of(doc, first, last) {
                Some(p) => Canon::Static(p),
                None => Canon::Owned(title_case(doc, first, last)),
            };
            return label(Place, 9, canon);
        }
        if first == last && Self::is_acronym(doc, first) {
            let w = doc.s(first);
            for &(a, ci) in links {
                if ci != i && doc.s(a) == w {
                    // An empty link list: the long name's own type, without following links again.
                    if let Some(l) = self.classify(doc, cands, &[], cands[ci], ci) {
                        return label(l.kind, 8, Canon::Cand(ci));
                    }
                }
            }
            if self.org_acronyms.contains(w) {
                return label(Org, 8, Canon::Surface);
            }
            return self
                .place_of(doc, first, first)
                .and_then(|p| label(Place, 8, Canon::Static(p)));
        }
        if let Some(p) = self.place_of(doc, first, last) {
            return label(Place, 7, Canon::Static(p));
        }
        let (mut words, mut amp, mut head, mut person_ok) = (0, false, false, true);
        for k in first..=last {
            if !doc.is_word(k) {
                amp |= doc.is_punct(k, '&');
                person_ok = false;
                continue;
            }
            let f = doc.flags(k);
            if f & F_CAP == 0 {
                person_ok &= self.particles.contains(doc.s(k));
                continue;
            }
            words += 1;
            if self.is_org_head(doc, k) {
                head = true;
                person_ok = false;
            }
            if f & (F_ALLCAPS | F_DIGIT | F_NAME_END) != 0 {
                person_ok = false;
            }
        }
        if words >= 2 && !head && self.is_place_head(doc, last) {
            return label(Place, 6, Canon::Surface);
        }
        if words >= 2 && (amp || head) {
            if self.and_joins_two(doc, cands, c) {
                return None;
            }
            return label(Org, 6, Canon::Surface);
        }
        let mut buf = [0u8; KEY_MAX];
        if Self::key(doc, first, last, &mut buf).is_some_and(|k| self.org_names.contains(k)) {
            return label(Org, 6, Canon::Surface);
        }
        if !person_ok
            || words == 0
            || words > 4
            || (first..=last).any(|k| Self::in_set(&self.demonyms, doc.s(k)))
        {
            return None;
        }
        // `Pemex Japan`, `Normally Syria`, `Kansas Republican`: a place at either end is no person's name.
        if words >= 2
            && (self.place_of(doc, last, last).is_some()
                || self.place_of(doc, first, first).is_some())
        {
            return None;
        }
        if c.cues & C_TITLE != 0 {
            return label(Person, 5, Canon::Surface);
        }
        if words < 2 {
            return None;
        }
        let role_before =
            first > 0 && doc.flags(first - 1) & F_CAP == 0 && self.is_role(doc, first - 1);
        if role_before
            || Self::in_set(&self.given_names, doc.s(first))
            || self.apposition_after(doc, last)
            || self.apposition_before(doc, first, last)
        {
            return label(Person, 4, Canon::Surface);
        }
        // People are referred to by their surname alone; companies rarely by their last word.
        let surname = doc.s(last);
        if words <= 3
            && surname.len() >= 3
            && cands
                .iter()
                .any(|o| o.first == o.last && o.first != last && doc.s(o.first) == surname)
        {
            return label(Person, 3, Canon::Surface);
        }
        None
    }

    /// `Standard Oil Co and BP North America Inc`, `IMF and World Bank`, `George Bush and Treasury`: two
    /// names joined by `and`, not one (`Securities and Exchange Commission`: `Securities` alone is nothing).
    fn and_joins_two(&self, doc: &Doc, cands: &[Cand], c: Cand) -> bool {
        for k in c.first + 1..c.last {
            if !(doc.word_in(k, &["and"]) || doc.is_punct(k, '&')) {
                continue;
            }
            let half = |first, last| Cand {
                first,
                last,
                cues: C_PART,
                defines: None,
            };
            let Some(left) = self.classify(doc, cands, &[], half(c.first, k - 1), usize::MAX)
            else {
                continue;
            };
            if left.kind != EntityKind::Org
                || self
                    .classify(doc, cands, &[], half(k + 1, c.last), usize::MAX)
                    .is_some()
            {
                return true;
            }
        }
        false
    }

    fn is_place_head(&self, doc: &Doc, i: usize) -> bool {
        doc.is_word(i) && matches!(doc.s(i), "County" | "Province" | "Prefecture" | "Islands")
    }

    /// `Vladimir Norov, the Shanghai Cooperation Organization's (SCO) secretary-general, said`.
    fn apposition_after(&self, doc: &Doc, last: usize) -> bool {
        if !doc.is_punct(last + 1, ',') {
            return false;
        }
        let k = last + 2;
        if !(doc.word_in(k, &["the", "a", "an", "its", "his", "her", "their"])
            || self.is_role(doc, k))
        {
            return false;
        }
        for p in k..k + 12 {
            match doc.kind(p) {
                None | Some(Kind::Punct(',' | '.' | ';' | ':' | '"' | '“' | '”')) => {
                    return false
                }
                Some(Kind::Word) if self.is_role(doc, p) => return true,
                _ => {}
            }
        }
        false
    }

    /// `The Russian President's Special Envoy to the SCO, Bakhtier Khakimov, noted`.
    fn apposition_before(&self, doc: &Doc, first: usize, last: usize) -> bool {
        if first == 0 || !doc.is_punct(first - 1, ',') {
            return false;
        }
        let after = last + 1;
        let closed = after >= doc.toks.len()
            || doc.is_punct(after, ',')
            || doc.is_punct(after, '.')
            || doc.is_punct(after, ';')
            || doc.word_in(after, &["said", "says", "told"]);
        if !closed {
            return false;
        }
        let mut p = first - 1;
        for _ in 0..15 {
            if p == 0 {
                return false;
            }
            p -= 1;
            match doc.kind(p) {
                Some(Kind::Punct(',' | '.' | ';' | ':' | '"' | '“' | '”')) => return false,
                Some(Kind::Word) if self.is_role(doc, p) => return true,
                _ => {}
            }
            if doc.flags(p) & F_SENT != 0 {
                return false;
            }
        }
        false
    }
}

// ---------------------------------------------------------------------------------------------------
// Stage 4: consolidation

impl RuleExtractor {
    /// Gives every candidate with the same text the strongest label any of them got: `Norov` is a person
    /// everywhere in the article or nowhere. Returns each candidate's representative (first same text).
    fn one_label_per_string(
        &self,
        doc: &Doc,
        cands: &[Cand],
        labels: &mut [Option<Label>],
    ) -> Vec<usize> {
        let n = cands.len();
        let mut rep = Vec::with_capacity(n);
        let mut seen: HashMap<u64, usize, FnvBuild> =
            HashMap::with_capacity_and_hasher(n, FnvBuild::default());
        for (i, c) in cands.iter().enumerate() {
            let r = *seen.entry(surface_hash(doc, c)).or_insert(i);
            rep.push(if r == i || same_surface(doc, &cands[r], c) {
                r
            } else {
                i
            });
        }
        for i in 0..n {
            let r = rep[i];
            if r != i && prio(&labels[i]) > prio(&labels[r]) {
                labels[r] = labels[i].clone();
            }
        }
        for i in 0..n {
            let r = rep[i];
            if r != i {
                labels[i] = labels[r].clone();
            }
        }
        rep
    }

    /// A single capitalised word equal to the last word of a person named in full elsewhere in the article
    /// is that person (`Norov said` -> `Vladimir Norov`), never an entity of its own.
    fn resolve_surnames(&self, doc: &Doc, cands: &[Cand], labels: &mut [Option<Label>]) {
        let mut persons: Vec<(&str, usize)> = Vec::new();
        for (i, c) in cands.iter().enumerate() {
            if let Some(Label {
                kind: EntityKind::Person,
                canon: Canon::Surface,
                ..
            }) = labels[i]
            {
                if c.first != c.last && !persons.iter().any(|p| p.0 == doc.s(c.last)) {
                    persons.push((doc.s(c.last), i));
                }
            }
        }
        if persons.is_empty() {
            return;
        }
        for (i, c) in cands.iter().enumerate() {
            let open = match &labels[i] {
                None => true,
                Some(l) => l.kind == EntityKind::Person,
            };
            if c.first != c.last || !open {
                continue;
            }
            let w = doc.s(c.first);
            if let Some(&(_, p)) = persons.iter().find(|p| p.0 == w && p.1 != i) {
                labels[i] = label(EntityKind::Person, 5, Canon::Cand(p));
            }
        }
    }

    /// Last resort: `in Bahia`. Only for a single title-case word nothing else typed, and not when the
    /// article itself says otherwise: the word is used as a speaker or owner elsewhere (`Westpac said`,
    /// `Westpac's`), is part of a longer name (`Westpac Banking Corp`), or is written in lower case too
    /// (`in Sterling`, `sterling`). `at` and `from` are left out: in Reuters they mostly precede companies
    /// (`an analyst at Donaldson`, `a bid from Harris`).
    fn preposition_places(
        &self,
        doc: &Doc,
        cands: &[Cand],
        labels: &mut [Option<Label>],
        rep: &[usize],
    ) {
        for (i, c) in cands.iter().enumerate() {
            if labels[i].is_some() || c.first != c.last || c.first == 0 {
                continue;
            }
            let f = doc.flags(c.first);
            let w = doc.s(c.first);
            if f & (F_ALLCAPS | F_SENT) != 0
                || !doc.word_in(c.first - 1, &["in", "at", "from"])
                || w.chars().count() < 3
                || w.contains('-')
                || Self::in_set(&self.given_names, w)
                || Self::in_set(&self.demonyms, w)
                || ["an", "ese", "ish", "ern", "al"]
                    .iter()
                    .any(|s| w.ends_with(s))
            {
                continue;
            }
            let actor = (0..doc.toks.len()).any(|p| {
                let same = doc.s(p);
                if same.eq_ignore_ascii_case(w) && doc.flags(p) & F_CAP == 0 {
                    return true;
                }
                same == w
                    && (doc.word_in(
                        p + 1,
                        &["said", "says", "say", "told", "reported", "announced"],
                    ) || self.is_name_word(doc, p + 1)
                        || (p > 0 && self.is_name_word(doc, p - 1))
                        || doc.kind(p + 1) == Some(Kind::Possessive))
            });
            if actor {
                continue;
            }
            let r = rep[i];
            for (j, l) in labels.iter_mut().enumerate() {
                if rep[j] == r {
                    *l = label(EntityKind::Place, 1, Canon::Surface);
                }
            }
        }
    }

    fn spans(&self, doc: &Doc, cands: &[Cand], labels: &[Option<Label>]) -> Vec<Span> {
        let mut out: Vec<Span> = cands
            .iter()
            .zip(labels)
            .enumerate()
            .filter_map(|(i, (c, l))| {
                let l = l.as_ref()?;
                Some(Span {
                    start: doc.toks[c.first].start,
                    end: doc.toks[c.last].end,
                    kind: l.kind,
                    canonical: canonical(doc, cands, labels, i, 0),
                })
            })
            .collect();
        out.sort_by_key(|s| s.start);
        out
    }
}

fn prio(l: &Option<Label>) -> u8 {
    l.as_ref().map_or(0, |l| l.prio)
}

fn surface<'t>(doc: &Doc<'t>, c: &Cand) -> &'t str {
    let (s, e) = (doc.toks[c.first].start, doc.toks[c.last].end);
    doc.text.get(s..e).unwrap_or("")
}

fn surface_hash(doc: &Doc, c: &Cand) -> u64 {
    let mut h = Fnv::default();
    for w in surface(doc, c).split_whitespace() {
        h.write(w.as_bytes());
        h.write(b" ");
    }
    h.finish()
}

fn same_surface(doc: &Doc, a: &Cand, b: &Cand) -> bool {
    surface(doc, a)
        .split_whitespace()
        .eq(surface(doc, b).split_whitespace())
}

fn canonical(doc: &Doc, cands: &[Cand], labels: &[Option<Label>], i: usize, depth: u8) -> String {
    match labels.get(i).and_then(Option::as_ref).map(|l| &l.canon) {
        Some(Canon::Static(s)) => (*s).to_string(),
        Some(Canon::Owned(s)) => s.clone(),
        Some(Canon::Cand(j)) if depth < 3 => canonical(doc, cands, labels, *j, depth + 1),
        _ => normalize(surface(doc, &cands[i])),
    }
}

/// Collapses whitespace (names wrap across lines in Reuters bodies) and strips trailing punctuation.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    while out.ends_with(['.', ',', ';', ':', '-', '\'', '’', '"']) {
        out.pop();
    }
    out
}

/// `NEW YORK` -> `New York`, for datelines the gazetteer does not know.
fn title_case(doc: &Doc, first: usize, last: usize) -> String {
    let mut out = String::new();
    for k in first..=last {
        if !out.is_empty() {
            out.push(' ');
        }
        for (n, ch) in doc.s(k).chars().enumerate() {
            if n == 0 {
                out.extend(ch.to_uppercase());
            } else {
                out.extend(ch.to_lowercase());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{collect, Entity};

    const SAMPLE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/sample/000_44df0e79d50f69af.txt"
    ));

    fn entities(text: &str) -> Vec<Entity> {
        let x = RuleExtractor::new();
        collect(text, &x.extract(text))
    }

    fn names(text: &str) -> Vec<(EntityKind, String)> {
        let mut v: Vec<_> = entities(text)
            .into_iter()
            .map(|e| (e.kind, e.name))
            .collect();
        v.sort();
        v
    }

    fn has(text: &str, kind: EntityKind, name: &str) -> bool {
        names(text).iter().any(|(k, n)| *k == kind && n == name)
    }

    #[test]
    fn sample_article() {
        use EntityKind::{Org, Person, Place};
        let got = entities(SAMPLE);
        let mut kinds: Vec<(EntityKind, &str)> =
            got.iter().map(|e| (e.kind, e.name.as_str())).collect();
        kinds.sort();
        assert_eq!(
            kinds,
            vec![
                (Org, "SCO Secretariat"),
                (Org, "Shanghai Cooperation Organization"),
                (Org, "World Health Organization"),
                (Person, "Bakhtier Khakimov"),
                (Person, "Vladimir Norov"),
                (Place, "St. Petersburg"),
            ],
            "{got:#?}"
        );
        let find = |name: &str| {
            got.iter()
                .find(|e| e.name == name)
                .map(|e| (e.aliases.clone(), e.mentions))
        };
        assert_eq!(
            find("Shanghai Cooperation Organization"),
            Some((vec!["SCO".to_string()], 10))
        );
        assert_eq!(
            find("World Health Organization"),
            Some((vec!["WHO".to_string()], 3))
        );
        assert_eq!(find("Vladimir Norov"), Some((vec!["Norov".to_string()], 3)));
        assert_eq!(
            find("Bakhtier Khakimov"),
            Some((vec!["Khakimov".to_string()], 2))
        );
    }

    #[test]
    fn spans_point_at_the_text() {
        let x = RuleExtractor::new();
        for s in x.extract(SAMPLE) {
            let surface = &SAMPLE[s.start..s.end];
            assert!(
                !surface.is_empty() && !surface.ends_with("'s") && !surface.starts_with("the ")
            );
        }
    }

    #[test]
    fn titles_split_a_run() {
        use EntityKind::{Org, Person, Place};
        let t = "Federal Reserve Board Chairman Paul Volcker met Japanese Finance Minister Kiichi \
                 Miyazawa. U.S. President Ronald Reagan agreed. Later Mr. Volcker left for Tokyo.";
        assert_eq!(
            names(t),
            vec![
                (Org, "Federal Reserve Board".into()),
                (Person, "Kiichi Miyazawa".into()),
                (Person, "Paul Volcker".into()),
                (Person, "Ronald Reagan".into()),
                (Place, "Tokyo".into()),
                (Place, "United States".into()),
            ]
        );
    }

    #[test]
    fn reuters_dateline_and_headline() {
        let t = "BAHIA COCOA REVIEW\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia \
                 cocoa zone. Buyers were the U.S., Argentina and Uruguay.\nReuter\n";
        assert_eq!(
            names(t),
            vec![
                (EntityKind::Place, "Argentina".into()),
                (EntityKind::Place, "Salvador".into()),
                (EntityKind::Place, "United States".into()),
                (EntityKind::Place, "Uruguay".into()),
            ]
        );
    }

    #[test]
    fn connected_names() {
        let t =
            "The Bank of England and the Organization of Petroleum Exporting Countries (OPEC) met \
                 in New\nYork. Brazil and Argentina agreed. Later OPEC said so.";
        let e = entities(t);
        let opec = e
            .iter()
            .find(|e| e.name == "Organization of Petroleum Exporting Countries");
        assert_eq!(opec.map(|e| e.mentions), Some(3));
        assert!(has(t, EntityKind::Org, "Bank of England"));
        assert!(has(t, EntityKind::Place, "New York"));
        assert!(has(t, EntityKind::Place, "Brazil"));
        assert!(has(t, EntityKind::Place, "Argentina"));
    }

    #[test]
    fn common_words_are_not_entities() {
        let t = "According to officials, There was a test. In March, We said It would. The Russian side \
                 agreed on Wednesday. President said nothing.";
        assert_eq!(names(t), vec![]);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let x = RuleExtractor::new();
        for t in [
            "",
            "(",
            "A",
            "'s",
            "’s’s",
            "Mr.",
            "U.",
            "(ABC)",
            "Foo Bar (FB",
            "é É ÉÉ",
            "\u{0}\u{1}",
            "X, Jan 1 -",
            "AB (AB) AB",
            "of of of",
            "& & &",
            "St. St. St.",
        ] {
            let spans = x.extract(t);
            for s in spans {
                assert!(t.get(s.start..s.end).is_some());
            }
        }
        let long = "Ab ".repeat(10_000) + &"Ç".repeat(100);
        let _ = x.extract(&long);
    }
}
