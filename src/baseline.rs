//! Baselines: adopting `selaras check` in a repository that already has
//! findings. `--write-baseline FILE` records the fingerprints of today's
//! findings; `--baseline FILE` then reports only findings whose fingerprint
//! is not recorded. Fingerprints (`Report::fingerprint`) hash the rule, the
//! paths and the text a finding points at, never line numbers, so they
//! survive edits elsewhere in the files.
//!
//! The file is JSON: `{"version":1,"fingerprints":["…", …]}`, sorted, so
//! that it diffs well under version control.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::render::report::Report;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Baseline {
    pub version: u32,
    pub fingerprints: BTreeSet<String>,
}

impl Baseline {
    /// The fingerprints of every finding in `report`.
    pub fn of(report: &Report) -> Baseline {
        let fingerprints = report
            .files
            .iter()
            .flat_map(|file| file.findings.iter().map(|finding| Report::fingerprint(file, finding)))
            .collect();
        Baseline { version: 1, fingerprints }
    }

    pub fn read(path: &Path) -> Result<Baseline> {
        // Read as every input is (`-` is standard input, invalid UTF-8 is
        // reported with its byte, line and column).
        let text = crate::input::read(path)?.text;
        serde_json::from_str(&text).map_err(|error| Error::Parse {
            path: path.to_path_buf(),
            line: error.line(),
            column: error.column(),
            message: format!("not a selaras baseline: {error}"),
        })
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Removes from `report` every finding the baseline records; returns
    /// how many were removed.
    pub fn filter(&self, report: &mut Report) -> usize {
        let mut removed = 0;
        for file in &mut report.files {
            let keep: Vec<bool> = file
                .findings
                .iter()
                .map(|finding| !self.fingerprints.contains(&Report::fingerprint(file, finding)))
                .collect();
            let mut keep = keep.into_iter();
            let before = file.findings.len();
            file.findings.retain(|_| keep.next().unwrap_or(true));
            removed += before - file.findings.len();
        }
        removed
    }
}
