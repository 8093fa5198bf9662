//! Output of `selaras glossary apply`: JSON Lines (the contract), a text view
//! per unit, the pre-translation skeleton and per-term counts.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::glossary::apply::{self, Occurrence};
use crate::glossary::matcher::Matcher;
use crate::segment::{Segmentation, UnitId};
use crate::text::LineCursor;

/// One line of `glossary apply --format jsonl`. Field names are a contract.
#[derive(Serialize)]
struct OccurrenceLine<'a> {
    unit: UnitId,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    source: &'a str,
    targets: Vec<&'a str>,
}

/// Writes one JSON object per term occurrence, in text order.
pub fn write_jsonl(out: &mut (impl Write + ?Sized), text: &str, matcher: &Matcher, occurrences: &[Occurrence]) -> io::Result<()> {
    let mut cursor = LineCursor::new(text);
    for occurrence in occurrences {
        let entry = &matcher.glossary().entries[occurrence.hit.entry];
        let position = cursor.advance_to(occurrence.hit.span.start);
        let line = OccurrenceLine {
            unit: occurrence.unit,
            start: occurrence.hit.span.start,
            end: occurrence.hit.span.end,
            line: position.line,
            column: position.column,
            source: &entry.sources[occurrence.hit.source],
            targets: entry.targets().collect(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes every unit that holds terms: its id and text with the terms
/// highlighted (when `color`), then one line per term with the English it
/// requires, the admitted alternatives and the forbidden ones.
pub fn write_text(
    out: &mut (impl Write + ?Sized),
    text: &str,
    segmentation: &Segmentation,
    matcher: &Matcher,
    occurrences: &[Occurrence],
    color: bool,
) -> io::Result<()> {
    let term_style = if color {
        Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold()
    } else {
        Style::new()
    };
    let target_style = if color {
        Style::new().fg_color(Some(AnsiColor::Green.into()))
    } else {
        Style::new()
    };
    let forbidden_style = if color {
        Style::new().fg_color(Some(AnsiColor::Red.into()))
    } else {
        Style::new()
    };
    let id_style = if color { Style::new().dimmed() } else { Style::new() };
    let mut rest = occurrences;
    while let Some(first) = rest.first() {
        let n_in_unit = rest.iter().take_while(|o| o.unit_idx == first.unit_idx).count();
        let (in_unit, after) = rest.split_at(n_in_unit);
        rest = after;
        let unit = &segmentation.units[first.unit_idx];
        write!(out, "{id_style}{:<9}{id_style:#} ", unit.id.to_string())?;
        let mut copied_until = unit.span.start;
        for occurrence in in_unit {
            let span = occurrence.hit.span;
            write!(
                out,
                "{}{term_style}{}{term_style:#}",
                flat(&text[copied_until..span.start]),
                flat(span.slice(text))
            )?;
            copied_until = span.end;
        }
        writeln!(out, "{}", flat(&text[copied_until..unit.span.end]))?;
        for occurrence in in_unit {
            let entry = &matcher.glossary().entries[occurrence.hit.entry];
            let source = &entry.sources[occurrence.hit.source];
            write!(out, "          {term_style}{}{term_style:#} → ", flat(source))?;
            match &entry.preferred {
                Some(preferred) => write!(out, "{target_style}{}{target_style:#}", flat(preferred))?,
                None => write!(out, "(no preferred English)")?,
            }
            if !entry.admitted.is_empty() {
                write!(out, " (also: {})", flat(&entry.admitted.join(", ")))?;
            }
            if !entry.forbidden.is_empty() {
                write!(
                    out,
                    " {forbidden_style}not: {}{forbidden_style:#}",
                    flat(&entry.forbidden.join(", "))
                )?;
            }
            if let Some(note) = &entry.note {
                write!(out, " — {}", flat(note))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Line breaks inside a unit shown as spaces, so each unit stays on one
/// line, and whatever a terminal would act on (escape sequences, bidi
/// overrides, from the text or from a glossary) shown as visible stand-ins.
fn flat(text: &str) -> std::borrow::Cow<'_, str> {
    super::wrap::one_line(text)
}

/// Writes the pre-translation skeleton (see [`apply::skeleton`]) and
/// returns what it left out.
pub fn write_skeleton(
    out: &mut (impl Write + ?Sized),
    text: &str,
    segmentation: &Segmentation,
    matcher: &Matcher,
    occurrences: &[Occurrence],
    options: apply::SkeletonOptions,
) -> io::Result<apply::Skeleton> {
    let mut skeleton = apply::skeleton(matcher, text, segmentation, occurrences, options);
    out.write_all(skeleton.text.as_bytes())?;
    skeleton.text = String::new();
    Ok(skeleton)
}

/// Writes `term<TAB>occurrences`, most frequent first, ties by term (the
/// order of [`apply::counts`] and [`apply::TermCounter::finish`]).
pub fn write_counts(out: &mut (impl Write + ?Sized), counts: &[(&str, usize)]) -> io::Result<()> {
    for (term, n) in counts {
        writeln!(out, "{term}\t{n}")?;
    }
    Ok(())
}
