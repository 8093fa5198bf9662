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
//!   (`dikerahkan` for `kerah`, `pertemuan` for `temu`).
//! * **Nasal sound changes** (also `affix` entries only): meN- and peN-
//!   replace the first letter of a root that starts with `p`, `t`, `s` or
//!   `k` by their nasal — `memukul`/`pemukul` from `pukul`,
//!   `menulis`/`penulis` from `tulis`, `menyapu`/`penyapu` from `sapu`,
//!   `mengirim`/`pengiriman` from `kirim` (see [`nasal_prefix`]). The
//!   matcher searches such roots also without their first letter and accepts
//!   that shape only right after the matching nasal prefix, so `ulis` alone
//!   or `bulis` never match `tulis`. Roots of two letters or fewer are left
//!   out. Roots that keep their first letter after meN- (`mempunyai`,
//!   `mentaati`, loanwords such as `mensosialisasikan`) match through the
//!   plain prefixes.

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

/// The nasal prefixes that only come with a dropped first letter (`meny-`
/// before a root in `s`); the others (`mem-`, `men-`, `meng-`, …) are in
/// [`PREFIXES`] already.
pub const NASAL_ONLY_PREFIXES: [&str; 2] = ["meny", "peny"];

/// Every prefix a term may follow inside a word.
pub fn all_prefixes() -> impl Iterator<Item = &'static str> {
    PREFIXES.iter().chain(NASAL_ONLY_PREFIXES.iter()).copied()
}

/// The first letters that meN-/peN- drop.
pub fn drops_after_nasal(first_letter: u8) -> bool {
    matches!(first_letter, b'p' | b't' | b's' | b'k')
}

/// If `head` is the meN-/peN- prefix that replaces a root's first letter
/// `dropped`, how many of its last bytes stand for that letter (the nasal:
/// `m` for `p`, `n` for `t`, `ny` for `s`, `ng` for `k`).
pub fn nasal_prefix(head: &str, dropped: u8) -> Option<usize> {
    let (prefixes, nasal_len) = match dropped {
        b'p' => (["mem", "pem"], 1),
        b't' => (["men", "pen"], 1),
        b's' => (["meny", "peny"], 2),
        b'k' => (["meng", "peng"], 2),
        _ => return None,
    };
    prefixes.contains(&head).then_some(nasal_len)
}

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

/// Whether `head` is a prefix after which some term may start: one of
/// [`PREFIXES`] or of [`NASAL_ONLY_PREFIXES`].
pub fn is_any_prefix(head: &str) -> bool {
    is_prefix(head) || NASAL_ONLY_PREFIXES.contains(&head)
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
    fn nasal_prefixes_name_the_letter_they_replace() {
        assert_eq!(nasal_prefix("mem", b'p'), Some(1));
        assert_eq!(nasal_prefix("pen", b't'), Some(1));
        assert_eq!(nasal_prefix("meny", b's'), Some(2));
        assert_eq!(nasal_prefix("peng", b'k'), Some(2));
        assert_eq!(nasal_prefix("men", b'p'), None);
        assert_eq!(nasal_prefix("di", b'p'), None);
        assert_eq!(nasal_prefix("mem", b'b'), None);
        assert!(is_any_prefix("meny") && !is_prefix("meny"));
    }

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
