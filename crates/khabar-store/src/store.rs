//! The [`Store`]: opening, ingesting, committing, catching the index up with SQLite.

use std::path::{Path, PathBuf};

use khabar_dedup::{Clusterer, Params, Signature};
use khabar_events::Record;
use khabar_normalize::fold_for_search;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use tantivy::directory::MmapDirectory;
use tantivy::query::RangeQuery;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analyzer::{ANALYZER, KhabarTokenizer};
use crate::dates::day_of_published;
use crate::{Result, StoreError};

const SCHEMA_SQL: &str = "
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  url TEXT,
  agency_id TEXT,
  news_id TEXT,
  title TEXT,
  published TEXT,
  published_jalali TEXT,
  day INTEGER,
  ingested TEXT NOT NULL DEFAULT (datetime('now')),
  json TEXT NOT NULL,
  cluster TEXT,
  signature BLOB);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_agency ON articles(agency_id, day);
CREATE TABLE IF NOT EXISTS agencies(id TEXT PRIMARY KEY, name_fa TEXT, name_en TEXT, fold TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_names(key TEXT PRIMARY KEY, type TEXT NOT NULL, name_fa TEXT, name_en TEXT, fold TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions(key TEXT NOT NULL, article_id INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY(key, article_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS quotes(
  article_id INTEGER NOT NULL, n INTEGER NOT NULL, speaker_key TEXT, speaker_fa TEXT, speaker_en TEXT,
  fold TEXT NOT NULL, verb TEXT, verb_en TEXT, text TEXT NOT NULL, direct INTEGER NOT NULL, english TEXT, day INTEGER,
  PRIMARY KEY(article_id, n));
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
CREATE TABLE IF NOT EXISTS events(
  article_id INTEGER NOT NULL, n INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT, status TEXT,
  date TEXT, location_en TEXT, english TEXT, json TEXT NOT NULL, day INTEGER,
  PRIMARY KEY(article_id, n));
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS event_actors(key TEXT NOT NULL, article_id INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(key, article_id, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES('schema', '3');
";

/// The per-story summary, kept up to date by [`Store::ingest`]: per cluster and outlet (the
/// outlet id, else the copy's source), how many copies, the earliest `published` ('~' when
/// none is dated, so undated sorts last) and the first article id. Search reads a hit's story
/// from it (copies, first publisher, `also_in`) instead of scanning the story's copies.
const CLUSTER_OUTLETS_SQL: &str = "
CREATE TABLE IF NOT EXISTS cluster_outlets(
  cluster TEXT NOT NULL, outlet TEXT NOT NULL, copies INTEGER NOT NULL, first_published TEXT NOT NULL,
  first_id INTEGER NOT NULL, PRIMARY KEY(cluster, outlet)) WITHOUT ROWID;";

/// Refills `cluster_outlets` from the articles (migration, clusters filled in).
const REFILL_CLUSTER_OUTLETS_SQL: &str = "
DELETE FROM cluster_outlets;
INSERT INTO cluster_outlets(cluster, outlet, copies, first_published, first_id)
  SELECT cluster, coalesce(agency_id, source), count(*), min(coalesce(published, '~')), min(id)
  FROM articles INDEXED BY articles_cluster WHERE cluster IS NOT NULL GROUP BY cluster, coalesce(agency_id, source);";

/// The current schema version (`meta.schema`). Version 1 lacked `articles.cluster` and
/// `articles.signature`; version 2 lacked the story summary `cluster_outlets`. [`migrate`]
/// brings older archives up to date.
pub const SCHEMA_VERSION: u32 = 3;

/// Brings an archive of an older schema up to [`SCHEMA_VERSION`], in one transaction:
/// version 1 → 2 adds the `cluster` and `signature` columns (NULL at first) and their index;
/// 2 → 3 adds the story summary `cluster_outlets`, filled from the articles, and makes the
/// stored record JSON carry the archive's cluster (archives migrated from version 1 kept the
/// record's own). Returns true when columns were added (their values are filled in by
/// [`load_clusterer`], which also fills the summary and the JSON then).
fn migrate(db: &Connection) -> Result<bool> {
    let has_cluster: bool = db
        .prepare("SELECT 1 FROM pragma_table_info('articles') WHERE name = 'cluster'")?
        .exists([])?;
    let has_index: bool =
        db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_cluster'")?.exists([])?;
    let has_summary: bool =
        db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cluster_outlets'")?.exists([])?;
    let has_story_index: bool =
        db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_story'")?.exists([])?;
    let version: Option<String> =
        db.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| r.get(0)).optional()?;
    let version: u32 = version.and_then(|v| v.parse().ok()).unwrap_or(1);
    if has_cluster && has_index && has_summary && has_story_index && version >= SCHEMA_VERSION {
        // Up to date: no write, so a reader opening during an ingest never waits for its lock.
        return Ok(false);
    }
    db.execute_batch("BEGIN IMMEDIATE")?;
    let res = (|| -> Result<bool> {
        let mut added = false;
        if !has_cluster {
            db.execute_batch(
                "ALTER TABLE articles ADD COLUMN cluster TEXT;
                 ALTER TABLE articles ADD COLUMN signature BLOB;",
            )?;
            added = true;
        }
        // `articles_cluster` covers what clustering and the story summary read, so that they
        // never touch the article rows (whose large `json` precedes `cluster` and `signature`).
        // `articles_story` is the small one search loads its article → story, outlet map from
        // (the signatures make `articles_cluster` some 40 times larger).
        db.execute_batch(
            "CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster, agency_id, published, source, signature);
             CREATE INDEX IF NOT EXISTS articles_story ON articles(cluster, agency_id);",
        )?;
        db.execute_batch(CLUSTER_OUTLETS_SQL)?;
        if version < 3 {
            tracing::info!(from = version, to = SCHEMA_VERSION, "migrating the archive");
            db.execute_batch(REFILL_CLUSTER_OUTLETS_SQL)?;
            if has_cluster {
                sync_json_clusters(db)?;
            }
        }
        db.execute(
            "INSERT INTO meta(key, value) VALUES('schema', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [SCHEMA_VERSION.to_string()],
        )?;
        Ok(added)
    })();
    match res {
        Ok(added) => {
            db.execute_batch("COMMIT")?;
            Ok(added)
        }
        Err(e) => {
            let _ = db.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Rewrites the `cluster` field of every stored record JSON that differs from the article's
/// archive cluster (records of archives migrated from schema 1 kept the cluster, or none, that
/// they were ingested with). Inside the caller's transaction.
fn sync_json_clusters(db: &Connection) -> Result<usize> {
    // Ids first (not the records: memory stays small on a large archive), then one by one.
    let stale: Vec<(i64, String)> = db
        .prepare(
            "SELECT id, cluster FROM articles
             WHERE cluster IS NOT NULL AND json_extract(json, '$.cluster') IS NOT cluster",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut get = db.prepare("SELECT json FROM articles WHERE id = ?1")?;
    let mut set = db.prepare("UPDATE articles SET json = ?2 WHERE id = ?1")?;
    for (id, cluster) in &stale {
        let json: String = get.query_row([id], |r| r.get(0))?;
        set.execute(params![id, with_cluster(&json, cluster)?])?;
    }
    if !stale.is_empty() {
        tracing::info!(articles = stale.len(), "record JSON given the archive's cluster");
    }
    Ok(stale.len())
}

/// The record JSON `json` (one object, as [`Store::ingest`] or `khabar process` writes it) with
/// its top-level `cluster` set to `cluster`; the rest of the text is kept byte for byte. A
/// record without the field gets it where `khabar process` writes it (before `entities`).
pub(crate) fn with_cluster(json: &str, cluster: &str) -> Result<String> {
    let value = serde_json::to_string(cluster)?;
    let bad = || StoreError::Json(<serde_json::Error as serde::de::Error>::custom("a stored record is not a JSON object"));
    // The top-level keys with the byte ranges of their values, by a scan that tracks strings
    // and nesting (the JSON is valid: serde_json wrote it).
    let b = json.as_bytes();
    let start = json.find('{').ok_or_else(bad)?;
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    let (mut key_start, mut key, mut value_start) = (None, None, None);
    let mut entries: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut end = None;
    for (i, &c) in b.iter().enumerate().skip(start) {
        if in_str {
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
                if depth == 1 && value_start.is_none() {
                    key = key_start.take().map(|k| (k, i + 1));
                }
            }
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                if depth == 1 && value_start.is_none() {
                    key_start = Some(i);
                }
            }
            b':' if depth == 1 && value_start.is_none() => value_start = Some(i + 1),
            b'{' | b'[' => depth += 1,
            b',' | b'}' | b']' => {
                if depth == 1
                    && c != b']'
                    && let (Some(k), Some(v)) = (key.take(), value_start.take())
                {
                    entries.push((k, (v, i)));
                }
                if c != b',' {
                    depth = depth.checked_sub(1).ok_or_else(bad)?;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    let end = end.ok_or_else(bad)?;
    let named = |name: &str| entries.iter().find(|((ks, ke), _)| &json[*ks..*ke] == name).copied();
    Ok(if let Some((_, (vs, ve))) = named("\"cluster\"") {
        format!("{}{value}{}", &json[..vs], &json[ve..])
    } else if let Some(((ks, _), _)) = named("\"entities\"") {
        format!("{}\"cluster\":{value},{}", &json[..ks], &json[ks..])
    } else if entries.is_empty() {
        format!("{}\"cluster\":{value}{}", &json[..end], &json[end..])
    } else {
        format!("{},\"cluster\":{value}{}", &json[..end], &json[end..])
    })
}

/// The near-duplicate threshold stored in the archive (`meta.dedup_threshold`), if any.
fn stored_threshold(db: &Connection) -> Result<Option<f64>> {
    let v: Option<String> =
        db.query_row("SELECT value FROM meta WHERE key = 'dedup_threshold'", [], |r| r.get(0)).optional()?;
    Ok(v.and_then(|v| v.parse().ok()))
}

/// The near-duplicate parameters of an archive: its stored threshold, else the default (with
/// which archives that stored none were clustered).
fn archive_params(db: &Connection) -> Result<Params> {
    Ok(Params { threshold: stored_threshold(db)?.unwrap_or(Params::default().threshold), ..Params::default() })
}

/// Rebuilds the near-duplicate [`Clusterer`] from the stored signatures, in article id order,
/// so that a new copy of a stored story gets the stored cluster id. Articles without a
/// signature (an archive migrated from schema 1) are clustered now, in id order, and their
/// cluster, signature and record JSON written back (and the story summary refilled).
fn load_clusterer(db: &Connection, params: Params) -> Result<Clusterer> {
    let mut c = Clusterer::new(params);
    let mut missing: Vec<i64> = Vec::new();
    {
        let mut stmt = db.prepare("SELECT id, cluster, signature FROM articles INDEXED BY articles_cluster")?;
        let mut rows = stmt.query([])?;
        let mut stored: Vec<(i64, String, Signature)> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let cluster: Option<String> = r.get(1)?;
            let sig: Option<Vec<u8>> = r.get(2)?;
            match (cluster, sig.as_deref().and_then(Signature::from_bytes)) {
                (Some(cl), Some(sig)) => stored.push((id, cl, sig)),
                _ => missing.push(id),
            }
        }
        // In ingest order, as they were added.
        stored.sort_unstable_by_key(|s| s.0);
        missing.sort_unstable();
        for (_, cl, sig) in stored {
            c.insert(sig, &cl);
        }
    }
    if !missing.is_empty() {
        tracing::info!(articles = missing.len(), "clustering archived articles without a signature");
        db.execute_batch("BEGIN IMMEDIATE")?;
        let res = (|| -> Result<()> {
            let mut get = db.prepare("SELECT json FROM articles WHERE id = ?1")?;
            let mut set = db.prepare("UPDATE articles SET cluster = ?2, signature = ?3, json = ?4 WHERE id = ?1")?;
            for id in missing {
                let json: String = get.query_row([id], |r| r.get(0))?;
                let v: serde_json::Value = serde_json::from_str(&json)?;
                let a = c.add(v.get("text").and_then(|t| t.as_str()).unwrap_or_default());
                set.execute(params![id, a.cluster, a.signature.to_bytes(), with_cluster(&json, &a.cluster)?])?;
            }
            db.execute_batch(REFILL_CLUSTER_OUTLETS_SQL)?;
            Ok(())
        })();
        match res {
            Ok(()) => db.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = db.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    Ok(c)
}

/// The index fields.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub text: Field,
    pub agency: Field,
    pub agency_facet: Field,
    pub entity: Field,
    pub day: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        id: b.add_u64_field("id", INDEXED | STORED | FAST),
        text: b.add_text_field("text", text_opts),
        agency: b.add_text_field("agency", STRING),
        agency_facet: b.add_facet_field("agency_facet", FacetOptions::default()),
        entity: b.add_text_field("entity", STRING),
        day: b.add_u64_field("day", INDEXED | FAST),
    };
    (b.build(), f)
}

/// The record's `url`, when its input had one (HTML, WARC).
#[derive(serde::Deserialize)]
struct UrlOnly {
    #[serde(default)]
    url: Option<String>,
}

/// What [`Store::ingest`] did with a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingested {
    /// Stored under this id (visible to others after [`Store::commit`]).
    Stored(i64),
    /// An article with the same normalized text is already stored under this id.
    Duplicate(i64),
}

/// Counts of an archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Stored articles.
    pub articles: u64,
    /// Articles in the committed full-text index.
    pub indexed: u64,
    /// Distinct entities.
    pub entities: u64,
    /// Quotes.
    pub quotes: u64,
    /// Events.
    pub events: u64,
    /// Bytes of `archive.sqlite` (with its WAL).
    pub db_bytes: u64,
    /// Bytes of the index directory.
    pub index_bytes: u64,
}

/// An archive directory opened for reading, or for reading and writing.
///
/// `Store` is `Send`; a server keeps one read-only store per worker thread (opening is cheap)
/// or puts one behind a mutex.
pub struct Store {
    pub(crate) dir: PathBuf,
    pub(crate) db: Connection,
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    writer: Option<IndexWriter>,
    /// Near-duplicate clusters of every stored article (writers only).
    clusterer: Option<Clusterer>,
    /// The near-duplicate parameters (threshold from the archive).
    dedup: Params,
    /// Article → story and outlet, for grouping search results.
    pub(crate) stories: std::cell::RefCell<crate::query::StoryMap>,
    /// Article → entities and day, for search facets.
    pub(crate) facet_map: std::cell::RefCell<crate::browse::FacetMap>,
    in_txn: bool,
    pending: usize,
}

pub(crate) fn name_fold(fa: &str, en: Option<&str>) -> String {
    format!(" {} | {} ", fold_for_search(fa), en.map(|s| s.to_lowercase()).unwrap_or_default())
}

fn dir_bytes(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else { return 0 };
    rd.filter_map(|e| e.ok())
        .map(|e| {
            let m = e.metadata().ok();
            match m {
                Some(m) if m.is_dir() => dir_bytes(&e.path()),
                Some(m) => m.len(),
                None => 0,
            }
        })
        .sum()
}

impl Store {
    fn open_parts(dir: &Path, create: bool) -> Result<(Connection, Index, IndexReader, Fields)> {
        let db_path = dir.join("archive.sqlite");
        if !create && !db_path.exists() {
            return Err(StoreError::NoArchive(dir.display().to_string()));
        }
        std::fs::create_dir_all(dir.join("index"))?;
        let db = Connection::open(&db_path)?;
        db.busy_timeout(std::time::Duration::from_secs(10))?;
        db.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only
        // a power loss may roll back the last commits, never corrupt the database.
        db.pragma_update(None, "synchronous", "NORMAL")?;
        if create {
            db.execute_batch(SCHEMA_SQL)?;
        }
        if migrate(&db)? && !create {
            // A reader of a migrated archive fills in the clusters once (a writer does it anyway).
            load_clusterer(&db, archive_params(&db)?)?;
        }
        let (schema, fields) = schema();
        let mut index = Index::open_or_create(MmapDirectory::open(dir.join("index")).map_err(tantivy::TantivyError::from)?, schema)?;
        index.tokenizers().register(ANALYZER, KhabarTokenizer);
        index.set_default_multithread_executor().ok();
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let _ = &mut index;
        Ok((db, index, reader, fields))
    }

    /// Opens (creating if needed) the archive in `dir` for writing. Takes the index's writer
    /// lock ([`StoreError::Locked`] if another process holds it) and indexes any articles that
    /// SQLite holds but the index lacks (after a crash between the two commits).
    pub fn open(dir: impl AsRef<Path>) -> Result<Store> {
        Self::open_with_dedup(dir, None)
    }

    /// [`Store::open`] with a near-duplicate threshold (resemblance at or above which two
    /// articles are copies of one story, see `khabar-dedup`). The archive stores its threshold
    /// (the first one given, else the default) and clusters every later ingest with it: `None`
    /// uses the stored one; a different one is refused with [`StoreError::DedupThreshold`]
    /// while the archive holds articles (their clusters were made with the stored one).
    pub fn open_with_dedup(dir: impl AsRef<Path>, dedup_threshold: Option<f64>) -> Result<Store> {
        let dir = dir.as_ref();
        if let Some(t) = dedup_threshold
            && !(t.is_finite() && (0.0..=1.0).contains(&t))
        {
            return Err(StoreError::BadThreshold(t));
        }
        let (db, index, reader, fields) = Self::open_parts(dir, true)?;
        let writer = index.writer_with_num_threads(1, 128_000_000).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => StoreError::Locked,
            e => e.into(),
        })?;
        let stored = stored_threshold(&db)?;
        let empty = !db.prepare("SELECT 1 FROM articles LIMIT 1")?.exists([])?;
        let threshold = match (stored, dedup_threshold) {
            (Some(s), Some(g)) if s != g && !empty => return Err(StoreError::DedupThreshold { stored: s, given: g }),
            (_, Some(g)) => g,
            (Some(s), None) => s,
            (None, None) => Params::default().threshold,
        };
        if stored != Some(threshold) {
            db.execute(
                "INSERT INTO meta(key, value) VALUES('dedup_threshold', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [threshold.to_string()],
            )?;
        }
        let dedup = Params { threshold, ..Params::default() };
        let clusterer = Some(load_clusterer(&db, dedup)?);
        let mut s = Store {
            dir: dir.to_path_buf(),
            db,
            index,
            reader,
            fields,
            writer: Some(writer),
            clusterer,
            dedup,
            stories: Default::default(),
            facet_map: Default::default(),
            in_txn: false,
            pending: 0,
        };
        s.catch_up()?;
        Ok(s)
    }

    /// Opens the archive in `dir` for reading. Works while another process ingests. If the
    /// index lags behind SQLite and no writer is running, it is caught up first.
    pub fn open_read(dir: impl AsRef<Path>) -> Result<Store> {
        let dir = dir.as_ref();
        let (db, index, reader, fields) = Self::open_parts(dir, false)?;
        let dedup = archive_params(&db)?;
        let mut s = Store {
            dir: dir.to_path_buf(),
            db,
            index,
            reader,
            fields,
            writer: None,
            clusterer: None,
            dedup,
            stories: Default::default(),
            facet_map: Default::default(),
            in_txn: false,
            pending: 0,
        };
        if s.lag()?.is_some() {
            if let Ok(w) = s.index.writer_with_num_threads(1, 32_000_000) {
                s.writer = Some(w);
                s.catch_up()?;
                s.writer = None;
            }
        }
        Ok(s)
    }

    /// The archive directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The near-duplicate threshold the archive clusters with (see [`Store::open_with_dedup`]).
    pub fn dedup_threshold(&self) -> f64 {
        self.dedup.threshold
    }

    /// The last article id in the committed index, from the commit payload.
    fn indexed_upto(&self) -> Result<i64> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    fn max_id(&self) -> Result<i64> {
        Ok(self.db.query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| r.get(0))?)
    }

    /// `Some((indexed, max))` when the index and SQLite disagree on the last article.
    fn lag(&self) -> Result<Option<(i64, i64)>> {
        let (indexed, max) = (self.indexed_upto()?, self.max_id()?);
        Ok((indexed != max).then_some((indexed, max)))
    }

    /// Brings the index to SQLite's state: indexes articles past the index's last id, or
    /// drops index documents of articles SQLite does not have (after a power loss).
    fn catch_up(&mut self) -> Result<()> {
        let Some((indexed, max)) = self.lag()? else { return Ok(()) };
        let f = self.fields;
        let writer = self.writer.as_mut().ok_or(StoreError::ReadOnly)?;
        if indexed > max {
            writer.delete_query(Box::new(RangeQuery::new(
                std::ops::Bound::Excluded(Term::from_field_u64(f.id, max as u64)),
                std::ops::Bound::Unbounded,
            )))?;
        } else {
            tracing::info!(from = indexed + 1, to = max, "indexing articles missing from the index");
            // Documents past `indexed` may be in an uncommitted index segment only: delete
            // them first so nothing is indexed twice.
            writer.delete_query(Box::new(RangeQuery::new(
                std::ops::Bound::Excluded(Term::from_field_u64(f.id, indexed as u64)),
                std::ops::Bound::Unbounded,
            )))?;
            let mut stmt = self.db.prepare("SELECT id, agency_id, day, json FROM articles WHERE id > ?1 ORDER BY id")?;
            let mut keys = self.db.prepare("SELECT key FROM mentions WHERE article_id = ?1")?;
            let mut rows = stmt.query([indexed])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                let agency: Option<String> = r.get(1)?;
                let day: Option<i64> = r.get(2)?;
                let json: String = r.get(3)?;
                let v: serde_json::Value = serde_json::from_str(&json)?;
                let text = v.get("text").and_then(|t| t.as_str()).unwrap_or_default();
                let ks: Vec<String> = keys.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
                writer.add_document(index_doc(&f, id, text, agency.as_deref(), &ks, day.map(|d| d as u32)))?;
            }
        }
        let mut pc = writer.prepare_commit()?;
        pc.set_payload(&max.to_string());
        pc.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Adds a record (from `khabar_events::annotate`) to the current batch. Nothing is visible
    /// to readers, nor safe from a crash, until [`Store::commit`].
    pub fn ingest(&mut self, rec: &Record<'_>) -> Result<Ingested> {
        if self.writer.is_none() {
            return Err(StoreError::ReadOnly);
        }
        if !self.in_txn {
            self.db.execute_batch("BEGIN IMMEDIATE")?;
            self.in_txn = true;
        }
        let a = rec.article;
        let hash = format!("{:x}", Sha256::digest(a.text.as_bytes()));
        if let Some(id) = self
            .db
            .prepare_cached("SELECT id FROM articles WHERE hash = ?1")?
            .query_row([&hash], |r| r.get::<_, i64>(0))
            .optional()?
        {
            return Ok(Ingested::Duplicate(id));
        }
        // The archive's clusters decide (a `cluster` from `khabar process` is replaced), so that
        // copies of one story share one id across ingest runs.
        let asg = self.clusterer.as_mut().ok_or(StoreError::ReadOnly)?.add(&a.text);
        let art = khabar_extract::Article { cluster: Some(asg.cluster.clone()), ..a.clone() };
        let json = serde_json::to_string(&Record { article: &art, ..rec.clone() })?;
        let url = serde_json::from_str::<UrlOnly>(&json)?.url;
        let day = a.published.as_deref().and_then(day_of_published);
        let agency = a.agency.as_ref().map(|g| g.id.as_str());
        self.db
            .prepare_cached(
                "INSERT INTO articles(hash, source, url, agency_id, news_id, title, published, published_jalali, day, json, cluster, signature)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                hash,
                a.source,
                url,
                agency,
                a.news_id,
                a.title,
                a.published,
                a.published_jalali,
                day,
                json,
                asg.cluster,
                asg.signature.to_bytes()
            ])?;
        let id = self.db.last_insert_rowid();
        // The story summary: this copy's outlet (else its source) in its cluster.
        self.db
            .prepare_cached(
                "INSERT INTO cluster_outlets(cluster, outlet, copies, first_published, first_id) VALUES (?1, ?2, 1, ?3, ?4)
                 ON CONFLICT(cluster, outlet) DO UPDATE SET copies = copies + 1,
                   first_published = min(first_published, excluded.first_published)",
            )?
            .execute(params![asg.cluster, agency.unwrap_or(a.source.as_str()), a.published.as_deref().unwrap_or("~"), id])?;
        for g in a.agency.iter().chain(a.agency_origin.iter()) {
            self.db
                .prepare_cached("INSERT OR IGNORE INTO agencies(id, name_fa, name_en, fold) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![g.id, g.name_fa, g.name_en, name_fold(&g.name_fa, Some(&g.name_en))])?;
        }
        // Record-local entity id → archive key.
        let mut local: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
        let mut keys = Vec::with_capacity(rec.entities.len());
        for e in &rec.entities {
            let key = if e.kb { e.id.clone() } else { format!("x:{}", fold_for_search(&e.name_fa)) };
            let kind = serde_json::to_value(e.kind)?;
            self.db
                .prepare_cached("INSERT OR IGNORE INTO entity_names(key, type, name_fa, name_en, fold) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![key, kind.as_str(), e.name_fa, e.name_en, name_fold(&e.name_fa, e.name_en.as_deref())])?;
            self.db
                .prepare_cached(
                    "INSERT INTO mentions(key, article_id, count) VALUES (?1, ?2, ?3)
                     ON CONFLICT(key, article_id) DO UPDATE SET count = count + excluded.count",
                )?
                .execute(params![key, id, e.mentions.len() as i64])?;
            local.insert(e.id.as_str(), key.clone());
            keys.push(key);
        }
        keys.sort();
        keys.dedup();
        for (n, q) in rec.quotes.iter().enumerate() {
            let speaker_key = match (&q.speaker, &q.speaker_group) {
                (Some(s), _) => Some(local.get(s.as_str()).cloned().unwrap_or_else(|| s.clone())),
                (None, Some(g)) => Some(format!("g:{}", fold_for_search(g))),
                _ => None,
            };
            let fold = name_fold(q.speaker_name_fa.as_deref().unwrap_or(""), q.speaker_name_en.as_deref());
            self.db
                .prepare_cached(
                    "INSERT INTO quotes(article_id, n, speaker_key, speaker_fa, speaker_en, fold, verb, verb_en, text, direct, english, day)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?
                .execute(params![
                    id, n as i64, speaker_key, q.speaker_name_fa, q.speaker_name_en, fold, q.verb, q.verb_en, q.text, q.direct, q.english, day
                ])?;
        }
        for (n, ev) in rec.events.iter().enumerate() {
            let status = serde_json::to_value(ev.status)?;
            let ej = serde_json::to_string(ev)?;
            self.db
                .prepare_cached(
                    "INSERT INTO events(article_id, n, type, mode, cameo, status, date, location_en, english, json, day)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )?
                .execute(params![
                    id, n as i64, ev.event_type, ev.mode, ev.cameo, status.as_str(), ev.date, ev.location_en, ev.english, ej, day
                ])?;
            for actor in &ev.actors {
                let key = local.get(actor.as_str()).cloned().unwrap_or_else(|| actor.clone());
                self.db
                    .prepare_cached("INSERT OR IGNORE INTO event_actors(key, article_id, n) VALUES (?1, ?2, ?3)")?
                    .execute(params![key, id, n as i64])?;
            }
        }
        let doc = index_doc(&self.fields, id, &a.text, agency, &keys, day);
        self.writer.as_mut().ok_or(StoreError::ReadOnly)?.add_document(doc)?;
        self.pending += 1;
        Ok(Ingested::Stored(id))
    }

    /// Records added since the last commit.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Commits the batch: SQLite first (the truth), then the index (with the last article id
    /// as payload). Returns how many articles were committed. After it returns, the batch
    /// survives a crash and readers see it.
    pub fn commit(&mut self) -> Result<usize> {
        if !self.in_txn {
            return Ok(0);
        }
        let n = self.pending;
        if let Err(e) = self.db.execute_batch("COMMIT") {
            let _ = self.db.execute_batch("ROLLBACK");
            self.in_txn = false;
            self.pending = 0;
            if let Some(w) = self.writer.as_mut() {
                w.rollback()?;
            }
            // Forget the clusters of the rolled-back batch.
            self.stories.borrow_mut().reset();
            *self.facet_map.borrow_mut() = Default::default();
            if self.clusterer.is_some() {
                self.clusterer = Some(load_clusterer(&self.db, self.dedup)?);
            }
            return Err(e.into());
        }
        self.in_txn = false;
        self.pending = 0;
        let max = self.max_id()?;
        let w = self.writer.as_mut().ok_or(StoreError::ReadOnly)?;
        let mut pc = w.prepare_commit()?;
        pc.set_payload(&max.to_string());
        pc.commit()?;
        self.reader.reload()?;
        Ok(n)
    }

    /// Commits and waits for the index's background merges to finish.
    pub fn close(mut self) -> Result<()> {
        self.commit()?;
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads()?;
        }
        Ok(())
    }

    /// Counts and sizes.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> { Ok(self.db.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        let db_bytes = ["archive.sqlite", "archive.sqlite-wal"]
            .iter()
            .filter_map(|f| std::fs::metadata(self.dir.join(f)).ok())
            .map(|m| m.len())
            .sum();
        Ok(Stats {
            articles: count("SELECT count(*) FROM articles")?,
            indexed: self.reader.searcher().num_docs(),
            entities: count("SELECT count(*) FROM entity_names")?,
            quotes: count("SELECT count(*) FROM quotes")?,
            events: count("SELECT count(*) FROM events")?,
            db_bytes,
            index_bytes: dir_bytes(&self.dir.join("index")),
        })
    }

    /// The stored record of article `id` (as `khabar process` wrote it).
    pub fn article(&self, id: i64) -> Result<Option<serde_json::Value>> {
        let json: Option<String> =
            self.db.query_row("SELECT json FROM articles WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }

    /// Checks that every stored article is indexed exactly once, that no quote, event or
    /// mention points to a missing article, and that the story summary (`cluster_outlets`)
    /// agrees with the articles. Returns the problems found (empty when consistent).
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let articles = self.max_id()?;
        let n: i64 = self.db.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let indexed = self.reader.searcher().num_docs() as i64;
        if indexed != n {
            problems.push(format!("{n} articles but {indexed} index documents (last id {articles})"));
        }
        for (table, col) in [("quotes", "article_id"), ("events", "article_id"), ("mentions", "article_id"), ("event_actors", "article_id")] {
            let orphans: i64 = self.db.query_row(
                &format!("SELECT count(*) FROM {table} WHERE {col} NOT IN (SELECT id FROM articles)"),
                [],
                |r| r.get(0),
            )?;
            if orphans > 0 {
                problems.push(format!("{orphans} rows of {table} without their article"));
            }
        }
        let summary = "SELECT cluster, outlet, copies, first_published, first_id FROM cluster_outlets";
        let recount = "SELECT cluster, coalesce(agency_id, source), count(*), min(coalesce(published, '~')), min(id)
                       FROM articles WHERE cluster IS NOT NULL GROUP BY 1, 2";
        let differ: i64 = self.db.query_row(
            &format!("SELECT (SELECT count(*) FROM ({summary} EXCEPT {recount})) + (SELECT count(*) FROM ({recount} EXCEPT {summary}))"),
            [],
            |r| r.get(0),
        )?;
        if differ > 0 {
            problems.push(format!("{differ} rows of the story summary (cluster_outlets) disagree with the articles"));
        }
        Ok(problems)
    }
}

pub(crate) fn index_doc(f: &Fields, id: i64, text: &str, agency: Option<&str>, keys: &[String], day: Option<u32>) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_u64(f.id, id as u64);
    d.add_text(f.text, text);
    if let Some(a) = agency {
        d.add_text(f.agency, a);
        d.add_facet(f.agency_facet, tantivy::schema::Facet::from_path([a]));
    }
    for k in keys {
        d.add_text(f.entity, k);
    }
    if let Some(day) = day {
        d.add_u64(f.day, day as u64);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::with_cluster;

    #[test]
    fn with_cluster_sets_only_the_top_level_field() {
        // Replaced in place, the rest byte for byte; a nested "cluster" and strings holding
        // quotes, braces and commas are left alone.
        let j = r#"{"source":"a \"b\" {c}, d","text":"x","cluster":"old","entities":[{"cluster":"keep","n":[1,{"a":2}]}],"quotes":[]}"#;
        assert_eq!(
            with_cluster(j, "c01").unwrap(),
            r#"{"source":"a \"b\" {c}, d","text":"x","cluster":"c01","entities":[{"cluster":"keep","n":[1,{"a":2}]}],"quotes":[]}"#
        );
        let j = r#"{"text":"x","cluster":null,"entities":[]}"#;
        assert_eq!(with_cluster(j, "c02").unwrap(), r#"{"text":"x","cluster":"c02","entities":[]}"#);
        // Missing: where `khabar process` writes it, before the layers; else at the end.
        let j = r#"{"text":"x","language":"fa","entities":[],"events":[]}"#;
        assert_eq!(with_cluster(j, "c03").unwrap(), r#"{"text":"x","language":"fa","cluster":"c03","entities":[],"events":[]}"#);
        assert_eq!(with_cluster(r#"{"text":"}"}"#, "c04").unwrap(), r#"{"text":"}","cluster":"c04"}"#);
        assert_eq!(with_cluster("{}", "c05").unwrap(), r#"{"cluster":"c05"}"#);
        let out = with_cluster(r#"{"a":[1,2],"cluster":"x"}"#, "c\"6").unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["cluster"], "c\"6");
        assert!(with_cluster("[1,2]", "c").is_err());
        assert!(with_cluster(r#"{"a":"#, "c").is_err());
    }
}
