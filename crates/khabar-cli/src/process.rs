//! `khabar process`: documents in, JSON Lines out.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use khabar_extract::Extractor;

use crate::inputs::{Input, expand};

/// Options of `khabar process`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files and directories (recursed, sorted); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Exit non-zero when any document failed (by default only when none succeeded).
    #[arg(long)]
    pub strict: bool,
    /// Refuse documents larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Pretty-print each record (no longer one record per line).
    #[arg(long)]
    pub pretty: bool,
}

/// Counts of one run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub ok: usize,
    /// Documents reported and skipped.
    pub failed: usize,
}

/// Processes every input, writing records to `out` and one line per problem to `err`.
pub fn process_all(
    extractor: &Extractor,
    inputs: Vec<Result<Input, (String, String)>>,
    max_bytes: u64,
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
        let name = input.name();
        let result = input
            .read(max_bytes)
            .and_then(|bytes| extractor.extract_bytes(&name, &bytes).map_err(|e| e.to_string()));
        match result {
            Ok(ex) => {
                for w in &ex.article.warnings {
                    writeln!(err, "khabar: {name}: warning: {w}")?;
                }
                let record = khabar_events::annotate(&ex.article);
                let mut line = if pretty { serde_json::to_vec_pretty(&record)? } else { serde_json::to_vec(&record)? };
                line.push(b'\n');
                out.write_all(&line).context("writing output")?;
                summary.ok += 1;
            }
            Err(e) => {
                writeln!(err, "khabar: {name}: error: {e}")?;
                summary.failed += 1;
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    out.flush()?;
    Ok(summary)
}

/// Runs `khabar process`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new();
    let inputs = expand(&args.paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let s = process_all(&extractor, inputs, args.max_bytes, args.pretty, &mut out, &mut err)?;
    tracing::debug!(ok = s.ok, failed = s.failed, "process done");
    let failed = s.ok == 0 || (args.strict && s.failed > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
