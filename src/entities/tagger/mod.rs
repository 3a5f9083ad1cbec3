//! The trained named-entity tagger: an averaged perceptron over hashed features, decoded greedily.
//!
//! Brief overview. A [`Model`] is a table of small integer weights, one row of [`NTAGS`] per feature
//! hash, plus the name lists (GeoNames and names seen in training) it was trained with. Tagging a
//! sentence ([`Model::tag_words`]) walks it left to right: for each token it computes the token's
//! features ([`features`]), adds up their rows and takes the best tag that keeps the IOB2 sequence
//! valid; the tag becomes a feature of the next token. Documents are tagged whole ([`Model::tag_doc`]):
//! how a word is written elsewhere in the document, and what it was tagged earlier in it, are features
//! too (+1.7 F1 on `eng.testa`). [`TaggerExtractor`] puts it behind
//! [`Extractor`]: tokenise the article ([`crate::entities::tokenize`]), tag each sentence, then let
//! [`crate::entities::postprocess`] turn tagged tokens into canonical spans. [`train`] learns a model
//! from CoNLL-2003 and [`model`] reads and writes the file that ships in `models/`.
//!
//! Why this design: a perceptron with greedy decoding is one pass of table lookups per token, and
//! tokens that cannot start or continue a name (no capital, after an `O`) are not scored at all; that is
//! what keeps tagging above two million tokens per second on one core. It reaches 91.1 F1 on
//! `eng.testa`. A CRF (the `crfs` crate) was not tried: it would need Viterbi over string-keyed
//! features, and the perceptron already clears the bar at a fraction of that cost.

pub mod features;
pub mod model;
mod table;
pub mod train;

use crate::entities::postprocess;
use crate::entities::tokenize::{Token, Tokens};
use crate::entities::{EntityKind, Extractor, Span};

use features::{
    features, mark_doc, Feats, Gazetteer, IdMap, SentCtx, TokInfo, BOS_TAG, F_ALPHA, F_ANYCAP,
    F_CAP, F_LOWER, NTAGS,
};

pub use model::{Manifest, ModelError};
pub use train::{train, TrainOptions};

/// An entity type as CoNLL-2003 annotates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerType {
    Per,
    Org,
    Loc,
    Misc,
}

impl NerType {
    pub const ALL: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<NerType> {
        match s {
            "PER" => Some(NerType::Per),
            "ORG" => Some(NerType::Org),
            "LOC" => Some(NerType::Loc),
            "MISC" => Some(NerType::Misc),
            _ => None,
        }
    }

    /// The facet a type becomes; MISC (nationalities, events, products) is not a facet.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            NerType::Per => Some(EntityKind::Person),
            NerType::Org => Some(EntityKind::Org),
            NerType::Loc => Some(EntityKind::Place),
            NerType::Misc => None,
        }
    }
}

/// A token tag: `O`, or the beginning or inside of an entity (IOB2). Stored as a byte: 0 is `O`,
/// `1 + 2 * type` begins, `2 + 2 * type` continues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);

    pub fn begin(t: NerType) -> Tag {
        Tag(1 + 2 * t as u8)
    }

    pub fn inside(t: NerType) -> Tag {
        Tag(2 + 2 * t as u8)
    }

    pub fn ty(self) -> Option<NerType> {
        if self.0 == 0 || self.0 as usize >= NTAGS {
            return None;
        }
        Some(NerType::ALL[(self.0 as usize - 1) / 2])
    }

    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0.is_multiple_of(2)
    }

    /// Parses `O`, `B-PER`, `I-LOC`, ...
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (bi, ty) = s.split_once('-')?;
        let ty = NerType::parse(ty)?;
        match bi {
            "B" => Some(Tag::begin(ty)),
            "I" => Some(Tag::inside(ty)),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; NTAGS] = [
            "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
        ];
        NAMES.get(self.0 as usize).copied().unwrap_or("O")
    }

    /// Whether `self` may follow `prev` in IOB2 (`I-X` only after `B-X` or `I-X`).
    #[inline]
    pub(crate) fn may_follow(self, prev: u8) -> bool {
        !self.is_inside()
            || (prev != 0 && prev != BOS_TAG && prev.div_ceil(2) == self.0.div_ceil(2))
    }
}

/// A trained tagger. Immutable once loaded; share one across threads.
pub struct Model {
    /// `64 - log2(rows)`: a feature hash shifted right by this is its row.
    pub(crate) shift: u32,
    /// The weight rows, stored sparse ([`table`]).
    pub(crate) weights: table::Weights,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) manifest: Manifest,
}

