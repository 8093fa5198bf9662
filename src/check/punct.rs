//! `punct.quotes`, `punct.brackets`, `punct.question`, `punct.whitespace`.
//!
//! Quotes and brackets are compared per bead: when the source units of a
//! bead are balanced and its draft units are not, a mark was dropped or
//! added. Curly quotes balance as pairs (“ ”), straight double quotes by
//! parity. A source unit ending in `?` needs a `?` in the draft.

use super::{Check, Pair, finding};
use crate::finding::Finding;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    PUNCT_BRACKETS = "punct.brackets", Warning,
        "Brackets are unbalanced in the draft.",
        "The source's brackets are balanced and the draft's are not.\n\
         Example: \"(ICBM\" with the closing bracket lost.";
    PUNCT_QUESTION = "punct.question", Warning,
        "A question lost its question mark.",
        "The source unit ends in \"?\" and the draft unit does not contain one.\n\
         Example: \"Apakah Korea Utara akan mengirim lebih banyak pasukan?\" translated as \"North\n\
         Korea will send more troops.\"";
    PUNCT_QUOTES = "punct.quotes", Error,
        "Quotation marks are unbalanced in the draft.",
        "The source's quotation marks are balanced and the draft's are not: a closing quote was\n\
         dropped or an extra one added. Straight and curly quotes both count.\n\
         Example: “We are very grateful … Russian, said Lavrov.";
    PUNCT_WHITESPACE = "punct.whitespace", Info,
        "Doubled spaces or a space before punctuation.",
        "The draft has two spaces in a row, or a space before , . ; : ! or ?.\n\
         Example: \"said this  in Moscow\" (two spaces), \"the border , and\" (a space before the\n\
         comma). An ellipsis spaced as the source spaces it (\"hari ini … meningkat\" → \"today ...\n\
         rising\") is not reported.";
}

pub struct Punctuation;

impl Check for Punctuation {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        for bead in pair.beads {
            let (Some(first_source), Some(first_target)) = (bead.first_source(), bead.first_target()) else {
                continue;
            };
            let source_text: Vec<&str> = bead.source.clone().map(|idx| pair.source.unit_text(idx)).collect();
            let target_text: Vec<&str> = bead.target.clone().map(|idx| pair.target.unit_text(idx)).collect();
            let source_unit = &pair.source.units[first_source];
            let target_unit = &pair.target.units[first_target];
            let source_span = pair.source.joined_span(bead.source.clone());
            let target_span = pair.target.joined_span(bead.target.clone());
            let located = |rule: super::RuleInfo, message: String| {
                finding(rule, message)
                    .with_source(first_source, source_unit.id.clone(), source_span)
                    .with_target(first_target, target_unit.id.clone(), target_span)
            };
            if quotes_even(&source_text) && !quotes_balanced(&target_text) {
                out.push(located(
                    PUNCT_QUOTES,
                    format!("quotation marks in draft unit {} do not balance", target_unit.id),
                ));
            }
            if brackets_balanced(&source_text) && !brackets_balanced(&target_text) {
                out.push(located(
                    PUNCT_BRACKETS,
                    format!("brackets in draft unit {} do not balance", target_unit.id),
                ));
            }
            let asks = source_text
                .iter()
                .any(|text| text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with('?'));
            if asks && !target_text.iter().any(|text| text.contains('?')) {
                out.push(located(
                    PUNCT_QUESTION,
                    format!("the source asks a question; draft unit {} has no question mark", target_unit.id),
                ));
            }
            let spaced_ellipsis = source_text.iter().any(|text| has_spaced_ellipsis(text));
            for target_idx in bead.target.clone() {
                whitespace(pair, target_idx, spaced_ellipsis, out);
            }
        }
    }
}

/// Whether the double quotes of a source add up to pairs, whatever their
/// shapes: a source that closes twice (`atau” open cycle”`, a slip of the
/// writer's keyboard) still quotes one thing.
fn quotes_even(texts: &[&str]) -> bool {
    let n_quotes: usize = texts
        .iter()
        .map(|t| t.chars().filter(|c| matches!(c, '“' | '”' | '"')).count())
        .sum();
    n_quotes.is_multiple_of(2)
}

fn quotes_balanced(texts: &[&str]) -> bool {
    let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
    for text in texts {
        for c in text.chars() {
            match c {
                '“' => open += 1,
                '”' => close += 1,
                '"' => straight += 1,
                _ => {}
            }
        }
    }
    open == close && straight.is_multiple_of(2)
}

fn brackets_balanced(texts: &[&str]) -> bool {
    let mut depth = [0i64; 2];
    for text in texts {
        for c in text.chars() {
            match c {
                '(' => depth[0] += 1,
                ')' => depth[0] -= 1,
                '[' => depth[1] += 1,
                ']' => depth[1] -= 1,
                _ => {}
            }
            if depth.iter().any(|&d| d < 0) {
                return false;
            }
        }
    }
    depth == [0, 0]
}

/// Whether `text` sets an ellipsis (`…` or `...`) off with a space before
/// it, as in `hari ini … meningkat`.
fn has_spaced_ellipsis(text: &str) -> bool {
    text.contains(" …") || text.contains(" ...")
}

/// Doubled spaces and a space before punctuation. A space before an
/// ellipsis (`today ... rising`) is not reported when the source spaces its
/// ellipsis too (`spaced_ellipsis`): the draft keeps the source's style, and
/// AP style spaces ellipses as well.
fn whitespace(pair: &Pair<'_>, target_idx: usize, spaced_ellipsis: bool, out: &mut Vec<Finding>) {
    let unit = &pair.target.units[target_idx];
    let text = pair.target.unit_text(target_idx);
    let before_punctuation = [" ,", " .", " ;", " :", " !", " ?"]
        .iter()
        .flat_map(|pattern| text.match_indices(pattern).map(|(at, _)| at))
        .filter(|&at| !(spaced_ellipsis && text[at + 1..].starts_with("...")))
        .min();
    let problem = text
        .find("  ")
        .map(|at| (at, 2, "two spaces in a row"))
        .or_else(|| before_punctuation.map(|at| (at, 2, "a space before punctuation")));
    if let Some((at, len, what)) = problem {
        let start = unit.span.start + at;
        out.push(finding(PUNCT_WHITESPACE, format!("draft unit {} has {what}", unit.id)).with_target(
            target_idx,
            unit.id.clone(),
            Span::new(start, start + len),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance() {
        assert!(quotes_balanced(&["“Kami siap,” katanya, \"ya\"."]));
        assert!(!quotes_balanced(&["“We are ready, he said."]));
        assert!(!quotes_balanced(&["\"very close relations between"]));
        assert!(brackets_balanced(&["missile (ICBM) [sic]"]));
        assert!(!brackets_balanced(&["missile (ICBM"]));
        assert!(!brackets_balanced(&["missile ICBM) ("]));
        assert!(has_spaced_ellipsis("hari ini … meningkat") && has_spaced_ellipsis("hari ini ... meningkat"));
        assert!(!has_spaced_ellipsis("hari ini… meningkat"));
    }
}
