//! The model file and its manifest.
//!
//! Brief overview. [`Model::to_bytes`] writes a model as a compact binary: a header (magic, feature-set
//! version, table size), then only the non-zero weight rows (a varint gap to the row, a bit mask of its
//! non-zero tags, those weights as `i16`), then the gazetteer as sorted `(hash, class bits)` pairs. The
//! gazetteer is stored as hashes, so neither GeoNames nor CoNLL text is in the file. Writing is
//! deterministic (rows and keys in order), which is what lets a retrain reproduce the file byte for
//! byte. [`Manifest`] is the JSON beside it: what it was trained on (sha256 of every input), with which
//! options, and the sha256 of the model file itself. [`sha256_hex`] is a small SHA-256 so the manifest
//! needs no extra dependency.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::features::{Gazetteer, FEATURE_SET, NTAGS};
use super::table::{Row, Weights};
use super::Model;

/// The model that ships in `models/`, compiled in so the binary needs no data files.
pub(crate) static DEFAULT_MODEL: &[u8] = include_bytes!("../../../models/ner.model");

/// The manifest that ships beside it.
pub static DEFAULT_MANIFEST: &str = include_str!("../../../models/ner.manifest.json");

const MAGIC: &[u8; 8] = b"CHRNER1\n";

/// A model file that cannot be used.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a chronicle NER model (bad magic)")]
    BadMagic,
    #[error("model was trained with feature set {found}, this build computes feature set {expected}: retrain it")]
    FeatureSet { found: u32, expected: u32 },
    #[error("model file is truncated or corrupt: {0}")]
    Corrupt(&'static str),
}

/// What a shipped model was trained from and with; `models/ner.manifest.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub feature_set: u32,
    /// log2 of the weight table's rows.
    pub table_bits: u32,
    pub epochs: usize,
    pub seed: u64,
    pub folds: usize,
    /// File name -> sha256 of every input: training data, tuning data, the GeoNames list.
    pub inputs: Vec<(String, String)>,
    pub model_file: String,
    pub model_sha256: String,
    pub model_bytes: usize,
    /// Entity-level F1 on the tuning data, as measured right after training.
    pub dev_f1: f64,
}

impl Model {
    pub(crate) fn new(table_bits: u32, weights: Weights, gazetteer: Gazetteer) -> Model {
        Model {
            shift: 64 - table_bits,
            weights,
            gazetteer,
            manifest: Manifest {
                feature_set: FEATURE_SET,
                table_bits,
                ..Manifest::default()
            },
        }
    }

    /// Writes `ner.model` and `ner.manifest.json` into `dir`; returns the manifest written.
    pub fn save(&self, dir: &std::path::Path) -> std::io::Result<Manifest> {
        let bytes = self.to_bytes();
        let mut manifest = self.manifest.clone();
        manifest.model_file = "ner.model".into();
        manifest.model_sha256 = sha256_hex(&bytes);
        manifest.model_bytes = bytes.len();
        std::fs::write(dir.join("ner.model"), &bytes)?;
        let json = serde_json::to_string_pretty(&manifest).map_err(std::io::Error::other)?;
        std::fs::write(dir.join("ner.manifest.json"), json + "\n")?;
        Ok(manifest)
    }

    pub fn table_bits(&self) -> u32 {
        64 - self.shift
    }

    /// Serialises the model; the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.extend_from_slice(&self.table_bits().to_le_bytes());
        out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        let mut last = 0usize;
        for (r, row) in self.weights.iter() {
            put_varint(&mut out, (r - last) as u64);
            last = r;
            let mask = row
                .iter()
                .enumerate()
                .fold(0u16, |m, (k, &w)| if w != 0 { m | 1 << k } else { m });
            out.extend_from_slice(&mask.to_le_bytes());
            for &w in row.iter().filter(|&&w| w != 0) {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut keys: Vec<(u64, u8)> = self.gazetteer.map.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        out.push(self.gazetteer.max_len as u8);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, v) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(v);
        }
        out
    }

    /// Parses a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let fs = r.u32()?;
        if fs != FEATURE_SET {
            return Err(ModelError::FeatureSet {
                found: fs,
                expected: FEATURE_SET,
            });
        }
        let bits = r.u32()?;
        if !(10..=26).contains(&bits) || r.u32()? as usize != NTAGS {
            return Err(ModelError::Corrupt("table size"));
        }
        let nrows = 1usize << bits;
        let count = r.u32()?;
        let mut rows: Vec<(usize, Row)> = Vec::with_capacity((count as usize).min(nrows));
        let mut row = 0usize;
        for i in 0..count {
            let gap = r.varint()? as usize;
            if i > 0 && gap == 0 {
                return Err(ModelError::Corrupt("rows out of order"));
            }
            row = row.saturating_add(gap);
            if row >= nrows {
                return Err(ModelError::Corrupt("row out of range"));
            }
            let mask = u16::from_le_bytes([r.u8()?, r.u8()?]);
            let mut w = [0i16; NTAGS];
            for (k, w) in w.iter_mut().enumerate() {
                if mask & (1 << k) != 0 {
                    *w = i16::from_le_bytes([r.u8()?, r.u8()?]);
                }
            }
            rows.push((row, w));
        }
        let weights = Weights::from_rows(nrows, rows);
        let mut gazetteer = Gazetteer::default();
        let max_len = r.u8()? as usize;
        let n = r.u32()?;
        // Each key takes 9 bytes: a corrupt count cannot reserve more than the file could hold.
        gazetteer.reserve((n as usize).min(bytes.len().saturating_sub(r.at) / 9));
        for _ in 0..n {
            let k = u64::from_le_bytes(
                r.take(8)?
                    .try_into()
                    .map_err(|_| ModelError::Corrupt("key"))?,
            );
            let v = r.u8()?;
            gazetteer.insert_key(k, v, 1);
        }
        gazetteer.max_len = max_len;
        if r.at != bytes.len() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        let mut model = Model::new(bits, weights, gazetteer);
        if let Ok(m) = serde_json::from_str::<Manifest>(DEFAULT_MANIFEST) {
            // The shipped model is the shipped manifest's (a unit test checks the hash); another
            // model of the same size is hashed to find out, anything else cannot be it. Hashing
            // every load cost each `chronicle index` run 20 ms.
            let shipped = std::ptr::eq(bytes, DEFAULT_MODEL);
            if shipped || (bytes.len() == m.model_bytes && sha256_hex(bytes) == m.model_sha256) {
                model.manifest = m;
            }
        }
        Ok(model)
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or(ModelError::Corrupt("unexpected end"))?;
        self.at += n;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("varint"))
    }
}

/// SHA-256 of `data` as lower-case hex (FIPS 180-4).
pub fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([
                block[4 * i],
                block[4 * i + 1],
                block[4 * i + 2],
                block[4 * i + 3],
            ]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut s = String::with_capacity(64);
    for x in h {
        let _ = write!(s, "{x:08x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answers() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
