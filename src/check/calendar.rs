//! `calendar.changed` and `calendar.missing`: weekday and month names.
//!
//! The names come from `glossaries/calendar.tsv` (Unicode CLDR, with the
//! variant spellings Indonesian news uses). A capitalised Indonesian name in
//! a bead's source must come back as its English name in the bead's draft
//! (full or abbreviated: `Agustus` ↔ `August` or `Aug`). If the draft names
//! another day (or month) instead, the name changed; if it names none, it is
//! missing. `Minggu` before `lalu`, `depan`, `ini` or `ke` means "week", not
//! Sunday, and is skipped.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Check, Pair, finding, words};
use crate::finding::Finding;

const CALENDAR_TSV: &str = include_str!("../../glossaries/calendar.tsv");

struct Names {
    /// Indonesian name → canonical English name.
    indonesian: HashMap<&'static str, &'static str>,
    /// English name or abbreviation → canonical English name.
    english: HashMap<&'static str, &'static str>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let mut targets: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for line in CALENDAR_TSV.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        if let (Some(source), Some(target)) = (fields.next(), fields.next()) {
            targets.entry(source).or_default().push(target);
        }
    }
    let mut indonesian = HashMap::new();
    let mut english = HashMap::new();
    for (source, names) in &targets {
        let canonical = names.iter().copied().max_by_key(|name| name.len()).unwrap_or_default();
        indonesian.insert(*source, canonical);
        for name in names {
            english.insert(*name, canonical);
        }
    }
    for (abbreviation, canonical) in [
        ("Mon", "Monday"),
        ("Tue", "Tuesday"),
        ("Tues", "Tuesday"),
        ("Wed", "Wednesday"),
        ("Thu", "Thursday"),
        ("Thurs", "Thursday"),
        ("Fri", "Friday"),
        ("Sat", "Saturday"),
        ("Sun", "Sunday"),
        ("Sept", "September"),
    ] {
        english.insert(abbreviation, canonical);
    }
    Names { indonesian, english }
});

/// Whether `word` is an Indonesian or English weekday or month name.
pub fn is_calendar_word(word: &str) -> bool {
    NAMES.indonesian.contains_key(word) || NAMES.english.contains_key(word)
}

fn is_weekday(canonical: &str) -> bool {
    canonical.ends_with("day")
}

pub struct Calendar;

impl Check for Calendar {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        let names = &*NAMES;
        for bead in pair.beads {
            let Some(&first_target) = bead.target.first() else { continue };
            let target_span = pair.target.joined_span(&bead.target);
            let target_text = target_span.slice(pair.target.text);
            let in_target: Vec<(crate::text::Span, &str)> = words(target_text, target_span.start)
                .filter_map(|(span, word)| names.english.get(word).map(|&canonical| (span, canonical)))
                .collect();
            for &source_idx in &bead.source {
                let unit = &pair.source.units[source_idx];
                let text = pair.source.unit_text(source_idx);
                let found: Vec<_> = words(text, unit.span.start).collect();
                for (word_idx, &(span, word)) in found.iter().enumerate() {
                    let Some(&expected) = names.indonesian.get(word) else { continue };
                    let next = found.get(word_idx + 1).map(|&(_, w)| w.to_lowercase());
                    if word == "Minggu" && matches!(next.as_deref(), Some("lalu" | "depan" | "ini" | "ke")) {
                        continue;
                    }
                    if in_target.iter().any(|&(_, canonical)| canonical == expected) {
                        continue;
                    }
                    let target_unit = &pair.target.units[first_target];
                    let other = in_target
                        .iter()
                        .find(|&&(_, canonical)| is_weekday(canonical) == is_weekday(expected));
                    let found_finding = match other {
                        Some(&(other_span, canonical)) => {
                            finding("calendar.changed", format!("{word} is {expected}, but the draft says {canonical}"))
                                .with_target(target_unit.id.clone(), other_span)
                        }
                        None => finding(
                            "calendar.missing",
                            format!("{word} ({expected}) is missing from draft unit {}", target_unit.id),
                        )
                        .with_target(target_unit.id.clone(), target_span),
                    };
                    out.push(found_finding.with_source(unit.id.clone(), span).with_expected(expected));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_load_from_the_shipped_table() {
        let names = &*NAMES;
        assert_eq!(names.indonesian.get("Jumat"), Some(&"Friday"));
        assert_eq!(names.indonesian.get("Agustus"), Some(&"August"));
        assert_eq!(names.english.get("Aug"), Some(&"August"));
        assert!(is_weekday("Thursday") && !is_weekday("May"));
    }
}
