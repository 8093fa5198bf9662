//! The terminal diff view: source and draft side by side, one block per
//! aligned bead, findings under their bead, and a summary at the end.
//!
//! Layout decisions:
//!
//! * At `TWO_COLUMN_MIN_WIDTH` columns or more the source and the draft are
//!   two columns split by ` │ `; below that, one column with the source units
//!   (`ID`) above the draft units (`EN`), since two columns of 40 characters
//!   wrap news sentences into unreadable stubs. Text wraps; it is never cut.
//! * Every unit starts with its id (`p3.s1`) so the translator can find it.
//! * Glossary terms get one colour per occurrence, the same in the source
//!   and in the English that answers it; a missing English term is shown as
//!   `[missing: North Korea]` at the end of the draft text. Without colour,
//!   only the markers show (terms are listed by the glossary findings).
//! * With an earlier draft, the draft column shows the word diff: deletions
//!   red and struck through, insertions green and underlined, and without
//!   colour `[-old-]{+new+}` (git's `--word-diff=plain` notation). Runs of
//!   unchanged beads without findings are folded into one `···` line.
//! * The summary goes last, where a terminal leaves the eye.

use std::io::{self, Write};

use anstyle::{AnsiColor, Color, Style};

use super::cells::{self, Change, Piece, UnitCell};
use super::wrap::{Frag, Line, wrap};
use crate::diff::view::{DiffView, Row, RowKind};
use crate::diff::words::Revision;
use crate::finding::{Finding, Severity};
use crate::text::Side;

/// Below this many columns the view uses one column.
pub const TWO_COLUMN_MIN_WIDTH: usize = 100;

const DIVIDER: &str = " │ ";

/// Term colours, chosen to stay apart from the red and green of the
/// revision diff and the red of errors.
const TERM_COLOURS: [AnsiColor; 6] = [
    AnsiColor::Cyan,
    AnsiColor::Magenta,
    AnsiColor::Yellow,
    AnsiColor::Blue,
    AnsiColor::BrightCyan,
    AnsiColor::BrightMagenta,
];

/// How to draw the view.
#[derive(Debug, Clone, Copy)]
pub struct SideBySideOptions {
    /// Total width in terminal columns.
    pub width: usize,
    /// Whether to write ANSI colour codes (the CLI asks anstream).
    pub color: bool,
    /// Fold runs of unchanged beads without findings (with an earlier draft).
    pub collapse_unchanged: bool,
    /// Fold each block of repeated, boilerplate or not-yet-translated rows
    /// into one line (`DiffView::blocks`).
    pub fold_blocks: bool,
}

impl SideBySideOptions {
    pub fn new(width: usize, color: bool) -> Self {
        SideBySideOptions {
            width,
            color,
            collapse_unchanged: true,
            fold_blocks: true,
        }
    }
}

/// The narrowest view drawn: below it not even one word of a cell fits.
pub const MIN_WIDTH: usize = 20;
/// The widest view drawn. No terminal is wider, and lines padded to a
/// width of millions would only fill memory (`--width` is checked against
/// both bounds; here they are a guard for library callers).
pub const MAX_WIDTH: usize = 1000;

