//! The English side: a draft and a required target in, the span where the
//! target occurs (or nothing) out. Used by checks that want to know whether
//! a translator kept a fixed term.
//!
//! An occurrence of target `T` counts when, after the normalisation of the
//! `normalize` module (NFC, whitespace, dashes, apostrophes) with hyphens
//! treated as spaces (`North-Korean` = `North Korean`):
//!
//! * it stands as whole words;
//! * it may carry a plural or possessive ending: `-s`, `-es`, `'s`, `'`,
//!   `s'`, `es'`; a target ending in `y` may also end in `-ies` (`agency` →
//!   `agencies`, `agencies'`);
//! * its letters have the target's case, except that the first letter may
//!   be upper case at the start of a sentence (after `.`, `!`, `?`, `:`, an
//!   opening quote or bracket, a line break, or at the start of the draft),
//!   and a fully upper-case occurrence (a headline in capitals) is accepted.
//!
//! Anything else (other inflections, other wording) must be listed as an
//! admitted target in the glossary.

use memchr::memmem;

use super::model::Entry;
use super::normalize::{KeyOptions, NormText, is_word_char, key};
use crate::text::Span;

const ENGLISH_FOLDED: KeyOptions = KeyOptions {
    fold_case: true,
    hyphen_as_space: true,
};
const ENGLISH_CASED: KeyOptions = KeyOptions {
    fold_case: false,
    hyphen_as_space: true,
};

/// The first occurrence of `target` in `draft`, by the rules above.
pub fn target_present(draft: &str, target: &str) -> Option<Span> {
    PreparedDraft::new(draft).find_from(target, 0)
}

/// A draft normalised once, so that many targets, or one target many
/// times, can be looked for without normalising it again for each search:
/// a bead with many terms and a long draft would otherwise cost their
/// product.
pub struct PreparedDraft<'a> {
    draft: &'a str,
    norm: NormText,
}

impl<'a> PreparedDraft<'a> {
    pub fn new(draft: &'a str) -> Self {
        let mut norm = NormText::default();
        norm.build(draft, 0, ENGLISH_FOLDED);
        PreparedDraft { draft, norm }
    }

    /// The first occurrence of `target` that starts at or after byte `from`
    /// of the draft, by the rules above (the text before `from` still
    /// counts for word boundaries and sentence starts).
    pub fn find_from(&self, target: &str, from: usize) -> Option<Span> {
        find_in(self.draft, &self.norm, target, self.norm.normalised_offset(from))
    }
}

/// The first acceptable target (preferred, then admitted) of `entry` found
/// in `draft`, with its span.
pub fn entry_present<'e>(draft: &str, entry: &'e Entry) -> Option<(&'e str, Span)> {
    let mut norm = NormText::default();
    norm.build(draft, 0, ENGLISH_FOLDED);
    entry
        .targets()
        .find_map(|target| find_in(draft, &norm, target, 0).map(|span| (target, span)))
}

/// The first occurrence of `target` in `draft` (normalised as `norm`) at
/// or after normalised byte `from`.
fn find_in(draft: &str, norm: &NormText, target: &str, from: usize) -> Option<Span> {
    let folded = key(target, ENGLISH_FOLDED);
    let cased = key(target, ENGLISH_CASED);
    if folded.is_empty() {
        return None;
    }
    let mut forms: Vec<(String, String, &[&str])> = vec![(folded.clone(), cased.clone(), &["", "s", "es", "'s", "'", "s'", "es'"])];
    if let (Some(stem), Some(cased_stem)) = (folded.strip_suffix('y'), cased.strip_suffix('y')) {
        forms.push((format!("{stem}ies"), format!("{cased_stem}ies"), &["", "'"]));
    }
    let text = norm.text.as_str();
    for (form, cased_form, endings) in &forms {
        for start in memmem::find_iter(&text.as_bytes()[from.min(text.len())..], form.as_bytes()) {
            let start = start + from;
            let end = start + form.len();
            if form.starts_with(is_word_char) && norm.char_before(start).is_some_and(is_word_char) {
                continue;
            }
            let tail_len = text[end..]
                .find(|c: char| !is_word_char(c) && c != '\'')
                .unwrap_or(text.len() - end);
            let tail = &text[end..end + tail_len];
            if form.ends_with(is_word_char) && !endings.contains(&tail) {
                continue;
            }
            let (Some(core), Some(whole)) = (norm.original_span(start, end), norm.original_span(start, end + tail_len)) else {
                continue;
            };
            let written = key(core.slice(draft), ENGLISH_CASED);
            if case_ok(&written, cased_form, at_sentence_start(draft, core.start)) {
                return Some(whole);
            }
        }
    }
    None
}

