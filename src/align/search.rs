//! The search: bead costs and unit features in, the cheapest bead path out.
//!
//! Dynamic programming over the grid of (source units consumed, draft units
//! consumed). A full grid is quadratic, so long texts are searched in a band:
//! row `i` (source units consumed) only keeps cells `lo[i]..=hi[i]`. The
//! first band follows the diagonal scaled to the two lengths, `band` cells to
//! each side. If the best path comes within `EDGE_MARGIN` cells of the band's
//! edge (where the edge is not the grid's), the band is recentred on that path
//! and doubled, and the search runs again, as long as
//!
//! * the last widening made the path cheaper: when a band twice as wide
//!   finds no cheaper path, the edge was not what held the path there (many
//!   equally cheap paths, as in a text of a thousand `Ya.` against a
//!   thousand `Yes.`, where omission-plus-addition ties with any order of
//!   the two), and
//! * the half-width stays within `MAX_WIDTH` (or the first band's, when the
//!   two texts differ so much in length that the diagonal alone needs more).
//!
//! Time is therefore O((n + m) · width) with a width bounded by a constant,
//! and memory is one byte per band cell (the back pointers) plus four rows
//! of costs and of pair overlaps, which roll as the search moves down. A
//! drift of more than `MAX_WIDTH` draft units (a translator leaving out
//! hundreds of consecutive sentences of a very long text) is followed only
//! as far as the band reaches; the path is still complete, with the rest of
//! the gap as mismatched or null beads. Small inputs (up to
//! `FULL_GRID_CELLS` cells) use the full grid and are exact.
//!
//! The anchor overlap of every (source unit, draft unit) pair in the band is
//! computed once per pass; a 2-2 bead adds four overlaps, which slightly
//! overcounts a key present in both merged units, an approximation that does
//! not change which bead wins in practice.

use std::ops::Range;

use super::anchors::intersection;
use super::cost::{MAX_SOURCE, MAX_TARGET, Overlaps, SHAPES, Scorer};

/// Grids up to this many cells (about 500 × 500 units, far more than a
/// news article) are searched whole; beyond, the band keeps cost linear.
const FULL_GRID_CELLS: usize = 250_000;
/// How close to a band edge a path may come before the band is widened.
const EDGE_MARGIN: usize = 3;
/// The widest half-width the band grows to (in draft units).
pub(super) const MAX_WIDTH: usize = 512;
/// A wider band must lower the path's cost by more than this share of it
/// to be widened again. Path costs are summed in f64, so two orders of the
/// same beads differ only in the last bits.
const COST_EPSILON: f64 = 1e-9;
/// Rows of costs and overlaps kept while the search moves down: a bead
/// reaches back at most `MAX_SOURCE` rows.
const ROLLING_ROWS: usize = MAX_SOURCE + 1;

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

    /// Whether every row spans the whole grid.
    fn is_full(&self, m: usize) -> bool {
        self.lo.iter().all(|&lo| lo == 0) && self.hi.iter().all(|&hi| hi == m)
    }
}

/// Overlaps of (source unit, draft unit) pairs that beads in the band use,
/// for the last `MAX_SOURCE` source units only: source unit `s` is in beads
/// ending on rows `s + 1 ..= s + MAX_SOURCE`, so its row is computed when
/// the search reaches row `s + 1` and dropped `MAX_SOURCE` rows later. The
/// row covers every draft unit such a bead can hold (band rows ascend), so
/// the direct computation in `get` is only a safety net.
struct RollingOverlaps {
    /// Per slot (source unit modulo `MAX_SOURCE`): its first draft unit and values.
    rows: Vec<(usize, Vec<f32>)>,
}

impl RollingOverlaps {
    fn new() -> Self {
        RollingOverlaps {
            rows: (0..MAX_SOURCE).map(|_| (0, Vec::new())).collect(),
        }
    }

    /// Computes the row of source unit `s` (before the search does row `s + 1`).
    fn load(&mut self, scorer: &Scorer<'_>, band: &Band, s: usize) {
        let (n, m) = (scorer.n_source(), scorer.n_target());
        let first = band.lo[s + 1].saturating_sub(MAX_TARGET);
        let end = band.hi[(s + MAX_SOURCE).min(n)].min(m).max(first);
        let (first_target, values) = &mut self.rows[s % MAX_SOURCE];
        *first_target = first;
        values.clear();
        values.extend((first..end).map(|t| intersection(&scorer.source[s], &scorer.target[t])));
    }

