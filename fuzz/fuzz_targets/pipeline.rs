//! The whole pipeline on one pair: the input is the source, a NUL byte and
//! the draft. Segmenting, glossary matching, alignment and every check run
//! (`Pipeline::run`, and `check_pairs` on the lines paired one to one, as
//! for XLIFF); every finding must point at character boundaries; then the
//! diff view, the findings formats and the XLIFF export are rendered. The
//! input is also read as a `check --pairs-jsonl` stream (and the pair as one
//! well-formed line): one JSON answer per non-blank line.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selaras::diff::{Named, build_view};
use selaras::pipeline::UnitPair;
use selaras::report::{Document, FileResult, Report};
use selaras::render::side_by_side::{SideBySideOptions, write_side_by_side};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else { return };
    let (source, draft) = text.split_once('\0').unwrap_or((text, ""));
    let pipeline = &*common::PIPELINE;
    let checked = pipeline.run(source, draft);
    for finding in &checked.findings {
        if let Some(location) = &finding.source {
            common::assert_span(source, location.span, finding.rule.as_str());
        }
        if let Some(location) = &finding.target {
            common::assert_span(draft, location.span, finding.rule.as_str());
        }
    }
    let view = build_view(
        Named { path: "s", text: source },
        Named { path: "d", text: draft },
        &checked,
        Some((Named { path: "e", text: draft }, &checked)),
    );
    let mut out = Vec::new();
    let width = 20 + text.len() % 200;
    write_side_by_side(&mut out, &view, &SideBySideOptions::new(width, text.len() % 2 == 0)).unwrap();
    selaras::render::html::write_html(&mut out, &view).unwrap();
    let report = Report {
        files: vec![FileResult {
            source: Document::new("s", source),
            target: Document::new("d", draft),
            findings: checked.findings.clone(),
        }],
        ..Report::default()
    };
    selaras::render::human::write(&mut out, &report, true).unwrap();
    selaras::render::json::write(&mut out, &report).unwrap();
    selaras::render::sarif::write(&mut out, &report).unwrap();
    selaras::render::github::write(&mut out, &report).unwrap();
    selaras::render::junit::write(&mut out, &report).unwrap();
    let units = selaras::xliff::build(&checked, source, Some(draft), pipeline.matcher().glossary());
    selaras::xliff::write(&mut out, &units, selaras::xliff::Version::V12, "s").unwrap();
    selaras::xliff::write(&mut out, &units, selaras::xliff::Version::V20, "s").unwrap();

    let ids: Vec<String> = (1..=source.lines().count()).map(|n| n.to_string()).collect();
    let pairs: Vec<UnitPair<'_>> = source
        .lines()
        .zip(draft.lines().chain(std::iter::repeat("")))
        .zip(&ids)
        .map(|((source, target), id)| UnitPair { id, source, target })
        .collect();
    let paired = pipeline.check_pairs(&pairs);
    for finding in &paired.findings {
        if let Some(location) = &finding.source {
            common::assert_span(&paired.source_text, location.span, finding.rule.as_str());
        }
        if let Some(location) = &finding.target {
            common::assert_span(&paired.target_text, location.span, finding.rule.as_str());
        }
    }

    let line = serde_json::json!({"id": 1, "source": source, "draft": draft}).to_string();
    for stream in [data, line.as_bytes()] {
        let mut answers = Vec::new();
        let summary = selaras::stream::check_jsonl(pipeline, stream, &mut answers).unwrap();
        let answers: Vec<&[u8]> = answers.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(answers.len(), summary.lines);
        for answer in answers {
            serde_json::from_slice::<serde_json::Value>(answer).unwrap();
        }
    }
});
