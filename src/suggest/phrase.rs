//! The English that translates one occurrence of a term: the draft span
//! chosen by splitting the sentence pair in two (Vogel 2005, "PESA: phrase
//! pair extraction as sentence splitting").
//!
//! For an occurrence of a term in a bead, every span of the draft (up to
//! twice the term's length plus three words) is tried as its translation. A
//! split scores how well the lexicon explains the inside by the inside and
//! the outside by the outside, in both directions:
//!
//! * each English word inside the span by the term's words, each one outside
//!   by the other source words (Model 1 mixtures, the empty word on both);
//! * each word of the term by the span, each other source word by the rest
//!   of the draft.
//!
//! Two priors join in, as in word aligners: a span as long as the term, or
//! one word longer, is likelier than a shorter or longer one
//! ([`LENGTH_COST`] per word of difference), and a span where the term sits in its sentence likelier than
//! one at the other end ([`POSITION_COST`] times the difference of their
//! relative positions). They matter for words seen once or twice, whose
//! lexicon entries are flat; for frequent words the lexicon decides.
//!
//! The best split wins. Because the term's words must be explained from
//! inside the span and the span's words from the term, the span takes the
//! whole rendering (`Minister of Finance`, `Finance Minister`, not `Finance`)
//! and leaves the neighbours out. The span is then trimmed of English
//! function words at its edges (`the World Bank` → `World Bank`) and of a
//! possessive ending; a span that crosses a comma, bracket or quote is no
//! rendering (the term was likely dropped or moved out of reach).

use super::candidates::TermOccurrence;
use super::corpus::{Corpus, TargetToken};
use super::function_words;
use super::lexicon::Lexicon;
use super::text::TokenKind;

/// Spans longer than twice the term plus this many words are not tried.
const EXTRA_WORDS: usize = 3;
/// Log-probability cost per word of difference between term and span length.
const LENGTH_COST: f32 = 0.7;
/// Log-probability cost of a span at the opposite end of the sentence.
const POSITION_COST: f32 = 2.0;
/// How much worse (in log-probability) than the rest of the sentence the
/// term may explain a word that starts or ends its span.
const EDGE_MARGIN: f32 = 2.0;
/// Keeps logarithms finite.
const FLOOR: f32 = 1e-7;
/// Per source word, how much [`ln`] and the rounding of a sum of them may
/// exceed the exact value (far above both: [`ln`] is within 2e-4).
const BOUND_MARGIN: f32 = 1e-3;

/// The English of one occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendering {
    /// Draft keys of the trimmed span.
    pub key: Box<[u32]>,
    /// The trimmed span as written (possessive ending dropped).
    pub surface: String,
    /// Byte span of the trimmed span in the bead's draft text.
    pub start: usize,
    pub end: usize,
    /// Starts a sentence (its capital says nothing).
    pub initial: bool,
}

/// The natural logarithm of a positive `x`, to about 1e-4: the span search
/// takes millions of them, and only their order matters.
fn ln(x: f32) -> f32 {
    // x = m * 2^e with m in [1, 2): ln x = e ln 2 + ln m, ln m by a
    // polynomial in t = (m - 1) / (m + 1) (the atanh series, three terms).
    let bits = x.to_bits();
    let exponent = ((bits >> 23) & 0xff) as i32 - 127;
    let mantissa = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    let t = (mantissa - 1.0) / (mantissa + 1.0);
    let t2 = t * t;
    exponent as f32 * std::f32::consts::LN_2 + 2.0 * t * (1.0 + t2 * (1.0 / 3.0 + t2 * (1.0 / 5.0 + t2 / 7.0)))
}

/// One bead's lexicon tables, built once for all its occurrences.
pub struct BeadModel {
    /// Global indices of the source words and numbers.
    source_positions: Vec<usize>,
    /// Global indices of the draft words and numbers.
    target_positions: Vec<usize>,
    /// p(e_j | f_i), rows 0..=I (row 0 the empty word), J columns.
    forward: Vec<f32>,
    /// Per English word j: the sum over all source words (not the empty one) of p(e_j | f_i).
    forward_all: Vec<f32>,
    /// Per source word i: prefix sums over j of p(f_i | e_j) (J + 1 entries).
    backward_prefix: Vec<f32>,
    /// p(f_i | empty English word).
    backward_null: Vec<f32>,
}

