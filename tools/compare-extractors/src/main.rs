//! Compares khabar's HTML main-content extraction (`khabar_input::html::extract_html`, its own
//! readability-style scoring) with `dom_smoothie` (a Rust port of Mozilla's Readability) on
//! pages whose true content is known:
//!
//! - `bench`: the pages `khabar bench-input` times (each sample's lines as `<p>`s of the
//!   content container, first line as the title), all 30 samples × 3 CMS styles;
//! - `clean`: the same samples after khabar's text pipeline (kicker, title, lead, body), rendered
//!   as full CMS pages with a printed date and news code, 28 × 3 (2 samples have no headline);
//! - `fixtures`: the pages of `crates/khabar-input/tests/formats.rs` (3 styles) and of
//!   `crates/khabar-cli/tests/archive.rs` (`as_page`: a bare content div, 30 samples).
//!
//! For each page: word-level precision and recall (multiset overlap of words) of the output
//! against the true content, whole content lines lost, and template chrome leaked (related
//! headlines, comments, footer, toolbar…). Words of the printed date and news-code lines are
//! neutral (khabar keeps them on purpose for the text pipeline; they are neither content nor
//! chrome). On `clean`, both outputs also go through khabar's text pipeline
//! (`Extractor::extract_with_hints`, as `khabar process` does with a page) and the resulting
//! title and body are compared with the truth. Finally pages/s on one thread over the bench's
//! 3,000 pages.
//!
//! Run from the repository root:
//! `cargo run --release --manifest-path tools/compare-extractors/Cargo.toml`

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dom_smoothie::{CandidateSelectMode, Config, Readability, TextMode};
use khabar_extract::{Extractor, Hints};
use khabar_input::html::extract_html;
use khabar_input::testkit::{CmsStyle, PageSpec, cms_page};

const STYLES: [CmsStyle; 3] = [CmsStyle::NewsStudio, CmsStyle::Dornica, CmsStyle::WordPress];
const URL: &str = "https://www.example.ir/news/1";

/// Strings only the page templates print (never in the samples): leaked chrome.
const CHROME: [&str; 12] = [
    "قیمت دلار و طلا امروز",
    "رئیس‌جمهور در سفر استانی",
    "نشست خبری سخنگوی دولت",
    "دیدگاه خود را بنویسید",
    "تمامی حقوق این سایت",
    "کلیه حقوق",
    "نسخه چاپی",
    "ارسال به دوستان",
    "اخبار مرتبط",
    "پربازدیدترین",
    "آخرین اخبار",
    "برچسب یک",
];

/// A page and what it should yield.
struct Case {
    set: &'static str,
    /// Sample and style, for `--verbose`.
    label: String,
    html: String,
    /// The true content, one block a line (kicker, title, lead, paragraphs).
    truth: Vec<String>,
    /// Lines that are neither content nor chrome (printed date, news code).
    neutral: Vec<String>,
    /// For the end-to-end check: the expected title and body.
    expect: Option<(String, String)>,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn samples() -> Vec<(String, String)> {
    let dir = repo().join("corpus/sample");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).expect("corpus/sample").map(|e| e.unwrap().path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap())).collect()
}

/// The bench's page for a sample (as `khabar bench-input` builds it).
fn bench_spec(text: &str) -> (PageSpec<'_>, Vec<String>) {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).skip(1).collect();
    let spec = PageSpec {
        title: lines.first().copied().unwrap_or(""),
        paragraphs: lines.iter().skip(1).copied().collect(),
        published: Some("2024-11-14T12:30:00+03:30"),
        site: "سایت خبری",
        url: Some(URL),
        ..PageSpec::default()
    };
    (spec, lines.iter().map(|s| s.to_string()).collect())
}

fn persian_digits(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32('۰' as u32 + (c as u32 - '0' as u32)).unwrap() } else { c }).collect()
}

