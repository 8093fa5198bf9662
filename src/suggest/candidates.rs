//! Which word sequences of the source are terms, and where each occurs as a
//! whole term (not as a piece of a longer one).
//!
//! **Candidates** are sequences of one to [`MAX_WORDS`] words inside a
//! stretch of words (numbers and punctuation end a stretch), neither first
//! nor last a function word or a single letter, seen at least `min_count`
//! times.
//!
//! **Names.** A run is a maximal sequence of capitalised words (acronyms
//! included; a sentence's first word only if the word is capitalised more
//! often than not elsewhere). A candidate is a name when it is capitalised
//! wherever its capitals mean something. A name occurrence inside a longer
//! run counts only when the rest of the run on each side is itself a
//! complete run elsewhere (at least twice), and so is the candidate: in
//! `Menteri Keuangan Sri Mulyani`, `Sri Mulyani` counts if `Menteri
//! Keuangan` and `Sri Mulyani` each stand alone elsewhere; in `Bank
//! Indonesia`, `Indonesia` does not, since `Bank` never stands alone. For
//! the same reason a name that splits into two such complete runs is a
//! combination, not a term (`Menteri Keuangan Sri Mulyani`).
//!
//! **Other candidates** are combinations when they split (between two words,
//! or around one function word: `minyak dan gas`) into two parts that are
//! both free — each seen, outside this candidate, at least half as often as
//! the candidate (`miliar dolar AS` = `miliar` + `dolar AS`; but `nilai
//! tukar` is a term, since `tukar` hardly occurs without `nilai`), and when
//! they start with a count word (`miliar rupiah`: see [`count_words`]). A
//! lower-case candidate with a function word inside is a phrase of its
//! sentence, no term. A candidate is a fragment when one neighbouring word
//! accompanies two thirds
//! or more of its occurrences (`tukar rupiah` inside `nilai tukar rupiah`).
//!
//! **Nesting.** Candidates are decided longest first; an accepted term
//! claims its occurrences, and a shorter candidate keeps only the
//! occurrences no accepted term claimed (`Serikat` inside `Amerika Serikat`
//! keeps none). A candidate left with fewer than `min_count` occurrences is
//! not a term.

use std::collections::{HashMap, HashSet};

use super::corpus::{Corpus, SourceToken};
use super::function_words;
use super::text::TokenKind;

/// The longest candidate, in words.
pub const MAX_WORDS: usize = 6;

/// The English (draft keys) of a list of occurrences, most frequent first.
pub type RenderingsOf<'a> = dyn Fn(&[TermOccurrence]) -> Vec<Box<[u32]>> + 'a;

/// One occurrence: the bead and the source token range (global indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermOccurrence {
    pub bead: u32,
    pub start: u32,
    pub end: u32,
}

/// A term and its whole-term occurrences.
#[derive(Debug, Clone)]
pub struct Term {
    pub key: Box<[u32]>,
    pub occurrences: Vec<TermOccurrence>,
    /// Capitalised wherever capitals mean something.
    pub name: bool,
}

#[derive(Debug, Default)]
struct Candidate {
    occurrences: Vec<TermOccurrence>,
}

/// Per source key: how often capitalised away from a sentence start, and
/// how often in lower case.
#[derive(Debug, Default, Clone, Copy)]
struct CaseCounts {
    capitalised: u32,
    lower: u32,
}

