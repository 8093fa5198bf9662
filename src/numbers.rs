//! Locale-aware numbers: text and its language in, number mentions (byte
//! span, value, kind) out.
//!
//! Indonesian writes `10.000` for ten thousand and `2,5` for two and a half;
//! English writes `10,000` and `2.5`. Comparing mentions by *value* is what
//! lets the aligner anchor `10.000` to `10,000`, and what a later `number.*`
//! check uses to see that a number changed in translation.
//!
//! Rules (decided here, since the product specification is silent):
//!
//! * A number is a run of digits with single `.`/`,` separators between
//!   digits. Each language has a group separator (id `.`, en `,`) and a
//!   decimal separator (id `,`, en `.`). Groups after the group separator must
//!   have exactly three digits; if they do not and there is exactly one
//!   separator, it is read as a decimal point instead (`2.5` in an Indonesian
//!   text is 2.5, `1,5` in an English one is 1.5). Otherwise the run is split
//!   at the separators into plain integers (a list such as `1,5,7`).
//! * So `8.000` is 8000 in Indonesian but 8 in English: the value depends on
//!   the language, as it does for a reader.
//! * Times: Indonesian `14.23` (two digits after the point, hours ≤ 24,
//!   minutes ≤ 59) is a time, because Indonesian decimals use a comma;
//!   English `14:23`, `2:30 pm`, `2.30pm` are times. A time's value is minutes
//!   after midnight and its kind `Time`, so it never equals a plain number.
//! * A scale word after the number multiplies it and joins its span:
//!   `ribu/juta/miliar/milyar/triliun`, `thousand/million/billion/trillion`
//!   (`1,5 juta` = `1.5 million` = 1 500 000).
//! * `%`, `persen` and `percent` make the kind `Percent` (the value stays 25
//!   for `25%`).
//! * Digits glued to a letter before them (`F16`, `B52`) are part of a code,
//!   not a number; a hyphen in between (`Hwasong-19`) still gives 19.
//! * Money shorthand: after a currency sign or code (`$`, `£`, `€`, `Rp`,
//!   `IDR`, …) a glued `bn`/`b`, `tn`, `m`/`mn` or `k` is a scale
//!   (`$221bn`, `Rp1.5tn`, `£3m`); `bn` and `tn` are scales anywhere. The
//!   Indonesian abbreviations `rb`, `jt`, and after `Rp` the capitals `M`
//!   (miliar) and `T` (triliun), are scales too (`Rp 1,5 T`).
//! * More times: an English hour with a meridiem (`2 p.m.`, `9am`), and the
//!   first time of a range that shares the second's meridiem (`6.30-10am`);
//!   an Indonesian hour after `pukul` or `jam` (`pukul 9 pagi`), where
//!   `sore` and `malam` move the hour past noon.
//! * Decades are their own kind: Indonesian `1990-an`, `60-an`; English
//!   `1990s`, `'60s`. Two decades are the same when their last two digits
//!   agree and the centuries, where both sides give one, do too.
//! * Temperatures glued to their unit (`2C`, `38F`) are numbers, not codes.

use crate::segment::Lang;
use crate::text::Span;

/// What a number mention stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A whole number (`10.000`, `2024`, `1,5 juta`).
    Integer,
    /// A number with a fractional part (`2,5`).
    Decimal,
    /// A percentage (`25%`, `2,5 persen`).
    Percent,
    /// A time of day; the value is minutes after midnight.
    Time,
    /// A decade (`1990-an`, `the '60s`); the value is its first year as
    /// written (`1990`, or `60` without a century).
    Decade,
}

/// One number found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMention {
    /// Bytes of the number, including a scale word or percent sign.
    pub span: Span,
    pub value: f64,
    pub kind: NumberKind,
}

