//! `selaras baseline list FILE [--format text|json]`
//!
//! What a baseline accepts, for a reviewer: one line per accepted finding
//! (fingerprint, rule, file, unit with its side, the words it is about).
//! Fingerprints recorded before selaras kept these details are listed as
//! such, with how to record them (write the baseline again).

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use selaras::Error;
use selaras::baseline::Baseline;

use super::Outcome;
use super::output::write_to;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List what a baseline file accepts.
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The baseline file (`check --write-baseline` or `--accept` wrote it).
    file: PathBuf,
    /// Output format: aligned text, or the entries as JSON Lines.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Jsonl,
}

pub fn run(command: Command) -> Result<Outcome, Error> {
    match command {
        Command::List(args) => list(args),
    }
}

fn list(args: ListArgs) -> Result<Outcome, Error> {
    let baseline = Baseline::read(&args.file)?;
    let entries = baseline.entries();
    write_to(None, |out| {
        for entry in &entries {
            match args.format {
                ListFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(entry).unwrap_or_default())?,
                ListFormat::Text if entry.rule.is_empty() => writeln!(
                    out,
                    "{}  (no details: recorded by an earlier selaras; write the baseline again to add them)",
                    entry.fingerprint
                )?,
                ListFormat::Text => {
                    write!(
                        out,
                        "{}  {}  {} {}  “{}”",
                        entry.fingerprint, entry.rule, entry.file, entry.unit, entry.words
                    )?;
                    if !entry.source_words.is_empty() {
                        write!(out, " (source: “{}”)", entry.source_words)?;
                    }
                    writeln!(out)?
                }
            }
        }
        if matches!(args.format, ListFormat::Text) {
            writeln!(out, "{} accepted findings in {}", entries.len(), args.file.display())?;
        }
        Ok(())
    })?;
    Ok(Outcome::Clean)
}
