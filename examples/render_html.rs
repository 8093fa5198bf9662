//! Writes the diff-view HTML pages the browser test loads, and a JSON
//! sidecar with what each page must contain.
//!
//! ```text
//! cargo run --example render_html -- OUT_DIR
//! ```
//!
//! Pages, each built by the real pipeline exactly as `selaras diff --html`
//! builds it: `sample.html` (the sample article against the draft with
//! planted mistakes, compared with the faithful draft as the earlier one),
//! `clean.html` (the faithful draft) and `hostile.html` (markup and script
//! in every text field, `tests/fixtures/diff/hostile.*.txt`).

use std::path::PathBuf;

use selaras::diff::{DiffView, Named, Revision, build_view};
use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::render::html::write_html;
use selaras::report::{Document, FileResult, Report};
use serde_json::json;

/// The view `selaras diff SOURCE DRAFT [--previous EARLIER]` shows.
fn view(pipeline: &Pipeline, source_path: &str, draft_path: &str, previous_path: Option<&str>) -> DiffView {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let source = read(source_path);
    let draft = read(draft_path);
    let checked = pipeline.run(&source, &draft);
    let previous = previous_path.map(|path| {
        let text = read(path);
        let checked = pipeline.run(&source, &text);
        (path, text, checked)
    });
    let mut view = build_view(
        Named {
            path: source_path,
            text: &source,
        },
        Named {
            path: draft_path,
            text: &draft,
        },
        &checked,
        previous.as_ref().map(|(path, text, checked)| (Named { path, text }, checked)),
    );
    // The `--accept` line of each finding, as `selaras diff` computes it
    // (paths relative to the working directory, outside a project).
    let base = selaras::paths::absolute(std::path::Path::new("."));
    let report = Report {
        base: Some(base.clone()),
        files: vec![FileResult {
            source: Document::new(selaras::paths::portable(std::path::Path::new(source_path), &base), source.clone()),
            target: Document::new(selaras::paths::portable(std::path::Path::new(draft_path), &base), draft.clone()),
            findings: checked.findings.clone(),
        }],
    };
    view.fingerprints = report.fingerprint_map();
    view
}

fn main() {
    let Some(out_dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: render_html OUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&out_dir).expect("create OUT_DIR");
    let mut expected = serde_json::Map::new();
    let pipeline = Pipeline::new(selaras::glossary::builtin().clone(), PipelineOptions::default()).expect("the shipped glossary compiles");
    let source = "examples/korea-utara/source.id.txt";
    for (name, view) in [
        (
            "sample.html",
            view(
                &pipeline,
                source,
                "examples/korea-utara/draft-errors.en.txt",
                Some("examples/korea-utara/draft.en.txt"),
            ),
        ),
        ("clean.html", view(&pipeline, source, "examples/korea-utara/draft.en.txt", None)),
        (
            "hostile.html",
            view(
                &pipeline,
                "tests/fixtures/diff/hostile.id.txt",
                "tests/fixtures/diff/hostile.en.txt",
                None,
            ),
        ),
    ] {
        let mut page = Vec::new();
        write_html(&mut page, &view).expect("writing to memory cannot fail");
        std::fs::write(out_dir.join(name), &page).expect("write page");
        println!("{name}: {} bytes, {} beads", page.len(), view.rows.len());
        expected.insert(name.to_owned(), expectations(&view));
    }
    let sidecar = serde_json::to_string_pretty(&expected).expect("JSON");
    std::fs::write(out_dir.join("pages.json"), sidecar + "\n").expect("write pages.json");
}

/// What the browser test checks on a page.
fn expectations(view: &DiffView) -> serde_json::Value {
    let revision = Revision::of(view);
    let row_findings: usize = view.rows.iter().map(|row| row.findings.len()).sum();
    // Rows folded into a block line (repeats, boilerplate, not yet
    // translated) are hidden until their block is unfolded; the page's
    // status line counts the lines shown: bead rows and block lines.
    let folded = |idx: usize| view.blocks.iter().any(|block| block.rows.contains(&idx));
    let shown: Vec<usize> = (0..view.rows.len()).filter(|&idx| !folded(idx)).collect();
    let blocks_with_findings = view
        .blocks
        .iter()
        .filter(|block| view.rows[block.rows.clone()].iter().any(|row| !row.findings.is_empty()))
        .count();
    let shown_with_findings = shown.iter().filter(|&&idx| !view.rows[idx].findings.is_empty()).count();
    json!({
        "rows": view.rows.len(),
        "rows_shown": shown.len(),
        "blocks": view.blocks.len(),
        "block_rows": view.blocks.iter().map(|block| block.rows.len()).collect::<Vec<_>>(),
        "block_labels": view.blocks.iter().map(|block| block.label.clone()).collect::<Vec<_>>(),
        "lines": shown.len() + view.blocks.len(),
        "rows_with_findings": shown_with_findings,
        "lines_with_findings": shown_with_findings + blocks_with_findings,
        "findings": view.summary.findings(),
        "rows_changed": shown.iter().filter(|&&idx| revision.row_changed(idx)).count(),
        "has_previous": !revision.is_empty(),
        // Bead number, source, draft and findings.
        "cells_per_row": 4,
        // Row findings show twice (list and row), document findings once.
        "data_rule_elements": 2 * row_findings + view.findings_without_row.len(),
    })
}
