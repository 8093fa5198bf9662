//! Sentence alignment: source units and draft units in, beads out.
//!
//! Takes the units of an Indonesian source and of an English draft (from the
//! segmenter, or one unit per line with `--segmented`) and gives back beads
//! in text order: 1-1, 1-2, 2-1, 2-2 pairings, 1-0 omissions and 0-1
//! additions, plus *repeat* beads for source units that copy an earlier block
//! (a scraper pasting the body twice) which the draft translates once. Every
//! unit of both sides is in exactly one bead. Each bead has a confidence
//! `score` in [0, 1].
//!
//! Steps, one file each:
//!
//! * `anchors` — per-unit features: numbers by value (`crate::numbers`),
//!   names, acronyms and codes, weekdays and months, punctuation, glossary
//!   term pairs (`TermPairs`), word stems shared by loanwords and names;
//! * `length` — the Gale–Church length model fitted for Indonesian→English;
//! * `cost` — the cost of a candidate bead from length, anchors, shape and
//!   paragraph breaks;
//! * `search` — dynamic programming over a band around the diagonal, so time
//!   and memory grow linearly with the length of the texts;
//! * `confidence` — turns a bead's evidence into a score, and lowers it when
//!   the draft is not English;
//! * `loose` — turns an omission beside an addition that translate each
//!   other freely into a low-confidence pair.
//!
//! The costs are in `AlignerConfig`; its defaults were tuned on the
//! development sets in `shared/data/alignment` (see `examples/eval_align.rs`).
//!
//! Decisions where the product specification is silent:
//!
//! * Only units inside a repeated *block* (whole paragraphs copied in order,
//!   or with `--segmented` a run of two or more copied lines) may become
//!   repeat beads; a repeat bead is a cheaper 1-0 bead, so a draft that does
//!   translate the copy still gets 1-1 beads for it.
//! * `align --format jsonl` adds `kind` (`pair`, `omission`, `addition`,
//!   `repeat`) and, on repeat beads, `repeat_of` (the id of the first copy)
//!   to the contract fields `source`, `target` and `score`.
//! * Scores are confidences, not probabilities fitted to data: on the
//!   development sets right beads average about 0.84 and wrong ones 0.66,
//!   and a copied Indonesian draft stays under 0.06 everywhere.

mod anchors;
mod confidence;
mod cost;
mod length;
mod loose;
mod search;
mod term_pairs;
#[cfg(test)]
mod tests;
mod words;

use std::ops::Range;

pub use term_pairs::TermPairs;

use crate::segment::{Segmentation, lines_as_units, normalise_into};

/// One unit as the aligner sees it.
///
/// The aligner's own shape, apart from `check::CheckUnit`, for two reasons:
/// it works on text alone (evaluation data, benches and tests hand it
/// sentences with no file behind them), and its `repeat_of` is narrower,
/// set only inside a repeated *block*, since only such a unit may become a
/// repeat bead (a lone repeated sentence is translated again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignUnit<'a> {
    pub text: &'a str,
    /// Paragraph number; a change between neighbours is a paragraph break.
    pub paragraph: u32,
    /// Index of the earlier unit this one copies, when it is part of a
    /// repeated block; such a unit may be left untranslated as a repeat.
    pub repeat_of: Option<usize>,
}

/// What kind of pairing a bead is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BeadKind {
    /// Source and draft units that translate each other (1-1, 2-1, …).
    Pair,
    /// Source units with no translation in the draft (1-0).
    Omission,
    /// Draft units with no source (0-1).
    Addition,
    /// A source unit that repeats an earlier one, left untranslated because
    /// the draft translates the first copy.
    Repeat,
}

/// A group of consecutive source units aligned with a group of consecutive
/// draft units (either group may be empty, not both).
///
/// The one shape of a bead: the aligner makes it, and the checks, the diff
/// view, the XLIFF export and `align`'s output read it as it is. Pairs that
/// come aligned (the units of a bilingual XLIFF file) are 1-1 `Pair` beads
/// with score 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Indices into the source units.
    pub source: Range<usize>,
    /// Indices into the draft units.
    pub target: Range<usize>,
    pub kind: BeadKind,
    /// For `Repeat` beads: the source unit that this one copies.
    pub repeat_of: Option<usize>,
    /// Confidence in [0, 1] that this bead is right.
    pub score: f32,
}

impl Bead {
    /// `"2-1"`-style label: source units, draft units.
    pub fn shape(&self) -> String {
        format!("{}-{}", self.source.len(), self.target.len())
    }

    /// The bead's first source unit, if it has any.
    pub fn first_source(&self) -> Option<usize> {
        (!self.source.is_empty()).then_some(self.source.start)
    }

    /// The bead's first draft unit, if it has any.
    pub fn first_target(&self) -> Option<usize> {
        (!self.target.is_empty()).then_some(self.target.start)
    }

