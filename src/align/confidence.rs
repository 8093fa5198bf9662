//! Confidence: the best bead path and its evidence in, beads with a score in
//! [0, 1] out.
//!
//! For a pairing bead the score combines the anchor similarity (how much of
//! the anchors the two sides share) with the length model, and is then
//! multiplied by how English the draft units look. For a null bead (1-0 or
//! 0-1) it is the certainty that the unit has no partner nearby: one minus
//! the best pairing score with the units around the gap. Repeat beads are
//! verbatim copies of earlier source units, so they score 1 (times the
//! language factor, like everything else).
//!
//! The language factor is what makes an untranslated draft (Indonesian
//! copied into the English side) score low everywhere: Indonesian shares all
//! its anchors with itself, so similarity alone would call it a perfect
//! translation. A draft unit counts as English by its share of English
//! function words among the Indonesian and English ones it holds, smoothed
//! towards the whole draft's share (a unit without function words takes
//! that); a draft unit of four or more words identical to its source scores
//! near zero.

use super::anchors::UnitFeatures;
use super::cost::Scorer;
use super::search::PathBead;
use super::{AlignUnit, Bead, BeadKind};

/// Anchor similarity at which the lexical evidence is worth 1 - 1/e.
const DICE_SCALE: f32 = 0.12;
/// Length cost at which the length evidence is worth 1/e.
const LENGTH_SCALE: f32 = 6.0;
/// A draft unit identical to its source counts as untranslated from this
/// many words on; shorter copies are usually names or codes (`Vladimir
/// Putin`, `COVID-19`) that stay the same in English.
const COPIED_MIN_WORDS: usize = 4;
/// How far around a gap a null bead looks for a partner it might have had.
const NULL_NEIGHBOURHOOD: usize = 2;

/// Scores the beads of `path`.
pub fn beads(scorer: &Scorer<'_>, source: &[AlignUnit<'_>], target: &[AlignUnit<'_>], path: &[PathBead]) -> Vec<Bead> {
    let document_english = document_english_share(scorer.target);
    let unit_english: Vec<f32> = scorer.target.iter().map(|f| english_share(f, document_english)).collect();
    let pair_score = |s: std::ops::Range<usize>, t: std::ops::Range<usize>| -> f32 {
        let overlap = scorer.overlap(s.clone(), t.clone());
        let (dice, length_cost) = scorer.evidence(s, t, overlap);
        let lexical = 1.0 - (-dice / DICE_SCALE).exp();
        let length = (-length_cost / LENGTH_SCALE).exp();
        lexical.powf(0.7) * length.powf(0.3)
    };
    path.iter()
        .map(|step| {
            let (kind, raw, language) = if step.repeat {
                (BeadKind::Repeat, 1.0, document_english)
            } else if step.target.is_empty() {
                let s = step.source.start;
                let near = neighbourhood(step.target.start, target.len());
                let best = near.map(|t| pair_score(s..s + 1, t..t + 1)).fold(0.0, f32::max);
                (BeadKind::Omission, 1.0 - best, document_english)
            } else if step.source.is_empty() {
                let t = step.target.start;
                let near = neighbourhood(step.source.start, source.len());
                let best = near.map(|s| pair_score(s..s + 1, t..t + 1)).fold(0.0, f32::max);
                (BeadKind::Addition, 1.0 - best, unit_english[t])
            } else {
                let language = step.target.clone().map(|t| unit_english[t]).sum::<f32>() / step.target.len() as f32;
                let copied = step.source.len() == step.target.len()
                    && step
                        .source
                        .clone()
                        .zip(step.target.clone())
                        .all(|(s, t)| same_text(source[s].text, target[t].text))
                    && step
                        .target
                        .clone()
                        .any(|t| target[t].text.split_whitespace().count() >= COPIED_MIN_WORDS);
                let language = if copied { language.min(0.05) } else { language };
                (BeadKind::Pair, pair_score(step.source.clone(), step.target.clone()), language)
            };
            Bead {
                source: step.source.clone(),
                target: step.target.clone(),
                kind,
                repeat_of: if step.repeat { source[step.source.start].repeat_of } else { None },
                score: (raw * language).clamp(0.0, 1.0),
            }
        })
        .collect()
}

/// Units within `NULL_NEIGHBOURHOOD` of the gap before unit `at`.
fn neighbourhood(at: usize, len: usize) -> std::ops::Range<usize> {
    at.saturating_sub(NULL_NEIGHBOURHOOD)..(at + NULL_NEIGHBOURHOOD).min(len)
}

/// Share of English among a unit's function words, smoothed towards the
/// whole draft's share (`prior`) with the weight of one word: a unit with
/// none takes the draft's share, a unit with many speaks for itself.
fn english_share(features: &UnitFeatures, prior: f32) -> f32 {
    let (en, id) = (f32::from(features.en_words), f32::from(features.id_words));
    (en + prior) / (en + id + 1.0)
}

/// Share of English among all the draft's function words (0.5 when the
/// draft has none, as for a list of names).
fn document_english_share(target: &[UnitFeatures]) -> f32 {
    let en: f32 = target.iter().map(|f| f32::from(f.en_words)).sum();
    let id: f32 = target.iter().map(|f| f32::from(f.id_words)).sum();
    (en + 0.5) / (en + id + 1.0)
}

/// Equal after trimming and ignoring case: a unit copied, not translated
/// (the caller ignores short copies, such as names).
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a.len() == b.len() && a.chars().zip(b.chars()).all(|(x, y)| x.to_lowercase().eq(y.to_lowercase()))
}
