//! Repeated units and repeated blocks.
//!
//! Scrapers often paste an article's body twice (the sample does). A unit
//! repeats an earlier one when both are equal after NFC normalisation and
//! with every run of whitespace read as one space; it then points at the
//! *first* unit with that text. A run of whole paragraphs that repeats a run
//! of earlier paragraphs in the same order is a `RepeatedBlock`.
//!
//! Only a 64-bit hash of each normalised text is kept, so memory stays small
//! on long inputs; a hash hit is confirmed by comparing the texts.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{Paragraph, RepeatedBlock, Unit};

/// Writes the normalised form of `text` into `out` (cleared first).
pub fn normalise_into(text: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    };
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        for c in text.chars() {
            push(c, out);
        }
    } else {
        for c in text.nfc() {
            push(c, out);
        }
    }
}

/// Sets `repeat_of` on every unit whose text repeats an earlier unit's.
pub fn mark_units(text: &str, units: &mut [Unit]) {
    let hasher = std::hash::RandomState::new();
    let mut first_by_hash: HashMap<u64, usize> = HashMap::with_capacity(units.len());
    let mut key = String::new();
    let mut other = String::new();
    for unit_idx in 0..units.len() {
        normalise_into(units[unit_idx].span.slice(text), &mut key);
        let mut state = hasher.build_hasher();
        state.write(key.as_bytes());
        let hash = state.finish();
        match first_by_hash.get(&hash) {
            Some(&first_idx) => {
                normalise_into(units[first_idx].span.slice(text), &mut other);
                if other == key {
                    units[unit_idx].repeat_of = Some(units[first_idx].id);
                }
                // On a true hash collision the later unit is simply treated
                // as new text; the first one keeps the slot.
            }
            None => {
                first_by_hash.insert(hash, unit_idx);
            }
        }
    }
}

/// Finds runs of whole paragraphs that repeat earlier paragraphs in order.
pub fn find_blocks(units: &[Unit], paragraphs: &[Paragraph]) -> Vec<RepeatedBlock> {
    // For each paragraph, the index of the earlier paragraph it copies whole.
    let copies: Vec<Option<usize>> = paragraphs
        .iter()
        .map(|paragraph| {
            let own = &units[paragraph.units.clone()];
            let first_target = own.first()?.repeat_of?;
            let target_idx = paragraphs.partition_point(|p| p.number < first_target.paragraph);
            let target = paragraphs.get(target_idx)?;
            if target.number != first_target.paragraph || target.units.len() != own.len() || first_target.sentence != 1 {
                return None;
            }
            let all_match = own
                .iter()
                .zip(&units[target.units.clone()])
                .all(|(unit, original)| unit.repeat_of == Some(original.id));
            all_match.then_some(target_idx)
        })
        .collect();
    let mut blocks: Vec<RepeatedBlock> = Vec::new();
    for (paragraph_idx, copy) in copies.iter().enumerate() {
        let Some(target_idx) = *copy else { continue };
        let number = paragraphs[paragraph_idx].number;
        let target_number = paragraphs[target_idx].number;
        if let Some(last) = blocks.last_mut() {
            let continues = last.paragraphs.1 + 1 == number && last.original.1 + 1 == target_number && target_number < last.paragraphs.0;
            if continues {
                last.paragraphs.1 = number;
                last.original.1 = target_number;
                continue;
            }
        }
        blocks.push(RepeatedBlock {
            paragraphs: (number, number),
            original: (target_number, target_number),
        });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_collapses_whitespace_and_composes() {
        let mut out = String::new();
        normalise_into("  Cafe\u{301}\t\n  itu ", &mut out);
        assert_eq!(out, "Café itu");
        normalise_into("a\u{a0}b", &mut out);
        assert_eq!(out, "a b");
    }
}
