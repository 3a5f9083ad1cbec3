//! The end-of-run summary of `chronicle index`.

use std::io::{self, Write};

use indicatif::HumanBytes;

use crate::entities::coverage::CoverageReport;
use crate::index::build::IndexReport;
use crate::index::stats::Stats;

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
    writeln!(
        out,
        "  files: {} added, {} updated, {} removed, {} unchanged; {} articles removed; the index holds {} articles{}",
        r.files_added,
        r.files_updated,
        r.files_removed,
        r.files_unchanged,
        r.articles_removed,
        r.articles_total,
        if r.rebuilt { " (rebuilt)" } else { "" }
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
            "  {} file{} read with a warning",
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

/// Writes `chronicle stats` for people.
pub fn write_stats(out: &mut dyn Write, s: &Stats) -> io::Result<()> {
    let none = || "-".to_string();
    writeln!(out, "index        {}", s.index_dir)?;
    if let Some(corpus) = &s.corpus {
        writeln!(out, "corpus       {corpus}")?;
    }
    writeln!(out, "articles     {}", s.articles)?;
    writeln!(out, "files        {}", s.files)?;
    writeln!(
        out,
        "dates        {} .. {} ({} undated)",
        s.first_date.clone().unwrap_or_else(none),
        s.last_date.clone().unwrap_or_else(none),
        s.undated
    )?;
    let entities: Vec<String> = s.entities.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let extraction = match s.entity_extraction {
        Some(false) => " (extraction was off)",
        _ => "",
    };
    writeln!(out, "entities     {}{extraction}", entities.join(", "))?;
    let sources: Vec<String> = s.sources.iter().map(|(k, n)| format!("{k} {n}")).collect();
    writeln!(out, "sources      {}", sources.join(", "))?;
    writeln!(out, "size         {}", HumanBytes(s.index_bytes))?;
    writeln!(
        out,
        "last indexed {}",
        s.last_indexed.clone().unwrap_or_else(none)
    )?;
    Ok(())
}

/// `chronicle ner-coverage`: per type, how many editors' tags the extracted entities cover.
pub fn write_coverage(out: &mut dyn Write, r: &CoverageReport) -> io::Result<()> {
    writeln!(
        out,
        "{:<8} {:>8} {:>7} {:>8} {:>9} {:>12}",
        "type", "stories", "tags", "covered", "coverage", "all covered"
    )?;
    for (kind, c) in r.coverage.by_kind() {
        writeln!(
            out,
            "{:<8} {:>8} {:>7} {:>8} {:>8.1}% {:>11.1}%",
            kind.as_str(),
            c.stories,
            c.tags,
            c.covered,
            c.percent(),
            if c.stories == 0 {
                0.0
            } else {
                100.0 * c.stories_all_covered as f64 / c.stories as f64
            }
        )?;
    }
    writeln!(
        out,
        "{} stories read, {} with place, person or organisation tags",
        r.stories, r.tagged_stories
    )
}
