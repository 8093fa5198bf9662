//! The one-line excerpt `check --format human` shows for each side of a
//! finding: some context, the marked words, some context, and whether a
//! caret line belongs under it.
//!
//! Decisions:
//!
//! * The excerpt is cut from the line the span starts on, at most
//!   `CONTEXT_CHARS` characters either side of the span, with `…` where
//!   text was left out.
//! * In an XML document (a bilingual XLIFF file) the context stops at the
//!   element the span is in (`<source>`, `<target>`, `<seg-source>`,
//!   `<segment>`): what is shown is the unit's text as the translator reads
//!   it, inline tags left out and entities resolved (`&quot;` is `"`).
//! * A span that covers everything shown (a finding about a whole unit) gets
//!   no caret line: there is nothing narrower to point at.
//! * A longer span than `MARK_CHARS` characters is shown as its beginning
//!   and end with `…` between, so that no caret line runs to hundreds of
//!   `^`: carets never exceed the span nor the text shown above them.

use crate::text::Span;

/// Characters of context shown on each side of a marked span.
const CONTEXT_CHARS: usize = 50;
/// Longest marked text shown whole; longer ones keep their two ends.
const MARK_CHARS: usize = 60;

/// What one excerpt line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// Context before the marked words (starting with `…` when cut).
    pub before: String,
    /// The marked words (shortened in the middle when long).
    pub marked: String,
    /// Context after them (ending with `…` when cut).
    pub after: String,
    /// Whether a caret line should point at `marked`.
    pub point: bool,
}

/// The excerpt of `span` in `text`; `markup` says that `text` is XML.
pub fn excerpt(text: &str, span: Span, markup: bool) -> Excerpt {
    let start = floor_boundary(text, span.start.min(text.len()));
    let end = floor_boundary(text, span.end.clamp(start, text.len()));
    // The line around the span, looked for no further than a window
    // either side: a finding on a line of many megabytes costs no more
    // than one on a short line (issue 12).
    let window_start = floor_boundary(text, start.saturating_sub(REGION_BYTES));
    let mut region_start = text[window_start..start].rfind('\n').map_or(window_start, |i| window_start + i + 1);
    let window_end = ceil_boundary(text, end.saturating_add(REGION_BYTES).min(text.len()));
    let mut region_end = text[start..window_end].find('\n').map_or(window_end, |i| start + i);
    let mark_end = end.min(region_end);
    if markup {
        (region_start, region_end) = element_bounds(text, region_start, start, mark_end, region_end);
    }
    let display = |raw: &str| {
        if markup {
            xml_text(raw)
        } else {
            raw.trim_end_matches('\r').to_string()
        }
    };
    let before = display(&text[region_start..start]);
    // A marked stretch longer than any sentence (a whole unit of a long
    // line) is shown by its two ends, whatever its size.
    let marked = if mark_end - start > LONG_MARK_BYTES {
        let head_end = floor_boundary(text, start + LONG_MARK_BYTES / 4);
        let tail_start = ceil_boundary(text, mark_end - LONG_MARK_BYTES / 4);
        format!("{} … {}", display(&text[start..head_end]), display(&text[tail_start..mark_end]))
    } else {
        display(&text[start..mark_end])
    };
    let after = display(&text[mark_end..region_end]);
    // Carets only point at part of the unit: an empty mark, or a mark with
    // nothing around it, is the whole unit.
    let whole = marked.trim().is_empty() || (before.trim().is_empty() && after.trim().is_empty());
    let point = !whole;
    if !point {
        // The whole unit is the span: show it whole.
        return Excerpt {
            before: before.trim_start().to_string(),
            marked,
            after: after.trim_end().to_string(),
            point,
        };
    }
    let before = before.trim_start();
    let n_before = before.chars().count();
    let before = if n_before > CONTEXT_CHARS {
        format!("…{}", before.chars().skip(n_before - CONTEXT_CHARS).collect::<String>())
    } else {
        before.to_string()
    };
    let after = after.trim_end();
    let after = if after.chars().count() > CONTEXT_CHARS {
        format!("{}…", after.chars().take(CONTEXT_CHARS).collect::<String>())
    } else {
        after.to_string()
    };
    let n_marked = marked.chars().count();
    let marked = if n_marked > MARK_CHARS {
        let half = (MARK_CHARS - 1) / 2;
        let head: String = marked.chars().take(half).collect();
        let tail: String = marked.chars().skip(n_marked - half).collect();
        format!("{}…{}", head.trim_end(), tail.trim_start())
    } else {
        marked
    };
    Excerpt {
        before,
        marked,
        after,
        point,
    }
}