/// Finds the terms of `corpus` (see the module header).
/// `renderings` gives the English (draft keys) of a list of occurrences,
/// most frequent first, for the test of compositional names.
pub fn find_terms(corpus: &Corpus<'_>, min_count: usize, renderings: &RenderingsOf<'_>) -> Vec<Term> {
    let min_count = min_count.max(1);
    let tokens = &corpus.source;
    // Function words by key, looked up once per key rather than per use.
    let function_key: Vec<bool> = corpus
        .source_vocab
        .ids()
        .map(|id| function_words::is_indonesian(corpus.source_vocab.name(id)))
        .collect();
    let is_function_key = |key: u32| function_key[key as usize];
    let is_function = |token: &SourceToken| is_function_key(token.key);
    let edge_ok =
        |token: &SourceToken| token.token.kind == TokenKind::Word && !is_function(token) && token.lemma_end - token.token.start > 1;

    // Case statistics per key.
    let mut case: HashMap<u32, CaseCounts> = HashMap::new();
    for token in tokens.iter().filter(|t| t.token.kind == TokenKind::Word) {
        let counts = case.entry(token.key).or_default();
        if !token.capitalised {
            counts.lower += 1;
        } else if !token.initial {
            counts.capitalised += 1;
        }
    }
    let usually_capitalised = |key: u32| case.get(&key).is_some_and(|c| c.capitalised > c.lower);

    // Runs of capitalised words, and how often each run stands complete.
    let mut run_of = vec![u32::MAX; tokens.len()];
    let mut runs: Vec<(u32, u32)> = Vec::new();
    let mut complete: HashMap<Box<[u32]>, u32> = HashMap::new();
    for bead in &corpus.beads {
        let mut idx = bead.source.start;
        while idx < bead.source.end {
            let in_run = |token: &SourceToken| {
                token.token.kind == TokenKind::Word
                    && (token.capitalised || token.acronym)
                    && !is_function(token)
                    && (!token.initial || usually_capitalised(token.key))
            };
            if !in_run(&tokens[idx]) {
                idx += 1;
                continue;
            }
            let start = idx;
            while idx < bead.source.end && in_run(&tokens[idx]) && (idx == start || tokens[idx - 1].lemma_end == tokens[idx - 1].token.end)
            {
                idx += 1;
            }
            let run_idx = runs.len() as u32;
            runs.push((start as u32, idx as u32));
            run_of[start..idx].iter_mut().for_each(|r| *r = run_idx);
            // Only runs away from a sentence start say that their first word
            // stands alone.
            if !tokens[start].initial {
                let keys: Box<[u32]> = tokens[start..idx].iter().map(|t| t.key).collect();
                *complete.entry(keys).or_default() += 1;
            }
        }
    }
    let complete_count = |keys: &[u32]| complete.get(keys).copied().unwrap_or(0);
    let complete_name = |keys: &[u32]| complete_count(keys) >= 2;

    let count_words = count_words(corpus);

    // Candidates.
    let mut candidates: HashMap<Box<[u32]>, Candidate> = HashMap::new();
    let mut keys = Vec::with_capacity(MAX_WORDS);
    for (bead_idx, bead) in corpus.beads.iter().enumerate() {
        for start in bead.source.clone() {
            if !edge_ok(&tokens[start]) {
                continue;
            }
            keys.clear();
            for end in start + 1..=(start + MAX_WORDS).min(bead.source.end) {
                let token = &tokens[end - 1];
                if token.token.kind != TokenKind::Word {
                    break;
                }
                keys.push(token.key);
                // A word that carries an enclitic ends the candidate (`APBD-nya`).
                let ends_here = token.lemma_end != token.token.end;
                if edge_ok(token) {
                    let occurrence = TermOccurrence {
                        bead: bead_idx as u32,
                        start: start as u32,
                        end: end as u32,
                    };
                    // Looked up by slice: a key is boxed only when new.
                    match candidates.get_mut(keys.as_slice()) {
                        Some(candidate) => candidate.occurrences.push(occurrence),
                        None => {
                            candidates.insert(
                                keys.as_slice().into(),
                                Candidate {
                                    occurrences: vec![occurrence],
                                },
                            );
                        }
                    }
                }
                if ends_here {
                    break;
                }
            }
        }
    }
    candidates.retain(|_, c| c.occurrences.len() >= min_count);
    let count_of = |keys: &[u32]| candidates.get(keys).map_or(0, |c| c.occurrences.len());
    // A part of a run beside a name occurrence: a name of its own elsewhere,
    // or too rare to say otherwise (`Mirantha` in `Mirantha Sabtu`).
    let separate_part = |keys: &[u32]| complete_name(keys) || count_of(keys) < 2;
    // A name whose English is its parts' English in their order
    // (`Menteri Keuangan Sri Mulyani`: `Minister of Finance` + `Sri
    // Mulyani`), unlike `Jawa Timur` (`East Java`) or `Bank Dunia` (`World
    // Bank`).
    let compositional = |whole: &[TermOccurrence], left: &[u32], right: &[u32]| {
        let part = |keys: &[u32]| candidates.get(keys).map(|c| renderings(&c.occurrences)).unwrap_or_default();
        let Some(whole) = renderings(whole).into_iter().next() else {
            return true;
        };
        let (lefts, rights) = (part(left), part(right));
        lefts.iter().any(|l| rights.iter().any(|r| *whole == [&l[..], &r[..]].concat()[..]))
    };

    let mut order: Vec<(&Box<[u32]>, &Candidate)> = candidates.iter().collect();
    order.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then(b.1.occurrences.len().cmp(&a.1.occurrences.len()))
            .then(a.0.cmp(b.0))
    });

    let mut claimed = vec![false; tokens.len()];
    let mut terms = Vec::new();
    // Boundaries where a longer candidate was found to split: (part, the
    // word on the other side, whether that word follows the part).
    let mut boundaries: HashSet<(Box<[u32]>, u32, bool)> = HashSet::new();
    for (key, candidate) in order {
        let raw = candidate.occurrences.len();
        let name = is_name(candidate, tokens);
        let n = key.len();
        // Combination: a count word and what it counts (`miliar dolar AS`),
        // or two free parts (names: two complete runs).
        let free = |part: &[u32]| count_of(part).saturating_sub(raw) * 2 >= raw.max(4);
        let needed = 2.max(raw.div_ceil(5)) as u32;
        let complete_enough = |part: &[u32]| complete_count(part) >= needed;
        let split = (1..n).find_map(|k| {
            let (left, right) = key.split_at(k);
            if k == 1 && count_words.contains(&key[0]) {
                return Some((k, k));
            }
            if name {
                let parts_stand_alone = complete_enough(left) && complete_enough(right);
                return (parts_stand_alone && compositional(&candidate.occurrences, left, right)).then_some((k, k));
            }
            if free(left) && free(right) {
                return Some((k, k));
            }
            let around = k + 1 < n && is_function_key(key[k]) && free(&key[..k]) && free(&key[k + 1..]);
            around.then_some((k, k + 1))
        });
        // A lower-case expression with a function word inside is a phrase
        // of the sentence, not a term (`dolar AS per ton pada kuartal`);
        // names may have one (`Bank of America`).
        let inner_function = n > 2 && key[1..n - 1].iter().any(|&k| is_function_key(k));
        if inner_function && !name && split.is_none() {
            continue;
        }
        if let Some((left_end, right_start)) = split {
            boundaries.insert((key[..left_end].into(), key[left_end], true));
            boundaries.insert((key[right_start..].into(), key[right_start - 1], false));
            continue;
        }
        // Whole-term occurrences.
        let valid: Vec<TermOccurrence> = candidate
            .occurrences
            .iter()
            .copied()
            .filter(|o| !claimed[o.start as usize..o.end as usize].iter().any(|&c| c))
            .filter(|o| !name || name_bounded(o, tokens, &run_of, &runs, key, &separate_part))
            .collect();
        if valid.len() < min_count {
            continue;
        }
        if !name && is_fragment(key, &valid, tokens, corpus, &is_function, &boundaries) {
            continue;
        }
        for o in &valid {
            claimed[o.start as usize..o.end as usize].iter_mut().for_each(|c| *c = true);
        }
        terms.push(Term {
            key: key.clone(),
            occurrences: valid,
            name,
        });
    }
    terms
}

