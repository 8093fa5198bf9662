//! Checks: aligned pairs in, findings out.
//!
//! A `Pair` holds both texts, their units and the beads that align them,
//! plus the glossary hits the glossary stage found in the source. Each rule
//! family is one file implementing `Check`; `registry` lists them all with
//! their rule ids, default severities and explanations (the one table
//! `selaras explain` prints and SARIF describes). Checks never fail: they
//! push findings.

pub mod across_pairs;
mod calendar;
mod calendar_names;
mod dates;
pub mod declare;
mod english_words;
mod entity;
mod glossary;
mod language;
mod number;
mod number_index;
mod omission;
mod order;
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

pub use registry::{Reach, RuleInfo, rule_info, rules};

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
    pub use super::across_pairs::GLOSSARY_VARIANT;
    pub use super::calendar::{CALENDAR_CHANGED, CALENDAR_MISSING};
    pub use super::dates::CALENDAR_SHORTENED;
    pub use super::entity::{ENTITY_CHANGED, ENTITY_NAME};
    pub use super::glossary::{GLOSSARY_COUNT, GLOSSARY_FORBIDDEN, GLOSSARY_MISSING};
    pub use super::language::UNTRANSLATED;
    pub use super::number::{NUMBER_CHANGED, NUMBER_EXTRA, NUMBER_MISSING};
    pub use super::omission::{ADDITION, OMISSION, OMISSION_PARTIAL, STRUCTURE_MERGED, STRUCTURE_SPLIT};
    pub use super::order::STRUCTURE_REORDERED;
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
    // Read byte by byte where the text is ASCII (nearly all of it): every
    // rule splits every unit into words, several times over.
    let mut at = 0;
    std::iter::from_fn(move || {
        let (start, first_len) = loop {
            if at >= text.len() {
                return None;
            }
            let (c, len) = char_at(text, at);
            if is_word_char(c) {
                break (at, len);
            }
            at += len;
        };
        at = start + first_len;
        let mut end = at;
        while at < text.len() {
            let (c, len) = char_at(text, at);
            let next = at + len;
            let joiner = matches!(c, '-' | '\'' | '’') && text[next..].starts_with(char::is_alphanumeric);
            if is_word_char(c) || joiner {
                at = next;
                end = next;
            } else {
                break;
            }
        }
        Some((Span::new(base + start, base + end), &text[start..end]))
    })
}

