//! The contents of one side of a diff-view row, cut into pieces that carry
//! what to highlight: glossary terms, revision insertions and deletions, and
//! markers for missing English terms. The terminal and HTML renderers both
//! draw from these pieces, so the two views always agree on what is marked.
//!
//! Term marks come from other stages; one whose span does not fit its unit
//! (outside it, not on a character boundary, overlapping an earlier mark) is
//! dropped here, so a bad mark costs a highlight, never a panic.

use std::ops::Range;

use crate::diff::view::{Row, TermMark, UnitText};
use crate::diff::words::{JoinedUnits, WordDiff, WordOpKind};
use crate::finding::Severity;
use crate::text::Side;

/// Whether a piece of draft text is new, gone or unchanged since the
/// earlier draft (always `Same` without `--previous`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Inserted,
    Deleted,
}

/// A stretch of text with one highlight, or a marker.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Text {
        text: &'a str,
        change: Change,
        term: Option<&'a TermMark>,
        /// The most severe finding whose span covers this text (the words a
        /// finding is about: `Thursday`, `1,000`, `Sergei`). Findings about a
        /// whole unit mark nothing: their row says it.
        flag: Option<Severity>,
    },
    /// A source term whose English the draft lacks; drawn after the draft
    /// text of the row, since there is no place in the draft to point at.
    Missing { mark: &'a TermMark },
}

/// One unit of a cell: its id and its pieces. The id is empty for the
/// deleted text of a row whose draft no longer has any unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitCell<'a> {
    pub id: &'a str,
    pub pieces: Vec<Piece<'a>>,
}

/// The source side of `row`, terms highlighted.
pub fn source_cell(row: &Row) -> Vec<UnitCell<'_>> {
    row.source.iter().map(|unit| plain_unit(row, Side::Source, unit)).collect()
}

/// The draft side of `row`: terms highlighted, the revision diff woven in
/// when `revision` is given, and one `[missing: …]` marker per missing term
/// at the end (not for an omitted row, where the omission says it all).
pub fn target_cell<'a>(row: &'a Row, revision: Option<&'a WordDiff>) -> Vec<UnitCell<'a>> {
    let mut cells = match revision {
        Some(diff) => diffed_units(row, diff),
        None => row.target.iter().map(|unit| plain_unit(row, Side::Target, unit)).collect(),
    };
    // No marker for an omitted row (the omission says it all), nor for a
    // draft left in Indonesian: the one `untranslated` finding covers every
    // term of it, as `check` reports it.
    if row.target.is_empty() || row.findings.iter().any(|f| f.rule == crate::check::rule::UNTRANSLATED.id) {
        return cells;
    }
    let mut seen_terms: Vec<&str> = Vec::new();
    let missing = row.terms.iter().filter(|mark| mark.side == Side::Source && !mark.found);
    for mark in missing {
        if seen_terms.contains(&mark.term.as_str()) {
            continue;
        }
        seen_terms.push(&mark.term);
        if let Some(last) = cells.last_mut() {
            last.pieces.push(Piece::Missing { mark });
        }
    }
    cells
}

/// Alternatives as the views write them, one way everywhere:
/// `North Korea or North Korean`, each one quoted by `quote`.
pub fn alternatives(list: &[String], quote: impl Fn(&str) -> String) -> String {
    list.iter().map(|item| quote(item)).collect::<Vec<_>>().join(" or ")
}

/// The text `[missing: North Korea or North Korean]` both renderers show.
pub fn missing_label(mark: &TermMark) -> String {
    if mark.expected.is_empty() {
        format!("[missing: English for {}]", mark.term)
    } else {
        format!("[missing: {}]", alternatives(&mark.expected, str::to_string))
    }
}

/// A hover text for a term: `Korea Utara → North Korea or North Korean`.
pub fn term_title(mark: &TermMark) -> String {
    let state = match (mark.side, mark.found) {
        (Side::Source, false) => " (missing in the draft)",
        _ => "",
    };
    format!("{} → {}{state}", mark.term, alternatives(&mark.expected, str::to_string))
}

