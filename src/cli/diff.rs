//! `selaras diff SOURCE DRAFT [-g GLOSSARY]... [--previous EARLIER_DRAFT] [--html OUT.html]`
//!
//! Without `--html`, the side-by-side view goes to standard output, fitted
//! to the terminal's width (or `--width`; 120 columns when not a terminal).
//! With `--html`, one self-contained page is written (atomically) instead.
//! Exit status as for `check`: 1 when a finding is at or above `--fail-on`.
//! The project's `selaras.toml` (or `--config`) applies as for `check`: its
//! `[rules]`, glossaries and `fail_on` (`cli::config`).

use std::path::PathBuf;

use selaras::diff::{Named, build_view};
use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::render::html::write_html;
use selaras::render::side_by_side::{MAX_WIDTH, MIN_WIDTH, SideBySideOptions, write_side_by_side};
use selaras::report::{Document, FileResult, Report};
use selaras::{Error, glossary, input, paths};

use super::Outcome;
use super::check::ColorChoice;
use super::config::Config;
use super::output::{self, Arg, write_to};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Indonesian source (`-` for standard input).
    source: PathBuf,
    /// The English draft.
    draft: PathBuf,
    /// A glossary to layer over the shipped ones; may be repeated.
    #[arg(short = 'g', long = "glossary")]
    glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with selaras.
    #[arg(long)]
    no_default_glossary: bool,
    /// An earlier draft of the same source: show what changed since.
    #[arg(long, value_name = "EARLIER_DRAFT")]
    previous: Option<PathBuf>,
    /// Write the view as one self-contained HTML page to this file.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Each non-empty line of the inputs is already one unit.
    #[arg(long)]
    segmented: bool,
    /// Terminal width in columns, 20 to 1000 (default: the terminal's, or 120).
    #[arg(long, value_parser = parse_width)]
    width: Option<usize>,
    /// Colour for the terminal view.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Exit with status 1 when a finding is at or above this level
    /// (error, warning, info or never; default: the project's `fail_on`, else error).
    #[arg(long)]
    fail_on: Option<String>,
    /// Set a rule's or a family's level: `--rule entity.name=off`; may be repeated.
    #[arg(long = "rule", value_name = "RULE=LEVEL")]
    rules: Vec<String>,
    /// The project file (default: `selaras.toml` here or in a parent folder),
    /// whose rules and glossaries apply.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Show every row in the terminal view: unchanged ones when comparing
    /// with --previous, and repeated, boilerplate or not yet translated
    /// source units (the HTML page folds these behind a button).
    #[arg(long)]
    no_collapse: bool,
    /// The draft is meant to be complete: where it stops early, every
    /// untranslated unit is an omission (see `selaras check --full-draft`).
    #[arg(long)]
    full_draft: bool,
}

/// A width within `MIN_WIDTH..=MAX_WIDTH`: wider than any terminal makes
/// no view, only giant padded lines (and once a formatting panic).
fn parse_width(text: &str) -> Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|width| (MIN_WIDTH..=MAX_WIDTH).contains(width))
        .ok_or_else(|| format!("give a number of columns in {MIN_WIDTH}..={MAX_WIDTH}"))
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    let mut inputs = vec![Arg::new("SOURCE", &args.source), Arg::new("DRAFT", &args.draft)];
    inputs.extend(args.previous.iter().map(|path| Arg::new("--previous", path)));
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    inputs.extend(args.config.iter().map(|path| Arg::new("--config", path)));
    let outputs: Vec<Arg<'_>> = args.html.iter().map(|path| Arg::new("--html", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    let mut config = Config::discover(args.config.as_deref())?;
    config.glossary_flags(&args.glossaries, args.no_default_glossary);
    config.rule_flags(&args.rules)?;
    config.fail_on_flag(args.fail_on.as_deref())?;
    config.check.full_draft |= args.full_draft;
    let fail_on = config.fail_on;
    let glossary = glossary::load(&config.glossaries, config.default_glossary)?;
    let options = PipelineOptions {
        segmented: args.segmented,
        check: config.check.clone(),
    };
    let pipeline = Pipeline::new(glossary, options)?;
    let source = input::read(&args.source)?;
    let draft = input::read(&args.draft)?;
    let checked = pipeline.run(&source.text, &draft.text);
    let previous = match &args.previous {
        Some(path) => {
            let earlier = input::read(path)?;
            let earlier_checked = pipeline.run(&source.text, &earlier.text);
            Some((earlier, earlier_checked))
        }
        None => None,
    };
    // Names as `check` prints them: relative to the working directory.
    let here = std::path::Path::new(".");
    let source_name = paths::portable(&args.source, here);
    let draft_name = paths::portable(&args.draft, here);
    let previous_name = args.previous.as_deref().map(|path| paths::portable(path, here));
    let view = build_view(
        Named {
            path: &source_name,
            text: &source.text,
        },
        Named {
            path: &draft_name,
            text: &draft.text,
        },
        &checked,
        previous
            .as_ref()
            .zip(previous_name.as_deref())
            .map(|((earlier, earlier_checked), name)| {
                (
                    Named {
                        path: name,
                        text: &earlier.text,
                    },
                    earlier_checked,
                )
            }),
    );
    // Each finding's baseline fingerprint, computed as `check` computes it
    // (paths relative to the project root, or the working directory), so
    // that the page's `--accept` lines work with `check --baseline`.
    let base = paths::absolute(config.project_root().unwrap_or(std::path::Path::new(".")));
    let report = Report {
        base: Some(base.clone()),
        files: vec![FileResult {
            source: Document::new(paths::portable(&args.source, &base), source.text.clone()),
            target: Document::new(paths::portable(&args.draft, &base), draft.text.clone()),
            findings: checked.findings.clone(),
        }],
    };
    let mut view = view;
    view.fingerprints = report.fingerprint_map();
    match &args.html {
        Some(path) => {
            write_to(Some(path), |out| write_html(out, &view))?;
            eprintln!(
                "wrote {} ({} beads, {} findings)",
                path.display(),
                view.rows.len(),
                view.summary.findings()
            );
        }
        None => {
            // A terminal's own width (or `COLUMNS`) is fitted into the
            // range that `--width` accepts.
            let width = args.width.unwrap_or_else(|| {
                terminal_size::terminal_size_of(std::io::stdout())
                    .map(|(terminal_size::Width(w), _)| usize::from(w))
                    .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()))
                    .unwrap_or(120)
                    .clamp(MIN_WIDTH, MAX_WIDTH)
            });
            let mut options = SideBySideOptions::new(width, args.color.enabled(false));
            options.collapse_unchanged = !args.no_collapse;
            options.fold_blocks = !args.no_collapse;
            write_to(None, |out| write_side_by_side(out, &view, &options))?;
        }
    }
    let highest = checked.findings.iter().map(|f| f.severity).max();
    let failed = matches!((fail_on, highest), (Some(threshold), Some(found)) if found >= threshold);
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}
