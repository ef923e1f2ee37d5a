//! khabar's embedded archive: article records in SQLite (WAL mode), full-text search with tantivy.
//!
//! An archive is a directory holding `archive.sqlite` (the truth: articles, entity mentions,
//! quotes, events) and `index/` (a tantivy index of the article text, analyzed with khabar's
//! Persian normalizer, see [`analyzer`]). Nothing to install, no server.
//!
//! Writes go through one [`Store`] opened with [`Store::open`]: [`Store::ingest`] adds a record
//! inside an open SQLite transaction and queues its index document; [`Store::commit`] commits
//! SQLite first, then the index, with the last indexed article id as the index commit's payload.
//! A crash between the two leaves the index behind SQLite, never ahead; the next
//! [`Store::open`] (or a reader's [`Store::open_read`] when no writer holds the index) indexes
//! the missing articles from SQLite. A crash before the SQLite commit loses only the batch
//! that was never reported as stored. Readers work while a writer ingests (WAL for SQLite,
//! snapshots for tantivy) and see each batch when it is committed.
//!
//! Articles are deduplicated by the SHA-256 of their normalized `text`. Near-duplicates (copies
//! of one story by several outlets) are kept, each with its cluster id and MinHash signature
//! (`khabar-dedup`); the writer rebuilds its clusterer from the stored signatures on open, so
//! a copy ingested in a later run joins the stored cluster. [`Store::search`] returns one hit
//! per story; [`Store::cluster`] lists a story's copies, first publisher first.

pub mod analyzer;
pub(crate) mod browse;
mod dates;
mod export;
mod query;
mod store;

pub use browse::{
    ArticleRef, Edge, EntityCount, EntityPage, MonthCount, MonthStories, Network, NetworkFilter, Node, RoleRow,
    TimelineBucket, entity_key,
};
pub use dates::{Day, parse_day};
pub use export::{CSV_COLUMNS, ExportFormat, PARQUET_COLUMNS, PARQUET_NEEDS_FEATURE, PARQUET_ROW_GROUP};
pub use query::{EventFilter, EventRow, Facets, Hit, Member, Query, QuoteFilter, QuoteRow, Results, Snippet};
pub use store::{Ingested, SCHEMA_VERSION, Stats, Store};

/// What can go wrong in the archive.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The full-text index failed.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A record could not be (de)serialized.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV output failed.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// Parquet output failed (feature `parquet`).
    #[cfg(feature = "parquet")]
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A date filter could not be read.
    #[error("not a date: {0:?} (use 1402/09/29, ۱۴۰۲-۰۹-۲۹ or 2023-12-20)")]
    BadDate(String),
    /// The directory holds no archive (readers do not create one).
    #[error("no archive in {0} (create one with `khabar ingest --db {0}`)")]
    NoArchive(String),
    /// A write was attempted on a store opened for reading.
    #[error("the archive was opened read-only")]
    ReadOnly,
    /// The index is locked by another writer.
    #[error("another process is writing to this archive")]
    Locked,
    /// A near-duplicate threshold other than the one the archive's clusters were made with.
    #[error(
        "this archive clusters near-duplicates at threshold {stored}, not {given}: its stored clusters were made with {stored} (leave the option out, or use a new archive)"
    )]
    DedupThreshold {
        /// The archive's threshold.
        stored: f64,
        /// The one given.
        given: f64,
    },
    /// A near-duplicate threshold outside 0..=1.
    #[error("near-duplicate threshold {0} is not between 0 and 1")]
    BadThreshold(f64),
    /// The requested export format needs a cargo feature this build lacks.
    #[error("{0}")]
    Unsupported(String),
}

/// Result with [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
