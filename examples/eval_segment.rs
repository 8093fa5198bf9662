//! Scores the segmenter on sentence-boundary sets in the format of
//! `$DATA/segmentation/` of the development data (UD Indonesian GSD and CSUI, CC BY-SA 4.0),
//! with the definitions of that folder's `score.py`: boundary offsets are
//! moved left over whitespace, the end of the document is not counted, and
//! precision, recall and F1 are micro-averaged over all boundaries.
//!
//! ```text
//! cargo run --release --example eval_segment -- GOLD.jsonl [GOLD.jsonl …] [--mode alone|joined|both] [--pred OUT.jsonl] [--errors N] [--lang id|en] [--side source|target]
//! ```
//!
//! `--side source|target` reads an alignment set instead (`$DATA/alignment/`)
//! and scores one side of it: its sentences are the gold units; use
//! `--lang en` with `--side target`.
//!
//! Every file is scored two ways (`--mode alone|joined|both`, default both):
//!
//! * `alone`: each document segmented on its own, as `score.py` does;
//! * `joined`: all documents of the file in one text, separated by a blank
//!   line, segmented once — how a translator pastes several articles into
//!   one file. The gold boundaries are the documents' own, moved by the
//!   documents' offsets, plus the end of every document but the last (the
//!   blank line ends a sentence for certain, so a segmenter that joins two
//!   documents has missed a boundary). This mode measures the paragraph
//!   layout detection as well as the sentence rules.
//!
//! `--pred` writes the `alone` predictions (code-point offsets) for
//! `score.py`; `--errors N` prints up to N wrong boundaries per file and
//! mode with context.

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
    // Alignment sets (`$DATA/alignment/`) hold both sides as
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

impl Counts {
    fn report(&self, file: &str, mode: &str) {
        let precision = self.true_positives as f64 / self.predicted.max(1) as f64;
        let recall = self.true_positives as f64 / self.gold.max(1) as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        println!(
            "{file} [{mode}]: boundaries gold {} pred {} correct {}  P {:.4}  R {:.4}  F1 {:.4}  exact docs {}/{}",
            self.gold, self.predicted, self.true_positives, precision, recall, f1, self.exact_docs, self.docs
        );
    }
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

/// A text's boundaries: as predicted (raw unit ends), and both sides normalised.
struct Scored {
    predicted_raw: Vec<usize>,
    gold: BTreeSet<usize>,
    predicted: BTreeSet<usize>,
}

impl Scored {
    /// Whether the boundaries in `range` (code points) are all right.
    fn exact_in(&self, range: std::ops::Range<usize>) -> bool {
        self.gold.range(range.clone()).eq(self.predicted.range(range))
    }
}

/// Segments `text`, adds its boundary counts to `counts` and prints up to
/// `*errors_left` wrong boundaries.
fn score(text: &str, gold: &[usize], config: SegmenterConfig, id: &str, counts: &mut Counts, errors_left: &mut usize) -> Scored {
    let chars: Vec<char> = text.chars().collect();
    let segmentation = segment(text, config);
    let predicted_raw: Vec<usize> = segmentation.units.iter().map(|u| char_offset(text, u.span.end)).collect();
    let gold = normalise(&chars, gold.iter().copied());
    let predicted = normalise(&chars, predicted_raw.iter().copied());
    counts.gold += gold.len();
    counts.predicted += predicted.len();
    counts.true_positives += gold.intersection(&predicted).count();
    for &offset in gold.symmetric_difference(&predicted) {
        if *errors_left == 0 {
            break;
        }
        *errors_left -= 1;
        let kind = if gold.contains(&offset) { "MISS " } else { "FALSE" };
        let before: String = chars[offset.saturating_sub(50)..offset].iter().collect();
        let after: String = chars[offset..(offset + 30).min(chars.len())].iter().collect();
        eprintln!(
            "{kind} {id} @{offset}: {}|{}",
            before.replace('\n', "\\n"),
            after.replace('\n', "\\n")
        );
    }
    Scored {
        predicted_raw,
        gold,
        predicted,
    }
}

/// All documents in one text, a blank line between them: the text, the gold
/// boundaries moved to match, and each document's range (code points).
fn join(docs: &[GoldDoc]) -> (String, Vec<usize>, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut ranges = Vec::new();
    let mut offset = 0;
    for doc in docs {
        if !text.is_empty() {
            text.push_str("\n\n");
            offset += 2;
        }
        text.push_str(&doc.text);
        gold.extend(doc.boundaries.iter().map(|b| b + offset));
        let doc_chars = doc.text.chars().count();
        gold.push(offset + doc_chars);
        // A document is right when every boundary inside it and the one at
        // its end are right.
        ranges.push(offset + 1..offset + doc_chars + 1);
        offset += doc_chars;
    }
    (text, gold, ranges)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut pred_path = None;
    let mut show_errors = 0usize;
    let mut lang = Lang::Id;
    let mut side: Option<String> = None;
    let mut mode = String::from("both");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pred" => pred_path = args.next(),
            "--errors" => show_errors = args.next().ok_or("--errors needs a number")?.parse()?,
            "--side" => side = args.next(),
            "--mode" => mode = args.next().ok_or("--mode needs alone, joined or both")?,
            "--lang" => lang = if args.next().as_deref() == Some("en") { Lang::En } else { Lang::Id },
            _ => files.push(arg),
        }
    }
    if files.is_empty() || !matches!(mode.as_str(), "alone" | "joined" | "both") {
        return Err("usage: eval_segment GOLD.jsonl [GOLD.jsonl …] [--mode alone|joined|both] [--pred OUT.jsonl] [--errors N]".into());
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
        let mut docs = Vec::new();
        for (line_idx, line) in std::fs::read_to_string(file)?.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut doc: GoldDoc = serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", line_idx + 1))?;
            if let Some(side) = &side {
                doc = doc.into_side(side)?;
            }
            docs.push(doc);
        }
        if mode != "joined" {
            let mut counts = Counts::default();
            let mut errors_left = show_errors;
            for doc in &docs {
                let scored = score(&doc.text, &doc.boundaries, config, &doc.id, &mut counts, &mut errors_left);
                counts.docs += 1;
                counts.exact_docs += usize::from(scored.gold == scored.predicted);
                if let Some(out) = pred_out.as_mut() {
                    serde_json::to_writer(&mut *out, &serde_json::json!({"id": doc.id, "boundaries": scored.predicted_raw}))?;
                    out.write_all(b"\n")?;
                }
            }
            counts.report(file, "alone");
        }
        if mode != "alone" {
            let mut counts = Counts::default();
            let mut errors_left = show_errors;
            let (text, gold, ranges) = join(&docs);
            let scored = score(&text, &gold, config, "joined", &mut counts, &mut errors_left);
            counts.docs = ranges.len();
            counts.exact_docs = ranges.into_iter().filter(|range| scored.exact_in(range.clone())).count();
            counts.report(file, "joined");
        }
    }
    Ok(())
}