/// The character at byte `at` of `text` (a character boundary) and its
/// length in bytes.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        (char::from(byte), 1)
    } else {
        let c = text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
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

/// Applies the table's cross-rule policy (see `registry`): a finding of a
/// rule that supersedes families removes their findings within its reach:
/// on its draft unit (`untranslated`: a unit left in Indonesian misses every
/// term, number and name of its source, and the one finding says it all),
/// from its source unit on (`omission.unfinished`), or in the whole pair
/// (`source.swapped`).
fn supersede(findings: &mut Vec<Finding>) {
    // Draft unit index → the rules superseding there; the rules reaching
    // from a source offset on, and over the whole pair (each of these gives
    // at most one finding per pair, so the lists stay short).
    let mut on_unit: HashMap<usize, Vec<&'static RuleInfo>> = HashMap::new();
    let mut onward: Vec<(usize, &'static RuleInfo)> = Vec::new();
    let mut whole_pair: Vec<&'static RuleInfo> = Vec::new();
    for finding in findings.iter() {
        let Some(info) = rule_info(finding.rule).filter(|info| !info.supersedes.is_empty()) else {
            continue;
        };
        match info.reach {
            Reach::DraftUnit => {
                if let Some(target) = &finding.target {
                    on_unit.entry(target.unit).or_default().push(info);
                }
            }
            Reach::SourceOnward => {
                if let Some(source) = &finding.source {
                    onward.push((source.span.start, info));
                }
            }
            Reach::Pair => whole_pair.push(info),
        }
    }
    if on_unit.is_empty() && onward.is_empty() && whole_pair.is_empty() {
        return;
    }
    findings.retain(|finding| {
        let rule = finding.rule;
        let on_its_unit = finding
            .target
            .as_ref()
            .and_then(|target| on_unit.get(&target.unit))
            .is_some_and(|infos| infos.iter().any(|info| info.supersedes_rule(rule)));
        let after_a_start = finding.source.as_ref().is_some_and(|source| {
            onward
                .iter()
                .any(|&(start, info)| source.span.start >= start && info.supersedes_rule(rule))
        });
        let in_the_pair = whole_pair.iter().any(|info| info.supersedes_rule(rule));
        !(on_its_unit || after_a_start || in_the_pair)
    });
}

/// Whether some finding supersedes every family of the pair (the table says
/// so of `source.swapped`): then no other rule's finding could survive.
fn supersedes_everything(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|finding| rule_info(finding.rule).is_some_and(|info| info.reach == Reach::Pair && info.supersedes.contains(&"*")))
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
    let mut findings = Vec::new();
    // A pair given the wrong way round is judged first (unless the rule is
    // off): the table lets its one finding supersede every other, so the
    // other rules are then not run at all (see `swap`).
    if let Some(swapped) = swap::swapped(pair)
        && config.severity(swapped.rule, swapped.severity).is_some()
    {
        findings.push(swapped);
    }
    if !supersedes_everything(&findings) {
        for check in registry::checks() {
            check.run(pair, &mut findings);
        }
        if let Some(spelling) = config.spelling {
            spelling::check(pair, spelling, &mut findings);
        }
        // A draft that stops early is work in progress: one finding says
        // where it ends, and the table lets it supersede the omissions
        // after it (see `unfinished`).
        if !config.full_draft {
            findings.extend(unfinished::finding_of(pair));
        }
    }
    supersede(&mut findings);
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

#[cfg(test)]
mod supersede_tests {
    use super::*;

    fn at(rule: RuleInfo, source: Option<(usize, usize)>, target: Option<(usize, usize)>) -> Finding {
        let mut found = rule.finding("x");
        if let Some((unit, start)) = source {
            found = found.with_source(unit, format!("s{unit}"), Span::new(start, start + 1));
        }
        if let Some((unit, start)) = target {
            found = found.with_target(unit, format!("t{unit}"), Span::new(start, start + 1));
        }
        found
    }

    fn rules_left(mut findings: Vec<Finding>) -> Vec<(&'static str, Option<usize>)> {
        supersede(&mut findings);
        findings
            .iter()
            .map(|f| (f.rule.as_str(), f.source.as_ref().map(|l| l.span.start)))
            .collect()
    }

    #[test]
    fn issue_15_item_3_the_table_says_what_each_finding_supersedes_and_where() {
        use rule::*;
        assert_eq!(SOURCE_SWAPPED.reach, Reach::Pair);
        assert!(SOURCE_SWAPPED.supersedes_rule(UNTRANSLATED.id) && !SOURCE_SWAPPED.supersedes_rule(SOURCE_SWAPPED.id));
        assert_eq!(OMISSION_UNFINISHED.reach, Reach::SourceOnward);
        assert!(OMISSION_UNFINISHED.supersedes_rule(OMISSION.id) && !OMISSION_UNFINISHED.supersedes_rule(OMISSION_UNFINISHED.id));
        assert_eq!(UNTRANSLATED.reach, Reach::DraftUnit);
        // `untranslated` on draft unit 2 (by position: two units may share an
        // id) removes the glossary finding there, not the one on unit 3.
        let left = rules_left(vec![
            at(UNTRANSLATED, None, Some((2, 40))),
            at(GLOSSARY_MISSING, Some((2, 10)), Some((2, 41))),
            at(GLOSSARY_MISSING, Some((3, 20)), Some((3, 50))),
        ]);
        assert_eq!(left, [("untranslated", None), ("glossary.missing", Some(20))]);
        // `omission.unfinished` at source offset 100 removes the omissions
        // from there on, not the one before it, nor other families.
        let left = rules_left(vec![
            at(OMISSION, Some((1, 50)), None),
            at(OMISSION_UNFINISHED, Some((4, 100)), None),
            at(OMISSION, Some((4, 100)), None),
            at(OMISSION, Some((5, 120)), None),
            at(SOURCE_REPEATED, Some((6, 130)), None),
        ]);
        assert_eq!(
            left,
            [
                ("omission", Some(50)),
                ("omission.unfinished", Some(100)),
                ("source.repeated", Some(130))
            ]
        );
        // `source.swapped` leaves nothing else of the pair.
        let left = rules_left(vec![
            at(SOURCE_SWAPPED, Some((0, 0)), Some((0, 0))),
            at(UNTRANSLATED, None, Some((0, 0))),
            at(OMISSION, Some((7, 200)), None),
        ]);
        assert_eq!(left, [("source.swapped", Some(0))]);
        assert!(supersedes_everything(&[at(SOURCE_SWAPPED, None, None)]));
        assert!(!supersedes_everything(&[at(UNTRANSLATED, None, None)]));
    }
}
