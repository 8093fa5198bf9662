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
use std::hash::BuildHasher;
use std::sync::LazyLock;

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
        // Already in normal form: only the whitespace runs change.
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    } else {
        for c in text.nfc() {
            push(c, out);
        }
    }
}

/// The comparison key of `text`: the text itself when it is already in
/// normal form (the common case, checked without copying), else its
/// normalised copy in `buffer`.
fn key<'a>(text: &'a str, buffer: &'a mut String) -> &'a str {
    if is_normal(text) {
        text
    } else {
        normalise_into(text, buffer);
        buffer
    }
}

/// True when `normalise_into` would return `text` unchanged: single ASCII
/// spaces only, no other whitespace, no leading or trailing space, NFC.
///
/// Scans bytes: ASCII, Latin-1 and Latin Extended letters (U+0080–U+02FF)
/// and General Punctuation (U+2000–U+207F, curly quotes and dashes) are
/// decided here; any other character sends the text to the full check.
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

fn is_normal(text: &str) -> bool {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || DOUBLE_SPACE.find(bytes).is_some() {
        return false;
    }
    let mut pos = 0;
    while pos < bytes.len() {
        // Eight printable ASCII bytes at a time: no byte at or above 0x80
        // and none below 0x20 (the test for "below" is the usual SWAR one).
        if let Some(chunk) = bytes.get(pos..pos + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS;
            if (word & HIGH_BITS) | below_space == 0 {
                pos += 8;
                continue;
            }
        }
        let byte = bytes[pos];
        match byte {
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => return false,
            0x00..=0x7F => pos += 1,
            // U+0080–U+02FF: only U+0085 and U+00A0 are whitespace.
            0xC2..=0xCB => {
                if byte == 0xC2 && matches!(bytes.get(pos + 1), Some(0x85 | 0xA0)) {
                    return false;
                }
                pos += 2;
            }
            // U+2000–U+207F, minus its whitespace characters.
            0xE2 if matches!(bytes.get(pos + 1), Some(0x80 | 0x81)) => {
                let third = bytes.get(pos + 2).copied().unwrap_or(0);
                let is_space = if bytes[pos + 1] == 0x80 {
                    matches!(third, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)
                } else {
                    third == 0x9F
                };
                if is_space {
                    return false;
                }
                pos += 3;
            }
            _ => return is_normal_slow(text),
        }
    }
    true
}

fn is_normal_slow(text: &str) -> bool {
    let mut previous_space = false;
    for c in text.chars() {
        if c == ' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            previous_space = false;
        }
    }
    is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// Collisions kept aside before giving up on them (see `mark_units`).
const MAX_COLLISIONS: usize = 4096;

/// Sets `repeat_of` on every unit whose text repeats an earlier unit's.
///
/// Keys are hashed with a fast seeded word hash; a hit is confirmed by
/// comparing texts. Distinct texts with the same hash go to a short side
/// list, capped so that crafted input cannot make the pass quadratic (past
/// the cap a colliding text is only not marked as a repeat).
pub fn mark_units(text: &str, units: &mut [Unit]) {
    let seed = std::hash::RandomState::new().hash_one(0u64);
    let mut first_by_hash: HashMap<u64, usize> = HashMap::with_capacity(units.len());
    let mut collisions: Vec<(u64, usize)> = Vec::new();
    let mut buffer = String::new();
    let mut other_buffer = String::new();
    for unit_idx in 0..units.len() {
        let unit_text = units[unit_idx].span.slice(text);
        let unit_key = key(unit_text, &mut buffer);
        let hash = word_hash(unit_key.as_bytes(), seed);
        let same_text = |first_idx: usize, other_buffer: &mut String| {
            let first_text = units[first_idx].span.slice(text);
            first_text == unit_text || key(first_text, other_buffer) == unit_key
        };
        let original = match first_by_hash.get(&hash) {
            None => {
                first_by_hash.insert(hash, unit_idx);
                None
            }
            Some(&first_idx) if same_text(first_idx, &mut other_buffer) => Some(first_idx),
            Some(_) => {
                let found = collisions
                    .iter()
                    .find(|&&(h, idx)| h == hash && same_text(idx, &mut other_buffer))
                    .map(|&(_, idx)| idx);
                if found.is_none() && collisions.len() < MAX_COLLISIONS {
                    collisions.push((hash, unit_idx));
                }
                found
            }
        };
        if let Some(first_idx) = original {
            units[unit_idx].repeat_of = Some(first_idx);
        }
    }
}

/// A fast 64-bit hash over eight-byte words (multiply–rotate, as in FxHash)
/// with a final avalanche; `seed` varies per run.
fn word_hash(bytes: &[u8], seed: u64) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = seed ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    hash = (hash.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // Murmur3's finaliser spreads the high bits into the low ones.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}

/// Finds runs of whole paragraphs that repeat earlier paragraphs in order.
pub fn find_blocks(units: &[Unit], paragraphs: &[Paragraph]) -> Vec<RepeatedBlock> {
    // For each paragraph, the index of the earlier paragraph it copies whole.
    let copies: Vec<Option<usize>> = paragraphs
        .iter()
        .map(|paragraph| {
            let own = &units[paragraph.units.clone()];
            let first_target = units[own.first()?.repeat_of?].id;
            let target_idx = paragraphs.partition_point(|p| p.number < first_target.paragraph);
            let target = paragraphs.get(target_idx)?;
            if target.number != first_target.paragraph || target.units.len() != own.len() || first_target.sentence != 1 {
                return None;
            }
            let all_match = own
                .iter()
                .zip(target.units.clone())
                .all(|(unit, original_idx)| unit.repeat_of == Some(original_idx));
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
    fn fast_path_agrees_with_normalisation() {
        let mut out = String::new();
        for text in [
            "a b",
            "a  b",
            " a",
            "a\u{a0}b",
            "“kutipan” biasa",
            "Cafe\u{301}",
            "a\tb",
            "x\u{3000}y",
            "é",
            "a\u{2009}b",
            "a\u{85}b",
            "€ 5",
            "a\u{205F}b",
            "Ḁ",
            "a\u{300}",
        ] {
            normalise_into(text, &mut out);
            assert_eq!(is_normal(text), out == text, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_on_any_text(text in "\\PC{0,40}") {
            let mut out = String::new();
            normalise_into(&text, &mut out);
            // The fast path may send normal text to the full normalisation
            // (NFC quick check answers "maybe"), never the other way round.
            proptest::prop_assert!(!is_normal(&text) || out == text);
        }
    }

    #[test]
    fn normalisation_collapses_whitespace_and_composes() {
        let mut out = String::new();
        normalise_into("  Cafe\u{301}\t\n  itu ", &mut out);
        assert_eq!(out, "Café itu");
        normalise_into("a\u{a0}b", &mut out);
        assert_eq!(out, "a b");
    }
}
