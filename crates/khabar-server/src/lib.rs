//! khabar's web server: a JSON API over an archive ([`khabar_store`]) and the web UI, served
//! from one binary with its assets (HTML, JavaScript, CSS, the Vazirmatn font) embedded.
//!
//! ```no_run
//! let server = khabar_server::Server::bind(&khabar_server::Config::new("/tmp/kdb"))?;
//! println!("{}", server.url());
//! server.run()?; // serves until the process ends
//! # Ok::<(), khabar_server::ServerError>(())
//! ```
//!
//! The API (described by [`OPENAPI`], served at `/api/openapi.json`) is read-only: `GET`
//! `/api/search`, `/api/articles/{id}`, `/api/entities/{id}`, `/api/quotes`, `/api/events`,
//! `/api/timeline`, `/api/network`, `/api/stats`. Bad parameters get a 400 with a JSON body
//! `{"error": "..."}`; a request body over [`Config::body_limit`] gets a 413. Every response
//! carries a Content-Security-Policy that allows only the server's own scripts, styles and
//! fonts, and the UI builds its pages with DOM text nodes only, so scraped text cannot run
//! as code.
//!
//! Requests are answered by a small pool of read-only [`Store`]s (SQLite connections and
//! index readers) on blocking threads; each request first refreshes its store's index
//! reader, so articles an ingest commits while the server runs are found.

mod api;
mod assets;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use khabar_store::Store;

pub use api::router;

/// The OpenAPI 3.1 description of the API, as served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// What can go wrong starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The archive could not be opened.
    #[error("opening the archive in {dir}: {source}")]
    Store {
        /// The archive directory.
        dir: String,
        /// Why.
        source: khabar_store::StoreError,
    },
    /// The address could not be bound or served.
    #[error("{addr}: {source}")]
    Io {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The archive directory (made by `khabar ingest`).
    pub db: PathBuf,
    /// Where to listen; port 0 picks a free port. Default 127.0.0.1:8080 (loopback only).
    pub addr: SocketAddr,
    /// Read-only stores answering requests in parallel (default 4).
    pub readers: usize,
    /// Largest request body accepted, in bytes (default 64 KiB; the API needs none).
    pub body_limit: usize,
}

impl Config {
    /// Defaults for the archive in `db`.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config { db: db.into(), addr: SocketAddr::from(([127, 0, 0, 1], 8080)), readers: 4, body_limit: 64 * 1024 }
    }
}

/// Read-only stores shared by the request handlers.
pub struct Pool {
    stores: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

impl Pool {
    /// Opens `n` (at least one) read-only stores on the archive in `dir`.
    pub fn open(dir: &std::path::Path, n: usize) -> Result<Pool, khabar_store::StoreError> {
        let stores = (0..n.max(1)).map(|_| Store::open_read(dir).map(Mutex::new)).collect::<Result<_, _>>()?;
        Ok(Pool { stores, next: AtomicUsize::new(0) })
    }

    /// Runs `f` with a free store (refreshed to see the latest commits), waiting for one if
    /// all are busy.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> Result<T, khabar_store::StoreError> {
        for s in &self.stores {
            if let Ok(store) = s.try_lock() {
                store.refresh()?;
                return Ok(f(&store));
            }
        }
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.stores.len();
        let store = self.stores[i].lock().unwrap_or_else(|p| p.into_inner());
        store.refresh()?;
        Ok(f(&store))
    }
}

/// What the handlers share.
pub struct AppState {
    /// The stores.
    pub pool: Pool,
    /// Largest request body accepted.
    pub body_limit: usize,
}

/// A bound server, ready to [`Server::run`].
pub struct Server {
    listener: std::net::TcpListener,
    state: Arc<AppState>,
}

impl Server {
    /// Opens the archive and binds the address (so that [`Server::url`] is known, also with
    /// port 0, before serving).
    pub fn bind(config: &Config) -> Result<Server, ServerError> {
        let pool = Pool::open(&config.db, config.readers)
            .map_err(|source| ServerError::Store { dir: config.db.display().to_string(), source })?;
        let io = |source| ServerError::Io { addr: config.addr.to_string(), source };
        let listener = std::net::TcpListener::bind(config.addr).map_err(io)?;
        listener.set_nonblocking(true).map_err(io)?;
        Ok(Server { listener, state: Arc::new(AppState { pool, body_limit: config.body_limit }) })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// The UI's address, e.g. `http://127.0.0.1:8080/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.local_addr())
    }

    /// Serves until the process ends or gets Ctrl-C (on a runtime of its own).
    pub fn run(self) -> Result<(), ServerError> {
        let addr = self.local_addr().to_string();
        let io = |source| ServerError::Io { addr: addr.clone(), source };
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(io)?;
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            axum::serve(listener, router(self.state))
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
        })
        .map_err(io)
    }
}
