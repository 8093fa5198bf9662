//! The input of every findings format: the checked file pairs, their texts
//! and findings. Locations are resolved to path, line and column here, once,
//! so that each format only arranges them; fingerprints (the baseline keys)
//! are computed here too, so that every format carries the same ones.
//!
//! **Fingerprints.** A fingerprint names a finding across runs, checkouts
//! and copy edits. It hashes, in this order:
//!
//! 1. a version tag (`selaras-fingerprint-2`);
//! 2. the rule id;
//! 3. the source path (relative to the report's base, see `crate::paths`)
//!    and the words of the source span (NFC, whitespace folded), when the
//!    finding points into the source; otherwise the draft path and the words
//!    of the draft span (an addition, a doubled space);
//! 4. the number of expected wordings, then each of them in order, except
//!    for `repeat.inconsistent` (counted as none),
//!    whose expected wording is another draft sentence (the first
//!    translation of the repeated source sentence): copy edits change it,
//!    and the source sentence already names the finding.
//!
//! The draft text of a finding with a source location is left out on
//! purpose: a `glossary.missing` or `number.missing` finding points at the
//! whole draft sentence, and a copy edit elsewhere in that sentence must not
//! bring an accepted finding back. Line numbers, unit ids and offsets are
//! left out too, since edits elsewhere shift them.
//!
//! Findings of one report with the same hash (one term missing twice) are
//! told apart by their order: the second gets `:2` appended, the third `:3`.
//! A baseline that accepted two of them then reports a third one.
//!
//! The source or draft side is hashed as the word `source` or `draft`
//! before its path. The hash is 64-bit FNV-1a over those fields as bytes
//! (UTF-8; the count as eight bytes, little-endian), each field preceded by
//! its length (eight bytes, little-endian), written out as 16 hex digits:
//! the same on every platform and with every Rust version, which a baseline
//! committed to a repository needs. (`std::hash::Hash` promises neither.)

use std::path::PathBuf;

use unicode_normalization::UnicodeNormalization;

use crate::finding::{Finding, Location, Severity};
use crate::text::{LineIndex, Side};

/// One checked text, as the reader sees it.
#[derive(Debug)]
pub struct Document {
    /// The path as reports print it: relative to the report's base and
    /// normalised (`crate::paths::portable`), or as given when there is no
    /// base (an in-memory document).
    pub path: String,
    pub text: String,
    /// The text is XML (a bilingual XLIFF file): excerpts show the text of
    /// the element a span is in, tags left out and entities resolved.
    pub markup: bool,
    line_index: LineIndex,
}

impl Document {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_index = LineIndex::new(&text);
        Document {
            path: path.into(),
            text,
            markup: false,
            line_index,
        }
    }

    /// A document whose text is XML (see [`Document::markup`]).
    pub fn xml(path: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            markup: true,
            ..Document::new(path, text)
        }
    }
}

/// A source/draft pair and what the checks found in it.
#[derive(Debug)]
pub struct FileResult {
    pub source: Document,
    pub target: Document,
    pub findings: Vec<Finding>,
}

impl FileResult {
    /// A short name for the pair: `source ↔ draft`.
    pub fn name(&self) -> String {
        format!("{} ↔ {}", self.source.path, self.target.path)
    }

    pub fn document(&self, side: Side) -> &Document {
        match side {
            Side::Source => &self.source,
            Side::Target => &self.target,
        }
    }

    /// Path, unit, line and column of `location`.
    pub fn resolve<'a>(&'a self, location: &'a Location) -> Resolved<'a> {
        let document = self.document(location.side);
        let start = document.line_index.line_col(&document.text, location.span.start);
        let end = document.line_index.line_col(&document.text, location.span.end);
        Resolved {
            path: &document.path,
            unit: &location.unit_id,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start: location.span.start,
            end: location.span.end,
        }
    }
}

