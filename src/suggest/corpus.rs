//! The mining corpus: every bead of every pair, tokenised, with each token
//! reduced to a key the statistics count.
//!
//! **Source keys.** A word's key is its lemma, lower-cased with the
//! glossary's normalisation (`normalize::key`), except that an acronym of up
//! to five letters keeps its capitals (`AS` the country is not `as`, as in
//! the matcher). The lemma undoes what the glossary matcher lets a term
//! carry (`glossary::morph`):
//!
//! * an enclitic after a hyphen: `APBD-nya` → `APBD`;
//! * reduplication, when the single word occurs on its own somewhere in the
//!   corpus: `negara-negara` → `negara` (but `kupu-kupu` stays);
//! * a glued `-nya`, when what is left has three letters or more and occurs
//!   on its own somewhere in the corpus: `presidennya` → `presiden`, while
//!   `hanya`, `punya`, `Kenya` stay.
//!
//! Glued `-lah`, `-kah`, `-pun`, `-ku`, `-mu` are left alone: too many plain
//! words end so (`masalah` is not `masa` + `-lah`, `Abdullah` not `Abdul`).
//!
//! **Draft keys.** English words are lower-cased, a possessive `'s` or `'`
//! is dropped, and a plural `-s`, `-es` or `-ies` is folded when the
//! singular occurs in the drafts too (`dollars` → `dollar`, `agencies` →
//! `agency`; `news` and `Paris` stay).
//!
//! Numbers on both sides share one key, so the lexicon learns that they
//! translate each other whatever their notation.

use std::collections::HashMap;

use super::text::{BeadText, Token, TokenKind, is_acronym, is_capitalised, tokenize};
use crate::glossary::normalize::{KeyOptions, key};

/// Interned keys.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Vocab {
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// Every id given so far.
    pub fn ids(&self) -> std::ops::Range<u32> {
        0..self.names.len() as u32
    }
}

/// The key of every number.
pub const NUMBER_KEY: &str = "<num>";

/// A source token with its key and shape.
#[derive(Debug, Clone, Copy)]
pub struct SourceToken {
    pub token: Token,
    /// End of the lemma (before an enclitic or a reduplication).
    pub lemma_end: usize,
    pub key: u32,
    /// Starts with a capital letter.
    pub capitalised: bool,
    /// Written like an acronym (`BI`, `APBN`).
    pub acronym: bool,
    /// First word of a unit, or right after an opening quote, bracket,
    /// colon or dash: its capital says nothing.
    pub initial: bool,
}

/// A draft token with its key.
#[derive(Debug, Clone, Copy)]
pub struct TargetToken {
    pub token: Token,
    pub key: u32,
    pub initial: bool,
}

/// One bead: where its tokens are and where it came from.
#[derive(Debug, Clone)]
pub struct TokenBead {
    pub doc: usize,
    pub bead: usize,
    pub source: std::ops::Range<usize>,
    pub target: std::ops::Range<usize>,
}

/// The tokenised corpus.
#[derive(Debug)]
pub struct Corpus<'a> {
    /// (path, beads) per pair, in the order given.
    pub docs: Vec<(&'a str, &'a [BeadText])>,
    pub beads: Vec<TokenBead>,
    pub source: Vec<SourceToken>,
    pub target: Vec<TargetToken>,
    pub source_vocab: Vocab,
    pub target_vocab: Vocab,
}

