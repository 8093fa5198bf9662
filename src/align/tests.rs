//! Aligner tests: small hand-made pairs and properties on random inputs.

use proptest::prelude::*;

use super::*;

fn units(texts: &[&'static str]) -> Vec<AlignUnit<'static>> {
    texts
        .iter()
        .map(|&text| AlignUnit {
            text,
            paragraph: 1,
            repeat_of: None,
        })
        .collect()
}

fn shapes(beads: &[Bead]) -> Vec<String> {
    beads.iter().map(Bead::shape).collect()
}

const SOURCE: &[&str] = &[
    "Korea Utara akan mendukung Rusia hingga mencapai kemenangan di Ukraina.",
    "Menteri Luar Negeri Choe Son Hui mengatakan hal tersebut di Moskow pada hari Jumat.",
    "Sekitar 10.000 tentara Korea Utara berada di Rusia, kata Pentagon.",
    "Lavrov berbicara tentang hubungan yang sangat dekat antara militer kedua negara.",
    "Rudal Hwasong-19 diluncurkan pada pukul 07.10 dan terbang selama 86 menit.",
];

const DRAFT: &[&str] = &[
    "North Korea will support Russia until it achieves victory in Ukraine.",
    "Foreign Minister Choe Son Hui said this in Moscow on Friday.",
    "About 10,000 North Korean troops are in Russia, the Pentagon said.",
    "Lavrov spoke of very close ties between the two countries' militaries.",
    "The Hwasong-19 missile was launched at 7:10 and flew for 86 minutes.",
];

#[test]
fn a_faithful_translation_aligns_one_to_one_with_high_scores() {
    let beads = align(&units(SOURCE), &units(DRAFT));
    assert_eq!(shapes(&beads), vec!["1-1"; 5]);
    for bead in &beads {
        assert!(bead.score > 0.5, "{bead:?}");
    }
}

#[test]
fn an_omitted_sentence_becomes_a_1_0_bead() {
    let draft = [DRAFT[0], DRAFT[1], DRAFT[3], DRAFT[4]];
    let beads = align(&units(SOURCE), &units(&draft));
    assert_eq!(shapes(&beads), vec!["1-1", "1-1", "1-0", "1-1", "1-1"]);
    assert_eq!(beads[2].kind, BeadKind::Omission);
}

#[test]
fn an_added_sentence_becomes_a_0_1_bead() {
    let draft = [
        DRAFT[0],
        DRAFT[1],
        "Stock markets in Tokyo closed higher on Tuesday.",
        DRAFT[2],
        DRAFT[3],
        DRAFT[4],
    ];
    let beads = align(&units(SOURCE), &units(&draft));
    assert_eq!(shapes(&beads), vec!["1-1", "1-1", "0-1", "1-1", "1-1", "1-1"]);
    assert_eq!(beads[2].kind, BeadKind::Addition);
}

#[test]
fn merged_sentences_become_a_2_1_bead() {
    let merged =
        "Foreign Minister Choe Son Hui said this in Moscow on Friday; about 10,000 North Korean troops are in Russia, the Pentagon said.";
    let draft = [DRAFT[0], merged, DRAFT[3], DRAFT[4]];
    let beads = align(&units(SOURCE), &units(&draft));
    assert_eq!(shapes(&beads), vec!["1-1", "2-1", "1-1", "1-1"]);
}

#[test]
fn a_copied_indonesian_draft_gets_low_confidence_everywhere() {
    let beads = align(&units(SOURCE), &units(SOURCE));
    assert_eq!(beads.len(), SOURCE.len());
    for bead in &beads {
        assert!(bead.score < 0.2, "{bead:?}");
    }
}

#[test]
fn a_repeated_source_block_translated_once_gives_repeat_beads() {
    let mut source = units(SOURCE);
    for (original, &text) in SOURCE.iter().enumerate().take(3) {
        source.push(AlignUnit {
            text,
            paragraph: 2,
            repeat_of: Some(original),
        });
    }
    let beads = align(&source, &units(DRAFT));
    assert_eq!(shapes(&beads), vec!["1-1", "1-1", "1-1", "1-1", "1-1", "1-0", "1-0", "1-0"]);
    assert!(beads[5..].iter().all(|b| b.kind == BeadKind::Repeat));
    assert_eq!(beads[6].repeat_of, Some(1));
}

#[test]
fn repeated_lines_are_found_in_segmented_input() {
    let text = "Satu.\nDua.\nTiga.\n\nSatu.\nDua.\nEmpat.\nTiga.\n";
    let found: Vec<Option<usize>> = units_from_lines(text).iter().map(|u| u.repeat_of).collect();
    // `Tiga.` repeats alone, which is not a block.
    assert_eq!(found, vec![None, None, None, Some(0), Some(1), None, None]);
    assert_eq!(units_from_lines(text)[3].paragraph, 2);
}

#[test]
fn empty_sides_give_only_null_beads() {
    let beads = align(&units(SOURCE), &[]);
    assert_eq!(shapes(&beads), vec!["1-0"; 5]);
    let beads = align(&[], &units(DRAFT));
    assert_eq!(shapes(&beads), vec!["0-1"; 5]);
    assert!(align(&[], &[]).is_empty());
}

/// Checks that beads cover both sides exactly once and in order.
fn assert_covers(beads: &[Bead], n: usize, m: usize) {
    let (mut s, mut t) = (0, 0);
    for bead in beads {
        assert_eq!(bead.source.start, s);
        assert_eq!(bead.target.start, t);
        assert!(!(bead.source.is_empty() && bead.target.is_empty()));
        assert!((0.0..=1.0).contains(&bead.score), "{bead:?}");
        s = bead.source.end;
        t = bead.target.end;
    }
    assert_eq!((s, t), (n, m));
}

fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[A-Za-z]{1,9}",
            "[0-9]{1,3}([.,][0-9]{3})?",
            Just("?".to_string()),
            Just("“".to_string())
        ],
        0..12,
    )
    .prop_map(|words| words.join(" "))
}

