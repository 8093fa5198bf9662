//! Match keys: text in, a normalised copy out, with a map from every byte of
//! the copy back to the bytes of the original it came from.
//!
//! The same function makes the keys of glossary terms and the searchable copy
//! of a unit, so a term is found whenever the two normalise alike. The rules,
//! in order:
//!
//! 1. **NFC.** A base letter followed by combining marks (`e` + U+0301) is
//!    composed (`é`), and so are singletons such as U+212B ANGSTROM SIGN.
//! 2. **Whitespace.** Every run of whitespace (space, tab, line break, NBSP
//!    U+00A0, narrow NBSP U+202F, figure space, ideographic space, …) becomes
//!    one ASCII space; keys are trimmed.
//! 3. **Invisible characters** (zero-width space, ZWJ, ZWNJ, word joiner, BOM,
//!    soft hyphen) are dropped.
//! 4. **Dashes.** Hyphen U+2010, non-breaking hyphen U+2011, figure dash,
//!    en dash, em dash, horizontal bar, minus sign and the small/full-width
//!    hyphen-minus become `-` (or a space, for the English-side options).
//! 5. **Apostrophes.** U+2019, U+2018, U+02BC modifier letter apostrophe,
//!    U+02BB, backtick, acute accent and prime become `'`.
//! 6. **Case.** With `fold_case`, every character is lower-cased
//!    (`char::to_lowercase`, full Unicode). Case-sensitive terms are checked
//!    afterwards against an unfolded key (see the `matcher` module).
//!
//! Stored glossary text and the input are never rewritten: spans always point
//! at the input as read.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::text::Span;

/// Which of the optional rules to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyOptions {
    /// Lower-case everything (rule 6).
    pub fold_case: bool,
    /// Treat hyphens and dashes as spaces (English targets: `North-Korean`
    /// and `North Korean` are one spelling).
    pub hyphen_as_space: bool,
}

impl KeyOptions {
    /// The key the automaton is built on.
    pub const FOLDED: KeyOptions = KeyOptions {
        fold_case: true,
        hyphen_as_space: false,
    };
    /// The key that case-sensitive terms must equal.
    pub const CASED: KeyOptions = KeyOptions {
        fold_case: false,
        hyphen_as_space: false,
    };
}

/// The match key of a term: normalised and trimmed.
pub fn key(term: &str, options: KeyOptions) -> String {
    let mut out = String::with_capacity(term.len());
    push_key(term, options, &mut out);
    out
}

/// Appends the key of `term` to `out` (see [`key`]): many keys in one
/// buffer, without an allocation each.
pub fn push_key(term: &str, options: KeyOptions, out: &mut String) {
    let start = out.len();
    normalise_with(term, options, &mut FnSink(|c, _, _| out.push(c)));
    let trimmed_len = start + out[start..].trim_end_matches(' ').len();
    out.truncate(trimmed_len);
    if out[start..].starts_with(' ') {
        out.remove(start);
    }
}

/// Whether `c` counts as part of a word for boundary tests: letters, digits
/// and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && canonical_combining_class(c) != 0)
}

/// A normalised copy of some text with a byte map back to the original.
///
/// The map keeps, per normalised byte, only where its original characters
/// start (as `u32` offsets from `base`: four bytes per byte of text, which
/// matters on 50 MB inputs). Where they end follows from the next byte's
/// start, except after dropped invisible characters; only texts that have
/// such characters also get an explicit end map. Pieces longer than 4 GiB
/// are not supported.
#[derive(Debug, Default, Clone)]
pub struct NormText {
    pub text: String,
    base: usize,
    /// For each byte of `text`: the start of the original characters it came
    /// from, relative to `base`.
    starts: Vec<u32>,
    /// For each byte of `text`: the end of its original characters, relative
    /// to `base`. Empty unless characters were dropped.
    ends: Vec<u32>,
    /// The end of the original characters of the last byte of `text`.
    last_end: usize,
}

impl NormText {
    /// Normalises `original` (which sits at byte `base` of the whole input),
    /// reusing this buffer's allocations.
    pub fn build(&mut self, original: &str, base: usize, options: KeyOptions) {
        self.text.clear();
        self.starts.clear();
        self.ends.clear();
        self.text.reserve(original.len());
        self.starts.reserve(original.len());
        self.base = base;
        let mut sink = MapSink {
            text: &mut self.text,
            starts: &mut self.starts,
            last_end: 0,
            gapped: false,
        };
        normalise_with(original, options, &mut sink);
        let (last_end, gapped) = (sink.last_end, sink.gapped);
        self.last_end = last_end;
        if gapped {
            let ends = &mut self.ends;
            let mut end_sink = FnSink(|c: char, _, end: usize| ends.extend(std::iter::repeat_n(end as u32, c.len_utf8())));
            normalise_with(original, options, &mut end_sink);
        }
    }

