//! `khabar`: scraped Persian news in, structured records out.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod archive;
mod archive_bench;
mod bench;
mod bench_input;
mod demo;
mod events_export;
mod kb;
mod normalize;
mod process;
mod serve;
mod train;

/// khabar (خبر): turns scraped Persian news into clean, structured article records.
#[derive(Parser, Debug)]
#[command(name = "khabar", version, about, long_about = None)]
struct Cli {
    /// Log more (-v: debug, -vv: trace); logs go to stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read scraped articles and write one JSON record per article (JSON Lines) to stdout.
    Process(process::Args),
    /// Normalize Persian text from stdin to stdout, line by line (restores lost ZWNJ).
    Normalize(normalize::Args),
    /// Ingest the bundled sample corpus into a temporary archive and serve its web UI
    /// (`--summary`: print a summary per article instead).
    Demo(demo::Args),
    /// Measure throughput and memory on a synthetic corpus made from the samples.
    Bench(bench::Args),
    /// Export the PLOVER events of documents as PLOVER JSON Lines or GDELT-style rows.
    EventsExport(events_export::Args),
    /// The knowledge base: `kb stats`, `kb lookup NAME`, `kb tag TEXT`.
    Kb(kb::Args),
    /// Rebuild a shipped model from shipped data.
    Train(train::Args),
    /// Measure HTML extraction and MinHash throughput on generated CMS pages.
    BenchInput(bench_input::Args),
    /// Run the pipeline on documents and store the records in the archive (--db DIR).
    Ingest(archive::IngestArgs),
    /// Search the archive (all spellings of a word match; filters by date, outlet, person).
    Search(archive::SearchArgs),
    /// List the archive's quotes, optionally of one speaker.
    Quotes(archive::QuotesArgs),
    /// List the archive's PLOVER events, optionally of one type and actor.
    Events(archive::EventsArgs),
    /// Write the whole archive as JSON Lines, CSV or Parquet.
    Export(archive::ExportArgs),
    /// Serve the archive's web UI and JSON API (http://127.0.0.1:8080/ by default).
    Serve(serve::Args),
    /// Build an archive of synthetic articles and measure ingest speed, size and search latency.
    BenchArchive(archive_bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let level = match cli.verbose {
        0 => "warn",
        1 => "debug",
        _ => "trace",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KHABAR_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level)),
        )
        .with_writer(std::io::stderr)
        .without_time()
        .with_target(false)
        .init();
    let result = match cli.command {
        Command::Process(a) => process::run(a),
        Command::Normalize(a) => normalize::run(a),
        Command::Demo(a) => demo::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Train(a) => train::run(a),
        Command::BenchInput(a) => bench_input::run(a),
        Command::Kb(a) => kb::run(a),
        Command::EventsExport(a) => events_export::run(a),
        Command::Ingest(a) => archive::ingest(a),
        Command::Search(a) => archive::search(a),
        Command::Quotes(a) => archive::quotes(a),
        Command::Events(a) => archive::events(a),
        Command::Export(a) => archive::export(a),
        Command::BenchArchive(a) => archive_bench::run(a),
        Command::Serve(a) => serve::run(a),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`khabar demo | head`) is the reader's choice, not an error.
        Err(e) if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("khabar: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
