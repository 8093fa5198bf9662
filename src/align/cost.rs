//! Bead costs: unit features and the configuration in, the cost of any
//! candidate bead out (lower is better), for `search` to minimise.
//!
//! A pairing bead costs its shape's extra cost, the weighted length cost
//! (`length`, capped), a lexical cost that falls steeply with the anchor
//! similarity (weighted Dice over `anchors` keys) and, for merges, the same
//! lexical cost of the merge's weakest member. Null beads cost
//! `null_cost`; a 1-0 bead on a unit of a repeated block costs the cheaper
//! `repeat_cost`. Paragraph breaks add soft costs when the draft keeps the
//! source's paragraphs.

use std::ops::Range;

use super::anchors::{UnitFeatures, intersection};
use super::{AlignUnit, AlignerConfig, length};

/// Bead shapes (source units, draft units) the search considers. On equal
/// cost the earlier shape wins as the *last* bead of a path, so with 0-1
/// before 1-0 an omission and an addition at one place come out in the
/// order omission, addition.
pub const SHAPES: [(usize, usize); 8] = [(1, 1), (0, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];
pub(super) const MAX_SOURCE: usize = 3;
pub(super) const MAX_TARGET: usize = 3;

/// Summed overlaps of each unit of a bead with the other side's units.
#[derive(Default)]
pub(super) struct Overlaps {
    pub source: [f32; MAX_SOURCE],
    pub target: [f32; MAX_TARGET],
}

/// Bead costs for one pair of texts.
pub struct Scorer<'a> {
    config: &'a AlignerConfig,
    pub source_units: &'a [AlignUnit<'a>],
    pub source: &'a [UnitFeatures],
    pub target: &'a [UnitFeatures],
    source_para_start: Vec<bool>,
    target_para_start: Vec<bool>,
    use_paragraphs: bool,
    /// Prefix sums of anchor weight and length per side, so that a bead's
    /// totals cost two lookups whatever its shape.
    source_sums: Vec<(f64, u64)>,
    target_sums: Vec<(f64, u64)>,
}

fn prefix_sums(features: &[UnitFeatures]) -> Vec<(f64, u64)> {
    let mut sums = Vec::with_capacity(features.len() + 1);
    let mut total = (0.0f64, 0u64);
    sums.push(total);
    for f in features {
        total = (total.0 + f64::from(f.weight), total.1 + u64::from(f.chars));
        sums.push(total);
    }
    sums
}

impl<'a> Scorer<'a> {
    pub fn new(
        config: &'a AlignerConfig,
        source_units: &'a [AlignUnit<'a>],
        target_units: &[AlignUnit<'_>],
        source: &'a [UnitFeatures],
        target: &'a [UnitFeatures],
    ) -> Self {
        let starts = |units: &[AlignUnit<'_>]| -> Vec<bool> {
            (0..units.len())
                .map(|idx| idx == 0 || units[idx].paragraph != units[idx - 1].paragraph)
                .collect()
        };
        let source_para_start = starts(source_units);
        let target_para_start = starts(target_units);
        // Paragraph breaks are evidence only when the draft keeps the source's
        // paragraphs: the same number (within 5% on long texts). A draft that
        // re-paragraphs would otherwise be pushed into null beads; on the
        // development sets re-paragraphing the drafts every 4 units instead
        // of 3 cost 17 strict F1 points with the costs always on.
        let n_source_paragraphs = source_para_start.iter().filter(|&&s| s).count();
        let n_target_paragraphs = target_para_start.iter().filter(|&&s| s).count();
        let use_paragraphs = n_source_paragraphs > 1 && n_source_paragraphs.abs_diff(n_target_paragraphs) <= n_source_paragraphs / 20;
        Scorer {
            config,
            source_units,
            source,
            target,
            source_para_start,
            target_para_start,
            use_paragraphs,
            source_sums: prefix_sums(source),
            target_sums: prefix_sums(target),
        }
    }

    /// Anchor weight and length in characters of `range` on one side.
    fn totals(sums: &[(f64, u64)], range: Range<usize>) -> (f32, u32) {
        let (start, end) = (sums[range.start], sums[range.end]);
        ((end.0 - start.0) as f32, u32::try_from(end.1 - start.1).unwrap_or(u32::MAX))
    }

    /// Weighted Dice similarity from an overlap and the two sides' weights.
    fn dice(overlap: f32, source_weight: f32, target_weight: f32) -> f32 {
        let total = source_weight + target_weight;
        if total > 0.0 {
            (2.0 * overlap.min(source_weight).min(target_weight) / total).min(1.0)
        } else {
            0.0
        }
    }

    pub fn n_source(&self) -> usize {
        self.source.len()
    }

    pub fn n_target(&self) -> usize {
        self.target.len()
    }

    /// Anchor similarity (weighted Dice, 0..1) and length cost of pairing
    /// `source` with `target`, given the summed pairwise overlap `overlap`.
    pub fn evidence(&self, source: Range<usize>, target: Range<usize>, overlap: f32) -> (f32, f32) {
        let (source_weight, source_chars) = Self::totals(&self.source_sums, source);
        let (target_weight, target_chars) = Self::totals(&self.target_sums, target);
        (
            Self::dice(overlap, source_weight, target_weight),
            length::cost(source_chars, target_chars),
        )
    }