/// Writes the whole view.
pub fn write_side_by_side(out: &mut (impl Write + ?Sized), view: &DiffView, options: &SideBySideOptions) -> io::Result<()> {
    let painter = Painter { color: options.color };
    let revision = Revision::of(view);
    let width = options.width.clamp(MIN_WIDTH, MAX_WIDTH);

    let mut title = vec![
        Frag::new("selaras diff  ", Style::new().bold()),
        Frag::new(format!("{} → {}", view.source_path, view.target_path), Style::new()),
    ];
    if let Some(previous) = &view.previous_path {
        title.push(Frag::new(format!("  (earlier draft: {previous})"), Style::new()));
    }
    painter.lines(out, &wrap(&title, width))?;
    if !view.findings_without_row.is_empty() {
        painter.rule(out, "document", width)?;
        for finding in &view.findings_without_row {
            painter.finding(out, finding, width)?;
        }
    }

    let mut row_idx = 0;
    while row_idx < view.rows.len() {
        if options.fold_blocks
            && let Some(block) = view.block_at(row_idx)
        {
            let beads = match block.rows.len() {
                1 => format!("bead {}", block.rows.start + 1),
                _ => format!("beads {}–{}", block.rows.start + 1, block.rows.end),
            };
            painter.rule(out, &format!("{} · {beads}", block.label), width)?;
            for finding in view.rows[block.rows.clone()].iter().flat_map(|row| &row.findings) {
                painter.finding(out, finding, width)?;
            }
            row_idx = block.rows.end;
            continue;
        }
        let foldable = |idx: usize| {
            options.collapse_unchanged
                && view.rows[idx].previous.is_some()
                && !revision.row_changed(idx)
                && view.rows[idx].findings.is_empty()
        };
        if foldable(row_idx) {
            let first = row_idx;
            while row_idx < view.rows.len() && foldable(row_idx) {
                row_idx += 1;
            }
            let label = match row_idx - first {
                1 => format!("··· 1 unchanged bead ({}) ···", first + 1),
                n => format!("··· {n} unchanged beads ({}–{}) ···", first + 1, row_idx),
            };
            painter.lines(out, &wrap(&[Frag::new(label, Style::new().dimmed())], width))?;
            continue;
        }
        let row = &view.rows[row_idx];
        let diff = revision.rows.get(row_idx).and_then(Option::as_ref);
        write_row(out, &painter, row, cells::source_cell(row), cells::target_cell(row, diff), width)?;
        row_idx += 1;
    }

    painter.rule(out, "summary", width)?;
    let summary = &view.summary;
    let counts = format!(
        "{}, {} with findings; {}, {}, {}; {}, {} missing in the draft",
        plural(summary.rows, "bead"),
        summary.rows_with_findings,
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info"),
        plural(summary.source_terms, "glossary term"),
        summary.missing_terms
    );
    painter.lines(out, &wrap(&[Frag::new(counts, Style::new())], width))?;
    if !revision.is_empty() {
        let line = format!(
            "revision: {} of {} beads changed; edit rate {:.1}% ({} word edits / {} words of the earlier draft)",
            revision.rows_changed,
            revision.rows_compared,
            revision.edit_rate() * 100.0,
            revision.edits,
            revision.old_words
        );
        painter.lines(out, &wrap(&[Frag::new(line, Style::new())], width))?;
    }
    Ok(())
}

fn write_row(
    out: &mut (impl Write + ?Sized),
    painter: &Painter,
    row: &Row,
    source: Vec<UnitCell>,
    target: Vec<UnitCell>,
    width: usize,
) -> io::Result<()> {
    let shape = format!("{}-{}", row.source.len(), row.target.len());
    painter.rule(
        out,
        &format!("bead {} · {shape} · score {:.2}", row.bead + 1, row.confidence),
        width,
    )?;
    if width >= TWO_COLUMN_MIN_WIDTH {
        // The divider is three columns wide (its bar is one column, three bytes).
        let left_width = (width - 3) / 2;
        let right_width = width - 3 - left_width;
        let left = cell_lines(painter, &source, left_width, "(no source unit)");
        let right = cell_lines(painter, &target, right_width, &no_draft_label(row));
        for line_idx in 0..left.len().max(right.len()) {
            let left_line = left.get(line_idx).cloned().unwrap_or_default();
            let padding = left_width.saturating_sub(left_line.width);
            painter.line_start(out, &left_line)?;
            match right.get(line_idx) {
                Some(right_line) => {
                    write!(out, "{:padding$}{DIVIDER}", "")?;
                    painter.line(out, right_line)?;
                }
                // No trailing spaces when the draft column has run out.
                None => writeln!(out, "{:padding$}{}", "", DIVIDER.trim_end())?,
            }
        }
    } else {
        let no_draft = no_draft_label(row);
        for (label, cell, empty) in [("ID ", &source, "(no source unit)"), ("EN ", &target, no_draft.as_str())] {
            for (line_idx, line) in cell_lines(painter, cell, width - label.len(), empty).iter().enumerate() {
                let prefix = if line_idx == 0 { label } else { "   " };
                painter.write_styled(out, prefix, Style::new().dimmed())?;
                painter.line(out, line)?;
            }
        }
    }
    for finding in &row.findings {
        painter.finding(out, finding, width)?;
    }
    Ok(())
}