proptest! {
    #[test]
    fn beads_cover_every_unit_once_in_order(
        source in proptest::collection::vec(sentence(), 0..30),
        target in proptest::collection::vec(sentence(), 0..30),
    ) {
        let source_units: Vec<AlignUnit<'_>> = source.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        let target_units: Vec<AlignUnit<'_>> = target.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        let beads = align(&source_units, &target_units);
        assert_covers(&beads, source.len(), target.len());
    }

    #[test]
    fn narrow_bands_still_cover_everything(
        source in proptest::collection::vec(sentence(), 0..60),
        target in proptest::collection::vec(sentence(), 0..60),
    ) {
        let source_units: Vec<AlignUnit<'_>> = source.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        let target_units: Vec<AlignUnit<'_>> = target.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        let beads = search_with_band(&source_units, &target_units, 1);
        assert_covers(&beads, source.len(), target.len());
    }
}

/// Indonesian-looking sentences: content words, numbers and function words.
fn indonesian_sentence() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("yang"),
        Just("dan"),
        Just("di"),
        Just("dengan"),
        Just("untuk"),
        Just("pemerintah"),
        Just("mengatakan"),
        Just("Jakarta"),
        Just("10.000"),
        Just("tentara"),
        Just("kemenangan"),
    ];
    // Real Indonesian sentences always hold some function words; a "draft"
    // of bare nouns gives the language check nothing to go on.
    proptest::collection::vec(words, 3..20).prop_map(|words| words.join(" ") + " yang ada di sana.")
}

proptest! {
    #[test]
    fn one_empty_side_gives_only_null_beads(texts in proptest::collection::vec(sentence(), 0..20), source_empty: bool) {
        let units: Vec<AlignUnit<'_>> = texts.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        let beads = if source_empty { align(&[], &units) } else { align(&units, &[]) };
        prop_assert_eq!(beads.len(), texts.len());
        for bead in &beads {
            prop_assert!(bead.source.is_empty() != bead.target.is_empty());
            prop_assert!(bead.kind == BeadKind::Omission || bead.kind == BeadKind::Addition);
        }
    }

    #[test]
    fn an_indonesian_draft_scores_low_everywhere(
        source in proptest::collection::vec(indonesian_sentence(), 1..15),
        draft in proptest::collection::vec(indonesian_sentence(), 1..15),
    ) {
        // Both the source copied and a different Indonesian text as the draft.
        let source_units: Vec<AlignUnit<'_>> = source.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        let draft_units: Vec<AlignUnit<'_>> = draft.iter().map(|t| AlignUnit { text: t, paragraph: 1, repeat_of: None }).collect();
        for beads in [align(&source_units, &source_units), align(&source_units, &draft_units)] {
            for bead in &beads {
                prop_assert!(bead.score < 0.3, "{:?}", bead);
            }
        }
    }
}

