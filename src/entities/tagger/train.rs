//! Training: an averaged perceptron, deterministic to the bit.
//!
//! Brief overview. [`train`] precomputes every training sentence's token infos once, then runs
//! `epochs` passes over the sentences in an order shuffled by a seeded generator. Each pass decodes a
//! sentence greedily with the current weights, exactly as tagging will, and on every wrong tag moves the
//! gold tag's weights up and the predicted tag's down for the token's features. The model keeps the
//! average of the weights over all steps (the usual timestamp trick, in integers), which generalises far
//! better than the last weights. The average is quantised to `i16` for the file.
//!
//! Determinism: integer weights, a fixed shuffle, sorted output; no hash map is iterated into the
//! result. The same inputs and options give the same file byte for byte.
//!
//! The gazetteer of names seen in training is built per fold: sentences of fold `k` see the names of
//! the other folds only, as unseen text will. Trained on names it has always seen, the model would
//! trust the list blindly.

use std::path::{Path, PathBuf};

use super::features::{
    Feats, Gazetteer, IdMap, TokInfo, GAZ_CITY, GAZ_COUNTRY, GAZ_LOC, GAZ_MISC, GAZ_ORG, GAZ_PER,
    GAZ_REGION, NTAGS,
};
use super::model::{sha256_hex, Manifest};
use super::table::Weights;
use super::{best, decode_doc, prepare_doc, Model, NerType};
use crate::entities::conll::{self, chunks, Document};
use crate::entities::tokenize::Tokens;

/// Training options; the defaults made the shipped model.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// log2 of the weight table's rows.
    pub table_bits: u32,
    /// Folds for the training-names gazetteer (0 turns it off).
    pub folds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 0x5eed_c0de,
            table_bits: 20,
            folds: 10,
        }
    }
}

/// A training or tuning input that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Conll(#[from] conll::ConllError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Reads the GeoNames-derived list (`name<TAB>country|city|region` per line) into a gazetteer.
pub fn geo_gazetteer(tsv: &str) -> Gazetteer {
    let mut g = Gazetteer::default();
    let mut toks = Tokens::default();
    let mut infos = Vec::new();
    for line in tsv.lines() {
        let Some((name, class)) = line.split_once('\t') else {
            continue;
        };
        let class = match class {
            "country" => GAZ_COUNTRY,
            "city" => GAZ_CITY,
            "region" => GAZ_REGION,
            _ => continue,
        };
        phrase_infos(name, &mut toks, &mut infos);
        g.insert(&infos, class);
    }
    g
}

fn phrase_infos(name: &str, toks: &mut Tokens, infos: &mut Vec<TokInfo>) {
    toks.fill(name);
    infos.clear();
    infos.extend(toks.tokens.iter().map(|t| TokInfo::of(t.as_str(name))));
}

/// Adds the gold entities of `docs` (those `keep` accepts, by document index) to `g`.
fn add_names(g: &mut Gazetteer, docs: &[Document], keep: impl Fn(usize) -> bool) {
    let mut infos = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        if !keep(d) {
            continue;
        }
        for s in &doc.sentences {
            for (a, b, ty) in chunks(&s.gold) {
                let class = match ty {
                    NerType::Per => GAZ_PER,
                    NerType::Org => GAZ_ORG,
                    NerType::Loc => GAZ_LOC,
                    NerType::Misc => GAZ_MISC,
                };
                infos.clear();
                infos.extend(s.words[a..b].iter().map(|w| TokInfo::of(w)));
                g.insert(&infos, class);
            }
        }
    }
}

/// A small, fixed PRNG (xorshift64*) for the shuffle: the same seed, the same order, everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Prepared {
    infos: Vec<TokInfo>,
    sents: Vec<(u32, u32)>,
    gold: Vec<u8>,
}

fn prepare(doc: &Document, gaz: &Gazetteer, seen: &mut IdMap<u32>) -> Prepared {
    let mut p = Prepared {
        infos: Vec::new(),
        sents: Vec::new(),
        gold: Vec::new(),
    };
    for s in &doc.sentences {
        let a = p.infos.len() as u32;
        p.infos.extend(s.words.iter().map(|w| TokInfo::of(w)));
        p.sents.push((a, p.infos.len() as u32));
        p.gold.extend(s.gold.iter().map(|t| t.0));
    }
    prepare_doc(&mut p.infos, &p.sents, gaz, seen);
    p
}

