//! Serve: the HTTP JSON API and the embedded web page, `chronicle serve`.
//!
//! Brief overview: [`LiveArchive`] holds the open [`Archive`] and swaps in a new one when the index
//! directory's `CURRENT` pointer names a new generation, so a server never needs a restart after
//! `chronicle index`. [`router`] wires the routes: [`api`] turns URL parameters into the library's own
//! [`SearchRequest`](crate::search::SearchRequest) (the CLI's request type, so both always agree) and
//! answers JSON; [`assets`] serves the single page and its script and style, compiled into the binary.
//!
//! ```text
//! GET /api/search?q=&from=&to=&entity=&sort=&limit=&offset=&facets=   same JSON as `search --json`
//! GET /api/timeline?q=&from=&to=&entity=&interval=year|month|week|day|auto
//! GET /api/facets?q=&from=&to=&entity=&type=org|person|place&limit=&order=count|relevance
//! GET /api/articles/{id}        the id percent-encoded (ids hold `/` and `#`)
//! GET /api/info                 article count and live generation
//! GET /                         the page; its state lives in the URL query
//! ```
//!
//! Safety: the CLI binds 127.0.0.1 unless told otherwise; parameters are capped ([`limits`]) and
//! unknown ones refused, so a typo is an error rather than a silently ignored filter; every error is
//! `{"error": "..."}` with a 4xx/5xx status; searches run on tokio's blocking pool behind a semaphore,
//! so a burst of slow queries cannot starve the accept loop or spawn threads without bound.

pub mod api;
pub mod assets;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;

use crate::error::Result;
use crate::index::Layout;
use crate::search::Archive;

/// Caps on what one request may ask for.
pub mod limits {
    /// Longest query text, in bytes.
    pub const QUERY_BYTES: usize = 1024;
    /// Most hits per page (`limit`) and most entities per kind (`facets`, facet `limit`).
    pub const LIMIT: usize = 100;
    /// Deepest page start: tantivy keeps `offset + limit` hits in a heap, so this bounds memory.
    pub const OFFSET: usize = 10_000;
    /// Most `entity` filters in one request.
    pub const ENTITIES: usize = 16;
    /// Longest request target (path and query), in bytes.
    pub const URI_BYTES: usize = 8 * 1024;
    /// Largest request body. The API takes none; this only stops a client streaming one at us.
    pub const BODY_BYTES: usize = 4 * 1024;
}

/// The archive a server answers from, reopened when a new index generation goes live (`--rebuild`).
/// Commits of an incremental run, which update the live generation in place, reach it without a
/// reopen: the archive's tantivy reader reloads on commit.
///
/// Why check `CURRENT` on every request rather than on a timer: it is one read of a one-line file
/// (microseconds, served from the page cache), and a request that follows a finished index run then
/// always sees the new index. Readers hold an `Arc` to the generation they started with, so a search
/// in flight during the switch finishes on the old one; its files stay readable after the indexer
/// deletes them because they are memory-mapped.
pub struct LiveArchive {
    layout: Layout,
    live: RwLock<Arc<Loaded>>,
    /// Serialises reopening, so a burst of requests after a switch opens the new index once.
    reopening: Mutex<()>,
}

/// One opened generation.
pub struct Loaded {
    pub archive: Archive,
    /// The generation directory, as `CURRENT` named it when it was opened.
    pub dir: PathBuf,
}

impl LiveArchive {
    /// Opens the live generation under `root`; fails if there is none.
    pub fn open(root: &Path) -> Result<LiveArchive> {
        let archive = Archive::open(root)?;
        let dir = archive.index().dir.clone();
        Ok(LiveArchive {
            layout: Layout::new(root),
            live: RwLock::new(Arc::new(Loaded { archive, dir })),
            reopening: Mutex::new(()),
        })
    }

    /// The archive to answer a request from: the live generation, reopened first if it changed.
    ///
    /// If the new generation cannot be opened (a half-deleted directory, a disk error), the previous
    /// one keeps serving and the failure is logged: a server that answers from a slightly old index is
    /// more useful than one that answers errors.
    pub fn get(&self) -> Arc<Loaded> {
        let live = self.snapshot();
        match self.layout.current() {
            Ok(Some(dir)) if dir != live.dir => self.reopen(&dir).unwrap_or(live),
            _ => live,
        }
    }

    fn snapshot(&self) -> Arc<Loaded> {
        // A poisoned lock only means another thread panicked mid-swap; the Arc inside is whole.
        match self.live.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn reopen(&self, dir: &Path) -> Option<Arc<Loaded>> {
        let _one_at_a_time = self.reopening.lock().unwrap_or_else(|p| p.into_inner());
        let live = self.snapshot();
        if live.dir == dir {
            return Some(live); // another request reopened it while we waited
        }
        match Archive::open(self.layout.root()) {
            Ok(archive) => {
                let loaded = Arc::new(Loaded {
                    dir: archive.index().dir.clone(),
                    archive,
                });
                eprintln!("chronicle: serving new index {}", loaded.dir.display());
                let mut guard = self.live.write().unwrap_or_else(|p| p.into_inner());
                *guard = Arc::clone(&loaded);
                Some(loaded)
            }
            Err(e) => {
                eprintln!("chronicle: keeping the previous index: {e}");
                None
            }
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub archive: Arc<LiveArchive>,
    /// Bounds concurrent searches on the blocking pool.
    pub workers: Arc<Semaphore>,
}

impl AppState {
    pub fn new(archive: LiveArchive) -> AppState {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        AppState {
            archive: Arc::new(archive),
            // Searches are CPU-bound: a few more than the cores keeps them busy while others wait
            // on the page cache, without piling up hundreds of threads under load.
            workers: Arc::new(Semaphore::new(cores * 2)),
        }
    }
}

/// All routes, with the limits and headers every response gets.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(assets::index_html))
        .route("/app.js", get(assets::app_js))
        .route("/style.css", get(assets::style_css))
        .route("/api/search", get(api::search))
        .route("/api/timeline", get(api::timeline))
        .route("/api/facets", get(api::facets))
        .route("/api/articles/{*id}", get(api::article))
        .route("/api/info", get(api::info))
        .fallback(api::not_found)
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(limits::BODY_BYTES))
        .layer(middleware::from_fn(guard))
}

/// Refuses over-long request targets and adds the headers that keep a page safe even if some text
/// slipped through unescaped: the Content-Security-Policy allows only the page's own script and style,
/// so an injected `<script>` or `onerror=` would not run.
async fn guard(request: Request, next: Next) -> Response {
    let uri_len = request
        .uri()
        .path_and_query()
        .map_or(0, |pq| pq.as_str().len());
    let mut response = if uri_len > limits::URI_BYTES {
        api::ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!(
                "request target too long: {uri_len} bytes, at most {}",
                limits::URI_BYTES
            ),
        )
        .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Serves `router` on an already-bound listener until Ctrl-C (or SIGTERM on Unix).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown())
        .await
}

async fn shutdown() {
    let ctrl_c = async {
        // If the handler cannot be installed, never resolve: the process is then stopped by a signal.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
