//! How a file declares its rules: [`RuleInfo`] (id, default severity,
//! summary, explanation, superseded families) and the `declare_rules!`
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
    /// Families whose findings on a draft unit this rule's finding there
    /// removes (see the module header).
    pub supersedes: &'static [&'static str],
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
        }
    }

    /// The same rule, superseding `families`.
    pub(crate) const fn superseding(self, families: &'static [&'static str]) -> RuleInfo {
        RuleInfo {
            supersedes: families,
            ..self
        }
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
/// `Error supersedes ["glossary", …]` (after the level) sets the policy.
macro_rules! declare_rules {
    ($($name:ident = $id:literal, $severity:ident $(supersedes [$($family:literal),+])?, $summary:expr, $explanation:expr;)+) => {
        $(
            #[doc = concat!("The rule `", $id, "`.")]
            pub const $name: $crate::check::declare::RuleInfo =
                $crate::check::declare::RuleInfo::declare($id, $crate::finding::Severity::$severity, $summary, $explanation)
                $(.superseding(&[$($family),+]))?;
        )+
        /// The rules this file declares, for the table.
        pub(crate) const RULES: &[$crate::check::declare::RuleInfo] = &[$($name),+];
    };
}
pub(crate) use declare_rules;
