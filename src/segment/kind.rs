//! Unit kinds: what a paragraph is, judged from its own text and position.
//!
//! * `headline` — the first paragraph, at most two lines (a headline may be
//!   hard-wrapped), no final full stop.
//! * `dateline` — a date and/or time line (`Sabtu, 02 November 2024 - 14:23 WIB`,
//!   `Saturday, November 2, 2024`): weekday and month names, numbers and time
//!   zones, with at most two other words (a city).
//! * `byline` — the author credit in prose form: `Oleh Ahmad Fauzi`,
//!   `Oleh: A dan B`, `Laporan wartawan Tribunnews.com, Rina`, `By John
//!   Smith` — an opening from `BYLINE_OPENINGS`, then names only (capitalised
//!   words and connectors), short, without a final full stop. Labelled
//!   credits (`Penulis: …`, `Reporter: …`, `Editor: …`) are site furniture
//!   that translations drop, so they stay `boilerplate`.
//! * `boilerplate` — site trailers and links: a line that starts with one of
//!   `BOILERPLATE_PREFIXES` (`Lihat Juga :`, `Baca Juga: …`, `Editor: …`), or
//!   an editor's initials in brackets (`(ahm)`, `(nnz/rz)`).
//! * `heading` — a later short line without final punctuation (a subhead
//!   or a caption title).
//! * `body` — everything else.
//!
//! A paragraph of a kind other than `body` is one unit: a headline or a
//! "Baca Juga" link title is not cut into sentences.
//!
//! Datelines, bylines and boilerplate are recognised line by line, and
//! `paragraph` never joins such a line to another: so the kinds come out the
//! same whether the article has one paragraph per line, blank lines between
//! paragraphs, or hard-wrapped lines (`stands_alone`, `is_title_case`).

use serde::Serialize;

/// What a unit is, for the checks (boilerplate is not translated, a
/// headline has no final full stop in either language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Headline,
    Dateline,
    Heading,
    Boilerplate,
    Byline,
    Body,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Headline => "headline",
            UnitKind::Dateline => "dateline",
            UnitKind::Heading => "heading",
            UnitKind::Boilerplate => "boilerplate",
            UnitKind::Byline => "byline",
            UnitKind::Body => "body",
        }
    }
}

/// Line openings that mark site furniture, lowercase, matched at a word
/// boundary. Indonesian news sites first, then their English counterparts.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "advertisement",
    "artikel ini telah tayang",
    "baca berita",
    "baca juga",
    "baca selengkapnya",
    "baca:",
    "copyright",
    "dapatkan berita",
    "dapatkan update",
    "editor:",
    "editor :",
    "ikuti berita",
    "ikuti kami",
    "klik di sini",
    "lihat juga",
    "lihat video",
    "penulis:",
    "penulis :",
    "read also",
    "read more",
    "reporter:",
    "reporter :",
    "scroll to continue",
    "scroll untuk melanjutkan",
    "simak juga",
    "simak video",
    "sumber:",
    "sumber :",
    "tags:",
    "tonton juga",
    "topik:",
    "tulis komentar",
    "©",
];

/// Openings of a byline, lowercase; a name list must follow.
const BYLINE_OPENINGS: &[&str] = &[
    "oleh",
    "laporan wartawan",
    "laporan koresponden",
    "laporan reporter",
    "kontributor",
    "by",
    "written by",
    "reported by",
];

/// Words that may stand between the names of a byline.
const BYLINE_CONNECTORS: &[&str] = &["dan", "and", "&", "di", "in", "dari", "from", "-", "|", "/"];

/// Short words that stay lowercase in a title-cased headline.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "atau", "by", "dan", "dari", "dengan", "di", "for", "from", "hingga", "in", "ini", "itu", "ke", "of",
    "on", "or", "pada", "sampai", "the", "to", "untuk", "vs", "with", "yang",
];

const WEEKDAYS: &[&str] = &[
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "des",
    "dec",
];

const TIME_WORDS: &[&str] = &[
    "wib",
    "wita",
    "wit",
    "gmt",
    "utc",
    "pukul",
    "jam",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "at",
    "updated",
    "diperbarui",
];

/// Words that show a line is a sentence, not a dateline (`Pada 2 November 2024`).
const SENTENCE_WORDS: &[&str] = &[
    "pada", "di", "sejak", "hingga", "sampai", "tanggal", "on", "in", "since", "until", "by",
];

