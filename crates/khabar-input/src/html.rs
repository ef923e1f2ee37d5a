//! HTML pages: charset, metadata and main content.
//!
//! - Charset, in WHATWG order: BOM, the HTTP `Content-Type` charset, `<meta charset>` /
//!   `<meta http-equiv="Content-Type">` in the first 1024 bytes, then khabar's detection
//!   (UTF-8, else `chardetng`, which recognizes Windows-1256).
//! - Metadata: `<title>`, OpenGraph (`og:title`, `og:url`, `article:published_time`), the
//!   `<meta name=...>` tags Iranian CMSs print (`nastooh:publishDate`, `nastooh:nid`,
//!   `dcterms.created`, `dcterms.title`, `pubdate`, ...), `<link rel="canonical">` and JSON-LD
//!   `NewsArticle` (`headline`, `datePublished`, `url`).
//! - Main content: a readability-style scoring of the DOM. The page is cut into text blocks
//!   (block elements; inline elements and links merge into their block; `<br>` splits);
//!   `script`, `style`, `nav`, `aside`, `footer`, `form` and elements whose class or id says
//!   comment, related, share, menu, tags, breadcrumb... are dropped. Each block of 25+ chars
//!   with low link density scores `1 + commas (، ,) + min(len/100, 3)` for its container, its
//!   parent and (half) its grandparent; containers are weighted by class/id (`articleBody`,
//!   `item-text`, `body`, `content`, `news`, ... up; `comment`, `sidebar`, ... down) and by
//!   their link density. The best container's blocks (and its siblings' when they score at
//!   least a quarter as well), plus the headline, kicker (`rutitr`), lead (`summary`,
//!   `introtext`, `subtitle`, `lead`) and date/code lines above it, become the text — one
//!   block per line — that khabar's text pipeline then lays out and cleans of chrome.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use khabar_extract::decode::{DecodeError, Decoded, decode};
use scraper::{Html, Node};

/// What an HTML page yields: its main-content text and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// Kicker, title, lead, date lines and paragraphs of the main content, one block a line.
    pub text: String,
    /// The headline from metadata (`og:title`, JSON-LD `headline`, `dcterms.title`, `<title>`).
    pub title: Option<String>,
    /// The publication date from metadata, as printed there.
    pub published: Option<String>,
    /// The canonical URL (`<link rel="canonical">`, `og:url`, JSON-LD `url`).
    pub url: Option<String>,
    /// The CMS's article code (`nastooh:nid`, `news_id`...).
    pub news_id: Option<String>,
    /// The `lang` attribute of `<html>`.
    pub lang: Option<String>,
    /// The site's name (`og:site_name`, `application-name`, JSON-LD `publisher.name`, or the part of
    /// `<title>` after the headline: "عنوان خبر - خبرگزاری مهر").
    pub site_name: Option<String>,
}

/// Decodes an HTML page: BOM, then the HTTP charset, then `<meta charset>`, then detection.
/// A page declared as a Latin single-byte charset that is valid UTF-8 with non-ASCII text is
/// read as UTF-8 (a frequent mislabelling), with a warning.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded, DecodeError> {
    if Encoding::for_bom(bytes).is_some() {
        return decode(bytes);
    }
    let declared = http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(1024)]));
    let Some(mut enc) = declared else { return decode(bytes) };
    if enc == UTF_16LE || enc == UTF_16BE {
        enc = UTF_8;
    }
    let mut warnings = Vec::new();
    if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() && !is_arabic_legacy(enc) {
        warnings.push(format!("page declared {} but is UTF-8; read as UTF-8", enc.name()));
        enc = UTF_8;
    }
    if enc == UTF_8 && std::str::from_utf8(bytes).is_err() {
        // Declared UTF-8 but is not: let detection decide (it keeps almost-UTF-8 as UTF-8).
        return decode(bytes);
    }
    let mut d = khabar_extract::decode::decode_as(enc, bytes)?;
    warnings.append(&mut d.warnings);
    d.warnings = warnings;
    Ok(d)
}

