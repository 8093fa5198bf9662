//! The body shared by the glossary reader targets.

use std::path::Path;

use selaras::glossary::formats::{self, Format, Reader};
use selaras::glossary::lint::lint_glossaries;
use selaras::glossary::{Glossary, Matcher, matcher::Scratch};
use selaras::text::Span;

/// Reads `text` as `format` (strictly, then leniently), and when that gives
/// a glossary: lints it, compiles it, searches the text with it, writes it
/// in every format, and reads the native JSON it wrote back (which must
/// always work: JSON can say everything the model holds).
pub fn exercise(text: &str, format: Format) {
    let path = Path::new("fuzz.glossary");
    let _ = formats::parse(text, format, &mut Reader::strict(path));
    let mut problems = Vec::new();
    let Ok(glossary) = formats::parse(text, format, &mut Reader::lenient(path, &mut problems)) else {
        return;
    };
    lint_glossaries(std::slice::from_ref(&glossary), &mut problems);
    for to in [Format::Tsv, Format::Csv, Format::Tbx, Format::TbxV2, Format::Json] {
        let mut out = Vec::new();
        formats::write(&glossary, to, &mut out).unwrap();
        if to == Format::Json {
            let written = String::from_utf8(out).unwrap();
            let again = formats::parse(&written, Format::Json, &mut Reader::strict(path));
            assert!(again.is_ok(), "written JSON does not read back: {again:?}\n{written}");
        }
    }
    let layered = Glossary::layered([&glossary, &glossary]);
    if let Ok(matcher) = Matcher::new(layered) {
        let mut scratch = Scratch::default();
        let mut hits = Vec::new();
        matcher.find_in(text, Span::new(0, text.len()), &mut scratch, &mut hits);
        for hit in &hits {
            assert!(text.is_char_boundary(hit.span.start) && text.is_char_boundary(hit.span.end) && hit.span.end <= text.len());
        }
    }
}