/// Reusable buffers for tagging, so a document costs no allocation once they have grown.
#[derive(Default)]
pub struct Scratch {
    infos: Vec<TokInfo>,
    sents: Vec<(u32, u32)>,
    feats: Feats,
    seen: IdMap<u32>,
    history: IdMap<[u16; 4]>,
    tags: Vec<u8>,
}

impl Scratch {
    /// Starts a new document.
    pub fn clear(&mut self) {
        self.infos.clear();
        self.sents.clear();
    }

    /// Appends a sentence of the current document.
    pub fn push_sentence<'a, I>(&mut self, words: I)
    where
        I: IntoIterator<Item = &'a str>,
    {
        let a = self.infos.len() as u32;
        self.infos.extend(words.into_iter().map(TokInfo::of));
        let b = self.infos.len() as u32;
        if b > a {
            self.sents.push((a, b));
        }
    }

    /// Appends the sentence `toks` of `text` ([`crate::entities::tokenize`] cuts tokens on
    /// character boundaries, so their bytes are all a token's info needs).
    fn push_tokens(&mut self, text: &str, toks: &[Token]) {
        let a = self.infos.len() as u32;
        let bytes = text.as_bytes();
        self.infos.extend(toks.iter().map(|t| {
            TokInfo::of_bytes(bytes.get(t.start as usize..t.end as usize).unwrap_or(&[]))
        }));
        let b = self.infos.len() as u32;
        if b > a {
            self.sents.push((a, b));
        }
    }
}

impl Model {
    /// The model that ships with chronicle, parsed once per process.
    pub fn load_default() -> Result<&'static Model, ModelError> {
        static DEFAULT: std::sync::OnceLock<Result<Model, ModelError>> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| Model::from_bytes(model::DEFAULT_MODEL))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Tags one sentence on its own (no document context) into `out`.
    pub fn tag_words<'a, I>(&self, words: I, scratch: &mut Scratch, out: &mut Vec<Tag>)
    where
        I: IntoIterator<Item = &'a str>,
    {
        scratch.clear();
        scratch.push_sentence(words);
        self.tag_doc(scratch, out);
    }

    /// Tags the document pushed into `scratch`: one tag per token, in order, into `out`.
    pub fn tag_doc(&self, scratch: &mut Scratch, out: &mut Vec<Tag>) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("popcnt") && std::is_x86_feature_detected!("sse4.1") {
            // SAFETY: the CPU has the features `tag_doc_x86_v2` is compiled for.
            unsafe { self.tag_doc_x86_v2(scratch, out) };
            return;
        }
        self.tag_doc_portable(scratch, out);
    }

    /// [`Model::tag_doc`] compiled for CPUs with `popcnt` and SSE4.1 (x86-64 since 2008), chosen at run
    /// time so the binary still runs everywhere. Finding a weight row ranks it in a bitmap
    /// ([`table`]): without the instruction, `count_ones` is a dozen instructions per feature, ~35
    /// features per scored token. Tagging Reuters bodies: 7.7-8.0 -> 8.4-9.3 M tokens/s.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt,sse4.1")]
    unsafe fn tag_doc_x86_v2(&self, scratch: &mut Scratch, out: &mut Vec<Tag>) {
        self.tag_doc_portable(scratch, out)
    }

    /// The tagging loop; always inlined, so each caller compiles it for its own target features.
    #[inline(always)]
    fn tag_doc_portable(&self, scratch: &mut Scratch, out: &mut Vec<Tag>) {
        out.clear();
        let Scratch {
            infos,
            sents,
            feats,
            seen,
            history,
            tags,
        } = scratch;
        prepare_doc(infos, sents, &self.gazetteer, seen);
        tags.clear();
        let greedy = Greedy(&self.weights);
        decode_doc(infos, sents, history, self.shift, feats, tags, greedy);
        out.extend(tags.iter().map(|&t| Tag(t)));
    }
}

/// Picks a scored token's tag during [`decode_doc`]: from its features, its index and the previous
/// tag. A trait rather than a closure so that tagging's choice is inlined into the decoding loop,
/// and compiled with it for the CPU features [`Model::tag_doc`] chose.
pub(crate) trait Choose {
    fn choose(&mut self, feats: &Feats, i: usize, p1: u8) -> u8;
}

impl<F: FnMut(&Feats, usize, u8) -> u8> Choose for F {
    #[inline(always)]
    fn choose(&mut self, feats: &Feats, i: usize, p1: u8) -> u8 {
        self(feats, i, p1)
    }
}

/// Tagging's choice: the best-scoring tag allowed after the previous one.
struct Greedy<'a>(&'a table::Weights);

impl Choose for Greedy<'_> {
    #[inline(always)]
    fn choose(&mut self, feats: &Feats, _: usize, p1: u8) -> u8 {
        let mut s = [0i32; NTAGS];
        self.0.add_rows(feats.as_slice(), &mut s);
        best(&s, p1)
    }
}

