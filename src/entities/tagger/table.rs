//! The weight table, stored sparse so that scoring stays in cache.
//!
//! Brief overview. Features index a table of `2^bits` rows of [`NTAGS`] weights, but training leaves
//! most rows at zero: the shipped model has 81,526 non-zero rows of 1,048,576 (7.8%). Stored dense,
//! the table is 18 MB and every feature of every scored token is a cache miss; that made scoring the
//! largest cost of entity extraction. [`Weights`] keeps only the non-zero rows (1.5 MB) and a bitmap
//! of which rows those are, with a running count per 64 rows (256 KB together), so a look-up is one
//! access to the small bitmap and, only for a present row, one to the packed rows. Scores are exactly
//! those of the dense table: absent rows are zero.

use super::features::NTAGS;

/// One row's weights, one per tag.
pub(crate) type Row = [i16; NTAGS];

/// 64 rows' presence bits and how many rows are present before them: one look-up, one cache line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Block {
    bits: u64,
    before: u32,
}

/// A sparse weight table: the non-zero rows in row order, and a rank bitmap to find them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Weights {
    blocks: Vec<Block>,
    rows: Vec<Row>,
}

impl Default for Weights {
    fn default() -> Self {
        Weights::from_rows(0, [])
    }
}

impl Weights {
    /// Builds the table from `(row index, weights)` in increasing row order; all-zero rows are
    /// dropped. `table_rows` must be a multiple of 64 (tables are powers of two of at least 2^10).
    pub(crate) fn from_rows(
        table_rows: usize,
        rows: impl IntoIterator<Item = (usize, Row)>,
    ) -> Self {
        let mut blocks = vec![Block::default(); table_rows.div_ceil(64)];
        let mut packed = Vec::new();
        let mut last = None;
        for (r, row) in rows {
            debug_assert!(
                last.is_none_or(|l| l < r),
                "rows must come in increasing order"
            );
            last = Some(r);
            if r >= table_rows || row.iter().all(|&w| w == 0) {
                continue;
            }
            blocks[r / 64].bits |= 1 << (r % 64);
            packed.push(row);
        }
        let mut before = 0u32;
        for b in &mut blocks {
            b.before = before;
            before += b.bits.count_ones();
        }
        // The zero row that absent rows resolve to, so scoring never branches on presence.
        packed.push([0; NTAGS]);
        Weights {
            blocks,
            rows: packed,
        }
    }

    /// Builds the table from a dense row-major array of `NTAGS` weights per row.
    pub(crate) fn from_dense(dense: &[i16]) -> Self {
        let rows = dense.chunks_exact(NTAGS).enumerate().map(|(r, w)| {
            let mut row = [0; NTAGS];
            row.copy_from_slice(w);
            (r, row)
        });
        Weights::from_rows(dense.len() / NTAGS, rows)
    }

    /// The weights of row `r`, or `None` if they are all zero (or `r` is outside the table).
    #[cfg(test)]
    pub(crate) fn row(&self, r: u32) -> Option<&Row> {
        let i = self.index(r);
        (i < self.len()).then(|| &self.rows[i])
    }

    /// Adds the weights of rows `rs` into `scores`. Absent rows add the zero row, found without a
    /// branch: which rows are present is unpredictable, and a mispredicted branch would throw away
    /// the loads in flight, which are most of the cost (rows miss the cache).
    #[inline(always)]
    pub(crate) fn add_rows(&self, rs: &[u32], scores: &mut [i32; NTAGS]) {
        for &r in rs {
            let row = &self.rows[self.index(r)];
            for k in 0..NTAGS {
                scores[k] += row[k] as i32;
            }
        }
    }

    /// Where row `r` is in `rows`: its rank among present rows, or the zero row at the end.
    #[inline(always)]
    fn index(&self, r: u32) -> usize {
        let zero = self.rows.len() - 1;
        let r = r as usize;
        let Some(block) = self.blocks.get(r / 64) else {
            return zero;
        };
        let bit = 1u64 << (r % 64);
        let rank = block.before as usize + (block.bits & (bit - 1)).count_ones() as usize;
        if block.bits & bit != 0 {
            rank
        } else {
            zero
        }
    }

    /// The non-zero rows with their indices, in increasing row order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &Row)> + '_ {
        let indices = self.blocks.iter().enumerate().flat_map(|(i, b)| {
            let mut bits = b.bits;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let k = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    i * 64 + k
                })
            })
        });
        indices.zip(&self.rows[..self.len()])
    }

    /// How many rows are non-zero.
    pub(crate) fn len(&self) -> usize {
        self.rows.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(x: i16) -> Row {
        let mut r = [0; NTAGS];
        r[x.unsigned_abs() as usize % NTAGS] = x;
        r
    }

    #[test]
    fn sparse_table_answers_like_the_dense_one() {
        let n = 1 << 10;
        let mut dense = vec![0i16; n * NTAGS];
        // Rows at block edges, a full block, and scattered ones.
        let set: Vec<usize> = (0..64).chain([64 + 63, 128, 500, 511, 512, 1023]).collect();
        for &r in &set {
            dense[r * NTAGS..][..NTAGS].copy_from_slice(&row(r as i16 + 1));
        }
        let w = Weights::from_dense(&dense);
        assert_eq!(w.len(), set.len());
        for r in 0..n {
            let want = &dense[r * NTAGS..][..NTAGS];
            match w.row(r as u32) {
                Some(got) => assert_eq!(&got[..], want, "row {r}"),
                None => assert!(want.iter().all(|&x| x == 0), "row {r} lost"),
            }
        }
        assert_eq!(w.row(n as u32), None);
        let listed: Vec<usize> = w.iter().map(|(r, _)| r).collect();
        assert_eq!(listed, set);
    }

    #[test]
    fn all_zero_rows_are_dropped() {
        let w = Weights::from_rows(128, [(3, [0; NTAGS]), (7, row(5))]);
        assert_eq!(w.len(), 1);
        assert_eq!(w.row(3), None);
        assert_eq!(w.row(7), Some(&row(5)));
    }
}
