//! End-to-end tests of the archive commands: ingest (idempotent, crash-safe), search with
//! filters, quotes, events, export.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use khabar_store::Store;

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str], db: &Path) -> (bool, String, String) {
    let out = khabar().args(args).arg("--db").arg(db).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn summary(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[test]
fn ingest_search_quotes_events_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let corpus = repo().join("corpus/sample");
    let corpus = corpus.to_str().unwrap();
    let (ok, out, err) = run(&["ingest", corpus, "--json"], &db);
    assert!(ok, "{err}");
    let s = summary(&out);
    assert_eq!((s["read"].as_u64(), s["stored"].as_u64(), s["duplicates"].as_u64()), (Some(30), Some(30), Some(0)), "{s}");
    // Ingesting the same articles again stores nothing.
    let (ok, out, _) = run(&["ingest", corpus, "--json"], &db);
    assert!(ok);
    let s = summary(&out);
    assert_eq!((s["stored"].as_u64(), s["duplicates"].as_u64()), (Some(0), Some(30)), "{s}");

    // All four spellings find the same articles.
    let mut totals = Vec::new();
    for q in ["بین‌المللی", "بینالمللی", "بين المللي", "بین المللی"] {
        let (ok, out, err) = run(&["search", q, "--format", "json", "--limit", "50"], &db);
        assert!(ok, "{q}: {err}");
        let r = summary(&out);
        let mut ids: Vec<i64> = r["hits"].as_array().unwrap().iter().map(|h| h["id"].as_i64().unwrap()).collect();
        ids.sort();
        totals.push(ids);
    }
    assert!(totals[0].len() >= 5, "{totals:?}");
    assert!(totals.iter().all(|t| t == &totals[0]), "{totals:?}");
    // Filters: outlet, Jalali and Gregorian dates, person; text output marks the words.
    let (ok, out, _) = run(&["search", "ایران", "--agency", "mehr"], &db);
    assert!(ok);
    assert!(out.contains("mehr") && out.contains("[ایران]"), "{out}");
    let (_, a, _) = run(&["search", "ایران", "--from", "1403/01/01", "--to", "۱۴۰۳-۱۲-۳۰", "--format", "json"], &db);
    let (_, b, _) = run(&["search", "ایران", "--from", "2024-03-20", "--to", "2025-03-20", "--format", "json"], &db);
    assert_eq!(summary(&a)["total"], summary(&b)["total"]);
    assert!(summary(&a)["total"].as_u64().unwrap() > 0);
    let (ok, out, _) = run(&["search", "", "--person", "عراقچی", "--format", "json"], &db);
    assert!(ok);
    assert!(summary(&out)["hits"].as_array().unwrap().iter().any(|h| h["source"].as_str().unwrap().ends_with("sample-03-mehr.txt")));
    let (ok, _, err) = run(&["search", "x", "--from", "not a date"], &db);
    assert!(!ok && err.contains("not a date"), "{err}");

    let (ok, out, _) = run(&["quotes", "--speaker", "Abbas Araghchi", "--format", "json"], &db);
    assert!(ok);
    for line in out.lines() {
        assert_eq!(summary(line)["speaker"], "abbas-araghchi");
    }
    let (ok, out, _) = run(&["events", "--type", "CONSULT", "--actor", "عراقچی"], &db);
    assert!(ok && out.contains("CONSULT") && out.contains("Araghchi"), "{out}");

    let (ok, out, _) = run(&["export", "--format", "jsonl"], &db);
    assert!(ok);
    assert_eq!(out.lines().count(), 30);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(first["source"].as_str().unwrap().ends_with("sample-01-irna.txt"));
    let (ok, out, _) = run(&["export", "--format", "csv"], &db);
    assert!(ok);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(r.records().count(), 30);
    let pq = dir.path().join("articles.parquet");
    let (ok, _, err) = run(&["export", "--format", "parquet", "-o", pq.to_str().unwrap()], &db);
    if cfg!(feature = "parquet") {
        assert!(ok, "{err}");
        let bytes = std::fs::read(&pq).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1") && bytes.len() > 10_000, "{}", bytes.len());
    } else {
        // Without the feature: a message saying how to build with it, and no file left behind.
        assert!(!ok && err.contains("cargo build --release --features parquet"), "{err}");
        assert!(!pq.exists());
    }
}

/// Writes `n` distinct articles made from the samples (a numbered sentence after the lead).
fn write_corpus(dir: &Path, n: usize) {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/sample")).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    std::fs::create_dir_all(dir).unwrap();
    for k in 0..n {
        let raw = std::fs::read_to_string(&seeds[k % seeds.len()]).unwrap();
        let mut lines: Vec<String> = raw.lines().map(String::from).collect();
        let at = lines.iter().position(|l| l.chars().count() > 120).map_or(lines.len() / 2, |i| i + 1);
        lines.insert(at, format!("این گزارش نمونه شماره {k} از آزمون بایگانی است و متن آن با دیگر نمونه‌ها فرق دارد."));
        std::fs::write(dir.join(format!("doc-{k:04}.txt")), lines.join("\n")).unwrap();
    }
}

#[test]
fn kill_9_during_ingest_loses_nothing_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, db) = (dir.path().join("docs"), dir.path().join("db"));
    let n = 240;
    write_corpus(&docs, n);
    let mut child = khabar()
        .arg("ingest")
        .arg(&docs)
        .arg("--db")
        .arg(&db)
        .args(["--batch", "4", "--commit-ms", "60000"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, reading (and searching) while the ingest runs.
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(store) = Store::open_read(&db) {
            seen = store.stats().unwrap().articles;
            if seen >= 12 {
                let r = store.search(&khabar_store::Query { text: "گزارش".into(), limit: 5, ..Default::default() }).unwrap();
                assert!(r.total > 0);
                break;
            }
        }
    }
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(still_running, "the ingest finished before it could be killed; make the corpus larger");
    assert!(seen >= 12 && (seen as usize) < n, "{seen}");

    // Consistent after the crash: whole articles only, everything committed is there, and the
    // index (caught up on open if it lagged) has every article.
    let store = Store::open_read(&db).unwrap();
    let after = store.stats().unwrap();
    assert!(after.articles >= seen, "{after:?} < {seen}");
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    drop(store);

    // A re-run stores the rest.
    let out = khabar().arg("ingest").arg(&docs).arg("--db").arg(&db).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = summary(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(s["duplicates"].as_u64().unwrap(), after.articles, "{s}");
    assert_eq!(s["stored"].as_u64().unwrap() + after.articles, n as u64, "{s}");
    let store = Store::open_read(&db).unwrap();
    assert_eq!(store.stats().unwrap().articles, n as u64);
    assert_eq!(store.stats().unwrap().indexed, n as u64);
    assert!(store.check().unwrap().is_empty());
}

/// A scraped sample as a page: every line a `<p>` inside a content div, among site chrome.
fn as_page(sample: &str) -> String {
    let text = std::fs::read_to_string(repo().join("corpus/sample").join(sample)).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let body: String = lines.iter().map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>خبر</title></head><body>\
         <nav><a href=\"/\">صفحه اصلی</a></nav><div id=\"main\"><div class=\"news-content\">{body}</div></div>\
         <footer>کلیه حقوق محفوظ است</footer></body></html>"
    )
}

