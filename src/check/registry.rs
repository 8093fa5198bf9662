//! The one table of rules: id, default severity, a one-line summary, an
//! explanation with examples (what `selaras explain RULE` prints, what SARIF
//! puts in `tool.driver.rules`), the cross-rule policy, and the checks that
//! produce them.
//!
//! Each file that reports findings declares its own rules next to its code
//! with `declare_rules!` (in `check::declare`): one constant per rule (`NUMBER_CHANGED`), which
//! is how code names a rule, so a misspelt rule does not compile; the id
//! string is written once, in the declaration. The table is those
//! declarations gathered and sorted ([`rules`]); tests check that ids are
//! unique, that every family a policy names exists, and that every rule is
//! produced by some test input (`check::tests`).
//!
//! **Cross-rule policy.** A rule may *supersede* families: a finding of it
//! removes the findings of those families (`"*"`: of every family) within
//! its [`Reach`], other than findings of its own rule. Three rules do:
//!
//! * `untranslated` supersedes the glossary, number, name, calendar and
//!   punctuation families on its draft unit: it says it all for a unit left
//!   in Indonesian, whose missing terms, numbers and names would only repeat
//!   it ([`Reach::DraftUnit`]);
//! * `omission.unfinished` supersedes the `omission` family from its source
//!   unit on: a draft that stops early gets one finding where it ends, not
//!   an omission per later unit ([`Reach::SourceOnward`]);
//! * `source.swapped` supersedes every family in the whole pair: a pair
//!   given the wrong way round gets that one finding, not an `untranslated`
//!   error per unit ([`Reach::Pair`]).
//!
//! `check::run` applies what the table says (and, since nothing could
//! survive a finding that supersedes every family of the pair, does not run
//! the other rules after one). Whether a rule *fires* stays its own code
//! and configuration: `omission.unfinished` is not judged with
//! `--full-draft`, and `source.swapped` is not judged when it is turned
//! off, so that the pair is then checked as usual. (A finding of a rule
//! turned off otherwise still supersedes: `untranslated=off` hides the
//! glossary findings of a unit left in Indonesian, as before the table.)

use std::sync::LazyLock;

use super::Check;
use crate::finding::RuleId;

pub use super::declare::{Reach, RuleInfo};

/// Every rule, sorted by id: the declarations of every file that reports
/// findings, gathered once.
static RULES: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
    let mut all: Vec<RuleInfo> = [
        super::calendar::RULES,
        super::dates::RULES,
        super::entity::RULES,
        super::glossary::RULES,
        super::language::RULES,
        super::number::RULES,
        super::omission::RULES,
        super::order::RULES,
        super::across_pairs::RULES,
        super::punct::RULES,
        super::repeat::RULES,
        super::spelling::RULES,
        super::swap::RULES,
        super::unfinished::RULES,
        crate::xliff::check::RULES,
    ]
    .concat();
    all.sort_by_key(|info| info.id);
    all
});

/// Every rule, sorted by id.
pub fn rules() -> &'static [RuleInfo] {
    &RULES
}

/// The documentation of `id`, if it is a known rule.
/// How to turn a rule off or tune it: its level by flag or project file,
/// and what else decides what it reports (what `selaras explain RULE` ends
/// with).
pub fn tuning(id: RuleId) -> String {
    let name = id.as_str();
    let family = id.family();
    let mut text = format!(
        "Turn it off or change its level: --rule {name}=off (or info, warning,\n\
         error), or in selaras.toml under [rules]: \"{name}\" = \"off\"."
    );
    if family != name {
        text.push_str(&format!("\n--rule {family}=… sets every {family}.* rule at once."));
    }
    text.push_str("\nTo keep the rule and accept one finding: selaras check … --baseline FILE --accept FINGERPRINT.");
    let specific = match (family, name) {
        (_, "omission" | "omission.unfinished") => {
            "--full-draft takes a draft that stops early as complete: each untranslated unit is then an\n\
             omission, instead of one omission.unfinished."
        }
        ("glossary", _) => {
            "What is required, admitted or forbidden is the glossary's: selaras glossary add SOURCE TARGET\n\
             [--admitted|--forbidden] changes the project's; --no-default-glossary drops the shipped\n\
             ones; the formats are in glossaries/README.md."
        }
        ("calendar", _) => {
            "Weekday and month names come from glossaries/calendar.tsv; a project glossary can admit\n\
             another spelling (selaras glossary add … --admitted)."
        }
        ("entity", _) => {
            "A span a glossary term covers is left to the glossary rules: a house spelling of a name\n\
             can be settled with selaras glossary add."
        }
        (_, "repeat.inconsistent" | "source.repeated" | "structure.merged" | "structure.split") => {
            "Checked per pair and, in a project, across its pairs; set the level per project in\n\
             selaras.toml."
        }
        _ => "",
    };
    if !specific.is_empty() {
        text.push('\n');
        text.push_str(specific);
    }
    text
}

