//! Glossary term pairs for the aligner: a [`Glossary`] in (read by the one
//! loader every command uses, `glossary::load`, so TSV, CSV, TBX and JSON
//! alike), anchor keys out.
//!
//! A source unit and a draft unit that hold the two sides of one glossary
//! entry (`Korea Utara` … `North Korea`) share a key, as two units with the
//! same number do. Terms are matched as whole words: lower-cased, except
//! spellings the glossary matches case-sensitively (acronyms such as `AS`,
//! whose English `US` must not be the pronoun "us"). Each word of a unit
//! is looked up by its first word in a hash index, so a unit costs its
//! length times the few terms that start with each of its words, not the
//! size of the glossary.

use std::collections::HashMap;

use crate::fast_hash::SeededState;
use crate::glossary::Glossary;

/// One spelling of one side of an entry.
#[derive(Debug, Clone)]
struct Pattern {
    entry: u32,
    /// The spelling as the glossary writes it: `spellings[start..end]`.
    /// Every run builds this for the whole glossary before it reads its
    /// input, so a spelling costs a copy into one shared string and one
    /// pass over its letters; its words are compared only where a unit's
    /// word is its first word, which few are.
    start: usize,
    end: usize,
    /// How many words the spelling has.
    len: u32,
    /// Compare with the words as written (an acronym); otherwise in lower case.
    exact: bool,
}

impl Pattern {
    /// Whether `words` (a unit's words from the pattern's start, exactly as
    /// many as the pattern has; lower-cased unless the pattern is `exact`)
    /// are the pattern's words.
    fn is(&self, spellings: &str, words: &[impl AsRef<str>]) -> bool {
        let spelling = &spellings[self.start..self.end];
        super::words::word_iter(spelling).zip(words).all(|(mine, theirs)| {
            let theirs = theirs.as_ref();
            if self.exact {
                mine == theirs
            } else if mine.is_ascii() {
                // `to_lowercase` is ASCII lower case here: compare in place.
                mine.len() == theirs.len() && mine.bytes().zip(theirs.bytes()).all(|(m, t)| m.to_ascii_lowercase() == t)
            } else {
                mine.to_lowercase() == theirs
            }
        })
    }
}

/// Source term → admitted English renderings, for the aligner's anchors.
/// Empty by default (`Aligner::default()`): the pipeline fills it from the
/// glossary it matches with (see `Pipeline::new`).
#[derive(Debug, Clone, Default)]
pub struct TermPairs {
    /// First word (lower case) → patterns of source spellings.
    source: HashMap<String, Vec<Pattern>, SeededState>,
    /// First word (lower case) → patterns of English targets.
    target: HashMap<String, Vec<Pattern>, SeededState>,
    /// Every spelling of every pattern, one after the other.
    spellings: String,
    entries: u32,
}

impl TermPairs {
    pub fn new() -> Self {
        TermPairs::default()
    }

    /// Every entry of `glossary` with at least one source spelling and one
    /// admitted target of two letters or digits or more (preferred or admitted; forbidden targets are no
    /// evidence that two sentences translate each other).
    pub fn from_glossary(glossary: &Glossary) -> Self {
        let mut pairs = TermPairs::new();
        // Room for the spellings at once (a guess; the string grows if short).
        pairs.spellings.reserve(glossary.entries.len() * 64);
        // Reused for every entry: no lists allocated per entry.
        let mut sources: Vec<(&str, bool)> = Vec::new();
        let mut targets: Vec<(&str, bool)> = Vec::new();
        for entry in &glossary.entries {
            targets.clear();
            targets.extend(entry.targets().map(|target| (target, crate::glossary::model::is_acronym(target))));
            sources.clear();
            sources.extend(
                entry
                    .sources
                    .iter()
                    .map(|source| (source.as_str(), entry.is_case_sensitive(source))),
            );
            pairs.add(&sources, &targets);
        }
        pairs
    }

    /// Adds a source term with its admitted targets, all matched without
    /// regard to case.
    pub fn push(&mut self, source: &str, targets: &[&str]) {
        let targets: Vec<(&str, bool)> = targets.iter().map(|target| (*target, false)).collect();
        self.add(&[(source, false)], &targets);
    }

