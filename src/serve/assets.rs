//! The web page: one HTML file, one script, one style sheet, compiled into the binary with
//! `include_str!` so the server needs no files beside it and the page works offline (no CDN, no
//! fonts or libraries fetched from anywhere).
//!
//! The page is a small single-page app (`web/app.js`): it reads its state from the URL
//! (`/?q=&from=&to=&entity=&sort=&page=&article=`), calls the JSON API, and renders with DOM methods
//! and `textContent`, never by assembling HTML from article text. The one exception is
//! `snippet_html`, which the library has already escaped (only its `<mark>` tags are markup).

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

const INDEX_HTML: &str = include_str!("web/index.html");
const APP_JS: &str = include_str!("web/app.js");
const STYLE_CSS: &str = include_str!("web/style.css");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            // Revalidate each time: the assets are tiny, and a new binary must never pair a new page
            // with a cached old script.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// `GET /`: the page, whatever its query string (the script reads that).
pub async fn index_html() -> Response {
    asset(INDEX_HTML, "text/html; charset=utf-8")
}

/// `GET /app.js`
pub async fn app_js() -> Response {
    asset(APP_JS, "text/javascript; charset=utf-8")
}

/// `GET /style.css`
pub async fn style_css() -> Response {
    asset(STYLE_CSS, "text/css; charset=utf-8")
}
