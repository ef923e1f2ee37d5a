//! `khabar demo`: the bundled sample corpus ingested into a temporary archive and served with
//! the web UI (the main job in one command); `--summary` prints a summary per article instead.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use khabar_extract::Article;

use khabar_input::{Input, expand};

/// Options of `khabar demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The corpus to run on (default: the bundled `corpus/sample`).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Print a summary per article (outlet, dates, title, people, ...) and exit; no archive, no server.
    #[arg(long)]
    pub summary: bool,
    /// Where to serve the UI; when the port is taken, any free port is used instead.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Keep the archive in this directory (default: a temporary one, removed on exit).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

/// The bundled sample corpus: `corpus/sample` under the current directory or the
/// repository the binary was built from.
pub fn sample_corpus_dir() -> anyhow::Result<PathBuf> {
    let candidates = [
        PathBuf::from("corpus/sample"),
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample"),
    ];
    candidates
        .into_iter()
        .find(|p| p.is_dir())
        .context("the sample corpus (corpus/sample) was not found; run from the repository or pass --corpus")
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

fn summarize(a: &Article, entities: &[khabar_entities::Entity]) -> String {
    let mut s = String::new();
    let name = std::path::Path::new(&a.source).file_name().map_or(a.source.clone(), |n| n.to_string_lossy().into());
    s.push_str(&format!("── {name}\n"));
    let agency = match (&a.agency, &a.agency_origin) {
        (Some(p), Some(o)) => format!("{} ({}), republishing {} ({})", p.name_en, p.name_fa, o.name_en, o.name_fa),
        (Some(p), None) => format!("{} ({})", p.name_en, p.name_fa),
        _ => "—".into(),
    };
    s.push_str(&format!("   agency     {agency}\n"));
    let published = match (&a.published, &a.published_jalali) {
        (Some(g), Some(j)) => format!("{g}  (Jalali {j})"),
        _ => "—".into(),
    };
    s.push_str(&format!("   published  {published}\n"));
    s.push_str(&format!("   news id    {}\n", a.news_id.as_deref().unwrap_or("—")));
    if let Some(k) = &a.kicker {
        s.push_str(&format!("   kicker     {k}\n"));
    }
    s.push_str(&format!("   title      {}\n", a.title.as_deref().unwrap_or("—")));
    s.push_str(&format!("   lead       {}\n", a.lead.as_deref().map_or("—".into(), |l| short(l, 110))));
    let paragraphs = a.body.as_deref().map_or(0, |b| b.split("\n\n").count());
    s.push_str(&format!(
        "   body       {paragraphs} paragraphs, {} characters; {} chrome lines removed\n",
        a.text.chars().count(),
        a.boilerplate.len()
    ));
    let list = |kind: khabar_entities::Kind, with_roles: bool| -> String {
        let names: Vec<String> = entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let name = e.name_en.clone().unwrap_or_else(|| e.name_fa.clone());
                match e.roles.iter().find(|r| r.in_text).or(e.roles.first()).and_then(|r| r.role_en.clone()) {
                    Some(role) if with_roles => format!("{name} ({role})"),
                    _ => name,
                }
            })
            .collect();
        if names.is_empty() { "—".into() } else { names.join("; ") }
    };
    s.push_str(&format!("   people     {}\n", list(khabar_entities::Kind::Person, true)));
    s.push_str(&format!("   orgs       {}\n", list(khabar_entities::Kind::Org, false)));
    s.push_str(&format!("   places     {}\n", list(khabar_entities::Kind::Location, false)));
    for w in &a.warnings {
        s.push_str(&format!("   warning    {w}\n"));
    }
    s
}

/// Runs `khabar demo`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = match &args.corpus {
        Some(d) => d.clone(),
        None => sample_corpus_dir()?,
    };
    if args.summary {
        return summaries(&dir);
    }
    // The archive: a temporary directory unless --db names one.
    let temp;
    let db = match &args.db {
        Some(d) => d.clone(),
        None => {
            temp = tempfile::Builder::new().prefix("khabar-demo-").tempdir()?;
            temp.path().to_path_buf()
        }
    };
    let mut store = khabar_store::Store::open(&db).with_context(|| format!("opening the archive in {}", db.display()))?;
    let opts = khabar_input::Options::default();
    let docs = expand(std::slice::from_ref(&dir)).into_iter().flat_map(|i| match i {
        Ok(input) => khabar_input::read_input(&input, &opts),
        Err((file, message)) => Box::new(std::iter::once(Err(khabar_input::InputError { file, offset: None, line: None, message }))),
    });
    let mut err = std::io::stderr();
    let s = crate::archive::ingest_docs(&mut store, docs, &opts, 1000, std::time::Duration::from_secs(2), &mut err, |_| {})?;
    store.close()?;
    println!(
        "khabar: ingested {} into {}: read {}, stored {}, duplicates {}, failed {} ({:.1} s)",
        dir.display(),
        db.display(),
        s.read,
        s.stored,
        s.duplicates,
        s.failed,
        s.seconds
    );
    // The requested port, else any free one (a second demo, or something else on 8080).
    let addr = match std::net::TcpListener::bind(args.addr) {
        Ok(l) => {
            drop(l);
            args.addr
        }
        Err(_) => std::net::SocketAddr::new(args.addr.ip(), 0),
    };
    crate::serve::serve(db, addr, 64 * 1024)
}

/// `khabar demo --summary`: one summary per article of the corpus.
fn summaries(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let dir = dir.to_path_buf();
    let extractor = crate::process::pipeline_extractor();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut ok, mut failed, mut with_agency, mut with_date) = (0, 0, 0, 0);
    for input in expand(&[dir.clone()]) {
        let Ok(input @ Input::File(_)) = input else { continue };
        let name = input.name();
        if !name.ends_with(".txt") {
            continue;
        }
        match input.read_all(16 << 20).and_then(|b| extractor.extract_bytes(&name, &b).map_err(|e| e.to_string())) {
            Ok(ex) => {
                ok += 1;
                with_agency += usize::from(ex.article.agency.is_some());
                with_date += usize::from(ex.article.published.is_some());
                let record = khabar_events::annotate(&ex.article);
                writeln!(out, "{}", summarize(&ex.article, &record.entities))?;
            }
            Err(e) => {
                failed += 1;
                writeln!(out, "── {name}\n   error      {e}\n")?;
            }
        }
    }
    writeln!(
        out,
        "{ok} articles from {} ({failed} failed): {with_agency} with an outlet, {with_date} with a publication date.",
        dir.display()
    )?;
    writeln!(out, "Full records: khabar process {}", dir.display())?;
    Ok(if ok > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