/// Count words: words seen three times or more, at least half of them right
/// after an amount (`juta`, `miliar`, `persen`, `ton`; a year is no amount).
pub fn count_words(corpus: &Corpus<'_>) -> HashSet<u32> {
    let tokens = &corpus.source;
    let mut after_number: HashMap<u32, (u32, u32)> = HashMap::new();
    for bead in &corpus.beads {
        for idx in bead.source.clone() {
            if tokens[idx].token.kind == TokenKind::Word {
                let entry = after_number.entry(tokens[idx].key).or_default();
                entry.0 += 1;
                if idx > bead.source.start && is_amount_token(corpus, bead, idx - 1) {
                    entry.1 += 1;
                }
            }
        }
    }
    after_number
        .into_iter()
        .filter(|(_, (all, after))| *all >= 3 && after * 2 >= *all)
        .map(|(key, _)| key)
        .collect()
}

/// Whether source token `idx` of `bead` is an amount (a number, not a year).
pub fn is_amount_token(corpus: &Corpus<'_>, bead: &super::corpus::TokenBead, idx: usize) -> bool {
    let token = &corpus.source[idx];
    token.token.kind == TokenKind::Number && super::text::is_amount(token.token.text(&corpus.bead_text(bead).source))
}

/// Whether a candidate is capitalised wherever its capitals mean something:
/// at two thirds of its occurrences that do not start a sentence (or, with
/// none such, at all of them).
fn is_name(candidate: &Candidate, tokens: &[SourceToken]) -> bool {
    let capitalised = |o: &TermOccurrence| {
        tokens[o.start as usize..o.end as usize]
            .iter()
            .all(|t| t.capitalised || t.acronym || t.token.kind != TokenKind::Word)
    };
    let inner: Vec<&TermOccurrence> = candidate.occurrences.iter().filter(|o| !tokens[o.start as usize].initial).collect();
    if inner.is_empty() {
        return candidate.occurrences.iter().all(capitalised);
    }
    let n_capitalised = inner.iter().filter(|o| capitalised(o)).count();
    n_capitalised * 3 >= inner.len() * 2
}

