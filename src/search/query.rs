//! Where a query is built: the user's text plus filters become a [`RankedQuery`].
//!
//! Brief overview: [`ranked_query`] reads the user's text in one of two ways. Text that uses query
//! syntax (`"exact phrase"`, `+must -mustnot`, `title:opec`, `AND`/`OR`, ranges, ...) goes through
//! tantivy's query parser, so users get its syntax. Plain text (words and punctuation, which is
//! what almost every query is) goes to [`natural_parts`], which builds the scored query itself from
//! a [`Ranking`] (`search::ranking`, where the ranking decisions and their measurements are): the
//! words, which every match is scored by, and the extras that `search::rescore` adds to the best.
//!
//! Filters (dates, entities) are added as required clauses with a constant score of zero, so they
//! narrow the hits without changing their order.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::filters::{DateRange, EntityFilter};
use super::ranking::{natural_parts, query_terms, Ranking};
use super::rescore::RankedQuery;
use crate::error::{Error, Result};
use crate::index::document::entity_key;
use crate::index::OpenIndex;

/// How much more a title match weighs than a match in the whole text, for queries in tantivy's
/// syntax (which search both fields).
pub const TITLE_BOOST: f32 = 2.0;

/// What an article must match for the user's text to find it: for counting and listing, where
/// the order does not matter ([`ranked_query`] for ranking; its extras never change the matches).
pub fn text_query(index: &OpenIndex, text: &str) -> Result<Box<dyn Query>> {
    Ok(ranked_query(index, text, &Ranking::default())?.matching)
}

/// Parses the user's text into a query to rank by. An empty query (or `*`) matches every article,
/// which together with filters lists, say, everything about one organisation in a month.
pub fn ranked_query(index: &OpenIndex, text: &str, ranking: &Ranking) -> Result<RankedQuery> {
    let text = text.trim();
    if text.is_empty() || text == "*" {
        return Ok(RankedQuery::single(Box::new(AllQuery)));
    }
    if !uses_syntax(text) {
        return Ok(natural_ranked(index, text, ranking));
    }
    let fields = &index.fields;
    let mut parser = QueryParser::for_index(&index.index, vec![fields.title, fields.text]);
    parser.set_field_boost(fields.title, TITLE_BOOST);
    let parsed = parser
        .parse_query(&body_as_text(text))
        .map_err(|e| Error::BadQuery {
            query: text.to_string(),
            reason: e.to_string(),
        })?;
    Ok(RankedQuery::single(parsed))
}

/// Plain text as a query to rank by, syntax characters and all (`chronicle eval` reads test
/// collections' questions this way).
pub fn natural_ranked(index: &OpenIndex, text: &str, ranking: &Ranking) -> RankedQuery {
    let parts = natural_parts(index, text, ranking);
    if ranking.rescore_window == 0 {
        return RankedQuery::single(parts.into_one());
    }
    RankedQuery {
        matching: parts.words,
        extras: parts.extras,
        window: ranking.rescore_window,
    }
}

/// `body:` in query syntax means the article text, which is indexed as `text` (title and body):
/// rewritten outside quotes, at the start of a word (after `+`, `-` or `(`).
fn body_as_text(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut quoted = false;
    let mut word_start = true;
    let mut rest = query;
    while let Some(c) = rest.chars().next() {
        if !quoted && word_start && rest.starts_with("body:") {
            out.push_str("text:");
            rest = &rest["body:".len()..];
            word_start = false;
            continue;
        }
        if c == '"' {
            quoted = !quoted;
        }
        word_start = c.is_whitespace() || matches!(c, '+' | '-' | '(');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The words to highlight in a snippet of the body: the query's own terms for text with syntax;
/// for plain text, the words [`natural_parts`] scores. Both as terms of `text`, whose analyzer the
/// snippet generator then runs over the stored body.
pub fn highlight_query(index: &OpenIndex, text: &str) -> Result<Box<dyn Query>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "*" || uses_syntax(trimmed) {
        return text_query(index, text);
    }
    let body = index.fields.text;
    let terms = query_terms(trimmed, &Ranking::default()).counts;
    Ok(Box::new(BooleanQuery::new(
        terms
            .iter()
            .map(|(term, _)| {
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(body, term),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, query)
            })
            .collect(),
    )))
}

/// Whether the text asks for tantivy's query syntax: quotes, `+`/`-` prefixes, `field:`, boolean
/// keywords, grouping, ranges, boosts, wildcards. Anything else (words, punctuation such as `?`,
/// `,`, `.`, `'`, a hyphen inside a word) is read as plain words.
pub fn uses_syntax(text: &str) -> bool {
    if text.contains(|c| "\"()[]{}^~*".contains(c)) {
        return true;
    }
    text.split_whitespace().any(|word| {
        (word.len() > 1 && word.starts_with(['+', '-']))
            || matches!(word, "AND" | "OR" | "NOT")
            || word
                .split_once(':')
                .is_some_and(|(field, rest)| is_field_name(field) && !rest.is_empty())
    })
}

/// Whether `name` could be a field name in `name:word`. Any identifier counts, not only `title`
/// and `body`, so that a mistyped field is reported as a bad query rather than searched as words.
fn is_field_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
}

/// Combines the text query with date and entity filters.
pub fn with_filters(
    index: &OpenIndex,
    text: Box<dyn Query>,
    dates: &DateRange,
    entities: &[EntityFilter],
) -> Box<dyn Query> {
    if dates.is_unbounded() && entities.is_empty() {
        return text;
    }
    let fields = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    if !dates.is_unbounded() {
        let bound = |d: Option<chrono::DateTime<chrono::Utc>>| match d {
            Some(d) => Bound::Included(Term::from_field_date(
                fields.date,
                tantivy::DateTime::from_timestamp_secs(d.timestamp()),
            )),
            None => Bound::Unbounded,
        };
        let range = RangeQuery::new(bound(dates.from), bound(dates.to));
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(range), 0.0)),
        ));
    }
    for filter in entities {
        let term = Term::from_field_text(
            fields.entity_key,
            &entity_key(filter.kind.as_str(), &filter.name),
        );
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(query), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_field_in_syntax_means_the_article_text() {
        assert_eq!(body_as_text("body:cocoa"), "text:cocoa");
        assert_eq!(
            body_as_text("+body:cocoa -(body:sugar) title:body"),
            "+text:cocoa -(text:sugar) title:body"
        );
        assert_eq!(
            body_as_text("\"somebody: body:x\" body:y"),
            "\"somebody: body:x\" text:y"
        );
        assert_eq!(body_as_text("nobody:x"), "nobody:x");
    }

    #[test]
    fn syntax_is_recognised() {
        for text in [
            "\"interest rates\"",
            "+opec -saudi",
            "title:cocoa",
            "cocoa AND sugar",
            "(a b)",
        ] {
            assert!(uses_syntax(text), "{text}");
        }
        for text in [
            "SCO WHO memorandum",
            "What is TSS?",
            "U.S.-Japan trade",
            "prices: cocoa",
            "1987 - Reuters",
        ] {
            assert!(!uses_syntax(text), "{text}");
        }
    }
}
