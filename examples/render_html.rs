//! Writes the diff-view HTML pages the browser test loads, and a JSON
//! sidecar with what each page must contain.
//!
//! ```text
//! cargo run --example render_html -- OUT_DIR
//! ```
//!
//! Pages: `sample.html` (the sample article against a draft with planted
//! mistakes and an earlier draft), `clean.html` (a faithful draft, no
//! findings) and `hostile.html` (markup and script in every text field).
//! The views are built by hand in `tests/fixtures/diff/fixture.rs`, since
//! the aligner, glossary and checks are separate stages.

#[path = "../tests/fixtures/diff/fixture.rs"]
mod fixture;

use std::path::PathBuf;

use selaras::diff::{DiffView, Revision};
use selaras::render::html::write_html;
use serde_json::json;

fn main() {
    let Some(out_dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: render_html OUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&out_dir).expect("create OUT_DIR");
    let mut expected = serde_json::Map::new();
    for (name, view) in [
        ("sample.html", fixture::errors_view()),
        ("clean.html", fixture::clean_view()),
        ("hostile.html", fixture::hostile_view()),
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
    json!({
        "rows": view.rows.len(),
        "rows_with_findings": view.summary.rows_with_findings,
        "rows_changed": revision.rows_changed,
        "has_previous": !revision.is_empty(),
        // Bead number, source, draft and findings.
        "cells_per_row": 4,
        // Row findings show twice (list and row), document findings once.
        "data_rule_elements": 2 * row_findings + view.findings_without_row.len(),
    })
}