pub fn classify(paragraph: &str, is_first: bool) -> UnitKind {
    if is_boilerplate(paragraph) {
        return UnitKind::Boilerplate;
    }
    if is_dateline(paragraph) {
        return UnitKind::Dateline;
    }
    if is_byline(paragraph) {
        return UnitKind::Byline;
    }
    // A headline or subhead may be hard-wrapped onto a second line.
    let short = memchr::memchr_iter(b'\n', paragraph.as_bytes()).nth(1).is_none();
    if is_first && short && paragraph.len() <= 300 && !ends_with_stop(paragraph) {
        return UnitKind::Headline;
    }
    if !is_first && short && is_heading(paragraph) {
        return UnitKind::Heading;
    }
    UnitKind::Body
}

/// A line that is a paragraph of its own in every layout: a dateline, a
/// byline or boilerplate.
pub fn stands_alone(line: &str) -> bool {
    is_boilerplate(line) || is_dateline(line) || is_byline(line)
}

/// Capitalised as a headline is (`Korea Utara Akan Dukung Rusia hingga
/// Tercapai Kemenangan di Ukraina`): at least three words that are not
/// `TITLE_SMALL_WORDS`, none of them lowercase. (A line of body text that
/// opens with a capitalised word nearly always holds a lowercase one too:
/// `Dalam pertemuannya pada Jumat dengan Menteri Luar Negeri`.)
pub fn is_title_case(line: &str) -> bool {
    let (words, lowercase) = count_title_words(line);
    words >= 3 && lowercase == 0
}

/// The second line of a wrapped headline (`di Ukraina`, `Ukraina`): words,
/// none of them a lowercase word other than `TITLE_SMALL_WORDS`.
pub fn is_title_fragment(line: &str) -> bool {
    let (words, lowercase) = count_title_words(line);
    words >= 1 && lowercase == 0
}

/// Words that are not `TITLE_SMALL_WORDS`, and how many of them start in
/// lowercase.
fn count_title_words(line: &str) -> (usize, usize) {
    let (mut words, mut lowercase) = (0usize, 0usize);
    for word in line.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if first.is_lowercase() {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if TITLE_SMALL_WORDS.contains(&bare) {
                continue;
            }
            lowercase += 1;
        }
        words += 1;
    }
    (words, lowercase)
}

fn is_byline(text: &str) -> bool {
    if text.len() > 120 || text.contains('\n') || text.ends_with('.') {
        return false;
    }
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    let Some(opening) = BYLINE_OPENINGS.iter().find(|opening| {
        first == Some(opening.as_bytes()[0])
            && text.get(..opening.len()).is_some_and(|head| head.eq_ignore_ascii_case(opening))
            && text[opening.len()..].starts_with([' ', ':', '\u{a0}'])
    }) else {
        return false;
    };
    let names = text[opening.len()..].trim_start_matches([' ', ':', '\u{a0}']);
    let mut capitalised = 0;
    for word in names.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()) {
        if word.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        } else if !BYLINE_CONNECTORS.contains(&word) {
            return false;
        }
    }
    capitalised > 0
}

fn ends_with_stop(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', ',', ';', ':', '…'])
}

fn is_heading(text: &str) -> bool {
    let closing = text.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    let last_is_word = closing.chars().next_back().is_some_and(char::is_alphanumeric);
    let first_is_capital = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    last_is_word && first_is_capital && text.len() <= 150 && text.split_whitespace().count() <= 20
}

fn is_boilerplate(text: &str) -> bool {
    // The openings are ASCII (and `©`), so a byte comparison that ignores
    // ASCII case finds them without lowercasing the line; a match ends on a
    // character boundary because the matched bytes are the opening's own.
    let bytes = text.as_bytes();
    let Some(first) = bytes.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    for prefix in BOILERPLATE_PREFIXES.iter().filter(|prefix| prefix.as_bytes()[0] == first) {
        if bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes()) {
            let rest = &text[prefix.len()..];
            let at_boundary = prefix.ends_with([':', '©']) || rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric());
            if at_boundary {
                return true;
            }
        }
    }
    is_editor_initials(text)
}

/// `(ahm)`, `(nnz/rz)`, `(ant, ahm)`: lowercase initials in brackets.
fn is_editor_initials(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    !inner.is_empty()
        && inner.len() <= 24
        && inner.chars().any(|c| c.is_ascii_lowercase())
        && inner.chars().all(|c| c.is_ascii_lowercase() || matches!(c, '/' | ',' | ' ' | '-'))
}