    /// Source units that repeat earlier units (a scraper's duplicate block)
    /// and were left untranslated on purpose: not an omission.
    pub fn is_repeat(&self) -> bool {
        self.kind == BeadKind::Repeat
    }
}

/// Costs and weights of the aligner. Costs are in the same unit as the
/// length model's negative log-probability.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignerConfig {
    /// Weight of the length cost.
    pub length_weight: f32,
    /// The highest length cost a pairing can have, so that a pair with
    /// strong anchors survives a very unlikely length (a translator who
    /// shortens or expands freely, a truncated sentence).
    pub length_cap: f32,
    /// Weight of the lexical cost `exp(-similarity / lexical_scale)` (times
    /// the bead's mean side size): the cost falls steeply with the first
    /// shared anchors and flattens once a pair clearly shares many.
    pub lexical_weight: f32,
    /// Weight of the lexical cost of a merge's weakest member (see
    /// `cost::Scorer::weakest_member`).
    pub member_weight: f32,
    /// Anchor similarity at which the lexical cost has fallen to 1/e.
    pub lexical_scale: f32,
    /// Cost of a 1-0 or 0-1 bead.
    pub null_cost: f32,
    /// Cost of a repeat bead (a 1-0 bead on a repeated source unit).
    pub repeat_cost: f32,
    /// Extra cost of 2-1 and 1-2 beads over 1-1.
    pub merge_cost: f32,
    /// Extra cost of 2-2 beads.
    pub merge2_cost: f32,
    /// Extra cost of 3-1 and 1-3 beads.
    pub merge3_cost: f32,
    /// Cost of a bead whose units cross a paragraph break, when the draft
    /// keeps the source's paragraphs. Paragraph costs are soft: the
    /// development sets gain nothing from them (the clean sets reach 100
    /// and 99.8 without), so they only break ties.
    pub paragraph_cross_cost: f32,
    /// Cost of a bead that starts a paragraph on one side only.
    pub paragraph_mismatch_cost: f32,
    /// Anchor weights by type.
    pub weights: anchors::AnchorWeights,
    /// Half-width of the first search band, in draft units. 32 keeps a
    /// 20 000-sentence pair near 1.3 million cells; the band doubles and
    /// recentres by itself when the path drifts further (see `search`).
    pub band: usize,
}

impl Default for AlignerConfig {
    fn default() -> Self {
        AlignerConfig {
            length_weight: 0.1,
            length_cap: 8.0,
            lexical_weight: 1.0,
            lexical_scale: 0.1,
            member_weight: 0.5,
            null_cost: 0.75,
            repeat_cost: 0.2,
            merge_cost: 0.4,
            merge2_cost: 3.0,
            merge3_cost: 3.0,
            paragraph_cross_cost: 0.5,
            paragraph_mismatch_cost: 0.25,
            weights: anchors::AnchorWeights::default(),
            band: 32,
        }
    }
}

impl AlignerConfig {
    /// Sets one field by name (`null_cost=2.5`); for tuning from the
    /// evaluation example. Returns false for an unknown name.
    pub fn set(&mut self, name: &str, value: f32) -> bool {
        let field = match name {
            "length_weight" => &mut self.length_weight,
            "length_cap" => &mut self.length_cap,
            "lexical_weight" => &mut self.lexical_weight,
            "lexical_scale" => &mut self.lexical_scale,
            "member_weight" => &mut self.member_weight,
            "null_cost" => &mut self.null_cost,
            "repeat_cost" => &mut self.repeat_cost,
            "merge_cost" => &mut self.merge_cost,
            "merge2_cost" => &mut self.merge2_cost,
            "merge3_cost" => &mut self.merge3_cost,
            "paragraph_cross_cost" => &mut self.paragraph_cross_cost,
            "paragraph_mismatch_cost" => &mut self.paragraph_mismatch_cost,
            "band" => {
                self.band = value.max(1.0) as usize;
                return true;
            }
            other => return self.weights.set(other, value),
        };
        *field = value;
        true
    }
}

/// Aligns source units with draft units; cheap to build and reusable.
#[derive(Debug, Clone, Default)]
pub struct Aligner {
    config: AlignerConfig,
    terms: TermPairs,
}

impl Aligner {
    pub fn new(config: AlignerConfig, terms: TermPairs) -> Self {
        Aligner { config, terms }
    }

    /// The glossary term pairs that anchor this aligner.
    pub fn term_pairs(&self) -> &TermPairs {
        &self.terms
    }

