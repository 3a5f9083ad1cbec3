//! Steps 1 and 2 of the rule pass: company names the tagger split or called people, and what is
//! trimmed off or dropped from a mention.

use super::lists::{
    lists_of, List, COMMON_NOUNS, PLACE_NAMES, POSSESSIVE_FIRMS, VERBS_AFTER_FIRMS,
};
use super::{Doc, Mention};
use crate::entities::tagger::NerType;

/// Trims what is not part of a name off each mention (a leading `the` or title, punctuation at
/// either end, a trailing `'s`, function word or post-nominal (`MP`), a ticker and what follows
/// it, a headline's trailing verb), then drops the mentions left empty or made only of words never
/// a name alone.
pub(super) fn trim(doc: &Doc, ms: &mut Vec<Mention>) {
    for m in ms.iter_mut() {
        while m.end > m.first && matches!(doc.tok(m.first), "the" | "The" | "THE") {
            m.first += 1;
        }
        // `Chancellor of the Exchequer Nigel Lawson`, `Secretary of State George Shultz`: the
        // tagger makes one organisation of the office and the name after it (`Exchequer Nigel
        // Lawson` in 54 Reuters stories, `State George Shultz` in 41).
        // (The lists the first word is in, looked up once for both rules.)
        let mut lists = first_word_lists(doc, m);
        if m.end - m.first >= 3
            && lists & List::Portfolios.bit() != 0
            && office_before(doc, m.first)
            && doc.persons_name(m.first + 1, m.end)
        {
            m.first += 1;
            m.ty = NerType::Per;
            m.cued = true;
            lists = first_word_lists(doc, m);
        }
        // `Representative Clayton Yeutter` is Clayton Yeutter, a person for sure; a royal title
        // stays (`Prince Charles`). So is a title and a person's name the tagger took together
        // for an organisation (`Senator Pat Roberts`).
        while lists & List::Titles.bit() != 0
            && lists & List::KeptTitles.bit() == 0
            && (m.ty == NerType::Per || doc.persons_name(m.first + 1, m.end))
        {
            m.first += 1;
            m.ty = NerType::Per;
            m.cued = true;
            lists = first_word_lists(doc, m);
        }
        // Punctuation at either end (`,`, `"`, the `<` of a Reuters ticker `<C>`) is never part of
        // a name, nor is a trailing `'s` or, in a headline, a trailing verb (`FED SAYS`).
        while m.end > m.first && !has_alnum(doc.tok(m.first)) {
            m.first += 1;
        }
        // A ticker follows the name it stands for, and a headline goes on after it (`TEXACO <TX>
        // SAYS`, `XYZ <XYZ.O> NAMES`): the name ends where a ticker starts.
        if let Some(k) = (m.first..m.end).find(|&i| matches!(doc.tok(i), "<" | ">")) {
            m.end = k;
        }
        while m.end > m.first {
            let last = doc.tok(m.end - 1);
            // The lists the last word is in, looked up once, and only for a mention of two words
            // or more: a one-word name is never cut short, only dropped below.
            let lists = if m.end - m.first >= 2 {
                lists_of(last)
            } else {
                0
            };
            // (A headline's verb is in capitals, after a name.)
            let caps = last.len() >= 2 && last.as_bytes()[..2].iter().all(u8::is_ascii_uppercase);
            let cut = matches!(last, "'s" | "'S")
                || !has_alnum(last)
                || lists & (List::FunctionWords.bit() | List::PostNominals.bit()) != 0
                || (caps && lists & List::HeadlineVerbs.bit() != 0 && doc.in_headline(m.first));
            if !cut {
                break;
            }
            m.end -= 1;
        }
    }
    ms.retain(|m| m.end > m.first && !only_not_names(doc, m) && !credit_rating(doc, m));
}

