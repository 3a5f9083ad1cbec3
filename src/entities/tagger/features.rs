//! Hashed features: what the tagger knows about a token and its neighbours.
//!
//! Brief overview. [`TokInfo::of`] reduces a token to a few 64-bit hashes (the word as written, lower
//! case, shape, prefixes and suffixes) and flags, in one pass over its bytes and without allocating.
//! [`Gazetteer::mark`] adds name-list membership for the sentence. [`features`] then combines the
//! infos of a +-2 window and the previous tag into feature hashes, each an index into the model's
//! weight table. Nothing is ever looked up by string: a feature *is* its hash, and two features that
//! collide share a weight row. With 2^20 rows and ~30 features per token collisions cost well under
//! 0.1 F1 (measured), and the table needs no dictionary.
//!
//! Changing anything here that changes a hash changes the meaning of every trained weight: bump
//! [`FEATURE_SET`] and retrain.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Version of the feature templates and hashing; a model records the one it was trained with.
pub const FEATURE_SET: u32 = 2;

/// Tags: `O`, then `B-`/`I-` for PER, ORG, LOC, MISC (IOB2).
pub const NTAGS: usize = 9;

/// The previous-tag value before the first token.
pub(crate) const BOS_TAG: u8 = NTAGS as u8;

/// First character is upper case (a name can start here).
pub(crate) const F_CAP: u32 = 1;
/// Two or more letters, none lower case.
pub(crate) const F_ALLCAPS: u32 = 2;
/// Has a digit.
pub(crate) const F_DIGIT: u32 = 4;
/// Has a letter.
pub(crate) const F_ALPHA: u32 = 8;

/// Has a lower-case letter.
pub(crate) const F_LOWER: u32 = 16;
/// Has an upper-case letter anywhere (`ex-England`, `al-Aqsa`): the tagger looks at it.
pub(crate) const F_ANYCAP: u32 = 32;

/// Most features one token can produce.
pub(crate) const MAX_FEATURES: usize = 72;

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Murmur3's finaliser: spreads every input bit over the output, so the top bits make a good index.
#[inline]
pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// What the features need to know about one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TokInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    /// The first four bytes of the lower-case form, packed little-endian: the prefix features.
    pub head: u32,
    /// The last four bytes of the lower-case form, packed little-endian: the suffix features.
    pub tail: u32,
    /// Length in bytes, capped at 255 (only lengths up to 4 matter to the affixes).
    pub len: u8,
    pub flags: u32,
    /// What the rest of the document says about this word ([`mark_doc`]): `D_*` bits.
    pub doc: u32,
    /// Gazetteer membership: bit `2c` begins a name of class `c`, bit `2c + 1` continues one.
    pub gaz: u32,
}

/// Character classes for shapes. Runs collapse, so `Norov` is `Xx` and `COVID-19` is `X-d`.
#[inline]
fn class(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        0x80.. => b'u',
        _ => b,
    }
}

impl TokInfo {
    /// Hashes one token.
    #[inline]
    pub fn of(w: &str) -> TokInfo {
        TokInfo::of_bytes(w.as_bytes())
    }

