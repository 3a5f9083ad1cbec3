//! A timeline in the terminal: one row per calendar bucket, with a bar scaled to the busiest one.
//!
//! ```text
//! 1987-02  ██████▍                                   13
//! 1987-03  ████████████████████████████████████████  81
//! 1987-04                                             0
//!
//! 173 hits for "cocoa" by month (2 undated)
//! ```
//!
//! Bars use the eighth-block characters, so counts close to each other still look different; any
//! non-zero count gets at least a hairline, so a quiet bucket never looks like an empty one.

use std::io::{self, Write};

use crate::search::Timeline;

/// Width of the longest bar, in terminal cells.
pub const BAR_WIDTH: usize = 40;

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// Writes one row per bucket, then a summary line.
pub fn write_timeline(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    let max = timeline.buckets.iter().map(|b| b.count).max().unwrap_or(0);
    let key_width = timeline
        .buckets
        .iter()
        .map(|b| b.key.len())
        .max()
        .unwrap_or(0);
    for bucket in &timeline.buckets {
        writeln!(
            out,
            "{:<key_width$}  {:<BAR_WIDTH$}  {}",
            bucket.key,
            bar(bucket.count, max),
            bucket.count
        )?;
    }
    if !timeline.buckets.is_empty() {
        writeln!(out)?;
    }
    let noun = if timeline.total == 1 { "hit" } else { "hits" };
    write!(
        out,
        "{} {noun} for {:?} by {}",
        timeline.total,
        timeline.query,
        timeline.interval.as_str()
    )?;
    if timeline.undated > 0 {
        write!(out, " ({} undated, not shown)", timeline.undated)?;
    }
    writeln!(out)
}

/// A bar of `count / max * BAR_WIDTH` cells, to the eighth of a cell.
pub fn bar(count: u64, max: u64) -> String {
    if max == 0 || count == 0 {
        return String::new();
    }
    let eighths = ((count as u128 * (BAR_WIDTH as u128) * 8) / max as u128).max(1) as usize;
    let (full, rest) = (eighths / 8, eighths % 8);
    let mut s = "█".repeat(full);
    if rest > 0 {
        s.push(EIGHTHS[rest]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_busiest_bucket() {
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH);
        assert_eq!(bar(5, 10).chars().count(), BAR_WIDTH / 2);
        assert_eq!(bar(0, 10), "");
        // A tiny but non-zero count still shows something.
        assert_eq!(bar(1, 1_000_000), "▏");
        assert_eq!(bar(1, 16), "██▌");
    }
}