    /// Overlap of two ranges computed directly (used outside the search).
    pub fn overlap(&self, source: Range<usize>, target: Range<usize>) -> f32 {
        let mut total = 0.0;
        for s in source {
            for t in target.clone() {
                total += intersection(&self.source[s], &self.target[t]);
            }
        }
        total
    }

    /// The weakest link of a merge: the smallest similarity between one of
    /// the merged units and the whole other side. A true merge has evidence
    /// for every member; a false one often absorbs an unrelated short unit
    /// whose few anchors barely change the bead's overall similarity.
    fn weakest_member(members: Range<usize>, member_overlaps: &[f32], features: &[UnitFeatures], other_weight: f32) -> f32 {
        members
            .zip(member_overlaps)
            .map(|(unit, &overlap)| Self::dice(overlap, features[unit].weight, other_weight))
            .fold(1.0, f32::min)
    }

    /// Lower bounds of the cost of a bead of shape `SHAPES[shape]`, so that
    /// the search can skip most beads without working out their cost: the
    /// first for any bead (the shape's own cost), the second for a bead
    /// whose units share no anchor at all (then the lexical cost is whole,
    /// and for a merge so is the weakest member's). Both hold when every
    /// part of a cost is non-negative, as with the tuned weights; a tuning
    /// run that tries negative ones gets no bounds.
    pub(super) fn floors(&self) -> [(f32, f32); SHAPES.len()] {
        let config = self.config;
        let non_negative = [
            config.lexical_weight,
            config.member_weight,
            config.length_weight,
            config.paragraph_cross_cost,
            config.paragraph_mismatch_cost,
        ]
        .iter()
        .all(|&w| w >= 0.0);
        std::array::from_fn(|shape| {
            if !non_negative {
                return (f32::NEG_INFINITY, f32::NEG_INFINITY);
            }
            let (ds, dt) = SHAPES[shape];
            let own = match (ds, dt) {
                (1, 0) | (0, 1) => return (config.repeat_cost.min(config.null_cost), config.repeat_cost.min(config.null_cost)),
                (1, 1) => 0.0,
                (2, 1) | (1, 2) => config.merge_cost,
                (2, 2) => config.merge2_cost,
                _ => config.merge3_cost,
            };
            let size = (ds + dt) as f32 / 2.0;
            let member = if ds > 1 || dt > 1 { config.member_weight } else { 0.0 };
            (own, own + config.lexical_weight * size + member)
        })
    }

    /// Cost of the bead `source` × `target` of shape `SHAPES[shape]`, or
    /// infinity as soon as it is clear that it exceeds `budget` (the cost
    /// that would have to be beaten); the costly length model comes last.
    pub(super) fn cost(&self, source: Range<usize>, target: Range<usize>, shape: usize, member: &Overlaps, budget: f32) -> f32 {
        let config = self.config;
        let (ds, dt) = SHAPES[shape];
        match (ds, dt) {
            (1, 0) if self.source_units[source.start].repeat_of.is_some() => return config.repeat_cost,
            (1, 0) | (0, 1) => return config.null_cost,
            _ => {}
        }
        let mut cost = match (ds, dt) {
            (1, 1) => 0.0,
            (2, 1) | (1, 2) => config.merge_cost,
            (2, 2) => config.merge2_cost,
            _ => config.merge3_cost,
        };
        if self.use_paragraphs {
            let crosses = self.source_para_start[source.start + 1..source.end].iter().any(|&s| s)
                || self.target_para_start[target.start + 1..target.end].iter().any(|&s| s);
            if crosses {
                cost += config.paragraph_cross_cost;
            }
            if self.source_para_start[source.start] != self.target_para_start[target.start] {
                cost += config.paragraph_mismatch_cost;
            }
        }
        if cost >= budget {
            return f32::INFINITY;
        }
        let (source_weight, source_chars) = Self::totals(&self.source_sums, source.clone());
        let (target_weight, target_chars) = Self::totals(&self.target_sums, target.clone());
        let overlap: f32 = member.source.iter().sum();
        let dice = Self::dice(overlap, source_weight, target_weight);
        let size = (ds + dt) as f32 / 2.0;
        // exp(-0) is 1: most candidate pairs share nothing, and the search
        // asks for millions of them.
        let lexical = if dice == 0.0 { 1.0 } else { (-dice / config.lexical_scale).exp() };
        cost += config.lexical_weight * lexical * size;
        if cost >= budget && config.member_weight >= 0.0 {
            return f32::INFINITY;
        }
        if ds > 1 || dt > 1 {
            let mut weakest = 1.0f32;
            if ds > 1 {
                weakest = weakest.min(Self::weakest_member(source, &member.source, self.source, target_weight));
            }
            if dt > 1 {
                weakest = weakest.min(Self::weakest_member(target, &member.target, self.target, source_weight));
            }
            cost += config.member_weight * (-weakest / config.lexical_scale).exp();
        }
        if cost >= budget {
            return f32::INFINITY;
        }
        cost + config.length_weight * length::cost(source_chars, target_chars).min(config.length_cap)
    }
}
