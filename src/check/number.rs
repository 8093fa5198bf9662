//! `number.changed`, `number.missing`, `number.extra`: numbers compared by
//! value across locales.
//!
//! Both sides are read with their own conventions (`crate::numbers`):
//! Indonesian `10.000` = English `10,000`, `2,5` = `2.5`, `1,5 juta` =
//! `1.5 million`, `14.23` = `14:23`, `25 persen` = `25%`. Per bead, every
//! source number must find a draft number of the same value. What is left
//! over is paired in order: a leftover on both sides is a changed number
//! (with a hint when the draft kept Indonesian notation — English reads
//! `8.000` as eight); a leftover source number alone is missing; a leftover
//! draft number alone is extra.
//!
//! A source number is also matched by an English number word (`two` for 2,
//! up to twenty, and `ten`…`ninety`), and the month of a numeric date
//! (`12/3/2018`) by the month's English name (`March 12, 2018`). The digits
//! of a code (`Hwasong-19`) are left to the entity rules.

use super::number_index::{Containment, DraftNumbers, DraftWords};
use super::rule::CALENDAR_SHORTENED;
use super::{Check, Pair, dates, finding};
use crate::finding::Finding;
use crate::numbers::{NumberKind, NumberMention, extract};
use crate::segment::Lang;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    NUMBER_CHANGED = "number.changed", Error,
        "A number has a different value in the draft.",
        "Numbers are compared by value, each side read with its own conventions: Indonesian 10.000 is\n\
         English 10,000, 2,5 is 2.5, 1,5 juta is 1.5 million (also $1.5m, Rp1.5tn, 1.5bn), 14.00 WIB\n\
         is 14:00 or 2 p.m., 1990-an is the 1990s. A draft that keeps Indonesian notation changes the\n\
         value: English reads 8.000 as eight. A date whose day or year differs is reported here too.\n\
         Example: \"sekitar 10.000 tentara\" translated as \"about 1,000 troops\"; \"8.000 tentara\" left\n\
         as \"8.000 troops\".";
    NUMBER_EXTRA = "number.extra", Info,
        "The draft has a number the source does not.",
        "A number in the draft matches no number of the aligned source units. Translators add\n\
         numbers to help the reader (an age, a year, a conversion), so this is information;\n\
         conversions to GMT or to another currency in brackets are not reported at all.\n\
         Example: \"Rp1.5 trillion ($95 million)\" needs no counterpart for the dollars.";
    NUMBER_MISSING = "number.missing", Error,
        "A number of the source is missing from the draft.",
        "A number in the source matches no number in the aligned draft (numbers written as English\n\
         words, fractions for percentages such as a quarter, noon and midnight count), or a date of the\n\
         source is not in the draft at all, or is there without a year that is not the article's own.\n\
         Example: \"naik 15 persen\" translated as \"rose sharply\"; \"pada 14 April 1998\" as \"on April 14\".";
}

/// Words for numbers besides the cardinals of `crate::numbers` (which
/// are looked up there): ordinals, fractions, dozens.
const OTHER_NUMBER_WORDS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("half", 0.5),
    ("dozen", 12.0),
    ("dozens", 12.0),
];

pub struct Numbers;

