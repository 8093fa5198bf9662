//! Building a `DiffView` from what the pipeline found: one row per bead,
//! the bead's findings, glossary terms marked on both sides, and, with an
//! earlier draft, that draft's units aligned to the same source units.

use std::collections::HashMap;

use super::view::{Block, DiffView, Row, RowKind, TermMark, UnitText};
use crate::check::CheckUnit;
use crate::check::rule::OMISSION_UNFINISHED;
use crate::glossary::english::EnglishText;
use crate::pipeline::Checked;
use crate::segment::UnitKind;
use crate::text::{Side, Span};

/// One checked side by path and text.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

fn unit_text(text: &str, units: &[CheckUnit], unit_idx: usize) -> UnitText {
    let unit = &units[unit_idx];
    UnitText::new(unit_idx, unit.id.clone(), unit.span.slice(text), unit.span)
}

/// The view of `checked` (source against draft), with `previous` (an earlier
/// draft checked against the same source) when given.
pub fn build_view(source: Named<'_>, draft: Named<'_>, checked: &Checked, previous: Option<(Named<'_>, &Checked)>) -> DiffView {
    // Which row each unit is in (by unit index), to place terms and findings.
    let mut row_of_source: Vec<Option<usize>> = vec![None; checked.source.units.len()];
    let mut row_of_target: Vec<Option<usize>> = vec![None; checked.target.units.len()];
    let mut rows: Vec<Row> = Vec::with_capacity(checked.beads.len());
    for (bead_idx, bead) in checked.beads.iter().enumerate() {
        let mut row = Row::new(bead_idx);
        row.confidence = bead.score;
        for idx in bead.source.clone() {
            row_of_source[idx] = Some(bead_idx);
            row.source.push(unit_text(source.text, &checked.source.units, idx));
        }
        for idx in bead.target.clone() {
            row_of_target[idx] = Some(bead_idx);
            row.target.push(unit_text(draft.text, &checked.target.units, idx));
        }
        rows.push(row);
    }
    // One colour per term for the whole view, in order of first occurrence,
    // so that `Korea Utara` looks the same in every row.
    let mut colours: HashMap<String, usize> = HashMap::new();
    // The draft units of the last row looked at, normalised once for all
    // its terms (terms come unit by unit, so a row's terms are together).
    let mut prepared: Option<(usize, Vec<EnglishText<'_>>)> = None;
    let mut marks: Vec<(usize, TermMark)> = Vec::new();
    for term in &checked.terms {
        let Some(row_idx) = row_of_source.get(term.unit).copied().flatten() else {
            continue;
        };
        let next_colour = colours.len();
        let colour_index = *colours.entry(term.term.clone()).or_insert(next_colour);
        let row = &rows[row_idx];
        if prepared.as_ref().is_none_or(|(idx, _)| *idx != row_idx) {
            prepared = Some((row_idx, row.target.iter().map(|unit| EnglishText::new(&unit.text)).collect()));
        }
        let Some((_, drafts)) = &prepared else { continue };
        let mut found_at: Option<(usize, Span)> = None;
        for (unit, draft) in row.target.iter().zip(drafts) {
            if let Some(span) = term.targets.iter().find_map(|target| draft.find(target)) {
                found_at = Some((unit.index, Span::new(unit.span.start + span.start, unit.span.start + span.end)));
                break;
            }
        }
        let row_empty = row.target.is_empty();
        marks.push((
            row_idx,
            TermMark {
                side: Side::Source,
                unit: term.unit,
                span: term.span,
                term: term.term.clone(),
                expected: term.targets.clone(),
                found: found_at.is_some() || row_empty,
                colour_index,
            },
        ));
        if let Some((unit, span)) = found_at {
            marks.push((
                row_idx,
                TermMark {
                    side: Side::Target,
                    unit,
                    span,
                    term: term.term.clone(),
                    expected: term.targets.clone(),
                    found: true,
                    colour_index,
                },
            ));
        }
    }
    drop(prepared);
    for (row_idx, mark) in marks {
        rows[row_idx].terms.push(mark);
    }
    let mut document_findings = Vec::new();
    for finding in &checked.findings {
        let row_idx = finding
            .target
            .as_ref()
            .and_then(|l| row_of_target.get(l.unit).copied().flatten())
            .or_else(|| finding.source.as_ref().and_then(|l| row_of_source.get(l.unit).copied().flatten()));
        match row_idx {
            Some(idx) => rows[idx].findings.push(finding.clone()),
            None => document_findings.push(finding.clone()),
        }
    }
    if let Some((earlier, earlier_checked)) = previous {
        // The earlier draft's units for every source unit.
        let mut earlier_of_source: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut earlier_additions: Vec<usize> = Vec::new();
        for bead in &earlier_checked.beads {
            if bead.source.is_empty() {
                earlier_additions.extend(bead.target.clone());
            }
            for idx in bead.source.clone() {
                earlier_of_source.entry(idx).or_default().extend(bead.target.clone());
            }
        }
        for (bead_idx, bead) in checked.beads.iter().enumerate() {
            let mut units: Vec<usize> = bead
                .source
                .clone()
                .flat_map(|idx| earlier_of_source.get(&idx).cloned().unwrap_or_default())
                .collect();
            units.sort_unstable();
            units.dedup();
            rows[bead_idx].previous = Some(
                units
                    .iter()
                    .map(|&idx| unit_text(earlier.text, &earlier_checked.target.units, idx))
                    .collect(),
            );
        }
    }
    let unfinished = checked.findings.iter().any(|f| f.rule == OMISSION_UNFINISHED.id);
    classify_rows(&mut rows, checked, unfinished);
    let blocks = fold_blocks(&rows, checked);
    let mut view = DiffView::new(
        source.path,
        draft.path,
        previous.map(|(earlier, _)| earlier.path.to_string()),
        rows,
        document_findings,
    );
    view.blocks = blocks;
    view
}

/// Marks the rows without draft text that are not omissions: copies of a
/// repeated block, boilerplate, and (when the draft stops early) the rows
/// after its end.
fn classify_rows(rows: &mut [Row], checked: &Checked, unfinished: bool) {
    let units = &checked.source.units;
    for (row, bead) in rows.iter_mut().zip(&checked.beads) {
        if !bead.target.is_empty() || bead.source.is_empty() {
            continue;
        }
        let repeat_of = bead.first_source().and_then(|idx| units[idx].repeat_of);
        if bead.is_repeat() || bead.source.clone().all(|idx| units[idx].repeat_of.is_some()) {
            row.kind = RowKind::Repeat;
            row.repeat_of = repeat_of.map(|idx| units[idx].id.clone());
        } else if bead.source.clone().all(|idx| units[idx].kind == UnitKind::Boilerplate) {
            row.kind = RowKind::Boilerplate;
        }
    }
    if unfinished {
        let last_with_draft = rows.iter().rposition(|row| !row.target.is_empty());
        let tail = last_with_draft.map_or(0, |idx| idx + 1);
        for row in &mut rows[tail..] {
            if row.kind == RowKind::Pair && row.target.is_empty() {
                row.kind = RowKind::Pending;
            }
        }
    }
}

/// Runs of rows of one kind other than `Pair`, with the line that stands
/// for them.
fn fold_blocks(rows: &[Row], checked: &Checked) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut row_idx = 0;
    while row_idx < rows.len() {
        let kind = rows[row_idx].kind;
        let start = row_idx;
        while row_idx < rows.len() && rows[row_idx].kind == kind {
            row_idx += 1;
        }
        if kind == RowKind::Pair {
            continue;
        }
        let members = &rows[start..row_idx];
        let units = &checked.source.units;
        let source_units: Vec<usize> = members.iter().flat_map(|row| checked.beads[row.bead].source.clone()).collect();
        let range = unit_range(&source_units, checked);
        let label = match kind {
            RowKind::Repeat => {
                let originals: Vec<usize> = source_units.iter().filter_map(|&idx| units[idx].repeat_of).collect();
                let verb = if source_units.len() == 1 { "repeats" } else { "repeat" };
                format!("{range} {verb} {}: no translation needed", unit_range(&originals, checked))
            }
            RowKind::Boilerplate => format!("{range} boilerplate: no translation needed"),
            RowKind::Pending => {
                let end = checked
                    .findings
                    .iter()
                    .find(|f| f.rule == OMISSION_UNFINISHED.id)
                    .and_then(|f| f.message.split(';').next())
                    .unwrap_or("the draft ends here");
                format!("{range} not translated yet: {end}")
            }
            RowKind::Pair => unreachable!("pairs are not folded"),
        };
        blocks.push(Block {
            kind,
            rows: start..row_idx,
            label,
        });
    }
    blocks
}

/// `p18–p31` for source units that make whole paragraphs of a segmented
/// text, else the first and last unit ids (`p18.s1–p18.s3`, or one id).
fn unit_range(unit_indices: &[usize], checked: &Checked) -> String {
    let units = &checked.source.units;
    let (Some(&first), Some(&last)) = (unit_indices.first(), unit_indices.last()) else {
        return String::new();
    };
    // Whole paragraphs: the run starts a paragraph and ends one.
    let starts_paragraph = first == 0 || units[first - 1].paragraph != units[first].paragraph;
    let ends_paragraph = units.get(last + 1).is_none_or(|next| next.paragraph != units[last].paragraph);
    let whole = checked.source.segmentation.is_some() && starts_paragraph && ends_paragraph;
    let (a, b) = (units[first].paragraph, units[last].paragraph);
    if whole && a != b {
        format!("p{a}–p{b}")
    } else if whole {
        format!("p{a}")
    } else if first == last {
        units[first].id.clone()
    } else {
        format!("{}–{}", units[first].id, units[last].id)
    }
}
