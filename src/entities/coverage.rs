//! How well extracted entities cover editors' tags: Reuters-21578's PLACES, PEOPLE and ORGS.
//!
//! Brief overview. Reuters editors tagged each story with short lower-case names (`usa`, `volcker`,
//! `james-baker`, `opec`, `worldbank`). [`Coverage::add`] takes a story's tags and the entities the
//! extractor found in it, and counts, per type, how many tags some extracted entity of that type
//! stands for ([`covers`]). This is the closest measure to the facets users see: a story tagged `opec`
//! should carry an OPEC org facet. It measures recall only: the editors tagged what a story is
//! about, not every name in it, so an extracted name without a tag is not an error.
//!
//! A tag is matched against each entity's canonical name and its aliases, lower-cased:
//! - places and organisations by name, through [`ALIASES`] where the code is not the name
//!   (`usa` -> `United States`, `U.S.`; `ec` -> `European Community`, `EC`), else the code with
//!   hyphens as spaces (`hong-kong` -> `hong kong`); an organisation also counts when its name
//!   contains the alias as whole words (`EC Commission` covers `ec`);
//! - people by surname, the tag's last word: it must be a word of the name (`james-baker` is
//!   covered by `James Baker`, `James A. Baker` and by a story that only says `Baker`; `reagan` by
//!   `Ronald Reagan`).

use std::path::Path;

use serde::Serialize;

use super::{Entity, EntityKind};
use crate::enrich::Enricher;
use crate::ingest;

/// Reuters codes whose names differ from the code, with the names news text uses for them.
/// Codes not listed stand for themselves, hyphens read as spaces.
pub const ALIASES: &[(&str, &[&str])] = &[
    // Places.
    (
        "usa",
        &["united states", "u.s.", "us", "usa", "u.s.a.", "america"],
    ),
    (
        "uk",
        &["united kingdom", "britain", "great britain", "u.k.", "uk"],
    ),
    (
        "west-germany",
        &["west germany", "germany", "federal republic"],
    ),
    (
        "east-germany",
        &["east germany", "german democratic republic"],
    ),
    ("ussr", &["soviet union", "ussr", "u.s.s.r.", "russia"]),
    ("south-korea", &["south korea", "korea"]),
    ("north-korea", &["north korea"]),
    ("uae", &["united arab emirates", "uae", "u.a.e."]),
    ("ivory-coast", &["ivory coast", "cote d'ivoire"]),
    ("netherlands", &["netherlands", "holland"]),
    // Organisations.
    (
        "ec",
        &[
            "european community",
            "european communities",
            "european economic community",
            "eec",
            "ec",
            "common market",
            "european commission",
        ],
    ),
    ("imf", &["international monetary fund", "imf"]),
    (
        "opec",
        &["organization of petroleum exporting countries", "opec"],
    ),
    ("worldbank", &["world bank"]),
    ("gatt", &["general agreement on tariffs and trade", "gatt"]),
    ("ico-coffee", &["international coffee organization", "ico"]),
    (
        "oecd",
        &[
            "organisation for economic co-operation and development",
            "organization for economic cooperation and development",
            "oecd",
        ],
    ),
    ("icco", &["international cocoa organization", "icco"]),
    ("adb-asia", &["asian development bank", "adb"]),
    ("adb-africa", &["african development bank", "adb", "afdb"]),
    ("un", &["united nations", "un", "u.n."]),
    (
        "unctad",
        &[
            "united nations conference on trade and development",
            "unctad",
        ],
    ),
    ("fao", &["food and agriculture organization", "fao"]),
    ("itc", &["international tin council", "itc"]),
    ("iea", &["international energy agency", "iea"]),
    ("eib", &["european investment bank", "eib"]),
    (
        "inro",
        &["international natural rubber organization", "inro"],
    ),
];

