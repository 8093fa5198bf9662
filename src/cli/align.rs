//! `selaras align SOURCE DRAFT [--segmented] [--format text|jsonl|tmx] [-g GLOSSARY]... [-o OUT]`

use std::path::PathBuf;

use clap::ValueEnum;
use selaras::align::{AlignUnit, Aligner, AlignerConfig, TermPairs, units_from_lines, units_from_segmentation};
use selaras::render::beads::Alignment;
use selaras::segment::{Lang, ParagraphMode, SegmenterConfig, segment};
use selaras::{Error, input, render};

use super::Outcome;
use super::output::write_to;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Indonesian source (`-` for standard input).
    source: PathBuf,
    /// The English draft (`-` for standard input).
    draft: PathBuf,
    /// Each non-empty line of both inputs is already one unit (blank lines
    /// separate paragraphs); unit ids are then 1-based line ordinals.
    #[arg(long)]
    segmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Glossary whose term pairs anchor the alignment (OmegaT-style TSV:
    /// `source<TAB>target<TAB>comment`); may be repeated.
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

/// Units and their ids for one side.
struct Side<'a> {
    units: Vec<AlignUnit<'a>>,
    ids: Vec<String>,
}

fn side(text: &str, lang: Lang, segmented: bool) -> Side<'_> {
    if segmented {
        let units = units_from_lines(text);
        let ids = (1..=units.len()).map(|n| n.to_string()).collect();
        Side { units, ids }
    } else {
        let segmentation = segment(
            text,
            SegmenterConfig {
                lang,
                paragraphs: ParagraphMode::Auto,
            },
        );
        let ids = segmentation.units.iter().map(|u| u.id.to_string()).collect();
        Side {
            units: units_from_segmentation(text, &segmentation),
            ids,
        }
    }
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    if args.source.as_os_str() == "-" && args.draft.as_os_str() == "-" {
        return Err(Error::Usage("only one of SOURCE and DRAFT can be `-` (standard input)".to_string()));
    }
    let mut terms = TermPairs::new();
    for path in &args.glossaries {
        let glossary = input::read(path)?;
        terms.add_tsv(&glossary.text, path)?;
    }
    let source_input = input::read(&args.source)?;
    let draft_input = input::read(&args.draft)?;
    let source = side(&source_input.text, Lang::Id, args.segmented);
    let draft = side(&draft_input.text, Lang::En, args.segmented);
    let beads = Aligner::new(AlignerConfig::default(), terms).align(&source.units, &draft.units);
    let source_texts: Vec<&str> = source.units.iter().map(|u| u.text).collect();
    let target_texts: Vec<&str> = draft.units.iter().map(|u| u.text).collect();
    let alignment = Alignment {
        source_ids: &source.ids,
        source_texts: &source_texts,
        target_ids: &draft.ids,
        target_texts: &target_texts,
        beads: &beads,
    };
    write_to(args.output.as_deref(), |out| match args.format {
        Format::Text => render::beads::write_text(out, &alignment),
        Format::Jsonl => render::beads::write_jsonl(out, &alignment),
        Format::Tmx => render::tmx::write_tmx(out, &alignment, &creation_date()),
    })?;
    Ok(Outcome::Clean)
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
