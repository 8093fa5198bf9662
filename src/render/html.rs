//! The diff view as one self-contained HTML page (`selaras diff --html`).
//!
//! One file, inline CSS (`page.css`) and JavaScript (`page.js`), no fonts,
//! images or requests of any kind, so it opens from `file://`, from a CI
//! artefact or from a mail attachment alike. What it holds:
//!
//! * a header with the file names and counts, then every finding as a list
//!   (`<li data-rule="…">`) linking to its row (`#bead-N`), its count
//!   following the filters;
//! * a filter bar (only rows with findings, minimum severity, rule family,
//!   only changed rows) and keyboard navigation between findings (`j`/`n`
//!   next, `k`/`p` previous), explained on the page;
//! * a table with one `<tr data-bead="N" id="bead-N">` per aligned bead (N
//!   is the 1-based bead number the row shows), columns bead (number, shape
//!   `1-1 units`, score) | source | draft | findings, unit ids on each unit,
//!   glossary terms in one colour per term for the whole page with their
//!   English in a `title`, the words each finding is about marked in its
//!   severity's colour (`<span class="flag flag-error">`), `missing: …`
//!   badges, and `<ins>`/`<del>` against an earlier draft;
//! * runs of repeated, boilerplate or not-yet-translated rows folded into
//!   one `<tr data-block="K" id="block-K">` line ("p18–p31 repeat p4–p17: no
//!   translation needed") that carries their findings; their bead rows stay
//!   in the table, `hidden`, and a button (shown by the script) unfolds them.
//!
//! Safety: source text is scraped from the web and drafts, paths, terms and
//! messages are not ours either, so every piece of text goes through
//! [`escape`] (`xml::escape`, the XML outputs' escape too), attributes
//! included; nothing else writes text into the page.
//! As a second line of defence the page carries a Content-Security-Policy
//! that allows only its own inline style and script (by SHA-256 hash):
//! an injected `<script>`, event handler, image or frame would be refused
//! even if escaping failed.

use std::collections::BTreeSet;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};

use super::cells::{self, Change, Piece, UnitCell};
use super::sha256::csp_hash;
use crate::diff::view::{Block, DiffView, Row, RowKind};
use crate::diff::words::Revision;
use crate::finding::Finding;
use crate::xml::escape;

const PAGE_CSS: &str = include_str!("page.css");
const PAGE_JS: &str = include_str!("page.js");

/// Number of term colours in `page.css` (`mark.c0` … `mark.c5`).
const TERM_COLOURS: usize = 6;

/// Writes the whole page.
pub fn write_html(out: &mut (impl Write + ?Sized), view: &DiffView) -> io::Result<()> {
    let revision = Revision::of(view);
    write_head(out, view)?;
    write_header(out, view, &revision)?;
    write_findings_list(out, view)?;
    write_controls(out, view, &revision)?;
    write_table(out, view, &revision)?;
    writeln!(out, "</main>\n<script>{PAGE_JS}</script>\n</body>\n</html>")
}

fn write_head(out: &mut (impl Write + ?Sized), view: &DiffView) -> io::Result<()> {
    // `default-src 'none'` also forbids fetch, images, fonts, frames and
    // form posts: the page makes no request of any kind.
    let policy = format!(
        "default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'",
        csp_hash(PAGE_CSS),
        csp_hash(PAGE_JS)
    );
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", escape(&policy))?;
    writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(
        out,
        "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"color-scheme\" content=\"light dark\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"selaras {}\">", env!("CARGO_PKG_VERSION"))?;
    writeln!(out, "<title>selaras diff: {}</title>", escape(&view.target_path))?;
    writeln!(out, "<style>{PAGE_CSS}</style>\n</head>\n<body>")
}