/// What an empty draft cell says: why there is no draft text.
fn no_draft_label(row: &Row) -> String {
    match (row.kind, &row.repeat_of) {
        (RowKind::Repeat, Some(original)) => format!("(repeats {original}: no translation needed)"),
        (RowKind::Repeat, None) => "(a repeat: no translation needed)".to_string(),
        (RowKind::Boilerplate, _) => "(boilerplate: no translation needed)".to_string(),
        (RowKind::Pending, _) => "(not translated yet)".to_string(),
        (RowKind::Pair, _) => "(no draft unit)".to_string(),
    }
}

/// The lines of one cell: each unit starts on a new line with its id, and
/// wraps with a hanging indent the width of the longest id.
fn cell_lines(painter: &Painter, cell: &[UnitCell], width: usize, empty: &str) -> Vec<Line> {
    if cell.is_empty() {
        return wrap(&[Frag::new(empty, Style::new().dimmed().italic())], width);
    }
    let id_width = cell.iter().map(|unit| unit.id.chars().count()).max().unwrap_or(0) + 1;
    let text_width = width.saturating_sub(id_width).max(10);
    let mut lines = Vec::new();
    for unit in cell {
        let frags = painter.pieces(&unit.pieces);
        for (line_idx, mut line) in wrap(&frags, text_width).into_iter().enumerate() {
            let id = if line_idx == 0 { unit.id } else { "" };
            line.frags.insert(0, Frag::new(format!("{id:id_width$}"), Style::new().dimmed()));
            line.width += id_width;
            lines.push(line);
        }
    }
    lines
}

/// Turns pieces and findings into styled text; with `color` off, styles are
/// dropped at write time and revision changes get bracket markers instead.
struct Painter {
    color: bool,
}

impl Painter {
    /// The fragments of one unit's pieces. Without colour, a run of
    /// inserted or deleted pieces (split only because a term starts inside
    /// it) gets one pair of markers, `{+Ukrainian border+}`.
    fn pieces(&self, pieces: &[Piece]) -> Vec<Frag> {
        let state_of = |piece: Option<&Piece>| match piece {
            Some(Piece::Text { change, flag, .. }) => Some((*change, flag.is_some())),
            _ => None,
        };
        let mut frags = Vec::new();
        for (piece_idx, piece) in pieces.iter().enumerate() {
            let (text, change, term, flag) = match piece {
                Piece::Missing { mark } => {
                    frags.push(Frag::new(" ", Style::new()));
                    // No-break spaces keep each marker on one line.
                    let label = cells::missing_label(mark).replace(' ', "\u{A0}");
                    frags.push(Frag::new(label, Style::new().bold().fg_color(Some(red()))));
                    continue;
                }
                Piece::Text { text, change, term, flag } => (*text, *change, *term, *flag),
            };
            let mut style = match term {
                Some(mark) => Style::new()
                    .bold()
                    .fg_color(Some(Color::Ansi(TERM_COLOURS[mark.colour_index % TERM_COLOURS.len()]))),
                None => Style::new(),
            };
            // The words a finding is about: underlined in its severity's
            // colour (a term keeps its own colour, the underline marks it).
            if let Some(severity) = flag {
                style = style.bold().underline();
                if term.is_none() {
                    style = style.fg_color(Some(severity_colour(severity)));
                }
            }
            let (open, close) = match change {
                Change::Same => ("", ""),
                Change::Inserted => {
                    style = style.underline();
                    if term.is_none() && flag.is_none() {
                        style = style.fg_color(Some(Color::Ansi(AnsiColor::Green)));
                    }
                    ("{+", "+}")
                }
                Change::Deleted => {
                    style = Style::new().strikethrough().fg_color(Some(red()));
                    ("[-", "-]")
                }
            };
            let previous = state_of(piece_idx.checked_sub(1).and_then(|idx| pieces.get(idx)));
            let next = state_of(pieces.get(piece_idx + 1));
            let change_opens = previous.map(|(c, _)| c) != Some(change);
            let change_closes = next.map(|(c, _)| c) != Some(change);
            // Without colour, changes get git's word-diff markers and
            // flagged words `[!…!]`, one pair per run; a flag run is closed
            // and opened again where a change starts or ends inside it.
            let plain = !self.color;
            let flagged = flag.is_some();
            if plain && change != Change::Same && change_opens {
                frags.push(Frag::new(open, style));
            }
            if plain && flagged && (change_opens || previous.map(|(_, f)| f) != Some(true)) {
                frags.push(Frag::new("[!", style));
            }
            frags.push(Frag::new(text, style));
            if plain && flagged && (change_closes || next.map(|(_, f)| f) != Some(true)) {
                frags.push(Frag::new("!]", style));
            }
            if plain && change != Change::Same && change_closes {
                frags.push(Frag::new(close, style));
            }
        }
        frags
    }