fn cases(ex: &Extractor) -> Vec<Case> {
    let samples = samples();
    let mut out = Vec::new();
    for (k, (_, text)) in samples.iter().enumerate() {
        // bench: every sample in every style.
        for style in STYLES {
            let (spec, truth) = bench_spec(text);
            // The Dornica template prints the code and date labels even when empty.
            let neutral = vec!["کد خبر:".into(), "تاریخ انتشار:".into()];
            out.push(Case { set: "bench", label: format!("{k} {style:?}"), html: cms_page(style, &spec), truth, neutral, expect: None });
        }
        // fixtures: crates/khabar-cli/tests/archive.rs `as_page`.
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let body: String = lines.iter().map(|l| format!("<p>{l}</p>\n")).collect();
        let html = format!(
            "<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>خبر</title></head><body>\
             <nav><a href=\"/\">صفحه اصلی</a></nav><div id=\"main\"><div class=\"news-content\">{body}</div></div>\
             <footer>کلیه حقوق محفوظ است</footer></body></html>"
        );
        out.push(Case { set: "fixtures", label: format!("{k} as_page"), html, truth: lines.iter().map(|s| s.trim().to_string()).collect(), neutral: vec!["خبر".into()], expect: None });
        // clean: the text pipeline's pieces as a real CMS page.
        let a = ex.extract_bytes("sample.txt", text.as_bytes()).expect("sample extracts").article;
        // A page needs a headline: samples whose text has none (2 of 30) are left out here.
        if a.title.is_none() {
            continue;
        }
        let body: Vec<&str> = a.body.as_deref().unwrap_or("").split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        let date_text = a.published_jalali.as_deref().map(|j| persian_digits(&j.replace('-', "/").replace('T', " - ")));
        let news_id = a.news_id.clone().unwrap_or_else(|| format!("{}", 1_000_000 + k));
        for style in STYLES {
            let spec = PageSpec {
                kicker: a.kicker.as_deref(),
                title: a.title.as_deref().unwrap_or(""),
                lead: a.lead.as_deref(),
                paragraphs: body.clone(),
                published: a.published.as_deref(),
                date_text: date_text.as_deref(),
                news_id: Some(&news_id),
                site: "سایت خبری",
                url: Some(URL),
            };
            let mut truth: Vec<String> = a.kicker.iter().chain(a.title.iter()).chain(a.lead.iter()).cloned().collect();
            truth.extend(body.iter().map(|s| s.to_string()));
            let mut neutral = vec![format!("کد خبر: {news_id}"), "تاریخ انتشار:".to_string()];
            neutral.extend(date_text.clone());
            let expect = Some((a.title.clone().unwrap_or_default(), a.body.clone().unwrap_or_default()));
            out.push(Case { set: "clean", label: format!("{k} {style:?}"), html: cms_page(style, &spec), truth, neutral, expect });
        }
    }
    // fixtures: crates/khabar-input/tests/formats.rs `spec` in the three styles.
    const KICKER: &str = "عراقچی پس از دیدار با گروسی:";
    const TITLE: &str = "برای مذاکره آماده‌ایم اما نه زیر فشار و ارعاب";
    const LEAD: &str = "به گزارش خبرگزاری مهر، سید عباس عراقچی وزیر امور خارجه صبح امروز پنجشنبه در تهران با رافائل گروسی مدیرکل آژانس بین‌المللی انرژی اتمی دیدار و درباره همکاری‌های ایران و آژانس گفت‌وگو کرد.";
    const P: [&str; 3] = [
        "گروسی که شامگاه چهارشنبه وارد تهران شده است، در این سفر علاوه بر وزیر امور خارجه با رئیس سازمان انرژی اتمی ایران نیز دیدار و گفت‌وگو خواهد کرد.",
        "عراقچی پس از این دیدار در صفحه شخصی خود نوشت: ایران آماده است بر پایه منافع ملی و حقوق مسلم خود مذاکره کند، اما زیر فشار و ارعاب حاضر به مذاکره نیست.",
        "وزیر امور خارجه افزود: همکاری ایران با آژانس در چارچوب پادمان ادامه دارد و انتظار داریم آژانس نیز رویکردی فنی و غیرسیاسی در پیش بگیرد.",
    ];
    for style in STYLES {
        let spec = PageSpec {
            kicker: Some(KICKER),
            title: TITLE,
            lead: Some(LEAD),
            paragraphs: P.to_vec(),
            published: Some("2024-11-14T12:30:00+03:30"),
            date_text: Some("۲۴ آبان ۱۴۰۳ - ۱۲:۳۰"),
            news_id: Some("6287934"),
            site: "خبرگزاری مهر",
            url: Some("https://www.mehrnews.com/news/6287934/"),
        };
        let truth = [KICKER, TITLE, LEAD].iter().chain(P.iter()).map(|s| s.to_string()).collect();
        let neutral = vec!["کد خبر: 6287934".into(), "تاریخ انتشار: ۲۴ آبان ۱۴۰۳ - ۱۲:۳۰".into()];
        out.push(Case { set: "fixtures", label: format!("formats.rs {style:?}"), html: cms_page(style, &spec), truth, neutral, expect: None });
    }
    out
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\u{200c}')).filter(|w| !w.is_empty()).collect()
}

