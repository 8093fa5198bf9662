//! `selaras check SOURCE DRAFT [-g GLOSSARY]... [--format human|json|sarif|github|junit]`
//! and `selaras check` (no files: the project of the nearest `selaras.toml`),
//! `selaras check FILE.xlf` (a bilingual XLIFF: one file whose name ends
//! in `.xlf`/`.xliff`, or whose text starts with `<?xml` or `<xliff`), and
//! `selaras check --pairs-jsonl FILE|-` (a stream of pairs, see `selaras::stream`).
//!
//! Every form reads the nearest `selaras.toml` (or `--config`) for its rules,
//! glossaries and `fail_on`, flags on top (`cli::config`). Paths in reports
//! are relative to the project root in project mode and to the working
//! directory for files given here (`selaras::paths`).
//!
//! Exit status: 0 = nothing at or above `--fail-on`, 1 = findings at or above
//! it, 2 = usage, input or I/O error (also: a pair pattern that matches no
//! file, and with `require_drafts`/`--require-drafts` a source without its
//! draft, reported after the findings of the pairs that could be checked).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use rayon::prelude::*;
use selaras::baseline::Baseline;
use selaras::check::across_pairs::PairSummary;
use selaras::finding::Severity;
use selaras::paths;
use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::project;
use selaras::render::{github, human, json, junit, sarif};
use selaras::report::{Document, FileResult, Report};
use selaras::{Error, glossary, input};

use super::config::Config;
use super::output::{self, Arg, write_to};
use super::{Outcome, report_error};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Indonesian source and the English draft, or one bilingual XLIFF
    /// file. Leave both out to check the project described by the nearest
    /// `selaras.toml`.
    files: Vec<PathBuf>,
    /// A glossary to layer over the shipped ones (TSV, CSV, TBX or JSON);
    /// may be repeated, later files add to earlier ones.
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with selaras.
    #[arg(long)]
    no_default_glossary: bool,
    /// Each non-empty line of both inputs is already one unit.
    #[arg(long)]
    segmented: bool,
    /// Output format (default: human).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Exit with status 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Set a rule's or a family's level: `--rule entity.name=off`,
    /// `--rule punct=info`; may be repeated.
    #[arg(long = "rule", value_name = "RULE=LEVEL")]
    rules: Vec<String>,
    /// Require one spelling of English in glossary targets (american or
    /// british; default: the project's `spelling`, else both count).
    #[arg(long, value_name = "american|british")]
    spelling: Option<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Record the fingerprints of every finding in this file (and exit 0).
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    /// Accept one finding into the --baseline file (created if missing):
    /// its fingerprint, as the human format's `= accept:` line, the JSON
    /// `fingerprint` or the diff page show it; may be repeated.
    #[arg(long, value_name = "FINGERPRINT", requires = "baseline")]
    accept: Vec<String>,
    /// The project file (default: `selaras.toml` here or in a parent
    /// folder); its rules, glossaries and `fail_on` apply to files given here
    /// too.
    #[arg(long)]
    config: Option<PathBuf>,
    /// A source file without its draft is an error (exit 2), not a note.
    #[arg(long)]
    require_drafts: bool,
    /// The draft is meant to be complete: where it stops before the end of
    /// its source, report every untranslated unit as an omission (by
    /// default one `omission.unfinished` says where the draft ends).
    #[arg(long)]
    full_draft: bool,
    /// Check a stream of pairs: one `{"id","source","draft"}` JSON object per
    /// line of FILE (`-` = standard input); writes one
    /// `{"id","findings","summary"}` line per pair, in input order.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "baseline", "write_baseline", "accept", "format"])]
    pairs_jsonl: Option<PathBuf>,
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
    /// `always` and `never` decide alone. `auto` asks anstream about standard
    /// output, which follows `NO_COLOR` (set and not empty: no colour), then
    /// `CLICOLOR_FORCE` (colour even into a pipe), then `CLICOLOR=0`, then
    /// whether standard output is a terminal that shows colour (not
    /// `TERM=dumb`). A file named by `-o` gets no colour under `auto`: it is
    /// a report to keep or read later, not a terminal.
    pub fn enabled(self, to_file: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !to_file && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
        }
    }
}

/// The pairs to check and how.
struct Plan {
    pairs: Vec<(PathBuf, PathBuf)>,
    /// A bilingual XLIFF file to check instead of pairs.
    xliff: Option<PathBuf>,
    config: Config,
    /// The project file, when checking a project.
    config_path: Option<PathBuf>,
    /// The folder report paths are relative to (absolute).
    base: PathBuf,
    /// Sources without a draft (with the draft path looked for), in project mode.
    without_draft: Vec<(PathBuf, PathBuf)>,
    /// Folders of the project that could not be read: reported, and the
    /// run fails at the end.
    errors: Vec<Error>,
}