/// Coverage of one tag type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TypeCoverage {
    /// Stories with at least one tag of this type.
    pub stories: usize,
    /// Tags of this type, over those stories.
    pub tags: usize,
    /// Tags some extracted entity of the matching kind stands for.
    pub covered: usize,
    /// Stories whose every tag of this type is covered.
    pub stories_all_covered: usize,
}

impl TypeCoverage {
    /// Covered tags as a percentage of all tags (0 when there are none).
    pub fn percent(&self) -> f64 {
        if self.tags == 0 {
            0.0
        } else {
            100.0 * self.covered as f64 / self.tags as f64
        }
    }
}

/// Coverage of places, people and organisations over a set of stories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    pub places: TypeCoverage,
    pub people: TypeCoverage,
    pub orgs: TypeCoverage,
}

impl Coverage {
    /// Counts one story: its editors' tags of each type and the entities extracted from it.
    pub fn add(&mut self, places: &[String], people: &[String], orgs: &[String], found: &[Entity]) {
        for (tags, kind, counts) in [
            (places, EntityKind::Place, &mut self.places),
            (people, EntityKind::Person, &mut self.people),
            (orgs, EntityKind::Org, &mut self.orgs),
        ] {
            if tags.is_empty() {
                continue;
            }
            counts.stories += 1;
            counts.tags += tags.len();
            let covered = tags.iter().filter(|t| covers(kind, t, found)).count();
            counts.covered += covered;
            counts.stories_all_covered += (covered == tags.len()) as usize;
        }
    }

    pub fn by_kind(&self) -> [(EntityKind, &TypeCoverage); 3] {
        [
            (EntityKind::Place, &self.places),
            (EntityKind::Person, &self.people),
            (EntityKind::Org, &self.orgs),
        ]
    }
}

/// What [`measure`] found over a corpus.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CoverageReport {
    /// Stories read (tagged or not).
    pub stories: usize,
    /// Stories with at least one place, person or organisation tag.
    pub tagged_stories: usize,
    pub coverage: Coverage,
    /// Files that could not be read, with the reason: reported, not fatal.
    pub skipped_files: Vec<(String, String)>,
}

/// Reads every article under `root` (any format chronicle indexes; only Reuters SGML carries
/// editors' tags), extracts its entities exactly as the indexer does ([`Enricher`]: the trained
/// tagger and the rule pass over title and body, and the dateline's city) and counts how many tags
/// they cover.
pub fn measure(root: &Path) -> Result<CoverageReport, super::tagger::ModelError> {
    let enricher = Enricher::new()?;
    let mut report = CoverageReport::default();
    for entry in ingest::walk::walk(root) {
        let path = match entry {
            Ok(path) => path,
            Err(skip) => {
                if skip.reason != ingest::SkipReason::Unsupported {
                    report
                        .skipped_files
                        .push((skip.path.display().to_string(), skip.reason.to_string()));
                }
                continue;
            }
        };
        let file = match ingest::read_file(&path, root) {
            Ok(file) => file,
            Err(ingest::SkipReason::Unsupported) => continue,
            Err(reason) => {
                report
                    .skipped_files
                    .push((path.display().to_string(), reason.to_string()));
                continue;
            }
        };
        for mut article in file.articles {
            report.stories += 1;
            let t = &article.tags;
            if t.places.is_empty() && t.people.is_empty() && t.orgs.is_empty() {
                continue;
            }
            report.tagged_stories += 1;
            enricher.enrich(&mut article);
            let t = &article.tags;
            report
                .coverage
                .add(&t.places, &t.people, &t.orgs, &article.entities);
        }
    }
    Ok(report)
}

