//! `check --format human`: findings in the style of rustc diagnostics.
//!
//! ```text
//! error[calendar.changed]: Jumat is Friday, but the draft says Thursday
//!   --> draft.en.txt:5:20 (p5.s1)
//!    |
//!    | source p5.s1  Dalam pertemuannya pada Jumat dengan …
//!    |                                     ^^^^^
//!    | draft  p5.s1  In their meeting on Thursday with …
//!    |                                  ^^^^^^^^
//!    = expected: Friday
//! ```
//!
//! Colour is applied when `color` is true (the CLI decides from the
//! terminal, `--color` and `NO_COLOR`); long units are shortened around the
//! marked span, and a marked span longer than any news sentence (over 1,200
//! characters) shows its first and last 400 with ` … ` between them, so
//! that what one finding prints is bounded whatever the size of the unit.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::report::{FileResult, Report, Summary};
use super::wrap::one_line;
use crate::finding::{Finding, Location, Severity};

/// Characters of context shown on each side of a marked span.
const CONTEXT_CHARS: usize = 50;
/// A marked span of more than three times this many characters shows only
/// its first and last this many (news sentences are shorter: the sample's
/// longest, 600 characters, is shown whole).
const MARK_KEPT_CHARS: usize = 400;

struct Styles {
    error: Style,
    warning: Style,
    info: Style,
    gutter: Style,
    bold: Style,
}

