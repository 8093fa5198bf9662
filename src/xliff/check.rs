//! Checks a bilingual XLIFF file: its pairs go through the same rules as a
//! plain-text pair (aligned one to one, since XLIFF already pairs them), and
//! every finding is moved to byte offsets in the `.xlf` file, so that
//! reports point at the file the translator has open.
//!
//! Decisions:
//!
//! * Units with `translate="no"` are skipped, and so is an empty source.
//! * A unit without a target (or with an empty one) is not translated yet:
//!   it gets one `omission` finding at `info` level rather than `error`, so
//!   that checking a half-done file does not fail CI, while `--fail-on info`
//!   can still insist on completeness.
//! * `placeholder.missing` (error): an inline code of the source (by element
//!   and id) that the target lacks. `mrk` annotations (terms, comments) are
//!   read but not required, since CAT tools drop them freely.
//! * Differences to checking the plain source and draft: a draft sentence
//!   that merges two source sentences becomes one target, so
//!   `structure.merged` cannot be seen (the merged-away unit has no target:
//!   an `omission` info); repeated-block copies marked `translate="no"` give
//!   no `source.repeated` finding.

use std::collections::HashMap;

use super::read::{Content, XliffFile};
use crate::finding::{Finding, Location, RuleId, Severity};
use crate::pipeline::{Pipeline, UnitPair};
use crate::text::{Side, Span};

/// Runs the checks on `file`'s pairs; the findings' spans are byte offsets
/// into the XLIFF text `file` was parsed from.
pub fn check_xliff(pipeline: &Pipeline, file: &XliffFile) -> Vec<Finding> {
    let config = &pipeline.options().check;
    let mut extra = Vec::new();
    let mut selected = Vec::new();
    for unit in &file.units {
        if !unit.translate || unit.source.text.trim().is_empty() {
            continue;
        }
        let Some(target) = unit.target.as_ref().filter(|target| !target.text.trim().is_empty()) else {
            let span = Span::new(unit.source.start, unit.source.file_offset(unit.source.text.len()));
            extra.push(
                Finding::new(RuleId("omission"), Severity::Info, format!("unit {} has no target yet", unit.id)).with_source(&unit.id, span),
            );
            continue;
        };
        let mut target_codes: Vec<&str> = target.codes.iter().map(|code| code.key.as_str()).collect();
        for code in &unit.source.codes {
            if code.key.starts_with("mrk#") {
                continue;
            }
            match target_codes.iter().position(|key| *key == code.key) {
                Some(idx) => {
                    target_codes.swap_remove(idx);
                }
                None => extra.push(
                    Finding::new(
                        RuleId("placeholder.missing"),
                        Severity::Error,
                        format!("inline code {} of the source is missing from the target", code.display),
                    )
                    .with_source(&unit.id, Span::new(code.offset, code.offset + code.display.len()))
                    .with_target(&unit.id, whole(target)),
                ),
            }
        }
        selected.push((unit, target));
    }
    let pairs: Vec<UnitPair<'_>> = selected
        .iter()
        .map(|(unit, target)| UnitPair {
            id: &unit.id,
            source: &unit.source.text,
            target: &target.text,
        })
        .collect();
    let checked = pipeline.check_pairs(&pairs);
    let index_of: HashMap<&str, usize> = pairs.iter().enumerate().map(|(idx, pair)| (pair.id, idx)).collect();
    let relocate = |location: &mut Location| {
        let Some(&idx) = index_of.get(location.unit.as_str()) else { return };
        let (units, content) = match location.side {
            Side::Source => (&checked.source_units, &selected[idx].0.source),
            Side::Target => (&checked.target_units, selected[idx].1),
        };
        let base = units[idx].span.start;
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

fn whole(content: &Content) -> Span {
    Span::new(content.start, content.file_offset(content.text.len()).max(content.start))
}
