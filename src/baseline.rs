//! Baselines: adopting `selaras check` in a repository that already has
//! findings. `--write-baseline FILE` records the fingerprints of today's
//! findings; `--baseline FILE` then reports only findings whose fingerprint
//! is not recorded. Fingerprints (`Report::fingerprints`, recipe in
//! `report`) hash the rule, the source span and the expected
//! wording, with paths relative to the project root (or the working
//! directory), never line numbers or the rest of the draft sentence: a
//! baseline written in one checkout matches in another at a different path,
//! and survives copy edits outside the flagged words.
//!
//! The file is JSON: `{"version":2,"fingerprints":["…", …],"accepted":[…]}`,
//! sorted, so that it diffs well under version control. `fingerprints` is
//! what is matched; `accepted` says, for a reviewer, what each one is: the
//! rule, the file, the unit (with its side), the words the finding is about
//! and its message ([`Accepted`]). A file without `accepted` (written before
//! it was recorded) still works; `baseline list` says its entries have no
//! details. Earlier selaras builds ignore `accepted`, so the version stays 2
//! (the fingerprint recipe did not change). Version 1 files (whose
//! fingerprints hashed absolute paths and whole draft sentences) are refused
//! with a message to write the baseline again, rather than silently matching
//! nothing.
//!
//! One finding at a time: [`Baseline::accept`] adds the findings of a run
//! whose fingerprints are given (`check --baseline FILE --accept FP`), and
//! refuses a fingerprint no finding of the run has (a typo would otherwise
//! accept nothing, silently).

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::report::{FileResult, Report};
use crate::text::Side;

/// The baseline format (and fingerprint recipe) this build writes and reads.
pub const VERSION: u32 = 2;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Baseline {
    pub version: u32,
    pub fingerprints: BTreeSet<String>,
    /// What each fingerprint is about, sorted by file, unit, rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<Accepted>,
}

/// One accepted finding, as a reviewer reads it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Accepted {
    pub file: String,
    /// The unit with its side: `draft p9.s1`, `source p9.s1`.
    pub unit: String,
    pub rule: String,
    /// The words the finding is about (whitespace collapsed, at most
    /// [`WORDS_MAX_CHARS`] characters): the draft's where it has a place
    /// in the draft, else the source's.
    pub words: String,
    /// The source words, when `words` are the draft's (`Jumat` for
    /// `Thursday`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_words: String,
    pub message: String,
    pub fingerprint: String,
}

/// Longest `words` kept in a baseline.
pub const WORDS_MAX_CHARS: usize = 80;

impl Accepted {
    pub fn of(file: &FileResult, finding: &Finding, fingerprint: &str) -> Accepted {
        let source_words = match (&finding.source, &finding.target) {
            (Some(source), Some(_)) => shorten(file.source.text.get(source.span.start..source.span.end).unwrap_or("")),
            _ => String::new(),
        };
        let (path, unit, words) = match finding.primary() {
            Some(location) => {
                let document = file.document(location.side);
                let side = match location.side {
                    Side::Source => "source",
                    Side::Target => "draft",
                };
                let text = document.text.get(location.span.start..location.span.end).unwrap_or("");
                (document.path.clone(), format!("{side} {}", location.unit_id), shorten(text))
            }
            None => (file.target.path.clone(), String::new(), String::new()),
        };
        Accepted {
            file: path,
            unit,
            rule: finding.rule.as_str().to_string(),
            words,
            source_words,
            message: finding.message.clone(),
            fingerprint: fingerprint.to_string(),
        }
    }
}

fn shorten(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= WORDS_MAX_CHARS {
        return words;
    }
    let kept: String = words.chars().take(WORDS_MAX_CHARS - 1).collect();
    format!("{kept}…")
}

impl Baseline {
    /// An empty baseline of this build's version.
    pub fn new() -> Baseline {
        Baseline {
            version: VERSION,
            ..Baseline::default()
        }
    }

    /// The fingerprints of every finding in `report`, with what each is.
    pub fn of(report: &Report) -> Baseline {
        let mut baseline = Baseline::new();
        for (file, prints) in report.files.iter().zip(report.fingerprints()) {
            for (finding, print) in file.findings.iter().zip(prints) {
                baseline.accepted.push(Accepted::of(file, finding, &print));
                baseline.fingerprints.insert(print);
            }
        }
        baseline.accepted.sort();
        baseline
    }

    /// Adds the findings of `report` whose fingerprint is one of `wanted`
    /// (a whole fingerprint, or a prefix of at least 8 characters that only
    /// one finding has); returns what was added. Nothing is added when one
    /// of `wanted` matches no finding, or more than one: the error names it.
    pub fn accept(&mut self, report: &Report, wanted: &[String]) -> std::result::Result<Vec<Accepted>, String> {
        let mut all: Vec<Accepted> = Vec::new();
        for (file, prints) in report.files.iter().zip(report.fingerprints()) {
            for (finding, print) in file.findings.iter().zip(prints) {
                all.push(Accepted::of(file, finding, &print));
            }
        }
        let mut chosen: Vec<Accepted> = Vec::new();
        for want in wanted {
            let want = want.trim();
            let matches: Vec<&Accepted> = all
                .iter()
                .filter(|a| a.fingerprint == want || (want.len() >= 8 && a.fingerprint.starts_with(want)))
                .collect();
            match matches.as_slice() {
                [] => return Err(format!("no finding of this run has the fingerprint {want}")),
                [one] => chosen.push((*one).clone()),
                _ if matches.iter().any(|a| a.fingerprint == want) => {
                    chosen.extend(matches.iter().filter(|a| a.fingerprint == want).map(|a| (*a).clone()))
                }
                several => return Err(format!("{want} is the start of {} fingerprints; give more of it", several.len())),
            }
        }
        let mut added = Vec::new();
        for accepted in chosen {
            if self.fingerprints.insert(accepted.fingerprint.clone()) {
                self.accepted.push(accepted.clone());
                added.push(accepted);
            }
        }
        self.accepted.sort();
        Ok(added)
    }

    /// What the baseline accepts: its entries, then the fingerprints it has
    /// no details for (written before details were recorded).
    pub fn entries(&self) -> Vec<Accepted> {
        let described: BTreeSet<&str> = self.accepted.iter().map(|a| a.fingerprint.as_str()).collect();
        let mut entries = self.accepted.clone();
        for print in self.fingerprints.iter().filter(|p| !described.contains(p.as_str())) {
            entries.push(Accepted {
                file: String::new(),
                unit: String::new(),
                rule: String::new(),
                words: String::new(),
                source_words: String::new(),
                message: String::new(),
                fingerprint: print.clone(),
            });
        }
        entries
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
        self.filter_keeping(report).0
    }

    /// As [`Baseline::filter`], and returns the fingerprints of the findings
    /// kept (per file, in order), as they were before filtering: a repeat
    /// numbered `…:2` keeps its number when the first one is filtered out.
    pub fn filter_keeping(&self, report: &mut Report) -> (usize, Vec<Vec<String>>) {
        let fingerprints = report.fingerprints();
        let mut removed = 0;
        let mut kept_prints = Vec::with_capacity(fingerprints.len());
        for (file, prints) in report.files.iter_mut().zip(fingerprints) {
            let mut keep = prints.iter().map(|print| !self.fingerprints.contains(print));
            let before = file.findings.len();
            file.findings.retain(|_| keep.next().unwrap_or(true));
            removed += before - file.findings.len();
            kept_prints.push(prints.into_iter().filter(|print| !self.fingerprints.contains(print)).collect());
        }
        (removed, kept_prints)
    }
}
