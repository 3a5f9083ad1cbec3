//! Human-readable search results.
//!
//! ```text
//!  1. 2020-06-17  The threat of a repeated spread of the coronavirus remains high …
//!     sample/000_44df0e79d50f69af.txt
//!     … a memorandum of understanding between the SCO Secretariat and the World Health …
//!
//! 1 hit for "SCO WHO memorandum" (showing 1-1)
//! org:    World Health Organization (1), Shanghai Cooperation Organization (1)
//! ```

use std::io::{self, Write};

use crate::entities::EntityKind;
use crate::search::{SearchResults, Snippet};

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MATCH: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// Writes ranked hits, the hit count and the top entities.
pub fn write_results(out: &mut dyn Write, results: &SearchResults, color: bool) -> io::Result<()> {
    let paint = |code: &'static str| if color { code } else { "" };
    for (i, hit) in results.hits.iter().enumerate() {
        let rank = results.offset + i + 1;
        let date = hit
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "----------".to_string());
        writeln!(
            out,
            "{rank:>3}. {date}  {}{}{}",
            paint(BOLD),
            one_line(&hit.title),
            paint(RESET)
        )?;
        writeln!(out, "     {}{}{}", paint(DIM), hit.path, paint(RESET))?;
        if !hit.snippet.text.is_empty() {
            writeln!(out, "     {}", highlighted(&hit.snippet, color))?;
        }
        writeln!(out)?;
    }
    let shown = if results.hits.is_empty() {
        String::new()
    } else {
        format!(
            " (showing {}-{})",
            results.offset + 1,
            results.offset + results.hits.len()
        )
    };
    let noun = if results.total == 1 { "hit" } else { "hits" };
    writeln!(
        out,
        "{} {noun} for {:?}{shown}",
        results.total, results.query
    )?;
    for kind in EntityKind::ALL {
        let counts = results.facets.get(kind);
        if counts.is_empty() {
            continue;
        }
        let list: Vec<String> = counts
            .iter()
            .map(|c| format!("{} ({})", c.name, c.count))
            .collect();
        let label = format!("{}:", kind.as_str());
        writeln!(out, "{label:<8}{}", list.join(", "))?;
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn highlighted(snippet: &Snippet, color: bool) -> String {
    if !color {
        return snippet.text.clone();
    }
    let mut out = String::with_capacity(snippet.text.len() + 32);
    let mut at = 0;
    for r in &snippet.highlights {
        if r.start < at || r.end > snippet.text.len() {
            continue;
        }
        out.push_str(&snippet.text[at..r.start]);
        out.push_str(MATCH);
        out.push_str(&snippet.text[r.clone()]);
        out.push_str(RESET);
        at = r.end;
    }
    out.push_str(&snippet.text[at..]);
    out
}
