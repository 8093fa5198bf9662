//! Paragraphs: where the text breaks into blocks before sentences are cut.
//!
//! Scraped news has one paragraph per line, so by default a line break ends
//! a paragraph. Text typed or exported with hard-wrapped lines separates
//! paragraphs by blank lines instead. `ParagraphMode::Auto` tells the two
//! apart: it picks blank-line paragraphs only when the text has blank lines
//! *and* most line breaks inside its blocks fall mid-sentence (the line
//! before them does not end in sentence punctuation) — the mark of wrapping.

use super::ParagraphMode;
use super::sentence::{skip_whitespace, trim_end};

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding
/// whitespace; whitespace-only stretches are not paragraphs.
pub fn split(text: &str, mode: ParagraphMode) -> (ParagraphMode, Vec<(usize, usize)>) {
    let mode = match mode {
        ParagraphMode::Auto => detect(text),
        explicit => explicit,
    };
    let mut paragraphs = Vec::new();
    let bytes = text.as_bytes();
    let mut block_start = 0;
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let line = &text[line_start..newline];
        let line_is_blank = line.trim().is_empty();
        match mode {
            ParagraphMode::Blank if !line_is_blank => {}
            _ => {
                let end = if mode == ParagraphMode::Blank { line_start } else { newline };
                push_trimmed(text, block_start, end, &mut paragraphs);
                block_start = newline.min(bytes.len());
            }
        }
        line_start = newline + 1;
    }
    if mode == ParagraphMode::Blank {
        push_trimmed(text, block_start, bytes.len(), &mut paragraphs);
    }
    (mode, paragraphs)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    if start >= end {
        return;
    }
    let start = skip_whitespace(text, start, end);
    let end = trim_end(text, start, end);
    if start < end {
        out.push((start, end));
    }
}

fn detect(text: &str) -> ParagraphMode {
    let mut blank_lines = 0usize;
    let mut wrapped_breaks = 0usize;
    let mut sentence_breaks = 0usize;
    let mut previous: Option<&str> = None;
    for line in text.split('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_lines += 1;
            previous = None;
            continue;
        }
        if let Some(before) = previous {
            // A wrapped line breaks mid-sentence: the line before has no
            // final punctuation and either the next line goes on in
            // lowercase or the line before is long (a headline is short).
            let starts_lowercase = trimmed.chars().next().is_some_and(char::is_lowercase);
            if ends_sentence(before) || !(starts_lowercase || before.chars().count() >= 50) {
                sentence_breaks += 1;
            } else {
                wrapped_breaks += 1;
            }
        }
        previous = Some(trimmed);
    }
    if blank_lines > 0 && wrapped_breaks > sentence_breaks {
        ParagraphMode::Blank
    } else {
        ParagraphMode::Lines
    }
}

fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    line.ends_with(['.', '?', '!', '…', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str, mode: ParagraphMode) -> (ParagraphMode, Vec<&str>) {
        let (mode, ranges) = split(text, mode);
        (mode, ranges.iter().map(|&(s, e)| &text[s..e]).collect())
    }

    #[test]
    fn one_paragraph_per_line_by_default() {
        let text = "Judul\r\nKalimat satu. Dua.\n\n  Tiga.  \n";
        assert_eq!(
            paragraphs(text, ParagraphMode::Auto),
            (ParagraphMode::Lines, vec!["Judul", "Kalimat satu. Dua.", "Tiga."])
        );
    }

    #[test]
    fn hard_wrapped_blocks_are_detected() {
        let text = "MOSKOW - Korea Utara akan mendukung Rusia hingga mencapai\nkemenangan di Ukraina.\n\nMenteri Luar Negeri Choe Son Hui mengatakan hal\ntersebut di Moskow saat Amerika Serikat memperingatkan ribuan\npasukan Pyongyang berada di perbatasan Ukraina.\n";
        let (mode, found) = paragraphs(text, ParagraphMode::Auto);
        assert_eq!(mode, ParagraphMode::Blank);
        assert_eq!(found.len(), 2);
        assert!(found[1].starts_with("Menteri") && found[1].ends_with("Ukraina."));
    }

    #[test]
    fn explicit_mode_wins() {
        let text = "a\nb\n\nc";
        assert_eq!(paragraphs(text, ParagraphMode::Lines).1, vec!["a", "b", "c"]);
        assert_eq!(paragraphs(text, ParagraphMode::Blank).1, vec!["a\nb", "c"]);
    }

    #[test]
    fn empty_and_blank_text_have_no_paragraphs() {
        assert!(paragraphs("", ParagraphMode::Auto).1.is_empty());
        assert!(paragraphs(" \n\r\n\t", ParagraphMode::Blank).1.is_empty());
    }
}
