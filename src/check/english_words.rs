//! A list of common English words (SCOWL size 35, see `english_words.txt`)
//! in, a membership test out. The name rules use it to tell a respelled
//! name from a translated loanword: `Reguler` → `Regular` and `Nota` →
//! `Note` end in English words, `Clinton` → `Clinten` does not.

const WORDS_TXT: &str = include_str!("english_words.txt");

/// The list without its comment header: sorted, unique, one word a line.
/// Searched in place, so a run that asks about one word pays for a dozen
/// comparisons and not for building a set of 41,000 words.
fn body() -> &'static str {
    let mut rest = WORDS_TXT;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest
}

/// Binary search of the sorted lines of `list` for `word`.
fn contains(list: &str, word: &str) -> bool {
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // The line around `mid`; `lo` always sits at the start of a line.
        let start = list[..mid].rfind('\n').map_or(0, |at| at + 1).max(lo);
        let end = list[start..].find('\n').map_or(list.len(), |at| start + at);
        match list[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Whether `word` (any case, a possessive or plural ending allowed) is a
/// common English word.
pub(crate) fn is_english_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let bare = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(&lower);
    let list = body();
    !bare.is_empty() && (contains(list, bare) || bare.strip_suffix('s').is_some_and(|stem| contains(list, stem)))
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
    fn every_listed_word_is_found_and_near_misses_are_not() {
        let words: Vec<&str> = body().lines().collect();
        assert!(words.iter().all(|w| contains(body(), w)), "a listed word is not found");
        for w in &words {
            assert!(!contains(body(), &format!("{w}zzz")) || words.contains(&format!("{w}zzz").as_str()));
        }
        assert!(!contains(body(), "") && !contains(body(), "aaaaaa") && !contains(body(), "zzzzzzz"));
    }

    #[test]
    fn words_and_names() {
        assert!(is_english_word("Regular") && is_english_word("notes") && is_english_word("market's"));
        assert!(!is_english_word("Clinten") && !is_english_word("Lavrev") && !is_english_word("Suharyono"));
    }
}
