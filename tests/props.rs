//! Properties of segmentation on arbitrary text: lossless, ordered spans on
//! character boundaries, whitespace-only gaps, unique ids.

use std::collections::HashSet;

use proptest::prelude::*;
use selaras::segment::{Lang, ParagraphMode, SegmenterConfig, segment};

/// Text built from pieces that exercise the splitter: words, terminators,
/// quotes, brackets, abbreviations, numbers, odd whitespace and non-ASCII.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kata".to_string()),
        Just("kata".to_string()),
        Just(". ".to_string()),
        Just(".".to_string()),
        Just("?! ".to_string()),
        Just("… ".to_string()),
        Just("...".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("Dr. ".to_string()),
        Just("dll. ".to_string()),
        Just("B.J. ".to_string()),
        Just("10.000".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{0}".to_string()),
        "\\PC{1,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn configs() -> impl Strategy<Value = SegmenterConfig> {
    (
        prop_oneof![Just(Lang::Id), Just(Lang::En)],
        prop_oneof![Just(ParagraphMode::Auto), Just(ParagraphMode::Lines), Just(ParagraphMode::Blank)],
    )
        .prop_map(|(lang, paragraphs)| SegmenterConfig { lang, paragraphs })
}

fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn check_lossless(text: &str, config: SegmenterConfig) -> Result<(), TestCaseError> {
    let segmentation = segment(text, config);
    let mut rebuilt = String::with_capacity(text.len());
    let mut position = 0;
    let mut ids = HashSet::new();
    for unit in &segmentation.units {
        let span = unit.span;
        prop_assert!(span.start >= position, "span {:?} starts before {position}", span);
        prop_assert!(span.start < span.end, "empty unit {:?}", span);
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let gap = &text[position..span.start];
        prop_assert!(gap.chars().all(is_gap), "non-whitespace gap {gap:?}");
        let unit_text = span.slice(text);
        prop_assert!(
            !unit_text.starts_with(is_gap) && !unit_text.ends_with(is_gap),
            "untrimmed unit {unit_text:?}"
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(unit_text);
        position = span.end;
        prop_assert!(ids.insert(unit.id), "duplicate id {}", unit.id);
        if let Some(original) = unit.repeat_of {
            prop_assert!(original < unit.id, "{} repeats a later unit {original}", unit.id);
        }
    }
    let tail = &text[position..];
    prop_assert!(tail.chars().all(is_gap), "non-whitespace tail {tail:?}");
    rebuilt.push_str(tail);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn units_and_gaps_rebuild_tricky_text(text in tricky_text(), config in configs()) {
        check_lossless(&text, config)?;
    }

    #[test]
    fn units_and_gaps_rebuild_any_unicode(text in "\\PC*", config in configs()) {
        check_lossless(&text, config)?;
    }

    #[test]
    fn units_and_gaps_rebuild_any_chars(chars in prop::collection::vec(any::<char>(), 0..200), config in configs()) {
        let text: String = chars.into_iter().collect();
        check_lossless(&text, config)?;
    }
}
