//! Enrich: what chronicle adds to an article before indexing it.
//!
//! [`Enricher`] turns the raw date text into a UTC date ([`dates`]) and runs an entity
//! [`Extractor`](crate::entities::Extractor) over title and body; the city a dateline names
//! ([`dateline`]) is a place of the story too. It is shared by all indexing threads.

pub mod dateline;
pub mod dates;

use crate::article::Article;
use crate::entities::tagger::ModelError;
use crate::entities::{self, Entity, EntityKind, Extractor};

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
            article.entities = entities::collect(&text, spans);
            if let Some(city) = article.dateline.as_deref().and_then(dateline::place) {
                add_place(&mut article.entities, city);
            }
        }
        note
    }
}

/// Adds the dateline's city to an article's entities: one more mention of a place the text names too
/// (in the text's spelling), else a place of its own.
fn add_place(found: &mut Vec<Entity>, city: String) {
    match found
        .iter_mut()
        .find(|e| e.kind == EntityKind::Place && e.name.eq_ignore_ascii_case(&city))
    {
        Some(place) => place.mentions += 1,
        None => found.push(Entity {
            kind: EntityKind::Place,
            name: city,
            aliases: Vec::new(),
            mentions: 1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str, dateline: Option<&str>) -> Article {
        Article {
            title: title.to_string(),
            body: body.to_string(),
            dateline: dateline.map(str::to_string),
            ..Article::default()
        }
    }

    fn places(a: &Article) -> Vec<(&str, usize)> {
        a.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| (e.name.as_str(), e.mentions))
            .collect()
    }

    #[test]
    fn a_datelines_city_is_a_place_of_the_story() {
        let enricher = Enricher::new().unwrap();
        let mut a = article(
            "Shr 12 cts vs 10 cts",
            "Shr 12 cts vs 10 cts. Net 1.2 mln vs 1.0 mln.",
            Some("    NEW YORK, March 2 - "),
        );
        enricher.enrich(&mut a);
        assert_eq!(places(&a), vec![("New York", 1)]);
    }

    #[test]
    fn a_city_the_text_names_too_is_one_place_in_the_texts_spelling() {
        let enricher = Enricher::new().unwrap();
        let mut a = article(
            "cocoa talks resume",
            "Producers met in London on Monday, officials in London said.",
            Some("LONDON, March 3 -"),
        );
        enricher.enrich(&mut a);
        assert_eq!(places(&a), vec![("London", 3)]);
    }

    #[test]
    fn no_dateline_or_no_entities_adds_nothing() {
        let mut a = article("Rain", "Rain fell on the plain.", Some("TOKYO, March 3 -"));
        Enricher::without_entities().enrich(&mut a);
        assert!(a.entities.is_empty());
        let mut b = article("Rain", "Rain fell on the plain.", None);
        Enricher::new().unwrap().enrich(&mut b);
        assert!(places(&b).is_empty());
    }
}