/// `the U.S. And Japan`: Reuters-21578 capitalises a word after `U.S.` as if a sentence began
/// there (206 times `X.Y. And`), and the tagger reads `U.S. And West Germany` as one organisation
/// (24 stories). A mention with `And` inside, right after an abbreviation's stop, is two names; the
/// second is a place when the first is one (`U.S. And Brazil`). Not a firm's `And Co`.
pub(super) fn split_at_stop_and(doc: &Doc, ms: &mut Vec<Mention>) {
    let split = |m: &Mention| {
        (m.first + 1..m.end.saturating_sub(1)).find(|&i| {
            doc.tok(i) == "And"
                && doc.tok(i - 1).ends_with('.')
                && !doc.lower_in(i + 1, List::LegalForms)
                && !partners(doc.tok(i + 1))
        })
    };
    // (Most articles have none: look before building anything.)
    if !ms
        .iter()
        .any(|m| m.end - m.first >= 3 && split(m).is_some())
    {
        return;
    }
    let mut out = Vec::with_capacity(ms.len() + 1);
    for m in ms.drain(..) {
        let Some(i) = split(&m).filter(|_| m.end - m.first >= 3) else {
            out.push(m);
            continue;
        };
        let head = Mention {
            end: i,
            ..m.clone()
        };
        let place = PLACE_NAMES.iter().any(|(a, _)| *a == doc.surface(&head));
        let ty = if place { NerType::Loc } else { m.ty };
        out.push(Mention { ty, ..head });
        // (The tagger runs on past the second name too: `U.S. And European firms, Watanabe`.)
        if (i + 1..m.end).all(|t| doc.is_cap(t) || doc.lower_in(t, List::Particles)) {
            out.push(Mention {
                first: i + 1,
                ty,
                ..m
            });
        }
    }
    *ms = out;
}

/// `rated AAA by Standard and Poor's`, `Aa-3 by Moody's`, `cut to BBB-plus from A`: a credit rating
/// is no organisation (`AA` was one in 32 Reuters stories, `AAA` in 29). Only where a rating is
/// spoken of, so `the AA` (the Automobile Association) stays a name.
fn credit_rating(doc: &Doc, m: &Mention) -> bool {
    if m.end - m.first != 1 {
        return false;
    }
    let t = doc.tok(m.first);
    // (Most mentions are answered by their first letter or their length.)
    if t.len() > 10 || !matches!(t.as_bytes().first(), Some(b'A'..=b'D')) {
        return false;
    }
    let grade = t
        .trim_end_matches("-plus")
        .trim_end_matches("-minus")
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
    // (Not `CCC`, the Commodity Credit Corporation of Reuters' grain stories, `sold to CCC`.)
    let standard_and_poors = matches!(grade, "AAA" | "AA" | "A" | "BBB" | "BB" | "B");
    let moodys = matches!(grade, "Aaa" | "Aa" | "Baa" | "Ba" | "Caa" | "Ca");
    if !standard_and_poors && !moodys {
        return false;
    }
    let before = m.first.checked_sub(1).map_or("", |i| doc.tok(i));
    let after = doc.tok(m.end);
    const BEFORE: &[&str] = &[
        "rated",
        "rates",
        "rating",
        "to",
        "from",
        "top-flight",
        "triple",
        "middle",
        "low",
        "high",
    ];
    BEFORE.iter().any(|w| w.eq_ignore_ascii_case(before))
        || matches!(after, "by" | "rating" | "ratings" | "from" | "to")
}

/// `Moody's said`, `Sainsbury's said`, `Standard and Poor's cited`: a firm named in the possessive
/// keeps its `'s` when a verb or a full stop follows it, so it is no possessive (`Moody` had been an
/// organisation of 91 Reuters stories). A firm listed as one (`POSSESSIVE_FIRMS`) keeps it
/// whatever follows (`by Moody's and Standard and Poor's`), and is one organisation however the
/// tagger cut it. Not when the article names the firm at more length (`Moody's Investors Service
/// Inc`): the short form stands for that name (`short_forms`).
pub(super) fn possessive_firms(doc: &Doc, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k < ms.len() {
        let m = &ms[k];
        // (An organisation of the article that starts with the same word, and is longer than
        // `m` with its `'s`.)
        let longer = |ms: &[Mention], m: &Mention| {
            let first = doc.tok(m.first);
            ms.iter().any(|o| {
                o.ty == NerType::Org
                    && o.end - o.first > m.end + 1 - m.first
                    && doc.tok(o.first).eq_ignore_ascii_case(first)
            })
        };
        if let Some(words) = listed_possessive(doc, m.first) {
            // (One word: a person's too, `Lloyd's`, unless the tagger said it is a firm; and it
            // stands for a longer name of the article as a word, in `short_forms`. A longer
            // name's short form of several words finds it there too.)
            let end = m.first + words + 1;
            let one_word_firm = m.ty != NerType::Per && !longer(ms, m);
            if (words > 1 || one_word_firm) && m.end <= end {
                let mut end = end;
                while end < doc.tokens.tokens.len() && doc.lower_in(end, List::LegalForms) {
                    end += 1;
                }
                k = merge_into_org(ms, k, k, m.first, end);
                continue;
            }
        }
        k += 1;
        if m.ty != NerType::Org || !matches!(doc.tok(m.end), "'s" | "'S") {
            continue;
        }
        let after = doc.tok(m.end + 1);
        // (In a headline, the verbs headlines use: `MOODY'S CUTS TEXAS AIR`.)
        let verb = VERBS_AFTER_FIRMS
            .iter()
            .any(|v| v.eq_ignore_ascii_case(after))
            || (doc.lower_in(m.end + 1, List::HeadlineVerbs) && doc.in_headline(m.first));
        // (Not before a comma: `the Chicago Mercantile Exchange's, CME's, executive committee`;
        // nor a bracket: `(European Commission's) report`.)
        if !verb && !matches!(after, "." | ";") {
            continue;
        }
        // An acronym's `'s` is a plural as often (`CD-ROM's will fit`, `DRAM's will fall`).
        if !has_lower(doc.tok(m.end - 1)) && !doc.in_headline(m.first) {
            continue;
        }
        if !longer(ms, m) {
            ms[k - 1].end += 1;
        }
    }
}

