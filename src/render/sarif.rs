//! `check --format sarif`: SARIF 2.1.0 for code-scanning dashboards.
//!
//! One run; `tool.driver.rules` describes every rule of the registry (id,
//! short and full description, default level); one result per finding,
//! located in the draft (where the translator edits) with the source as a
//! related location, or in the source when the draft has nothing (an
//! omission). Columns count code points (`columnKind: unicodeCodePoints`).
//! `partialFingerprints` carries the baseline fingerprint (`selaras/v2`).
//!
//! Artifact URIs are relative to the report's base (the project root, or
//! the working directory for pairs given on the command line) and say so
//! with `uriBaseId: "%SRCROOT%"`; the run's `originalUriBaseIds` gives
//! `%SRCROOT%` as the base's `file:` URI, so that a viewer on the machine
//! that wrote the file finds it, and code scanning, which knows its own
//! checkout, resolves the relative part.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::check::rules;
use crate::finding::{Finding, Severity};
use crate::report::{FileResult, Report, Resolved};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The base of relative artifact URIs.
const SRCROOT: &str = "%SRCROOT%";

fn artifact(path: &str) -> Value {
    // Absolute paths (outside the base) and standard input have no base.
    if path.starts_with('/') || path.starts_with('<') || path.get(1..3) == Some(":/") {
        json!({ "uri": uri(path) })
    } else {
        json!({ "uri": uri(path), "uriBaseId": SRCROOT })
    }
}

/// `file:` URI of an absolute folder, ending in `/` as SARIF requires of a
/// base URI.
fn folder_uri(folder: &std::path::Path) -> String {
    let mut path = folder.to_string_lossy().replace('\\', "/");
    if !path.starts_with('/') {
        path.insert(0, '/'); // A Windows drive letter: file:///C:/…
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    format!("file://{}", uri(&path))
}

fn physical(location: &Resolved<'_>) -> Value {
    json!({
        "artifactLocation": artifact(location.path),
        "region": {
            "startLine": location.line,
            "startColumn": location.column,
            "endLine": location.end_line,
            "endColumn": location.end_column,
            "byteOffset": location.start,
            "byteLength": location.end - location.start,
        }
    })
}

/// A relative URI reference for a path: forward slashes, spaces and other
/// reserved characters percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn result(file: &FileResult, finding: &Finding, fingerprint: String, rule_index: Option<usize>) -> Value {
    let mut locations = Vec::new();
    let mut related = Vec::new();
    let primary = finding.primary();
    if let Some(location) = primary {
        locations.push(json!({ "physicalLocation": physical(&file.resolve(location)) }));
    }
    if let (Some(source), Some(_)) = (&finding.source, &finding.target) {
        let resolved = file.resolve(source);
        related.push(json!({
            "id": 0,
            "physicalLocation": physical(&resolved),
            "message": { "text": format!("source unit {}", resolved.unit) },
        }));
    }
    let mut message = finding.message.clone();
    if let Some(expected) = finding.expected_text() {
        message.push_str(&format!(" (expected: {expected})"));
    }
    let mut value = json!({
        "ruleId": finding.rule.as_str(),
        "level": level(finding.severity),
        "message": { "text": message },
        "locations": locations,
        "partialFingerprints": { "selaras/v2": fingerprint },
    });
    if let Some(index) = rule_index {
        value["ruleIndex"] = json!(index);
    }
    if !related.is_empty() {
        value["relatedLocations"] = Value::Array(related);
    }
    value
}

pub fn write(out: &mut (impl Write + ?Sized), report: &Report) -> io::Result<()> {
    let rules_json: Vec<Value> = rules()
        .iter()
        .map(|info| {
            json!({
                "id": info.id.as_str(),
                "shortDescription": { "text": info.summary },
                "fullDescription": { "text": info.explanation.replace('\n', " ") },
                "defaultConfiguration": { "level": level(info.severity) },
                "help": { "text": format!("selaras explain {}", info.id) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for (file, fingerprints) in report.files.iter().zip(report.fingerprints()) {
        for (finding, fingerprint) in file.findings.iter().zip(fingerprints) {
            let rule_index = rules().iter().position(|info| info.id == finding.rule);
            results.push(result(file, finding, fingerprint, rule_index));
        }
    }
    let mut sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "selaras",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/selaras",
                "rules": rules_json,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    if let Some(base) = &report.base {
        let mut bases = serde_json::Map::new();
        bases.insert(SRCROOT.to_string(), json!({ "uri": folder_uri(base) }));
        sarif["runs"][0]["originalUriBaseIds"] = Value::Object(bases);
    }
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    out.write_all(b"\n")
}