    #[inline]
    fn get(&self, scorer: &Scorer<'_>, s: usize, t: usize) -> f32 {
        let (first, values) = &self.rows[s % MAX_SOURCE];
        match values.get(t.wrapping_sub(*first)) {
            Some(&value) => value,
            None => intersection(&scorer.source[s], &scorer.target[t]),
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
    if (n + 1).saturating_mul(m + 1) <= FULL_GRID_CELLS {
        return run(scorer, &Band::new(vec![0; n + 1], vec![m; n + 1], m), false).0;
    }
    search_banded(scorer, band_width)
}

/// What a banded search cost: passes over the grid and cells visited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchStats {
    pub passes: usize,
    pub cells: usize,
}

/// The banded search on its own (used for long inputs, and by tests to force
/// narrow bands on short ones). Both sides must be non-empty.
pub fn search_banded(scorer: &Scorer<'_>, band_width: usize) -> Vec<PathBead> {
    search_banded_with_stats(scorer, band_width).0
}

/// [`search_banded`], also saying how much work it did (for tests of the
/// linear bound).
pub fn search_banded_with_stats(scorer: &Scorer<'_>, band_width: usize) -> (Vec<PathBead>, SearchStats) {
    let (n, m) = (scorer.n_source(), scorer.n_target());
    if n == 0 || m == 0 {
        return (search(scorer, band_width), SearchStats::default());
    }
    let slope = m.div_ceil(n);
    let mut width = band_width.max(slope + EDGE_MARGIN + 1);
    let max_width = width.max(MAX_WIDTH);
    let centre = |i: usize| i * m / n;
    let band = Band::new(
        (0..=n).map(|i| centre(i).saturating_sub(width)).collect(),
        (0..=n).map(|i| centre(i) + width).collect(),
        m,
    );
    let mut stats = SearchStats {
        passes: 1,
        cells: band.cells(),
    };
    let (mut path, mut cost) = run(scorer, &band, true);
    let mut edge_band = band;
    while touches_edge(&edge_band, &path, m) && width < max_width {
        width = (width * 2).min(max_width);
        let band = recentred(&path, n, m, width);
        stats.passes += 1;
        stats.cells += band.cells();
        let (wider_path, wider_cost) = run(scorer, &band, true);
        let improved = wider_cost < cost - COST_EPSILON * cost.abs().max(1.0);
        if wider_cost < cost {
            (path, cost) = (wider_path, wider_cost);
        }
        if !improved {
            break;
        }
        edge_band = band;
    }
    (path, stats)
}

/// The pairing shapes (indices into `SHAPES`) in the order a cell tries
/// them, after the two null beads: 1-1 first, whose cost usually sets a
/// budget under which the merges stop early.
const PAIRING_SHAPES: [usize; 6] = [0, 3, 4, 5, 6, 7];
/// Indices of the 0-1 and 1-0 shapes in `SHAPES`.
const ADDITION: usize = 1;
const OMISSION: usize = 2;
/// Costs within this share of each other are ties for the band's tie rule.
const TIE_TOLERANCE: f64 = 1e-9;

/// The best way found so far into one cell.
struct Best {
    cost: f64,
    shape: u8,
    /// How far the predecessor lies from the middle of its row (twice the
    /// distance, in cells); only kept in the outer half of a band row.
    drift: usize,
    /// Whether the cell is in the outer half of its band row.
    drifting: bool,
}

impl Best {
    /// How far above the best cost a candidate still ties with it.
    fn tolerance(&self) -> f64 {
        if self.drifting && self.cost.is_finite() {
            TIE_TOLERANCE * self.cost.abs().max(1.0)
        } else {
            0.0
        }
    }

