//! Indonesian word-shape rules the matcher applies at the edges of a
//! candidate: enclitics, reduplication and (for `affix` entries) prefixes
//! and suffixes. All functions work on normalised (case-folded) text.
//!
//! * **Enclitics** after the last word: a possessive `-ku`, `-mu`, `-nya`
//!   and/or a particle `-lah`, `-kah`, `-pun`, in that order
//!   (`Rusianya`, `negaranyalah`).
//! * **Reduplication**: the last word repeated after a hyphen, itself
//!   allowing enclitics (`kawan-kawan`, `negara-negaranya`).
//! * **Affixes** (entries with match mode `affix` only): one prefix from
//!   [`PREFIXES`] and/or one suffix `-kan`, `-an`, `-i`, then enclitics
//!   (`dikerahkan` for `kerah`, `pertemuan` for `temu`). Prefixes are taken
//!   as written; the sound changes of meN-/peN- that drop the root's first
//!   letter (`memukul` from `pukul`, `menulis` from `tulis`) are not undone,
//!   so such forms need their own glossary spelling.

use super::normalize::is_word_char;

/// Possessive enclitics.
const POSSESSIVES: [&str; 3] = ["nya", "ku", "mu"];
/// Particles, which may follow a possessive.
/// (`-tah` is left out: it is archaic and makes `bantah` look like `ban`.)
const PARTICLES: [&str; 3] = ["lah", "kah", "pun"];
/// Derivational suffixes for `affix` entries.
const SUFFIXES: [&str; 3] = ["kan", "an", "i"];
/// Prefixes for `affix` entries, as they appear before a root whose first
/// letter they keep: di-, ber- (be-, bel-), ter- (te-), ke-, se-, meN- (me-,
/// mem-, men-, meng-, menge-), peN- (pe-, pem-, pen-, peng-, penge-), per-,
/// and the stacked memper-, diper-, keber-.
pub const PREFIXES: [&str; 22] = [
    "di", "ber", "be", "bel", "ter", "te", "ke", "se", "me", "mem", "men", "meng", "menge", "pe", "pem", "pen", "peng", "penge", "per",
    "memper", "diper", "keber",
];

/// Byte index where the run of word characters ending at `idx` starts.
pub fn word_start(text: &str, idx: usize) -> usize {
    text[..idx]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(idx, |(i, _)| i)
}

/// Byte index where the run of word characters starting at `idx` ends.
pub fn word_end(text: &str, idx: usize) -> usize {
    text[idx..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| idx + i)
}

/// Whether `tail` is nothing, or enclitics only: possessive, particle, or
/// possessive then particle.
pub fn is_clitic_tail(tail: &str) -> bool {
    if tail.is_empty() {
        return true;
    }
    let after_possessive = POSSESSIVES.iter().find_map(|p| tail.strip_prefix(p)).unwrap_or(tail);
    after_possessive.is_empty() || PARTICLES.contains(&after_possessive)
}

/// Whether `tail` is a derivational suffix (optional) followed by enclitics.
pub fn is_suffix_tail(tail: &str) -> bool {
    is_clitic_tail(tail) || SUFFIXES.iter().any(|suffix| tail.strip_prefix(suffix).is_some_and(is_clitic_tail))
}

/// Whether `head` is one of the accepted prefixes.
pub fn is_prefix(head: &str) -> bool {
    PREFIXES.contains(&head)
}

/// If `text[end..]` is `-` followed by `last_word` (and enclitics), the end
/// of the repeated word without and with its enclitics.
pub fn reduplication_end(text: &str, end: usize, last_word: &str) -> Option<(usize, usize)> {
    if last_word.is_empty() {
        return None;
    }
    let after_hyphen = end + text[end..].strip_prefix('-').map(|_| 1)?;
    let rest = text[after_hyphen..].strip_prefix(last_word)?;
    let repeat_end = text.len() - rest.len();
    let word_done = word_end(text, repeat_end);
    is_clitic_tail(&text[repeat_end..word_done]).then_some((repeat_end, word_done))
}

/// The last word of a key: what follows its last space or hyphen.
pub fn last_word(key: &str) -> &str {
    key.rsplit([' ', '-']).next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_tails() {
        for tail in ["", "nya", "lah", "kah", "pun", "ku", "mu", "nyalah", "mupun"] {
            assert!(is_clitic_tail(tail), "{tail}");
        }
        for tail in ["n", "nyanya", "lahnya", "kan", "x"] {
            assert!(!is_clitic_tail(tail), "{tail}");
        }
    }

    #[test]
    fn suffix_tails() {
        assert!(is_suffix_tail("kan"));
        assert!(is_suffix_tail("annya"));
        assert!(is_suffix_tail("i"));
        assert!(!is_suffix_tail("kanan"));
    }

    #[test]
    fn reduplication() {
        let text = "kawan-kawannya datang";
        assert_eq!(reduplication_end(text, 5, "kawan"), Some((11, 14)));
        assert_eq!(reduplication_end("kawan-lawan", 5, "kawan"), None);
        assert_eq!(reduplication_end("kawan-kawanan", 5, "kawan"), None);
        assert_eq!(last_word("bangsa-bangsa"), "bangsa");
        assert_eq!(last_word("menteri luar negeri"), "negeri");
    }

    #[test]
    fn word_edges() {
        assert_eq!(word_start("di rusianya", 5), 3);
        assert_eq!(word_end("di rusianya!", 8), 11);
    }
}
