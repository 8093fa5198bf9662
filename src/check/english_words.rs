//! A list of common English words (SCOWL size 35, see `english_words.txt`)
//! in, a membership test out. The name rules use it to tell a respelled
//! name from a translated loanword: `Reguler` → `Regular` and `Nota` →
//! `Note` end in English words, `Clinton` → `Clinten` does not.

use std::collections::HashSet;
use std::sync::LazyLock;

const WORDS_TXT: &str = include_str!("english_words.txt");

static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    WORDS_TXT
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect()
});

/// Whether `word` (any case, a possessive or plural ending allowed) is a
/// common English word.
pub(crate) fn is_english_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let bare = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(&lower);
    WORDS.contains(bare) || bare.strip_suffix('s').is_some_and(|stem| WORDS.contains(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lower_case_and_unique() {
        let words: Vec<&str> = WORDS_TXT.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(words.len() > 30_000);
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(words.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn words_and_names() {
        assert!(is_english_word("Regular") && is_english_word("notes") && is_english_word("market's"));
        assert!(!is_english_word("Clinten") && !is_english_word("Lavrev") && !is_english_word("Suharyono"));
    }
}
