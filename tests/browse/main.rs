//! Browsing the archive: the HTTP API, calendar timelines (CLI and API) and the web page in a real
//! browser. One test binary so all of them share one index of the embedded archive, built once.

#[path = "../support/mod.rs"]
mod support;

mod server;

mod http_api;
mod reload;
mod timelines;
mod web_page;
