//! Checks: aligned pairs in, findings out.
//!
//! A `Pair` holds both texts, their units and the beads that align them,
//! plus the glossary hits the glossary stage found in the source. Each rule
//! family is one file implementing `Check`; `registry` lists them all with
//! their rule ids, default severities and explanations (the one table
//! `selaras explain` prints and SARIF describes). Checks never fail: they
//! push findings.

mod calendar;
mod dates;
mod english_words;
mod entity;
mod glossary;
mod language;
mod number;
mod number_index;
mod omission;
mod order;
pub mod project;
mod punct;
pub mod registry;
mod repeat;
mod spelling;
mod swap;
#[cfg(test)]
mod tests;
pub mod unfinished;

use std::collections::HashMap;

use std::ops::Range;

pub use crate::align::{Bead, BeadKind};
use crate::finding::{Finding, RuleId, Severity};
use crate::segment::UnitKind;
use crate::text::Span;

pub use registry::{RuleInfo, rule_info, rules};

/// One unit as every stage after segmentation sees it (checks, the diff
/// view's builder, the XLIFF export, `align`'s output, term mining), for
/// every kind of input: a segmented text, `--segmented` lines, the pairs of
/// a bilingual XLIFF file. Stages name a unit by its index in its side's
/// list of these; `id` is only shown.
///
/// Not `segment::Unit`, whose typed `p3.s1` id is the segmenter's contract:
/// `--segmented` lines are named by ordinal and XLIFF units by the file's
/// own ids, so here the id is a display string.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckUnit {
    /// Display id: `p3.s1`, a line ordinal (`--segmented`), an XLIFF id.
    pub id: String,
    pub span: Span,
    pub kind: UnitKind,
    /// Index of the earlier unit this one repeats (source side).
    pub repeat_of: Option<usize>,
    /// 1-based paragraph number; units of one paragraph share it.
    pub paragraph: u32,
}

/// One side of a pair: its text and units.
#[derive(Debug, Clone, Copy)]
pub struct SideText<'a> {
    pub text: &'a str,
    pub units: &'a [CheckUnit],
}

impl<'a> SideText<'a> {
    pub fn unit_text(&self, unit_idx: usize) -> &'a str {
        self.units[unit_idx].span.slice(self.text)
    }

    /// The text from the first to the last of the units `unit_range`
    /// (inclusive of what lies between them), or an empty span for none.
    pub fn joined_span(&self, unit_range: Range<usize>) -> Span {
        if unit_range.is_empty() {
            return Span::default();
        }
        Span::new(self.units[unit_range.start].span.start, self.units[unit_range.end - 1].span.end)
    }
}

/// A glossary term found in the source, with the English it requires.
#[derive(Debug, Clone, PartialEq)]
pub struct TermUse {
    pub unit: usize,
    pub span: Span,
    /// The glossary's spelling of the source term.
    pub term: String,
    pub targets: Vec<String>,
    pub forbidden: Vec<String>,
}

/// Everything the checks look at for one source/draft pair.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    pub source: SideText<'a>,
    pub target: SideText<'a>,
    pub beads: &'a [Bead],
    /// Sorted by `unit` (the glossary stage finds them unit by unit), so
    /// that `terms_in` is a binary search rather than a scan of every term
    /// for every unit.
    pub terms: &'a [TermUse],
    /// The glossary's name-like English targets, to see what a draft names
    /// instead of a missing term (`None`: no glossary at hand).
    pub targets: Option<&'a crate::glossary::TargetIndex>,
}

impl<'a> Pair<'a> {
    /// Glossary spans inside source unit `unit_idx`.
    pub fn terms_in(&self, unit_idx: usize) -> impl Iterator<Item = &'a TermUse> + 'a {
        let start = self.terms.partition_point(|term| term.unit < unit_idx);
        let end = start + self.terms[start..].partition_point(|term| term.unit == unit_idx);
        self.terms[start..end].iter()
    }
}

/// A finding of `rule` with the rule's default severity.
pub(crate) fn finding(rule: RuleInfo, message: impl Into<String>) -> Finding {
    rule.finding(message)
}

