//! The whole pipeline for one source/draft pair: segment both texts, find
//! glossary terms in the source, align, run the checks. `check`, `diff`,
//! the XLIFF export, `align` and term mining all start here, so they agree
//! on units and beads (and, where they check, on findings). The glossary
//! the pipeline is built with is used twice: its matcher finds the terms
//! the checks judge, and its term pairs anchor the aligner
//! ([`TermPairs::from_glossary`]).

use crate::align::{AlignUnit, Aligner, AlignerConfig, Bead, BeadKind, TermPairs, units_from_lines, units_from_segmentation};
use crate::check::{self, CheckConfig, CheckUnit, Pair, SideText, TermUse};
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
    targets: crate::glossary::TargetIndex,
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
    /// The aligner's beads, with kinds and scores, as the checks saw them.
    pub beads: Vec<Bead>,
    pub terms: Vec<TermUse>,
    pub findings: Vec<Finding>,
    /// What the project rules (`check::across_pairs`) need from this pair.
    pub summary: check::across_pairs::PairSummary,
}

/// One already-paired unit for [`Pipeline::check_pairs`].
///
/// The input shape of pairs that come aligned: a borrowed view (id and the
/// two texts) of what a caller read, so that the pipeline needs no reader's
/// type (`xliff::XliffUnit` holds the file mapping, and `xliff` depends on
/// the pipeline, not the other way round). The findings of `check_pairs`
/// name a pair by its index in the slice given.
#[derive(Debug, Clone, Copy)]
pub struct UnitPair<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub target: &'a str,
}

/// What [`Pipeline::check_pairs`] found; spans point into the joined texts.
#[derive(Debug, Clone)]
pub struct PairsChecked {
    pub source_text: String,
    pub target_text: String,
    pub source_units: Vec<CheckUnit>,
    pub target_units: Vec<CheckUnit>,
    pub terms: Vec<TermUse>,
    pub findings: Vec<Finding>,
}

impl Pipeline {
    /// Compiles `glossary` for matching and hands its term pairs to the
    /// aligner, so that every command aligns with the glossary it checks with.
    pub fn new(glossary: Glossary, options: PipelineOptions) -> Result<Pipeline> {
        Ok(Pipeline {
            targets: crate::glossary::TargetIndex::new(&glossary),
            aligner: Aligner::new(AlignerConfig::default(), TermPairs::from_glossary(&glossary)),
            matcher: Matcher::new(glossary)?,
            options,
        })
    }

