//! Exporting the archive: JSON Lines (the records as `khabar process` writes them) and CSV
//! (one row per article, the columns of [`CSV_COLUMNS`]). Parquet is not implemented yet.

use std::io::Write;

use crate::store::Store;
use crate::{Result, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One record per line, exactly as `khabar process` writes it.
    Jsonl,
    /// One row per article with the columns of [`CSV_COLUMNS`]; list columns are joined with ";".
    Csv,
    /// Parquet: not implemented yet (planned behind a cargo feature); exporting fails with
    /// [`StoreError::Unsupported`].
    Parquet,
}

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
            ExportFormat::Parquet => {
                return Err(StoreError::Unsupported(
                    "Parquet export is not implemented yet; use --format jsonl or csv".into(),
                ));
            }
        }
        out.flush()?;
        Ok(n)
    }
}
