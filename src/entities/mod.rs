//! Named entities: text in, typed spans out.
//!
//! [`Extractor`] is the one interface every tagger implements. chronicle's is
//! [`tagger::TaggerExtractor`]: an averaged-perceptron sequence tagger trained on CoNLL-2003
//! ([`tagger`], scored with [`conll`]) over [`tokenize`]d text, followed by a per-article rule pass
//! ([`postprocess`]: acronym aliases, short names resolved to full ones). It replaced a first
//! capitalisation-and-cue heuristic, which was removed: the model is compiled in, so there is nothing
//! to fall back from. [`coverage`] measures the result against Reuters editors' tags.
//! [`Entity`] is what the rest of chronicle sees: a kind and a canonical name, one per distinct entity in
//! an article, which becomes a facet (`/org/World Health Organization`).

pub mod conll;
pub mod coverage;
pub mod postprocess;
pub mod tagger;
pub mod tokenize;

use serde::Serialize;

/// The entity types chronicle indexes as facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Org,
    Person,
    Place,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Org, EntityKind::Person, EntityKind::Place];

    /// The facet and command-line name: `org`, `person`, `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Org => "org",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }

    /// Parses `org`, `person`, `place` (and the common synonyms `organization`, `per`, `loc`, ...).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.to_ascii_lowercase().as_str() {
            "org" | "orgs" | "organization" | "organisation" => Some(EntityKind::Org),
            "person" | "people" | "per" => Some(EntityKind::Person),
            "place" | "places" | "loc" | "location" | "gpe" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

/// One mention found in a text: byte offsets into that text, its type and the canonical name it refers to
/// (`WHO` -> `World Health Organization`, `Norov` -> `Vladimir Norov`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub canonical: String,
}

/// A distinct entity of an article, with every surface form it appeared as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The name facets and filters use.
    pub name: String,
    /// Other names the article used for it (`SCO` for `Shanghai Cooperation Organization`).
    pub aliases: Vec<String>,
    /// How many mentions.
    pub mentions: usize,
}

/// Anything that finds entities in text. Implementations must be deterministic and thread-safe:
/// the indexer calls one extractor from many threads.
pub trait Extractor: Send + Sync {
    fn extract(&self, text: &str) -> Vec<Span>;
}

/// Collapses spans to one [`Entity`] per (kind, canonical name), in order of first mention. Takes
/// the spans, so a new entity's name is the span's, not a copy.
pub fn collect(text: &str, spans: Vec<Span>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for span in spans {
        // Borrowed: most mentions are written as their name, and need no alias.
        let surface = text.get(span.start..span.end).unwrap_or("");
        match out
            .iter_mut()
            .find(|e| e.kind == span.kind && e.name == span.canonical)
        {
            Some(entity) => {
                entity.mentions += 1;
                if surface != entity.name
                    && !surface.is_empty()
                    && !entity.aliases.iter().any(|a| a == surface)
                {
                    entity.aliases.push(surface.to_string());
                }
            }
            None => {
                let aliases = if surface != span.canonical && !surface.is_empty() {
                    vec![surface.to_string()]
                } else {
                    Vec::new()
                };
                out.push(Entity {
                    kind: span.kind,
                    name: span.canonical,
                    aliases,
                    mentions: 1,
                });
            }
        }
    }
    out
}
