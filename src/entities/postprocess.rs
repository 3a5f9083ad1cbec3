//! The per-article rule pass: from tagged tokens to canonical spans.
//!
//! Brief overview. [`spans`] reads the tagger's IOB2 tags as [`Mention`]s (token ranges with a type)
//! and rewrites them in article order of concerns:
//!
//! 1. **Company names**: a "person" ending in `Corp`, `Co`, `Inc`, `Bank`, ... is an organisation;
//!    `Standard` and `Poor's Corp` are one (`Standard and Poor's Corp`).
//! 2. **Trim**: a leading `the`, a leading title (`Representative`; not `Prince`) and a trailing `'s`
//!    are not part of a name; a mention made only of words that are never a name alone (`Inc`,
//!    `Nine`, `mths`, single letters: `NOT_NAMES` in `postprocess/lists.rs`) is dropped.
//! 3. **Title cues**: a name after `Mr.`/`President`/`Minister`, or followed by an apposition with a
//!    role (`Vladimir Norov, the SCO's secretary-general`), is a person whatever the tagger said; a
//!    capitalised name the tagger missed after `Mr.` is added.
//! 4. **Acronyms**: `Long Name (ACR)`, also `Long Name's (ACR)`, makes `ACR` an alias of the long name
//!    when its letters are the name's initials; every mention of `ACR` in the article then carries the
//!    long name, and untagged ones are added.
//! 5. **One label per string**: all mentions of one surface string get the type most of them had.
//! 6. **Short forms**: a one-word person (`Norov`) that ends or starts a longer person name of the
//!    article (`Vladimir Norov`) resolves to it, and becomes a person if the tagger said otherwise;
//!    a one-word organisation, or a person no title cued, that starts a longer organisation outside a
//!    headline (`Moody`, `Moody's Investors Service`; `Chrysler`, `Chrysler Corp`) resolves to it.
//! 7. **Canonical names**: whitespace collapsed, headline capitals title-cased (or matched to the
//!    article's own spelling), a few country spellings unified (`U.S.` -> `United States`) and made
//!    places whatever the tagger said.
//!
//! MISC mentions take part in voting but never become spans: they are not facets.
//!
//! Why rules after a statistical tagger: the tagger sees one sentence; these facts are about the
//! whole article, and they are what facets need (one entity, one name).

mod lists;

use super::tagger::{NerType, Tag};
use super::tokenize::Tokens;
use super::{EntityKind, Span};
use lists::{
    HONORIFICS, KEPT_TITLES, LEGAL_FORMS, MINOR, NOT_NAMES, ORG_HEADS, PLACE_NAMES, ROLES, TITLES,
};

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

    fn lower_in(&self, i: usize, list: &[&str]) -> bool {
        let t = self.tok(i);
        t.len() <= 24 && list.iter().any(|w| w.eq_ignore_ascii_case(t))
    }

    /// The mention's text, whitespace collapsed.
    fn surface(&self, m: &Mention) -> String {
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
        s
    }

    /// The sentence (token range) that holds token `i`.
    fn sentence_of(&self, i: usize) -> Option<(u32, u32)> {
        let s = &self.tokens.sentences;
        let k = s.partition_point(|&(_, b)| b as usize <= i);
        s.get(k).copied().filter(|&(a, _)| a as usize <= i)
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
    let doc = Doc { text, tokens };
    let n = tags.len().min(tokens.tokens.len());
    let mut ms = mentions(&tags[..n]);
    join_firm_names(&doc, &mut ms);
    org_heads(&doc, &mut ms);
    trim(&doc, &mut ms);
    title_cues(&doc, &mut ms);
    acronyms(&doc, &mut ms);
    // Mentions keep their token ranges from here on: their surfaces are computed once.
    let surfaces: Vec<String> = ms.iter().map(|m| doc.surface(m)).collect();
    one_label_per_string(&mut ms, &surfaces);
    short_forms(&doc, &mut ms);
    // `refers_to` indexes `ms` as built; sort the spans, not the mentions.
    let mut out = finish(&doc, &ms, &surfaces);
    out.sort_by_key(|s| (s.start, s.end));
    out
}

