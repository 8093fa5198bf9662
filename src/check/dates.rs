//! Dates as one thing: a bead's text in, the dates it names out, and the
//! comparison of a source date with the draft's.
//!
//! A reviser reads `Senin (25/11/2024)` as one date, not as the numbers 25,
//! 11 and 2024 and a weekday. So a date is found whole, compared whole, and
//! gives at most one finding; the number and calendar rules leave its parts
//! alone.
//!
//! Forms read (weekday first is optional everywhere; `(…)` around a
//! numeric date after its weekday is part of the date):
//!
//! * Indonesian: `25/11/2024`, `25-11-2024`, `25/11/24`, `Senin (25/11)`,
//!   `25 November 2024`, `tanggal 25 Nov`, `14-15 April`, `November 2024`.
//! * English: `November 25, 2024`, `Nov. 25`, `Nov 25-26`, `25 November
//!   2024`, `25th November`, `the 25th of November`, `November 2024`, and
//!   numeric `11/25/2024` or `25/11/2024` (read both ways when both are
//!   possible).
//!
//! A numeric Indonesian date needs a year, a weekday before it or brackets
//! around it: `25/11` alone may be a ratio or a score.
//!
//! How a source date is judged against the draft of its bead (decisions
//! where the specification is silent, each in a reviser's terms):
//!
//! * The draft date that agrees on most parts and contradicts fewest is its
//!   counterpart. A contradicted month is `calendar.changed`, a contradicted
//!   day or year `number.changed`, a contradicted weekday
//!   `calendar.changed`.
//! * A year left out is fine for the article's own year (the year of its
//!   dateline): AP and most papers drop it; that is `calendar.shortened`
//!   (info). Any other year left out is `number.missing`.
//! * A date given only by its weekday (`Senin (25/11/2024)` → "on Monday",
//!   AP style within a week) is `calendar.shortened` (info).
//! * The article's own date (the day of its dateline) repeated in the body
//!   and left out of the draft altogether (`kata …, Kamis (13/3/2025)` →
//!   "… said.") is `calendar.shortened` too: the dateline carries it.
//! * Where the draft has no date the parser reads, the parts are looked for
//!   one by one (the day among the draft's numbers, the month by name): any
//!   of them found means the date is there in another form; none found is
//!   `number.missing`, "the date … is not in the draft".

use super::calendar_names::{CalendarWord, MONTHS, WEEKDAYS, calendar_word};
use super::finding;
use super::rule::{CALENDAR_CHANGED, NUMBER_CHANGED, NUMBER_MISSING};
use crate::finding::Finding;
use crate::numbers::{NumberKind, NumberMention};
use crate::segment::Lang;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    CALENDAR_SHORTENED = "calendar.shortened", Info,
        "A date is shortened in the draft the way news style does.",
        "The draft gives a date of the source in the short form news English uses: without the\n\
         article's own year (the year of its dateline), or only by its weekday for a date within the\n\
         week (AP style: \"Senin (25/11/2024)\" → \"on Monday\"), or left out where it repeats the\n\
         day of the article's dateline. Nothing is lost for a reader of the\n\
         day's news; the finding is there for archives that want full dates. A year that is not the\n\
         article's own is reported as number.missing instead.\n\
         Example: \"Senin (25/11/2024)\" translated as \"on Monday, Nov. 25\".";
}

/// One date named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateMention {
    /// Everything the date covers, weekday and brackets included.
    pub span: Span,
    /// The date without a weekday before it (what messages quote).
    pub core: Span,
    pub day: Option<u8>,
    /// The last day of a range (`14-15 April`).
    pub day_end: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
    pub weekday: Option<u8>,
    /// An English numeric date that reads as day/month as well as
    /// month/day (`11/12/2024`): `day` and `month` may be swapped.
    pub ambiguous: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    /// A number of up to four digits, with an English ordinal ending
    /// allowed (`25th`): value and digit count.
    Number(u32, usize),
    Month(u8),
    Weekday(u8),
    Word,
}

