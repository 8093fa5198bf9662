//! The search: bead costs and unit features in, the cheapest bead path out.
//!
//! Dynamic programming over the grid of (source units consumed, draft units
//! consumed). A full grid is quadratic, so long texts are searched in a band:
//! row `i` (source units consumed) only keeps cells `lo[i]..=hi[i]`. The
//! first band follows the diagonal scaled to the two lengths, `band` cells to
//! each side. If the best path comes within `EDGE_MARGIN` cells of the band's
//! edge (where the edge is not the grid's), the band is recentred on that path
//! and doubled, and the search runs again. Time and memory are therefore
//! O((n + m) · width): linear in the length of the texts for a fixed width,
//! and the width grows only when the texts drift apart (a long omission or
//! insertion). Small inputs (up to `FULL_GRID_CELLS` cells) use the full grid.
//!
//! The anchor overlap of every (source unit, draft unit) pair in the band is
//! computed once (`PairCache`); a 2-2 bead adds four cached overlaps, which
//! slightly overcounts a key present in both merged units, an approximation
//! that does not change which bead wins in practice.

use std::ops::Range;

use super::anchors::{UnitFeatures, intersection};
use super::{AlignUnit, AlignerConfig, length};

/// Bead shapes (source units, draft units) the search considers. On equal
/// cost the earlier shape wins as the *last* bead of a path, so with 0-1
/// before 1-0 an omission and an addition at one place come out in the
/// order omission, addition.
pub const SHAPES: [(usize, usize); 8] = [(1, 1), (0, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];
const MAX_SOURCE: usize = 3;
const MAX_TARGET: usize = 3;

/// Grids up to this many cells are searched whole.
const FULL_GRID_CELLS: usize = 4_000_000;
/// How close to a band edge a path may come before the band is widened.
const EDGE_MARGIN: usize = 3;

/// Summed overlaps of each unit of a bead with the other side's units.
#[derive(Default)]
struct Overlaps {
    source: [f32; MAX_SOURCE],
    target: [f32; MAX_TARGET],
}

/// A bead of the best path, before confidence is worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct PathBead {
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// A 1-0 bead that took the cheaper repeat cost.
    pub repeat: bool,
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

    /// Cost of the bead `source` × `target` of shape `SHAPES[shape]`, or
    /// infinity as soon as it is clear that it exceeds `budget` (the cost
    /// that would have to be beaten); the costly length model comes last.
    fn cost(&self, source: Range<usize>, target: Range<usize>, shape: usize, member: &Overlaps, budget: f32) -> f32 {
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
        cost += config.lexical_weight * (-dice / config.lexical_scale).exp() * size;
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

/// The cells kept per row: `lo[i]..=hi[i]`, stored row after row.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offsets: Vec<usize>,
}

impl Band {
    fn new(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        for h in &mut hi {
            *h = (*h).min(m);
        }
        lo[0] = 0;
        hi[n] = m;
        // Rows must be monotone and overlap their predecessor, so that every
        // kept cell can be reached with 1-0 and 0-1 beads at worst.
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
            lo[i] = lo[i].min(hi[i - 1]);
        }
        let mut offsets = Vec::with_capacity(n + 2);
        let mut total = 0;
        for i in 0..=n {
            offsets.push(total);
            total += hi[i] - lo[i] + 1;
        }
        offsets.push(total);
        Band { lo, hi, offsets }
    }

    fn cells(&self) -> usize {
        *self.offsets.last().unwrap_or(&0)
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.offsets[i] + j - self.lo[i])
    }
}

/// Overlaps of (source unit, draft unit) pairs that beads in the band use.
struct PairCache {
    first_target: Vec<usize>,
    offsets: Vec<usize>,
    values: Vec<f32>,
}

impl PairCache {
    fn new(scorer: &Scorer<'_>, band: &Band) -> PairCache {
        let (n, m) = (scorer.n_source(), scorer.n_target());
        let mut first_target = Vec::with_capacity(n);
        let mut offsets = Vec::with_capacity(n + 1);
        let mut values = Vec::new();
        for s in 0..n {
            // Source unit `s` is in beads ending on rows s+1 ..= s+MAX_SOURCE.
            let first = band.lo[s + 1].saturating_sub(MAX_TARGET);
            let end = band.hi[(s + MAX_SOURCE).min(n)].min(m);
            first_target.push(first);
            offsets.push(values.len());
            values.extend((first..end.max(first)).map(|t| intersection(&scorer.source[s], &scorer.target[t])));
        }
        offsets.push(values.len());
        PairCache {
            first_target,
            offsets,
            values,
        }
    }

    fn get(&self, scorer: &Scorer<'_>, s: usize, t: usize) -> f32 {
        let first = self.first_target[s];
        let at = self.offsets[s] + t.wrapping_sub(first);
        if t >= first && at < self.offsets[s + 1] {
            self.values[at]
        } else {
            intersection(&scorer.source[s], &scorer.target[t])
        }
    }
}

