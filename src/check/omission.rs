//! `omission`, `omission.partial`, `addition`, `structure.merged`,
//! `structure.split`: what the shape of the alignment says.
//!
//! Null beads are omissions (1-0) and additions (0-1), except for
//! boilerplate and for the copies of a repeated source block. Beads that
//! pair several units with one are merges and splits. A 1-1 bead whose draft
//! is less than `SHORT_RATIO` of the expected length is a partial omission.

use super::{Bead, Check, Pair, finding};
use crate::align::BeadKind;
use crate::finding::Finding;
use crate::segment::UnitKind;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    ADDITION = "addition", Warning,
        "A draft sentence translates nothing in the source.",
        "The aligner paired this draft unit with no source unit (a 0-1 bead), or a bead that splits\n\
         one source sentence holds a draft sentence whose names and numbers the source lacks.\n\
         Where the line is drawn:\n\
         - error: a sentence of 15 words or more that shares no name or number with the source\n\
           paragraphs around it (it has at least two of its own) - text pasted from elsewhere;\n\
         - warning: any other sentence of 4 words or more - translators add an explanation now\n\
           and then (\"The BNPB is the national disaster agency.\"), worth a look;\n\
         - information: a fragment under 4 words (\"limited.\", a lone full stop), which is a\n\
           sentence cut in two rather than an addition.\n\
         Example: \"Separately, Japan's Nikkei 225 index closed 1.2% higher on Tuesday.\" inside\n\
         a report on missile tests is an error.";
    OMISSION = "omission", Error,
        "A source sentence has no translation.",
        "The aligner paired this source unit with no draft unit (a 1-0 bead), or folded it into a\n\
         neighbour's bead although the draft sentence has none of its numbers and hardly any of its\n\
         names while it has the neighbour's. Boilerplate (site trailers) and the copies of a\n\
         repeated block are exempt.\n\
         Example: the sentence about Blinken's estimate of 8,000 troops is missing.";
    OMISSION_PARTIAL = "omission.partial", Warning,
        "The draft is much shorter than its source.",
        "The draft unit is less than half as long as the source would predict (Indonesian to\n\
         English runs at about 0.9 characters per character), a sign that a clause was dropped.\n\
         Example: \"Ia mengatakan Korea Utara perlu memperkuat persenjataan nuklirnya dan\n\
         menyempurnakan kesiapannya untuk melancarkan serangan nuklir balasan jika perlu.\" translated\n\
         as \"She said North Korea must grow its arsenal.\"";
    STRUCTURE_MERGED = "structure.merged", Warning,
        "Two or more source sentences were merged into one draft sentence.",
        "The aligner paired several source units with one draft unit (a 2-1 bead). Merging sentences of\n\
         one paragraph is ordinary news editing and is reported as information; merging sentences of\n\
         different paragraphs, in a draft that otherwise keeps the source's paragraphs, is a warning:\n\
         it often hides an omission and breaks sentence-level memories.\n\
         Example: \"Kim hadir pada peluncuran uji coba rudal …\" (paragraph 16) joined to the\n\
         sentence of paragraph 15 as \"…, and Kim attended the missile test launch …\".";
    STRUCTURE_SPLIT = "structure.split", Info,
        "One source sentence was split into several draft sentences.",
        "The aligner paired one source unit with several draft units (a 1-2 bead).\n\
         Example: \"Choe mengatakan situasi dapat menjadi meledak, tetapi tidak memberikan bukti.\"\n\
         translated as \"Choe said the situation could become explosive. She gave no evidence.\"";
}

/// English characters per Indonesian character in news translation (the
/// development pairs give 0.9 to 1.0); below this share of the expected
/// length a draft has likely lost a clause.
const EXPECTED_RATIO: f64 = 0.92;
const SHORT_RATIO: f64 = 0.45;
/// Short units vary too much in length to judge.
const MIN_SOURCE_CHARS: usize = 60;

pub struct Omission;