/// If tokens from `i` on are a firm of `POSSESSIVE_FIRMS` and its `'s`, how many words come before
/// the `'s`.
fn listed_possessive(doc: &Doc, i: usize) -> Option<usize> {
    let first = doc.tok(i);
    // (Nearly every mention is answered here: no `'s` after it, and not the first of several
    // words.)
    let starts_several = || {
        POSSESSIVE_FIRMS
            .iter()
            .take_while(|words| words.len() > 1)
            .any(|words| words[0].eq_ignore_ascii_case(first))
    };
    if !matches!(doc.tok(i + 1), "'s" | "'S") && !starts_several() {
        return None;
    }
    POSSESSIVE_FIRMS
        .iter()
        .find(|words| {
            words[0].eq_ignore_ascii_case(first)
                && words[1..]
                    .iter()
                    .enumerate()
                    .all(|(t, w)| w.eq_ignore_ascii_case(doc.tok(i + 1 + t)))
                && matches!(doc.tok(i + words.len()), "'s" | "'S")
        })
        .map(|words| words.len())
}

/// `Bank of Japan Governor Satoshi Sumita`, `U.S. Trade Representative Clayton Yeutter`: the tagger
/// runs an organisation, a title and a person into one name (an organisation of 21 stories, for
/// Yeutter). A mention with a title inside it (`Governor`, `spokesman`; several in a row: `Chief
/// Executive`) followed by capitalised words is cut there: the words after the titles are a person,
/// cued by them; the words before stay the organisation they name only up to its last head word or
/// acronym (`Federal Reserve Board` of `... Board Vice Chairman Manuel Johnson`, `IMF` of `IMF
/// Managing Director ...`). A portfolio (`Defense` of `Defense Secretary Caspar Weinberger`,
/// `Chrysler` of `Chrysler chairman Lee Iacocca`) is dropped. Not when the words after the title
/// end in a head word: `EC Executive Commission` is one name.
pub(super) fn split_at_titles(doc: &Doc, ms: &mut Vec<Mention>) {
    let titles = List::Titles.bit() | List::Roles.bit();
    // Only inside: a title that begins an organisation's name is an adjective (`Official
    // Bulletin`), and `trim` took a person's leading title off.
    let split_at = |m: &Mention| {
        (m.first + 1..m.end - 1).find(|&t| {
            doc.is_cap(t + 1) && doc.in_any(t, titles) && !doc.lower_in(t, List::KeptTitles)
        })
    };
    // (Mention index, title): found once, and most articles have none.
    let cuts: Vec<(usize, usize)> = ms
        .iter()
        .enumerate()
        .filter(|(_, m)| m.end - m.first >= 3 && !doc.lower_in(m.end - 1, List::OrgHeads))
        .filter_map(|(k, m)| Some((k, split_at(m)?)))
        .collect();
    if cuts.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(ms.len() + cuts.len());
    let mut cuts = cuts.into_iter().peekable();
    for (k, m) in ms.drain(..).enumerate() {
        let Some((_, t)) = cuts.next_if(|&(c, _)| c == k) else {
            out.push(m);
            continue;
        };
        // Titles in a row are one (`Vice Chairman`, `Director General`).
        let mut start = t + 1;
        while start < m.end && (doc.in_any(start, titles) || doc.tok(start) == "General") {
            start += 1;
        }
        if start == m.end {
            out.push(m);
            continue;
        }
        let named = (m.first..t).rev().find(|&i| {
            let w = doc.tok(i);
            doc.lower_in(i, List::OrgHeads) || (w.len() >= 2 && !has_lower(w))
        });
        if let Some(last) = named {
            out.push(Mention {
                first: m.first,
                end: last + 1,
                ty: if m.ty == NerType::Per {
                    NerType::Org
                } else {
                    m.ty
                },
                refers_to: None,
                cued: false,
            });
        }
        out.push(Mention {
            first: start,
            end: m.end,
            ty: NerType::Per,
            refers_to: None,
            cued: true,
        });
    }
    *ms = out;
}