/// The cheapest bead path from (0, 0) to (n, m).
pub fn search(scorer: &Scorer<'_>, band_width: usize) -> Vec<PathBead> {
    let (n, m) = (scorer.n_source(), scorer.n_target());
    if n == 0 || m == 0 {
        // Nothing to pair: every unit is a null bead.
        let source = (0..n).map(|s| PathBead {
            source: s..s + 1,
            target: 0..0,
            repeat: scorer.source_units[s].repeat_of.is_some(),
        });
        let target = (0..m).map(|t| PathBead {
            source: 0..0,
            target: t..t + 1,
            repeat: false,
        });
        return source.chain(target).collect();
    }
    if (n + 1) * (m + 1) <= FULL_GRID_CELLS {
        return run(scorer, &Band::new(vec![0; n + 1], vec![m; n + 1], m));
    }
    search_banded(scorer, band_width)
}

/// The banded search on its own (used for long inputs, and by tests to force
/// narrow bands on short ones). Both sides must be non-empty.
pub fn search_banded(scorer: &Scorer<'_>, band_width: usize) -> Vec<PathBead> {
    let (n, m) = (scorer.n_source(), scorer.n_target());
    if n == 0 || m == 0 {
        return search(scorer, band_width);
    }
    let slope = m.div_ceil(n);
    let mut width = band_width.max(slope + EDGE_MARGIN + 1);
    let centre = |i: usize| i * m / n;
    let mut band = Band::new(
        (0..=n).map(|i| centre(i).saturating_sub(width)).collect(),
        (0..=n).map(|i| centre(i) + width).collect(),
        m,
    );
    loop {
        let path = run(scorer, &band);
        if !touches_edge(&band, &path, n, m) {
            return path;
        }
        width *= 2;
        band = recentred(&path, n, m, width);
    }
}

/// One dynamic programming pass over `band`.
fn run(scorer: &Scorer<'_>, band: &Band) -> Vec<PathBead> {
    let (n, m) = (scorer.n_source(), scorer.n_target());
    let cache = PairCache::new(scorer, band);
    let mut costs = vec![f32::INFINITY; band.cells()];
    let mut back = vec![u8::MAX; band.cells()];
    costs[0] = 0.0;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let here = band.offsets[i] + j - band.lo[i];
            for (shape, &(ds, dt)) in SHAPES.iter().enumerate() {
                if ds > i || dt > j {
                    continue;
                }
                let Some(previous) = band.index(i - ds, j - dt) else { continue };
                let previous_cost = costs[previous];
                if !previous_cost.is_finite() {
                    continue;
                }
                // Overlap of each merged unit with the other side, and in total.
                let mut member = Overlaps::default();
                for (a, s) in (i - ds..i).enumerate() {
                    for (b, t) in (j - dt..j).enumerate() {
                        let value = cache.get(scorer, s, t);
                        member.source[a] += value;
                        member.target[b] += value;
                    }
                }
                let total = previous_cost + scorer.cost(i - ds..i, j - dt..j, shape, &member, costs[here] - previous_cost);
                if total < costs[here] {
                    costs[here] = total;
                    back[here] = shape as u8;
                }
            }
        }
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = band.index(i, j).expect("the path stays in the band");
        let (ds, dt) = SHAPES[usize::from(back[here])];
        path.push(PathBead {
            source: i - ds..i,
            target: j - dt..j,
            repeat: (ds, dt) == (1, 0) && scorer.source_units[i - 1].repeat_of.is_some(),
        });
        i -= ds;
        j -= dt;
    }
    path.reverse();
    path
}

/// Whether the path runs near a band edge that is not the grid's edge.
fn touches_edge(band: &Band, path: &[PathBead], n: usize, m: usize) -> bool {
    if band.lo.iter().all(|&lo| lo == 0) && band.hi.iter().all(|&hi| hi == m) {
        return false;
    }
    path.iter().any(|bead| {
        let (i, j) = (bead.source.end, bead.target.end);
        debug_assert!(i <= n);
        (band.lo[i] > 0 && j < band.lo[i] + EDGE_MARGIN) || (band.hi[i] < m && j + EDGE_MARGIN > band.hi[i])
    })
}

/// A band of half-width `width` around `path`.
fn recentred(path: &[PathBead], n: usize, m: usize, width: usize) -> Band {
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0; n + 1];
    lo[0] = 0;
    for bead in path {
        for i in bead.source.start..=bead.source.end {
            lo[i] = lo[i].min(bead.target.start.saturating_sub(width));
            hi[i] = hi[i].max(bead.target.end + width);
        }
    }
    Band::new(lo, hi.into_iter().map(|h| h.min(m)).collect(), m)
}
