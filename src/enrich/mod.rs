//! Enrich: what chronicle adds to an article before indexing it.
//!
//! [`Enricher`] turns the raw date text into a UTC date ([`dates`]) and runs an entity
//! [`Extractor`](crate::entities::Extractor) over title and body. It is shared by all indexing threads.

pub mod dates;

use crate::article::Article;
use crate::entities::tagger::ModelError;
use crate::entities::{self, Extractor};

/// Applies every enrichment step to articles.
pub struct Enricher {
    extractor: Option<Box<dyn Extractor>>,
}

/// What enrichment noticed about one article that the user may want to hear about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The article states a date chronicle could not read; it is indexed as undated.
    BadDate(String),
}

impl Enricher {
    /// An enricher with the trained entity tagger. Fails only if the model compiled into chronicle
    /// cannot be read, a build defect that a unit test guards against.
    pub fn new() -> Result<Enricher, ModelError> {
        Ok(Enricher {
            extractor: Some(Box::new(entities::tagger::TaggerExtractor::new()?)),
        })
    }

    /// An enricher that parses dates but extracts no entities (faster; facets stay empty).
    pub fn without_entities() -> Enricher {
        Enricher { extractor: None }
    }

    /// An enricher with a caller-chosen extractor.
    pub fn with_extractor(extractor: Box<dyn Extractor>) -> Enricher {
        Enricher {
            extractor: Some(extractor),
        }
    }

    /// Fills `date` and `entities`. Returns a note when the stated date could not be parsed.
    pub fn enrich(&self, article: &mut Article) -> Option<Note> {
        let mut note = None;
        article.date = None;
        if let Some(raw) = article.date_raw.as_deref() {
            article.date = dates::parse(raw);
            if article.date.is_none() && !raw.trim().is_empty() {
                note = Some(Note::BadDate(raw.trim().to_string()));
            }
        }
        if let Some(extractor) = &self.extractor {
            let text = article.full_text();
            let spans = extractor.extract(&text);
            article.entities = entities::collect(&text, &spans);
        }
        note
    }
}