/// Forces the banded search (not the full grid) with a tiny band.
fn search_with_band(source: &[AlignUnit<'_>], target: &[AlignUnit<'_>], band: usize) -> Vec<Bead> {
    let config = AlignerConfig {
        band,
        ..AlignerConfig::default()
    };
    let weights = &config.weights;
    let terms = TermPairs::new();
    let sf = anchors::features(source, crate::segment::Lang::Id, &terms, weights);
    let tf = anchors::features(target, crate::segment::Lang::En, &terms, weights);
    let scorer = cost::Scorer::new(&config, source, target, &sf, &tf);
    let path = search::search_banded(&scorer, band);
    confidence::beads(&scorer, source, target, &path)
}

/// The scorer's inputs for `search`-level tests.
fn banded(source: &[AlignUnit<'_>], target: &[AlignUnit<'_>], band: usize) -> (Vec<search::PathBead>, search::SearchStats) {
    let config = AlignerConfig::default();
    let terms = TermPairs::new();
    let sf = anchors::features(source, crate::segment::Lang::Id, &terms, &config.weights);
    let tf = anchors::features(target, crate::segment::Lang::En, &terms, &config.weights);
    let scorer = cost::Scorer::new(&config, source, target, &sf, &tf);
    search::search_banded_with_stats(&scorer, band)
}

#[test]
fn issue_12_many_short_equal_units_keep_one_narrow_band() {
    // A thousand `Ya.` (a repeated block after the first) against a
    // thousand `Yes.`: omissions and additions cost the same in any order.
    // The band stays around the diagonal and is searched once; before, it
    // doubled until it held the whole grid.
    let n = 3000;
    let source: Vec<AlignUnit<'_>> = (0..n)
        .map(|idx| AlignUnit {
            text: "Ya.",
            paragraph: idx as u32 + 1,
            repeat_of: (idx > 0).then_some(0),
        })
        .collect();
    let target: Vec<AlignUnit<'_>> = (0..n)
        .map(|idx| AlignUnit {
            text: "Yes.",
            paragraph: idx as u32 + 1,
            repeat_of: None,
        })
        .collect();
    let (path, stats) = banded(&source, &target, 32);
    assert_eq!(stats.passes, 1, "{stats:?}");
    assert!(stats.cells <= (n + 1) * 65, "{stats:?}");
    let covered_source: usize = path.iter().map(|bead| bead.source.len()).sum();
    let covered_target: usize = path.iter().map(|bead| bead.target.len()).sum();
    assert_eq!((covered_source, covered_target), (n, n));
}

#[test]
fn issue_12_a_long_omission_widens_the_band_within_its_bound() {
    // 1,500 numbered sentences; the draft leaves out 100 in the middle, a
    // drift wider than the first band. The band widens until the omission
    // fits, and no further than its bound.
    let source_texts: Vec<String> = (0..1500).map(|idx| format!("Kalimat nomor {idx} tentang Jakarta.")).collect();
    let target_texts: Vec<String> = (0..1500)
        .filter(|idx| !(700..800).contains(idx))
        .map(|idx| format!("Sentence number {idx} about Jakarta."))
        .collect();
    fn unit(text: &str) -> AlignUnit<'_> {
        AlignUnit {
            text,
            paragraph: 1,
            repeat_of: None,
        }
    }
    let source: Vec<AlignUnit<'_>> = source_texts.iter().map(|text| unit(text)).collect();
    let target: Vec<AlignUnit<'_>> = target_texts.iter().map(|text| unit(text)).collect();
    let (path, stats) = banded(&source, &target, 32);
    assert!(stats.passes > 1, "{stats:?}");
    assert!(stats.cells <= 2 * 1501 * (2 * search::MAX_WIDTH + 1), "{stats:?}");
    let omitted: Vec<usize> = path
        .iter()
        .filter(|bead| bead.target.is_empty())
        .flat_map(|bead| bead.source.clone())
        .collect();
    assert_eq!(omitted, (700..800).collect::<Vec<_>>());
}