/// Every rule by name, wherever it is declared: `rule::OMISSION.id` is how
/// code outside the declaring file names a rule.
pub mod rule {
    pub use super::calendar::{CALENDAR_CHANGED, CALENDAR_MISSING};
    pub use super::dates::CALENDAR_SHORTENED;
    pub use super::entity::{ENTITY_CHANGED, ENTITY_NAME};
    pub use super::glossary::{GLOSSARY_COUNT, GLOSSARY_FORBIDDEN, GLOSSARY_MISSING};
    pub use super::language::UNTRANSLATED;
    pub use super::number::{NUMBER_CHANGED, NUMBER_EXTRA, NUMBER_MISSING};
    pub use super::omission::{ADDITION, OMISSION, OMISSION_PARTIAL, STRUCTURE_MERGED, STRUCTURE_SPLIT};
    pub use super::order::STRUCTURE_REORDERED;
    pub use super::project::GLOSSARY_VARIANT;
    pub use super::punct::{PUNCT_BRACKETS, PUNCT_QUESTION, PUNCT_QUOTES, PUNCT_WHITESPACE};
    pub use super::repeat::{REPEAT_INCONSISTENT, SOURCE_REPEATED};
    pub use super::spelling::GLOSSARY_SPELLING;
    pub use super::swap::SOURCE_SWAPPED;
    pub use super::unfinished::OMISSION_UNFINISHED;
    pub use crate::xliff::check::PLACEHOLDER_MISSING;
}

/// Words of `text` with their byte spans (offset by `base`): runs of
/// letters, digits and the joiners `-`, `'` and `’` inside a word.
pub(crate) fn words(text: &str, base: usize) -> impl Iterator<Item = (Span, &str)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(offset, c)) = chars.peek() {
                let joiner = matches!(c, '-' | '\'' | '’') && text[offset + c.len_utf8()..].starts_with(char::is_alphanumeric);
                if c.is_alphanumeric() || joiner {
                    end = offset + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            return Some((Span::new(base + start, base + end), &text[start..end]));
        }
    })
}