    /// Takes the candidate if it is cheaper; on equal cost the lower shape
    /// index wins, except that a drifting cell first prefers the
    /// predecessor nearer the middle of its row.
    fn offer(&mut self, total: f64, shape: usize, drift: impl FnOnce() -> usize) {
        let better = if self.drifting && (total - self.cost).abs() <= self.tolerance() {
            let drift = drift();
            let wins = drift < self.drift
                || (drift == self.drift && (total < self.cost || (total == self.cost && shape < usize::from(self.shape))));
            if wins {
                self.drift = drift;
            }
            wins
        } else {
            let wins = total < self.cost || (total == self.cost && shape < usize::from(self.shape));
            if wins && self.drifting {
                self.drift = drift();
            }
            wins
        };
        if better {
            self.cost = total;
            self.shape = shape as u8;
        }
    }
}

/// One dynamic programming pass over `band`: the cheapest path and its cost.
///
/// Bead costs are f32, path costs f64: a path of a million beads sums to
/// about a million, where an f32 could no longer tell costs 0.05 apart.
/// Each cell tries the null beads first (their costs are fixed), so that
/// their cost is the budget that lets most pairings stop early: an
/// unrelated pair costs more than an omission before its length is even
/// looked at. On equal cost the lower index in `SHAPES` still wins, as in a
/// plain minimum over `SHAPES` in order.
///
/// In a band (`banded`), a cell in the outer half of its row that can be
/// reached equally cheaply from two cells takes the one nearer the middle
/// of the band. Many equally cheap paths otherwise drift to an edge (the
/// lower shape index always wins a tie, so ties all lean the same way),
/// which costs a second, wider pass that finds nothing cheaper. The full
/// grid has no middle and keeps the plain rule.
fn run(scorer: &Scorer<'_>, band: &Band, banded: bool) -> (Vec<PathBead>, f64) {
    let n = scorer.n_source();
    let floors = scorer.floors();
    let no_overlap = Overlaps::default();
    let addition_cost = f64::from(scorer.cost(0..0, 0..1, ADDITION, &no_overlap, f32::INFINITY));
    let mut overlaps = RollingOverlaps::new();
    // Costs of the rows i - MAX_SOURCE ..= i, row r in slot r % ROLLING_ROWS.
    let mut costs: Vec<Vec<f64>> = (0..ROLLING_ROWS).map(|_| Vec::new()).collect();
    let mut back = vec![u8::MAX; band.cells()];
    let drift_of = |pi: usize, pj: usize| (2 * pj).abs_diff(band.lo[pi] + band.hi[pi]);
    for i in 0..=n {
        if i > 0 {
            overlaps.load(scorer, band, i - 1);
        }
        let omission_cost = if i > 0 {
            f64::from(scorer.cost(i - 1..i, 0..0, OMISSION, &no_overlap, f32::INFINITY))
        } else {
            f64::INFINITY
        };
        let (lo, hi) = (band.lo[i], band.hi[i]);
        let mut row = std::mem::take(&mut costs[i % ROLLING_ROWS]);
        row.clear();
        row.resize(hi - lo + 1, f64::INFINITY);
        // The row above, as (its first column, its costs).
        let above = (i > 0).then(|| (band.lo[i - 1], &costs[(i - 1) % ROLLING_ROWS][..]));
        for j in lo..=hi {
            let here = j - lo;
            let mut best = Best {
                cost: if i == 0 && j == 0 { 0.0 } else { f64::INFINITY },
                shape: u8::MAX,
                drift: usize::MAX,
                drifting: banded && (2 * j).abs_diff(lo + hi) > (hi - lo) / 2,
            };
            if j > lo && row[here - 1].is_finite() {
                best.offer(row[here - 1] + addition_cost, ADDITION, || drift_of(i, j - 1));
            }
            if let Some((above_lo, above_costs)) = above
                && let Some(&previous_cost) = j.checked_sub(above_lo).and_then(|at| above_costs.get(at))
                && previous_cost.is_finite()
            {
                best.offer(previous_cost + omission_cost, OMISSION, || drift_of(i - 1, j));
            }
            // One expansion per pairing shape, 1-1 first (its cost usually
            // sets the budget under which the merges stop early), so that
            // the loops over a bead's units have constant bounds.
            macro_rules! pairing {
                ($shape:expr) => {{
                    const SHAPE: usize = $shape;
                    const DS: usize = SHAPES[SHAPE].0;
                    const DT: usize = SHAPES[SHAPE].1;
                    if i >= DS && j >= DT {
                        let (pi, pj) = (i - DS, j - DT);
                        let slack = best.cost + best.tolerance();
                        if let Some(&previous_cost) = pj.checked_sub(band.lo[pi]).and_then(|at| costs[pi % ROLLING_ROWS].get(at))
                            && previous_cost.is_finite()
                            && previous_cost + f64::from(floors[SHAPE].0) <= slack
                        {
                            // Overlap of each merged unit with the other side.
                            let mut member = Overlaps::default();
                            let mut shared = false;
                            for a in 0..DS {
                                for b in 0..DT {
                                    let value = overlaps.get(scorer, pi + a, pj + b);
                                    shared |= value != 0.0;
                                    member.source[a] += value;
                                    member.target[b] += value;
                                }
                            }
                            if shared || previous_cost + f64::from(floors[SHAPE].1) <= slack {
                                // Rounded up, so that the early exit never drops a
                                // bead that ties or wins by less than an f32 step.
                                let budget = ((slack - previous_cost) as f32).next_up();
                                let cost = scorer.cost(pi..i, pj..j, SHAPE, &member, budget);
                                if cost.is_finite() {
                                    best.offer(previous_cost + f64::from(cost), SHAPE, || drift_of(pi, pj));
                                }
                            }
                        }
                    }
                }};
            }
            pairing!(PAIRING_SHAPES[0]);
            pairing!(PAIRING_SHAPES[1]);
            pairing!(PAIRING_SHAPES[2]);
            pairing!(PAIRING_SHAPES[3]);
            pairing!(PAIRING_SHAPES[4]);
            pairing!(PAIRING_SHAPES[5]);
            row[here] = best.cost;
            back[band.offsets[i] + here] = best.shape;
        }
        costs[i % ROLLING_ROWS] = row;
    }
    let m = band.hi[n];
    let total_cost = costs[n % ROLLING_ROWS][m - band.lo[n]];
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
    (path, total_cost)
}

/// Whether the path runs near a band edge that is not the grid's edge.
fn touches_edge(band: &Band, path: &[PathBead], m: usize) -> bool {
    if band.is_full(m) {
        return false;
    }
    path.iter().any(|bead| {
        let (i, j) = (bead.source.end, bead.target.end);
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
