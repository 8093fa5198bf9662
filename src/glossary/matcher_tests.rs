//! One test per matching rule, plus a property over random texts.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::glossary::formats::{Reader, json, tsv};

fn matcher(tsv_text: &str) -> Matcher {
    Matcher::new(tsv::read(tsv_text, &mut Reader::strict(Path::new("t.tsv"))).unwrap()).unwrap()
}

/// The matched texts, with the spelling each matched.
fn found<'a>(matcher: &'a Matcher, text: &'a str) -> Vec<(&'a str, &'a str)> {
    matcher
        .find_all(text)
        .into_iter()
        .map(|hit| {
            (
                hit.span.slice(text),
                matcher.glossary().entries[hit.entry].sources[hit.source].as_str(),
            )
        })
        .collect()
}

fn texts<'a>(matcher: &'a Matcher, text: &'a str) -> Vec<&'a str> {
    found(matcher, text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn nfc_in_text_and_term() {
    let m = matcher("Pe\u{301}rez\tPérez\n");
    assert_eq!(texts(&m, "kata P\u{e9}rez."), ["P\u{e9}rez"]);
    let m = matcher("P\u{e9}rez\tPérez\n");
    assert_eq!(texts(&m, "kata Pe\u{301}rez."), ["Pe\u{301}rez"]);
}

#[test]
fn case_is_ignored_for_ordinary_terms() {
    let m = matcher("Korea Utara\tNorth Korea\n");
    assert_eq!(texts(&m, "KOREA UTARA dan korea utara"), ["KOREA UTARA", "korea utara"]);
}

#[test]
fn acronyms_are_case_sensitive() {
    let m = matcher("AS\tUS\nPBB\tUN\n");
    assert_eq!(texts(&m, "AS dan PBB, as dan pbb, As"), ["AS", "PBB"]);
}

#[test]
fn explicit_case_sensitivity_wins_over_the_acronym_rule() {
    let glossary = json::read(
        r#"{"entries":[{"sources":["AS"],"preferred":"US","case_sensitive":false},{"sources":["Bank"],"preferred":"Bank","case_sensitive":true}]}"#,
        &mut Reader::strict(Path::new("t.json")),
    )
    .unwrap();
    let m = Matcher::new(glossary).unwrap();
    assert_eq!(texts(&m, "as Bank bank"), ["as", "Bank"]);
}

#[test]
fn whitespace_nbsp_and_line_breaks() {
    let m = matcher("Menteri Luar Negeri\tForeign Minister\n");
    assert_eq!(texts(&m, "Menteri  Luar\u{A0}Negeri"), ["Menteri  Luar\u{A0}Negeri"]);
    assert_eq!(texts(&m, "Menteri Luar\r\nNegeri"), ["Menteri Luar\r\nNegeri"]);
}

#[test]
fn dash_variants() {
    let m = matcher("Perserikatan Bangsa-Bangsa\tUnited Nations\n");
    assert_eq!(texts(&m, "Perserikatan Bangsa–Bangsa"), ["Perserikatan Bangsa–Bangsa"]);
    assert_eq!(
        texts(&m, "Perserikatan Bangsa\u{2011}Bangsa"),
        ["Perserikatan Bangsa\u{2011}Bangsa"]
    );
}

#[test]
fn apostrophe_variants() {
    let m = matcher("Jum'at\tFriday\n");
    assert_eq!(texts(&m, "hari Jum’at dan Jumʼat"), ["Jum’at", "Jumʼat"]);
}

#[test]
fn whole_words_only() {
    let m = matcher("Rusia\tRussia\nAS\tUS\n");
    assert_eq!(texts(&m, "Prusia, Rusiawi, ASEAN, BASIS"), Vec::<&str>::new());
    assert_eq!(texts(&m, "(Rusia) \"AS\" Korea-Rusia"), ["Rusia", "AS", "Rusia"]);
}

#[test]
fn leftmost_longest() {
    let m = matcher("Menteri Luar Negeri\tForeign Minister\nMenteri Luar Negeri AS\tUS Secretary of State\nAS\tUS\n");
    assert_eq!(
        found(&m, "Menteri Luar Negeri AS bertemu Menteri Luar Negeri Rusia"),
        [
            ("Menteri Luar Negeri AS", "Menteri Luar Negeri AS"),
            ("Menteri Luar Negeri", "Menteri Luar Negeri")
        ]
    );
}

#[test]
fn longest_that_fails_the_boundary_falls_back_to_shorter() {
    // `Korea Utara` is a candidate inside `Korea Utarab`, but not a whole word;
    // `Korea` must still be found.
    let m = matcher("Korea\tKorea\nKorea Utara\tNorth Korea\n");
    assert_eq!(texts(&m, "Korea Utarab"), ["Korea"]);
    // Case-sensitive longest candidate failing its case test falls back too.
    let glossary = json::read(
        r#"{"entries":[{"sources":["Menteri"],"preferred":"minister"},{"sources":["Menteri AS"],"preferred":"US minister","case_sensitive":true}]}"#,
        &mut Reader::strict(Path::new("t.json")),
    )
    .unwrap();
    let m = Matcher::new(glossary).unwrap();
    assert_eq!(texts(&m, "Menteri as"), ["Menteri"]);
    assert_eq!(texts(&m, "Menteri AS"), ["Menteri AS"]);
}

#[test]
fn enclitics_extend_the_span() {
    let m = matcher("Rusia\tRussia\nnegara\tcountry\n");
    assert_eq!(
        texts(&m, "Rusianya, negaranyalah, Rusiapun, Rusiaku"),
        ["Rusianya", "negaranyalah", "Rusiapun", "Rusiaku"]
    );
    assert_eq!(texts(&m, "Rusiawan negarawan"), Vec::<&str>::new());
    let hit = m.find_all("Rusianya")[0];
    assert_eq!(hit.term_span, Span::new(0, 5));
}

#[test]
fn reduplication_extends_the_span() {
    let m = matcher("kawan\tfriend\nnegara\tcountry\n");
    assert_eq!(texts(&m, "kawan-kawan dan negara-negaranya"), ["kawan-kawan", "negara-negaranya"]);
    assert_eq!(texts(&m, "kawan-lawan"), ["kawan"]);
}

#[test]
fn affixes_only_for_affix_entries() {
    let glossary = json::read(
        r#"{"entries":[{"sources":["kerah"],"preferred":"deploy","match":"affix"},{"sources":["temu"],"preferred":"meet"}]}"#,
        &mut Reader::strict(Path::new("t.json")),
    )
    .unwrap();
    let m = Matcher::new(glossary).unwrap();
    assert_eq!(
        texts(&m, "dikerahkan, berkerah, kerahkanlah, bertemu, pertemuan, pengerahan"),
        ["dikerahkan", "berkerah", "kerahkanlah", "pengerahan"]
    );
    assert_eq!(texts(&m, "mukerah, kerahan2"), Vec::<&str>::new());
}

#[test]
fn men_and_pen_replace_the_first_letter_of_affix_roots() {
    let glossary = json::read(
        r#"{"entries":[{"sources":["pukul"],"preferred":"hit","match":"affix"},{"sources":["tulis"],"preferred":"write","match":"affix"},
        {"sources":["sapu"],"preferred":"sweep","match":"affix"},{"sources":["kirim"],"preferred":"send","match":"affix"},
        {"sources":["kritik"],"preferred":"criticise","match":"affix"},{"sources":["tamu"],"preferred":"guest"}]}"#,
        &mut Reader::strict(Path::new("t.json")),
    )
    .unwrap();
    let m = Matcher::new(glossary).unwrap();
    let text = "Ia memukul, pemukulan, dipukul; menulis, penulisnya, menyapu, pengiriman, mengirimkan, mengkritik.";
    assert_eq!(
        found(&m, text),
        [
            ("memukul", "pukul"),
            ("pemukulan", "pukul"),
            ("dipukul", "pukul"),
            ("menulis", "tulis"),
            ("penulisnya", "tulis"),
            ("menyapu", "sapu"),
            ("pengiriman", "kirim"),
            ("mengirimkan", "kirim"),
            ("mengkritik", "kritik"),
        ]
    );
    // The term itself is the nasal plus the rest of the root.
    let terms: Vec<&str> = m.find_all(text).iter().map(|hit| hit.term_span.slice(text)).collect();
    assert_eq!(&terms[..4], ["mukul", "mukul", "pukul", "nulis"]);
    assert_eq!(terms[5], "nyapu");
    // The shortened root alone, after another prefix or the wrong nasal, is
    // not the term; nor is a non-affix entry (`menamu` is not `tamu`).
    assert_eq!(
        texts(&m, "ukul mukul dimukul menukul ulis bulis mengapu menamu"),
        Vec::<&str>::new()
    );
}

