//! The decision at each candidate boundary: does this run of terminators
//! end the sentence? (The rules are listed in `sentence`'s header.)
//!
//! Three things decide: the run itself (`?`, `!`, an ellipsis, a closing
//! quote), the word in front of a single full stop (looked up in
//! `abbreviations.tsv`, or recognised by shape as an initial), and the first
//! word after the run (lowercase, a numeral, a code, or a word that usually
//! opens a sentence).

use super::Lang;
use super::abbrev::{self, AbbrevClass};

/// A run of terminators and the closing punctuation after it, as the
/// sentence splitter (`sentence`) finds it: what [`is_boundary`] decides on.
pub(super) struct Run {
    /// Byte offset of the first terminator.
    pub first: usize,
    /// Byte offset just after the run and its closers.
    pub after: usize,
    /// The run holds `?` or `!`.
    pub question_or_exclamation: bool,
    /// The run holds an ellipsis (`…`, or two or more full stops in a row).
    pub ellipsis: bool,
    /// The run holds a closing quote or bracket (`."`, `?”`, `.)`).
    pub closer: bool,
    /// A terminator follows a closer (`”.`, `L.).`): the sentence ends there
    /// whatever the word before the first full stop was.
    pub terminator_after_closer: bool,
}

/// How far back the splitter looks for the word before a full stop.
/// Abbreviations are short; the limit keeps pathological input linear.
const MAX_WORD_BYTES: usize = 48;

pub(super) fn is_boundary(text: &str, sentence_start: usize, run: &Run, next: usize, end: usize, lang: Lang) -> bool {
    let next_is_lower = first_word_char(text, next, end).is_some_and(|c| c.is_lowercase());
    if next_is_lower && (run.ellipsis || run.closer) {
        // `hari ini … meningkat`, `"Apa?" tanya dia`, `“…,” katanya`.
        return false;
    }
    if run.question_or_exclamation || run.ellipsis || run.terminator_after_closer {
        return true;
    }
    // A single full stop: the word in front of it decides.
    let word = word_before(text, sentence_start, run.first);
    if word.is_empty() {
        return true;
    }
    match abbrev::lookup(word, lang) {
        Some(AbbrevClass::Title) => false,
        // `no. 12`, `No. XI`, `Telp. (021) 555`: a number or code follows.
        // Only a word that usually opens a sentence shows that it ended
        // (`tetap no. Lalu …`); `Decree No. Establishment 0299` goes on.
        Some(AbbrevClass::Number) => {
            !next_is_lower && !next_is_number_or_code(text, next, end) && is_sentence_opener(text, next, end, lang)
        }
        Some(AbbrevClass::Final) => {
            // `Tbk. (BBNI)`, `Co. Ltd.`: a ticker or a second company word.
            let continues = text[next..end].starts_with('(') || next_word_is_abbreviation(text, next, end, lang);
            !next_is_lower
                && !continues
                && match lang {
                    Lang::Id => true,
                    // `in the U.S. 2024 was …`: a number also opens one.
                    Lang::En => {
                        is_sentence_opener(text, next, end, lang) || next_word(text, next, end).starts_with(|c: char| c.is_ascii_digit())
                    }
                }
        }
        None if is_initial(word) => {
            if next_is_lower || next_word_is_initial(text, next, end) {
                return false;
            }
            // `di bawah 2 C.`, `abad ke-6 M.`: a unit or an era after a
            // number; `kuartal I.`: a numeral; `di Mahkamah Agung A.S. Namun`:
            // initials of a country or body before a word that opens
            // sentences. Before a name (`B.J. Habibie`) an initial stays.
            follows_number(text, sentence_start, run.first - word.len())
                || is_numeral_after_lowercase(text, sentence_start, run.first, word)
                || is_sentence_opener(text, next, end, lang)
        }
        // Indonesian sentences in edited text start with a capital, but the
        // treebanks hold real ones that start in lowercase; only a known
        // abbreviation or an initial makes a lowercase continuation safe.
        None => true,
    }
}

/// Whether the word before `word_start` (past spaces) ends in a digit:
/// `2 C`, `ke-6 M`, `1945 M`.
fn follows_number(text: &str, floor: usize, word_start: usize) -> bool {
    let before = text[floor..word_start].trim_end_matches([' ', '\u{a0}']);
    before.len() < text[floor..word_start].len() && before.ends_with(|c: char| c.is_ascii_digit())
}

