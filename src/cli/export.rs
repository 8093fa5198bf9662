//! `selaras export xliff SOURCE [DRAFT] [--xliff-version 1.2|2.0] [-g GLOSSARY]... [--no-default-glossary] [-o OUT]`
//!
//! Writes one XLIFF file for a CAT tool: the source's units, and with a
//! draft its aligned translations, states and findings as notes (see the
//! `selaras::xliff` module for the decisions). Exit status 0 whatever the
//! checks found, since the findings travel inside the file; 2 on input or
//! I/O errors. The project's `selaras.toml` (or `--config`) applies as for
//! `check`: its `[rules]` decide which findings become notes, its glossaries
//! which terms are marked (`cli::config`).

use std::path::PathBuf;

use clap::ValueEnum;
use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::xliff::{self, Version};
use selaras::{Error, glossary, input};

use super::Outcome;
use super::config::Config;
use super::output::{self, Arg, write_to};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write an XLIFF file: the source's units, with the draft as targets.
    Xliff(XliffArgs),
}

#[derive(Debug, clap::Args)]
pub struct XliffArgs {
    /// The Indonesian source (`-` for standard input).
    source: PathBuf,
    /// The English draft, aligned to the source to fill the targets.
    draft: Option<PathBuf>,
    /// XLIFF version: 1.2 (read by every CAT tool) or 2.0 (with the Glossary module).
    #[arg(long, value_enum, default_value_t = VersionArg::V12)]
    xliff_version: VersionArg,
    /// A glossary to layer over the shipped ones; may be repeated.
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with selaras.
    #[arg(long)]
    no_default_glossary: bool,
    /// Set a rule's or a family's level: `--rule entity.name=off`; may be repeated.
    #[arg(long = "rule", value_name = "RULE=LEVEL")]
    rules: Vec<String>,
    /// The project file (default: `selaras.toml` here or in a parent folder),
    /// whose rules and glossaries apply.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum VersionArg {
    #[value(name = "1.2")]
    V12,
    #[value(name = "2.0")]
    V20,
}

pub fn run(command: Command) -> Result<Outcome, Error> {
    let Command::Xliff(args) = command;
    let version = match args.xliff_version {
        VersionArg::V12 => Version::V12,
        VersionArg::V20 => Version::V20,
    };
    let mut inputs = vec![Arg::new("SOURCE", &args.source)];
    inputs.extend(args.draft.iter().map(|path| Arg::new("DRAFT", path)));
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    inputs.extend(args.config.iter().map(|path| Arg::new("--config", path)));
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    let mut config = Config::discover(args.config.as_deref())?;
    config.glossary_flags(&args.glossaries, args.no_default_glossary);
    config.rule_flags(&args.rules)?;
    let glossary = glossary::load(&config.glossaries, config.default_glossary)?;
    let options = PipelineOptions {
        check: config.check,
        ..PipelineOptions::default()
    };
    let pipeline = Pipeline::new(glossary, options)?;
    let source = input::read(&args.source)?;
    let draft = args.draft.as_deref().map(input::read).transpose()?;
    let draft_text = draft.as_ref().map(|draft| draft.text.as_str());
    // Without a draft the pipeline still segments the source and finds its
    // terms; `build` ignores the beads and findings of the empty draft.
    let checked = pipeline.run(&source.text, draft_text.unwrap_or(""));
    let units = xliff::build(&checked, &source.text, draft_text, pipeline.matcher().glossary());
    // XLIFF 2.0 requires at least one unit per file, and an empty 1.2 file
    // is of no use to a translator: an empty source is an input error.
    if units.is_empty() {
        return Err(Error::Usage(format!("{}: the source has no text to export", source.display_name())));
    }
    // `original` names the source file without its folder, which is all a
    // CAT tool shows; standard input has no name.
    let original = match args.source.file_name() {
        Some(name) if args.source.as_os_str() != "-" => name.to_string_lossy().into_owned(),
        _ => "stdin".to_string(),
    };
    write_to(args.output.as_deref(), |out| xliff::write(out, &units, version, &original))?;
    Ok(Outcome::Clean)
}
