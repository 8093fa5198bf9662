//! Acronyms paired with their expansions, where the source spells one out:
//! `Bursa Efek Jakarta (BEJ)` or `BEJ (Bursa Efek Jakarta)`.
//!
//! The expansion is the shortest run of words before the bracket (or the
//! words inside it) whose initials, function words aside, spell the acronym
//! (`Badan Usaha Milik Negara` for `BUMN`, `Indeks Harga Saham Gabungan` for
//! `IHSG`). Acronyms built from syllables (`Bappenas`) are not recognised.
//! The expansion most often given wins; its English is the target of the
//! expansion's own entry, when it was mined.

use std::collections::HashMap;

use super::AcronymExpansion;
use super::corpus::{Corpus, SourceToken};
use super::function_words;
use super::rank::Ranked;
use super::text::TokenKind;

/// The most words an expansion may have.
const MAX_EXPANSION_WORDS: usize = 10;

/// Per ranked entry (by index) that is an acronym with a spelt-out form:
/// the expansion.
pub fn expansions(corpus: &Corpus<'_>, ranked: &[Ranked]) -> HashMap<usize, AcronymExpansion> {
    // acronym key -> expansion keys -> (count, as written)
    let mut found: HashMap<u32, HashMap<Vec<u32>, (usize, String)>> = HashMap::new();
    for bead in &corpus.beads {
        let tokens = &corpus.source[bead.source.clone()];
        let text = &corpus.bead_text(bead).source;
        let is = |idx: usize, what: &str| {
            tokens
                .get(idx)
                .is_some_and(|t| t.token.kind == TokenKind::Punct && t.token.text(text) == what)
        };
        for (idx, token) in tokens.iter().enumerate() {
            if !token.acronym {
                continue;
            }
            let letters: String = token
                .token
                .text(text)
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            // Words (…) before `(ACR)`.
            if idx >= 2 && is(idx - 1, "(") && is(idx + 1, ")") {
                let words_start = (0..idx - 1).rev().take_while(|&k| tokens[k].token.kind == TokenKind::Word).last();
                if let Some(words_start) = words_start {
                    let words = &tokens[words_start..idx - 1];
                    let matched =
                        (1..=words.len().min(MAX_EXPANSION_WORDS)).find(|&k| spells(corpus, &words[words.len() - k..], text, &letters));
                    if let Some(k) = matched {
                        record(&mut found, token.key, &words[words.len() - k..], text);
                    }
                }
            }
            // `ACR (…)`.
            if is(idx + 1, "(") {
                let words: Vec<&SourceToken> = tokens[idx + 2..].iter().take_while(|t| t.token.kind == TokenKind::Word).collect();
                let closed = is(idx + 2 + words.len(), ")");
                if closed && !words.is_empty() && words.len() <= MAX_EXPANSION_WORDS {
                    let words: Vec<SourceToken> = words.into_iter().copied().collect();
                    if spells(corpus, &words, text, &letters) {
                        record(&mut found, token.key, &words, text);
                    }
                }
            }
        }
    }
    let by_key: HashMap<&[u32], usize> = ranked.iter().enumerate().map(|(idx, r)| (&*r.term.key, idx)).collect();
    let mut out = HashMap::new();
    for (idx, entry) in ranked.iter().enumerate() {
        let [acronym] = *entry.term.key else { continue };
        let Some(options) = found.get(&acronym) else { continue };
        let Some((keys, (_, written))) = options.iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(a.0))) else {
            continue;
        };
        let mined = by_key.get(keys.as_slice()).map(|&i| &ranked[i]);
        out.insert(
            idx,
            AcronymExpansion {
                source: mined.map_or_else(|| written.clone(), |m| m.source.clone()),
                target: mined.map(|m| m.variants[0].surface.clone()),
            },
        );
    }
    out
}

/// Whether the initials of `words` (function words aside) are `letters`.
fn spells(corpus: &Corpus<'_>, words: &[SourceToken], text: &str, letters: &str) -> bool {
    let initials: String = words
        .iter()
        .filter(|w| {
            let name = corpus.source_vocab.name(w.key);
            !(function_words::is_indonesian(name) || function_words::is_english(name))
        })
        .filter_map(|w| w.token.text(text).chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    initials.len() >= 2 && initials == letters
}

fn record(found: &mut HashMap<u32, HashMap<Vec<u32>, (usize, String)>>, acronym: u32, words: &[SourceToken], text: &str) {
    let keys: Vec<u32> = words.iter().map(|w| w.key).collect();
    let written = text[words[0].token.start..words[words.len() - 1].lemma_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let entry = found.entry(acronym).or_default().entry(keys).or_insert((0, written));
    entry.0 += 1;
}