impl Check for Numbers {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        let current_year = article_year(pair);
        let article_day = article_day(pair);
        for bead in pair.beads {
            let (Some(first_source), Some(first_target)) = (bead.first_source(), bead.first_target()) else {
                continue;
            };
            let source_span = pair.source.joined_span(bead.source.clone());
            let target_span = pair.target.joined_span(bead.target.clone());
            let source_text = source_span.slice(pair.source.text);
            let target_text = target_span.slice(pair.target.text);
            let source_unit = &pair.source.units[first_source];
            let target_unit = &pair.target.units[first_target];
            let shift = |mut mention: NumberMention, base: usize| {
                mention.span = Span::new(mention.span.start + base, mention.span.end + base);
                mention
            };
            let mut target_numbers: Vec<Option<NumberMention>> = extract(target_text, Lang::En)
                .into_iter()
                .map(|m| shift(m, target_span.start))
                .filter(|m| !in_code(pair.target.text, m.span))
                .map(Some)
                .collect();
            // Dates first: a date is one thing, judged whole.
            let sides = dates::BeadSides {
                source_text: pair.source.text,
                source_span,
                source_idx: first_source,
                source_unit: &source_unit.id,
                target_text: pair.target.text,
                target_span,
                target_idx: first_target,
                target_unit: &target_unit.id,
                article_day,
            };
            let date_spans = dates::check_bead(&sides, &mut target_numbers, current_year, out);
            let date_spans = Containment::new(date_spans);
            let in_date = |span: Span| date_spans.contains(span);
            let (source_codes, source_numbers): (Vec<NumberMention>, Vec<NumberMention>) = extract(source_text, Lang::Id)
                .into_iter()
                .map(|m| shift(m, source_span.start))
                .filter(|m| !in_date(m.span))
                .partition(|m| in_code(pair.source.text, m.span));
            let target_lower = target_text.to_lowercase();
            let target_words = DraftWords::new(&target_lower);
            // Looked up by value, not scanned per source number (issue 12).
            let mut target_numbers = DraftNumbers::new(target_numbers, pair.target.text);
            let mut unmatched_source = Vec::new();
            for mention in &source_numbers {
                if !target_numbers.take(mention, true) && !spelled_out(mention, &target_words) {
                    unmatched_source.push(*mention);
                }
            }
            rejoin_split_numbers(pair.source.text, &mut unmatched_source, &mut target_numbers);
            match_converted_units(pair.source.text, pair.target.text, &mut unmatched_source, &mut target_numbers.slots);
            match_glued_millions(pair.target.text, &mut unmatched_source, &mut target_numbers.slots);
            unmatched_source.retain(|mention| !said_in_words(pair.source.text, mention, &target_words));
            unmatched_source.retain(|mention| !stoppage_time(pair.source.text, mention, &target_lower));
            // A code written differently (`Hwasong 19` for `Hwasong-19`)
            // leaves its digits as a plain number; they are not extra.
            for code in &source_codes {
                target_numbers.take(code, false);
            }
            let unmatched_target: Vec<NumberMention> = target_numbers
                .slots
                .into_iter()
                .flatten()
                .filter(|t| !is_aside(pair.target.text, t))
                .collect();
            // A year the draft gives as "this year", or leaves out where it
            // is the article's own (or the next: "Natal 2024 dan Tahun Baru
            // 2025" in a December article).
            let draft_has_year = unmatched_target.iter().any(is_year);
            unmatched_source.retain(|mention| {
                if !is_year(mention) {
                    return true;
                }
                let year = mention.value as i32;
                if !draft_has_year && year_in_words(&target_words, year, current_year) {
                    return false;
                }
                let near_article = current_year.is_some_and(|current| (current - 1..=current + 1).contains(&year));
                if near_article && !draft_has_year {
                    out.push(
                        finding(
                            CALENDAR_SHORTENED,
                            format!("the draft leaves out the year {year}; fine, it is the article's own time"),
                        )
                        .with_source(first_source, source_unit.id.clone(), mention.span)
                        .with_target(first_target, target_unit.id.clone(), target_span)
                        .with_expected(year.to_string()),
                    );
                    return false;
                }
                true
            });
            let mut leftover_target = unmatched_target.iter();
            for mention in &unmatched_source {
                let raw = mention.span.slice(pair.source.text);
                let english = english_notation(mention, raw);
                match leftover_target.next() {
                    Some(target) => {
                        let written = target.span.slice(pair.target.text);
                        let kept_notation = extract(written, Lang::Id).first().is_some_and(|as_id| as_id.same_value(mention));
                        let (message, expected) = if kept_notation {
                            // The value is right in Indonesian notation; the
                            // fix is to swap its separators.
                            let swapped = swap_separators(written);
                            let message = if written.contains(',') {
                                format!("{written} keeps the Indonesian decimal comma; in English write {swapped}")
                            } else {
                                format!(
                                    "{written} keeps the Indonesian thousands dot; English reads it as {}, write {swapped}",
                                    english_notation(target, written)
                                )
                            };
                            (message, swapped)
                        } else {
                            (format!("{raw} in the source became {written} in the draft"), english)
                        };
                        out.push(
                            finding(NUMBER_CHANGED, message)
                                .with_source(first_source, source_unit.id.clone(), mention.span)
                                .with_target(first_target, target_unit.id.clone(), target.span)
                                .with_expected(expected),
                        );
                    }
                    None => out.push(
                        finding(NUMBER_MISSING, format!("{raw} is not in the draft"))
                            .with_source(first_source, source_unit.id.clone(), mention.span)
                            .with_target(first_target, target_unit.id.clone(), target_span)
                            .with_expected(english),
                    ),
                }
            }
            for target in leftover_target {
                let written = target.span.slice(pair.target.text);
                out.push(
                    finding(NUMBER_EXTRA, format!("{written} in the draft has no counterpart in the source"))
                        .with_source(first_source, source_unit.id.clone(), source_span)
                        .with_target(first_target, target_unit.id.clone(), target.span),
                );
            }
        }
    }
}

