//! `structure.reordered`: two draft sentences in the other order than
//! their sources.
//!
//! The aligner keeps text order, so two swapped sentences come out either
//! as a 2-2 bead or as two 1-1 beads whose partners do not match. Both are
//! told apart from a faithful pair by the sentences' anchors: numbers (by
//! value) and capitalised words after the first (names, acronyms, codes).
//! When pairing the first source sentence with the second draft sentence
//! and the second with the first shares clearly more anchors than the
//! order of the text does (at least two more, and twice as many), the
//! sentences were swapped. Within one paragraph only: moving a paragraph is
//! an editor's decision, not a slip.

use super::{Check, Pair, finding, words};
use crate::finding::Finding;
use crate::numbers::extract;
use crate::segment::Lang;
use crate::text::Span;

/// Anchor counts of a sentence, with the quick hasher (`crate::fast_hash`):
/// every check run makes several per bead, and only their sums are read.
type HashMap<K, V> = std::collections::HashMap<K, V, crate::fast_hash::SeededState>;

/// Anchor → how often a sentence has it.
type Anchors = HashMap<String, u32>;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    STRUCTURE_REORDERED = "structure.reordered", Warning,
        "Two draft sentences come in the other order than their sources.",
        "Two sentences of one paragraph are translated in swapped order: the first source sentence's\n\
         numbers and names are in the second draft sentence and the other way round. Sometimes a\n\
         deliberate edit; often a paste in the wrong place, which changes what follows from what.\n\
         Example: \"Gempa terjadi pukul 14.00. Warga mengungsi.\" translated as \"Residents fled. The\n\
         quake struck at 2 p.m.\" (with names or figures on both sides to show it).";
}

pub struct Order;

/// The anchors of one sentence, with how often each occurs.
pub(super) fn anchors(text: &str, lang: Lang) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::default();
    for mention in extract(text, lang) {
        let (class, value) = mention.key();
        *out.entry(format!("{}{value}", class as char)).or_default() += 1;
    }
    for (idx, (_, word)) in words(text, 0).enumerate() {
        let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        // Weekdays and months compare by meaning (`Jumat` = `Friday`).
        if let Some(canonical) = super::calendar::canonical(word, lang) {
            *out.entry(canonical.to_lowercase()).or_default() += 1;
            continue;
        }
        let marked = word.chars().any(|c| c.is_uppercase()) && !word.chars().any(|c| c.is_ascii_digit());
        if idx > 0 && marked && word.chars().count() >= 2 {
            *out.entry(word.to_lowercase()).or_default() += 1;
        }
    }
    out
}

pub(super) fn overlap(a: &HashMap<String, u32>, b: &HashMap<String, u32>) -> u32 {
    a.iter().map(|(key, &n)| n.min(b.get(key).copied().unwrap_or(0))).sum()
}

/// Whether pairing crosswise explains clearly more than pairing in order.
fn swapped(source: [&HashMap<String, u32>; 2], target: [&HashMap<String, u32>; 2]) -> bool {
    let straight = overlap(source[0], target[0]) + overlap(source[1], target[1]);
    let crossed = overlap(source[0], target[1]) + overlap(source[1], target[0]);
    crossed >= straight + 2 && crossed >= 2 * straight
}

impl Check for Order {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        let source_anchors = |idx: usize| anchors(pair.source.unit_text(idx), Lang::Id);
        let target_anchors = |idx: usize| anchors(pair.target.unit_text(idx), Lang::En);
        let report = |sources: [usize; 2], targets: [usize; 2], out: &mut Vec<Finding>| {
            let (s, t) = (&pair.source.units, &pair.target.units);
            out.push(
                finding(
                    STRUCTURE_REORDERED,
                    format!(
                        "draft sentences {} and {} come in the other order than their sources {} and {}",
                        t[targets[0]].id, t[targets[1]].id, s[sources[0]].id, s[sources[1]].id
                    ),
                )
                .with_source(
                    sources[0],
                    s[sources[0]].id.clone(),
                    Span::new(s[sources[0]].span.start, s[sources[1]].span.end),
                )
                .with_target(
                    targets[0],
                    t[targets[0]].id.clone(),
                    Span::new(t[targets[0]].span.start, t[targets[1]].span.end),
                ),
            );
        };
        // Two 1-1 beads in a row are compared, then the second with the
        // one after it: the second's anchors are kept for that (`carried`:
        // the bead they belong to, its source and its draft anchors).
        let mut carried: Option<(usize, Anchors, Anchors)> = None;
        let mut idx = 0;
        while idx < pair.beads.len() {
            let bead = &pair.beads[idx];
            // A 2-2 bead whose members pair crosswise.
            if bead.source.len() == 2 && bead.target.len() == 2 {
                let (s, t) = (
                    [bead.source.start, (bead.source.start + 1)],
                    [bead.target.start, (bead.target.start + 1)],
                );
                let (sa, ta) = (
                    [source_anchors(s[0]), source_anchors(s[1])],
                    [target_anchors(t[0]), target_anchors(t[1])],
                );
                if swapped([&sa[0], &sa[1]], [&ta[0], &ta[1]]) {
                    report(s, t, out);
                }
                idx += 1;
                continue;
            }
            // Two 1-1 beads in a row, in one paragraph on each side.
            if let Some(next) = pair.beads.get(idx + 1)
                && bead.source.len() == 1
                && bead.target.len() == 1
                && next.source.len() == 1
                && next.target.len() == 1
            {
                let s = [bead.source.start, next.source.start];
                let t = [bead.target.start, next.target.start];
                let same_paragraph = pair.source.units[s[0]].paragraph == pair.source.units[s[1]].paragraph
                    && pair.target.units[t[0]].paragraph == pair.target.units[t[1]].paragraph;
                if same_paragraph {
                    let (first_source, first_target) = match carried.take() {
                        Some((bead_idx, source, target)) if bead_idx == idx => (source, target),
                        _ => (source_anchors(s[0]), target_anchors(t[0])),
                    };
                    let (second_source, second_target) = (source_anchors(s[1]), target_anchors(t[1]));
                    if swapped([&first_source, &second_source], [&first_target, &second_target]) {
                        report(s, t, out);
                        idx += 2;
                        continue;
                    }
                    carried = Some((idx + 1, second_source, second_target));
                }
            }
            idx += 1;
        }
    }
}
