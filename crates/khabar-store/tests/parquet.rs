//! Parquet export (feature `parquet`): the sample corpus is ingested, exported, and read back
//! with the parquet crate's own Arrow reader; rows and values are checked against the records
//! and against the CSV export. Without the feature, the export fails with the build hint.

use std::path::PathBuf;

use khabar_extract::{Article, Extractor};
use khabar_store::{ExportFormat, Store};

fn sample_articles() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let ex = Extractor::new();
    paths.iter().map(|p| ex.extract_bytes(&p.display().to_string(), &std::fs::read(p).unwrap()).unwrap().article).collect()
}

fn archive(arts: &[Article]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    for a in arts {
        store.ingest(&khabar_events::annotate(a)).unwrap();
    }
    store.close().unwrap();
    let store = Store::open_read(dir.path()).unwrap();
    (dir, store)
}

#[cfg(not(feature = "parquet"))]
#[test]
fn without_the_feature_parquet_export_says_how_to_build_it() {
    let (_dir, store) = archive(&sample_articles()[..1]);
    let mut out = Vec::new();
    let err = store.export(ExportFormat::Parquet, &mut out).unwrap_err();
    assert!(matches!(err, khabar_store::StoreError::Unsupported(_)));
    assert!(err.to_string().contains("cargo build --release --features parquet"), "{err}");
    assert!(out.is_empty());
}

