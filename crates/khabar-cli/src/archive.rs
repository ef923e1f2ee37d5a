//! The archive commands: `khabar ingest`, `search`, `quotes`, `events`, `export`.
//!
//! `ingest` reads every input format through `khabar-input` (text, HTML, WARC/WARC.gz, JSON
//! Lines; the input options are shared with `khabar process`), and the archive keeps
//! near-duplicate clusters across runs; `search` shows one result per story.
//!
//! Every command takes `--db DIR` (default: `$KHABAR_DB`, else the user's data directory, e.g.
//! `~/.local/share/khabar/archive` on Linux). The work is in `khabar-store`.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use khabar_entities::Entity;
use khabar_events::{Event, Quote};
use khabar_extract::{Article, Extractor};
use khabar_input::{DocError, Document, InputError, Options, expand, read_input, to_article};
use khabar_store::{EventFilter, ExportFormat, Ingested, Query, QuoteFilter, Store, parse_day};

use crate::process::InputArgs;

/// The archive directory option shared by every archive command.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The archive directory (default: $KHABAR_DB, else the user's data directory).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

impl DbArg {
    /// The directory to use.
    pub fn dir(&self) -> anyhow::Result<PathBuf> {
        if let Some(d) = &self.db {
            return Ok(d.clone());
        }
        if let Some(d) = std::env::var_os("KHABAR_DB") {
            return Ok(PathBuf::from(d));
        }
        let dirs = directories::ProjectDirs::from("", "", "khabar").context("no home directory: pass --db DIR")?;
        Ok(dirs.data_dir().join("archive"))
    }
}

/// Options of `khabar ingest`.
#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files and directories (recursed, sorted); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Commit (and report as stored) after this many new articles…
    #[arg(long, default_value_t = 1000)]
    pub batch: usize,
    /// …or after this many milliseconds, whichever comes first.
    #[arg(long, default_value_t = 2000)]
    pub commit_ms: u64,
    #[command(flatten)]
    pub input: InputArgs,
    /// Near-duplicates: resemblance (max of Jaccard and containment of word 3-grams) at or
    /// above which two articles are copies of one story, as `khabar process --dedup-threshold`.
    /// The archive keeps the threshold of its first ingest (default 0.5) and later runs use it;
    /// a different value is refused while the archive holds articles.
    #[arg(long)]
    pub dedup_threshold: Option<f64>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Counts of one ingest.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct IngestSummary {
    /// Documents read (or attempted).
    pub read: usize,
    /// New articles stored (committed).
    pub stored: usize,
    /// Articles already in the archive (same normalized text).
    pub duplicates: usize,
    /// Documents or records that failed (reported on stderr with file and offset or line).
    pub failed: usize,
    /// Failures per reason.
    pub reasons: BTreeMap<String, usize>,
    /// Documents skipped for their language (see `--lang`).
    pub skipped: usize,
    /// Skipped documents per language code.
    pub languages: BTreeMap<String, usize>,
    /// Seconds taken.
    pub seconds: f64,
}