/// A one-word name in a headline that the story writes only in lower case (`CRUDE`, `BANK`,
/// `GASOLINE STOCKS FALL` over "gasoline stocks fell"; `USDA` over a hog report's "usda said") is an
/// ordinary word the headline's capitals hid from the tagger: dropped. A word the story also
/// capitalises inside a sentence (`Fed`, `Bush`) stays, and so does one it never writes (`EC`).
pub(super) fn headline_words(doc: &Doc, ms: &mut Vec<Mention>) {
    let candidate = |m: &Mention| {
        let w = doc.tok(m.first);
        m.end - m.first == 1 && !m.cued && w.len() >= 2 && !has_lower(w)
    };
    ms.retain(|m| {
        if !candidate(m) || !doc.in_headline(m.first) {
            return true;
        }
        let w = doc.tok(m.first);
        // Most headline names are nowhere in lower case: one substring search says so.
        let lower_form = w.to_ascii_lowercase();
        if !doc.text.contains(lower_form.as_str()) {
            return true;
        }
        let mut lower = false;
        for (i, t) in doc.tokens.tokens.iter().enumerate() {
            let t = t.as_str(doc.text);
            if t.len() != w.len() || !t.eq_ignore_ascii_case(w) {
                continue;
            }
            if t == lower_form {
                lower = true;
            } else if t.as_bytes()[0].is_ascii_uppercase()
                && has_lower(t)
                && doc.sentence_of(i).is_some_and(|(a, _)| a as usize != i)
            {
                return true;
            }
        }
        !lower
    });
}

fn has_alnum(t: &str) -> bool {
    t.chars().any(char::is_alphanumeric)
}

/// Whether `t` has an ASCII lower-case letter: a headline word, an acronym or a ticker has none.
fn has_lower(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_lowercase())
}

/// The word lists of `m`'s first word, if it has more than one (a one-word name keeps its word).
fn first_word_lists(doc: &Doc, m: &Mention) -> u16 {
    if m.end - m.first > 1 {
        lists_of(doc.tok(m.first))
    } else {
        0
    }
}

/// Whether token `i` follows a title and `of` (`Secretary of`, `Chancellor of the`): with a word
/// of [`super::lists::PORTFOLIOS`] there, it names an office.
fn office_before(doc: &Doc, i: usize) -> bool {
    let of = match i.checked_sub(1).map(|k| doc.tok(k)) {
        Some("the") => i.checked_sub(2),
        _ => i.checked_sub(1),
    };
    of.is_some_and(|k| doc.tok(k) == "of" && k > 0 && doc.lower_in(k - 1, List::Titles))
}

/// Whether every token of `m` is a word that is never a name on its own ([`NOT_NAMES`],
/// [`LEGAL_FORMS`], [`DEMONYMS`]: `Kuwaiti` of `Kuwaiti oil tankers`; [`PARTICLES`], [`COMPASS`]:
/// `North American`; but a nationality or compass word with a legal form is a firm), a single
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
    // `Southern Co`, `American Inc`: a firm (asked last: most mentions hold a name word).
    let firm = || {
        m.end - m.first >= 2
            && doc.lower_in(m.end - 1, List::LegalForms)
            && (m.first..m.end - 1)
                .any(|i| doc.in_any(i, List::Demonyms.bit() | List::Compass.bit()))
    };
    (m.first..m.end).all(|i| {
        let t = doc.tok(i);
        t.chars().count() <= 1
            || !t.chars().any(char::is_alphanumeric)
            || doc.in_any(
                i,
                List::NotNames.bit()
                    | List::PostNominals.bit()
                    | List::LegalForms.bit()
                    | List::Demonyms.bit()
                    | List::Particles.bit()
                    | List::Compass.bit(),
            )
            || (m.ty == NerType::Per && initials(t))
    }) && !firm()
}

