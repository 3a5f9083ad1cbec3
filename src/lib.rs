//! chronicle: full-text search for news archives.
//!
//! The crate follows the pipeline a story goes through:
//!
//! ```text
//! files --ingest--> Article --enrich--> Article + date + entities --index--> tantivy
//!       --search--> SearchResults --present--> terminal / JSON
//!                                 --serve----> HTTP JSON / web page
//! ```
//!
//! - [`ingest`]: walk a corpus folder and parse each file format into [`article::Article`]s;
//! - [`enrich`]: parse dates ([`enrich::dates`]) and find named entities ([`entities`]);
//! - [`index`]: the tantivy schema and analyzer, and atomic index builds;
//! - [`search`]: queries, filters, BM25 ranking, snippets and facet counts;
//! - [`present`]: terminal and JSON output, progress and summaries;
//! - [`eval`]: relevance evaluation against judged queries (`chronicle eval`).
//! - [`serve`]: the HTTP JSON API and the embedded web page (`chronicle serve`).
//!
//! The `chronicle` binary only parses arguments into a [`search::SearchRequest`] or an
//! [`index::build::IndexPlan`] and hands them to this library.

pub mod article;
pub mod defaults;
pub mod enrich;
pub mod entities;
pub mod error;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod present;
pub mod search;
pub mod serve;

pub use error::{Error, Result};
