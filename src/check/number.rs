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

use std::collections::{HashMap, VecDeque};

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
            let mut target_numbers = DraftNumbers::new(
                extract(target_text, Lang::En)
                    .into_iter()
                    .map(|m| shift(m, target_span.start))
                    .filter(|m| !in_code(pair.target.text, m.span))
                    .collect(),
                pair.target.text,
            );
            let target_lower = target_text.to_lowercase();
            let mut spelled: Option<Vec<f64>> = None;
            let mut months: [Option<bool>; 12] = [None; 12];
            let mut unmatched_source = Vec::new();
            for mention in &source_numbers {
                if target_numbers.take(mention, true) {
                    continue;
                }
                let spelled = spelled.get_or_insert_with(|| spelled_values(&target_lower));
                if !spelled_out(mention, spelled) && !month_of_date(pair.source.text, mention, target_text, &mut months) {
                    unmatched_source.push(*mention);
                }
            }
            // A code written differently (`Hwasong 19` for `Hwasong-19`)
            // leaves its digits as a plain number; they are not extra.
            for code in &source_codes {
                target_numbers.take(code, false);
            }
            let unmatched_target: Vec<NumberMention> = target_numbers.slots.into_iter().flatten().collect();
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

/// The draft numbers of one bead, each taken at most once, looked up by
/// value rather than by comparing every source number with every draft
/// number (a bead of thousands of numbers was quadratic). A source number
/// takes the first draft number left, in text order, of the same value,
/// or for a time, one written the Indonesian way (`09.48`).
struct DraftNumbers {
    slots: Vec<Option<NumberMention>>,
    /// Slot indices by `NumberMention::key`, in text order.
    by_value: HashMap<(bool, i64), VecDeque<usize>>,
    /// Slot indices by the minutes of a draft number written `HH.MM`.
    by_time: HashMap<u32, VecDeque<usize>>,
}

impl DraftNumbers {
    fn new(mentions: Vec<NumberMention>, text: &str) -> Self {
        let mut by_value: HashMap<(bool, i64), VecDeque<usize>> = HashMap::new();
        let mut by_time: HashMap<u32, VecDeque<usize>> = HashMap::new();
        for (idx, mention) in mentions.iter().enumerate() {
            by_value.entry(mention.key()).or_default().push_back(idx);
            if let Some(minutes) = indonesian_time(mention.span.slice(text)) {
                by_time.entry(minutes).or_default().push_back(idx);
            }
        }
        DraftNumbers {
            slots: mentions.into_iter().map(Some).collect(),
            by_value,
            by_time,
        }
    }

    /// Takes the first draft number left that states `source` (by value,
    /// or with `times` also a time kept in Indonesian notation).
    fn take(&mut self, source: &NumberMention, times: bool) -> bool {
        let slots = &self.slots;
        let first_left = |queue: Option<&mut VecDeque<usize>>| {
            let queue = queue?;
            while queue.front().is_some_and(|&idx| slots[idx].is_none()) {
                queue.pop_front();
            }
            queue.front().copied()
        };
        let by_value = first_left(self.by_value.get_mut(&source.key()));
        let time_minutes =
            (times && source.kind == NumberKind::Time && source.value.fract() == 0.0 && source.value >= 0.0).then_some(source.value as u32);
        let by_time = first_left(time_minutes.and_then(|minutes| self.by_time.get_mut(&minutes)));
        match by_value.into_iter().chain(by_time).min() {
            Some(idx) => {
                self.slots[idx] = None;
                true
            }
            None => false,
        }
    }
}

/// The minutes of a time written the Indonesian way (`09.48`, `09:48`): a
/// two-digit hour with a leading zero is no decimal. A draft that keeps
/// this notation states the same time.
fn indonesian_time(written: &str) -> Option<u32> {
    let (hours, minutes) = written.split_once(['.', ':'])?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    Some(hours.parse::<u32>().ok()? * 60 + minutes.parse::<u32>().ok()?)
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

/// The values of the number words that stand as whole words in the
/// (lower-cased) draft, found once per bead.
fn spelled_values(target_lower: &str) -> Vec<f64> {
    NUMBER_WORDS
        .iter()
        .filter(|&&(word, _)| {
            target_lower.match_indices(word).any(|(at, _)| {
                let before = target_lower[..at].chars().next_back();
                let after = target_lower[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .map(|&(_, value)| value)
        .collect()
}

fn spelled_out(mention: &NumberMention, spelled: &[f64]) -> bool {
    mention.kind != NumberKind::Time && spelled.contains(&mention.value)
}

/// The month number of a numeric date (`12/3/2018`, `12-3-2018`), matched by
/// the month's English name in the draft (looked for once per bead and
/// month, in `months`).
fn month_of_date(source: &str, mention: &NumberMention, target: &str, months: &mut [Option<bool>; 12]) -> bool {
    let before = &source[..mention.span.start];
    let after = &source[mention.span.end..];
    let in_date = (before.ends_with('/') && after.starts_with('/')) || (before.ends_with('-') && after.starts_with('-'));
    let month = mention.value as usize;
    in_date
        && mention.value.fract() == 0.0
        && (1..=12).contains(&month)
        && *months[month - 1].get_or_insert_with(|| target.contains(MONTHS[month - 1]))
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

    #[test]
    fn issue_12_draft_numbers_are_taken_by_value_in_text_order() {
        // `09.48` kept in Indonesian notation, then 9.48 and a time of 588
        // minutes (09:48): the source time 09:48 takes the notation first
        // (it comes first), then the time; by value alone, only the time.
        let text = "09.48 and 9.48 and 588";
        let mut mentions = extract(text, Lang::En);
        assert_eq!(mentions.len(), 3);
        mentions[2].kind = NumberKind::Time;
        let time = NumberMention {
            span: Span::default(),
            value: 588.0,
            kind: NumberKind::Time,
        };
        let mut numbers = DraftNumbers::new(mentions.clone(), text);
        assert!(numbers.take(&time, true));
        assert!(numbers.slots[0].is_none(), "the kept notation comes first in the text");
        assert!(numbers.take(&time, true));
        assert!(numbers.slots[2].is_none());
        assert!(!numbers.take(&time, true));
        let mut numbers = DraftNumbers::new(mentions, text);
        assert!(numbers.take(&time, false));
        assert!(
            numbers.slots[2].is_none() && numbers.slots[0].is_some(),
            "without times, notation does not count"
        );
    }
}
