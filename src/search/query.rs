//! Where a query is built: the user's text plus filters become one tantivy query.
//!
//! The text goes through tantivy's query parser, so users get its syntax: `"exact phrase"`,
//! `+must -mustnot`, `title:opec`, `date:[...]`. Terms are optional by default (OR): a long query
//! still finds articles that miss a word, and BM25 ranks those that have them all first. A match in the
//! title is worth [`TITLE_BOOST`] times a match in the body, because a headline names what a story
//! is about while a body mentions much in passing.
//!
//! **All-words bonus.** With optional terms alone, a story that repeats one query word in its headline
//! can outrank the only story that has every word (`SCO WHO memorandum` would put a 1987 Reuters
//! "SIGN MEMORANDUM" headline above the SCO story). So when a plain query has two or more distinct
//! words, articles that contain all of them score the BM25 of those words once more
//! ([`ALL_WORDS_BONUS`]). This is the conjunctive half of Lucene's old coordination factor, without its
//! penalty on long queries, where an all-words match is rare and the bonus simply never fires.
//!
//! Filters (dates, entities) are added as required clauses with a constant score of zero, so they
//! narrow the hits without changing their order.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::filters::{DateRange, EntityFilter};
use crate::error::{Error, Result};
use crate::index::document::entity_key;
use crate::index::OpenIndex;

/// How much more a title match weighs than a body match.
pub const TITLE_BOOST: f32 = 2.0;

/// Weight of the extra score given to articles that contain every word of the query.
pub const ALL_WORDS_BONUS: f32 = 1.0;

/// Parses the user's text. An empty query (or `*`) matches every article, which together with
/// filters lists, say, everything about one organisation in a month.
pub fn text_query(index: &OpenIndex, text: &str) -> Result<Box<dyn Query>> {
    let text = text.trim();
    if text.is_empty() || text == "*" {
        return Ok(Box::new(AllQuery));
    }
    let fields = &index.fields;
    let mut parser = QueryParser::for_index(&index.index, vec![fields.title, fields.body]);
    parser.set_field_boost(fields.title, TITLE_BOOST);
    let parsed = parser.parse_query(text).map_err(|e| Error::BadQuery {
        query: text.to_string(),
        reason: e.to_string(),
    })?;
    match all_words_query(index, text) {
        Some(bonus) => Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, parsed),
            (
                Occur::Should,
                Box::new(BoostQuery::new(bonus, ALL_WORDS_BONUS)),
            ),
        ]))),
        None => Ok(parsed),
    }
}

/// For a plain query (words only, no operators, fields or phrases) of two or more distinct terms:
/// a query matching the articles that contain every term, in title or body, scored by BM25.
fn all_words_query(index: &OpenIndex, text: &str) -> Option<Box<dyn Query>> {
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || ".,'&/".contains(c));
    if !plain {
        return None;
    }
    let fields = &index.fields;
    let mut analyzer = crate::index::analyzer::analyzer();
    let mut terms: Vec<String> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let term = stream.token().text.clone();
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    if terms.len() < 2 {
        return None;
    }
    let clauses = terms
        .iter()
        .map(|term| {
            let in_field = |field| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                ))
            };
            let either: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(in_field(fields.title), TITLE_BOOST)),
                ),
                (Occur::Should, in_field(fields.body)),
            ]));
            (Occur::Must, either)
        })
        .collect();
    Some(Box::new(BooleanQuery::new(clauses)))
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
