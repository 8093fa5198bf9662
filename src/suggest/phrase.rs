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
//! Two priors join in, as in word aligners: a span as long as the term is
//! likelier than a longer or shorter one ([`LENGTH_COST`] per word of
//! difference), and a span where the term sits in its sentence likelier than
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

use super::corpus::{Corpus, TargetToken};
use super::function_words;
use super::lexicon::{Lexicon, NULL};
use super::terms::Occurrence;
use super::text::TokenKind;

/// Spans longer than twice the term plus this many words are not tried.
const EXTRA_WORDS: usize = 3;
/// Log-probability cost per word of difference between term and span length.
const LENGTH_COST: f32 = 0.7;
/// Log-probability cost of a span at the opposite end of the sentence.
const POSITION_COST: f32 = 2.0;
/// Keeps logarithms finite.
const FLOOR: f32 = 1e-7;

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

/// One bead's lexicon tables, built once for all its occurrences.
pub struct BeadModel {
    /// Global indices of the source words and numbers.
    source_positions: Vec<usize>,
    /// Global indices of the draft words and numbers.
    target_positions: Vec<usize>,
    /// p(e_j | f_i), rows 0..=I (row 0 the empty word), J columns.
    forward: Vec<f32>,
    /// Per source word i: prefix sums over j of p(f_i | e_j) (J + 1 entries).
    backward_prefix: Vec<f32>,
    /// p(f_i | empty English word).
    backward_null: Vec<f32>,
}

impl BeadModel {
    pub fn new(corpus: &Corpus<'_>, lexicon: &Lexicon, bead_idx: usize) -> BeadModel {
        let bead = &corpus.beads[bead_idx];
        let content = |kind: TokenKind| kind != TokenKind::Punct;
        let source_positions: Vec<usize> = bead.source.clone().filter(|&idx| content(corpus.source[idx].token.kind)).collect();
        let target_positions: Vec<usize> = bead.target.clone().filter(|&idx| content(corpus.target[idx].token.kind)).collect();
        let source_keys: Vec<u32> = source_positions.iter().map(|&idx| corpus.source[idx].key).collect();
        let target_keys: Vec<u32> = target_positions.iter().map(|&idx| corpus.target[idx].key).collect();
        let n_target = target_keys.len();
        let mut forward = Vec::with_capacity((source_keys.len() + 1) * n_target);
        for f in std::iter::once(NULL).chain(source_keys.iter().copied()) {
            forward.extend(target_keys.iter().map(|&e| lexicon.forward(f, e)));
        }
        let mut backward_prefix = Vec::with_capacity(source_keys.len() * (n_target + 1));
        let mut backward_null = Vec::with_capacity(source_keys.len());
        for &f in &source_keys {
            let mut sum = 0.0;
            backward_prefix.push(0.0);
            for &e in &target_keys {
                sum += lexicon.backward(f, e);
                backward_prefix.push(sum);
            }
            backward_null.push(lexicon.backward(f, NULL));
        }
        BeadModel {
            source_positions,
            target_positions,
            forward,
            backward_prefix,
            backward_null,
        }
    }

    /// The rendering of `occurrence` (which lies in this bead), if any.
    pub fn render(&self, corpus: &Corpus<'_>, occurrence: &Occurrence) -> Option<Rendering> {
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
            let all: f32 = (1..=n_source).map(column).sum();
            let within: f32 = inside.clone().map(|i| column(i + 1)).sum();
            let p_in = (within + null) / (n_inside + 1) as f32;
            let p_out = (all - within + null) / (n_outside + 1) as f32;
            inside_prefix.push(inside_prefix[j] + (p_in + FLOOR).ln());
            outside_prefix.push(outside_prefix[j] + (p_out + FLOOR).ln());
        }
        let row = |i: usize| &self.backward_prefix[i * (n_target + 1)..(i + 1) * (n_target + 1)];
        let max_len = 2 * n_inside + EXTRA_WORDS;
        let source_centre = (first + last) as f32 / 2.0 / n_source as f32;
        let mut best: Option<(f32, usize, usize)> = None;
        for a in 0..n_target {
            for z in a + 1..=(a + max_len).min(n_target) {
                let span_len = z - a;
                let mut score = inside_prefix[z] - inside_prefix[a] + outside_prefix[a] + outside_prefix[n_target] - outside_prefix[z];
                score -= LENGTH_COST * span_len.abs_diff(n_inside) as f32;
                score -= POSITION_COST * ((a + z) as f32 / 2.0 / n_target as f32 - source_centre).abs();
                for i in 0..n_source {
                    let prefix = row(i);
                    let within = prefix[z] - prefix[a];
                    let null = self.backward_null[i];
                    score += if inside.contains(&i) {
                        ((within + null) / (span_len + 1) as f32 + FLOOR).ln()
                    } else {
                        ((prefix[n_target] - within + null) / (n_target - span_len + 1) as f32 + FLOOR).ln()
                    };
                }
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, a, z));
                }
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