fn plain_unit<'a>(row: &'a Row, side: Side, unit: &'a UnitText) -> UnitCell<'a> {
    let marks = unit_marks(row, side, unit);
    let flags = unit_flags(row, side, unit);
    let mut pieces = Vec::new();
    push_split(&unit.text, 0..unit.text.len(), Change::Same, &marks, &flags, &mut pieces);
    UnitCell { id: &unit.id, pieces }
}

/// The spans of the row's findings on `side` inside `unit`, as ranges in
/// the unit's text with their severity. A span that covers the whole unit
/// (an omission, an untranslated unit, a missing term that points at the
/// whole draft sentence) is left out: it marks nothing in particular.
fn unit_flags(row: &Row, side: Side, unit: &UnitText) -> Vec<(Range<usize>, Severity)> {
    let mut flags = Vec::new();
    for finding in &row.findings {
        let location = match side {
            Side::Source => finding.source.as_ref(),
            Side::Target => finding.target.as_ref(),
        };
        let Some(location) = location else { continue };
        let start = location.span.start.max(unit.span.start);
        let end = location.span.end.min(unit.span.end);
        let whole = location.span.start <= unit.span.start && location.span.end >= unit.span.end;
        if start >= end || whole {
            continue;
        }
        let (start, end) = (start - unit.span.start, end - unit.span.start);
        if unit.text.is_char_boundary(start) && unit.text.is_char_boundary(end) && end <= unit.text.len() {
            flags.push((start..end, finding.severity));
        }
    }
    flags
}

/// The marks of `unit` as ranges in the unit's text, ascending and
/// non-overlapping, bad ones dropped.
fn unit_marks<'a>(row: &'a Row, side: Side, unit: &UnitText) -> Vec<(Range<usize>, &'a TermMark)> {
    let mut marks: Vec<(Range<usize>, &TermMark)> = row
        .terms
        .iter()
        .filter(|mark| mark.side == side && mark.unit == unit.index)
        .filter_map(|mark| {
            let start = mark.span.start.checked_sub(unit.span.start)?;
            let end = mark.span.end.checked_sub(unit.span.start)?;
            let fits = start < end && end <= unit.text.len() && unit.text.is_char_boundary(start) && unit.text.is_char_boundary(end);
            fits.then_some((start..end, mark))
        })
        .collect();
    marks.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut last_end = 0;
    marks.retain(|(range, _)| {
        let keep = range.start >= last_end;
        if keep {
            last_end = range.end;
        }
        keep
    });
    marks
}