    /// The original span of normalised bytes `start..end`, or `None` when
    /// either end falls inside what one original character (or one composed
    /// cluster, or one whitespace run) became.
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end || end > self.text.len() {
            return None;
        }
        let starts_cleanly = start == 0 || self.starts[start - 1] != self.starts[start];
        let ends_cleanly = end == self.text.len() || self.starts[end] != self.starts[end - 1];
        if !(starts_cleanly && ends_cleanly) {
            return None;
        }
        let original_end = if !self.ends.is_empty() {
            self.ends[end - 1] as usize
        } else if end == self.text.len() {
            self.last_end
        } else {
            self.starts[end] as usize
        };
        Some(Span::new(self.base + self.starts[start] as usize, self.base + original_end))
    }

    /// The first normalised byte whose original characters start at or
    /// after original byte `offset` (the length of `text` when none does).
    pub fn normalised_offset(&self, offset: usize) -> usize {
        let relative = offset.saturating_sub(self.base);
        self.starts.partition_point(|&start| (start as usize) < relative)
    }

    /// The character before normalised byte `idx`, if any.
    pub fn char_before(&self, idx: usize) -> Option<char> {
        self.text[..idx].chars().next_back()
    }

    /// The character at normalised byte `idx`, if any.
    pub fn char_at(&self, idx: usize) -> Option<char> {
        self.text[idx..].chars().next()
    }
}

/// Where normalised output goes.
trait Sink {
    /// Output character `c` came from original bytes `start..end`.
    fn char(&mut self, c: char, start: usize, end: usize);
    /// Output `run` (ASCII, lower-cased first if `lowercase`) came byte for
    /// byte from the original at `start`. The fast path for plain text.
    fn ascii_run(&mut self, run: &str, start: usize, lowercase: bool) {
        for (offset, byte) in run.bytes().enumerate() {
            let byte = if lowercase { byte.to_ascii_lowercase() } else { byte };
            self.char(char::from(byte), start + offset, start + offset + 1);
        }
    }
}

/// A sink that is one closure.
struct FnSink<F>(F);

impl<F: FnMut(char, usize, usize)> Sink for FnSink<F> {
    fn char(&mut self, c: char, start: usize, end: usize) {
        (self.0)(c, start, end)
    }
}

/// The sink of [`NormText::build`]: text plus start offsets, in bulk for
/// plain ASCII runs.
struct MapSink<'a> {
    text: &'a mut String,
    starts: &'a mut Vec<u32>,
    last_end: usize,
    /// Whether some original bytes produced no output (dropped characters).
    gapped: bool,
}

impl Sink for MapSink<'_> {
    fn char(&mut self, c: char, start: usize, end: usize) {
        self.gapped |= start != self.last_end;
        self.last_end = end;
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(start as u32);
        }
    }

    fn ascii_run(&mut self, run: &str, start: usize, lowercase: bool) {
        self.gapped |= start != self.last_end;
        self.last_end = start + run.len();
        let from = self.text.len();
        self.text.push_str(run);
        if lowercase {
            self.text[from..].make_ascii_lowercase();
        }
        self.starts.extend(start as u32..(start + run.len()) as u32);
    }
}

/// Bytes that map to themselves (lower-cased) one for one: printable ASCII
/// but the backtick (an apostrophe variant).
const PLAIN: [bool; 256] = plain_table(false);
/// [`PLAIN`] without the hyphen, for keys that treat it as a space.
const PLAIN_HYPHEN_AS_SPACE: [bool; 256] = plain_table(true);

const fn plain_table(hyphen_as_space: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0x21;
    while byte < 0x7F {
        table[byte] = byte != b'`' as usize && !(hyphen_as_space && byte == b'-' as usize);
        byte += 1;
    }
    table
}

