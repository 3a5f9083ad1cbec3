//! The tantivy schema: which article fields are searchable, filterable, sortable and stored.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use super::analyzer::ANALYZER;

/// Handles to every field of a chronicle index. Built once from the schema, so the rest of the code
/// never looks a field up by name.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Stable article id, untokenised: the key for look-ups and for deletes on re-index.
    pub id: Field,
    /// Source file, relative to the corpus root. Indexed so a changed or deleted file's articles can
    /// be deleted by one term; fast so the manifest can be read back without loading documents.
    pub path: Field,
    /// The manifest, one copy per article of the file: size, modification time (ns since the epoch)
    /// and content hash (xxh3) of the source file when it was indexed. Kept in the index rather than
    /// in a side file so it is committed atomically with the articles it describes: after a crash the
    /// manifest can never claim a file whose articles were lost, or miss one whose articles were kept.
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    /// Headline: indexed with positions (title matches and phrases get a ranking bonus) and stored.
    pub title: Field,
    /// Article text: stored only. It is indexed once, inside `text`.
    pub body: Field,
    /// Title and body together, as one field with positions: what queries match and relevance
    /// ranking scores (see `search::query`). One BM25 over the whole story ranks better than a sum
    /// of per-field BM25s, which counts a word's rarity and saturation twice when it is in both;
    /// and indexing the body once, here, rather than also as a field of its own, cut the indexer's
    /// CPU time by a third. Not stored: snippets come from the stored body.
    pub text: Field,
    /// Publication date (UTC, second precision). Indexed for range filters, fast for sorting and
    /// timelines. Absent when the article states no date.
    pub date: Field,
    /// Extracted entities, one value per distinct entity: kind and canonical name joined by a NUL,
    /// `org\0World Health Organization` (see [`entity_value`]). Fast, for facet counts
    /// (`search::facets`), and stored, for display: a hit's entities come with its document, where
    /// naming them from the column cost a dictionary block per name (0.27 ms of a 3 ms search on a
    /// million articles). Filters match `entity_key`. It was a tantivy facet field, which also
    /// indexes every value and its parent (`/org`) as terms nobody searched: on the embedded
    /// archive the entity fields cost the indexer 2.0 G instructions (callgrind) as a facet.
    pub entity: Field,
    /// Every name an entity went by in the article, lower-cased, as `org:who` and
    /// `org:world health organization`: what `--entity org:WHO` matches, case-insensitively and by alias.
    pub entity_key: Field,
    /// Editor-assigned categories (Reuters PLACES/PEOPLE/ORGS/TOPICS) as facets, `/place/usa`.
    /// Kept apart from `entity`: they are ground truth for evaluating the extractor.
    pub tags: Field,
    pub source: Field,
    pub url: Field,
    pub dateline: Field,
}

impl Fields {
    /// Field names, in one place so that a reader of the schema sees them all.
    const ID: &'static str = "id";
    const PATH: &'static str = "path";
    const FILE_SIZE: &'static str = "file_size";
    const FILE_MTIME: &'static str = "file_mtime";
    const FILE_HASH: &'static str = "file_hash";
    const TITLE: &'static str = "title";
    const BODY: &'static str = "body";
    const TEXT: &'static str = "text";
    const DATE: &'static str = "date";
    const ENTITY: &'static str = "entity";
    const ENTITY_KEY: &'static str = "entity_key";
    const TAGS: &'static str = "tags";
    const SOURCE: &'static str = "source";
    const URL: &'static str = "url";
    const DATELINE: &'static str = "dateline";

    /// Builds chronicle's schema.
    pub fn schema() -> Schema {
        let mut b = Schema::builder();
        // Title and text use the same analyzer, with positions so phrase queries work.
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        b.add_text_field(Self::ID, STRING | STORED);
        b.add_text_field(Self::PATH, STRING | STORED | FAST);
        b.add_u64_field(Self::FILE_SIZE, NumericOptions::default().set_fast());
        b.add_i64_field(Self::FILE_MTIME, NumericOptions::default().set_fast());
        b.add_u64_field(Self::FILE_HASH, NumericOptions::default().set_fast());
        b.add_text_field(Self::TITLE, text.clone() | STORED);
        b.add_text_field(Self::BODY, STORED);
        b.add_text_field(Self::TEXT, text);
        b.add_date_field(
            Self::DATE,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        );
        b.add_text_field(
            Self::ENTITY,
            TextOptions::default().set_fast("raw").set_stored(),
        );
        b.add_text_field(Self::ENTITY_KEY, STRING);
        b.add_facet_field(Self::TAGS, FacetOptions::default().set_stored());
        b.add_text_field(Self::SOURCE, STRING | STORED);
        b.add_text_field(Self::URL, STORED);
        b.add_text_field(Self::DATELINE, STORED);
        b.build()
    }

    /// Looks up every field in `schema`; fails if the index was built by an incompatible version
    /// (a missing field, or one of another type or with other options).
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let current = Fields::schema();
        for (_, entry) in current.fields() {
            match schema.get_field(entry.name()) {
                Ok(found) if schema.get_field_entry(found) == entry => {}
                _ => {
                    return Err(tantivy::TantivyError::SchemaError(format!(
                        "field {:?} is missing or has changed since this index was built",
                        entry.name()
                    )))
                }
            }
        }
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f(Self::ID)?,
            path: f(Self::PATH)?,
            file_size: f(Self::FILE_SIZE)?,
            file_mtime: f(Self::FILE_MTIME)?,
            file_hash: f(Self::FILE_HASH)?,
            title: f(Self::TITLE)?,
            body: f(Self::BODY)?,
            text: f(Self::TEXT)?,
            date: f(Self::DATE)?,
            entity: f(Self::ENTITY)?,
            entity_key: f(Self::ENTITY_KEY)?,
            tags: f(Self::TAGS)?,
            source: f(Self::SOURCE)?,
            url: f(Self::URL)?,
            dateline: f(Self::DATELINE)?,
        })
    }

    /// Name of the date field, for fast-field sorting.
    pub fn date_name() -> &'static str {
        Self::DATE
    }

    /// Names of the manifest's fast fields: path, size, mtime, hash.
    pub fn manifest_names() -> [&'static str; 4] {
        [
            Self::PATH,
            Self::FILE_SIZE,
            Self::FILE_MTIME,
            Self::FILE_HASH,
        ]
    }
}

/// The stored and fast value of an entity: `kind\0name`.
pub fn entity_value(kind: &str, name: &str) -> String {
    let mut v = String::with_capacity(kind.len() + 1 + name.len());
    push_entity_value(&mut v, kind, name);
    v
}

/// Appends [`entity_value`]`(kind, name)` to `v`.
pub(crate) fn push_entity_value(v: &mut String, kind: &str, name: &str) {
    v.push_str(kind);
    v.push('\0');
    v.push_str(name);
}

/// Splits an [`entity_value`] into kind and name.
pub fn split_entity_value(value: &str) -> Option<(&str, &str)> {
    value.split_once('\0')
}
