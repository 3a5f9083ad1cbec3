//! How plain-text queries are ranked: the query [`natural_query`] builds from a [`Ranking`].
//!
//! [`baseline_query`] is stock tantivy, kept only so `chronicle eval --baseline` can show what the
//! ranking decisions below are worth.
//!
//! Terms are optional (OR): a long query still finds articles that miss a word, and BM25 ranks those
//! that have them all first. The ranking decisions, each measured on seven test collections (see
//! `docs/relevance.md`; do not undo one without re-running that table):
//!
//! - **One BM25 over the whole story.** Terms are scored on the `text` field (title and body
//!   indexed as one), as Lucene, Xapian and the other reference engines do, plus a small extra score
//!   for a title match ([`Ranking::title_boost`]). Summing separate title and body BM25s counted a
//!   word's rarity twice and cost 3 points (.434 vs .466 mean nDCG@10).
//! - **Repeated query words count.** Since tantivy 0.26 its query parser drops repeated terms, so
//!   a long query that says `retrieval` four times weighs it like a word said once; that cost 4-8
//!   points of nDCG@10 on the long-query collections. [`natural_query`] weights each term by the
//!   number of times the query says it (BM25's query-term frequency).
//! - **Title boost, small.** A headline names what a story is about, so a title match earns an
//!   extra 0.1 of the title's own BM25. Larger extras lost: titles are short, so their BM25 is high,
//!   and untitled stories get their lead sentence as title, which a big boost over-weights.
//! - **Stop words only in long queries.** The index keeps every word (`WHO`, `IT`, `US`; see
//!   `index::analyzer`). A query of [`STOP_WORDS_FROM`] or more words is a question ("I am
//!   interested in papers on ..."), and its function words, weighted by repetition, add noise: it
//!   drops [`STOP_WORDS`] (+1.5 points, most on the long-query collections). A word in capitals
//!   inside a query that is not all capitals is an acronym and is never dropped; short queries
//!   never lose a word, so `SCO WHO memorandum` keeps `WHO`.
//! - **Word pairs.** Each pair of consecutive query words found at most one position apart in the
//!   title or text earns a small phrase score ([`PAIR_BOOST`]): a weak proximity signal (+0.5).
//!   Pairs with a word in more than [`PAIR_MAX_DF`] of the articles get none: no loss in relevance,
//!   and half of a slow search's time saved.
//! - **All-words bonus.** With optional terms alone, a story that repeats one query word in its
//!   headline can outrank the only story that has every word (`SCO WHO memorandum` would put a 1987
//!   Reuters "SIGN MEMORANDUM" headline above the SCO story). So when a query has two or more
//!   distinct words, articles that contain all of them score the BM25 of those words once more
//!   ([`Ranking::all_words_bonus`]). This is the conjunctive half of Lucene's old coordination
//!   factor, without its penalty on long queries, where an all-words match is rare and the bonus
//!   simply never fires.
//! - **Extras for the best, not for every match.** The pairs and the all-words bonus are added to
//!   the best [`RESCORE_WINDOW`] articles by the words' score, not to every match
//!   ([`natural_parts`] keeps them apart; `search::rescore` applies them). The seven collections
//!   score the same at 3 decimals as with the extras on every match (windows of 50 and 100; 30
//!   loses .001 MAP, 10 .002 nDCG@10), and a search on a million articles takes 1.1x tantivy's
//!   plain BM25 instead of 2.7x.
//!

use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, QueryParser, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::index::OpenIndex;

/// The default [`Ranking::title_boost`]: the title's extra BM25, on top of the whole story's.
/// Measured: 0 -> .480, 0.1 -> .488 (with the pairs), 0.25 -> .486, 0.5 and 1 lower (MED and NPL,
/// whose derived titles repeat the lead sentence, lose most).
pub const TITLE_EXTRA: f32 = 0.1;

/// The default [`Ranking::stop_words_from`]: five words make a question, not a name.
pub const STOP_WORDS_FROM: usize = 5;

/// The default [`Ranking::pair_boost`] and [`Ranking::pair_slop`]: consecutive query words found
/// next to each other (or one word apart) earn a little; more weight hurt the mean.
pub const PAIR_BOOST: f32 = 0.1;
pub const PAIR_SLOP: u32 = 1;

/// The default [`Ranking::pair_max_df`]: a pair with a word in more than this share of the articles
/// gets no proximity clause (see [`SelectivePair`]). Measured (mean nDCG@10 / MAP of the seven
/// collections): every pair .489 / .363, 0.2 .490 / .362, 0.1 .488 / .361, 0.05 .487 / .360; on a
/// million articles 0.2 took the p95 of a search from 31 to 16 ms (47 to 33 with facets).
pub const PAIR_MAX_DF: f32 = 0.2;