/// Gazetteer marks per sentence, then the document facts ([`features::mark_doc`]).
pub(crate) fn prepare_doc(
    infos: &mut [TokInfo],
    sents: &[(u32, u32)],
    gaz: &Gazetteer,
    seen: &mut IdMap<u32>,
) {
    for &(a, b) in sents {
        let s = &mut infos[a as usize..b as usize];
        if s.iter().any(|t| t.flags & F_CAP != 0) {
            gaz.mark(s);
        }
    }
    mark_doc(infos, sents, seen);
}

/// Greedy left-to-right decoding of a document, shared by tagging and training: `choose` gets each
/// scored token's features, its index and the previous tag, and returns its tag. Tags go to `out`.
///
/// The document's own predictions so far are a feature (`history`): a word tagged PER earlier is
/// likely PER again (`Norov` after `Vladimir Norov`), which a sentence-level tagger cannot know.
#[inline(always)]
pub(crate) fn decode_doc(
    infos: &[TokInfo],
    sents: &[(u32, u32)],
    history: &mut IdMap<[u16; 4]>,
    shift: u32,
    feats: &mut Feats,
    out: &mut Vec<u8>,
    mut choose: impl Choose,
) {
    history.clear();
    for &(a, b) in sents {
        let s = &infos[a as usize..b as usize];
        if !s.iter().any(|t| t.flags & F_ANYCAP != 0) {
            out.resize(out.len() + s.len(), 0);
            continue;
        }
        let ctx = sentence_ctx(s);
        let mut p1 = BOS_TAG;
        for i in 0..s.len() {
            let tag = if scored(&s[i], p1) {
                let hist = if history.is_empty() {
                    0
                } else {
                    history.get(&s[i].lower).map_or(0, hist_code)
                };
                features(s, i, p1, hist, ctx, shift, feats);
                choose.choose(feats, a as usize + i, p1)
            } else {
                0
            };
            if let Some(ty) = Tag(tag).ty() {
                if s[i].flags & F_ANYCAP != 0 {
                    history.entry(s[i].lower).or_default()[ty as usize] += 1;
                }
            }
            out.push(tag);
            p1 = tag;
        }
    }
}

/// The history feature value: the most frequent earlier type (1-4), plus 4 if it was the only one.
fn hist_code(counts: &[u16; 4]) -> u32 {
    let mut best = 0;
    for k in 1..4 {
        if counts[k] > counts[best] {
            best = k;
        }
    }
    let total: u16 = counts.iter().sum();
    1 + best as u32 + if total == counts[best] { 4 } else { 0 }
}

/// Whether token `info` is scored at all after tag `p1`. A name starts on a capitalised token and
/// continues across anything (`Bank of England`); everything else is `O` without looking: in running
/// news text that is most tokens.
#[inline]
pub(crate) fn scored(info: &TokInfo, p1: u8) -> bool {
    info.flags & F_ANYCAP != 0 || (p1 != 0 && p1 != BOS_TAG)
}

/// Upper-case sentences (headlines) get their own word features: two or more words and no lower-case
/// letter anywhere.
pub(crate) fn sentence_ctx(infos: &[TokInfo]) -> SentCtx {
    let alpha = infos.iter().filter(|t| t.flags & F_ALPHA != 0).count();
    let all_caps = alpha >= 2 && infos.iter().all(|t| t.flags & F_LOWER == 0);
    SentCtx { all_caps }
}

/// The best tag allowed after `p1`.
#[inline(always)]
pub(crate) fn best<T: PartialOrd + Copy>(scores: &[T; NTAGS], p1: u8) -> u8 {
    let mut best = 0u8;
    for k in 1..NTAGS {
        if scores[k] > scores[best as usize] && Tag(k as u8).may_follow(p1) {
            best = k as u8;
        }
    }
    best
}

/// [`Extractor`] over a trained [`Model`], with the per-article rule pass.
pub struct TaggerExtractor {
    model: &'static Model,
}

impl TaggerExtractor {
    /// Uses the shipped model.
    pub fn new() -> Result<TaggerExtractor, ModelError> {
        Ok(TaggerExtractor {
            model: Model::load_default()?,
        })
    }

    pub fn with_model(model: &'static Model) -> TaggerExtractor {
        TaggerExtractor { model }
    }

    /// Tags an article as one document: its tokens and one tag per token.
    pub fn tag_text(
        &self,
        text: &str,
        tokens: &mut Tokens,
        scratch: &mut Scratch,
        tags: &mut Vec<Tag>,
    ) {
        tokens.fill(text);
        scratch.clear();
        for &(a, b) in &tokens.sentences {
            scratch.push_tokens(text, &tokens.tokens[a as usize..b as usize]);
        }
        self.model.tag_doc(scratch, tags);
    }
}