fn trim(doc: &Doc, ms: &mut Vec<Mention>) {
    for m in ms.iter_mut() {
        while m.end > m.first && matches!(doc.tok(m.first), "the" | "The" | "THE") {
            m.first += 1;
        }
        // `Representative Clayton Yeutter` is Clayton Yeutter, a person for sure; a royal title
        // stays (`Prince Charles`).
        while m.ty == NerType::Per
            && m.end - m.first > 1
            && doc.lower_in(m.first, TITLES)
            && !doc.lower_in(m.first, KEPT_TITLES)
        {
            m.first += 1;
            m.cued = true;
        }
        while m.end > m.first && matches!(doc.tok(m.end - 1), "'s" | "'S" | "," | "." | "\"" | "'")
        {
            m.end -= 1;
        }
    }
    ms.retain(|m| m.end > m.first && !only_not_names(doc, m));
}

/// Whether every token of `m` is a word that is never a name on its own ([`NOT_NAMES`]), a single
/// character (`P and O` tagged as `O`) or punctuation; or `m` is a person made only of initials
/// (`E.F.` of `E.F. Hutton`, `U.` of a `U.S.` cut at a line end).
fn only_not_names(doc: &Doc, m: &Mention) -> bool {
    // (`U.S.` and the like are places, whatever the tag: see `finish`.)
    let initials = |t: &str| {
        t.contains('.')
            && t.chars().all(|c| c == '.' || c.is_uppercase())
            && t.len() <= 6
            && !PLACE_NAMES.iter().any(|(a, _)| *a == t)
    };
    (m.first..m.end).all(|i| {
        let t = doc.tok(i);
        t.chars().count() <= 1
            || !t.chars().any(char::is_alphanumeric)
            || doc.lower_in(i, NOT_NAMES)
            || (m.ty == NerType::Per && initials(t))
    })
}

fn title_cues(doc: &Doc, ms: &mut Vec<Mention>) {
    let n = doc.tokens.tokens.len();
    let mut added = Vec::new();
    for m in ms.iter_mut() {
        // (Not a company: `Chairman Acme Corp` is no one's name.)
        let before = m
            .first
            .checked_sub(1)
            .is_some_and(|i| doc.lower_in(i, TITLES))
            && !doc.lower_in(m.end - 1, ORG_HEADS);
        if before {
            // `President Putin`, but not `President of Russia` and not `the Minister` of something.
            m.ty = NerType::Per;
            m.cued = true;
            continue;
        }
        let namelike = || {
            (2..=3).contains(&(m.end - m.first))
                && (m.first..m.end).all(|i| {
                    let t = doc.tok(i).as_bytes();
                    t.len() > 1
                        && t[0].is_ascii_uppercase()
                        && t[1..].iter().all(u8::is_ascii_lowercase)
                        && !doc.lower_in(i, ORG_HEADS)
                })
        };
        if m.ty != NerType::Per
            && (apposition_after(doc, m.end) || apposition_before(doc, m.first))
            && namelike()
        {
            m.ty = NerType::Per;
            m.cued = true;
        }
    }
    // A capitalised name right after an honorific that the tagger left untagged. This loop visits
    // every token of the article: look at the bytes first, compare strings only for the few
    // tokens that can be an honorific (2-4 bytes, starting with m, d or s).
    for (i, t) in doc.tokens.tokens.iter().enumerate() {
        let len = t.end.wrapping_sub(t.start);
        if !(2..=4).contains(&len)
            || !matches!(
                doc.text.as_bytes()[t.start as usize] | 0x20,
                b'm' | b'd' | b's'
            )
            || !doc.lower_in(i, HONORIFICS)
        {
            continue;
        }
        let first = i + 1;
        if ms.iter().any(|m| m.first <= first && first < m.end) {
            continue;
        }
        let mut end = first;
        while end < n && end < first + 3 && doc.is_cap(end) && doc.tok(end).len() > 1 {
            end += 1;
        }
        if end > first {
            added.push(Mention {
                first,
                end,
                ty: NerType::Per,
                refers_to: None,
                cued: true,
            });
        }
    }
    ms.extend(added);
    ms.sort_by_key(|m| m.first);
}

