//! The archive end to end on the sample corpus: ingest, dedup, search, filters, quotes,
//! events, export, index catch-up.

use std::path::PathBuf;

use khabar_extract::{Article, Extractor};
use khabar_store::{EventFilter, ExportFormat, Ingested, Query, QuoteFilter, Store, parse_day};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample")
}

fn sample_docs() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus()).unwrap().map(|e| e.unwrap().path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap())).collect()
}

/// Four variants of the Mehr sample, each writing "بین‌المللی" differently (and differing in
/// one other word, so their texts differ), plus one with "سازمان‌های".
fn spelling_docs() -> Vec<(String, String)> {
    let raw = std::fs::read_to_string(corpus().join("sample-03-mehr.txt")).unwrap();
    let line = raw.lines().find(|l| l.starts_with("به گزارش")).unwrap().to_string();
    let orig = ["بین‌المللی", "بینالمللی", "بين المللي", "بین المللی"].into_iter().find(|s| line.contains(s)).unwrap();
    let days = ["جمعه", "چهارشنبه", "سه شنبه", "دوشنبه"];
    let mut out: Vec<(String, String)> = ["بین‌المللی", "بینالمللی", "بين المللي", "بین المللی"]
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let l = line.replacen(orig, s, 1).replacen("پنجشنبه", days[k], 1);
            (format!("variant-{k}.txt"), raw.replacen(&line, &l, 1))
        })
        .collect();
    let l = line.replacen("پنجشنبه", "پنجشنبه در حضور نمایندگان سازمان‌های مردم‌نهاد", 1);
    out.push(("variant-org.txt".into(), raw.replacen(&line, &l, 1)));
    out
}

fn articles(docs: &[(String, String)]) -> Vec<Article> {
    let ex = Extractor::new();
    docs.iter().filter_map(|(n, t)| ex.extract_bytes(n, t.as_bytes()).ok().map(|e| e.article)).collect()
}

fn ingest_all(store: &mut Store, arts: &[Article]) -> (usize, usize) {
    let (mut stored, mut dup) = (0, 0);
    for a in arts {
        match store.ingest(&khabar_events::annotate(a)).unwrap() {
            Ingested::Stored(_) => stored += 1,
            Ingested::Duplicate(_) => dup += 1,
        }
    }
    store.commit().unwrap();
    (stored, dup)
}

fn ids(store: &Store, q: Query) -> Vec<i64> {
    let mut v: Vec<i64> = store.search(&Query { limit: 1000, all_copies: true, ..q }).unwrap().hits.iter().map(|h| h.id).collect();
    v.sort();
    v
}

fn text(s: &str) -> Query {
    Query { text: s.into(), limit: 1000, ..Default::default() }
}

#[test]
fn ingest_twice_stores_once_and_search_folds_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let docs = sample_docs();
    let arts = articles(&docs);
    assert_eq!(arts.len(), 30);
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(ingest_all(&mut store, &arts), (30, 0));
    assert_eq!(ingest_all(&mut store, &arts), (0, 30));
    // The same text under another name is the same article.
    let mut renamed = arts[0].clone();
    renamed.source = "elsewhere.txt".into();
    assert!(matches!(store.ingest(&khabar_events::annotate(&renamed)).unwrap(), Ingested::Duplicate(1)));
    store.commit().unwrap();
    let variants = articles(&spelling_docs());
    assert_eq!(ingest_all(&mut store, &variants), (5, 0));
    let st = store.stats().unwrap();
    assert_eq!((st.articles, st.indexed), (35, 35));
    assert!(store.check().unwrap().is_empty());

    let variant_ids: Vec<i64> = (31..=34).collect();
    let mut first: Option<Vec<i64>> = None;
    for s in ["بین‌المللی", "بینالمللی", "بين المللي", "بین المللی"] {
        let got = ids(&store, text(s));
        for v in &variant_ids {
            assert!(got.contains(v), "{s}: {got:?}");
        }
        assert!(got.len() >= 6, "{s}: also the corpus articles that write it: {got:?}");
        match &first {
            None => first = Some(got),
            Some(f) => assert_eq!(&got, f, "{s}"),
        }
    }
    // "سازمان" finds the article that only has "سازمان‌های" in that sentence, and the reverse.
    assert!(ids(&store, text("سازمان")).contains(&35));
    assert!(ids(&store, text("سازمانهای")).contains(&35));
    // Snippets highlight the words as the record writes them (letters normalized, spacing kept).
    let r = store.search(&Query { all_copies: true, ..text("بين المللي") }).unwrap();
    let h = r.hits.iter().find(|h| h.id == 33).unwrap();
    assert!(h.snippet.marked("[", "]").contains("[بین المللی]"), "{}", h.snippet.marked("[", "]"));
    assert!(!r.facets.agencies.is_empty());
    // Phrases.
    assert!(ids(&store, text("\"انرژی اتمی\"")).contains(&3));
    assert!(ids(&store, text("\"اتمی انرژی\"")).is_empty() || !ids(&store, text("\"اتمی انرژی\"")).contains(&3));
}