/// What `pick` reads from the first date of the source's dateline (among
/// its first units) that has it.
fn from_dateline<T>(pair: &Pair<'_>, pick: impl Fn(&dates::DateMention) -> Option<T>) -> Option<T> {
    pair.source
        .units
        .iter()
        .take(8)
        .filter(|unit| unit.kind == crate::segment::UnitKind::Dateline)
        .find_map(|unit| {
            dates::extract(unit.span.slice(pair.source.text), unit.span.start, Lang::Id)
                .iter()
                .find_map(&pick)
        })
}

/// The year of the article: the year of the first date in the source's
/// dateline, if it has one. A date of this year may drop its year in the
/// draft, as news style does.
fn article_year(pair: &Pair<'_>) -> Option<i32> {
    from_dateline(pair, |date| date.year)
}

/// The month and day of the article's dateline (`Kamis, 13 Mar 2025` →
/// March 13), if it gives both.
fn article_day(pair: &Pair<'_>) -> Option<(u8, u8)> {
    from_dateline(pair, |date| Some((date.month?, date.day?)))
}

/// What a unit measures, and how many base units it is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dimension {
    Length,
    Mass,
    Area,
    Celsius,
    Fahrenheit,
}

/// Units a translator may convert between (`620 cm` → `6.2 meters`,
/// `15 km` → `9 miles`, `38 derajat Celsius` → `100 F`).
const UNITS: &[(&str, Dimension, f64)] = &[
    ("mm", Dimension::Length, 0.001),
    ("milimeter", Dimension::Length, 0.001),
    ("millimeters", Dimension::Length, 0.001),
    ("millimetres", Dimension::Length, 0.001),
    ("cm", Dimension::Length, 0.01),
    ("sentimeter", Dimension::Length, 0.01),
    ("centimeters", Dimension::Length, 0.01),
    ("centimetres", Dimension::Length, 0.01),
    ("m", Dimension::Length, 1.0),
    ("meter", Dimension::Length, 1.0),
    ("meters", Dimension::Length, 1.0),
    ("metre", Dimension::Length, 1.0),
    ("metres", Dimension::Length, 1.0),
    ("km", Dimension::Length, 1000.0),
    ("kilometer", Dimension::Length, 1000.0),
    ("kilometers", Dimension::Length, 1000.0),
    ("kilometres", Dimension::Length, 1000.0),
    ("inci", Dimension::Length, 0.0254),
    ("inch", Dimension::Length, 0.0254),
    ("inches", Dimension::Length, 0.0254),
    ("kaki", Dimension::Length, 0.3048),
    ("ft", Dimension::Length, 0.3048),
    ("foot", Dimension::Length, 0.3048),
    ("feet", Dimension::Length, 0.3048),
    ("mil", Dimension::Length, 1609.344),
    ("mile", Dimension::Length, 1609.344),
    ("miles", Dimension::Length, 1609.344),
    ("kg", Dimension::Mass, 1.0),
    ("kilogram", Dimension::Mass, 1.0),
    ("kilograms", Dimension::Mass, 1.0),
    ("ton", Dimension::Mass, 1000.0),
    ("tons", Dimension::Mass, 1000.0),
    ("tonne", Dimension::Mass, 1000.0),
    ("tonnes", Dimension::Mass, 1000.0),
    ("ha", Dimension::Area, 10_000.0),
    ("hektare", Dimension::Area, 10_000.0),
    ("hectare", Dimension::Area, 10_000.0),
    ("hectares", Dimension::Area, 10_000.0),
    ("acre", Dimension::Area, 4046.856),
    ("acres", Dimension::Area, 4046.856),
    ("derajat", Dimension::Celsius, 1.0),
    ("c", Dimension::Celsius, 1.0),
    ("°c", Dimension::Celsius, 1.0),
    ("celsius", Dimension::Celsius, 1.0),
    ("f", Dimension::Fahrenheit, 1.0),
    ("°f", Dimension::Fahrenheit, 1.0),
    ("fahrenheit", Dimension::Fahrenheit, 1.0),
];