    /// Aligns `source` (Indonesian) with `target` (the English draft).
    pub fn align(&self, source: &[AlignUnit<'_>], target: &[AlignUnit<'_>]) -> Vec<Bead> {
        let source_features = anchors::features(source, crate::segment::Lang::Id, &self.terms, &self.config.weights);
        let target_features = anchors::features(target, crate::segment::Lang::En, &self.terms, &self.config.weights);
        let scorer = cost::Scorer::new(&self.config, source, target, &source_features, &target_features);
        let path = search::search(&scorer, self.config.band);
        let beads = confidence::beads(&scorer, source, target, &path);
        let beads = loose::pair_free_translations(&scorer, source, target, beads);
        loose::join_merged_sentences(&scorer, source, beads)
    }
}

impl Aligner {
    /// The evidence for pairing `source[source_range]` with
    /// `target[target_range]`: anchor similarity in [0, 1] and the length
    /// model's cost. Builds features for both sides, so it is meant for
    /// inspection and tuning, not for loops.
    pub fn evidence(
        &self,
        source: &[AlignUnit<'_>],
        target: &[AlignUnit<'_>],
        source_range: Range<usize>,
        target_range: Range<usize>,
    ) -> (f32, f32) {
        let source_features = anchors::features(source, crate::segment::Lang::Id, &self.terms, &self.config.weights);
        let target_features = anchors::features(target, crate::segment::Lang::En, &self.terms, &self.config.weights);
        let scorer = cost::Scorer::new(&self.config, source, target, &source_features, &target_features);
        let overlap = scorer.overlap(source_range.clone(), target_range.clone());
        scorer.evidence(source_range, target_range, overlap)
    }
}

/// Aligns with the default configuration and no glossary pairs.
pub fn align(source: &[AlignUnit<'_>], target: &[AlignUnit<'_>]) -> Vec<Bead> {
    Aligner::default().align(source, target)
}

/// The aligner's view of a segmented text. Only units inside a repeated
/// block (whole paragraphs copied in order) get `repeat_of`; a single
/// repeated sentence is ordinary text that the draft may well translate again.
pub fn units_from_segmentation<'a>(text: &'a str, segmentation: &Segmentation) -> Vec<AlignUnit<'a>> {
    // Blocks come in text order and never overlap, so a binary search finds
    // the one that could hold a paragraph (a text of a million one-line
    // paragraphs that all repeat the first has a million blocks).
    let blocks = &segmentation.repeated_blocks;
    debug_assert!(blocks.windows(2).all(|pair| pair[0].paragraphs.1 < pair[1].paragraphs.0));
    let in_block = |paragraph: u32| {
        let after = blocks.partition_point(|block| block.paragraphs.1 < paragraph);
        blocks.get(after).is_some_and(|block| block.paragraphs.0 <= paragraph)
    };
    segmentation
        .units
        .iter()
        .map(|unit| AlignUnit {
            text: unit.span.slice(text),
            paragraph: unit.id.paragraph,
            repeat_of: unit.repeat_of.filter(|_| in_block(unit.id.paragraph)),
        })
        .collect()
}

/// The aligner's view of a text with one unit per non-empty line
/// (`--segmented`). Blank lines separate paragraphs. A run of two or more
/// consecutive lines that repeats an earlier run line for line is a repeated
/// block, as the segmenter would find it.
pub fn units_from_lines(text: &str) -> Vec<AlignUnit<'_>> {
    let lines = lines_as_units(text);
    let mut units: Vec<AlignUnit<'_>> = lines
        .iter()
        .map(|line| AlignUnit {
            text: line.span.slice(text),
            paragraph: line.id.paragraph,
            repeat_of: None,
        })
        .collect();
    mark_repeated_runs(&mut units);
    units
}

/// Sets `repeat_of` on units that, in runs of two or more, copy a run of
/// earlier units one for one (after whitespace and Unicode normalisation).
/// This is how `--segmented` input and pre-split sentences get the repeated
/// blocks that the segmenter finds in raw text.
pub fn mark_repeated_runs(units: &mut [AlignUnit<'_>]) {
    let mut first_seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut repeats: Vec<Option<usize>> = Vec::with_capacity(units.len());
    let mut key = String::new();
    for (unit_idx, unit) in units.iter().enumerate() {
        normalise_into(unit.text, &mut key);
        match first_seen.get(&key) {
            Some(&first) => repeats.push(Some(first)),
            None => {
                first_seen.insert(key.clone(), unit_idx);
                repeats.push(None);
            }
        }
    }
    // Keep only runs of at least two lines copying consecutive earlier lines.
    let mut run_start = 0;
    while run_start < repeats.len() {
        let Some(first) = repeats[run_start] else {
            run_start += 1;
            continue;
        };
        let mut run_end = run_start + 1;
        while run_end < repeats.len() && repeats[run_end] == Some(first + (run_end - run_start)) {
            run_end += 1;
        }
        if run_end - run_start >= 2 {
            for unit_idx in run_start..run_end {
                units[unit_idx].repeat_of = repeats[unit_idx];
            }
        }
        run_start = run_end;
    }
}
