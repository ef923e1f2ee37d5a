//! Every input format through `to_article`, on fixtures written here: HTML pages in the
//! markup of Iranian CMSs, WARC files, JSON Lines, a directory mixing them, bad records.

use khabar_extract::Extractor;
use khabar_input::testkit::{CmsStyle, PageSpec, TempDir, cms_page, gzip, warc_record, warc_response};
use khabar_input::{Format, Input, Options, expand, read_input, to_article};

const KICKER: &str = "عراقچی پس از دیدار با گروسی:";
const TITLE: &str = "برای مذاکره آماده‌ایم اما نه زیر فشار و ارعاب";
const LEAD: &str = "به گزارش خبرگزاری مهر، سید عباس عراقچی وزیر امور خارجه صبح امروز پنجشنبه در تهران با رافائل گروسی مدیرکل آژانس بین‌المللی انرژی اتمی دیدار و درباره همکاری‌های ایران و آژانس گفت‌وگو کرد.";
const P1: &str = "گروسی که شامگاه چهارشنبه وارد تهران شده است، در این سفر علاوه بر وزیر امور خارجه با رئیس سازمان انرژی اتمی ایران نیز دیدار و گفت‌وگو خواهد کرد.";
const P2: &str = "عراقچی پس از این دیدار در صفحه شخصی خود نوشت: ایران آماده است بر پایه منافع ملی و حقوق مسلم خود مذاکره کند، اما زیر فشار و ارعاب حاضر به مذاکره نیست.";
const P3: &str = "وزیر امور خارجه افزود: همکاری ایران با آژانس در چارچوب پادمان ادامه دارد و انتظار داریم آژانس نیز رویکردی فنی و غیرسیاسی در پیش بگیرد.";

fn spec(site: &str, url: &str) -> PageSpec<'static> {
    PageSpec {
        kicker: Some(KICKER),
        title: TITLE,
        lead: Some(LEAD),
        paragraphs: vec![P1, P2, P3],
        published: Some("2024-11-14T12:30:00+03:30"),
        date_text: Some("۲۴ آبان ۱۴۰۳ - ۱۲:۳۰"),
        news_id: Some("6287934"),
        site: Box::leak(site.to_string().into_boxed_str()),
        url: Some(Box::leak(url.to_string().into_boxed_str())),
    }
}

fn tmpdir(name: &str) -> TempDir {
    TempDir::new(&format!("khabar-input-{name}")).unwrap()
}

fn docs(path: &std::path::Path, opts: &Options) -> Vec<Result<khabar_input::Document, khabar_input::InputError>> {
    read_input(&Input::File(path.to_path_buf()), opts).collect()
}

#[test]
fn cms_pages_give_clean_articles() {
    let ex = Extractor::new();
    let opts = Options::default();
    let dir = tmpdir("cms");
    for style in [CmsStyle::NewsStudio, CmsStyle::Dornica, CmsStyle::WordPress] {
        let page = cms_page(style, &spec("خبرگزاری مهر", "https://www.mehrnews.com/news/6287934/"));
        let path = dir.join(format!("{style:?}.html"));
        std::fs::write(&path, &page).unwrap();
        let got = docs(&path, &opts);
        assert_eq!(got.len(), 1);
        let doc = got.into_iter().next().unwrap().unwrap();
        assert!(doc.html && doc.format == Format::Html);
        let a = to_article(&ex, &doc, &opts).unwrap().article;
        let ctx = format!("{style:?}: {}", a.text);
        assert_eq!(a.title.as_deref(), Some(TITLE), "{ctx}");
        assert_eq!(a.kicker.as_deref(), Some(KICKER), "{ctx}");
        assert!(a.lead.as_deref().unwrap().starts_with("به گزارش خبرگزاری مهر"), "{ctx}");
        assert!(a.body.as_deref().unwrap().ends_with("در پیش بگیرد."), "{ctx}");
        for chrome in ["صفحه اصلی", "نظرات", "قیمت دلار", "برچسب", "تمامی حقوق", "کلیه حقوق", "آخرین اخبار", "نسخه چاپی"] {
            assert!(!a.text.contains(chrome), "{ctx}: chrome {chrome}");
        }
        assert_eq!(a.agency.as_ref().unwrap().id, "mehr", "{ctx}");
        assert_eq!(a.published_jalali.as_deref(), Some("1403-08-24T12:30"), "{ctx}");
        assert_eq!(a.language.as_deref(), Some("fa"));
        assert_eq!(a.format.as_deref(), Some("html"));
        if style != CmsStyle::Dornica {
            assert_eq!(a.url.as_deref(), Some("https://www.mehrnews.com/news/6287934/"), "{ctx}");
        }
        if style != CmsStyle::WordPress {
            assert_eq!(a.news_id.as_deref(), Some("6287934"), "{ctx}");
        }
    }
}