#[cfg(feature = "parquet")]
mod with_feature {
    use super::*;

    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Int32Type, Int64Type, TimestampMicrosecondType};
    use arrow_array::{Array, RecordBatch};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// Exports `store` as Parquet into a file and reads it back: the batches and the file's
    /// row-group count.
    fn read_back(store: &Store) -> (Vec<RecordBatch>, usize, usize) {
        let file = tempfile::NamedTempFile::new().unwrap();
        let mut out = std::io::BufWriter::new(file.reopen().unwrap());
        let n = store.export(ExportFormat::Parquet, &mut out).unwrap();
        drop(out);
        let bytes = std::fs::read(file.path()).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
        let builder = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(file.path()).unwrap()).unwrap();
        let groups = builder.metadata().num_row_groups();
        let batches = builder.build().unwrap().collect::<Result<Vec<_>, _>>().unwrap();
        (batches, n, groups)
    }

    fn strings(b: &RecordBatch, col: &str) -> Vec<Option<String>> {
        let a = b.column_by_name(col).unwrap_or_else(|| panic!("no column {col}")).as_string::<i32>();
        (0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i).to_string())).collect()
    }

    #[test]
    fn the_sample_archive_reads_back_with_typed_columns() {
        let arts = sample_articles();
        assert_eq!(arts.len(), 30);
        let (_dir, store) = archive(&arts);
        let (batches, n, groups) = read_back(&store);
        assert_eq!((n, groups), (30, 1));
        let b = arrow_select_concat(&batches);
        assert_eq!(b.num_rows(), 30);
        // The file's schema is the documented one.
        let names: Vec<&str> = b.schema_ref().fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, khabar_store::PARQUET_COLUMNS.map(|c| c.0).to_vec());

        let ids: Vec<i64> = b.column_by_name("id").unwrap().as_primitive::<Int64Type>().values().to_vec();
        assert_eq!(ids, (1..=30).collect::<Vec<i64>>());
        let quotes = b.column_by_name("quotes").unwrap().as_primitive::<Int32Type>();
        let events = b.column_by_name("events").unwrap().as_primitive::<Int32Type>();
        let utc = b.column_by_name("published_utc").unwrap().as_primitive::<TimestampMicrosecondType>();
        let date = b.column_by_name("published_date").unwrap().as_primitive::<Date32Type>();
        let entities = b.column_by_name("entities").unwrap().as_list::<i32>();
        let (source, title, body, agency, published, cluster) = (
            strings(&b, "source"),
            strings(&b, "title"),
            strings(&b, "body"),
            strings(&b, "agency_id"),
            strings(&b, "published"),
            strings(&b, "cluster"),
        );
        for (k, a) in arts.iter().enumerate() {
            let rec = khabar_events::annotate(a);
            let rec: serde_json::Value = serde_json::to_value(&rec).unwrap();
            assert_eq!(source[k].as_deref(), Some(a.source.as_str()));
            assert_eq!(title[k], a.title);
            assert_eq!(body[k], a.body);
            assert_eq!(agency[k], a.agency.as_ref().map(|g| g.id.clone()));
            assert_eq!(published[k], a.published);
            assert_eq!(quotes.value(k) as usize, rec["quotes"].as_array().unwrap().len());
            assert_eq!(events.value(k) as usize, rec["events"].as_array().unwrap().len());
            let want: Vec<String> = rec["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect();
            let got = entities.value(k);
            let got: Vec<String> = got.as_string::<i32>().iter().map(|s| s.unwrap().to_string()).collect();
            assert_eq!(got, want, "{}", a.source);
            assert_eq!(cluster[k], store.cluster_of(k as i64 + 1).unwrap());
            // A date is always there when `published` is; an instant only with a time.
            assert_eq!(date.is_valid(k), a.published.is_some());
            assert_eq!(utc.is_valid(k), a.published.as_deref().is_some_and(|p| p.len() > 10), "{:?}", a.published);
        }

        // One real article, value by value: the Mehr sample (Araghchi meets Grossi).
        let k = arts.iter().position(|a| a.source.ends_with("sample-03-mehr.txt")).unwrap();
        assert_eq!(agency[k].as_deref(), Some("mehr"));
        assert_eq!(title[k].as_deref(), Some("برای مذاکره آماده‌ایم اما نه زیر فشار و ارعاب"));
        let p = published[k].clone().unwrap();
        assert!(p.starts_with("2024-11-14T") && p.ends_with("+03:30"), "{p}");
        // Tehran's offset is +03:30: the UTC instant is 3.5 hours earlier than the printed time.
        let local: i64 = p[11..13].parse::<i64>().unwrap() * 60 + p[14..16].parse::<i64>().unwrap();
        let micros = utc.value(k);
        assert_eq!(micros.rem_euclid(86_400_000_000) / 60_000_000, local - 210);
        assert_eq!(micros.div_euclid(86_400_000_000), date.value(k) as i64);
        assert_eq!(date.value(k), 20_041); // 2024-11-14
        let ents: Vec<String> = entities.value(k).as_string::<i32>().iter().map(|s| s.unwrap().to_string()).collect();
        assert!(ents.iter().any(|e| e == "abbas-araghchi"), "{ents:?}");
        assert!(quotes.value(k) > 0);

        // The columns CSV also has agree with the CSV export, cell for cell.
        let mut csv_out = Vec::new();
        store.export(ExportFormat::Csv, &mut csv_out).unwrap();
        let mut r = csv::Reader::from_reader(csv_out.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 30);
        for (k, row) in rows.iter().enumerate() {
            for (c, col) in khabar_store::CSV_COLUMNS.iter().enumerate() {
                let cell = match *col {
                    "id" => ids[k].to_string(),
                    "quotes" => quotes.value(k).to_string(),
                    "events" => events.value(k).to_string(),
                    "entities" => entities.value(k).as_string::<i32>().iter().map(|s| s.unwrap()).collect::<Vec<_>>().join(";"),
                    _ => strings(&b, col)[k].clone().unwrap_or_default(),
                };
                assert_eq!(row[c], cell, "row {k} column {col}");
            }
        }
    }

    #[test]
    fn an_empty_archive_is_a_valid_file_with_no_rows() {
        let (_dir, store) = archive(&[]);
        let (batches, n, groups) = read_back(&store);
        assert_eq!((n, groups), (0, 0));
        assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 0);
    }

    /// The batches as one (the file of 30 rows is read in one batch; checked here).
    fn arrow_select_concat(batches: &[RecordBatch]) -> RecordBatch {
        assert_eq!(batches.len(), 1, "expected one batch");
        batches[0].clone()
    }
}