fn is_arabic_legacy(enc: &'static Encoding) -> bool {
    enc == encoding_rs::WINDOWS_1256 || enc == encoding_rs::ISO_8859_6
}

/// The charset a `<meta>` tag declares in `head` (the WHATWG prescan, simplified).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#).expect("valid regex")
    });
    let head = String::from_utf8_lossy(head);
    let label = RE.captures(&head)?.get(1)?.as_str().to_string();
    Encoding::for_label(label.as_bytes())
}

/// Block-level tags: they end the current text block.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address" | "article" | "blockquote" | "body" | "center" | "dd" | "details" | "dialog" | "div" | "dl" | "dt"
            | "figcaption" | "figure" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hr" | "li" | "main"
            | "ol" | "p" | "pre" | "section" | "table" | "tbody" | "thead" | "tfoot" | "td" | "th" | "tr" | "ul"
            | "html" | "br" | "summary" | "caption"
    )
}

/// Tags whose content is never text of the page. An image's caption ("عراقچی و البوسعیدی در مسقط") describes the
/// photo, not the story, as trafilatura drops it by default.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "noscript" | "template" | "svg" | "iframe" | "head" | "button" | "select" | "option"
            | "textarea" | "input" | "object" | "embed" | "canvas" | "video" | "audio" | "map" | "nav" | "aside"
            | "footer" | "form" | "math" | "figcaption"
    )
}

const NEGATIVE: &[&str] = &[
    "comment", "related", "sidebar", "footer", "share", "social", "breadcrumb", "banner", "advert", "menu", "navbar",
    "widget", "popular", "most-", "mostviewed", "tags", "tag-", "keyword", "copyright", "subscribe", "newsletter",
    "poll", "sponsor", "promo", "cookie", "login", "othernews", "other-news", "latest", "print", "rating", "bottom",
];
const POSITIVE: &[&str] = &["article", "body", "content", "entry", "main", "news", "post", "story", "text", "matn", "detail"];
const KICKER: &[&str] = &["rutitr", "rootitr", "roo-titr", "rotitr", "kicker", "overtitle", "uptitle", "pretitle", "surtitle", "top-title"];
const LEAD: &[&str] = &["summary", "introtext", "subtitle", "lead", "teaser", "intro", "abstract", "lid"];
const META_LINE: &[&str] = &["date", "time", "publish", "news-id", "newsid", "news_id", "code", "news_nav", "source"];

fn class_id(node: &NodeRef<'_, Node>) -> String {
    match node.value() {
        Node::Element(e) => {
            let mut s = String::new();
            for a in ["class", "id", "itemprop"] {
                if let Some(v) = e.attr(a) {
                    s.push_str(&v.to_ascii_lowercase());
                    s.push(' ');
                }
            }
            s
        }
        _ => String::new(),
    }
}

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// One block of text.
#[derive(Debug)]
struct Block {
    text: String,
    link_chars: usize,
    /// The innermost element holding the text, then its ancestors, innermost first.
    ancestors: Vec<NodeId>,
    heading: u8,
    kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Plain,
    Kicker,
    Lead,
    Meta,
}

struct Walker {
    blocks: Vec<Block>,
    cur: String,
    cur_links: usize,
    cur_owner: Vec<NodeId>,
    cur_heading: u8,
    cur_kind: BlockKind,
}

