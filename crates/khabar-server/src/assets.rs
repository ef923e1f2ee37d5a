//! The web UI's files, compiled into the binary.

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;

/// (path, content type, bytes) of every embedded file.
const FILES: &[(&str, &str, &[u8])] = &[
    ("/", "text/html; charset=utf-8", include_bytes!("../assets/index.html")),
    ("/app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("/app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("/fonts/Vazirmatn-Regular.woff2", "font/woff2", include_bytes!("../assets/fonts/Vazirmatn-Regular.woff2")),
    ("/fonts/Vazirmatn-Bold.woff2", "font/woff2", include_bytes!("../assets/fonts/Vazirmatn-Bold.woff2")),
    ("/fonts/OFL.txt", "text/plain; charset=utf-8", include_bytes!("../assets/fonts/OFL.txt")),
];

/// Routes serving the embedded files.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    let mut r = Router::new();
    for &(path, mime, bytes) in FILES {
        // Fonts never change within a build; the pages are small and revalidated.
        let cache = if mime.starts_with("font/") { "public, max-age=86400" } else { "no-cache" };
        r = r.route(path, get(move || async move { ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, cache)], bytes).into_response() }));
    }
    r
}
