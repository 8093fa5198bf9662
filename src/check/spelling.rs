//! `glossary.spelling`: a project that requires one spelling of English
//! (`[check] spelling = "british"` in `selaras.toml`, or `--spelling`)
//! gets a warning where a glossary target is written in the other one
//! (`Defense Ministry` in a British project).
//!
//! Without the setting both spellings of a target count as the target
//! (see `glossary::english::forms`) and this check does nothing. Only the
//! words of glossary targets found in the draft are looked at: a
//! house-style checker for the whole text is another tool's job, and the
//! glossary's terms are where a newsroom's style sheet is firm.

use super::{Pair, finding};
use crate::finding::Finding;
use crate::glossary::english::{EnglishText, Spelling, spelling_of};
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    GLOSSARY_SPELLING = "glossary.spelling", Warning,
        "A glossary term is written in the spelling of English the project does not use.",
        "Only with a required spelling (`[check] spelling = \"british\"` or \"american\" in\n\
         selaras.toml, or `check --spelling`). Without it both spellings of a target count\n\
         (Defence Ministry and Defense Ministry). With it, a target written in the other spelling\n\
         is reported with the required form: known pairs (defense/defence, program/programme) and\n\
         ending rules (-ize/-ise, -or/-our, -er/-re) where both spellings are common words, so\n\
         Governor is never taken for an American Governour. Words with a second meaning in the\n\
         other variety (license, tire, curb, program) are accepted either way.\n\
         Example: \"Kementerian Pertahanan\" with \"Defense Ministry\" in a British project.";
}

/// Pushes a `glossary.spelling` finding for each glossary target of a bead
/// that the draft writes in the variety `required` does not use.
pub(crate) fn check(pair: &Pair<'_>, required: Spelling, out: &mut Vec<Finding>) {
    for bead in pair.beads {
        let Some(first_target) = bead.first_target() else { continue };
        let target_span = pair.target.joined_span(bead.target.clone());
        let text = target_span.slice(pair.target.text);
        let mut draft: Option<EnglishText<'_>> = None;
        let mut reported: Vec<Span> = Vec::new();
        for source_idx in bead.source.clone() {
            for term in pair.terms_in(source_idx) {
                // Only terms whose targets have a word of either variety.
                let spelled = |target: &String| {
                    target
                        .split(' ')
                        .any(|word| spelling_of(word, super::english_words::is_english_word).is_some())
                };
                if !term.targets.iter().any(spelled) {
                    continue;
                }
                let draft = draft.get_or_insert_with(|| EnglishText::new(text));
                let mut found = Vec::new();
                for target in &term.targets {
                    draft.find_all(target, &mut found);
                }
                for span in found {
                    if reported.iter().any(|other| other.start < span.end && span.start < other.end) {
                        continue;
                    }
                    let written = span.slice(text);
                    let mut respelled = String::with_capacity(written.len());
                    let mut last = 0;
                    let mut wrong = false;
                    for (word_span, word) in super::words(written, 0) {
                        if let Some((variety, other)) = spelling_of(word, super::english_words::is_english_word)
                            && variety != required
                        {
                            respelled.push_str(&written[last..word_span.start]);
                            respelled.push_str(&other);
                            last = word_span.end;
                            wrong = true;
                        }
                    }
                    if !wrong {
                        continue;
                    }
                    respelled.push_str(&written[last..]);
                    reported.push(span);
                    let other = match required {
                        Spelling::American => Spelling::British,
                        Spelling::British => Spelling::American,
                    };
                    out.push(
                        finding(
                            GLOSSARY_SPELLING,
                            format!(
                                "{written} is {} spelling; this project writes {} English: {respelled}",
                                other.name(),
                                required.name()
                            ),
                        )
                        .with_source(term.unit, pair.source.units[term.unit].id.clone(), term.span)
                        .with_target(
                            first_target,
                            pair.target.units[first_target].id.clone(),
                            Span::new(span.start + target_span.start, span.end + target_span.start),
                        )
                        .with_expected(respelled),
                    );
                }
            }
        }
    }
}
