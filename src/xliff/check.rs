//! Checks a bilingual XLIFF file: its pairs go through the same rules as a
//! plain-text pair (aligned one to one, since XLIFF already pairs them), and
//! every finding is moved to byte offsets in the `.xlf` file, so that
//! reports point at the file the translator has open.
//!
//! Decisions:
//!
//! * Units with `translate="no"` are skipped, and so is an empty source.
//! * A unit without a target (or with an empty one): in a delivered file
//!   (at least half of its translatable units have targets) it is an
//!   `omission` error, as in a plain pair; in a file still in progress it is
//!   `info`, so that checking a half-done file does not fail CI.
//! * `placeholder.missing` (error): an inline code of the source (by element
//!   and id) that the target lacks. `mrk` annotations (terms, comments) are
//!   read but not required, since CAT tools drop them freely.
//! * selaras reads back the marks of its own export, so that a re-checked
//!   export gives the same findings as the plain pair: a unit without target
//!   noted "translated together with X" is a `structure.merged` at X, and a
//!   run of `translate="no"` units noted "repeats …" is one
//!   `source.repeated`.

use std::collections::HashMap;

use super::read::{Content, XliffFile, XliffUnit};
use crate::check::rule::{OMISSION, SOURCE_REPEATED, STRUCTURE_MERGED};
use crate::finding::{Finding, Location, Severity};
use crate::pipeline::{Pipeline, UnitPair};
use crate::text::{Side, Span};

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    PLACEHOLDER_MISSING = "placeholder.missing", Error,
        "An inline code of the XLIFF source is missing from its target.",
        "Checked only in bilingual XLIFF files. The source holds an inline code (a placeholder\n\
         such as <x id=\"1\"/>, <ph id=\"2\"/>, or paired codes <g>, <pc>, <bx/>/<ex/>, <sc/>/<ec/>)\n\
         and the target has no code with the same element and id, so the formatting or link it\n\
         stands for would be lost when the CAT tool writes the translated document.\n\
         Example: source \"Baca <g id=\"1\">selengkapnya</g>\" with target \"Read more\".";
}