/// Whether `written` has the case of `expected`, allowing a capitalised
/// first letter at a sentence start and a text in all capitals.
fn case_ok(written: &str, expected: &str, sentence_start: bool) -> bool {
    if written == expected {
        return true;
    }
    if written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase) {
        return true;
    }
    if !sentence_start {
        return false;
    }
    let mut written_chars = written.chars();
    let mut expected_chars = expected.chars();
    match (written_chars.next(), expected_chars.next()) {
        (Some(w), Some(e)) => w.to_lowercase().eq(e.to_lowercase()) && written_chars.eq(expected_chars),
        _ => false,
    }
}

/// Whether byte `offset` of `draft` starts a sentence.
fn at_sentence_start(draft: &str, offset: usize) -> bool {
    let before = draft[..offset].trim_end_matches([' ', '\t', '\u{A0}']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '\r' | '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(draft: &'a str, target: &str) -> Option<&'a str> {
        target_present(draft, target).map(|span| span.slice(draft))
    }

    #[test]
    fn plain_and_whole_words() {
        assert_eq!(found("He met North Korea officials.", "North Korea"), Some("North Korea"));
        assert_eq!(found("Koreatown is far.", "Korea"), None);
        assert_eq!(found("South Korea won", "Korea"), Some("Korea"));
    }

    #[test]
    fn plurals_and_possessives() {
        assert_eq!(found("North Korea's army", "North Korea"), Some("North Korea's"));
        assert_eq!(found("North Korea’s army", "North Korea"), Some("North Korea’s"));
        assert_eq!(found("both Koreas' leaders", "Korea"), Some("Koreas'"));
        assert_eq!(found("two agencies met", "agency"), Some("agencies"));
        assert_eq!(found("the ministers met", "minister"), Some("ministers"));
        assert_eq!(found("the ministerial meeting", "minister"), None);
    }

    #[test]
    fn capitals_only_at_sentence_start_or_all_caps() {
        assert_eq!(found("Bill passed. The bill", "bill"), Some("Bill"));
        assert_eq!(found("He said a Bill", "bill"), None);
        assert_eq!(found("“Foreign minister said", "Foreign Minister"), None);
        assert_eq!(found("NORTH KOREA FIRES MISSILE", "North Korea"), Some("NORTH KOREA"));
    }

    #[test]
    fn issue_12_a_prepared_draft_finds_later_occurrences_in_context() {
        // One normalisation for every search; a search from an offset still
        // sees the text before it (a word boundary, a sentence start).
        let draft = "North Korea met. North Korean troops and NorthKorea, North Korea.";
        let prepared = PreparedDraft::new(draft);
        let found = |from| prepared.find_from("North Korea", from).map(|span| (span.start, span.slice(draft)));
        assert_eq!(found(0), Some((0, "North Korea")));
        assert_eq!(found(1), Some((53, "North Korea")));
        assert_eq!(found(54), None);
        assert_eq!(
            prepared.find_from("Korea", 42).map(|span| span.start),
            Some(59),
            "`NorthKorea` is one word"
        );
        assert_eq!(prepared.find_from("north korea", 1), None, "lower case, not at a sentence start");
    }

    #[test]
    fn hyphen_and_space_variants() {
        assert_eq!(found("a North-Korean delegation", "North Korean"), Some("North-Korean"));
        assert_eq!(found("a North Korean delegation", "North-Korean"), Some("North Korean"));
        assert_eq!(found("a North\u{A0}Korean delegation", "North Korean"), Some("North\u{A0}Korean"));
    }
}
