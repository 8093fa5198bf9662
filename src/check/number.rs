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

use super::{Check, Pair, finding};
use crate::finding::Finding;
use crate::numbers::{NumberKind, NumberMention, extract};
use crate::segment::Lang;
use crate::text::Span;

const NUMBER_WORDS: &[(&str, f64)] = &[
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

const MONTHS: &[&str] = &[
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

pub struct Numbers;

impl Check for Numbers {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        for bead in pair.beads {
            let (Some(&first_source), Some(&first_target)) = (bead.source.first(), bead.target.first()) else {
                continue;
            };
            let source_span = pair.source.joined_span(&bead.source);
            let target_span = pair.target.joined_span(&bead.target);
            let source_text = source_span.slice(pair.source.text);
            let target_text = target_span.slice(pair.target.text);
            let shift = |mut mention: NumberMention, base: usize| {
                mention.span = Span::new(mention.span.start + base, mention.span.end + base);
                mention
            };
            let (source_codes, source_numbers): (Vec<NumberMention>, Vec<NumberMention>) = extract(source_text, Lang::Id)
                .into_iter()
                .map(|m| shift(m, source_span.start))
                .partition(|m| in_code(pair.source.text, m.span));
            let mut target_numbers: Vec<Option<NumberMention>> = extract(target_text, Lang::En)
                .into_iter()
                .map(|m| shift(m, target_span.start))
                .filter(|m| !in_code(pair.target.text, m.span))
                .map(Some)
                .collect();
            let target_lower = target_text.to_lowercase();
            let mut unmatched_source = Vec::new();
            for mention in &source_numbers {
                let matches = |t: &NumberMention| t.same_value(mention) || same_time(mention, t.span.slice(pair.target.text));
                if let Some(slot) = target_numbers.iter_mut().find(|slot| slot.is_some_and(|t| matches(&t))) {
                    *slot = None;
                } else if !spelled_out(mention, &target_lower) && !month_of_date(pair.source.text, mention, target_text) {
                    unmatched_source.push(*mention);
                }
            }
            // A code written differently (`Hwasong 19` for `Hwasong-19`)
            // leaves its digits as a plain number; they are not extra.
            for code in &source_codes {
                if let Some(slot) = target_numbers.iter_mut().find(|slot| slot.is_some_and(|t| t.same_value(code))) {
                    *slot = None;
                }
            }
            let unmatched_target: Vec<NumberMention> = target_numbers.into_iter().flatten().collect();
            let source_unit = &pair.source.units[first_source];
            let target_unit = &pair.target.units[first_target];
            let mut leftover_target = unmatched_target.iter();
            for mention in &unmatched_source {
                let raw = mention.span.slice(pair.source.text);
                let english = english_notation(mention);
                match leftover_target.next() {
                    Some(target) => {
                        let written = target.span.slice(pair.target.text);
                        let hint = if extract(written, Lang::Id).first().is_some_and(|as_id| as_id.same_value(mention)) {
                            format!("; English reads {written} as {}, write {english}", english_notation(target))
                        } else {
                            String::new()
                        };
                        out.push(
                            finding("number.changed", format!("{raw} in the source became {written} in the draft{hint}"))
                                .with_source(source_unit.id.clone(), mention.span)
                                .with_target(target_unit.id.clone(), target.span)
                                .with_expected(english),
                        );
                    }
                    None => out.push(
                        finding("number.missing", format!("{raw} is missing from draft unit {}", target_unit.id))
                            .with_source(source_unit.id.clone(), mention.span)
                            .with_target(target_unit.id.clone(), target_span)
                            .with_expected(english),
                    ),
                }
            }
            for target in leftover_target {
                let written = target.span.slice(pair.target.text);
                out.push(
                    finding(
                        "number.extra",
                        format!("{written} in draft unit {} has no counterpart in the source", target_unit.id),
                    )
                    .with_source(source_unit.id.clone(), source_span)
                    .with_target(target_unit.id.clone(), target.span),
                );
            }
        }
    }
}

/// A draft that keeps the Indonesian way of writing a time (`09.48`) states
/// the same time: a two-digit hour with a leading zero is no decimal.
fn same_time(source: &NumberMention, written: &str) -> bool {
    let Some((hours, minutes)) = written.split_once(['.', ':']) else {
        return false;
    };
    source.kind == NumberKind::Time
        && hours.len() == 2
        && minutes.len() == 2
        && match (hours.parse::<u32>(), minutes.parse::<u32>()) {
            (Ok(h), Ok(m)) => f64::from(h * 60 + m) == source.value,
            _ => false,
        }
}

/// The digits of a code such as `Hwasong-19` or `F-16`, which the entity
/// rules check as a whole.
fn in_code(text: &str, span: Span) -> bool {
    let Some(before) = text[..span.start].strip_suffix('-') else {
        return false;
    };
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    word.chars().any(char::is_uppercase)
}

fn spelled_out(mention: &NumberMention, target_lower: &str) -> bool {
    mention.kind != NumberKind::Time
        && NUMBER_WORDS.iter().any(|&(word, value)| {
            value == mention.value
                && target_lower.match_indices(word).any(|(at, _)| {
                    let before = target_lower[..at].chars().next_back();
                    let after = target_lower[at + word.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
                })
        })
}

/// The month number of a numeric date (`12/3/2018`, `12-3-2018`), matched by
/// the month's English name in the draft.
fn month_of_date(source: &str, mention: &NumberMention, target: &str) -> bool {
    let before = &source[..mention.span.start];
    let after = &source[mention.span.end..];
    let in_date = (before.ends_with('/') && after.starts_with('/')) || (before.ends_with('-') && after.starts_with('-'));
    let month = mention.value as usize;
    in_date && mention.value.fract() == 0.0 && (1..=12).contains(&month) && target.contains(MONTHS[month - 1])
}

/// How an English text writes the value: `10,000`, `2.5`, `14:23`, `25%`.
fn english_notation(mention: &NumberMention) -> String {
    match mention.kind {
        NumberKind::Time => {
            let minutes = mention.value.round() as i64;
            format!("{:02}:{:02}", minutes / 60, minutes % 60)
        }
        kind => {
            let value = mention.value;
            let mut text = if value.fract() == 0.0 && value.abs() < 1e15 {
                group_thousands(value as i64)
            } else {
                let formatted = format!("{value:.3}");
                let trimmed = formatted.trim_end_matches('0').trim_end_matches('.');
                match trimmed.split_once('.') {
                    Some((integer, fraction)) => format!("{}.{fraction}", group_thousands(integer.parse().unwrap_or(0))),
                    None => group_thousands(trimmed.parse().unwrap_or(0)),
                }
            };
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
        assert_eq!(english_notation(&mention(10000.0, NumberKind::Integer)), "10,000");
        assert_eq!(english_notation(&mention(2.5, NumberKind::Decimal)), "2.5");
        assert_eq!(english_notation(&mention(1500000.0, NumberKind::Integer)), "1,500,000");
        assert_eq!(english_notation(&mention(29.02, NumberKind::Percent)), "29.02%");
        assert_eq!(english_notation(&mention(863.0, NumberKind::Time)), "14:23");
    }
}
