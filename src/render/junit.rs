//! `check --format junit`: JUnit XML for CI test reports. One test suite,
//! one test case per source/draft pair; each error or warning finding is a
//! `<failure>` of its pair (info findings go to `<system-out>`), so a
//! dashboard shows a pair as failed when it has something to fix.

use std::io::{self, Write};

use crate::finding::Severity;
use crate::report::Report;
use crate::xml::escape as escape_xml;

pub fn write(out: &mut (impl Write + ?Sized), report: &Report) -> io::Result<()> {
    let n_failed = report
        .files
        .iter()
        .filter(|file| file.findings.iter().any(|f| f.severity > Severity::Info))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="selaras" tests="{}" failures="{n_failed}">"#,
        report.files.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="selaras check" tests="{}" failures="{n_failed}" errors="0" skipped="0">"#,
        report.files.len()
    )?;
    for file in &report.files {
        writeln!(
            out,
            r#"    <testcase classname="selaras.check" name="{}">"#,
            escape_xml(&file.name())
        )?;
        let mut notes = Vec::new();
        for finding in &file.findings {
            let place = finding.primary().map(|l| {
                let r = file.resolve(l);
                format!("{}:{}:{} ({})", r.path, r.line, r.column, r.unit)
            });
            let line = format!(
                "{} {}: {}{}",
                finding.severity,
                finding.rule,
                finding.message,
                place.map(|p| format!(" at {p}")).unwrap_or_default()
            );
            if finding.severity == Severity::Info {
                notes.push(line);
                continue;
            }
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                escape_xml(finding.rule.as_str()),
                escape_xml(&finding.message),
                escape_xml(&line)
            )?;
        }
        if !notes.is_empty() {
            writeln!(out, "      <system-out>{}</system-out>", escape_xml(&notes.join("\n")))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}