impl Check for Omission {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        for (bead_idx, bead) in pair.beads.iter().enumerate() {
            match (bead.source.len(), bead.target.len()) {
                (0, 0) => {}
                (1, 0) if let Some(into) = merged_into_neighbour(pair, bead_idx) => {
                    let unit = &pair.source.units[bead.source.start];
                    let target = &pair.target.units[into];
                    out.push(
                        finding(
                            STRUCTURE_MERGED,
                            format!("source sentence {} is translated inside draft sentence {}", unit.id, target.id),
                        )
                        .with_source(bead.source.start, unit.id.clone(), unit.span)
                        .with_target(into, target.id.clone(), target.span)
                        .with_severity(crate::finding::Severity::Info),
                    );
                }
                (_, 0) => omitted(pair, bead, out),
                (0, _) => {
                    for target_idx in bead.target.clone() {
                        out.push(addition(pair, target_idx));
                    }
                }
                (1, 1) => partial(pair, bead, out),
                (_, 1) if let Some(dropped) = dropped_part(pair, bead) => omitted_one(pair, dropped, out),
                (n_source, 1) => {
                    let target = &pair.target.units[bead.target.start];
                    let first = &pair.source.units[bead.source.start];
                    let last = &pair.source.units[bead.source.end - 1];
                    let mut merged = finding(
                        STRUCTURE_MERGED,
                        if first.paragraph == last.paragraph {
                            format!("{n_source} source sentences ({}–{}) are one draft sentence", first.id, last.id)
                        } else {
                            format!(
                                "{n_source} source paragraphs ({}–{}) are merged into one draft sentence",
                                first.id, last.id
                            )
                        },
                    )
                    .with_source(bead.source.start, first.id.clone(), pair.source.joined_span(bead.source.clone()))
                    .with_target(bead.target.start, target.id.clone(), target.span);
                    // Joining sentences of one paragraph is ordinary editing.
                    if first.paragraph == last.paragraph {
                        merged.severity = crate::finding::Severity::Info;
                    }
                    out.push(merged);
                }
                (1, _) if let Some(part) = added_part(pair, bead) => out.push(addition(pair, part)),
                (1, n_target) => {
                    let source = &pair.source.units[bead.source.start];
                    let first = &pair.target.units[bead.target.start];
                    out.push(
                        finding(
                            STRUCTURE_SPLIT,
                            format!("source sentence {} split into {n_target} draft sentences", source.id),
                        )
                        .with_source(bead.source.start, source.id.clone(), source.span)
                        .with_target(
                            bead.target.start,
                            first.id.clone(),
                            pair.target.joined_span(bead.target.clone()),
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}

/// Words from which an addition counts as a sentence of its own (shorter
/// ones are fragments or a translator's gloss).
const ADDITION_SENTENCE_WORDS: usize = 4;
/// Words from which an addition that shares nothing with the source around
/// it is taken for text from elsewhere.
const ADDITION_FOREIGN_WORDS: usize = 15;

/// The finding for draft unit `target_idx`, which translates nothing:
///
/// * an error when it is a long sentence (`ADDITION_FOREIGN_WORDS` words or
///   more) whose names and numbers appear nowhere in the source paragraph
///   beside it: a sentence pasted from another article;
/// * information for a fragment (under `ADDITION_SENTENCE_WORDS` words, or
///   no letters: `limited.`, a lone full stop), which is a sentence cut in
///   two, not an addition;
/// * a warning otherwise: translators add an explanation now and then.
fn addition(pair: &Pair<'_>, target_idx: usize) -> Finding {
    let unit = &pair.target.units[target_idx];
    let text = pair.target.unit_text(target_idx);
    let n_words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let mut found = finding(ADDITION, format!("draft unit {} has no counterpart in the source", unit.id)).with_target(
        target_idx,
        unit.id.clone(),
        unit.span,
    );
    if n_words < ADDITION_SENTENCE_WORDS {
        found.message = format!("draft unit {} is a fragment with no counterpart in the source", unit.id);
        found.severity = crate::finding::Severity::Info;
    } else if n_words >= ADDITION_FOREIGN_WORDS {
        let own = super::order::anchors(text, crate::segment::Lang::En);
        // Units come in paragraph order: the neighbourhood is found by
        // binary search, not by a scan per addition.
        let units = pair.source.units;
        let from = units.partition_point(|u| u.paragraph + 1 < unit.paragraph);
        let to = units.partition_point(|u| u.paragraph <= unit.paragraph + 1);
        let paragraph_source: String = (from..to.max(from))
            .map(|idx| pair.source.unit_text(idx))
            .collect::<Vec<_>>()
            .join(" ");
        let around = super::order::anchors(&paragraph_source, crate::segment::Lang::Id);
        if own.len() >= 2 && super::order::overlap(&own, &around) == 0 {
            found.message = format!(
                "draft unit {} shares no name or number with the source around it: text from elsewhere?",
                unit.id
            );
            found.severity = crate::finding::Severity::Error;
        }
    }
    found
}

/// In a bead that splits one source sentence into several draft
/// sentences, a draft sentence of five words or more whose names and
/// numbers are all missing from the source: a sentence from elsewhere that
/// the aligner took for half of a split.
fn added_part(pair: &Pair<'_>, bead: &Bead) -> Option<usize> {
    let source = super::order::anchors(pair.source.unit_text(bead.source.start), crate::segment::Lang::Id);
    bead.target.clone().find(|&idx| {
        let text = pair.target.unit_text(idx);
        let own = super::order::anchors(text, crate::segment::Lang::En);
        text.split_whitespace().count() >= 5 && !own.is_empty() && super::order::overlap(&own, &source) == 0
    })
}

fn omitted(pair: &Pair<'_>, bead: &Bead, out: &mut Vec<Finding>) {
    if bead.is_repeat() {
        return;
    }
    for source_idx in bead.source.clone() {
        omitted_one(pair, source_idx, out);
    }
}

fn omitted_one(pair: &Pair<'_>, source_idx: usize, out: &mut Vec<Finding>) {
    let unit = &pair.source.units[source_idx];
    if unit.kind == UnitKind::Boilerplate || unit.repeat_of.is_some() {
        return;
    }
    out.push(finding(OMISSION, format!("source unit {} is not translated", unit.id)).with_source(source_idx, unit.id.clone(), unit.span));
}

/// Whether an anchor of `order::anchors` is a number (`n…`, `t…`, `d…`
/// and digits) rather than a name or a calendar word.
fn is_number_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('n' | 't' | 'd')) && chars.as_str().trim_start_matches('-').parse::<u64>().is_ok()
}

/// Whether the source sentence of the 1-0 bead `bead_idx` is translated
/// inside the draft sentence of a neighbouring bead of its paragraph, which
/// the aligner paired with the neighbour alone: wire translators join a
/// short sentence to the one before or after it ("…from 9am, some holding up
/// banners…"). The draft sentence must be longer than its own source
/// predicts by at least half of what this sentence predicts, and hold at
/// least half of this sentence's names and numbers (when it has any). A
/// sentence simply left out leaves its neighbour at the predicted length.
/// A merged sentence is condensed (a clause, "as did the prosecutors"):
/// the joint draft sentence is longer than its own source predicts by at
/// least this fraction of what the merged sentence predicts (half of it
/// for a sentence without names or numbers, which cannot confirm it)…
const MERGED_SHARE: f64 = 4.0;
/// …and by at least this share of its own prediction, beyond the usual
/// spread of free translation.
const MERGED_STRETCH: f64 = 0.15;

fn merged_into_neighbour(pair: &Pair<'_>, bead_idx: usize) -> Option<usize> {
    let bead = &pair.beads[bead_idx];
    let source_idx = bead.source.start;
    let unit = &pair.source.units[source_idx];
    if unit.kind != UnitKind::Body || bead.kind == BeadKind::Repeat {
        return None;
    }
    let own_text = pair.source.unit_text(source_idx);
    let own_expected = own_text.chars().count() as f64 * EXPECTED_RATIO;
    let own = super::order::anchors(own_text, crate::segment::Lang::Id);
    let own_total: u32 = own.values().sum();
    let neighbours = [bead_idx.checked_sub(1), bead_idx.checked_add(1)];
    neighbours
        .into_iter()
        .flatten()
        .filter_map(|idx| pair.beads.get(idx))
        .find_map(|next| {
            if next.source.is_empty() || next.target.len() != 1 {
                return None;
            }
            if next.source.clone().any(|idx| pair.source.units[idx].paragraph != unit.paragraph) {
                return None;
            }
            let target_text = pair.target.unit_text(next.target.start);
            let expected: f64 = next
                .source
                .clone()
                .map(|idx| pair.source.unit_text(idx).chars().count() as f64 * EXPECTED_RATIO)
                .sum();
            let extra = target_text.chars().count() as f64 - expected;
            // Without names or numbers to confirm it, only a draft sentence as
            // long as both sources together counts.
            let share = if own_total == 0 { 2.0 } else { MERGED_SHARE };
            let long_enough = extra >= (own_expected / share).max(expected * MERGED_STRETCH);
            let shares = own_total == 0 || {
                let draft = super::order::anchors(target_text, crate::segment::Lang::En);
                super::order::overlap(&own, &draft) * 2 >= own_total
            };
            (long_enough && shares).then_some(next.target.start)
        })
}

/// Names and numbers from which a source sentence says enough to be told
/// apart from its neighbour.
const DROPPED_MIN_ANCHORS: u32 = 4;

/// In a bead that pairs several source sentences with one draft sentence,
/// a source sentence the draft does not translate at all: the aligner folds
/// an omitted sentence into its neighbour's bead when the glossary or the
/// lengths make the merge look cheap. It is the one sentence with at least
/// `DROPPED_MIN_ANCHORS` names and numbers of which the draft has at most a
/// quarter, while every other sentence of the bead finds at least half of its
/// own (or has too few to tell); its numbers (two or more) must all be
/// missing, since names may be translated (`Kementerian Perhubungan`) while
/// numbers keep their value. A merge that translates both sentences finds
/// most of both; one whose sentence is reworded beyond its names is left alone.
fn dropped_part(pair: &Pair<'_>, bead: &Bead) -> Option<usize> {
    if bead.source.len() < 2 || bead.kind == BeadKind::Repeat {
        return None;
    }
    let draft = super::order::anchors(pair.target.unit_text(bead.target.start), crate::segment::Lang::En);
    let mut dropped = None;
    for idx in bead.source.clone() {
        let own = super::order::anchors(pair.source.unit_text(idx), crate::segment::Lang::Id);
        let total: u32 = own.values().sum();
        let found = super::order::overlap(&own, &draft);
        let numbers: u32 = own.iter().filter(|(key, _)| is_number_key(key)).map(|(_, &n)| n).sum();
        let numbers_found: u32 = own
            .iter()
            .filter(|(key, _)| is_number_key(key))
            .map(|(key, &n)| n.min(draft.get(key).copied().unwrap_or(0)))
            .sum();
        if total >= DROPPED_MIN_ANCHORS && numbers >= 2 && numbers_found == 0 && found * 4 <= total {
            if dropped.is_some() {
                return None;
            }
            dropped = Some(idx);
        } else if total >= 2 && found * 2 < total {
            return None;
        }
    }
    dropped
}

fn partial(pair: &Pair<'_>, bead: &Bead, out: &mut Vec<Finding>) {
    let source = &pair.source.units[bead.source.start];
    let target = &pair.target.units[bead.target.start];
    let source_chars = pair.source.unit_text(bead.source.start).chars().count();
    let target_chars = pair.target.unit_text(bead.target.start).chars().count();
    if source.kind == UnitKind::Boilerplate || source_chars < MIN_SOURCE_CHARS {
        return;
    }
    let expected = source_chars as f64 * EXPECTED_RATIO;
    if (target_chars as f64) < expected * SHORT_RATIO {
        out.push(
            finding(
                OMISSION_PARTIAL,
                format!(
                    "draft unit {} has {target_chars} characters where about {expected:.0} are expected",
                    target.id
                ),
            )
            .with_source(bead.source.start, source.id.clone(), source.span)
            .with_target(bead.target.start, target.id.clone(), target.span),
        );
    }
}
