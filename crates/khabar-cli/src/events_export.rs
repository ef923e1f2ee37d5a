//! `khabar events-export`: the PLOVER events of documents as PLOVER JSON Lines or GDELT-style
//! tab-separated rows (columns and CAMEO mapping: `khabar_events::export`, `data/README.md`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use khabar_events::export::{GDELT_HEADER, to_gdelt, to_plover};

use khabar_input::expand;

/// Output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One PLOVER JSON object per event per line.
    Plover,
    /// GDELT-style tab-separated rows with a header.
    Gdelt,
}

/// Options of `khabar events-export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files and directories (recursed, sorted); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Plover)]
    pub format: Format,
    /// Also export planned, negated and hypothetical events (by default only reported ones).
    #[arg(long)]
    pub all: bool,
    /// Refuse documents larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: u64,
}

/// Runs `khabar events-export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = crate::process::pipeline_extractor();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = 0usize;
    if args.format == Format::Gdelt {
        writeln!(out, "{GDELT_HEADER}")?;
    }
    for input in expand(&args.paths) {
        let input = match input {
            Ok(i) => i,
            Err((name, e)) => {
                eprintln!("khabar: {name}: error: {e}");
                continue;
            }
        };
        let name = input.name();
        let ex = match input.read_all(args.max_bytes).and_then(|b| {
            extractor
                .extract_bytes(&name, &b)
                .map_err(|e| e.to_string())
        }) {
            Ok(ex) => ex,
            Err(e) => {
                eprintln!("khabar: {name}: error: {e}");
                continue;
            }
        };
        ok += 1;
        let rec = khabar_events::annotate(&ex.article);
        for (n, ev) in rec.events.iter().enumerate() {
            if !args.all && ev.status != khabar_events::EventStatus::Reported {
                continue;
            }
            match args.format {
                Format::Plover => {
                    serde_json::to_writer(&mut out, &to_plover(&name, n, &ex.article.text, ev))?;
                    writeln!(out)?;
                }
                Format::Gdelt => writeln!(out, "{}", to_gdelt(&name, n, ev))?,
            }
        }
    }
    out.flush()?;
    Ok(if ok == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
