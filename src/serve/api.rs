//! The JSON API: URL parameters in, the library's results out, errors as `{"error": "..."}`.
//!
//! Parameters are parsed by hand from the raw query string (not by serde) because `entity` repeats
//! (`?entity=org:WHO&entity=place:China`), and so that unknown or repeated parameters can be refused
//! with a message naming them. An empty value (`from=`), which HTML forms send for blank fields, counts
//! as absent. Every parameter goes through the same parsers as the CLI flags (`DateRange::parse`,
//! `EntityFilter::parse`, the query parser), so an error reads the same in both.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::{limits, AppState};
use crate::entities::EntityKind;
use crate::error::Error;
use crate::search::{
    DateRange, EntityFilter, FacetCount, Interval, SearchRequest, SearchResults, Sort,
    StoredArticle, Timeline,
};

/// An error answer: a status and a one-line message.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(ErrorBody {
                error: &self.message,
            }),
        )
            .into_response()
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match e {
            Error::BadDate(_)
            | Error::EmptyDateRange { .. }
            | Error::BadEntity(_)
            | Error::BadQuery { .. }
            | Error::BadInterval(_)
            | Error::TooManyBuckets { .. } => StatusCode::BAD_REQUEST,
            Error::NoIndex(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => {
                eprintln!("chronicle: {e}");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        ApiError::new(status, e.to_string())
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// A request's query-string parameters, checked against the names a route accepts.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

/// The one parameter that may repeat.
const REPEATABLE: &[&str] = &["entity"];

impl Params {
    /// Splits and percent-decodes `raw`; refuses names not in `allowed` and repeats of single ones.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            if !allowed.contains(&name.as_ref()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {name:?}: expected one of {}",
                    allowed.join(", ")
                )));
            }
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if !REPEATABLE.contains(&name.as_ref()) && pairs.iter().any(|(n, _)| *n == name) {
                return Err(ApiError::bad(format!("parameter {name:?} given twice")));
            }
            pairs.push((name.into_owned(), value.to_string()));
        }
        Ok(Params { pairs })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A whole number in `min..=max`, or `default` when absent.
    pub fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(text) = self.get(name) else {
            return Ok(default);
        };
        match text.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad(format!(
                "bad {name} {text:?}: expected a whole number from {min} to {max}"
            ))),
        }
    }

    /// The query text, dates and entities shared by search, timeline and facets.
    pub fn request(&self) -> Result<SearchRequest, ApiError> {
        let query = self.get("q").unwrap_or_default();
        if query.len() > limits::QUERY_BYTES {
            return Err(ApiError::bad(format!(
                "query too long: {} bytes, at most {}",
                query.len(),
                limits::QUERY_BYTES
            )));
        }
        let mut request = SearchRequest::new(query);
        request.dates = DateRange::parse(self.get("from"), self.get("to"))?;
        request.entities = self
            .all("entity")
            .map(EntityFilter::parse)
            .collect::<Result<_, _>>()?;
        if request.entities.len() > limits::ENTITIES {
            return Err(ApiError::bad(format!(
                "too many entity filters: {}, at most {}",
                request.entities.len(),
                limits::ENTITIES
            )));
        }
        Ok(request)
    }
}

