//! Helpers shared by the fuzz targets (included with `#[path]`).

#![allow(dead_code)]

use std::sync::LazyLock;

use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::text::Span;

/// The pipeline with the shipped glossaries, built once per process.
pub static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::new(
        selaras::glossary::load(&[], true).expect("shipped glossaries load"),
        PipelineOptions::default(),
    )
    .expect("shipped glossaries compile")
});

/// Panics unless `span` lies in `text` on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} cuts a character"
    );
}

/// The input as text: fuzz inputs that are not UTF-8 are read as the
/// binary reads files (`input::decode`), which refuses them.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