#[test]
fn filters_quotes_events_export_and_catch_up() {
    let dir = tempfile::tempdir().unwrap();
    let arts = articles(&sample_docs());
    let mut store = Store::open(dir.path()).unwrap();
    ingest_all(&mut store, &arts);
    store.close().unwrap();
    let store = Store::open_read(dir.path()).unwrap();

    // Agency: by id or name; every hit is from that outlet.
    let all = ids(&store, text("ایران"));
    let mehr = ids(&store, Query { agency: Some("mehr".into()), ..text("ایران") });
    assert!(!mehr.is_empty() && mehr.len() < all.len());
    assert_eq!(mehr, ids(&store, Query { agency: Some("Mehr News Agency".into()), ..text("ایران") }));
    for id in &mehr {
        assert_eq!(store.article(*id).unwrap().unwrap()["agency"]["id"], "mehr");
    }
    // Dates: Jalali and Gregorian bounds agree; hits are inside.
    let (from, to) = (parse_day("1403/01/01").unwrap(), parse_day("۱۴۰۳-۱۲-۲۹").unwrap());
    assert_eq!((from, to), (parse_day("2024-03-20").unwrap(), parse_day("2025-03-19").unwrap()));
    let in_1403 = ids(&store, Query { from: Some(from), to: Some(to), ..text("ایران") });
    assert!(!in_1403.is_empty() && in_1403.len() < all.len());
    for id in &in_1403 {
        let a = store.article(*id).unwrap().unwrap();
        let j = a["published_jalali"].as_str().unwrap();
        assert!(j.starts_with("1403"), "{id}: {j}");
    }
    // Only a filter, no words.
    let d = store.search(&Query { from: Some(from), to: Some(to), limit: 100, ..Default::default() }).unwrap();
    assert!(d.articles >= in_1403.len() && d.total <= d.articles);
    // Person: by surname, full name, English name or id.
    let p = ids(&store, Query { person: Some("عراقچی".into()), ..text("") });
    assert!(p.contains(&3), "{p:?}");
    for who in ["عباس عراقچی", "Abbas Araghchi", "abbas-araghchi"] {
        assert_eq!(ids(&store, Query { person: Some(who.into()), ..text("") }), p, "{who}");
    }
    assert!(ids(&store, Query { person: Some("نام ناموجود".into()), ..text("") }).is_empty());

    // Quotes of a speaker; events of a type and actor.
    let q = store.quotes(&QuoteFilter { speaker: Some("عراقچی".into()), ..Default::default() }).unwrap();
    assert!(!q.is_empty());
    assert!(q.iter().all(|r| r.speaker.as_deref() == Some("abbas-araghchi")), "{q:?}");
    let all_quotes = store.quotes(&QuoteFilter::default()).unwrap();
    assert!(all_quotes.len() > q.len());
    let ev = store.events(&EventFilter { event_type: Some("consult".into()), ..Default::default() }).unwrap();
    assert!(!ev.is_empty());
    assert!(ev.iter().all(|e| e.event["type"] == "CONSULT"));
    let ev_a = store.events(&EventFilter { event_type: Some("CONSULT".into()), actor: Some("Abbas Araghchi".into()), ..Default::default() }).unwrap();
    assert!(!ev_a.is_empty() && ev_a.len() < ev.len());
    assert!(ev_a.iter().all(|e| e.event["actors"].as_array().unwrap().iter().any(|a| a == "abbas-araghchi")));

    // Export JSONL: exactly the records as `khabar process` writes them.
    let mut out = Vec::new();
    assert_eq!(store.export(ExportFormat::Jsonl, &mut out).unwrap(), 30);
    let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
    // (with the archive's near-duplicate `cluster` filled in).
    for (k, (line, a)) in lines.iter().zip(&arts).enumerate() {
        let cluster = store.cluster_of(k as i64 + 1).unwrap().unwrap();
        let a = khabar_extract::Article { cluster: Some(cluster), ..a.clone() };
        assert_eq!(*line, serde_json::to_string(&khabar_events::annotate(&a)).unwrap());
    }
    // Export CSV: read back, same fields.
    let mut out = Vec::new();
    store.export(ExportFormat::Csv, &mut out).unwrap();
    let mut r = csv::Reader::from_reader(out.as_slice());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), khabar_store::CSV_COLUMNS.to_vec());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 30);
    for (row, a) in rows.iter().zip(&arts) {
        assert_eq!(&row[2], a.source);
        assert_eq!(&row[9], a.title.as_deref().unwrap_or(""));
        assert_eq!(&row[11], a.body.as_deref().unwrap_or(""));
        assert_eq!(&row[3], a.agency.as_ref().map(|g| g.id.as_str()).unwrap_or(""));
    }
    drop(store);

    // The index is derived: remove it and a reader rebuilds it from SQLite.
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let store = Store::open_read(dir.path()).unwrap();
    assert_eq!(store.stats().unwrap().indexed, 30);
    assert!(store.check().unwrap().is_empty());
    assert_eq!(ids(&store, text("ایران")), all);
    assert!(Store::open_read(dir.path().join("nothing")).is_err());
}

