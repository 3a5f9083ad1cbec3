//! Features users rely on, checked against the embedded archive (Reuters-21578 and the sample
//! article). All modules share one index, built once when the first test needs it.

#[path = "../support/mod.rs"]
mod support;

mod date_filters;
mod entity_filters;
mod json_output;
mod ranking;
mod sample_article;
mod terminal_output;