/// Weight of the extra score given to articles that contain every word of the query.
pub const ALL_WORDS_BONUS: f32 = 1.0;

/// The default [`Ranking::rescore_window`]: how many of the best articles by their words' score
/// get the extras (all-words bonus, pairs). See `search::rescore`.
pub const RESCORE_WINDOW: usize = 50;

/// The knobs of [`natural_query`]. The defaults are the measured best; `chronicle eval --param`
/// overrides them one run at a time, which is how `docs/relevance.md`'s experiments are reproduced.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Weight of an extra BM25 score on the title alone, on top of the story text (which already
    /// holds the title); 0: none.
    pub title_boost: f32,
    /// Weight each term by how often the query says it (false: every distinct term once, as
    /// tantivy's parser does since 0.26).
    pub query_term_frequency: bool,
    /// Weight of the all-words bonus (0: off).
    pub all_words_bonus: f32,
    /// Queries of at least this many words drop [`STOP_WORDS`] (0: never). Words written in capitals
    /// in a query that is not all capitals (`WHO`, `IT`) are acronyms and always kept.
    pub stop_words_from: usize,
    /// Weight of a proximity clause per pair of consecutive query terms (0: off).
    pub pair_boost: f32,
    /// How far apart (in positions) the two words of a pair may be.
    pub pair_slop: u32,
    /// A pair whose words include one found in more than this share of the articles gets no
    /// proximity clause (1: every pair gets one).
    pub pair_max_df: f32,
    /// How many of the best articles by the words' score get the extras added (0: every match, in
    /// one pass). See `search::rescore`.
    pub rescore_window: usize,
}

impl Default for Ranking {
    fn default() -> Ranking {
        Ranking {
            title_boost: TITLE_EXTRA,
            query_term_frequency: true,
            all_words_bonus: ALL_WORDS_BONUS,
            stop_words_from: STOP_WORDS_FROM,
            pair_boost: PAIR_BOOST,
            pair_slop: PAIR_SLOP,
            pair_max_df: PAIR_MAX_DF,
            rescore_window: RESCORE_WINDOW,
        }
    }
}

impl Ranking {
    /// Applies one `name=value` override (the `--param` of `chronicle eval`).
    pub fn set(&mut self, assignment: &str) -> Result<()> {
        let bad = |reason: &str| Error::BadParam {
            param: assignment.to_string(),
            reason: reason.to_string(),
        };
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| bad("expected NAME=VALUE"))?;
        let number = || value.trim().parse::<f32>().map_err(|_| bad("not a number"));
        let flag = || match value.trim() {
            "true" | "on" | "1" => Ok(true),
            "false" | "off" | "0" => Ok(false),
            _ => Err(bad("expected true or false")),
        };
        match name.trim() {
            "title_boost" => self.title_boost = number()?,
            "query_term_frequency" => self.query_term_frequency = flag()?,
            "all_words_bonus" => self.all_words_bonus = number()?,
            "stop_words_from" => self.stop_words_from = number()? as usize,
            "pair_boost" => self.pair_boost = number()?,
            "pair_slop" => self.pair_slop = number()? as u32,
            "pair_max_df" => self.pair_max_df = number()?,
            "rescore_window" => self.rescore_window = number()? as usize,
            _ => return Err(bad("unknown parameter")),
        }
        Ok(())
    }
}

/// English function words, dropped from long queries only (see [`Ranking::stop_words_from`]).
/// The index keeps them all (see `index::analyzer`); this list only thins long questions such as
/// "I am interested in ... and what is ...", where they add noise that BM25's idf does not remove
/// entirely once repeated words count.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// The analyzed terms of a query.
pub(crate) struct QueryTerms {
    /// Distinct terms in order of first appearance, each with its number of occurrences.
    pub counts: Vec<(String, u32)>,
    /// Every term in query order, repeats included.
    pub sequence: Vec<String>,
}