impl BeadModel {
    pub fn new(corpus: &Corpus<'_>, lexicon: &Lexicon, bead_idx: usize) -> BeadModel {
        let bead = &corpus.beads[bead_idx];
        let content = |kind: TokenKind| kind != TokenKind::Punct;
        let mut source_positions: Vec<usize> = bead.source.clone().filter(|&idx| content(corpus.source[idx].token.kind)).collect();
        let mut target_positions: Vec<usize> = bead.target.clone().filter(|&idx| content(corpus.target[idx].token.kind)).collect();
        let (n_source, n_target) = (source_positions.len(), target_positions.len());
        let mut forward = vec![0.0; (n_source + 1) * n_target];
        let mut backward_prefix = vec![0.0; n_source * (n_target + 1)];
        let mut backward_null = vec![0.0; n_source];
        // The training tables of this bead, read by position. A bead too long
        // to train on has none, and gets none here (its occurrences no
        // rendering): they grow with the square of its length.
        if let Some(table) = lexicon.bead_table(bead_idx, n_source, n_target) {
            for i in 0..=n_source {
                for j in 0..n_target {
                    forward[i * n_target + j] = table(i, j + 1).0;
                }
            }
            for i in 0..n_source {
                let mut sum = 0.0;
                for j in 0..n_target {
                    sum += table(i + 1, j + 1).1;
                    backward_prefix[i * (n_target + 1) + j + 1] = sum;
                }
                backward_null[i] = table(i + 1, 0).1;
            }
        } else {
            source_positions.clear();
            target_positions.clear();
            forward.clear();
            backward_prefix.clear();
            backward_null.clear();
        }
        let n_target = target_positions.len();
        let n_source = source_positions.len();
        let forward_all = (0..n_target)
            .map(|j| (1..=n_source).map(|i| forward[i * n_target + j]).sum())
            .collect();
        BeadModel {
            source_positions,
            target_positions,
            forward,
            forward_all,
            backward_prefix,
            backward_null,
        }
    }

