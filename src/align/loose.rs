//! Free translations: the aligner's beads in, the same beads with runs of
//! omissions and additions that translate each other turned into pairs.
//!
//! A translator who words a sentence freely (`Saya tidak sekadar
//! menyebutnya binatang dengan tidak sungguh-sungguh.` ↔ `I don't call it a
//! beast lightly.`) or merges two sentences into one leaves no anchors and
//! an unusual length ratio, and the cheapest path through the search can
//! then be an omission next to an addition. Reported as such that is two
//! errors where a reviser sees one acceptable, freely worded sentence.
//!
//! A run of adjacent null beads that holds both source and draft units
//! becomes a low-confidence pairing when all of these hold:
//!
//! * at most three units on each side, each side inside one paragraph;
//! * the two sides share an anchor, or neither has a strong one (a number,
//!   a name, a calendar word, a glossary term): a sentence pasted from
//!   another article or a swapped sentence brings names and figures that
//!   the source does not have, and stays an addition;
//! * lengths within a factor of three (four where a side has at most
//!   `SHORT_CHARS` characters and neither has strong anchors: `Pergantian
//!   itu membuahkan hasil.` ↔ `It worked.`).
//!
//! Equal counts pair one to one in order; otherwise the run becomes one
//! bead (2-1, 1-2, …). The pairing's score is at most
//! `FREE_TRANSLATION_SCORE`, so renderers can show that it is a guess.
//!
//! A second pass joins a lone omission to the pairing beside it, in the
//! same paragraph, when that pairing's draft holds the omitted sentence's
//! strong anchors that its own source does not explain ("Pemangkasan itu
//! merupakan yang pertama sejak Februari 2021." merged by the translator
//! into the sentence before: "…, its first cut since February 2021."). A
//! sentence truly left out has nothing of its own in its neighbour's draft.

use super::cost::Scorer;
use super::{AlignUnit, Bead, BeadKind};

/// The highest confidence a bead made here gets.
pub const FREE_TRANSLATION_SCORE: f32 = 0.3;
/// The most units of one side a run may have.
const MAX_UNITS: usize = 3;
/// Below this summed strong-anchor weight a side has no names, numbers or
/// terms to speak of (one name weighs 1.5, one number 2.0).
const WEAK: f32 = 1.0;

/// Turns runs of omissions and additions that translate each other into
/// pairings (see the module header).
pub fn pair_free_translations(scorer: &Scorer<'_>, source: &[AlignUnit<'_>], target: &[AlignUnit<'_>], beads: Vec<Bead>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut idx = 0;
    while idx < beads.len() {
        let is_null = |bead: &Bead| matches!(bead.kind, BeadKind::Omission | BeadKind::Addition);
        if !is_null(&beads[idx]) {
            out.push(beads[idx].clone());
            idx += 1;
            continue;
        }
        let mut end = idx;
        while end < beads.len() && is_null(&beads[end]) {
            end += 1;
        }
        let run = &beads[idx..end];
        match pairing(scorer, source, target, run) {
            Some(pairs) => out.extend(pairs),
            None => out.extend(run.iter().cloned()),
        }
        idx = end;
    }
    out
}

/// Joins lone omissions to the pairing beside them when that pairing's
/// draft translates them too (see the module header).
pub fn join_merged_sentences(scorer: &Scorer<'_>, source: &[AlignUnit<'_>], mut beads: Vec<Bead>) -> Vec<Bead> {
    // `beads[..kept]` is the result so far: a joined omission is dropped by
    // not keeping it, not by `Vec::remove` (quadratic over many joins).
    let mut kept = 0;
    let mut idx = 0;
    while idx < beads.len() {
        let bead = &beads[idx];
        if bead.kind != BeadKind::Omission || bead.source.len() != 1 || source[bead.source.start].repeat_of.is_some() {
            beads.swap(kept, idx);
            kept += 1;
            idx += 1;
            continue;
        }
        let omitted = bead.source.start;
        let strong = scorer.source[omitted].strong;
        let gain = |neighbour: &Bead| -> f32 {
            let joinable = neighbour.kind == BeadKind::Pair
                && neighbour.source.len() < MAX_UNITS
                && !neighbour.target.is_empty()
                && source[neighbour.source.start].paragraph == source[omitted].paragraph;
            if !joinable {
                return 0.0;
            }
            let joined = neighbour.source.start.min(omitted)..neighbour.source.end.max(omitted + 1);
            scorer.overlap(joined, neighbour.target.clone()) - scorer.overlap(neighbour.source.clone(), neighbour.target.clone())
        };
        let before = kept.checked_sub(1).map_or(0.0, |i| gain(&beads[i]));
        let after = beads.get(idx + 1).map_or(0.0, gain);
        let (best, neighbour) = if before >= after {
            (before, kept.wrapping_sub(1))
        } else {
            (after, idx + 1)
        };
        if best >= MIN_JOIN_GAIN && best >= 0.5 * strong {
            let neighbour_bead = beads[neighbour].clone();
            let joined_source = neighbour_bead.source.start.min(omitted)..neighbour_bead.source.end.max(omitted + 1);
            beads[neighbour] = Bead {
                source: joined_source,
                target: neighbour_bead.target,
                kind: BeadKind::Pair,
                repeat_of: None,
                score: neighbour_bead.score.min(FREE_TRANSLATION_SCORE * 2.0),
            };
            idx += 1;
            continue;
        }
        beads.swap(kept, idx);
        kept += 1;
        idx += 1;
    }
    beads.truncate(kept);
    beads
}