/// The unit written right after a number (`620 cm`, `6.2m`, `38°C`).
fn unit_after(text: &str, end: usize) -> Option<(Dimension, f64)> {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let rest = rest.strip_prefix("degrees ").unwrap_or(rest);
    let len = rest.find(|c: char| !(c.is_alphabetic() || c == '°')).unwrap_or(rest.len());
    if rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let word = rest[..len].to_lowercase();
    UNITS
        .iter()
        .find(|(unit, _, _)| *unit == word)
        .map(|&(_, dimension, factor)| (dimension, factor))
}

/// Source numbers that the draft gives in another unit of the same kind:
/// equal within 2 % once converted.
fn match_converted_units(source: &str, draft: &str, unmatched: &mut Vec<NumberMention>, target_numbers: &mut [Option<NumberMention>]) {
    // The unit after each draft number, read once (not per source number).
    let mut draft_units: Option<Vec<Option<(Dimension, f64)>>> = None;
    unmatched.retain(|mention| {
        let Some((dimension, factor)) = unit_after(source, mention.span.end) else {
            return true;
        };
        let base = mention.value * factor;
        let units = draft_units.get_or_insert_with(|| {
            target_numbers
                .iter()
                .map(|slot| slot.and_then(|t| unit_after(draft, t.span.end)))
                .collect::<Vec<_>>()
        });
        let slot = target_numbers.iter_mut().zip(units.iter()).find_map(|(slot, unit)| {
            let found = slot.is_some_and(|t| {
                let Some((other_dimension, other_factor)) = *unit else {
                    return false;
                };
                // Another unit only: the same unit must give the same value.
                let converted = match (dimension, other_dimension) {
                    (Dimension::Celsius, Dimension::Fahrenheit) => base * 9.0 / 5.0 + 32.0,
                    (a, b) if a == b && factor != other_factor => base / other_factor,
                    _ => return false,
                };
                (converted - t.value).abs() <= 0.015 * converted.abs().max(1.0)
            });
            found.then_some(slot)
        });
        match slot {
            Some(slot) => {
                *slot = None;
                false
            }
            None => true,
        }
    });
}

/// Source numbers the draft gives in British shorthand for millions with no
/// currency before them (`9,2 juta dosis` → "9.2m doses"). The number
/// reader takes a glued `m` without a currency for metres (`1.8m`), so
/// the millions reading is tried here, where the source says which it is.
fn match_glued_millions(draft: &str, unmatched: &mut Vec<NumberMention>, target_numbers: &mut [Option<NumberMention>]) {
    let glued_m = |t: &NumberMention| {
        let rest = &draft[t.span.end..];
        rest.starts_with('m') && !rest[1..].starts_with(char::is_alphanumeric)
    };
    unmatched.retain(|mention| {
        let slot = target_numbers
            .iter_mut()
            .find(|slot| slot.is_some_and(|t| glued_m(&t) && (t.value * 1e6 - mention.value).abs() <= 1e-6 * mention.value.abs().max(1.0)));
        match slot {
            Some(slot) => {
                *slot = None;
                false
            }
            None => true,
        }
    });
}