/// `Standard and Poor's Corp`: the tagger makes two or three organisations of a firm named after two
/// people (`Standard`, `Poor`, `Corp.`), or leaves the first name out. An organisation whose first
/// word is a possessive (`Poor 's`) right after `and` or `&` and a capitalised word is one name with
/// that word, and takes in the legal form after the possessive. (`Ford and General Motors Corp`
/// stay two: no possessive.)
fn join_firm_names(doc: &Doc, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k < ms.len() {
        let b = &ms[k];
        let firm = b.ty == NerType::Org
            && b.first >= 2
            && matches!(doc.tok(b.first - 1), "and" | "&")
            && doc.is_cap(b.first - 2)
            && matches!(doc.tok(b.first + 1), "'s" | "'S");
        if !firm {
            k += 1;
            continue;
        }
        let mut end = b.end.max(b.first + 2);
        while end < doc.tokens.tokens.len() && doc.lower_in(end, LEGAL_FORMS) {
            end += 1;
        }
        // The first name: the mention that ends there (whatever the tagger called it), or the
        // untagged word.
        let joins_previous = k > 0 && ms[k - 1].end >= b.first - 1;
        let first = if joins_previous {
            ms[k - 1].first
        } else {
            b.first - 2
        };
        // Mentions the joined name now covers (a separately tagged `Corp.`) are part of it.
        let mut last = k + 1;
        while last < ms.len() && ms[last].first < end {
            last += 1;
        }
        let start = if joins_previous { k - 1 } else { k };
        ms[start] = Mention {
            first,
            end,
            ty: NerType::Org,
            refers_to: None,
            cued: false,
        };
        ms.drain(start + 1..last);
        k = start + 1;
    }
}

/// A person's name does not end in a word that heads organisations: the tagger calls company names
/// people (`Chrysler Corp`, `General Electric Co`, `Drexel Burnham Lambert Inc`). Only the last word:
/// `Central Bank President Wim Duisenberg` is a person the tagger ran into an organisation. Runs on
/// the tagger's output, before any cue.
fn org_heads(doc: &Doc, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        if m.ty == NerType::Per && doc.lower_in(m.end - 1, ORG_HEADS) {
            m.ty = NerType::Org;
        }
    }
}

/// `, the SCO's secretary-general,`: a role noun within a short apposition after the name.
fn apposition_after(doc: &Doc, end: usize) -> bool {
    if doc.tok(end) != "," {
        return false;
    }
    for i in end + 1..(end + 9).min(doc.tokens.tokens.len()) {
        let t = doc.tok(i);
        if matches!(t, "," | "." | ";" | "said" | "says") {
            return false;
        }
        if doc.lower_in(i, ROLES) && !doc.is_cap(i) {
            return true;
        }
    }
    false
}

/// `the Russian President's Special Envoy to the SCO, Bakhtier Khakimov`: a role shortly before the
/// comma that opens the apposition.
fn apposition_before(doc: &Doc, first: usize) -> bool {
    if first == 0 || doc.tok(first - 1) != "," {
        return false;
    }
    for i in (first.saturating_sub(10)..first - 1).rev() {
        let t = doc.tok(i);
        if matches!(t, "," | "." | ";" | "\"") {
            return false;
        }
        if doc.lower_in(i, ROLES) {
            return true;
        }
    }
    false
}

/// Initials of the capitalised words of a mention (`Shanghai Cooperation Organization` -> `SCO`).
fn initials_match(doc: &Doc, m: &Mention, acr: &str) -> bool {
    let letters: Vec<u8> = acr.bytes().filter(u8::is_ascii_alphabetic).collect();
    if letters.len() < 2 {
        return false;
    }
    let words: Vec<&str> = (m.first..m.end)
        .map(|i| doc.tok(i))
        .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
        .collect();
    // Every word contributes its initial; minor words may be skipped.
    fn go(words: &[&str], letters: &[u8]) -> bool {
        match (words.first(), letters.first()) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(w), _) => {
                let minor = MINOR.iter().any(|x| x.eq_ignore_ascii_case(w));
                let first = w.as_bytes()[0].to_ascii_uppercase();
                let take =
                    letters.first().is_some_and(|&l| l == first) && go(&words[1..], &letters[1..]);
                take || (minor && go(&words[1..], letters))
            }
        }
    }
    go(&words, &letters)
}

