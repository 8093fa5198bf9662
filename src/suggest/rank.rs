//! From terms and their renderings to ranked entries.
//!
//! **Renderings.** An occurrence's English is keyed by its draft keys (case
//! folded, plural and possessive folded), so `US dollar`, `US dollars` and
//! `US dollar's` count as one rendering, while `U.S. dollar` is another (a
//! house style may want to choose). The entry's target is the most used
//! rendering as it is most often written away from a sentence start — or,
//! when grammatical forms of one word together win (`Japan` 10 + `Japanese`
//! 10), the shortest of them, if it was used a third as often as they all
//! were. The other renderings are the alternatives, most used first.
//!
//! **Termhood, not frequency.** Frequent general words (`pemerintah`,
//! `tahun`) translate as consistently as terms do, so the rank weighs what
//! kind of expression a candidate is, read off the corpus itself:
//!
//! * a **name** (capitalised where capitals mean something: people, places,
//!   institutions, titles, months, acronyms) whose English is capitalised
//!   too or kept as is — full weight;
//! * a **unit** (most occurrences right after a number or a scale word:
//!   `persen`, `miliar`, `ton`, `dolar AS`) — full weight;
//! * a lower-case expression of several words (`nilai tukar`, `suku bunga`)
//!   — half; so is a capitalised one whose English is lower case
//!   (`Pemerintah` at the start of a sentence is no name);
//! * a lower-case single word — a fifth: most are general vocabulary, and
//!   the few domain words among them come after everything above.
//!
//! An entry whose English is the source itself, copied (`Pama` → `Pama`),
//! keeps [`COPIED`] of its weight: correct, but a translator needs no
//! glossary to copy a name.
//!
//! The score is that weight × (ln(1 + occurrences) + ln(1 + pairs it occurs
//! in)) × (¼ + ¾ × the share of occurrences rendered by the target or a
//! grammatical variant of it): a term met across articles is worth more to
//! a glossary than a name met in one.

use std::collections::{HashMap, HashSet};

use super::candidates::Term;
use super::corpus::Corpus;
use super::phrase::Rendering;

/// One rendering and how often it was used.
#[derive(Debug, Clone)]
pub struct Variant {
    /// As most often written (away from a sentence start when possible).
    pub surface: String,
    pub count: usize,
    /// Index of the first occurrence (in the term's list) with it.
    pub first: usize,
}

/// A term with its renderings and score.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub term: Term,
    /// The source as most often written away from a sentence start.
    pub source: String,
    pub renderings: Vec<Option<Rendering>>,
    /// Distinct renderings, most frequent first.
    pub variants: Vec<Variant>,
    pub score: f64,
    /// The weight of its kind (see the module header).
    pub weight: f64,
    pub unit: bool,
}

/// What is known of a term before its occurrences are rendered: the source
/// as most often written, and whether it is a unit.
#[derive(Debug, Clone)]
pub struct Profile {
    pub source: String,
    pub unit: bool,
}

/// The [`Profile`] of `term`; `count_words` from [`super::candidates::count_words`].
pub fn profile(corpus: &Corpus<'_>, term: &Term, count_words: &HashSet<u32>) -> Profile {
    Profile {
        source: source_form(corpus, term),
        unit: is_unit(corpus, term, count_words),
    }
}

/// The highest weight `term` can get whatever its renderings (see
/// [`score`]): a single lower-case word that is no unit gets a fifth at most.
pub fn max_weight(term: &Term, profile: &Profile) -> f64 {
    if profile.unit || term.name || term.key.len() > 1 {
        1.0
    } else {
        0.2
    }
}

/// Ranks `terms` (with their profiles and per-occurrence `renderings`) best
/// first.
pub fn rank(corpus: &Corpus<'_>, terms: Vec<(Term, Profile, Vec<Option<Rendering>>)>) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = terms
        .into_iter()
        .map(|(term, Profile { source, unit }, renderings)| {
            let variants = variants(&renderings);
            let mut entry = Ranked {
                term,
                source,
                renderings,
                variants,
                score: 0.0,
                weight: 0.0,
                unit,
            };
            if !entry.variants.is_empty() {
                (entry.weight, entry.score) = score(corpus, &entry);
            }
            entry
        })
        .filter(|entry| !entry.variants.is_empty())
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.source.cmp(&b.source)));
    ranked
}

/// The weight kept by an entry whose English is its source as written.
const COPIED: f64 = 0.7;