#[test]
fn terms_never_cross_the_piece() {
    let m = matcher("Korea Utara\tNorth Korea\n");
    let text = "ke Korea Utara";
    let mut hits = Vec::new();
    m.find_in(text, Span::new(0, 9), &mut Scratch::default(), &mut hits);
    assert!(hits.is_empty());
    m.find_in(text, Span::new(3, 14), &mut Scratch::default(), &mut hits);
    assert_eq!(hits[0].span, Span::new(3, 14));
}

const TERMS: &str =
    "Korea Utara\tNorth Korea\nKorea\tKorea\nAS\tUS\nRusia\tRussia\nkawan\tfriend\nMenteri Luar Negeri\tForeign Minister\nluar\tout\n";

proptest! {
    /// Every hit lies on char boundaries, hits ascend without overlapping,
    /// and the matched core of each hit normalises to its term's key.
    #[test]
    fn hits_are_sound(pieces in proptest::collection::vec(prop_oneof![
        Just("Korea"), Just("Utara"), Just("korea\u{A0}utara"), Just("AS"), Just("as"), Just("Rusia"), Just("nya"),
        Just("kawan"), Just("-"), Just("–"), Just(" "), Just("  "), Just("\n"), Just("."), Just("Menteri"), Just("Luar"),
        Just("Negeri"), Just("é"), Just("e\u{301}"), Just("\u{200B}"), Just("x"),
    ], 0..40)) {
        let m = matcher(TERMS);
        let text: String = pieces.concat();
        let hits = m.find_all(&text);
        let mut previous_end = 0;
        for hit in &hits {
            prop_assert!(text.is_char_boundary(hit.span.start) && text.is_char_boundary(hit.span.end));
            prop_assert!(hit.span.start >= previous_end, "overlap in {text:?}: {hits:?}");
            prop_assert!(hit.span.start <= hit.term_span.start && hit.term_span.end <= hit.span.end);
            previous_end = hit.span.end;
            let spelling = &m.glossary().entries[hit.entry].sources[hit.source];
            let core = key(hit.term_span.slice(&text), KeyOptions::FOLDED);
            let expected = key(spelling, KeyOptions::FOLDED);
            // The core is the term, or the term reduplicated (`kawan-kawan`).
            prop_assert!(core == expected || core == format!("{expected}-{}", morph::last_word(&expected)), "{core:?} vs {expected:?}");
        }
    }
}