/// Most words a company's name in angle brackets has (`<Chase Manhattan Bank of New York NA>`).
const BRACKETED_MAX: usize = 10;

/// Reuters writes a company's name in angle brackets the first time a story names it (`<Airbus
/// Industrie>`, `<All Nippon Airways>`, in a headline `<CANADA MALTING CO LTD> YEAR NET`): whatever
/// the tagger made of its words (a MISC `Airbus` and a person `Industrie`), the words between the
/// brackets are one organisation. Only capitalised words (a `<` in running text may be "less
/// than"). Brackets around one upper-case word hold a ticker after its company's name (`Ford Motor
/// Co <F>`, `Volkswagen AG <VOWG.F>`, `TEXAS AIR <TEX>`): no name at all, whatever the tagger said
/// (`VOWG` was an organisation of 34 stories).
pub(super) fn bracketed_firms(doc: &Doc, ms: &mut Vec<Mention>) {
    let toks = &doc.tokens.tokens;
    let mut after = 0;
    for &i in &doc.tokens.angles {
        let i = i as usize;
        if i < after {
            continue;
        }
        let close = (i + 1..toks.len().min(i + 2 + BRACKETED_MAX)).find(|&j| doc.tok(j) == ">");
        let Some(j) = close.filter(|&j| j > i + 1 && doc.is_cap(i + 1)) else {
            continue;
        };
        let words_of_a_name = (i + 1..j).all(|k| {
            let t = doc.tok(k);
            doc.is_cap(k)
                || t.starts_with(|c: char| c.is_ascii_digit())
                || !has_alnum(t)
                || matches!(t, "and" | "'s" | "'S")
                || doc.lower_in(k, List::Particles)
        });
        after = j + 1;
        if !words_of_a_name {
            continue;
        }
        // A ticker: no lower-case letter, one word or a word and an exchange (`VOWG` `.` `F`,
        // `PARI` `.` `PA`).
        let ticker = (j == i + 2 || (j == i + 4 && doc.tok(i + 2) == "."))
            && (i + 1..j).all(|k| !has_lower(doc.tok(k)));
        // A name the tagger ran into the brackets ends before them; what it began inside them is
        // the firm's, or nothing.
        let k = ms.partition_point(|m| m.first < i);
        if let Some(m) = k.checked_sub(1).map(|k| &mut ms[k]) {
            m.end = m.end.min(i);
        }
        let mut last = k;
        while last < ms.len() && ms[last].first <= j {
            last += 1;
        }
        let firm = Mention {
            first: i + 1,
            end: j,
            ty: NerType::Org,
            refers_to: None,
            cued: true,
        };
        ms.splice(k..last, (!ticker).then_some(firm));
    }
}

/// `Standard and Poor's Corp`: the tagger makes two or three organisations of a firm named after two
/// people (`Standard`, `Poor`, `Corp.`), or leaves the first name out. An organisation whose first
/// word is a possessive (`Poor 's`) right after `and` or `&` and a capitalised word is one name with
/// that word, and takes in the legal form after the possessive. (`Ford and General Motors Corp`
/// stay two: no possessive.)
pub(super) fn join_firm_names(doc: &Doc, ms: &mut Vec<Mention>) {
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
        while end < doc.tokens.tokens.len() && doc.lower_in(end, List::LegalForms) {
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
        let start = if joins_previous { k - 1 } else { k };
        k = merge_into_org(ms, start, k, first, end);
    }
}

/// Makes `ms[start]` the organisation `first..end`, in place of itself and of every mention from
/// `ms[k]` on that starts before `end`; returns the index after it.
fn merge_into_org(
    ms: &mut Vec<Mention>,
    start: usize,
    k: usize,
    first: usize,
    end: usize,
) -> usize {
    let mut last = k + 1;
    while last < ms.len() && ms[last].first < end {
        last += 1;
    }
    ms[start] = Mention {
        first,
        end,
        ty: NerType::Org,
        refers_to: None,
        cued: false,
    };
    ms.drain(start + 1..last);
    start + 1
}