/// The next word holds a digit or is a Roman numeral (`12`, `(021)`, `A12`,
/// `XI`): it continues a reference after `No.` or `Telp.`.
fn next_is_number_or_code(text: &str, from: usize, end: usize) -> bool {
    let word = next_word(text, from, end);
    word.chars().any(|c| c.is_ascii_digit())
        || (!word.is_empty() && word.len() <= 6 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')))
}

/// `J.` or `K.H.` comes next: a run of initials goes on (`J. K. Rowling`).
fn next_word_is_initial(text: &str, from: usize, end: usize) -> bool {
    let rest = &text[from..end];
    let word = rest.split(char::is_whitespace).next().unwrap_or_default();
    word.strip_suffix('.').is_some_and(is_initial)
}

/// The next word without opening quotes or brackets, up to its first
/// character that is neither a letter nor a digit.
fn next_word(text: &str, from: usize, end: usize) -> &str {
    let mut limit = end.min(from + MAX_WORD_BYTES * 2);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = text[from..limit].trim_start_matches(|c: char| !c.is_alphanumeric());
    let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    &rest[..word_end]
}

/// `kuartal I.`, `abad X.`: a lone Roman-numeral capital after a lowercase
/// word is a numeral ending the sentence, not a name's initial (`R. Soeprapto`).
fn is_numeral_after_lowercase(text: &str, floor: usize, stop: usize, word: &str) -> bool {
    let word_start = stop - word.len();
    let before = text[floor..word_start].trim_end();
    matches!(word, "I" | "V" | "X")
        && before
            .rsplit(char::is_whitespace)
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
}

fn next_word_is_abbreviation(text: &str, from: usize, end: usize, lang: Lang) -> bool {
    let rest = &text[from..end];
    let word = rest.split(char::is_whitespace).next().unwrap_or_default();
    word.strip_suffix('.').is_some_and(|w| abbrev::lookup(w, lang).is_some())
}

/// The word in front of the full stop at `stop`: back to whitespace or an
/// opening bracket or quote, at most `MAX_WORD_BYTES`.
fn word_before(text: &str, floor: usize, stop: usize) -> &str {
    let mut limit = stop.saturating_sub(MAX_WORD_BYTES).max(floor);
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    let mut start = stop;
    for (offset, c) in text[limit..stop].char_indices().rev() {
        if c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '«' | '/') {
            break;
        }
        start = limit + offset;
    }
    if start == limit && limit > floor {
        // The word is longer than any abbreviation; it is not one.
        return "";
    }
    &text[start..stop]
}

/// A single capital letter (`P.`), or capitals joined by full stops (`B.J`).
fn is_initial(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters > 0 && !expect_letter
}

/// The first letter or digit of the next word, looking past opening quotes,
/// brackets and dashes.
fn first_word_char(text: &str, from: usize, end: usize) -> Option<char> {
    text[from..end].chars().take(6).find(|c| c.is_alphanumeric())
}

const OPENERS_EN: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "Do",
    "Does",
    "During",
    "For",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "No",
    "Not",
    "On",
    "One",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Words that usually open an Indonesian sentence and are not names:
/// pronouns, conjunctions, prepositions, adverbs of time. Used for runs of
/// initials (`A.S.`), which end a sentence only before one. Sorted.
const OPENERS_ID: &[&str] = &[
    "Adapun",
    "Akan",
    "Akhirnya",
    "Aku",
    "Anda",
    "Apa",
    "Apabila",
    "Bagaimana",
    "Bagi",
    "Bahkan",
    "Banyak",
    "Beberapa",
    "Belum",
    "Berdasarkan",
    "Bila",
    "Dalam",
    "Dari",
    "Dengan",
    "Di",
    "Dia",
    "Hal",
    "Hingga",
    "Ia",
    "Ini",
    "Itu",
    "Jika",
    "Juga",
    "Kalau",
    "Kami",
    "Karena",
    "Kemudian",
    "Kenapa",
    "Ketika",
    "Kini",
    "Kita",
    "Lalu",
    "Maka",
    "Mengapa",
    "Menurut",
    "Mereka",
    "Meski",
    "Meskipun",
    "Namun",
    "Oleh",
    "Pada",
    "Para",
    "Saat",
    "Sampai",
    "Saya",
    "Sebab",
    "Sebagai",
    "Sebelum",
    "Sebelumnya",
    "Sebuah",
    "Sedangkan",
    "Sehingga",
    "Sejak",
    "Sejumlah",
    "Sekarang",
    "Selain",
    "Selama",
    "Selanjutnya",
    "Sementara",
    "Semua",
    "Seorang",
    "Setelah",
    "Siapa",
    "Tak",
    "Tapi",
    "Terkait",
    "Tetapi",
    "Tidak",
    "Untuk",
    "Walaupun",
    "Yang",
];

/// Whether the word at `from` usually opens a sentence in `lang`.
fn is_sentence_opener(text: &str, from: usize, end: usize, lang: Lang) -> bool {
    let word = next_word(text, from, end);
    match lang {
        Lang::Id => OPENERS_ID.binary_search(&word).is_ok(),
        Lang::En => OPENERS_EN.binary_search(&word).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_are_sorted_for_binary_search() {
        assert!(OPENERS_EN.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(OPENERS_ID.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn next_word_skips_opening_marks_and_stops_at_punctuation() {
        let text = "“(Namun, ia";
        assert_eq!(next_word(text, 0, text.len()), "Namun");
        assert_eq!(next_word("", 0, 0), "");
        // The look-ahead limit falls inside a four-byte character.
        let text = format!("{}\u{5d409}", "a".repeat(MAX_WORD_BYTES * 2 - 2));
        assert_eq!(next_word(&text, 0, text.len()), &text[..MAX_WORD_BYTES * 2 - 2]);
    }

    #[test]
    fn numbers_and_codes_after_no() {
        for (text, expected) in [
            ("12 ", true),
            ("(021) 555", true),
            ("XI", true),
            ("A12", true),
            ("Lalu", false),
            ("DKI", false),
        ] {
            assert_eq!(next_is_number_or_code(text, 0, text.len()), expected, "{text}");
        }
    }
}