#[test]
fn url_names_the_outlet_and_metadata_fills_dates() {
    let ex = Extractor::new();
    let opts = Options::default();
    // No agency line in the text: the URL's domain names the outlet.
    let mut s = spec("ایسنا", "https://www.isna.ir/news/1403082415/");
    s.lead = Some("سید عباس عراقچی وزیر امور خارجه صبح امروز پنجشنبه در تهران با رافائل گروسی مدیرکل آژانس بین‌المللی انرژی اتمی دیدار کرد.");
    s.published = Some("2024-11-14T09:00:00Z");
    s.date_text = None;
    let page = cms_page(CmsStyle::WordPress, &s);
    let dir = tmpdir("url");
    let path = dir.join("page.htm");
    std::fs::write(&path, page).unwrap();
    let doc = docs(&path, &opts).remove(0).unwrap();
    let a = to_article(&ex, &doc, &opts).unwrap().article;
    assert_eq!(a.agency.unwrap().id, "isna");
    assert_eq!(a.source, "https://www.isna.ir/news/1403082415/");
    assert_eq!(a.published.as_deref(), Some("2024-11-14T12:30:00+03:30"));
}

#[test]
fn windows_1256_page_declared_in_meta() {
    let ex = Extractor::new();
    let opts = Options::default();
    let page = cms_page(CmsStyle::Dornica, &spec("تابناک", "https://www.tabnak.ir/fa/news/1"))
        .replace("charset=utf-8", "charset=windows-1256")
        .replace(['ی'], "ي")
        .replace(['ک'], "ك")
        .replace('\u{200c}', " ")
        .chars()
        .map(|c| if ('۰'..='۹').contains(&c) { char::from(b'0' + (c as u32 - '۰' as u32) as u8) } else { c })
        .collect::<String>();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&page);
    assert!(!unmappable);
    let dir = tmpdir("cp1256");
    let path = dir.join("page");
    std::fs::write(&path, &bytes).unwrap();
    let doc = docs(&path, &opts).remove(0).unwrap();
    let a = to_article(&ex, &doc, &opts).unwrap().article;
    assert_eq!(a.encoding, "windows-1256");
    assert!(a.title.as_deref().unwrap().contains("مذاکره آماده"), "{a:?}");
}

