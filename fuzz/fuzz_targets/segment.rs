//! The segmenter on any text, with every language and paragraph mode:
//! never panics, and stays lossless (units ascend, sit on character
//! boundaries, and only whitespace lies between them).

#![no_main]

use libfuzzer_sys::fuzz_target;
use selaras::segment::{Lang, ParagraphMode, SegmenterConfig, segment};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else { return };
    let is_gap = |c: char| c.is_whitespace() || c == '\u{feff}';
    for lang in [Lang::Id, Lang::En] {
        for paragraphs in [ParagraphMode::Auto, ParagraphMode::Lines, ParagraphMode::Blank] {
            let segmentation = segment(text, SegmenterConfig { lang, paragraphs });
            let mut position = 0;
            for unit in &segmentation.units {
                common::assert_span(text, unit.span, "unit");
                assert!(unit.span.start >= position && unit.span.start < unit.span.end, "{:?}", unit.span);
                assert!(text[position..unit.span.start].chars().all(is_gap), "text between units");
                position = unit.span.end;
            }
            assert!(text[position..].chars().all(is_gap), "text after the last unit");
        }
    }
    for unit in selaras::segment::lines_as_units(text) {
        common::assert_span(text, unit.span, "line");
    }
});
