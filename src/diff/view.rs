//! The diff view's data model: what the align, glossary and check stages
//! fill in and what the terminal and HTML renderers read.
//!
//! It is plain data on purpose. The renderers never see an aligner, a
//! glossary or a check; tests and the `render_html` example build views by
//! hand. Texts are copied into the view (rather than borrowed) so that a
//! view outlives the buffers it was made from and can be built in tests
//! without lifetimes getting in the way; the copies are small next to the
//! rendered output.
//!
//! Conventions the renderers rely on (and check defensively: a mark or span
//! that breaks them is not highlighted, never a panic):
//!
//! * every [`Span`] is a byte span in the file of its side (source, draft,
//!   earlier draft) as read, like everywhere else in selaras;
//! * a [`TermMark`]'s span lies inside the unit it names, so its offset in
//!   the unit's text is `mark.span.start - unit.span.start`;
//! * marks of one unit do not overlap (the glossary's longest match wins);
//!   a mark that overlaps an earlier one is drawn plain.

use crate::finding::{Finding, Severity};
use crate::text::{Side, Span};

/// One unit of text as shown in the view: its position and id, its text,
/// and where that text sits in its file.
///
/// The view's own shape of a unit, apart from `check::CheckUnit`, because
/// the view is plain data that outlives the texts it was built from: it
/// owns the unit's text, which renderers cut into highlighted pieces.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitText {
    /// The unit's position among its side's units (0-based): what term
    /// marks name it by.
    pub index: usize,
    /// The unit id from segmentation (`p3.s1`), for display.
    pub id: String,
    /// The unit's text exactly as in the file (`span.slice(file)`).
    pub text: String,
    /// Byte span of the unit in its file.
    pub span: Span,
}

impl UnitText {
    pub fn new(index: usize, id: impl Into<String>, text: impl Into<String>, span: Span) -> Self {
        UnitText {
            index,
            id: id.into(),
            text: text.into(),
            span,
        }
    }
}

/// A glossary term occurrence to highlight.
///
/// A source-side mark is a source term; `found` says whether one of its
/// English targets is present in the row's draft. A target-side mark is the
/// English found in the draft, with the same `colour_index` as the source
/// mark it answers, so both sides show the pair in one colour.
#[derive(Debug, Clone, PartialEq)]
pub struct TermMark {
    pub side: Side,
    /// Position of the unit the mark lies in among the units of `side`
    /// ([`UnitText::index`]).
    pub unit: usize,
    /// Byte span of the occurrence in that side's file.
    pub span: Span,
    /// The glossary's own spelling of the source term (`Korea Utara`).
    pub term: String,
    /// The English targets the glossary admits (`North Korea`, `North Korean`).
    pub expected: Vec<String>,
    /// Target side: always true. Source side: whether the draft has one of
    /// `expected`; a missing one is shown as `[missing: …]` in the draft.
    pub found: bool,
    /// Which highlight colour to use; the same for a source occurrence and
    /// the English that answers it. Renderers take it modulo their palette.
    pub colour_index: usize,
}

/// What a row without draft text is, when it is not an omission: the
/// renderers say so instead of "no draft unit", and fold runs of such rows
/// into one line ([`Block`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowKind {
    /// An ordinary bead.
    #[default]
    Pair,
    /// Copies of an earlier source unit (a scraper's duplicated block):
    /// no translation needed.
    Repeat,
    /// Site boilerplate (`(ahm)`, `Lihat Juga :`): no translation needed.
    Boilerplate,
    /// After the end of a draft that stops early (`omission.unfinished`):
    /// not translated yet.
    Pending,
}

/// A run of rows of one [`RowKind`] other than `Pair`, shown folded as one
/// line ("p18–p31 repeat p4–p17: no translation needed").
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: RowKind,
    /// Indices into `DiffView::rows`.
    pub rows: std::ops::Range<usize>,
    /// What the folded line says.
    pub label: String,
}

/// One aligned bead: source units, the draft units paired with them, and
/// what the later stages found about the pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 0-based index of the bead in the alignment.
    pub bead: usize,
    /// Whether the bead is an ordinary pair or needs no (or no translation yet).
    pub kind: RowKind,
    /// For a `Repeat` row: the id of the source unit its first unit repeats.
    pub repeat_of: Option<String>,
    /// Source units (empty for a 0-1 bead: an addition in the draft).
    pub source: Vec<UnitText>,
    /// Draft units (empty for a 1-0 bead: an omission).
    pub target: Vec<UnitText>,
    /// With `--previous`: the earlier draft's units aligned to the same
    /// source units (possibly none). `None` when there is no earlier draft.
    pub previous: Option<Vec<UnitText>>,
    /// The aligner's score for the bead, 0.0–1.0.
    pub confidence: f32,
    /// Term marks on both sides, in any order.
    pub terms: Vec<TermMark>,
    /// Findings located in this bead.
    pub findings: Vec<Finding>,
}