fn write_header(out: &mut (impl Write + ?Sized), view: &DiffView, revision: &Revision) -> io::Result<()> {
    writeln!(out, "<header>\n<h1>selaras diff</h1>\n<dl class=\"files\">")?;
    writeln!(out, "<dt>Source</dt><dd><code>{}</code></dd>", escape(&view.source_path))?;
    writeln!(out, "<dt>Draft</dt><dd><code>{}</code></dd>", escape(&view.target_path))?;
    if let Some(previous) = &view.previous_path {
        writeln!(out, "<dt>Earlier draft</dt><dd><code>{}</code></dd>", escape(previous))?;
    }
    writeln!(out, "</dl>\n<ul class=\"counts\" aria-label=\"Summary\">")?;
    let summary = &view.summary;
    let mut counts = vec![
        (summary.rows, "bead", "beads"),
        (summary.rows_with_findings, "with findings", "with findings"),
        (summary.errors, "error", "errors"),
        (summary.warnings, "warning", "warnings"),
        (summary.infos, "info", "infos"),
        (summary.source_terms, "glossary term", "glossary terms"),
        (summary.missing_terms, "missing in the draft", "missing in the draft"),
    ];
    if !revision.is_empty() {
        counts.push((revision.rows_changed, "bead changed", "beads changed"));
    }
    for (count, one, many) in counts {
        let label = if count == 1 { one } else { many };
        writeln!(out, "<li><span class=\"n\">{count}</span> {}</li>", escape(label))?;
    }
    if !revision.is_empty() {
        writeln!(
            out,
            "<li title=\"word edits / words of the earlier draft\"><span class=\"n\">{:.1}%</span> edit rate ({} / {})</li>",
            revision.edit_rate() * 100.0,
            revision.edits,
            revision.old_words
        )?;
    }
    writeln!(out, "</ul>")?;
    write!(
        out,
        "<p class=\"legend\">Legend: <mark class=\"term c0\">glossary term</mark> (hover for its English; one colour per term) · \
         <span class=\"flag flag-error\">words a finding is about</span> · \
         <span class=\"missing\">missing: English term</span> · \
         bead shape <code>2-1 units</code>: two source units translated by one draft unit"
    )?;
    if !revision.is_empty() {
        write!(out, " · <ins>inserted</ins> and <del>deleted</del> since the earlier draft")?;
    }
    writeln!(out, "</p>\n</header>\n<main>")
}

fn write_findings_list(out: &mut (impl Write + ?Sized), view: &DiffView) -> io::Result<()> {
    writeln!(out, "<section aria-labelledby=\"findings-heading\">")?;
    // The script rewrites the count as "2 of 13" when a filter hides some.
    writeln!(
        out,
        "<h2 id=\"findings-heading\">Findings (<span id=\"findings-count\">{}</span>)</h2>",
        view.summary.findings()
    )?;
    if view.summary.findings() == 0 {
        return writeln!(out, "<p class=\"empty\">No findings.</p>\n</section>");
    }
    writeln!(out, "<ol id=\"findings\">")?;
    for (row_idx, finding) in view.all_findings() {
        write!(out, "{}", FindingAttrs(finding))?;
        // A finding in a folded block links to the block's line, which
        // stands for its rows.
        let block = row_idx.and_then(|row_idx| view.blocks.iter().position(|block| block.rows.contains(&row_idx)));
        match (row_idx, block) {
            (Some(_), Some(block_idx)) => {
                let rows = &view.blocks[block_idx].rows;
                write!(out, "<a href=\"#block-{}\">", block_idx + 1)?;
                write_finding_body(out, finding, Place::Block(rows.start + 1, rows.end))?;
                write!(out, "</a>")?;
            }
            (Some(row_idx), None) => {
                let bead = view.rows[row_idx].bead + 1;
                write!(out, "<a href=\"#bead-{bead}\">")?;
                write_finding_body(out, finding, Place::List(bead))?;
                write!(out, "</a>")?;
            }
            _ => write_finding_body(out, finding, Place::Document)?,
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ol>\n</section>")
}

/// `<li class="…" data-rule="…" data-severity="…" data-family="…">`.
struct FindingAttrs<'a>(&'a Finding);

impl fmt::Display for FindingAttrs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = self.0;
        write!(
            f,
            "<li class=\"finding\" data-rule=\"{}\" data-severity=\"{}\" data-family=\"{}\">",
            escape(finding.rule.as_str()),
            finding.severity.as_str(),
            escape(finding.rule.family())
        )
    }
}

/// Where a finding is shown, which decides how its place is labelled.
#[derive(Clone, Copy)]
enum Place {
    /// In the list at the top, for the bead with this (1-based) number.
    List(usize),
    /// In the list at the top, for a folded block of these (1-based) beads.
    Block(usize, usize),
    /// In the list at the top, about the whole document.
    Document,
    /// In its own row (the row says the bead; the unit is enough).
    Row,
}