    /// The rendering of `occurrence` (which lies in this bead), if any.
    pub fn render(&self, corpus: &Corpus<'_>, occurrence: &TermOccurrence) -> Option<Rendering> {
        let n_source = self.source_positions.len();
        let n_target = self.target_positions.len();
        if n_target == 0 {
            return None;
        }
        let first = self.source_positions.partition_point(|&p| p < occurrence.start as usize);
        let last = self.source_positions.partition_point(|&p| p < occurrence.end as usize);
        let inside = first..last;
        let n_inside = inside.len();
        if n_inside == 0 {
            return None;
        }
        let n_outside = n_source - n_inside;
        // Forward: per English word, its log-probability from the inside and from the outside.
        let mut inside_prefix = Vec::with_capacity(n_target + 1);
        let mut outside_prefix = Vec::with_capacity(n_target + 1);
        inside_prefix.push(0.0f32);
        outside_prefix.push(0.0f32);
        for j in 0..n_target {
            let column = |i: usize| self.forward[i * n_target + j];
            let null = column(0);
            let all = self.forward_all[j];
            let within: f32 = inside.clone().map(|i| column(i + 1)).sum();
            let p_in = (within + null) / (n_inside + 1) as f32;
            let p_out = (all - within + null) / (n_outside + 1) as f32;
            inside_prefix.push(inside_prefix[j] + ln(p_in + FLOOR));
            outside_prefix.push(outside_prefix[j] + ln(p_out + FLOOR));
        }
        // A span starts and ends on words the term explains about as well as
        // the rest of the sentence does (within a factor e²); trimming an
        // edge word the rest explains better never loses. With no such word,
        // every span is tried.
        let belongs: Vec<bool> = (0..n_target)
            .map(|j| (inside_prefix[j + 1] - inside_prefix[j]) - (outside_prefix[j + 1] - outside_prefix[j]) > -EDGE_MARGIN)
            .collect();
        let any_belongs = belongs.iter().any(|&b| b);
        let edge = |j: usize| !any_belongs || belongs[j];
        let row = |i: usize| &self.backward_prefix[i * (n_target + 1)..(i + 1) * (n_target + 1)];
        let max_len = 2 * n_inside + EXTRA_WORDS;
        let source_centre = (first + last) as f32 / 2.0 / n_source as f32;
        // The score of a span: the forward part and the priors (cheap, from
        // prefix sums), then the backward part (a logarithm per source word).
        let priors = |a: usize, z: usize| {
            let span_len = z - a;
            let mut score = inside_prefix[z] - inside_prefix[a] + outside_prefix[a] + outside_prefix[n_target] - outside_prefix[z];
            // English often needs one word more (`Board of Commissioners`).
            let length_gap = if span_len > n_inside {
                span_len - n_inside - 1
            } else {
                n_inside - span_len
            };
            score -= LENGTH_COST * length_gap as f32;
            score -= POSITION_COST * ((a + z) as f32 / 2.0 / n_target as f32 - source_centre).abs();
            score
        };
        let full = |a: usize, z: usize| {
            let span_len = z - a;
            let mut score = priors(a, z);
            let inside_norm = 1.0 / (span_len + 1) as f32;
            let outside_norm = 1.0 / (n_target - span_len + 1) as f32;
            for i in inside.clone() {
                let prefix = row(i);
                score += ln((prefix[z] - prefix[a] + self.backward_null[i]) * inside_norm + FLOOR);
            }
            for i in (0..first).chain(last..n_source) {
                let prefix = row(i);
                score += ln((prefix[n_target] - (prefix[z] - prefix[a]) + self.backward_null[i]) * outside_norm + FLOOR);
            }
            score
        };
        // Pruning, which leaves the winner unchanged: the backward part of a
        // span of a given length is at most what it would be if every term
        // word had all of the draft inside the span and every other word all
        // of it outside (the probabilities are not negative), plus a margin
        // for the approximate logarithm and the rounding of the sum. A span
        // whose priors plus that bound fall short of the score of the span
        // with the best bound cannot win or tie, and is not scored.
        let max_len = max_len.min(n_target);
        let bound: Vec<f32> = (0..=max_len)
            .map(|span_len| {
                let inside_norm = 1.0 / (span_len + 1) as f32;
                let outside_norm = 1.0 / (n_target - span_len + 1) as f32;
                let total = |i: usize| row(i)[n_target] + self.backward_null[i];
                let inside_bound: f32 = inside.clone().map(|i| ln(total(i) * inside_norm + FLOOR)).sum();
                let outside_bound: f32 = (0..first).chain(last..n_source).map(|i| ln(total(i) * outside_norm + FLOOR)).sum();
                inside_bound + outside_bound + BOUND_MARGIN * (n_source + 1) as f32
            })
            .collect();
        let spans = || {
            (0..n_target).filter(|&a| edge(a)).flat_map(move |a| {
                (a + 1..=(a + max_len).min(n_target))
                    .filter(move |&z| edge(z - 1))
                    .map(move |z| (a, z))
            })
        };
        let optimistic = |(a, z): (usize, usize)| priors(a, z) + bound[z - a];
        let leader = spans().max_by(|&x, &y| optimistic(x).total_cmp(&optimistic(y)))?;
        let threshold = full(leader.0, leader.1);
        let mut best: Option<(f32, usize, usize)> = None;
        for (a, z) in spans() {
            if optimistic((a, z)) < threshold {
                continue;
            }
            let score = full(a, z);
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, a, z));
            }
        }
        let (_, a, z) = best?;
        self.trimmed(corpus, occurrence.bead as usize, a, z)
    }

    /// The span of draft words `a..z`, trimmed (see the module header).
    fn trimmed(&self, corpus: &Corpus<'_>, bead_idx: usize, mut a: usize, mut z: usize) -> Option<Rendering> {
        let token = |k: usize| &corpus.target[self.target_positions[k]];
        let text = &corpus.bead_text(&corpus.beads[bead_idx]).target;
        // A capital away from a sentence start makes a name (`May`, `The Hague`).
        let is_function = |t: &TargetToken| {
            t.token.kind == TokenKind::Word
                && (t.initial || !super::text::is_capitalised(t.token.text(text)))
                && function_words::is_english(corpus.target_vocab.name(t.key))
        };
        while a < z && is_function(token(a)) {
            a += 1;
        }
        while z > a && is_function(token(z - 1)) {
            z -= 1;
        }
        if a == z {
            return None;
        }
        let (first, last) = (self.target_positions[a], self.target_positions[z - 1]);
        // Punctuation between the words of the span.
        let crosses = corpus.target[first..=last]
            .iter()
            .any(|t| t.token.kind == TokenKind::Punct && !matches!(t.token.text(text), "-" | "'" | "’" | "." | "$" | "&" | "/"));
        if crosses || (a..z).any(|k| token(k).token.kind == TokenKind::Number) {
            return None;
        }
        let start = corpus.target[first].token.start;
        let mut end = corpus.target[last].token.end;
        let written = &text[start..end];
        for ending in ["'s", "’s", "'", "’"] {
            if written.len() > ending.len() && written.ends_with(ending) {
                end -= ending.len();
                break;
            }
        }
        Some(Rendering {
            key: (a..z).map(|k| token(k).key).collect(),
            surface: text[start..end].to_string(),
            start,
            end,
            initial: token(a).initial,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::ln;

    #[test]
    fn fast_logarithm_is_close() {
        for x in [1e-7f32, 0.001, 0.3, 0.5, 1.0, 1.5, 2.0, 7.0, 1000.0] {
            assert!((ln(x) - x.ln()).abs() < 2e-4, "{x}: {} vs {}", ln(x), x.ln());
        }
    }
}
