//! Term matching: a glossary in, one automaton out; text in, term hits
//! (byte spans of the input as read) out.
//!
//! All source spellings of all entries of all layers go into **one**
//! automaton — daachorse's character-wise double array: at 100k terms it
//! builds in a fraction of the time of aho-corasick's NFAs (whose DFA's
//! memory and build time explode there), and on Indonesian text it searches
//! faster than aho-corasick's DFA even at 1k terms (measured in
//! `benches/glossary.rs`) — keyed by their
//! case-folded match key (see `normalize`). A text is normalised the same way
//! into a scratch buffer that remembers where each byte came from, and
//! searched with one unanchored leftmost-longest pass: its match is the
//! longest term at the leftmost position where any term starts. If that term
//! passes the tests below, it is the hit and the search goes on after it. If
//! it fails (or the glossary has `affix` entries), every shorter term that
//! starts at that position — each is a prefix of the longest, so a hash
//! lookup per character finds them — is tested too, longest first, and the
//! first that passes is the hit; if none passes, the search
//! goes on from the next character. The rules:
//!
//! 1. **Whole words.** If the term begins (ends) with a letter or digit, the
//!    character before (after) it must not be one. Hyphens, quotes and
//!    punctuation are boundaries, so `Korea Utara-Rusia` holds `Korea Utara`.
//! 2. **Enclitics and reduplication** (every entry): the last word may carry
//!    `-nya`, `-ku`, `-mu`, `-lah`, `-kah`, `-pun` (`Rusianya`) or be
//!    repeated after a hyphen (`kawan-kawan`); the hit then covers the whole
//!    word. Details in the `morph` module.
//! 3. **Affixes** (entries with match mode `affix`): a prefix before the first
//!    word and a suffix after the last, as listed in `morph`, including the
//!    meN-/peN- forms that replace the root's first letter (`memukul`,
//!    `penulis`, `menyapu`, `mengirim`); such a root is also a key without
//!    its first letter, accepted only right after its nasal prefix.
//! 4. **Case.** Entries marked case-sensitive, and by default every spelling
//!    that is an all-capital acronym of up to five letters (`AS`, `PBB`),
//!    must match with the same letters and case (`as` is not `AS`); the other
//!    rules (NFC, whitespace, dashes) still apply.
//! 5. **Leftmost-longest, with fallback.** Among the occurrences that pass,
//!    the one starting first wins; at the same start, the longest term
//!    (`Menteri Luar Negeri AS` over `Menteri Luar Negeri`). Because only
//!    occurrences that pass compete, a longer term that fails the word test
//!    never hides a shorter one that passes. Hits never overlap.
//!
//! When several entries share a key, a case-sensitive one is tried first,
//! then the others in glossary order; one hit is reported per occurrence.

use std::collections::HashMap;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};

use super::model::{Glossary, MatchMode};
use super::morph;
use super::normalize::{KeyOptions, NormText, is_word_char, key, push_key};
use crate::error::{Error, Result};
use crate::text::Span;

/// The compiled automaton (daachorse's character-wise double array, in
/// leftmost-longest mode), and the byte length of its longest key.
#[derive(Clone)]
struct Engine {
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    max_key_len: usize,
    /// Read from the automaton compiled ahead of time (`prebuilt`).
    prebuilt: bool,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("states", &self.automaton.num_states()).finish()
    }
}

impl Engine {
    /// The leftmost-longest term in `haystack[from..]`: (pattern, start, end).
    #[inline]
    fn leftmost_longest(&self, haystack: &str, from: usize) -> Option<(PatternId, usize, usize)> {
        let found = self.automaton.leftmost_find_iter(&haystack[from..]).next()?;
        Some((PatternId(found.value()), from + found.start(), from + found.end()))
    }

    /// The longest term that starts exactly at `at` and ends by `until` (a
    /// character boundary): (pattern, end). The search looks no further than
    /// the longest key reaches.
    fn longest_at(&self, haystack: &str, at: usize, until: usize) -> Option<(PatternId, usize)> {
        let limit = haystack.ceil_char_boundary((at + self.max_key_len).min(until));
        let found = self.automaton.leftmost_find_iter(&haystack[at..limit]).next()?;
        (found.start() == 0).then(|| (PatternId(found.value()), at + found.end()))
    }
}

