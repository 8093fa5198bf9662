//! Output of `selaras align`: JSON Lines (the contract) and a side-by-side
//! text view. TMX is in `render::tmx`.

use std::io::{self, Write};

use serde::Serialize;

use crate::align::{Bead, BeadKind};
use crate::check::SideText;

/// Beads together with both sides' texts and units, which give each unit
/// its id (`p3.s1`, or line ordinals with `--segmented`) and text.
#[derive(Debug, Clone, Copy)]
pub struct Alignment<'a> {
    pub source: SideText<'a>,
    pub target: SideText<'a>,
    pub beads: &'a [Bead],
}

impl<'a> Alignment<'a> {
    /// The ids of `side`'s units `range`.
    pub fn ids(side: &SideText<'a>, range: std::ops::Range<usize>) -> Vec<&'a str> {
        side.units[range].iter().map(|unit| unit.id.as_str()).collect()
    }

    /// The texts of `side`'s units `range`.
    pub fn texts(side: &SideText<'a>, range: std::ops::Range<usize>) -> Vec<&'a str> {
        range.map(|unit_idx| side.unit_text(unit_idx)).collect()
    }
}

impl BeadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BeadKind::Pair => "pair",
            BeadKind::Omission => "omission",
            BeadKind::Addition => "addition",
            BeadKind::Repeat => "repeat",
        }
    }
}

/// One line of `align --format jsonl`. `source`, `target` and `score` are a
/// contract; `kind` and `repeat_of` are additions.
#[derive(Serialize)]
struct BeadLine<'a> {
    source: Vec<&'a str>,
    target: Vec<&'a str>,
    score: f64,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat_of: Option<&'a str>,
}

/// A score rounded to three decimals, so that JSON shows `0.91`, not
/// `0.9100000262260437`.
pub fn rounded_score(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// Writes one JSON object per bead, in order.
pub fn write_jsonl(out: &mut (impl Write + ?Sized), alignment: &Alignment<'_>) -> io::Result<()> {
    for bead in alignment.beads {
        let line = BeadLine {
            source: Alignment::ids(&alignment.source, bead.source.clone()),
            target: Alignment::ids(&alignment.target, bead.target.clone()),
            score: rounded_score(bead.score),
            kind: bead.kind.as_str(),
            repeat_of: bead.repeat_of.map(|idx| alignment.source.units[idx].id.as_str()),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Width of each text column in the side-by-side view, in characters.
const COLUMN: usize = 58;

/// Writes the beads side by side: a header line per bead with ids, shape,
/// kind and score, then the source on the left and the draft on the right,
/// wrapped at word boundaries.
pub fn write_text(out: &mut (impl Write + ?Sized), alignment: &Alignment<'_>) -> io::Result<()> {
    for bead in alignment.beads {
        let ids = |ids: Vec<&str>| if ids.is_empty() { "—".to_string() } else { ids.join("+") };
        let mut header = format!(
            "{} ↔ {}  {} {} {:.2}",
            ids(Alignment::ids(&alignment.source, bead.source.clone())),
            ids(Alignment::ids(&alignment.target, bead.target.clone())),
            bead.shape(),
            bead.kind.as_str(),
            bead.score
        );
        if let Some(original) = bead.repeat_of {
            header.push_str(&format!(" (repeats {})", alignment.source.units[original].id));
        }
        writeln!(out, "{header}")?;
        // Escape sequences and bidi overrides from the inputs are drawn as
        // visible stand-ins, not sent to the terminal.
        let left = wrap(
            &super::wrap::one_line(&join(&Alignment::texts(&alignment.source, bead.source.clone()))),
            COLUMN,
        );
        let right = wrap(
            &super::wrap::one_line(&join(&Alignment::texts(&alignment.target, bead.target.clone()))),
            COLUMN,
        );
        for row in 0..left.len().max(right.len()) {
            let l = left.get(row).map_or("", String::as_str);
            let r = right.get(row).map_or("", String::as_str);
            let pad = COLUMN.saturating_sub(l.chars().count());
            let row_text = format!("  {l}{:pad$} │ {r}", "", pad = pad);
            writeln!(out, "{}", row_text.trim_end())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Unit texts joined by one space, with every run of whitespace (including
/// line breaks inside a unit) shown as one space.
pub fn join(texts: &[&str]) -> String {
    let mut out = String::new();
    for word in texts.iter().flat_map(|t| t.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Greedy word wrap at `width` characters; longer words get a row of their own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    let mut row_len = 0;
    for word in text.split_whitespace() {
        let word_len = word.chars().count();
        if row_len > 0 && row_len + 1 + word_len > width {
            rows.push(std::mem::take(&mut row));
            row_len = 0;
        }
        if row_len > 0 {
            row.push(' ');
            row_len += 1;
        }
        row.push_str(word);
        row_len += word_len;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh x", 4), vec!["abcdefgh", "x"]);
        assert!(wrap("", 4).is_empty());
    }

    #[test]
    fn scores_are_rounded_for_json() {
        assert_eq!(serde_json::to_string(&rounded_score(0.91)).unwrap(), "0.91");
        assert_eq!(rounded_score(1.0), 1.0);
    }
}