/// Pushes `text[range]` as pieces of `change`, cut at the term marks and
/// at the edges of finding spans.
fn push_split<'a>(
    text: &'a str,
    range: Range<usize>,
    change: Change,
    marks: &[(Range<usize>, &'a TermMark)],
    flags: &[(Range<usize>, Severity)],
    out: &mut Vec<Piece<'a>>,
) {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    let inside = |at: usize| range.start < at && at < range.end;
    for edge in marks
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .chain(flags.iter().flat_map(|(r, _)| [r.start, r.end]))
    {
        if inside(edge) {
            cuts.push(edge);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        let term = marks.iter().find(|(r, _)| r.start <= start && end <= r.end).map(|&(_, mark)| mark);
        let flag = flags
            .iter()
            .filter(|(r, _)| r.start <= start && end <= r.end)
            .map(|&(_, severity)| severity)
            .max();
        out.push(Piece::Text {
            text: &text[start..end],
            change,
            term,
            flag,
        });
    }
}

/// The draft units with the word diff woven in. The diff ran over the
/// units joined by spaces; equal and inserted text maps back into the units
/// through the joined ranges (the joining spaces belong to no unit and are
/// dropped), deleted text goes to the unit at whose position it was deleted.
fn diffed_units<'a>(row: &'a Row, diff: &'a WordDiff) -> Vec<UnitCell<'a>> {
    let joined = JoinedUnits::new(&row.target);
    let unit_marks: Vec<_> = row.target.iter().map(|unit| unit_marks(row, Side::Target, unit)).collect();
    let unit_flags: Vec<_> = row.target.iter().map(|unit| unit_flags(row, Side::Target, unit)).collect();
    let mut cells: Vec<UnitCell> = row
        .target
        .iter()
        .map(|unit| UnitCell {
            id: &unit.id,
            pieces: Vec::new(),
        })
        .collect();
    let mut position = 0;
    for op in &diff.ops {
        if op.kind == WordOpKind::Delete {
            let unit_idx = joined.ranges.iter().position(|range| position <= range.end);
            match unit_idx.or(cells.len().checked_sub(1)) {
                Some(unit_idx) => cells[unit_idx].pieces.push(deleted(&op.text)),
                None => cells.push(UnitCell {
                    id: "",
                    pieces: vec![deleted(&op.text)],
                }),
            }
            continue;
        }
        let change = if op.kind == WordOpKind::Insert {
            Change::Inserted
        } else {
            Change::Same
        };
        let op_range = position..position + op.text.len();
        for (unit_idx, unit_range) in joined.ranges.iter().enumerate() {
            let start = op_range.start.max(unit_range.start);
            let end = op_range.end.min(unit_range.end);
            if start < end {
                let local = start - unit_range.start..end - unit_range.start;
                push_split(
                    &row.target[unit_idx].text,
                    local,
                    change,
                    &unit_marks[unit_idx],
                    &unit_flags[unit_idx],
                    &mut cells[unit_idx].pieces,
                );
            }
        }
        position = op_range.end;
    }
    cells
}

fn deleted(text: &str) -> Piece<'_> {
    Piece::Text {
        text,
        change: Change::Deleted,
        term: None,
        flag: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::words::diff_words;
    use crate::text::Span;

    fn row() -> Row {
        let mut row = Row::new(0);
        row.source = vec![UnitText::new(0, "p1.s1", "Korea Utara dan Rusia", Span::new(10, 31))];
        row.target = vec![
            UnitText::new(0, "p1.s1", "North Korea and", Span::new(0, 15)),
            UnitText::new(1, "p1.s2", "Moscow.", Span::new(16, 23)),
        ];
        let mark = |side, unit: usize, span, term: &str, found, colour_index| TermMark {
            side,
            unit,
            span,
            term: term.into(),
            expected: vec![if term == "Rusia" { "Russia".into() } else { "North Korea".into() }],
            found,
            colour_index,
        };
        row.terms = vec![
            mark(Side::Source, 0, Span::new(10, 21), "Korea Utara", true, 0),
            mark(Side::Target, 0, Span::new(0, 11), "Korea Utara", true, 0),
            mark(Side::Source, 0, Span::new(26, 31), "Rusia", false, 1),
            // Outside its unit: dropped, not a panic.
            mark(Side::Target, 1, Span::new(90, 99), "Rusia", true, 1),
        ];
        row
    }

    fn texts(cell: &UnitCell) -> Vec<String> {
        cell.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text { text, change, term, flag } => format!(
                    "{change:?}:{text}{}{}",
                    if term.is_some() { "*" } else { "" },
                    if flag.is_some() { "!" } else { "" }
                ),
                Piece::Missing { mark } => missing_label(mark),
            })
            .collect()
    }

    #[test]
    fn terms_split_the_text_and_missing_terms_get_a_marker() {
        let row = row();
        let source = source_cell(&row);
        assert_eq!(texts(&source[0]), ["Same:Korea Utara*", "Same: dan ", "Same:Rusia*"]);
        let target = target_cell(&row, None);
        assert_eq!(texts(&target[0]), ["Same:North Korea*", "Same: and"]);
        assert_eq!(texts(&target[1]), ["Same:Moscow.", "[missing: Russia]"]);
    }

    #[test]
    fn revision_pieces_land_in_their_units() {
        let row = row();
        let diff = diff_words("North Korea or Moscow.", "North Korea and Moscow.");
        let target = target_cell(&row, Some(&diff));
        assert_eq!(texts(&target[0]), ["Same:North Korea*", "Same: ", "Deleted:or", "Inserted:and"]);
        assert_eq!(texts(&target[1]), ["Same:Moscow.", "[missing: Russia]"]);
    }
}
