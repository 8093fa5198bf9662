//! Words as the aligner sees them: runs of letters and digits, joined by an
//! inner `-`, `'` or `’` (`kawan-kawan`, `Jum'at`, `it's`). Both the anchor
//! features (`anchors`) and the glossary term pairs (`term_pairs`) cut text
//! with these functions, so a term pattern and a unit are cut alike;
//! they live here so that neither of those modules imports the other's
//! internals.

/// Words: runs of letters and digits, joined by inner `-`, `'` or `’`.
pub(super) fn words_of(text: &str) -> Vec<&str> {
    word_iter(text).collect()
}

/// The words of [`words_of`], one at a time (nothing allocated). ASCII
/// characters are read as bytes: the term pairs scan every spelling of
/// the glossary with this on every run, and units are mostly ASCII.
pub(super) fn word_iter(text: &str) -> impl Iterator<Item = &str> {
    let char_at = move |at: usize| -> (char, usize) {
        match text.as_bytes()[at] {
            byte if byte.is_ascii() => (char::from(byte), 1),
            _ => text[at..].chars().next().map_or(('\u{FFFD}', 1), |c| (c, c.len_utf8())),
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start: Option<usize> = None;
        while at < text.len() {
            let (c, len) = char_at(at);
            let next = at + len;
            if c.is_alphanumeric() {
                start.get_or_insert(at);
            } else if start.is_some() && matches!(c, '-' | '\'' | '’') && next < text.len() && char_at(next).0.is_alphanumeric() {
                // A joiner inside a word (`kawan-kawan`, `it's`).
            } else if let Some(word_start) = start.take() {
                at = next;
                return Some(&text[word_start..next - len]);
            }
            at = next;
        }
        start.map(|word_start| &text[word_start..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(words_of("kawan-kawan Jum'at, it's -x"), vec!["kawan-kawan", "Jum'at", "it's", "x"]);
    }
}
