//! `selaras glossary apply FILE [-g GLOSSARY]... [--no-default-glossary] [--format text|jsonl|skeleton|counts] [--keep-all]`
//! `selaras glossary add SOURCE TARGET [--admitted|--forbidden] [--note TEXT] [-g FILE] [--force]` (`glossary_add.rs`)
//! `selaras glossary lint [GLOSSARY]... [--no-default-glossary] [--config FILE]`
//! `selaras glossary convert GLOSSARY... --to tsv|csv|tbx|tbx-v2|json [-o OUT]`
//! `selaras glossary suggest [-g GLOSSARY]... [--no-default-glossary] [--format tsv|jsonl] [--min-count N] [-o OUT]`

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use selaras::glossary::apply::{SkeletonOptions, TermCounter};
use selaras::glossary::formats::{self, Format};
use selaras::glossary::lint::{Severity, lint_files};
use selaras::glossary::{self, Glossary, Matcher};
use selaras::render::wrap::one_line;
use selaras::segment::SegmenterConfig;
use selaras::{Error, input, render};

use super::Outcome;
use super::output::{self, Arg, write_to};

#[path = "glossary_add.rs"]
mod add;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find glossary terms in a source text and show the English they need.
    Apply(ApplyArgs),
    /// Add a term to the project's TSV glossary (sorted, lint-clean).
    Add(add::AddArgs),
    /// Check glossary files for malformed rows, duplicates, conflicts and more.
    Lint(LintArgs),
    /// Convert glossaries (merged in order) to another format.
    Convert(ConvertArgs),
    /// Propose glossary entries from the project's own translations.
    Suggest(SuggestArgs),
}

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// A glossary in use besides the project's (its terms are left out).
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with selaras (their terms are then suggested too).
    #[arg(long)]
    no_default_glossary: bool,
    /// Output format: an OmegaT-style glossary to review and append, or JSON Lines.
    #[arg(long, value_enum, default_value_t = SuggestFormat::Tsv)]
    format: SuggestFormat,
    /// Suggest only terms seen at least this many times.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
    min_count: u32,
    /// Also list terms the glossaries in use already have (marked as known).
    #[arg(long)]
    include_known: bool,
    /// The project file (default: `selaras.toml` here or in a parent folder).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SuggestFormat {
    Tsv,
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct ApplyArgs {
    /// The Indonesian source text (`-` for standard input).
    file: PathBuf,
    /// A glossary to layer over the shipped ones (TSV, CSV, TBX or JSON);
    /// later ones add to earlier ones for the same source term.
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with selaras.
    #[arg(long)]
    no_default_glossary: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ApplyFormat::Text)]
    format: ApplyFormat,
    /// Skeleton: keep the copies of a repeated block and the site's
    /// boilerplate (left out by default: they need no translation).
    #[arg(long)]
    keep_all: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ApplyFormat {
    Text,
    Jsonl,
    Skeleton,
    Counts,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Glossary files, in layering order over the shipped glossaries (how
    /// each changes the layers before it is reported). Leave out to lint the
    /// glossaries of the project in the nearest `selaras.toml`.
    glossaries: Vec<PathBuf>,
    /// Lint the files alone, not as layers over the shipped glossaries.
    #[arg(long)]
    no_default_glossary: bool,
    /// The project file (default: `selaras.toml` here or in a parent folder).
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Glossary files, layered in order into one.
    #[arg(required = true)]
    glossaries: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    to: ToFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ToFormat {
    Tsv,
    Csv,
    /// TBX v3 (ISO 30042:2019, root `<tbx>`), TBX-Basic.
    Tbx,
    /// TBX v2 (root `<martif>`), the version OmegaT reads.
    #[value(name = "tbx-v2")]
    TbxV2,
    Json,
}

impl From<ToFormat> for Format {
    fn from(format: ToFormat) -> Self {
        match format {
            ToFormat::Tsv => Format::Tsv,
            ToFormat::Csv => Format::Csv,
            ToFormat::Tbx => Format::Tbx,
            ToFormat::TbxV2 => Format::TbxV2,
            ToFormat::Json => Format::Json,
        }
    }
}

pub fn run(command: Command) -> Result<Outcome, Error> {
    match command {
        Command::Apply(args) => apply(args),
        Command::Add(args) => add::add(args),
        Command::Lint(args) => lint(args),
        Command::Convert(args) => convert(args),
        Command::Suggest(args) => suggest(args),
    }
}

fn apply(args: ApplyArgs) -> Result<Outcome, Error> {
    let mut inputs = vec![Arg::new("FILE", &args.file)];
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    let input = input::read(&args.file)?;
    // The automaton is built and the text searched on a second thread while
    // this one segments (see `glossary::parallel`); the result is the same as
    // segmenting first and applying the glossary to each unit after.
    let searched = glossary::parallel::segment_and_search(&input.text, SegmenterConfig::default(), || {
        Matcher::new(glossary::load(&args.glossaries, !args.no_default_glossary)?)
    })?;
    let matcher = &searched.matcher;
    // Counts are counted as the occurrences come: a large text then needs
    // no list of them.
    let occurrences = match args.format {
        ApplyFormat::Counts => Vec::new(),
        _ => searched.occurrences(&input.text),
    };
    // `glossary apply` has no `--color`: it colours as `--color auto` does.
    let color = super::check::ColorChoice::Auto.enabled(args.output.is_some());
    let mut left_out = None;
    write_to(args.output.as_deref(), |out| match args.format {
        ApplyFormat::Text => render::glossary_apply::write_text(out, &input.text, &searched.segmentation, matcher, &occurrences, color),
        ApplyFormat::Jsonl => render::glossary_apply::write_jsonl(out, &input.text, matcher, &occurrences),
        ApplyFormat::Skeleton => {
            let options = SkeletonOptions { keep_all: args.keep_all };
            let skeleton =
                render::glossary_apply::write_skeleton(out, &input.text, &searched.segmentation, matcher, &occurrences, options)?;
            left_out = Some(skeleton);
            Ok(())
        }
        ApplyFormat::Counts => {
            let mut counter = TermCounter::new(matcher);
            searched.for_each_occurrence(&input.text, |occurrence| counter.add(&occurrence.hit));
            render::glossary_apply::write_counts(out, &counter.finish())
        }
    })?;
    // Say what the skeleton left out, so that a shorter text is no surprise.
    if let Some(skeleton) = left_out {
        for ((first, last), (original_first, original_last)) in &skeleton.repeats_left_out {
            eprintln!("note: left out p{first}–p{last}, which repeat p{original_first}–p{original_last} (--keep-all keeps them)");
        }
        if skeleton.boilerplate_left_out > 0 {
            eprintln!(
                "note: left out {} boilerplate paragraphs (--keep-all keeps them)",
                skeleton.boilerplate_left_out
            );
        }
    }
    // The process ends next: freeing the automaton, the units and the hits
    // of a large input one by one would only add time.
    std::mem::forget((searched, occurrences, input));
    Ok(Outcome::Clean)
}

fn lint(args: LintArgs) -> Result<Outcome, Error> {
    let mut inputs: Vec<Arg<'_>> = args.glossaries.iter().map(|path| Arg::new("GLOSSARY", path)).collect();
    inputs.extend(args.config.iter().map(|path| Arg::new("--config", path)));
    output::check_paths(&inputs, &[])?;
    let (paths, default_glossary) = if args.glossaries.is_empty() {
        let config = super::config::Config::project(args.config.as_deref(), "name the glossary files to lint")?;
        if config.glossaries.is_empty() {
            return Err(Error::Usage(
                "the project lists no glossaries; name the glossary files to lint".into(),
            ));
        }
        (config.glossaries, config.default_glossary && !args.no_default_glossary)
    } else {
        (args.glossaries, !args.no_default_glossary)
    };
    let problems = lint_files(&paths, default_glossary.then(glossary::builtin));
    write_to(None, |out| {
        for problem in &problems {
            // Terms quoted in messages may hold escape sequences or bidi
            // overrides: shown, not obeyed.
            writeln!(
                out,
                "{}:{}: {}[{}]: {}",
                one_line(&selaras::paths::portable(&problem.path, std::path::Path::new("."))),
                problem.line,
                problem.severity.as_str(),
                problem.code,
                one_line(&problem.message)
            )?;
        }
        let n_errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
        let n_warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count();
        let n_infos = problems.len() - n_errors - n_warnings;
        writeln!(out, "{n_errors} errors, {n_warnings} warnings, {n_infos} infos")
    })?;
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Ok(Outcome::Findings)
    } else {
        Ok(Outcome::Clean)
    }
}

fn convert(args: ConvertArgs) -> Result<Outcome, Error> {
    let inputs: Vec<Arg<'_>> = args.glossaries.iter().map(|path| Arg::new("GLOSSARY", path)).collect();
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    let files = args
        .glossaries
        .iter()
        .map(|path| formats::read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let merged = Glossary::layered(&files);
    let format = Format::from(args.to);
    write_to(args.output.as_deref(), |out| formats::write(&merged, format, out))?;
    Ok(Outcome::Clean)
}

fn suggest(args: SuggestArgs) -> Result<Outcome, Error> {
    use rayon::prelude::*;
    use selaras::pipeline::{Pipeline, PipelineOptions};
    use selaras::project::{self, Project};
    use selaras::suggest::{PairBeads, SuggestConfig};

    let config = project::locate(args.config.as_deref(), "glossary suggest mines the pairs of a project")?;
    let project = Project::load(&config)?;
    let expansion = project.expand()?;
    let mut inputs = vec![Arg::new("--config", &config)];
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    for (source, draft) in &expansion.pairs {
        inputs.push(Arg::new("project source", source));
        inputs.push(Arg::new("project draft", draft));
    }
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    for link in &expansion.outside {
        eprintln!(
            "note: {} leads outside the project and was not followed",
            one_line(&link.display().to_string())
        );
    }
    if expansion.pairs.is_empty() && expansion.errors.is_empty() {
        return Err(Error::Usage(format!(
            "{}: the project has no source file with a draft",
            config.display()
        )));
    }
    let mut glossaries = project.glossaries.clone();
    glossaries.extend(args.glossaries.iter().cloned());
    let glossary = glossary::load(&glossaries, project.default_glossary && !args.no_default_glossary)?;
    let pipeline = Pipeline::new(glossary, PipelineOptions::default())?;
    // A pair that cannot be read (or a folder that could not be walked) is
    // reported and left out; the rest are mined and the run fails at the
    // end, as `check` and `align` do.
    let mined: Vec<Result<PairBeads, Error>> = expansion
        .pairs
        .par_iter()
        .map(|(source, draft)| {
            let source_input = input::read(source)?;
            let draft_input = input::read(draft)?;
            // Examples name files as the project does: relative to its root.
            let path = source.strip_prefix(&project.root).unwrap_or(source);
            Ok(PairBeads {
                path: selaras::error::display_path(path),
                beads: pipeline.mining_input(&source_input.text, &draft_input.text).beads,
            })
        })
        .collect();
    let mut errors = expansion.errors;
    let mut pairs: Vec<PairBeads> = Vec::with_capacity(mined.len());
    for result in mined {
        match result {
            Ok(pair) => pairs.push(pair),
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        super::report_error(error);
    }
    let suggest_config = SuggestConfig {
        min_count: args.min_count as usize,
        include_known: args.include_known,
        ..SuggestConfig::default()
    };
    let suggestions = selaras::suggest::suggest(&pairs, pipeline.matcher().glossary(), &suggest_config);
    write_to(args.output.as_deref(), |out| match args.format {
        SuggestFormat::Tsv => selaras::suggest::write::write_tsv(out, &suggestions, pairs.len()),
        SuggestFormat::Jsonl => selaras::suggest::write::write_jsonl(out, &suggestions),
    })?;
    Ok(if errors.is_empty() { Outcome::Clean } else { Outcome::Failed })
}
