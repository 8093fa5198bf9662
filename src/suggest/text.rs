//! What the miner reads: the aligned beads of a pair as plain text, and the
//! tokens of each side.
//!
//! A [`BeadText`] is one bead of the pipeline's alignment with units on both
//! sides: the source units' text (from the first unit's start to the last
//! unit's end), the draft's likewise, and where each unit starts, so that a
//! token can be traced back to its unit id and to a byte span of the file.
//! Beads with no source or no draft (omissions, additions) teach nothing
//! about translations and are left out, as are repeated source units the
//! translator skipped on purpose.
//!
//! Tokens are words (letters, digits and combining marks, with `-`, `'` or
//! `’` inside a word: `APBD-nya`, `negara-negara`, `Hwasong-19`), numbers
//! (digits with `.` or `,` between digit groups: `10.000`, `2,5`; a word
//! that holds a digit after a letter, `Rp10`, counts as a number too) and
//! single punctuation characters. Dotted abbreviations written with single
//! letters (`U.S.`) are one word.

use crate::check::Pair;
use crate::glossary::normalize::is_word_char;

/// One bead of a checked pair, as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BeadText {
    /// The source units of the bead, from the first one's start to the last one's end.
    pub source: String,
    /// Byte offset of `source` in the source file.
    pub source_base: usize,
    /// (offset in `source`, unit id) of each source unit, ascending.
    pub source_units: Vec<(usize, String)>,
    /// The draft units of the bead.
    pub target: String,
    /// Byte offset of `target` in the draft file.
    pub target_base: usize,
    /// (offset in `target`, unit id) of each draft unit, ascending.
    pub target_units: Vec<(usize, String)>,
    /// Index of the bead's first draft unit among the pair's draft units
    /// (the bead's draft units are consecutive).
    pub target_first: usize,
}

impl BeadText {
    /// The id of the source unit that holds byte `offset` of `source`.
    pub fn source_unit_at(&self, offset: usize) -> &str {
        unit_at(&self.source_units, offset)
    }

    /// The id of the draft unit that holds byte `offset` of `target`.
    pub fn target_unit_at(&self, offset: usize) -> &str {
        unit_at(&self.target_units, offset)
    }

    /// The index (among the pair's draft units) of the draft unit that
    /// holds byte `offset` of `target`.
    pub fn target_unit_idx_at(&self, offset: usize) -> usize {
        self.target_first + self.target_units.partition_point(|(start, _)| *start <= offset).saturating_sub(1)
    }
}

fn unit_at(units: &[(usize, String)], offset: usize) -> &str {
    let idx = units.partition_point(|(start, _)| *start <= offset).saturating_sub(1);
    units.get(idx).map_or("", |(_, id)| id.as_str())
}

/// The beads of a checked pair that have units on both sides and are not
/// skipped repeats, as text.
pub fn bead_texts(pair: &Pair<'_>) -> Vec<BeadText> {
    let mut out = Vec::new();
    for bead in pair.beads {
        if bead.source.is_empty() || bead.target.is_empty() || bead.is_repeat() {
            continue;
        }
        let side = |text: &str, units: &[crate::check::CheckUnit], indices: std::ops::Range<usize>| {
            let start = units[indices.start].span.start;
            let end = units[indices.end - 1].span.end;
            let starts = indices.map(|idx| (units[idx].span.start - start, units[idx].id.clone())).collect();
            (text[start..end].to_string(), start, starts)
        };
        let (source, source_base, source_units) = side(pair.source.text, pair.source.units, bead.source.clone());
        let (target, target_base, target_units) = side(pair.target.text, pair.target.units, bead.target.clone());
        out.push(BeadText {
            source,
            source_base,
            source_units,
            target,
            target_base,
            target_units,
            target_first: bead.target.start,
        });
    }
    out
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: its kind and byte span in the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Cuts `text` into tokens (see the module header).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(offset, c)) = chars.peek() {
                let digit_follows = text[offset + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
                if c.is_ascii_digit() || ((c == '.' || c == ',') && digit_follows) {
                    chars.next();
                    end = offset + c.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token {
                kind: TokenKind::Number,
                start,
                end,
            });
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                kind: TokenKind::Punct,
                start,
                end: start + c.len_utf8(),
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(offset, c)) = chars.peek() {
            let joiner = matches!(c, '-' | '\'' | '’') && text[offset + c.len_utf8()..].starts_with(is_word_char);
            if is_word_char(c) || joiner {
                chars.next();
                end = offset + c.len_utf8();
            } else if c == '$' && text[start..end].chars().all(|c| c.is_ascii_uppercase()) {
                // US$, S$, HK$: a dollar sign glued to a country's letters.
                chars.next();
                end = offset + 1;
                break;
            } else if c == '.' && is_dotted_letter(&text[start..end]) && starts_dotted_letter(&text[offset + 1..]) {
                // U.S., U.K.: single letters with full stops between them.
                chars.next();
                end = offset + 1;
            } else {
                break;
            }
        }
        // The full stop closing a dotted abbreviation (the one after `S` in `U.S.`).
        if text[start..end].contains('.') && text[end..].starts_with('.') {
            chars.next();
            end += 1;
        }
        let word = &text[start..end];
        // A currency code glued to an amount (`Rp10`, `US$` is punctuation
        // apart) is an amount.
        let letters_end = word.find(|c: char| c.is_ascii_digit()).unwrap_or(word.len());
        let is_amount = letters_end < word.len()
            && word[letters_end..].chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && CURRENCY_CODES.iter().any(|code| code.eq_ignore_ascii_case(&word[..letters_end]));
        let kind = if is_amount { TokenKind::Number } else { TokenKind::Word };
        out.push(Token { kind, start, end });
    }
    out
}