/// One occurrence of a glossary term in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermHit {
    /// Byte span in the input as read, enclitics and affixes included.
    pub span: Span,
    /// The part of `span` that stands for the term itself: without prefix,
    /// suffix and enclitics, with reduplication (what `skeleton` replaces).
    pub term_span: Span,
    /// Index into the matcher's glossary entries.
    pub entry: usize,
    /// Index into that entry's `sources`: the spelling that matched.
    pub source: usize,
}

/// One entry spelling behind an automaton pattern.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    entry: u32,
    source: u32,
}

/// What the rare candidates need besides: kept apart from [`Candidate`] so
/// that the arrays searched for every match stay small (at 100k terms they
/// decide how often a match waits for memory).
#[derive(Debug, Clone, Default)]
struct CandidateRules {
    /// The unfolded key, for case-sensitive spellings only.
    cased_key: Option<Box<str>>,
    affix: bool,
    /// For the shape of an `affix` root after meN-/peN- (its key without
    /// the first letter): the letter the nasal replaced.
    nasal: Option<u8>,
}

/// One automaton pattern (a distinct match key): 20 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Pattern {
    /// The first candidate's entry and source, inline: for most matches
    /// the only memory read besides the text and the automaton.
    entry: u32,
    source: u32,
    /// All its candidates are `candidates[first..first + len]`,
    /// case-sensitive ones first, then in glossary order.
    first: u32,
    len: u32,
    /// Length in bytes of the last word of the key, for reduplication
    /// (saturated; a last word that long never repeats in practice).
    last_word_len: u16,
}

/// The key starts with a word character: the one before must not be one.
const LEFT_BOUNDARY: u8 = 1;
/// The key ends with a word character: the one after must not be one.
const RIGHT_BOUNDARY: u8 = 2;
/// Some candidate has match mode `affix`.
const ANY_AFFIX: u8 = 4;
/// Some candidate is case-sensitive.
const ANY_CASED: u8 = 8;

/// What the automaton reports for a key: the index of its [`Pattern`] in the
/// low 24 bits and its flags (`LEFT_BOUNDARY`, …) above, so that testing
/// most matches reads no pattern data at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PatternId(u32);

impl PatternId {
    const MAX_INDEX: usize = (1 << 24) - 1;

    fn new(index: usize, flags: u8) -> PatternId {
        debug_assert!(index <= Self::MAX_INDEX);
        PatternId(index as u32 | u32::from(flags) << 24)
    }

    fn index(self) -> usize {
        (self.0 & Self::MAX_INDEX as u32) as usize
    }

    fn has(self, flag: u8) -> bool {
        (self.0 >> 24) as u8 & flag != 0
    }
}

/// The compiled form of a glossary. Build once, share between threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    glossary: Glossary,
    automaton: Engine,
    /// Whether any entry has match mode `affix` (then walks also start
    /// after prefixes inside words).
    any_affix: bool,
    patterns: Vec<Pattern>,
    candidates: Vec<Candidate>,
    /// Parallel to `candidates`; read only for patterns flagged
    /// `ANY_AFFIX` or `ANY_CASED`.
    rules: Vec<CandidateRules>,
}

/// Buffers reused between calls to [`Matcher::find_in`].
#[derive(Debug, Default)]
pub struct Scratch {
    norm: NormText,
    /// Terms met by the walks from one position: pattern, start, end
    /// (normalised bytes), not yet tested.
    met: Vec<(PatternId, usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    span: Span,
    term_span: Span,
    /// End of the hit in the normalised text.
    norm_end: usize,
    key_len: usize,
    pattern: PatternId,
    candidate: u32,
}

impl Matcher {
    /// Compiles `glossary`. Spellings whose key is empty are skipped (`lint`
    /// reports them).
    pub fn new(glossary: Glossary) -> Result<Self> {
        Self::compile(glossary, super::prebuilt::automaton_for)
    }