#[test]
fn a_schema_1_archive_is_migrated_and_clustered_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let variants = articles(&spelling_docs());
    ingest_all(&mut store, &variants);
    store.close().unwrap();
    let clusters = |s: &Store| (1..=variants.len() as i64).map(|id| s.cluster_of(id).unwrap()).collect::<Vec<_>>();
    let before = clusters(&Store::open_read(dir.path()).unwrap());
    assert!(before.iter().all(|c| c.is_some()));
    let mut export_before = Vec::new();
    Store::open_read(dir.path()).unwrap().export(ExportFormat::Jsonl, &mut export_before).unwrap();
    // Make it a schema-1 archive: no cluster, no signature, no story summary; the records carry
    // the cluster they were ingested with (here another one, or none at all).
    {
        let db = rusqlite::Connection::open(dir.path().join("archive.sqlite")).unwrap();
        db.execute_batch(
            "UPDATE articles SET json = replace(json, '\"cluster\":\"' || cluster || '\"', '\"cluster\":\"c-from-process\"') WHERE id <= 2;
             UPDATE articles SET json = replace(json, '\"cluster\":\"' || cluster || '\",', '') WHERE id = 3;
             DROP TABLE cluster_outlets; DROP INDEX articles_story;
             DROP INDEX articles_cluster; ALTER TABLE articles DROP COLUMN cluster; ALTER TABLE articles DROP COLUMN signature;
             UPDATE meta SET value = '1' WHERE key = 'schema';",
        )
        .unwrap();
        let stale: i64 = db
            .query_row("SELECT count(*) FROM articles WHERE json LIKE '%c-from-process%' OR json NOT LIKE '%\"cluster\"%'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stale, 3);
    }
    // A reader migrates and fills the clusters in (same ids: clustering is deterministic),
    // the story summary, and the records' `cluster` (exported exactly as before).
    let r = Store::open_read(dir.path()).unwrap();
    assert_eq!(clusters(&r), before);
    assert!(r.check().unwrap().is_empty(), "{:?}", r.check().unwrap());
    for id in 1..=variants.len() as i64 {
        assert_eq!(r.article(id).unwrap().unwrap()["cluster"].as_str(), r.cluster_of(id).unwrap().as_deref(), "{id}");
    }
    let mut export_after = Vec::new();
    r.export(ExportFormat::Jsonl, &mut export_after).unwrap();
    assert_eq!(String::from_utf8(export_after).unwrap(), String::from_utf8(export_before).unwrap());
    let hits = r.search(&Query { limit: 100, ..Default::default() }).unwrap();
    assert!(hits.total < hits.articles, "copies grouped: {} stories, {} articles", hits.total, hits.articles);
    drop(r);
    let w = Store::open(dir.path()).unwrap();
    assert_eq!(clusters(&w), before);
    assert!(w.check().unwrap().is_empty());
}

/// What search says of a story: cluster, copies, first publisher, the hit's outlet, `also_in`.
type StorySummary = (Option<String>, usize, Option<String>, Option<String>, Vec<String>);

/// What search says of each story, sorted.
fn story_summaries(store: &Store) -> Vec<StorySummary> {
    let r = store.search(&Query { limit: 1000, ..Default::default() }).unwrap();
    let mut v: Vec<_> =
        r.hits.into_iter().map(|h| (h.cluster, h.copies, h.first_publisher, h.agency, h.also_in)).collect();
    v.sort();
    v
}