pub fn rule_info(id: RuleId) -> Option<&'static RuleInfo> {
    RULES.iter().find(|info| info.id == id)
}

/// The families of the known rules (`glossary`, `number`, …, and
/// one-rule families such as `untranslated`), sorted, without repeats.
pub fn families() -> Vec<&'static str> {
    let mut families: Vec<&'static str> = RULES.iter().map(|info| info.id.family()).collect();
    families.dedup();
    families
}

/// Checks a rule id or family a user wrote (`--rule`, `[rules]`,
/// `selaras explain`): `Ok` with the name as the registry spells it, or an
/// error message that says what was meant when one name is close enough
/// ("did you mean `punct.whitespace`?"), else where the names are listed.
pub fn resolve_rule_name(name: &str) -> Result<&'static str, String> {
    let ids = RULES.iter().map(|info| info.id.as_str());
    if let Some(known) = ids.clone().chain(families()).find(|known| *known == name) {
        return Ok(known);
    }
    // The closest names by edit distance, if close: a typo or two, not a
    // different word that happens to be short.
    let folded = name.to_lowercase();
    let limit = (folded.chars().count() / 4).clamp(1, 3);
    let mut candidates: Vec<(usize, &str)> = ids
        .chain(families())
        .map(|known| (edit_distance(&folded, known), known))
        .filter(|&(distance, _)| distance <= limit)
        .collect();
    candidates.sort();
    candidates.dedup();
    match candidates.first() {
        Some((_, best)) => Err(format!("unknown rule `{name}`; did you mean `{best}`?")),
        None => Err(format!(
            "unknown rule `{name}`; a rule id (`selaras explain` lists them) or a family: {}",
            families().join(", ")
        )),
    }
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbours each cost one. Names are short, so the
/// quadratic table is no cost.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1)
                .min(table[i - 1][j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

/// Every check, one per rule family.
pub fn checks() -> &'static [&'static dyn Check] {
    static CHECKS: &[&dyn Check] = &[
        &super::omission::Omission,
        &super::order::Order,
        &super::language::Untranslated,
        &super::punct::Punctuation,
        &super::calendar::Calendar,
        &super::entity::Entities,
        &super::repeat::Repeats,
        &super::glossary::GlossaryTerms,
        &super::number::Numbers,
    ];
    CHECKS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_13_rule_names_are_checked_with_a_suggestion() {
        assert_eq!(resolve_rule_name("punct.whitespace"), Ok("punct.whitespace"));
        assert_eq!(resolve_rule_name("punct"), Ok("punct"));
        assert_eq!(resolve_rule_name("untranslated"), Ok("untranslated"));
        let message = resolve_rule_name("punct.whitespce").unwrap_err();
        assert!(message.contains("did you mean `punct.whitespace`?"), "{message}");
        let message = resolve_rule_name("glosary").unwrap_err();
        assert!(message.contains("did you mean `glossary`?"), "{message}");
        let message = resolve_rule_name("nosuch").unwrap_err();
        assert!(
            message.contains("unknown rule `nosuch`") && !message.contains("did you mean"),
            "{message}"
        );
        assert!(message.contains("glossary, "), "{message}");
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn rules_are_sorted_unique_and_documented() {
        assert!(
            RULES.windows(2).all(|pair| pair[0].id < pair[1].id),
            "two declarations of one rule id"
        );
        let families = families();
        for info in RULES.iter() {
            for family in info.supersedes {
                assert!(
                    *family == "*" || families.contains(family),
                    "{} supersedes an unknown family {family}",
                    info.id
                );
            }
            assert!(!info.summary.is_empty() && info.explanation.len() > 20, "{} needs docs", info.id);
            assert!(info.id.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '.'));
        }
    }

    #[test]
    fn issue_17_item_10_every_rule_has_an_example_and_says_how_to_tune_it() {
        for info in RULES.iter() {
            assert!(info.explanation.contains("Example"), "{} needs an example", info.id);
            let tuning = tuning(info.id);
            assert!(tuning.contains(&format!("--rule {}=off", info.id)), "{tuning}");
            assert!(tuning.contains(&format!("\"{}\" = \"off\"", info.id)), "{tuning}");
        }
        assert!(tuning(crate::check::rule::OMISSION_UNFINISHED.id).contains("--full-draft"));
        assert!(tuning(crate::check::rule::GLOSSARY_FORBIDDEN.id).contains("glossary add"));
    }
}
