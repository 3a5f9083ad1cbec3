//! Step 3 of the rule pass: titles and appositions that make a name a person, and U.S. states that
//! make the name before them a place.

use super::lists::{List, US_STATES};
use super::{Doc, Mention};
use crate::entities::tagger::NerType;

/// A name after a title, or with a role in an apposition next to it, is a person; a capitalised
/// name right after an honorific that the tagger left untagged is added as one.
pub(super) fn title_cues(doc: &Doc, ms: &mut Vec<Mention>) {
    let n = doc.tokens.tokens.len();
    let mut added = Vec::new();
    for m in ms.iter_mut() {
        // (Not a company: `Chairman Acme Corp` is no one's name.)
        let before = m
            .first
            .checked_sub(1)
            .is_some_and(|i| doc.lower_in(i, List::Titles))
            && !doc.lower_in(m.end - 1, List::OrgHeads);
        if before {
            // `President Putin`, but not `President of Russia` and not `the Minister` of something.
            m.ty = NerType::Per;
            m.cued = true;
            continue;
        }
        if m.ty != NerType::Per
            && (apposition_after(doc, m.end) || apposition_before(doc, m.first))
            && doc.persons_name(m.first, m.end)
        {
            m.ty = NerType::Per;
            m.cued = true;
        }
    }
    // A capitalised name right after an honorific that the tagger left untagged. This loop visits
    // every token of the article: look at the bytes first, and look a word up only if it can be
    // an honorific (2-4 bytes, starting `mr`, `ms`, `dr` or `si`; not `said`, `mln`, `dlrs`).
    let bytes = doc.text.as_bytes();
    for (i, t) in doc.tokens.tokens.iter().enumerate() {
        let word = bytes.get(t.start as usize..t.end as usize).unwrap_or(&[]);
        if !may_be_honorific(word) || !doc.lower_in(i, List::Honorifics) {
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

/// `Dean Witter analyst Karen Gibbs`, `Societe Generale economist Alain Marais`, `Smith Barney
/// livestock analyst Tom O'Hare`: a "person" right before a job that only firms employ (with one
/// word between at most, then a name: not `Baker told analysts`) is the firm. People have aides
/// and spokesmen, not analysts.
pub(super) fn employer_cues(doc: &Doc, ms: &mut [Mention]) {
    let employs = |i: usize| {
        matches!(
            doc.tok(i),
            "analyst"
                | "analysts"
                | "economist"
                | "economists"
                | "strategist"
                | "strategists"
                | "trader"
                | "traders"
                | "dealer"
                | "dealers"
        )
    };
    for m in ms.iter_mut() {
        if m.ty != NerType::Per || m.cued {
            continue;
        }
        let next = doc.tok(m.end);
        let modifier = next.len() > 1 && next.bytes().all(|b| b.is_ascii_lowercase());
        if employs(m.end) || (modifier && employs(m.end + 1) && doc.is_cap(m.end + 2)) {
            m.ty = NerType::Org;
            m.cued = true;
        }
    }
}

/// Whether a word can be one of [`super::lists::HONORIFICS`], from its length and first two bytes.
#[inline]
pub(super) fn may_be_honorific(word: &[u8]) -> bool {
    (2..=4).contains(&word.len())
        && matches!(
            (word[0] | 0x20, word[1] | 0x20),
            (b'm', b'r' | b's') | (b'd', b'r') | (b's', b'i')
        )
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
        if doc.lower_in(i, List::Roles) && !doc.is_cap(i) {
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
        if doc.lower_in(i, List::Roles) {
            return true;
        }
    }
    false
}

/// `Denver, Colo.`, `Burbank, Calif.`, `Albany, New York,`: a name followed by a comma, a U.S.
/// state and a stop or another comma is a place, whatever the tagger said (it called `Denver` a
/// person in 27 Reuters stories). Not a name a title cued (`Rep. Jim Wright, Texas` is written
/// `D-Texas` anyway), nor a company.
pub(super) fn state_cues(doc: &Doc, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        if m.cued || m.ty == NerType::Loc || m.end - m.first > 3 || doc.tok(m.end) != "," {
            continue;
        }
        let Some(after) = state_at(doc, m.end + 1) else {
            continue;
        };
        if !matches!(doc.tok(after), "," | "." | ")" | ";" | "")
            || doc.in_any(m.end - 1, List::OrgHeads.bit() | List::LegalForms.bit())
        {
            continue;
        }
        m.ty = NerType::Loc;
        m.cued = true;
    }
}

/// If a U.S. state's name starts at token `i`, the token after it.
fn state_at(doc: &Doc, i: usize) -> Option<usize> {
    let first = doc.tok(i);
    if !first.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let names = US_STATES
        .iter()
        .flat_map(|(name, abbreviations)| std::iter::once(name).chain(abbreviations.iter()));
    let mut words = names.map(|name| name.split(' '));
    words.find_map(|mut w| {
        // Names of up to three words (`District of Columbia`): the token after the last matched.
        let mut at = i;
        for word in w.by_ref() {
            if !word.eq_ignore_ascii_case(doc.tok(at)) {
                return None;
            }
            at += 1;
        }
        Some(at)
    })
}
