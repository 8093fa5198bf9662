//! Word translation probabilities learnt from the corpus itself: IBM Model 1
//! (Brown et al. 1993), trained by expectation-maximisation in both
//! directions, p(English word | Indonesian word) and p(Indonesian word |
//! English word), each side with an empty word for words the other side
//! leaves untranslated.
//!
//! Model 1 knows nothing of word order, so a few iterations over a few
//! thousand sentence pairs take milliseconds, and it needs no dictionary:
//! `presiden` comes to prefer `president` because they keep meeting. Two
//! things help it on small corpora:
//!
//! * **Look-alikes start ahead.** A pair of words spelt alike (names and
//!   acronyms kept in English: `Jakarta`/`jakarta`, `BI`/`bi`) starts with ten
//!   times the weight of any other pair, and a pair of cognates (`Italia`/
//!   `italy`, `Meksiko`/`mexico`, `inflasi`/`inflation`) up to that, by the
//!   share of letters they have in common in order ([`prior`]), so a name
//!   seen twice is already likelier to be itself than the words around it.
//! * **Long beads are skipped in training** (over [`MAX_TRAIN_TOKENS`]
//!   words a side): they hold little evidence per pair and cost quadratic
//!   time. They are still mined with what the rest taught.
//!
//! Memory: one index per co-occurring word pair of each bead, so it grows
//! with the corpus times the (bounded) bead size.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher for pairs of small integers (the word pair
/// table is looked up millions of times; SipHash's protection against
/// crafted keys buys nothing for keys made of our own ids).
#[derive(Debug, Default, Clone, Copy)]
pub struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type PairMap<V> = HashMap<(u32, u32), V, BuildHasherDefault<PairHasher>>;

/// Beads with more words than this on either side are not trained on.
pub const MAX_TRAIN_TOKENS: usize = 100;
/// EM iterations.
const ITERATIONS: usize = 5;
/// Initial weight of a pair of identical words.
const IDENTITY_BOOST: f32 = 10.0;
/// The empty word's id on either side.
pub const NULL: u32 = u32::MAX;

/// The two translation tables.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Pair indices by word pair (kept for the tests' look-ups only).
    #[cfg(test)]
    pairs: PairMap<u32>,
    /// p(english | indonesian) per pair.
    forward: Vec<f32>,
    /// p(indonesian | english) per pair.
    backward: Vec<f32>,
    /// Per bead given to [`Lexicon::train`]: where its pair indices start in
    /// `cells`, if it was trained on.
    bead_cells: Vec<Option<usize>>,
    /// Per trained bead, (I+1) x (J+1) pair indices, row 0 and column 0 the
    /// empty words.
    cells: Vec<u32>,
}

impl Lexicon {
    /// Trains on `beads`: per bead, the Indonesian and the English word keys.
    /// `prior(f, e)` is the initial weight of a pair (1 for unrelated words).
    pub fn train(beads: &[(Vec<u32>, Vec<u32>)], prior: impl Fn(u32, u32) -> f32) -> Lexicon {
        let mut pairs: PairMap<u32> = PairMap::default();
        let mut given_f: Vec<u32> = Vec::new();
        let mut given_e: Vec<u32> = Vec::new();
        let mut matrices: Vec<(usize, usize, usize)> = Vec::new();
        let mut cells: Vec<u32> = Vec::new();
        let mut bead_cells = Vec::with_capacity(beads.len());
        for (source, target) in beads {
            if source.is_empty() || target.is_empty() || source.len() > MAX_TRAIN_TOKENS || target.len() > MAX_TRAIN_TOKENS {
                bead_cells.push(None);
                continue;
            }
            bead_cells.push(Some(cells.len()));
            matrices.push((cells.len(), source.len() + 1, target.len() + 1));
            for f in std::iter::once(NULL).chain(source.iter().copied()) {
                for e in std::iter::once(NULL).chain(target.iter().copied()) {
                    let next = pairs.len() as u32;
                    let idx = *pairs.entry((f, e)).or_insert_with(|| {
                        given_f.push(f);
                        given_e.push(e);
                        next
                    });
                    cells.push(idx);
                }
            }
        }
        let init: Vec<f32> = given_f
            .iter()
            .zip(&given_e)
            .map(|(&f, &e)| if f != NULL && e != NULL { prior(f, e) } else { 1.0 })
            .collect();
        let (forward, backward) = rayon::join(
            || em(&matrices, &cells, &init, &given_f, false),
            || em(&matrices, &cells, &init, &given_e, true),
        );
        Lexicon {
            #[cfg(test)]
            pairs,
            forward,
            backward,
            bead_cells,
            cells,
        }
    }

    /// For trained bead `bead_idx` (of `n_source` and `n_target` words): p(e_j |
    /// f_i) and p(f_i | e_j) by row i (0 = the empty Indonesian word) and
    /// column j (0 = the empty English word), read without hashing.
    pub fn bead_table(&self, bead_idx: usize, n_source: usize, n_target: usize) -> Option<impl Fn(usize, usize) -> (f32, f32) + '_> {
        let offset = (*self.bead_cells.get(bead_idx)?)?;
        let columns = n_target + 1;
        debug_assert!(offset + (n_source + 1) * columns <= self.cells.len());
        Some(move |row: usize, column: usize| {
            let idx = self.cells[offset + row * columns + column] as usize;
            (self.forward[idx], self.backward[idx])
        })
    }

    /// p(english `e` | indonesian `f`); `f` may be [`NULL`].
    #[cfg(test)]
    pub fn forward(&self, f: u32, e: u32) -> f32 {
        self.pairs.get(&(f, e)).map_or(0.0, |&idx| self.forward[idx as usize])
    }

    /// p(indonesian `f` | english `e`); `e` may be [`NULL`].
    #[cfg(test)]
    pub fn backward(&self, f: u32, e: u32) -> f32 {
        self.pairs.get(&(f, e)).map_or(0.0, |&idx| self.backward[idx as usize])
    }
}

