//! `untranslated`: a draft unit that is still Indonesian.
//!
//! A draft unit is untranslated when it equals a source unit of its bead
//! (after whitespace folding and case folding; at least three words), or
//! when it reads as Indonesian: at least four words, at least two of them
//! Indonesian function words, and more than twice as many Indonesian as
//! English function words. Function words, not content words, because names
//! and terms are the same in both languages.

use super::{Check, Pair, finding, words};
use crate::finding::Finding;
use crate::segment::UnitKind;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    UNTRANSLATED = "untranslated", Error supersedes ["glossary", "number", "entity", "calendar", "punct"],
        "A draft unit is still in Indonesian.",
        "The draft unit equals its source, or reads as Indonesian: its words are mostly Indonesian\n\
         function words (yang, dan, di, dengan, untuk …) rather than English ones.\n\
         Example: \"Ia mengatakan Korea Utara perlu memperkuat persenjataan nuklirnya …\" left in\n\
         Indonesian in the draft.";
}

const INDONESIAN: &[&str] = &[
    "adalah", "akan", "atau", "bagi", "bahwa", "belum", "dalam", "dan", "dari", "dengan", "di", "dia", "ia", "ini", "itu", "juga", "kami",
    "karena", "ke", "kepada", "kita", "mereka", "namun", "oleh", "pada", "para", "saat", "sangat", "sebagai", "sudah", "telah", "tentang",
    "terhadap", "tetapi", "tidak", "untuk", "yaitu", "yang",
];

const ENGLISH: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "his", "in", "is", "it", "its",
    "not", "of", "on", "or", "said", "she", "that", "the", "their", "they", "this", "to", "was", "were", "which", "will", "with",
];

pub struct Untranslated;

impl Check for Untranslated {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        for bead in pair.beads {
            if bead.source.clone().any(|idx| pair.source.units[idx].kind == UnitKind::Boilerplate) {
                continue;
            }
            for target_idx in bead.target.clone() {
                let unit = &pair.target.units[target_idx];
                let text = pair.target.unit_text(target_idx);
                // A copy counts when it has running text: names, codes and
                // figures (`Home United 27 14 4 9`, `50 M2 Browning.`) are
                // written the same in English.
                let counts = FunctionWords::of(text);
                let running_text = counts.lower_case >= 2;
                let copied = text.split_whitespace().nth(2).is_some()
                    && running_text
                    && bead.source.clone().any(|idx| same_folded(pair.source.unit_text(idx), text));
                let (message, at) = if copied {
                    (format!("draft unit {} is a copy of its source", unit.id), unit.span)
                } else if counts.read_as_indonesian() {
                    (format!("draft unit {} reads as Indonesian", unit.id), unit.span)
                } else if counts.indonesian > 0
                    // A stretch counts only with an Indonesian function
                    // word in it: most draft units need no look at their
                    // sources.
                    && let Some(span) = copied_stretch(pair, bead.source.clone(), text, unit.span.start)
                {
                    let quoted = span.slice(pair.target.text);
                    (
                        format!("draft unit {} keeps Indonesian text from its source: “{quoted}”", unit.id),
                        span,
                    )
                } else {
                    continue;
                };
                let mut found = finding(UNTRANSLATED, message).with_target(target_idx, unit.id.clone(), at);
                if let Some(source_idx) = bead.first_source() {
                    found = found.with_source(
                        source_idx,
                        pair.source.units[source_idx].id.clone(),
                        pair.source.units[source_idx].span,
                    );
                }
                out.push(found);
            }
        }
    }
}

/// Consecutive words a stretch of Indonesian must have to count.
const STRETCH_WORDS: usize = 5;

