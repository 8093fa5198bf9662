//! The whole pipeline for one source/draft pair: segment both texts, find
//! glossary terms in the source, align, run the checks. `check`, `diff` and
//! the XLIFF export all start here, so they agree on units, beads and
//! findings.

use crate::align::{AlignUnit, Aligner, Bead, BeadKind, units_from_lines, units_from_segmentation};
use crate::check::{self, AlignedBead, CheckConfig, CheckUnit, Pair, SideText, TermUse};
use crate::error::Result;
use crate::finding::Finding;
use crate::glossary::{Glossary, Matcher, matcher::Scratch};
use crate::segment::{Lang, Segmentation, SegmenterConfig, UnitKind, segment};

/// How a pair is read and checked.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Each non-empty line is already one unit (`--segmented`).
    pub segmented: bool,
    pub check: CheckConfig,
}

/// Built once (the glossary automaton is the costly part), then run on any
/// number of pairs, from any number of threads.
#[derive(Debug)]
pub struct Pipeline {
    matcher: Matcher,
    aligner: Aligner,
    options: PipelineOptions,
}

/// One side after segmentation.
#[derive(Debug, Clone)]
pub struct SideUnits {
    pub units: Vec<CheckUnit>,
    /// The segmentation, unless the input was pre-segmented.
    pub segmentation: Option<Segmentation>,
}

/// Everything the pipeline found for one pair.
#[derive(Debug, Clone)]
pub struct Checked {
    pub source: SideUnits,
    pub target: SideUnits,
    /// The aligner's beads, with kinds and scores.
    pub beads: Vec<Bead>,
    /// The same beads as the checks see them.
    pub aligned: Vec<AlignedBead>,
    pub terms: Vec<TermUse>,
    pub findings: Vec<Finding>,
    /// What the project rules (`check::project`) need from this pair.
    pub summary: check::project::PairSummary,
}

impl Pipeline {
    pub fn new(glossary: Glossary, options: PipelineOptions) -> Result<Pipeline> {
        Ok(Pipeline {
            matcher: Matcher::new(glossary)?,
            aligner: Aligner::default(),
            options,
        })
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Runs every stage on `source` (Indonesian) and `target` (the English draft).
    pub fn run(&self, source: &str, target: &str) -> Checked {
        let (source_side, source_align) = self.side(source, Lang::Id);
        let (target_side, target_align) = self.side(target, Lang::En);
        let terms = self.terms(source, &source_side.units);
        let beads = self.aligner.align(&source_align, &target_align);
        let aligned: Vec<AlignedBead> = beads
            .iter()
            .map(|bead| AlignedBead {
                source: bead.source.clone().collect(),
                target: bead.target.clone().collect(),
                confidence: bead.score,
                repeat: bead.kind == BeadKind::Repeat,
            })
            .collect();
        let pair = Pair {
            source: SideText {
                text: source,
                units: &source_side.units,
            },
            target: SideText {
                text: target,
                units: &target_side.units,
            },
            beads: &aligned,
            terms: &terms,
        };
        let findings = check::run(&pair, &self.options.check);
        let summary = check::project::summarise(&pair);
        Checked {
            source: source_side,
            target: target_side,
            beads,
            aligned,
            terms,
            findings,
            summary,
        }
    }

    fn side<'a>(&self, text: &'a str, lang: Lang) -> (SideUnits, Vec<AlignUnit<'a>>) {
        if self.options.segmented {
            let align_units = units_from_lines(text);
            let lines = crate::segment::lines_as_units(text);
            let units = lines
                .iter()
                .zip(&align_units)
                .enumerate()
                .map(|(idx, (&(_, span), align_unit))| CheckUnit {
                    id: (idx + 1).to_string(),
                    span,
                    kind: UnitKind::Body,
                    repeat_of: align_unit.repeat_of,
                })
                .collect();
            return (SideUnits { units, segmentation: None }, align_units);
        }
        let segmentation = segment(
            text,
            SegmenterConfig {
                lang,
                ..Default::default()
            },
        );
        let align_units = units_from_segmentation(text, &segmentation);
        let index_of = |id: crate::segment::UnitId| -> Option<usize> {
            let paragraph = segmentation.paragraphs.get((id.paragraph as usize).checked_sub(1)?)?;
            Some(paragraph.units.start + (id.sentence as usize).checked_sub(1)?)
        };
        let units = segmentation
            .units
            .iter()
            .map(|unit| CheckUnit {
                id: unit.id.to_string(),
                span: unit.span,
                kind: unit.kind,
                repeat_of: unit.repeat_of.and_then(index_of),
            })
            .collect();
        (
            SideUnits {
                units,
                segmentation: Some(segmentation),
            },
            align_units,
        )
    }

    fn terms(&self, text: &str, units: &[CheckUnit]) -> Vec<TermUse> {
        let mut scratch = Scratch::default();
        let mut hits = Vec::new();
        let mut terms = Vec::new();
        let entries = &self.matcher.glossary().entries;
        for (unit_idx, unit) in units.iter().enumerate() {
            hits.clear();
            self.matcher.find_in(text, unit.span, &mut scratch, &mut hits);
            for hit in &hits {
                let entry = &entries[hit.entry];
                terms.push(TermUse {
                    unit: unit_idx,
                    span: hit.span,
                    term: entry.sources[hit.source].clone(),
                    targets: entry.targets().map(str::to_string).collect(),
                    forbidden: entry.forbidden.clone(),
                });
            }
        }
        terms
    }
}