    /// [`TokInfo::of`] on the token's bytes. Most tokens of running text are plain lower-case
    /// words: their shape is always `x` and their written form is their lower-case form, so one
    /// pass both checks that and hashes; the first other byte hands the token to the general path.
    #[inline]
    pub fn of_bytes(b: &[u8]) -> TokInfo {
        if b.is_empty() {
            return TokInfo::of_any(b);
        }
        let mut lower = FNV_OFFSET;
        for &c in b {
            if !c.is_ascii_lowercase() {
                return TokInfo::of_any(b);
            }
            lower = (lower ^ c as u64).wrapping_mul(FNV_PRIME);
        }
        let n = b.len();
        // The first and last four bytes, packed as the general path packs them (shorter words:
        // the bytes they have, low end first).
        let (head, tail) = match b {
            [a0, a1, a2, a3, ..] => (
                u32::from_le_bytes([*a0, *a1, *a2, *a3]),
                u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]),
            ),
            _ => {
                let mut x = 0u32;
                for (k, &c) in b.iter().enumerate() {
                    x |= (c as u32) << (8 * k);
                }
                (x, x << (8 * (4 - n)))
            }
        };
        let shape = (FNV_OFFSET ^ b'x' as u64).wrapping_mul(FNV_PRIME);
        TokInfo::from_parts([lower, lower, shape], head, tail, n, F_ALPHA | F_LOWER)
    }

    /// [`TokInfo::of`] for any token.
    fn of_any(b: &[u8]) -> TokInfo {
        let mut word = FNV_OFFSET;
        let mut lower = FNV_OFFSET;
        let mut shape = FNV_OFFSET;
        let mut last_class = 0u8;
        let mut shape_len = 0;
        let mut upper = 0u32;
        let mut lowers = 0u32;
        let mut flags = 0u32;
        let mut head = 0u32;
        let mut tail = 0u32;
        for (k, &c) in b.iter().enumerate() {
            let l = c.to_ascii_lowercase();
            lower = (lower ^ l as u64).wrapping_mul(FNV_PRIME);
            if k < 4 {
                head |= (l as u32) << (8 * k);
            }
            tail = tail >> 8 | (l as u32) << 24;
            let cl = class(c);
            if cl != last_class && shape_len < 8 {
                shape = (shape ^ cl as u64).wrapping_mul(FNV_PRIME);
                shape_len += 1;
                last_class = cl;
            }
            upper += c.is_ascii_uppercase() as u32;
            lowers += c.is_ascii_lowercase() as u32;
            if c.is_ascii_digit() {
                flags |= F_DIGIT;
            }
        }
        // The written form differs from the lower-case one only if it has a capital: most tokens
        // of running text have none, and hash once.
        if upper == 0 {
            word = lower;
        } else {
            for &c in b {
                word = (word ^ c as u64).wrapping_mul(FNV_PRIME);
            }
        }
        if b.first().is_some_and(|c| c.is_ascii_uppercase()) {
            flags |= F_CAP;
        }
        if upper + lowers > 0 {
            flags |= F_ALPHA;
        }
        if lowers > 0 {
            flags |= F_LOWER;
        }
        if upper > 0 {
            flags |= F_ANYCAP;
        }
        if upper >= 2 && lowers == 0 {
            flags |= F_ALLCAPS;
        }
        TokInfo::from_parts([word, lower, shape], head, tail, b.len(), flags)
    }

    /// Assembles a token's info: `[word, lower, shape]` hashes, the first four and last four bytes
    /// (`tail` as accumulated, last byte highest), the length in bytes and the flags.
    fn from_parts(hashes: [u64; 3], head: u32, tail: u32, n: usize, flags: u32) -> TokInfo {
        let [word, lower, shape] = hashes;
        TokInfo {
            word,
            lower,
            shape,
            head,
            // Shorter than four bytes: shift the bytes down to the low end (an empty token has none).
            tail: if n >= 4 {
                tail
            } else {
                tail.checked_shr(8 * (4 - n) as u32).unwrap_or(0)
            },
            len: n.min(255) as u8,
            flags,
            doc: 0,
            gaz: 0,
        }
    }

    /// Prefix (`k` < 4) or suffix (`k` >= 4) hash of length `k % 4 + 1` of the lower-case form.
    /// Computed on demand: only scored tokens need them, and most tokens are never scored. Words
    /// shorter than the affix get the whole word, tagged by length so `a` != `a` + 3.
    #[inline]
    pub fn affix(&self, k: usize) -> u64 {
        if self.len == 0 {
            return 0;
        }
        let n = (self.len as usize).min(k % 4 + 1);
        let mut h = FNV_OFFSET;
        if k < 4 {
            for j in 0..n {
                h = (h ^ (self.head >> (8 * j)) as u8 as u64).wrapping_mul(FNV_PRIME);
            }
        } else {
            let have = (self.len as usize).min(4);
            for j in have - n..have {
                h = (h ^ (self.tail >> (8 * j)) as u8 as u64).wrapping_mul(FNV_PRIME);
            }
        }
        mix(h ^ ((k as u64) << 56))
    }

    fn sentinel(seed: u64) -> TokInfo {
        let h = mix(seed);
        TokInfo {
            word: h,
            lower: h,
            shape: h,
            head: 0,
            tail: 0,
            len: 0,
            flags: 0,
            doc: 0,
            gaz: 0,
        }
    }
}

/// Combines the lower-case hashes of a phrase's tokens; gazetteer keys are made the same way.
#[inline]
pub(crate) fn phrase_step(h: u64, lower: u64) -> u64 {
    (h.rotate_left(17) ^ lower).wrapping_mul(K1)
}