impl Extractor for TaggerExtractor {
    fn extract(&self, text: &str) -> Vec<Span> {
        // One set of buffers per thread: once grown, an article costs no allocation to tag (the
        // indexer calls this from every rayon worker, once per article).
        thread_local! {
            static BUFS: std::cell::RefCell<(Tokens, Scratch, Vec<Tag>)> = Default::default();
        }
        BUFS.with(|b| {
            let Ok(mut b) = b.try_borrow_mut() else {
                // Re-entered on this thread (cannot happen today): fresh buffers, same result.
                let (mut tokens, mut scratch, mut tags): (Tokens, Scratch, Vec<Tag>) =
                    Default::default();
                self.tag_text(text, &mut tokens, &mut scratch, &mut tags);
                return postprocess::spans(text, &tokens, &tags);
            };
            let (tokens, scratch, tags) = &mut *b;
            self.tag_text(text, tokens, scratch, tags);
            postprocess::spans(text, tokens, tags)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::collect;

    /// The shipped model loads and tags the hand-written fixture sentences exactly.
    #[test]
    fn shipped_model_tags_fixture_sentences() {
        let model = Model::load_default().expect("the shipped model loads");
        let cases = include_str!("../../../tests/fixtures/ner/sentences.txt");
        let lines: Vec<&str> = cases
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert!(lines.len() >= 2 && lines.len().is_multiple_of(2));
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for pair in lines.chunks(2) {
            model.tag_words(pair[0].split(' '), &mut scratch, &mut out);
            let got: Vec<&str> = out.iter().map(|t| t.as_str()).collect();
            assert_eq!(got.join(" "), pair[1], "tagging {:?}", pair[0]);
        }
    }

    #[test]
    fn shipped_model_matches_its_manifest() {
        let m: Manifest = serde_json::from_str(model::DEFAULT_MANIFEST).expect("manifest parses");
        assert_eq!(model::sha256_hex(model::DEFAULT_MODEL), m.model_sha256);
        assert_eq!(m.feature_set, features::FEATURE_SET);
        assert!(model::DEFAULT_MODEL.len() <= 10 << 20);
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let model = Model::load_default().unwrap();
        assert_eq!(
            Model::from_bytes(&model.to_bytes()).unwrap().to_bytes(),
            model::DEFAULT_MODEL
        );
    }

    /// The specification's sample article: exactly these facets.
    #[test]
    fn sample_article_facets() {
        let text = include_str!("../../../corpus/sample/000_44df0e79d50f69af.txt");
        let x = TaggerExtractor::new().unwrap();
        let got: Vec<(EntityKind, String, Vec<String>)> = collect(text, x.extract(text))
            .into_iter()
            .map(|e| (e.kind, e.name, e.aliases))
            .collect();
        let want = vec![
            (EntityKind::Person, "Vladimir Norov", vec!["Norov"]),
            (
                EntityKind::Org,
                "Shanghai Cooperation Organization",
                vec!["SCO"],
            ),
            (EntityKind::Place, "St. Petersburg", vec![]),
            (EntityKind::Org, "SCO Secretariat", vec![]),
            (EntityKind::Org, "World Health Organization", vec!["WHO"]),
            (EntityKind::Person, "Bakhtier Khakimov", vec!["Khakimov"]),
        ];
        let want: Vec<(EntityKind, String, Vec<String>)> = want
            .into_iter()
            .map(|(k, n, a)| (k, n.to_string(), a.into_iter().map(String::from).collect()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn spans_point_at_the_text() {
        let text = "PRICES FALL\n\nShares of General Motors fell in New York, said Peter Smith.";
        let x = TaggerExtractor::new().unwrap();
        for s in x.extract(text) {
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.start < s.end
            );
        }
    }

    #[test]
    fn lower_case_text_costs_nothing_and_finds_nothing() {
        let model = Model::load_default().unwrap();
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        model.tag_words(
            "prices fell sharply on monday".split(' '),
            &mut scratch,
            &mut out,
        );
        assert!(out.iter().all(|t| *t == Tag::O));
    }

    #[test]
    fn tags_parse_and_print() {
        for k in 0..NTAGS as u8 {
            assert_eq!(Tag::parse(Tag(k).as_str()), Some(Tag(k)));
        }
        assert!(Tag::inside(NerType::Per).may_follow(Tag::begin(NerType::Per).0));
        assert!(!Tag::inside(NerType::Per).may_follow(Tag::begin(NerType::Org).0));
        assert!(!Tag::inside(NerType::Per).may_follow(0));
    }
}
