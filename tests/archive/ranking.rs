//! Two-phase ranking: the words score every match, the extras (all-words bonus, word pairs) re-score
//! the best of them. Where the window holds every match, the result must be exactly what scoring
//! every match in full gives.

use tantivy::collector::Count;

use chronicle::search::query::natural_ranked;
use chronicle::search::ranking::Ranking;
use chronicle::search::rescore::top_hits;
use chronicle::search::Archive;

use crate::support::*;

/// The benchmark's queries (Reuters titles, 1-4 words): many share words with thousands of stories.
fn queries() -> Vec<String> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/queries-reuters-200.txt"),
    )
    .expect("the query file is in the repo");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn rescoring_every_match_ranks_as_scoring_every_match_in_full() {
    let archive = Archive::open(archive_index()).expect("the archive opens");
    let searcher = archive.searcher();
    let index = archive.index();
    let one_pass = Ranking {
        rescore_window: 0,
        ..Ranking::default()
    };
    // Wider than the archive: every match gets the extras, in the second phase.
    let two_phase = Ranking {
        rescore_window: 100_000,
        ..Ranking::default()
    };
    let mut compared = 0;
    for q in queries() {
        let full = natural_ranked(index, &q, &one_pass);
        let split = natural_ranked(index, &q, &two_phase);
        let (want, want_total) = top_hits(&searcher, &full, 10, Count).expect("one pass runs");
        let (got, got_total) = top_hits(&searcher, &split, 10, Count).expect("two phases run");
        assert_eq!(got_total, want_total, "{q}: the same articles match");
        assert_eq!(got.len(), want.len(), "{q}");
        for (g, w) in got.iter().zip(&want) {
            // Sums taken in another order may differ in the last bits: compare scores, and
            // addresses only where the score is not tied with a neighbour.
            assert!(
                (g.0 - w.0).abs() <= 1e-4 * w.0.abs().max(1.0),
                "{q}: {got:?} vs {want:?}"
            );
        }
        let distinct = |hits: &[(f32, tantivy::DocAddress)], i: usize| {
            let s = hits[i].0;
            let near = |j: usize| hits.get(j).is_some_and(|h| (h.0 - s).abs() <= 1e-4 * s);
            let tied = (i > 0 && near(i - 1)) || near(i + 1);
            !tied
        };
        for i in 0..want.len() {
            if distinct(&want, i) {
                assert_eq!(got[i].1, want[i].1, "{q}: rank {}", i + 1);
            }
        }
        compared += 1;
    }
    assert!(compared >= 100);
}

#[test]
fn the_extras_reach_only_the_window() {
    let archive = Archive::open(archive_index()).expect("the archive opens");
    let searcher = archive.searcher();
    let index = archive.index();
    let with = |window: usize| Ranking {
        rescore_window: window,
        ..Ranking::default()
    };
    let words_only = Ranking {
        all_words_bonus: 0.0,
        pair_boost: 0.0,
        ..Ranking::default()
    };
    let top = |q: &str, ranking: &Ranking, n: usize| {
        top_hits(&searcher, &natural_ranked(index, q, ranking), n, Count)
            .expect("search runs")
            .0
    };
    // Queries where the extras change the winner: the best story in full is not the best by words.
    let mut checked = 0;
    for q in queries() {
        let best = top(&q, &with(0), 1)[0].1;
        let by_words = top(&q, &words_only, 20);
        let Some(rank) = by_words.iter().position(|&(_, a)| a == best) else {
            continue;
        };
        if rank == 0 {
            continue;
        }
        // A window that holds it lifts it to the top; one that stops just short cannot.
        assert_eq!(top(&q, &with(rank + 1), 1)[0].1, best, "{q}");
        assert_ne!(top(&q, &with(rank), 1)[0].1, best, "{q}");
        checked += 1;
    }
    assert!(
        checked >= 5,
        "only {checked} queries where the extras change the winner"
    );
}