/// Keys are already hashes: use them as they are.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("IdHasher only hashes u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(n);
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Gazetteer classes. GeoNames gives the first three; the training data's own names the rest.
pub const GAZ_COUNTRY: u32 = 0;
pub const GAZ_CITY: u32 = 1;
pub const GAZ_REGION: u32 = 2;
pub const GAZ_PER: u32 = 3;
pub const GAZ_ORG: u32 = 4;
pub const GAZ_LOC: u32 = 5;
pub const GAZ_MISC: u32 = 6;

/// Name lists, stored as hashes of the lower-cased phrase (see [`phrase_step`]) mapped to class bits.
///
/// `filter` has one bit per slice of the hash space that holds a key (64 KB for the shipped
/// lists): [`Gazetteer::mark`] tries every phrase of up to five tokens from every capitalised
/// token, and nearly all of them are in no list, so a bit test in cache answers most look-ups
/// that would otherwise probe the map.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub(crate) map: IdMap<u8>,
    pub(crate) max_len: usize,
    filter: Vec<u64>,
}

/// log2 of the filter's bits.
const FILTER_BITS: u32 = 19;

/// Longest phrase a gazetteer matches, in tokens.
pub(crate) const GAZ_MAX_LEN: usize = 5;

impl Gazetteer {
    /// Adds a phrase, given as the [`TokInfo`]s of its tokens.
    pub(crate) fn insert(&mut self, tokens: &[TokInfo], class: u32) {
        if tokens.is_empty() || tokens.len() > GAZ_MAX_LEN {
            return;
        }
        let key = tokens.iter().fold(0, |h, t| phrase_step(h, t.lower));
        self.insert_key(key, 1 << class, tokens.len());
    }

    pub(crate) fn insert_key(&mut self, key: u64, bits: u8, len: usize) {
        *self.map.entry(key).or_insert(0) |= bits;
        self.max_len = self.max_len.max(len);
        if self.filter.is_empty() {
            self.filter = vec![0; 1 << (FILTER_BITS - 6)];
        }
        let slot = Self::slot(key);
        self.filter[slot >> 6] |= 1 << (slot & 63);
    }

    pub(crate) fn reserve(&mut self, keys: usize) {
        self.map.reserve(keys);
    }

    #[inline]
    fn slot(key: u64) -> usize {
        (mix(key) >> (64 - FILTER_BITS)) as usize
    }