/// Whether some entity of `kind` in `found` stands for the editors' tag `tag`.
pub fn covers(kind: EntityKind, tag: &str, found: &[Entity]) -> bool {
    let tag = tag.trim().to_lowercase();
    let names: Vec<String> = match ALIASES.iter().find(|(code, _)| *code == tag) {
        Some((_, names)) => names.iter().map(|n| n.to_string()).collect(),
        None => vec![tag.replace('-', " ")],
    };
    found
        .iter()
        .filter(|e| e.kind == kind)
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .any(|name| {
            let name = words(&name.to_lowercase());
            names.iter().any(|n| {
                let n = words(n);
                match kind {
                    EntityKind::Place => name == n,
                    EntityKind::Org => contains_run(&name, &n),
                    EntityKind::Person => n.last().is_some_and(|w| name.contains(w)),
                }
            })
        })
}

/// The words of a lower-cased name: split at spaces and hyphens, a trailing `'s` dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.strip_suffix("'s").unwrap_or(w).to_string())
        .collect()
}

/// Whether `needle` occurs in `hay` as consecutive whole words.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(kind: EntityKind, name: &str, aliases: &[&str]) -> Entity {
        Entity {
            kind,
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 1,
        }
    }

    #[test]
    fn country_codes_match_the_names_news_uses() {
        let found = [
            entity(EntityKind::Place, "United States", &["U.S."]),
            entity(EntityKind::Place, "Hong Kong", &[]),
        ];
        assert!(covers(EntityKind::Place, "usa", &found));
        assert!(covers(EntityKind::Place, "hong-kong", &found));
        assert!(!covers(EntityKind::Place, "uk", &found));
        // A place is a place: an organisation of the same name does not count.
        let org = [entity(EntityKind::Org, "United States", &[])];
        assert!(!covers(EntityKind::Place, "usa", &org));
        // Whole names only: `New York` is not `york`.
        let ny = [entity(EntityKind::Place, "New York", &[])];
        assert!(!covers(EntityKind::Place, "york", &ny));
    }

    #[test]
    fn organisations_match_by_alias_or_as_whole_words_of_a_name() {
        let found = [
            entity(EntityKind::Org, "EC Commission", &[]),
            entity(EntityKind::Org, "International Monetary Fund", &["IMF"]),
        ];
        assert!(covers(EntityKind::Org, "ec", &found));
        assert!(covers(EntityKind::Org, "imf", &found));
        assert!(!covers(EntityKind::Org, "opec", &found));
        // `ec` is a word, not a substring of `Secretariat`.
        let sec = [entity(EntityKind::Org, "OPEC Secretariat", &[])];
        assert!(!covers(EntityKind::Org, "ec", &sec));
        assert!(covers(EntityKind::Org, "opec", &sec));
    }

    #[test]
    fn people_match_by_surname() {
        let found = [
            entity(EntityKind::Person, "James A. Baker", &[]),
            entity(EntityKind::Person, "Ronald Reagan", &[]),
        ];
        assert!(covers(EntityKind::Person, "james-baker", &found));
        assert!(covers(EntityKind::Person, "reagan", &found));
        assert!(!covers(EntityKind::Person, "james-miller", &found));
        let surname_only = [entity(EntityKind::Person, "Baker", &[])];
        assert!(covers(EntityKind::Person, "james-baker", &surname_only));
        // The surname is a whole word of the name.
        let bakerman = [entity(EntityKind::Person, "John Bakerman", &[])];
        assert!(!covers(EntityKind::Person, "baker", &bakerman));
    }

    #[test]
    fn coverage_counts_tags_and_stories() {
        let mut c = Coverage::default();
        let found = [entity(EntityKind::Place, "Japan", &[])];
        let tags = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        c.add(&tags(&["japan", "usa"]), &[], &tags(&["imf"]), &found);
        c.add(&tags(&["japan"]), &[], &[], &found);
        assert_eq!(
            c.places,
            TypeCoverage {
                stories: 2,
                tags: 3,
                covered: 2,
                stories_all_covered: 1
            }
        );
        assert_eq!(c.people, TypeCoverage::default());
        assert_eq!(c.orgs.tags, 1);
        assert_eq!(c.orgs.covered, 0);
        assert!((c.places.percent() - 66.666).abs() < 0.01);
    }
}
