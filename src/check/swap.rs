//! `source.swapped`: the source and the draft were given the wrong way
//! round (`selaras check DRAFT SOURCE`).
//!
//! Checked once per pair, before the other rules: when the source reads as
//! English and the draft as Indonesian, every draft unit "is still in
//! Indonesian" and every source term "is missing", and thirty `untranslated`
//! errors would hide the one mistake. The rule table says that this finding
//! supersedes every other of the pair (`supersedes ["*"] in Pair`, see
//! `registry`), so the pair gets this one finding and nothing else, and the
//! other rules are not run. A rule turned off is not judged, and the pair is
//! then checked as usual.
//!
//! A side's language is judged by function words, which every sentence has
//! and which the two languages do not share: Indonesian `yang`, `dan`,
//! `dengan`, `tersebut`…; English `the`, `and`, `of`, `with`…. Over the
//! first [`SAMPLE_WORDS`] words of each side, a side reads as one language
//! when that language's function words are at least [`MIN_SHARE`] of its
//! words and outnumber the other's [`DOMINANCE`] to one. Both sides must
//! read clearly, the source as English and the draft as Indonesian, so a
//! draft with a few untranslated sentences, a source quoting English, or a
//! short pair of headlines is never reported.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Pair, finding, words};
use crate::finding::Finding;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    SOURCE_SWAPPED = "source.swapped", Error supersedes ["*"] in Pair,
        "The source and the draft look given the wrong way round.",
        "The source reads as English and the draft as Indonesian (judged by the function words of\n\
         each language over the first 2,000 words of each side, both sides clearly), as when\n\
         `selaras check DRAFT SOURCE` was typed for `selaras check SOURCE DRAFT`. The pair then\n\
         gets this one finding instead of an `untranslated` error for every unit.\n\
         Example: `selaras check draft.en.txt source.id.txt`.";
}

/// Words read from the start of each side.
pub const SAMPLE_WORDS: usize = 2000;
/// Least share of a side's words that must be function words of its language.
pub const MIN_SHARE: f32 = 0.10;
/// How many times more function words of one language than of the other.
pub const DOMINANCE: usize = 3;
/// Least number of function words of the dominant language on each side.
const MIN_FUNCTION_WORDS: usize = 6;

/// Function-word sets with the quick hasher (`crate::fast_hash`): each is
/// asked about up to [`SAMPLE_WORDS`] words of both sides of every pair.
type WordSet = HashSet<&'static str, crate::fast_hash::SeededState>;

static INDONESIAN: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "yang", "dan", "di", "ke", "dari", "dengan", "untuk", "pada", "ini", "itu", "dalam", "tidak", "akan", "adalah", "oleh", "juga",
        "karena", "atau", "sudah", "telah", "bahwa", "kami", "kita", "mereka", "ia", "dia", "saya", "para", "sebagai", "tersebut", "bisa",
        "dapat", "lebih", "hingga", "sejak", "saat", "ada", "belum", "masih", "namun", "tetapi", "jika", "setelah", "antara", "bagi",
        "serta", "sebuah", "seorang", "menurut", "tak", "kepada", "secara", "yakni", "pun",
    ]
    .into_iter()
    .collect()
});

static ENGLISH: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from", "it", "this", "be", "are",
        "were", "has", "have", "had", "not", "which", "will", "would", "their", "its", "he", "she", "they", "we", "an", "or", "but",
        "said", "after", "about", "been", "who", "his", "her", "also", "than", "into", "more", "there", "these",
    ]
    .into_iter()
    .collect()
});

/// Function words of each language among the first words of `text`:
/// (Indonesian, English, words read).
fn function_words(text: &str) -> (usize, usize, usize) {
    let (mut indonesian, mut english, mut n_words) = (0, 0, 0);
    let mut lower = String::new();
    for (_, word) in words(text, 0).take(SAMPLE_WORDS) {
        n_words += 1;
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        indonesian += usize::from(INDONESIAN.contains(lower.as_str()));
        english += usize::from(ENGLISH.contains(lower.as_str()));
    }
    (indonesian, english, n_words)
}

/// Whether `dominant` function words out of `n_words`, against `other`, make
/// the side read clearly as the dominant language.
fn reads_as(dominant: usize, other: usize, n_words: usize) -> bool {
    dominant >= MIN_FUNCTION_WORDS && dominant as f32 >= MIN_SHARE * n_words as f32 && dominant >= DOMINANCE * other.max(1)
}

/// The `source.swapped` finding for `pair`, if its sides look swapped.
pub fn swapped(pair: &Pair<'_>) -> Option<Finding> {
    let (source_id, source_en, source_words) = function_words(pair.source.text);
    if !reads_as(source_en, source_id, source_words) {
        return None;
    }
    let (draft_id, draft_en, draft_words) = function_words(pair.target.text);
    if !reads_as(draft_id, draft_en, draft_words) {
        return None;
    }
    let mut found = finding(
        SOURCE_SWAPPED,
        format!(
            "the source reads as English ({source_en} English and {source_id} Indonesian function words) and the draft as Indonesian ({draft_id} Indonesian and {draft_en} English): were SOURCE and DRAFT given the wrong way round? Give the Indonesian source first"
        ),
    );
    if let Some(unit) = pair.source.units.first() {
        found = found.with_source(0, unit.id.clone(), unit.span);
    }
    if let Some(unit) = pair.target.units.first() {
        found = found.with_target(0, unit.id.clone(), unit.span);
    }
    Some(found)
}
