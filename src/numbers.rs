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
    /// A key that is equal for two mentions exactly when they state the same
    /// quantity: times compare only with times, everything else by value
    /// rounded to a thousandth.
    pub fn key(&self) -> (bool, i64) {
        let is_time = self.kind == NumberKind::Time;
        (is_time, (self.value * 1000.0).round() as i64)
    }

    /// Whether two mentions (possibly from different languages) agree.
    pub fn same_value(&self, other: &NumberMention) -> bool {
        self.key() == other.key()
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
        let glued_to_letter = text[..start].chars().next_back().is_some_and(char::is_alphabetic) && !after_currency_code(&text[..start]);
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
                .is_some_and(|b| b.is_ascii_alphabetic() && !is_suffix_start(text, end))
        {
            // Part of a code such as `F16` or `3G`; not a quantity.
            continue;
        }
        read_run(text, start, end, lang, &mut out);
    }
    out
}

/// `Rp843`, `IDR5`, `USD10`: a currency code glued to an amount does not
/// make the amount part of a code.
fn after_currency_code(before: &str) -> bool {
    // The code is the run of ASCII letters just before the digits; the
    // character before it may be any width (`“Rp5`), so step over it by its
    // own length, never by one byte.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    matches!(
        &before[word_start..],
        "Rp" | "RP" | "IDR" | "USD" | "EUR" | "SGD" | "JPY" | "RM" | "Rs"
    )
}

/// Ordinal suffixes, decades and units glued to a number (`1st`, `1960s`,
/// `5km`, `2.30pm`) do not make it a code.
fn is_suffix_start(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let word_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let word = rest[..word_len].to_ascii_lowercase();
    matches!(
        word.as_str(),
        "s" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "km" | "kg" | "m" | "cm" | "mm" | "ha" | "mw" | "gb" | "mb"
    )
}

/// Interprets one raw run `text[start..end]` and pushes what it holds.
fn read_run(text: &str, start: usize, end: usize, lang: Lang, out: &mut Vec<NumberMention>) {
    let raw = &text[start..end];
    if let Some(time) = read_time(text, start, end, lang) {
        out.push(time);
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
    out.push(with_suffixes(text, start, end, value, kind, lang));
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

/// Reads `H.MM` (Indonesian), `H:MM` (both) and `H.MM am/pm` (English) as a
/// time of day.
fn read_time(text: &str, start: usize, end: usize, lang: Lang) -> Option<NumberMention> {
    let raw = &text[start..end];
    let separator = raw.find([':', '.'])?;
    let (hours, minutes) = (&raw[..separator], &raw[separator + 1..]);
    if minutes.len() != 2 || hours.is_empty() || hours.len() > 2 || minutes.contains(['.', ',', ':']) {
        return None;
    }
    let (mut hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if hours > 24 || minutes > 59 {
        return None;
    }
    let rest = &text[end..];
    let after = rest.trim_start();
    // Compare bytes, not string slices: the text after the time may start
    // with a multi-byte character (`9:30 café`), where slicing would cut it.
    let meridiem = ["am", "pm", "a.m.", "p.m."].into_iter().find(|m| {
        after
            .as_bytes()
            .get(..m.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(m.as_bytes()))
            && !after[m.len()..].starts_with(char::is_alphanumeric)
    });
    let is_time = match raw.as_bytes()[separator] {
        b':' => true,
        _ => lang == Lang::Id || meridiem.is_some(),
    };
    if !is_time {
        return None;
    }
    let mut span_end = end;
    if let Some(meridiem) = meridiem {
        if meridiem.starts_with('p') && hours < 12 {
            hours += 12;
        } else if meridiem.starts_with('a') && hours == 12 {
            hours = 0;
        }
        span_end = end + (rest.len() - after.len()) + meridiem.len();
    }
    Some(NumberMention {
        span: Span::new(start, span_end),
        value: f64::from(hours * 60 + minutes),
        kind: NumberKind::Time,
    })
}

/// Scale words that may follow a number, with their factors.
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
];

/// Applies a following scale word and percent marker to a number.
fn with_suffixes(text: &str, start: usize, end: usize, mut value: f64, mut kind: NumberKind, lang: Lang) -> NumberMention {
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
    let (word_start, word) = next_word(span_end);
    if let Some(&(scale, factor)) = SCALES.iter().find(|(scale, _)| word.eq_ignore_ascii_case(scale)) {
        value *= factor;
        span_end = word_start + scale.len();
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
