//! Fixture builders for tests and benchmarks: HTML pages in the markup styles of Iranian
//! CMSs, WARC records and gzip members. Not needed in production code.

use std::io::Write;

/// Markup styles of major Iranian news CMSs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmsStyle {
    /// Nastooh's News Studio (Mehr, IRNA, ISNA, Tasnim, Hamshahri, Khabaronline...):
    /// `h3.rutitr`, `h1.title`, `p.summary.introtext`, `div.item-text[itemprop=articleBody]`,
    /// `nastooh:*` meta tags, JSON-LD `NewsArticle`.
    NewsStudio,
    /// The table-era "Dornica"-style CMS (Tabnak, Asriran, Entekhab...): `div.rutitr`,
    /// `h1.Htag`, `div.subtitle`, `div.body` with text split by `<br>`, `div.news_nav` with the
    /// code and date, heavy sidebars.
    Dornica,
    /// A WordPress-like theme (many smaller sites): `article > header > h1.entry-title`,
    /// `div.entry-content > p`, OpenGraph and `article:published_time`, related posts, comments.
    WordPress,
}

/// An article to render.
#[derive(Debug, Clone, Default)]
pub struct PageSpec<'a> {
    /// Kicker (روتیتر).
    pub kicker: Option<&'a str>,
    /// Title.
    pub title: &'a str,
    /// Lead.
    pub lead: Option<&'a str>,
    /// Body paragraphs.
    pub paragraphs: Vec<&'a str>,
    /// ISO date for metadata.
    pub published: Option<&'a str>,
    /// The date as the page prints it ("۲۴ آبان ۱۴۰۳ - ۱۲:۳۰"); none printed when `None`.
    pub date_text: Option<&'a str>,
    /// The news code.
    pub news_id: Option<&'a str>,
    /// Site name printed in the chrome.
    pub site: &'a str,
    /// Canonical URL.
    pub url: Option<&'a str>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const MENU: &str = "<ul class=\"menu\"><li><a href=\"/\">صفحه اصلی</a></li><li><a href=\"/politics\">سیاسی</a></li><li><a href=\"/economy\">اقتصادی</a></li><li><a href=\"/sport\">ورزشی</a></li></ul>";
const RELATED: &str = "<ul><li><a href=\"/n/1\">رئیس‌جمهور در سفر استانی از طرح‌های عمرانی بازدید کرد و با مردم گفت‌وگو کرد</a></li><li><a href=\"/n/2\">قیمت دلار و طلا امروز در بازار آزاد تهران کاهش یافت؛ سکه ارزان شد</a></li><li><a href=\"/n/3\">نشست خبری سخنگوی دولت با حضور خبرنگاران رسانه‌های داخلی و خارجی برگزار شد</a></li></ul>";
const COMMENTS: &str = "<div class=\"comments\"><h4>نظرات</h4><p>نظر شما چیست؟ دیدگاه خود را بنویسید، نظرات پس از تأیید منتشر می‌شوند و لطفاً از توهین خودداری کنید.</p><form><textarea></textarea><button>ارسال</button></form></div>";