/// Runs the checks on `file`'s pairs; the findings' spans are byte offsets
/// into the XLIFF text `file` was parsed from.
pub fn check_xliff(pipeline: &Pipeline, file: &XliffFile) -> Vec<Finding> {
    let config = &pipeline.options().check;
    let mut extra = Vec::new();
    let mut selected = Vec::new();
    repeated_blocks(file, &mut extra);
    let has_target = |unit: &XliffUnit| unit.target.as_ref().is_some_and(|target| !target.text.trim().is_empty());
    let translatable: Vec<&XliffUnit> = file
        .units
        .iter()
        .filter(|u| u.translate && !u.source.text.trim().is_empty())
        .collect();
    // A file whose units are mostly translated is a delivered translation:
    // a unit left without target there is an omission. In a file still in
    // progress it is only information.
    let delivered = 2 * translatable.iter().filter(|u| has_target(u)).count() >= translatable.len();
    // The first unit with a target of each id in each `<file>` (ids are
    // unique per file only), for merge notes that name another unit (a
    // lookup, not a scan per untranslated unit).
    let mut translated_by_id: HashMap<(usize, &str), (usize, &XliffUnit)> = HashMap::new();
    for (unit_idx, unit) in file.units.iter().enumerate().filter(|(_, unit)| has_target(unit)) {
        translated_by_id.entry((unit.file, unit.id.as_str())).or_insert((unit_idx, unit));
    }
    for (unit_idx, unit) in file.units.iter().enumerate() {
        if !unit.translate || unit.source.text.trim().is_empty() {
            continue;
        }
        let Some(target) = unit.target.as_ref().filter(|target| !target.text.trim().is_empty()) else {
            let span = Span::new(unit.source.start, unit.source.file_offset(unit.source.text.len()));
            // selaras's own export notes a merge on the merged-away unit.
            let merged_into = unit
                .notes
                .iter()
                .find_map(|note| note.split("translated together with ").nth(1))
                .and_then(|rest| rest.split(':').next());
            let merged_with = merged_into.and_then(|id| translated_by_id.get(&(unit.file, id)).copied());
            let finding = match merged_with {
                Some((first_idx, first)) => {
                    let first_target = first.target.as_ref().map(whole).unwrap_or_default();
                    STRUCTURE_MERGED
                        .finding(format!("source units {} and {} are translated as one target", first.id, unit.id))
                        .with_source(
                            first_idx,
                            &first.id,
                            Span::new(first.source.start, first.source.file_offset(first.source.text.len())),
                        )
                        .with_target(first_idx, &first.id, first_target)
                }
                None if delivered => OMISSION
                    .finding(format!("unit {} is not translated", unit.id))
                    .with_source(unit_idx, &unit.id, span),
                // A file in progress: information, whatever the rule's level.
                None => OMISSION
                    .finding(format!("unit {} has no target yet", unit.id))
                    .with_severity(Severity::Info)
                    .with_source(unit_idx, &unit.id, span),
            };
            extra.push(finding);
            continue;
        };
        // How many of each code the target still has to give (a count per
        // key, so that a unit with thousands of codes is not quadratic).
        let mut target_codes: HashMap<&str, usize> = HashMap::new();
        for code in &target.codes {
            *target_codes.entry(code.key.as_str()).or_default() += 1;
        }
        for code in &unit.source.codes {
            if code.key.starts_with("mrk#") {
                continue;
            }
            match target_codes.get_mut(code.key.as_str()).filter(|left| **left > 0) {
                Some(left) => *left -= 1,
                None => extra.push(
                    PLACEHOLDER_MISSING
                        .finding(format!("inline code {} of the source is missing from the target", code.display))
                        .with_source(unit_idx, &unit.id, Span::new(code.offset, code.offset + code.display.len()))
                        .with_target(unit_idx, &unit.id, whole(target)),
                ),
            }
        }
        selected.push((unit_idx, unit, target));
    }
    let pairs: Vec<UnitPair<'_>> = selected
        .iter()
        .map(|(_, unit, target)| UnitPair {
            id: &unit.id,
            source: &unit.source.text,
            target: &target.text,
        })
        .collect();
    let checked = pipeline.check_pairs(&pairs);
    // A finding points at a pair by its position among the checked pairs;
    // it is moved to the unit's position in the file and to byte offsets
    // in the `.xlf` text. (Never by id: two `<file>`s may share one.)
    let relocate = |location: &mut Location| {
        let Some(&(unit_idx, unit, target)) = selected.get(location.unit) else {
            return;
        };
        let (units, content) = match location.side {
            Side::Source => (&checked.source_units, &unit.source),
            Side::Target => (&checked.target_units, target),
        };
        let base = units[location.unit].span.start;
        location.unit = unit_idx;
        let len = content.text.len();
        let start = location.span.start.saturating_sub(base).min(len);
        let end = location.span.end.saturating_sub(base).clamp(start, len);
        let file_start = content.file_offset(start);
        location.span = Span::new(file_start, content.file_offset(end).max(file_start));
    };
    let mut findings = checked.findings;
    for finding in &mut findings {
        if let Some(location) = &mut finding.source {
            relocate(location);
        }
        if let Some(location) = &mut finding.target {
            relocate(location);
        }
    }
    for mut finding in extra {
        if let Some(severity) = config.severity(finding.rule, finding.severity) {
            finding.severity = severity;
            findings.push(finding);
        }
    }
    findings.sort_by_key(|finding| (finding.primary().map_or(usize::MAX, |l| l.span.start), finding.rule));
    findings
}

/// `source.repeated` for runs of two or more units that selaras's export
/// marked as copies of a repeated block (`translate="no"`, note `repeats …`).
/// A run ends with its `<file>`.
fn repeated_blocks(file: &XliffFile, out: &mut Vec<Finding>) {
    let is_copy = |unit: &XliffUnit| !unit.translate && unit.notes.iter().any(|note| note.starts_with("repeats "));
    let mut idx = 0;
    while idx < file.units.len() {
        if !is_copy(&file.units[idx]) {
            idx += 1;
            continue;
        }
        let start = idx;
        while idx < file.units.len() && is_copy(&file.units[idx]) && file.units[idx].file == file.units[start].file {
            idx += 1;
        }
        if idx - start >= 2 {
            let (first, last) = (&file.units[start], &file.units[idx - 1]);
            let span = Span::new(
                first.source.start,
                last.source.file_offset(last.source.text.len()).max(first.source.start),
            );
            out.push(
                SOURCE_REPEATED
                    .finding(format!(
                        "source units {}–{} repeat earlier units (a duplicated block); the copy needs no translation",
                        first.id, last.id
                    ))
                    .with_source(start, &first.id, span),
            );
        }
    }
}

fn whole(content: &Content) -> Span {
    Span::new(content.start, content.file_offset(content.text.len()).max(content.start))
}
