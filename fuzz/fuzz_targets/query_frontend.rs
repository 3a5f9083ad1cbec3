//! The query front-end: user text through tantivy's query parser and chronicle's all-words bonus,
//! combined with date and entity filters, then run as a full search (ranking, date sort, snippets,
//! facets) against a tiny in-RAM index.
//!
//! Input layout, one field per line: the query text, `--from`, `--to`, then `--entity` filters. The
//! first byte's low bit picks the sort order; an invalid filter is dropped, as the CLI would refuse it.
#![no_main]

use chronicle::search::filters::{DateRange, EntityFilter};
use chronicle::search::{query, SearchRequest, Sort};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let input = chronicle_fuzz::text(rest);
    let mut lines = input.split('\n');
    let text = lines.next().unwrap_or("");
    let dates = DateRange::parse(
        chronicle_fuzz::non_blank(lines.next()),
        chronicle_fuzz::non_blank(lines.next()),
    )
    .unwrap_or_default();
    let entities: Vec<EntityFilter> = lines.filter_map(|l| EntityFilter::parse(l).ok()).collect();

    let archive = chronicle_fuzz::archive();
    let Ok(parsed) = query::text_query(archive.index(), text) else {
        return;
    };
    let _ = query::with_filters(archive.index(), parsed, &dates, &entities);

    let mut request = SearchRequest::new(text);
    request.dates = dates;
    request.entities = entities;
    request.sort = if flags & 1 == 0 {
        Sort::Relevance
    } else {
        Sort::Date
    };
    request.limit = usize::from(flags >> 1 & 3) + 1;
    request.offset = usize::from(flags >> 3 & 1);
    let results = archive
        .search(&request)
        .expect("a query that parsed must run");
    assert!(results.hits.len() <= request.limit);
    assert!(results.total <= 3);
    for hit in &results.hits {
        for r in &hit.snippet.highlights {
            assert!(
                r.start <= r.end && r.end <= hit.snippet.text.len(),
                "{r:?} in {hit:?}"
            );
            assert!(hit.snippet.text.is_char_boundary(r.start));
            assert!(hit.snippet.text.is_char_boundary(r.end));
        }
    }
});
