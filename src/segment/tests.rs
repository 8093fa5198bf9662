//! Stage tests: the sample article end to end, ids, kinds, repeats, and the
//! input quirks the contract names (BOM, CRLF, blank-line paragraphs).

use super::*;

const SAMPLE: &str = include_str!("../../examples/korea-utara/source.id.txt");

/// One line per unit: id, kind, repeat target and text, for snapshots.
fn describe(text: &str, segmentation: &Segmentation) -> String {
    let mut out = String::new();
    for unit in &segmentation.units {
        let repeat = unit
            .repeat_of
            .map(|idx| format!(" (= {})", segmentation.units[idx].id))
            .unwrap_or_default();
        out.push_str(&format!(
            "{} {}{} {:?}\n",
            unit.id,
            unit.kind.as_str(),
            repeat,
            unit.span.slice(text)
        ));
    }
    for block in &segmentation.repeated_blocks {
        out.push_str(&format!("block {:?} repeats {:?}\n", block.paragraphs, block.original));
    }
    out
}

#[test]
fn sample_article_snapshot() {
    let segmentation = segment(SAMPLE, SegmenterConfig::default());
    insta::assert_snapshot!(describe(SAMPLE, &segmentation));
}

#[test]
fn sample_article_every_line_is_one_unit_with_its_kind() {
    let segmentation = segment(SAMPLE, SegmenterConfig::default());
    let lines: Vec<&str> = SAMPLE.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(segmentation.units.len(), lines.len());
    for (unit, line) in segmentation.units.iter().zip(&lines) {
        assert_eq!(unit.span.slice(SAMPLE), line.trim());
        assert_eq!(unit.id.sentence, 1);
    }
    let kinds: Vec<UnitKind> = segmentation.units.iter().map(|u| u.kind).collect();
    assert_eq!(kinds[0], UnitKind::Headline);
    assert_eq!(kinds[1], UnitKind::Dateline);
    assert!(kinds[2..kinds.len() - 3].iter().all(|&k| k == UnitKind::Body));
    assert!(kinds[kinds.len() - 3..].iter().all(|&k| k == UnitKind::Boilerplate));
}

#[test]
fn sample_article_repeated_body_is_one_block() {
    let segmentation = segment(SAMPLE, SegmenterConfig::default());
    assert_eq!(
        segmentation.repeated_blocks,
        vec![RepeatedBlock {
            paragraphs: (18, 31),
            original: (4, 17)
        }]
    );
    let unit = segmentation
        .unit(UnitId {
            paragraph: 18,
            sentence: 1,
        })
        .unwrap();
    assert_eq!(
        unit.repeat_of.map(|idx| segmentation.units[idx].id),
        Some(UnitId { paragraph: 4, sentence: 1 })
    );
    // The lead-in sentence is not repeated in the scraped copy.
    assert_eq!(segmentation.unit(UnitId { paragraph: 3, sentence: 1 }).unwrap().repeat_of, None);
}

#[test]
fn repeats_ignore_whitespace_and_normalisation_differences() {
    let text = "Kalimat  satu. Café baru.\nKalimat satu.\tCafe\u{301} baru.\n";
    let segmentation = segment(text, SegmenterConfig::default());
    let repeats: Vec<Option<String>> = segmentation
        .units
        .iter()
        .map(|u| u.repeat_of.map(|idx| segmentation.units[idx].id.to_string()))
        .collect();
    assert_eq!(repeats, vec![None, None, Some("p1.s1".into()), Some("p1.s2".into())]);
    assert_eq!(
        segmentation.repeated_blocks,
        vec![RepeatedBlock {
            paragraphs: (2, 2),
            original: (1, 1)
        }]
    );
}

#[test]
fn partial_paragraph_repeats_are_not_blocks() {
    let text = "Satu. Dua.\nSatu. Tiga.\n";
    let segmentation = segment(text, SegmenterConfig::default());
    assert!(segmentation.repeated_blocks.is_empty());
    assert_eq!(segmentation.units[2].repeat_of, Some(0));
}

#[test]
fn bom_and_crlf_keep_spans_on_input_bytes() {
    let text = "\u{FEFF}Judul Berita\r\nJAKARTA - Presiden tiba. Ia disambut.\r\n";
    let segmentation = segment(text, SegmenterConfig::default());
    let spans: Vec<&str> = segmentation.units.iter().map(|u| u.span.slice(text)).collect();
    assert_eq!(spans, vec!["Judul Berita", "JAKARTA - Presiden tiba.", "Ia disambut."]);
    assert_eq!(segmentation.units[0].span.start, 3);
    assert_eq!(segmentation.units[0].kind, UnitKind::Headline);
}

#[test]
fn blank_line_paragraphs_number_ids() {
    let text =
        "Paragraf satu\nberlanjut di sini, lalu selesai dengan panjang yang cukup untuk dibungkus.\n\nParagraf dua. Kalimat kedua.\n";
    let config = SegmenterConfig {
        paragraphs: ParagraphMode::Blank,
        ..Default::default()
    };
    let segmentation = segment(text, config);
    let ids: Vec<String> = segmentation.units.iter().map(|u| u.id.to_string()).collect();
    assert_eq!(ids, vec!["p1.s1", "p2.s1", "p2.s2"]);
    assert!(segmentation.units[0].span.slice(text).contains('\n'));
}

