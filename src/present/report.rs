//! The end-of-run summary of `chronicle index`.

use std::io::{self, Write};

use indicatif::HumanBytes;

use crate::index::build::IndexReport;

/// Writes the summary: files seen, articles indexed, what was skipped and why, time and size.
pub fn write_index_report(out: &mut dyn Write, r: &IndexReport) -> io::Result<()> {
    let secs = r.elapsed.as_secs_f64();
    writeln!(
        out,
        "indexed {} articles from {} of {} files in {:.1}s ({:.0} articles/s) into {} ({})",
        r.articles_indexed,
        r.files_indexed,
        r.files_seen,
        secs,
        r.articles_indexed as f64 / secs.max(0.001),
        r.index_dir.display(),
        HumanBytes(r.index_bytes)
    )?;
    if r.undated > 0 {
        writeln!(
            out,
            "  {} articles have no date (found by text, left out by date filters)",
            r.undated
        )?;
    }
    if r.unreadable_dates > 0 {
        writeln!(
            out,
            "  {} stated dates could not be read (indexed as undated)",
            r.unreadable_dates
        )?;
    }
    for (reason, n) in &r.files_skipped {
        writeln!(out, "  skipped {n} file{}: {reason}", plural(*n))?;
    }
    for (reason, n) in &r.articles_skipped {
        writeln!(
            out,
            "  skipped {n} stor{}: {reason}",
            if *n == 1 { "y" } else { "ies" }
        )?;
    }
    if r.warnings > 0 {
        writeln!(
            out,
            "  {} file warning{} (see above)",
            r.warnings,
            plural(r.warnings)
        )?;
    }
    Ok(())
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
