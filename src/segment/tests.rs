//! Stage tests: the sample article end to end, ids, kinds, repeats, and the
//! input quirks the contract names (BOM, CRLF, blank-line paragraphs).

use super::*;

const SAMPLE: &str = include_str!("../../examples/korea-utara/source.id.txt");

/// One line per unit: id, kind, repeat target and text, for snapshots.
fn describe(text: &str, segmentation: &Segmentation) -> String {
    let mut out = String::new();
    for unit in &segmentation.units {
        let repeat = unit.repeat_of.map(|id| format!(" (= {id})")).unwrap_or_default();
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
    assert_eq!(unit.repeat_of, Some(UnitId { paragraph: 4, sentence: 1 }));
    // The lead-in sentence is not repeated in the scraped copy.
    assert_eq!(segmentation.unit(UnitId { paragraph: 3, sentence: 1 }).unwrap().repeat_of, None);
}

#[test]
fn repeats_ignore_whitespace_and_normalisation_differences() {
    let text = "Kalimat  satu. Café baru.\nKalimat satu.\tCafe\u{301} baru.\n";
    let segmentation = segment(text, SegmenterConfig::default());
    let repeats: Vec<Option<String>> = segmentation.units.iter().map(|u| u.repeat_of.map(|id| id.to_string())).collect();
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
    assert_eq!(segmentation.units[2].repeat_of, Some(UnitId { paragraph: 1, sentence: 1 }));
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
    let got: Vec<(u32, &str)> = units.iter().map(|(p, s)| (*p, s.slice(text))).collect();
    assert_eq!(got, vec![(1, "satu"), (1, "dua"), (2, "tiga")]);
}
