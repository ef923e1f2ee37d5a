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

/// Runs `khabar kb`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kb = Kb::builtin();
    match args.what {
        What::Stats => println!("{}", serde_json::to_string(&kb.stats())?),
        What::Lookup { name } => {
            let k = key(&name);
            let lower = name.to_lowercase();
            let mut n = 0;
            for (i, e) in kb.entries.iter().enumerate() {
                let fa = std::iter::once(&e.name_fa).chain(&e.variants).chain(&e.abbrevs).any(|v| key(v).contains(&k));
                if (fa && !k.is_empty()) || e.name_en.to_lowercase().contains(&lower) {
                    n += 1;
                    println!("{}\t{:?}\t{}\t{}", e.id, e.kind, e.name_en, e.name_fa);
                    for r in kb.roles_of(i) {
                        let end = if r.end.is_empty() { "now" } else { &r.end };
                        println!("\t{} ({}) {}–{}", r.role_fa, r.role_en, r.start, end);
                    }
                }
            }
            if n == 0 {
                println!("no match for {name}");
                return Ok(ExitCode::FAILURE);
            }
        }
        What::Tag { text, date } => {
            let text = if text == "-" { std::io::read_to_string(std::io::stdin())? } else { text };
            let day = date.as_deref().and_then(|d| khabar_entities::Day::parse(d, false));
            let ents = Recognizer::builtin().recognize(&text, day);
            println!("{}", serde_json::to_string_pretty(&ents)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