#[test]
fn warc_jsonl_and_mixed_directory_with_bad_records() {
    let ex = Extractor::new();
    let opts = Options::default();
    let dir = tmpdir("mixed");
    let page = cms_page(CmsStyle::NewsStudio, &spec("خبرگزاری مهر", "https://www.mehrnews.com/news/6287934/"));
    let good = warc_response("https://www.mehrnews.com/news/6287934/", "text/html; charset=UTF-8", page.as_bytes());
    let broken = warc_record("response", Some("https://x.ir/2"), "application/http; msgtype=response", b"HTTP/1.1 abc\r\n");
    let arabic = warc_response(
        "https://arabic.example/1",
        "text/html",
        "<html><body><div class=\"content\"><p>قال وزير الخارجية الإيراني في مؤتمر صحفي إن بلاده مستعدة للتفاوض ولكن ليس تحت الضغط، وأضاف أن التعاون مع الوكالة مستمر في إطار الضمانات.</p></div></body></html>".as_bytes(),
    );
    // No extension: detected by content.
    std::fs::write(dir.join("a-crawl"), [good.clone(), broken.clone(), arabic.clone()].concat()).unwrap();
    let g = gzip(&good);
    std::fs::write(dir.join("b.warc.gz"), [g.clone(), g[..g.len() / 3].to_vec(), g.clone()].concat()).unwrap();
    let line = serde_json::json!({"text": format!("{TITLE}\n\n{LEAD}\n\n{P1}"), "url": "https://www.mehrnews.com/x", "date": "2024-11-14"});
    std::fs::write(dir.join("c.jsonl"), format!("{line}\n{{oops\n{line}\n")).unwrap();
    std::fs::write(dir.join("d.html"), &page).unwrap();
    std::fs::write(dir.join("e.txt"), format!("{TITLE}\n{LEAD}\n{P1}\n")).unwrap();

    let (mut ok, mut bad, mut skipped) = (Vec::new(), Vec::new(), Vec::new());
    for input in expand(&[dir.clone()]) {
        for d in read_input(&input.unwrap(), &opts) {
            match d {
                Err(e) => bad.push(e.to_string()),
                Ok(doc) => match to_article(&ex, &doc, &opts) {
                    Ok(a) => ok.push((doc.location(), a.article)),
                    Err(e) if e.is_skip() => skipped.push(format!("{}: {e}", doc.location())),
                    Err(e) => bad.push(format!("{}: {e}", doc.location())),
                },
            }
        }
    }
    let locs: Vec<&str> = ok.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(ok.len(), 7, "{locs:?} {bad:?}");
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(bad[0].contains("a-crawl: offset") && bad[0].contains("HTTP"), "{bad:?}");
    assert!(bad[1].contains(&format!("b.warc.gz: offset {}", g.len())) && bad[1].contains("gzip"), "{bad:?}");
    assert!(bad[2].contains("c.jsonl: line 2"), "{bad:?}");
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].contains("Arabic (ar)"), "{skipped:?}");
    let warc = &ok[0].1;
    assert_eq!(warc.format.as_deref(), Some("warc"));
    assert_eq!(warc.captured.as_deref(), Some("2024-11-14T09:00:00Z"));
    assert_eq!(warc.title.as_deref(), Some(TITLE));
    let jl = ok.iter().find(|(l, _)| l.ends_with("c.jsonl:3")).unwrap();
    assert_eq!(jl.1.published.as_deref(), Some("2024-11-14"));
    assert_eq!(jl.1.url.as_deref(), Some("https://www.mehrnews.com/x"));

    // --lang ar: the Arabic page is processed, the Persian ones skipped.
    let ar = Options { langs: vec!["ar".into()], ..Options::default() };
    let docs: Vec<_> = read_input(&Input::File(dir.join("a-crawl")), &ar).filter_map(Result::ok).collect();
    let langs: Vec<String> = docs.iter().map(|d| match to_article(&ex, d, &ar) {
        Ok(a) => a.article.language.unwrap(),
        Err(e) => e.to_string(),
    }).collect();
    assert!(langs[0].contains("skipped: language Persian") && langs[1] == "ar", "{langs:?}");
}

#[test]
fn garbage_html_is_an_error_not_a_panic() {
    let ex = Extractor::new();
    let opts = Options::default();
    let dir = tmpdir("garbage");
    for (i, g) in ["<html><body><script>var a=1;</script></body></html>", "<html><<<>>><div><p></p>", "<html>\u{0}\u{1}\u{2}</html>"].iter().enumerate() {
        let p = dir.join(format!("{i}.html"));
        std::fs::write(&p, g).unwrap();
        for d in docs(&p, &opts) {
            if let Ok(d) = d {
                assert!(to_article(&ex, &d, &opts).is_err());
            }
        }
    }
}


#[test]
fn the_pages_headline_is_the_title_whatever_the_kicker_and_title_lengths() {
    // A kicker longer than the headline, and one of the same length: the page's og:title says which is which.
    let ex = Extractor::new();
    let opts = Options::default();
    let dir = tmpdir("titled");
    for kicker in [
        "وزیر امور اقتصادی و دارایی در نشست خبری با اصحاب رسانه در تهران مطرح کرد",
        "در نشست خبری هفتگی مطرح شد",
    ] {
        let title = "همتی: نرخ ارز کاهش می‌یابد";
        let mut s = spec("خبرگزاری ایلنا", "https://www.ilna.ir/news/1587234/");
        s.kicker = Some(kicker);
        s.title = title;
        for style in [CmsStyle::NewsStudio, CmsStyle::WordPress] {
            let path = dir.join(format!("{style:?}.html"));
            std::fs::write(&path, cms_page(style, &s)).unwrap();
            let doc = docs(&path, &opts).into_iter().next().unwrap().unwrap();
            let a = to_article(&ex, &doc, &opts).unwrap().article;
            let ctx = format!("{style:?}: {}", a.text);
            assert_eq!(a.title.as_deref(), Some(title), "{ctx}");
            assert_eq!(a.kicker.as_deref(), Some(kicker), "{ctx}");
            assert!(a.lead.as_deref().unwrap().starts_with("به گزارش خبرگزاری مهر"), "{ctx}");
        }
    }
}