    /// The classes of a phrase key, if it is in any list.
    #[inline]
    fn get(&self, key: u64) -> Option<u8> {
        let slot = Self::slot(key);
        let maybe = self
            .filter
            .get(slot >> 6)
            .is_some_and(|w| w & (1 << (slot & 63)) != 0);
        if !maybe {
            return None;
        }
        self.map.get(&key).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Marks every phrase of the sentence that starts with a capitalised token and is in the lists.
    pub(crate) fn mark(&self, infos: &mut [TokInfo]) {
        if self.map.is_empty() {
            return;
        }
        let n = infos.len();
        for s in 0..n {
            if infos[s].flags & F_CAP == 0 {
                continue;
            }
            let mut h = 0;
            for e in s..n.min(s + self.max_len) {
                h = phrase_step(h, infos[e].lower);
                if let Some(bits) = self.get(h) {
                    let mut bits = bits as u32;
                    while bits != 0 {
                        let c = bits.trailing_zeros();
                        bits &= bits - 1;
                        infos[s].gaz |= 1 << (2 * c);
                        for t in &mut infos[s + 1..=e] {
                            t.gaz |= 1 << (2 * c + 1);
                        }
                    }
                }
            }
        }
    }
}

/// Capitalised inside a sentence somewhere in the document (not a headline, not first word).
pub(crate) const D_CAP_MID: u32 = 1;
/// Written in lower case somewhere in the document.
pub(crate) const D_LOWER: u32 = 2;
/// Starts a run of two or more capitalised words somewhere (`Vladimir` of `Vladimir Norov`).
pub(crate) const D_FIRST: u32 = 4;
/// Ends such a run somewhere (`Norov`).
pub(crate) const D_LAST: u32 = 8;

/// Fills [`TokInfo::doc`]: how each word is written elsewhere in the document. This is what tells a
/// name at the start of a sentence or in a headline from a common word, and what links `Norov` to
/// `Vladimir Norov`. `seen` is a reusable map.
pub(crate) fn mark_doc(infos: &mut [TokInfo], sents: &[(u32, u32)], seen: &mut IdMap<u32>) {
    seen.clear();
    // Pass 1: capitalised words, how they are used. Only these can be names, so only these go in
    // the map; pass 2 then costs lower-case words one lookup, not an insert.
    for &(a, b) in sents {
        let s = &infos[a as usize..b as usize];
        let headline = s.iter().all(|t| t.flags & F_LOWER == 0);
        let mut run = 0usize;
        for i in 0..=s.len() {
            let cap = s.get(i).is_some_and(|t| t.flags & F_CAP != 0);
            if cap {
                let bits = if i > 0 && !headline { D_CAP_MID } else { 0 };
                *seen.entry(s[i].lower).or_insert(0) |= bits;
                run += 1;
                continue;
            }
            if run >= 2 && !headline {
                *seen.entry(s[i - run].lower).or_insert(0) |= D_FIRST;
                *seen.entry(s[i - 1].lower).or_insert(0) |= D_LAST;
            }
            run = 0;
        }
    }
    if seen.is_empty() {
        return;
    }
    // Pass 2 asks, of every lower-case token, whether the same word is capitalised somewhere: a
    // few dozen words per article are, so a 4096-bit filter answers most of them without the map.
    let mut filter = [0u64; 64];
    let slot = |key: u64| (mix(key) >> 52) as usize;
    for &key in seen.keys() {
        filter[slot(key) >> 6] |= 1 << (slot(key) & 63);
    }
    for t in infos.iter() {
        if t.flags & (F_LOWER | F_ANYCAP) == F_LOWER {
            let s = slot(t.lower);
            if filter[s >> 6] & (1 << (s & 63)) == 0 {
                continue;
            }
            if let Some(bits) = seen.get_mut(&t.lower) {
                *bits |= D_LOWER;
            }
        }
    }
    for t in infos.iter_mut() {
        if t.flags & F_ANYCAP != 0 {
            t.doc = seen.get(&t.lower).copied().unwrap_or(0);
        }
    }
}

/// Feature hashes for one token, ready to index the weight table.
pub(crate) struct Feats {
    pub idx: [u32; MAX_FEATURES],
    pub n: usize,
}

impl Default for Feats {
    fn default() -> Self {
        Feats {
            idx: [0; MAX_FEATURES],
            n: 0,
        }
    }
}

impl Feats {
    #[inline]
    fn push(&mut self, h: u64, shift: u32) {
        // `n` never reaches the bound: `features` emits at most MAX_FEATURES.
        self.idx[self.n] = (mix(h) >> shift) as u32;
        self.n += 1;
    }

    pub fn as_slice(&self) -> &[u32] {
        &self.idx[..self.n]
    }
}

/// Template ids: each feature hash starts from its template's seed.
#[inline]
fn t(id: u64) -> u64 {
    (id + 1).wrapping_mul(K1)
}

#[inline]
fn f1(id: u64, a: u64) -> u64 {
    t(id) ^ a.wrapping_mul(K2)
}

#[inline]
fn f2(id: u64, a: u64, b: u64) -> u64 {
    t(id) ^ a.wrapping_mul(K2) ^ b.rotate_left(29).wrapping_mul(K1)
}

#[inline]
fn f3(id: u64, a: u64, b: u64, c: u64) -> u64 {
    t(id) ^ a.wrapping_mul(K2) ^ b.rotate_left(29).wrapping_mul(K1) ^ c.rotate_left(43)
}

/// Sentence-level facts the features use.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SentCtx {
    /// No lower-case letter anywhere: a headline.
    pub all_caps: bool,
}