/// Fixed phrases that state a number in words: `24 jam` is "around the
/// clock".
fn said_in_words(source: &str, mention: &NumberMention, target: &DraftWords<'_>) -> bool {
    // Three characters lower-cased are enough to see `jam` (not the whole
    // rest of the source, per number).
    let after: String = source[mention.span.end..]
        .trim_start()
        .chars()
        .take(3)
        .flat_map(char::to_lowercase)
        .collect();
    mention.value == 24.0
        && after.starts_with("jam")
        && ["around the clock", "round the clock", "round-the-clock", "24-hour", "24/7"]
            .iter()
            .any(|phrase| target.contains(phrase))
}

/// A plain number that reads as a year.
fn is_year(mention: &NumberMention) -> bool {
    mention.kind == NumberKind::Integer && (1900.0..=2100.0).contains(&mention.value)
}

/// Whether the draft names `year` in words relative to the article's year
/// (`this year`, `next year`, `last year`). Needs the article's year.
fn year_in_words(target: &DraftWords<'_>, year: i32, current_year: Option<i32>) -> bool {
    [
        ("this year", 0),
        ("next year", 1),
        ("last year", -1),
        ("previous year", -1),
        ("coming year", 1),
    ]
    .iter()
    .any(|&(phrase, offset)| target.contains(phrase) && current_year.is_some_and(|current| current + offset == year))
}

/// Indonesian numbers that a tokeniser split at their separator (`59, 8`
/// for 59,8 and `23: 40` for 23.40, as in text that went through word
/// tokenisation) and that the draft writes whole: the two unmatched source
/// pieces match one draft number.
fn rejoin_split_numbers(source: &str, unmatched: &mut Vec<NumberMention>, target_numbers: &mut DraftNumbers) {
    // Kept pieces are copied out rather than drained from the middle of
    // `unmatched` (linear, issue 12).
    let mut kept = Vec::with_capacity(unmatched.len());
    let mut idx = 0;
    while idx < unmatched.len() {
        if idx + 1 == unmatched.len() {
            kept.push(unmatched[idx]);
            break;
        }
        let (first, second) = (unmatched[idx], unmatched[idx + 1]);
        let between = &source[first.span.end..second.span.start];
        let second_raw = second.span.slice(source);
        let span = Span::new(first.span.start, second.span.end);
        // A bare hour after `pukul` is already a time: `pukul 23: 40`.
        let hours = match first.kind {
            NumberKind::Time if first.value % 60.0 == 0.0 => Some(first.value / 60.0),
            NumberKind::Integer if first.value <= 24.0 => Some(first.value),
            _ => None,
        };
        let joined = match between {
            ", " if second_raw.bytes().all(|b| b.is_ascii_digit()) && first.kind == NumberKind::Integer => Some(NumberMention {
                span,
                value: format!("{}.{second_raw}", first.value).parse().unwrap_or(f64::NAN),
                kind: NumberKind::Decimal,
            }),
            ": " | ". " if second_raw.len() == 2 && second.value < 60.0 && hours.is_some() => Some(NumberMention {
                span,
                value: hours.unwrap_or_default() * 60.0 + second.value,
                kind: NumberKind::Time,
            }),
            // Football's stoppage time: `menit 90+3` is the 93rd minute.
            "+" => Some(NumberMention {
                span,
                value: first.value + second.value,
                kind: NumberKind::Integer,
            }),
            _ => None,
        };
        if let Some(joined) = joined
            && target_numbers.take(&joined, false)
        {
            idx += 2;
            continue;
        }
        kept.push(unmatched[idx]);
        idx += 1;
    }
    *unmatched = kept;
}

