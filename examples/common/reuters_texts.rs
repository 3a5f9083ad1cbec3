//! The articles of the embedded Reuters archive as the indexer hands them to entity extraction
//! ([`chronicle::article::Article::full_text`]), for the entity examples.

use std::path::Path;

use anyhow::Context;

/// Every article of the `.sgm` files under `dir`, in file order.
pub fn load(dir: &str) -> anyhow::Result<Vec<String>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {dir} (run from the repository root)"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let name = Path::new(f).to_string_lossy();
        if let Ok(parsed) = chronicle::ingest::reuters::parse(&text, &name) {
            texts.extend(parsed.articles.into_iter().map(|a| a.full_text()));
        }
    }
    Ok(texts)
}