fn is_acronym(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b.len() <= 8
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'.' || *c == b'&')
}

fn acronyms(doc: &Doc, ms: &mut Vec<Mention>) {
    let n = doc.tokens.tokens.len();
    // (acronym, index of the long mention)
    let mut defs: Vec<(&str, usize)> = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        if m.end - m.first < 2 {
            continue;
        }
        let mut i = m.end;
        if matches!(doc.tok(i), "'s" | "'") {
            i += 1;
        }
        if doc.tok(i) == "("
            && doc.tok(i + 2) == ")"
            && is_acronym(doc.tok(i + 1))
            && initials_match(doc, m, doc.tok(i + 1))
        {
            defs.push((doc.tok(i + 1), k));
        }
    }
    if defs.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for i in 0..n {
        let Some(&(_, long)) = defs.iter().find(|(a, _)| *a == doc.tok(i)) else {
            continue;
        };
        let ty = ms[long].ty;
        match ms.iter_mut().find(|m| m.first <= i && i < m.end) {
            // The acronym alone: it stands for the long name.
            Some(m) if m.first == i && m.end == i + 1 => {
                m.ty = ty;
                m.refers_to = Some(long);
                m.cued = true;
            }
            // Part of a longer name (`SCO Secretariat`): a name of its own, left as tagged.
            Some(_) => {}
            None => added.push(Mention {
                first: i,
                end: i + 1,
                ty,
                refers_to: Some(long),
                cued: true,
            }),
        }
    }
    // Indices in `refers_to` point into `ms` as it is: append, sort later by position.
    ms.extend(added);
}

/// Every uncued mention of a string takes the string's label: the cued one's, or else the most
/// frequent among its mentions (ties to the first mention's). Grouped by string with one sort: a
/// pairwise comparison would be quadratic in an article's mentions, and a hash map allocated a list
/// per string of every article.
fn one_label_per_string(ms: &mut [Mention], surfaces: &[String]) {
    // Mentions sorted by string, in article order within one string: each run is a group, and its
    // first member the string's first mention.
    let mut order: Vec<usize> = (0..ms.len().min(surfaces.len())).collect();
    order.sort_by(|&a, &b| surfaces[a].cmp(&surfaces[b]).then(a.cmp(&b)));
    for members in order.chunk_by(|&a, &b| surfaces[a] == surfaces[b]) {
        let mut votes = [0usize; 4];
        let mut cued = None;
        for &j in members {
            votes[ms[j].ty as usize] += 1;
            if ms[j].cued {
                cued = Some(ms[j].ty);
            }
        }
        let first = ms[members[0]].ty;
        let best = cued.unwrap_or_else(|| {
            NerType::ALL
                .into_iter()
                .max_by_key(|&t| (votes[t as usize], t == first))
                .unwrap_or(first)
        });
        for &j in members {
            if !ms[j].cued {
                ms[j].ty = best;
            }
        }
    }
}

