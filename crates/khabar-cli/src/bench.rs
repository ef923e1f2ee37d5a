//! `khabar bench`: throughput and peak memory of `process` on a synthetic corpus made by
//! replicating and perturbing the bundled sample articles.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};

use khabar_input::{Input, expand};

/// Options of `khabar bench`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many articles to generate and process.
    #[arg(long, default_value_t = 5000)]
    pub articles: usize,
    /// The corpus to replicate (default: the bundled `corpus/sample`).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// A small deterministic generator (xorshift), so runs are comparable.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Makes variant `k` of an article: body paragraphs shuffled, digits changed, a paragraph
/// dropped or doubled, ZWNJ removed or spaced — so no two articles are byte-identical.
pub(crate) fn perturb(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    if lines.len() > 6 {
        let (a, b) = (3 + rng.below(lines.len() - 4), 3 + rng.below(lines.len() - 4));
        lines.swap(a, b);
    }
    if lines.len() > 8 && rng.below(3) == 0 {
        let i = 4 + rng.below(lines.len() - 5);
        lines.remove(i);
    }
    let mut out = lines.join("\n");
    match rng.below(3) {
        0 => out = out.replace('\u{200c}', ""),
        1 => out = out.replace('\u{200c}', " "),
        _ => {}
    }
    let d = char::from_digit(rng.below(10) as u32, 10).unwrap_or('0');
    out.replace('۷', &d.to_string())
}

pub(crate) fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `khabar bench`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = match args.corpus {
        Some(d) => d,
        None => crate::demo::sample_corpus_dir()?,
    };
    let mut seeds = Vec::new();
    for input in expand(&[dir.clone()]).into_iter().flatten() {
        if let Input::File(p) = &input
            && p.extension().is_some_and(|e| e == "txt")
        {
            let bytes = std::fs::read(p).with_context(|| p.display().to_string())?;
            seeds.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    if seeds.is_empty() {
        bail!("no .txt articles in {}", dir.display());
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let docs: Vec<String> = (0..args.articles).map(|k| perturb(&seeds[k % seeds.len()], &mut rng)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let rss_before = peak_rss_kib();
    let extractor = crate::process::pipeline_extractor();
    // Warm up lazily built tables (normalizer model, outlets, knowledge base) so they are not timed.
    if let Ok(ex) = extractor.extract_bytes("warmup", docs[0].as_bytes()) {
        let _ = khabar_events::annotate(&ex.article);
    }
    let (mut t_extract, mut t_entities, mut t_json) = (0f64, 0f64, 0f64);
    let mut ok = 0usize;
    let mut out_bytes = 0usize;
    let mut text_bytes = 0usize;
    let mut mentions = 0usize;
    let (mut quotes_n, mut events_n) = (0usize, 0usize);
    let start = Instant::now();
    for (k, d) in docs.iter().enumerate() {
        let t0 = Instant::now();
        let Ok(ex) = extractor.extract_bytes(&format!("bench-{k}"), d.as_bytes()) else { continue };
        let t1 = Instant::now();
        let record = khabar_events::annotate(&ex.article);
        let t2 = Instant::now();
        out_bytes += serde_json::to_vec(&record)?.len();
        let t3 = Instant::now();
        ok += 1;
        text_bytes += ex.article.text.len();
        mentions += record.entities.iter().map(|e| e.mentions.len()).sum::<usize>();
        quotes_n += record.quotes.len();
        events_n += record.events.len();
        t_extract += (t1 - t0).as_secs_f64();
        t_entities += (t2 - t1).as_secs_f64();
        t_json += (t3 - t2).as_secs_f64();
    }
    let secs = start.elapsed().as_secs_f64();
    let per_sec = ok as f64 / secs;
    let peak = peak_rss_kib();
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "articles": ok, "input_bytes": bytes, "output_bytes": out_bytes, "seconds": secs,
                "articles_per_sec_one_core": per_sec, "mb_per_sec": bytes as f64 / secs / 1e6,
                "extract_articles_per_sec": ok as f64 / t_extract,
                "entities_mb_per_sec": text_bytes as f64 / t_entities / 1e6,
                "json_seconds": t_json, "mentions": mentions, "quotes": quotes_n, "events": events_n,
                "peak_rss_kib": peak, "rss_before_kib": rss_before,
            })
        );
    } else {
        println!("process on one core ({ok} articles, {:.1} MB, made from {} samples in {}):", bytes as f64 / 1e6, seeds.len(), dir.display());
        println!("  whole pipeline   {secs:.3} s: {per_sec:.0} articles/s, {:.1} MB/s", bytes as f64 / secs / 1e6);
        println!("  extraction       {:.0} articles/s (decode, chrome, layout, metadata, normalization)", ok as f64 / t_extract);
        println!(
            "  entities, quotes, events {:.1} MB/s of article text ({mentions} mentions, {quotes_n} quotes, {events_n} events)",
            text_bytes as f64 / t_entities / 1e6
        );
        println!("  JSON output      {:.3} s", t_json);
        if let Some(p) = peak {
            println!("  peak RSS {:.1} MiB (corpus held in memory: {:.1} MiB)", p as f64 / 1024.0, bytes as f64 / 1048576.0);
        }
    }
    Ok(ExitCode::SUCCESS)
}