/// A document after the pipeline, as the annotating thread hands it to the storing one.
enum Annotated {
    /// The input or record could not be read.
    Unreadable(InputError),
    /// An article with its layers (entities, quotes, events), and its warnings' location.
    Record { name: String, article: Article, entities: Vec<Entity>, quotes: Vec<Quote>, events: Vec<Event> },
    /// Skipped for its language.
    Skipped { name: String, message: String, code: &'static str },
    /// The pipeline failed on it.
    Failed { name: String, message: String },
}

/// A document after extraction, on its way to annotation.
enum Extracted {
    /// An article to annotate (entities, quotes, events).
    Article { name: String, article: Article },
    /// Nothing to annotate: reported as it is.
    Done(Annotated),
}

/// Extracts one document (decoding, language, text pipeline): the first half of the pipeline.
fn extract_doc(extractor: &Extractor, doc: Result<Document, InputError>, opts: &Options) -> Extracted {
    let doc = match doc {
        Ok(d) => d,
        Err(e) => return Extracted::Done(Annotated::Unreadable(e)),
    };
    let name = doc.location();
    match to_article(extractor, &doc, opts) {
        Ok(ex) => Extracted::Article { name, article: ex.article },
        Err(e @ DocError::Skipped { code, .. }) => Extracted::Done(Annotated::Skipped { name, message: e.to_string(), code }),
        Err(e) => Extracted::Done(Annotated::Failed { name, message: e.to_string() }),
    }
}

/// Annotates an extracted article: the second half of the pipeline.
fn annotate_doc(x: Extracted) -> Annotated {
    match x {
        Extracted::Article { name, article } => {
            let khabar_events::Record { entities, quotes, events, .. } = khabar_events::annotate(&article);
            Annotated::Record { name, article, entities, quotes, events }
        }
        Extracted::Done(a) => a,
    }
}

/// Documents waiting in each queue between the reading, extracting, annotating and storing
/// steps (small: memory stays bounded by a few documents).
const PIPELINE_DEPTH: usize = 8;

/// Feeds documents (from [`read_input`], or made by a benchmark) through the pipeline into the
/// store, committing every `batch` articles or `every`; `on_commit` sees the running summary
/// after each commit. Bad records and skipped languages are reported on `err`, located by file
/// and offset or line.
///
/// Three threads in a pipeline: this one reads the documents and stores the annotated
/// records, a worker extracts them (decoding, language, text pipeline) and another annotates
/// them (entities, quotes, events); each step keeps input order, so ids, clusters and reports
/// are as with one thread. Only committed articles are counted as stored.
pub fn ingest_docs(
    store: &mut Store,
    docs: impl Iterator<Item = Result<Document, InputError>>,
    opts: &Options,
    batch: usize,
    every: Duration,
    err: &mut dyn Write,
    mut on_commit: impl FnMut(&IngestSummary),
) -> anyhow::Result<IngestSummary> {
    let start = Instant::now();
    let mut s = IngestSummary::default();
    let mut last_commit = Instant::now();
    let fail = |s: &mut IngestSummary, name: &str, e: &str, err: &mut dyn Write| -> anyhow::Result<()> {
        writeln!(err, "khabar: {name}: error: {e}")?;
        s.failed += 1;
        // Group by the kind of problem: the message up to its first detail.
        let reason = e.split([':', '(']).next().unwrap_or(e).trim().to_string();
        *s.reasons.entry(reason).or_default() += 1;
        Ok(())
    };
    // Stores one annotated document and commits when the batch is full or old enough.
    let mut store_one = |a: Annotated, s: &mut IngestSummary, err: &mut dyn Write| -> anyhow::Result<()> {
        match a {
            Annotated::Unreadable(e) => {
                let at = InputError { message: String::new(), ..e.clone() }.to_string();
                fail(s, at.trim_end_matches([':', ' ']), &e.message, err)?;
            }
            Annotated::Record { name, article, entities, quotes, events } => {
                for w in &article.warnings {
                    writeln!(err, "khabar: {name}: warning: {w}")?;
                }
                let record = khabar_events::Record { article: &article, entities, quotes, events };
                match store.ingest(&record).with_context(|| format!("storing {name}"))? {
                    Ingested::Stored(_) => {}
                    Ingested::Duplicate(_) => s.duplicates += 1,
                }
            }
            Annotated::Skipped { name, message, code } => {
                writeln!(err, "khabar: {name}: {message}")?;
                s.skipped += 1;
                *s.languages.entry(code.to_string()).or_default() += 1;
            }
            Annotated::Failed { name, message } => fail(s, &name, &message, err)?,
        }
        if store.pending() >= batch.max(1) || (store.pending() > 0 && last_commit.elapsed() >= every) {
            s.stored += store.commit()?;
            last_commit = Instant::now();
            on_commit(s);
        }
        Ok(())
    };
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<Result<Document, InputError>>(PIPELINE_DEPTH);
        let (extracted_tx, extracted_rx) = std::sync::mpsc::sync_channel::<Extracted>(PIPELINE_DEPTH);
        let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Annotated>(PIPELINE_DEPTH);
        scope.spawn(move || {
            let extractor = crate::process::pipeline_extractor();
            for doc in work_rx {
                if extracted_tx.send(extract_doc(&extractor, doc, opts)).is_err() {
                    break;
                }
            }
        });
        scope.spawn(move || {
            for x in extracted_rx {
                if done_tx.send(annotate_doc(x)).is_err() {
                    break;
                }
            }
        });
        // Hand documents to the pipeline; while its first queue is full, store what has come
        // out of it (so no step waits on a full queue for long, and nothing deadlocks).
        for doc in docs {
            s.read += 1;
            let mut doc = doc;
            loop {
                match work_tx.try_send(doc) {
                    Ok(()) => break,
                    Err(std::sync::mpsc::TrySendError::Full(d)) => {
                        doc = d;
                        let a = done_rx.recv().context("the pipeline thread stopped")?;
                        store_one(a, &mut s, err)?;
                    }
                    Err(std::sync::mpsc::TrySendError::Disconnected(_)) => anyhow::bail!("the pipeline thread stopped"),
                }
                // Store whatever else is ready, so the batch clock is kept.
                while let Ok(a) = done_rx.try_recv() {
                    store_one(a, &mut s, err)?;
                }
            }
            while let Ok(a) = done_rx.try_recv() {
                store_one(a, &mut s, err)?;
            }
        }
        drop(work_tx);
        for a in done_rx {
            store_one(a, &mut s, err)?;
        }
        Ok(())
    })?;
    s.stored += store.commit()?;
    s.seconds = start.elapsed().as_secs_f64();
    on_commit(&s);
    Ok(s)
}