/// Analyzes a query. Words are split as the analyzer's tokenizer splits them (runs of
/// alphanumerics), so that each can be judged a stop word or an acronym as written.
pub(crate) fn query_terms(text: &str, ranking: &Ranking) -> QueryTerms {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let drop_stop_words = ranking.stop_words_from > 0 && words.len() >= ranking.stop_words_from;
    let shouting = !words.iter().any(|w| w.chars().any(char::is_lowercase));
    let is_acronym =
        |w: &str| !shouting && w.chars().count() > 1 && !w.chars().any(|c| c.is_lowercase());
    let mut analyzer = crate::index::analyzer::analyzer();
    let mut terms: Vec<(String, u32)> = Vec::new();
    let mut sequence = Vec::new();
    for word in words {
        if drop_stop_words
            && !is_acronym(word)
            && STOP_WORDS.contains(&word.to_lowercase().as_str())
        {
            continue;
        }
        let mut stream = analyzer.token_stream(word);
        while stream.advance() {
            let token = &stream.token().text;
            sequence.push(token.clone());
            match terms.iter_mut().find(|(t, _)| t == token) {
                Some((_, n)) => *n += 1,
                None => terms.push((token.clone(), 1)),
            }
        }
    }
    QueryTerms {
        counts: terms,
        sequence,
    }
}

/// A proximity clause that stands aside when one of its words is in more than `max_df` of the
/// articles. Checking `said`+`to` positions in most of a million articles was half of a slow
/// search's time, for a pair that says little about relevance. The check needs the searcher's
/// document frequencies, which a query only sees when its weight is built: hence a wrapper.
#[derive(Clone, Debug)]
struct SelectivePair {
    phrase: PhraseQuery,
    max_df: f32,
}