fn write_finding_body(out: &mut (impl Write + ?Sized), finding: &Finding, place: Place) -> io::Result<()> {
    let severity = finding.severity.as_str();
    write!(
        out,
        "<span class=\"sev sev-{severity}\">{severity}</span> <code>{}</code> ",
        escape(finding.rule.as_str())
    )?;
    // Source and draft ids count separately (source p9.s1 is not draft
    // p9.s1): every id says its side.
    let unit = finding
        .primary()
        .map(|location| format!("{} {}", super::side_by_side::side_name(location.side), location.unit_id));
    let unit = unit.as_deref();
    match (place, unit) {
        (Place::List(bead), Some(unit)) => write!(out, "<span class=\"where\">bead {bead} · {}</span> ", escape(unit))?,
        (Place::List(bead), None) => write!(out, "<span class=\"where\">bead {bead}</span> ")?,
        (Place::Block(first, last), unit) => {
            let beads = if first == last {
                format!("bead {first}")
            } else {
                format!("beads {first}–{last}")
            };
            match unit {
                Some(unit) => write!(out, "<span class=\"where\">{beads} · {}</span> ", escape(unit))?,
                None => write!(out, "<span class=\"where\">{beads}</span> ")?,
            }
        }
        (Place::Document, _) => write!(out, "<span class=\"where\">document</span> ")?,
        (Place::Row, Some(unit)) => write!(out, "<span class=\"where\">{}</span> ", escape(unit))?,
        (Place::Row, None) => {}
    }
    write!(out, "<span class=\"msg\">{}</span>", escape(&finding.message))
}

/// `expected: “A” or “B”`, each alternative quoted on its own.
fn write_expected(out: &mut (impl Write + ?Sized), finding: &Finding) -> io::Result<()> {
    if finding.expected.is_empty() {
        return Ok(());
    }
    let quoted = super::cells::alternatives(&finding.expected, |item| format!("<q>{}</q>", escape(item)));
    write!(out, "<span class=\"expected\">expected: {quoted}</span>")
}

fn write_controls(out: &mut (impl Write + ?Sized), view: &DiffView, revision: &Revision) -> io::Result<()> {
    let families: BTreeSet<&str> = view.all_findings().map(|(_, finding)| finding.rule.family()).collect();
    // Hidden until the script runs: without it the controls would do nothing.
    writeln!(out, "<section id=\"controls\" class=\"controls\" aria-label=\"Filters\" hidden>")?;
    writeln!(
        out,
        "<label><input type=\"checkbox\" id=\"only-findings\"> Only rows with findings</label>"
    )?;
    writeln!(
        out,
        "<span class=\"field\"><label for=\"severity\">Severity</label>\n<select id=\"severity\">"
    )?;
    writeln!(out, "<option value=\"\">any</option><option value=\"info\">info and above</option>")?;
    writeln!(
        out,
        "<option value=\"warning\">warning and above</option><option value=\"error\">errors only</option>\n</select></span>"
    )?;
    writeln!(
        out,
        "<span class=\"field\"><label for=\"family\">Rule family</label>\n<select id=\"family\">\n<option value=\"\">all</option>"
    )?;
    for family in families {
        writeln!(out, "<option value=\"{0}\">{0}</option>", escape(family))?;
    }
    writeln!(out, "</select></span>")?;
    if !revision.is_empty() {
        writeln!(
            out,
            "<label><input type=\"checkbox\" id=\"only-changed\"> Only changed rows</label>"
        )?;
    }
    writeln!(out, "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>")?;
    writeln!(
        out,
        "<p class=\"keys\">Keys: <kbd>j</kbd> or <kbd>n</kbd> next finding, <kbd>k</kbd> or <kbd>p</kbd> previous finding</p>\n</section>"
    )
}

fn write_table(out: &mut (impl Write + ?Sized), view: &DiffView, revision: &Revision) -> io::Result<()> {
    let changes = if revision.is_empty() {
        ""
    } else {
        ", with changes since the earlier draft"
    };
    writeln!(out, "<table id=\"beads\">")?;
    writeln!(
        out,
        "<caption>{} aligned beads: Indonesian source and English draft side by side{changes}, with findings</caption>",
        view.rows.len()
    )?;
    writeln!(
        out,
        "<colgroup><col class=\"bead\"><col class=\"text\"><col class=\"text\"><col></colgroup>"
    )?;
    writeln!(
        out,
        "<thead><tr><th scope=\"col\">Bead</th><th scope=\"col\">Source (Indonesian)</th><th scope=\"col\">Draft (English)</th>\
         <th scope=\"col\">Findings</th></tr></thead>\n<tbody>"
    )?;
    let mut row_idx = 0;
    while row_idx < view.rows.len() {
        if let Some((block_idx, block)) = view.blocks.iter().enumerate().find(|(_, block)| block.rows.start == row_idx) {
            write_block_row(out, view, block_idx, block, revision)?;
            for member_idx in block.rows.clone() {
                let row = &view.rows[member_idx];
                let diff = revision.rows.get(member_idx).and_then(Option::as_ref);
                let member = Member::Of(block_idx + 1);
                write_row(
                    out,
                    &view.fingerprints,
                    row,
                    cells::source_cell(row),
                    cells::target_cell(row, diff),
                    revision.row_changed(member_idx),
                    member,
                )?;
            }
            row_idx = block.rows.end;
            continue;
        }
        let row = &view.rows[row_idx];
        let diff = revision.rows.get(row_idx).and_then(Option::as_ref);
        write_row(
            out,
            &view.fingerprints,
            row,
            cells::source_cell(row),
            cells::target_cell(row, diff),
            revision.row_changed(row_idx),
            Member::None,
        )?;
        row_idx += 1;
    }
    writeln!(out, "</tbody>\n</table>")
}

