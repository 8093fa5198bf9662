//! Glossary lint: glossary files in, problems out (each with file, line,
//! severity and a short code).
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `malformed` | error | a row or entry that cannot be read (no tab, empty term, bad JSON or XML, …) |
//! | `conflict` | error | one target both acceptable and forbidden in an entry |
//! | `duplicate` | warning | the same source and target twice, or one source spelled as two entries in a file |
//! | `override` | warning | an entry replaces (`[replace]`) or changes an entry of an earlier layer (the shipped glossaries or an earlier file): a new preferred target, or a target one layer accepts and the other forbids |
//! | `extends` | info | an entry adds admitted or forbidden targets or spellings to an entry of an earlier layer |
//! | `not-nfc` | warning | text not in Unicode NFC (it still matches; diffs and exports suffer) |
//! | `whitespace` | warning | leading or trailing whitespace in a field |
//! | `invisible` | warning | NBSP, zero-width or other invisible characters inside a term |
//! | `common-word` | warning | a source term that is a common Indonesian word and would match almost everywhere |
//! | `shadowed` | info | a term that occurs inside a longer term, which wins where both match |
//! | `forbidden-only` | info | an entry with forbidden targets but no preferred one, and no earlier layer's entry to add them to |
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

/// Lints the files at `paths` (read leniently), alone and together, as
/// layers over `base` (the shipped glossaries, unless turned off): every
/// entry that changes or extends an entry of an earlier layer is reported
/// (`override`, `extends`). Problems inside `base` itself are not reported.
pub fn lint_files(paths: &[PathBuf], base: Option<&Glossary>) -> Vec<Problem> {
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
    report_layering(base, &loaded, &mut problems);
    // A forbidden-only row that adds to an earlier layer's entry is how a
    // project forbids a wording; it keeps the earlier preferred target.
    let layered: HashSet<(PathBuf, usize)> = problems
        .iter()
        .filter(|p| matches!(p.code, "extends" | "override"))
        .map(|p| (p.path.clone(), p.line))
        .collect();
    problems.retain(|p| p.code != "forbidden-only" || !layered.contains(&(p.path.clone(), p.line)));
    report_shadowed(base, &loaded, &mut problems);
    problems.sort_by(|a, b| (&a.path, a.line, b.severity).cmp(&(&b.path, b.line, a.severity)));
    problems
}

