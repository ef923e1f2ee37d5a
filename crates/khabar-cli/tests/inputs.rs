//! End-to-end tests of `khabar process` on HTML, WARC and JSON Lines input, language
//! skipping and near-duplicate clusters.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use khabar_input::testkit::{TempDir, gzip, warc_response};

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn tmpdir(name: &str) -> TempDir {
    TempDir::new(&format!("khabar-test-inputs-{name}")).unwrap()
}

/// A scraped sample as a page: every line a `<p>` inside a content div, among site chrome.
fn as_page(sample: &str) -> String {
    let text = std::fs::read_to_string(repo().join("corpus/sample").join(sample)).unwrap();
    let body: String = text.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>خبر</title></head><body>\
         <nav><a href=\"/\">صفحه اصلی</a></nav><div id=\"main\"><div class=\"news-content\">{body}</div>\
         <div class=\"related\"><a href=\"/1\">خبر دیگری درباره موضوعی دیگر که به این خبر ربطی ندارد</a></div></div>\
         <footer>کلیه حقوق محفوظ است</footer></body></html>"
    )
}

#[test]
fn warc_with_one_story_from_two_outlets_gives_one_cluster() {
    let dir = tmpdir("warc");
    let records_ = [
        warc_response("https://www.mehrnews.com/news/6287934/", "text/html; charset=utf-8", as_page("sample-03-mehr.txt").as_bytes()),
        warc_response("https://www.eghtesadnews.com/fa/tiny/news-1", "text/html; charset=utf-8", as_page("sample-04-eghtesadnews.txt").as_bytes()),
        warc_response("https://www.tasnimnews.com/fa/news/1", "text/html; charset=utf-8", as_page("sample-05-tasnim.txt").as_bytes()),
    ];
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, records_.iter().flat_map(|r| gzip(r)).collect::<Vec<u8>>()).unwrap();
    let out = khabar().arg("process").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    let ids: Vec<&str> = recs.iter().map(|r| r["agency"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["mehr", "eghtesadnews", "tasnim"]);
    assert_eq!(recs[0]["cluster"], recs[1]["cluster"]);
    assert_ne!(recs[0]["cluster"], recs[2]["cluster"]);
    assert_eq!(recs[0]["source"], "https://www.mehrnews.com/news/6287934/");
    assert_eq!(recs[0]["format"], "warc");
    assert_eq!(recs[0]["captured"], "2024-11-14T09:00:00Z");
    assert_eq!(recs[0]["language"], "fa");
    assert_eq!(recs[0]["title"], "برای مذاکره آماده‌ایم اما نه زیر فشار و ارعاب");
}

#[test]
fn sample_corpus_clusters_only_the_known_pair() {
    let out = khabar().arg("process").arg(repo().join("corpus/sample")).output().unwrap();
    let recs = records(&out);
    let clusters: Vec<&str> = recs.iter().map(|r| r["cluster"].as_str().unwrap()).collect();
    let mut distinct = clusters.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), recs.len() - 1, "only samples 03 and 04 share a cluster");
    assert_eq!(clusters[2], clusters[3]);
}

#[test]
fn jsonl_fields_languages_and_bad_lines() {
    let dir = tmpdir("jsonl");
    let sample = std::fs::read_to_string(repo().join("corpus/sample/sample-01-irna.txt")).unwrap();
    let lines = [
        serde_json::json!({"content": sample, "link": "https://www.irna.ir/news/85592718/"}).to_string(),
        "{\"content\": \"broken".to_string(),
        serde_json::json!({"content": "قال وزير الخارجية الإيراني في مؤتمر صحفي إن بلاده مستعدة للتفاوض ولكن ليس تحت الضغط، وأضاف أن التعاون مع الوكالة مستمر في إطار الضمانات."}).to_string(),
        serde_json::json!({"content": "Iran's foreign minister met the head of the IAEA in Tehran on Thursday and said Iran was ready to negotiate."}).to_string(),
    ];
    let path = dir.join("dump.data");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = khabar().args(["process", "--text-field", "content", "--url-field", "link"]).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "{err}");
    assert_eq!(recs[0]["url"], "https://www.irna.ir/news/85592718/");
    assert_eq!(recs[0]["format"], "jsonl");
    assert!(err.contains("dump.data: line 2"), "{err}");
    assert!(err.contains("dump.data:3: skipped: language Arabic (ar)"), "{err}");
    assert!(err.contains("dump.data:4: skipped: language English (en)"), "{err}");
    let out = khabar().args(["process", "--text-field", "content", "--lang", "fa,ar"]).arg(&path).output().unwrap();
    assert_eq!(records(&out).len(), 2, "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn html_without_url_or_attribution_takes_the_outlet_from_its_title() {
    // A saved page: no canonical URL, no "به گزارش ..." in the text; the `<title>` ends with the outlet's name.
    let dir = tmpdir("sitename");
    let page = "<html lang=\"fa\"><head><title>همتی: نرخ ارز کاهش می‌یابد - خبرگزاری مهر</title></head>\
        <body><article><h1>همتی: نرخ ارز کاهش می‌یابد</h1>\
        <p>وزیر امور اقتصادی و دارایی با بیان اینکه سیاست‌های جدید بانک مرکزی نتیجه داده است، گفت: نرخ ارز در هفته‌های آینده کاهش خواهد یافت.</p>\
        <p>عبدالناصر همتی روز شنبه در جمع خبرنگاران اظهار کرد: بازار ارز با تصمیمات اخیر بانک مرکزی به ثبات رسیده است.</p>\
        </article></body></html>";
    let path = dir.join("page.html");
    std::fs::write(&path, page).unwrap();
    let out = khabar().arg("process").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(records(&out)[0]["agency"]["id"], "mehr");
    // A title whose short side is no outlet's whole name names none.
    std::fs::write(&path, page.replace("- خبرگزاری مهر", "- اخبار روز")).unwrap();
    let out = khabar().arg("process").arg(&path).output().unwrap();
    assert!(records(&out)[0]["agency"].is_null(), "{}", records(&out)[0]["agency"]);
}
