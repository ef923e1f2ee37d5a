//! The routes: the JSON API under `/api/` and the embedded UI.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use khabar_store::{EventFilter, NetworkFilter, QuoteFilter, Store, StoreError, parse_day};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::assets;

/// An API error: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message: message.into() }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::BadDate(_) => ApiError::bad(e.to_string()),
            e => {
                tracing::error!("archive: {e}");
                ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: format!("archive: {e}") }
            }
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> ApiError {
        ApiError::bad(e.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(e: PathRejection) -> ApiError {
        ApiError::bad(e.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(json!({ "error": self.message }))).into_response()
    }
}

type ApiResult = Result<axum::Json<Value>, ApiError>;

/// Runs `f` on a pooled store on a blocking thread.
async fn with_store<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = state.clone();
    match tokio::task::spawn_blocking(move || state.pool.with(f)).await {
        Ok(Ok(Ok(v))) => Ok(v),
        Ok(Ok(Err(e))) | Ok(Err(e)) => Err(e.into()),
        Err(e) => Err(ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: format!("request failed: {e}") }),
    }
}

fn day(name: &str, v: &Option<String>) -> Result<Option<u32>, ApiError> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => parse_day(s).map(Some).map_err(|e| ApiError::bad(format!("{name}: {e}"))),
    }
}

fn limit(v: Option<usize>, default: usize, max: usize) -> Result<usize, ApiError> {
    match v {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad(format!("limit: {n} is out of range 1..={max}"))),
    }
}

fn nonempty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The `type` parameter: a PLOVER event type (letters and `_`), or None when not given.
fn event_type(v: Option<String>) -> Result<Option<String>, ApiError> {
    match nonempty(v) {
        Some(t) if !t.chars().all(|c| c.is_ascii_alphabetic() || c == '_') => {
            Err(ApiError::bad(format!("type: {t:?} is not a PLOVER event type (e.g. CONSULT)")))
        }
        t => Ok(t),
    }
}

/// Parameters of `/api/search`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    agency: Option<String>,
    person: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    all_copies: Option<bool>,
}

/// The snippet as a list of `{text, hit}` parts, so that a client never parses markup.
fn snippet_parts(snippet: &Value) -> Value {
    let text = snippet.get("text").and_then(Value::as_str).unwrap_or_default();
    let ranges: Vec<(usize, usize)> = snippet
        .get("highlights")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| Some((r.get("start")?.as_u64()? as usize, r.get("end")?.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default();
    let mut parts = Vec::new();
    let mut at = 0;
    for (s, e) in ranges {
        if s < at || e > text.len() || s > e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            parts.push(json!({"text": &text[at..s], "hit": false}));
        }
        parts.push(json!({"text": &text[s..e], "hit": true}));
        at = e;
    }
    if at < text.len() {
        parts.push(json!({"text": &text[at..], "hit": false}));
    }
    Value::Array(parts)
}

async fn search(State(state): State<Arc<AppState>>, params: Result<Query<SearchParams>, QueryRejection>) -> ApiResult {
    let Query(p) = params?;
    let offset = p.offset.unwrap_or(0);
    if offset > 10_000 {
        return Err(ApiError::bad("offset: at most 10000"));
    }
    let query = khabar_store::Query {
        text: p.q.unwrap_or_default(),
        from: day("from", &p.from)?,
        to: day("to", &p.to)?,
        agency: nonempty(p.agency),
        person: nonempty(p.person),
        limit: limit(p.limit, 20, 100)?,
        offset,
        all_copies: p.all_copies.unwrap_or(false),
    };
    let results = with_store(&state, move |s| s.search(&query)).await?;
    let mut v = serde_json::to_value(&results).map_err(|e| ApiError::bad(e.to_string()))?;
    if let Some(hits) = v.get_mut("hits").and_then(Value::as_array_mut) {
        for h in hits {
            let parts = snippet_parts(&h["snippet"]);
            h["snippet"]["parts"] = parts;
        }
    }
    Ok(axum::Json(v))
}

async fn article(State(state): State<Arc<AppState>>, id: Result<Path<i64>, PathRejection>) -> ApiResult {
    let Path(id) = id?;
    let found = with_store(&state, move |s| {
        let Some(mut record) = s.article(id)? else { return Ok(None) };
        // Each entity gets its archive key, the id of its entity page.
        if let Some(ents) = record.get_mut("entities").and_then(Value::as_array_mut) {
            for e in ents {
                let kb = e.get("kb").and_then(Value::as_bool).unwrap_or(false);
                let key = khabar_store::entity_key(
                    kb,
                    e.get("id").and_then(Value::as_str).unwrap_or_default(),
                    e.get("name_fa").and_then(Value::as_str).unwrap_or_default(),
                );
                e["key"] = Value::String(key);
            }
        }
        let cluster = s.cluster_of(id)?;
        let copies = match &cluster {
            Some(c) => s.cluster(c)?,
            None => Vec::new(),
        };
        Ok(Some(json!({ "id": id, "cluster": cluster, "copies": copies, "record": record })))
    })
    .await?;
    found.map(axum::Json).ok_or_else(|| ApiError::not_found(format!("no article {id}")))
}

async fn entity(State(state): State<Arc<AppState>>, id: Result<Path<String>, PathRejection>) -> ApiResult {
    let Path(id) = id?;
    let key = id.clone();
    let page = with_store(&state, move |s| s.entity(&key)).await?;
    match page {
        Some(p) => Ok(axum::Json(serde_json::to_value(p).map_err(|e| ApiError::bad(e.to_string()))?)),
        None => Err(ApiError::not_found(format!("no entity {id:?} in the archive"))),
    }
}

/// Parameters of `/api/quotes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteParams {
    speaker: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
}

