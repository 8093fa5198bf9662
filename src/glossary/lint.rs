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

/// NBSP and other non-ASCII spaces, zero-width characters, soft hyphen, BOM.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202F}' | '\u{2007}'
    ) || (c.is_whitespace() && c != ' ')
}

/// Reports every source term that occurs as whole words inside a longer
/// source term (informational: the longer one wins where both match).
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
    let Ok(automaton) = CharwiseDoubleArrayAhoCorasick::<u32>::new(&keys) else {
        return;
    };
    for (long_idx, long_key) in keys.iter().enumerate() {
        for found in automaton.find_overlapping_iter(long_key.as_str()) {
            let short_idx = found.value() as usize;
            let at_boundaries = !long_key[..found.start()].chars().next_back().is_some_and(is_word_char)
                && !long_key[found.end()..].chars().next().is_some_and(is_word_char);
            if short_idx == long_idx || !at_boundaries {
                continue;
            }
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
}
