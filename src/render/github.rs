//! `check --format github`: GitHub Actions workflow commands, one line per
//! finding: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//! Info findings become `::notice`. Property values escape `%`, CR, LF, `:`
//! and `,`; messages escape `%`, CR and LF, as the runner expects.

use std::io::{self, Write};

use crate::finding::Severity;
use crate::report::Report;

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(out: &mut (impl Write + ?Sized), report: &Report) -> io::Result<()> {
    for file in &report.files {
        for finding in &file.findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = finding.message.clone();
            if let Some(expected) = finding.expected_text() {
                message.push_str(&format!(" (expected: {expected})"));
            }
            match finding.primary() {
                Some(location) => {
                    let resolved = file.resolve(location);
                    writeln!(
                        out,
                        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                        escape_property(resolved.path),
                        resolved.line,
                        resolved.column,
                        resolved.end_line,
                        resolved.end_column,
                        escape_property(&format!("selaras {}", finding.rule)),
                        escape_data(&message)
                    )?;
                }
                None => writeln!(
                    out,
                    "::{command} title={}::{}",
                    escape_property(&format!("selaras {}", finding.rule)),
                    escape_data(&message)
                )?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