async fn quotes(State(state): State<Arc<AppState>>, params: Result<Query<QuoteParams>, QueryRejection>) -> ApiResult {
    let Query(p) = params?;
    let filter = QuoteFilter {
        speaker: nonempty(p.speaker),
        from: day("from", &p.from)?,
        to: day("to", &p.to)?,
        limit: limit(p.limit, 50, 1000)?,
    };
    let rows = with_store(&state, move |s| s.quotes(&filter)).await?;
    Ok(axum::Json(json!({ "quotes": rows })))
}

/// Parameters of `/api/events` and `/api/timeline`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventParams {
    #[serde(rename = "type")]
    event_type: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
}

impl EventParams {
    fn filter(self, default_limit: usize) -> Result<EventFilter, ApiError> {
        Ok(EventFilter {
            event_type: event_type(self.event_type)?,
            actor: nonempty(self.actor),
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
            limit: limit(self.limit, default_limit, 1000)?,
        })
    }
}

async fn events(State(state): State<Arc<AppState>>, params: Result<Query<EventParams>, QueryRejection>) -> ApiResult {
    let Query(p) = params?;
    let filter = p.filter(50)?;
    let rows = with_store(&state, move |s| s.events(&filter)).await?;
    Ok(axum::Json(json!({ "events": rows })))
}

async fn timeline(State(state): State<Arc<AppState>>, params: Result<Query<EventParams>, QueryRejection>) -> ApiResult {
    let Query(p) = params?;
    let filter = p.filter(1)?;
    let buckets = with_store(&state, move |s| s.timeline(&filter)).await?;
    Ok(axum::Json(json!({ "months": buckets })))
}

/// Parameters of `/api/network`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkParams {
    #[serde(rename = "type")]
    event_type: Option<String>,
    from: Option<String>,
    to: Option<String>,
    max_edges: Option<usize>,
}

async fn network(State(state): State<Arc<AppState>>, params: Result<Query<NetworkParams>, QueryRejection>) -> ApiResult {
    let Query(p) = params?;
    let filter = NetworkFilter {
        event_type: event_type(p.event_type)?.unwrap_or_else(|| "CONSULT".into()),
        from: day("from", &p.from)?,
        to: day("to", &p.to)?,
        max_edges: limit(p.max_edges, 200, 2000)?,
    };
    let net = with_store(&state, move |s| s.network(&filter)).await?;
    Ok(axum::Json(serde_json::to_value(net).map_err(|e| ApiError::bad(e.to_string()))?))
}

async fn stats(State(state): State<Arc<AppState>>) -> ApiResult {
    let st = with_store(&state, |s| s.stats()).await?;
    Ok(axum::Json(serde_json::to_value(st).map_err(|e| ApiError::bad(e.to_string()))?))
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

async fn api_not_found(req: Request) -> ApiError {
    ApiError::not_found(format!("no such API route: {}", req.uri().path()))
}

/// Refuses bodies over the limit (by Content-Length, or while reading a body without one).
async fn body_limit(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let limit = state.body_limit;
    let too_large = || {
        ApiError { status: StatusCode::PAYLOAD_TOO_LARGE, message: format!("request body over the limit of {limit} bytes") }
            .into_response()
    };
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return too_large();
    }
    let (parts, body) = req.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await,
        Err(_) => too_large(),
    }
}

/// Headers on every response: scripts, styles and fonts only from this server, no framing,
/// no MIME sniffing, no referrer leaking the archive's URLs to linked sources.
async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; \
             connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res
}

/// The whole application: API, UI assets and the middleware (body limit, security headers).
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/search", get(search))
        .route("/articles/{id}", get(article))
        .route("/entities/{id}", get(entity))
        .route("/quotes", get(quotes))
        .route("/events", get(events))
        .route("/timeline", get(timeline))
        .route("/network", get(network))
        .route("/stats", get(stats))
        .route("/openapi.json", get(openapi))
        .fallback(api_not_found);
    Router::new()
        .nest("/api", api)
        .merge(assets::routes())
        .layer(middleware::from_fn_with_state(state.clone(), body_limit))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_parts_cover_the_text_and_skip_bad_ranges() {
        let text = "گروسی با رئیسی دیدار کرد";
        let g = "گروسی".len();
        let snippet = json!({"text": text, "highlights": [{"start": 0, "end": g}, {"start": 1, "end": 3}, {"start": g + 1, "end": 999}]});
        let parts = snippet_parts(&snippet);
        let parts = parts.as_array().unwrap();
        assert_eq!(parts[0], json!({"text": "گروسی", "hit": true}));
        assert_eq!(parts.len(), 2, "overlapping, out-of-range and mid-character ranges are dropped: {parts:?}");
        let joined: String = parts.iter().map(|p| p["text"].as_str().unwrap()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn the_openapi_document_is_valid_json_with_every_route() {
        let doc: Value = serde_json::from_str(crate::OPENAPI).unwrap();
        for route in ["/api/search", "/api/articles/{id}", "/api/entities/{id}", "/api/quotes", "/api/events", "/api/timeline", "/api/network", "/api/stats", "/api/openapi.json"] {
            assert!(doc["paths"][route]["get"]["responses"]["200"].is_object(), "{route}");
        }
    }
}