#[test]
fn a_schema_2_archive_gets_the_story_summary_and_the_archive_clusters_in_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let mut docs = sample_docs();
    docs.extend(spelling_docs());
    let arts = articles(&docs);
    ingest_all(&mut store, &arts);
    store.close().unwrap();
    let r = Store::open_read(dir.path()).unwrap();
    let before = story_summaries(&r);
    // Samples 03 and 04 and the five variants of 03 are one story, carried by several outlets.
    let big = before.iter().find(|s| s.1 == 7).unwrap_or_else(|| panic!("{before:#?}"));
    assert!(!big.4.is_empty() && big.2.is_some(), "{big:?}");
    assert!(r.check().unwrap().is_empty());
    let mut export_before = Vec::new();
    r.export(ExportFormat::Jsonl, &mut export_before).unwrap();
    drop(r);
    // Make it a schema-2 archive migrated from schema 1: no summary, and records whose JSON
    // still has the cluster they were ingested with.
    {
        let db = rusqlite::Connection::open(dir.path().join("archive.sqlite")).unwrap();
        db.execute_batch(
            "DROP TABLE cluster_outlets; DROP INDEX articles_story;
             UPDATE articles SET json = replace(json, '\"cluster\":\"' || cluster || '\"', '\"cluster\":null') WHERE id % 3 = 0;
             UPDATE meta SET value = '2' WHERE key = 'schema';",
        )
        .unwrap();
    }
    let r = Store::open_read(dir.path()).unwrap();
    assert_eq!(story_summaries(&r), before);
    assert!(r.check().unwrap().is_empty(), "{:?}", r.check().unwrap());
    let mut export_after = Vec::new();
    r.export(ExportFormat::Jsonl, &mut export_after).unwrap();
    assert_eq!(String::from_utf8(export_after).unwrap(), String::from_utf8(export_before).unwrap());
    let version: String = rusqlite::Connection::open(dir.path().join("archive.sqlite"))
        .unwrap()
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, khabar_store::SCHEMA_VERSION.to_string());
    drop(r);
    // The summary is kept at ingest: one more copy of the big story, from a new outlet.
    let mut w = Store::open(dir.path()).unwrap();
    let mut copy = arts.iter().find(|a| a.source.ends_with("sample-03-mehr.txt")).unwrap().clone();
    copy.text = copy.text.replacen("صبح امروز", "امروز", 1);
    copy.source = "elsewhere.txt".into();
    copy.agency = None;
    copy.published = None;
    assert!(matches!(w.ingest(&khabar_events::annotate(&copy)).unwrap(), Ingested::Stored(_)));
    w.commit().unwrap();
    assert!(w.check().unwrap().is_empty());
    let after = story_summaries(&w);
    let grown = after.iter().find(|s| s.0 == big.0).unwrap();
    assert_eq!(grown.1, 8);
    assert_eq!(grown.2, big.2, "an undated copy is never the first publisher");
    assert_eq!(grown.4.last().map(String::as_str), Some("elsewhere.txt"), "{grown:?}");
}

#[test]
fn the_archive_keeps_its_near_duplicate_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let arts = articles(&sample_docs());
    // Samples 03 (Mehr) and 04 (its republication) are one story at the default threshold,
    // two at 1.0 (only identical texts are copies then).
    let mut store = Store::open_with_dedup(dir.path(), Some(1.0)).unwrap();
    assert_eq!(store.dedup_threshold(), 1.0);
    ingest_all(&mut store, &arts[..3]);
    store.close().unwrap();
    // A later run without a threshold uses the archive's.
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(store.dedup_threshold(), 1.0);
    ingest_all(&mut store, &arts[3..]);
    assert!(arts[2].source.contains("sample-03") && arts[3].source.contains("sample-04"));
    assert_ne!(store.cluster_of(3).unwrap(), store.cluster_of(4).unwrap());
    store.close().unwrap();
    assert_eq!(Store::open_read(dir.path()).unwrap().dedup_threshold(), 1.0);
    // The same threshold again is fine; another is refused while the archive holds articles.
    drop(Store::open_with_dedup(dir.path(), Some(1.0)).unwrap());
    match Store::open_with_dedup(dir.path(), Some(0.5)) {
        Err(e @ khabar_store::StoreError::DedupThreshold { .. }) => assert!(e.to_string().contains("threshold 1"), "{e}"),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("a different threshold was accepted"),
    }
    assert!(matches!(Store::open_with_dedup(dir.path(), Some(1.5)), Err(khabar_store::StoreError::BadThreshold(_))));
    // The default: one story.
    let dir2 = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir2.path()).unwrap();
    assert_eq!(store.dedup_threshold(), 0.5);
    ingest_all(&mut store, &arts);
    assert_eq!(store.cluster_of(3).unwrap(), store.cluster_of(4).unwrap());
}
