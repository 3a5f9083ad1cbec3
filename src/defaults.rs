//! Where chronicle looks when no path is given.
//!
//! `./corpus` and `./index` when run from a checkout (what `cargo run` does), else the corpus and
//! index of the checkout the binary was built from, so `target/release/chronicle search ...` works
//! from any directory.

use std::path::PathBuf;

fn resolve(name: &str) -> PathBuf {
    let local = PathBuf::from(name);
    if PathBuf::from("corpus").is_dir() {
        return local;
    }
    let built = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name);
    if built.parent().is_some_and(|p| p.join("corpus").is_dir()) {
        built
    } else {
        local
    }
}

/// The embedded archive.
pub fn corpus_dir() -> PathBuf {
    resolve("corpus")
}

/// The default index location.
pub fn index_dir() -> PathBuf {
    resolve("index")
}