/// Renders `spec` as a full page in `style`.
pub fn cms_page(style: CmsStyle, spec: &PageSpec<'_>) -> String {
    let title = esc(spec.title);
    let site = esc(spec.site);
    let url = spec.url.unwrap_or("");
    let date = spec.published.unwrap_or("");
    let shown = spec.date_text.unwrap_or("");
    let mut h = String::new();
    match style {
        CmsStyle::NewsStudio => {
            h += &format!("<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{title} - {site}</title>\
                <meta property=\"og:title\" content=\"{title}\"><meta property=\"og:url\" content=\"{url}\">\
                <meta property=\"nastooh:pageType\" content=\"news\"><meta property=\"nastooh:publishDate\" content=\"{date}\">");
            if let Some(id) = spec.news_id {
                h += &format!("<meta property=\"nastooh:nid\" content=\"{id}\">");
            }
            h += &format!("<link rel=\"canonical\" href=\"{url}\"><script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{}\",\"datePublished\":\"{date}\"}}</script>\
                <style>.item-text{{line-height:2}}</style><script>var x = '<p>not text</p>';</script></head><body>\
                <header><div class=\"logo\"><h1><a href=\"/\">{site}</a></h1></div><nav>{MENU}</nav></header>\
                <main><div class=\"container\"><div class=\"col-md-8\"><article class=\"item news-page-article\" itemscope itemtype=\"http://schema.org/NewsArticle\">\
                <div class=\"breadcrumb\"><a href=\"/\">{site}</a> » <a href=\"/politics\">سیاست</a></div>\
                <div class=\"item-header\"><div class=\"item-date\"><span>{shown}</span></div>", spec.title.replace('"', "'"));
            if let Some(k) = spec.kicker {
                h += &format!("<h3 class=\"rutitr\">{}</h3>", esc(k));
            }
            h += &format!("<h1 class=\"title\" itemprop=\"headline\"><a href=\"{url}\">{title}</a></h1>");
            if let Some(l) = spec.lead {
                h += &format!("<p class=\"summary introtext\" itemprop=\"description\">{}</p>", esc(l));
            }
            h += "</div><div class=\"item-body\"><div class=\"item-text\" itemprop=\"articleBody\">";
            for p in &spec.paragraphs {
                h += &format!("<p>{}</p>", esc(p));
            }
            h += "</div></div>";
            if let Some(id) = spec.news_id {
                h += &format!("<div class=\"item-code\"><span>کد خبر {id}</span></div>");
            }
            h += &format!("<section class=\"tags\"><a href=\"/tag/1\">برچسب یک</a><a href=\"/tag/2\">برچسب دو</a></section>\
                <section class=\"box related\"><h2>اخبار مرتبط</h2>{RELATED}</section></article>{COMMENTS}</div>\
                <aside class=\"col-md-4\"><h2>پربازدیدترین</h2>{RELATED}</aside></div></main><footer><p>تمامی حقوق این سایت متعلق به {site} است.</p></footer></body></html>");
        }
        CmsStyle::Dornica => {
            h += &format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>{site} - {title}</title>\
                <meta name=\"description\" content=\"{}\"></head><body><table width=\"100%\"><tr><td class=\"header\">{MENU}</td></tr><tr>\
                <td class=\"right_col\"><div class=\"news_toolbar_c\"><a href=\"/print\">نسخه چاپی</a> <a href=\"/send\">ارسال به دوستان</a></div>\
                <div class=\"news_nav news_id_c\">کد خبر: {}</div><div class=\"news_nav news_pdate_c\">تاریخ انتشار: {shown}</div><div class=\"top_news_title\">",
                esc(spec.lead.unwrap_or("")), spec.news_id.unwrap_or(""));
            if let Some(k) = spec.kicker {
                h += &format!("<div class=\"rutitr\">{}</div>", esc(k));
            }
            h += &format!("<h1 class=\"Htag\">{title}</h1>");
            if let Some(l) = spec.lead {
                h += &format!("<div class=\"subtitle\">{}</div>", esc(l));
            }
            h += "</div><div class=\"body\" style=\"text-align:justify\">";
            h += &spec.paragraphs.iter().map(|p| esc(p)).collect::<Vec<_>>().join("<br><br>\n");
            h += &format!("</div><div class=\"news_tags\">{RELATED}</div>{COMMENTS}</td>\
                <td class=\"left_col\"><div class=\"box\"><div class=\"box_title\">آخرین اخبار</div>{RELATED}{RELATED}</div></td></tr></table>\
                <div class=\"footer\">کلیه حقوق برای {site} محفوظ است</div></body></html>");
        }
        CmsStyle::WordPress => {
            h += &format!("<!doctype html><html dir=\"rtl\" lang=\"fa-IR\"><head><meta charset=\"UTF-8\"><title>{title} | {site}</title>\
                <meta property=\"og:title\" content=\"{title}\"><meta property=\"article:published_time\" content=\"{date}\">\
                <meta property=\"og:url\" content=\"{url}\"></head><body class=\"post-template\"><div id=\"page\"><header id=\"masthead\">{MENU}</header>\
                <div id=\"content\"><div id=\"primary\"><article id=\"post-1\" class=\"post type-post\"><header class=\"entry-header\">\
                <span class=\"cat-links\"><a href=\"/c\">سیاسی</a></span>");
            if let Some(k) = spec.kicker {
                h += &format!("<div class=\"kicker\">{}</div>", esc(k));
            }
            h += &format!("<h1 class=\"entry-title\">{title}</h1><div class=\"entry-meta\"><time datetime=\"{date}\">{shown}</time></div></header><div class=\"entry-content\">");
            if let Some(l) = spec.lead {
                h += &format!("<p><strong>{}</strong></p>", esc(l));
            }
            for p in &spec.paragraphs {
                h += &format!("<p>{}</p>\n", esc(p));
            }
            h += &format!("<div class=\"sharedaddy\"><a href=\"#\">اشتراک‌گذاری</a></div></div></article>\
                <div class=\"related-posts\">{RELATED}</div><div id=\"comments\">{COMMENTS}</div></div>\
                <div id=\"secondary\" class=\"widget-area\">{RELATED}</div></div><footer id=\"colophon\">{site}</footer></div></body></html>");
        }
    }
    h
}

/// A WARC/1.1 record with the given type, target URI, content type and block; WARC-Date is
/// 2024-11-14T09:00:00Z.
pub fn warc_record(ty: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut h = format!("WARC/1.1\r\nWARC-Type: {ty}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nWARC-Date: 2024-11-14T09:00:00Z\r\n", block.len());
    if let Some(u) = uri {
        h += &format!("WARC-Target-URI: {u}\r\n");
    }
    h += &format!("Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", block.len());
    let mut v = h.into_bytes();
    v.extend_from_slice(block);
    v.extend_from_slice(b"\r\n\r\n");
    v
}

/// A WARC `response` record holding an HTTP 200 response with `body`.
pub fn warc_response(uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len()).into_bytes();
    http.extend_from_slice(body);
    warc_record("response", Some(uri), "application/http; msgtype=response", &http)
}

/// `bytes` as one gzip member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("writing to a Vec");
    e.finish().expect("writing to a Vec")
}

/// A fresh, empty directory under the system's temporary directory, removed (with what the
/// test wrote into it) when dropped. Dereferences to its path.
#[derive(Debug)]
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    /// Creates `<tmp>/<prefix>-<process id>`, emptied first if a crashed run left it behind.
    pub fn new(prefix: &str) -> std::io::Result<TempDir> {
        let dir = std::env::temp_dir().join(format!("{prefix}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl std::ops::Deref for TempDir {
    type Target = std::path::PathBuf;
    fn deref(&self) -> &std::path::PathBuf {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
