//! Words as the aligner sees them: runs of letters and digits, joined by an
//! inner `-`, `'` or `’` (`kawan-kawan`, `Jum'at`, `it's`). Both the anchor
//! features (`anchors`) and the glossary term pairs (`term_pairs`) cut text
//! with these two functions, so a term pattern and a unit are cut alike;
//! they live here so that neither of those modules imports the other's
//! internals.

/// Words: runs of letters and digits, joined by inner `-`, `'` or `’`.
pub(super) fn words_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        } else if start.is_some() && matches!(c, '-' | '\'' | '’') && chars.peek().is_some_and(|&(_, next)| next.is_alphanumeric()) {
            continue;
        } else if let Some(word_start) = start.take() {
            out.push(&text[word_start..at]);
        }
    }
    if let Some(word_start) = start {
        out.push(&text[word_start..]);
    }
    out
}

/// [`words_of`] in lower case.
pub(super) fn words_lower(text: &str) -> Vec<String> {
    words_of(text).iter().map(|w| w.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(words_of("kawan-kawan Jum'at, it's -x"), vec!["kawan-kawan", "Jum'at", "it's", "x"]);
    }
}