#[test]
fn terms_that_start_or_end_with_punctuation_need_no_boundary_there() {
    let m = matcher("(AS)\t(US)\nRp.\tIDR\n");
    assert_eq!(texts(&m, "x(AS) Rp.5"), ["(AS)", "Rp."]);
}

/// The matcher without its fast path: walk from every position where a term
/// may start and take the best candidate there. `find_in` must agree.
fn reference_hits(m: &Matcher, text: &str) -> Vec<TermHit> {
    let mut norm = NormText::default();
    norm.build(text, 0, KeyOptions::FOLDED);
    let mut hits = Vec::new();
    let mut met = Vec::new();
    let mut idx = 0;
    while idx < norm.text.len() {
        let c = norm.char_at(idx).unwrap();
        let may_start = !norm.char_before(idx).is_some_and(is_word_char) || !is_word_char(c);
        if may_start {
            met.clear();
            every_term_at(m, &norm.text, idx, &mut met);
            if is_word_char(c) {
                for prefix in morph::all_prefixes() {
                    if norm.text[idx..].starts_with(prefix) {
                        every_term_at(m, &norm.text, idx + prefix.len(), &mut met);
                    }
                }
            }
            if let Some(best) = m.best_of(text, &norm, &mut met) {
                m.push_hit(&mut hits, best.pattern, best.candidate as usize, best.span, best.term_span);
                idx = best.norm_end;
                continue;
            }
        }
        idx += c.len_utf8();
    }
    hits
}

/// Every key that `haystack` holds at `at`, by comparing each spelling's
/// key there, and for affix roots also the key without its first letter
/// (the meN-/peN- shape); the automaton only names the pattern of a key.
fn every_term_at(m: &Matcher, haystack: &str, at: usize, met: &mut Vec<(PatternId, usize, usize)>) {
    let mut seen = std::collections::HashSet::new();
    for entry in &m.glossary().entries {
        for source in &entry.sources {
            let folded = key(source, KeyOptions::FOLDED);
            let mut shapes = vec![folded.clone()];
            let bytes = folded.as_bytes();
            if entry.match_mode == MatchMode::Affix && bytes.len() >= 3 && b"ptsk".contains(&bytes[0]) && b"aeiou".contains(&bytes[1]) {
                shapes.push(folded[1..].to_string());
            }
            for shape in shapes {
                if shape.is_empty() || !haystack[at..].starts_with(&shape) || !seen.insert(shape.clone()) {
                    continue;
                }
                let (pattern, end) = m.automaton.longest_at(&shape, 0, shape.len()).unwrap();
                assert_eq!(end, shape.len());
                met.push((pattern, at, at + shape.len()));
            }
        }
    }
}

