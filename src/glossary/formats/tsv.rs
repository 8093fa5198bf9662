//! OmegaT-style TSV: `source<TAB>target<TAB>comment`, one pair per line.
//!
//! * Lines that are empty or start with `#` are skipped; a BOM is skipped.
//! * Fields are trimmed (`lint` says when that changed something).
//! * Several rows with the same source (exactly as written) form one entry:
//!   the first row's target is preferred, the others are admitted.
//! * A comment that starts with `[forbidden]` makes the row's target a
//!   forbidden one (what TBX calls deprecated); the rest of the comment is
//!   the note. A comment that starts with `[replace]` makes the row's entry
//!   replace what earlier glossaries (the shipped ones) say about its source
//!   instead of adding to it (`glossary::model`). The two markers may be
//!   combined, in either order. This is our extension: OmegaT shows them as
//!   a plain comment.
//! * Columns after the third are ignored, as OmegaT does. Unlike OmegaT, a
//!   line without a tab, or with an empty source or target, is an error:
//!   in a glossary that CI relies on, a silently ignored row is a bug.

use std::io::{self, Write};

use super::{GlossaryRow, Reader, RowMerger, non_empty};
use crate::error::Result;
use crate::finding::Severity;
use crate::glossary::model::Glossary;

/// The comment prefix that marks a forbidden target.
pub const FORBIDDEN_MARKER: &str = "[forbidden]";
/// The comment prefix that makes an entry replace earlier layers' entries.
pub const REPLACE_MARKER: &str = "[replace]";

pub fn read(text: &str, reader: &mut Reader<'_>) -> Result<Glossary> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut merger = RowMerger::default();
    for (line_idx, raw_line) in split_at_byte(text, b'\n').enumerate() {
        let line_no = line_idx + 1;
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = split_at_byte(line, b'\t');
        let source_field = fields.next().unwrap_or("");
        let Some(target_field) = fields.next() else {
            reader.malformed(line_no, 1, "expected `source<TAB>target[<TAB>comment]`, found no tab")?;
            continue;
        };
        let comment_field = fields.next().unwrap_or("");
        for (field, column_name) in [(source_field, "source"), (target_field, "target"), (comment_field, "comment")] {
            if reader.keeps_remarks() && field.len() != field.trim().len() {
                reader.remark(
                    Severity::Warning,
                    "whitespace",
                    line_no,
                    format!("leading or trailing whitespace in the {column_name}"),
                );
            }
        }
        let Some(source) = non_empty(source_field) else {
            reader.malformed(line_no, 1, "empty source term")?;
            continue;
        };
        let Some(target) = non_empty(target_field) else {
            reader.malformed(line_no, source_field.chars().count() + 2, format!("empty target for `{source}`"))?;
            continue;
        };
        let mut row = GlossaryRow {
            line: line_no,
            sources: vec![source],
            ..GlossaryRow::default()
        };
        let mut comment = comment_field.trim();
        let mut forbidden = false;
        loop {
            if let Some(rest) = comment.strip_prefix(FORBIDDEN_MARKER) {
                forbidden = true;
                comment = rest.trim_start();
            } else if let Some(rest) = comment.strip_prefix(REPLACE_MARKER) {
                row.replace = true;
                comment = rest.trim_start();
            } else {
                break;
            }
        }
        if forbidden {
            row.forbidden.push(target);
        } else {
            row.targets.push(target);
        }
        row.note = non_empty(comment);
        merger.add(row, reader);
    }
    Ok(merger.finish())
}

/// `text.split(char::from(byte))` for an ASCII `byte`, found with `memchr`:
/// every run of `check` reads the shipped glossaries, and this is most of
/// the cost of reading a line.
fn split_at_byte(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    debug_assert!(byte.is_ascii());
    let mut start = 0;
    let mut ends = memchr::memchr_iter(byte, text.as_bytes());
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = ends.next().unwrap_or_else(|| {
            done = true;
            text.len()
        });
        // An ASCII byte is a character boundary on both sides.
        let piece = &text[start..end];
        start = end + 1;
        Some(piece)
    })
}

/// Writes one row per source spelling and target: preferred first (with the
/// note), then admitted, then forbidden (marked). An entry that replaces
/// earlier layers has `[replace]` on the first row of each spelling. Tabs and
/// line breaks inside fields would break the format, so they are written as
/// spaces.
pub fn write(glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Glossary in tab-separated format -*- coding: utf-8 -*-")?;
    for entry in &glossary.entries {
        let note = entry.note.as_deref().map(clean).unwrap_or_default();
        for source in &entry.sources {
            let source = clean(source);
            let mut first_row = true;
            let mut marks = |forbidden: bool, with_note: bool| {
                let mut comment = String::new();
                if forbidden {
                    comment.push_str(FORBIDDEN_MARKER);
                }
                if first_row && entry.replace {
                    if !comment.is_empty() {
                        comment.push(' ');
                    }
                    comment.push_str(REPLACE_MARKER);
                }
                if with_note && !note.is_empty() {
                    if !comment.is_empty() {
                        comment.push(' ');
                    }
                    comment.push_str(&note);
                }
                first_row = false;
                comment
            };
            for (target_idx, target) in entry.targets().enumerate() {
                let comment = marks(false, target_idx == 0);
                if comment.is_empty() {
                    writeln!(out, "{source}\t{}", clean(target))?;
                } else {
                    writeln!(out, "{source}\t{}\t{comment}", clean(target))?;
                }
            }
            for target in &entry.forbidden {
                let comment = marks(true, false);
                writeln!(out, "{source}\t{}\t{comment}", clean(target))?;
            }
        }
    }
    Ok(())
}

fn clean(field: &str) -> String {
    field.replace(['\t', '\n', '\r'], " ")
}
