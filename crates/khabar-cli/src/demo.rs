//! `khabar demo`: the pipeline on the bundled sample corpus, summarized for a reader.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use khabar_extract::{Article, Extractor};

use khabar_input::{Input, expand};

/// Options of `khabar demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The corpus to run on (default: the bundled `corpus/sample`).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
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
    let dir = match args.corpus {
        Some(d) => d,
        None => sample_corpus_dir()?,
    };
    let extractor = Extractor::new();
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