fn is_dateline(text: &str) -> bool {
    if text.len() > 100 || text.contains('\n') || text.trim_end().ends_with('.') || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // The word lists are ASCII and lowercase: a word is compared ignoring
    // ASCII case, and a word with other letters is never in them.
    let listed = |list: &[&str], word: &str| list.iter().any(|entry| entry.eq_ignore_ascii_case(word));
    let (mut months, mut weekdays, mut numbers, mut years, mut others) = (0, 0, 0, 0, 0);
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()) {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
            if word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) {
                years += 1;
            }
        } else if listed(MONTHS, word) {
            months += 1;
        } else if listed(WEEKDAYS, word) {
            weekdays += 1;
        } else if listed(SENTENCE_WORDS, word) {
            return false;
        } else if !listed(TIME_WORDS, word) {
            others += 1;
            if others > 2 {
                return false;
            }
        }
    }
    let has_date = (months > 0 && numbers > 0) || (years > 0 && numbers >= 3);
    has_date && (years > 0 || weekdays > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_lines() {
        assert_eq!(
            classify("Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina", true),
            UnitKind::Headline
        );
        assert_eq!(classify("Sabtu, 02 November 2024 - 14:23 WIB", false), UnitKind::Dateline);
        assert_eq!(classify("(ahm)", false), UnitKind::Boilerplate);
        assert_eq!(classify("Lihat Juga :", false), UnitKind::Boilerplate);
        assert_eq!(classify("tulis komentar anda", false), UnitKind::Boilerplate);
        assert_eq!(
            classify(
                "MOSKOW - Korea Utara akan mendukung Rusia hingga mencapai kemenangan di Ukraina.",
                false
            ),
            UnitKind::Body
        );
    }

    #[test]
    fn other_datelines() {
        assert_eq!(classify("Saturday, November 2, 2024 - 14:23 WIB", false), UnitKind::Dateline);
        assert_eq!(classify("Jakarta, Kamis (12/3/2018)", false), UnitKind::Dateline);
        assert_eq!(classify("Rabu, 12 Maret 2018 | 09.15 WIB", false), UnitKind::Dateline);
        assert_eq!(classify("Pada 2 November 2024", false), UnitKind::Heading);
        assert_eq!(classify("Ia lahir 2 November 2024.", false), UnitKind::Body);
    }

    #[test]
    fn other_boilerplate() {
        for line in [
            "Baca Juga: Korea Utara Tembakkan Rudal",
            "Editor: Ahmad",
            "BACA JUGA : Putin",
            "(nnz/rz)",
            "Copyright © 2024 SINDOnews",
        ] {
            assert_eq!(classify(line, false), UnitKind::Boilerplate, "{line}");
        }
        for line in ["Bacaan doa pagi ini.", "(Foto: Reuters)", "Editorial ini ditulis tim."] {
            assert_ne!(classify(line, false), UnitKind::Boilerplate, "{line}");
        }
    }

    #[test]
    fn bylines() {
        for line in [
            "Oleh Ahmad Fauzi",
            "Oleh: Ahmad Fauzi dan Rina Ayu",
            "Laporan Wartawan Tribunnews.com, Rina Ayu",
            "By John Smith and Jane Doe",
        ] {
            assert_eq!(classify(line, false), UnitKind::Byline, "{line}");
            assert!(stands_alone(line), "{line}");
        }
        for line in [
            "Oleh karena itu, harga naik.",
            "Oleh karena itu harga naik",
            "By the way",
            "Oleh Ahmad Fauzi.",
        ] {
            assert_ne!(classify(line, false), UnitKind::Byline, "{line}");
        }
        // A labelled credit is site furniture.
        assert_eq!(classify("Penulis: Ahmad Fauzi", false), UnitKind::Boilerplate);
    }

    #[test]
    fn title_case_lines() {
        assert!(is_title_case("Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina"));
        assert!(is_title_case("North Korea Will Back Russia Until Victory in Ukraine"));
        assert!(is_title_case("KOREA UTARA DUKUNG RUSIA"));
        assert!(!is_title_case("Menteri Luar Negeri Choe Son Hui mengatakan hal"));
        assert!(!is_title_case("MOSKOW - Korea Utara akan mendukung Rusia hingga mencapai"));
        assert!(!is_title_case("Korea Utara"));
        assert!(!is_title_case("Dalam pertemuannya pada Jumat dengan Menteri Luar Negeri"));
        assert!(is_title_fragment("di Ukraina"));
        assert!(!is_title_fragment("kemenangan di Ukraina."));
    }

    #[test]
    fn headline_needs_first_position_and_no_full_stop() {
        assert_eq!(classify("Korea Utara Dukung Rusia", false), UnitKind::Heading);
        assert_eq!(classify("JAKARTA - Presiden tiba.", true), UnitKind::Body);
        assert_eq!(classify("Benarkah Rusia Menang?", true), UnitKind::Headline);
    }
}