/// Currency codes written before an amount with no space.
const CURRENCY_CODES: [&str; 4] = ["Rp", "USD", "IDR", "US"];

/// Whether `rest` starts with one letter and a full stop (`S.` of `U.S.`).
fn starts_dotted_letter(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next() == Some('.')
}

/// Whether `word` ends in a single letter that a dotted abbreviation may
/// continue (`U` or `U.S`).
fn is_dotted_letter(word: &str) -> bool {
    let last = word.rsplit('.').next().unwrap_or(word);
    last.chars().count() == 1 && last.chars().all(char::is_alphabetic)
}

/// Whether `word` is written in capitals of an acronym: two to seven
/// characters, at least one letter, letters upper case, digits, hyphens and
/// full stops allowed (`BI`, `APBN`, `APBN-P`, `G20`).
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&word.chars().count())
        && letters >= 1
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// Whether a number token is an amount, not a year: a plain four-digit
/// number from 1000 to 2100 is taken for a year (`pada 2009 dilaporkan`).
pub fn is_amount(number: &str) -> bool {
    !(number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit()) && ("1000"..="2100").contains(&number))
}

/// Whether `word` starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            words("APBD-nya naik 2,5 persen (Rp10 triliun)."),
            vec![
                ("APBD-nya", Word),
                ("naik", Word),
                ("2,5", Number),
                ("persen", Word),
                ("(", Punct),
                ("Rp10", Number),
                ("triliun", Word),
                (")", Punct),
                (".", Punct),
            ]
        );
        assert_eq!(
            words("10.000 orang, 3."),
            vec![("10.000", Number), ("orang", Word), (",", Punct), ("3", Number), (".", Punct)]
        );
    }

    #[test]
    fn dotted_abbreviations_and_codes_are_one_word() {
        use TokenKind::*;
        assert_eq!(words("the U.S. dollar"), vec![("the", Word), ("U.S.", Word), ("dollar", Word)]);
        assert_eq!(words("a Hwasong-19 test"), vec![("a", Word), ("Hwasong-19", Word), ("test", Word)]);
        assert_eq!(words("Korea's army"), vec![("Korea's", Word), ("army", Word)]);
        assert_eq!(words("US$ 5"), vec![("US$", Word), ("5", Number)]);
        assert_eq!(words("end. Next"), vec![("end", Word), (".", Punct), ("Next", Word)]);
    }

    #[test]
    fn acronyms_and_capitals() {
        assert!(is_acronym("BI") && is_acronym("APBN-P") && is_acronym("G20"));
        assert!(!is_acronym("A") && !is_acronym("Bank") && !is_acronym("PEMERINTAHAN"));
        assert!(is_capitalised("Jepang") && !is_capitalised("jepang"));
        assert!(is_amount("10.000") && is_amount("250") && is_amount("3000") && !is_amount("2009"));
    }

    #[test]
    fn units_are_found_by_offset() {
        let bead = BeadText {
            source_units: vec![(0, "p1.s1".into()), (20, "p1.s2".into())],
            ..Default::default()
        };
        assert_eq!(bead.source_unit_at(5), "p1.s1");
        assert_eq!(bead.source_unit_at(20), "p1.s2");
        assert_eq!(bead.source_unit_at(25), "p1.s2");
    }
}