impl<'a> Corpus<'a> {
    pub fn new(docs: Vec<(&'a str, &'a [BeadText])>) -> Corpus<'a> {
        let mut beads = Vec::new();
        let mut source_tokens = Vec::new();
        let mut target_tokens = Vec::new();
        for (doc_idx, (_, texts)) in docs.iter().enumerate() {
            for (bead_idx, bead) in texts.iter().enumerate() {
                let source = tokenize(&bead.source);
                let target = tokenize(&bead.target);
                beads.push(TokenBead {
                    doc: doc_idx,
                    bead: bead_idx,
                    source: source_tokens.len()..source_tokens.len() + source.len(),
                    target: target_tokens.len()..target_tokens.len() + target.len(),
                });
                source_tokens.extend(source);
                target_tokens.extend(target);
            }
        }
        let text_of = |bead: &TokenBead| &docs[bead.doc].1[bead.bead];
        // Word forms seen, to validate lemmas and singulars. Each distinct
        // spelling is normalised once (most tokens repeat one seen before).
        let mut source_spellings: HashMap<&str, u32> = HashMap::new();
        let mut target_spellings: HashMap<&str, u32> = HashMap::new();
        for bead in &beads {
            let text = text_of(bead);
            for token in &source_tokens[bead.source.clone()] {
                if token.kind == TokenKind::Word {
                    *source_spellings.entry(token.text(&text.source)).or_default() += 1;
                }
            }
            for token in &target_tokens[bead.target.clone()] {
                if token.kind == TokenKind::Word {
                    *target_spellings.entry(token.text(&text.target)).or_default() += 1;
                }
            }
        }
        let mut source_forms: HashMap<String, u32> = HashMap::new();
        for (spelling, n) in &source_spellings {
            *source_forms.entry(key(spelling, KeyOptions::FOLDED)).or_default() += n;
        }
        let mut target_forms: HashMap<String, u32> = HashMap::new();
        for (spelling, n) in &target_spellings {
            *target_forms
                .entry(strip_possessive(&key(spelling, KeyOptions::FOLDED)).to_string())
                .or_default() += n;
        }
        let mut source_vocab = Vocab::default();
        let mut target_vocab = Vocab::default();
        source_vocab.intern(NUMBER_KEY);
        target_vocab.intern(NUMBER_KEY);
        // Per distinct source spelling: lemma length, key, capitalised,
        // acronym; per distinct draft spelling: key. Interned at their first
        // use, so the ids are those of a token-by-token pass.
        let mut source_words: HashMap<&str, (usize, u32, bool, bool)> = HashMap::new();
        let mut target_words: HashMap<&str, u32> = HashMap::new();
        let mut source = Vec::with_capacity(source_tokens.len());
        let mut target = Vec::with_capacity(target_tokens.len());
        for bead in &beads {
            let text = text_of(bead);
            let tokens = &source_tokens[bead.source.clone()];
            for (idx, token) in tokens.iter().enumerate() {
                let initial = is_initial(&text.source, tokens, idx, &text.source_units);
                let surface = token.text(&text.source);
                let (lemma_len, key_id, capitalised, acronym) = match token.kind {
                    TokenKind::Number => (surface.len(), 0, is_capitalised(surface), is_acronym(surface)),
                    TokenKind::Punct => (
                        surface.len(),
                        source_vocab.intern(surface),
                        is_capitalised(surface),
                        is_acronym(surface),
                    ),
                    TokenKind::Word => *source_words.entry(surface).or_insert_with(|| {
                        let lemma_len = lemma_len(surface, &source_forms);
                        let lemma = &surface[..lemma_len];
                        (
                            lemma_len,
                            source_vocab.intern(&source_key(lemma)),
                            is_capitalised(surface),
                            is_acronym(lemma),
                        )
                    }),
                };
                source.push(SourceToken {
                    token: *token,
                    lemma_end: token.start + lemma_len,
                    key: key_id,
                    capitalised,
                    acronym,
                    initial,
                });
            }
            let tokens = &target_tokens[bead.target.clone()];
            for (idx, token) in tokens.iter().enumerate() {
                let initial = is_initial(&text.target, tokens, idx, &text.target_units);
                let surface = token.text(&text.target);
                let key_id = match token.kind {
                    TokenKind::Number => 0,
                    TokenKind::Punct => target_vocab.intern(surface),
                    TokenKind::Word => *target_words
                        .entry(surface)
                        .or_insert_with(|| target_vocab.intern(&english_key(surface, &target_forms))),
                };
                target.push(TargetToken {
                    token: *token,
                    key: key_id,
                    initial,
                });
            }
        }
        Corpus {
            docs,
            beads,
            source,
            target,
            source_vocab,
            target_vocab,
        }
    }

    pub fn bead_text(&self, bead: &TokenBead) -> &'a BeadText {
        &self.docs[bead.doc].1[bead.bead]
    }
}

/// The source key of a lemma: folded, but acronyms of up to five letters
/// keep their capitals.
pub fn source_key(lemma: &str) -> String {
    if is_acronym(lemma) && lemma.chars().filter(|c| c.is_alphabetic()).count() <= 5 {
        key(lemma, KeyOptions::CASED)
    } else {
        key(lemma, KeyOptions::FOLDED)
    }
}

