//! Present: results and reports for people (terminal) and programs (JSON).
//!
//! Brief overview: [`terminal`] prints ranked hits with highlighted snippets and the facet summary;
//! [`json`] writes the stable machine format; [`progress`] draws the indexing progress bar and
//! [`report`] the end-of-run summary; [`timeline`] draws a timeline as rows of bars; [`eval`] prints
//! relevance figures. Nothing here searches or indexes: it only formats.

pub mod eval;
pub mod json;
pub mod progress;
pub mod report;
pub mod terminal;
pub mod timeline;

use std::io::IsTerminal;

/// Whether to colour terminal output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Decides for stdout.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}
