//! Glossary suggestion ("term mining"): a project's aligned source/draft
//! pairs in, proposed glossary entries out — the Indonesian term, the
//! English the drafts actually use for it, how often, the other renderings
//! and where to see it — best first, for a translator to review and append.
//!
//! The stages, one file each:
//!
//! 1. `text` — the pipeline's beads as text ([`BeadText`], made by
//!    [`bead_texts`] from a checked pair), and the tokeniser.
//! 2. `corpus` — every token keyed: Indonesian lemmas (enclitics and
//!    reduplication undone with the glossary's morphology), English words
//!    with plural and possessive folded.
//! 3. `lexicon` — word translation probabilities learnt from the corpus
//!    itself (IBM Model 1, both directions).
//! 4. `terms` — which word sequences are terms and where each occurs whole:
//!    nested and crossing pieces of longer names are resolved, combinations
//!    of two free parts are split.
//! 5. `phrase` — the draft span that translates each occurrence.
//! 6. `rank` — renderings counted, termhood weighed, entries ranked.
//! 7. `acronyms` — an acronym paired with its expansion where the source
//!    spells it out (`Bursa Efek Jakarta (BEJ)`).
//! 8. `write` — JSON Lines and the OmegaT-style TSV; `variants` — the
//!    project rule that reports mined terms rendered in several ways.
//!
//! Nothing here uses a dictionary or a list of terms: everything is learnt
//! from the pairs given, so the quality grows with the project. The only
//! word lists are closed-class words (`function_words`).
//!
//! Time and memory are linear in the corpus: beads are bounded in length
//! for the lexicon, candidates are at most [`candidates::MAX_WORDS`] long, and
//! each occurrence tries a bounded number of spans.

mod acronyms;
mod candidates;
mod corpus;
mod function_words;
mod lexicon;
mod phrase;
mod rank;
mod text;
pub mod variants;
pub mod write;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

pub use text::{BeadText, bead_texts};

use crate::glossary::Glossary;
use crate::glossary::normalize::{KeyOptions, key};
use corpus::Corpus;
use lexicon::Lexicon;
use phrase::BeadModel;

/// How to mine.
#[derive(Debug, Clone)]
pub struct SuggestConfig {
    /// An entry needs at least this many occurrences (default 2).
    pub min_count: usize,
    /// Also list terms the glossaries in use already have.
    pub include_known: bool,
    /// How many examples to give per entry.
    pub max_examples: usize,
}

impl Default for SuggestConfig {
    fn default() -> Self {
        SuggestConfig {
            min_count: 2,
            include_known: false,
            max_examples: 3,
        }
    }
}

/// One pair's beads, under the path shown in examples.
#[derive(Debug, Clone)]
pub struct PairBeads {
    pub path: String,
    pub beads: Vec<BeadText>,
}

/// Another English rendering of a suggested term, and how often it was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternative {
    pub target: String,
    pub count: usize,
}

/// Where a term occurs: the source file and unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub path: String,
    pub unit: String,
}

/// The long form an acronym stands for, as the source spells it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcronymExpansion {
    pub source: String,
    /// Its English, when the expansion itself was mined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// One proposed glossary entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub source: String,
    pub target: String,
    /// Occurrences whose aligned English is `target`.
    pub count: usize,
    /// Occurrences of the source term (whole, not inside a longer term).
    pub occurrences: usize,
    pub alternatives: Vec<Alternative>,
    pub examples: Vec<Example>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion: Option<AcronymExpansion>,
    /// Already in a glossary in use (listed only with `include_known`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub known: bool,
}

/// A mined term with everything the project rule needs to point at its
/// renderings.
#[derive(Debug, Clone)]
pub struct Mined {
    pub suggestion: Suggestion,
    /// Per rendering (as in the suggestion: target first, then the
    /// alternatives): (pair index, draft unit index and id, byte span in the
    /// draft file, source unit id) of its first use.
    pub first_uses: Vec<(usize, (usize, String), crate::text::Span, String)>,
    pub score: f64,
    /// The termhood weight of the term's kind (see `rank`): 1 for names and
    /// units, down to 0.2 for single lower-case words.
    pub weight: f64,
}

/// What one checked pair gives the project rules for mining: its beads as
/// text and the glossary terms matched in its source.
#[derive(Debug, Clone, Default)]
pub struct PairMining {
    pub beads: Vec<BeadText>,
    pub glossary_terms: Vec<String>,
}

