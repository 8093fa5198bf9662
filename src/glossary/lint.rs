//! Glossary lint: glossary files in, problems out (each with file, line,
//! severity and a short code).
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `malformed` | error | a row or entry that cannot be read (no tab, empty term, bad JSON or XML, …) |
//! | `conflict` | error | one target both acceptable and forbidden in an entry |
//! | `duplicate` | warning | the same source and target twice, or one source spelled as two entries in a file |
//! | `override` | warning | a later file gives a source different targets than an earlier file (the later one wins) |
//! | `not-nfc` | warning | text not in Unicode NFC (it still matches; diffs and exports suffer) |
//! | `whitespace` | warning | leading or trailing whitespace in a field |
//! | `invisible` | warning | NBSP, zero-width or other invisible characters inside a term |
//! | `control-character` | error | a control character (U+0001, ESC, …) in a term, note or domain: no XML glossary can hold it |
//! | `common-word` | warning | a source term that is a common Indonesian word and would match almost everywhere |
//! | `shadowed` | info | a term that occurs inside a longer term, which wins where both match |
//! | `forbidden-only` | info | an entry with forbidden targets but no preferred one |
//! | `tbx-no-source`, `tbx-no-target` | warning | TBX concepts skipped for want of an Indonesian or English term |

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use daachorse::CharwiseDoubleArrayAhoCorasick;
use serde::Serialize;

use super::formats::{self, Format, Reader};
use super::model::Glossary;
use super::normalize::{KeyOptions, is_word_char, key};
use crate::error::Error;

/// Lint severities are the findings' severities.
pub use crate::finding::Severity;

/// One lint finding about a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(severity: Severity, code: &'static str, path: &Path, line: usize, message: String) -> Self {
        Problem {
            severity,
            code,
            path: path.to_path_buf(),
            line,
            message,
        }
    }
}

static COMMON_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Whether `folded_key` is one of the built-in common Indonesian words.
pub fn is_common_word(folded_key: &str) -> bool {
    COMMON_WORDS.contains(folded_key)
}

/// Lints the files at `paths` (read leniently), alone and together.
pub fn lint_files(paths: &[PathBuf]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut loaded = Vec::new();
    for path in paths {
        let result = Format::from_path(path).and_then(|format| {
            let input = crate::input::read(path)?;
            formats::parse(&input.text, format, &mut Reader::lenient(path, &mut problems))
        });
        match result {
            Ok(glossary) => loaded.push(glossary),
            Err(Error::Parse { path, line, message, .. }) => {
                problems.push(Problem::new(Severity::Error, "malformed", &path, line, message))
            }
            Err(error) => problems.push(Problem::new(Severity::Error, "unreadable", path, 0, error.to_string())),
        }
    }
    lint_glossaries(&loaded, &mut problems);
    problems.sort_by(|a, b| (&a.path, a.line, b.severity).cmp(&(&b.path, b.line, a.severity)));
    problems
}

