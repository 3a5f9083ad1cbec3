//! Steps 4 to 6 of the rule pass: acronyms, one label per string, and short forms that stand for a
//! longer name of the article.

use std::borrow::Cow;

use super::lists::{List, MINOR};
use super::{Doc, Mention};
use crate::entities::tagger::NerType;

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

pub(super) fn acronyms(doc: &Doc, ms: &mut Vec<Mention>) {
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
pub(super) fn one_label_per_string(ms: &mut [Mention], surfaces: &[Cow<str>]) {
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

/// `headline[k]`: whether mention `k` stands in a headline ([`super::naming::headline_mentions`]).
pub(super) fn short_forms(doc: &Doc, ms: &mut [Mention], headline: &[bool]) {
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
    // (`Moody` for `Moody's Investors Service`, `Bank` for `Bank of England`). Not one in a
    // headline, and not one that ends it: the tagger runs titles, people and verbs into
    // organisations (`Exchequer Nigel Lawson`, `LAWSON CALLS INTERVENTION`). Except a word that
    // heads organisations, when only one of the article's ends in it (`the Commission` of a story
    // about the `EC Commission`, `the Bank` beside the `World Bank`).
    // (Index, first token, end): the mentions change below, their ranges do not.
    let orgs: Vec<(usize, usize, usize)> = ms
        .iter()
        .enumerate()
        .filter(|&(j, m)| m.ty == NerType::Org && m.end - m.first >= 2 && !headline[j])
        .map(|(j, m)| (j, m.first, m.end))
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
            if let Some(&(j, _, _)) = orgs
                .iter()
                .find(|&&(_, first, _)| doc.tok(first).eq_ignore_ascii_case(w))
            {
                m.ty = NerType::Org;
                m.refers_to = Some(j);
            } else if m.ty == NerType::Org && doc.lower_in(m.first, List::OrgHeads) {
                m.refers_to = the_one_ending_in(doc, &orgs, w);
            }
        }
    }
    // Longer "people" the same way: a name of two or more words no title cued that starts a longer
    // organisation of the article is that organisation (`E.F. Hutton` beside `E.F. Hutton Group
    // Inc`, `Smith Barney` beside `Smith Barney, Harris Upham and Co`). Not an organisation that
    // starts a longer one: the tagger runs names into titles (`Bank of Japan Governor Satoshi
    // Sumita`), and `European Community` is not the `European Community Commission`.
    for k in 0..ms.len() {
        let m = &ms[k];
        let len = m.end - m.first;
        if len < 2 || m.refers_to.is_some() || headline[k] || m.ty != NerType::Per || m.cued {
            continue;
        }
        let starts = |o: &Mention| {
            o.end - o.first > len
                && (0..len).all(|t| {
                    doc.tok(m.first + t)
                        .eq_ignore_ascii_case(doc.tok(o.first + t))
                })
        };
        let first = doc.tok(m.first);
        if let Some(&(j, _, _)) = orgs
            .iter()
            .find(|&&(j, f, _)| doc.tok(f).eq_ignore_ascii_case(first) && starts(&ms[j]))
        {
            ms[k].ty = NerType::Org;
            ms[k].refers_to = Some(j);
        }
    }
    // A firm's name of two words or more without its legal form stands for the name with it, when
    // the article gives that (`General Motors` for `General Motors Corp`, `Standard and Poor's`
    // for `Standard and Poor's Corp`, `Merrill Lynch` for `Merrill Lynch and Co Inc`): only legal
    // forms, `and` or `&` may follow, which names nothing else.
    for m in ms.iter_mut() {
        let len = m.end - m.first;
        if len < 2 || m.refers_to.is_some() || m.ty != NerType::Org {
            continue;
        }
        let (first, from) = (doc.tok(m.first), m.first);
        // (Longer, so not `m` itself.)
        let with_legal_form = |&&(_, f, end): &&(usize, usize, usize)| {
            end - f > len
                && doc.tok(f).eq_ignore_ascii_case(first)
                && (1..len).all(|t| doc.tok(from + t).eq_ignore_ascii_case(doc.tok(f + t)))
                && (f + len..end)
                    .all(|t| matches!(doc.tok(t), "and" | "&") || doc.lower_in(t, List::LegalForms))
                && doc.lower_in(end - 1, List::LegalForms)
        };
        if let Some(&(j, _, _)) = orgs.iter().find(with_legal_form) {
            m.refers_to = Some(j);
        }
    }
    // A surname resolved above to a name that has just turned out to be a firm's is the firm's;
    // unless a title made it a person (`Mr. Hutton`): then it is that person, by its own name.
    for k in 0..ms.len() {
        if let Some(j) = ms[k].refers_to {
            if ms[j].ty == NerType::Org && ms[k].ty == NerType::Per {
                if ms[k].cued {
                    ms[k].refers_to = None;
                } else {
                    ms[k].ty = NerType::Org;
                }
            }
        }
    }
}

/// The organisation among `orgs` (index, token range) that ends in the word `w`, if they all are
/// one name; `None` if none does, or two different ones do (`World Bank`, `Chase Manhattan Bank`).
fn the_one_ending_in(doc: &Doc, orgs: &[(usize, usize, usize)], w: &str) -> Option<usize> {
    let mut ending = orgs
        .iter()
        .filter(|&&(_, _, end)| doc.tok(end - 1).eq_ignore_ascii_case(w));
    let &(j, first, end) = ending.next()?;
    let same = |&&(_, a, b): &&(usize, usize, usize)| {
        b - a == end - first
            && (0..b - a).all(|t| doc.tok(a + t).eq_ignore_ascii_case(doc.tok(first + t)))
    };
    ending.all(|o| same(&o)).then_some(j)
}
