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

use super::anchors::intersection;
use super::cost::{MAX_SOURCE, MAX_TARGET, Overlaps, SHAPES, Scorer};

/// Grids up to this many cells (about 500 × 500 units, far more than a
/// news article) are searched whole; beyond, the band keeps cost linear.
const FULL_GRID_CELLS: usize = 250_000;
/// How close to a band edge a path may come before the band is widened.
const EDGE_MARGIN: usize = 3;

/// A bead of the best path, before confidence is worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct PathBead {
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// A 1-0 bead that took the cheaper repeat cost.
    pub repeat: bool,
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
