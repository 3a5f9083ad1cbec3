//! How text becomes terms, for indexing and for queries alike.
//!
//! The pipeline is: split on non-alphanumerics, drop tokens over 40 bytes (base64 and URLs, which
//! nobody searches for and which bloat the term dictionary), lower-case, fold accents to ASCII
//! (`Zürich` finds `Zurich` and back), then the English (Porter2/Snowball) stemmer.
//!
//! **No stop-word list.** That is deliberate. News is full of acronyms that collide with function
//! words: `WHO`, `US`, `IT`, `AND` (a ticker), `NOW`, `ONE`. A stop list would silently turn
//! `SCO WHO memorandum` into `SCO memorandum`. BM25's idf already gives common words almost no weight,
//! so keeping them costs little in ranking and a modest amount of index size, and it keeps phrase
//! queries such as `"the who"` exact.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// The name under which the analyzer is registered with every chronicle index.
pub const ANALYZER: &str = "chronicle_en";

/// Builds the analyzer described in the module docs.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers the analyzer on an index; must be called on every index opened or created.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut a = analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn acronyms_that_look_like_stop_words_survive() {
        assert_eq!(
            terms("SCO WHO memorandum"),
            vec!["sco", "who", "memorandum"]
        );
        assert_eq!(terms("US and IT"), vec!["us", "and", "it"]);
    }

    #[test]
    fn stems_and_folds_accents() {
        assert_eq!(terms("Zürich talks"), vec!["zurich", "talk"]);
        assert_eq!(terms("memoranda"), terms("memoranda"));
        assert_eq!(terms("outbreaks"), vec!["outbreak"]);
    }
}