/// How many bytes of `word` its lemma keeps (see the module header).
fn lemma_len(word: &str, forms: &HashMap<String, u32>) -> usize {
    let folded = key(word, KeyOptions::FOLDED);
    let attested = |form: &str| forms.get(form).is_some_and(|&n| n > 0);
    if let Some((head, tail)) = folded.rsplit_once('-') {
        let head_len = byte_len_of_chars(word, head.chars().count());
        if !tail.is_empty() && crate::glossary::morph::is_clitic_tail(tail) {
            return head_len;
        }
        let last = crate::glossary::morph::last_word(head);
        let repeated = tail.strip_prefix(last).is_some_and(crate::glossary::morph::is_clitic_tail);
        if repeated && !head.contains('-') && attested(head) {
            return head_len;
        }
        return word.len();
    }
    if let Some(base) = folded.strip_suffix("nya")
        && base.chars().count() >= 3
        && attested(base)
    {
        return byte_len_of_chars(word, base.chars().count());
    }
    word.len()
}

/// Bytes taken by the first `n_chars` characters of `word`.
fn byte_len_of_chars(word: &str, n_chars: usize) -> usize {
    word.char_indices().nth(n_chars).map_or(word.len(), |(idx, _)| idx)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word)
}

/// The draft key of an English word (see the module header).
pub fn english_key(word: &str, forms: &HashMap<String, u32>) -> String {
    let folded = key(word, KeyOptions::FOLDED);
    let bare = strip_possessive(&folded);
    let attested = |form: &str| forms.get(form).is_some_and(|&n| n > 0);
    if bare.chars().count() > 3 {
        if let Some(stem) = bare.strip_suffix("ies")
            && attested(&format!("{stem}y"))
        {
            return format!("{stem}y");
        }
        if let Some(stem) = bare.strip_suffix("es")
            && attested(stem)
        {
            return stem.to_string();
        }
        if let Some(stem) = bare.strip_suffix('s')
            && !stem.ends_with('s')
            && attested(stem)
        {
            return stem.to_string();
        }
    }
    bare.to_string()
}

/// Whether token `idx` starts a sentence for the purpose of capitals.
fn is_initial(text: &str, tokens: &[Token], idx: usize, units: &[(usize, String)]) -> bool {
    let start = tokens[idx].start;
    if units.iter().any(|(unit_start, _)| *unit_start == start) {
        return true;
    }
    match idx.checked_sub(1).map(|prev| tokens[prev]) {
        None => true,
        Some(prev) if prev.kind == TokenKind::Punct => {
            matches!(
                prev.text(text),
                "\"" | "“" | "‘" | "'" | "(" | "[" | ":" | "-" | "–" | "—" | "." | "!" | "?"
            )
        }
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(words: &[&str]) -> HashMap<String, u32> {
        words.iter().map(|w| (w.to_string(), 1)).collect()
    }

    #[test]
    fn lemmas_undo_enclitics_and_reduplication() {
        let seen = forms(&["presiden", "negara"]);
        let lemma = |w: &'static str| &w[..lemma_len(w, &seen)];
        assert_eq!(lemma("APBD-nya"), "APBD");
        assert_eq!(lemma("presidennya"), "presiden");
        assert_eq!(lemma("negara-negara"), "negara");
        assert_eq!(lemma("kupu-kupu"), "kupu-kupu");
        assert_eq!(lemma("hanya"), "hanya");
        assert_eq!(lemma("Kenya"), "Kenya");
        assert_eq!(lemma("masalah"), "masalah");
    }

    #[test]
    fn english_plurals_and_possessives_fold() {
        let seen = forms(&["dollar", "agency", "news"]);
        assert_eq!(english_key("dollars", &seen), "dollar");
        assert_eq!(english_key("Agencies", &seen), "agency");
        assert_eq!(english_key("dollar's", &seen), "dollar");
        assert_eq!(english_key("news", &seen), "news");
        assert_eq!(english_key("Paris", &seen), "paris");
    }

    #[test]
    fn acronyms_keep_their_capitals() {
        assert_eq!(source_key("AS"), "AS");
        assert_eq!(source_key("as"), "as");
        assert_eq!(source_key("Jepang"), "jepang");
    }
}
