//! Entity names of given articles: from the stored document ([`stored`]), or from the fast column
//! by ordinal ([`from_column`]) where the documents themselves are not needed.

use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Searcher, SegmentOrdinal, TantivyDocument};

use super::HitEntities;
use crate::entities::EntityKind;
use crate::index::schema::split_entity_value;

/// `(kind, name)` of every entity of each article at `addresses`, in the order they were added
/// (first mention first), read from the fast column: for the relevance-ranked facets, which weigh
/// the entities of a hundred hits without loading a hundred documents. Each segment's names are
/// read from its dictionary in one pass over their sorted ordinals, so a dictionary block that
/// holds several is decoded once.
pub fn from_column(
    searcher: &Searcher,
    field_name: &str,
    addresses: &[DocAddress],
) -> tantivy::Result<Vec<Vec<(EntityKind, String)>>> {
    let mut out = vec![Vec::new(); addresses.len()];
    let mut segments: Vec<SegmentOrdinal> = addresses.iter().map(|a| a.segment_ord).collect();
    segments.sort_unstable();
    segments.dedup();
    for segment in segments {
        let reader = searcher.segment_reader(segment);
        let Some(column) = reader.fast_fields().str(field_name)? else {
            continue;
        };
        // Every (hit, ordinal) of this segment, in the column's order per hit.
        let mut wanted: Vec<(usize, u64)> = Vec::new();
        for (i, address) in addresses.iter().enumerate() {
            if address.segment_ord == segment {
                wanted.extend(column.term_ords(address.doc_id).map(|ord| (i, ord)));
            }
        }
        let mut ords: Vec<u64> = wanted.iter().map(|&(_, ord)| ord).collect();
        ords.sort_unstable();
        ords.dedup();
        let mut names: Vec<Option<(EntityKind, String)>> = Vec::with_capacity(ords.len());
        column.dictionary().sorted_ords_to_term_cb(&ords, |term| {
            let value = String::from_utf8_lossy(term);
            names.push(split_entity_value(&value).and_then(|(kind, name)| {
                EntityKind::parse(kind).map(|kind| (kind, name.to_string()))
            }));
        })?;
        for (i, ord) in wanted {
            let name = ords
                .binary_search(&ord)
                .ok()
                .and_then(|k| names.get(k).cloned().flatten());
            if let Some(entity) = name {
                out[i].push(entity);
            }
        }
    }
    Ok(out)
}

/// The entities stored with a document, grouped by kind, in the order they were added (first
/// mention first).
pub fn stored(doc: &TantivyDocument, field: Field) -> HitEntities {
    let mut out = HitEntities::default();
    for value in doc.get_all(field).filter_map(|v| v.as_str()) {
        let Some((kind, name)) = split_entity_value(value) else {
            continue;
        };
        match EntityKind::parse(kind) {
            Some(EntityKind::Org) => out.org.push(name.to_string()),
            Some(EntityKind::Person) => out.person.push(name.to_string()),
            Some(EntityKind::Place) => out.place.push(name.to_string()),
            None => {}
        }
    }
    out
}