/// Runs library work on the blocking pool, at most [`AppState::workers`] at a time: tantivy
/// searches are synchronous and CPU-bound and must not stall the async accept loop.
async fn blocking<T, F>(state: &AppState, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&crate::search::Archive) -> Result<T, Error> + Send + 'static,
{
    let _permit =
        state.workers.acquire().await.map_err(|_| {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "server is shutting down")
        })?;
    let live = state.archive.clone();
    tokio::task::spawn_blocking(move || {
        let loaded = live.get();
        work(&loaded.archive)
    })
    .await
    .map_err(|e| {
        eprintln!("chronicle: a request failed: {e}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    })?
    .map_err(ApiError::from)
}

/// The defaults of `chronicle search`, so `/api/search?q=x` and `search x --json` answer alike.
const DEFAULT_LIMIT: usize = 10;
const DEFAULT_FACETS: usize = 5;

/// `GET /api/search`: the JSON of `chronicle search --json`.
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> ApiResult<SearchResults> {
    let params = Params::parse(
        raw.as_deref(),
        &[
            "q", "from", "to", "entity", "sort", "limit", "offset", "facets",
        ],
    )?;
    let mut request = params.request()?;
    request.sort = match params.get("sort") {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(other) => {
            return Err(ApiError::bad(format!(
                "bad sort {other:?}: expected relevance or date"
            )))
        }
    };
    request.limit = params.number("limit", DEFAULT_LIMIT, 0, limits::LIMIT)?;
    request.offset = params.number("offset", 0, 0, limits::OFFSET)?;
    request.facet_limit = params.number("facets", DEFAULT_FACETS, 0, limits::LIMIT)?;
    let results = blocking(&state, move |archive| archive.search(&request)).await?;
    Ok(Json(results))
}

/// `GET /api/timeline`: hits per calendar bucket.
pub async fn timeline(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Timeline> {
    let params = Params::parse(raw.as_deref(), &["q", "from", "to", "entity", "interval"])?;
    let request = params.request()?;
    let interval: Interval = params.get("interval").unwrap_or("month").parse()?;
    let timeline = blocking(&state, move |archive| archive.timeline(&request, interval)).await?;
    Ok(Json(timeline))
}

/// The answer of `/api/facets`: top entities among all hits, for one kind or all three.
#[derive(Serialize)]
pub struct FacetsAnswer {
    pub query: String,
    pub total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<Vec<FacetCount>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<Vec<FacetCount>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Vec<FacetCount>>,
}

/// `GET /api/facets`: the entities among the hits of a query, most frequent first, or with
/// `order=relevance` those named by the best hits first (see [`crate::search::relevant`]).
pub async fn facets(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> ApiResult<FacetsAnswer> {
    let params = Params::parse(
        raw.as_deref(),
        &["q", "from", "to", "entity", "type", "limit", "order"],
    )?;
    let mut request = params.request()?;
    let kind = match params.get("type") {
        None => None,
        Some(t) => Some(EntityKind::parse(t).ok_or_else(|| {
            ApiError::bad(format!("bad type {t:?}: expected org, person or place"))
        })?),
    };
    request.limit = 0;
    request.facet_limit = params.number("limit", 10, 1, limits::LIMIT)?;
    let by_relevance = match params.get("order") {
        None | Some("count") => false,
        Some("relevance") => true,
        Some(other) => {
            return Err(ApiError::bad(format!(
                "bad order {other:?}: expected count or relevance"
            )))
        }
    };
    let query = request.query.clone();
    let (total, facets) = blocking(&state, move |archive| {
        if by_relevance {
            archive.relevant_facets(&request, request.facet_limit)
        } else {
            archive.search(&request).map(|r| (r.total, r.facets))
        }
    })
    .await?;
    let pick = |k: EntityKind, list: &[FacetCount]| {
        (kind.is_none() || kind == Some(k)).then(|| list.to_vec())
    };
    Ok(Json(FacetsAnswer {
        org: pick(EntityKind::Org, &facets.org),
        person: pick(EntityKind::Person, &facets.person),
        place: pick(EntityKind::Place, &facets.place),
        query,
        total,
    }))
}

/// `GET /api/articles/{id}`: one article, the id percent-decoded by the extractor.
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<StoredArticle> {
    if id.len() > limits::QUERY_BYTES {
        return Err(ApiError::bad("article id too long"));
    }
    let wanted = id.clone();
    match blocking(&state, move |archive| archive.article(&wanted)).await? {
        Some(article) => Ok(Json(article)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article with id {id:?}"),
        )),
    }
}

/// The answer of `/api/info`.
#[derive(Serialize)]
pub struct Info {
    pub articles: u64,
    /// Name of the live generation directory; changes when a new index goes live.
    pub generation: String,
    /// When that generation was built (RFC 3339), if recorded.
    pub built_at: Option<String>,
    pub version: &'static str,
}

/// `GET /api/info`: what the server is serving.
pub async fn info(State(state): State<AppState>) -> ApiResult<Info> {
    let live = state.archive.clone();
    let info = tokio::task::spawn_blocking(move || {
        let loaded = live.get();
        Info {
            articles: loaded.archive.num_articles(),
            generation: loaded
                .dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            built_at: loaded
                .archive
                .index()
                .info
                .as_ref()
                .map(|i| i.built_at.clone()),
            version: env!("CARGO_PKG_VERSION"),
        }
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error"))?;
    Ok(Json(info))
}

/// Any other path.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not found")
}
