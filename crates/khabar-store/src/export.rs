//! Exporting the archive: JSON Lines (the records as `khabar process` writes them), CSV
//! (one row per article, the columns of [`CSV_COLUMNS`]) and, with the cargo feature `parquet`,
//! Parquet (one row per article, the typed columns of [`PARQUET_COLUMNS`]).

use std::io::Write;

use crate::Result;
#[cfg(not(feature = "parquet"))]
use crate::StoreError;
use crate::store::Store;

#[cfg(feature = "parquet")]
mod parquet_file;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One record per line, exactly as `khabar process` writes it.
    Jsonl,
    /// One row per article with the columns of [`CSV_COLUMNS`]; list columns are joined with ";".
    Csv,
    /// Parquet: one row per article with the typed columns of [`PARQUET_COLUMNS`] (Snappy
    /// compressed, row groups of at most [`PARQUET_ROW_GROUP`] rows). Needs the cargo feature
    /// `parquet`; without it exporting fails with [`StoreError::Unsupported`], whose message
    /// says how to build with it.
    Parquet,
}

/// The message of [`StoreError::Unsupported`] for Parquet in a build without the feature.
pub const PARQUET_NEEDS_FEATURE: &str = "Parquet export needs the cargo feature `parquet`, which this build lacks: \
rebuild with `cargo build --release --features parquet` (or use --format jsonl or csv)";

/// Rows per Parquet row group (and per Arrow record batch written), so that memory stays
/// bounded by one row group whatever the size of the archive.
pub const PARQUET_ROW_GROUP: usize = 8192;

/// The Parquet schema, in column order: name, Arrow type, and whether the column can be null.
/// One row per article, in id (ingest) order: the CSV columns in CSV order with their proper
/// types (`entities` a list), `published_utc` and `published_date` beside `published`, and
/// `cluster`:
///
/// | column | type | null | meaning |
/// |---|---|---|---|
/// | `id` | int64 | no | archive article id (1, 2, … in ingest order) |
/// | `hash` | string | no | SHA-256 (hex) of the normalized text |
/// | `source` | string | no | file name or URL the article was read from |
/// | `agency_id`, `agency_origin_id` | string | yes | outlet and origin of a republished story (`data/agencies.tsv` ids) |
/// | `news_id` | string | yes | the outlet's article code |
/// | `published` | string | yes | as in the record: RFC 3339 with Tehran's offset, or a bare `YYYY-MM-DD` |
/// | `published_utc` | timestamp\[µs, UTC\] | yes | the same instant; null when only a date was printed |
/// | `published_date` | date32 | yes | the calendar date printed (Tehran's date) |
/// | `published_jalali` | string | yes | `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD` (Jalali) |
/// | `kicker`, `title`, `lead`, `body` | string | yes | the article's pieces, normalized |
/// | `entities` | list\<string not null\> | no | the record's entity ids in order of first mention, as in CSV (knowledge-base ids; `local-N` for a name outside it, meaningful within the article only) |
/// | `quotes`, `events` | int32 | no | how many quotes and PLOVER events the record has |
/// | `cluster` | string | yes | the archive's near-duplicate cluster (equal for copies of one story) |
pub const PARQUET_COLUMNS: [(&str, &str, bool); 18] = [
    ("id", "int64", false),
    ("hash", "string", false),
    ("source", "string", false),
    ("agency_id", "string", true),
    ("agency_origin_id", "string", true),
    ("news_id", "string", true),
    ("published", "string", true),
    ("published_utc", "timestamp[us, tz=UTC]", true),
    ("published_date", "date32", true),
    ("published_jalali", "string", true),
    ("kicker", "string", true),
    ("title", "string", true),
    ("lead", "string", true),
    ("body", "string", true),
    ("entities", "list<string not null>", false),
    ("quotes", "int32", false),
    ("events", "int32", false),
    ("cluster", "string", true),
];

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 15] = [
    "id", "hash", "source", "agency_id", "agency_origin_id", "news_id", "published", "published_jalali", "kicker", "title",
    "lead", "body", "entities", "quotes", "events",
];

fn s(v: &serde_json::Value, k: &str) -> String {
    v.get(k).and_then(|x| x.as_str()).unwrap_or_default().to_string()
}

/// One article as CSV cells.
pub(crate) fn row(id: i64, hash: &str, v: &serde_json::Value) -> [String; 15] {
    let agency = |k: &str| v.get(k).and_then(|a| a.get("id")).and_then(|x| x.as_str()).unwrap_or_default().to_string();
    let list = |k: &str| v.get(k).and_then(|x| x.as_array()).map(|a| a.len()).unwrap_or(0).to_string();
    let entities = v
        .get("entities")
        .and_then(|x| x.as_array())
        .map(|a| a.iter().filter_map(|e| e.get("id").and_then(|i| i.as_str())).collect::<Vec<_>>().join(";"))
        .unwrap_or_default();
    [
        id.to_string(),
        hash.to_string(),
        s(v, "source"),
        agency("agency"),
        agency("agency_origin"),
        s(v, "news_id"),
        s(v, "published"),
        s(v, "published_jalali"),
        s(v, "kicker"),
        s(v, "title"),
        s(v, "lead"),
        s(v, "body"),
        entities,
        list("quotes"),
        list("events"),
    ]
}

impl Store {
    /// Calls `f(id, hash, json)` for every article in id order.
    pub fn for_each_article(&self, mut f: impl FnMut(i64, &str, &str) -> Result<()>) -> Result<()> {
        let mut stmt = self.db.prepare("SELECT id, hash, json FROM articles ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, hash, json): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            f(id, &hash, &json)?;
        }
        Ok(())
    }

    /// Writes every article to `out` in `format`; returns how many.
    pub fn export(&self, format: ExportFormat, out: &mut dyn Write) -> Result<usize> {
        let mut n = 0usize;
        match format {
            ExportFormat::Jsonl => {
                self.for_each_article(|_, _, json| {
                    out.write_all(json.as_bytes())?;
                    out.write_all(b"\n")?;
                    n += 1;
                    Ok(())
                })?;
            }
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(CSV_COLUMNS)?;
                self.for_each_article(|id, hash, json| {
                    let v: serde_json::Value = serde_json::from_str(json)?;
                    w.write_record(row(id, hash, &v))?;
                    n += 1;
                    Ok(())
                })?;
                w.flush()?;
            }
            #[cfg(feature = "parquet")]
            ExportFormat::Parquet => n = parquet_file::write(self, out)?,
            #[cfg(not(feature = "parquet"))]
            ExportFormat::Parquet => return Err(StoreError::Unsupported(PARQUET_NEEDS_FEATURE.into())),
        }
        out.flush()?;
        Ok(n)
    }
}
