//! Entity names of given articles, for display: read from the entity fast column.
//!
//! The entity field is not stored (see `index::schema`), so a hit's entities come from the same
//! column that facet counts use.

use std::collections::HashMap;

use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, Searcher, SegmentOrdinal};

use super::HitEntities;
use crate::entities::EntityKind;
use crate::index::schema::split_entity_value;

/// Reads articles' entities from the fast column: cheaper than loading and decompressing the
/// stored document, and the only copy there is (the field is not stored, which saved the indexer
/// 0.45 G instructions on the embedded archive). Opens each segment's column once.
pub struct EntityReader<'s> {
    searcher: &'s Searcher,
    field_name: String,
    columns: HashMap<SegmentOrdinal, Option<StrColumn>>,
    buf: String,
}

impl<'s> EntityReader<'s> {
    pub fn new(searcher: &'s Searcher, entity_field_name: &str) -> EntityReader<'s> {
        EntityReader {
            searcher,
            field_name: entity_field_name.to_string(),
            columns: HashMap::new(),
            buf: String::new(),
        }
    }

    /// `(kind, name)` of every entity of the article at `address`, in the order they were added
    /// (first mention first).
    pub fn entities(&mut self, address: DocAddress) -> tantivy::Result<Vec<(EntityKind, String)>> {
        let column = match self.columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let reader = self.searcher.segment_reader(address.segment_ord);
                e.insert(reader.fast_fields().str(&self.field_name)?)
            }
        };
        let Some(column) = column else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for ord in column.term_ords(address.doc_id) {
            self.buf.clear();
            if !column.ord_to_str(ord, &mut self.buf)? {
                continue;
            }
            if let Some((kind, name)) = split_entity_value(&self.buf) {
                if let Some(kind) = EntityKind::parse(kind) {
                    out.push((kind, name.to_string()));
                }
            }
        }
        Ok(out)
    }

    /// The same, grouped by kind.
    pub fn hit_entities(&mut self, address: DocAddress) -> tantivy::Result<HitEntities> {
        let mut out = HitEntities::default();
        for (kind, name) in self.entities(address)? {
            match kind {
                EntityKind::Org => out.org.push(name),
                EntityKind::Person => out.person.push(name),
                EntityKind::Place => out.place.push(name),
            }
        }
        Ok(out)
    }
}
