//! The input of every findings format: the checked file pairs, their texts
//! and findings. Locations are resolved to path, line and column here, once,
//! so that each format only arranges them.

use crate::finding::{Finding, Location, Severity};
use crate::text::{LineIndex, Side};

/// One checked text, as the reader sees it.
#[derive(Debug)]
pub struct Document {
    /// The path as given on the command line (or in the project file).
    pub path: String,
    pub text: String,
    line_index: LineIndex,
}

impl Document {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_index = LineIndex::new(&text);
        Document {
            path: path.into(),
            text,
            line_index,
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
            unit: &location.unit,
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
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Summary {
        let mut summary = Summary::default();
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
}

impl Report {
    pub fn summary(&self) -> Summary {
        Summary::of(self.files.iter().flat_map(|file| &file.findings))
    }

    /// A fingerprint of `finding` that survives edits elsewhere in the
    /// files: the rule, both paths, and the normalised text of the spans it
    /// points at — never line numbers or offsets.
    pub fn fingerprint(file: &FileResult, finding: &Finding) -> String {
        use std::hash::{Hash, Hasher};
        // FNV-1a: stable across Rust versions and platforms, unlike the
        // standard library's hasher, which a baseline file must be.
        struct Fnv(u64);
        impl Hasher for Fnv {
            fn finish(&self) -> u64 {
                self.0
            }
            fn write(&mut self, bytes: &[u8]) {
                for &byte in bytes {
                    self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                }
            }
        }
        let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
        finding.rule.as_str().hash(&mut hasher);
        for location in [&finding.source, &finding.target].into_iter().flatten() {
            let document = file.document(location.side);
            document.path.hash(&mut hasher);
            let text = location.span.slice(&document.text);
            for word in text.split_whitespace() {
                word.hash(&mut hasher);
            }
        }
        finding.expected.hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }
}
