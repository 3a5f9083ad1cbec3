//! The indexing progress bar: bytes done, articles per second and an ETA, on stderr.
//!
//! indicatif hides the bar by itself when stderr is not a terminal (CI logs, pipes), and its
//! `println` keeps skip reports from tearing the bar.

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::index::build::Event;

/// Turns build events into a progress bar and one stderr line per skipped file or story.
pub struct IndexProgress {
    bar: ProgressBar,
    articles: u64,
    started: std::time::Instant,
    quiet: bool,
}

impl IndexProgress {
    /// `quiet` suppresses the per-file lines (the summary still counts them).
    pub fn new(quiet: bool) -> IndexProgress {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {msg} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        IndexProgress {
            bar,
            articles: 0,
            started: std::time::Instant::now(),
            quiet,
        }
    }

    pub fn on_event(&mut self, event: crate::index::build::Event) {
        match event {
            Event::Planned { bytes, .. } => {
                self.bar.set_length(bytes);
                self.bar
                    .enable_steady_tick(std::time::Duration::from_millis(120));
            }
            Event::FileDone { bytes, articles } => {
                self.articles += articles;
                let secs = self.started.elapsed().as_secs_f64().max(0.001);
                self.bar.set_message(format!(
                    "{} articles, {:.0}/s",
                    self.articles,
                    self.articles as f64 / secs
                ));
                self.bar.inc(bytes);
            }
            Event::FileSkipped { path, reason } => {
                if !self.quiet {
                    self.line(format!("skipped {}: {reason}", path.display()));
                }
            }
            Event::ArticleSkipped {
                path,
                position,
                reason,
            } => {
                if !self.quiet {
                    self.line(format!("skipped {} ({position}): {reason}", path.display()));
                }
            }
            Event::Warning { path, message } => {
                if !self.quiet {
                    self.line(format!("note: {}: {message}", path.display()));
                }
            }
            Event::Committing => {
                self.bar.set_message(format!(
                    "{} articles, committing ({})",
                    self.articles,
                    HumanBytes(self.bar.position())
                ));
            }
        }
    }

    /// Prints a line above the bar; straight to stderr when the bar is hidden (not a terminal),
    /// where indicatif would drop it.
    fn line(&self, text: String) {
        if self.bar.is_hidden() {
            eprintln!("{text}");
        } else {
            self.bar.println(text);
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
