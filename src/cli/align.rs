//! `selaras align SOURCE DRAFT [--segmented] [--format text|jsonl|tmx] [-g GLOSSARY]... [-o OUT]`
//! and `selaras align --format tmx` (no files: every pair of the nearest
//! `selaras.toml`, in one translation memory).

use std::path::PathBuf;

use clap::ValueEnum;
use selaras::check::SideText;
use selaras::pipeline::{Pipeline, PipelineOptions, SideUnits};
use selaras::render::beads::Alignment;
use selaras::{Error, input, render};

use super::Outcome;
use super::output::{self, Arg, write_to};
use super::report_error;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Indonesian source (`-` for standard input). Leave out SOURCE and
    /// DRAFT to align every pair of the project in the nearest
    /// `selaras.toml` into one TMX (`--format tmx`).
    source: Option<PathBuf>,
    /// The English draft (`-` for standard input).
    draft: Option<PathBuf>,
    /// The project file for project mode (default: `selaras.toml` here or in a parent folder).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Each non-empty line of both inputs is already one unit (blank lines
    /// separate paragraphs); unit ids are then 1-based line ordinals.
    #[arg(long)]
    segmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Glossary whose term pairs anchor the alignment (TSV, CSV, TBX or
    /// JSON, as for `check`); may be repeated. The shipped glossaries are not
    /// used here unless given.
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Jsonl,
    Tmx,
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    let mut inputs: Vec<Arg<'_>> = Vec::new();
    inputs.extend(args.source.iter().map(|path| Arg::new("SOURCE", path)));
    inputs.extend(args.draft.iter().map(|path| Arg::new("DRAFT", path)));
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    // The one glossary loader of every command reads every format, and the
    // pipeline segments and aligns as `check` does.
    let glossary = selaras::glossary::load(&args.glossaries, false)?;
    let options = PipelineOptions {
        segmented: args.segmented,
        ..PipelineOptions::default()
    };
    let pipeline = Pipeline::new(glossary, options)?;
    let (source_path, draft_path) = match (&args.source, &args.draft) {
        (Some(source), Some(draft)) => (source, draft),
        (None, None) => return run_project(&args, &pipeline),
        _ => {
            return Err(Error::Usage(
                "give a SOURCE and a DRAFT, or neither for the project's TMX".to_string(),
            ));
        }
    };
    let source_input = input::read(source_path)?;
    let draft_input = input::read(draft_path)?;
    let (source_units, draft_units, beads) = pipeline.align(&source_input.text, &draft_input.text);
    let alignment = Alignment {
        source: SideText {
            text: &source_input.text,
            units: &source_units.units,
        },
        target: SideText {
            text: &draft_input.text,
            units: &draft_units.units,
        },
        beads: &beads,
    };
    write_to(args.output.as_deref(), |out| match args.format {
        Format::Text => render::beads::write_text(out, &alignment),
        Format::Jsonl => render::beads::write_jsonl(out, &alignment),
        Format::Tmx => render::tmx::write_tmx(out, &alignment, &creation_date()),
    })?;
    Ok(Outcome::Clean)
}

/// Every pair of the project, aligned in parallel, as one TMX: the memory a
/// translator imports to reuse a repository's past translations.
fn run_project(args: &Args, pipeline: &Pipeline) -> Result<Outcome, Error> {
    use rayon::prelude::*;
    if !matches!(args.format, Format::Tmx) {
        return Err(Error::Usage(
            "a project is aligned into one TMX: add --format tmx (or give SOURCE and DRAFT)".to_string(),
        ));
    }
    let config = selaras::project::locate(args.config.as_deref(), "give a SOURCE and a DRAFT")?;
    let project = selaras::project::Project::load(&config)?;
    let expansion = project.expand()?;
    let mut project_inputs = vec![Arg::new("--config", &config)];
    for (source, draft) in &expansion.pairs {
        project_inputs.push(Arg::new("project source", source));
        project_inputs.push(Arg::new("project draft", draft));
    }
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&project_inputs, &outputs)?;
    for link in &expansion.outside {
        eprintln!(
            "note: {} leads outside the project and was not followed",
            selaras::render::wrap::one_line(&link.display().to_string())
        );
    }
    // The file property names the source as `check` prints it: relative
    // to the project root, so the memory reads the same from any checkout.
    let root = selaras::paths::absolute(&project.root);
    // A pair that cannot be read is reported and left out of the memory;
    // the others are aligned, and the run fails at the end.
    let read: Vec<Result<(String, String, String), Error>> = expansion
        .pairs
        .par_iter()
        .map(|(source, draft)| {
            let source_input = input::read(source)?;
            let draft_input = input::read(draft)?;
            Ok((selaras::paths::portable(source, &root), source_input.text, draft_input.text))
        })
        .collect();
    let mut errors = expansion.errors;
    let mut inputs: Vec<(String, String, String)> = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(input) => inputs.push(input),
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        report_error(error);
    }
    let aligned: Vec<(SideUnits, SideUnits, Vec<selaras::align::Bead>)> = inputs
        .par_iter()
        .map(|(_, source_text, draft_text)| pipeline.align(source_text, draft_text))
        .collect();
    let alignments: Vec<Alignment<'_>> = inputs
        .iter()
        .zip(&aligned)
        .map(|((_, source_text, draft_text), (source_units, draft_units, beads))| Alignment {
            source: SideText {
                text: source_text,
                units: &source_units.units,
            },
            target: SideText {
                text: draft_text,
                units: &draft_units.units,
            },
            beads,
        })
        .collect();
    let files: Vec<(Option<&str>, &Alignment<'_>)> = inputs
        .iter()
        .zip(&alignments)
        .map(|((name, _, _), a)| (Some(name.as_str()), a))
        .collect();
    write_to(args.output.as_deref(), |out| {
        render::tmx::write_tmx_files(out, &files, &creation_date())
    })?;
    eprintln!("aligned {} pairs into one TMX", files.len());
    Ok(if errors.is_empty() { Outcome::Clean } else { Outcome::Failed })
}

/// Now, or `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention),
/// so that tests and pipelines can get byte-identical TMX files.
fn creation_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    render::tmx::tmx_date(seconds)
}