/// Computes the features of token `i` given the previous tag into `out`; `shift` is
/// `64 - table bits`.
///
/// The templates are what was left after an ablation (fifth session; `docs/performance.md`), judged
/// by `eng.testa` F1 and Reuters story coverage (`chronicle ner-coverage`), each the mean over four
/// training orders, and by the sample article's facets: nine of the forty-three the tagger started
/// with (the bias, two affixes, three of the five previous-tag templates, the shape-crossed and
/// combined name-list bits, the bare document facts) cost a feature per scored token each and
/// neither F1 nor coverage. A template's number is its hash seed: a gap is a dropped template.
#[allow(clippy::too_many_arguments)] // the hot path: one flat call, no struct to build per token
#[inline(always)]
pub(crate) fn features(
    inf: &[TokInfo],
    i: usize,
    p1: u8,
    hist: u32,
    ctx: SentCtx,
    shift: u32,
    out: &mut Feats,
) {
    static BOS: std::sync::OnceLock<(TokInfo, TokInfo)> = std::sync::OnceLock::new();
    let (bos, eos) = BOS.get_or_init(|| (TokInfo::sentinel(1), TokInfo::sentinel(2)));
    let at = |k: isize| -> &TokInfo {
        if k < 0 {
            bos
        } else {
            inf.get(k as usize).unwrap_or(eos)
        }
    };
    let i_ = i as isize;
    let c = &inf[i];
    let (m1, m2, n1, n2) = (at(i_ - 1), at(i_ - 2), at(i_ + 1), at(i_ + 2));
    out.n = 0;
    let caps = ctx.all_caps as u64;
    // In a headline the written form says nothing: use the lower-case one under its own template.
    if ctx.all_caps {
        out.push(f1(1, c.lower), shift);
    } else {
        out.push(f1(2, c.word), shift);
        out.push(f1(3, m1.word), shift);
        out.push(f1(4, n1.word), shift);
    }
    out.push(f1(5, c.lower), shift);
    out.push(f1(6, m1.lower), shift);
    out.push(f1(7, n1.lower), shift);
    out.push(f1(8, m2.lower), shift);
    out.push(f1(9, n2.lower), shift);
    out.push(f2(10, c.shape, caps), shift);
    out.push(f2(11, m1.shape, caps), shift);
    out.push(f2(12, n1.shape, caps), shift);
    out.push(f2(13, m2.shape, caps), shift);
    out.push(f2(14, n2.shape, caps), shift);
    // Affixes: the two- and three-letter prefixes, the last one to four letters.
    for k in [1, 2, 4, 5, 6, 7] {
        out.push(f1(15 + k as u64, c.affix(k)), shift);
    }
    out.push(f2(23, m1.lower, c.lower), shift);
    out.push(f2(24, c.lower, n1.lower), shift);
    out.push(f2(25, m1.shape, c.shape), shift);
    out.push(f2(26, c.shape, n1.shape), shift);
    out.push(f3(27, m1.shape, c.shape, n1.shape), shift);
    out.push(f2(30, p1 as u64, c.lower), shift);
    out.push(f2(31, p1 as u64, c.shape), shift);
    out.push(f2(32, (i == 0) as u64, c.shape), shift);
    let mut g = c.gaz;
    while g != 0 {
        let b = g.trailing_zeros();
        g &= g - 1;
        out.push(f1(34, b as u64), shift);
    }
    if m1.gaz != 0 {
        out.push(f1(36, m1.gaz as u64), shift);
    }
    if n1.gaz != 0 {
        out.push(f1(37, n1.gaz as u64), shift);
    }
    if hist != 0 {
        out.push(f1(39, hist as u64), shift);
        out.push(f2(40, hist as u64, c.shape), shift);
    }
    if c.doc != 0 {
        let pos = (i == 0) as u64 | caps << 1;
        out.push(f2(42, c.doc as u64, pos), shift);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lower-case fast path hashes exactly as the general one: the trained weights depend on it.
    #[test]
    fn lower_case_fast_path_matches_the_general_one() {
        for w in [
            "a",
            "of",
            "the",
            "said",
            "memorandum",
            "abcdefghijklmnopqrstuvwxyz",
        ] {
            assert_eq!(TokInfo::of(w), TokInfo::of_any(w.as_bytes()), "{w}");
        }
        // Not lower-case ASCII: the general path.
        for w in ["", "WHO", "Norov", "don't", "1987", "café", "x-ray"] {
            assert_eq!(TokInfo::of(w), TokInfo::of_any(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn gazetteer_finds_what_was_inserted_and_nothing_else() {
        let mut g = Gazetteer::default();
        let phrase = [TokInfo::of("New"), TokInfo::of("York")];
        g.insert(&phrase, GAZ_CITY);
        let mut sent = [
            TokInfo::of("in"),
            TokInfo::of("New"),
            TokInfo::of("York"),
            TokInfo::of("New"),
        ];
        g.mark(&mut sent);
        let begins = 1 << (2 * GAZ_CITY);
        let inside = 1 << (2 * GAZ_CITY + 1);
        let marks: Vec<u32> = sent.iter().map(|t| t.gaz).collect();
        assert_eq!(marks, [0, begins, inside, 0]);
    }
}