    /// Segments both texts and aligns them, without looking for terms or
    /// running checks (`selaras align`): the units of each side and the
    /// beads, exactly as [`Pipeline::run`] gets them.
    pub fn align(&self, source: &str, target: &str) -> (SideUnits, SideUnits, Vec<Bead>) {
        let (source_side, source_align) = self.side(source, Lang::Id);
        let (target_side, target_align) = self.side(target, Lang::En);
        let beads = self.aligner.align(&source_align, &target_align);
        (source_side, target_side, beads)
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn options(&self) -> &PipelineOptions {
        &self.options
    }

    /// Checks pairs that are already aligned one to one (the units of a
    /// bilingual XLIFF file): the sources joined one per line make the
    /// source text, the targets the target text, and each pair is a 1-1
    /// bead. Line breaks inside a unit become spaces (same byte length), so
    /// that spans in the joined texts are offsets into each unit's text plus
    /// its unit's start.
    pub fn check_pairs(&self, pairs: &[UnitPair<'_>]) -> PairsChecked {
        fn join(parts: impl Iterator<Item = (String, String)>) -> (String, Vec<CheckUnit>) {
            let mut text = String::new();
            let mut units = Vec::new();
            for (id, part) in parts {
                let start = text.len();
                text.extend(part.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
                units.push(CheckUnit {
                    id,
                    span: crate::text::Span::new(start, text.len()),
                    kind: UnitKind::Body,
                    repeat_of: None,
                    paragraph: units.len() as u32 + 1,
                });
                text.push('\n');
            }
            (text, units)
        }
        let (source_text, mut source_units) = join(pairs.iter().map(|pair| (pair.id.to_string(), pair.source.to_string())));
        let (target_text, target_units) = join(pairs.iter().map(|pair| (pair.id.to_string(), pair.target.to_string())));
        // Kinds come from segmenting the joined source line by line, so a
        // headline or dateline unit is treated as in a plain-text pair.
        let segmentation = segment(
            &source_text,
            SegmenterConfig {
                lang: Lang::Id,
                paragraphs: crate::segment::ParagraphMode::Lines,
            },
        );
        let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (unit_idx, unit) in source_units.iter_mut().enumerate() {
            let span = unit.span;
            // Paragraphs ascend: the first one starting inside this unit's
            // line is its paragraph (a binary search keeps big files fast).
            let first = segmentation.paragraphs.partition_point(|p| p.span.start < span.start);
            if let Some(paragraph) = segmentation.paragraphs.get(first).filter(|p| p.span.end <= span.end) {
                unit.kind = paragraph.kind;
            }
            // A unit whose source equals an earlier one (spaces aside) repeats
            // it, so that `repeat.inconsistent` compares their targets as it
            // does for repeated sentences of a plain text.
            let key = unit.span.slice(&source_text).split_whitespace().collect::<Vec<_>>().join(" ");
            match first_of.get(&key) {
                Some(&original) => unit.repeat_of = Some(original),
                None => {
                    first_of.insert(key, unit_idx);
                }
            }
        }
        let terms = self.terms(&source_text, &source_units);
        let aligned: Vec<Bead> = (0..pairs.len())
            .map(|idx| Bead {
                source: idx..idx + 1,
                target: idx..idx + 1,
                kind: BeadKind::Pair,
                repeat_of: None,
                score: 1.0,
            })
            .collect();
        let pair = Pair {
            source: SideText {
                text: &source_text,
                units: &source_units,
            },
            target: SideText {
                text: &target_text,
                units: &target_units,
            },
            beads: &aligned,
            terms: &terms,
            targets: Some(&self.targets),
        };
        let findings = check::run(&pair, &self.options.check);
        PairsChecked {
            source_text,
            target_text,
            source_units,
            target_units,
            terms,
            findings,
        }
    }

    /// Runs every stage on `source` (Indonesian) and `target` (the English draft).
    pub fn run(&self, source: &str, target: &str) -> Checked {
        let (source_side, target_side, beads) = self.align(source, target);
        let terms = self.terms(source, &source_side.units);
        let pair = Pair {
            source: SideText {
                text: source,
                units: &source_side.units,
            },
            target: SideText {
                text: target,
                units: &target_side.units,
            },
            beads: &beads,
            terms: &terms,
            targets: Some(&self.targets),
        };
        let findings = check::run(&pair, &self.options.check);
        let summary = check::across_pairs::summarise(&pair);
        Checked {
            source: source_side,
            target: target_side,
            beads,
            terms,
            findings,
            summary,
        }
    }

    /// Segments and aligns `source` and `target` as [`Pipeline::run`] does,
    /// without running the checks, and returns what term mining reads: the
    /// beads as text and the glossary terms of the source
    /// (`selaras glossary suggest`).
    pub fn mining_input(&self, source: &str, target: &str) -> crate::suggest::PairMining {
        let (source_side, target_side, beads) = self.align(source, target);
        let terms = self.terms(source, &source_side.units);
        let pair = Pair {
            source: SideText {
                text: source,
                units: &source_side.units,
            },
            target: SideText {
                text: target,
                units: &target_side.units,
            },
            beads: &beads,
            terms: &terms,
            targets: Some(&self.targets),
        };
        crate::suggest::PairMining::of(&pair)
    }

    fn side<'a>(&self, text: &'a str, lang: Lang) -> (SideUnits, Vec<AlignUnit<'a>>) {
        if self.options.segmented {
            let align_units = units_from_lines(text);
            let lines = crate::segment::lines_as_units(text);
            let units = lines
                .iter()
                .zip(&align_units)
                .enumerate()
                .map(|(idx, (line, align_unit))| CheckUnit {
                    id: (idx + 1).to_string(),
                    span: line.span,
                    kind: line.kind,
                    repeat_of: align_unit.repeat_of,
                    paragraph: line.id.paragraph,
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
        let units = segmentation
            .units
            .iter()
            .map(|unit| CheckUnit {
                id: unit.id.to_string(),
                span: unit.span,
                kind: unit.kind,
                repeat_of: unit.repeat_of,
                paragraph: unit.id.paragraph,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_15_item_2_the_aligner_gets_the_glossarys_term_pairs() {
        let path = std::path::Path::new("g.json");
        let json = r#"{"version": 1, "entries": [{"sources": ["Korea Utara"], "preferred": "North Korea"}, {"sources": ["PBB"], "forbidden": ["UNO"]}]}"#;
        let glossary = crate::glossary::formats::parse(
            json,
            crate::glossary::formats::Format::Json,
            &mut crate::glossary::formats::Reader::strict(path),
        )
        .unwrap();
        let pipeline = Pipeline::new(glossary, PipelineOptions::default()).unwrap();
        // The forbidden-only entry anchors nothing.
        assert_eq!(pipeline.aligner.term_pairs().len(), 1);
        let shipped = Pipeline::new(crate::glossary::builtin().clone(), PipelineOptions::default()).unwrap();
        assert!(shipped.aligner.term_pairs().len() > 100);
        // `align` and `run` give the same beads.
        let source = "Korea Utara menembakkan rudal.\n\nPBB diam.\n";
        let draft = "North Korea fired a missile.\n\nThe UN was silent.\n";
        let (_, _, beads) = pipeline.align(source, draft);
        assert_eq!(beads, pipeline.run(source, draft).beads);
    }
}
