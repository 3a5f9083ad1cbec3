//! Facet counts: which organisations, people and places the hits mention most.

use serde::Serialize;
use tantivy::collector::{FacetCollector, FacetCounts};

use crate::entities::EntityKind;

/// One entity and the number of hits that mention it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub name: String,
    pub count: u64,
}

/// Top entities among the hits, per kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub org: Vec<FacetCount>,
    pub person: Vec<FacetCount>,
    pub place: Vec<FacetCount>,
}

impl Facets {
    pub fn get(&self, kind: EntityKind) -> &[FacetCount] {
        match kind {
            EntityKind::Org => &self.org,
            EntityKind::Person => &self.person,
            EntityKind::Place => &self.place,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.org.is_empty() && self.person.is_empty() && self.place.is_empty()
    }
}

/// A collector counting every entity kind over all hits (not just the page shown).
pub fn collector(field_name: &str) -> FacetCollector {
    let mut collector = FacetCollector::for_field(field_name);
    for kind in EntityKind::ALL {
        collector.add_facet(format!("/{}", kind.as_str()).as_str());
    }
    collector
}

/// The `limit` most frequent entities of each kind; ties broken by name so output is stable.
pub fn top(counts: &FacetCounts, limit: usize) -> Facets {
    let top = |kind: EntityKind| {
        let mut all: Vec<FacetCount> = counts
            .get(format!("/{}", kind.as_str()).as_str())
            .map(|(facet, count)| FacetCount {
                name: facet
                    .to_path()
                    .get(1)
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
                count,
            })
            .collect();
        all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        all.truncate(limit);
        all
    };
    Facets {
        org: top(EntityKind::Org),
        person: top(EntityKind::Person),
        place: top(EntityKind::Place),
    }
}
