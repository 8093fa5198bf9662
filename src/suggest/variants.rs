//! `glossary.variant` for terms no glossary has: over all pairs of a
//! project, the terms the miner finds (names, units, multi-word terms — not
//! single lower-case words, which are mostly general vocabulary) whose
//! drafts use two or more renderings.
//!
//! Only clear cases are reported, as info: every rendering counted has been
//! used at least twice, renderings that differ by an ending (`Japan` /
//! `Japanese`) count as one, and a rendering that is a piece of another
//! (`US` beside `US dollar`) is left out, since such pieces come more often
//! from the alignment than from the translators.

use super::rank::same_word;
use std::collections::HashSet;

use super::{Mined, PairMining, SuggestConfig};
use crate::finding::Finding;
use crate::glossary::Glossary;
use crate::glossary::normalize::{KeyOptions, key};

/// The least termhood weight (see `rank`) of a reported term: names, units
/// and expressions of several words, not single lower-case words.
const MIN_WEIGHT: f64 = 0.5;

/// Findings for the mined terms of `pairs` that are rendered several ways,
/// leaving out the terms a glossary matched in some pair (the glossary rule
/// counts their variants itself). Each finding comes with the index of the
/// pair it points into.
pub fn findings(pairs: &[&PairMining]) -> Vec<(usize, Finding)> {
    let known: HashSet<String> = pairs
        .iter()
        .flat_map(|pair| pair.glossary_terms.iter())
        .map(|term| key(term, KeyOptions::FOLDED))
        .collect();
    let labels: Vec<String> = (1..=pairs.len()).map(|n| n.to_string()).collect();
    let docs = pairs
        .iter()
        .zip(&labels)
        .map(|(pair, label)| (label.as_str(), pair.beads.as_slice()))
        .collect();
    // Two renderings used twice each make four occurrences: rarer terms
    // can never be reported, so they are not rendered at all (rendering
    // is most of the mining's cost).
    let config = SuggestConfig {
        min_count: 4,
        ..SuggestConfig::default()
    };
    // Terms that can never be reported are not rendered either: those a
    // glossary matched, and those whose kind weighs less than
    // [`MIN_WEIGHT`] whatever their English (single lower-case words).
    let keep = |term: &super::candidates::Term, profile: &super::rank::Profile| {
        super::rank::max_weight(term, profile) >= MIN_WEIGHT && !known.contains(&key(&profile.source, KeyOptions::FOLDED))
    };
    let mined = super::mine_kept(docs, &Glossary::default(), &config, &keep, false);
    let mut out = Vec::new();
    for term in &mined {
        if term.weight < MIN_WEIGHT {
            continue;
        }
        if let Some(finding) = finding_for(term) {
            out.push(finding);
        }
    }
    out
}

/// The finding for one term, if its renderings drift.
fn finding_for(term: &Mined) -> Option<(usize, Finding)> {
    let suggestion = &term.suggestion;
    let mut shown: Vec<(&str, usize, usize)> = vec![(&suggestion.target, suggestion.count, 0)];
    for (idx, alternative) in suggestion.alternatives.iter().enumerate() {
        if alternative.count < 2 {
            continue;
        }
        let lower = alternative.target.to_lowercase();
        let overlaps = shown.iter().any(|(other, _, _)| {
            let other = other.to_lowercase();
            same_word(&lower, &other) || contains_words(&lower, &other) || contains_words(&other, &lower)
        });
        if !overlaps {
            shown.push((&alternative.target, alternative.count, idx + 1));
        }
    }
    if shown.len() < 2 || suggestion.count < 2 {
        return None;
    }
    let counts: Vec<String> = shown.iter().map(|(target, count, _)| format!("{target} ({count})")).collect();
    let (_, _, least_idx) = shown[shown.len() - 1];
    let (pair_idx, (unit_idx, unit_id), span, source_unit) = term.first_uses.get(least_idx)?.clone();
    let finding = Finding::new(
        crate::check::rule::GLOSSARY_VARIANT.id,
        crate::check::rule::GLOSSARY_VARIANT.severity,
        format!(
            "{} (in no glossary) is translated {} ways: {}",
            suggestion.source,
            shown.len(),
            counts.join(", ")
        ),
    )
    .with_target(unit_idx, unit_id, span)
    .with_expected(format!(
        "{} (the most used; first of this variant at source unit {source_unit}); a glossary entry would fix one",
        suggestion.target
    ));
    Some((pair_idx, finding))
}

/// Whether the words of `inner` appear in a row inside `outer`.
fn contains_words(outer: &str, inner: &str) -> bool {
    let outer: Vec<&str> = outer.split_whitespace().collect();
    let inner: Vec<&str> = inner.split_whitespace().collect();
    !inner.is_empty() && inner.len() < outer.len() && outer.windows(inner.len()).any(|w| w == inner.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_found() {
        assert!(contains_words("us dollar", "us"));
        assert!(!contains_words("us dollar", "us dollar"));
        assert!(!contains_words("minister of finance", "finance minister"));
    }
}