impl Walker {
    fn flush(&mut self) {
        let text = collapse(&self.cur);
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                link_chars: self.cur_links,
                ancestors: self.cur_owner.clone(),
                heading: self.cur_heading,
                kind: self.cur_kind,
            });
        }
        self.cur.clear();
        self.cur_links = 0;
    }

    /// Walks `node`; `stack` holds the element ids from the root down to `node`'s parent.
    fn walk(&mut self, node: NodeRef<'_, Node>, stack: &mut Vec<NodeId>, in_link: bool, heading: u8, kind: BlockKind) {
        match node.value() {
            Node::Text(t) => {
                if self.cur.is_empty() {
                    self.cur_owner = stack.iter().rev().copied().collect();
                    self.cur_heading = heading;
                    self.cur_kind = kind;
                }
                self.cur.push_str(t);
                if in_link {
                    self.cur_links += t.chars().filter(|c| !c.is_whitespace()).count();
                }
            }
            Node::Element(e) => {
                let tag = e.name();
                if is_skipped(tag) {
                    return;
                }
                let ci = class_id(&node);
                if !ci.is_empty() && has_any(&ci, NEGATIVE) && !ci.contains("articlebody") {
                    return;
                }
                let block = is_block(tag);
                if block {
                    self.flush();
                }
                if tag == "br" || tag == "hr" {
                    return;
                }
                let heading = match tag.as_bytes() {
                    [b'h', d @ b'1'..=b'6'] => d - b'0',
                    _ => heading,
                };
                let kind = if kind != BlockKind::Plain || ci.is_empty() {
                    kind
                } else if has_any(&ci, KICKER) {
                    BlockKind::Kicker
                } else if has_any(&ci, LEAD) {
                    BlockKind::Lead
                } else if has_any(&ci, META_LINE) && !has_any(&ci, &["text", "body", "content"]) {
                    BlockKind::Meta
                } else {
                    kind
                };
                stack.push(node.id());
                for c in node.children() {
                    self.walk(c, stack, in_link || tag == "a", heading, kind);
                }
                stack.pop();
                if block {
                    self.flush();
                }
            }
            Node::Document | Node::Fragment => {
                for c in node.children() {
                    self.walk(c, stack, in_link, heading, kind);
                }
            }
            _ => {}
        }
    }
}

/// Collapses white space (keeping ZWNJ) and trims.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Extracts main content and metadata from a decoded page.
pub fn extract_html(html: &str) -> HtmlPage {
    let doc = Html::parse_document(html);
    let mut page = HtmlPage::default();
    read_metadata(&doc, &mut page);

    let mut w = Walker { blocks: Vec::new(), cur: String::new(), cur_links: 0, cur_owner: Vec::new(), cur_heading: 0, cur_kind: BlockKind::Plain };
    let root = doc.tree.root();
    w.walk(root, &mut Vec::new(), false, 0, BlockKind::Plain);
    w.flush();
    let blocks = w.blocks;

    // Score containers.
    let mut score: HashMap<NodeId, f64> = HashMap::new();
    let mut chars: HashMap<NodeId, (usize, usize)> = HashMap::new();
    for b in &blocks {
        let n = b.text.chars().count();
        for a in &b.ancestors {
            let e = chars.entry(*a).or_default();
            e.0 += n;
            e.1 += b.link_chars;
        }
        if n < 25 || b.link_chars * 2 > n || b.heading > 0 {
            continue;
        }
        let s = 1.0 + b.text.matches(['،', ',']).count() as f64 + (n as f64 / 100.0).min(3.0);
        let owner_is_container = b.ancestors.first().and_then(|id| doc.tree.get(*id)).is_some_and(|nd| {
            matches!(nd.value(), Node::Element(e) if matches!(e.name(), "div" | "section" | "article" | "td" | "main"))
        });
        let mut targets: Vec<(NodeId, f64)> = Vec::new();
        let skip = usize::from(!owner_is_container);
        for (k, a) in b.ancestors.iter().skip(skip).take(3).enumerate() {
            targets.push((*a, if k < 2 { s } else { s / 2.0 }));
        }
        for (a, s) in targets {
            *score.entry(a).or_insert_with(|| initial_weight(&doc, a)) += s;
        }
    }
    let density = |id: &NodeId| chars.get(id).map_or(0.0, |&(n, l)| if n == 0 { 0.0 } else { l as f64 / n as f64 });
    let best = score
        .iter()
        .map(|(id, s)| (*id, s * (1.0 - density(id))))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));

    let mut keep = vec![false; blocks.len()];
    match best {
        Some((top, top_score)) if top_score > 0.0 => {
            let mut roots = vec![top];
            if let Some(parent) = doc.tree.get(top).and_then(|n| n.parent()) {
                for sib in parent.children() {
                    if sib.id() != top && score.get(&sib.id()).is_some_and(|s| s * (1.0 - density(&sib.id())) >= top_score * 0.25) {
                        roots.push(sib.id());
                    }
                }
            }
            let first_content = blocks.iter().position(|b| b.ancestors.iter().any(|a| roots.contains(a)));
            for (i, b) in blocks.iter().enumerate() {
                let n = b.text.chars().count();
                let inside = b.ancestors.iter().any(|a| roots.contains(a));
                if inside && (b.link_chars * 2 <= n || b.heading > 0) {
                    keep[i] = true;
                }
                // The header above the content: headline, kicker, lead, date and code lines.
                if !inside && first_content.is_some_and(|f| i < f) {
                    let header = b.heading == 1 || matches!(b.kind, BlockKind::Kicker | BlockKind::Lead | BlockKind::Meta);
                    if header && (b.heading > 0 || b.link_chars * 2 <= n) && n <= 600 {
                        keep[i] = true;
                    }
                }
            }
            // Only the last h1 before the content (a site logo is often an h1 too).
            let h1s: Vec<usize> = (0..blocks.len())
                .filter(|&i| keep[i] && blocks[i].heading == 1 && first_content.is_some_and(|f| i < f))
                .collect();
            for &i in h1s.iter().rev().skip(1) {
                keep[i] = false;
            }
        }
        _ => {
            for (i, b) in blocks.iter().enumerate() {
                keep[i] = b.link_chars * 2 <= b.text.chars().count();
            }
        }
    }
    let mut lines: Vec<&str> = blocks.iter().zip(&keep).filter(|(_, k)| **k).map(|(b, _)| b.text.as_str()).collect();
    let has_h1 = blocks.iter().zip(&keep).any(|(b, k)| *k && b.heading == 1);
    if !has_h1 && let Some(t) = page.title.as_deref() && !lines.iter().any(|l| l.contains(t)) {
        // No headline in the body: the metadata title heads the text.
        let at = lines.iter().position(|l| blocks.iter().any(|b| b.text == *l && b.kind == BlockKind::Plain)).unwrap_or(0);
        lines.insert(at, t);
    }
    page.text = lines.join("\n\n");
    page
}

