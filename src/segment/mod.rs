//! Segmentation: text in, units out.
//!
//! Takes the whole input as read (BOM and CRLF included) and gives back its
//! paragraphs and sentence units. The result is lossless: every byte of the
//! input is in exactly one unit or in the whitespace between units, and the
//! units in order, with the gaps between them, rebuild the input.
//!
//! Steps: `paragraph` cuts the text into paragraphs (one per line, or blocks
//! between blank lines); `kind` names each paragraph (headline, dateline,
//! boilerplate, heading, body); `sentence` cuts body paragraphs into
//! sentences using the data in `abbreviations.tsv`; `repeat` marks units and
//! paragraph runs that repeat earlier ones.
//!
//! Ids are `p{paragraph}.s{sentence}`, both 1-based, counting only non-empty
//! paragraphs, so they do not move when blank lines are added or removed.

mod abbrev;
mod kind;
mod paragraph;
mod repeat;
mod rules;
mod sentence;

use std::fmt;
use std::ops::Range;

use serde::Serialize;

pub use kind::UnitKind;
pub use repeat::normalise_into;

use crate::text::Span;

/// The language of a text, which picks the abbreviation rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Indonesian (the source side).
    #[default]
    Id,
    /// English (drafts).
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// How paragraphs are delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphMode {
    /// Decide from the text (see the `paragraph` module).
    #[default]
    Auto,
    /// Every line break ends a paragraph (scraped news).
    Lines,
    /// Blank lines end paragraphs; single line breaks are wrapping.
    Blank,
}

/// Settings for `Segmenter`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SegmenterConfig {
    pub lang: Lang,
    pub paragraphs: ParagraphMode,
}

/// `p{paragraph}.s{sentence}`, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitId {
    pub paragraph: u32,
    pub sentence: u32,
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p{}.s{}", self.paragraph, self.sentence)
    }
}

impl Serialize for UnitId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One sentence-like unit of text: the segmenter's output (`segment`,
/// `glossary apply`), where the typed id (`p3.s1`) is part of the contract.
/// The stages after segmentation see a unit as `check::CheckUnit`, whose id
/// is a display string, since their units also come from `--segmented`
/// lines and XLIFF files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: UnitId,
    pub kind: UnitKind,
    /// Byte span in the input, without surrounding whitespace.
    pub span: Span,
    /// The first earlier unit with the same normalised text, if any: its
    /// index in `Segmentation::units`.
    pub repeat_of: Option<usize>,
}

/// A non-empty paragraph and the units it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based paragraph number (the `p` of the unit ids).
    pub number: u32,
    pub kind: UnitKind,
    pub span: Span,
    /// Indices into `Segmentation::units`.
    pub units: Range<usize>,
}

/// Paragraphs `paragraphs.0..=paragraphs.1` repeat `original.0..=original.1`
/// unit for unit (paragraph numbers, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RepeatedBlock {
    pub paragraphs: (u32, u32),
    pub original: (u32, u32),
}

/// The result of segmenting one text.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub units: Vec<Unit>,
    pub paragraphs: Vec<Paragraph>,
    pub repeated_blocks: Vec<RepeatedBlock>,
    /// The paragraph mode used (never `Auto`).
    pub paragraph_mode: ParagraphMode,
}

impl Segmentation {
    /// The unit with id `id`, if there is one.
    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        let paragraph = self.paragraphs.get((id.paragraph as usize).checked_sub(1)?)?;
        self.units[paragraph.units.clone()].get((id.sentence as usize).checked_sub(1)?)
    }
}

/// Cuts texts into units; cheap to build and reusable.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    config: SegmenterConfig,
}

impl Segmenter {
    pub fn new(config: SegmenterConfig) -> Self {
        Segmenter { config }
    }

    pub fn segment(&self, text: &str) -> Segmentation {
        let (paragraph_mode, ranges) = paragraph::split(text, self.config.paragraphs);
        let mut units = Vec::with_capacity(text.len() / 80);
        let mut paragraphs = Vec::with_capacity(ranges.len());
        let mut spans = Vec::new();
        for (paragraph_idx, &(start, end)) in ranges.iter().enumerate() {
            let number = u32::try_from(paragraph_idx + 1).unwrap_or(u32::MAX);
            let mut kind = kind::classify(&text[start..end], paragraph_idx == 0);
            spans.clear();
            match kind {
                UnitKind::Body | UnitKind::Headline | UnitKind::Heading => {
                    sentence::split(text, start, end, self.config.lang, &mut spans);
                    // A line of several sentences is body text that happens
                    // to lack a final full stop, not a headline.
                    if spans.len() > 1 {
                        kind = UnitKind::Body;
                    }
                }
                UnitKind::Dateline | UnitKind::Boilerplate | UnitKind::Byline => spans.push(Span::new(start, end)),
            }
            let first_unit = units.len();
            for (sentence_idx, &span) in spans.iter().enumerate() {
                units.push(Unit {
                    id: UnitId {
                        paragraph: number,
                        sentence: u32::try_from(sentence_idx + 1).unwrap_or(u32::MAX),
                    },
                    kind,
                    span,
                    repeat_of: None,
                });
            }
            paragraphs.push(Paragraph {
                number,
                kind,
                span: Span::new(start, end),
                units: first_unit..units.len(),
            });
        }
        repeat::mark_units(text, &mut units);
        let repeated_blocks = repeat::find_blocks(&units, &paragraphs);
        Segmentation {
            units,
            paragraphs,
            repeated_blocks,
            paragraph_mode,
        }
    }
}

/// Segments `text` with `config`.
pub fn segment(text: &str, config: SegmenterConfig) -> Segmentation {
    Segmenter::new(config).segment(text)
}

/// Every unit of a text given one unit per non-empty line (`--segmented`),
/// in the segmenter's shape: spans are the trimmed lines, every kind is
/// `Body`, and the id says where the line is: blank lines separate
/// paragraphs, so the third line of the second block is `p2.s3`. (Reports
/// of `--segmented` input name a line by its 1-based ordinal among the
/// non-empty lines, its index plus one, as the contract says.) Repeats are
/// left to the caller: a run of copied lines is what counts there.
pub fn lines_as_units(text: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut paragraph = 1u32;
    let mut sentence = 0u32;
    let mut previous_blank = false;
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let start = sentence::skip_whitespace(text, line_start, newline);
        let end = sentence::trim_end(text, start, newline);
        if start < end {
            if previous_blank && !out.is_empty() {
                paragraph += 1;
                sentence = 0;
            }
            previous_blank = false;
            sentence += 1;
            out.push(Unit {
                id: UnitId { paragraph, sentence },
                kind: UnitKind::Body,
                span: Span::new(start, end),
                repeat_of: None,
            });
        } else {
            previous_blank = true;
        }
        line_start = newline + 1;
    }
    out
}

#[cfg(test)]
mod tests;
