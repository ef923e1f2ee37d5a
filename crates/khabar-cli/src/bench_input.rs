//! `khabar bench-input`: HTML main-content extraction and MinHash throughput on pages made
//! from the bundled samples in the markup of three Iranian CMSs (one core).

use std::process::ExitCode;
use std::time::Instant;

use khabar_dedup::Clusterer;
use khabar_extract::Extractor;
use khabar_input::testkit::{CmsStyle, PageSpec, cms_page};
use khabar_input::{Body, Document, Format, Options, to_article};

/// Options of `khabar bench-input`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many pages to generate.
    #[arg(long, default_value_t = 3000)]
    pub pages: usize,
}

fn pages(n: usize) -> anyhow::Result<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
    let mut texts = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        texts.push(std::fs::read_to_string(p)?);
    }
    let styles = [CmsStyle::NewsStudio, CmsStyle::Dornica, CmsStyle::WordPress];
    Ok((0..n)
        .map(|i| {
            let t = &texts[i % texts.len()];
            let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).skip(1).collect();
            let spec = PageSpec {
                title: lines.first().copied().unwrap_or(""),
                paragraphs: lines.iter().skip(1).copied().collect(),
                published: Some("2024-11-14T12:30:00+03:30"),
                site: "سایت خبری",
                url: Some("https://www.example.ir/news/1"),
                ..PageSpec::default()
            };
            cms_page(styles[i % 3], &spec)
        })
        .collect())
}

/// Runs `khabar bench-input`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pages = pages(args.pages.max(1))?;
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    let mut texts = Vec::with_capacity(pages.len());
    for p in &pages {
        texts.push(khabar_input::html::extract_html(p).text);
    }
    let html_s = t.elapsed().as_secs_f64();

    let ex = Extractor::new();
    let opts = Options::default();
    let t = Instant::now();
    let mut ok = 0;
    for p in &pages {
        let doc = Document {
            file: "bench".into(),
            offset: None,
            line: None,
            format: Format::Html,
            html: true,
            body: Body::Bytes(p.clone().into_bytes()),
            charset: None,
            url: None,
            captured: None,
            title: None,
        };
        ok += usize::from(to_article(&ex, &doc, &opts).is_ok());
    }
    let full_s = t.elapsed().as_secs_f64();

    let text_mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let mut c = Clusterer::default();
    let t = Instant::now();
    let mut clusters = std::collections::HashSet::new();
    for tx in &texts {
        clusters.insert(c.add(tx).cluster);
    }
    let mh_s = t.elapsed().as_secs_f64();
    let n = pages.len() as f64;
    println!("pages: {} ({mb:.1} MB of HTML, {text_mb:.1} MB of main-content text)", pages.len());
    println!("HTML main content + metadata: {:.0} pages/s ({:.1} MB/s)", n / html_s, mb / html_s);
    println!("HTML page to article record (decode, content, language, text pipeline): {:.0} pages/s, {ok} ok", n / full_s);
    println!("MinHash (128 hashes, word 3-grams) + LSH clustering: {:.0} docs/s ({:.1} MB/s); {} clusters", n / mh_s, text_mb / mh_s, clusters.len());
    Ok(ExitCode::SUCCESS)
}
