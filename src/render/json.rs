//! `check --format json`: one JSON object,
//! `{"version":1,"findings":[…],"summary":{"errors":N,"warnings":N,"infos":N}}`.
//! Each finding has `rule`, `severity`, `message`, `source` and/or `target`
//! (`path`, `unit`, `line`, `column`, `start`, `end`), and where known
//! `expected` and a `fingerprint` (the baseline key).

use std::io::{self, Write};

use serde::Serialize;

use super::report::{Report, Resolved, Summary};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<FindingOut<'a>>,
    summary: Summary,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    fingerprint: String,
}

pub fn write(out: &mut (impl Write + ?Sized), report: &Report) -> io::Result<()> {
    let mut findings = Vec::new();
    for file in &report.files {
        for finding in &file.findings {
            findings.push(FindingOut {
                rule: finding.rule.as_str(),
                severity: finding.severity.as_str(),
                message: &finding.message,
                source: finding.source.as_ref().map(|l| file.resolve(l)),
                target: finding.target.as_ref().map(|l| file.resolve(l)),
                expected: finding.expected.as_deref(),
                fingerprint: Report::fingerprint(file, finding),
            });
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