fn short_forms(doc: &Doc, ms: &mut [Mention]) {
    // The candidates: person mentions of two or more tokens, in article order, with their first
    // and last words. Looking through these few, not every mention, for each one-word mention keeps
    // an article with hundreds of names linear.
    let fulls: Vec<(usize, &str, &str)> = ms
        .iter()
        .enumerate()
        .filter(|(_, m)| m.ty == NerType::Per && m.end - m.first >= 2)
        .map(|(j, m)| (j, doc.tok(m.first), doc.tok(m.end - 1)))
        .collect();
    // Organisations: a one-word name that starts a longer one of the article stands for it
    // (`Moody` for `Moody's Investors Service`, `Bank` for `Bank of England`). Not one that ends
    // it, and not one in a headline: the tagger runs titles, people and verbs into organisations
    // (`Exchequer Nigel Lawson`, `LAWSON CALLS INTERVENTION`).
    let headline = headline_mentions(doc, ms);
    let orgs: Vec<(usize, &str)> = ms
        .iter()
        .enumerate()
        .filter(|&(j, m)| m.ty == NerType::Org && m.end - m.first >= 2 && !headline[j])
        .map(|(j, m)| (j, doc.tok(m.first)))
        .collect();
    if fulls.is_empty() && orgs.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if m.end - m.first != 1 || m.refers_to.is_some() {
            continue;
        }
        let w = doc.tok(m.first);
        // `WHO` is no one's surname; a headline's `NOROV` of four letters or more may be.
        if is_acronym(w) && w.len() < 4 {
            continue;
        }
        // The full name: a longer person mention ending (surname) or starting (given name) with `w`;
        // the first one met in the article wins. (Only one-word mentions change type here, so the
        // candidates stay what they were.)
        let full = fulls
            .iter()
            .find(|(_, first, last)| last.eq_ignore_ascii_case(w) || first.eq_ignore_ascii_case(w));
        if let Some(&(j, _, _)) = full {
            m.ty = NerType::Per;
            m.refers_to = Some(j);
        } else if m.ty == NerType::Org || (m.ty == NerType::Per && !m.cued) {
            // (A one-word "person" no title cued, that no person's name holds but an
            // organisation's starts with, is that organisation: `Chrysler` beside `Chrysler Corp`.)
            if let Some(&(j, _)) = orgs.iter().find(|(_, first)| first.eq_ignore_ascii_case(w)) {
                m.ty = NerType::Org;
                m.refers_to = Some(j);
            }
        }
    }
}

/// For each mention, whether it stands in an upper-case sentence (a headline); worked out once per
/// sentence.
fn headline_mentions(doc: &Doc, ms: &[Mention]) -> Vec<bool> {
    let mut last: Option<((u32, u32), bool)> = None;
    ms.iter()
        .map(|m| {
            let Some((a, b)) = doc.sentence_of(m.first) else {
                return false;
            };
            if let Some((_, c)) = last.filter(|&(s, _)| s == (a, b)) {
                return c;
            }
            let c = !doc.text.as_bytes()[doc.tokens.tokens[a as usize].start as usize
                ..doc.tokens.tokens[b as usize - 1].end as usize]
                .iter()
                .any(u8::is_ascii_lowercase);
            last = Some(((a, b), c));
            c
        })
        .collect()
}

fn finish(doc: &Doc, ms: &[Mention], surfaces: &[String]) -> Vec<Span> {
    // Whether each mention stands in an upper-case sentence (a headline): `recase` asks it of
    // every mention for every headline name.
    let caps = headline_mentions(doc, ms);
    let mut out = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        let Some(mut kind) = m.ty.kind() else {
            continue;
        };
        // `U.K.` and `U.S.` are places whatever a headline made the tagger think (`U.K. MONEY
        // MARKET SHORTAGE`): a country's spelling is never an organisation's or a person's name.
        if kind != EntityKind::Place
            && PLACE_NAMES
                .iter()
                .any(|(a, b)| *a == surfaces[k] || *b == surfaces[k])
        {
            kind = EntityKind::Place;
        }
        let mut target = k;
        for _ in 0..4 {
            match ms[target].refers_to {
                Some(j) if j != target => target = j,
                _ => break,
            }
        }
        let mut canonical = surfaces[target].clone();
        if caps[target] {
            canonical = recase(&canonical, surfaces, &caps);
        }
        if kind == EntityKind::Place {
            if let Some(&(_, c)) = PLACE_NAMES.iter().find(|(a, _)| *a == canonical) {
                canonical = c.to_string();
            }
        }
        let (Some(a), Some(b)) = (
            doc.tokens.tokens.get(m.first),
            doc.tokens.tokens.get(m.end - 1),
        ) else {
            continue;
        };
        out.push(Span {
            start: a.start as usize,
            end: b.end as usize,
            kind,
            canonical,
        });
    }
    out
}

