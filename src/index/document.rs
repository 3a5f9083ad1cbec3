//! From an enriched [`Article`] to a tantivy document.

use tantivy::schema::Facet;

use tantivy::TantivyDocument;

use super::manifest::FileState;
use super::schema::{push_entity_value, Fields};
use crate::article::Article;

/// Converts an enriched article, and the state of the file it came from, into a document.
pub fn to_document(fields: &Fields, article: &Article, file: &FileState) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    doc.add_u64(fields.file_size, file.size);
    doc.add_i64(fields.file_mtime, file.mtime);
    doc.add_u64(fields.file_hash, file.hash);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    // Two values of one field are indexed as one text (one length, one BM25): see search/ranking.rs.
    doc.add_text(fields.text, &article.title);
    doc.add_text(fields.text, &article.body);
    if let Some(date) = article.date {
        doc.add_date(
            fields.date,
            tantivy::DateTime::from_timestamp_secs(date.timestamp()),
        );
    }
    // One buffer for every entity's value and keys: the document copies each, so a string per
    // value would be allocated only to be freed (138,869 keys alone on the embedded archive).
    let mut buf = String::new();
    for entity in &article.entities {
        let kind = entity.kind.as_str();
        buf.clear();
        push_entity_value(&mut buf, kind, &entity.name);
        doc.add_text(fields.entity, &buf);
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            buf.clear();
            push_entity_key(&mut buf, kind, name);
            doc.add_text(fields.entity_key, &buf);
        }
    }
    let tags = &article.tags;
    for (kind, values) in [
        ("place", &tags.places),
        ("person", &tags.people),
        ("org", &tags.orgs),
        ("topic", &tags.topics),
    ] {
        for value in values {
            doc.add_facet(fields.tags, Facet::from_path([kind, value.as_str()]));
        }
    }
    doc.add_text(fields.source, &article.source);
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(dateline) = &article.dateline {
        doc.add_text(fields.dateline, dateline);
    }
    doc
}

/// The term an entity filter matches: kind and name, lower-cased, whitespace collapsed.
pub fn entity_key(kind: &str, name: &str) -> String {
    let mut key = String::with_capacity(kind.len() + 1 + name.len());
    push_entity_key(&mut key, kind, name);
    key
}

/// Appends [`entity_key`]`(kind, name)` to `key`.
fn push_entity_key(key: &mut String, kind: &str, name: &str) {
    key.push_str(kind);
    key.push(':');
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::entity_key;

    #[test]
    fn entity_keys_are_lower_case_with_single_spaces() {
        assert_eq!(
            entity_key("org", " World  Health\tOrganization "),
            "org:world health organization"
        );
        assert_eq!(entity_key("person", "Émile ZOLA"), "person:émile zola");
        assert_eq!(entity_key("place", "İstanbul"), "place:i\u{307}stanbul");
    }
}
