//! `khabar normalize`: stdin to stdout, one line per line.

use std::process::ExitCode;

use khabar_normalize::{Digits, Normalizer, NormalizerOptions, normalize_stream};

/// Options of `khabar normalize`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Digit script for numbers outside Latin words, URLs, decimals, dates and codes.
    #[arg(long, value_enum, default_value_t = DigitsArg::Keep)]
    pub digits: DigitsArg,
    /// Remove Arabic diacritics (harakat).
    #[arg(long)]
    pub remove_diacritics: bool,
    /// Do not restore zero-width non-joiners.
    #[arg(long)]
    pub no_zwnj: bool,
    /// Keep the author's word spacing: restore ZWNJ inside glued words only, never join
    /// words written apart ("می شود" stays as it is).
    #[arg(long)]
    pub keep_spacing: bool,
    /// Leave punctuation and its spacing alone.
    #[arg(long)]
    pub no_punctuation: bool,
    /// Collapse a run of one punctuation mark to one ("چرا؟؟؟" → "چرا؟"); by default no mark is deleted.
    #[arg(long, conflicts_with = "no_punctuation")]
    pub collapse_punctuation: bool,
}

/// Digit script choice.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum DigitsArg {
    /// Leave digits as written.
    Keep,
    /// Persian digits (۰–۹).
    Persian,
    /// ASCII digits (0–9).
    Ascii,
}

/// Runs `khabar normalize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = NormalizerOptions {
        digits: match args.digits {
            DigitsArg::Keep => Digits::Keep,
            DigitsArg::Persian => Digits::Persian,
            DigitsArg::Ascii => Digits::Ascii,
        },
        remove_diacritics: args.remove_diacritics,
        restore_zwnj: !args.no_zwnj,
        join_spaced: !args.keep_spacing,
        fix_punctuation: !args.no_punctuation,
        collapse_repeated: args.collapse_punctuation,
        ..Default::default()
    };
    let n = Normalizer::new(opts);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    normalize_stream(&n, stdin.lock(), std::io::BufWriter::new(stdout.lock()))?;
    Ok(ExitCode::SUCCESS)
}