impl NumberMention {
    /// A key that is equal for two mentions that state the same quantity:
    /// times compare only with times, decades by their last two digits,
    /// everything else by value rounded to a thousandth. The first part
    /// says which of the three it is.
    pub fn key(&self) -> (u8, i64) {
        match self.kind {
            NumberKind::Time => (b't', self.value.round() as i64),
            NumberKind::Decade => (b'd', (self.value.round() as i64).rem_euclid(100)),
            _ => (b'n', (self.value * 1000.0).round() as i64),
        }
    }

    /// Whether two mentions (possibly from different languages) agree. A
    /// decade also agrees with the plain number it starts with (`50-an
    /// orang` is "about 50 people", `1990-an` may be "around 1990").
    pub fn same_value(&self, other: &NumberMention) -> bool {
        use NumberKind::{Decade, Integer};
        match (self.kind, other.kind) {
            (Decade, Decade) if self.value >= 100.0 && other.value >= 100.0 => self.value == other.value,
            (Decade, Integer) | (Integer, Decade) => self.value == other.value,
            _ => self.key() == other.key(),
        }
    }
}

/// Every number in `text`, read with the conventions of `lang`, in order.
pub fn extract(text: &str, lang: Lang) -> Vec<NumberMention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        if !bytes[pos].is_ascii_digit() {
            pos += 1;
            continue;
        }
        let start = pos;
        let currency = currency_before(&text[..start]);
        let glued_to_letter = text[..start].chars().next_back().is_some_and(char::is_alphabetic) && !currency;
        // The raw run: digits with single separators between digits.
        let mut end = pos;
        while end < bytes.len() {
            let separator_then_digit = matches!(bytes[end], b'.' | b',' | b':') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if bytes[end].is_ascii_digit() || separator_then_digit {
                end += 1;
            } else {
                break;
            }
        }
        pos = end;
        if glued_to_letter
            || bytes
                .get(end)
                .is_some_and(|b| b.is_ascii_alphabetic() && !is_suffix_start(text, end, currency))
        {
            // Part of a code such as `F16` or `3G`; not a quantity.
            continue;
        }
        read_run(text, start, end, lang, currency, &mut out);
    }
    out
}

/// Currency signs and codes that may stand right before an amount, glued
/// (`Rp843`, `$5`) or after one space (`Rp 1,5`, `US$ 10`).
const CURRENCIES: &[&str] = &[
    "$", "£", "€", "¥", "₹", "Rp", "Rp.", "RP", "IDR", "USD", "US$", "S$", "A$", "HK$", "EUR", "GBP", "SGD", "JPY", "AUD", "CNY", "RMB",
    "MYR", "RM", "Rs", "Rs.",
];

/// Whether the text just before an amount is a currency sign or code.
fn currency_before(before: &str) -> bool {
    let trimmed = before.strip_suffix([' ', '\u{a0}']).unwrap_or(before);
    // The currency is the run of non-space characters just before, which
    // must be the whole word (`Rp`, not `sRp`).
    // Read back no further than the answer needs (issue 12: a number in a
    // long run of letters and digits, `G20G20G20…`, read the whole run
    // again): a listed currency has at most four characters, and a longer
    // word counts only as capitals before `$`.
    let mut word_start = 0;
    for (n_read, (i, c)) in trimmed.char_indices().rev().enumerate() {
        if c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '\'' | '[' | '–' | '—' | '/') {
            word_start = i + c.len_utf8();
            break;
        }
        if n_read >= 4 && !c.is_ascii_uppercase() {
            return false;
        }
    }
    let word = &trimmed[word_start..];
    CURRENCIES.contains(&word) || (word.len() > 1 && word.ends_with('$') && word[..word.len() - 1].chars().all(|c| c.is_ascii_uppercase()))
}

