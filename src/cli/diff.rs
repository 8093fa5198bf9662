//! `selaras diff SOURCE DRAFT [-g GLOSSARY]... [--previous EARLIER_DRAFT] [--html OUT.html]`
//!
//! Without `--html`, the side-by-side view goes to standard output, fitted
//! to the terminal's width (or `--width`; 120 columns when not a terminal).
//! With `--html`, one self-contained page is written (atomically) instead.
//! Exit status as for `check`: 1 when a finding is at or above `--fail-on`.

use std::path::PathBuf;

use selaras::diff::{Named, build_view};
use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::render::html::write_html;
use selaras::render::side_by_side::{MAX_WIDTH, MIN_WIDTH, SideBySideOptions, write_side_by_side};
use selaras::{Error, glossary, input};

use super::Outcome;
use super::check::ColorChoice;
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
    /// (error, warning, info or never).
    #[arg(long, default_value = "error")]
    fail_on: String,
    /// Show every row, also unchanged ones, when comparing with --previous.
    #[arg(long)]
    no_collapse: bool,
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
    let fail_on = selaras::project::parse_level(&args.fail_on).map_err(|message| Error::Usage(format!("--fail-on: {message}")))?;
    let mut inputs = vec![Arg::new("SOURCE", &args.source), Arg::new("DRAFT", &args.draft)];
    inputs.extend(args.previous.iter().map(|path| Arg::new("--previous", path)));
    inputs.extend(args.glossaries.iter().map(|path| Arg::new("-g", path)));
    let outputs: Vec<Arg<'_>> = args.html.iter().map(|path| Arg::new("--html", path)).collect();
    output::check_paths(&inputs, &outputs)?;
    let glossary = glossary::load(&args.glossaries, !args.no_default_glossary)?;
    let options = PipelineOptions {
        segmented: args.segmented,
        ..Default::default()
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
    let source_name = source.display_name();
    let draft_name = draft.display_name();
    let previous_name = previous.as_ref().map(|(earlier, _)| earlier.display_name());
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
            write_to(None, |out| write_side_by_side(out, &view, &options))?;
        }
    }
    let highest = checked.findings.iter().map(|f| f.severity).max();
    let failed = matches!((fail_on, highest), (Some(threshold), Some(found)) if found >= threshold);
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}
