//! `selaras check SOURCE DRAFT [-g GLOSSARY]... [--format human|json|sarif|github|junit]`
//! and `selaras check` (no files: the project of the nearest `selaras.toml`),
//! and `selaras check FILE.xlf` (a bilingual XLIFF: one file whose name ends
//! in `.xlf`/`.xliff`, or whose text starts with `<?xml` or `<xliff`).
//!
//! Exit status: 0 = nothing at or above `--fail-on`, 1 = findings at or above
//! it, 2 = usage, input or I/O error.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use rayon::prelude::*;
use selaras::baseline::Baseline;
use selaras::check::CheckConfig;
use selaras::check::project::PairSummary;
use selaras::finding::Severity;
use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::project::{self, Project};
use selaras::render::report::{Document, FileResult, Report};
use selaras::render::{github, human, json, junit, sarif};
use selaras::{Error, glossary, input};

use super::output::{self, Arg, write_to};
use super::{Outcome, report_error};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Indonesian source and the English draft, or one bilingual XLIFF
    /// file. Leave both out to check the project described by the nearest
    /// `selaras.toml`.
    files: Vec<PathBuf>,
    /// A glossary to layer over the shipped ones (TSV, CSV, TBX or JSON);
    /// may be repeated, later files override earlier ones.
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with selaras.
    #[arg(long)]
    no_default_glossary: bool,
    /// Each non-empty line of both inputs is already one unit.
    #[arg(long)]
    segmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Set a rule's or a family's level: `--rule entity.name=off`,
    /// `--rule punct=info`; may be repeated.
    #[arg(long = "rule", value_name = "RULE=LEVEL")]
    rules: Vec<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Record the fingerprints of every finding in this file (and exit 0).
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    /// The project file (default: `selaras.toml` here or in a parent folder).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Colour for the human format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to standard output (or a file).
    pub fn enabled(self, to_file: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !to_file && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal(),
        }
    }
}

/// The pairs to check and how.
struct Plan {
    pairs: Vec<(PathBuf, PathBuf)>,
    /// A bilingual XLIFF file to check instead of pairs.
    xliff: Option<PathBuf>,
    glossaries: Vec<PathBuf>,
    default_glossary: bool,
    check_config: CheckConfig,
    fail_on: Option<Severity>,
    /// The project file, when checking a project.
    config: Option<PathBuf>,
    /// Folders of the project that could not be read: reported, and the
    /// run fails at the end.
    errors: Vec<Error>,
}

fn plan(args: &Args) -> Result<Plan, Error> {
    let mut check_config = CheckConfig::default();
    let mut fail_on = Some(Severity::Error);
    let mut glossaries = Vec::new();
    let mut default_glossary = true;
    let mut xliff = None;
    let mut config_path = None;
    let mut errors = Vec::new();
    let pairs = match args.files.as_slice() {
        [source, draft] => vec![(source.clone(), draft.clone())],
        [] => {
            let config = project::locate(args.config.as_deref(), "give a source and a draft: `selaras check SOURCE DRAFT`")?;
            let project = Project::load(&config)?;
            let expansion = project.expand()?;
            for link in &expansion.outside {
                eprintln!(
                    "note: {} leads outside the project and was not followed",
                    selaras::render::wrap::one_line(&link.display().to_string())
                );
            }
            errors = expansion.errors;
            config_path = Some(config);
            if !expansion.without_draft.is_empty() {
                eprintln!(
                    "note: {} source files have no draft yet and were skipped",
                    expansion.without_draft.len()
                );
            }
            check_config = project.check_config.clone();
            fail_on = project.fail_on;
            glossaries = project.glossaries.clone();
            default_glossary = project.default_glossary;
            expansion.pairs
        }
        [single] if is_xliff(single) => {
            xliff = Some(single.clone());
            Vec::new()
        }
        [single] => {
            return Err(Error::Usage(format!(
                "{}: give a source and a draft (`selaras check SOURCE DRAFT`), or no files for a project",
                single.display()
            )));
        }
        _ => return Err(Error::Usage("give one source and one draft".into())),
    };
    glossaries.extend(args.glossaries.iter().cloned());
    if args.no_default_glossary {
        default_glossary = false;
    }
    for setting in &args.rules {
        let (rule, level) = setting
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("--rule {setting}: write RULE=LEVEL")))?;
        let level = project::parse_level(level).map_err(|message| Error::Usage(format!("--rule {setting}: {message}")))?;
        check_config.severities.insert(rule.to_string(), level);
    }
    if let Some(choice) = args.fail_on {
        fail_on = match choice {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        };
    }
    Ok(Plan {
        pairs,
        xliff,
        glossaries,
        default_glossary,
        check_config,
        fail_on,
        config: config_path,
        errors,
    })
}

/// Refuses `-` twice and an output onto an input before anything is read.
fn check_paths(args: &Args, plan: &Plan) -> Result<(), Error> {
    let mut inputs: Vec<Arg<'_>> = Vec::new();
    match (&plan.xliff, plan.config.is_some()) {
        (Some(path), _) => inputs.push(Arg::new("FILE", path)),
        (None, true) => {
            for (source, draft) in &plan.pairs {
                inputs.push(Arg::new("project source", source));
                inputs.push(Arg::new("project draft", draft));
            }
        }
        (None, false) => {
            for (source, draft) in &plan.pairs {
                inputs.push(Arg::new("SOURCE", source));
                inputs.push(Arg::new("DRAFT", draft));
            }
        }
    }
    inputs.extend(plan.config.iter().map(|path| Arg::new("--config", path)));
    inputs.extend(plan.glossaries.iter().map(|path| Arg::new("-g", path)));
    inputs.extend(args.baseline.iter().map(|path| Arg::new("--baseline", path)));
    let mut outputs = Vec::new();
    outputs.extend(args.output.iter().map(|path| Arg::new("-o", path)));
    outputs.extend(args.write_baseline.iter().map(|path| Arg::new("--write-baseline", path)));
    output::check_paths(&inputs, &outputs)
}

