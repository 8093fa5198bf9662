//! The one table of rules: id, default severity, a one-line summary, an
//! explanation with examples (what `selaras explain RULE` prints, what SARIF
//! puts in `tool.driver.rules`), and the checks that produce them.

use super::Check;
use crate::finding::{RuleId, Severity};

/// Documentation of one rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: RuleId,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
}

const fn rule(id: &'static str, severity: Severity, summary: &'static str, explanation: &'static str) -> RuleInfo {
    RuleInfo {
        id: RuleId(id),
        severity,
        summary,
        explanation,
    }
}

use Severity::{Error, Info, Warning};

static RULES: &[RuleInfo] = &[
    rule(
        "addition",
        Warning,
        "A draft sentence translates nothing in the source.",
        "The aligner paired this draft unit with no source unit (a 0-1 bead). Translators add\n\
         explanations now and then; in news a sentence with no source is more often pasted from\n\
         elsewhere. Example: a sentence about the weather appended to a report on missile tests.",
    ),
    rule(
        "calendar.changed",
        Error,
        "A weekday, month or date differs from the source.",
        "The source names a weekday or month (from the CLDR names shipped in\n\
         glossaries/calendar.tsv), or a date (25/11/2024, 25 November 2024), and the aligned draft\n\
         names a different one. A date is compared whole: its day, month, year and weekday.\n\
         Example: \"pada Jumat\" translated as \"on Thursday\"; \"Senin (25/11/2024)\" as \"Monday, Dec. 25\".",
    ),
    rule(
        "calendar.missing",
        Warning,
        "A weekday or month of the source is missing from the draft.",
        "The source names a weekday or month and the aligned draft names none.\n\
         Example: \"Pada hari Kamis, …\" translated as \"Blinken said …\" with no \"Thursday\".",
    ),
    rule(
        "calendar.shortened",
        Info,
        "A date is shortened in the draft the way news style does.",
        "The draft gives a date of the source in the short form news English uses: without the\n\
         article's own year (the year of its dateline), or only by its weekday for a date within the\n\
         week (AP style: \"Senin (25/11/2024)\" → \"on Monday\"). Nothing is lost for a reader of the\n\
         day's news; the finding is there for archives that want full dates. A year that is not the\n\
         article's own is reported as number.missing instead.\n\
         Example: \"Senin (25/11/2024)\" translated as \"on Monday, Nov. 25\".",
    ),
    rule(
        "entity.changed",
        Error,
        "A code, acronym or name does not survive into the draft.",
        "Codes (letters with digits: Hwasong-19, F-16), acronyms (ICBM, KCNA) and multi-word\n\
         names (Choe Son Hui, Sergey Lavrov) stay the same in English. Spans the glossary covers\n\
         are left to the glossary rules (AS → US is a translation, not a change).\n\
         Example: \"Hwasong-19\" written as \"Hwasong-18\".",
    ),
    rule(
        "entity.name",
        Warning,
        "A personal or place name of the source is not in the draft.",
        "Two or more capitalised words in a row that are not common Indonesian words (a name such\n\
         as Choe Son Hui or Sergey Lavrov) should appear in the draft, word for word. A different\n\
         transliteration (Sergei for Sergey) is reported too, as a warning: pick one spelling.",
    ),
    rule(
        "glossary.count",
        Info,
        "A term occurs more often in the source than its translation in the draft.",
        "A glossary term occurs n times in a bead's source and its English targets fewer times in the\n\
         draft. Often right (news English replaces a repeated name with \"it\" or \"the ministry\"),\n\
         so it is information; a mention translated another way or dropped shows up here.\n\
         Example: \"Korea Utara … Korea Utara\" with \"North Korea … Pyongyang\".",
    ),
    rule(
        "glossary.forbidden",
        Error,
        "A forbidden translation of a glossary term is used.",
        "The glossary marks this English rendering as forbidden (TBX deprecated or superseded, or\n\
         a \"forbidden\" list in the native format) for a term that occurs in the source.",
    ),
    rule(
        "glossary.missing",
        Error,
        "A fixed term is not translated as the glossary says.",
        "A glossary term occurs in the source and none of its English targets (preferred or admitted)\n\
         occurs in the aligned draft. Accepted without a glossary entry: plurals and possessives;\n\
         British or American spelling (Defence/Defense); the official order of institutions and\n\
         titles (Ministry of Social Affairs for Social Affairs Ministry); U.N. for UN; title case in\n\
         headlines; titles and institutions in lower case (the foreign minister); a second reference\n\
         by the last words of the name (the ministry, the council); an Indonesian abbreviation or\n\
         acronym kept as it is (Kemenhub, ASEAN); scale words and time zones that belong to a\n\
         number (triliun, WIB: the number rules check them). Other wordings must be admitted in the\n\
         glossary.\n\
         Example: \"Menteri Luar Negeri\" translated as \"Foreign Affairs Secretary\" instead of\n\
         \"Foreign Minister\".",
    ),
    rule(
        "glossary.variant",
        Info,
        "A term is translated in different ways across the checked files.",
        "Over all pairs of a run (a project, or one pair), the admitted English variants used for\n\
         one glossary term are counted; a term rendered two or more ways (Foreign Minister in one\n\
         article, Minister of Foreign Affairs in another) is reported once with the count of each\n\
         variant, so a glossary owner can decide which to keep. Variants that differ only by an\n\
         ending (North Korea / North Korean) count as one. In a project, terms no glossary has\n\
         are found by the miner of `selaras glossary suggest` (names, units, multi-word terms)\n\
         and reported the same way when the drafts use two renderings at least twice each\n\
         (\"Menteri Keuangan (in no glossary) is translated 2 ways\"); a glossary entry settles it.",
    ),
    rule(
        "number.changed",
        Error,
        "A number has a different value in the draft.",
        "Numbers are compared by value, each side read with its own conventions: Indonesian 10.000 is\n\
         English 10,000, 2,5 is 2.5, 1,5 juta is 1.5 million (also $1.5m, Rp1.5tn, 1.5bn), 14.00 WIB\n\
         is 14:00 or 2 p.m., 1990-an is the 1990s. A draft that keeps Indonesian notation changes the\n\
         value: English reads 8.000 as eight. A date whose day or year differs is reported here too.",
    ),
    rule(
        "number.extra",
        Info,
        "The draft has a number the source does not.",
        "A number in the draft matches no number of the aligned source units. Translators add\n\
         numbers to help the reader (an age, a year, a conversion), so this is information;\n\
         conversions to GMT or to another currency in brackets are not reported at all.\n\
         Example: \"Rp1.5 trillion ($95 million)\" needs no counterpart for the dollars.",
    ),
    rule(
        "number.missing",
        Error,
        "A number of the source is missing from the draft.",
        "A number in the source matches no number in the aligned draft (numbers written as English\n\
         words, fractions for percentages such as a quarter, noon and midnight count), or a date of the\n\
         source is not in the draft at all, or is there without a year that is not the article's own.\n\
         Example: \"naik 15 persen\" translated as \"rose sharply\"; \"pada 14 April 1998\" as \"on April 14\".",
    ),
    rule(
        "omission",
        Error,
        "A source sentence has no translation.",
        "The aligner paired this source unit with no draft unit (a 1-0 bead). Boilerplate\n\
         (site trailers) and the copies of a repeated block are exempt.\n\
         Example: the sentence about Blinken's estimate of 8,000 troops is missing.",
    ),
    rule(
        "omission.partial",
        Warning,
        "The draft is much shorter than its source.",
        "The draft unit is less than half as long as the source would predict (Indonesian to\n\
         English runs at about 0.9 characters per character), a sign that a clause was dropped.",
    ),
    rule(
        "placeholder.missing",
        Error,
        "An inline code of the XLIFF source is missing from its target.",
        "Checked only in bilingual XLIFF files. The source holds an inline code (a placeholder\n\
         such as <x id=\"1\"/>, <ph id=\"2\"/>, or paired codes <g>, <pc>, <bx/>/<ex/>, <sc/>/<ec/>)\n\
         and the target has no code with the same element and id, so the formatting or link it\n\
         stands for would be lost when the CAT tool writes the translated document.\n\
         Example: source \"Baca <g id=\"1\">selengkapnya</g>\" with target \"Read more\".",
    ),
    rule(
        "punct.brackets",
        Warning,
        "Brackets are unbalanced in the draft.",
        "The source's brackets are balanced and the draft's are not.\n\
         Example: \"(ICBM\" with the closing bracket lost.",
    ),
    rule(
        "punct.question",
        Warning,
        "A question lost its question mark.",
        "The source unit ends in \"?\" and the draft unit does not contain one.",
    ),
    rule(
        "punct.quotes",
        Error,
        "Quotation marks are unbalanced in the draft.",
        "The source's quotation marks are balanced and the draft's are not: a closing quote was\n\
         dropped or an extra one added. Straight and curly quotes both count.\n\
         Example: “We are very grateful … Russian, said Lavrov.",
    ),
    rule(
        "punct.whitespace",
        Info,
        "Doubled spaces or a space before punctuation.",
        "The draft has two spaces in a row, or a space before , . ; : ! or ?.",
    ),
    rule(
        "repeat.inconsistent",
        Warning,
        "The same source sentence is translated differently.",
        "Two source units with the same text (after NFC and whitespace folding) have different\n\
         translations, in one file or, in a project, in different files. Revisers expect one\n\
         translation for one sentence.",
    ),
    rule(
        "source.repeated",
        Info,
        "The source repeats a block of paragraphs.",
        "Scrapers often paste an article's body twice. The copies are reported once per block and\n\
         are not expected to be translated again: they are not reported as omissions.",
    ),
    rule(
        "source.swapped",
        Error,
        "The source and the draft look given the wrong way round.",
        "The source reads as English and the draft as Indonesian (judged by the function words of\n\
         each language over the first 2,000 words of each side, both sides clearly), as when\n\
         `selaras check DRAFT SOURCE` was typed for `selaras check SOURCE DRAFT`. The pair then\n\
         gets this one finding instead of an `untranslated` error for every unit.",
    ),
    rule(
        "structure.merged",
        Warning,
        "Two or more source sentences were merged into one draft sentence.",
        "The aligner paired several source units with one draft unit (a 2-1 bead). Merging sentences of\n\
         one paragraph is ordinary news editing and is reported as information; merging sentences of\n\
         different paragraphs, in a draft that otherwise keeps the source's paragraphs, is a warning:\n\
         it often hides an omission and breaks sentence-level memories.",
    ),
    rule(
        "structure.reordered",
        Warning,
        "Two draft sentences come in the other order than their sources.",
        "Two sentences of one paragraph are translated in swapped order: the first source sentence's\n\
         numbers and names are in the second draft sentence and the other way round. Sometimes a\n\
         deliberate edit; often a paste in the wrong place, which changes what follows from what.\n\
         Example: \"Gempa terjadi pukul 14.00. Warga mengungsi.\" translated as \"Residents fled. The\n\
         quake struck at 2 p.m.\" (with names or figures on both sides to show it).",
    ),
    rule(
        "structure.split",
        Info,
        "One source sentence was split into several draft sentences.",
        "The aligner paired one source unit with several draft units (a 1-2 bead).",
    ),
    rule(
        "untranslated",
        Error,
        "A draft unit is still in Indonesian.",
        "The draft unit equals its source, or reads as Indonesian: its words are mostly Indonesian\n\
         function words (yang, dan, di, dengan, untuk …) rather than English ones.",
    ),
];

/// Every rule, sorted by id.
pub fn rules() -> &'static [RuleInfo] {
    RULES
}

/// The documentation of `id`, if it is a known rule.
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
        &super::glossary::Glossary,
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
        assert!(RULES.windows(2).all(|pair| pair[0].id < pair[1].id), "keep RULES sorted by id");
        for info in RULES {
            assert!(!info.summary.is_empty() && info.explanation.len() > 20, "{} needs docs", info.id);
            assert!(info.id.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '.'));
        }
    }
}