/// Trains a model on `train_docs`; `geo` is the GeoNames gazetteer. `progress` receives one line per
/// epoch (with the F1 on `dev_docs` when given).
pub fn train(
    train_docs: &[Document],
    dev_docs: Option<&[Document]>,
    geo: &Gazetteer,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Model {
    let mut full = geo.clone();
    if opts.folds > 0 {
        add_names(&mut full, train_docs, |_| true);
    }
    // Folds by document: a name repeats within a story, and that is not what unseen text offers.
    let fold_gaz: Vec<Gazetteer> = (0..opts.folds.max(1))
        .map(|fold| {
            let mut g = geo.clone();
            if opts.folds > 0 {
                add_names(&mut g, train_docs, |e| e % opts.folds != fold);
            }
            g
        })
        .collect();
    let mut seen = IdMap::default();
    let data: Vec<Prepared> = train_docs
        .iter()
        .enumerate()
        .map(|(d, doc)| prepare(doc, &fold_gaz[d % fold_gaz.len()], &mut seen))
        .collect();
    let rows = 1usize << opts.table_bits;
    let shift = 64 - opts.table_bits;
    let mut w = vec![0i32; rows * NTAGS];
    let mut acc = vec![0i64; rows * NTAGS];
    let mut step: i64 = 1;
    let mut rng = Rng(opts.seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Feats::default();
    let mut history = IdMap::default();
    let mut tags = Vec::new();
    let mut model = Model::new(opts.table_bits, Weights::default(), full);
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &di in &order {
            let d = &data[di];
            tags.clear();
            decode_doc(
                &d.infos,
                &d.sents,
                &mut history,
                shift,
                &mut feats,
                &mut tags,
                |f: &Feats, i: usize, p1: u8| {
                    let gold = d.gold[i];
                    let mut scores = [0i64; NTAGS];
                    for &x in f.as_slice() {
                        let row = &w[x as usize * NTAGS..][..NTAGS];
                        for k in 0..NTAGS {
                            scores[k] += row[k] as i64;
                        }
                    }
                    let pred = best(&scores, p1);
                    if pred != gold {
                        errors += 1;
                        for &x in f.as_slice() {
                            let base = x as usize * NTAGS;
                            w[base + gold as usize] += 1;
                            acc[base + gold as usize] += step;
                            w[base + pred as usize] -= 1;
                            acc[base + pred as usize] -= step;
                        }
                    }
                    step += 1;
                    pred
                },
            );
        }
        model.weights = Weights::from_dense(&average(&w, &acc, step));
        let mut line = format!("epoch {:>2}: {errors} training errors", epoch + 1);
        if let Some(dev) = dev_docs {
            let r = conll::evaluate_docs(&model, dev);
            line += &format!(
                ", dev F1 {:.2} (PER {:.2} ORG {:.2} LOC {:.2} MISC {:.2})",
                r.overall.f1,
                r.per_type["PER"].f1,
                r.per_type["ORG"].f1,
                r.per_type["LOC"].f1,
                r.per_type["MISC"].f1
            );
        }
        progress(&line);
    }
    model.manifest.epochs = opts.epochs;
    model.manifest.seed = opts.seed;
    model.manifest.folds = opts.folds;
    model
}

/// The averaged weights `w - acc / step`, quantised to `i16` over the largest magnitude.
fn average(w: &[i32], acc: &[i64], step: i64) -> Vec<i16> {
    let avg: Vec<f64> = w
        .iter()
        .zip(acc)
        .map(|(&w, &a)| w as f64 - a as f64 / step as f64)
        .collect();
    let max = avg.iter().fold(0f64, |m, &x| m.max(x.abs())).max(1e-9);
    let scale = 32767.0 / max;
    avg.iter().map(|&x| (x * scale).round() as i16).collect()
}

/// Trains from files and fills the manifest: the one entry point `chronicle ner-train` needs.
pub fn train_files(
    train_path: &Path,
    dev_path: Option<&Path>,
    gazetteer_path: &Path,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Model, TrainError> {
    let read = |p: &Path| {
        std::fs::read(p).map_err(|source| TrainError::Io {
            path: p.to_path_buf(),
            source,
        })
    };
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let train_bytes = read(train_path)?;
    let geo_bytes = read(gazetteer_path)?;
    let train_docs = conll::read(train_path)?;
    let mut inputs = vec![
        (name(train_path), sha256_hex(&train_bytes)),
        (name(gazetteer_path), sha256_hex(&geo_bytes)),
    ];
    let dev_docs = match dev_path {
        Some(p) => {
            inputs.push((name(p), sha256_hex(&read(p)?)));
            Some(conll::read(p)?)
        }
        None => None,
    };
    let geo = geo_gazetteer(&String::from_utf8_lossy(&geo_bytes));
    let mut model = train(&train_docs, dev_docs.as_deref(), &geo, opts, progress);
    let bytes = model.to_bytes();
    let dev_f1 = dev_docs
        .as_deref()
        .map(|d| conll::evaluate_docs(&model, d).overall.f1)
        .unwrap_or(0.0);
    model.manifest = Manifest {
        feature_set: super::features::FEATURE_SET,
        table_bits: opts.table_bits,
        epochs: opts.epochs,
        seed: opts.seed,
        folds: opts.folds,
        inputs,
        model_file: "ner.model".into(),
        model_sha256: sha256_hex(&bytes),
        model_bytes: bytes.len(),
        dev_f1: (dev_f1 * 100.0).round() / 100.0,
    };
    Ok(model)
}
