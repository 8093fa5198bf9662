//! Rules over many pairs at once: `glossary.variant` (a term translated in
//! different ways across the checked files) and `repeat.inconsistent`
//! across files (one source sentence, different translations in different
//! files). They run after every pair was checked, on small summaries, so
//! project checks stay parallel.
//!
//! Variants that only differ by an ending (`North Korea` / `North Korean`,
//! `missile` / `missiles`) are grammar, not drift, and count as one.

use std::collections::BTreeMap;

use super::{CheckConfig, Pair, finding};
use crate::finding::Finding;
use crate::glossary::english::PreparedDraft;
use crate::segment::normalise_into;
use crate::text::Span;

/// What one pair contributes to the project rules.
#[derive(Debug, Clone, Default)]
pub struct PairSummary {
    /// (source term, English variant used, source unit, draft unit, draft span).
    pub variants: Vec<(String, String, String, String, Span)>,
    /// (normalised source unit, its 1-1 translation, source unit, draft unit, draft span).
    pub translations: Vec<(String, String, String, String, Span)>,
}

/// Collects what the project rules need from one checked pair.
pub fn summarise(pair: &Pair<'_>) -> PairSummary {
    let mut summary = PairSummary::default();
    let mut bead_of_source = vec![usize::MAX; pair.source.units.len()];
    for (bead_idx, bead) in pair.beads.iter().enumerate() {
        for &idx in &bead.source {
            bead_of_source[idx] = bead_idx;
        }
    }
    // The draft of the last bead looked at, normalised once for all its
    // terms (terms come unit by unit, so a bead's terms are together).
    let mut prepared: Option<(usize, PreparedDraft<'_>)> = None;
    for term in pair.terms {
        let bead_idx = bead_of_source[term.unit];
        let Some(bead) = pair.beads.get(bead_idx) else {
            continue;
        };
        let Some(&first_target) = bead.target.first() else { continue };
        let span = pair.target.joined_span(&bead.target);
        if prepared.as_ref().is_none_or(|(idx, _)| *idx != bead_idx) {
            prepared = Some((bead_idx, PreparedDraft::new(span.slice(pair.target.text))));
        }
        let Some((_, draft)) = &prepared else { continue };
        if let Some((variant, found)) = term.targets.iter().find_map(|t| draft.find_from(t, 0).map(|found| (t, found))) {
            summary.variants.push((
                term.term.clone(),
                variant.clone(),
                pair.source.units[term.unit].id.clone(),
                pair.target.units[first_target].id.clone(),
                Span::new(span.start + found.start, span.start + found.end),
            ));
        }
    }
    let mut key = String::new();
    for bead in pair.beads {
        if let ([source_idx], [target_idx]) = (bead.source.as_slice(), bead.target.as_slice()) {
            normalise_into(pair.source.unit_text(*source_idx), &mut key);
            let mut translation = String::new();
            normalise_into(pair.target.unit_text(*target_idx), &mut translation);
            if key.split(' ').count() < 4 {
                continue; // Short units (a dateline, "Ya.") repeat by chance.
            }
            let target = &pair.target.units[*target_idx];
            summary.translations.push((
                key.clone(),
                translation,
                pair.source.units[*source_idx].id.clone(),
                target.id.clone(),
                target.span,
            ));
        }
    }
    summary
}

/// Two variants that are the same word up to an ending.
fn same_lemma(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && long.len() - short.len() <= 3
}

/// Findings over all `summaries` (one per pair, in report order): each comes
/// with the index of the pair it points into.
pub fn findings(summaries: &[PairSummary], config: &CheckConfig) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    // glossary.variant: per term, the distinct variants with counts.
    /// A variant, how often it was used, and where it was first used.
    type Variant<'a> = (&'a str, usize, (usize, &'a str, &'a str, Span));
    let mut by_term: BTreeMap<&str, Vec<Variant<'_>>> = BTreeMap::new();
    for (pair_idx, summary) in summaries.iter().enumerate() {
        for (term, variant, source_unit, target_unit, span) in &summary.variants {
            let variants = by_term.entry(term).or_default();
            match variants.iter_mut().find(|(v, _, _)| same_lemma(v, variant)) {
                Some(entry) => entry.1 += 1,
                None => variants.push((variant, 1, (pair_idx, source_unit, target_unit, *span))),
            }
        }
    }
    for (term, mut variants) in by_term {
        if variants.len() < 2 {
            continue;
        }
        variants.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let counts: Vec<String> = variants.iter().map(|(v, n, _)| format!("{v} ({n})")).collect();
        // Point at the first use of the least common variant.
        let (_, _, (pair_idx, source_unit, target_unit, span)) = variants[variants.len() - 1];
        out.push((
            pair_idx,
            finding(
                "glossary.variant",
                format!("{term} is translated {} ways: {}", variants.len(), counts.join(", ")),
            )
            .with_target(target_unit.to_string(), span)
            .with_expected(format!(
                "{} (the most used; first of this variant at source unit {source_unit})",
                variants[0].0
            )),
        ));
    }
    // repeat.inconsistent across files: the first translation of a source
    // unit is the reference; a later different one is reported.
    let mut first: BTreeMap<&str, (usize, &str, &str)> = BTreeMap::new();
    for (pair_idx, summary) in summaries.iter().enumerate() {
        for (key, translation, source_unit, target_unit, span) in &summary.translations {
            match first.get(key.as_str()) {
                None => {
                    first.insert(key, (pair_idx, translation, source_unit));
                }
                Some(&(first_pair, first_translation, first_unit)) if first_pair != pair_idx && first_translation != translation => {
                    out.push((
                        pair_idx,
                        finding(
                            "repeat.inconsistent",
                            format!("source unit {source_unit} also occurs in another file (pair {}, {first_unit}) with a different translation", first_pair + 1),
                        )
                        .with_target(target_unit.clone(), *span)
                        .with_expected(first_translation),
                    ));
                }
                Some(_) => {}
            }
        }
    }
    out.retain_mut(|(_, finding)| match config.severity(finding.rule, finding.severity) {
        Some(severity) => {
            finding.severity = severity;
            true
        }
        None => false,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammatical_variants_are_one() {
        assert!(same_lemma("North Korea", "North Korean"));
        assert!(same_lemma("missile", "missiles"));
        assert!(!same_lemma("Foreign Minister", "Minister of Foreign Affairs"));
        assert!(!same_lemma("US", "United States"));
    }

    #[test]
    fn drift_across_files_is_counted() {
        let variant = |v: &str| {
            (
                "Menteri Luar Negeri".to_string(),
                v.to_string(),
                "p4.s1".to_string(),
                "p4.s1".to_string(),
                Span::new(0, 5),
            )
        };
        let summaries = vec![
            PairSummary {
                variants: vec![variant("Foreign Minister"), variant("Foreign Minister")],
                translations: vec![],
            },
            PairSummary {
                variants: vec![variant("Minister of Foreign Affairs")],
                translations: vec![],
            },
        ];
        let found = findings(&summaries, &CheckConfig::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 1);
        assert!(
            found[0].1.message.contains("Foreign Minister (2), Minister of Foreign Affairs (1)"),
            "{}",
            found[0].1.message
        );
    }
}
