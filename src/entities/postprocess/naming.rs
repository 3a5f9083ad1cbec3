//! Step 7 of the rule pass: the canonical name and kind of each mention, as spans.

use std::borrow::Cow;

use super::lists::{lists_of, List, ORG_ACRONYMS, PLACE_NAMES, US_STATES};
use super::{Doc, Mention};
use crate::entities::{EntityKind, Span};

/// For each mention, whether it stands in an upper-case sentence (a headline).
pub(super) fn headline_mentions(doc: &Doc, ms: &[Mention]) -> Vec<bool> {
    ms.iter().map(|m| doc.in_headline(m.first)).collect()
}

/// Spans with canonical names; `caps[k]`: whether mention `k` stands in a headline (`recase` asks it
/// of every mention for every headline name).
pub(super) fn finish(doc: &Doc, ms: &[Mention], surfaces: &[Cow<str>], caps: &[bool]) -> Vec<Span> {
    let mut out = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        let Some(mut kind) = m.ty.kind() else {
            continue;
        };
        // `U.K.` and `U.S.` are places whatever a headline made the tagger think (`U.K. MONEY
        // MARKET SHORTAGE`): a country's spelling is never an organisation's or a person's name.
        if kind != EntityKind::Place
            && PLACE_NAMES.iter().any(|(a, b)| {
                a.eq_ignore_ascii_case(&surfaces[k]) || b.eq_ignore_ascii_case(&surfaces[k])
            })
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
        // `Bank`, `Commission`, `Board`, `Group`: a word that heads organisations' names is no
        // name alone, unless it stands for a longer one the article gave (`short_forms`). In the
        // embedded archive 103 stories had an organisation `Bank`, 62 `Commission`, 45 `Board`.
        if target == k && m.end - m.first == 1 && doc.in_any(m.first, generic_heads()) {
            continue;
        }
        let mut canonical = surfaces[target].to_string();
        if let Some(acronym) = org_acronym(&canonical) {
            kind = EntityKind::Org;
            canonical = acronym.to_string();
        } else if caps[target] {
            canonical = recase(&canonical, surfaces, caps);
        }
        // `Drexel Burnham Lambert Inc.` is `Drexel Burnham Lambert Inc`: one facet, not two (41
        // Reuters stories had `Standard and Poor's Corp.` beside 127 without the stop). The span
        // leaves the stop out too, so the written form is no alias.
        let org = kind == EntityKind::Org;
        if org
            && canonical
                .rsplit_once(' ')
                .is_some_and(|(_, w)| dotted_legal_form(w))
        {
            canonical.pop();
        }
        if kind == EntityKind::Place {
            // (Whatever the case: a headline's `USSR` was recased `Ussr`.)
            if let Some(&(_, c)) = PLACE_NAMES
                .iter()
                .find(|(a, _)| a.eq_ignore_ascii_case(&canonical))
            {
                canonical = c.to_string();
            } else if let Some(state) = state_abbreviated(&canonical) {
                canonical = state.to_string();
            }
        }
        let (Some(a), Some(b)) = (
            doc.tokens.tokens.get(m.first),
            doc.tokens.tokens.get(m.end - 1),
        ) else {
            continue;
        };
        let dotted = org && m.end - m.first > 1 && dotted_legal_form(doc.tok(m.end - 1));
        out.push(Span {
            start: a.start as usize,
            end: b.end as usize - usize::from(dotted),
            kind,
            canonical,
        });
    }
    out
}

/// Words that head organisations' names (`ORG_HEADS`, `LEGAL_FORMS`), and are none alone.
fn generic_heads() -> u16 {
    List::OrgHeads.bit() | List::LegalForms.bit()
}

/// A name from a headline: the article's own spelling if it has one, else title case, with
/// particles in lower case (`Bank of Japan`) and acronyms kept (`IBM`, `U.S.`; a short word is an
/// acronym unless listed as an ordinary one: `New York`, `Fed`).
fn recase(name: &str, surfaces: &[Cow<str>], caps: &[bool]) -> String {
    if let Some((s, _)) = surfaces
        .iter()
        .zip(caps)
        .find(|(s, &c)| !c && s.eq_ignore_ascii_case(name))
    {
        return s.to_string();
    }
    name.split(' ')
        .enumerate()
        .map(|(k, w)| {
            let lists = lists_of(w);
            if k > 0 && lists & List::Particles.bit() != 0 {
                return w.to_ascii_lowercase();
            }
            let ordinary = List::ShortWords.bit() | List::Particles.bit();
            let short = w.len() <= 3 && lists & ordinary == 0;
            if short || w.contains('.') {
                return w.to_string();
            }
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                out.push(if start { c } else { c.to_ascii_lowercase() });
                start = matches!(c, '-' | '\'');
            }
            // `O'NEILL` is `O'Neill`, but `MOODY'S` is `Moody's`.
            if out.ends_with("'S") {
                out.replace_range(out.len() - 1.., "s");
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The acronym of [`ORG_ACRONYMS`] that `name` is, whatever its case.
fn org_acronym(name: &str) -> Option<&'static str> {
    // (Most names are longer, or shorter.)
    if !(4..=6).contains(&name.len()) {
        return None;
    }
    ORG_ACRONYMS
        .iter()
        .find(|a| a.eq_ignore_ascii_case(name))
        .copied()
}

/// The U.S. state `name` abbreviates (`Calif` -> `California`), if it is an abbreviation.
fn state_abbreviated(name: &str) -> Option<&'static str> {
    // (Abbreviations are five bytes at most: most places skip the scan.)
    if name.len() > 5 {
        return None;
    }
    let mut states = US_STATES.iter();
    states
        .find(|(_, abbreviations)| abbreviations.contains(&name))
        .map(|&(state, _)| state)
}

/// Whether `word` is a legal form written with a stop (`Corp.`, `Inc.`, `Co.`).
fn dotted_legal_form(word: &str) -> bool {
    word.ends_with('.') && lists_of(word) & List::LegalForms.bit() != 0
}
