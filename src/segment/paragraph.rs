//! Paragraphs: where the text breaks into blocks before sentences are cut.
//!
//! Pasted articles come in three layouts, often mixed in one file: one
//! paragraph per line (scraped news), paragraphs separated by blank lines,
//! and hard-wrapped lines (a fixed column) inside blank-line blocks. Every
//! blank line ends a paragraph; whether a single line break does is decided
//! break by break (`ParagraphMode::Auto`):
//!
//! * a line of `MAX_WRAP_COLUMN` characters or more is never wrapped text:
//!   the breaks on both sides of it end paragraphs;
//! * a dateline, byline or boilerplate line (see `kind`) is a paragraph of
//!   its own, so that kinds come out the same in every layout;
//! * a line that does not end a sentence, followed by a line that starts in
//!   lowercase, is wrapped (the clearest mark of a wrap);
//! * otherwise the break is a wrap only when the line before it is *full*:
//!   the next line's first word would not have fitted after it within the
//!   block's wrap column. The column is the widest line next to a clear
//!   wrap in the same block, or, for a block with none, in the whole text;
//!   text without any clear wrap has no column, and every line is a
//!   paragraph. So a short line — a headline, a subhead, the last line of a
//!   paragraph — followed by a capitalised line ends its paragraph;
//! * a title-cased line at the start of a paragraph (a headline) followed by
//!   a line that does not go on with it (a wrapped headline's second line is
//!   title-cased and unpunctuated too) ends its paragraph even when full.
//!
//! `ParagraphMode::Lines` makes every line break a paragraph end.
//! `ParagraphMode::Blank` reads every block as wrapped text, but still keeps
//! dateline, byline and boilerplate lines, headlines, and short lines
//! without final punctuation before a capitalised line, as paragraphs of
//! their own.
//!
//! The text is read twice (columns first, then breaks), line by line, with
//! one number kept per block: time and memory stay linear.

use super::ParagraphMode;
use super::kind;
use super::sentence::{skip_whitespace, trim_end};

/// Lines at least this many characters long are never hard-wrapped text.
const MAX_WRAP_COLUMN: usize = 160;
/// A "column" narrower than this is a list or a poem, not wrapping.
const MIN_WRAP_COLUMN: usize = 30;
/// Editors do not all wrap greedily at the last possible word.
const FULL_SLACK: usize = 2;
/// How much wider than the column a wrapped paragraph's line may be.
const WIDE_SLACK: usize = 12;

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding
/// whitespace; whitespace-only stretches are not paragraphs. The mode
/// returned is `Blank` when some line break was read as wrapping, else
/// `Lines`.
pub fn split(text: &str, mode: ParagraphMode) -> (ParagraphMode, Vec<(usize, usize)>) {
    let mut paragraphs = Vec::new();
    if mode == ParagraphMode::Lines {
        for line in lines(text) {
            push_trimmed(text, line.0, line.1, &mut paragraphs);
        }
        return (ParagraphMode::Lines, paragraphs);
    }
    let columns = Columns::measure(text);
    if mode == ParagraphMode::Auto && columns.document == 0 {
        // No line anywhere continues a sentence on the next line: this is
        // one paragraph per line (or per blank-line block of one line).
        for line in lines(text) {
            push_trimmed(text, line.0, line.1, &mut paragraphs);
        }
        return (ParagraphMode::Lines, paragraphs);
    }
    let wrapped_any = join_wrapped(text, mode, &columns, &mut paragraphs);
    let used = if mode == ParagraphMode::Blank || wrapped_any {
        ParagraphMode::Blank
    } else {
        ParagraphMode::Lines
    };
    (used, paragraphs)
}

/// Raw line ranges (without the line feed).
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut line_start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |newline| {
            let line = (line_start, newline);
            line_start = newline + 1;
            line
        })
}