impl Row {
    /// An empty bead with no units, marks or findings; fill the fields in.
    pub fn new(bead: usize) -> Self {
        Row {
            bead,
            kind: RowKind::Pair,
            repeat_of: None,
            source: Vec::new(),
            target: Vec::new(),
            previous: None,
            confidence: 1.0,
            terms: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// The most severe finding's severity, if the row has findings.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|finding| finding.severity).max()
    }

    /// The units of `side`.
    pub fn units(&self, side: Side) -> &[UnitText] {
        match side {
            Side::Source => &self.source,
            Side::Target => &self.target,
        }
    }
}

/// Counts shown at the top (HTML) or bottom (terminal) of the view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewSummary {
    pub rows: usize,
    pub rows_with_findings: usize,
    /// Findings by severity, row findings and document-level ones together.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Source-side term occurrences, and those whose English is missing.
    pub source_terms: usize,
    pub missing_terms: usize,
}

impl ViewSummary {
    /// Counts `rows` and `document_findings`.
    pub fn count(rows: &[Row], document_findings: &[Finding]) -> ViewSummary {
        let mut summary = ViewSummary {
            rows: rows.len(),
            ..ViewSummary::default()
        };
        let all_findings = rows.iter().flat_map(|row| &row.findings).chain(document_findings);
        for finding in all_findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        for row in rows {
            summary.rows_with_findings += usize::from(!row.findings.is_empty());
            for mark in row.terms.iter().filter(|mark| mark.side == Side::Source) {
                summary.source_terms += 1;
                summary.missing_terms += usize::from(!mark.found);
            }
        }
        summary
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Everything the diff renderers show for one source/draft pair.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffView {
    /// Paths as the user gave them (shown, never opened by renderers).
    pub source_path: String,
    pub target_path: String,
    /// The earlier draft given with `--previous`.
    pub previous_path: Option<String>,
    pub rows: Vec<Row>,
    /// Runs of rows that renderers fold into one line (see [`Block`]), in
    /// row order, never overlapping.
    pub blocks: Vec<Block>,
    /// Findings about the document as a whole (no bead to put them in).
    pub findings_without_row: Vec<Finding>,
    /// Each finding's baseline fingerprint, as `check` computes it, when
    /// the caller knows them (`selaras diff` does): the page shows the
    /// `--accept` line that accepts one finding.
    pub fingerprints: std::collections::HashMap<Finding, String>,
    /// Counts over `rows` and `findings_without_row`, made by
    /// [`DiffView::new`]; call [`DiffView::recount`] after editing either.
    pub summary: ViewSummary,
}

impl DiffView {
    /// A view over `rows`, with its summary counted.
    pub fn new(
        source_path: impl Into<String>,
        target_path: impl Into<String>,
        previous_path: Option<String>,
        rows: Vec<Row>,
        findings_without_row: Vec<Finding>,
    ) -> Self {
        let summary = ViewSummary::count(&rows, &findings_without_row);
        DiffView {
            source_path: source_path.into(),
            target_path: target_path.into(),
            previous_path,
            rows,
            blocks: Vec::new(),
            findings_without_row,
            fingerprints: std::collections::HashMap::new(),
            summary,
        }
    }

    /// The block that starts at row `row_idx`, if one does.
    pub fn block_at(&self, row_idx: usize) -> Option<&Block> {
        self.blocks.iter().find(|block| block.rows.start == row_idx)
    }

    /// Counts the summary again after rows or findings were changed.
    pub fn recount(&mut self) {
        self.summary = ViewSummary::count(&self.rows, &self.findings_without_row);
    }

    /// Whether the view carries an earlier draft (`--previous`).
    pub fn has_previous(&self) -> bool {
        self.previous_path.is_some() || self.rows.iter().any(|row| row.previous.is_some())
    }

    /// Every finding, row findings in row order, then document-level ones,
    /// each with the index of its row when it has one.
    pub fn all_findings(&self) -> impl Iterator<Item = (Option<usize>, &Finding)> {
        let in_rows = self
            .rows
            .iter()
            .enumerate()
            .flat_map(|(row_idx, row)| row.findings.iter().map(move |finding| (Some(row_idx), finding)));
        in_rows.chain(self.findings_without_row.iter().map(|finding| (None, finding)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(side: Side, found: bool) -> TermMark {
        TermMark {
            side,
            unit: 0,
            span: Span::new(0, 5),
            term: "Korea Utara".into(),
            expected: vec!["North Korea".into()],
            found,
            colour_index: 0,
        }
    }

    #[test]
    fn summary_counts_findings_rows_and_terms() {
        let mut row_with = Row::new(0);
        row_with
            .findings
            .push(Finding::new(crate::check::rule::GLOSSARY_MISSING.id, Severity::Error, "x"));
        row_with
            .findings
            .push(Finding::new(crate::check::rule::NUMBER_CHANGED.id, Severity::Warning, "y"));
        row_with.terms = vec![mark(Side::Source, false), mark(Side::Source, true), mark(Side::Target, true)];
        let row_without = Row::new(1);
        let document = vec![Finding::new(crate::check::rule::SOURCE_REPEATED.id, Severity::Info, "z")];
        let view = DiffView::new("a", "b", None, vec![row_with, row_without], document);
        let expected = ViewSummary {
            rows: 2,
            rows_with_findings: 1,
            errors: 1,
            warnings: 1,
            infos: 1,
            source_terms: 2,
            missing_terms: 1,
        };
        assert_eq!(view.summary, expected);
        assert_eq!(view.summary.findings(), 3);
        assert_eq!(
            view.all_findings().map(|(row, _)| row).collect::<Vec<_>>(),
            [Some(0), Some(0), None]
        );
        assert_eq!(view.rows[0].max_severity(), Some(Severity::Error));
        assert!(!view.has_previous());
    }
}
