//! The JSON output of `chronicle search --json` (and of the HTTP API).
//!
//! Shape: `{"query", "total", "offset", "hits": [{"id", "title", "date", "path", "score", "snippet",
//! "snippet_html", "source", "entities": {"org": [], "person": [], "place": []}}],
//! "facets": {"org": [{"name", "count"}], "person": [...], "place": [...]}}`.
//! Dates are `YYYY-MM-DD` or null. The shape is the serde form of [`SearchResults`].

use std::io::{self, Write};

use crate::search::SearchResults;

/// Writes results as one pretty-printed JSON object followed by a newline.
pub fn write_results(out: &mut dyn Write, results: &SearchResults) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, results)?;
    writeln!(out)
}