#[test]
fn multi_sentence_first_line_is_body_not_headline() {
    let segmentation = segment("Ia datang. Lalu pergi tanpa pamit\n", SegmenterConfig::default());
    assert_eq!(segmentation.units.len(), 2);
    assert!(segmentation.units.iter().all(|u| u.kind == UnitKind::Body));
}

#[test]
fn empty_input_has_no_units() {
    for text in ["", "\n\n", "\u{FEFF}", " \r\n\t"] {
        let segmentation = segment(text, SegmenterConfig::default());
        assert!(segmentation.units.is_empty(), "{text:?}");
    }
}

#[test]
fn segmented_lines_number_paragraphs_by_blank_lines() {
    let text = "satu\n dua \n\n\ntiga\n";
    let units = lines_as_units(text);
    let got: Vec<(String, &str)> = units.iter().map(|unit| (unit.id.to_string(), unit.span.slice(text))).collect();
    assert_eq!(
        got,
        vec![("p1.s1".into(), "satu"), ("p1.s2".into(), "dua"), ("p2.s1".into(), "tiga")]
    );
    assert!(units.iter().all(|unit| unit.kind == UnitKind::Body && unit.repeat_of.is_none()));
}

/// The sample article with a byline under the dateline, one paragraph per
/// line: every kind the layouts must keep.
fn sample_with_byline() -> String {
    let mut lines: Vec<&str> = SAMPLE.lines().collect();
    lines.insert(2, "Oleh Ahmad Fauzi");
    lines.join("\n") + "\n"
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

/// The same article in the layouts people paste: header lines (headline,
/// dateline, byline) together, body paragraphs separated by blank lines,
/// each wrapped at `column` (or not at all), the trailer lines together.
fn relayout(one_per_line: &str, column: Option<usize>) -> String {
    let lines: Vec<&str> = one_per_line.lines().collect();
    let (header, rest) = lines.split_at(3);
    let (body, trailer) = rest.split_at(rest.len() - 3);
    let fit = |line: &str| column.map_or(line.to_string(), |column| wrap(line, column));
    let mut blocks = vec![header.iter().map(|line| fit(line)).collect::<Vec<_>>().join("\n")];
    blocks.extend(body.iter().map(|line| fit(line)));
    blocks.push(trailer.join("\n"));
    blocks.join("\n\n") + "\n"
}

/// Each unit's kind and text with whitespace runs read as one space.
fn kinds_and_texts(text: &str) -> Vec<(UnitKind, String)> {
    segment(text, SegmenterConfig::default())
        .units
        .iter()
        .map(|unit| (unit.kind, unit.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

#[test]
fn issue_14_kinds_are_the_same_in_every_layout() {
    let one_per_line = sample_with_byline();
    let expected = kinds_and_texts(&one_per_line);
    let kinds: Vec<UnitKind> = expected.iter().map(|(kind, _)| *kind).collect();
    assert_eq!(kinds[..3], [UnitKind::Headline, UnitKind::Dateline, UnitKind::Byline]);
    assert!(kinds[3..kinds.len() - 3].iter().all(|&k| k == UnitKind::Body));
    assert!(kinds[kinds.len() - 3..].iter().all(|&k| k == UnitKind::Boilerplate));
    for column in [None, Some(60), Some(72), Some(100)] {
        let text = relayout(&one_per_line, column);
        assert_eq!(kinds_and_texts(&text), expected, "column {column:?}:\n{text}");
    }
}

#[test]
fn issue_14_repeated_body_is_found_in_every_layout() {
    for column in [None, Some(72)] {
        let text = relayout(SAMPLE, column);
        let segmentation = segment(&text, SegmenterConfig::default());
        assert_eq!(segmentation.repeated_blocks.len(), 1, "column {column:?}");
    }
}

#[test]
fn issue_14_headline_and_dateline_above_blank_line_paragraphs_are_two_units() {
    let text = "Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina\nSabtu, 02 November 2024 - 14:23 WIB\n\nMOSKOW - Korea Utara akan mendukung Rusia hingga mencapai kemenangan di Ukraina.\n\nMenteri Luar Negeri Choe Son Hui mengatakan hal tersebut di Moskow.\n";
    let found = kinds_and_texts(text);
    assert_eq!(found[0].0, UnitKind::Headline);
    assert_eq!(found[1], (UnitKind::Dateline, "Sabtu, 02 November 2024 - 14:23 WIB".to_string()));
    assert_eq!(found.len(), 4);
}

#[test]
fn issue_14_several_articles_keep_headlines_apart_from_their_bodies() {
    let articles = [
        (
            "Korea Utara Dukung Rusia",
            "MOSKOW - Korea Utara akan mendukung Rusia hingga mencapai kemenangan di Ukraina.",
        ),
        ("Kisah pendiri Facebook dibuat komik", "Komik itu terbit bulan depan."),
        ("Naskah asli Harry Potter dipamerkan", "Pameran dibuka di London pada Sabtu."),
    ];
    let text: String = articles.iter().map(|(headline, body)| format!("{headline}\n{body}\n\n")).collect();
    let found = kinds_and_texts(&text);
    let texts: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
    let expected: Vec<&str> = articles.iter().flat_map(|(headline, body)| [*headline, *body]).collect();
    assert_eq!(texts, expected);
    assert_eq!(found[0].0, UnitKind::Headline);
    assert!(found[2..].iter().step_by(2).all(|(kind, _)| *kind == UnitKind::Heading));
}