/// The checks on glossaries that were read: per entry, then across files.
pub fn lint_glossaries(glossaries: &[Glossary], problems: &mut Vec<Problem>) {
    let mut first_seen: HashMap<(usize, String), usize> = HashMap::new();
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
                // Within one file only: across files, `report_layering` says
                // how a later file's entry changes an earlier one.
                match first_seen.get(&(glossary_idx, folded.clone())) {
                    None => {
                        first_seen.insert((glossary_idx, folded), entry_idx);
                    }
                    Some(&other_entry) if other_entry != entry_idx => {
                        let other = &glossaries[glossary_idx].entries[other_entry];
                        report(
                            Severity::Warning,
                            "duplicate",
                            format!("`{source}` already has an entry at line {}", other.origin.line),
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

/// Reports how each entry of `files` changes the entries of the layers
/// before it (`base`, then the earlier files), by the layering rules of
/// `glossary::model`: `override` (warning) when it replaces an entry, makes
/// another target preferred, or turns an accepted target forbidden or a
/// forbidden one accepted; `extends` (info) when it only adds targets or
/// spellings.
fn report_layering(base: Option<&Glossary>, files: &[Glossary], problems: &mut Vec<Problem>) {
    let mut merged = base.cloned().unwrap_or_default();
    for file in files {
        let mut owner: HashMap<String, usize> = HashMap::new();
        for (entry_idx, entry) in merged.entries.iter().enumerate() {
            for source in &entry.sources {
                owner.entry(key(source, KeyOptions::FOLDED)).or_insert(entry_idx);
            }
        }
        for entry in &file.entries {
            let mut met: Vec<usize> = Vec::new();
            for source in &entry.sources {
                if let Some(&earlier) = owner.get(&key(source, KeyOptions::FOLDED))
                    && !met.contains(&earlier)
                {
                    met.push(earlier);
                }
            }
            for earlier_idx in met {
                let earlier = &merged.entries[earlier_idx];
                if let Some((severity, code, message)) = layering_effect(entry, earlier) {
                    problems.push(Problem::new(severity, code, &entry.origin.path, entry.origin.line, message));
                }
            }
        }
        merged = Glossary::layered_owned(vec![merged, file.clone()]);
    }
}

/// What `entry` does to `earlier` when layered over it, if anything.
fn layering_effect(entry: &super::model::Entry, earlier: &super::model::Entry) -> Option<(Severity, &'static str, String)> {
    let source = &entry.sources[0];
    let list = |targets: Vec<&str>| {
        if targets.is_empty() {
            "nothing".to_string()
        } else {
            targets.join(" | ")
        }
    };
    let earlier_targets: Vec<&str> = earlier.targets().collect();
    if entry.replace {
        return Some((
            Severity::Warning,
            "override",
            format!(
                "`{source}` replaces the entry at {} ({}): only {} is accepted here",
                earlier.origin,
                list(earlier_targets),
                list(entry.targets().collect())
            ),
        ));
    }
    let mut merged = entry.clone();
    merged.absorb(earlier);
    let mut changes = Vec::new();
    if merged.preferred != earlier.preferred {
        changes.push(format!(
            "makes {} the preferred target instead of {}",
            merged.preferred.as_deref().unwrap_or("nothing"),
            earlier.preferred.as_deref().unwrap_or("nothing")
        ));
    }
    let now_forbidden: Vec<&str> = earlier_targets
        .iter()
        .copied()
        .filter(|t| merged.forbidden.iter().any(|f| f == t))
        .collect();
    if !now_forbidden.is_empty() {
        changes.push(format!("forbids {}, which it accepts", now_forbidden.join(" | ")));
    }
    let now_accepted: Vec<&str> = earlier
        .forbidden
        .iter()
        .map(String::as_str)
        .filter(|f| merged.targets().any(|t| t == *f))
        .collect();
    if !now_accepted.is_empty() {
        changes.push(format!("accepts {}, which it forbids", now_accepted.join(" | ")));
    }
    if !changes.is_empty() {
        return Some((
            Severity::Warning,
            "override",
            format!("`{source}` overrides the entry at {}: {}", earlier.origin, changes.join("; ")),
        ));
    }
    let added_targets: Vec<&str> = merged.targets().filter(|t| !earlier_targets.contains(t)).collect();
    let added_forbidden: Vec<&str> = merged
        .forbidden
        .iter()
        .map(String::as_str)
        .filter(|f| !earlier.forbidden.iter().any(|e| e == f))
        .collect();
    let added_sources: Vec<&str> = merged
        .sources
        .iter()
        .map(String::as_str)
        .filter(|s| !earlier.sources.iter().any(|e| e == s))
        .collect();
    let mut additions = Vec::new();
    if !added_targets.is_empty() {
        additions.push(format!("admits {}", added_targets.join(" | ")));
    }
    if !added_forbidden.is_empty() {
        additions.push(format!("forbids {}", added_forbidden.join(" | ")));
    }
    if !added_sources.is_empty() {
        additions.push(format!("adds the spelling {}", added_sources.join(" | ")));
    }
    (!additions.is_empty()).then(|| {
        (
            Severity::Info,
            "extends",
            format!("`{source}` adds to the entry at {}: {}", earlier.origin, additions.join("; ")),
        )
    })
}

/// NBSP and other non-ASCII spaces, zero-width characters, soft hyphen, BOM.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202F}' | '\u{2007}'
    ) || (c.is_whitespace() && c != ' ')
}

/// Reports every source term of `files` that occurs as whole words inside a
/// longer source term of `base` or `files` (informational: the longer one
/// wins where both match).
fn report_shadowed(base: Option<&Glossary>, files: &[Glossary], problems: &mut Vec<Problem>) {
    // The files come first, so that a spelling both they and the base have
    // is reported as theirs.
    let glossaries: Vec<&Glossary> = files.iter().chain(base).collect();
    let n_files = files.len();
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
    let base_keys: HashSet<String> = base
        .iter()
        .flat_map(|glossary| &glossary.entries)
        .flat_map(|entry| &entry.sources)
        .map(|source| key(source, KeyOptions::FOLDED))
        .collect();
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
            let (long_glossary, long_entry, long_source) = owners[long_idx];
            // Only the files' terms are reported, and against a base term
            // only when the base does not have the short term too (then the
            // shadowing was there already).
            if glossary_idx >= n_files || (long_glossary >= n_files && base_keys.contains(&keys[short_idx])) {
                continue;
            }
            let entry = &glossaries[glossary_idx].entries[entry_idx];
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