/// Letters glued to a number that do not make it a code: ordinal suffixes,
/// decades, units, meridiems, scale abbreviations (`1st`, `1960s`, `5km`,
/// `2.30pm`, `38C`, `221bn`); with a currency before the number also the
/// scale letters `m`, `b`, `k`, `M`, `T` (`$5m`, `Rp1,5T`).
fn is_suffix_start(text: &str, at: usize, currency: bool) -> bool {
    let rest = &text[at..];
    let word_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let word = rest[..word_len].to_ascii_lowercase();
    matches!(
        word.as_str(),
        "s" | "st"
            | "nd"
            | "rd"
            | "th"
            | "am"
            | "pm"
            | "km"
            | "kg"
            | "m"
            | "cm"
            | "mm"
            | "ha"
            | "mw"
            | "gb"
            | "mb"
            | "c"
            | "f"
            | "bn"
            | "tn"
            | "trn"
            | "mn"
            | "jt"
            | "rb"
            | "an"
    ) || (currency && matches!(word.as_str(), "b" | "k" | "t"))
}

/// Interprets one raw run `text[start..end]` and pushes what it holds.
fn read_run(text: &str, start: usize, end: usize, lang: Lang, currency: bool, out: &mut Vec<NumberMention>) {
    let raw = &text[start..end];
    if let Some(time) = read_time(text, start, end, lang) {
        out.push(time);
        return;
    }
    if let Some(decade) = read_decade(text, start, end, lang) {
        out.push(decade);
        return;
    }
    if let Some(year) = year_range_end(text, start, raw) {
        out.push(NumberMention {
            span: Span::new(start, end),
            value: year,
            kind: NumberKind::Integer,
        });
        return;
    }
    let (group_sep, decimal_sep) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    if raw.contains(':') {
        // A colon that is not a time (`3:1`, a score or ratio): plain integers.
        push_pieces(text, start, end, out);
        return;
    }
    let (integer_part, fraction) = match raw.rfind(decimal_sep) {
        Some(at) if raw.matches(decimal_sep).count() == 1 => (&raw[..at], Some(&raw[at + 1..])),
        Some(_) => {
            push_pieces(text, start, end, out);
            return;
        }
        None => (raw, None),
    };
    let groups: Vec<&str> = integer_part.split(group_sep).collect();
    let well_grouped = groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let value_text = if well_grouped {
        let mut digits: String = groups.concat();
        if let Some(fraction) = fraction {
            digits.push('.');
            digits.push_str(fraction);
        }
        digits
    } else if groups.len() == 2 && fraction.is_none() {
        // One group separator followed by a group that is not three digits
        // long: the writer used the other language's decimal point.
        format!("{}.{}", groups[0], groups[1])
    } else {
        push_pieces(text, start, end, out);
        return;
    };
    let Ok(value) = value_text.parse::<f64>() else {
        push_pieces(text, start, end, out);
        return;
    };
    let kind = if value_text.contains('.') {
        NumberKind::Decimal
    } else {
        NumberKind::Integer
    };
    out.push(with_suffixes(text, start, end, value, kind, lang, currency));
}

/// The second year of a range written short (`2019-23`, `1998–99`): the
/// century comes from the first year.
fn year_range_end(text: &str, start: usize, raw: &str) -> Option<f64> {
    if raw.len() != 2 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before = text[..start].strip_suffix(['-', '–', '/'])?;
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 || before[..before.len() - 4].ends_with(|c: char| c.is_alphanumeric() || c == '.' || c == ',') {
        return None;
    }
    let first: u32 = before[before.len() - 4..].parse().ok()?;
    let short: u32 = raw.parse().ok()?;
    if !(1000..=2999).contains(&first) {
        return None;
    }
    let mut year = first / 100 * 100 + short;
    if year <= first {
        year += 100;
    }
    (year - first <= 20).then_some(f64::from(year))
}

/// Pushes each digit run in `text[start..end]` as a plain integer.
fn push_pieces(text: &str, start: usize, end: usize, out: &mut Vec<NumberMention>) {
    let mut piece_start = start;
    for (offset, c) in text[start..end].char_indices().chain(std::iter::once((end - start, ' '))) {
        if !c.is_ascii_digit() {
            let piece_end = start + offset;
            if let Ok(value) = text[piece_start..piece_end].parse::<f64>() {
                out.push(NumberMention {
                    span: Span::new(piece_start, piece_end),
                    value,
                    kind: NumberKind::Integer,
                });
            }
            piece_start = piece_end + 1;
        }
    }
}