fn initial_weight(doc: &Html, id: NodeId) -> f64 {
    let Some(node) = doc.tree.get(id) else { return 0.0 };
    let ci = class_id(&node);
    let mut w = match node.value() {
        Node::Element(e) => match e.name() {
            "article" | "main" => 10.0,
            "div" | "section" => 5.0,
            "td" | "blockquote" => 3.0,
            "body" | "html" => -10.0,
            "li" | "ol" | "ul" | "form" => -3.0,
            _ => 0.0,
        },
        _ => 0.0,
    };
    if ci.contains("articlebody") {
        w += 50.0;
    }
    if has_any(&ci, POSITIVE) {
        w += 25.0;
    }
    if has_any(&ci, NEGATIVE) {
        w -= 25.0;
    }
    w
}

fn read_metadata(doc: &Html, page: &mut HtmlPage) {
    let mut metas: HashMap<String, String> = HashMap::new();
    let mut title_tag = None;
    let mut canonical = None;
    let mut ld_json: Vec<String> = Vec::new();
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else { continue };
        match e.name() {
            "html" => page.lang = e.attr("lang").map(str::to_string),
            "meta" => {
                let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, e.attr("content").or_else(|| e.attr("datetime"))) {
                    metas.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| collapse(v));
                }
            }
            "title" if title_tag.is_none() => {
                let t: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
                title_tag = Some(collapse(&t));
            }
            "link" if e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                canonical = canonical.or(e.attr("href").map(str::to_string));
            }
            "script" if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                ld_json.push(node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect());
            }
            "time" if !metas.contains_key("time") => {
                if let Some(v) = e.attr("datetime") {
                    metas.insert("time".into(), v.to_string());
                }
            }
            _ => {}
        }
    }
    let mut ld = LdArticle::default();
    for s in &ld_json {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(s) {
            find_article(&v, &mut ld, 0);
        }
    }
    let get = |keys: &[&str]| keys.iter().find_map(|k| metas.get(*k).filter(|v| !v.is_empty()).cloned());
    page.title = get(&["og:title", "twitter:title", "dcterms.title", "dc.title", "headline"])
        .or(ld.headline)
        .or_else(|| title_tag.as_deref().filter(|t| !t.is_empty()).map(strip_site_name));
    page.published = ld.published.or_else(|| {
        get(&[
            "article:published_time",
            "og:article:published_time",
            "nastooh:publishdate",
            "datepublished",
            "dcterms.created",
            "dc.date.issued",
            "dc.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "date",
            "sailthru.date",
            "parsely-pub-date",
            "time",
        ])
    });
    page.url = canonical.or_else(|| get(&["og:url"])).or(ld.url).filter(|u| u.starts_with("http"));
    page.news_id = get(&["nastooh:nid", "news_id", "newsid", "articleid", "article:id"]);
    page.site_name = get(&["og:site_name", "application-name", "twitter:site"])
        .or(ld.publisher)
        .or_else(|| title_tag.as_deref().and_then(title_site_name));
}

