//! Scores the segmenter on sentence-boundary sets in the format of
//! `../shared/data/segmentation/` (UD Indonesian GSD and CSUI, CC BY-SA 4.0),
//! with the definitions of that folder's `score.py`: boundary offsets are
//! moved left over whitespace, the end of the document is not counted, and
//! precision, recall and F1 are micro-averaged over all boundaries.
//!
//! ```text
//! cargo run --release --example eval_segment -- GOLD.jsonl [GOLD.jsonl …] [--pred OUT.jsonl] [--errors N] [--lang id|en] [--side source|target]
//! ```
//!
//! `--side source|target` reads an alignment set instead (`../shared/data/alignment/`)
//! and scores one side of it: its sentences are the gold units; use
//! `--lang en` with `--side target`.
//!
//! `--pred` writes predictions (code-point offsets) for `score.py`;
//! `--errors N` prints up to N wrong boundaries with context.

use std::collections::BTreeSet;
use std::io::Write;

use selaras::segment::{Lang, SegmenterConfig, segment};
use selaras::text::char_offset;

#[derive(serde::Deserialize)]
struct GoldDoc {
    id: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    boundaries: Vec<usize>,
    // Alignment sets (`../shared/data/alignment/`) hold both sides as
    // sentence lists; `--side` picks one and the gold boundaries are the
    // ends of its sentences.
    #[serde(default)]
    source: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    source_sents: Vec<String>,
    #[serde(default)]
    target_sents: Vec<String>,
}

impl GoldDoc {
    /// Turns an alignment document into a segmentation document for `side`.
    fn into_side(mut self, side: &str) -> Result<GoldDoc, String> {
        let (text, sentences) = match side {
            "target" => (std::mem::take(&mut self.target), std::mem::take(&mut self.target_sents)),
            _ => (std::mem::take(&mut self.source), std::mem::take(&mut self.source_sents)),
        };
        let mut boundaries = Vec::new();
        let mut byte_pos = 0;
        for sentence in &sentences {
            let found = text[byte_pos..]
                .find(sentence.as_str())
                .ok_or_else(|| format!("{}: sentence not found", self.id))?;
            byte_pos += found + sentence.len();
            boundaries.push(text[..byte_pos].chars().count());
        }
        Ok(GoldDoc { text, boundaries, ..self })
    }
}

#[derive(Default)]
struct Counts {
    true_positives: usize,
    predicted: usize,
    gold: usize,
    exact_docs: usize,
    docs: usize,
}

/// Offsets (code points) moved left over whitespace; 0 and the end dropped.
fn normalise(chars: &[char], offsets: impl Iterator<Item = usize>) -> BTreeSet<usize> {
    let mut end = chars.len();
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    offsets
        .filter_map(|mut offset| {
            while offset > 0 && chars[offset - 1].is_whitespace() {
                offset -= 1;
            }
            (offset > 0 && offset < end).then_some(offset)
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut pred_path = None;
    let mut show_errors = 0usize;
    let mut lang = Lang::Id;
    let mut side: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pred" => pred_path = args.next(),
            "--errors" => show_errors = args.next().ok_or("--errors needs a number")?.parse()?,
            "--side" => side = args.next(),
            "--lang" => lang = if args.next().as_deref() == Some("en") { Lang::En } else { Lang::Id },
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return Err("usage: eval_segment GOLD.jsonl [GOLD.jsonl …] [--pred OUT.jsonl] [--errors N]".into());
    }
    let config = SegmenterConfig {
        lang,
        ..Default::default()
    };
    let mut pred_out = match &pred_path {
        Some(path) => Some(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    for file in &files {
        let mut counts = Counts::default();
        let mut shown = 0;
        for (line_idx, line) in std::fs::read_to_string(file)?.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut doc: GoldDoc = serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", line_idx + 1))?;
            if let Some(side) = &side {
                doc = doc.into_side(side)?;
            }
            let chars: Vec<char> = doc.text.chars().collect();
            let segmentation = segment(&doc.text, config);
            let predicted_raw: Vec<usize> = segmentation.units.iter().map(|u| char_offset(&doc.text, u.span.end)).collect();
            let gold = normalise(&chars, doc.boundaries.iter().copied());
            let predicted = normalise(&chars, predicted_raw.iter().copied());
            counts.docs += 1;
            counts.gold += gold.len();
            counts.predicted += predicted.len();
            counts.true_positives += gold.intersection(&predicted).count();
            counts.exact_docs += usize::from(gold == predicted);
            for &offset in gold.symmetric_difference(&predicted) {
                if shown >= show_errors {
                    break;
                }
                shown += 1;
                let kind = if gold.contains(&offset) { "MISS " } else { "FALSE" };
                let before: String = chars[offset.saturating_sub(50)..offset].iter().collect();
                let after: String = chars[offset..(offset + 30).min(chars.len())].iter().collect();
                eprintln!(
                    "{kind} {} @{offset}: {}|{}",
                    doc.id,
                    before.replace('\n', "\\n"),
                    after.replace('\n', "\\n")
                );
            }
            if let Some(out) = pred_out.as_mut() {
                serde_json::to_writer(&mut *out, &serde_json::json!({"id": doc.id, "boundaries": predicted_raw}))?;
                out.write_all(b"\n")?;
            }
        }
        let precision = counts.true_positives as f64 / counts.predicted.max(1) as f64;
        let recall = counts.true_positives as f64 / counts.gold.max(1) as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        println!(
            "{file}: boundaries gold {} pred {} correct {}  P {:.4}  R {:.4}  F1 {:.4}  exact docs {}/{}",
            counts.gold, counts.predicted, counts.true_positives, precision, recall, f1, counts.exact_docs, counts.docs
        );
    }
    Ok(())
}