impl Query for SelectivePair {
    fn weight(
        &self,
        scoring: tantivy::query::EnableScoring<'_>,
    ) -> tantivy::Result<Box<dyn tantivy::query::Weight>> {
        if self.max_df < 1.0 {
            if let Some(searcher) = scoring.searcher() {
                let articles = searcher.num_docs().max(1) as f32;
                for term in self.phrase.phrase_terms() {
                    if searcher.doc_freq(&term)? as f32 > self.max_df * articles {
                        return EmptyQuery.weight(scoring);
                    }
                }
            }
        }
        self.phrase.weight(scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.phrase.query_terms(visitor)
    }
}

/// A plain-text query in its two parts.
pub struct NaturalQuery {
    /// Every analyzed term, optional, scored by BM25 over the whole story (the `text` field) plus a
    /// title extra, weighted by how often the query says it: what an article must match, and its
    /// score before the extras.
    pub words: Box<dyn Query>,
    /// The all-words bonus and the word pairs, each a query whose score is added to the articles
    /// `words` matches (they never match anything else). Empty when the query has neither.
    pub extras: Vec<Box<dyn Query>>,
}

impl NaturalQuery {
    /// Both parts as one query, every match scored in full: words required, extras optional.
    pub fn into_one(self) -> Box<dyn Query> {
        if self.extras.is_empty() {
            return self.words;
        }
        let mut clauses = vec![(Occur::Must, self.words)];
        clauses.extend(self.extras.into_iter().map(|q| (Occur::Should, q)));
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Plain text as a query scored in full, in one pass (see [`natural_parts`]).
pub fn natural_query(index: &OpenIndex, text: &str, ranking: &Ranking) -> Box<dyn Query> {
    natural_parts(index, text, ranking).into_one()
}

/// Plain text as words and extras. See the module docs for why each is scored as it is.
pub fn natural_parts(index: &OpenIndex, text: &str, ranking: &Ranking) -> NaturalQuery {
    let fields = &index.fields;
    let QueryTerms {
        counts: terms,
        sequence,
    } = query_terms(text, ranking);
    // Where a term is scored, with what weight.
    let places = [(fields.text, 1.0), (fields.title, ranking.title_boost)];
    let term_query = |field, term: &str, boost: f32| -> Box<dyn Query> {
        let query = Box::new(TermQuery::new(
            Term::from_field_text(field, term),
            IndexRecordOption::WithFreqs,
        ));
        if boost == 1.0 {
            query
        } else {
            Box::new(BoostQuery::new(query, boost))
        }
    };
    // The words: a union of term scorers only, which tantivy runs as one specialised loop.
    let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (term, count) in &terms {
        let weight = if ranking.query_term_frequency {
            *count as f32
        } else {
            1.0
        };
        for &(field, boost) in &places {
            if boost > 0.0 {
                words.push((Occur::Should, term_query(field, term, boost * weight)));
            }
        }
    }
    // The extras (pairs, all-words bonus) only ever add to an article the words already match.
    let mut extras: Vec<Box<dyn Query>> = Vec::new();
    if ranking.pair_boost > 0.0 {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for pair in sequence.windows(2) {
            let (a, b) = (pair[0].as_str(), pair[1].as_str());
            if a != b && !pairs.contains(&(a, b)) {
                pairs.push((a, b));
            }
        }
        for (a, b) in pairs {
            for field in [fields.title, fields.text] {
                let phrase = PhraseQuery::new_with_offset_and_slop(
                    vec![
                        (0, Term::from_field_text(field, a)),
                        (1, Term::from_field_text(field, b)),
                    ],
                    ranking.pair_slop,
                );
                let pair = SelectivePair {
                    phrase,
                    max_df: ranking.pair_max_df,
                };
                extras.push(Box::new(BoostQuery::new(
                    Box::new(pair),
                    ranking.pair_boost,
                )));
            }
        }
    }
    if terms.len() >= 2 && ranking.all_words_bonus > 0.0 {
        // Every word in the story text (the title is part of it), each scored as in `words` without
        // its repeat weight: text plus the title's extra. An intersection of plain term scorers
        // finds the articles; the title terms only add to them.
        let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (term, _) in &terms {
            all.push((Occur::Must, term_query(fields.text, term, 1.0)));
            if ranking.title_boost > 0.0 {
                all.push((
                    Occur::Should,
                    term_query(fields.title, term, ranking.title_boost),
                ));
            }
        }
        extras.push(Box::new(BoostQuery::new(
            Box::new(BooleanQuery::new(all)),
            ranking.all_words_bonus,
        )));
    }
    NaturalQuery {
        words: Box::new(BooleanQuery::new(words)),
        extras,
    }
}

/// Stock tantivy, for comparison only: its query parser over the title+body field (`text`), OR, with the text reduced to lower-case
/// words so that no character of a natural-language query is taken for syntax. Since tantivy 0.26
/// the parser keeps a repeated word once.
pub fn baseline_query(index: &OpenIndex, text: &str) -> Result<Box<dyn Query>> {
    let fields = &index.fields;
    let parser = QueryParser::for_index(&index.index, vec![fields.text]);
    let words: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    if words.trim().is_empty() {
        return Ok(Box::new(BooleanQuery::new(Vec::new())));
    }
    parser.parse_query(&words).map_err(|e| Error::BadQuery {
        query: text.to_string(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, u32)> {
        query_terms(text, &Ranking::default()).counts
    }

    fn words(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|(t, _)| t).collect()
    }

    /// A proximity clause counts for a pair of selective words, and stands aside when one word
    /// is in more than `max_df` of the articles.
    #[test]
    fn proximity_stands_aside_for_common_words() {
        use tantivy::collector::TopDocs;
        use tantivy::schema::{Schema, TEXT};
        let mut b = Schema::builder();
        let f = b.add_text_field("t", TEXT);
        let index = tantivy::Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in ["the cocoa talks", "the cocoa", "the talks", "the end"] {
            w.add_document(tantivy::doc!(f => text)).unwrap();
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let pair = |a: &str, b: &str, max_df: f32| {
            let q = SelectivePair {
                phrase: PhraseQuery::new(vec![
                    Term::from_field_text(f, a),
                    Term::from_field_text(f, b),
                ]),
                max_df,
            };
            searcher
                .search(&q, &TopDocs::with_limit(10).order_by_score())
                .unwrap()
                .len()
        };
        assert_eq!(pair("cocoa", "talks", 0.6), 1); // each word in half of the articles
        assert_eq!(pair("the", "cocoa", 1.0), 2); // 1: every pair counts
        assert_eq!(pair("the", "cocoa", 0.6), 0); // `the` is in all four
    }

    #[test]
    fn repeated_words_are_counted() {
        assert_eq!(
            terms("retrieval of text retrieval"),
            vec![
                ("retriev".to_string(), 2),
                ("of".to_string(), 1),
                ("text".to_string(), 1)
            ]
        );
    }

    #[test]
    fn short_queries_keep_every_word() {
        assert_eq!(
            words("SCO WHO memorandum"),
            vec!["sco", "who", "memorandum"]
        );
        assert_eq!(words("the who in it"), vec!["the", "who", "in", "it"]);
    }

    #[test]
    fn long_queries_drop_stop_words_but_not_acronyms() {
        assert_eq!(
            words("what is the role of the WHO in the outbreak"),
            vec!["role", "who", "outbreak"]
        );
        // All capitals: no way to tell an acronym, so function words go.
        assert_eq!(
            words("I AM INTERESTED IN THE USE OF JOURNALS"),
            vec!["interest", "use", "journal"]
        );
    }

    #[test]
    fn ranking_params_parse() {
        let mut r = Ranking::default();
        r.set("title_boost=0.5").unwrap();
        r.set("query_term_frequency=false").unwrap();
        assert_eq!(r.title_boost, 0.5);
        assert!(!r.query_term_frequency);
        assert!(r.set("nope=1").is_err());
        assert!(r.set("title_boost").is_err());
        assert!(r.set("pair_boost=x").is_err());
    }
}