fn warc(path: &Path, pages: &[(&str, String)]) {
    use khabar_input::testkit::{gzip, warc_response};
    let bytes: Vec<u8> =
        pages.iter().flat_map(|(url, page)| gzip(&warc_response(url, "text/html; charset=utf-8", page.as_bytes()))).collect();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn warc_copies_form_one_cluster_across_ingest_runs_and_search_groups_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let crawl = dir.path().join("crawl.warc.gz");
    // The copy (eghtesadnews, 13:05) comes before the original (mehr, 12:30) in the crawl.
    warc(
        &crawl,
        &[
            ("https://www.eghtesadnews.com/fa/tiny/news-1", as_page("sample-04-eghtesadnews.txt")),
            ("https://www.mehrnews.com/news/6287934/", as_page("sample-03-mehr.txt")),
            ("https://www.tasnimnews.com/fa/news/1", as_page("sample-05-tasnim.txt")),
        ],
    );
    let (ok, out, err) = run(&["ingest", crawl.to_str().unwrap(), "--json"], &db);
    assert!(ok, "{err}");
    let s = summary(&out);
    assert_eq!((s["read"].as_u64(), s["stored"].as_u64(), s["failed"].as_u64()), (Some(3), Some(3), Some(0)), "{s}\n{err}");
    let cluster_ids = || {
        let store = Store::open_read(&db).unwrap();
        (1..=4).map(|id| store.cluster_of(id).unwrap()).collect::<Vec<_>>()
    };
    let c = cluster_ids();
    assert!(c[0].is_some() && c[0] == c[1] && c[0] != c[2] && c[3].is_none(), "{c:?}");
    {
        let store = Store::open_read(&db).unwrap();
        let members = store.cluster(c[0].as_deref().unwrap()).unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].agency.as_deref(), Some("mehr"), "first publisher: earliest published, not first ingested");
    }

    // Search: one result for the two copies, with also_in.
    let (ok, out, err) = run(&["search", "گروسی", "--format", "json"], &db);
    assert!(ok, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hits = r["hits"].as_array().unwrap();
    let story: Vec<&serde_json::Value> = hits.iter().filter(|h| h["cluster"] == c[0].as_deref().unwrap()).collect();
    assert_eq!(story.len(), 1, "{r}");
    let h = story[0];
    let mut outlets = vec![h["agency"].as_str().unwrap().to_string()];
    outlets.extend(h["also_in"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()));
    outlets.sort();
    assert_eq!(outlets, ["eghtesadnews", "mehr"], "{h}");
    assert_eq!(h["first_publisher"], "mehr");
    assert_eq!(h["copies"], 2);
    assert!(r["articles"].as_u64().unwrap() > r["total"].as_u64().unwrap(), "{r}");
    // Facets count stories: each outlet of the pair once.
    let facets: BTreeMap<String, u64> =
        r["facets"]["agencies"].as_array().unwrap().iter().map(|p| (p[0].as_str().unwrap().into(), p[1].as_u64().unwrap())).collect();
    assert_eq!((facets.get("mehr"), facets.get("eghtesadnews")), (Some(&1), Some(&1)), "{r}");
    let (_, text, _) = run(&["search", "گروسی"], &db);
    assert!(text.contains("also in: "), "{text}");
    // --all-copies: one result per article.
    let (_, out, _) = run(&["search", "گروسی", "--format", "json", "--all-copies"], &db);
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(all["total"], r["articles"]);

    // A second run: the same crawl stores nothing and changes no cluster; a new copy of the
    // story (another outlet, lead reworded) joins the stored cluster.
    let (ok, out, _) = run(&["ingest", crawl.to_str().unwrap(), "--json"], &db);
    assert!(ok);
    assert_eq!(summary(&out)["duplicates"], 3);
    let crawl2 = dir.path().join("crawl2.warc");
    std::fs::write(
        &crawl2,
        khabar_input::testkit::warc_response("https://www.isna.ir/news/1/", "text/html; charset=utf-8", as_page("sample-03-mehr.txt")
            .replacen("به گزارش خبرگزاری مهر،", "به گزارش ایسنا،", 1)
            .replacen("صبح امروز پنجشنبه", "امروز", 1)
            .as_bytes()),
    )
    .unwrap();
    let (ok, out, err) = run(&["ingest", crawl2.to_str().unwrap(), "--json"], &db);
    assert!(ok, "{err}");
    assert_eq!(summary(&out)["stored"], 1, "{err}");
    let c2 = cluster_ids();
    assert_eq!(&c2[..3], &c[..3]);
    assert_eq!(c2[3], c[0], "the new copy joins the stored cluster");
    let store = Store::open_read(&db).unwrap();
    assert_eq!(store.article(4).unwrap().unwrap()["cluster"], c[0].as_deref().unwrap());
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn ingest_jsonl_reports_a_broken_line_and_an_arabic_line_and_stores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let sample = std::fs::read_to_string(repo().join("corpus/sample/sample-01-irna.txt")).unwrap();
    let sample2 = std::fs::read_to_string(repo().join("corpus/sample/sample-05-tasnim.txt")).unwrap();
    let lines = [
        serde_json::json!({"content": sample, "link": "https://www.irna.ir/news/85592718/"}).to_string(),
        "{\"content\": \"broken".to_string(),
        serde_json::json!({"content": "قال وزير الخارجية الإيراني في مؤتمر صحفي إن بلاده مستعدة للتفاوض ولكن ليس تحت الضغط، وأضاف أن التعاون مع الوكالة مستمر في إطار الضمانات."}).to_string(),
        serde_json::json!({"content": sample2, "link": "https://www.tasnimnews.com/fa/news/1"}).to_string(),
    ];
    let path = dir.path().join("dump.data");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let (ok, out, err) =
        run(&["ingest", "--text-field", "content", "--url-field", "link", path.to_str().unwrap(), "--json"], &db);
    assert!(ok, "{err}");
    let s = summary(&out);
    assert_eq!(
        (s["read"].as_u64(), s["stored"].as_u64(), s["failed"].as_u64(), s["skipped"].as_u64()),
        (Some(4), Some(2), Some(1), Some(1)),
        "{s}\n{err}"
    );
    assert_eq!(s["languages"]["ar"], 1, "{s}");
    assert!(err.contains("dump.data: line 2"), "{err}");
    assert!(err.contains("dump.data:3: skipped: language Arabic (ar)"), "{err}");
    let store = Store::open_read(&db).unwrap();
    let a = store.article(1).unwrap().unwrap();
    assert_eq!((a["url"].as_str(), a["format"].as_str()), (Some("https://www.irna.ir/news/85592718/"), Some("jsonl")));
    assert!(store.check().unwrap().is_empty());
    // The text summary names the skipped language.
    let db2 = dir.path().join("db2");
    let (_, _, err) = run(&["ingest", "--text-field", "content", path.to_str().unwrap()], &db2);
    assert!(err.contains("skipped 1 (ar 1)"), "{err}");
}