    /// [`Matcher::new`], given where to look for an automaton compiled
    /// ahead of time for the keys and values about to be compiled (see
    /// `prebuilt`); compiles them when it has none.
    fn compile(glossary: Glossary, stored: impl FnOnce(&[&str], &[u32]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>>) -> Result<Self> {
        let (arena, mut spellings) = collect_spellings(&glossary);
        // One pattern per distinct key, in order of first appearance.
        let mut pattern_of_key: HashMap<&str, u32, crate::fast_hash::SeededState> =
            HashMap::with_capacity_and_hasher(spellings.len(), Default::default());
        let mut keys: Vec<&str> = Vec::with_capacity(spellings.len());
        let mut patterns: Vec<Pattern> = Vec::with_capacity(spellings.len());
        let mut flags: Vec<u8> = Vec::with_capacity(spellings.len());
        // (pattern, tried after case-sensitive ones, spelling), sorted into
        // place below.
        let mut order: Vec<(u32, bool, u32)> = Vec::with_capacity(spellings.len());
        for (spelling_idx, Spelling { key: range, rules, .. }) in spellings.iter().enumerate() {
            let folded = &arena[range.clone()];
            let pattern_idx = *pattern_of_key.entry(folded).or_insert_with(|| {
                let mut key_flags = 0;
                if folded.chars().next().is_some_and(is_word_char) {
                    key_flags |= LEFT_BOUNDARY;
                }
                if folded.chars().next_back().is_some_and(is_word_char) {
                    key_flags |= RIGHT_BOUNDARY;
                }
                patterns.push(Pattern {
                    last_word_len: u16::try_from(morph::last_word(folded).len()).unwrap_or(u16::MAX),
                    ..Pattern::default()
                });
                flags.push(key_flags);
                keys.push(folded);
                (patterns.len() - 1) as u32
            });
            if rules.affix {
                flags[pattern_idx as usize] |= ANY_AFFIX;
            }
            if rules.cased_key.is_some() {
                flags[pattern_idx as usize] |= ANY_CASED;
            }
            order.push((pattern_idx, rules.cased_key.is_none(), spelling_idx as u32));
        }
        drop(pattern_of_key);
        if patterns.len() > PatternId::MAX_INDEX {
            return Err(Error::Usage(format!(
                "glossary too large for the matcher: {} distinct terms (at most {})",
                patterns.len(),
                PatternId::MAX_INDEX
            )));
        }
        // Case-sensitive spellings are more specific: they are tried first;
        // within each group, glossary order.
        order.sort_unstable();
        let mut candidates = Vec::with_capacity(order.len());
        let mut rules = Vec::with_capacity(order.len());
        for (pattern_idx, _, spelling_idx) in order {
            let Spelling {
                candidate,
                rules: candidate_rules,
                ..
            } = &mut spellings[spelling_idx as usize];
            let pattern = &mut patterns[pattern_idx as usize];
            if pattern.len == 0 {
                pattern.first = candidates.len() as u32;
                pattern.entry = candidate.entry;
                pattern.source = candidate.source;
            }
            pattern.len += 1;
            candidates.push(*candidate);
            rules.push(std::mem::take(candidate_rules));
        }
        // Leftmost-longest, because `find_in` runs one unanchored
        // leftmost-longest search and looks at shorter terms (prefixes of
        // the longest) only where the longest fails.
        let values: Vec<u32> = flags
            .iter()
            .enumerate()
            .map(|(idx, &key_flags)| PatternId::new(idx, key_flags).0)
            .collect();
        let (automaton, prebuilt) = match stored(&keys, &values) {
            Some(automaton) => (automaton, true),
            None => (
                CharwiseDoubleArrayAhoCorasickBuilder::new()
                    .match_kind(daachorse::MatchKind::LeftmostLongest)
                    .build_with_values(keys.iter().copied().zip(values.iter().copied()))
                    .map_err(|error| Error::Usage(format!("glossary too large for the matcher: {error}")))?,
                false,
            ),
        };
        let automaton = Engine {
            automaton,
            max_key_len: keys.iter().map(|k| k.len()).max().unwrap_or(0),
            prebuilt,
        };
        let any_affix = flags.iter().any(|&f| f & ANY_AFFIX != 0);
        Ok(Matcher {
            glossary,
            automaton,
            any_affix,
            patterns,
            candidates,
            rules,
        })
    }

    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Whether the automaton was read from the one compiled ahead of time
    /// for the shipped glossaries rather than compiled by this run.
    pub fn is_prebuilt(&self) -> bool {
        self.automaton.prebuilt
    }

    /// Number of distinct match keys.
    pub fn n_keys(&self) -> usize {
        self.patterns.len()
    }

    /// All hits in `text`, searched as one piece.
    pub fn find_all(&self, text: &str) -> Vec<TermHit> {
        let mut hits = Vec::new();
        self.find_in(text, Span::new(0, text.len()), &mut Scratch::default(), &mut hits);
        hits
    }

    /// Appends the hits inside `piece` of `text` to `hits`, in order. Terms
    /// never cross the edges of `piece` (a unit, in `apply`).
    pub fn find_in(&self, text: &str, piece: Span, scratch: &mut Scratch, hits: &mut Vec<TermHit>) {
        let Scratch { norm, met } = scratch;
        norm.build(piece.slice(text), piece.start, KeyOptions::FOLDED);
        let haystack = norm.text.as_str();
        let mut resume_at = 0;
        while resume_at < haystack.len() {
            // The leftmost-longest match from `resume_at`: no term starts
            // between `resume_at` and its start, and none starting there is
            // longer.
            let Some((pattern_idx, start, end)) = self.automaton.leftmost_longest(haystack, resume_at) else {
                break;
            };
            let next_char = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
            let at_start = !norm.char_before(start).is_some_and(is_word_char) || !norm.char_at(start).is_some_and(is_word_char);
            // Where a hit for this match would start: here, or (a prefixed
            // affix term in mid-word) at the start of the word, which no
            // other term starts at, by the leftmost guarantee.
            let hit_start = if at_start {
                start
            } else {
                let word_start = morph::word_start(haystack, start);
                if !(self.any_affix && word_start >= resume_at && morph::is_any_prefix(&haystack[word_start..start])) {
                    // No term may start anywhere else inside this word either.
                    resume_at = if self.any_affix {
                        next_char
                    } else {
                        morph::word_end(haystack, start)
                    };
                    continue;
                }
                word_start
            };
            // Fast path: the longest term here passes its tests, so it is the
            // hit. With affix entries a prefixed term may still be longer,
            // so those glossaries always take the full path.
            if !self.any_affix
                && let Some((candidate_idx, span, term_span, norm_end)) = self.accept(text, norm, pattern_idx, start, end)
            {
                self.push_hit(hits, pattern_idx, candidate_idx, span, term_span);
                resume_at = norm_end;
                continue;
            }
            // Fallback: every term that starts here, longest first.
            met.clear();
            let longest_here = (hit_start == start).then_some((pattern_idx, end));
            self.terms_at(haystack, hit_start, longest_here, met);
            if self.any_affix && norm.char_at(hit_start).is_some_and(is_word_char) {
                for prefix in morph::all_prefixes() {
                    if haystack[hit_start..].starts_with(prefix) {
                        self.terms_at(haystack, hit_start + prefix.len(), None, met);
                    }
                }
            }
            match self.best_of(text, norm, met) {
                Some(best) => {
                    self.push_hit(hits, best.pattern, best.candidate as usize, best.span, best.term_span);
                    resume_at = best.norm_end;
                }
                None => resume_at = next_char,
            }
        }
    }

    /// The leftmost-longest choice among terms met at one position: the
    /// longest that passes its tests (ties: the widest span, then the first
    /// pattern). Testing longest first means most positions test one term.
    fn best_of(&self, text: &str, norm: &NormText, met: &mut [(PatternId, usize, usize)]) -> Option<Found> {
        met.sort_unstable_by_key(|&(pattern, start, end)| (std::cmp::Reverse(end - start), pattern.index()));
        let mut best: Option<Found> = None;
        for &(pattern_idx, start, end) in met.iter() {
            if best.is_some_and(|b| b.key_len > end - start) {
                break;
            }
            if let Some((candidate_idx, span, term_span, norm_end)) = self.accept(text, norm, pattern_idx, start, end)
                && best.is_none_or(|b| span.end > b.span.end)
            {
                best = Some(Found {
                    span,
                    term_span,
                    norm_end,
                    key_len: end - start,
                    pattern: pattern_idx,
                    candidate: candidate_idx as u32,
                });
            }
        }
        best
    }

    fn push_hit(&self, hits: &mut Vec<TermHit>, pattern_id: PatternId, candidate_idx: usize, span: Span, term_span: Span) {
        let pattern = &self.patterns[pattern_id.index()];
        let candidate = if candidate_idx == 0 {
            Candidate {
                entry: pattern.entry,
                source: pattern.source,
            }
        } else {
            self.candidates[pattern.first as usize + candidate_idx]
        };
        hits.push(TermHit {
            span,
            term_span,
            entry: candidate.entry as usize,
            source: candidate.source as usize,
        });
    }

    /// Notes every term that starts at normalised byte `at`: the longest
    /// (`longest`, when the caller knows it already), then each shorter one
    /// (a prefix of it), found by searching ever shorter stretches.
    fn terms_at(&self, haystack: &str, at: usize, longest: Option<(PatternId, usize)>, met: &mut Vec<(PatternId, usize, usize)>) {
        let mut found = longest.or_else(|| self.automaton.longest_at(haystack, at, haystack.len()));
        while let Some((pattern_id, end)) = found {
            met.push((pattern_id, at, end));
            let shorter_end = haystack.floor_char_boundary(end - 1);
            found = if shorter_end > at {
                self.automaton.longest_at(haystack, at, shorter_end)
            } else {
                None
            };
        }
    }

    /// If the last word of the term ending at `end` is repeated after a
    /// hyphen there, the end of the term and of the hit (see `morph`). Reads
    /// the pattern only when a hyphen follows.
    fn reduplication_end(&self, folded: &str, id: PatternId, end: usize) -> Option<(usize, usize)> {
        if folded.as_bytes().get(end) != Some(&b'-') {
            return None;
        }
        let last_word_len = self.patterns[id.index()].last_word_len;
        let last_word_start = end.checked_sub(usize::from(last_word_len))?;
        if last_word_len == u16::MAX || !folded.is_char_boundary(last_word_start) {
            return None;
        }
        morph::reduplication_end(folded, end, &folded[last_word_start..end])
    }

    /// Tests one occurrence of pattern `pattern_idx` at normalised bytes
    /// `start..end` and returns the first candidate that passes with its hit
    /// span, its term span and the normalised end of the hit.
    fn accept(&self, text: &str, norm: &NormText, id: PatternId, start: usize, end: usize) -> Option<(usize, Span, Span, usize)> {
        let folded = norm.text.as_str();
        let left_ok = !id.has(LEFT_BOUNDARY) || !norm.char_before(start).is_some_and(is_word_char);
        if !left_ok && !id.has(ANY_AFFIX) {
            return None;
        }
        let right_ok = !id.has(RIGHT_BOUNDARY) || !norm.char_at(end).is_some_and(is_word_char);
        // The ends of the term and of the hit for non-affix entries: exact,
        // with enclitics, or reduplicated (itself possibly with enclitics).
        let plain_end = if !id.has(RIGHT_BOUNDARY) {
            Some((end, end))
        } else if right_ok {
            Some(self.reduplication_end(folded, id, end).unwrap_or((end, end)))
        } else {
            let word_done = morph::word_end(folded, end);
            morph::is_clitic_tail(&folded[end..word_done]).then_some((end, word_done))
        };
        if !id.has(ANY_AFFIX) && !id.has(ANY_CASED) {
            // Every candidate passes or fails alike: the first one stands for
            // them all, and no candidate data is read.
            let (term_end, hit_end) = plain_end?;
            let span = norm.original_span(start, hit_end)?;
            let term_span = norm.original_span(start, term_end)?;
            return Some((0, span, term_span, hit_end));
        }
        let pattern = &self.patterns[id.index()];
        let first = pattern.first as usize;
        for (candidate_idx, rules) in self.rules[first..first + pattern.len as usize].iter().enumerate() {
            // Where the term itself starts: here, or (a root whose first
            // letter meN-/peN- replaced) at the nasal that stands for it.
            let mut term_start = start;
            let hit_start = if let Some(dropped) = rules.nasal {
                // This shape of the root exists only right after its nasal.
                if left_ok {
                    continue;
                }
                let word_start = morph::word_start(folded, start);
                let Some(nasal_len) = morph::nasal_prefix(&folded[word_start..start], dropped) else {
                    continue;
                };
                term_start = start - nasal_len;
                word_start
            } else if left_ok {
                start
            } else if rules.affix {
                let word_start = morph::word_start(folded, start);
                if !morph::is_prefix(&folded[word_start..start]) {
                    continue;
                }
                word_start
            } else {
                continue;
            };
            let (term_end, hit_end) = match plain_end {
                Some(ends) => ends,
                None if rules.affix => {
                    let word_done = morph::word_end(folded, end);
                    if !morph::is_suffix_tail(&folded[end..word_done]) {
                        continue;
                    }
                    (end, word_done)
                }
                None => continue,
            };
            if let Some(cased_key) = &rules.cased_key {
                let Some(exact) = norm.original_span(start, end) else { continue };
                if key(exact.slice(text), KeyOptions::CASED) != **cased_key {
                    continue;
                }
            }
            if let (Some(span), Some(term_span)) = (norm.original_span(hit_start, hit_end), norm.original_span(term_start, term_end)) {
                return Some((candidate_idx, span, term_span, hit_end));
            }
        }
        None
    }
}

/// One spelling to compile: its match key (a range of the key buffer), the
/// entry spelling it stands for, and its rules.
struct Spelling {
    key: std::ops::Range<usize>,
    candidate: Candidate,
    rules: CandidateRules,
}

/// Every spelling of `glossary` with its key, all keys in one buffer (no
/// allocation per key), plus the meN-/peN- shape of affix roots.
fn collect_spellings(glossary: &Glossary) -> (String, Vec<Spelling>) {
    let mut arena = String::with_capacity(glossary.len() * 16);
    let mut spellings = Vec::with_capacity(glossary.len());
    for (entry_idx, entry) in glossary.entries.iter().enumerate() {
        for (source_idx, source) in entry.sources.iter().enumerate() {
            let start = arena.len();
            push_key(source, KeyOptions::FOLDED, &mut arena);
            if arena.len() == start {
                continue;
            }
            let rules = CandidateRules {
                cased_key: entry
                    .is_case_sensitive(source)
                    .then(|| key(source, KeyOptions::CASED).into_boxed_str()),
                affix: entry.match_mode == MatchMode::Affix,
                nasal: None,
            };
            let candidate = Candidate {
                entry: entry_idx as u32,
                source: source_idx as u32,
            };
            if let Some(shape) = nasal_shape(&arena.as_bytes()[start..], &rules) {
                spellings.push(Spelling {
                    key: start + 1..arena.len(),
                    candidate,
                    rules: shape,
                });
            }
            spellings.push(Spelling {
                key: start..arena.len(),
                candidate,
                rules,
            });
        }
    }
    (arena, spellings)
}

/// The rules of the meN-/peN- shape of an affix root with key `folded` (the
/// key without its first letter), if the root has one: it starts with
/// p/t/s/k and a vowel and has at least three letters (see `morph`). A
/// case-sensitive spelling whose first letter is not ASCII as written (the
/// Kelvin sign folds to `k`) gets none.
fn nasal_shape(folded: &[u8], rules: &CandidateRules) -> Option<CandidateRules> {
    if !(rules.affix && folded.len() >= 3 && morph::drops_after_nasal(folded[0]) && matches!(folded[1], b'a' | b'e' | b'i' | b'o' | b'u')) {
        return None;
    }
    let cased_key = match &rules.cased_key {
        Some(cased) => Some(cased.get(1..)?.into()),
        None => None,
    };
    Some(CandidateRules {
        cased_key,
        affix: true,
        nasal: Some(folded[0]),
    })
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