fn check_pair(pipeline: &Pipeline, source: &Path, draft: &Path) -> Result<(FileResult, PairSummary), Error> {
    let source_input = input::read(source)?;
    let draft_input = input::read(draft)?;
    let checked = pipeline.run(&source_input.text, &draft_input.text);
    let result = FileResult {
        source: Document::new(source_input.display_name(), source_input.text),
        target: Document::new(draft_input.display_name(), draft_input.text),
        findings: checked.findings,
    };
    Ok((result, checked.summary))
}

/// Whether `path` names a bilingual XLIFF file: by its extension, or else by
/// how its text starts (after a byte order mark and whitespace).
fn is_xliff(path: &Path) -> bool {
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    // Trados (`.sdlxliff`) and memoQ (`.mqxliff`) write XLIFF 1.2 with
    // their own extensions; the reader ignores what it does not know.
    if matches!(extension.as_deref(), Some("xlf" | "xliff" | "sdlxliff" | "mqxliff")) {
        return true;
    }
    if path.as_os_str() == "-" {
        return false;
    }
    // Only the opening is needed; a plain-text source may be large.
    let mut opening = Vec::with_capacity(512);
    let Ok(file) = std::fs::File::open(path) else { return false };
    if std::io::Read::read_to_end(&mut std::io::Read::take(file, 512), &mut opening).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&opening).into_owned();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("<?xml") || start.starts_with("<xliff")
}

/// Checks one bilingual XLIFF file; both documents of the result are the
/// file itself, since every finding points into it.
fn check_xliff_file(pipeline: &Pipeline, path: &Path) -> Result<FileResult, Error> {
    let input = input::read(path)?;
    let file = selaras::xliff::parse(path, &input.text)?;
    let findings = selaras::xliff::check_xliff(pipeline, &file);
    Ok(FileResult {
        source: Document::new(input.display_name(), input.text.clone()),
        target: Document::new(input.display_name(), input.text),
        findings,
    })
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    let mut plan = plan(&args)?;
    check_paths(&args, &plan)?;
    let glossary = glossary::load(&plan.glossaries, plan.default_glossary)?;
    let options = PipelineOptions {
        segmented: args.segmented,
        check: plan.check_config.clone(),
    };
    let pipeline = Pipeline::new(glossary, options)?;
    let show_progress = plan.pairs.len() > 1 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let progress = if show_progress {
        indicatif::ProgressBar::new(plan.pairs.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let results: Vec<Result<(FileResult, PairSummary), Error>> = plan
        .pairs
        .par_iter()
        .map(|(source, draft)| {
            let result = check_pair(&pipeline, source, draft);
            progress.inc(1);
            result
        })
        .collect();
    progress.finish_and_clear();
    // A pair that cannot be read is reported and the others go on, as
    // ripgrep does with files; the exit status says something failed.
    let mut errors = std::mem::take(&mut plan.errors);
    let mut report = Report::default();
    let mut summaries = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((file, summary)) => {
                report.files.push(file);
                summaries.push(summary);
            }
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        report_error(error);
    }
    // Rules over all pairs: terms that drift, sentences translated two ways.
    for (pair_idx, finding) in selaras::check::project::findings(&summaries, &plan.check_config) {
        report.files[pair_idx].findings.push(finding);
    }
    // A bilingual XLIFF is checked on its own (its units are already paired).
    if let Some(path) = &plan.xliff {
        report.files.push(check_xliff_file(&pipeline, path)?);
    }
    if let Some(path) = &args.write_baseline {
        // A baseline of an incomplete run would leave out the findings of
        // the pairs that failed, and they would all come back as new.
        if !errors.is_empty() {
            return Err(Error::Usage(format!(
                "{} not written: {} of the pairs could not be checked",
                path.display(),
                errors.len()
            )));
        }
        let baseline = Baseline::of(&report);
        write_to(Some(path), |out| out.write_all(baseline.to_json().as_bytes()))?;
        eprintln!("wrote {} fingerprints to {}", baseline.fingerprints.len(), path.display());
        return Ok(Outcome::Clean);
    }
    if let Some(path) = &args.baseline {
        let removed = Baseline::read(path)?.filter(&mut report);
        if removed > 0 {
            eprintln!("note: {removed} findings recorded in {} are not shown", path.display());
        }
    }
    let color = args.color.enabled(args.output.is_some());
    write_to(args.output.as_deref(), |out| match args.format {
        Format::Human => human::write(out, &report, color),
        Format::Json => json::write(out, &report),
        Format::Sarif => sarif::write(out, &report),
        Format::Github => github::write(out, &report),
        Format::Junit => junit::write(out, &report),
    })?;
    if !errors.is_empty() {
        return Ok(Outcome::Failed);
    }
    let failed = match (plan.fail_on, report.summary().highest()) {
        (Some(threshold), Some(highest)) => highest >= threshold,
        _ => false,
    };
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}