#[test]
fn ingest_keeps_the_archive_dedup_threshold_and_refuses_another() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let sample = |name: &str| repo().join("corpus/sample").join(name).display().to_string();
    // At 1.0 the Mehr story and its republication (samples 03 and 04) are two stories.
    let (ok, _, err) = run(&["ingest", &sample("sample-03-mehr.txt"), "--dedup-threshold", "1", "--json"], &db);
    assert!(ok, "{err}");
    // A later run without the option clusters with the archive's threshold.
    let (ok, _, err) = run(&["ingest", &sample("sample-04-eghtesadnews.txt"), "--json"], &db);
    assert!(ok, "{err}");
    let store = Store::open_read(&db).unwrap();
    assert_eq!(store.dedup_threshold(), 1.0);
    assert_ne!(store.cluster_of(1).unwrap(), store.cluster_of(2).unwrap());
    drop(store);
    // Another threshold is refused, naming the archive's.
    let (ok, _, err) = run(&["ingest", &sample("sample-05-tasnim.txt"), "--dedup-threshold", "0.5"], &db);
    assert!(!ok && err.contains("threshold 1, not 0.5"), "{err}");
    assert_eq!(Store::open_read(&db).unwrap().stats().unwrap().articles, 2);
    // In a new archive the default clusters them as one story.
    let db2 = dir.path().join("db2");
    let (ok, _, err) = run(&["ingest", &sample("sample-03-mehr.txt"), &sample("sample-04-eghtesadnews.txt"), "--json"], &db2);
    assert!(ok, "{err}");
    let store = Store::open_read(&db2).unwrap();
    assert_eq!(store.dedup_threshold(), 0.5);
    assert_eq!(store.cluster_of(1).unwrap(), store.cluster_of(2).unwrap());
}
