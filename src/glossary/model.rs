//! The glossary data model: entries with their source spellings and English
//! targets, and the layering of several glossaries into one.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::normalize::{KeyOptions, key};

/// How a source term may appear in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// The term as a whole word, plus enclitics (`-nya`, `-lah`, …) and
    /// reduplication (`kawan-kawan`).
    #[default]
    Exact,
    /// Also with the Indonesian prefixes and suffixes listed in the
    /// `matcher` module (`dikerahkan`, `pertemuan`).
    Affix,
}

impl MatchMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMode::Exact => "exact",
            MatchMode::Affix => "affix",
        }
    }
}

/// Where an entry was read from, for messages: a file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Shared between all entries of one file, so that a 100k-entry glossary
    /// does not hold 100k copies of its path.
    pub path: Arc<Path>,
    pub line: usize,
}

impl Origin {
    pub fn new(path: &Arc<Path>, line: usize) -> Self {
        Origin {
            path: Arc::clone(path),
            line,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", crate::error::display_path(&self.path), self.line)
    }
}

/// One concept: the Indonesian spellings that name it and the English that
/// must (preferred, admitted) or must not (forbidden) stand for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Source spellings as the glossary writes them (never normalised; NFC
    /// and folding apply only to match keys). At least one.
    pub sources: Vec<String>,
    /// The English to use. `None` only for an entry that lists forbidden
    /// targets alone (a "do not translate as" rule).
    pub preferred: Option<String>,
    /// Other acceptable English renderings.
    pub admitted: Vec<String>,
    /// English renderings that are wrong for this concept.
    pub forbidden: Vec<String>,
    /// `None` = decide per spelling: all-capital acronyms of up to five
    /// letters (`AS`, `PBB`) match case-sensitively, everything else not.
    pub case_sensitive: Option<bool>,
    pub note: Option<String>,
    pub domain: Option<String>,
    pub match_mode: MatchMode,
    pub origin: Origin,
}

impl Entry {
    /// An entry with one source spelling and one preferred target.
    pub fn new(source: impl Into<String>, target: impl Into<String>, origin: Origin) -> Self {
        Entry {
            sources: vec![source.into()],
            preferred: Some(target.into()),
            admitted: Vec::new(),
            forbidden: Vec::new(),
            case_sensitive: None,
            note: None,
            domain: None,
            match_mode: MatchMode::Exact,
            origin,
        }
    }

    /// The acceptable English renderings, preferred first.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.preferred.iter().chain(&self.admitted).map(String::as_str)
    }

    /// Whether spelling `source` (one of `self.sources`) matches case-sensitively.
    pub fn is_case_sensitive(&self, source: &str) -> bool {
        self.case_sensitive.unwrap_or_else(|| is_acronym(source))
    }

    /// Adds `target` as an alternative: it becomes preferred if there is no
    /// preferred target yet, admitted otherwise. Repeats are ignored.
    pub fn add_target(&mut self, target: String) {
        if self.preferred.as_deref() == Some(target.as_str()) || self.admitted.contains(&target) {
            return;
        }
        if self.preferred.is_none() {
            self.preferred = Some(target);
        } else {
            self.admitted.push(target);
        }
    }
}

/// All-capital words of one to five letters (`AS`, `PBB`, `TNI`) are
/// acronyms; lowercase words that happen to spell them (`as`) are not the
/// same term, so they match case-sensitively by default.
pub fn is_acronym(source: &str) -> bool {
    let n_letters = source.chars().count();
    (1..=5).contains(&n_letters) && source.chars().all(|c| c.is_uppercase())
}

/// A list of entries, in file order.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub entries: Vec<Entry>,
}

impl Glossary {
    pub fn new(entries: Vec<Entry>) -> Self {
        Glossary { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Layers `layers` in order: an entry of a later layer replaces, for
    /// each of its source spellings, whatever an earlier layer said about
    /// that spelling (compared by case-folded match key, so `korea utara`
    /// overrides `Korea Utara`). Earlier entries that lose all their
    /// spellings disappear; within one layer nothing is dropped.
    pub fn layered<'a>(layers: impl IntoIterator<Item = &'a Glossary>) -> Glossary {
        Glossary::layered_owned(layers.into_iter().cloned().collect())
    }

    /// [`Glossary::layered`], taking the layers by value: a single layer is
    /// returned as it is, without computing any keys (loading a 100k-entry
    /// file with `--no-default-glossary` should not pay for layering).
    pub fn layered_owned(layers: Vec<Glossary>) -> Glossary {
        let mut non_empty: Vec<Glossary> = layers.into_iter().filter(|layer| !layer.is_empty()).collect();
        if non_empty.len() <= 1 {
            return non_empty.pop().unwrap_or_default();
        }
        let mut entries: Vec<Entry> = Vec::new();
        // Folded key → index of the entry that currently owns it.
        let mut owner: HashMap<String, usize> = HashMap::new();
        for layer in non_empty {
            let first_of_layer = entries.len();
            for entry in layer.entries {
                let entry_idx = entries.len();
                for source in &entry.sources {
                    let folded = key(source, KeyOptions::FOLDED);
                    if let Some(previous) = owner.insert(folded.clone(), entry_idx)
                        && previous < first_of_layer
                    {
                        let earlier = &mut entries[previous];
                        earlier.sources.retain(|s| key(s, KeyOptions::FOLDED) != folded);
                    }
                }
                entries.push(entry);
            }
        }
        entries.retain(|entry| !entry.sources.is_empty());
        Glossary { entries }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(path: &str) -> Origin {
        Origin::new(&Arc::from(Path::new(path)), 1)
    }

    #[test]
    fn acronyms_are_short_and_all_capitals() {
        assert!(is_acronym("AS"));
        assert!(is_acronym("PBB"));
        assert!(!is_acronym("As"));
        assert!(!is_acronym("NATOXX"));
        assert!(!is_acronym("Rusia"));
    }

    #[test]
    fn later_layer_overrides_the_same_source() {
        let base = Glossary::new(vec![
            Entry::new("Korea Utara", "North Korea", origin("a")),
            Entry::new("Rusia", "Russia", origin("a")),
        ]);
        let user = Glossary::new(vec![Entry::new("korea utara", "DPRK", origin("b"))]);
        let merged = Glossary::layered([&base, &user]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged.entries[0].sources, ["Rusia"]);
        assert_eq!(merged.entries[1].preferred.as_deref(), Some("DPRK"));
    }

    #[test]
    fn add_target_keeps_first_as_preferred() {
        let mut entry = Entry::new("Korea Utara", "North Korea", origin("a"));
        entry.add_target("North Korean".into());
        entry.add_target("North Korea".into());
        assert_eq!(entry.targets().collect::<Vec<_>>(), ["North Korea", "North Korean"]);
    }
}
