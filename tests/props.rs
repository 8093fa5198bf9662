//! Properties of segmentation on arbitrary text: lossless, ordered spans on
//! character boundaries, whitespace-only gaps, unique ids; and on articles
//! laid out in different ways: the same units and kinds in every layout.

use std::collections::HashSet;

use proptest::prelude::*;
use selaras::segment::{Lang, ParagraphMode, SegmenterConfig, UnitKind, segment};

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
        Just("A.S. ".to_string()),
        Just("No. ".to_string()),
        Just("Telp. ".to_string()),
        Just("2 C. ".to_string()),
        Just("Oleh ".to_string()),
        Just("Sabtu, 02 November 2024".to_string()),
        Just("(ahm)".to_string()),
        Just(" ”".to_string()),
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
    for (unit_idx, unit) in segmentation.units.iter().enumerate() {
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
            prop_assert!(original < unit_idx, "{} repeats a later unit {original}", unit.id);
        }
    }
    let tail = &text[position..];
    prop_assert!(tail.chars().all(is_gap), "non-whitespace tail {tail:?}");
    rebuilt.push_str(tail);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

const SAMPLE: &str = include_str!("../examples/korea-utara/source.id.txt");

const HEADLINES: &[&str] = &[
    "Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina",
    "Kisah pendiri Facebook dibuat komik",
    "Benarkah Rusia Menang?",
];
const DATELINES: &[&str] = &[
    "Sabtu, 02 November 2024 - 14:23 WIB",
    "Jakarta, Kamis (12/3/2018)",
    "Rabu, 12 Maret 2018 | 09.15 WIB",
];
const BYLINES: &[&str] = &["Oleh Ahmad Fauzi", "Laporan Wartawan Tribunnews.com, Rina Ayu"];
const TRAILERS: &[&str] = &[
    "(ahm)",
    "Lihat Juga :",
    "Baca Juga: Korea Utara Tembakkan Rudal",
    "tulis komentar anda",
];

/// An article: header lines (headline, dateline, maybe a byline), a run of
/// at least four body paragraphs of the sample, trailer lines.
fn article() -> impl Strategy<Value = (Vec<String>, Vec<String>, Vec<String>)> {
    let body: Vec<&'static str> = SAMPLE.lines().skip(2).take(28).collect();
    let n_body = body.len();
    (
        0..HEADLINES.len(),
        0..DATELINES.len(),
        prop::option::of(0..BYLINES.len()),
        (0..n_body - 4, 4..10usize),
        prop::sample::subsequence(TRAILERS.to_vec(), 0..=TRAILERS.len()),
    )
        .prop_map(move |(headline, dateline, byline, (first, count), trailers)| {
            let mut header = vec![HEADLINES[headline].to_string(), DATELINES[dateline].to_string()];
            header.extend(byline.map(|idx| BYLINES[idx].to_string()));
            let paragraphs = body[first..(first + count).min(n_body)]
                .iter()
                .map(|line| line.to_string())
                .collect();
            (header, paragraphs, trailers.into_iter().map(str::to_string).collect())
        })
}

/// Greedy hard wrap at `column` characters.
fn wrap(paragraph: &str, column: usize) -> String {
    let mut out = String::new();
    let mut line_width = 0;
    for word in paragraph.split(' ') {
        let word_width = word.chars().count();
        if line_width > 0 && line_width + 1 + word_width > column {
            out.push('\n');
            line_width = 0;
        } else if line_width > 0 {
            out.push(' ');
            line_width += 1;
        }
        out.push_str(word);
        line_width += word_width;
    }
    out
}

fn kinds_and_texts(text: &str) -> Vec<(UnitKind, String)> {
    segment(text, SegmenterConfig::default())
        .units
        .iter()
        .map(|unit| (unit.kind, unit.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// One paragraph per line, blank lines between paragraphs (header and
    /// trailer lines kept together), and the same hard-wrapped at a column
    /// of 45 to 120 characters give the same units with the same kinds.
    #[test]
    fn issue_14_layouts_give_the_same_units_and_kinds((header, body, trailer) in article(), column in 45usize..=120) {
        let mut lines = header.clone();
        lines.extend(body.iter().cloned());
        lines.extend(trailer.iter().cloned());
        let one_per_line = lines.join("\n") + "\n";
        let expected = kinds_and_texts(&one_per_line);
        let layout = |fit: &dyn Fn(&str) -> String| {
            let mut blocks = vec![header.iter().map(|line| fit(line)).collect::<Vec<_>>().join("\n")];
            blocks.extend(body.iter().map(|line| fit(line)));
            if !trailer.is_empty() {
                blocks.push(trailer.join("\n"));
            }
            blocks.join("\n\n") + "\n"
        };
        let blank_lines = layout(&|line: &str| line.to_string());
        prop_assert_eq!(&kinds_and_texts(&blank_lines), &expected, "blank lines:\n{}", blank_lines);
        let wrapped = layout(&|line: &str| wrap(line, column));
        prop_assert_eq!(&kinds_and_texts(&wrapped), &expected, "wrapped:\n{}", wrapped);
    }
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