fn plan(args: &Args) -> Result<Plan, Error> {
    let mut xliff = None;
    let mut without_draft = Vec::new();
    let mut config_path = None;
    let mut errors = Vec::new();
    let (mut config, pairs) = match args.files.as_slice() {
        [source, draft] => (Config::discover(args.config.as_deref())?, vec![(source.clone(), draft.clone())]),
        [] => {
            let instead = "give a source and a draft: `selaras check SOURCE DRAFT`";
            let located = project::locate(args.config.as_deref(), instead)?;
            let config = Config::project(Some(&located), instead)?;
            let expansion = config
                .project
                .as_ref()
                .map(|project| project.expand())
                .transpose()?
                .unwrap_or_default();
            for link in &expansion.outside {
                eprintln!(
                    "note: {} leads outside the project and was not followed",
                    selaras::render::wrap::one_line(&link.display().to_string())
                );
            }
            errors = expansion.errors;
            config_path = Some(located);
            without_draft = expansion.without_draft;
            (config, expansion.pairs)
        }
        [single] if is_xliff(single) => {
            xliff = Some(single.clone());
            (Config::discover(args.config.as_deref())?, Vec::new())
        }
        [single] => {
            return Err(Error::Usage(format!(
                "{}: give a source and a draft (`selaras check SOURCE DRAFT`), or no files for a project",
                single.display()
            )));
        }
        _ => return Err(Error::Usage("give one source and one draft".into())),
    };
    config.glossary_flags(&args.glossaries, args.no_default_glossary);
    config.rule_flags(&args.rules)?;
    config.spelling_flag(args.spelling.as_deref())?;
    if let Some(choice) = args.fail_on {
        config.fail_on = match choice {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        };
    }
    if args.require_drafts {
        config.require_drafts = true;
    }
    config.check.full_draft |= args.full_draft;
    let base = paths::absolute(config.project_root().unwrap_or(Path::new(".")));
    Ok(Plan {
        pairs,
        xliff,
        config,
        config_path,
        base,
        without_draft,
        errors,
    })
}

/// Refuses `-` twice and an output onto an input before anything is read.
fn check_paths(args: &Args, plan: &Plan) -> Result<(), Error> {
    let mut inputs: Vec<Arg<'_>> = Vec::new();
    match (&plan.xliff, plan.config_path.is_some()) {
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
    inputs.extend(plan.config_path.iter().map(|path| Arg::new("--config", path)));
    inputs.extend(plan.config.glossaries.iter().map(|path| Arg::new("-g", path)));
    inputs.extend(args.baseline.iter().map(|path| Arg::new("--baseline", path)));
    let mut outputs = Vec::new();
    outputs.extend(args.output.iter().map(|path| Arg::new("-o", path)));
    outputs.extend(args.write_baseline.iter().map(|path| Arg::new("--write-baseline", path)));
    output::check_paths(&inputs, &outputs)
}

fn check_pair(pipeline: &Pipeline, source: &Path, draft: &Path, base: &Path) -> Result<(FileResult, PairSummary), Error> {
    let source_input = input::read(source)?;
    let draft_input = input::read(draft)?;
    let checked = pipeline.run(&source_input.text, &draft_input.text);
    let result = FileResult {
        source: Document::new(paths::portable(source, base), source_input.text),
        target: Document::new(paths::portable(draft, base), draft_input.text),
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
fn check_xliff_file(pipeline: &Pipeline, path: &Path, base: &Path) -> Result<FileResult, Error> {
    let input = input::read(path)?;
    let file = selaras::xliff::parse(path, &input.text)?;
    let findings = selaras::xliff::check_xliff(pipeline, &file);
    let name = paths::portable(path, base);
    Ok(FileResult {
        source: Document::xml(name.clone(), input.text.clone()),
        target: Document::xml(name, input.text),
        findings,
    })
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    if let Some(stream) = &args.pairs_jsonl {
        return run_stream(&args, stream);
    }
    let mut plan = plan(&args)?;
    check_paths(&args, &plan)?;
    // Name every source still waiting for its draft: a count alone hides
    // which article was forgotten.
    for (source, draft) in &plan.without_draft {
        let (source, draft) = (paths::portable(source, &plan.base), paths::portable(draft, &plan.base));
        let level = if plan.config.require_drafts { "error" } else { "note" };
        eprintln!("{level}: {source} has no draft yet ({draft} not found)");
    }
    let glossary = glossary::load(&plan.config.glossaries, plan.config.default_glossary)?;
    let options = PipelineOptions {
        segmented: args.segmented,
        check: plan.config.check.clone(),
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
            let result = check_pair(&pipeline, source, draft, &plan.base);
            progress.inc(1);
            result
        })
        .collect();
    progress.finish_and_clear();
    // A pair that cannot be read is reported and the others go on, as
    // ripgrep does with files; the exit status says something failed.
    let mut errors = std::mem::take(&mut plan.errors);
    let mut report = Report {
        base: Some(plan.base.clone()),
        ..Report::default()
    };
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
    let names: Vec<&str> = report.files.iter().map(|file| file.source.path.as_str()).collect();
    for (pair_idx, finding) in selaras::check::across_pairs::findings(&summaries, &names, &plan.config.check) {
        report.files[pair_idx].findings.push(finding);
    }
    // A bilingual XLIFF is checked on its own (its units are already paired).
    if let Some(path) = &plan.xliff {
        report.files.push(check_xliff_file(&pipeline, path, &plan.base)?);
    }
    // The process ends after the report: taking the glossary automaton and
    // its thousands of strings apart one by one would only cost time.
    std::mem::forget(pipeline);
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
        return missing_drafts(&plan).map(|()| Outcome::Clean);
    }
    let mut kept_prints = None;
    if let Some(path) = &args.baseline {
        let mut baseline = if !args.accept.is_empty() && !path.exists() {
            Baseline::new()
        } else {
            Baseline::read(path)?
        };
        if !args.accept.is_empty() {
            let added = baseline
                .accept(&report, &args.accept)
                .map_err(|message| Error::Usage(format!("{}: nothing accepted: {message}", path.display())))?;
            write_to(Some(path), |out| out.write_all(baseline.to_json().as_bytes()))?;
            for accepted in &added {
                eprintln!(
                    "accepted into {}: {} {} {}: “{}”",
                    path.display(),
                    accepted.rule,
                    accepted.file,
                    accepted.unit,
                    accepted.words
                );
            }
        }
        let (removed, prints) = baseline.filter_keeping(&mut report);
        kept_prints = Some(prints);
        if removed > 0 {
            eprintln!("note: {removed} findings recorded in {} are not shown", path.display());
        }
    }
    let color = args.color.enabled(args.output.is_some());
    write_to(args.output.as_deref(), |out| match args.format.unwrap_or(Format::Human) {
        // With a baseline in use, each finding says how to accept it.
        Format::Human => human::write_accepting(out, &report, color, kept_prints.as_deref()),
        Format::Json => json::write(out, &report),
        Format::Sarif => sarif::write(out, &report),
        Format::Github => github::write(out, &report),
        Format::Junit => junit::write(out, &report),
    })?;
    if !errors.is_empty() {
        return Ok(Outcome::Failed);
    }
    missing_drafts(&plan)?;
    let failed = match (plan.config.fail_on, report.summary().highest()) {
        (Some(threshold), Some(highest)) => highest >= threshold,
        _ => false,
    };
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}

/// With `require_drafts`, sources without a draft are an input error (exit
/// 2), raised after the report of the pairs that could be checked.
fn missing_drafts(plan: &Plan) -> Result<(), Error> {
    if !plan.config.require_drafts || plan.without_draft.is_empty() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} source files have no draft (require_drafts is set)",
        plan.without_draft.len()
    )))
}