/// A stretch of the draft unit (at `base`) copied word for word from one of
/// the bead's source units: at least `STRETCH_WORDS` words with two
/// Indonesian function words among them. This is a sentence left half
/// translated, or a source sentence glued to a translated one where the
/// draft lost a full stop.
fn copied_stretch(pair: &Pair<'_>, sources: std::ops::Range<usize>, text: &str, base: usize) -> Option<crate::text::Span> {
    let is_indonesian = |w: &str| INDONESIAN.binary_search(&w).is_ok();
    let (spans, draft_words): (Vec<crate::text::Span>, Vec<String>) = words(text, base).map(|(span, w)| (span, w.to_lowercase())).unzip();
    if draft_words.len() < STRETCH_WORDS {
        return None;
    }
    // Windows are compared as slices of words (a word holds no space, so
    // this is the same as comparing them joined), without a string per
    // window: this runs for every draft unit.
    let source_words: Vec<Vec<String>> = sources
        .map(|idx| words(pair.source.unit_text(idx), 0).map(|(_, w)| w.to_lowercase()).collect())
        .collect();
    let source_windows: std::collections::HashSet<&[String], crate::fast_hash::SeededState> =
        source_words.iter().flat_map(|source| source.windows(STRETCH_WORDS)).collect();
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for end in STRETCH_WORDS..=draft_words.len() {
        if source_windows.contains(&draft_words[end - STRETCH_WORDS..end]) {
            let first = *start.get_or_insert(end - STRETCH_WORDS);
            if best.is_none_or(|(a, b)| end - first > b - a) {
                best = Some((first, end));
            }
        } else {
            start = None;
        }
    }
    let (first, end) = best?;
    let stretch: Vec<(crate::text::Span, &String)> = spans[first..end].iter().copied().zip(&draft_words[first..end]).collect();
    let n_indonesian = stretch.iter().filter(|(_, w)| is_indonesian(w)).count();
    // Words that are not English: lower-case in the draft (names are
    // capitalised) and not in the English word list.
    let n_foreign = stretch
        .iter()
        .filter(|(span, w)| {
            let written = span.slice(pair.target.text);
            written.chars().count() >= 3 && written.chars().all(char::is_lowercase) && !super::english_words::is_english_word(w)
        })
        .count();
    (n_indonesian >= 2 || (n_indonesian >= 1 && n_foreign >= 3))
        .then(|| crate::text::Span::new(stretch[0].0.start, stretch[stretch.len() - 1].0.end))
}

/// Whether `a` and `b` are the same words in the same order, case aside
/// (whitespace between them may differ), without building either folded.
fn same_folded(a: &str, b: &str) -> bool {
    let mut a_words = a.split_whitespace();
    let mut b_words = b.split_whitespace();
    loop {
        match (a_words.next(), b_words.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let same = if x.is_ascii() && y.is_ascii() {
                    x.eq_ignore_ascii_case(y)
                } else {
                    // Not ASCII on one side: a lower-case form may still be
                    // ASCII (the Kelvin sign is `k`), so compare in full.
                    x.to_lowercase() == y.to_lowercase()
                };
                if !same {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Appends `word.to_lowercase()` to `out` (in place for ASCII, the same
/// result there).
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Whether `text`'s function words are mostly Indonesian.
#[cfg(test)]
fn reads_as_indonesian(text: &str) -> bool {
    FunctionWords::of(text).read_as_indonesian()
}

/// How many words a text has, how many of them are Indonesian and English
/// function words, and how many are lower-case words of two letters or
/// more (running text, not a list of names and figures).
struct FunctionWords {
    words: usize,
    indonesian: usize,
    english: usize,
    lower_case: usize,
}

impl FunctionWords {
    fn of(text: &str) -> FunctionWords {
        let mut counts = FunctionWords {
            words: 0,
            indonesian: 0,
            english: 0,
            lower_case: 0,
        };
        let mut lower = String::new();
        for (_, word) in words(text, 0) {
            counts.words += 1;
            if word.chars().nth(1).is_some() && word.chars().all(char::is_lowercase) {
                counts.lower_case += 1;
            }
            lower.clear();
            push_lower(&mut lower, word);
            if INDONESIAN.binary_search(&lower.as_str()).is_ok() {
                counts.indonesian += 1;
            } else if ENGLISH.binary_search(&lower.as_str()).is_ok() {
                counts.english += 1;
            }
        }
        counts
    }

    fn read_as_indonesian(&self) -> bool {
        self.words >= 4 && self.indonesian >= 2 && self.indonesian > 2 * self.english
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(INDONESIAN.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn profiles() {
        assert!(reads_as_indonesian(
            "Ia mengatakan Korea Utara perlu memperkuat persenjataan nuklirnya dan menyempurnakan kesiapannya."
        ));
        assert!(!reads_as_indonesian(
            "He said North Korea needed to strengthen its nuclear arsenal and perfect its readiness."
        ));
        assert!(!reads_as_indonesian("Choe Son Hui, Sergey Lavrov."));
        assert!(!reads_as_indonesian("Kim Jong Un and the ICBM in Pyongyang."));
    }
}