/// Whether a row belongs to a folded block (1-based block number).
#[derive(Clone, Copy, PartialEq)]
enum Member {
    None,
    Of(usize),
}

/// The one line that stands for a folded block: what it is, a button to
/// show its rows (the script shows it), and the findings of its rows.
fn write_block_row(
    out: &mut (impl Write + ?Sized),
    view: &DiffView,
    block_idx: usize,
    block: &Block,
    revision: &Revision,
) -> io::Result<()> {
    let number = block_idx + 1;
    let members = &view.rows[block.rows.clone()];
    let changed = block.rows.clone().any(|idx| revision.row_changed(idx));
    let kind = match block.kind {
        RowKind::Repeat => "repeat",
        RowKind::Boilerplate => "boilerplate",
        RowKind::Pending => "pending",
        RowKind::Pair => "pair",
    };
    write!(
        out,
        "<tr id=\"block-{number}\" class=\"block block-{kind}\" data-block=\"{number}\" tabindex=\"-1\" data-changed=\"{changed}\""
    )?;
    if let Some(severity) = members.iter().filter_map(Row::max_severity).max() {
        write!(out, " data-severity=\"{}\"", severity.as_str())?;
    }
    let beads = match block.rows.len() {
        1 => format!("{}", block.rows.start + 1),
        _ => format!("{}–{}", block.rows.start + 1, block.rows.end),
    };
    let n_beads = match block.rows.len() {
        1 => "1 bead".to_string(),
        n => format!("{n} beads"),
    };
    write!(
        out,
        "><th scope=\"row\"><a href=\"#block-{number}\">{beads}</a><span class=\"shape\">{n_beads}</span></th>"
    )?;
    write!(
        out,
        "<td colspan=\"2\" class=\"block-label\">{} <button type=\"button\" class=\"expand\" data-expands=\"{number}\" aria-expanded=\"false\" hidden>show {n_beads}</button></td>",
        escape(&block.label)
    )?;
    write!(out, "<td data-label=\"Findings\">")?;
    write_row_findings(out, &view.fingerprints, members.iter().flat_map(|row| &row.findings))?;
    writeln!(out, "</td></tr>")
}

fn write_row_findings<'a>(
    out: &mut (impl Write + ?Sized),
    prints: &HashMap<Finding, String>,
    findings: impl Iterator<Item = &'a Finding>,
) -> io::Result<()> {
    let mut findings = findings.peekable();
    if findings.peek().is_none() {
        return Ok(());
    }
    write!(out, "<ul class=\"row-findings\">")?;
    for finding in findings {
        write!(out, "{}", FindingAttrs(finding))?;
        write_finding_body(out, finding, Place::Row)?;
        write_expected(out, finding)?;
        // The line that accepts this one finding into a baseline:
        // `selaras check SOURCE DRAFT --baseline FILE --accept …`.
        if let Some(print) = prints.get(finding) {
            write!(
                out,
                "<code class=\"accept\" title=\"add to selaras check … --baseline FILE to accept this finding\">--accept {}</code>",
                escape(print)
            )?;
        }
        write!(out, "</li>")?;
    }
    write!(out, "</ul>")
}

