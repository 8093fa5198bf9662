//! `selaras segment FILE [--lang id|en] [--format text|jsonl] [--paragraphs auto|lines|blank]`

use std::path::PathBuf;

use clap::ValueEnum;
use selaras::segment::{Lang, ParagraphMode, SegmenterConfig, segment};
use selaras::{Error, input, render};

use super::Outcome;
use super::output::{self, Arg, write_to};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to segment (`-` for standard input).
    file: PathBuf,
    /// Language of the text: Indonesian source or English draft.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// How paragraphs are delimited: one per line, blank-line blocks, or
    /// decided from the text.
    #[arg(long, value_enum, default_value_t = ParagraphsArg::Auto)]
    paragraphs: ParagraphsArg,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ParagraphsArg {
    Auto,
    Lines,
    Blank,
}

impl From<ParagraphsArg> for ParagraphMode {
    fn from(mode: ParagraphsArg) -> Self {
        match mode {
            ParagraphsArg::Auto => ParagraphMode::Auto,
            ParagraphsArg::Lines => ParagraphMode::Lines,
            ParagraphsArg::Blank => ParagraphMode::Blank,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Jsonl,
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    let outputs: Vec<Arg<'_>> = args.output.iter().map(|path| Arg::new("-o", path)).collect();
    output::check_paths(&[Arg::new("FILE", &args.file)], &outputs)?;
    let input = input::read(&args.file)?;
    let config = SegmenterConfig {
        lang: args.lang.into(),
        paragraphs: args.paragraphs.into(),
    };
    let segmentation = segment(&input.text, config);
    write_to(args.output.as_deref(), |out| match args.format {
        Format::Text => render::units::write_text(out, &input.text, &segmentation),
        Format::Jsonl => render::units::write_jsonl(out, &input.text, &segmentation),
    })?;
    Ok(Outcome::Clean)
}
