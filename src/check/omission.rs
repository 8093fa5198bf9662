//! `omission`, `omission.partial`, `addition`, `structure.merged`,
//! `structure.split`: what the shape of the alignment says.
//!
//! Null beads are omissions (1-0) and additions (0-1), except for
//! boilerplate and for the copies of a repeated source block. Beads that
//! pair several units with one are merges and splits. A 1-1 bead whose draft
//! is less than `SHORT_RATIO` of the expected length is a partial omission.

use super::{Bead, Check, Pair, finding};
use crate::finding::Finding;
use crate::segment::UnitKind;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::registry::declare_rules! {
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
        "The aligner paired this source unit with no draft unit (a 1-0 bead). Boilerplate\n\
         (site trailers) and the copies of a repeated block are exempt.\n\
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
        for bead in pair.beads {
            match (bead.source.len(), bead.target.len()) {
                (0, 0) => {}
                (_, 0) => omitted(pair, bead, out),
                (0, _) => {
                    for target_idx in bead.target.clone() {
                        out.push(addition(pair, target_idx));
                    }
                }
                (1, 1) => partial(pair, bead, out),
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
        let unit = &pair.source.units[source_idx];
        if unit.kind == UnitKind::Boilerplate || unit.repeat_of.is_some() {
            continue;
        }
        out.push(finding(OMISSION, format!("source unit {} is not translated", unit.id)).with_source(
            source_idx,
            unit.id.clone(),
            unit.span,
        ));
    }
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
