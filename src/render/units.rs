//! Output of `selaras segment`: JSON Lines (the contract) and a text view.

use std::io::{self, Write};

use serde::Serialize;

use crate::segment::{Segmentation, UnitId, UnitKind};
use crate::text::LineCursor;

/// One line of `segment --format jsonl`. Field names are a contract.
#[derive(Serialize)]
struct UnitLine<'a> {
    id: UnitId,
    kind: UnitKind,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat_of: Option<UnitId>,
}

/// Writes one JSON object per unit.
pub fn write_jsonl(out: &mut (impl Write + ?Sized), text: &str, segmentation: &Segmentation) -> io::Result<()> {
    let mut cursor = LineCursor::new(text);
    for unit in &segmentation.units {
        let position = cursor.advance_to(unit.span.start);
        let line = UnitLine {
            id: unit.id,
            kind: unit.kind,
            start: unit.span.start,
            end: unit.span.end,
            line: position.line,
            column: position.column,
            text: unit.span.slice(text),
            repeat_of: unit.repeat_of.map(|original| segmentation.units[original].id),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes one unit per line: id, kind, a repeat marker, and the text with
/// its inner line breaks shown as spaces and control characters made
/// visible (`wrap::one_line`); then the repeated blocks.
pub fn write_text(out: &mut (impl Write + ?Sized), text: &str, segmentation: &Segmentation) -> io::Result<()> {
    for unit in &segmentation.units {
        let id = unit.id.to_string();
        write!(out, "{id:<9} {:<11} ", unit.kind.as_str())?;
        if let Some(original) = unit.repeat_of {
            write!(out, "[= {}] ", segmentation.units[original].id)?;
        }
        // Inner line breaks show as spaces, and what a terminal would act
        // on (escape sequences, bidi overrides) as visible stand-ins.
        writeln!(out, "{}", super::wrap::one_line(unit.span.slice(text)))?;
    }
    for block in &segmentation.repeated_blocks {
        writeln!(
            out,
            "# paragraphs p{}–p{} repeat p{}–p{}",
            block.paragraphs.0, block.paragraphs.1, block.original.0, block.original.1
        )?;
    }
    Ok(())
}
