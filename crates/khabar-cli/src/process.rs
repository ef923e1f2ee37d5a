//! `khabar process`: documents in, JSON Lines out.
//!
//! Inputs are read by `khabar-input` (text, HTML, WARC/WARC.gz, JSON Lines, detected by
//! content); each document is identified by language, extracted, annotated and given a
//! near-duplicate `cluster` by `khabar-dedup`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use khabar_dedup::{Clusterer, Params};
use khabar_extract::Extractor;
use khabar_input::{Input, Options, expand, read_input, to_article};

/// Options of `khabar process`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files and directories (recursed, sorted); `-` or nothing reads standard input.
    /// Text, HTML, WARC, WARC.gz and JSON Lines (also gzipped) are told apart by content.
    pub paths: Vec<PathBuf>,
    /// Exit non-zero when any document failed (by default only when none succeeded).
    #[arg(long)]
    pub strict: bool,
    /// Pretty-print each record (no longer one record per line).
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub input: InputArgs,
    /// Near-duplicates: resemblance (max of Jaccard and containment of word 3-grams) at or
    /// above which two documents are copies of one story (same `cluster`).
    #[arg(long, default_value_t = Params::default().threshold)]
    pub dedup_threshold: f64,
}

/// Input options shared by `khabar process` and `khabar ingest`: size limit, languages and
/// JSON Lines fields.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Refuse documents (files, WARC records, JSON lines) larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Languages to process, comma-separated ISO 639-1 codes, or "all"; documents in
    /// other languages are reported as skipped with their language.
    #[arg(long, default_value = "fa")]
    pub lang: String,
    /// JSON Lines: the field holding the text (dotted path for nested objects).
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSON Lines: the field holding the URL.
    #[arg(long, default_value = "url")]
    pub url_field: String,
    /// JSON Lines: the field holding the date.
    #[arg(long, default_value = "date")]
    pub date_field: String,
    /// JSON Lines: the field holding the title.
    #[arg(long, default_value = "title")]
    pub title_field: String,
}

impl InputArgs {
    /// The input options these arguments give.
    pub fn options(&self) -> Options {
        let langs = if self.lang.trim().eq_ignore_ascii_case("all") {
            Vec::new()
        } else {
            self.lang.split(',').map(|s| s.trim().to_ascii_lowercase()).filter(|s| !s.is_empty()).collect()
        };
        Options {
            max_bytes: self.max_bytes,
            text_field: self.text_field.clone(),
            url_field: self.url_field.clone(),
            date_field: self.date_field.clone(),
            title_field: self.title_field.clone(),
            langs,
        }
    }
}

/// Counts of one run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub ok: usize,
    /// Documents or records reported and skipped as bad.
    pub failed: usize,
    /// Documents skipped for their language.
    pub skipped: usize,
}

/// Processes every input, writing records to `out` and one line per problem to `err`.
pub fn process_all(
    extractor: &Extractor,
    inputs: Vec<Result<Input, (String, String)>>,
    opts: &Options,
    clusterer: &mut Clusterer,
    pretty: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    let bar = (inputs.len() > 50 && std::io::stderr().is_terminal()).then(|| {
        let b = ProgressBar::new(inputs.len() as u64);
        b.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {msg}").expect("template"));
        b
    });
    for input in inputs {
        if let Some(b) = &bar {
            b.inc(1);
        }
        let input = match input {
            Ok(i) => i,
            Err((name, e)) => {
                writeln!(err, "khabar: {name}: error: {e}")?;
                summary.failed += 1;
                continue;
            }
        };
        for doc in read_input(&input, opts) {
            let doc = match doc {
                Ok(d) => d,
                Err(e) => {
                    writeln!(err, "khabar: {e}")?;
                    summary.failed += 1;
                    continue;
                }
            };
            let name = doc.location();
            match to_article(extractor, &doc, opts) {
                Ok(mut ex) => {
                    for w in &ex.article.warnings {
                        writeln!(err, "khabar: {name}: warning: {w}")?;
                    }
                    ex.article.cluster = Some(clusterer.add(&ex.article.text).cluster);
                    let record = khabar_events::annotate(&ex.article);
                    let mut line = if pretty { serde_json::to_vec_pretty(&record)? } else { serde_json::to_vec(&record)? };
                    line.push(b'\n');
                    out.write_all(&line).context("writing output")?;
                    summary.ok += 1;
                }
                Err(e) if e.is_skip() => {
                    writeln!(err, "khabar: {name}: {e}")?;
                    summary.skipped += 1;
                }
                Err(e) => {
                    writeln!(err, "khabar: {name}: error: {e}")?;
                    summary.failed += 1;
                }
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    out.flush()?;
    Ok(summary)
}

/// The extractor of the pipeline: khabar's chrome rules and outlets, with the knowledge base's person
/// names kept glued by the normalizer ("قالیباف", not "قالی‌باف").
pub fn pipeline_extractor() -> Extractor {
    Extractor::new().with_glued_words(khabar_entities::Kb::builtin().person_name_words())
}

/// Runs `khabar process`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = pipeline_extractor();
    let inputs = expand(&args.paths);
    let opts = args.input.options();
    let mut clusterer = Clusterer::new(Params { threshold: args.dedup_threshold, ..Params::default() });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let s = process_all(&extractor, inputs, &opts, &mut clusterer, args.pretty, &mut out, &mut err)?;
    tracing::debug!(ok = s.ok, failed = s.failed, skipped = s.skipped, "process done");
    let failed = s.ok == 0 || (args.strict && s.failed > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
