//! Rules over many pairs at once: `glossary.variant` (a term translated in
//! different ways across the checked files) and `repeat.inconsistent`
//! across files (one source sentence, different translations in different
//! files). They run after every pair was checked, on small summaries, so
//! project checks stay parallel.
//!
//! Variants that only differ by an ending (`North Korea` / `North Korean`,
//! `missile` / `missiles`) are grammar, not drift, and count as one; two
//! translations that differ only in quote style (straight or curly) or
//! whitespace are one translation (`translation_key`). A finding about
//! another file names that file, as the report prints its path.

use std::collections::BTreeMap;

use super::rule::REPEAT_INCONSISTENT;
use super::{CheckConfig, Pair, finding, translation_key};
use crate::finding::Finding;
use crate::glossary::english::EnglishText;
use crate::segment::normalise_into;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    GLOSSARY_VARIANT = "glossary.variant", Info,
        "A term is translated in different ways across the checked files.",
        "Over all pairs of a run (a project, or one pair), the admitted English variants used for\n\
         one glossary term are counted; a term rendered two or more ways (Foreign Minister in one\n\
         article, Minister of Foreign Affairs in another) is reported once with the count of each\n\
         variant, so a glossary owner can decide which to keep. Variants that differ only by an\n\
         ending (North Korea / North Korean) count as one. In a project, terms no glossary has\n\
         are found by the miner of `selaras glossary suggest` (names, units, multi-word terms)\n\
         and reported the same way when the drafts use two renderings at least twice each\n\
         (\"Menteri Keuangan (in no glossary) is translated 2 ways\"); a glossary entry settles it.\n\
         Example: \"Menteri Luar Negeri\" rendered \"Foreign Minister\" in two articles of a project and\n\
         \"Minister of Foreign Affairs\" in a third.";
}

/// What one pair contributes to the project rules.
#[derive(Debug, Clone, Default)]
pub struct PairSummary {
    /// The glossary terms found translated, with the variant used.
    pub variants: Vec<VariantUse>,
    /// Source units translated one to one, for `repeat.inconsistent`.
    pub translations: Vec<Translation>,
    /// The pair's beads as text and its glossary terms, for the terms no
    /// glossary has (`suggest::variants`).
    pub mining: crate::suggest::PairMining,
}

/// A glossary term of one pair and the English variant its draft uses.
#[derive(Debug, Clone, Default)]
pub struct VariantUse {
    /// The glossary's spelling of the source term.
    pub term: String,
    /// The English variant the draft uses.
    pub variant: String,
    /// The source unit's id, for the message.
    pub source_unit: String,
    /// The draft unit's index among the pair's draft units, and its id.
    pub target_idx: usize,
    pub target_unit: String,
    /// Where the variant is in the draft.
    pub span: Span,
}

/// A source unit and its one-to-one translation in one pair.
#[derive(Debug, Clone, Default)]
pub struct Translation {
    /// The source unit's text, normalised (NFC, whitespace folded).
    pub key: String,
    /// The translation, normalised the same way.
    pub text: String,
    /// The source unit's index among the pair's source units, and its id.
    pub source_idx: usize,
    pub source_unit: String,
    pub source_span: Span,
    /// The draft unit's index among the pair's draft units, and its id.
    pub target_idx: usize,
    pub target_unit: String,
    pub target_span: Span,
}