/// The checks on glossaries that were read: per entry, then across files.
pub fn lint_glossaries(glossaries: &[Glossary], problems: &mut Vec<Problem>) {
    let mut first_seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (glossary_idx, glossary) in glossaries.iter().enumerate() {
        for (entry_idx, entry) in glossary.entries.iter().enumerate() {
            let origin = &entry.origin;
            let mut report =
                |severity, code, message: String| problems.push(Problem::new(severity, code, &origin.path, origin.line, message));
            let texts: Vec<&str> = entry
                .sources
                .iter()
                .map(String::as_str)
                .chain(entry.targets())
                .chain(entry.forbidden.iter().map(String::as_str))
                .collect();
            for &text in texts.iter().chain(entry.note.as_deref().iter()) {
                if !unicode_normalization::is_nfc(text) {
                    report(Severity::Warning, "not-nfc", format!("`{text}` is not in Unicode NFC"));
                }
            }
            for &text in texts
                .iter()
                .chain(entry.note.as_deref().iter())
                .chain(entry.domain.as_deref().iter())
            {
                if let Some(c) = text.chars().find(|&c| is_forbidden_control(c)) {
                    report(
                        Severity::Error,
                        "control-character",
                        format!(
                            "`{}` contains control character U+{:04X}, which no XML glossary can hold",
                            text.escape_debug(),
                            c as u32
                        ),
                    );
                }
            }
            for &text in &texts {
                if let Some(c) = text.chars().find(|&c| is_invisible(c)) {
                    report(
                        Severity::Warning,
                        "invisible",
                        format!("`{text}` contains invisible character U+{:04X}", c as u32),
                    );
                }
            }
            for forbidden in &entry.forbidden {
                if entry.targets().any(|t| t == forbidden) {
                    report(
                        Severity::Error,
                        "conflict",
                        format!("`{forbidden}` is both acceptable and forbidden for `{}`", entry.sources[0]),
                    );
                }
            }
            if entry.preferred.is_none() {
                report(
                    Severity::Info,
                    "forbidden-only",
                    format!("`{}` lists forbidden targets only", entry.sources[0]),
                );
            }
            for source in &entry.sources {
                let folded = key(source, KeyOptions::FOLDED);
                if folded.is_empty() {
                    report(
                        Severity::Error,
                        "malformed",
                        "a source spelling is empty once normalised".to_string(),
                    );
                    continue;
                }
                if is_common_word(&folded) && !entry.is_case_sensitive(source) {
                    report(
                        Severity::Warning,
                        "common-word",
                        format!("`{source}` is a common Indonesian word and will match almost everywhere"),
                    );
                }
                match first_seen.get(&folded) {
                    None => {
                        first_seen.insert(folded, (glossary_idx, entry_idx));
                    }
                    Some(&(other_glossary, other_entry)) if other_entry != entry_idx || other_glossary != glossary_idx => {
                        let other = &glossaries[other_glossary].entries[other_entry];
                        if other_glossary == glossary_idx {
                            report(
                                Severity::Warning,
                                "duplicate",
                                format!("`{source}` already has an entry at line {}", other.origin.line),
                            );
                        } else if other.targets().ne(entry.targets()) {
                            report(
                                Severity::Warning,
                                "override",
                                format!(
                                    "`{source}` → {} here overrides {} at {}",
                                    entry.targets().collect::<Vec<_>>().join(" | "),
                                    other.targets().collect::<Vec<_>>().join(" | "),
                                    other.origin
                                ),
                            );
                        }
                    }
                    Some(_) => {}
                }
            }
        }
    }
    report_shadowed(glossaries, problems);
}

/// Control characters other than whitespace (U+0001, ESC, U+0085's
/// neighbours): XML 1.0 cannot hold them even as references, so TBX and
/// XLIFF exports replace them, and a terminal may act on them.
fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// NBSP and other non-ASCII spaces, zero-width characters, soft hyphen, BOM.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202F}' | '\u{2007}'
    ) || (c.is_whitespace() && c != ' ')
}