/// `American Telephone and Telegraph Co`, `General Agreement on Tariffs and Trade`, `Florida Power
/// and Light Co`: the tagger ends a name at `and` and makes a firm of a common noun after it
/// (`Telegraph Co` in 39 Reuters stories, `Trade` in 40). A mention made only of such a noun
/// (`COMMON_NOUNS`) and legal forms, right after `and` and a capitalised name, is the end of that
/// name.
pub(super) fn join_common_nouns(doc: &Doc, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k < ms.len() {
        let m = &ms[k];
        let and = m.first.wrapping_sub(1);
        let noun = m.first >= 2
            && matches!(doc.tok(and), "and" | "&" | "And" | "AND")
            && COMMON_NOUNS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(doc.tok(m.first)))
            && (m.first + 1..m.end).all(|i| doc.lower_in(i, List::LegalForms));
        if !noun {
            k += 1;
            continue;
        }
        // The name before `and`: the mentions and capitalised words right before it (five tokens
        // at most), also across one `of` or `on` (`General Agreement on Tariffs`, where the
        // tagger saw no name in `Tariffs`).
        // (Not a title's `of`, `President of American Telephone`, nor a sentence's first word,
        // `Shares of American Telephone`.)
        let name_word = |i: usize| {
            doc.is_cap(i)
                && !doc.in_any(
                    i,
                    List::FunctionWords.bit() | List::Titles.bit() | List::Roles.bit(),
                )
        };
        // (Within the sentence: a headline runs into the story's first name.)
        let opens = doc.sentence_of(and).map_or(0, |(a, _)| a as usize);
        let mut first = and;
        let mut start = k;
        let mut crossed = false;
        while first > opens && and - first < 6 {
            // (A mention met on the way is part of the name, and the name may go on before it:
            // the tagger tags `Tariffs` alone too.)
            let met = start
                .checked_sub(1)
                .filter(|&p| ms[p].end == first && ms[p].first >= opens);
            if let Some(p) = met {
                first = ms[p].first;
                start = p;
                continue;
            }
            let particle = !crossed
                && first < and
                && first >= opens + 2
                && matches!(doc.tok(first - 1), "of" | "on")
                && name_word(first - 2)
                && !doc.starts_sentence(first - 2);
            if particle {
                crossed = true;
                first -= 1;
                continue;
            }
            if !name_word(first - 1) || (crossed && doc.starts_sentence(first - 1)) {
                break;
            }
            first -= 1;
        }
        if first == and {
            k += 1;
            continue;
        }
        let end = m.end;
        k = merge_into_org(ms, start, k, first, end);
    }
}

/// `Merrill Lynch and Co`, `Smith Barney, Harris Upham And Co Inc`, `A.G. Edwards and Sons Inc`: a
/// name, then `and` or `&` and a legal form or the partners of a family firm (`Sons`, `Brothers`),
/// is a firm, however the tagger cut it (it makes people of the names, and an organisation or
/// nothing of `Co Inc`; `Sons Inc` was an organisation of 31 Reuters stories). Up to two more
/// people's names before it, each followed by a comma, are part of the firm's name: brokerages and
/// law firms are named that way.
pub(super) fn join_and_co(doc: &Doc, ms: &mut Vec<Mention>) {
    let n = doc.tokens.tokens.len();
    let mut k = 0;
    while k < ms.len() {
        let i = ms[k].end;
        // (The tagger takes a name for a place too: `Kidder, Peabody and Co`.)
        let firm = matches!(ms[k].ty, NerType::Per | NerType::Org | NerType::Loc)
            && i + 1 < n
            && matches!(doc.tok(i), "and" | "&" | "And" | "AND")
            && (doc.lower_in(i + 1, List::LegalForms) || partners(doc.tok(i + 1)));
        if !firm {
            k += 1;
            continue;
        }
        // Earlier names: `Smith Barney ,` before `Harris Upham and Co`.
        // A one-word name before a one-word name is a partner's whatever the tagger called it
        // (`Kidder, Peabody and Co`: `Kidder` an organisation or a place), but not an acronym
        // (`IBM, Merrill Lynch and Co` are two).
        let mut start = k;
        for _ in 0..2 {
            let prev = start.checked_sub(1).map(|j| &ms[j]);
            let one_word = |m: &Mention| m.end - m.first == 1 && has_lower(doc.tok(m.first));
            match prev {
                Some(p)
                    if (p.ty == NerType::Per || (one_word(p) && one_word(&ms[start])))
                        && p.end + 1 == ms[start].first
                        && doc.tok(p.end) == "," =>
                {
                    start -= 1
                }
                _ => break,
            }
        }
        let mut end = i + 2;
        while end < n && doc.lower_in(end, List::LegalForms) {
            end += 1;
        }
        // Mentions the firm's name now covers (a separately tagged `Co Inc`) are part of it.
        k = merge_into_org(ms, start, k, ms[start].first, end);
    }
}

