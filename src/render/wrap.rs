//! Word wrapping of styled text for the terminal: display widths, greedy
//! line filling, and making untrusted text safe to send to a terminal.
//!
//! Widths come from `unicode-width` (East Asian wide characters count two
//! columns, combining marks zero), because counting `char`s misplaces the
//! column divider as soon as a Korean or Chinese name, an emoji or a
//! decomposed accent turns up in scraped text. Text is never truncated: a
//! word longer than the line is broken between characters instead, and a
//! zero-width character never starts a line, so accents stay on their base.

use anstyle::Style;
use unicode_width::UnicodeWidthChar;

/// A run of text drawn in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    pub text: String,
    pub style: Style,
}

impl Frag {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Frag { text: text.into(), style }
    }
}

/// One output line: its fragments and its display width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub frags: Vec<Frag>,
    pub width: usize,
}

impl Line {
    fn push(&mut self, c: char, style: Style) {
        // No-break spaces have done their job once the line is laid out.
        let c = if is_no_break_space(c) { ' ' } else { c };
        self.width += char_width(c);
        match self.frags.last_mut() {
            Some(last) if last.style == style => last.text.push(c),
            _ => self.frags.push(Frag::new(c.to_string(), style)),
        }
    }
}

/// Spaces that join words rather than separate them: the view uses U+00A0
/// to keep a marker such as `[missing: North Korea]` on one line.
pub fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Display width of one (already sanitised) character.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string.
pub fn text_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Replaces what a terminal would act on rather than show. Scraped text can
/// carry escape sequences (which could recolour or retitle the terminal) or
/// bidirectional overrides (which reorder what is shown, the "Trojan Source"
/// trick); they are drawn as visible stand-ins. Line breaks and tabs become
/// spaces, since the view does its own line breaking.
pub fn sanitise(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
        '\u{00}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        _ => c,
    }
}

/// `text` with every character that `sanitise` changes replaced, for text
/// shown on one line (a unit in `segment`'s or `align`'s listing, an
/// excerpt under a finding): line breaks and tabs become spaces.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(|c| sanitise(c) == c) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(sanitise).collect())
}

/// `text` made safe for a terminal as `one_line` does, but keeping line
/// breaks and tabs: for messages that may run over several lines.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| matches!(c, '\n' | '\t') || sanitise(c) == c;
    if text.chars().all(keep) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(|c| if keep(c) { c } else { sanitise(c) }).collect())
}

/// Wraps `frags` into lines at most `width` columns wide (a width below 2 is
/// taken as 2, so a wide character always fits). Runs of whitespace become
/// one space; breaks go between words where possible.
pub fn wrap(frags: &[Frag], width: usize) -> Vec<Line> {
    let width = width.max(2);
    let mut lines = vec![Line::default()];
    let mut word: Vec<(char, Style)> = Vec::new();
    let mut pending_space: Option<Style> = None;
    for frag in frags {
        for c in frag.text.chars().map(sanitise) {
            if c.is_whitespace() && !is_no_break_space(c) {
                place_word(&mut lines, &mut word, &mut pending_space, width);
                // Only a space between two words is drawn; `place_word`
                // drops one at the start of a line.
                pending_space.get_or_insert(frag.style);
            } else {
                word.push((c, frag.style));
            }
        }
    }
    place_word(&mut lines, &mut word, &mut pending_space, width);
    lines
}

fn place_word(lines: &mut Vec<Line>, word: &mut Vec<(char, Style)>, pending_space: &mut Option<Style>, width: usize) {
    if word.is_empty() {
        return;
    }
    let word_width: usize = word.iter().map(|&(c, _)| char_width(c)).sum();
    let line = lines.last_mut().expect("wrap starts with one line");
    let space_width = usize::from(pending_space.is_some() && line.width > 0);
    if line.width > 0 && line.width + space_width + word_width > width {
        lines.push(Line::default());
    } else if let Some(style) = pending_space.filter(|_| line.width > 0) {
        line.push(' ', style);
    }
    *pending_space = None;
    for &(c, style) in word.iter() {
        let line = lines.last_mut().expect("wrap starts with one line");
        if line.width > 0 && line.width + char_width(c) > width {
            lines.push(Line::default());
        }
        lines.last_mut().expect("just pushed").push(c, style);
    }
    word.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|line| line.frags.iter().map(|frag| frag.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_between_words_and_never_drops_text() {
        let frags = [Frag::new("Korea Utara akan   mendukung Rusia", Style::new())];
        assert_eq!(plain(&wrap(&frags, 12)), ["Korea Utara", "akan", "mendukung", "Rusia"]);
        assert_eq!(plain(&wrap(&frags, 100)), ["Korea Utara akan mendukung Rusia"]);
        let joined = [Frag::new("a [missing:\u{A0}North\u{A0}Korea]", Style::new())];
        assert_eq!(plain(&wrap(&joined, 23)), ["a", "[missing: North Korea]"]);
        assert_eq!(plain(&wrap(&joined, 24)), ["a [missing: North Korea]"]);
        let long = [Frag::new("antarbenua", Style::new())];
        assert_eq!(plain(&wrap(&long, 4)), ["anta", "rben", "ua"]);
    }

    #[test]
    fn wide_and_combining_characters_take_their_display_width() {
        // 조선 is four columns wide; "e" + U+0301 is one column.
        let frags = [Frag::new("조선 cafe\u{301} x", Style::new())];
        let lines = wrap(&frags, 6);
        assert_eq!(plain(&lines), ["조선", "cafe\u{301} x"]);
        assert_eq!(lines.iter().map(|line| line.width).collect::<Vec<_>>(), [4, 6]);
        assert_eq!(text_width("조선"), 4);
    }

    #[test]
    fn escapes_and_bidi_overrides_become_visible() {
        let frags = [Frag::new("a\u{1b}[31mb\u{202E}c", Style::new())];
        assert_eq!(plain(&wrap(&frags, 80)), ["a\u{241B}[31mb\u{FFFD}c"]);
    }

    proptest::proptest! {
        #[test]
        fn wrapping_keeps_every_visible_character(text in "[a-z조 \u{301}]{0,60}", width in 2usize..30) {
            let lines = wrap(&[Frag::new(text.clone(), Style::new())], width);
            let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let joined: String = plain(&lines).concat();
            proptest::prop_assert_eq!(visible(&joined), visible(&text));
            proptest::prop_assert!(lines.iter().all(|line| line.width <= width));
        }
    }

    #[test]
    fn styles_stay_with_their_characters_across_breaks() {
        let bold = Style::new().bold();
        let frags = [
            Frag::new("North ", Style::new()),
            Frag::new("Korea", bold),
            Frag::new(",", Style::new()),
        ];
        let lines = wrap(&frags, 7);
        assert_eq!(plain(&lines), ["North", "Korea,"]);
        assert_eq!(lines[1].frags[0], Frag::new("Korea", bold));
    }
}