/// Runs `khabar ingest`.
pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let dir = args.db.dir()?;
    let mut store = Store::open_with_dedup(&dir, args.dedup_threshold)
        .with_context(|| format!("opening the archive in {}", dir.display()))?;
    let inputs = expand(&args.paths);
    let opts = args.input.options();
    let bar = (std::io::stderr().is_terminal()).then(|| {
        let b = ProgressBar::new(inputs.len() as u64);
        b.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {msg}").expect("template"));
        b
    });
    let b2 = bar.clone();
    let opts2 = opts.clone();
    let docs = inputs.into_iter().flat_map(move |i| {
        if let Some(b) = &b2 {
            b.inc(1);
        }
        let it: Box<dyn Iterator<Item = Result<Document, InputError>>> = match i {
            Ok(input) => read_input(&input, &opts2),
            Err((file, message)) => Box::new(std::iter::once(Err(InputError { file, offset: None, line: None, message }))),
        };
        it
    });
    let mut err = std::io::stderr();
    let s = ingest_docs(&mut store, docs, &opts, args.batch, Duration::from_millis(args.commit_ms), &mut err, |s| {
        if let Some(b) = &bar {
            b.set_message(format!("stored {}, duplicates {}, failed {}", s.stored, s.duplicates, s.failed));
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    store.close()?;
    if args.json {
        println!("{}", serde_json::to_string(&s)?);
    } else {
        let langs: Vec<String> = s.languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
        eprintln!(
            "read {}: stored {}, duplicates {}, skipped {}{}, failed {} ({:.1} s, {:.0} articles/s) in {}",
            s.read,
            s.stored,
            s.duplicates,
            s.skipped,
            if langs.is_empty() { String::new() } else { format!(" ({})", langs.join(", ")) },
            s.failed,
            s.seconds,
            (s.stored + s.duplicates) as f64 / s.seconds.max(1e-9),
            dir.display()
        );
        for (reason, n) in &s.reasons {
            eprintln!("  failed: {reason}: {n}");
        }
    }
    Ok(if s.read > 0 && s.failed == s.read { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Output format of the reading commands.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// JSON (search: one object; quotes/events: one object per line).
    Json,
}

/// Options of `khabar search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// The words (all must occur; spelling variants match); put a phrase in double quotes.
    /// Empty lists the articles the filters select.
    #[arg(default_value = "")]
    pub query: String,
    #[command(flatten)]
    pub db: DbArg,
    /// First day, Jalali or Gregorian ("1402/09/29", "۱۴۰۲-۰۹-۲۹", "2023-12-20").
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (inclusive).
    #[arg(long)]
    pub to: Option<String>,
    /// Outlet id ("mehr") or a word of its name.
    #[arg(long)]
    pub agency: Option<String>,
    /// Person named in the article: id ("abbas-araghchi") or words of the name ("عراقچی").
    #[arg(long)]
    pub person: Option<String>,
    /// How many hits.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// One result per article: do not group the copies of a story (near-duplicates).
    #[arg(long)]
    pub all_copies: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

fn day(s: &Option<String>) -> anyhow::Result<Option<u32>> {
    Ok(match s {
        Some(s) => Some(parse_day(s)?),
        None => None,
    })
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Runs `khabar search`.
pub fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read(args.db.dir()?)?;
    let q = Query {
        text: args.query.clone(),
        from: day(&args.from)?,
        to: day(&args.to)?,
        agency: args.agency.clone(),
        person: args.person.clone(),
        limit: args.limit,
        offset: args.offset,
        all_copies: args.all_copies,
    };
    let r = store.search(&q)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&r)?)?,
        Format::Text => {
            let (pre, post) = if std::io::stdout().is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("[", "]") };
            for h in &r.hits {
                writeln!(
                    out,
                    "#{} {} {} {}  ({:.2})",
                    h.id,
                    h.published_jalali.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or("-"),
                    h.agency.as_deref().unwrap_or("-"),
                    h.title.as_deref().unwrap_or(""),
                    h.score
                )?;
                writeln!(out, "    {}", h.snippet.marked(pre, post).replace('\n', " "))?;
                writeln!(out, "    {}", h.source)?;
                if !h.also_in.is_empty() {
                    let first = match (&h.first_publisher, &h.agency) {
                        (Some(f), Some(a)) if f != a => format!(" (first: {f})"),
                        _ => String::new(),
                    };
                    writeln!(out, "    also in: {}{first}", h.also_in.join(", "))?;
                }
            }
            let facets: Vec<String> = r.facets.agencies.iter().take(8).map(|(a, n)| format!("{a} {n}")).collect();
            writeln!(
                out,
                "{} of {} stories ({} articles); stories by outlet: {}",
                r.hits.len(),
                r.total,
                r.articles,
                facets.join(", ")
            )?;
            let people: Vec<String> = r
                .facets
                .persons
                .iter()
                .take(6)
                .map(|p| format!("{} {}", p.name_en.as_deref().or(p.name_fa.as_deref()).unwrap_or(&p.id), p.stories))
                .collect();
            if !people.is_empty() {
                writeln!(out, "people: {}", people.join(", "))?;
            }
        }
    }
    out.flush()?;
    Ok(if r.total == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Options of `khabar quotes`.
#[derive(clap::Args, Debug)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Speaker: id or words of the name (Persian or English).
    #[arg(long)]
    pub speaker: Option<String>,
    /// First day of the article.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the article.
    #[arg(long)]
    pub to: Option<String>,
    /// At most this many (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `khabar quotes`.
pub fn quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read(args.db.dir()?)?;
    let rows = store.quotes(&QuoteFilter { speaker: args.speaker, from: day(&args.from)?, to: day(&args.to)?, limit: args.limit })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in &rows {
        match args.format {
            Format::Json => writeln!(out, "{}", serde_json::to_string(r)?)?,
            Format::Text => writeln!(
                out,
                "#{} {} {} ({}) {}: «{}»",
                r.article,
                r.published.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or("-"),
                r.speaker_name_en.as_deref().unwrap_or("?"),
                r.speaker_name_fa.as_deref().unwrap_or("?"),
                r.verb.as_deref().unwrap_or(""),
                short(&r.text, 160)
            )?,
        }
    }
    out.flush()?;
    Ok(if rows.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Options of `khabar events`.
#[derive(clap::Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// PLOVER type (CONSULT, ACCUSE, …).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// An actor: id or words of the name.
    #[arg(long)]
    pub actor: Option<String>,
    /// First day of the article.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the article.
    #[arg(long)]
    pub to: Option<String>,
    /// At most this many (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `khabar events`.
pub fn events(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read(args.db.dir()?)?;
    let rows = store.events(&EventFilter {
        event_type: args.event_type,
        actor: args.actor,
        from: day(&args.from)?,
        to: day(&args.to)?,
        limit: args.limit,
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in &rows {
        match args.format {
            Format::Json => writeln!(out, "{}", serde_json::to_string(r)?)?,
            Format::Text => writeln!(
                out,
                "#{} {} {} {} {}",
                r.article,
                r.event["type"].as_str().unwrap_or("?"),
                r.event["status"].as_str().unwrap_or("?"),
                r.event["english"].as_str().unwrap_or(""),
                r.source
            )?,
        }
    }
    out.flush()?;
    Ok(if rows.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Export formats on the command line.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportArg {
    /// The records as `khabar process` writes them.
    Jsonl,
    /// One row per article.
    Csv,
    /// Parquet, one row per article with typed columns (`khabar_store::PARQUET_COLUMNS`); needs a
    /// build with the cargo feature `parquet`, else fails with a message saying so.
    Parquet,
}

/// Options of `khabar export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportArg::Jsonl)]
    pub format: ExportArg,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Runs `khabar export`.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read(args.db.dir()?)?;
    let format = match args.format {
        ExportArg::Jsonl => ExportFormat::Jsonl,
        ExportArg::Csv => ExportFormat::Csv,
        ExportArg::Parquet => ExportFormat::Parquet,
    };
    let n = match &args.output {
        Some(p) => {
            let f = std::fs::File::create(p).with_context(|| p.display().to_string())?;
            let done = store.export(format, &mut std::io::BufWriter::new(f));
            if done.is_err() {
                // No half-written (or, without the `parquet` feature, empty) file is left behind.
                let _ = std::fs::remove_file(p);
            }
            done?
        }
        None if format == ExportFormat::Parquet && std::io::stdout().is_terminal() => {
            anyhow::bail!("Parquet is binary: write it to a file with -o FILE (or redirect standard output)")
        }
        None => store.export(format, &mut std::io::BufWriter::new(std::io::stdout().lock()))?,
    };
    tracing::debug!(articles = n, "export done");
    Ok(ExitCode::SUCCESS)
}