impl Styles {
    fn new(color: bool) -> Styles {
        if !color {
            let plain = Style::new();
            return Styles {
                error: plain,
                warning: plain,
                info: plain,
                gutter: plain,
                bold: plain,
            };
        }
        Styles {
            error: AnsiColor::Red.on_default().bold(),
            warning: AnsiColor::Yellow.on_default().bold(),
            info: AnsiColor::Cyan.on_default().bold(),
            gutter: AnsiColor::Blue.on_default().bold(),
            bold: Style::new().bold(),
        }
    }

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

pub fn write(out: &mut (impl Write + ?Sized), report: &Report, color: bool) -> io::Result<()> {
    let styles = Styles::new(color);
    for file in &report.files {
        for finding in &file.findings {
            write_finding(out, file, finding, &styles)?;
        }
    }
    write_summary(out, &report.summary(), report.files.len(), &styles)
}

fn write_finding(out: &mut (impl Write + ?Sized), file: &FileResult, finding: &Finding, styles: &Styles) -> io::Result<()> {
    let severity_style = styles.severity(finding.severity);
    let gutter = styles.gutter;
    let bold = styles.bold;
    writeln!(
        out,
        "{severity_style}{}[{}]{severity_style:#}{bold}: {}{bold:#}",
        finding.severity,
        finding.rule,
        one_line(&finding.message)
    )?;
    if let Some(location) = finding.primary() {
        let resolved = file.resolve(location);
        writeln!(
            out,
            "  {gutter}-->{gutter:#} {}:{}:{} ({})",
            one_line(resolved.path),
            resolved.line,
            resolved.column,
            one_line(resolved.unit)
        )?;
    }
    writeln!(out, "   {gutter}|{gutter:#}")?;
    for (label, location) in [("source", &finding.source), ("draft ", &finding.target)] {
        if let Some(location) = location {
            write_excerpt(out, file, label, location, severity_style, styles)?;
        }
    }
    if let Some(expected) = finding.expected_text() {
        writeln!(out, "   {gutter}={gutter:#} expected: {}", one_line(&expected))?;
    }
    writeln!(out)
}

/// Bytes looked at on each side of a span for its line's start and end:
/// enough for `CONTEXT_CHARS` characters of four bytes and a line break,
/// so that a finding on a line of many megabytes costs no more than one
/// on a short line.
const CONTEXT_BYTES: usize = (CONTEXT_CHARS + 1) * 4;

fn write_excerpt(
    out: &mut (impl Write + ?Sized),
    file: &FileResult,
    label: &str,
    location: &Location,
    mark_style: Style,
    styles: &Styles,
) -> io::Result<()> {
    let document = file.document(location.side);
    let text = &document.text;
    let span = location.span;
    // The line the span starts on, shortened to some context either side.
    let mut window_start = span.start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let line_start = text[window_start..span.start]
        .rfind('\n')
        .map_or(window_start, |i| window_start + i + 1);
    let cut_before = line_start == window_start && window_start > 0 && text.as_bytes()[window_start - 1] != b'\n';
    let mut window_end = span.end.saturating_add(CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end += 1;
    }
    let line_end = text[span.start..window_end].find('\n').map_or(window_end, |i| span.start + i);
    let cut_after = line_end == window_end && window_end < text.len() && text.as_bytes()[window_end] != b'\n';
    let mark_end = span.end.min(line_end);
    let before: Vec<char> = text[line_start..span.start].chars().collect();
    let skipped_before = before.len().saturating_sub(CONTEXT_CHARS);
    let before: String = before[skipped_before..].iter().collect();
    // A marked span longer than a long sentence (a whole unit of a long
    // line, an XLIFF source on one line) shows its start and its end:
    // thousands of findings on long units would otherwise print gigabytes.
    let marked_full = &text[span.start..mark_end];
    let marked_shortened;
    let head = marked_full.char_indices().nth(MARK_KEPT_CHARS);
    let tail = marked_full.char_indices().rev().nth(MARK_KEPT_CHARS - 1);
    let marked = match (head, tail) {
        (Some((head_end, _)), Some((tail_start, _)))
            if head_end < tail_start && marked_full[head_end..tail_start].chars().nth(MARK_KEPT_CHARS).is_some() =>
        {
            marked_shortened = format!("{} … {}", &marked_full[..head_end], &marked_full[tail_start..]);
            marked_shortened.as_str()
        }
        _ => marked_full,
    };
    let after: Vec<char> = text[mark_end..line_end].chars().collect();
    let after_shown: String = after.iter().take(CONTEXT_CHARS).collect();
    let prefix = if skipped_before > 0 || cut_before { "…" } else { "" };
    let suffix = if after.len() > CONTEXT_CHARS || cut_after { "…" } else { "" };
    let gutter = styles.gutter;
    let head = format!("{label} {:<6} ", one_line(&location.unit));
    // Text from the input goes to a terminal: escape sequences and bidi
    // overrides are drawn, not obeyed (one stand-in per character, so the
    // carets still line up).
    writeln!(
        out,
        "   {gutter}|{gutter:#} {head}{prefix}{}{mark_style}{}{mark_style:#}{}{suffix}",
        one_line(&before),
        one_line(marked),
        one_line(&after_shown)
    )?;
    if !marked.is_empty() && (span.start != line_start || mark_end != line_end || cut_before || cut_after) {
        let pad = head.chars().count() + prefix.chars().count() + before.chars().count();
        let carets = "^".repeat(marked.chars().count().max(1));
        writeln!(out, "   {gutter}|{gutter:#} {}{mark_style}{carets}{mark_style:#}", " ".repeat(pad))?;
    }
    Ok(())
}

fn write_summary(out: &mut (impl Write + ?Sized), summary: &Summary, n_files: usize, styles: &Styles) -> io::Result<()> {
    let pairs = if n_files == 1 { "pair" } else { "pairs" };
    if summary.highest().is_none() {
        return writeln!(out, "{}checked {n_files} {pairs}: no findings{:#}", styles.bold, styles.bold);
    }
    writeln!(
        out,
        "{}checked {n_files} {pairs}:{:#} {}{} errors{:#}, {}{} warnings{:#}, {}{} infos{:#}",
        styles.bold,
        styles.bold,
        styles.error,
        summary.errors,
        styles.error,
        styles.warning,
        summary.warnings,
        styles.warning,
        styles.info,
        summary.infos,
        styles.info
    )
}