/// The site's name in a `<title>`: the shorter side of its last separator ("عنوان خبر - خبرگزاری مهر" →
/// "خبرگزاری مهر"), when that side is at most four words.
fn title_site_name(t: &str) -> Option<String> {
    for sep in [" | ", " - ", " – ", " :: "] {
        if let Some((a, b)) = t.rsplit_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            let side = if b.chars().count() <= a.chars().count() { b } else { a };
            return (!side.is_empty() && side.split_whitespace().count() <= 4).then(|| side.to_string());
        }
    }
    None
}

/// A `<title>` without the site name ("عنوان خبر - خبرگزاری مهر" → "عنوان خبر").
fn strip_site_name(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " :: "] {
        if t.contains(sep) {
            return t.split(sep).max_by_key(|p| p.chars().count()).unwrap_or(t).trim().to_string();
        }
    }
    t.to_string()
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
}

fn find_article(v: &serde_json::Value, out: &mut LdArticle, depth: usize) {
    if depth > 8 || out.published.is_some() && out.headline.is_some() {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| find_article(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            let ty = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report";
            let is_article = match o.get("@type") {
                Some(serde_json::Value::String(t)) => ty(t),
                Some(serde_json::Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(ty)),
                _ => false,
            };
            if is_article {
                let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(collapse).filter(|x| !x.is_empty());
                out.headline = out.headline.take().or_else(|| s("headline"));
                out.published = out.published.take().or_else(|| s("datePublished")).or_else(|| s("dateCreated"));
                out.publisher = out.publisher.take().or_else(|| {
                    o.get("publisher").and_then(|p| p.get("name")?.as_str()).map(collapse).filter(|x| !x.is_empty())
                });
                out.url = out.url.take().or_else(|| s("url")).or_else(|| {
                    o.get("mainEntityOfPage").and_then(|m| m.as_str().or_else(|| m.get("@id")?.as_str())).map(str::to_string)
                });
            }
            if let Some(g) = o.get("@graph") {
                find_article(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// True when the first bytes of `bytes` look like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !t.starts_with('<') {
        return false;
    }
    if ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article"].iter().any(|m| t.contains(m)) {
        return true;
    }
    // A fragment ("<p>...</p>" lines) is HTML when its tags run through it; a scraped text file with a stray
    // "<p>" on its first line and bare lines after is text, whose lines are its paragraphs.
    if !["<div", "<p>", "<p ", "<!--"].iter().any(|m| t.contains(m)) {
        return false;
    }
    let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let tagged = lines.iter().filter(|l| l.contains('<')).count();
    tagged * 3 >= lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_order() {
        let page = "<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><p>سلام دنيا</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
        let d = decode_html(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert!(d.text.contains("سلام"));
        // The HTTP header wins over the meta tag.
        let d = decode_html(&bytes, Some("windows-1256")).unwrap();
        assert!(d.text.contains("سلام"));
        // Declared Latin but UTF-8: read as UTF-8.
        let utf8 = page.replace("windows-1256", "iso-8859-1");
        let d = decode_html(utf8.as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("سلام") && !d.warnings.is_empty());
        // No declaration: detection.
        let plain = "<html><body><p>سخنگوي دولت گفت: نشست هفتگي دولت امروز برگزار شد و همكاري ادامه دارد.</p></body></html>";
        let d = decode_html(&encoding_rs::WINDOWS_1256.encode(plain).0, None).unwrap();
        assert_eq!(d.encoding, "windows-1256");
    }

    #[test]
    fn metadata_and_json_ld() {
        let p = extract_html(
            r#"<html lang="fa"><head><title>عنوان - سایت</title>
            <meta property="og:title" content="عنوان از اوپن گراف">
            <link rel="canonical" href="https://www.mehrnews.com/news/6287934/x">
            <meta property="nastooh:nid" content="6287934">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"h","datePublished":"2024-11-14T12:30:00+03:30"}]}</script>
            </head><body><p>متن</p></body></html>"#,
        );
        assert_eq!(p.title.as_deref(), Some("عنوان از اوپن گراف"));
        assert_eq!(p.published.as_deref(), Some("2024-11-14T12:30:00+03:30"));
        assert_eq!(p.url.as_deref(), Some("https://www.mehrnews.com/news/6287934/x"));
        assert_eq!(p.news_id.as_deref(), Some("6287934"));
        assert_eq!(p.lang.as_deref(), Some("fa"));
        assert_eq!(strip_site_name("عنوان خبر مهم - خبرگزاری"), "عنوان خبر مهم");
    }

    #[test]
    fn site_name() {
        let page = |head: &str| extract_html(&format!("<html><head>{head}</head><body><p>متن</p></body></html>")).site_name;
        assert_eq!(page(r#"<meta property="og:site_name" content="خبرگزاری ایسنا">"#).as_deref(), Some("خبرگزاری ایسنا"));
        assert_eq!(page("<title>همتی: نرخ ارز کاهش می‌یابد - خبرگزاری مهر</title>").as_deref(), Some("خبرگزاری مهر"));
        assert_eq!(
            page(r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"ایرنا"}}</script>"#)
                .as_deref(),
            Some("ایرنا")
        );
        // A title without a separator, or whose short side is long, names no site.
        assert_eq!(page("<title>همتی: نرخ ارز کاهش می‌یابد</title>"), None);
    }

    #[test]
    fn an_image_caption_is_no_paragraph() {
        let p = extract_html(
            "<html><body><article><h1>عراقچی با وزیر خارجه عمان دیدار کرد</h1><div class=\"body\">\
             <p>به گزارش همشهری آنلاین، عراقچی در این دیدار از تلاش‌های عمان قدردانی کرد.</p>\
             <figure><img src=\"x.jpg\"><figcaption>عراقچی و البوسعیدی در مسقط</figcaption></figure>\
             <p>وزیر خارجه عمان نیز گفت: عمان به نقش سازنده خود ادامه می‌دهد.</p></div></article></body></html>",
        );
        assert!(p.text.contains("قدردانی کرد") && p.text.contains("ادامه می‌دهد"), "{}", p.text);
        assert!(!p.text.contains("البوسعیدی در مسقط"), "{}", p.text);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<div class=x><p>hi</p></div>"));
        assert!(!looks_like_html("به گزارش ایرنا <b>".as_bytes()));
        // A fragment's tags run through it; a scraped text with a stray tag on its first line is text.
        assert!(looks_like_html("<p>عنوان</p>\n<p>متن خبر</p>\n<p>ادامه</p>".as_bytes()));
        assert!(looks_like_html("<p>\nمتن خبر\n</p>".as_bytes()));
        assert!(!looks_like_html("<p>\nعنوان خبر\n\nبه گزارش ایرنا، متن\n\nادامه متن\nتاریخ\n".as_bytes()));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            if let Ok(d) = decode_html(&bytes, None) {
                let _ = extract_html(&d.text);
            }
        }

        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<div class=\"item-text\">", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<h1>", "</h1>", "<br>",
            "متن خبر، با ویرگول، ", "<script>", "</script>", "<!--", "-->", "<meta charset=utf-8>", "&amp;", "<",
        ]), 0..40)) {
            let _ = extract_html(&parts.concat());
        }
    }
}
