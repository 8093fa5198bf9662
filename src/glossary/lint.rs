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
//! | `control-character` | error | a control character (U+0001, ESC, …) in a term, note or domain: no XML glossary can hold it |
//! | `common-word` | warning | a source term that is a common Indonesian word and would match almost everywhere |
//! | `shadowed` | info | a term that occurs inside a longer term, which wins where both match |
//! | `forbidden-only` | info | an entry with forbidden targets but no preferred one, and no earlier layer's entry to add them to |
//! | `tbx-no-source`, `tbx-no-target` | warning | TBX concepts skipped for want of an Indonesian or English term |

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::LazyLock;

use daachorse::CharwiseDoubleArrayAhoCorasick;

use super::formats::{self, Format, Reader};
use super::model::Glossary;
use super::normalize::{KeyOptions, is_word_char, key};
use crate::error::Error;

/// Lint severities are the findings' severities; a [`Problem`] is what the
/// readers and the lint report (declared in `problem`, which both use).
pub use super::problem::{Problem, Severity};

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

/// Reports every source term of `files` that occurs as whole words inside a
/// longer source term of `base` or `files` (informational: the longer one
/// wins where both match), once per term, naming one longer term that holds
/// it. Against a term of `base` only when the base does not have the short
/// term too (then the shadowing was there already).
///
/// One report per term rather than per pair or per occurrence: terms that
/// are prefixes of each other (`a`, `a a`, `a a a`, …) make pairs grow with
/// the square of the list and occurrences with its cube, and a reviewer
/// needs to know which terms are shadowed, not every way they are.
///
/// Time is linear in the total length of the terms (see `first_holders`).
/// A term the base has too needs a holder among the files' terms, so it is
/// looked up in a second pass over the files' terms alone.
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
    drop(seen);
    let base_keys: HashSet<String> = base
        .iter()
        .flat_map(|glossary| &glossary.entries)
        .flat_map(|entry| &entry.sources)
        .map(|source| key(source, KeyOptions::FOLDED))
        .collect();
    // Keys are in glossary order, so the files' keys come first.
    let n_file_keys = owners.partition_point(|&(glossary_idx, _, _)| glossary_idx < n_files);
    let mut holder = first_holders(&keys);
    if !base_keys.is_empty() {
        let file_holder = first_holders(&keys[..n_file_keys]);
        for (short_idx, found) in file_holder.into_iter().enumerate() {
            if base_keys.contains(&keys[short_idx]) {
                holder[short_idx] = found;
            }
        }
    }
    for (short_idx, long_idx) in holder.into_iter().enumerate().take(n_file_keys) {
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

/// For each of `keys` (distinct), the first other key found to hold it as
/// whole words, if any.
///
/// Time is linear in the total length of the keys. The scan of a key takes
/// only the longest key ending at each position
/// (`find_overlapping_no_suffix_iter`), plus the longest proper suffix of
/// the key itself (a scan without its first character). Nothing is lost:
/// any shorter key ending at the same position is a suffix of that longest
/// key, on a word boundary inside it as well, so the scan of the longest
/// key finds it in turn.
fn first_holders(keys: &[String]) -> Vec<Option<usize>> {
    let mut holder: Vec<Option<usize>> = vec![None; keys.len()];
    let Ok(automaton) = CharwiseDoubleArrayAhoCorasick::<u32>::new(keys) else {
        return holder;
    };
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
    holder
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

    /// Lines of the file's terms the lint calls shadowed, over an optional
    /// base glossary of `base` terms.
    fn shadowed_lines_over(terms: &[String], base: &[String]) -> BTreeSet<usize> {
        let mut problems = Vec::new();
        let base = (!base.is_empty()).then(|| glossary(base));
        report_shadowed(base.as_ref(), &[glossary(terms)], &mut problems);
        let lines: BTreeSet<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines.len(), problems.len(), "one report per term");
        lines
    }

    fn shadowed_lines(terms: &[String]) -> BTreeSet<usize> {
        shadowed_lines_over(terms, &[])
    }

    /// The definition, checked the slow way: every occurrence of every
    /// other term's key, at word boundaries; a base term counts only for a
    /// term the base lacks.
    fn shadowed_lines_by_definition(terms: &[String], base: &[String]) -> BTreeSet<usize> {
        let mut first_line: HashMap<String, usize> = HashMap::new();
        for (idx, term) in terms.iter().enumerate() {
            let folded = key(term, KeyOptions::FOLDED);
            if !folded.is_empty() {
                first_line.entry(folded).or_insert(idx + 1);
            }
        }
        let base_keys: HashSet<String> = base.iter().map(|term| key(term, KeyOptions::FOLDED)).collect();
        let mut lines = BTreeSet::new();
        for (short, &line) in &first_line {
            let holds = |long: &String| {
                // Every occurrence, overlapping ones too (`b/b` in `ab/b/b`).
                long != short
                    && (0..long.len())
                        .filter(|&start| long.is_char_boundary(start) && long[start..].starts_with(short.as_str()))
                        .any(|start| {
                            let end = start + short.len();
                            !long[..start].chars().next_back().is_some_and(is_word_char)
                                && !long[end..].chars().next().is_some_and(is_word_char)
                        })
            };
            let in_files = first_line.keys().any(holds);
            let in_base = !base_keys.contains(short) && base_keys.iter().filter(|long| !first_line.contains_key(*long)).any(holds);
            if in_files || in_base {
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
        fn shadowed_terms_match_the_definition(terms in terms(), base in terms()) {
            proptest::prop_assert_eq!(shadowed_lines(&terms), shadowed_lines_by_definition(&terms, &[]));
            proptest::prop_assert_eq!(shadowed_lines_over(&terms, &base), shadowed_lines_by_definition(&terms, &base));
        }
    }
}