/// Whether a name occurrence is whole within its run (see the module header).
fn name_bounded(
    o: &TermOccurrence,
    tokens: &[SourceToken],
    run_of: &[u32],
    runs: &[(u32, u32)],
    key: &[u32],
    separate_part: &impl Fn(&[u32]) -> bool,
) -> bool {
    let run_idx = run_of[o.start as usize];
    if run_idx == u32::MAX || run_of[o.end as usize - 1] != run_idx {
        // Not written as one capitalised run here: nothing to cut.
        return true;
    }
    let (run_start, run_end) = runs[run_idx as usize];
    if run_start == o.start && run_end == o.end {
        return true;
    }
    let keys = |from: u32, to: u32| -> Vec<u32> { tokens[from as usize..to as usize].iter().map(|t| t.key).collect() };
    let left_ok = run_start == o.start || separate_part(&keys(run_start, o.start));
    let right_ok = run_end == o.end || separate_part(&keys(o.end, run_end));
    left_ok && right_ok && separate_part(key)
}

/// Whether one neighbouring word accompanies two thirds or more of the
/// occurrences (a piece of a longer expression), unless the longer
/// expression was found to split right there.
fn is_fragment(
    key: &[u32],
    occurrences: &[TermOccurrence],
    tokens: &[SourceToken],
    corpus: &Corpus<'_>,
    is_function: &impl Fn(&SourceToken) -> bool,
    boundaries: &HashSet<(Box<[u32]>, u32, bool)>,
) -> bool {
    let mut left: HashMap<u32, usize> = HashMap::new();
    let mut right: HashMap<u32, usize> = HashMap::new();
    for o in occurrences {
        let bead = &corpus.beads[o.bead as usize];
        let neighbour = |idx: usize| {
            let token = &tokens[idx];
            (token.token.kind == TokenKind::Word && !is_function(token)).then_some(token.key)
        };
        if o.start as usize > bead.source.start
            && let Some(neighbour_key) = neighbour(o.start as usize - 1)
        {
            *left.entry(neighbour_key).or_default() += 1;
        }
        if (o.end as usize) < bead.source.end
            && let Some(neighbour_key) = neighbour(o.end as usize)
        {
            *right.entry(neighbour_key).or_default() += 1;
        }
    }
    let split_there = |neighbour: u32, follows: bool| boundaries.contains(&(Box::<[u32]>::from(key), neighbour, follows));
    let most = left
        .iter()
        .filter(|(n, _)| !split_there(**n, false))
        .chain(right.iter().filter(|(n, _)| !split_there(**n, true)))
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0);
    most >= 2 && most * 3 >= occurrences.len() * 2
}
