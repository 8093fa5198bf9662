//! Weekday and month names of both languages, from `glossaries/calendar.tsv`
//! (Unicode CLDR, with the variant spellings Indonesian news uses): which
//! word names which day or month (`canonical`, `calendar_word`). The
//! `calendar.*` rules, the date comparison (`dates`), the name and glossary
//! checks and the aligner's order anchors read them; they live apart from
//! the `calendar` check so that `dates` and `calendar` do not import each
//! other.

use std::collections::HashMap;
use std::sync::LazyLock;

const CALENDAR_TSV: &str = include_str!("../../glossaries/calendar.tsv");

pub(super) struct Names {
    /// Indonesian name → canonical English name.
    pub(super) indonesian: NameMap,
    /// English name or abbreviation → canonical English name.
    pub(super) english: NameMap,
}

/// Asked about every word of every unit by several checks: the quick
/// hasher (`crate::fast_hash`); only looked up, never iterated.
pub(super) type NameMap = HashMap<&'static str, &'static str, crate::fast_hash::SeededState>;

pub(super) static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let mut targets: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for line in CALENDAR_TSV.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        if let (Some(source), Some(target)) = (fields.next(), fields.next()) {
            targets.entry(source).or_default().push(target);
        }
    }
    let mut indonesian = NameMap::default();
    let mut english = NameMap::default();
    for (source, names) in &targets {
        let canonical = names.iter().copied().max_by_key(|name| name.len()).unwrap_or_default();
        indonesian.insert(*source, canonical);
        for name in names {
            english.insert(*name, canonical);
        }
    }
    for (abbreviation, canonical) in [
        ("Mon", "Monday"),
        ("Tue", "Tuesday"),
        ("Tues", "Tuesday"),
        ("Wed", "Wednesday"),
        ("Thu", "Thursday"),
        ("Thurs", "Thursday"),
        ("Fri", "Friday"),
        ("Sat", "Saturday"),
        ("Sun", "Sunday"),
        ("Sept", "September"),
    ] {
        english.insert(abbreviation, canonical);
    }
    Names { indonesian, english }
});

/// Whether `word` is an Indonesian or English weekday or month name.
pub fn is_calendar_word(word: &str) -> bool {
    NAMES.indonesian.contains_key(word) || NAMES.english.contains_key(word)
}

pub(super) fn is_weekday(canonical: &str) -> bool {
    canonical.ends_with("day")
}

/// English month names, January first.
pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first.
pub(super) const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The canonical English name of a weekday or month written in `lang`.
pub(super) fn canonical(word: &str, lang: crate::segment::Lang) -> Option<&'static str> {
    let names = &*NAMES;
    match lang {
        crate::segment::Lang::Id => names.indonesian.get(word).copied(),
        crate::segment::Lang::En => names.english.get(word).copied(),
    }
}

/// A calendar word read as a month (1–12) or a weekday (1–7, Monday first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CalendarWord {
    Month(u8),
    Weekday(u8),
}

/// What `word` names in `lang`, if it is a month or weekday name.
pub(super) fn calendar_word(word: &str, lang: crate::segment::Lang) -> Option<CalendarWord> {
    let canonical = canonical(word, lang)?;
    if let Some(idx) = MONTHS.iter().position(|&m| m == canonical) {
        return Some(CalendarWord::Month(idx as u8 + 1));
    }
    WEEKDAYS
        .iter()
        .position(|&d| d == canonical)
        .map(|idx| CalendarWord::Weekday(idx as u8 + 1))
}
