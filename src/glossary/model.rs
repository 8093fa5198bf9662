//! The glossary data model: entries with their source spellings and English
//! targets, and the layering of several glossaries into one.
//!
//! **Layering.** Glossaries are layered in order (the shipped ones first,
//! then each project or `-g` file). An entry of a later layer that shares a
//! source spelling (compared by case-folded match key) with an entry of an
//! earlier layer *adds to it* by default:
//!
//! * its preferred target becomes the preferred one, and the earlier
//!   preferred target stays acceptable (admitted): a project row
//!   `Kementerian Sosial → Ministry of Social Affairs` makes that the
//!   preferred rendering while the shipped `Social Affairs Ministry` is
//!   still accepted;
//! * an entry without a preferred target (a `[forbidden]` row alone) keeps
//!   the earlier preferred target: forbidding `Foreign Affairs Secretary`
//!   for `Menteri Luar Negeri` leaves `Foreign Minister` required;
//! * admitted and forbidden targets add up; where the layers disagree the
//!   later one wins (a target the later layer forbids is no longer
//!   acceptable, one it accepts is no longer forbidden);
//! * spellings add up too (the merged entry answers to every spelling of
//!   both), the later entry's note, domain and case sensitivity win where
//!   it has them, and `affix` matching stays on if either layer asks for it.
//!
//! An entry marked **replace** (`[replace]` at the start of a TSV comment,
//! a `replace` CSV column, `"replace": true` in JSON, `replace` in a TBX
//! `selaras-match:` note) instead takes the shared spellings over alone: the
//! earlier entry loses them and keeps only its other spellings, as every
//! layer did before. `glossary lint` reports every entry that changes or
//! replaces an entry of an earlier layer, the shipped ones included.
//!
//! Within one layer nothing is merged or dropped: two rows of one file are
//! merged by the file's reader, and two entries of one file that share a
//! spelling are reported by `lint`.

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
    /// Replace earlier layers' entries for the same spelling instead of
    /// adding to them (see the module header).
    pub replace: bool,
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
            replace: false,
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

impl Entry {
    /// `self` (a later layer's entry) with `earlier` merged in, by the
    /// layering rules of the module header: `self`'s targets first, then
    /// `earlier`'s, the later layer's word winning where they disagree.
    pub fn absorb(&mut self, earlier: &Entry) {
        let forbidden_here = self.forbidden.clone();
        let accepted_here: Vec<String> = self.targets().map(str::to_string).collect();
        let mut acceptable: Vec<String> = accepted_here.clone();
        for target in earlier.targets() {
            if !forbidden_here.iter().any(|f| f == target) && !acceptable.iter().any(|a| a == target) {
                acceptable.push(target.to_string());
            }
        }
        for forbidden in &earlier.forbidden {
            if !accepted_here.contains(forbidden) && !self.forbidden.contains(forbidden) {
                self.forbidden.push(forbidden.clone());
            }
        }
        let mut acceptable = acceptable.into_iter();
        self.preferred = acceptable.next();
        self.admitted = acceptable.collect();
        for source in &earlier.sources {
            if !self.sources.contains(source) {
                self.sources.push(source.clone());
            }
        }
        self.case_sensitive = self.case_sensitive.or(earlier.case_sensitive);
        if self.note.is_none() {
            self.note.clone_from(&earlier.note);
        }
        if self.domain.is_none() {
            self.domain.clone_from(&earlier.domain);
        }
        if earlier.match_mode == MatchMode::Affix {
            self.match_mode = MatchMode::Affix;
        }
    }
}