impl PairMining {
    pub fn of(pair: &crate::check::Pair<'_>) -> PairMining {
        let mut glossary_terms: Vec<String> = pair.terms.iter().map(|t| t.term.clone()).collect();
        glossary_terms.sort();
        glossary_terms.dedup();
        PairMining {
            beads: bead_texts(pair),
            glossary_terms,
        }
    }
}

/// Mines `pairs` and returns every term found, best first (known terms
/// included and marked).
pub fn mine(pairs: &[PairBeads], known: &Glossary, config: &SuggestConfig) -> Vec<Mined> {
    mine_docs(pairs.iter().map(|p| (p.path.as_str(), p.beads.as_slice())).collect(), known, config)
}

/// Which mined terms to render and rank, told by what is known of them
/// before rendering: the term and its [`rank::Profile`].
type Keep<'k> = dyn Fn(&candidates::Term, &rank::Profile) -> bool + Sync + 'k;

/// [`mine`] over borrowed (label, beads) pairs.
fn mine_docs(docs: Vec<(&str, &[BeadText])>, known: &Glossary, config: &SuggestConfig) -> Vec<Mined> {
    mine_kept(docs, known, config, &|_, _| true, true)
}

/// [`mine_docs`], rendering and ranking only the terms `keep` keeps (the
/// others are left out of the result; rendering is most of the cost), and
/// looking for acronym expansions only if `expand`.
fn mine_kept(docs: Vec<(&str, &[BeadText])>, known: &Glossary, config: &SuggestConfig, keep: &Keep<'_>, expand: bool) -> Vec<Mined> {
    let corpus = Corpus::new(docs);
    let lexicon = train(&corpus);
    // Each bead's tables are built when first needed (many beads hold no
    // occurrence to render); renderings once per occurrence, whether the
    // test of compositional names or the final count asks first.
    let models: Vec<OnceLock<BeadModel>> = (0..corpus.beads.len()).map(|_| OnceLock::new()).collect();
    let model = |idx: u32| models[idx as usize].get_or_init(|| BeadModel::new(&corpus, &lexicon, idx as usize));
    let cache: RefCell<HashMap<candidates::TermOccurrence, Option<phrase::Rendering>>> = RefCell::new(HashMap::new());
    let render = |occurrence: &candidates::TermOccurrence| {
        if let Some(found) = cache.borrow().get(occurrence) {
            return found.clone();
        }
        let rendering = model(occurrence.bead).render(&corpus, occurrence);
        cache.borrow_mut().insert(*occurrence, rendering.clone());
        rendering
    };
    let renderings_of = |occurrences: &[candidates::TermOccurrence]| {
        let mut counts: HashMap<Box<[u32]>, usize> = HashMap::new();
        for rendering in occurrences.iter().filter_map(&render) {
            *counts.entry(rendering.key).or_default() += 1;
        }
        let mut counts: Vec<(Box<[u32]>, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts.into_iter().map(|(key, _)| key).collect()
    };
    let terms = candidates::find_terms(&corpus, config.min_count, &renderings_of);
    let count_words = candidates::count_words(&corpus);
    let terms: Vec<(candidates::Term, rank::Profile)> = terms
        .into_iter()
        .map(|term| {
            let profile = rank::profile(&corpus, &term, &count_words);
            (term, profile)
        })
        .filter(|(term, profile)| keep(term, profile))
        .collect();
    // The rest in parallel: each occurrence reads only its bead's tables.
    let cache = cache.into_inner();
    let renderings: Vec<Vec<Option<phrase::Rendering>>> = terms
        .par_iter()
        .map(|(term, _)| {
            term.occurrences
                .iter()
                .map(|o| match cache.get(o) {
                    Some(found) => found.clone(),
                    None => model(o.bead).render(&corpus, o),
                })
                .collect()
        })
        .collect();
    let ranked = rank::rank(
        &corpus,
        terms
            .into_iter()
            .zip(renderings)
            .map(|((term, profile), renderings)| (term, profile, renderings))
            .collect(),
    );
    let expansions = if expand {
        acronyms::expansions(&corpus, &ranked)
    } else {
        HashMap::new()
    };
    let known_keys = known_keys(known);
    ranked
        .iter()
        .enumerate()
        .map(|(idx, entry)| {
            let is_known = known_keys.contains(&key(&entry.source, KeyOptions::FOLDED));
            to_mined(&corpus, entry, expansions.get(&idx).cloned(), is_known, config)
        })
        .collect()
}

/// The suggestions for `pairs`: mined terms with at least `min_count`
/// occurrences, those the glossary `known` has left out unless
/// `include_known`, best first.
pub fn suggest(pairs: &[PairBeads], known: &Glossary, config: &SuggestConfig) -> Vec<Suggestion> {
    mine(pairs, known, config)
        .into_iter()
        .filter(|m| config.include_known || !m.suggestion.known)
        .map(|m| m.suggestion)
        .collect()
}

fn train(corpus: &Corpus<'_>) -> Lexicon {
    let beads: Vec<(Vec<u32>, Vec<u32>)> = corpus
        .beads
        .iter()
        .map(|bead| {
            let content = |kind| kind != text::TokenKind::Punct;
            let source = corpus.source[bead.source.clone()]
                .iter()
                .filter(|t| content(t.token.kind))
                .map(|t| t.key)
                .collect();
            let target = corpus.target[bead.target.clone()]
                .iter()
                .filter(|t| content(t.token.kind))
                .map(|t| t.key)
                .collect();
            (source, target)
        })
        .collect();
    // Each word's spelling once; the prior is asked once per word pair.
    let source_lower: Vec<String> = corpus
        .source_vocab
        .ids()
        .map(|f| corpus.source_vocab.name(f).to_lowercase())
        .collect();
    let source_spellings: Vec<lexicon::PriorWord> = source_lower.iter().map(|f| lexicon::PriorWord::new(f)).collect();
    let target_spellings: Vec<lexicon::PriorWord> = corpus
        .target_vocab
        .ids()
        .map(|e| lexicon::PriorWord::new(corpus.target_vocab.name(e)))
        .collect();
    let prior = |f: u32, e: u32| lexicon::prior_of(&source_spellings[f as usize], &target_spellings[e as usize]);
    Lexicon::train(&beads, prior)
}

/// Folded keys of every source spelling of `glossary`.
fn known_keys(glossary: &Glossary) -> HashSet<String> {
    glossary
        .entries
        .iter()
        .flat_map(|entry| entry.sources.iter())
        .map(|source| key(source, KeyOptions::FOLDED))
        .collect()
}

fn to_mined(corpus: &Corpus<'_>, entry: &rank::Ranked, expansion: Option<AcronymExpansion>, known: bool, config: &SuggestConfig) -> Mined {
    let location = |occurrence_idx: usize| {
        let occurrence = &entry.term.occurrences[occurrence_idx];
        let bead = &corpus.beads[occurrence.bead as usize];
        let text = corpus.bead_text(bead);
        let offset = corpus.source[occurrence.start as usize].token.start;
        (bead.doc, text, text.source_unit_at(offset).to_string())
    };
    let mut examples = Vec::new();
    let mut seen = HashSet::new();
    for idx in 0..entry.term.occurrences.len() {
        if examples.len() >= config.max_examples {
            break;
        }
        let (doc, _, unit) = location(idx);
        if seen.insert((doc, unit.clone())) {
            examples.push(Example {
                path: corpus.docs[doc].0.to_string(),
                unit,
            });
        }
    }
    let first_uses = entry
        .variants
        .iter()
        .filter_map(|variant| {
            let (doc, text, source_unit) = location(variant.first);
            let rendering = entry.renderings[variant.first].as_ref()?;
            let span = crate::text::Span::new(text.target_base + rendering.start, text.target_base + rendering.end);
            let target_unit = (
                text.target_unit_idx_at(rendering.start),
                text.target_unit_at(rendering.start).to_string(),
            );
            Some((doc, target_unit, span, source_unit))
        })
        .collect();
    let top = &entry.variants[0];
    Mined {
        suggestion: Suggestion {
            source: entry.source.clone(),
            target: top.surface.clone(),
            count: top.count,
            occurrences: entry.term.occurrences.len(),
            alternatives: entry.variants[1..]
                .iter()
                .map(|v| Alternative {
                    target: v.surface.clone(),
                    count: v.count,
                })
                .collect(),
            examples,
            expansion,
            known,
        },
        first_uses,
        score: entry.score,
        weight: entry.weight,
    }
}
