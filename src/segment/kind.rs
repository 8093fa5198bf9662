//! Unit kinds: what a paragraph is, judged from its own text and position.
//!
//! * `headline` — the first paragraph, one line, no final full stop.
//! * `dateline` — a date and/or time line (`Sabtu, 02 November 2024 - 14:23 WIB`,
//!   `Saturday, November 2, 2024`): weekday and month names, numbers and time
//!   zones, with at most two other words (a city).
//! * `boilerplate` — site trailers and links: a line that starts with one of
//!   `BOILERPLATE_PREFIXES` (`Lihat Juga :`, `Baca Juga: …`, `Editor: …`), or
//!   an editor's initials in brackets (`(ahm)`, `(nnz/rz)`).
//! * `heading` — a later short line without final punctuation (a subhead
//!   or a caption title).
//! * `body` — everything else.
//!
//! A paragraph of a kind other than `body` is one unit: a headline or a
//! "Baca Juga" link title is not cut into sentences.

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
    Body,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Headline => "headline",
            UnitKind::Dateline => "dateline",
            UnitKind::Heading => "heading",
            UnitKind::Boilerplate => "boilerplate",
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
    let one_line = !paragraph.contains('\n');
    if is_first && one_line && paragraph.len() <= 300 && !ends_with_stop(paragraph) {
        return UnitKind::Headline;
    }
    if !is_first && one_line && is_heading(paragraph) {
        return UnitKind::Heading;
    }
    UnitKind::Body
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
    let lower_head: String = text.chars().take(32).flat_map(char::to_lowercase).collect();
    for prefix in BOILERPLATE_PREFIXES {
        if let Some(rest) = lower_head.strip_prefix(prefix) {
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
    if text.len() > 100 || text.contains('\n') || text.trim_end().ends_with('.') {
        return false;
    }
    let (mut months, mut weekdays, mut numbers, mut years, mut others) = (0, 0, 0, 0, 0);
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()) {
        let lower = word.to_lowercase();
        if word.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
            if word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) {
                years += 1;
            }
        } else if MONTHS.contains(&lower.as_str()) {
            months += 1;
        } else if WEEKDAYS.contains(&lower.as_str()) {
            weekdays += 1;
        } else if SENTENCE_WORDS.contains(&lower.as_str()) {
            return false;
        } else if !TIME_WORDS.contains(&lower.as_str()) {
            others += 1;
        }
    }
    let has_date = (months > 0 && numbers > 0) || (years > 0 && numbers >= 3);
    has_date && (years > 0 || weekdays > 0) && others <= 2
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
    fn headline_needs_first_position_and_no_full_stop() {
        assert_eq!(classify("Korea Utara Dukung Rusia", false), UnitKind::Heading);
        assert_eq!(classify("JAKARTA - Presiden tiba.", true), UnitKind::Body);
        assert_eq!(classify("Benarkah Rusia Menang?", true), UnitKind::Headline);
    }
}