/// The text's alphanumeric runs with what they are.
fn tokens(text: &str, base: usize, lang: Lang) -> Vec<(Span, Token)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(offset, c)) = chars.peek() {
            // Apostrophes inside a word (`Jum'at`) belong to it.
            let inner_apostrophe = matches!(c, '\'' | '’') && text[offset + c.len_utf8()..].starts_with(char::is_alphabetic);
            if c.is_alphanumeric() || inner_apostrophe {
                end = offset + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        let token = if word.starts_with(|c: char| c.is_ascii_digit()) {
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            let suffix = &word[digits..];
            let ordinal = lang == Lang::En && matches!(suffix, "st" | "nd" | "rd" | "th");
            match word[..digits].parse::<u32>() {
                Ok(value) if digits <= 4 && (suffix.is_empty() || ordinal) => Token::Number(value, digits),
                _ => Token::Word,
            }
        } else {
            // A possessive weekday (`Wednesday's results`) is the weekday.
            let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
            match calendar_word(bare, lang) {
                Some(CalendarWord::Month(m)) => Token::Month(m),
                Some(CalendarWord::Weekday(d)) => Token::Weekday(d),
                None => Token::Word,
            }
        };
        out.push((Span::new(base + start, base + end), token));
    }
    out
}

/// Every date in `text` (a bead's text starting at byte `base` of its
/// document), in order.
pub(super) fn extract(text: &str, base: usize, lang: Lang) -> Vec<DateMention> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let tokens = tokens(text, base, lang);
    let reader = Reader {
        tokens: &tokens,
        text,
        base,
        lang,
    };
    let mut out = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        match reader.read_date(idx) {
            Some((mut date, next)) => {
                // A closing bracket after a bracketed date is part of it.
                if reader.before(date.core.start).ends_with('(') && text[date.span.end - base..].starts_with(')') {
                    date.span.end += 1;
                }
                out.push(date);
                idx = next;
            }
            None => idx += 1,
        }
    }
    out
}

/// The tokens of one text and what lies between them.
struct Reader<'a> {
    tokens: &'a [(Span, Token)],
    text: &'a str,
    base: usize,
    lang: Lang,
}

