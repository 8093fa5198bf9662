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
//! Colour is applied when `color` is true (the CLI decides from `--color`,
//! and under `auto` through anstream: `NO_COLOR`, `CLICOLOR_FORCE`,
//! `CLICOLOR`, the terminal). What each excerpt line shows (context, XLIFF
//! text unescaped, long spans shortened so carets stay short) is decided
//! in `render::excerpt`.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::wrap::{one_line, text_width};
use crate::finding::{Finding, Location, Severity};
use crate::report::{FileResult, Report, SeverityCounts};

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
    write_accepting(out, report, color, None)
}

/// As [`write`]; with `fingerprints` (per file, per finding, as
/// `Baseline::filter_keeping` returns them) each finding ends with the line
/// that accepts it into the baseline in use: `= accept: --accept 1a2b…`.
pub fn write_accepting(
    out: &mut (impl Write + ?Sized),
    report: &Report,
    color: bool,
    fingerprints: Option<&[Vec<String>]>,
) -> io::Result<()> {
    let styles = Styles::new(color);
    for (file_idx, file) in report.files.iter().enumerate() {
        for (finding_idx, finding) in file.findings.iter().enumerate() {
            let print = fingerprints.and_then(|prints| prints.get(file_idx)?.get(finding_idx));
            write_finding(out, file, finding, print.map(String::as_str), &styles)?;
        }
    }
    write_summary(out, &report.summary(), report.files.len(), &styles)
}

fn write_finding(
    out: &mut (impl Write + ?Sized),
    file: &FileResult,
    finding: &Finding,
    fingerprint: Option<&str>,
    styles: &Styles,
) -> io::Result<()> {
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
    if let Some(print) = fingerprint {
        writeln!(out, "   {gutter}={gutter:#} accept: --accept {print}")?;
    }
    writeln!(out)
}

fn write_excerpt(
    out: &mut (impl Write + ?Sized),
    file: &FileResult,
    label: &str,
    location: &Location,
    mark_style: Style,
    styles: &Styles,
) -> io::Result<()> {
    let document = file.document(location.side);
    let mut shown = super::excerpt::excerpt(&document.text, location.span, document.markup);
    for part in [&mut shown.before, &mut shown.marked, &mut shown.after] {
        *part = one_line(part).into_owned();
    }
    let gutter = styles.gutter;
    let head = format!("{label} {:<6} ", one_line(&location.unit_id));
    // Text from the input goes to a terminal: escape sequences and bidi
    // overrides are drawn, not obeyed (one stand-in per character, so the
    // carets still line up).
    writeln!(
        out,
        "   {gutter}|{gutter:#} {head}{}{mark_style}{}{mark_style:#}{}",
        shown.before, shown.marked, shown.after
    )?;
    if shown.point {
        // Display widths, so that carets stand under wide characters too.
        let pad = text_width(&head) + text_width(&shown.before);
        let carets = "^".repeat(text_width(&shown.marked).max(1));
        writeln!(out, "   {gutter}|{gutter:#} {}{mark_style}{carets}{mark_style:#}", " ".repeat(pad))?;
    }
    Ok(())
}

fn write_summary(out: &mut (impl Write + ?Sized), summary: &SeverityCounts, n_files: usize, styles: &Styles) -> io::Result<()> {
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
