//! Shared text types: byte spans into the input as read, the two sides of a
//! translation pair, and a line index that turns byte offsets into 1-based
//! lines and columns only when something is printed.
//!
//! Columns count Unicode scalar values (code points), 1-based. That is what
//! SARIF calls `unicodeCodePoints` and what editors that speak UTF-8 show.

use serde::Serialize;

/// A half-open byte range `start..end` into the input exactly as it was read
/// (a byte order mark, if any, included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} runs backwards");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `input`.
    pub fn slice<'a>(&self, input: &'a str) -> &'a str {
        &input[self.start..self.end]
    }
}

/// Which side of a translation pair something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Source,
    Target,
}

/// One value per side of a pair (the source and the draft).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BySide<T> {
    pub source: T,
    pub target: T,
}

impl<T> BySide<T> {
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Source => &self.source,
            Side::Target => &self.target,
        }
    }
}

/// A 1-based line and column (the column counts code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of line starts, for random-access offset → line/column.
///
/// A line ends after `\n`; a lone `\r` is not a line break (CRLF input still
/// gives the right line numbers because the `\r` sits at the end of its line).
///
/// Long lines also get a checkpoint every [`CHECKPOINT_BYTES`] bytes (its
/// offset and its column), so that a lookup counts at most that many bytes:
/// a 200 MB one-line input with a hundred thousand findings would otherwise
/// count its way along the line once per finding.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, code points between its line's start and it), ascending.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two column checkpoints of a long line.
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        let line_ends = line_starts.iter().skip(1).copied().chain(std::iter::once(text.len()));
        for (start, end) in line_starts.iter().copied().zip(line_ends) {
            let (mut at, mut chars) = (start, 0);
            while end - at > CHECKPOINT_BYTES {
                let mut next = at + CHECKPOINT_BYTES;
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                chars += count_chars(&text.as_bytes()[at..next]);
                checkpoints.push((next, chars));
                at = next;
            }
        }
        LineIndex { line_starts, checkpoints }
    }

    /// Line and column of byte `offset` in `text` (the text the index was built on).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_idx];
        let after = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, chars) = match after.checked_sub(1).map(|idx| self.checkpoints[idx]) {
            Some((at, chars)) if at >= line_start => (at, chars),
            _ => (line_start, 0),
        };
        let column = chars + count_chars(&text.as_bytes()[from..offset]) + 1;
        LineCol {
            line: line_idx + 1,
            column,
        }
    }
}

/// Turns ascending byte offsets into lines and columns in one forward pass,
/// so that printing a million units stays linear.
#[derive(Debug)]
pub struct LineCursor<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
}

impl<'a> LineCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCursor {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
            column: 1,
        }
    }

    /// Line and column of `offset`. Offsets must not go backwards; if one
    /// does, the cursor starts again from the top (correct, only slower).
    pub fn advance_to(&mut self, offset: usize) -> LineCol {
        if offset < self.offset {
            *self = LineCursor::new(self.text);
        }
        let chunk = &self.text.as_bytes()[self.offset..offset];
        if let Some(last_nl) = memchr::memrchr(b'\n', chunk) {
            self.line += memchr::memchr_iter(b'\n', chunk).count();
            self.line_start = self.offset + last_nl + 1;
            self.column = 1 + count_chars(&self.text.as_bytes()[self.line_start..offset]);
        } else {
            self.column += count_chars(chunk);
        }
        self.offset = offset;
        LineCol {
            line: self.line,
            column: self.column,
        }
    }
}

/// Number of code points in valid UTF-8 bytes: every byte that is not a
/// continuation byte starts one.
pub fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Code-point offset of byte offset `byte_offset` in `text`.
pub fn char_offset(text: &str, byte_offset: usize) -> usize {
    count_chars(&text.as_bytes()[..byte_offset])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_12_columns_of_a_long_line_come_from_checkpoints() {
        let line = "é".repeat(10_000) + "x" + &"ab".repeat(5_000);
        let text = format!("first\n{line}\nlast");
        let index = LineIndex::new(&text);
        assert_eq!(index.checkpoints.len(), (line.len() - 1) / CHECKPOINT_BYTES);
        for (offset, _) in text.char_indices().step_by(997).chain(std::iter::once((text.len(), ' '))) {
            let expected_line = 1 + text[..offset].matches('\n').count();
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected_column = 1 + text[line_start..offset].chars().count();
            assert_eq!(
                index.line_col(&text, offset),
                LineCol {
                    line: expected_line,
                    column: expected_column
                },
                "{offset}"
            );
        }
    }

    #[test]
    fn line_index_and_cursor_agree() {
        let text = "ab\r\ncé\n\nxyz “q”\n";
        let index = LineIndex::new(text);
        let mut cursor = LineCursor::new(text);
        for (offset, _) in text.char_indices() {
            assert_eq!(index.line_col(text, offset), cursor.advance_to(offset), "{offset}");
        }
        assert_eq!(index.line_col(text, 7), LineCol { line: 2, column: 3 });
        assert_eq!(index.line_col(text, 9), LineCol { line: 4, column: 1 });
    }

    #[test]
    fn count_chars_counts_code_points() {
        assert_eq!(count_chars("a“b”…".as_bytes()), 5);
        assert_eq!(char_offset("“ab", 4), 2);
    }
}