fn is_blank(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

fn valid_day(value: u32) -> bool {
    (1..=31).contains(&value)
}

fn as_year(value: u32, digits: usize) -> Option<i32> {
    match digits {
        4 if (1000..=2999).contains(&value) => Some(value as i32),
        _ => None,
    }
}

impl Reader<'_> {
    /// The text between tokens `a` and `b` (empty when `b` is past the
    /// last token).
    fn gap(&self, a: usize, b: usize) -> &str {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(first), Some(second)) => &self.text[first.0.end - self.base..second.0.start - self.base],
            _ => "",
        }
    }

    /// The text before document offset `at`, from the start of this text.
    fn before(&self, at: usize) -> &str {
        self.text[..at - self.base].trim_end_matches([' ', '\u{a0}'])
    }

    /// Reads a date starting at token `start`; returns it and the next token.
    fn read_date(&self, start: usize) -> Option<(DateMention, usize)> {
        let tokens = self.tokens;
        let lang = self.lang;
        let gap = |a: usize, b: usize| self.gap(a, b);
        let mut idx = start;
        let mut weekday = None;
        let mut bracketed = false;
        if let Token::Weekday(day) = tokens[idx].1
            && idx + 1 < tokens.len()
        {
            let between = gap(idx, idx + 1);
            let joined = between.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
            // The last day of a range (`Jumat-Minggu, 20-22 Desember`) is not
            // the weekday of the date.
            let after_range =
                idx > 0 && matches!(tokens[idx - 1].1, Token::Weekday(_)) && matches!(self.gap(idx - 1, idx).trim(), "-" | "–");
            if matches!(joined, "" | "," | "(" | ", (") && !between.is_empty() && !after_range {
                weekday = Some(day);
                bracketed = joined.contains('(');
                idx += 1;
                // `Rabu, tanggal 27 November`: the word for "date" between.
                if lang == Lang::Id
                    && tokens
                        .get(idx)
                        .is_some_and(|t| matches!(&self.text[t.0.start - self.base..t.0.end - self.base], "tanggal" | "tgl"))
                    && matches!(tokens.get(idx + 1).map(|t| t.1), Some(Token::Number(..)))
                {
                    idx += 1;
                }
            }
        }
        let core_start = tokens.get(idx)?.0.start;
        bracketed |= self.before(core_start).ends_with('(');
        // A number that continues a longer one (`180.254.8.5 September`, an
        // address; `1.5 June`) does not start a date.
        if self.text[..core_start - self.base].ends_with(['.', ',']) {
            return None;
        }
        let date = |end: usize, day, day_end, month, year, ambiguous| DateMention {
            span: Span::new(tokens[start].0.start, end),
            core: Span::new(core_start, end),
            day,
            day_end,
            month,
            year,
            weekday,
            ambiguous,
        };
        let token = |i: usize| tokens.get(i).map(|t| t.1);
        match token(idx)? {
            Token::Number(first, first_digits) if first_digits <= 2 => {
                // Numeric: 25/11/2024, 25-11-2024, 25.11.2024, 25/11.
                if let Some(Token::Number(second, second_digits)) = token(idx + 1) {
                    let separator = gap(idx, idx + 1);
                    if matches!(separator, "/" | "-" | ".") && second_digits <= 2 {
                        let year = match token(idx + 2) {
                            Some(Token::Number(value, digits)) if gap(idx + 1, idx + 2) == separator => match digits {
                                2 => Some(2000 + value as i32),
                                _ => as_year(value, digits),
                            },
                            _ => None,
                        };
                        let n_tokens = if year.is_some() { 3 } else { 2 };
                        let end = tokens[idx + n_tokens - 1].0.end;
                        let plausible = valid_day(first) && (1..=12).contains(&second);
                        let swapped = lang == Lang::En && valid_day(second) && (1..=12).contains(&first);
                        let anchored = year.is_some() || weekday.is_some() || bracketed;
                        // A year-less pair counts only with a weekday or in brackets,
                        // and `-`/`.` pairs need a year (`14-15` is a range, `2.5` a number).
                        if anchored && (separator == "/" || year.is_some()) {
                            if lang == Lang::En && swapped && !plausible {
                                // Month first (US): 11/25/2024.
                                return Some((date(end, Some(second as u8), None, Some(first as u8), year, false), idx + n_tokens));
                            }
                            if plausible {
                                return Some((
                                    date(end, Some(first as u8), None, Some(second as u8), year, swapped && first != second),
                                    idx + n_tokens,
                                ));
                            }
                        }
                    }
                }
                // Day Month [Year], with a day range: 25 November 2024, 14-15 April.
                if !valid_day(first) {
                    return None;
                }
                let mut next = idx + 1;
                let mut day_end = None;
                if let Some(Token::Number(second, digits)) = token(next)
                    && digits <= 2
                    && valid_day(second)
                    && second > first
                    && matches!(gap(idx, next).trim(), "-" | "–")
                {
                    day_end = Some(second as u8);
                    next += 1;
                } else if let Some((second, n_tokens)) = self.worded_range_end(idx) {
                    day_end = Some(second);
                    next += n_tokens;
                }
                // English "the 25th of November".
                if lang == Lang::En
                    && let Some(Token::Word) = token(next)
                    && gap(next - 1, next) == " "
                    && tokens[next].0.len() == 2
                    && matches!(token(next + 1), Some(Token::Month(_)))
                {
                    next += 1;
                }
                let Some(Token::Month(month)) = token(next) else {
                    return None;
                };
                let between = gap(next - 1, next);
                if !(is_blank(between) || between == "-" && lang == Lang::En) {
                    return None;
                }
                let (year, end_token) = self.year_after(next);
                Some((
                    date(tokens[end_token].0.end, Some(first as u8), day_end, Some(month), year, false),
                    end_token + 1,
                ))
            }
            Token::Month(month) => {
                let after_month = gap(idx, idx + 1);
                match token(idx + 1) {
                    // Month Day[-Day] [, Year]: November 25, 2024; Nov. 25.
                    Some(Token::Number(day, digits))
                        if lang == Lang::En && digits <= 2 && valid_day(day) && matches!(after_month, " " | ". " | "." | "\u{a0}") =>
                    {
                        let mut last = idx + 1;
                        let mut day_end = None;
                        if let Some(Token::Number(second, digits)) = token(last + 1)
                            && digits <= 2
                            && valid_day(second)
                            && second > day
                            && matches!(gap(last, last + 1), "-" | "–")
                        {
                            day_end = Some(second as u8);
                            last += 1;
                        } else if let Some((second, n_tokens)) = self.worded_range_end(last) {
                            day_end = Some(second);
                            last += n_tokens;
                        }
                        let (year, end_token) = self.year_after(last);
                        Some((
                            date(tokens[end_token].0.end, Some(day as u8), day_end, Some(month), year, false),
                            end_token + 1,
                        ))
                    }
                    // Month Year: November 2024.
                    Some(Token::Number(value, digits)) if as_year(value, digits).is_some() && matches!(after_month.trim(), "" | ",") => {
                        Some((
                            date(tokens[idx + 1].0.end, None, None, Some(month), as_year(value, digits), false),
                            idx + 2,
                        ))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The last day of a range written with a word after the day at token
    /// `day`: `24 sampai 27 Oktober`, `24 hingga 27`, `October 24 to 27`,
    /// `24 through 27 October`. The second day may be smaller than the first
    /// (`30 sampai 2 Desember` runs into the next month) where a month or
    /// punctuation follows it, unlike a hyphen range, because the word
    /// leaves no doubt that it is a range. The second day may have its
    /// weekday (`Monday 22 to Sunday 28 December`). Returns the last day and
    /// how many tokens after `day` the range takes.
    fn worded_range_end(&self, day: usize) -> Option<(u8, usize)> {
        let (word_span, word) = *self.tokens.get(day + 1)?;
        // The second day's weekday, if it has one: skipped.
        let weekday = matches!(self.tokens.get(day + 2), Some(&(_, Token::Weekday(_)))) && is_blank(self.gap(day + 2, day + 3));
        let second_at = if weekday { day + 3 } else { day + 2 };
        let Some(&(_, Token::Number(second, digits))) = self.tokens.get(second_at) else {
            return None;
        };
        let Token::Number(first, _) = self.tokens[day].1 else {
            return None;
        };
        let written = &self.text[word_span.start - self.base..word_span.end - self.base];
        let connector = match self.lang {
            Lang::Id => matches!(written, "sampai" | "hingga"),
            _ => matches!(written, "to" | "until" | "through" | "till"),
        };
        let spaced = is_blank(self.gap(day, day + 1)) && is_blank(self.gap(day + 1, day + 2));
        // A smaller second number is the end of a range only where nothing
        // goes on after it but a month or punctuation: `Oct. 24 to 5 people`
        // is a count.
        let ends_there = match self.tokens.get(second_at + 1) {
            None => true,
            Some(&(_, next)) => matches!(next, Token::Month(_)) || !is_blank(self.gap(second_at, second_at + 1)),
        };
        let ordered = second > first || ends_there;
        (word == Token::Word && connector && spaced && digits <= 2 && valid_day(second) && second != first && ordered)
            .then_some((second as u8, second_at - day))
    }

    /// A year after token `last` (`, 2024` or ` 2024`): the year and the last
    /// token of the date.
    fn year_after(&self, last: usize) -> (Option<i32>, usize) {
        if let Some(&(_, Token::Number(value, digits))) = self.tokens.get(last + 1)
            && let Some(year) = as_year(value, digits)
            && matches!(self.gap(last, last + 1).trim_matches([' ', '\u{a0}']), "" | ",")
        {
            return (Some(year), last + 1);
        }
        (None, last)
    }
}

/// How a draft date fits a source date: parts both give that differ, and
/// parts both give that agree.
fn fit(source: &DateMention, draft: &DateMention, swap: bool) -> (u8, u8, Option<Part>) {
    let (draft_day, draft_month) = if swap { (draft.month, draft.day) } else { (draft.day, draft.month) };
    let mut conflicts = 0;
    let mut agreements = 0;
    let mut first_conflict = None;
    let mut compare = |a: Option<u32>, b: Option<u32>, part: Part| {
        if let (Some(a), Some(b)) = (a, b) {
            if a == b {
                agreements += 1;
            } else {
                conflicts += 1;
                first_conflict.get_or_insert(part);
            }
        }
    };
    compare(source.month.map(u32::from), draft_month.map(u32::from), Part::Month);
    compare(source.day.map(u32::from), draft_day.map(u32::from), Part::Day);
    // The last day of a range counts where both sides give a range.
    if !swap {
        compare(source.day_end.map(u32::from), draft.day_end.map(u32::from), Part::Day);
    }
    compare(source.year.map(|y| y as u32), draft.year.map(|y| y as u32), Part::Year);
    compare(source.weekday.map(u32::from), draft.weekday.map(u32::from), Part::Weekday);
    (conflicts, agreements, first_conflict)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Day,
    Month,
    Year,
    Weekday,
}

/// One bead's two sides as the date comparison needs them.
pub(super) struct BeadSides<'a> {
    pub source_text: &'a str,
    pub source_span: Span,
    /// The bead's first source unit: its index and id.
    pub source_idx: usize,
    pub source_unit: &'a str,
    pub target_text: &'a str,
    pub target_span: Span,
    /// The bead's first draft unit: its index and id.
    pub target_idx: usize,
    pub target_unit: &'a str,
    /// The month and day of the article's dateline, if it gives them.
    pub article_day: Option<(u8, u8)>,
}

/// Compares the dates of one bead and reports what a reviser would. The
/// draft numbers that make up a date are taken out of `target_numbers`
/// (set to `None`), so that the number rules do not see them again.
/// Returns the spans of the source dates, whose numbers the number rules
/// must skip.
pub(super) fn check_bead(
    sides: &BeadSides<'_>,
    target_numbers: &mut [Option<NumberMention>],
    current_year: Option<i32>,
    out: &mut Vec<Finding>,
) -> Vec<Span> {
    let source_dates = extract(sides.source_span.slice(sides.source_text), sides.source_span.start, Lang::Id);
    if source_dates.is_empty() {
        return Vec::new();
    }
    let draft_dates = extract(sides.target_span.slice(sides.target_text), sides.target_span.start, Lang::En);
    let mut used = vec![false; draft_dates.len()];
    // Weekdays the draft names outside its dates (`on Tuesday`).
    let bare_weekdays: Vec<u8> = tokens(sides.target_span.slice(sides.target_text), sides.target_span.start, Lang::En)
        .into_iter()
        .filter_map(|(span, token)| match token {
            Token::Weekday(d)
                if !draft_dates
                    .iter()
                    .any(|date| date.span.start <= span.start && span.end <= date.span.end) =>
            {
                Some(d)
            }
            _ => None,
        })
        .collect();
    for source in &source_dates {
        // The best unused draft date: fewest contradictions, most agreements.
        let best = draft_dates
            .iter()
            .enumerate()
            .filter(|&(idx, _)| !used[idx])
            .flat_map(|(idx, draft)| {
                let swaps: &[bool] = if draft.ambiguous { &[false, true] } else { &[false] };
                swaps.iter().map(move |&swap| (idx, draft, fit(source, draft, swap)))
            })
            .filter(|&(_, _, (_, agreements, _))| agreements > 0)
            .min_by_key(|&(_, _, (conflicts, agreements, _))| (conflicts, std::cmp::Reverse(agreements)));
        // A date within the week given by its weekday alone (AP style)
        // beside another date of the same sentence: the weekday is its
        // counterpart, not the other date.
        let by_weekday = |conflicts: u8| conflicts > 0 && source.weekday.is_some_and(|d| bare_weekdays.contains(&d));
        match best {
            Some((_, _, (conflicts, _, _))) if by_weekday(conflicts) => judge_loose(sides, source, target_numbers, current_year, out),
            Some((idx, draft, (_, _, conflict))) => {
                used[idx] = true;
                judge_match(sides, source, draft, conflict, current_year, out);
            }
            None => judge_loose(sides, source, target_numbers, current_year, out),
        }
    }
    // The numbers of the draft dates that stand for source dates belong to
    // them; a draft date that answers none keeps its numbers for the
    // number rules.
    let used_dates = super::number_index::Containment::new(draft_dates.iter().zip(&used).filter(|(_, used)| **used).map(|(d, _)| d.span));
    for slot in target_numbers.iter_mut() {
        let in_used_date = |n: &NumberMention| used_dates.contains(n.span);
        if slot.as_ref().is_some_and(in_used_date) {
            *slot = None;
        }
    }
    source_dates.iter().map(|d| d.span).collect()
}

fn quote(text: &str, span: Span) -> &str {
    span.slice(text)
}

/// The English a reviser would expect for a source date.
fn expected_english(date: &DateMention) -> String {
    let mut out = String::new();
    if let Some(weekday) = date.weekday {
        out.push_str(WEEKDAYS[usize::from(weekday - 1)]);
        out.push_str(", ");
    }
    if let Some(month) = date.month {
        out.push_str(MONTHS[usize::from(month - 1)]);
    }
    if let Some(day) = date.day {
        out.push_str(&format!(" {day}"));
        if let Some(day_end) = date.day_end {
            out.push_str(&format!("-{day_end}"));
        }
        if date.year.is_some() {
            out.push(',');
        }
    }
    if let Some(year) = date.year {
        out.push_str(&format!(" {year}"));
    }
    out.trim().to_string()
}

fn judge_match(
    sides: &BeadSides<'_>,
    source: &DateMention,
    draft: &DateMention,
    conflict: Option<Part>,
    current_year: Option<i32>,
    out: &mut Vec<Finding>,
) {
    let source_quote = quote(sides.source_text, source.core);
    let draft_quote = quote(sides.target_text, draft.span);
    let located = |rule: super::RuleInfo, message: String| {
        finding(rule, message)
            .with_source(sides.source_idx, sides.source_unit, source.span)
            .with_target(sides.target_idx, sides.target_unit, draft.span)
            .with_expected(expected_english(source))
    };
    match conflict {
        Some(Part::Month) | Some(Part::Weekday) => out.push(located(
            CALENDAR_CHANGED,
            format!("the date {source_quote} became {draft_quote} in the draft"),
        )),
        Some(Part::Day) | Some(Part::Year) => out.push(located(
            NUMBER_CHANGED,
            format!("the date {source_quote} became {draft_quote} in the draft"),
        )),
        None if source.day.is_some() && draft.day.is_none() => out.push(located(
            NUMBER_MISSING,
            format!("the day of the date {source_quote} is not in the draft ({draft_quote})"),
        )),
        None => {
            if let (Some(year), None) = (source.year, draft.year) {
                out.push(year_left_out(sides, source, Some(draft.span), year, current_year));
            }
        }
    }
}

/// A year left out of an otherwise rendered date.
fn year_left_out(sides: &BeadSides<'_>, source: &DateMention, draft: Option<Span>, year: i32, current_year: Option<i32>) -> Finding {
    let source_quote = quote(sides.source_text, source.core);
    let found = if current_year == Some(year) {
        finding(
            CALENDAR_SHORTENED,
            format!("the draft leaves out the year of {source_quote}; fine, it is the article's own year"),
        )
    } else {
        finding(
            NUMBER_MISSING,
            format!("the year {year} of the date {source_quote} is not in the draft"),
        )
    };
    found
        .with_source(sides.source_idx, sides.source_unit, source.span)
        .with_target(sides.target_idx, sides.target_unit, draft.unwrap_or(sides.target_span))
        .with_expected(expected_english(source))
}

/// No draft date the parser reads fits: look for the parts one by one.
fn judge_loose(
    sides: &BeadSides<'_>,
    source: &DateMention,
    target_numbers: &mut [Option<NumberMention>],
    current_year: Option<i32>,
    out: &mut Vec<Finding>,
) {
    let draft = sides.target_span.slice(sides.target_text);
    let mut take_number = |value: u32| -> Option<Span> {
        let slot = target_numbers
            .iter_mut()
            .find(|slot| slot.is_some_and(|n| n.kind == NumberKind::Integer && n.value == f64::from(value)))?;
        slot.take().map(|n| n.span)
    };
    let day_found = source.day.and_then(|day| take_number(u32::from(day)));
    let year_found = source.year.and_then(|year| take_number(year as u32));
    let names: Vec<(Span, CalendarWord)> = tokens(draft, sides.target_span.start, Lang::En)
        .into_iter()
        .filter_map(|(span, token)| match token {
            Token::Month(m) => Some((span, CalendarWord::Month(m))),
            Token::Weekday(d) => Some((span, CalendarWord::Weekday(d))),
            _ => None,
        })
        .collect();
    let month_found = source
        .month
        .and_then(|m| names.iter().find(|(_, w)| *w == CalendarWord::Month(m)).map(|(span, _)| *span));
    // The weekday the source names, or the one the date falls on (a draft
    // may give "on Thursday" for "pada 28 November" in that week).
    let weekday = source.weekday.or_else(|| {
        let year = source.year.or(current_year)?;
        Some(weekday_of(year, source.month?, source.day?))
    });
    let weekday_found = weekday.and_then(|d| names.iter().find(|(_, w)| *w == CalendarWord::Weekday(d)).map(|(span, _)| *span));
    let source_quote = quote(sides.source_text, source.core);
    // The source's own weekday in the draft without the day: the date is
    // given the AP way within the week, whatever else the sentence dates.
    let shortened_to_weekday = source.weekday.is_some() && weekday_found.is_some() && day_found.is_none();
    if !shortened_to_weekday && (day_found.is_some() || month_found.is_some() || year_found.is_some()) {
        // The date is there in a form the parser does not read (`the end
        // of 2023` for `akhir Desember 2023`, `July 16th of that year`).
        // A day that is not there is lost; a year only when it is not the
        // article's own.
        if let Some(day) = source.day
            && day_found.is_none()
            && month_found.is_some()
        {
            out.push(
                finding(
                    NUMBER_MISSING,
                    format!("the day {day} of the date {source_quote} is not in the draft"),
                )
                .with_source(sides.source_idx, sides.source_unit, source.span)
                .with_target(sides.target_idx, sides.target_unit, month_found.unwrap_or(sides.target_span))
                .with_expected(expected_english(source)),
            );
        } else if let Some(year) = source.year
            && year_found.is_none()
        {
            let at = month_found.or(day_found);
            out.push(year_left_out(sides, source, at, year, current_year));
        }
        return;
    }
    if let Some(weekday_span) = weekday_found {
        let weekday = WEEKDAYS[usize::from(weekday.unwrap_or(1) - 1)];
        out.push(
            finding(
                CALENDAR_SHORTENED,
                format!("the draft gives the date {source_quote} only as {weekday}"),
            )
            .with_source(sides.source_idx, sides.source_unit, source.span)
            .with_target(sides.target_idx, sides.target_unit, weekday_span)
            .with_expected(expected_english(source)),
        );
        return;
    }
    // The article's own date, given again in the body (`kata …, Kamis
    // (13/3/2025)`): news English leaves it out, the dateline has it.
    let articles_own = sides
        .article_day
        .is_some_and(|(month, day)| source.month == Some(month) && source.day == Some(day))
        && source.day_end.is_none()
        && source.year.is_none_or(|year| current_year == Some(year));
    if articles_own {
        out.push(
            finding(
                CALENDAR_SHORTENED,
                format!("the draft leaves out the date {source_quote}; fine, it is the article's own date, in its dateline"),
            )
            .with_source(sides.source_idx, sides.source_unit, source.span)
            .with_target(sides.target_idx, sides.target_unit, sides.target_span)
            .with_expected(expected_english(source)),
        );
        return;
    }
    out.push(
        finding(NUMBER_MISSING, format!("the date {source_quote} is not in the draft"))
            .with_source(sides.source_idx, sides.source_unit, source.span)
            .with_target(sides.target_idx, sides.target_unit, sides.target_span)
            .with_expected(expected_english(source)),
    );
}

/// The weekday (1 = Monday … 7 = Sunday) of a date of the Gregorian
/// calendar (Sakamoto's method).
fn weekday_of(year: i32, month: u8, day: u8) -> u8 {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let year = if month < 3 { year - 1 } else { year };
    let sunday_first =
        (year + year / 4 - year / 100 + year / 400 + OFFSETS[usize::from(month.clamp(1, 12) - 1)] + i32::from(day)).rem_euclid(7);
    // Sakamoto counts from Sunday = 0.
    if sunday_first == 0 { 7 } else { sunday_first as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_dates() {
        assert_eq!(weekday_of(2024, 11, 25), 1); // Monday
        assert_eq!(weekday_of(2024, 11, 28), 4); // Thursday
        assert_eq!(weekday_of(2024, 11, 2), 6); // Saturday
        assert_eq!(weekday_of(2000, 1, 1), 6);
    }

    /// Day, month, year, weekday and the text of each date.
    type Parts = (Option<u8>, Option<u8>, Option<i32>, Option<u8>, String);

    fn dates(text: &str, lang: Lang) -> Vec<Parts> {
        extract(text, 0, lang)
            .into_iter()
            .map(|d| (d.day, d.month, d.year, d.weekday, d.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn indonesian_forms() {
        assert_eq!(
            dates("Jakarta, Senin (25/11/2024) - hujan", Lang::Id),
            vec![(Some(25), Some(11), Some(2024), Some(1), "Senin (25/11/2024)".into())]
        );
        assert_eq!(
            dates("pada 25 November 2024 dan 14-15 April", Lang::Id),
            vec![
                (Some(25), Some(11), Some(2024), None, "25 November 2024".into()),
                (Some(14), Some(4), None, None, "14-15 April".into())
            ]
        );
        assert_eq!(
            dates("Sabtu, 02 November 2024 - 14:23 WIB", Lang::Id),
            vec![(Some(2), Some(11), Some(2024), Some(6), "Sabtu, 02 November 2024".into())]
        );
        assert_eq!(
            dates("sejak November 2024", Lang::Id),
            vec![(None, Some(11), Some(2024), None, "November 2024".into())]
        );
        // Not dates: a ratio, a range of years, a number.
        assert!(dates("skor 2/1 dan tahun 1924 - 1928, 2.5 juta", Lang::Id).is_empty());
    }

    #[test]
    fn issue_11_ranges_written_with_a_word() {
        type Range = (Option<u8>, Option<u8>, Option<u8>, String);
        let ranges = |text: &str, lang: Lang| -> Vec<Range> {
            extract(text, 0, lang)
                .into_iter()
                .map(|d| (d.day, d.day_end, d.month, d.core.slice(text).to_string()))
                .collect()
        };
        assert_eq!(
            ranges("festival tanggal 24 sampai 27 Oktober di Wigtown", Lang::Id),
            vec![(Some(24), Some(27), Some(10), "24 sampai 27 Oktober".into())]
        );
        assert_eq!(
            ranges("libur 30 hingga 2 Desember", Lang::Id),
            vec![(Some(30), Some(2), Some(12), "30 hingga 2 Desember".into())]
        );
        assert_eq!(
            ranges("from Oct. 24 to 27 and 24 through 27 October", Lang::En),
            vec![
                (Some(24), Some(27), Some(10), "Oct. 24 to 27".into()),
                (Some(24), Some(27), Some(10), "24 through 27 October".into())
            ]
        );
        // The second day with its weekday, as British papers write a week.
        assert_eq!(
            ranges("over the coming week, from Monday 22 to Sunday 28 December, which", Lang::En),
            vec![(Some(22), Some(28), Some(12), "22 to Sunday 28 December".into())]
        );
        // Not a range: a count after the date, a word that is no connector.
        assert_eq!(ranges("on Oct. 24 to 5 people", Lang::En).len(), 1);
        assert_eq!(ranges("on Oct. 24 to 5 people", Lang::En)[0].1, None);
    }

    #[test]
    fn english_forms() {
        assert_eq!(
            dates("on Monday, Nov. 25, 2024, officials", Lang::En),
            vec![(Some(25), Some(11), Some(2024), Some(1), "Monday, Nov. 25, 2024".into())]
        );
        assert_eq!(
            dates("on 25 November and on the 3rd of December", Lang::En),
            vec![
                (Some(25), Some(11), None, None, "25 November".into()),
                (Some(3), Some(12), None, None, "3rd of December".into())
            ]
        );
        assert_eq!(
            dates("Sept. 11", Lang::En),
            vec![(Some(11), Some(9), None, None, "Sept. 11".into())]
        );
        assert_eq!(dates("on 11/25/2024", Lang::En)[0].0, Some(25));
        assert!(extract("on 11/12/2024", 0, Lang::En)[0].ambiguous);
        // May the verb is not a month.
        assert!(dates("it may 5 times", Lang::En).is_empty());
    }
}
