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
//!
//! **Stems are cached.** The Snowball stemmer was the largest single cost of indexing (over a
//! quarter of the indexer's instructions on the embedded archive, callgrind) and a tenth of a
//! search (snippets stem every word of the hits shown), yet news repeats a small vocabulary: a
//! per-thread map from word to stem answers almost every token. [`CachedStemmer`] gives exactly
//! the stems of tantivy's `Stemmer`, which it calls on a miss. Words of up to 16 bytes (nearly all)
//! are keyed by their bytes packed in a `u128`: comparing string keys was 8% of indexing (`memcmp`).

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// The name under which the analyzer is registered with every chronicle index.
pub const ANALYZER: &str = "chronicle_en";

/// Builds the analyzer described in the module docs.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// Words a thread's stem cache holds before it starts afresh: a few MB at most (words are at most
/// 40 bytes), far more than news uses in practice.
const STEM_CACHE_WORDS: usize = 1 << 18;

/// Per thread: the word -> stem caches, and the stemmer that fills them.
struct StemCache {
    /// Words of up to [`PACKED`] bytes, packed ([`pack`]); the value is the stem, packed.
    short: FxHashMap<u128, u128>,
    long: FxHashMap<Box<str>, Box<str>>,
    stemmer: TextAnalyzer,
}

/// Longest word the packed cache holds, in bytes.
const PACKED: usize = 16;

/// A word of at most [`PACKED`] bytes as an integer, little-endian, zero-padded. Tokens hold no NUL
/// byte (the tokenizer keeps alphanumerics), so the padding marks the end and no two words collide.
#[inline]
fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > PACKED || word.contains(&0) {
        return None;
    }
    let mut bytes = [0u8; PACKED];
    bytes[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(bytes))
}

/// Writes a packed word into `out`.
#[inline]
fn unpack_into(packed: u128, out: &mut String) {
    let bytes = packed.to_le_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(PACKED);
    // Packed from a `str` cut at its end, so always UTF-8; if not, `out` keeps the word unstemmed.
    if let Ok(stem) = std::str::from_utf8(&bytes[..len]) {
        out.clear();
        out.push_str(stem);
    }
}

thread_local! {
    static STEMS: RefCell<StemCache> = RefCell::new(StemCache {
        short: FxHashMap::default(),
        long: FxHashMap::default(),
        stemmer: analyzer_for_misses(),
    });
}

/// English stemming with a per-thread cache (see the module docs).
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct CachedStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        STEMS.with(|cell| {
            let Ok(mut state) = cell.try_borrow_mut() else {
                // Re-entered on this thread (cannot happen today): stem without the cache.
                token.text = stem_uncached(&mut analyzer_for_misses(), &token.text);
                return;
            };
            let StemCache {
                short,
                long,
                stemmer,
            } = &mut *state;
            if let Some(key) = pack(token.text.as_bytes()) {
                if let Some(&stem) = short.get(&key) {
                    if stem != key {
                        unpack_into(stem, &mut token.text);
                    }
                    return;
                }
                let stem = stem_uncached(stemmer, &token.text);
                if let Some(packed) = pack(stem.as_bytes()) {
                    if short.len() >= STEM_CACHE_WORDS {
                        short.clear();
                    }
                    short.insert(key, packed);
                }
                token.text = stem;
                return;
            }
            if let Some(stem) = long.get(token.text.as_str()) {
                token.text.clear();
                token.text.push_str(stem);
                return;
            }
            let stem = stem_uncached(stemmer, &token.text);
            if long.len() >= STEM_CACHE_WORDS {
                long.clear();
            }
            long.insert(token.text.as_str().into(), stem.as_str().into());
            token.text = stem;
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// tantivy's own stemmer, over one whole word: what a cache miss asks.
fn analyzer_for_misses() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::English))
        .build()
}

/// tantivy's stem of one word.
fn stem_uncached(stemmer: &mut TextAnalyzer, word: &str) -> String {
    let mut stream = stemmer.token_stream(word);
    if stream.advance() {
        std::mem::take(&mut stream.token_mut().text)
    } else {
        word.to_string()
    }
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

    /// The cache changes nothing: every word stems as tantivy's own stemmer does, first time
    /// (a miss) and second time (a hit).
    #[test]
    fn cached_stems_are_tantivys_stems() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        // The sample, and words longer than the packed cache's 16 bytes.
        let text = format!(
            "{} internationalizations counterrevolutionaries electroencephalographically",
            include_str!("../../corpus/sample/000_44df0e79d50f69af.txt")
        );
        let text = text.as_str();
        let mut want = Vec::new();
        let mut stream = plain.token_stream(text);
        while stream.advance() {
            want.push(stream.token().text.clone());
        }
        for _ in 0..2 {
            assert_eq!(terms(text), want);
        }
        assert!(want.len() > 100);
    }

    #[test]
    fn stems_and_folds_accents() {
        assert_eq!(terms("Zürich talks"), vec!["zurich", "talk"]);
        assert_eq!(terms("memoranda"), terms("memoranda"));
        assert_eq!(terms("outbreaks"), vec!["outbreak"]);
    }
}
