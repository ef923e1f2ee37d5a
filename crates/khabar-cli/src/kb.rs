//! `khabar kb`: the knowledge base: counts and look-ups.

use std::process::ExitCode;

use khabar_entities::{Kb, Recognizer, compact::key};

/// Options of `khabar kb`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

/// What to show.
#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// Counts per type, as JSON.
    Stats,
    /// Entries whose names (any spelling) contain NAME, with roles.
    Lookup {
        /// A name, in Persian or English, in any spelling.
        name: String,
    },
    /// Recognize entities in a text given on the command line (or stdin with `-`).
    Tag {
        /// The text.
        text: String,
        /// The article's date (YYYY-MM-DD), to resolve roles.
        #[arg(long)]
        date: Option<String>,
    },
}

/// Runs `khabar kb`. Output goes through `writeln!`, so a closed pipe (`khabar kb lookup X | head`) ends the
/// command quietly instead of panicking.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let kb = Kb::builtin();
    let mut out = std::io::stdout().lock();
    match args.what {
        What::Stats => writeln!(out, "{}", serde_json::to_string(&kb.stats())?)?,
        What::Lookup { name } => {
            let k = key(&name);
            let lower = name.to_lowercase();
            // Entries one of whose names is NAME itself come first, then those whose names contain it.
            let mut hits: Vec<(bool, usize)> = Vec::new();
            for (i, e) in kb.entries.iter().enumerate() {
                let names = || std::iter::once(&e.name_fa).chain(&e.variants).chain(&e.abbrevs).map(|v| key(v));
                let fa = !k.is_empty() && names().any(|v| v.contains(&k));
                let en = e.name_en.to_lowercase();
                if fa || en.contains(&lower) {
                    let exact = (!k.is_empty() && names().any(|v| v == k)) || en == lower;
                    hits.push((!exact, i));
                }
            }
            hits.sort_by_key(|&(inexact, _)| inexact);
            for &(_, i) in &hits {
                let e = &kb.entries[i];
                writeln!(out, "{}\t{:?}\t{}\t{}", e.id, e.kind, e.name_en, e.name_fa)?;
                for r in kb.roles_of(i) {
                    let end = if r.end.is_empty() { "now" } else { &r.end };
                    writeln!(out, "\t{} ({}) {}–{}", r.role_fa, r.role_en, r.start, end)?;
                }
            }
            if hits.is_empty() {
                writeln!(out, "no match for {name}")?;
                return Ok(ExitCode::FAILURE);
            }
        }
        What::Tag { text, date } => {
            let text = if text == "-" { std::io::read_to_string(std::io::stdin())? } else { text };
            let day = date.as_deref().and_then(|d| khabar_entities::Day::parse(d, false));
            let ents = Recognizer::builtin().recognize(&text, day);
            writeln!(out, "{}", serde_json::to_string_pretty(&ents)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
