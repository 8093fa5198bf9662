//! The English side of a whole glossary: its name-like targets in, their
//! occurrences in a draft out.
//!
//! The glossary rule asks, when a term's English is missing from a draft
//! sentence, whether the sentence names something else the glossary knows
//! instead (`South Korea` where the source says `Korea Utara`, `Health
//! Ministry` for `Kementerian Keuangan`). A translation that *replaces* a
//! fixed term with another one is a sure error; one that merely leaves the
//! term out may refer to it another way (`it`, `its chair`).
//!
//! Only targets that start with a capital letter are indexed: names of
//! countries, places, institutions and titles, where a wrong one is a
//! different thing. Common words (`percent`, `government`) name nothing
//! in particular. A target is indexed in its word orders and acronym
//! stops (`english::order_forms`; respellings are left out, they would
//! cost ten times as much for names that rarely differ by one); matching is by whole
//! words, case-insensitive, a plural or possessive ending allowed on the
//! last word. The index is built on first use, so commands that never
//! need it (and huge glossaries that never miss a term) do not pay for it.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::english::order_forms;
use super::model::Glossary;
use crate::fast_hash::SeededState;
use crate::text::Span;

/// What a target names, as far as telling a replacement from an addition
/// goes: a replacement names the same kind of thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetKind {
    /// A person's title (`Prime Minister`, `Governor`).
    Title,
    /// An institution (`Health Ministry`, `Election Commission`).
    Body,
    /// A country, or its adjective (from a glossary file of countries).
    Country,
    /// Any other name (a city, a region, an organisation).
    Name,
}

/// Name-like targets of a glossary, searchable in English text.
#[derive(Debug, Default)]
pub struct TargetIndex {
    /// Capitalised targets and whether they come from a glossary of
    /// countries, as collected; kinds and the index are worked out on the
    /// first question (most runs never ask one).
    raw: Vec<(String, bool)>,
    built: OnceLock<Built>,
}

#[derive(Debug, Default)]
struct Built {
    /// Sorted by target, unique, each with whether any of its copies comes
    /// from a glossary of countries. Its kind is worked out when asked
    /// (`kind`): a run asks for few.
    targets: Vec<(String, bool)>,
    index: Index,
}

/// The kind of thing `target` names; `from_countries` for targets of a
/// glossary of countries.
pub fn kind_of(target: &str, from_countries: bool) -> TargetKind {
    if super::english::is_title_or_institution(target) {
        if super::english::is_person_title(target) {
            TargetKind::Title
        } else {
            TargetKind::Body
        }
    } else if from_countries {
        TargetKind::Country
    } else {
        TargetKind::Name
    }
}

/// Whether a name found in a draft can stand where `wanted` belongs: the
/// same kind of thing (two titles, two countries, two one-word names), or
/// two names with the same last word (`South Korea` / `North Korea`).
pub fn replaces(found: (&str, TargetKind), wanted: (&str, TargetKind)) -> bool {
    let last = |t: &str| t.rsplit([' ', '-']).next().unwrap_or(t).to_lowercase();
    if last(found.0) == last(wanted.0) {
        return true;
    }
    let one_word = |t: &str| !t.contains(' ');
    match (found.1, wanted.1) {
        (TargetKind::Title, TargetKind::Title) | (TargetKind::Body, TargetKind::Body) | (TargetKind::Country, TargetKind::Country) => true,
        // Places and organisations of one word stand for one another (`EU`
        // for `US`, `Surabaya` for `Jakarta`).
        (TargetKind::Name | TargetKind::Country, TargetKind::Name | TargetKind::Country) => one_word(found.0) && one_word(wanted.0),
        _ => false,
    }
}

#[derive(Debug, Default)]
struct Index {
    /// First word (lower case) → (the form's words, target index).
    by_first_word: HashMap<String, Vec<(Vec<String>, usize)>, SeededState>,
}

/// Words as the index compares them: lower case, split at spaces and
/// hyphens, stops kept inside acronyms (`u.n.`), other punctuation dropped.
fn index_words(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |start: &mut Option<usize>, end: usize, out: &mut Vec<(Span, String)>| {
        if let Some(begin) = start.take() {
            let word = &text[begin..end];
            let trimmed = word.trim_end_matches(['.', ',']);
            // Keep the stops of an acronym (`U.S.`), drop a full stop.
            let keep_stops = word.matches('.').count() >= 2 && word.len() <= 8;
            let kept = if keep_stops { word } else { trimmed };
            if !kept.is_empty() {
                out.push((Span::new(begin, begin + kept.len()), kept.to_lowercase()));
            }
        }
    };
    for (at, c) in text.char_indices() {
        let part_of_word = c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '&' | '$');
        if part_of_word {
            start.get_or_insert(at);
        } else {
            flush(&mut start, at, &mut out);
        }
    }
    flush(&mut start, text.len(), &mut out);
    out
}