/// Reports every source term that occurs as whole words inside a longer
/// source term (informational: the longer one wins where both match), once
/// per term, naming one longer term that holds it.
///
/// One report per term rather than per pair or per occurrence: terms that
/// are prefixes of each other (`a`, `a a`, `a a a`, …) make pairs grow with
/// the square of the list and occurrences with its cube, and a reviewer
/// needs to know which terms are shadowed, not every way they are.
///
/// Time is linear in the total length of the terms. The scan of a term
/// takes only the longest term ending at each position
/// (`find_overlapping_no_suffix_iter`), plus the longest proper suffix of
/// the term itself (a scan without its first character). Nothing is lost:
/// any shorter term ending at the same position is a suffix of that longest
/// term, on a word boundary inside it as well, so the scan of the longest
/// term finds it in turn.
fn report_shadowed(glossaries: &[Glossary], problems: &mut Vec<Problem>) {
    let mut keys: Vec<String> = Vec::new();
    let mut owners: Vec<(usize, usize, usize)> = Vec::new();
    let mut seen = HashSet::new();
    for (glossary_idx, glossary) in glossaries.iter().enumerate() {
        for (entry_idx, entry) in glossary.entries.iter().enumerate() {
            for (source_idx, source) in entry.sources.iter().enumerate() {
                let folded = key(source, KeyOptions::FOLDED);
                if !folded.is_empty() && seen.insert(folded.clone()) {
                    keys.push(folded);
                    owners.push((glossary_idx, entry_idx, source_idx));
                }
            }
        }
    }
    drop(seen);
    let Ok(automaton) = CharwiseDoubleArrayAhoCorasick::<u32>::new(&keys) else {
        return;
    };
    // For each term, the first longer term found to hold it.
    let mut holder: Vec<Option<usize>> = vec![None; keys.len()];
    for (long_idx, long_key) in keys.iter().enumerate() {
        let first_char = long_key.chars().next().map_or(0, char::len_utf8);
        let everywhere = automaton.find_overlapping_no_suffix_iter(long_key.as_str()).map(|found| (found, 0));
        let proper_suffixes = automaton
            .find_overlapping_no_suffix_iter(&long_key[first_char..])
            .map(|found| (found, first_char));
        for (found, offset) in everywhere.chain(proper_suffixes) {
            let short_idx = found.value() as usize;
            if short_idx == long_idx || holder[short_idx].is_some() {
                continue;
            }
            let (start, end) = (found.start() + offset, found.end() + offset);
            let at_boundaries = !long_key[..start].chars().next_back().is_some_and(is_word_char)
                && !long_key[end..].chars().next().is_some_and(is_word_char);
            if at_boundaries {
                holder[short_idx] = Some(long_idx);
            }
        }
    }
    for (short_idx, long_idx) in holder.into_iter().enumerate() {
        let Some(long_idx) = long_idx else { continue };
        let (glossary_idx, entry_idx, source_idx) = owners[short_idx];
        let entry = &glossaries[glossary_idx].entries[entry_idx];
        let (long_glossary, long_entry, long_source) = owners[long_idx];
        let long = &glossaries[long_glossary].entries[long_entry];
        problems.push(Problem::new(
            Severity::Info,
            "shadowed",
            &entry.origin.path,
            entry.origin.line,
            format!(
                "`{}` is part of the longer term `{}` ({}), which wins where both match",
                entry.sources[source_idx], long.sources[long_source], long.origin
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::glossary::model::{Entry, Origin};

    fn glossary(terms: &[String]) -> Glossary {
        let path: Arc<Path> = Arc::from(Path::new("g.tsv"));
        Glossary::new(
            terms
                .iter()
                .enumerate()
                .map(|(idx, term)| Entry::new(term.clone(), "x", Origin::new(&path, idx + 1)))
                .collect(),
        )
    }

    /// Lines of the terms the lint calls shadowed.
    fn shadowed_lines(terms: &[String]) -> BTreeSet<usize> {
        let mut problems = Vec::new();
        report_shadowed(&[glossary(terms)], &mut problems);
        let lines: BTreeSet<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines.len(), problems.len(), "one report per term");
        lines
    }

    /// The definition, checked the slow way: every occurrence of every
    /// other term's key, at word boundaries.
    fn shadowed_lines_by_definition(terms: &[String]) -> BTreeSet<usize> {
        let mut first_line: HashMap<String, usize> = HashMap::new();
        for (idx, term) in terms.iter().enumerate() {
            let folded = key(term, KeyOptions::FOLDED);
            if !folded.is_empty() {
                first_line.entry(folded).or_insert(idx + 1);
            }
        }
        let mut lines = BTreeSet::new();
        for (short, &line) in &first_line {
            let inside = first_line.keys().any(|long| {
                long != short
                    && long.match_indices(short.as_str()).any(|(start, _)| {
                        let end = start + short.len();
                        !long[..start].chars().next_back().is_some_and(is_word_char)
                            && !long[end..].chars().next().is_some_and(is_word_char)
                    })
            });
            if inside {
                lines.insert(line);
            }
        }
        lines
    }

    #[test]
    fn shadowed_terms_are_found_through_chains_of_suffixes() {
        let terms: Vec<String> = [
            "Menteri Luar Negeri Rusia",
            "luar negeri",
            "negeri",
            "Rusia",
            "Korea",
            "menteri luar negeri",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(shadowed_lines(&terms), BTreeSet::from([2, 3, 4, 6]));
    }

    #[test]
    fn issue_12_prefix_terms_give_one_report_each() {
        // `a`, `a a`, `a a a`, …: the old report made one problem per
        // occurrence (about n³/6 of them) and ran out of memory.
        let terms: Vec<String> = (1..=400).map(|n| vec!["a"; n].join(" ")).collect();
        let lines = shadowed_lines(&terms);
        assert_eq!(lines, (1..400).collect::<BTreeSet<usize>>());
    }

    /// Terms made of a few short words (some equal after case folding)
    /// joined by spaces, hyphens, slashes or nothing.
    fn terms() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
        use proptest::prelude::*;
        let word = proptest::sample::select(vec!["a", "b", "ab", "ba", "é", "A"]);
        let joiner = proptest::sample::select(vec![" ", "-", "", "/"]);
        let term = proptest::collection::vec((word, joiner), 1..5)
            .prop_map(|parts| parts.iter().flat_map(|(word, joiner)| [*word, *joiner]).collect::<String>());
        proptest::collection::vec(term, 1..12)
    }

    proptest::proptest! {
        #[test]
        fn shadowed_terms_match_the_definition(terms in terms()) {
            proptest::prop_assert_eq!(shadowed_lines(&terms), shadowed_lines_by_definition(&terms));
        }
    }
}
