//! Where a finished index's segments are merged into as many as searches run in parallel.
//!
//! Brief overview. tantivy writes an index as segments and its merge policy leaves them in layers:
//! a million articles end as one segment of 540,000 and eight of 38,000 to 81,000. A search visits
//! every segment (term look-ups, scorer and collector set-up, one task of the parallel search
//! each), so nine segments cost more than two holding the same articles. [`balance`] merges the
//! segments into `groups` of about equal size: the largest first, each into the lightest group so
//! far, then every group of two or more merged into one.
//!
//! Why: measured on the 1M synthetic archive (`examples/query_bench`, 200 queries), two segments
//! of 540,000 and 460,000 instead of those nine took a search from p50 2.4 to 1.9 ms (1.35x to 1.1x
//! tantivy's plain BM25) and with facet counts from 18 to 10 ms; the merge took 7 s of a 92 s
//! build. Builds run it once at the end; an update runs it only once small segments have piled
//! up (see `index::build`), so that adding a day's news does not rewrite the archive.

use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::error::Result;

/// Merges the segments of `index` into at most `groups` segments of about equal size. Returns how
/// many merges it ran. Needs the index's writer lock: call it with no writer open, and with no
/// reader holding the old segments, or their files stay on disk.
pub fn balance(index: &Index, groups: usize) -> Result<usize> {
    let groups = groups.max(1);
    // Only ids leave this block: a segment's meta, while alive anywhere, keeps its files from the
    // garbage collector.
    let plan: Vec<(u64, Vec<SegmentId>)> = {
        let mut metas = index.searchable_segment_metas()?;
        if metas.len() <= groups {
            return Ok(0);
        }
        metas.sort_by_key(|m| std::cmp::Reverse(m.num_docs()));
        let mut plan = vec![(0, Vec::new()); groups];
        for meta in &metas {
            // The lightest group so far takes the next largest segment (ties: the first).
            if let Some(group) = plan.iter_mut().min_by_key(|(docs, _)| *docs) {
                group.0 += u64::from(meta.num_docs());
                group.1.push(meta.id());
            }
        }
        plan
    };
    let mut writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, 32 << 20)?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let mut merges = 0;
    for (_, ids) in plan.iter().filter(|(_, ids)| ids.len() >= 2) {
        writer.merge(ids).wait()?;
        merges += 1;
    }
    writer.wait_merging_threads()?;
    // The merged-away segments' files (0.7 GB for a million articles). Collected by another
    // writer, once the merges are wound up and no longer hold the old segments.
    let collector: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, 15 << 20)?;
    collector.garbage_collect_files().wait()?;
    collector.wait_merging_threads()?;
    Ok(merges)
}

/// Whether an updated index has collected enough small segments to be worth merging: more than
/// four per group.
pub fn worth_balancing(index: &Index, groups: usize) -> Result<bool> {
    Ok(index.searchable_segment_metas()?.len() > 4 * groups.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STORED, STRING};
    use tantivy::{doc, Index};

    /// An index with one segment per entry of `sizes`, holding that many documents.
    fn index_with_segments(sizes: &[usize]) -> Index {
        let mut b = Schema::builder();
        let id = b.add_text_field("id", STRING | STORED);
        let index = Index::create_in_ram(b.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15 << 20).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let mut n = 0;
        for &size in sizes {
            for _ in 0..size {
                writer.add_document(doc!(id => n.to_string())).unwrap();
                n += 1;
            }
            writer.commit().unwrap();
        }
        writer.wait_merging_threads().unwrap();
        index
    }

    fn sizes(index: &Index) -> Vec<u32> {
        let mut s: Vec<u32> = index
            .searchable_segment_metas()
            .unwrap()
            .iter()
            .map(|m| m.num_docs())
            .collect();
        s.sort_unstable_by(|a, b| b.cmp(a));
        s
    }

    #[test]
    fn segments_merge_into_balanced_groups_and_keep_every_document() {
        let index = index_with_segments(&[50, 9, 8, 7, 6, 5, 4, 3]);
        assert_eq!(balance(&index, 2).unwrap(), 1);
        // 50 stays alone; the seven small ones (42 documents) become one.
        assert_eq!(sizes(&index), vec![50, 42]);
        let index = index_with_segments(&[10, 10, 10, 10, 9, 9]);
        assert_eq!(balance(&index, 3).unwrap(), 3);
        assert_eq!(sizes(&index), vec![20, 19, 19]);
        let reader = index.reader().unwrap();
        assert_eq!(reader.searcher().num_docs(), 58);
        // Nothing of the merged-away segments is left behind.
        let live: Vec<String> = index
            .searchable_segment_metas()
            .unwrap()
            .iter()
            .map(|m| m.id().uuid_string())
            .collect();
        let stale: Vec<_> = index
            .directory()
            .list_managed_files()
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e != "json"))
            .filter(|f| !live.iter().any(|id| f.to_string_lossy().starts_with(id)))
            .collect();
        assert!(stale.is_empty(), "{stale:?}");
    }

    #[test]
    fn few_segments_are_left_alone() {
        let index = index_with_segments(&[5, 3]);
        assert_eq!(balance(&index, 2).unwrap(), 0);
        assert_eq!(sizes(&index), vec![5, 3]);
        assert!(!worth_balancing(&index, 2).unwrap());
    }
}
