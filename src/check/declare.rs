//! How a file declares its rules: [`RuleInfo`] (id, default severity,
//! summary, explanation, superseded families and their reach) and the `declare_rules!`
//! macro that writes one constant per rule and the file's `RULES`. The
//! table that gathers every file's `RULES` is `check::registry`; this
//! module is apart from it so that the rule files, which the registry
//! lists, do not import the registry back.

use crate::finding::{Finding, RuleId, Severity};

/// Documentation and policy of one rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: RuleId,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    /// Families whose findings within [`RuleInfo::reach`] this rule's
    /// finding removes; `"*"` is every family (see the module header).
    pub supersedes: &'static [&'static str],
    /// Where the superseded findings lie.
    pub reach: Reach,
}

/// How far a superseding finding reaches (see the module header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Findings on the draft unit the finding points at.
    DraftUnit,
    /// Findings whose source location starts where the finding's does, or
    /// later.
    SourceOnward,
    /// Every finding of the pair.
    Pair,
}

impl RuleInfo {
    /// Whether this rule's finding removes a finding of `rule` (wherever
    /// [`RuleInfo::reach`] allows): never one of its own rule.
    pub fn supersedes_rule(&self, rule: RuleId) -> bool {
        rule != self.id && self.supersedes.iter().any(|&family| family == "*" || family == rule.family())
    }
}

impl RuleInfo {
    /// A rule as [`declare_rules!`] writes it.
    pub(crate) const fn declare(id: &'static str, severity: Severity, summary: &'static str, explanation: &'static str) -> RuleInfo {
        RuleInfo {
            id: RuleId::declared(id),
            severity,
            summary,
            explanation,
            supersedes: &[],
            reach: Reach::DraftUnit,
        }
    }

    /// The same rule, superseding `families` on its draft unit.
    pub(crate) const fn superseding(self, families: &'static [&'static str]) -> RuleInfo {
        RuleInfo {
            supersedes: families,
            ..self
        }
    }

    /// The same rule, superseding within `reach`.
    pub(crate) const fn reaching(self, reach: Reach) -> RuleInfo {
        RuleInfo { reach, ..self }
    }

    /// A finding of this rule at its default severity.
    pub fn finding(&self, message: impl Into<String>) -> Finding {
        Finding::new(self.id, self.severity, message)
    }
}

/// Declares the rules of one file: for each, a constant of type
/// [`RuleInfo`] named after the rule, and all of them in the file's
/// `RULES`, which the table gathers.
///
/// ```text
/// declare_rules! {
///     NUMBER_CHANGED = "number.changed", Error,
///         "A number has a different value in the draft.",
///         "Numbers are compared by value, …";
/// }
/// ```
///
/// `Error supersedes ["glossary", …]` (after the level) sets the policy,
/// on the finding's draft unit; `supersedes ["*"] in Pair` or
/// `… in SourceOnward` reaches further (see [`Reach`]).
macro_rules! declare_rules {
    ($($name:ident = $id:literal, $severity:ident $(supersedes [$($family:literal),+] $(in $reach:ident)?)?, $summary:expr, $explanation:expr;)+) => {
        $(
            #[doc = concat!("The rule `", $id, "`.")]
            pub const $name: $crate::check::declare::RuleInfo =
                $crate::check::declare::RuleInfo::declare($id, $crate::finding::Severity::$severity, $summary, $explanation)
                $(.superseding(&[$($family),+]) $(.reaching($crate::check::declare::Reach::$reach))?)?;
        )+
        /// The rules this file declares, for the table.
        pub(crate) const RULES: &[$crate::check::declare::RuleInfo] = &[$($name),+];
    };
}
pub(crate) use declare_rules;