/// A name from a headline: the article's own spelling if it has one, else title case (acronyms kept).
fn recase(name: &str, surfaces: &[String], caps: &[bool]) -> String {
    if let Some((s, _)) = surfaces
        .iter()
        .zip(caps)
        .find(|(s, &c)| !c && s.eq_ignore_ascii_case(name))
    {
        return s.clone();
    }
    name.split(' ')
        .map(|w| {
            if w.len() <= 3 || w.contains('.') {
                return w.to_string();
            }
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                out.push(if start { c } else { c.to_ascii_lowercase() });
                start = matches!(c, '-' | '\'');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    //! The rule pass on small hand-written texts, with the tagger's output given by hand: these pin the
    //! rules, whatever a retrained model does.
    use super::*;
    use crate::entities::{collect, Entity};

    /// Tokenises `text` and tags the tokens listed in `tagged` (surface, tag), the rest `O`. A name of
    /// several tokens is given token by token, `B-` then `I-`.
    fn run(text: &str, tagged: &[(&str, &str)]) -> Vec<Entity> {
        let mut tokens = Tokens::default();
        tokens.fill(text);
        let mut tags = vec![Tag::O; tokens.tokens.len()];
        let mut from = 0;
        for &(word, tag) in tagged {
            let i = (from..tokens.tokens.len())
                .find(|&i| tokens.tokens[i].as_str(text) == word)
                .unwrap_or_else(|| panic!("no token {word:?} after token {from}"));
            tags[i] = Tag::parse(tag).unwrap();
            from = i + 1;
        }
        collect(text, &spans(text, &tokens, &tags))
    }

    fn names(es: &[Entity]) -> Vec<(EntityKind, &str, Vec<&str>)> {
        es.iter()
            .map(|e| {
                (
                    e.kind,
                    e.name.as_str(),
                    e.aliases.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn acronym_after_possessive_long_name() {
        let text =
            "Talks opened at the Baltic Trade Council's (BTC) office. Later the BTC said no.";
        let es = run(
            text,
            &[
                ("Baltic", "B-ORG"),
                ("Trade", "I-ORG"),
                ("Council", "I-ORG"),
                ("BTC", "B-ORG"),
            ],
        );
        // The second `BTC` was not tagged: it is added, as an alias of the long name.
        assert_eq!(
            names(&es),
            vec![(EntityKind::Org, "Baltic Trade Council", vec!["BTC"])]
        );
        assert_eq!(es[0].mentions, 3);
    }

    #[test]
    fn acronym_needs_matching_initials() {
        let text = "The Baltic Trade Council (XYZ) met.";
        let es = run(
            text,
            &[
                ("Baltic", "B-ORG"),
                ("Trade", "I-ORG"),
                ("Council", "I-ORG"),
                ("XYZ", "B-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![
                (EntityKind::Org, "Baltic Trade Council", vec![]),
                (EntityKind::Org, "XYZ", vec![])
            ]
        );
        // Minor words may be skipped: `Bank of Ruritania (BR)`, but also `(BOR)`.
        let es = run(
            "The Bank of Ruritania (BOR) cut rates.",
            &[
                ("Bank", "B-ORG"),
                ("of", "I-ORG"),
                ("Ruritania", "I-ORG"),
                ("BOR", "B-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Org, "Bank of Ruritania", vec!["BOR"])]
        );
    }

    #[test]
    fn leading_the_and_trailing_possessive_are_dropped() {
        let text = "The Ruritanian Grain Board's harvest fell.";
        let es = run(
            text,
            &[
                ("The", "B-ORG"),
                ("Ruritanian", "I-ORG"),
                ("Grain", "I-ORG"),
                ("Board", "I-ORG"),
                ("'s", "I-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Org, "Ruritanian Grain Board", vec![])]
        );
    }

    #[test]
    fn short_form_resolves_to_the_full_name() {
        // The tagger called the lone surname an organisation: the full name met earlier wins.
        let text = "Tomas Veldkamp arrived on Monday. Veldkamp said little, and Veldkamp left.";
        let es = run(
            text,
            &[
                ("Tomas", "B-PER"),
                ("Veldkamp", "I-PER"),
                ("Veldkamp", "B-ORG"),
                ("Veldkamp", "B-PER"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Person, "Tomas Veldkamp", vec!["Veldkamp"])]
        );
        assert_eq!(es[0].mentions, 3);
    }

    #[test]
    fn titles_cue_people() {
        let text =
            "President Ola Brandt met Mr. Kuusk. Hanna Lind, the bank's chief economist, agreed.";
        let es = run(
            text,
            &[
                ("Ola", "B-ORG"),
                ("Brandt", "I-ORG"),
                ("Hanna", "B-LOC"),
                ("Lind", "I-LOC"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![
                (EntityKind::Person, "Ola Brandt", vec![]),
                (EntityKind::Person, "Kuusk", vec![]),
                (EntityKind::Person, "Hanna Lind", vec![]),
            ]
        );
    }

    #[test]
    fn one_label_per_string() {
        let text = "Aldmoor beat Kestrel. Fans of Aldmoor cheered, and Aldmoor fans sang.";
        let es = run(
            text,
            &[
                ("Aldmoor", "B-ORG"),
                ("Kestrel", "B-ORG"),
                ("Aldmoor", "B-LOC"),
                ("Aldmoor", "B-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![
                (EntityKind::Org, "Aldmoor", vec![]),
                (EntityKind::Org, "Kestrel", vec![])
            ]
        );
        assert_eq!(es[0].mentions, 3);
    }

    #[test]
    fn headline_names_take_the_body_spelling() {
        let text = "VELDKAMP QUITS AS TALKS FAIL\n\nTomas Veldkamp, the minister, quit.";
        let es = run(
            text,
            &[
                ("VELDKAMP", "B-PER"),
                ("Tomas", "B-PER"),
                ("Veldkamp", "I-PER"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Person, "Tomas Veldkamp", vec!["VELDKAMP"])]
        );
    }

    #[test]
    fn table_words_legal_forms_and_letters_alone_are_not_names() {
        let text = "Nine mths\nShr 1.20 dlrs vs 1.10 dlrs\nThe unit of Acme Inc and P and O rose.";
        let es = run(
            text,
            &[
                ("Nine", "B-PER"),
                ("mths", "I-PER"),
                ("Inc", "B-ORG"),
                ("O", "B-ORG"),
            ],
        );
        assert_eq!(names(&es), vec![]);
        // A person of initials only.
        let es = run("E.F. Hutton said so.", &[("E.F.", "B-PER")]);
        assert_eq!(names(&es), vec![]);
        // A title-case headline's verbs, ordinals and months.
        let es = run(
            "Acme Sets 4th Qtr Loss Jan 5",
            &[
                ("Sets", "B-ORG"),
                ("4th", "B-ORG"),
                ("Qtr", "B-PER"),
                ("Loss", "I-PER"),
                ("Jan", "B-PER"),
            ],
        );
        assert_eq!(names(&es), vec![]);
        // A legal form inside a name is part of it.
        let es = run("Acme Inc rose.", &[("Acme", "B-ORG"), ("Inc", "I-ORG")]);
        assert_eq!(names(&es), vec![(EntityKind::Org, "Acme Inc", vec![])]);
    }

    #[test]
    fn a_one_word_org_stands_for_the_longer_name_it_starts() {
        let text = "Moody's Investors Service Inc cut the rating. Moody said the debt was risky.";
        let es = run(
            text,
            &[
                ("Moody", "B-ORG"),
                ("'s", "I-ORG"),
                ("Investors", "I-ORG"),
                ("Service", "I-ORG"),
                ("Inc", "I-ORG"),
                ("Moody", "B-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(
                EntityKind::Org,
                "Moody's Investors Service Inc",
                vec!["Moody"]
            )]
        );
    }

    #[test]
    fn a_one_word_person_that_starts_a_companys_name_is_that_company() {
        let text = "Chrysler Corp said sales rose. Chrysler said it would hire.";
        let es = run(
            text,
            &[
                ("Chrysler", "B-ORG"),
                ("Corp", "I-ORG"),
                ("Chrysler", "B-PER"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Org, "Chrysler Corp", vec!["Chrysler"])]
        );
        // Not a person a title names: `Mr. Ford` stays a person beside `Ford Motor Co`.
        let text = "Ford Motor Co rose. Mr. Ford said so.";
        let es = run(
            text,
            &[
                ("Ford", "B-ORG"),
                ("Motor", "I-ORG"),
                ("Co", "I-ORG"),
                ("Ford", "B-PER"),
            ],
        );
        assert!(es
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Ford"));
    }

    #[test]
    fn a_headline_org_does_not_swallow_a_body_name() {
        let text = "LAWSON CALLS INTERVENTION\n\nLawson said sterling was steady.";
        let es = run(
            text,
            &[
                ("LAWSON", "B-ORG"),
                ("CALLS", "I-ORG"),
                ("INTERVENTION", "I-ORG"),
                ("Lawson", "B-ORG"),
            ],
        );
        let lawson = es.iter().find(|e| e.name == "Lawson").expect("Lawson kept");
        assert!(lawson.aliases.is_empty());
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn company_names_are_not_people() {
        let es = run(
            "Chrysler Corp said sales rose.",
            &[("Chrysler", "B-PER"), ("Corp", "I-PER")],
        );
        assert_eq!(names(&es), vec![(EntityKind::Org, "Chrysler Corp", vec![])]);
        // A person the tagger ran into an organisation stays a person: only the last word counts.
        let es = run(
            "Central Bank President Wim Duisenberg spoke.",
            &[
                ("Central", "B-PER"),
                ("Bank", "I-PER"),
                ("President", "I-PER"),
                ("Wim", "I-PER"),
                ("Duisenberg", "I-PER"),
            ],
        );
        assert_eq!(es[0].kind, EntityKind::Person);
    }

    #[test]
    fn a_leading_title_is_not_part_of_a_persons_name() {
        let es = run(
            "Representative Clayton Yeutter said so.",
            &[
                ("Representative", "B-PER"),
                ("Clayton", "I-PER"),
                ("Yeutter", "I-PER"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Person, "Clayton Yeutter", vec![])]
        );
        // A royal title is part of the name.
        let es = run(
            "Prince Charles visited.",
            &[("Prince", "B-PER"), ("Charles", "I-PER")],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Person, "Prince Charles", vec![])]
        );
    }

    #[test]
    fn country_spellings_are_places_whatever_the_tag() {
        let es = run(
            "The U.K. money market had a shortage.",
            &[("U.K.", "B-ORG")],
        );
        assert_eq!(
            names(&es),
            vec![(EntityKind::Place, "Britain", vec!["U.K."])]
        );
    }

    #[test]
    fn a_firm_named_after_two_people_is_one_organisation_however_tagged() {
        // As the tagger really tags it: three pieces, or the first name left out.
        for tagged in [
            &[("Standard", "B-ORG"), ("Poor", "B-ORG"), ("Corp.", "B-ORG")][..],
            &[("Poor", "B-ORG"), ("'s", "I-ORG"), ("Corp.", "I-ORG")][..],
        ] {
            let es = run("Standard and Poor's Corp. rates them AA.", tagged);
            assert_eq!(
                names(&es),
                vec![(EntityKind::Org, "Standard and Poor's Corp.", vec![])]
            );
        }
    }

    #[test]
    fn a_firm_named_after_two_people_is_one_organisation() {
        let text = "Standard and Poor's Corp cut the rating. Ford and General Motors Corp rose.";
        let es = run(
            text,
            &[
                ("Standard", "B-ORG"),
                ("Poor", "B-ORG"),
                ("'s", "I-ORG"),
                ("Corp", "I-ORG"),
                ("Ford", "B-ORG"),
                ("General", "B-ORG"),
                ("Motors", "I-ORG"),
                ("Corp", "I-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![
                (EntityKind::Org, "Standard and Poor's Corp", vec![]),
                (EntityKind::Org, "Ford", vec![]),
                (EntityKind::Org, "General Motors Corp", vec![]),
            ]
        );
    }
}