/// Bytes looked at on each side of a span for the start and end of its line.
const REGION_BYTES: usize = 2048;
/// Bytes from which a marked stretch is shown by its two ends only.
const LONG_MARK_BYTES: usize = 2400;

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Narrows `line_start..line_end` to the content of the XLIFF element the
/// span (`start..end`) is in, when its tags are on that line.
fn element_bounds(text: &str, line_start: usize, start: usize, end: usize, line_end: usize) -> (usize, usize) {
    const OPENING: [&str; 4] = ["<source", "<target", "<seg-source", "<segment"];
    const CLOSING: [&str; 4] = ["</source", "</target", "</seg-source", "</segment"];
    let head = &text[line_start..start];
    let opened = OPENING
        .iter()
        .filter_map(|tag| head.rfind(tag))
        .max()
        .and_then(|at| head[at..].find('>').map(|close| line_start + at + close + 1));
    let tail = &text[end..line_end];
    let closed = CLOSING.iter().filter_map(|tag| tail.find(tag)).min().map(|at| end + at);
    (opened.unwrap_or(line_start), closed.unwrap_or(line_end))
}

/// XML text as a reader sees it: tags left out, the five named entities
/// and numeric character references resolved. A stray `<` or `&` that
/// starts no tag or reference is kept as written.
pub fn xml_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(close) => rest = &rest[close + 1..],
                None => {
                    out.push_str(rest);
                    rest = "";
                }
            }
            continue;
        }
        let reference = rest.find(';').filter(|&semi| semi <= 12).map(|semi| (&rest[1..semi], semi));
        let resolved = reference.and_then(|(name, semi)| {
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').map(|dec| dec.parse().ok()))
                    .flatten()
                    .and_then(char::from_u32),
            }?;
            Some((c, semi))
        });
        match resolved {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, part: &str) -> Span {
        let at = text.find(part).unwrap();
        Span::new(at, at + part.len())
    }

    #[test]
    fn context_is_cut_and_long_marks_keep_their_ends() {
        let text = format!("{} Jumat {}\n", "a".repeat(80), "b".repeat(80));
        let shown = excerpt(&text, span_of(&text, "Jumat"), false);
        assert!(shown.point);
        assert_eq!(shown.marked, "Jumat");
        assert_eq!(shown.before.chars().count(), CONTEXT_CHARS + 1);
        assert!(shown.before.starts_with('…') && shown.after.ends_with('…'));

        let long = "word ".repeat(100);
        let text = format!("Before. {long}After.\n");
        let shown = excerpt(&text, span_of(&text, long.trim_end()), false);
        assert!(shown.point && shown.marked.chars().count() <= MARK_CHARS, "{}", shown.marked);
        assert!(shown.marked.contains('…'));
    }

    #[test]
    fn a_whole_line_span_is_shown_without_carets() {
        let text = "Satu kalimat.\nDua kalimat.\n";
        let shown = excerpt(text, span_of(text, "Dua kalimat."), false);
        assert!(!shown.point);
        assert_eq!(shown.marked, "Dua kalimat.");
    }

    #[test]
    fn xml_excerpts_show_the_element_text_unescaped() {
        let text = "      <target>He said &quot;yes&quot; &amp; left <g id=\"1\">today</g>.</target>\n";
        let all = span_of(text, "He said &quot;yes&quot; &amp; left <g id=\"1\">today</g>.");
        let shown = excerpt(text, all, true);
        assert!(!shown.point, "{shown:?}");
        assert_eq!(shown.marked, "He said \"yes\" & left today.");
        let shown = excerpt(text, span_of(text, "left"), true);
        assert!(shown.point);
        assert_eq!(shown.before, "He said \"yes\" & ");
        assert_eq!(shown.after, " today.");
        assert_eq!(xml_text("a &#233; &#xE9; &bogus; & b"), "a é é &bogus; & b");
    }
}