fn affix_matcher() -> Matcher {
    let glossary = json::read(
        r#"{"entries":[{"sources":["kerah"],"preferred":"deploy","match":"affix"},{"sources":["kerah pasukan"],"preferred":"deploy troops"},
        {"sources":["di"],"preferred":"in"},{"sources":["AS"],"preferred":"US"},{"sources":["pasukan AS"],"preferred":"US troops"},
        {"sources":["pukul"],"preferred":"hit","match":"affix"},{"sources":["sapu"],"preferred":"sweep","match":"affix"}]}"#,
        &mut Reader::strict(Path::new("t.json")),
    )
    .unwrap();
    Matcher::new(glossary).unwrap()
}

proptest! {
    #[test]
    fn fast_path_agrees_with_walking_everywhere(pieces in proptest::collection::vec(prop_oneof![
        Just("Korea"), Just("Utara"), Just("AS"), Just("as"), Just("Rusia"), Just("nya"), Just("kawan"), Just("-"),
        Just(" "), Just("Menteri"), Just("Luar"), Just("Negeri"), Just("di"), Just("kerah"), Just("kan"), Just("ber"),
        Just("pasukan"), Just("x"), Just("."), Just("mem"), Just("ukul"), Just("pukul"), Just("meny"), Just("apu"), Just("meng"),
        Just("erah"),
    ], 0..40)) {
        let text: String = pieces.concat();
        let plain = matcher(TERMS);
        prop_assert_eq!(plain.find_all(&text), reference_hits(&plain, &text));
        let affix = affix_matcher();
        prop_assert_eq!(affix.find_all(&text), reference_hits(&affix, &text));
    }
}

/// The automaton compiled ahead of time for the shipped glossaries
/// (`prebuilt_automaton.bin`) is the one this code compiles from them now.
/// After changing a shipped glossary, the normaliser or the matcher's keys,
/// refresh it with `SELARAS_UPDATE_PREBUILT=1 cargo test --lib prebuilt`.
#[test]
fn prebuilt_automaton_is_current() {
    let mut listed: Option<(Vec<String>, Vec<u32>)> = None;
    let fresh = Matcher::compile(crate::glossary::builtin().clone(), |keys, values| {
        listed = Some((keys.iter().map(|key| key.to_string()).collect(), values.to_vec()));
        None
    })
    .unwrap();
    assert!(!fresh.is_prebuilt());
    let (keys, values) = listed.unwrap();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let bytes = super::super::prebuilt::encode(&keys, &values, &fresh.automaton.automaton);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/glossary/prebuilt_automaton.bin");
    if std::env::var_os("SELARAS_UPDATE_PREBUILT").is_some() {
        std::fs::write(&path, &bytes).unwrap();
        return;
    }
    assert!(
        super::super::prebuilt::stored() == bytes.as_slice(),
        "{} is stale: run `SELARAS_UPDATE_PREBUILT=1 cargo test --lib prebuilt` and commit it",
        path.display()
    );
    // And a run with the shipped glossaries reads it.
    assert!(Matcher::new(crate::glossary::builtin().clone()).unwrap().is_prebuilt());
    assert!(Matcher::new(crate::glossary::load(&[], true).unwrap()).unwrap().is_prebuilt());
}

/// A glossary layered over the shipped ones is compiled by the run, and
/// finds what the shipped automaton would have found plus its own terms.
#[test]
fn a_project_glossary_over_the_shipped_ones_is_compiled_afresh() {
    let shipped = Matcher::new(crate::glossary::builtin().clone()).unwrap();
    let extra = json::read(
        r#"{"entries":[{"sources":["Kampung Selaras"],"preferred":"Kampung Selaras"}]}"#,
        &mut Reader::strict(Path::new("t.json")),
    )
    .unwrap();
    let layered = Matcher::new(Glossary::layered_owned(vec![crate::glossary::builtin().clone(), extra])).unwrap();
    assert!(!layered.is_prebuilt());
    let text = "Menteri Luar Negeri Korea Utara tiba di Kampung Selaras, Jakarta Timur.";
    let from_shipped: Vec<_> = shipped.find_all(text).iter().map(|hit| hit.span).collect();
    let from_layered: Vec<_> = layered.find_all(text).iter().map(|hit| hit.span).collect();
    assert!(from_shipped.len() >= 2, "{from_shipped:?}");
    assert!(from_shipped.iter().all(|span| from_layered.contains(span)));
    assert_eq!(from_layered.len(), from_shipped.len() + 1);
}
