//! End-to-end: the web UI in headless Chromium, driven through ChromeDriver (WebDriver over
//! HTTP): search, open an article, check that entities and quote speakers are highlighted and
//! that a hostile article's markup stays text. Saves screenshots under target/screenshots/.
//!
//! Needs Debian's `chromium` and `chromium-driver` (installed by `.ci/run`). Without them the
//! test fails under CI (`CI` set) and is skipped with a message elsewhere.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{enc, request, sample_archive, serve};
use serde_json::{Value, json};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    addr: String,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = request(&self.addr, "DELETE", &format!("/session/{}", self.session), &[], b"");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn call(addr: &str, method: &str, path: &str, body: Option<Value>) -> Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let r = request(addr, method, path, &[("Content-Type", "application/json")], body.as_bytes());
    let v = r.json();
    assert!(r.status == 200, "WebDriver {method} {path}: {} {v}", r.status);
    v["value"].clone()
}

impl Driver {
    fn start(chromedriver: &Path, chromium: &Path) -> Driver {
        let port = free_port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("chromium-{}", std::process::id()));
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1400", format!("--user-data-dir={}", profile.display())]}}}});
        let mut driver = Driver { child, addr, session: String::new() };
        let v = call(&driver.addr, "POST", "/session", Some(caps));
        driver.session = v["sessionId"].as_str().expect("a session id").to_string();
        driver
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        call(&self.addr, method, &format!("/session/{}{path}", self.session), body)
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({"url": url})));
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.cmd("POST", "/elements", Some(json!({"using": "css selector", "value": css})));
        v.as_array().unwrap().iter().map(|e| e[ELEMENT].as_str().unwrap().to_string()).collect()
    }

    /// Waits (up to 15 s) for at least one element matching `css`.
    fn wait_for(&self, css: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let found = self.find_all(css);
            if !found.is_empty() {
                return found;
            }
            assert!(Instant::now() < deadline, "nothing matches {css:?}; page text: {}", self.script("return document.body.innerText"));
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, el: &str) {
        self.cmd("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn type_into(&self, el: &str, text: &str) {
        self.cmd("POST", &format!("/element/{el}/value"), Some(json!({"text": text})));
    }

    fn text(&self, el: &str) -> String {
        self.cmd("GET", &format!("/element/{el}/text"), None).as_str().unwrap_or_default().to_string()
    }

    fn script(&self, js: &str) -> Value {
        self.cmd("POST", "/execute/sync", Some(json!({"script": js, "args": []})))
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let b64 = self.cmd("GET", "/screenshot", None);
        let png = base64_decode(b64.as_str().unwrap());
        assert_eq!(&png[1..4], b"PNG");
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let bytes: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c) << (18 - 6 * i);
        }
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

fn which(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

#[test]
fn search_open_an_article_and_see_its_people_and_speakers() {
    let (Some(chromedriver), Some(chromium)) =
        (which(&["/usr/bin/chromedriver"]), which(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]))
    else {
        assert!(std::env::var_os("CI").is_none(), "CI must run the browser test: install chromium and chromium-driver");
        eprintln!("skipped: Chromium or ChromeDriver is not installed (apt-get install chromium chromium-driver)");
        return;
    };
    let server = serve(sample_archive());
    let d = Driver::start(&chromedriver, &chromium);

    // Search from the box in the header.
    d.goto(&server.url);
    let q = d.wait_for("#q").remove(0);
    d.type_into(&q, "گروسی");
    let button = d.find_all("#search-form button").remove(0);
    d.click(&button);
    let hits = d.wait_for("#results article.hit");
    assert!(hits.len() >= 2, "{} hits", hits.len());
    let marks = d.find_all("#results mark.hit");
    assert!(!marks.is_empty() && marks.iter().all(|m| d.text(m) == "گروسی"));
    d.wait_for("#facets .facet");
    d.screenshot("search.png");

    // Open the first hit: a copy of the story of Araghchi meeting Grossi.
    let link = d.find_all("#results article.hit h3 a").remove(0);
    d.click(&link);
    d.wait_for("#article-text a.ent");
    let persons: Vec<String> = d.find_all("#article-text a.ent.person").iter().map(|e| d.text(e)).collect();
    assert!(persons.iter().any(|p| p.contains("عراقچی")), "{persons:?}");
    assert!(persons.iter().any(|p| p.contains("گروسی")), "{persons:?}");
    assert!(!d.find_all("#article-text a.ent.org").is_empty());
    assert!(!d.find_all("#article-text a.ent.location").is_empty());
    // Highlighted: the person class has a background colour (the stylesheet loaded).
    let bg = d.script("return getComputedStyle(document.querySelector('#article-text a.ent.person')).backgroundColor");
    assert_ne!(bg, json!("rgba(0, 0, 0, 0)"));
    // Quotes are marked, each with its speaker; Araghchi's carry his English name.
    let speakers: Vec<String> = d.find_all("#article-text .speaker").iter().map(|e| d.text(e)).collect();
    assert!(speakers.iter().any(|s| s.contains("Abbas Araghchi")), "{speakers:?}");
    assert!(!d.find_all("#article-text .quote").is_empty());
    // The English name beside each Persian one in the entity list.
    let listed = d.find_all("#entities li").iter().map(|e| d.text(e)).collect::<Vec<_>>().join("\n");
    assert!(listed.contains("Rafael Grossi") && listed.contains("Abbas Araghchi"), "{listed}");
    // Right to left, in Vazirmatn.
    assert_eq!(d.script("return getComputedStyle(document.querySelector('#article-text')).direction"), json!("rtl"));
    let font = d.script("return document.fonts.check('16px Vazirmatn') && [...document.fonts].some(f => f.family.includes('Vazirmatn') && f.status === 'loaded')");
    assert_eq!(font, json!(true));
    let shot = d.screenshot("article.png");
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);

    // The entity page from a highlighted name.
    let araghchi = d.find_all("#article-text a.ent.person").into_iter().find(|e| d.text(e).contains("عراقچی")).unwrap();
    d.click(&araghchi);
    let h1 = d.wait_for("#entity h1").remove(0);
    assert!(d.text(&h1).contains("Abbas Araghchi"));
    let roles = d.wait_for("main table tr td").iter().map(|e| d.text(e)).collect::<Vec<_>>().join(" | ");
    assert!(roles.contains("Minister of Foreign Affairs"), "{roles}");
    assert!(!d.find_all("main .quotes li").is_empty());

    // The network of meetings is drawn.
    d.goto(&format!("{}#/network", server.url));
    let nodes = d.wait_for("svg.network g.node");
    assert!(nodes.len() >= 2);
    d.screenshot("network.png");

    // The timeline of events is drawn.
    d.goto(&format!("{}#/timeline?type=CONSULT", server.url));
    assert!(!d.wait_for("svg.timeline rect").is_empty());
    assert!(!d.find_all("#timeline-events li").is_empty());

    // A hostile article: its markup is shown as text and runs nothing.
    d.goto(&format!("{}#/search?q={}", server.url, enc("onmouseover")));
    let link = d.wait_for("#results article.hit h3 a").remove(0);
    d.click(&link);
    let text = d.wait_for("#article-text").remove(0);
    assert!(d.text(&text).contains("<script>window.__pwned = 1</script>"));
    assert!(d.find_all("#article-text script, #article-text img, main [onmouseover], main [onerror]").is_empty());
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(d.script("return typeof window.__pwned"), json!("undefined"));
}