/// Collects what the project rules need from one checked pair.
pub fn summarise(pair: &Pair<'_>) -> PairSummary {
    let mut summary = PairSummary {
        mining: crate::suggest::PairMining::of(pair),
        ..PairSummary::default()
    };
    let mut bead_of_source = vec![usize::MAX; pair.source.units.len()];
    for (bead_idx, bead) in pair.beads.iter().enumerate() {
        for idx in bead.source.clone() {
            bead_of_source[idx] = bead_idx;
        }
    }
    // The draft of the last bead looked at, normalised once for all its
    // terms (terms come unit by unit, so a bead's terms are together).
    let mut prepared: Option<(usize, EnglishText<'_>)> = None;
    // A full name introduced with its acronym (`National Disaster Management
    // Agency (BNPB)`) and the acronym alone afterwards are one rendering:
    // term → the full name it was introduced with in this draft.
    let mut introduced: std::collections::HashMap<&str, &String> = std::collections::HashMap::new();
    let is_acronym = |target: &str| target.chars().count() >= 2 && target.chars().all(|c| c.is_uppercase() || c == '.');
    for term in pair.terms {
        let bead_idx = bead_of_source[term.unit];
        let Some(bead) = pair.beads.get(bead_idx) else {
            continue;
        };
        let Some(first_target) = bead.first_target() else { continue };
        let span = pair.target.joined_span(bead.target.clone());
        if prepared.as_ref().is_none_or(|(idx, _)| *idx != bead_idx) {
            prepared = Some((bead_idx, EnglishText::new(span.slice(pair.target.text))));
        }
        let Some((_, draft)) = &prepared else { continue };
        let present: Vec<(&String, Span)> = term.targets.iter().filter_map(|t| draft.find(t).map(|found| (t, found))).collect();
        let full_name = present.iter().find(|(t, _)| !is_acronym(t)).copied();
        let with_acronym = present.iter().any(|(t, _)| is_acronym(t));
        if let (Some((name, _)), true) = (full_name, with_acronym) {
            introduced.insert(term.term.as_str(), name);
        }
        let chosen = match (full_name, present.first().copied()) {
            (Some(full), _) => Some(full),
            (None, Some((acronym, found))) => Some((introduced.get(term.term.as_str()).copied().unwrap_or(acronym), found)),
            (None, None) => None,
        };
        if let Some((variant, found)) = chosen {
            summary.variants.push(VariantUse {
                term: term.term.clone(),
                variant: variant.clone(),
                source_unit: pair.source.units[term.unit].id.clone(),
                target_idx: first_target,
                target_unit: pair.target.units[first_target].id.clone(),
                span: Span::new(span.start + found.start, span.start + found.end),
            });
        }
    }
    let mut key = String::new();
    for bead in pair.beads {
        if bead.source.len() == 1 && bead.target.len() == 1 {
            let (source_idx, target_idx) = (&bead.source.start, &bead.target.start);
            normalise_into(pair.source.unit_text(*source_idx), &mut key);
            let mut translation = String::new();
            normalise_into(pair.target.unit_text(*target_idx), &mut translation);
            if key.split(' ').count() < 4 {
                continue; // Short units (a dateline, "Ya.") repeat by chance.
            }
            let (source, target) = (&pair.source.units[*source_idx], &pair.target.units[*target_idx]);
            summary.translations.push(Translation {
                key: key.clone(),
                text: translation,
                source_idx: *source_idx,
                source_unit: source.id.clone(),
                source_span: source.span,
                target_idx: *target_idx,
                target_unit: target.id.clone(),
                target_span: target.span,
            });
        }
    }
    summary
}

/// Two variants that are the same word up to an ending.
fn same_lemma(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && long.len() - short.len() <= 3
}

/// Findings over all `summaries` (one per pair, in report order, with the
/// names of their source files in `names`): each comes with the index of
/// the pair it points into.
pub fn findings(summaries: &[PairSummary], names: &[&str], config: &CheckConfig) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    // glossary.variant: per term, the distinct variants with counts.
    /// A variant, how often it was used, and where it was first used.
    type Variant<'a> = (&'a str, usize, (usize, &'a VariantUse));
    let mut by_term: BTreeMap<&str, Vec<Variant<'_>>> = BTreeMap::new();
    for (pair_idx, summary) in summaries.iter().enumerate() {
        for used in &summary.variants {
            let variants = by_term.entry(&used.term).or_default();
            match variants.iter_mut().find(|(v, _, _)| same_lemma(v, &used.variant)) {
                Some(entry) => entry.1 += 1,
                None => variants.push((&used.variant, 1, (pair_idx, used))),
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
        let (_, _, (pair_idx, first_use)) = variants[variants.len() - 1];
        let source_unit = &first_use.source_unit;
        out.push((
            pair_idx,
            finding(
                GLOSSARY_VARIANT,
                format!("{term} is translated {} ways: {}", variants.len(), counts.join(", ")),
            )
            .with_target(first_use.target_idx, first_use.target_unit.clone(), first_use.span)
            .with_expected(format!(
                "{} (the most used; first of this variant at source unit {source_unit})",
                variants[0].0
            )),
        ));
    }
    // glossary.variant for terms in no glossary, found by the miner, across
    // the files of a project (not for one pair: drift within one article is
    // the glossary rule's business). It takes longer than every other
    // project rule, so it is skipped when turned off.
    let variant_on = config.severity(GLOSSARY_VARIANT.id, GLOSSARY_VARIANT.severity).is_some();
    if summaries.len() > 1 && variant_on {
        let mining: Vec<&crate::suggest::PairMining> = summaries.iter().map(|s| &s.mining).collect();
        out.extend(crate::suggest::variants::findings(&mining));
    }
    // repeat.inconsistent across files: the first translation of a source
    // unit is the reference; a later different one is reported.
    let mut first: BTreeMap<&str, (usize, &Translation)> = BTreeMap::new();
    for (pair_idx, summary) in summaries.iter().enumerate() {
        for translation in &summary.translations {
            match first.get(translation.key.as_str()) {
                None => {
                    first.insert(&translation.key, (pair_idx, translation));
                }
                Some(&(first_pair, reference))
                    // Equal texts have equal keys: most repeats need no key.
                    if first_pair != pair_idx
                        && reference.text != translation.text
                        && translation_key(&reference.text) != translation_key(&translation.text) =>
                {
                    let other = names
                        .get(first_pair)
                        .copied()
                        .map_or_else(|| format!("pair {}", first_pair + 1), str::to_string);
                    out.push((
                        pair_idx,
                        finding(
                            REPEAT_INCONSISTENT,
                            format!(
                                "source unit {} also occurs in {other} ({}) with a different translation",
                                translation.source_unit, reference.source_unit
                            ),
                        )
                        .with_source(translation.source_idx, translation.source_unit.clone(), translation.source_span)
                        .with_target(translation.target_idx, translation.target_unit.clone(), translation.target_span)
                        .with_expected(reference.text.as_str()),
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
    fn issue_11_a_full_name_with_its_acronym_is_one_rendering() {
        let pipeline = crate::pipeline::Pipeline::new(crate::glossary::builtin().clone(), Default::default()).unwrap();
        let a = pipeline.run(
            "BNPB mencatat 20 korban banjir.\n\nBNPB menambah bantuan untuk warga.\n",
            "The National Disaster Management Agency (BNPB) recorded 20 flood victims.\n\nBNPB added aid for residents.\n",
        );
        let b = pipeline.run(
            "BNPB mencatat 5 korban banjir.\n",
            "The National Disaster Management Agency recorded 5 flood victims.\n",
        );
        let c = pipeline.run("BNPB mencatat 7 korban banjir.\n", "BNPB recorded 7 flood victims.\n");
        let variants = |summaries: Vec<PairSummary>| -> Vec<String> {
            findings(&summaries, &["a", "b", "c"], &CheckConfig::default())
                .into_iter()
                .filter(|(_, f)| f.rule == GLOSSARY_VARIANT.id)
                .map(|(_, f)| f.message)
                .collect()
        };
        assert_eq!(variants(vec![a.summary.clone(), b.summary.clone()]), Vec::<String>::new());
        // An article that never spells the name out does render it another way.
        assert_eq!(variants(vec![a.summary, b.summary, c.summary]).len(), 1);
    }

    #[test]
    fn drift_across_files_is_counted() {
        let variant = |v: &str| VariantUse {
            term: "Menteri Luar Negeri".to_string(),
            variant: v.to_string(),
            source_unit: "p4.s1".to_string(),
            target_idx: 3,
            target_unit: "p4.s1".to_string(),
            span: Span::new(0, 5),
        };
        let summaries = vec![
            PairSummary {
                variants: vec![variant("Foreign Minister"), variant("Foreign Minister")],
                ..Default::default()
            },
            PairSummary {
                variants: vec![variant("Minister of Foreign Affairs")],
                ..Default::default()
            },
        ];
        let found = findings(&summaries, &["a.id.txt", "b.id.txt"], &CheckConfig::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 1);
        assert!(
            found[0].1.message.contains("Foreign Minister (2), Minister of Foreign Affairs (1)"),
            "{}",
            found[0].1.message
        );
    }

    #[test]
    fn issue_13_inconsistency_across_files_names_the_file_and_ignores_quote_style() {
        let translation = |source: &str, target: &str| Translation {
            key: source.to_string(),
            text: target.to_string(),
            source_idx: 3,
            source_unit: "p4.s1".to_string(),
            source_span: Span::new(0, source.len()),
            target_idx: 3,
            target_unit: "p4.s1".to_string(),
            target_span: Span::new(0, target.len()),
        };
        let key = "menteri luar negeri choe son hui mengatakan";
        let summaries = vec![
            PairSummary {
                variants: vec![],
                translations: vec![translation(key, "“We are ready,” she said of North Korea’s troops.")],
                ..Default::default()
            },
            PairSummary {
                variants: vec![],
                translations: vec![translation(key, "\"We are  ready,\" she said of North Korea's troops.")],
                ..Default::default()
            },
            PairSummary {
                variants: vec![],
                translations: vec![translation(key, "\"We are prepared,\" she said of North Korea's troops.")],
                ..Default::default()
            },
        ];
        let found = findings(
            &summaries,
            &["articles/a.id.txt", "articles/b.id.txt", "articles/c.id.txt"],
            &CheckConfig::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 2);
        assert!(
            found[0].1.message.contains("also occurs in articles/a.id.txt (p4.s1)"),
            "{}",
            found[0].1.message
        );
    }
}