/// `Chrysler Corp <C>`, `Cheung Kong Ltd`: the tagger tags the name and leaves the legal form after
/// it out, or tags it apart (`Chrysler` a person in 17 Reuters stories). A capitalised legal form
/// right after a name is part of it, and makes it a firm's.
pub(super) fn legal_form_after(doc: &Doc, ms: &mut Vec<Mention>) {
    let n = doc.tokens.tokens.len();
    let mut grown = false;
    let mut prev_end = 0;
    for m in ms.iter_mut() {
        let free_from = std::mem::replace(&mut prev_end, m.end);
        let mut end = m.end;
        while end < n && doc.is_cap(end) && doc.lower_in(end, List::LegalForms) {
            end += 1;
        }
        // (Not a word that heads names, the end of a firm's name the tagger missed the start of:
        // `Banking Group Ltd`, `Medical International Inc`; nor an adjective, `UNICORP AMERICAN
        // CORP`.)
        if end == m.end
            || m.ty == NerType::Misc
            || (m.end - m.first == 1 && doc.in_any(m.first, List::OrgHeads.bit()))
        {
            continue;
        }
        // The tagger missed the start of the name when a capitalised word inside a sentence comes
        // right before it (`First Chicago Corp` had been the place `Chicago`, `General Dynamics
        // Corp` the person `Dynamics`); in a headline every word is capitalised, so there the
        // name stays as tagged, and a place stays one.
        let mut first = m.first;
        let headline = doc.in_headline(m.first);
        while !headline && first > free_from && first + 3 > m.first && doc.is_cap(first - 1) {
            if doc.starts_sentence(first - 1) || doc.in_any(first - 1, List::FunctionWords.bit()) {
                break;
            }
            first -= 1;
        }
        if m.ty == NerType::Loc
            && first == m.first
            && (headline || doc.is_cap(first.wrapping_sub(1)))
        {
            continue;
        }
        m.first = first;
        m.end = end;
        m.ty = NerType::Org;
        prev_end = end;
        grown = true;
    }
    if grown {
        // A legal form tagged apart is now inside the name before it.
        let mut covered = 0;
        ms.retain(|m| {
            let keep = m.first >= covered;
            covered = covered.max(m.end);
            keep
        });
    }
}

/// Who a family firm's name may end in, after `and`: `Sons`, `Brothers`, `Partners`.
fn partners(word: &str) -> bool {
    const PARTNERS: &[&str] = &[
        "son",
        "sons",
        "brothers",
        "bros",
        "partners",
        "associates",
        "company",
    ];
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && PARTNERS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A person's name does not end in a word that heads organisations: the tagger calls company names
/// people (`Chrysler Corp`, `General Electric Co`, `Drexel Burnham Lambert Inc`). Only the last word:
/// `Central Bank President Wim Duisenberg` is a person the tagger ran into an organisation. Runs on
/// the tagger's output, before any cue.
///
/// Nor does a person's or a place's name of two words or more end in a word that names an event or
/// a body that runs one (`Six Nations`, `Champions League`, `Academy Awards`, `Athens Games`,
/// `United Nations`): on BBC News such names were people in 115 story facets and places in 49. They
/// become the organisation the tagger calls them elsewhere.
pub(super) fn org_heads(doc: &Doc, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        if !matches!(m.ty, NerType::Per | NerType::Loc) {
            continue;
        }
        let lists = lists_of(doc.tok(m.end - 1));
        let firm = m.ty == NerType::Per && lists & List::OrgHeads.bit() != 0;
        let event = m.end - m.first >= 2 && lists & List::EventWords.bit() != 0;
        if firm || event {
            m.ty = NerType::Org;
        }
    }
}
