//! `khabar train`: rebuild shipped models from shipped data, reproducibly.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

/// Options of `khabar train`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

/// Which model to build.
#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// The ZWNJ restoration model of khabar-normalize, from the shipped lexicons.
    Zwnj {
        /// The lexicon directory (hazm/ and shekar/ inside).
        #[arg(long, default_value = "data/lexicon")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/khabar-normalize/model/zwnj.bin")]
        out: PathBuf,
    },
}

/// Runs `khabar train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Zwnj { data, out } => {
            let bytes = khabar_normalize::train::train_zwnj(&data)
                .with_context(|| format!("training the ZWNJ model from {}", data.display()))?;
            std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            println!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