    fn finding(&self, out: &mut (impl Write + ?Sized), finding: &Finding, width: usize) -> io::Result<()> {
        let severity_style = match finding.severity {
            Severity::Info => Style::new(),
            _ => Style::new().bold(),
        }
        .fg_color(Some(severity_colour(finding.severity)));
        let mut frags = vec![
            Frag::new(format!("{:<7}", finding.severity.as_str()), severity_style),
            Frag::new(format!(" {} ", finding.rule), Style::new().bold()),
        ];
        if let Some(location) = finding.primary() {
            // Source and draft ids count separately: say which side.
            frags.push(Frag::new(
                format!("{} {}: ", side_name(location.side), location.unit_id),
                Style::new().dimmed(),
            ));
        }
        frags.push(Frag::new(finding.message.as_str(), Style::new()));
        if !finding.expected.is_empty() {
            let expected = cells::alternatives(&finding.expected, |item| format!("“{item}”"));
            frags.push(Frag::new(format!(" (expected: {expected})"), Style::new().italic()));
        }
        for (line_idx, line) in wrap(&frags, width.saturating_sub(4)).iter().enumerate() {
            write!(out, "{}", if line_idx == 0 { "  ▸ " } else { "    " })?;
            self.line(out, line)?;
        }
        Ok(())
    }

    /// A horizontal rule with a label: `── bead 3 · 1-1 · score 0.92 ─────`.
    fn rule(&self, out: &mut (impl Write + ?Sized), label: &str, width: usize) -> io::Result<()> {
        let used = super::wrap::text_width(label) + 4;
        let text = format!("── {label} {}", "─".repeat(width.saturating_sub(used)));
        self.write_styled(out, &text, Style::new().dimmed())?;
        writeln!(out)
    }

    fn lines(&self, out: &mut (impl Write + ?Sized), lines: &[Line]) -> io::Result<()> {
        lines.iter().try_for_each(|line| self.line(out, line))
    }

    fn line(&self, out: &mut (impl Write + ?Sized), line: &Line) -> io::Result<()> {
        self.line_start(out, line)?;
        writeln!(out)
    }

    fn line_start(&self, out: &mut (impl Write + ?Sized), line: &Line) -> io::Result<()> {
        line.frags
            .iter()
            .try_for_each(|frag| self.write_styled(out, &frag.text, frag.style))
    }

    fn write_styled(&self, out: &mut (impl Write + ?Sized), text: &str, style: Style) -> io::Result<()> {
        if self.color && style != Style::new() {
            write!(out, "{}{text}{}", style.render(), style.render_reset())
        } else {
            out.write_all(text.as_bytes())
        }
    }
}

/// `1 error`, `2 errors`.
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn red() -> Color {
    Color::Ansi(AnsiColor::Red)
}

fn severity_colour(severity: Severity) -> Color {
    match severity {
        Severity::Error => red(),
        Severity::Warning => Color::Ansi(AnsiColor::Yellow),
        Severity::Info => Color::Ansi(AnsiColor::Blue),
    }
}

/// `source` or `draft`: the side a unit id belongs to.
pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Source => "source",
        Side::Target => "draft",
    }
}