fn bag(s: &str) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for w in words(s) {
        *m.entry(w).or_default() += 1;
    }
    m
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores of one output against one case.
#[derive(Default, Clone, Copy)]
struct Score {
    /// Output words matched by the truth, output words (neutral ones left out), truth words.
    tp: usize,
    pred: usize,
    truth: usize,
    /// Truth lines not found whole in the output; truth lines.
    lines_lost: usize,
    lines: usize,
    /// Template chrome strings in the output.
    chrome: usize,
    /// Pages with recall < 0.9 (a lost body).
    failed: usize,
    pages: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.truth += o.truth;
        self.lines_lost += o.lines_lost;
        self.lines += o.lines;
        self.chrome += o.chrome;
        self.failed += o.failed;
        self.pages += o.pages;
    }

    fn p(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }

    fn r(&self) -> f64 {
        self.tp as f64 / self.truth.max(1) as f64
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn score(out: &str, truth_lines: &[String], neutral: &[String]) -> Score {
    let truth_text = truth_lines.join("\n");
    let truth = bag(&truth_text);
    let neutral_text = neutral.join("\n");
    let mut neutral_bag = bag(&neutral_text);
    let mut tp = 0;
    let mut pred = 0;
    let mut left = truth.clone();
    for w in words(out) {
        match left.get_mut(w) {
            Some(n) if *n > 0 => {
                *n -= 1;
                tp += 1;
                pred += 1;
            }
            _ => match neutral_bag.get_mut(w) {
                Some(n) if *n > 0 => *n -= 1,
                _ => pred += 1,
            },
        }
    }
    let out_c = collapse(out);
    let lines_lost = truth_lines.iter().filter(|l| !out_c.contains(&collapse(l))).count();
    let chrome = CHROME.iter().filter(|c| out.contains(*c) && !truth_text.contains(*c)).count();
    let total: usize = truth.values().sum();
    Score { tp, pred, truth: total, lines_lost, lines: truth_lines.len(), chrome, failed: usize::from((tp as f64) < 0.9 * total as f64), pages: 1 }
}

/// khabar: the page's text (header lines and content blocks, one a line) and its hints.
fn khabar(html: &str) -> (String, Hints) {
    let page = extract_html(html);
    let hints = Hints { title: page.title, published: page.published, url: page.url, news_id: page.news_id };
    (page.text, hints)
}

/// dom_smoothie with its defaults (Readability.js's candidate selection) but text Formatted
/// (one paragraph a line, which the text pipeline needs).
fn smoothie(html: &str) -> (String, Hints) {
    smoothie_with(html, Config { text_mode: TextMode::Formatted, ..Config::default() })
}

/// dom_smoothie with its own candidate selection (`CandidateSelectMode::DomSmoothie`).
fn smoothie_own(html: &str) -> (String, Hints) {
    smoothie_with(html, Config { text_mode: TextMode::Formatted, candidate_select_mode: CandidateSelectMode::DomSmoothie, ..Config::default() })
}

/// dom_smoothie: its title, then its text, and its metadata as hints. An error (no content
/// found) gives an empty text.
fn smoothie_with(html: &str, config: Config) -> (String, Hints) {
    let parsed = Readability::new(html, Some(URL), Some(config)).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => {
            let text = format!("{}\n\n{}", a.title, a.text_content);
            let hints = Hints { title: Some(a.title).filter(|t| !t.is_empty()), published: a.published_time, url: a.url, news_id: None };
            (text, hints)
        }
        Err(_) => (String::new(), Hints::default()),
    }
}

