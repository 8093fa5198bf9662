//! Baselines: adopting `selaras check` in a repository that already has
//! findings. `--write-baseline FILE` records the fingerprints of today's
//! findings; `--baseline FILE` then reports only findings whose fingerprint
//! is not recorded. Fingerprints (`Report::fingerprints`, recipe in
//! `render::report`) hash the rule, the source span and the expected
//! wording, with paths relative to the project root (or the working
//! directory), never line numbers or the rest of the draft sentence: a
//! baseline written in one checkout matches in another at a different path,
//! and survives copy edits outside the flagged words.
//!
//! The file is JSON: `{"version":2,"fingerprints":["…", …]}`, sorted, so
//! that it diffs well under version control. Version 1 files (whose
//! fingerprints hashed absolute paths and whole draft sentences) are refused
//! with a message to write the baseline again, rather than silently matching
//! nothing.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::render::report::Report;

/// The baseline format (and fingerprint recipe) this build writes and reads.
pub const VERSION: u32 = 2;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Baseline {
    pub version: u32,
    pub fingerprints: BTreeSet<String>,
}

impl Baseline {
    /// The fingerprints of every finding in `report`.
    pub fn of(report: &Report) -> Baseline {
        let fingerprints = report.fingerprints().into_iter().flatten().collect();
        Baseline {
            version: VERSION,
            fingerprints,
        }
    }

    pub fn read(path: &Path) -> Result<Baseline> {
        // Read as every input is (`-` is standard input, invalid UTF-8 is
        // reported with its byte, line and column).
        let text = crate::input::read(path)?.text;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|error| Error::Parse {
            path: path.to_path_buf(),
            line: error.line(),
            column: error.column(),
            message: format!("not a selaras baseline: {error}"),
        })?;
        if baseline.version != VERSION {
            return Err(Error::Parse {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!(
                    "baseline version {} was written by another selaras (this one reads version {VERSION}); write it again with --write-baseline",
                    baseline.version
                ),
            });
        }
        Ok(baseline)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Removes from `report` every finding the baseline records; returns
    /// how many were removed.
    pub fn filter(&self, report: &mut Report) -> usize {
        let fingerprints = report.fingerprints();
        let mut removed = 0;
        for (file, prints) in report.files.iter_mut().zip(fingerprints) {
            let mut keep = prints.iter().map(|print| !self.fingerprints.contains(print));
            let before = file.findings.len();
            file.findings.retain(|_| keep.next().unwrap_or(true));
            removed += before - file.findings.len();
        }
        removed
    }
}
