//! Findings: what checks produce and renderers read. One type for every
//! rule, so that every output format shows every rule the same way.
//!
//! A finding carries byte spans and units only; lines and columns are
//! worked out at output time from the document the span points into. A unit
//! is named by its position among its side's units, which is what every
//! stage joins on; its id (`p3.s1`, a line ordinal, an XLIFF unit id) rides
//! along for display, since ids need not be unique (two `<file>`s of one
//! XLIFF document may both hold a unit `1`).

use std::fmt;

use serde::Serialize;

use crate::text::{Side, Span};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A dotted rule id, family first (`glossary.missing`, `number.changed`).
/// It is also the SARIF `ruleId` and the anchor of the rule's documentation.
///
/// Only a rule's declaration makes one (`check::declare::declare_rules!`);
/// code names a rule by its constant (`check::rule::NUMBER_CHANGED.id`),
/// and a name a user wrote becomes a `RuleId` only if the table knows it
/// ([`RuleId::known`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RuleId(&'static str);

impl RuleId {
    /// For `declare_rules!` only.
    pub(crate) const fn declared(id: &'static str) -> RuleId {
        RuleId(id)
    }

    /// The id of a known rule spelt `name`.
    pub fn known(name: &str) -> Option<RuleId> {
        crate::check::rules().iter().map(|info| info.id).find(|id| id.0 == name)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The family: the part before the first dot (`glossary` for
    /// `glossary.missing`), or the whole id (`untranslated`).
    pub fn family(self) -> &'static str {
        self.0.split('.').next().unwrap_or(self.0)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.0)
    }
}

/// Where a finding points: one side of the pair, a unit, a byte span.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    pub side: Side,
    /// The unit's position among the units of `side` (0-based): the pair's
    /// `CheckUnit`s, or for a bilingual XLIFF file the units of the file in
    /// document order. Stages join on this, never on `unit_id`.
    pub unit: usize,
    /// The unit's id, for display only (`p3.s1`, a line ordinal with
    /// `--segmented`, an XLIFF unit id); reports print it as `unit`.
    pub unit_id: String,
    /// Byte span in that side's text; the whole unit when nothing narrower
    /// applies.
    pub span: Span,
}

/// One problem a reviser would point out.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub source: Option<Location>,
    pub target: Option<Location>,
    /// What the draft should say, when the rule knows (a number in English
    /// notation; every acceptable target of a glossary term, preferred
    /// first). Empty when the rule has no suggestion; never holds an empty
    /// string.
    pub expected: Vec<String>,
}

impl Finding {
    pub fn new(rule: RuleId, severity: Severity, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity,
            message: message.into(),
            source: None,
            target: None,
            expected: Vec::new(),
        }
    }

    /// The same finding at `severity` (a rule's default changed for one
    /// case, as a file still in progress makes a missing target information).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Points the finding at `span` of source unit number `unit` (0-based),
    /// whose id is `unit_id`.
    pub fn with_source(mut self, unit: usize, unit_id: impl Into<String>, span: Span) -> Self {
        self.source = Some(Location {
            side: Side::Source,
            unit,
            unit_id: unit_id.into(),
            span,
        });
        self
    }

    /// Points the finding at `span` of draft unit number `unit` (0-based),
    /// whose id is `unit_id`.
    pub fn with_target(mut self, unit: usize, unit_id: impl Into<String>, span: Span) -> Self {
        self.target = Some(Location {
            side: Side::Target,
            unit,
            unit_id: unit_id.into(),
            span,
        });
        self
    }

    /// Adds `expected` as one acceptable wording (an empty one is ignored,
    /// so that no report says "expected:" with nothing after it).
    pub fn with_expected(mut self, expected: impl Into<String>) -> Self {
        let expected = expected.into();
        if !expected.is_empty() && !self.expected.contains(&expected) {
            self.expected.push(expected);
        }
        self
    }

    /// Adds every one of `alternatives` (see [`Finding::with_expected`]).
    pub fn with_expected_any<S: Into<String>>(self, alternatives: impl IntoIterator<Item = S>) -> Self {
        alternatives.into_iter().fold(self, Finding::with_expected)
    }

    /// The expected wordings joined for one line of text: `a | b | c`, or
    /// `None` when there is none.
    pub fn expected_text(&self) -> Option<String> {
        (!self.expected.is_empty()).then(|| self.expected.join(" | "))
    }

    /// The location that positions the finding in reports: the draft's when
    /// there is one, since the draft is what the translator edits.
    pub fn primary(&self) -> Option<&Location> {
        self.target.as_ref().or(self.source.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_order_and_parse() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        for severity in [Severity::Info, Severity::Warning, Severity::Error] {
            assert_eq!(Severity::parse(severity.as_str()), Some(severity));
        }
        assert_eq!(Severity::parse("fatal"), None);
    }

    #[test]
    fn rule_family_is_the_first_component() {
        assert_eq!(crate::check::rule::GLOSSARY_MISSING.id.family(), "glossary");
        assert_eq!(crate::check::rule::UNTRANSLATED.id.family(), "untranslated");
    }

    #[test]
    fn issue_13_empty_expected_is_no_expected() {
        let finding = Finding::new(crate::check::rule::GLOSSARY_FORBIDDEN.id, Severity::Error, "x").with_expected("");
        assert!(finding.expected.is_empty());
        assert_eq!(finding.expected_text(), None);
        let finding = finding.with_expected_any(["Foreign Minister", "", "Minister of Foreign Affairs", "Foreign Minister"]);
        assert_eq!(finding.expected, ["Foreign Minister", "Minister of Foreign Affairs"]);
        assert_eq!(
            finding.expected_text().as_deref(),
            Some("Foreign Minister | Minister of Foreign Affairs")
        );
    }

    #[test]
    fn primary_location_prefers_the_draft() {
        let finding = Finding::new(crate::check::rule::NUMBER_CHANGED.id, Severity::Error, "x")
            .with_source(0, "p3.s1", Span::new(0, 2))
            .with_target(0, "p3.s1", Span::new(5, 7));
        assert_eq!(finding.primary().unwrap().side, Side::Target);
    }
}
