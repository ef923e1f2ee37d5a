//! `khabar bench-archive`: builds an archive of synthetic articles (the sample corpus replicated
//! and perturbed) and reports ingest speed, archive size and search latency.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use khabar_normalize::{TokenKind, tokenize};
use khabar_store::{Query, Store, parse_day};

use crate::bench::{Rng, perturb};
use khabar_input::{Input, expand};

/// Options of `khabar bench-archive`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many articles to generate and ingest.
    #[arg(long, default_value_t = 100_000)]
    pub articles: usize,
    /// The archive directory (default: a fresh temporary directory, removed afterwards).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// The corpus to replicate (default: the bundled `corpus/sample`).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// How many searches to time.
    #[arg(long, default_value_t = 500)]
    pub queries: usize,
    /// Only time searches on an existing archive (--db), without ingesting.
    #[arg(long)]
    pub search_only: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Variant `k` of a seed: `perturb`'s edits, the year moved within 1400–1403, and one inserted
/// paragraph of corpus words, so that every article is distinct and the vocabulary spreads.
fn make_doc(seed: &str, vocab: &[String], rng: &mut Rng) -> String {
    let mut doc = perturb(seed, rng);
    let year = ["۱۴۰۰", "۱۴۰۱", "۱۴۰۲", "۱۴۰۳"][rng.below(4)];
    doc = doc.replace("۱۴۰۳", year).replace("۱۴۰۲", year);
    let n = 12 + rng.below(20);
    let mut para: Vec<&str> = (0..n).map(|_| vocab[rng.below(vocab.len())].as_str()).collect();
    para.push("است.");
    let para = para.join(" ");
    let mut lines: Vec<&str> = doc.lines().collect();
    let at = lines.iter().position(|l| l.chars().count() > 120).map_or(lines.len() / 2, |i| i + 1);
    lines.insert(at.min(lines.len()), &para);
    lines.join("\n")
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Runs `khabar bench-archive`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = match args.corpus {
        Some(d) => d,
        None => crate::demo::sample_corpus_dir()?,
    };
    let mut seeds = Vec::new();
    for input in expand(&[corpus.clone()]).into_iter().flatten() {
        if let Input::File(p) = &input
            && p.extension().is_some_and(|e| e == "txt")
        {
            let bytes = std::fs::read(p).with_context(|| p.display().to_string())?;
            seeds.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    if seeds.is_empty() {
        bail!("no .txt articles in {}", corpus.display());
    }
    let mut vocab: Vec<String> = seeds
        .iter()
        .flat_map(|s| tokenize(s).filter(|t| t.kind == TokenKind::Word && t.text.chars().count() >= 3).map(|t| t.text.to_string()).collect::<Vec<_>>())
        .collect();
    vocab.sort();
    vocab.dedup();
    let tmp;
    let dir = match &args.db {
        Some(d) => d.clone(),
        None => {
            tmp = tempfile::Builder::new().prefix("khabar-bench-archive").tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    let mut ingest = serde_json::Value::Null;
    if !args.search_only {
        let mut store = Store::open(&dir)?;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let (n, seeds_ref, vocab_ref) = (args.articles, &seeds, &vocab);
        let docs = (0..n).map(move |k| {
            let d = make_doc(&seeds_ref[k % seeds_ref.len()], vocab_ref, &mut rng);
            Ok(khabar_input::Document {
                file: format!("bench-{k}.txt"),
                offset: None,
                line: None,
                format: khabar_input::Format::Text,
                html: false,
                body: khabar_input::Body::Bytes(d.into_bytes()),
                charset: None,
                url: None,
                captured: None,
                title: None,
            })
        });
        let opts = khabar_input::Options { langs: Vec::new(), ..khabar_input::Options::default() };
        let mut sink = std::io::sink();
        let quiet = args.json;
        let t0 = Instant::now();
        let s = crate::archive::ingest_docs(&mut store, docs, &opts, 5000, Duration::from_secs(10), &mut sink, |s| {
            if !quiet {
                eprint!("\r  {} stored, {:.0} articles/s   ", s.stored, s.stored as f64 / t0.elapsed().as_secs_f64());
            }
        })?;
        let t_close = Instant::now();
        store.close()?;
        let close_s = t_close.elapsed().as_secs_f64();
        if !quiet {
            eprintln!();
        }
        let secs = s.seconds + close_s;
        ingest = serde_json::json!({
            "documents": s.read, "stored": s.stored, "duplicates": s.duplicates, "failed": s.failed,
            "seconds": secs, "articles_per_sec": (s.stored + s.duplicates) as f64 / secs, "final_merge_seconds": close_s,
            "peak_rss_kib": crate::bench::peak_rss_kib(),
        });
    }
    let store = Store::open_read(&dir)?;
    let stats = store.stats()?;

    // Queries: words and pairs from the corpus vocabulary, phrases, and filters.
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let persons = ["عراقچی", "پزشکیان", "Abbas Araghchi", "رئیسی", "کنعانی"];
    let agencies: Vec<String> = store.search(&Query { limit: 1, ..Default::default() })?.facets.agencies.into_iter().map(|a| a.0).collect();
    let mut queries = Vec::new();
    for i in 0..args.queries + 20 {
        let mut q = Query { limit: 10, ..Default::default() };
        let w1 = vocab[rng.below(vocab.len())].clone();
        let w2 = vocab[rng.below(vocab.len())].clone();
        match i % 6 {
            0 | 1 => q.text = w1,
            2 => q.text = format!("{w1} {w2}"),
            3 => {
                q.text = w1;
                q.agency = agencies.get(rng.below(agencies.len().max(1))).cloned();
            }
            4 => {
                q.text = w1;
                let y = 1400 + rng.below(4);
                q.from = Some(parse_day(&format!("{y}/01/01"))?);
                q.to = Some(parse_day(&format!("{y}/06/31"))?);
            }
            _ => {
                q.text = w1;
                q.person = Some(persons[rng.below(persons.len())].to_string());
            }
        }
        queries.push(q);
    }
    let mut lat = Vec::new();
    let mut hits = 0usize;
    for (i, q) in queries.iter().enumerate() {
        let t = Instant::now();
        let r = store.search(q)?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if i >= 20 {
            lat.push(ms);
            hits += r.articles;
        }
    }
    lat.sort_by(|a, b| a.total_cmp(b));
    let result = serde_json::json!({
        "ingest": ingest,
        "archive": stats,
        "bytes_per_article": (stats.db_bytes + stats.index_bytes) as f64 / stats.articles.max(1) as f64,
        "search": {
            "queries": lat.len(), "mean_matches": hits as f64 / lat.len().max(1) as f64,
            "p50_ms": percentile(&lat, 0.5), "p90_ms": percentile(&lat, 0.9), "p99_ms": percentile(&lat, 0.99),
            "max_ms": lat.last().copied().unwrap_or(0.0),
        }
    });
    if args.json {
        println!("{result}");
    } else {
        println!("archive bench ({} articles made from {} samples in {}):", stats.articles, seeds.len(), corpus.display());
        if !ingest.is_null() {
            println!(
                "  ingest   {:.0} articles/s ({} documents in {:.1} s, incl. a final merge of {:.1} s; {} stored, {} duplicates, {} failed)",
                ingest["articles_per_sec"].as_f64().unwrap_or(0.0),
                ingest["documents"],
                ingest["seconds"].as_f64().unwrap_or(0.0),
                ingest["final_merge_seconds"].as_f64().unwrap_or(0.0),
                ingest["stored"],
                ingest["duplicates"],
                ingest["failed"]
            );
        }
        println!(
            "  size     SQLite {:.1} MB, index {:.1} MB ({:.1} KB per article); {} entities, {} quotes, {} events",
            stats.db_bytes as f64 / 1e6,
            stats.index_bytes as f64 / 1e6,
            result["bytes_per_article"].as_f64().unwrap_or(0.0) / 1e3,
            stats.entities,
            stats.quotes,
            stats.events
        );
        println!(
            "  search   p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms over {} queries (top 10 with snippets; {:.0} matches on average)",
            percentile(&lat, 0.5),
            percentile(&lat, 0.9),
            percentile(&lat, 0.99),
            lat.last().copied().unwrap_or(0.0),
            lat.len(),
            hits as f64 / lat.len().max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}
