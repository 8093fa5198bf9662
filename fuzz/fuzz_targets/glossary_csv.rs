//! The CSV glossary reader, strict and lenient, on any text; what it
//! reads is linted, compiled into a matcher and searched with, and written
//! in every format (see `glossary.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use selaras::glossary::formats::Format;

#[path = "common.rs"]
mod common;
#[path = "glossary.rs"]
mod glossary;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = common::text(data) {
        glossary::exercise(text, Format::Csv);
    }
});
