//! The article: the one record that flows through the whole pipeline.
//!
//! Ingest fills the text fields and `date_raw` exactly as the source states them; enrich then parses
//! `date_raw` into `date` and fills `entities`; the indexer stores all of it. Keeping one struct (rather
//! than a "raw" and an "enriched" type) keeps the pipeline simple: each stage owns distinct fields.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// One news story, whatever file format it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the id the source carries (JSON `id`, Reuters `NEWID` as `reuters-N`),
    /// else one derived from the file's path relative to the corpus root and the article's position
    /// in that file. Re-indexing the same files yields the same ids, so nothing is duplicated.
    pub id: String,
    /// Path of the file the article came from, relative to the corpus root when possible.
    pub path: String,
    /// Headline. Never empty after ingest: formats without a title derive one from the lead sentence.
    pub title: String,
    /// Body text, paragraphs separated by a blank line.
    pub body: String,
    /// The date exactly as written in the source (`26-FEB-1987 15:01:01.79`, `2020-06-17`, ...).
    pub date_raw: Option<String>,
    /// The parsed publication date in UTC, filled by `enrich::dates`. `None` when unknown or unparseable.
    pub date: Option<DateTime<Utc>>,
    /// Where the article comes from: the JSON `source` field, else the format (`reuters21578`, `text`).
    pub source: String,
    /// Link to the original, when the source has one.
    pub url: Option<String>,
    /// Dateline (Reuters: `SALVADOR, Feb 26 -`), when the source has one.
    pub dateline: Option<String>,
    /// Categories assigned by the source's human editors (Reuters PLACES/PEOPLE/ORGS). Kept apart
    /// from `entities`: they are ground truth to evaluate the extractor against, not its output.
    pub tags: HumanTags,
    /// Named entities found by the extractor, one per distinct (kind, canonical name).
    pub entities: Vec<crate::entities::Entity>,
}

/// Editor-assigned categories, as lower-case short names (`usa`, `volcker`, `opec`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HumanTags {
    pub places: Vec<String>,
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub topics: Vec<String>,
}

impl HumanTags {
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
            && self.people.is_empty()
            && self.orgs.is_empty()
            && self.topics.is_empty()
    }
}

impl Article {
    /// Title and body as one text, the input to entity extraction and snippets.
    pub fn full_text(&self) -> String {
        let mut text = String::with_capacity(self.title.len() + self.body.len() + 2);
        text.push_str(&self.title);
        text.push_str("\n\n");
        text.push_str(&self.body);
        text
    }
}
