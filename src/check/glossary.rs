//! `glossary.missing`, `glossary.forbidden`, `glossary.count`: fixed terms.
//!
//! For every glossary term found in a bead's source units, one of its
//! English targets (preferred or admitted) must occur in the bead's draft
//! units, by the rules of `glossary::english` (whole words; plural and
//! possessive endings; a capital at the start of a sentence). A forbidden
//! target in the draft is an error wherever the term occurs. A term that
//! occurs more often in the source than its targets do in the draft is a
//! warning (`Korea Utara` twice, `North Korea` once).
//!
//! Weekday and month names (the shipped calendar glossary) are left to the
//! `calendar.*` rules, which say what the draft wrote instead.
//!
//! A glossary spelling with a capital first letter names a proper noun or a
//! title (`Barat` = the West, `Minggu` = Sunday); an occurrence in lower
//! case is the common word (`barat` = west, `minggu` = week) and is skipped.

use std::collections::BTreeMap;

use super::{Check, Pair, TermUse, finding};
use crate::finding::Finding;
use crate::glossary::english::PreparedDraft;
use crate::text::Span;

pub struct Glossary;

impl Check for Glossary {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        for bead in pair.beads {
            let Some(&first_target) = bead.target.first() else { continue };
            let target_span = pair.target.joined_span(&bead.target);
            let draft = target_span.slice(pair.target.text);
            // Normalised once per bead, not once per term and search.
            let prepared = PreparedDraft::new(draft);
            let target_unit = &pair.target.units[first_target];
            // Term → (source occurrences, first occurrence) in this bead.
            let mut uses: BTreeMap<&str, (usize, &TermUse)> = BTreeMap::new();
            for &source_idx in &bead.source {
                for term in pair.terms_in(source_idx) {
                    // Weekdays and months have their own, more precise rules.
                    if is_common_word_use(pair.source.text, term) || super::calendar::is_calendar_word(&term.term) {
                        continue;
                    }
                    let entry = uses.entry(term.term.as_str()).or_insert((0, term));
                    entry.0 += 1;
                }
            }
            for (name, (n_source, term)) in uses {
                let source_unit = &pair.source.units[term.unit];
                for forbidden in &term.forbidden {
                    if let Some(span) = prepared.find_from(forbidden, 0) {
                        out.push(
                            finding("glossary.forbidden", format!("{forbidden} is a forbidden translation of {name}"))
                                .with_source(source_unit.id.clone(), term.span)
                                .with_target(target_unit.id.clone(), shift(span, target_span.start))
                                .with_expected(term.targets.first().cloned().unwrap_or_default()),
                        );
                    }
                }
                if term.targets.is_empty() {
                    continue;
                }
                let n_draft = count_targets(&prepared, draft, &term.targets);
                let expected = term.targets.join(" | ");
                if n_draft == 0 {
                    out.push(
                        finding("glossary.missing", format!("{name} should be translated as {}", term.targets[0]))
                            .with_source(source_unit.id.clone(), term.span)
                            .with_target(target_unit.id.clone(), target_span)
                            .with_expected(expected),
                    );
                } else if n_draft < n_source {
                    out.push(
                        finding(
                            "glossary.count",
                            format!("{name} occurs {n_source} times in the source, its translation {n_draft} times in the draft"),
                        )
                        .with_source(source_unit.id.clone(), term.span)
                        .with_target(target_unit.id.clone(), target_span)
                        .with_expected(expected),
                    );
                }
            }
        }
    }
}

fn shift(span: Span, by: usize) -> Span {
    Span::new(span.start + by, span.end + by)
}

/// A lower-case occurrence of a capitalised glossary spelling.
fn is_common_word_use(source: &str, term: &TermUse) -> bool {
    let occurrence_lower = term.span.slice(source).chars().next().is_some_and(char::is_lowercase);
    let spelling_upper = term.term.chars().next().is_some_and(char::is_uppercase);
    occurrence_lower && spelling_upper
}

/// How many times any of `targets` occurs in `draft`, without counting one
/// stretch of text twice (`North Korean` is not also `North Korea`).
fn count_targets(prepared: &PreparedDraft<'_>, draft: &str, targets: &[String]) -> usize {
    let mut found: Vec<Span> = Vec::new();
    for target in targets {
        let mut from = 0;
        while from < draft.len() {
            let Some(span) = prepared.find_from(target, from) else {
                break;
            };
            if !found.iter().any(|other| other.start < span.end && span.start < other.end) {
                found.push(span);
            }
            from = span.end.max(from + 1);
            while !draft.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    found.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_does_not_double_count_overlaps() {
        let targets = vec!["North Korea".to_string(), "North Korean".to_string()];
        let count = |draft: &str| count_targets(&PreparedDraft::new(draft), draft, &targets);
        assert_eq!(count("North Korea and North Korean troops, North Korea's leader"), 3);
        assert_eq!(count("South Korea"), 0);
    }
}