/// All-capital words of one to five letters (`AS`, `PBB`, `TNI`) are
/// acronyms; lowercase words that happen to spell them (`as`) are not the
/// same term, so they match case-sensitively by default.
pub fn is_acronym(source: &str) -> bool {
    // Five characters take at most 20 bytes: a longer string is no acronym
    // and is not counted (every run asks this of every glossary target).
    source.len() <= 20 && (1..=5).contains(&source.chars().count()) && source.chars().all(|c| c.is_uppercase())
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

    /// Layers `layers` in order (see the module header): an entry of a later
    /// layer adds to the earlier entries that share one of its spellings
    /// (compared by case-folded match key, so `korea utara` meets `Korea
    /// Utara`), or replaces them for those spellings when marked `replace`.
    /// Earlier entries that are absorbed or lose all their spellings
    /// disappear; within one layer nothing is dropped.
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
        let mut owner: HashMap<String, usize, crate::fast_hash::SeededState> = HashMap::default();
        for layer in non_empty {
            let first_of_layer = entries.len();
            for mut entry in layer.entries {
                let entry_idx = entries.len();
                // The earlier layers' entries this one meets, in order.
                let mut met: Vec<usize> = Vec::new();
                // Each spelling's key is computed once (they are most of
                // the cost of layering the shipped glossaries on every run).
                let mut folded_here: Vec<String> = entry.sources.iter().map(|s| key(s, KeyOptions::FOLDED)).collect();
                for folded in &folded_here {
                    if let Some(&previous) = owner.get(folded)
                        && previous < first_of_layer
                        && !met.contains(&previous)
                    {
                        met.push(previous);
                    }
                }
                for &previous in &met {
                    if entry.replace {
                        entries[previous]
                            .sources
                            .retain(|s| !folded_here.contains(&key(s, KeyOptions::FOLDED)));
                    } else {
                        let earlier = std::mem::take(&mut entries[previous].sources);
                        let mut absorbed = entries[previous].clone();
                        absorbed.sources = earlier;
                        entry.absorb(&absorbed);
                    }
                }
                // Absorbing only appends spellings: key the new ones too.
                let n_keyed = folded_here.len();
                folded_here.extend(entry.sources[n_keyed..].iter().map(|s| key(s, KeyOptions::FOLDED)));
                for folded in folded_here {
                    owner.insert(folded, entry_idx);
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
    fn a_replacing_layer_takes_the_same_source_over() {
        let base = Glossary::new(vec![
            Entry::new("Korea Utara", "North Korea", origin("a")),
            Entry::new("Rusia", "Russia", origin("a")),
        ]);
        let mut replacing = Entry::new("korea utara", "DPRK", origin("b"));
        replacing.replace = true;
        let user = Glossary::new(vec![replacing]);
        let merged = Glossary::layered([&base, &user]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged.entries[0].sources, ["Rusia"]);
        assert_eq!(merged.entries[1].targets().collect::<Vec<_>>(), ["DPRK"]);
    }

    fn entry(source: &str, preferred: Option<&str>, admitted: &[&str], forbidden: &[&str], path: &str) -> Entry {
        let mut entry = Entry::new(source, preferred.unwrap_or(""), origin(path));
        entry.preferred = preferred.map(str::to_string);
        entry.admitted = admitted.iter().map(|s| s.to_string()).collect();
        entry.forbidden = forbidden.iter().map(|s| s.to_string()).collect();
        entry
    }

    #[test]
    fn issue_13_a_project_entry_adds_to_the_shipped_one() {
        let shipped = Glossary::new(vec![
            entry(
                "Menteri Luar Negeri",
                Some("Foreign Minister"),
                &["Minister of Foreign Affairs"],
                &[],
                "shipped",
            ),
            entry("Kementerian Sosial", Some("Social Affairs Ministry"), &[], &[], "shipped"),
            entry("Korea Utara", Some("North Korea"), &["North Korean"], &[], "shipped"),
        ]);
        let project = Glossary::new(vec![
            // A forbidden row alone keeps the shipped requirement.
            entry("Menteri Luar Negeri", None, &[], &["Foreign Affairs Secretary"], "project"),
            // A new first row changes the preferred target; the shipped one stays acceptable.
            entry("Kementerian Sosial", Some("Ministry of Social Affairs"), &[], &[], "project"),
            // Forbidding a shipped alternative takes it out.
            entry("korea utara", Some("North Korea"), &["DPRK"], &["North Korean"], "project"),
        ]);
        let merged = Glossary::layered([&shipped, &project]);
        let find = |source: &str| merged.entries.iter().find(|e| e.sources.iter().any(|s| s == source)).unwrap();
        let minister = find("Menteri Luar Negeri");
        assert_eq!(
            minister.targets().collect::<Vec<_>>(),
            ["Foreign Minister", "Minister of Foreign Affairs"]
        );
        assert_eq!(minister.forbidden, ["Foreign Affairs Secretary"]);
        let ministry = find("Kementerian Sosial");
        assert_eq!(
            ministry.targets().collect::<Vec<_>>(),
            ["Ministry of Social Affairs", "Social Affairs Ministry"]
        );
        let korea = find("korea utara");
        assert_eq!(korea.targets().collect::<Vec<_>>(), ["North Korea", "DPRK"]);
        assert_eq!(korea.forbidden, ["North Korean"]);
        assert_eq!(korea.sources, ["korea utara", "Korea Utara"]);
        assert_eq!(merged.len(), 3, "absorbed entries disappear");
        // The project's own word wins: accepting what the shipped entry forbids.
        let shipped = Glossary::new(vec![entry("Rusia", Some("Russia"), &[], &["Rusia"], "shipped")]);
        let project = Glossary::new(vec![entry("Rusia", Some("Rusia"), &[], &[], "project")]);
        let merged = Glossary::layered([&shipped, &project]);
        assert_eq!(merged.entries[0].targets().collect::<Vec<_>>(), ["Rusia", "Russia"]);
        assert!(merged.entries[0].forbidden.is_empty());
    }

    #[test]
    fn add_target_keeps_first_as_preferred() {
        let mut entry = Entry::new("Korea Utara", "North Korea", origin("a"));
        entry.add_target("North Korean".into());
        entry.add_target("North Korea".into());
        assert_eq!(entry.targets().collect::<Vec<_>>(), ["North Korea", "North Korean"]);
    }
}