/// `written` with the separators between its digits swapped (`8.000` →
/// `8,000`, `175,443 trillion` → `175.443 trillion`).
fn swap_separators(written: &str) -> String {
    let chars: Vec<char> = written.chars().collect();
    let digit = |idx: Option<usize>| idx.and_then(|i| chars.get(i)).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .map(|(idx, &c)| match c {
            ',' | '.' if digit(idx.checked_sub(1)) && digit(Some(idx + 1)) => {
                if c == ',' {
                    '.'
                } else {
                    ','
                }
            }
            other => other,
        })
        .collect()
}

/// Football's `menit 90+3`: English says "the third minute of stoppage
/// time", naming the added minutes but not the end of regular time. The
/// end of a half or of extra time (45, 90, 105, 120) directly followed by
/// `+N` needs no counterpart when the draft speaks of stoppage, injury or
/// added time; the added minutes are compared as usual.
fn stoppage_time(source: &str, mention: &NumberMention, target_lower: &str) -> bool {
    let ends_a_period = matches!(mention.value as i64, 45 | 90 | 105 | 120) && mention.kind == NumberKind::Integer;
    let plus = source[mention.span.end..]
        .strip_prefix('+')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    ends_a_period
        && plus
        && ["stoppage time", "injury time", "added time", "additional time"]
            .iter()
            .any(|phrase| target_lower.contains(phrase))
}

/// Numbers a translator adds as a service to the reader, which need no
/// counterpart: a conversion to GMT/UTC (`2 p.m. (0700 GMT)`) or to another
/// currency in brackets (`Rp1.5 trillion ($95 million)`).
fn is_aside(draft: &str, mention: &NumberMention) -> bool {
    let after = draft[mention.span.end..].trim_start();
    if after.starts_with("GMT") || after.starts_with("UTC") {
        return true;
    }
    let before = draft[..mention.span.start].trim_end();
    let Some(inside) = before.strip_suffix(['$', '€', '£', '¥']).or_else(|| before.strip_suffix("US$")) else {
        return false;
    };
    let inside = inside.trim_end();
    inside.ends_with('(') || inside.ends_with("about") && inside.trim_end_matches("about").trim_end().ends_with('(')
}

/// The digits of a code such as `Hwasong-19` or `F-16`, which the entity
/// rules check as a whole.
fn in_code(text: &str, span: Span) -> bool {
    // `AK-47`, and `AK - 47` as word-tokenised text writes it.
    let Some(before) = text[..span.start].trim_end_matches(' ').strip_suffix('-') else {
        return false;
    };
    let spaced = before.ends_with(' ') || text[..span.start].ends_with(' ');
    let before = before.trim_end_matches(' ');
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    let word_start = before.len() - word.len();
    // A spaced dash after the first word of a line is a dateline
    // (`JAKARTA - 5 orang`), not a code.
    let line_start = before[..word_start].trim_end_matches(' ').is_empty() || before[..word_start].ends_with('\n');
    // Letters only: `Rp50tn-60tn` is a range of amounts, not a code.
    word.chars().any(char::is_uppercase) && word.chars().all(char::is_alphabetic) && !(spaced && line_start)
}

/// Whether the draft writes the number in words: `two`, `twenty-five`,
/// `a hundred`; a percentage as a fraction (`a quarter` for 25 persen); a
/// time as `noon` or `midnight`.
fn spelled_out(mention: &NumberMention, target: &DraftWords<'_>) -> bool {
    // Each word is looked for once per bead (`DraftWords`), not per number.
    let has_word = |word: &'static str| target.has_word(word);
    match mention.kind {
        NumberKind::Time => match mention.value as u32 {
            720 => has_word("noon") || has_word("midday"),
            0 | 1440 => has_word("midnight"),
            _ => false,
        },
        NumberKind::Percent => PERCENT_WORDS
            .iter()
            .any(|&(words, value)| (mention.value - value).abs() < 0.5 && words.iter().any(|w| has_word(w))),
        NumberKind::Decade => DECADE_WORDS
            .iter()
            .any(|&(word, value)| (mention.value.round() as i64).rem_euclid(100) == value && has_word(word)),
        _ => {
            crate::numbers::ENGLISH_UNITS
                .iter()
                .chain(OTHER_NUMBER_WORDS)
                .any(|&(word, value)| value == mention.value && has_word(word))
                || target.has_value(mention.value, crate::numbers::english_number_words)
        }
    }
}

