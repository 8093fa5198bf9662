//! `calendar.changed` and `calendar.missing`: weekday and month names.
//!
//! The names come from `glossaries/calendar.tsv` (Unicode CLDR, with the
//! variant spellings Indonesian news uses). A capitalised Indonesian name in
//! a bead's source must come back as its English name in the bead's draft
//! (full or abbreviated: `Agustus` ↔ `August` or `Aug`). If the draft names
//! another day (or month) instead, the name changed; if it names none, it is
//! missing. `Minggu` before `lalu`, `depan`, `ini` or `ke` means "week", not
//! Sunday, and is skipped.

use super::calendar_names::{NAMES, is_weekday};
pub(super) use super::calendar_names::{canonical, is_calendar_word};
use super::{Check, Pair, dates, finding, words};
use crate::finding::Finding;
use crate::segment::Lang;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
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