fn write_row(
    out: &mut (impl Write + ?Sized),
    prints: &HashMap<Finding, String>,
    row: &Row,
    source: Vec<UnitCell>,
    target: Vec<UnitCell>,
    changed: bool,
    member: Member,
) -> io::Result<()> {
    let bead = row.bead + 1;
    write!(
        out,
        "<tr id=\"bead-{bead}\" data-bead=\"{bead}\" tabindex=\"-1\" data-changed=\"{changed}\""
    )?;
    if let Some(severity) = row.max_severity() {
        write!(out, " data-severity=\"{}\"", severity.as_str())?;
    }
    if let Member::Of(block) = member {
        // Folded: the block's line stands for the row until it is shown.
        write!(out, " data-in-block=\"{block}\" hidden")?;
    }
    let (n_source, n_target) = (row.source.len(), row.target.len());
    let shape_title = format!(
        "{n_source} source {} paired with {n_target} draft {}",
        if n_source == 1 { "unit" } else { "units" },
        if n_target == 1 { "unit" } else { "units" }
    );
    write!(
        out,
        "><th scope=\"row\"><a href=\"#bead-{bead}\">{bead}</a><span class=\"shape\" title=\"{shape_title}\">{n_source}-{n_target} units</span>\
         <span class=\"score\" title=\"alignment score\">score {:.2}</span></th>",
        row.confidence
    )?;
    write!(out, "<td lang=\"id\" data-label=\"Source\">")?;
    write_cell(out, &source, "no source unit (added in the draft)")?;
    write!(out, "</td><td lang=\"en\" data-label=\"Draft\">")?;
    let no_draft = match (row.kind, &row.repeat_of) {
        (RowKind::Repeat, Some(original)) => format!("repeats {original}: no translation needed"),
        (RowKind::Repeat, None) => "a repeat: no translation needed".to_string(),
        (RowKind::Boilerplate, _) => "boilerplate: no translation needed".to_string(),
        (RowKind::Pending, _) => "not translated yet".to_string(),
        (RowKind::Pair, _) => "no draft unit (left out)".to_string(),
    };
    write_cell(out, &target, &no_draft)?;
    write!(out, "</td><td data-label=\"Findings\">")?;
    // A folded row's findings are shown on its block's line.
    if member == Member::None {
        write_row_findings(out, prints, row.findings.iter())?;
    }
    writeln!(out, "</td></tr>")
}

fn write_cell(out: &mut (impl Write + ?Sized), cell: &[UnitCell], empty: &str) -> io::Result<()> {
    if cell.is_empty() {
        return write!(out, "<span class=\"none\">{}</span>", escape(empty));
    }
    for unit in cell {
        write!(out, "<div class=\"unit\"><span class=\"uid\">{}</span>", escape(unit.id))?;
        let mut open_change = Change::Same;
        for piece in &unit.pieces {
            let change = match piece {
                Piece::Text { change, .. } => *change,
                Piece::Missing { .. } => Change::Same,
            };
            // Adjacent pieces of one change share one <ins> or <del>.
            if change != open_change {
                write!(out, "{}{}", close_tag(open_change), open_tag(change))?;
                open_change = change;
            }
            match piece {
                Piece::Text { text, term, flag, .. } => {
                    if let Some(mark) = term {
                        let unanswered = if mark.found { "" } else { " unanswered" };
                        write!(
                            out,
                            "<mark class=\"term c{}{unanswered}\" title=\"{}\">",
                            mark.colour_index % TERM_COLOURS,
                            escape(&cells::term_title(mark))
                        )?;
                    }
                    // The words a finding is about, in its severity's colour.
                    match flag {
                        Some(severity) => write!(
                            out,
                            "<span class=\"flag flag-{0}\" title=\"{0}: what the finding is about\">{1}</span>",
                            severity.as_str(),
                            escape(text)
                        )?,
                        None => write!(out, "{}", escape(text))?,
                    }
                    if term.is_some() {
                        write!(out, "</mark>")?;
                    }
                }
                Piece::Missing { mark } => {
                    let label = cells::missing_label(mark);
                    let label = label.trim_start_matches('[').trim_end_matches(']');
                    write!(
                        out,
                        " <span class=\"missing\" title=\"{}\">{}</span>",
                        escape(&cells::term_title(mark)),
                        escape(label)
                    )?;
                }
            }
        }
        write!(out, "{}</div>", close_tag(open_change))?;
    }
    Ok(())
}

fn open_tag(change: Change) -> &'static str {
    match change {
        Change::Same => "",
        Change::Inserted => "<ins>",
        Change::Deleted => "<del>",
    }
}

fn close_tag(change: Change) -> &'static str {
    match change {
        Change::Same => "",
        Change::Inserted => "</ins>",
        Change::Deleted => "</del>",
    }
}
