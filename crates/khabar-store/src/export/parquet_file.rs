//! Parquet export (cargo feature `parquet`): the archive as one Parquet file, one row per
//! article, with the columns of [`PARQUET_COLUMNS`](super::PARQUET_COLUMNS).
//!
//! Rows are built into Arrow record batches of [`PARQUET_ROW_GROUP`] articles and written with
//! parquet's `ArrowWriter`, one row group per batch (Snappy), so memory stays bounded by one
//! batch. `ArrowWriter` needs a `Send` sink and [`Store::export`] takes any `dyn Write` (such as
//! a locked stdout), so the writer writes into a shared buffer that is drained into `out` after
//! each row group.

use std::io::Write;
use std::sync::{Arc, Mutex};

use arrow_array::builder::{Date32Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder, TimestampMicrosecondBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::PARQUET_ROW_GROUP;
use crate::Result;
use crate::store::Store;

/// The Arrow schema of the export; [`super::PARQUET_COLUMNS`] documents it (a test checks that
/// the two agree).
pub(crate) fn schema() -> SchemaRef {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("hash", DataType::Utf8, false),
        Field::new("source", DataType::Utf8, false),
        s("agency_id"),
        s("agency_origin_id"),
        s("news_id"),
        s("published"),
        Field::new("published_utc", DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), true),
        Field::new("published_date", DataType::Date32, true),
        s("published_jalali"),
        s("kicker"),
        s("title"),
        s("lead"),
        s("body"),
        Field::new("entities", DataType::List(Arc::new(entity_item())), false),
        Field::new("quotes", DataType::Int32, false),
        Field::new("events", DataType::Int32, false),
        s("cluster"),
    ]))
}

fn entity_item() -> Field {
    Field::new("item", DataType::Utf8, false)
}

/// Column builders for one record batch (the string columns by the indices below).
struct Columns {
    id: Int64Builder,
    text: [StringBuilder; 12],
    published_utc: TimestampMicrosecondBuilder,
    published_date: Date32Builder,
    entities: ListBuilder<StringBuilder>,
    quotes: Int32Builder,
    events: Int32Builder,
    rows: usize,
}

// Indices into `Columns::text`.
const HASH: usize = 0;
const SOURCE: usize = 1;
const AGENCY: usize = 2;
const ORIGIN: usize = 3;
const NEWS_ID: usize = 4;
const PUBLISHED: usize = 5;
const JALALI: usize = 6;
const KICKER: usize = 7;
const TITLE: usize = 8;
const LEAD: usize = 9;
const BODY: usize = 10;
const CLUSTER: usize = 11;

impl Columns {
    fn new() -> Columns {
        Columns {
            id: Int64Builder::new(),
            text: std::array::from_fn(|_| StringBuilder::new()),
            published_utc: TimestampMicrosecondBuilder::new().with_timezone("UTC"),
            published_date: Date32Builder::new(),
            entities: ListBuilder::new(StringBuilder::new()).with_field(entity_item()),
            quotes: Int32Builder::new(),
            events: Int32Builder::new(),
            rows: 0,
        }
    }

    /// Appends one article: its archive id, hash and cluster, and its record.
    fn push(&mut self, id: i64, hash: &str, cluster: Option<&str>, v: &serde_json::Value) {
        let str_of = |k: &str| v.get(k).and_then(|x| x.as_str());
        let agency = |k: &str| v.get(k).and_then(|a| a.get("id")).and_then(|x| x.as_str());
        let count = |k: &str| v.get(k).and_then(|x| x.as_array()).map_or(0, |a| a.len()) as i32;
        self.id.append_value(id);
        self.text[HASH].append_value(hash);
        self.text[SOURCE].append_value(str_of("source").unwrap_or_default());
        self.text[AGENCY].append_option(agency("agency"));
        self.text[ORIGIN].append_option(agency("agency_origin"));
        self.text[NEWS_ID].append_option(str_of("news_id"));
        let published = str_of("published");
        self.text[PUBLISHED].append_option(published);
        self.published_utc.append_option(published.and_then(utc_micros));
        self.published_date.append_option(published.and_then(days_since_epoch));
        self.text[JALALI].append_option(str_of("published_jalali"));
        self.text[KICKER].append_option(str_of("kicker"));
        self.text[TITLE].append_option(str_of("title"));
        self.text[LEAD].append_option(str_of("lead"));
        self.text[BODY].append_option(str_of("body"));
        for e in v.get("entities").and_then(|x| x.as_array()).into_iter().flatten() {
            if let Some(id) = e.get("id").and_then(|i| i.as_str()) {
                self.entities.values().append_value(id);
            }
        }
        self.entities.append(true);
        self.quotes.append_value(count("quotes"));
        self.events.append_value(count("events"));
        self.text[CLUSTER].append_option(cluster);
        self.rows += 1;
    }

    /// The rows appended since the last call, as a record batch of [`schema`].
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch> {
        let mut t = |k: usize| Arc::new(self.text[k].finish()) as ArrayRef;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            t(HASH),
            t(SOURCE),
            t(AGENCY),
            t(ORIGIN),
            t(NEWS_ID),
            t(PUBLISHED),
            Arc::new(self.published_utc.finish()),
            Arc::new(self.published_date.finish()),
            t(JALALI),
            t(KICKER),
            t(TITLE),
            t(LEAD),
            t(BODY),
            Arc::new(self.entities.finish()),
            Arc::new(self.quotes.finish()),
            Arc::new(self.events.finish()),
            t(CLUSTER),
        ];
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns).map_err(parquet::errors::ParquetError::from)?)
    }
}