/// How two translations are compared for sameness (`repeat.inconsistent`):
/// NFC, whitespace folded, and quotation marks and apostrophes of every
/// style made straight. “Kami siap,” and "Kami siap," (or North Korea’s and
/// North Korea's) are one wording typed two ways, not two translations.
pub(crate) fn translation_key(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    crate::segment::normalise_into(text, &mut folded);
    folded
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' | '\u{2032}' | '`' => '\'',
            other => other,
        })
        .collect()
}

/// A glossary finding expects every acceptable target of its term, each as
/// its own value (JSON `expected` is an array): the term is found by the
/// source span the finding points at, and its targets replace whatever one
/// string the rule wrote. A term with no acceptable target (a forbidden-only
/// entry) expects nothing.
fn expected_targets(pair: &Pair<'_>, findings: &mut [Finding]) {
    // `glossary.spelling` gives the one respelled form it asks for.
    for finding in findings
        .iter_mut()
        .filter(|f| f.rule.family() == "glossary" && f.rule != rule::GLOSSARY_SPELLING.id)
    {
        let Some(source) = &finding.source else { continue };
        if let Some(term) = pair.terms.iter().find(|term| term.span == source.span) {
            finding.expected.clear();
            for target in &term.targets {
                if !target.is_empty() && !finding.expected.contains(target) {
                    finding.expected.push(target.clone());
                }
            }
        }
    }
}

/// Applies the table's cross-rule policy: a finding of a rule that
/// supersedes families (`untranslated`: a draft unit left in Indonesian
/// misses every term, number and name of its source, and the one finding
/// says it all) removes their findings on the same draft unit.
fn supersede(findings: &mut Vec<Finding>) {
    // Draft unit index → the families superseded there.
    let mut superseded: HashMap<usize, Vec<&'static str>> = HashMap::new();
    for finding in findings.iter() {
        let Some(info) = rule_info(finding.rule).filter(|info| !info.supersedes.is_empty()) else {
            continue;
        };
        if let Some(target) = &finding.target {
            superseded.entry(target.unit).or_default().extend(info.supersedes);
        }
    }
    if superseded.is_empty() {
        return;
    }
    findings.retain(|finding| {
        let Some(target) = &finding.target else { return true };
        !superseded
            .get(&target.unit)
            .is_some_and(|families| families.contains(&finding.rule.family()))
    });
}

/// One rule family.
pub trait Check: Sync {
    /// Pushes this family's findings for `pair` onto `out`.
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>);
}

/// Severity overrides per rule (`off` = `None`), from a project file or flags.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    pub severities: HashMap<String, Option<Severity>>,
    /// The spelling of English the project requires (`glossary.spelling`);
    /// `None` accepts both.
    pub spelling: Option<crate::glossary::english::Spelling>,
    /// The draft is meant to be complete (`--full-draft`): a draft that
    /// stops early gets an `omission` per untranslated unit instead of one
    /// `omission.unfinished` (see `unfinished`).
    pub full_draft: bool,
}

impl CheckConfig {
    /// Sets the level of `name`, a rule id or a family (`None` = off).
    /// Unknown names are refused with a suggestion (see
    /// [`registry::resolve_rule_name`]): a misspelt rule that silently did
    /// nothing would leave a check on that the user meant to turn off.
    pub fn set(&mut self, name: &str, level: Option<Severity>) -> Result<(), String> {
        let name = registry::resolve_rule_name(name)?;
        self.severities.insert(name.to_string(), level);
        Ok(())
    }

    /// The severity for `rule`: an override for the rule id, else for its
    /// family, else the rule's default. `None` means the rule is off.
    pub fn severity(&self, rule: RuleId, default: Severity) -> Option<Severity> {
        if let Some(&setting) = self.severities.get(rule.as_str()) {
            return setting;
        }
        if let Some(&setting) = self.severities.get(rule.family()) {
            return setting;
        }
        Some(default)
    }
}

/// Runs every registered check on `pair`, applies `config`'s severities and
/// returns the findings in document order (by the draft's position, then the
/// source's).
pub fn run(pair: &Pair<'_>, config: &CheckConfig) -> Vec<Finding> {
    debug_assert!(pair.terms.is_sorted_by_key(|term| term.unit), "terms must be sorted by unit");
    // A pair given the wrong way round gets one finding that says so, not
    // an `untranslated` error per unit (see `swap`).
    if let Some(mut swapped) = swap::swapped(pair)
        && let Some(severity) = config.severity(swapped.rule, swapped.severity)
    {
        swapped.severity = severity;
        return vec![swapped];
    }
    let mut findings = Vec::new();
    for check in registry::checks() {
        check.run(pair, &mut findings);
    }
    if let Some(spelling) = config.spelling {
        spelling::check(pair, spelling, &mut findings);
    }
    supersede(&mut findings);
    // A draft that stops early is work in progress: one finding says where
    // it ends, instead of an omission per later unit.
    if !config.full_draft {
        unfinished::summarise(pair, &mut findings);
    }
    expected_targets(pair, &mut findings);
    findings.retain_mut(|finding| match config.severity(finding.rule, finding.severity) {
        Some(severity) => {
            finding.severity = severity;
            true
        }
        None => false,
    });
    findings.sort_by_key(|finding| {
        let source = finding.source.as_ref().map_or(usize::MAX, |l| l.span.start);
        let target = finding.target.as_ref().map_or(usize::MAX, |l| l.span.start);
        (source, target, finding.rule)
    });
    findings
}

#[cfg(test)]
mod terms_in_tests {
    use super::*;

    #[test]
    fn issue_12_terms_in_finds_a_units_terms_by_binary_search() {
        // Units 0, 2 and 5 have terms; the others none.
        let term = |unit: usize, start: usize| TermUse {
            unit,
            span: Span::new(start, start + 1),
            term: format!("t{unit}"),
            targets: Vec::new(),
            forbidden: Vec::new(),
        };
        let terms = vec![term(0, 0), term(0, 2), term(2, 10), term(5, 20), term(5, 22), term(5, 24)];
        let pair = Pair {
            source: SideText { text: "", units: &[] },
            target: SideText { text: "", units: &[] },
            beads: &[],
            terms: &terms,
            targets: None,
        };
        let starts = |unit_idx: usize| pair.terms_in(unit_idx).map(|t| t.span.start).collect::<Vec<_>>();
        assert_eq!(starts(0), [0, 2]);
        assert_eq!(starts(1), Vec::<usize>::new());
        assert_eq!(starts(2), [10]);
        assert_eq!(starts(5), [20, 22, 24]);
        assert_eq!(starts(6), Vec::<usize>::new());
    }
}
