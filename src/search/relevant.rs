//! Facets ordered by relevance: the entities that the best-matching stories name, first.
//!
//! Plain facet counts ([`super::facets`]) rank entities by how many hits mention them. For a broad
//! query that is mostly noise: `SCO WHO memorandum` matches 1,300 stories (every "who"), and the
//! organisations most often named among them (Reuters, Congress) say nothing about the query, while
//! the World Health Organization, named by the one story that has all three words, is far down.
//!
//! So the page's sidebar orders entities by the summed BM25 score of the [`SAMPLE`] best hits that
//! name them, as "significant" facets do elsewhere, and shows beside each the exact number of all
//! hits that mention it (counted in the same pass), which is what a click on it filters to. For a
//! query without text (`*`), where every hit scores the same, the order is by count.

use std::collections::HashMap;

use tantivy::collector::Count;

use super::facets::{self, FacetCount, Facets};
use super::ranking::Ranking;
use super::{entity_names, query, rescore, Archive, SearchRequest};
use crate::entities::EntityKind;
use crate::error::Result;
use crate::index::schema::entity_value;

/// How many of the best hits decide the order.
pub const SAMPLE: usize = 100;

impl Archive {
    /// Up to `limit` entities per kind among the hits of `request` (text, dates, entities), ordered by
    /// relevance, each with the number of all hits that mention it. Returns (total hits, facets).
    pub fn relevant_facets(
        &self,
        request: &SearchRequest,
        limit: usize,
    ) -> Result<(usize, Facets)> {
        let index = self.index();
        let ranked = query::ranked_query(index, &request.query, &Ranking::default())?
            .map_matching(|q| query::with_filters(index, q, &request.dates, &request.entities));
        // Mirrors `ranked_query`: no text means every hit scores alike, so relevance says nothing.
        let words = request.query.trim();
        let scored = !(words.is_empty() || words == "*");
        let searcher = self.searcher();
        let fields = *self.fields();
        let collector = self.entity_collector(&searcher);
        let (top, (total, counts)) =
            rescore::top_hits(&searcher, &ranked, SAMPLE, (Count, collector))?;
        if !scored || total == 0 {
            return Ok((total, facets::top(&counts, limit)));
        }
        // Summed score of the sampled hits naming each entity (`kind\0name`).
        let mut weight: HashMap<String, f32> = HashMap::new();
        let addresses: Vec<_> = top.iter().map(|&(_, address)| address).collect();
        let entities = entity_names::from_column(
            &searcher,
            searcher.schema().get_field_name(fields.entity),
            &addresses,
        )?;
        for ((score, _), named) in top.iter().zip(entities) {
            let score = *score;
            for (kind, name) in named {
                *weight
                    .entry(entity_value(kind.as_str(), &name))
                    .or_default() += score;
            }
        }
        // The named ones by weight, then by count; the rest (no sampled hit names them, weight 0)
        // by count, as `facets::top` orders them. Only these are named: naming every entity of
        // every hit cost tens of milliseconds on a broad query.
        let counted = facets::counts_of(&counts, weight.keys().cloned());
        let named = facets::rank(&counted, usize::MAX);
        let by_count = facets::top(
            &counts,
            limit
                + named
                    .org
                    .len()
                    .max(named.person.len())
                    .max(named.place.len()),
        );
        let ranked = |kind: EntityKind| -> Vec<FacetCount> {
            let mut list: Vec<(f32, FacetCount)> = named
                .get(kind)
                .iter()
                .map(|f| {
                    let w = weight
                        .get(&entity_value(kind.as_str(), &f.name))
                        .copied()
                        .unwrap_or(0.0);
                    (w, f.clone())
                })
                .collect();
            list.sort_by(|(wa, a), (wb, b)| {
                wb.total_cmp(wa)
                    .then_with(|| b.count.cmp(&a.count))
                    .then_with(|| a.name.cmp(&b.name))
            });
            let mut out: Vec<FacetCount> = list.into_iter().take(limit).map(|(_, f)| f).collect();
            for f in by_count.get(kind) {
                if out.len() >= limit {
                    break;
                }
                if !out.iter().any(|o| o.name == f.name) {
                    out.push(f.clone());
                }
            }
            out
        };
        Ok((
            total,
            Facets {
                org: ranked(EntityKind::Org),
                person: ranked(EntityKind::Person),
                place: ranked(EntityKind::Place),
            },
        ))
    }
}