/// `--pairs-jsonl`: the stream mode (`selaras::stream`).
fn run_stream(args: &Args, path: &Path) -> Result<Outcome, Error> {
    let mut inputs = vec![Arg::new("--pairs-jsonl", path)];
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    inputs.extend(args.config.iter().map(|path| Arg::new("--config", path)));
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    let mut config = Config::discover(args.config.as_deref())?;
    config.glossary_flags(&args.glossaries, args.no_default_glossary);
    config.rule_flags(&args.rules)?;
    config.spelling_flag(args.spelling.as_deref())?;
    config.check.full_draft |= args.full_draft;
    if let Some(choice) = args.fail_on {
        config.fail_on = match choice {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        };
    }
    let glossary = glossary::load(&config.glossaries, config.default_glossary)?;
    let pipeline = Pipeline::new(
        glossary,
        PipelineOptions {
            segmented: args.segmented,
            check: config.check.clone(),
        },
    )?;
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let input: Box<dyn std::io::BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(io_error)?;
        Box::new(std::io::BufReader::with_capacity(1 << 16, file))
    };
    let mut summary = selaras::stream::StreamSummary::default();
    let mut read_error = None;
    let written = write_to(args.output.as_deref(), |out| {
        match selaras::stream::check_jsonl(&pipeline, input, out) {
            Ok(done) => summary = done,
            Err(selaras::stream::StreamError::Write(error)) => return Err(error),
            Err(selaras::stream::StreamError::Read(error)) => {
                read_error = Some(error);
                return Err(std::io::Error::other("the input could not be read"));
            }
        }
        Ok(())
    });
    if let Some(error) = read_error {
        return Err(io_error(error));
    }
    written?;
    if summary.bad_lines > 0 {
        eprintln!(
            "note: {} of {} lines could not be read (see their \"error\" objects)",
            summary.bad_lines, summary.lines
        );
    }
    let failed = matches!((config.fail_on, summary.highest), (Some(threshold), Some(highest)) if highest >= threshold);
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}