/// Runs the rules over `original`, giving every output character to `sink`
/// with the original bytes it came from.
fn normalise_with(original: &str, options: KeyOptions, sink: &mut impl Sink) {
    let bytes = original.as_bytes();
    let plain_table = if options.hyphen_as_space { &PLAIN_HYPHEN_AS_SPACE } else { &PLAIN };
    let is_plain = |byte: u8| plain_table[usize::from(byte)];
    let mut idx = 0;
    // Start and end of the whitespace run being collapsed, if any.
    let mut pending_space: Option<(usize, usize)> = None;
    while idx < bytes.len() {
        let byte = bytes[idx];
        if pending_space.is_none() && is_plain(byte) {
            // Fastest path: a run of plain ASCII characters and single
            // spaces maps to itself (lower-cased), byte for byte. The run
            // stops before a character that a combining mark may follow.
            let mut end = idx + 1;
            while end < bytes.len() {
                if is_plain(bytes[end]) {
                    end += 1;
                } else if bytes[end] == b' ' && bytes.get(end + 1).is_some_and(|&b| is_plain(b)) {
                    end += 2;
                } else {
                    break;
                }
            }
            if end < bytes.len() && !bytes[end].is_ascii() {
                end -= 1;
            }
            if end > idx {
                sink.ascii_run(&original[idx..end], idx, options.fold_case);
                idx = end;
                continue;
            }
        }
        let next_is_ascii = bytes.get(idx + 1).is_none_or(|b| b.is_ascii());
        if byte.is_ascii() && next_is_ascii {
            // Fast path: an ASCII character not followed by a combining mark
            // maps to at most one ASCII character.
            if byte.is_ascii_whitespace() || byte == 0x0B {
                pending_space = Some(pending_space.map_or((idx, idx + 1), |(start, _)| (start, idx + 1)));
            } else {
                if let Some((start, end)) = pending_space.take() {
                    sink.char(' ', start, end);
                }
                let mapped = match byte {
                    b'`' => b'\'',
                    b'-' if options.hyphen_as_space => b' ',
                    b if options.fold_case => b.to_ascii_lowercase(),
                    b => b,
                };
                sink.char(char::from(mapped), idx, idx + 1);
            }
            idx += 1;
            continue;
        }
        // Slow path: one character plus any combining marks after it.
        let rest = &original[idx..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next().unwrap_or((0, ' '));
        let mut cluster_len = first.len_utf8();
        for (offset, c) in chars {
            if canonical_combining_class(c) == 0 {
                break;
            }
            cluster_len = offset + c.len_utf8();
        }
        let cluster = &rest[..cluster_len];
        let (start, end) = (idx, idx + cluster_len);
        idx = end;
        let mut handle = |c: char| {
            if c.is_whitespace() {
                pending_space = Some(pending_space.map_or((start, end), |(s, _)| (s, end)));
                return;
            }
            let mapped = match c {
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return,
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '-' => {
                    if options.hyphen_as_space {
                        ' '
                    } else {
                        '-'
                    }
                }
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '\u{2032}' => '\'',
                c => c,
            };
            if let Some((s, e)) = pending_space.take() {
                sink.char(' ', s, e);
            }
            if options.fold_case && !mapped.is_lowercase() {
                for lower in mapped.to_lowercase() {
                    sink.char(lower, start, end);
                }
            } else {
                sink.char(mapped, start, end);
            }
        };
        if cluster_len == first.len_utf8() && is_nfc_quick(std::iter::once(first)) == IsNormalized::Yes {
            handle(first);
        } else {
            for c in cluster.nfc() {
                handle(c);
            }
        }
    }
    if let Some((start, end)) = pending_space {
        sink.char(' ', start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        key(text, KeyOptions::FOLDED)
    }

    #[test]
    fn nfc_composes_combining_marks() {
        assert_eq!(folded("Pe\u{301}rez"), "pérez");
        assert_eq!(folded("P\u{e9}rez"), "pérez");
        assert_eq!(folded("\u{212B}"), "å");
    }

    #[test]
    fn case_is_folded_only_when_asked() {
        assert_eq!(folded("Korea UTARA"), "korea utara");
        assert_eq!(key("Korea UTARA", KeyOptions::CASED), "Korea UTARA");
        assert_eq!(folded("İstanbul").chars().next(), Some('i'));
    }

    #[test]
    fn whitespace_collapses_and_nbsp_is_a_space() {
        assert_eq!(folded("  Korea \t\n Utara  "), "korea utara");
        assert_eq!(folded("Korea\u{A0}Utara"), "korea utara");
        assert_eq!(folded("Korea\u{202F}Utara"), "korea utara");
    }

    #[test]
    fn dashes_and_apostrophes_unify() {
        for dash in ['-', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}', '\u{2212}'] {
            assert_eq!(folded(&format!("Bangsa{dash}Bangsa")), "bangsa-bangsa", "{dash:?}");
        }
        for apostrophe in ['\'', '\u{2019}', '\u{02BC}', '`'] {
            assert_eq!(folded(&format!("Jum{apostrophe}at")), "jum'at", "{apostrophe:?}");
        }
        let english = KeyOptions {
            fold_case: false,
            hyphen_as_space: true,
        };
        assert_eq!(key("North\u{2013}Korean", english), "North Korean");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(folded("Ru\u{200B}sia\u{AD}"), "rusia");
        assert_eq!(folded("\u{FEFF}Rusia"), "rusia");
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let original = "A\u{A0}\u{A0}Pe\u{301}rez — x";
        let mut norm = NormText::default();
        norm.build(original, 10, KeyOptions::FOLDED);
        assert_eq!(norm.text, "a pérez - x");
        let at = norm.text.find("pérez").unwrap();
        let span = norm.original_span(at, at + "pérez".len()).unwrap();
        assert_eq!(&original[span.start - 10..span.end - 10], "Pe\u{301}rez");
        // Half of a composed cluster is not a span of the original.
        assert_eq!(norm.original_span(at, at + 1), Some(Span::new(15, 16)));
        assert_eq!(norm.original_span(at + 1, at + 3), Some(Span::new(16, 19)));
        assert_eq!(norm.original_span(at + 1, at + 2), None);
    }

    #[test]
    fn spans_exclude_dropped_characters_after_them() {
        let original = "Rusia\u{200B} dan";
        let mut norm = NormText::default();
        norm.build(original, 0, KeyOptions::FOLDED);
        assert_eq!(norm.text, "rusia dan");
        assert_eq!(norm.original_span(0, 5), Some(Span::new(0, 5)));
        assert_eq!(norm.original_span(6, 9), Some(Span::new(9, 12)));
    }
}