/// A location with everything a format prints.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Resolved<'a> {
    pub path: &'a str,
    pub unit: &'a str,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub end_line: usize,
    #[serde(skip)]
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SeverityCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl SeverityCounts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> SeverityCounts {
        let mut summary = SeverityCounts::default();
        for finding in findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    pub fn highest(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

/// All checked pairs of one run.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileResult>,
    /// The folder the documents' paths are relative to (absolute): the
    /// project root, or the working directory for pairs given on the command
    /// line. SARIF names it as `%SRCROOT%`. `None` for in-memory reports.
    pub base: Option<PathBuf>,
}

/// Version tag hashed first into every fingerprint; bump it when the
/// recipe changes, together with `baseline::VERSION`.
const FINGERPRINT_TAG: &[u8] = b"selaras-fingerprint-2";

/// 64-bit FNV-1a over length-prefixed fields.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// One field: its length, then its bytes, so that ("ab", "c") and
    /// ("a", "bc") differ.
    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

impl Report {
    pub fn summary(&self) -> SeverityCounts {
        SeverityCounts::of(self.files.iter().flat_map(|file| &file.findings))
    }

    /// The hash part of `finding`'s fingerprint (see the module header):
    /// the rule, the source path and span (or the draft's when there is no
    /// source location) and the expected wordings.
    pub fn fingerprint(file: &FileResult, finding: &Finding) -> String {
        Report::fingerprint_from(Report::located(file, finding), finding)
    }

    /// The hash of a fingerprint's rule and location: the part that reads
    /// the text a finding points at (a whole unit for some rules).
    fn located(file: &FileResult, finding: &Finding) -> Fnv {
        let mut hasher = Fnv::new();
        hasher.field(FINGERPRINT_TAG);
        hasher.field(finding.rule.as_str().as_bytes());
        if let Some(location) = finding.source.as_ref().or(finding.target.as_ref()) {
            let document = file.document(location.side);
            hasher.field(match location.side {
                Side::Source => b"source",
                Side::Target => b"draft",
            });
            hasher.field(document.path.as_bytes());
            let text: String = location.span.slice(&document.text).nfc().collect();
            let words: Vec<&str> = text.split_whitespace().collect();
            hasher.field(words.join(" ").as_bytes());
        }
        hasher
    }

    /// A fingerprint from its `located` part and the expected values.
    fn fingerprint_from(mut hasher: Fnv, finding: &Finding) -> String {
        let expected: &[String] = if finding.rule == crate::check::rule::REPEAT_INCONSISTENT.id {
            &[]
        } else {
            &finding.expected
        };
        hasher.field(&(expected.len() as u64).to_le_bytes());
        for expected in expected {
            hasher.field(expected.as_bytes());
        }
        format!("{:016x}", hasher.0)
    }

    /// Each finding with its fingerprint (an identical finding reported
    /// twice keeps the first one's): what the diff page shows as the
    /// `--accept` line of each finding.
    pub fn fingerprint_map(&self) -> std::collections::HashMap<Finding, String> {
        let mut map = std::collections::HashMap::new();
        for (file, prints) in self.files.iter().zip(self.fingerprints()) {
            for (finding, print) in file.findings.iter().zip(prints) {
                map.entry(finding.clone()).or_insert(print);
            }
        }
        map
    }

    /// The fingerprint of every finding, per file and in report order, with
    /// repeats numbered (`…:2`, `…:3`).
    pub fn fingerprints(&self) -> Vec<Vec<String>> {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        self.files
            .iter()
            .map(|file| {
                // Findings of one rule at one span (every `number.extra` of a
                // bead points at the bead's whole source) read its text once:
                // hashing it per finding cost findings × unit length.
                let mut located: std::collections::HashMap<(&str, bool, usize, usize), Fnv> = std::collections::HashMap::new();
                file.findings
                    .iter()
                    .map(|finding| {
                        let state = match finding.source.as_ref().or(finding.target.as_ref()) {
                            Some(location) => *located
                                .entry((
                                    finding.rule.as_str(),
                                    matches!(location.side, Side::Source),
                                    location.span.start,
                                    location.span.end,
                                ))
                                .or_insert_with(|| Report::located(file, finding)),
                            None => Report::located(file, finding),
                        };
                        let hash = Report::fingerprint_from(state, finding);
                        let count = seen.entry(hash.clone()).or_insert(0);
                        *count += 1;
                        if *count == 1 { hash } else { format!("{hash}:{count}") }
                    })
                    .collect()
            })
            .collect()
    }
}