/// An English meridiem at the start of `after` (`pm`, `a.m.`), with its
/// length in bytes and whether it is past noon.
fn meridiem_at(after: &str) -> Option<(usize, bool)> {
    // Compare bytes, not string slices: the text after a time may start
    // with a multi-byte character (`9:30 café`), where slicing would cut it.
    ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"].into_iter().find_map(|m| {
        let matches = after
            .as_bytes()
            .get(..m.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(m.as_bytes()))
            && !after[m.len()..].starts_with(char::is_alphanumeric);
        matches.then(|| (m.len(), m.as_bytes()[0].eq_ignore_ascii_case(&b'p')))
    })
}

/// The meridiem after the time that ends at `end`, directly (`2 pm`) or at
/// the end of a range (`6.30-10am`, `9 to 11 a.m.`): its span end and
/// whether it is past noon, or `None`.
fn meridiem_after(text: &str, end: usize) -> Option<(usize, bool)> {
    let rest = &text[end..];
    let after = rest.trim_start_matches([' ', '\u{a0}']);
    if let Some((len, pm)) = meridiem_at(after) {
        return Some((end + (rest.len() - after.len()) + len, pm));
    }
    // A range: a dash or "to", then a time with a meridiem of its own.
    let after_dash = after
        .strip_prefix(['-', '–', '—'])
        .or_else(|| after.strip_prefix("to "))?
        .trim_start_matches([' ', '\u{a0}']);
    let digits = after_dash
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
        .unwrap_or(after_dash.len());
    if digits == 0 || digits > 5 {
        return None;
    }
    let (_, pm) = meridiem_at(after_dash[digits..].trim_start_matches([' ', '\u{a0}']))?;
    // The first time's span ends at its own digits.
    Some((end, pm))
}

/// The 12-hour clock: `hours` with a meridiem.
fn with_meridiem(hours: u32, pm: bool) -> u32 {
    match (hours, pm) {
        (12, false) => 0,
        (h, true) if h < 12 => h + 12,
        (h, _) => h,
    }
}

/// The word before byte `start`, lowercased (for `pukul 9`).
fn word_before(text: &str, start: usize) -> String {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[word_start..].to_lowercase()
}

/// The word after byte `end`, lowercased (for `pukul 7 malam`).
fn word_after(text: &str, end: usize) -> String {
    let after = text[end..].trim_start_matches([' ', '\u{a0}']);
    let len = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
    after[..len].to_lowercase()
}

/// Indonesian parts of the day that put an hour after noon.
fn indonesian_afternoon(hours: u32, text: &str, end: usize) -> u32 {
    match word_after(text, end).as_str() {
        "sore" | "petang" if hours < 12 => hours + 12,
        "malam" if hours == 12 => 0,
        "malam" if (6..12).contains(&hours) => hours + 12,
        "siang" if hours < 6 => hours + 12,
        _ => hours,
    }
}

