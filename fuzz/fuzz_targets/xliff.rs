//! The XLIFF reader on any text, and the check of what it read: never
//! panics, and findings point at character boundaries of the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else { return };
    let Ok(file) = selaras::xliff::parse(std::path::Path::new("fuzz.xlf"), text) else {
        return;
    };
    for finding in selaras::xliff::check_xliff(&common::PIPELINE, &file) {
        for location in finding.source.iter().chain(finding.target.iter()) {
            common::assert_span(text, location.span, finding.rule.as_str());
        }
    }
});