/// The initial weight of a word pair spelt `f` (Indonesian) and `e`
/// (English), both lower case: [`IDENTITY_BOOST`] when equal; for words of
/// four letters or more, rising from 1 to that as the longest common
/// subsequence covers from half to all of the longer word; else 1.
#[cfg(test)]
pub fn prior(f: &str, e: &str) -> f32 {
    prior_of(&PriorWord::new(f), &PriorWord::new(e))
}

/// A lower-case word as [`prior_of`] reads it: whole, and its first 24
/// letters.
pub struct PriorWord<'a> {
    word: &'a str,
    chars: Vec<char>,
}

impl<'a> PriorWord<'a> {
    pub fn new(word: &'a str) -> PriorWord<'a> {
        PriorWord {
            word,
            chars: word.chars().take(24).collect(),
        }
    }
}

/// The initial weight of a word pair (see `prior`), from spellings made once
/// per word, not once per pair.
pub fn prior_of(f: &PriorWord<'_>, e: &PriorWord<'_>) -> f32 {
    if f.word == e.word {
        return if f.word.chars().count() > 1 { IDENTITY_BOOST } else { 1.0 };
    }
    let (f, e) = (&f.chars, &e.chars);
    if f.len() < 4 || e.len() < 4 || 2 * f.len().min(e.len()) <= f.len().max(e.len()) {
        return 1.0;
    }
    let ratio = lcs(f, e) as f32 / f.len().max(e.len()) as f32;
    1.0 + (IDENTITY_BOOST - 1.0) * ((ratio - 0.5) / 0.5).clamp(0.0, 1.0)
}

/// Length of the longest common subsequence.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Model 1 EM over the bead matrices. Not `transposed`: the English words
/// (columns 1..) are generated by the Indonesian ones (rows, with the empty
/// word in row 0); `transposed`: the other way round. `given` names, per
/// pair, the conditioning word, whose probabilities sum to one.
fn em(matrices: &[(usize, usize, usize)], cells: &[u32], init: &[f32], given: &[u32], transposed: bool) -> Vec<f32> {
    let mut prob = init.to_vec();
    let mut counts = vec![0f32; prob.len()];
    // Totals per conditioning word; the empty word takes the last slot.
    let n_given = given.iter().filter(|&&g| g != NULL).max().map_or(0, |&g| g as usize + 1) + 1;
    let slot = |g: u32| if g == NULL { n_given - 1 } else { g as usize };
    let mut totals = vec![0f32; n_given];
    for _ in 0..ITERATIONS {
        counts.iter_mut().for_each(|c| *c = 0.0);
        totals.iter_mut().for_each(|t| *t = 0.0);
        for &(offset, rows, columns) in matrices {
            let cell = |row: usize, column: usize| cells[offset + row * columns + column] as usize;
            let (n_generated, n_givers) = if transposed { (rows, columns) } else { (columns, rows) };
            for generated in 1..n_generated {
                let at = |giver: usize| {
                    if transposed {
                        cell(generated, giver)
                    } else {
                        cell(giver, generated)
                    }
                };
                let z: f32 = (0..n_givers).map(|giver| prob[at(giver)]).sum();
                if z <= 0.0 {
                    continue;
                }
                for giver in 0..n_givers {
                    let idx = at(giver);
                    counts[idx] += prob[idx] / z;
                }
            }
        }
        for (idx, &count) in counts.iter().enumerate() {
            totals[slot(given[idx])] += count;
        }
        for (idx, p) in prob.iter_mut().enumerate() {
            let total = totals[slot(given[idx])];
            *p = if total > 0.0 { counts[idx] / total } else { 0.0 };
        }
    }
    prob
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cooccurring_words_translate_each_other() {
        // rumah=1 besar=2 kecil=3 ; house=11 big=12 small=13
        let beads = vec![
            (vec![1, 2], vec![12, 11]),
            (vec![1, 3], vec![13, 11]),
            (vec![2], vec![12]),
            (vec![3], vec![13]),
        ];
        let lexicon = Lexicon::train(&beads, |_, _| 1.0);
        assert!(lexicon.forward(1, 11) > 0.8, "{}", lexicon.forward(1, 11));
        assert!(lexicon.forward(2, 12) > lexicon.forward(2, 11));
        assert!(lexicon.backward(1, 11) > 0.8, "{}", lexicon.backward(1, 11));
        assert_eq!(lexicon.forward(1, 99), 0.0);
    }

    #[test]
    fn identical_words_start_ahead() {
        // Jakarta=1 kota=2 ; jakarta=11 city=12, seen together once only.
        let beads = vec![(vec![2, 1], vec![11, 12])];
        let lexicon = Lexicon::train(&beads, |f, e| if f == 1 && e == 11 { IDENTITY_BOOST } else { 1.0 });
        assert!(lexicon.forward(1, 11) > lexicon.forward(1, 12));
        assert!(lexicon.forward(2, 12) > lexicon.forward(2, 11));
    }

    #[test]
    fn cognates_weigh_by_shared_letters() {
        assert_eq!(prior("jakarta", "jakarta"), IDENTITY_BOOST);
        assert_eq!(lcs(&['a', 'b', 'c'], &['a', 'c']), 2);
        assert!(prior("italia", "italy") > 2.0);
        assert!(prior("jerman", "german") > prior("italia", "italy"));
        assert_eq!(prior("maroko", "listed"), 1.0);
        assert_eq!(prior("as", "us"), 1.0);
    }
}