/// `published` as microseconds since the Unix epoch, when it carries a time and an offset.
fn utc_micros(published: &str) -> Option<i64> {
    published.parse::<jiff::Timestamp>().ok().map(|t| t.as_microsecond())
}

/// The date part of `published` (the calendar date printed, Tehran's) as days since 1970-01-01.
fn days_since_epoch(published: &str) -> Option<i32> {
    let date: jiff::civil::Date = published.get(..10)?.parse().ok()?;
    let span = date.since(jiff::civil::date(1970, 1, 1)).ok()?;
    Some(span.get_days())
}

/// A `Send` sink for `ArrowWriter` whose bytes are moved to the real output after each row group.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("export buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Shared {
    /// Moves the buffered bytes to `out`.
    fn drain_into(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let bytes = std::mem::take(&mut *self.0.lock().expect("export buffer"));
        out.write_all(&bytes)
    }
}

/// Writes every article of `store` to `out` as one Parquet file; returns how many.
pub(crate) fn write(store: &Store, out: &mut dyn Write) -> Result<usize> {
    write_grouped(store, out, PARQUET_ROW_GROUP)
}

/// [`write`] with row groups (and record batches) of `group` rows.
fn write_grouped(store: &Store, out: &mut dyn Write, group: usize) -> Result<usize> {
    let schema = schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(group))
        .set_created_by(format!("khabar {}", env!("CARGO_PKG_VERSION")))
        .build();
    let sink = Shared::default();
    let mut writer = ArrowWriter::try_new(sink.clone(), schema.clone(), Some(props))?;
    let mut cols = Columns::new();
    let mut n = 0usize;
    let mut stmt = store.db.prepare("SELECT id, hash, json, cluster FROM articles ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, hash, json, cluster): (i64, String, String, Option<String>) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        let v: serde_json::Value = serde_json::from_str(&json)?;
        cols.push(id, &hash, cluster.as_deref(), &v);
        n += 1;
        if cols.rows == group {
            writer.write(&cols.finish(&schema)?)?;
            writer.flush()?;
            sink.drain_into(out)?;
        }
    }
    if cols.rows > 0 {
        writer.write(&cols.finish(&schema)?)?;
    }
    writer.close()?;
    sink.drain_into(out)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_columns_are_the_schema() {
        let schema = schema();
        assert_eq!(schema.fields().len(), super::super::PARQUET_COLUMNS.len());
        for (f, (name, ty, nullable)) in schema.fields().iter().zip(super::super::PARQUET_COLUMNS) {
            assert_eq!((f.name().as_str(), f.is_nullable()), (name, nullable));
            let shown = match f.data_type() {
                DataType::Int64 => "int64",
                DataType::Int32 => "int32",
                DataType::Utf8 => "string",
                DataType::Date32 => "date32",
                DataType::Timestamp(TimeUnit::Microsecond, Some(tz)) if &**tz == "UTC" => "timestamp[us, tz=UTC]",
                DataType::List(item) if item.data_type() == &DataType::Utf8 && !item.is_nullable() => "list<string not null>",
                other => panic!("{name}: undocumented type {other}"),
            };
            assert_eq!(shown, ty, "{name}");
        }
        // The CSV columns come in CSV order.
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).filter(|n| crate::CSV_COLUMNS.contains(n)).collect();
        assert_eq!(names, crate::CSV_COLUMNS);
    }

    #[test]
    fn row_groups_are_streamed_to_the_output_in_id_order() {
        use arrow_array::cast::AsArray;
        use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
        let ex = khabar_extract::Extractor::new();
        for name in ["sample-01-irna.txt", "sample-02-isna.txt", "sample-03-mehr.txt", "sample-05-tasnim.txt", "sample-07-ilna.txt"] {
            let a = ex.extract_bytes(name, &std::fs::read(corpus.join(name)).unwrap()).unwrap().article;
            store.ingest(&khabar_events::annotate(&a)).unwrap();
        }
        store.commit().unwrap();
        let mut out = Vec::new();
        assert_eq!(write_grouped(&store, &mut out, 2).unwrap(), 5);
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &out).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(file.path()).unwrap()).unwrap();
        let groups: Vec<i64> = reader.metadata().row_groups().iter().map(|g| g.num_rows()).collect();
        assert_eq!(groups, [2, 2, 1]);
        let mut sources = Vec::new();
        for b in reader.build().unwrap() {
            let b = b.unwrap();
            let s = b.column_by_name("source").unwrap().as_string::<i32>();
            sources.extend(s.iter().map(|x| x.unwrap().to_string()));
        }
        assert_eq!(sources, ["sample-01-irna.txt", "sample-02-isna.txt", "sample-03-mehr.txt", "sample-05-tasnim.txt", "sample-07-ilna.txt"]);
    }

    #[test]
    fn published_times_and_dates() {
        // 11:05 in Tehran at +03:30 is 07:35 UTC.
        assert_eq!(utc_micros("2024-06-20T11:05:00+03:30"), Some(1_718_868_900_000_000));
        assert_eq!(utc_micros("2024-06-20"), None);
        assert_eq!(days_since_epoch("2024-06-20T11:05:00+03:30"), Some(19_894));
        assert_eq!(days_since_epoch("2024-06-20"), Some(19_894));
        assert_eq!(days_since_epoch("1970-01-01"), Some(0));
        assert_eq!(days_since_epoch("garbage"), None);
    }
}
