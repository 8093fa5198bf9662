//! `selaras check --pairs-jsonl`: a stream of pairs in, a stream of findings
//! out, for archives too large for one project run (a newsroom re-checking
//! millions of articles when its glossary changes) and for map steps of
//! other engines (Spark's `RDD.pipe`, Apache Beam, Ray Data, GNU parallel).
//!
//! Input: one JSON object per line, `{"id":…,"source":"…","draft":"…"}`;
//! `id` is any JSON value and comes back as it was given; `source` and
//! `draft` are whole texts (segmented as `selaras check SOURCE DRAFT` would,
//! or line by line with `--segmented`). Other fields are ignored. Blank
//! lines are skipped; a byte order mark before the first object is accepted.
//!
//! Output: one line per input line, in input order:
//! `{"id":…,"findings":[…],"summary":{"errors":N,"warnings":N,"infos":N}}`,
//! the findings as `check --format json` writes them, their `path` being
//! `source` or `draft` (the field the offsets and lines point into). A line
//! that cannot be read (not JSON, no `source`, invalid UTF-8, …) gives
//! `{"id":…,"line":N,"error":"…"}` (`id` is `null` when none could be read)
//! and the stream goes on.
//!
//! Decisions:
//!
//! * **Constant memory, in order.** Lines are read in batches (at most
//!   [`BATCH_LINES`] lines or [`BATCH_BYTES`] bytes, whichever comes first),
//!   each batch is checked in parallel and written in input order before the
//!   next is read, and the output is flushed after each batch so that a
//!   consumer sees results as they come. Memory is bounded by one batch,
//!   whatever the length of the stream.
//! * **Bad lines are data, not failures.** They are reported in-band and
//!   counted ([`StreamSummary::bad_lines`]); they do not make the exit status
//!   non-zero, since an engine such as Spark fails the whole task when a
//!   piped command exits non-zero. Only an unreadable input or an unwritable
//!   output stop the stream.
//! * **Pairs are independent.** Rules over several pairs (`glossary.variant`,
//!   `repeat.inconsistent` across files) need the whole set and do not run
//!   here; `selaras check` on a project runs them.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde::Deserialize;

use crate::finding::Severity;
use crate::pipeline::Pipeline;
use crate::report::{Document, FileResult, Report};

/// Most lines in one batch.
pub const BATCH_LINES: usize = 1024;
/// Most bytes of input in one batch (a batch always holds at least one line).
pub const BATCH_BYTES: usize = 16 << 20;

/// What a stream run saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Non-blank input lines.
    pub lines: usize,
    /// Lines answered with an `error` object.
    pub bad_lines: usize,
    /// The highest severity of any finding.
    pub highest: Option<Severity>,
}

/// Why a stream stopped.
#[derive(Debug)]
pub enum StreamError {
    /// The input could not be read.
    Read(io::Error),
    /// The output could not be written.
    Write(io::Error),
}

#[derive(Deserialize)]
struct PairIn {
    id: serde_json::Value,
    source: String,
    draft: String,
}

/// What one line gave: its output line and the highest severity found.
struct Answer {
    bytes: Vec<u8>,
    highest: Option<Severity>,
    bad: bool,
}

/// Checks every pair of `input` (JSON Lines) with `pipeline` and writes one
/// answer line per pair to `out`, in input order (see the module header).
pub fn check_jsonl(pipeline: &Pipeline, mut input: impl BufRead, out: &mut dyn Write) -> Result<StreamSummary, StreamError> {
    let mut summary = StreamSummary::default();
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    let mut line_no = 0;
    loop {
        batch.clear();
        let mut batch_bytes = 0;
        let mut at_end = false;
        while batch.len() < BATCH_LINES && batch_bytes < BATCH_BYTES {
            let mut line = Vec::new();
            let n_read = input.read_until(b'\n', &mut line).map_err(StreamError::Read)?;
            if n_read == 0 {
                at_end = true;
                break;
            }
            line_no += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            batch_bytes += line.len();
            batch.push((line_no, line));
        }
        let answers: Vec<Answer> = batch.par_iter().map(|(line_no, line)| answer(pipeline, *line_no, line)).collect();
        for answer in answers {
            summary.lines += 1;
            summary.bad_lines += usize::from(answer.bad);
            summary.highest = summary.highest.max(answer.highest);
            out.write_all(&answer.bytes).map_err(StreamError::Write)?;
        }
        out.flush().map_err(StreamError::Write)?;
        if at_end {
            return Ok(summary);
        }
    }
}

