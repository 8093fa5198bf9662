//! Building a `DiffView` from what the pipeline found: one row per bead,
//! the bead's findings, glossary terms marked on both sides, and, with an
//! earlier draft, that draft's units aligned to the same source units.

use std::collections::HashMap;

use super::view::{DiffView, Row, TermMark, UnitText};
use crate::check::CheckUnit;
use crate::glossary::english::EnglishText;
use crate::pipeline::Checked;
use crate::text::{Side, Span};

/// One checked side by path and text.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

fn unit_text(text: &str, unit: &CheckUnit) -> UnitText {
    UnitText::new(unit.id.clone(), unit.span.slice(text), unit.span)
}

/// The view of `checked` (source against draft), with `previous` (an earlier
/// draft checked against the same source) when given.
pub fn build_view(source: Named<'_>, draft: Named<'_>, checked: &Checked, previous: Option<(Named<'_>, &Checked)>) -> DiffView {
    // Which row each unit is in, to place findings.
    let mut row_of_source: HashMap<&str, usize> = HashMap::new();
    let mut row_of_target: HashMap<&str, usize> = HashMap::new();
    let mut rows: Vec<Row> = Vec::with_capacity(checked.aligned.len());
    for (bead_idx, bead) in checked.aligned.iter().enumerate() {
        let mut row = Row::new(bead_idx);
        row.confidence = bead.confidence;
        for &idx in &bead.source {
            let unit = &checked.source.units[idx];
            row_of_source.insert(unit.id.as_str(), bead_idx);
            row.source.push(unit_text(source.text, unit));
        }
        for &idx in &bead.target {
            let unit = &checked.target.units[idx];
            row_of_target.insert(unit.id.as_str(), bead_idx);
            row.target.push(unit_text(draft.text, unit));
        }
        rows.push(row);
    }
    // Each source unit's row, for terms.
    let mut row_of_source_idx: HashMap<usize, usize> = HashMap::new();
    for (bead_idx, bead) in checked.aligned.iter().enumerate() {
        for &idx in &bead.source {
            row_of_source_idx.insert(idx, bead_idx);
        }
    }
    let mut colours: Vec<HashMap<String, usize>> = vec![HashMap::new(); rows.len()];
    // The draft units of the last row looked at, normalised once for all
    // its terms (terms come unit by unit, so a row's terms are together).
    let mut prepared: Option<(usize, Vec<EnglishText<'_>>)> = None;
    let mut marks: Vec<(usize, TermMark)> = Vec::new();
    for term in &checked.terms {
        let Some(&row_idx) = row_of_source_idx.get(&term.unit) else {
            continue;
        };
        let next_colour = colours[row_idx].len();
        let colour_index = *colours[row_idx].entry(term.term.clone()).or_insert(next_colour);
        let row = &rows[row_idx];
        if prepared.as_ref().is_none_or(|(idx, _)| *idx != row_idx) {
            prepared = Some((row_idx, row.target.iter().map(|unit| EnglishText::new(&unit.text)).collect()));
        }
        let Some((_, drafts)) = &prepared else { continue };
        let mut found_at: Option<(String, Span)> = None;
        for (unit, draft) in row.target.iter().zip(drafts) {
            if let Some(span) = term.targets.iter().find_map(|target| draft.find(target)) {
                found_at = Some((unit.id.clone(), Span::new(unit.span.start + span.start, unit.span.start + span.end)));
                break;
            }
        }
        let source_unit = checked.source.units[term.unit].id.clone();
        let row_empty = row.target.is_empty();
        marks.push((
            row_idx,
            TermMark {
                side: Side::Source,
                unit: source_unit,
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
            .and_then(|l| row_of_target.get(l.unit.as_str()))
            .or_else(|| finding.source.as_ref().and_then(|l| row_of_source.get(l.unit.as_str())));
        match row_idx {
            Some(&idx) => rows[idx].findings.push(finding.clone()),
            None => document_findings.push(finding.clone()),
        }
    }
    if let Some((earlier, earlier_checked)) = previous {
        // The earlier draft's units for every source unit.
        let mut earlier_of_source: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut earlier_additions: Vec<usize> = Vec::new();
        for bead in &earlier_checked.aligned {
            if bead.source.is_empty() {
                earlier_additions.extend(&bead.target);
            }
            for &idx in &bead.source {
                earlier_of_source.entry(idx).or_default().extend(&bead.target);
            }
        }
        for (bead_idx, bead) in checked.aligned.iter().enumerate() {
            let mut units: Vec<usize> = bead
                .source
                .iter()
                .flat_map(|idx| earlier_of_source.get(idx).cloned().unwrap_or_default())
                .collect();
            units.sort_unstable();
            units.dedup();
            rows[bead_idx].previous = Some(
                units
                    .iter()
                    .map(|&idx| unit_text(earlier.text, &earlier_checked.target.units[idx]))
                    .collect(),
            );
        }
    }
    DiffView::new(
        source.path,
        draft.path,
        previous.map(|(earlier, _)| earlier.path.to_string()),
        rows,
        document_findings,
    )
}
