//! Command-line front end. clap lives only here; every subcommand is one
//! file that reads inputs, calls the library and writes to stdout.

mod align;
mod baseline;
mod check;
mod config;
mod diff;
mod explain;
mod export;
mod glossary;
mod output;
mod segment;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Translation-assist pipeline for English versions of Indonesian news.
#[derive(Debug, Parser)]
#[command(name = "selaras", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Cut a text into paragraphs and sentence units.
    Segment(segment::Args),
    /// Check a draft against its source (or every pair of a project).
    Check(check::Args),
    /// Show the draft beside its source (and an earlier draft), in the terminal or as HTML.
    Diff(diff::Args),
    /// Explain a check rule, or list them all.
    Explain(explain::Args),
    /// Pair the units of an Indonesian source with those of an English draft.
    Align(align::Args),
    /// Export a source (and its draft) for CAT tools.
    #[command(subcommand)]
    Export(export::Command),
    /// Apply, lint and convert glossaries; suggest entries from a project.
    #[command(subcommand)]
    Glossary(glossary::Command),
    /// List what a baseline (`check --write-baseline`, `--accept`) accepts.
    #[command(subcommand)]
    Baseline(baseline::Command),
}

/// What a subcommand reports back: whether it found something at or above
/// the `--fail-on` level (exit 1) or not (exit 0).
pub enum Outcome {
    Clean,
    Findings,
    /// Some inputs failed (each already reported with [`report_error`])
    /// while the rest was done and written: exit 2, as for any error.
    Failed,
}

/// Prints `error` on standard error, with whatever a terminal would act on
/// (escape sequences from a file name or a quoted line) made visible.
pub fn report_error(error: &selaras::Error) {
    eprintln!("error: {}", selaras::render::wrap::terminal_safe(&error.to_string()));
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Align(args) => align::run(args),
        Command::Glossary(command) => glossary::run(command),
        Command::Export(command) => export::run(command),
        Command::Baseline(command) => baseline::run(command),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(error) => {
            if let Some(io_error) = std::error::Error::source(&error).and_then(|s| s.downcast_ref::<std::io::Error>())
                && io_error.kind() == std::io::ErrorKind::BrokenPipe
            {
                // The reader went away (`selaras … | head`): not an error.
                return ExitCode::SUCCESS;
            }
            report_error(&error);
            ExitCode::from(2)
        }
    }
}