/// Reads `H.MM` (Indonesian), `H:MM` (both), `H.MM am/pm` and `H am/pm`
/// (English) and `pukul H` (Indonesian) as a time of day.
fn read_time(text: &str, start: usize, end: usize, lang: Lang) -> Option<NumberMention> {
    let raw = &text[start..end];
    let time = |span_end: usize, hours: u32, minutes: u32| NumberMention {
        span: Span::new(start, span_end),
        value: f64::from(hours * 60 + minutes),
        kind: NumberKind::Time,
    };
    let Some(separator) = raw.find([':', '.']) else {
        // A bare hour: English with a meridiem, Indonesian after `pukul`.
        if raw.len() > 2 {
            return None;
        }
        let hours: u32 = raw.parse().ok()?;
        return match lang {
            Lang::En if (1..=12).contains(&hours) => {
                let (span_end, pm) = meridiem_after(text, end)?;
                Some(time(span_end, with_meridiem(hours, pm), 0))
            }
            Lang::Id if hours <= 24 && matches!(word_before(text, start).as_str(), "pukul" | "jam" | "pk") => {
                Some(time(end, indonesian_afternoon(hours, text, end), 0))
            }
            _ => None,
        };
    };
    let (hours, minutes) = (&raw[..separator], &raw[separator + 1..]);
    if minutes.len() != 2 || hours.is_empty() || hours.len() > 2 || minutes.contains(['.', ',', ':']) {
        return None;
    }
    let (mut hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if hours > 24 || minutes > 59 {
        return None;
    }
    let meridiem = if lang == Lang::En && hours <= 12 {
        meridiem_after(text, end)
    } else {
        None
    };
    // A scale word after the number makes it an amount (`08.01 miliar`).
    let scaled = SCALES.iter().any(|(scale, _)| word_after(text, end).eq_ignore_ascii_case(scale));
    let is_time = match raw.as_bytes()[separator] {
        b':' => true,
        _ => (lang == Lang::Id && !scaled) || meridiem.is_some(),
    };
    if !is_time {
        return None;
    }
    let mut span_end = end;
    if let Some((meridiem_end, pm)) = meridiem {
        hours = with_meridiem(hours, pm);
        span_end = meridiem_end;
    } else if lang == Lang::Id {
        hours = indonesian_afternoon(hours, text, end);
    }
    Some(time(span_end, hours, minutes))
}

/// Reads a decade: Indonesian `1990-an`, `60-an`, `1990an`; English
/// `1990s`, `60s`, `'60s`, `1990's`.
fn read_decade(text: &str, start: usize, end: usize, lang: Lang) -> Option<NumberMention> {
    let raw = &text[start..end];
    if !(raw.len() == 2 || raw.len() == 4) || !raw.bytes().all(|b| b.is_ascii_digit()) || !raw.ends_with('0') {
        return None;
    }
    let rest = &text[end..];
    let suffix_len = match lang {
        Lang::Id => ["-an", "an"]
            .into_iter()
            .find(|suffix| rest.starts_with(suffix) && !rest[suffix.len()..].starts_with(char::is_alphanumeric))?
            .len(),
        Lang::En => ["s", "'s", "’s"]
            .into_iter()
            .find(|suffix| rest.starts_with(suffix) && !rest[suffix.len()..].starts_with(char::is_alphanumeric))?
            .len(),
    };
    Some(NumberMention {
        span: Span::new(start, end + suffix_len),
        value: raw.parse().ok()?,
        kind: NumberKind::Decade,
    })
}

/// Scale words that may follow a number after a space, with their factors.
const SCALES: &[(&str, f64)] = &[
    ("ribu", 1e3),
    ("juta", 1e6),
    ("miliar", 1e9),
    ("milyar", 1e9),
    ("triliun", 1e12),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
    ("mln", 1e6),
    ("jt", 1e6),
    ("rb", 1e3),
];

/// Scale abbreviations glued to a number (`221bn`), with their factors and
/// whether they need a currency before the number to count (`5m` is five
/// metres, `$5m` five million). Case matters only for the Indonesian `M`
/// and `T` after `Rp` (miliar, triliun).
fn glued_scale(word: &str, currency: bool) -> Option<f64> {
    match word {
        "bn" | "BN" | "Bn" => Some(1e9),
        "tn" | "trn" | "TN" | "Tn" => Some(1e12),
        "jt" => Some(1e6),
        "rb" => Some(1e3),
        "m" | "mn" | "mln" if currency => Some(1e6),
        "b" if currency => Some(1e9),
        "k" | "K" if currency => Some(1e3),
        "M" if currency => Some(1e9),
        "T" if currency => Some(1e12),
        _ => None,
    }
}

/// Applies a following scale word and percent marker to a number.
fn with_suffixes(text: &str, start: usize, end: usize, mut value: f64, mut kind: NumberKind, lang: Lang, currency: bool) -> NumberMention {
    let mut span_end = end;
    let next_word = |from: usize| -> (usize, &str) {
        let rest = &text[from..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        let word_start = from + skipped;
        let word_len = text[word_start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(text.len() - word_start);
        (word_start, &text[word_start..word_start + word_len])
    };
    let glued_len = text[end..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len() - end);
    let glued = &text[end..end + glued_len];
    let mut factor = None;
    if let Some(scale) = glued_scale(glued, currency) {
        factor = Some(scale);
        span_end = end + glued_len;
    } else if glued.is_empty() {
        let (word_start, word) = next_word(span_end);
        let spaced = SCALES
            .iter()
            .find(|(scale, _)| word.eq_ignore_ascii_case(scale))
            .map(|&(_, factor)| factor)
            .or_else(|| match word {
                "M" | "T" if currency && lang == Lang::Id => glued_scale(word, true),
                _ => None,
            });
        if let Some(scale) = spaced {
            factor = Some(scale);
            span_end = word_start + word.len();
        }
    }
    if let Some(factor) = factor {
        value *= factor;
        if kind == NumberKind::Decimal && value.fract() == 0.0 {
            kind = NumberKind::Integer;
        }
    }
    if text[span_end..].starts_with('%') {
        kind = NumberKind::Percent;
        span_end += 1;
    } else {
        let (word_start, word) = next_word(span_end);
        let percent_word = match lang {
            Lang::Id => "persen",
            Lang::En => "percent",
        };
        if word.eq_ignore_ascii_case(percent_word) || (word.eq_ignore_ascii_case("per") && text[word_start..].starts_with("per cent")) {
            kind = NumberKind::Percent;
            span_end = word_start
                + if word.eq_ignore_ascii_case("per") {
                    "per cent".len()
                } else {
                    word.len()
                };
        }
    }
    NumberMention {
        span: Span::new(start, span_end),
        value,
        kind,
    }
}

/// English number words and their values (`english_number_words`).
pub(crate) const ENGLISH_UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// English words that multiply the number before them.
const ENGLISH_MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Whether `lower` (a lower-case word) is an English number word of ten or
/// more (`thirty`, `twelve`, `hundred`): a number written out, not the
/// pronoun `one`.
pub fn is_english_number_word(lower: &str) -> bool {
    // A match, not a scan of the tables: the aligner asks this of every
    // English word (a test holds it to the tables).
    matches!(
        lower,
        "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
    )
}

/// Values of the numbers a text writes in English words, whole phrases
/// (`twenty-five`, `a hundred`, `two million`, `one hundred and twenty`).
pub fn english_number_words(lower: &str) -> Vec<f64> {
    let mut values = Vec::new();
    let (mut total, mut current, mut any) = (0.0f64, 0.0f64, false);
    let mut flush = |total: &mut f64, current: &mut f64, any: &mut bool| {
        if *any {
            values.push(*total + *current);
        }
        (*total, *current, *any) = (0.0, 0.0, false);
    };
    for word in lower.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        if let Some(&(_, value)) = ENGLISH_UNITS.iter().find(|(w, _)| *w == word) {
            current += value;
            any = true;
        } else if let Some(&(_, factor)) = ENGLISH_MULTIPLIERS.iter().find(|(w, _)| *w == word) {
            let base = if any && current > 0.0 { current } else { 1.0 };
            if factor >= 1e3 {
                total += base * factor;
                current = 0.0;
            } else {
                current = base * factor;
            }
            any = true;
        } else if word == "and" && any || word == "a" && !any {
            continue;
        } else {
            flush(&mut total, &mut current, &mut any);
        }
    }
    flush(&mut total, &mut current, &mut any);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_number_words_of_ten_or_more() {
        assert!(is_english_number_word("thirty") && is_english_number_word("twelve") && is_english_number_word("hundred"));
        assert!(!is_english_number_word("one") && !is_english_number_word("nine") && !is_english_number_word("thirtieth"));
        assert_eq!(english_number_words("thirty-one were rescued"), vec![31.0]);
        for &(word, value) in ENGLISH_UNITS.iter().chain(ENGLISH_MULTIPLIERS) {
            assert_eq!(is_english_number_word(word), value >= 10.0, "{word}");
        }
    }

    fn values(text: &str, lang: Lang) -> Vec<(f64, NumberKind)> {
        extract(text, lang).iter().map(|m| (m.value, m.kind)).collect()
    }

    fn same(id: &str, en: &str) -> bool {
        let (a, b) = (extract(id, Lang::Id), extract(en, Lang::En));
        a.len() == 1 && b.len() == 1 && a[0].same_value(&b[0])
    }

    #[test]
    fn thousands_and_decimals_agree_across_locales() {
        assert!(same("10.000 tentara", "10,000 troops"));
        assert!(same("naik 2,5 kali", "rose 2.5 times"));
        assert!(same("1,5 juta orang", "1.5 million people"));
        assert!(same("Rp 1.234.567,89", "Rp 1,234,567.89"));
        assert!(same("Rp843 triliun", "Rp. 843 trillion"));
        assert!(same("IDR5.000", "IDR 5,000"));
        assert!(same("25%", "25 percent"));
        assert!(same("2,5 persen", "2.5%"));
    }

    #[test]
    fn the_same_digits_mean_different_values_per_language() {
        assert_eq!(values("8.000", Lang::Id), vec![(8000.0, NumberKind::Integer)]);
        assert_eq!(values("8.000", Lang::En), vec![(8.0, NumberKind::Decimal)]);
        assert!(!same("8.000 pasukan", "8.000 troops"));
    }

    #[test]
    fn times_match_times_only() {
        assert!(same("pukul 14.23 WIB", "at 14:23"));
        assert!(same("14.23 WIB", "2:23 pm"));
        assert!(same("jam 07.05", "7.05 am"));
        assert!(!same("14.23 WIB", "1,423 people"));
        // Not a time: minutes out of range, so the point is a decimal point.
        assert_eq!(values("3.75", Lang::Id), vec![(3.75, NumberKind::Decimal)]);
    }

    #[test]
    fn spans_cover_scale_words_and_percent_signs() {
        let text = "sekitar 1,5 juta jiwa dan 40% suara";
        let mentions = extract(text, Lang::Id);
        let spans: Vec<&str> = mentions.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(spans, vec!["1,5 juta", "40%"]);
        assert_eq!(mentions[0].value, 1_500_000.0);
    }

    #[test]
    fn dates_and_codes() {
        let date: Vec<f64> = extract("Sabtu, 02 November 2024 - 14:23 WIB", Lang::Id)
            .iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(date, vec![2.0, 2024.0, 14.0 * 60.0 + 23.0]);
        assert_eq!(values("rudal Hwasong-19 dan F16", Lang::Id), vec![(19.0, NumberKind::Integer)]);
        assert_eq!(values("the 1st and 2nd", Lang::En).len(), 2);
        assert!(extract("tanpa angka", Lang::Id).is_empty());
    }

    #[test]
    fn odd_runs_split_into_integers() {
        assert_eq!(values("1.2.3", Lang::Id).len(), 3);
        assert_eq!(values("skor 3:1", Lang::En).len(), 2);
        assert_eq!(values("12,34,56", Lang::En).len(), 3);
    }

    /// Issue 12, crash 1: a time followed by a multi-byte character.
    #[test]
    fn issue_12_time_before_a_multibyte_character() {
        assert_eq!(values("The meeting at 9:30 café.", Lang::En), vec![(570.0, NumberKind::Time)]);
        assert_eq!(values("pukul 10.00 “tepat waktu”", Lang::Id), vec![(600.0, NumberKind::Time)]);
        assert_eq!(values("at 9:30 é", Lang::En).len(), 1);
    }

    /// Issue 12, crash 2: a number glued to a letter right after a
    /// multi-byte quote or dash.
    #[test]
    fn issue_12_code_after_a_multibyte_character() {
        assert!(extract("KTT “G20” digelar.", Lang::Id).is_empty());
        assert!(extract("The –G20 summit", Lang::En).is_empty());
        assert_eq!(values("harga “Rp5.000”", Lang::Id), vec![(5000.0, NumberKind::Integer)]);
    }

    #[test]
    fn money_shorthand_scales() {
        assert!(same("Rp 1,5 triliun", "Rp1.5 trillion"));
        assert!(same("Rp 1,5 triliun", "IDR1.5 trillion"));
        assert!(same("Rp 1,5 triliun", "Rp1.5tn"));
        assert!(same("Rp 1,5 T", "Rp1.5tn"));
        assert!(same("US$221 miliar", "$221bn"));
        assert!(same("1,4 miliar pound", "£1.4bn"));
        assert!(same("16 miliar euro", "€16bn"));
        assert!(same("Rp 5 juta", "Rp5m"));
        // Without a currency, `m` is a unit, not a scale.
        assert_eq!(values("a 5m wall", Lang::En), vec![(5.0, NumberKind::Integer)]);
    }

    #[test]
    fn clock_times_in_every_style() {
        assert!(same("pukul 14.00 WIB", "2 p.m."));
        assert!(same("pukul 09.00", "9 a.m."));
        assert!(same("pukul 14.00", "2pm"));
        assert!(same("pukul 12.00", "12 p.m."));
        assert!(same("pukul 9 pagi", "9am"));
        assert!(same("pukul 7 malam", "7 p.m."));
        assert!(same("pukul 18.30", "6.30pm"));
        let range = extract("from 6.30-10am", Lang::En);
        assert_eq!(range.len(), 2);
        assert_eq!((range[0].value, range[0].kind), (390.0, NumberKind::Time));
        assert_eq!((range[1].value, range[1].kind), (600.0, NumberKind::Time));
        // Not times: a score, a plain number.
        assert_eq!(
            values("won 2-1", Lang::En),
            vec![(2.0, NumberKind::Integer), (1.0, NumberKind::Integer)]
        );
        assert_eq!(values("9 people", Lang::En), vec![(9.0, NumberKind::Integer)]);
    }

    #[test]
    fn short_year_ranges() {
        assert_eq!(
            values("the 2019-23 budget years", Lang::En),
            vec![(2019.0, NumberKind::Integer), (2023.0, NumberKind::Integer)]
        );
        assert_eq!(values("in 1998–99", Lang::En)[1], (1999.0, NumberKind::Integer));
        // A score or a plain range is not a year.
        assert_eq!(values("won 3-2", Lang::En)[1], (2.0, NumberKind::Integer));
    }

    #[test]
    fn decades_and_temperatures() {
        assert!(same("tahun 1990-an", "the 1990s"));
        assert!(same("era 60-an", "the '60s"));
        assert!(same("era 60-an", "the 1960s"));
        assert!(!same("tahun 1990-an", "the 1980s"));
        assert!(same("sekitar 50-an orang", "about 50 people"));
        assert!(same("di bawah 2 C", "below 2C"));
        assert!(same("38 derajat", "38F"));
    }

    /// `currency_before` as it read before issue 12 bounded it: the whole
    /// word before the amount.
    fn currency_before_by_whole_word(before: &str) -> bool {
        let trimmed = before.strip_suffix([' ', '\u{a0}']).unwrap_or(before);
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '\'' | '[' | '–' | '—' | '/'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &trimmed[word_start..];
        CURRENCIES.contains(&word)
            || (word.len() > 1 && word.ends_with('$') && word[..word.len() - 1].chars().all(|c| c.is_ascii_uppercase()))
    }

    proptest::proptest! {
        #[test]
        fn issue_12_currency_before_reads_back_only_what_it_needs(
            before in proptest::collection::vec(proptest::sample::select(vec!["R", "p", ".", "$", "U", "S", "H", "K", "G", "2", "0", " ", "(", "£", "x", "\u{a0}"]), 0..12)
        ) {
            let before: String = before.concat();
            proptest::prop_assert_eq!(currency_before(&before), currency_before_by_whole_word(&before), "{:?}", before);
        }
    }
}