type Extract = fn(&str) -> (String, Hints);

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let ex = Extractor::new();
    let cases = cases(&ex);
    let systems: [(&str, Extract); 3] = [("khabar", khabar), ("dom_smoothie", smoothie), ("dom_smoothie/own", smoothie_own)];
    println!("content quality (word-level multiset overlap with the true content; chrome = template strings leaked)");
    println!("{:<9} {:<16} {:>5} {:>9} {:>6} {:>6} {:>10} {:>7} {:>10}", "set", "system", "pages", "precision", "recall", "F1", "lines lost", "chrome", "recall<0.9");
    for set in ["bench", "clean", "fixtures"] {
        for (name, f) in systems {
            let mut s = Score::default();
            for c in cases.iter().filter(|c| c.set == set) {
                let out = f(&c.html).0;
                let sc = score(&out, &c.truth, &c.neutral);
                if verbose && (sc.lines_lost > 0 || sc.tp < sc.pred) {
                    let out_c = collapse(&out);
                    for l in c.truth.iter().filter(|l| !out_c.contains(&collapse(l))) {
                        println!("  {name} {set} {}: lost line {l:?}", c.label);
                    }
                    let joined = c.truth.join("\n");
                    let truth = bag(&joined);
                    let extra: Vec<&str> = words(&out).into_iter().filter(|w| !truth.contains_key(w)).collect();
                    if !extra.is_empty() {
                        println!("  {name} {set} {}: words not in the content: {extra:?}", c.label);
                    }
                }
                s.add(sc);
            }
            println!(
                "{set:<9} {name:<16} {:>5} {:>9.3} {:>6.3} {:>6.3} {:>4}/{:<5} {:>7} {:>10}",
                s.pages,
                s.p(),
                s.r(),
                s.f1(),
                s.lines_lost,
                s.lines,
                s.chrome,
                s.failed
            );
        }
    }

    println!("\nend to end on `clean` (each output through khabar's text pipeline, as `khabar process` does with a page)");
    println!("{:<16} {:>5} {:>13} {:>14} {:>14} {:>9}", "system", "pages", "title exact", "body precision", "body recall", "body F1");
    for (name, f) in systems {
        let (mut titles, mut n, mut s) = (0, 0, Score::default());
        for c in cases.iter().filter(|c| c.set == "clean") {
            let (title, body) = c.expect.as_ref().unwrap();
            let (text, hints) = f(&c.html);
            let got = ex.extract_with_hints(URL, text, &hints).map(|e| e.article).ok();
            let got_title = got.as_ref().and_then(|a| a.title.clone()).unwrap_or_default();
            let got_body = got.as_ref().and_then(|a| a.body.clone()).unwrap_or_default();
            titles += usize::from(&got_title == title);
            if verbose && &got_title != title {
                println!("  {name} {}: title {got_title:?}, expected {title:?}", c.label);
            }
            n += 1;
            let lines: Vec<String> = body.split('\n').map(String::from).collect();
            s.add(score(&got_body, &lines, &[]));
        }
        println!("{name:<16} {n:>5} {:>13} {:>14.3} {:>14.3} {:>9.3}", format!("{titles}/{n}"), s.p(), s.r(), s.f1());
    }

    // Speed: the bench's 3,000 pages (sample i % 30 in style i % 3), one thread, best of 3.
    let samples = samples();
    let pages: Vec<String> = (0..3000)
        .map(|i| {
            let (spec, _) = bench_spec(&samples[i % samples.len()].1);
            cms_page(STYLES[i % 3], &spec)
        })
        .collect();
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    println!("\nspeed on one thread: {} bench pages, {mb:.1} MB of HTML (best of 3 runs)", pages.len());
    for (name, f) in systems {
        let mut best = f64::MAX;
        let mut chars = 0usize;
        for _ in 0..3 {
            let t = Instant::now();
            chars = pages.iter().map(|p| f(p).0.len()).sum();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{name:<16} {:>7.0} pages/s ({:.1} MB/s of HTML; {:.1} MB of text out)", pages.len() as f64 / best, mb / best, chars as f64 / 1e6);
    }
}
