//! `check --format json`: one JSON object,
//! `{"version":1,"findings":[…],"summary":{"errors":N,"warnings":N,"infos":N}}`.
//! Each finding has `rule`, `severity`, `message`, `source` and/or `target`
//! (`path`, `unit`, `line`, `column`, `start`, `end`; paths relative to the
//! project root, or to the working directory for pairs given on the command
//! line), `fingerprint` (the baseline key), and where the rule knows what the
//! draft should say:
//!
//! * `expected`: every acceptable wording, an array of strings, preferred
//!   first (`["rupiah", "Rp", "IDR"]`);
//! * `expected_text`: the same joined with ` | ` (`"rupiah | Rp | IDR"`),
//!   the one-string form earlier versions put in `expected`, for readers
//!   that want one line.
//!
//! Both are left out when there is nothing to expect. `check --pairs-jsonl`
//! writes the same finding objects, one line per input pair
//! ([`write_pair_line`]).

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::Finding;
use crate::report::{FileResult, Report, Resolved, SeverityCounts};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<FindingOut<'a>>,
    summary: SeverityCounts,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Resolved<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Resolved<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    expected: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    expected_text: Option<String>,
    fingerprint: String,
}

impl<'a> FindingOut<'a> {
    fn new(file: &'a FileResult, finding: &'a Finding, fingerprint: String) -> Self {
        FindingOut {
            rule: finding.rule.as_str(),
            severity: finding.severity.as_str(),
            message: &finding.message,
            source: finding.source.as_ref().map(|l| file.resolve(l)),
            target: finding.target.as_ref().map(|l| file.resolve(l)),
            expected: &finding.expected,
            expected_text: finding.expected_text(),
            fingerprint,
        }
    }
}

pub fn write(out: &mut (impl Write + ?Sized), report: &Report) -> io::Result<()> {
    let mut findings = Vec::new();
    for (file, fingerprints) in report.files.iter().zip(report.fingerprints()) {
        for (finding, fingerprint) in file.findings.iter().zip(fingerprints) {
            findings.push(FindingOut::new(file, finding, fingerprint));
        }
    }
    let output = Output {
        version: 1,
        findings,
        summary: report.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct PairLine<'a> {
    id: &'a serde_json::Value,
    findings: Vec<FindingOut<'a>>,
    summary: SeverityCounts,
}

/// One line of `check --pairs-jsonl`: `{"id":…,"findings":[…],"summary":{…}}`
/// for the pair `id`, whose report holds the one checked pair.
pub fn write_pair_line(out: &mut (impl Write + ?Sized), id: &serde_json::Value, report: &Report) -> io::Result<()> {
    let mut findings = Vec::new();
    for (file, fingerprints) in report.files.iter().zip(report.fingerprints()) {
        for (finding, fingerprint) in file.findings.iter().zip(fingerprints) {
            findings.push(FindingOut::new(file, finding, fingerprint));
        }
    }
    let line = PairLine {
        id,
        findings,
        summary: report.summary(),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}