impl TargetIndex {
    /// Collects the name-like targets of `glossary`; the index itself is
    /// built on the first search.
    pub fn new(glossary: &Glossary) -> TargetIndex {
        let raw: Vec<(String, bool)> = glossary
            .entries
            .iter()
            .flat_map(|entry| {
                let countries = entry
                    .origin
                    .path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().contains("countries"));
                entry.targets().map(move |target| (target, countries))
            })
            .filter(|(target, _)| target.chars().next().is_some_and(char::is_uppercase))
            .map(|(target, countries)| (target.to_string(), countries))
            .collect();
        TargetIndex {
            raw,
            built: OnceLock::new(),
        }
    }

    fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            let mut targets: Vec<(String, bool)> = self.raw.clone();
            targets.sort_unstable();
            // Of equal targets `b` comes first; it keeps whether any copy is
            // a country's.
            targets.dedup_by(|a, b| {
                let same = a.0 == b.0;
                if same {
                    b.1 |= a.1;
                }
                same
            });
            let mut by_first_word: HashMap<String, Vec<(Vec<String>, usize)>, SeededState> = HashMap::default();
            for (target_idx, (target, _)) in targets.iter().enumerate() {
                for form in order_forms(target) {
                    let words: Vec<String> = index_words(&form).into_iter().map(|(_, w)| w).collect();
                    let Some(first) = words.first() else { continue };
                    // The key is copied only the first time it is seen.
                    match by_first_word.get_mut(first) {
                        Some(forms) => forms.push((words, target_idx)),
                        None => {
                            let first = first.clone();
                            by_first_word.insert(first, vec![(words, target_idx)]);
                        }
                    }
                }
            }
            Built {
                targets,
                index: Index { by_first_word },
            }
        })
    }

    /// The kind of an indexed target (`Name` for one not indexed).
    pub fn kind(&self, target: &str) -> TargetKind {
        let targets = &self.built().targets;
        targets
            .binary_search_by(|(t, _)| t.as_str().cmp(target))
            .map_or(TargetKind::Name, |idx| kind_of(target, targets[idx].1))
    }

    /// Every indexed target named in `text` (at byte `base` of its
    /// document): its span and the target, longest first where several
    /// start at one word.
    pub fn find(&self, text: &str, base: usize) -> Vec<(Span, &str)> {
        let built = self.built();
        let index = &built.index;
        let words = index_words(text);
        let mut out = Vec::new();
        let mut idx = 0;
        while idx < words.len() {
            let best = index.by_first_word.get(&words[idx].1).and_then(|candidates| {
                candidates
                    .iter()
                    .filter(|(form, target_idx)| {
                        form.len() <= words.len() - idx
                            && form.iter().enumerate().all(|(k, w)| {
                                let written = &words[idx + k].1;
                                written == w || (k + 1 == form.len() && with_ending(written, w))
                            })
                            && !common_word_for_acronym(words[idx].0.slice(text), &built.targets[*target_idx].0)
                    })
                    .max_by_key(|(form, _)| form.len())
            });
            match best {
                Some((form, target_idx)) => {
                    let (first, last) = (&words[idx].0, &words[idx + form.len() - 1].0);
                    out.push((
                        Span::new(base + first.start, base + last.end),
                        built.targets[*target_idx].0.as_str(),
                    ));
                    idx += form.len();
                }
                None => idx += 1,
            }
        }
        out
    }
}

/// Whether `written` is an ordinary lower-case word where `target` is a
/// short acronym: `is` is not `IS`, `us` is not `US`, `as` is not `AS`.
/// Longer acronyms may be written as words (`Asean`, `Nato`), so only
/// acronyms of up to three letters ask for capitals.
fn common_word_for_acronym(written: &str, target: &str) -> bool {
    let letters = || target.chars().filter(|c| c.is_alphabetic());
    let acronym = !target.contains(' ') && letters().count() <= 3 && letters().all(char::is_uppercase);
    acronym && written.chars().filter(|c| c.is_alphabetic()).all(char::is_lowercase)
}

/// `word` with a plural or possessive ending: `koreas`, `korea's`.
fn with_ending(written: &str, word: &str) -> bool {
    written
        .strip_prefix(word)
        .is_some_and(|ending| matches!(ending, "s" | "es" | "'s" | "’s" | "'" | "’"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Entry, Origin};
    use std::path::Path;
    use std::sync::Arc;

    #[test]
    fn finds_name_like_targets_in_every_form() {
        let origin = Origin::new(&Arc::from(Path::new("g.tsv")), 1);
        let mut korea = Entry::new("Korea Selatan", "South Korea", origin.clone());
        korea.add_target("South Korean".into());
        let glossary = Glossary::new(vec![
            korea,
            Entry::new("Kementerian Kesehatan", "Health Ministry", origin.clone()),
            Entry::new("persen", "percent", origin.clone()),
            Entry::new("PBB", "UN", origin),
        ]);
        let index = TargetIndex::new(&glossary);
        let text = "South Korea's envoy met the Ministry of Health at the U.N. for 5 percent.";
        let found: Vec<(&str, &str)> = index.find(text, 0).into_iter().map(|(span, t)| (span.slice(text), t)).collect();
        assert_eq!(
            found,
            vec![
                ("South Korea's", "South Korea"),
                ("Ministry of Health", "Health Ministry"),
                ("U.N.", "UN")
            ]
        );
    }

    #[test]
    fn a_lower_case_word_is_not_a_short_acronym() {
        let origin = Origin::new(&Arc::from(Path::new("g.tsv")), 1);
        let glossary = Glossary::new(vec![
            Entry::new("Negara Islam", "IS", origin.clone()),
            Entry::new("AS", "US", origin.clone()),
            Entry::new("ASEAN", "ASEAN", origin),
        ]);
        let index = TargetIndex::new(&glossary);
        let text = "The rate is low, he told us; IS and the US met Asean.";
        let found: Vec<&str> = index.find(text, 0).into_iter().map(|(span, _)| span.slice(text)).collect();
        assert_eq!(found, vec!["IS", "US", "Asean"]);
    }
}