/// (weight, score) of an entry with at least one rendering.
fn score(corpus: &Corpus<'_>, entry: &Ranked) -> (f64, f64) {
    let n = entry.term.occurrences.len();
    let top = &entry.variants[0];
    let agreeing: usize = entry
        .variants
        .iter()
        .filter(|v| same_word(&v.surface.to_lowercase(), &top.surface.to_lowercase()))
        .map(|v| v.count)
        .sum();
    let consistency = agreeing as f64 / n as f64;
    let english_capitalised = top.surface.chars().next().is_some_and(char::is_uppercase);
    let single = entry.term.key.len() == 1;
    let acronym = single && entry.term.occurrences.iter().any(|o| corpus.source[o.start as usize].acronym);
    let weight = if entry.unit || (entry.term.name && (english_capitalised || acronym)) {
        1.0
    } else if !single {
        0.5
    } else {
        0.2
    };
    // A name the drafts copy as it is (`Pama`, `BNIMF`) is right, but a
    // translator needs no glossary to copy it; one that is translated
    // (`Filipina` → `Philippines`) is what a glossary is for.
    let copied = top.surface.to_lowercase() == entry.source.to_lowercase();
    let weight = if copied { weight * COPIED } else { weight };
    // Pairs the term occurs in: a term used across articles is what a
    // glossary is for; a name met in one article matters less.
    let mut docs: Vec<usize> = entry.term.occurrences.iter().map(|o| corpus.beads[o.bead as usize].doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let spread = (1.0 + n as f64).ln() + (1.0 + docs.len() as f64).ln();
    (weight, weight * spread * (0.25 + 0.75 * consistency))
}

/// Two renderings that are one word up to an ending (`Japan`/`Japanese`,
/// `share`/`shares`): grammar, not a different rendering.
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && long.len() - short.len() <= 3 && short.len() >= 3
}

/// One rendering key's count, first occurrence, and its spellings with
/// their counts away from and at a sentence start.
type Group<'a> = (usize, usize, HashMap<&'a str, (usize, usize)>);

/// The distinct renderings, most frequent first.
fn variants(renderings: &[Option<Rendering>]) -> Vec<Variant> {
    // key -> (count, first occurrence, surface -> (away from a sentence start, at one))
    let mut groups: HashMap<&[u32], Group<'_>> = HashMap::new();
    for (idx, rendering) in renderings.iter().enumerate() {
        let Some(rendering) = rendering else { continue };
        let group = groups.entry(&rendering.key).or_insert_with(|| (0, idx, HashMap::new()));
        group.0 += 1;
        let surface = group.2.entry(rendering.surface.as_str()).or_default();
        if rendering.initial {
            surface.1 += 1;
        } else {
            surface.0 += 1;
        }
    }
    let mut out: Vec<Variant> = groups
        .into_iter()
        .map(|(_, (count, first, surfaces))| {
            let surface = surfaces
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len())).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default();
            Variant { surface, count, first }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
    // The target: of the grammatical forms that together were used most
    // (`Japan` 10 + `Japanese` 10), the shortest, if it was used a third
    // as often as they all were; else their most used.
    let lower: Vec<String> = out.iter().map(|v| v.surface.to_lowercase()).collect();
    let family: Vec<Vec<usize>> = (0..out.len())
        .map(|idx| {
            (0..out.len())
                .filter(|&other| lower[idx] == lower[other] || same_word(&lower[idx], &lower[other]))
                .collect()
        })
        .collect();
    let totals: Vec<usize> = family.iter().map(|members| members.iter().map(|&m| out[m].count).sum()).collect();
    if let Some(leader) = (0..out.len()).max_by(|&a, &b| totals[a].cmp(&totals[b]).then(b.cmp(&a))) {
        let sum = totals[leader];
        let chosen = family[leader]
            .iter()
            .copied()
            .filter(|&idx| out[idx].count * 3 >= sum)
            .min_by(|&a, &b| out[a].surface.len().cmp(&out[b].surface.len()).then(a.cmp(&b)))
            .unwrap_or(leader);
        let target = out.remove(chosen);
        out.insert(0, target);
    }
    out
}

/// The source as most often written, preferring occurrences away from a
/// sentence start (`pemerintah`, not `Pemerintah`).
fn source_form(corpus: &Corpus<'_>, term: &Term) -> String {
    let mut forms: HashMap<String, (usize, usize)> = HashMap::new();
    for o in &term.occurrences {
        let bead = &corpus.beads[o.bead as usize];
        let text = &corpus.bead_text(bead).source;
        let first = &corpus.source[o.start as usize];
        let last = &corpus.source[o.end as usize - 1];
        let written = text[first.token.start..last.lemma_end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let counts = forms.entry(written).or_default();
        if first.initial {
            counts.1 += 1;
        } else {
            counts.0 += 1;
        }
    }
    forms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(form, _)| form)
        .unwrap_or_default()
}

/// Whether most occurrences, and three or more, follow an amount (a number,
/// not a year) — or, for an expression of several words, an amount or a
/// count word (`miliar dolar AS`). A single word after a count word is as
/// often a verb or a preposition (`persen dibanding`); two occurrences after
/// numbers may be counted things (`100 penumpang`).
fn is_unit(corpus: &Corpus<'_>, term: &Term, count_words: &HashSet<u32>) -> bool {
    // Short expressions without a function word inside (`dolar AS`, not
    // `dibandingkan periode yang sama tahun`).
    let multiword = (2..=3).contains(&term.key.len())
        && !term
            .key
            .iter()
            .any(|&k| super::function_words::is_indonesian(corpus.source_vocab.name(k)));
    let after_amount = term
        .occurrences
        .iter()
        .filter(|o| {
            let bead = &corpus.beads[o.bead as usize];
            let start = o.start as usize;
            start > bead.source.start && {
                let previous = &corpus.source[start - 1];
                super::candidates::is_amount_token(corpus, bead, start - 1) || (multiword && count_words.contains(&previous.key))
            }
        })
        .count();
    after_amount >= 3 && after_amount * 2 >= term.occurrences.len()
}