/// A side this short (in characters) and without anchors may differ from
/// the other by a factor of four rather than three.
const SHORT_CHARS: u32 = 40;

/// The least weight of anchors an omitted sentence must bring to a
/// neighbour's draft to be joined to it: a number, or a name.
const MIN_JOIN_GAIN: f32 = 1.5;

/// The pairing that replaces `run`, if its units translate each other.
fn pairing(scorer: &Scorer<'_>, source: &[AlignUnit<'_>], target: &[AlignUnit<'_>], run: &[Bead]) -> Option<Vec<Bead>> {
    let source_start = run.iter().map(|b| b.source.start).min()?;
    let source_end = run.iter().map(|b| b.source.end).max()?;
    let target_start = run.iter().map(|b| b.target.start).min()?;
    let target_end = run.iter().map(|b| b.target.end).max()?;
    let (n_source, n_target) = (source_end - source_start, target_end - target_start);
    if n_source == 0 || n_target == 0 || n_source > MAX_UNITS || n_target > MAX_UNITS {
        return None;
    }
    let one_paragraph = |units: &[AlignUnit<'_>]| units.windows(2).all(|pair| pair[0].paragraph == pair[1].paragraph);
    if !one_paragraph(&source[source_start..source_end]) || !one_paragraph(&target[target_start..target_end]) {
        return None;
    }
    let strong = |features: &[super::anchors::UnitFeatures]| features.iter().map(|f| f.strong).sum::<f32>();
    let source_strong = strong(&scorer.source[source_start..source_end]);
    let target_strong = strong(&scorer.target[target_start..target_end]);
    let shared = scorer.overlap(source_start..source_end, target_start..target_end);
    if shared <= 0.0 && (source_strong >= WEAK || target_strong >= WEAK) {
        return None;
    }
    let chars = |features: &[super::anchors::UnitFeatures]| features.iter().map(|f| f.chars).sum::<u32>().max(1);
    let (target_chars, source_chars) = (
        chars(&scorer.target[target_start..target_end]),
        chars(&scorer.source[source_start..source_end]),
    );
    let ratio = target_chars as f32 / source_chars as f32;
    // A short sentence without anchors may be condensed further (`Pergantian
    // itu membuahkan hasil.` ↔ `It worked.`).
    let short_and_plain = source_strong < WEAK && target_strong < WEAK && target_chars.min(source_chars) <= SHORT_CHARS;
    let limit = if short_and_plain { 4.0 } else { 3.0 };
    if !(1.0 / limit..=limit).contains(&ratio) {
        return None;
    }
    let bead = |source: std::ops::Range<usize>, target: std::ops::Range<usize>| {
        let overlap = scorer.overlap(source.clone(), target.clone());
        let (similarity, _) = scorer.evidence(source.clone(), target.clone(), overlap);
        Bead {
            source,
            target,
            kind: BeadKind::Pair,
            repeat_of: None,
            score: (similarity * FREE_TRANSLATION_SCORE).clamp(0.05, FREE_TRANSLATION_SCORE),
        }
    };
    Some(if n_source == n_target {
        (0..n_source)
            .map(|k| bead(source_start + k..source_start + k + 1, target_start + k..target_start + k + 1))
            .collect()
    } else {
        vec![bead(source_start..source_end, target_start..target_end)]
    })
}