/// A non-blank line, trimmed.
#[derive(Clone, Copy)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Non-blank lines with, for each, whether a blank line came before it.
fn content_lines(text: &str) -> impl Iterator<Item = (bool, Line<'_>)> + '_ {
    let mut after_blank = true;
    lines(text).filter_map(move |(start, end)| {
        let start = skip_whitespace(text, start, end);
        let end = trim_end(text, start, end);
        if start == end {
            after_blank = true;
            return None;
        }
        let new_block = std::mem::replace(&mut after_blank, false);
        Some((
            new_block,
            Line {
                start,
                end,
                text: &text[start..end],
            },
        ))
    })
}

/// The wrap column of each block (0 where the block shows no clear wrap),
/// the widest line of each block, and the text's column (the widest block
/// column, 0 if none).
struct Columns {
    blocks: Vec<(u32, u32)>,
    document: usize,
}

impl Columns {
    fn measure(text: &str) -> Columns {
        let mut blocks: Vec<(u32, u32)> = Vec::new();
        let mut document = 0;
        let mut previous: Option<Line<'_>> = None;
        for (new_block, line) in content_lines(text) {
            if new_block {
                blocks.push((0, 0));
                previous = None;
            }
            let Some(block) = blocks.last_mut() else { continue };
            let line_width = width(line.text);
            if line_width < MAX_WRAP_COLUMN {
                block.1 = block.1.max(line_width as u32);
            }
            if let Some(before) = previous
                && is_clear_wrap(before.text, line.text)
            {
                // Both lines of a clear wrap are at most the column wide.
                block.0 = block.0.max(width(before.text) as u32).max(line_width as u32);
                if (block.0 as usize) >= MIN_WRAP_COLUMN {
                    document = document.max(block.0 as usize);
                }
            }
            previous = Some(line);
        }
        for block in &mut blocks {
            if (block.0 as usize) < MIN_WRAP_COLUMN {
                block.0 = 0;
            }
        }
        Columns { blocks, document }
    }
}

/// Groups lines into paragraphs break by break (see the module header).
/// Returns whether any break was read as wrapping.
fn join_wrapped(text: &str, mode: ParagraphMode, columns: &Columns, out: &mut Vec<(usize, usize)>) -> bool {
    let mut wrapped_any = false;
    let mut block_idx = 0usize;
    let mut previous: Option<Line<'_>> = None;
    let mut paragraph_start = 0;
    let mut paragraph_first = true;
    // Whether the previous line stands alone, once it has been looked at:
    // each line is classified at most once.
    let mut previous_alone: Option<bool> = None;
    for (new_block, line) in content_lines(text) {
        let mut line_alone = None;
        let soft = match previous {
            Some(before) if !new_block => {
                let (block_column, block_widest) = columns.blocks[block_idx - 1];
                let column = match (block_column, columns.document) {
                    (0, 0) if mode == ParagraphMode::Blank => block_widest as usize,
                    (0, document) => document,
                    (block, _) => block as usize,
                };
                // The kinds are looked at only when the line break would
                // otherwise be read as a wrap.
                is_soft_break(before.text, line.text, column, paragraph_first, mode)
                    && !*line_alone.insert(kind::stands_alone(line.text))
                    && !previous_alone.unwrap_or_else(|| kind::stands_alone(before.text))
            }
            _ => false,
        };
        previous_alone = line_alone;
        if new_block {
            block_idx += 1;
        }
        if soft {
            wrapped_any = true;
            paragraph_first = false;
        } else {
            if let Some(before) = previous {
                out.push((paragraph_start, before.end));
            }
            paragraph_start = line.start;
            paragraph_first = true;
        }
        previous = Some(line);
    }
    if let Some(last) = previous {
        out.push((paragraph_start, last.end));
    }
    wrapped_any
}

/// Whether the break between `before` and `after` (two lines of one block)
/// is wrapping rather than a paragraph end, as far as their shapes tell (the
/// caller then checks that neither line stands alone by its kind).
/// `before_starts_paragraph`: no wrap joins `before` to the line above it.
fn is_soft_break(before: &str, after: &str, column: usize, before_starts_paragraph: bool, mode: ParagraphMode) -> bool {
    let before_width = width(before);
    let after_width = width(after);
    let blank_mode = mode == ParagraphMode::Blank;
    if !blank_mode && (before_width >= MAX_WRAP_COLUMN || after_width >= MAX_WRAP_COLUMN) {
        return false;
    }
    if column == 0 && !blank_mode {
        false
    } else if is_clear_wrap(before, after) {
        true
    } else if before_starts_paragraph && is_headline_above(before, after) {
        false
    } else if column == 0 {
        blank_mode
    } else {
        let full = before_width + 1 + first_word_width(after) + FULL_SLACK > column;
        if blank_mode {
            // Only a short line without final punctuation before a
            // capitalised line ends a paragraph inside a block.
            full || !(ends_open(before) && starts_capitalised(after))
        } else {
            full && after_width <= column + WIDE_SLACK
        }
    }
}

/// `before` does not end a sentence and `after` goes on in lowercase.
fn is_clear_wrap(before: &str, after: &str) -> bool {
    after.chars().next().is_some_and(char::is_lowercase) && !ends_sentence(before) && width(before) < MAX_WRAP_COLUMN
}

/// A title-cased line (a headline) above a line that does not go on with
/// it (a wrapped headline's second line is title-cased too).
fn is_headline_above(before: &str, after: &str) -> bool {
    !ends_with_stop(before)
        && kind::is_title_case(before)
        && starts_capitalised(after)
        && (ends_with_stop(after) || !kind::is_title_fragment(after))
}

/// Width in characters, counted up to `MAX_WRAP_COLUMN`.
fn width(line: &str) -> usize {
    if line.len() < MAX_WRAP_COLUMN {
        return if line.is_ascii() { line.len() } else { line.chars().count() };
    }
    line.chars().take(MAX_WRAP_COLUMN).count()
}

fn first_word_width(line: &str) -> usize {
    line.split(char::is_whitespace).next().map_or(0, |word| word.chars().count())
}

fn without_closers(line: &str) -> &str {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
}

fn ends_sentence(line: &str) -> bool {
    without_closers(line).ends_with(['.', '?', '!', '…'])
}

/// Ends with a full stop, comma, colon or semicolon: not a headline.
fn ends_with_stop(line: &str) -> bool {
    without_closers(line).ends_with(['.', ',', ';', ':', '…'])
}

/// No final punctuation at all: the line ends in a letter or digit.
fn ends_open(line: &str) -> bool {
    without_closers(line).chars().next_back().is_some_and(char::is_alphanumeric)
}

/// The first letter or digit (past opening quotes, brackets and dashes) is
/// a capital or a digit.
fn starts_capitalised(line: &str) -> bool {
    line.chars()
        .take(4)
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    if start >= end {
        return;
    }
    let start = skip_whitespace(text, start, end);
    let end = trim_end(text, start, end);
    if start < end {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests;
