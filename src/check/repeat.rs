//! `source.repeated` and `repeat.inconsistent`.
//!
//! A run of two or more consecutive source units that repeat consecutive
//! earlier units is a repeated block (the scraper's duplicate body in the
//! sample): reported once, as information. A repeated source unit whose own
//! translation differs from the original's translation is inconsistent;
//! translations are compared by `translation_key` (whitespace and quote
//! style do not count).

use std::collections::HashMap;

use super::{Check, Pair, finding, translation_key};
use crate::finding::Finding;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    REPEAT_INCONSISTENT = "repeat.inconsistent", Warning,
        "The same source sentence is translated differently.",
        "Two source units with the same text (after NFC and whitespace folding) have different\n\
         translations, in one file or, in a project, in different files. Revisers expect one\n\
         translation for one sentence.\n\
         Example: \"Korea Utara membantah tuduhan itu.\" translated \"North Korea denied the\n\
         accusation.\" in one article and \"Pyongyang rejected the charge.\" in another.";
    SOURCE_REPEATED = "source.repeated", Info,
        "The source repeats a block of paragraphs.",
        "Scrapers often paste an article's body twice. The copies are reported once per block and\n\
         are not expected to be translated again: they are not reported as omissions.\n\
         Example: the sample article's paragraphs p18–p31 repeat p4–p17 word for word: one finding\n\
         says so, and `selaras diff` folds the copies into one line.";
}

pub struct Repeats;

impl Check for Repeats {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        blocks(pair, out);
        inconsistent(pair, out);
    }
}

fn blocks(pair: &Pair<'_>, out: &mut Vec<Finding>) {
    let units = pair.source.units;
    let mut unit_idx = 0;
    while unit_idx < units.len() {
        let Some(original) = units[unit_idx].repeat_of else {
            unit_idx += 1;
            continue;
        };
        let mut length = 1;
        while unit_idx + length < units.len() && units[unit_idx + length].repeat_of == Some(original + length) {
            length += 1;
        }
        if length >= 2 {
            let first = &units[unit_idx];
            let last = &units[unit_idx + length - 1];
            out.push(
                finding(
                    SOURCE_REPEATED,
                    format!(
                        "source units {}–{} repeat {}–{} (a duplicated block); the copy needs no translation",
                        first.id,
                        last.id,
                        units[original].id,
                        units[original + length - 1].id
                    ),
                )
                .with_source(unit_idx, first.id.clone(), Span::new(first.span.start, last.span.end)),
            );
        }
        unit_idx += length;
    }
}

fn inconsistent(pair: &Pair<'_>, out: &mut Vec<Finding>) {
    // The draft text of every source unit aligned one-to-one.
    let mut translation: HashMap<usize, usize> = HashMap::new();
    for bead in pair.beads {
        if bead.source.len() == 1 && bead.target.len() == 1 {
            translation.insert(bead.source.start, bead.target.start);
        }
    }
    for (source_idx, unit) in pair.source.units.iter().enumerate() {
        let Some(original) = unit.repeat_of else { continue };
        let (Some(&copy_target), Some(&original_target)) = (translation.get(&source_idx), translation.get(&original)) else {
            continue;
        };
        if translation_key(pair.target.unit_text(copy_target)) != translation_key(pair.target.unit_text(original_target)) {
            let target_unit = &pair.target.units[copy_target];
            let original_unit = &pair.target.units[original_target];
            out.push(
                finding(
                    REPEAT_INCONSISTENT,
                    format!(
                        "source unit {} repeats {}, but its translation differs from {}",
                        unit.id, pair.source.units[original].id, original_unit.id
                    ),
                )
                .with_source(source_idx, unit.id.clone(), unit.span)
                .with_target(copy_target, target_unit.id.clone(), target_unit.span)
                .with_expected(pair.target.unit_text(original_target)),
            );
        }
    }
}