    fn add<'a>(&mut self, sources: &[(&'a str, bool)], targets: &[(&'a str, bool)]) {
        // (spelling, its first word, number of words, exact) of the
        // spellings that can anchor: words of two letters or more in all.
        let patterns = |spellings: &[(&'a str, bool)]| -> Vec<(&'a str, &'a str, u32, bool)> {
            spellings
                .iter()
                .filter_map(|&(spelling, exact)| {
                    let (mut first, mut len, mut letters) = ("", 0u32, 0usize);
                    for word in super::words::word_iter(spelling) {
                        if len == 0 {
                            first = word;
                        }
                        len += 1;
                        // Letters of the word as compared: lower case unless
                        // exact (lower case can change a non-ASCII length).
                        letters += if word.is_ascii() {
                            word.len()
                        } else if exact {
                            word.chars().count()
                        } else {
                            word.to_lowercase().chars().count()
                        };
                    }
                    // One letter is no anchor: `A$` (Australian dollars)
                    // would otherwise pair with every English article.
                    (letters >= 2).then_some((spelling, first, len, exact))
                })
                .collect()
        };
        let (sources, targets) = (patterns(sources), patterns(targets));
        // One side alone anchors nothing.
        if sources.is_empty() || targets.is_empty() {
            return;
        }
        let entry = self.entries;
        self.entries += 1;
        let mut lowered = String::new();
        for (index, side) in [(&mut self.source, sources), (&mut self.target, targets)] {
            for (spelling, first, len, exact) in side {
                let start = self.spellings.len();
                self.spellings.push_str(spelling);
                let pattern = Pattern {
                    entry,
                    start,
                    end: self.spellings.len(),
                    len,
                    exact,
                };
                // The index key is the first word in lower case (made in a
                // reused buffer for ASCII), copied only when new.
                lowered.clear();
                if first.is_ascii() {
                    lowered.push_str(first);
                    lowered.make_ascii_lowercase();
                } else {
                    lowered.push_str(&first.to_lowercase());
                }
                let key = lowered.as_str();
                match index.get_mut(key) {
                    Some(patterns) => patterns.push(pattern),
                    None => {
                        index.insert(key.to_string(), vec![pattern]);
                    }
                }
            }
        }
    }

    /// The number of entries (pairs of a source term and its targets).
    pub fn len(&self) -> usize {
        self.entries as usize
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Entries found in a unit whose words are `words` (as written) and
    /// `lower` (the same, lower case), on the source side when `source`;
    /// each entry once, in ascending order.
    pub(super) fn matches(&self, words: &[&str], lower: &[String], source: bool, out: &mut Vec<usize>) {
        let index = if source { &self.source } else { &self.target };
        let start = out.len();
        for (at, first) in lower.iter().enumerate() {
            let Some(patterns) = index.get(first) else { continue };
            for pattern in patterns {
                let Some(end) = at.checked_add(pattern.len as usize).filter(|&end| end <= lower.len()) else {
                    continue;
                };
                let found = if pattern.exact {
                    pattern.is(&self.spellings, &words[at..end])
                } else {
                    pattern.is(&self.spellings, &lower[at..end])
                };
                if found {
                    out.push(pattern.entry as usize);
                }
            }
        }
        out[start..].sort_unstable();
        let mut kept = start;
        for idx in start..out.len() {
            if kept == start || out[idx] != out[kept - 1] {
                out[kept] = out[idx];
                kept += 1;
            }
        }
        out.truncate(kept);
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words_of;
    use super::*;
    use crate::glossary::formats;

    fn found(pairs: &TermPairs, text: &str, source: bool) -> Vec<usize> {
        let words = words_of(text);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut out = Vec::new();
        pairs.matches(&words, &lower, source, &mut out);
        out
    }

    #[test]
    fn issue_15_item_2_pairs_come_from_any_glossary_format() {
        let csv = "source,target\nKorea Utara,North Korea\nPresiden,President\n";
        let path = std::path::Path::new("g.csv");
        let glossary = formats::parse(csv, formats::Format::Csv, &mut formats::Reader::strict(path)).unwrap();
        let pairs = TermPairs::from_glossary(&glossary);
        assert_eq!(pairs.len(), 2);
        assert_eq!(found(&pairs, "Presiden Korea Utara", true), [0, 1]);
        assert_eq!(found(&pairs, "the north korea president", false), [0, 1]);
        assert_eq!(found(&pairs, "South Korea", false), Vec::<usize>::new());
    }

    #[test]
    fn issue_15_item_2_acronyms_match_with_their_case() {
        let tsv = "AS\tUS\nKorea Utara\tNorth Korea\tcountry\nkorea utara\tNorth Korean\n";
        let path = std::path::Path::new("g.tsv");
        let glossary = formats::parse(tsv, formats::Format::Tsv, &mut formats::Reader::strict(path)).unwrap();
        let pairs = TermPairs::from_glossary(&glossary);
        // The pronoun is not the country.
        assert_eq!(found(&pairs, "Pasukan AS", true), [0]);
        assert_eq!(found(&pairs, "pasukan as", true), Vec::<usize>::new());
        assert_eq!(found(&pairs, "US troops", false), [0]);
        assert_eq!(found(&pairs, "told us", false), Vec::<usize>::new());
        assert!(!found(&pairs, "the North Korean army", false).is_empty());
    }

    #[test]
    fn issue_15_item_2_a_one_letter_target_anchors_nothing() {
        let mut pairs = TermPairs::new();
        pairs.push("dolar Australia", &["A$"]);
        assert!(pairs.is_empty());
        assert_eq!(found(&pairs, "I don't call it a beast lightly.", false), Vec::<usize>::new());
    }

    #[test]
    fn an_entry_without_targets_anchors_nothing() {
        let mut pairs = TermPairs::new();
        pairs.push("Korea Utara", &[]);
        assert!(pairs.is_empty());
        assert_eq!(found(&pairs, "korea utara", true), Vec::<usize>::new());
    }
}
