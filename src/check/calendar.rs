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

use super::{Check, Pair, dates, finding, words};
use crate::finding::Finding;
use crate::segment::Lang;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::registry::declare_rules! {
    CALENDAR_CHANGED = "calendar.changed", Error,
        "A weekday, month or date differs from the source.",
        "The source names a weekday or month (from the CLDR names shipped in\n\
         glossaries/calendar.tsv), or a date (25/11/2024, 25 November 2024), and the aligned draft\n\
         names a different one. A date is compared whole: its day, month, year and weekday.\n\
         Example: \"pada Jumat\" translated as \"on Thursday\"; \"Senin (25/11/2024)\" as \"Monday, Dec. 25\".";
    CALENDAR_MISSING = "calendar.missing", Warning,
        "A weekday or month of the source is missing from the draft.",
        "The source names a weekday or month and the aligned draft names none.\n\
         Example: \"Pada hari Kamis, …\" translated as \"Blinken said …\" with no \"Thursday\".";
}

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

/// English month names, January first.
pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first.
pub(super) const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The canonical English name of a weekday or month written in `lang`.
pub(super) fn canonical(word: &str, lang: crate::segment::Lang) -> Option<&'static str> {
    let names = &*NAMES;
    match lang {
        crate::segment::Lang::Id => names.indonesian.get(word).copied(),
        crate::segment::Lang::En => names.english.get(word).copied(),
    }
}

/// A calendar word read as a month (1–12) or a weekday (1–7, Monday first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CalendarWord {
    Month(u8),
    Weekday(u8),
}

/// What `word` names in `lang`, if it is a month or weekday name.
pub(super) fn calendar_word(word: &str, lang: crate::segment::Lang) -> Option<CalendarWord> {
    let canonical = canonical(word, lang)?;
    if let Some(idx) = MONTHS.iter().position(|&m| m == canonical) {
        return Some(CalendarWord::Month(idx as u8 + 1));
    }
    WEEKDAYS
        .iter()
        .position(|&d| d == canonical)
        .map(|idx| CalendarWord::Weekday(idx as u8 + 1))
}

pub struct Calendar;

/// The words of `text` as the calendar rules read them: hyphenated words
/// are split (`Januari-Februari` is two months) and a possessive ending is
/// dropped (`Wednesday's`).
fn calendar_words(text: &str, base: usize) -> impl Iterator<Item = (Span, &str)> + '_ {
    words(text, base).flat_map(move |(span, word)| {
        let mut offset = 0;
        word.split('-').map(move |part| {
            let start = span.start + offset;
            offset += part.len() + 1;
            let bare = part
                .strip_suffix("'s")
                .or_else(|| part.strip_suffix("’s"))
                .or_else(|| part.strip_suffix('\''))
                .or_else(|| part.strip_suffix('’'))
                .unwrap_or(part);
            (Span::new(start, start + bare.len()), bare)
        })
    })
}

impl Check for Calendar {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        let names = &*NAMES;
        for bead in pair.beads {
            let Some(first_target) = bead.first_target() else { continue };
            let target_span = pair.target.joined_span(bead.target.clone());
            let target_text = target_span.slice(pair.target.text);
            // Every weekday and month of the draft, with whether a source
            // name has already claimed it: a name counts once.
            let mut in_target: Vec<(Span, &str, bool)> = calendar_words(target_text, target_span.start)
                .filter_map(|(span, word)| names.english.get(word).map(|&canonical| (span, canonical, false)))
                .collect();
            let source_span = pair.source.joined_span(bead.source.clone());
            // Dates are judged whole by the number rules (`dates`): their
            // weekday and month are not looked at again here.
            let source_dates: Vec<Span> = dates::extract(source_span.slice(pair.source.text), source_span.start, Lang::Id)
                .into_iter()
                .map(|date| date.span)
                .collect();
            let target_unit = &pair.target.units[first_target];
            for source_idx in bead.source.clone() {
                let unit = &pair.source.units[source_idx];
                let text = pair.source.unit_text(source_idx);
                let found: Vec<_> = calendar_words(text, unit.span.start).collect();
                for (word_idx, &(span, word)) in found.iter().enumerate() {
                    let Some(&expected) = names.indonesian.get(word) else { continue };
                    let next = found.get(word_idx + 1).map(|&(_, w)| w.to_lowercase());
                    if word == "Minggu" && matches!(next.as_deref(), Some("lalu" | "depan" | "ini" | "ke")) {
                        continue;
                    }
                    if source_dates.iter().any(|date| date.start <= span.start && span.end <= date.end) {
                        continue;
                    }
                    if let Some(slot) = in_target.iter_mut().find(|(_, canonical, used)| !used && *canonical == expected) {
                        slot.2 = true;
                        continue;
                    }
                    // The name is there but already counted for an earlier
                    // mention: a second mention may be a pronoun ("that day").
                    if in_target.iter().any(|&(_, canonical, _)| canonical == expected) {
                        continue;
                    }
                    let other = in_target
                        .iter_mut()
                        .find(|(_, canonical, used)| !used && is_weekday(canonical) == is_weekday(expected));
                    let found_finding = match other {
                        Some(slot) => {
                            slot.2 = true;
                            finding(CALENDAR_CHANGED, format!("{word} is {expected}, but the draft says {}", slot.1)).with_target(
                                first_target,
                                target_unit.id.clone(),
                                slot.0,
                            )
                        }
                        None => finding(CALENDAR_MISSING, format!("{word} ({expected}) is not in the draft")).with_target(
                            first_target,
                            target_unit.id.clone(),
                            target_span,
                        ),
                    };
                    out.push(found_finding.with_source(source_idx, unit.id.clone(), span).with_expected(expected));
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
