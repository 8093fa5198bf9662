//! Number extraction on any text, in both languages: never panics, and
//! every mention lies on character boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selaras::segment::Lang;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else { return };
    for lang in [Lang::Id, Lang::En] {
        for mention in selaras::numbers::extract(text, lang) {
            common::assert_span(text, mention.span, "number");
            let _ = mention.key();
        }
    }
});