/// The answer to one input line.
fn answer(pipeline: &Pipeline, line_no: usize, line: &[u8]) -> Answer {
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(error) => {
            return error_line(
                &serde_json::Value::Null,
                line_no,
                &format!("invalid UTF-8 at byte offset {} of the line", error.valid_up_to()),
            );
        }
    };
    // A byte order mark may open the stream, as it may open any input.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pair: PairIn = match serde_json::from_str(text) {
        Ok(pair) => pair,
        Err(error) => {
            // Give the id back when the line is an object that has one, so
            // that the consumer can tell which record failed.
            let id = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|value| value.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            return error_line(&id, line_no, &format!("not a {{\"id\",\"source\",\"draft\"}} object: {error}"));
        }
    };
    let checked = pipeline.run(&pair.source, &pair.draft);
    let highest = checked.findings.iter().map(|finding| finding.severity).max();
    let report = Report {
        files: vec![FileResult {
            source: Document::new("source", pair.source),
            target: Document::new("draft", pair.draft),
            findings: checked.findings,
        }],
        base: None,
    };
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = crate::render::json::write_pair_line(&mut bytes, &pair.id, &report);
    Answer {
        bytes,
        highest,
        bad: false,
    }
}

fn error_line(id: &serde_json::Value, line_no: usize, message: &str) -> Answer {
    let value = serde_json::json!({ "id": id, "line": line_no, "error": message });
    let mut bytes = serde_json::to_vec(&value).unwrap_or_default();
    bytes.push(b'\n');
    Answer {
        bytes,
        highest: None,
        bad: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::PipelineOptions;

    fn pipeline() -> Pipeline {
        Pipeline::new(crate::glossary::builtin().clone(), PipelineOptions::default()).unwrap()
    }

    fn run(input: &str) -> (Vec<serde_json::Value>, StreamSummary) {
        let mut out = Vec::new();
        let summary = check_jsonl(&pipeline(), input.as_bytes(), &mut out).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        (lines, summary)
    }

    #[test]
    fn issue_13_pairs_come_back_in_order_with_bad_lines_reported() {
        let input = concat!(
            r#"{"id":"a","source":"Korea Utara menembakkan rudal pada Jumat.","draft":"North Korea fired a missile on Friday."}"#,
            "\n",
            r#"{"id":7,"source":"Korea Utara menembakkan rudal pada Jumat.","draft":"North Korea fired a missile on Thursday."}"#,
            "\n\n",
            "not json\n",
            r#"{"id":"no-draft","source":"x"}"#,
            "\n",
            r#"{"id":"c","source":"Menteri Luar Negeri Rusia tiba.","draft":"The Russian Foreign Minister arrived.","extra":1}"#,
        );
        let (lines, summary) = run(input);
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["summary"]["errors"], 0, "{}", lines[0]);
        assert_eq!(lines[1]["id"], 7);
        let rules: Vec<&str> = lines[1]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["calendar.changed"]);
        assert_eq!(lines[1]["findings"][0]["target"]["path"], "draft");
        assert_eq!(lines[1]["findings"][0]["expected"], serde_json::json!(["Friday"]));
        assert_eq!(lines[2]["id"], serde_json::Value::Null);
        assert_eq!(lines[2]["line"], 4);
        assert!(lines[2]["error"].as_str().unwrap().contains("not a"), "{}", lines[2]);
        assert_eq!(lines[3]["id"], "no-draft");
        assert!(lines[3]["error"].as_str().unwrap().contains("draft"), "{}", lines[3]);
        assert_eq!(lines[4]["id"], "c");
        assert_eq!(
            summary,
            StreamSummary {
                lines: 5,
                bad_lines: 2,
                highest: Some(Severity::Error)
            }
        );
    }

    #[test]
    fn issue_13_invalid_utf8_is_one_bad_line() {
        let mut input = "\u{feff}".as_bytes().to_vec();
        input.extend_from_slice(br#"{"id":1,"source":"Ya.","draft":"Yes."}"#);
        input.extend_from_slice(b"\n{\"id\":2,\"source\":\"\xff\"}\n");
        let mut out = Vec::new();
        let summary = check_jsonl(&pipeline(), input.as_slice(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0]["id"], 1);
        assert!(
            lines[1]["error"].as_str().unwrap().contains("invalid UTF-8 at byte offset 18"),
            "{}",
            lines[1]
        );
        assert_eq!(summary.bad_lines, 1);
    }

    #[test]
    fn issue_13_batches_keep_the_order_across_their_borders() {
        let n = BATCH_LINES * 2 + 3;
        let input: String = (0..n)
            .map(|i| format!("{{\"id\":{i},\"source\":\"Ada {i} orang.\",\"draft\":\"There are {i} people.\"}}\n"))
            .collect();
        let (lines, summary) = run(&input);
        assert_eq!(summary.lines, n);
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line["id"], i, "{line}");
            assert_eq!(line["summary"]["errors"], 0, "{line}");
        }
    }
}