/// Fractions that stand for a percentage.
const PERCENT_WORDS: &[(&[&str], f64)] = &[
    (&["a quarter", "one quarter", "one-quarter", "a fourth", "one in four"], 25.0),
    (&["half", "one in two"], 50.0),
    (&["three quarters", "three-quarters"], 75.0),
    (&["a third", "one third", "one-third", "one in three"], 33.3),
    (&["two thirds", "two-thirds"], 66.7),
    (&["a fifth", "one fifth", "one-fifth", "one in five"], 20.0),
    (&["a tenth", "one tenth", "one-tenth", "one in 10", "one in ten"], 10.0),
];

/// Decades in words (`the Sixties`, `mid-sixties`, `in their twenties`).
const DECADE_WORDS: &[(&str, i64)] = &[
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// How an English text writes the value: `10,000`, `2.5`, `14:23`, `25%`.
/// A number the source writes without separators and under 10,000 (a year,
/// a house number) stays as it is: `2024`, never `2,024`.
fn english_notation(mention: &NumberMention, raw: &str) -> String {
    match mention.kind {
        NumberKind::Time => {
            let minutes = mention.value.round() as i64;
            format!("{:02}:{:02}", minutes / 60, minutes % 60)
        }
        NumberKind::Decade => format!("{}s", mention.value),
        kind => {
            let value = mention.value;
            let mut text = if value.fract() == 0.0 && (0.0..10_000.0).contains(&value) && raw.bytes().all(|b| b.is_ascii_digit()) {
                raw.trim_start_matches('0').to_string()
            } else if value.fract() == 0.0 && value.abs() < 1e15 {
                group_thousands(value as i64)
            } else {
                let formatted = format!("{value:.3}");
                let trimmed = formatted.trim_end_matches('0').trim_end_matches('.');
                match trimmed.split_once('.') {
                    Some((integer, fraction)) => format!("{}.{fraction}", group_thousands(integer.parse().unwrap_or(0))),
                    None => group_thousands(trimmed.parse().unwrap_or(0)),
                }
            };
            if text.is_empty() {
                text.push('0');
            }
            if kind == NumberKind::Percent {
                text.push('%');
            }
            text
        }
    }
}

fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if value < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_notation_groups_and_keeps_fractions() {
        let mention = |value, kind| NumberMention {
            span: Span::default(),
            value,
            kind,
        };
        assert_eq!(english_notation(&mention(10000.0, NumberKind::Integer), "10.000"), "10,000");
        assert_eq!(english_notation(&mention(2.5, NumberKind::Decimal), "2,5"), "2.5");
        assert_eq!(english_notation(&mention(1500000.0, NumberKind::Integer), "1,5 juta"), "1,500,000");
        assert_eq!(english_notation(&mention(29.02, NumberKind::Percent), "29,02%"), "29.02%");
        assert_eq!(english_notation(&mention(863.0, NumberKind::Time), "14.23"), "14:23");
        // A year keeps its digits.
        assert_eq!(english_notation(&mention(2024.0, NumberKind::Integer), "2024"), "2024");
        assert_eq!(english_notation(&mention(7.0, NumberKind::Integer), "07"), "7");
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(
            crate::numbers::english_number_words("twenty-five people and a hundred more"),
            vec![25.0, 100.0]
        );
        assert_eq!(
            crate::numbers::english_number_words("two million and one hundred and twenty"),
            vec![2_000_120.0]
        );
        assert_eq!(crate::numbers::english_number_words("some of the people"), Vec::<f64>::new());
    }
}
