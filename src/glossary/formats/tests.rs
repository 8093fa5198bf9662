//! Readers, writers and round trips for every format.

use std::path::{Path, PathBuf};

use super::*;
use crate::glossary::problem::Problem;

/// The schema samples copied into the repository; a checkout without them
/// fails the tests that read them.
fn samples_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas");
    assert!(dir.is_dir(), "{} is missing from the checkout", dir.display());
    dir
}

fn parse_str(name: &str, text: &str) -> Result<Glossary> {
    let path = Path::new(name);
    parse(text, Format::from_path(path)?, &mut Reader::strict(path))
}

fn written(glossary: &Glossary, format: Format) -> String {
    let mut out = Vec::new();
    write(glossary, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn parse_error_position(error: Error) -> (usize, usize) {
    match error {
        Error::Parse { line, column, .. } => (line, column),
        other => panic!("expected a parse error, got {other}"),
    }
}

#[test]
fn format_by_extension() {
    for (name, format) in [
        ("a.tsv", Format::Tsv),
        ("a.TXT", Format::Tsv),
        ("a.utf8", Format::Tsv),
        ("a.csv", Format::Csv),
        ("a.tbx", Format::Tbx),
        ("a.xml", Format::Tbx),
        ("a.json", Format::Json),
    ] {
        assert_eq!(Format::from_path(Path::new(name)).unwrap(), format, "{name}");
    }
    assert!(Format::from_path(Path::new("a.docx")).is_err());
}

#[test]
fn tsv_rows_merge_and_comments_are_skipped() {
    let glossary = parse_str("g.tsv", "\u{FEFF}# comment\nKorea Utara\tNorth Korea\tcountry\n\nKorea Utara\tNorth Korean\nKorea Utara\tKorea North\t[forbidden] wrong order\r\n").unwrap();
    assert_eq!(glossary.len(), 1);
    let entry = &glossary.entries[0];
    assert_eq!(entry.preferred.as_deref(), Some("North Korea"));
    assert_eq!(entry.admitted, ["North Korean"]);
    assert_eq!(entry.forbidden, ["Korea North"]);
    assert_eq!(entry.note.as_deref(), Some("country"));
    assert_eq!(entry.origin.line, 2);
}

#[test]
fn tsv_malformed_rows_name_the_line() {
    let error = parse_str("g.tsv", "Rusia\tRussia\nKorea Utara North Korea\n").unwrap_err();
    assert_eq!(parse_error_position(error), (2, 1));
    let error = parse_str("g.tsv", "Rusia\tRussia\n\nRusia\t \n").unwrap_err();
    assert!(error.to_string().starts_with("g.tsv:3:"), "{error}");
}

#[test]
fn tsv_lenient_reading_collects_every_problem() {
    let mut problems: Vec<Problem> = Vec::new();
    let path = Path::new("g.tsv");
    let glossary = tsv::read(
        "a\n\tb\nRusia\tRussia\nRusia\tRussia\n x\ty\n",
        &mut Reader::lenient(path, &mut problems),
    )
    .unwrap();
    assert_eq!(glossary.len(), 2);
    let codes: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.code)).collect();
    assert_eq!(codes, [(1, "malformed"), (2, "malformed"), (4, "duplicate"), (5, "whitespace")]);
}

#[test]
fn omegat_samples_read() {
    let dir = samples_dir().join("glossary/samples");
    let tsv = read(&dir.join("omegat-glossary.utf8")).unwrap();
    assert_eq!(tsv.len(), 3);
    assert_eq!(tsv.entries[1].sources, ["Badan Meteorologi, Klimatologi, dan Geofisika"]);
    let csv = read(&dir.join("omegat-glossary.csv")).unwrap();
    assert_eq!(csv.entries[2].sources, ["kata \"kunci\""]);
    assert_eq!(
        csv.entries[0].note.as_deref(),
        Some("DPR; keep acronym in brackets on first mention")
    );
    let with_header = read(&dir.join("header-languages.csv")).unwrap();
    assert_eq!(with_header.len(), 2);
    assert_eq!(with_header.entries[0].preferred.as_deref(), Some("House of Representatives"));
    assert_eq!(with_header.entries[0].note.as_deref(), Some("Lower house of parliament; DPR"));
}

#[test]
fn csv_headers_in_any_order_and_synonyms() {
    let text = "English,Notes,Indonesian\nUnited States|US,country,Amerika Serikat|AS\n";
    let glossary = parse_str("g.csv", text).unwrap();
    let entry = &glossary.entries[0];
    assert_eq!(entry.sources, ["Amerika Serikat", "AS"]);
    assert_eq!(entry.targets().collect::<Vec<_>>(), ["United States", "US"]);
    let glossary = parse_str("g.csv", "id-ID;en-US\nRusia;Russia\n").unwrap();
    assert_eq!(glossary.entries[0].preferred.as_deref(), Some("Russia"));
}

#[test]
fn csv_errors_name_the_line() {
    let error = parse_str("g.csv", "source,target\nRusia,Russia\n,Korea\n").unwrap_err();
    assert_eq!(parse_error_position(error).0, 3);
    let error = parse_str("g.csv", "source,target,match\nRusia,Russia,fuzzy\n").unwrap_err();
    assert_eq!(parse_error_position(error).0, 2);
}

#[test]
fn json_errors_name_line_and_column() {
    let error = parse_str(
        "g.json",
        "{\"entries\": [\n  {\"sources\": [\"Rusia\"], \"preferred\": \"Russia\"},\n  {\"sources\": [\"AS\"], \"prefered\": \"US\"}\n]}",
    )
    .unwrap_err();
    assert_eq!(parse_error_position(error).0, 3);
    let error = parse_str("g.json", "{\"entries\": [\n  {\"sources\": []}]}").unwrap_err();
    assert_eq!(parse_error_position(error), (2, 3));
    let error = parse_str("g.json", "{\"entries\": [\n  {\"sources\": [\"A\"],\n").unwrap_err();
    assert_eq!(parse_error_position(error).0, 3);
}

#[test]
fn tbx_v3_and_v2_samples_read_with_status() {
    let dir = samples_dir().join("tbx/samples");
    let v3 = read(&dir.join("tbx-basic-v3-dca.tbx")).unwrap();
    let entry = &v3.entries[0];
    assert_eq!(entry.sources, ["Dewan Perwakilan Rakyat", "DPR"]);
    assert_eq!(entry.preferred.as_deref(), Some("House of Representatives"));
    assert_eq!(entry.domain.as_deref(), Some("politics"));
    assert_eq!(entry.note.as_deref(), Some("Lembaga legislatif tingkat pusat di Indonesia."));
    let v2 = read(&dir.join("tbx-v2-martif.tbx")).unwrap();
    assert_eq!(v2.entries[0].preferred.as_deref(), Some("House of Representatives"));
    assert_eq!(v2.entries[0].origin.line, 13);
}

const TBX_WITH_STATUS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1">
  <langSet xml:lang="id"><tig><term>Korea Utara</term></tig></langSet>
  <langSet xml:lang="en">
    <tig><term>DPRK</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig>
    <tig><term>North Korean</term><termNote type="normativeAuthorization">admittedTerm</termNote></tig>
    <tig><term>North Korea</term><termNote type="normativeAuthorization">preferredTerm</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="t2"><langSet xml:lang="in"><tig><term>Rusia &amp; sekutu</term></tig></langSet><langSet xml:lang="en-GB"><tig><term>Russia &#38; allies</term></tig></langSet></termEntry>
</body></text></martif>
"#;

#[test]
fn tbx_status_maps_to_roles() {
    let glossary = parse_str("g.tbx", TBX_WITH_STATUS).unwrap();
    let entry = &glossary.entries[0];
    assert_eq!(entry.preferred.as_deref(), Some("North Korea"));
    assert_eq!(entry.admitted, ["North Korean"]);
    assert_eq!(entry.forbidden, ["DPRK"]);
    assert_eq!(glossary.entries[1].sources, ["Rusia & sekutu"]);
    assert_eq!(glossary.entries[1].preferred.as_deref(), Some("Russia & allies"));
}

#[test]
fn tbx_refuses_entity_declarations_and_reports_positions() {
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<tbx><text><body/></text></tbx>";
    let error = parse_str("g.tbx", bomb).unwrap_err();
    assert!(error.to_string().contains("DOCTYPE declares entities"), "{error}");
    assert_eq!(parse_error_position(error).0, 2);
    let external = "<?xml version=\"1.0\"?>\n<tbx><text><body><conceptEntry id=\"c\"><langSec xml:lang=\"id\"><termSec><term>&ext;</term></termSec></langSec></conceptEntry></body></text></tbx>";
    assert!(parse_str("g.tbx", external).unwrap_err().to_string().contains("undefined entity"));
    let broken = "<tbx>\n<text>\n  <body></text></tbx>";
    let (line, _) = parse_error_position(parse_str("g.tbx", broken).unwrap_err());
    assert_eq!(line, 3);
    assert!(parse_str("g.tbx", "<html/>").unwrap_err().to_string().contains("not a TBX file"));
}

fn rich_glossary() -> Glossary {
    let text = r#"{"version": 1, "entries": [
      {"sources": ["Korea Utara", "Korut"], "preferred": "North Korea", "admitted": ["North Korean"], "forbidden": ["DPRK"], "note": "a \"note\", with comma", "domain": "countries"},
      {"sources": ["AS"], "preferred": "US", "case_sensitive": true},
      {"sources": ["kerah"], "preferred": "deploy", "match": "affix", "case_sensitive": false}
    ]}"#;
    parse_str("g.json", text).unwrap()
}

/// Sources, preferred, admitted, forbidden and note of one entry.
type Essence = (Vec<String>, Option<String>, Vec<String>, Vec<String>, Option<String>);

/// Entries compared on what every lossless format keeps.
fn essence(glossary: &Glossary) -> Vec<Essence> {
    glossary
        .entries
        .iter()
        .map(|e| {
            (
                e.sources.clone(),
                e.preferred.clone(),
                e.admitted.clone(),
                e.forbidden.clone(),
                e.note.clone(),
            )
        })
        .collect()
}

#[test]
fn json_csv_and_tbx_round_trip_everything() {
    let glossary = rich_glossary();
    for (format, name) in [
        (Format::Json, "r.json"),
        (Format::Csv, "r.csv"),
        (Format::Tbx, "r.tbx"),
        (Format::TbxV2, "r2.tbx"),
    ] {
        let again = parse_str(name, &written(&glossary, format)).unwrap();
        assert_eq!(essence(&again), essence(&glossary), "{format:?}");
        let flags: Vec<_> = again
            .entries
            .iter()
            .map(|e| (e.case_sensitive, e.match_mode, e.domain.clone()))
            .collect();
        let expected: Vec<_> = glossary
            .entries
            .iter()
            .map(|e| (e.case_sensitive, e.match_mode, e.domain.clone()))
            .collect();
        assert_eq!(flags, expected, "{format:?}");
    }
}

#[test]
fn tsv_json_tsv_round_trip() {
    let tsv_text = "# Glossary in tab-separated format -*- coding: utf-8 -*-\nKorea Utara\tNorth Korea\tcountry\nKorea Utara\tNorth Korean\nKorea Utara\tDPRK\t[forbidden]\nAS\tUS\n";
    let from_tsv = parse_str("a.tsv", tsv_text).unwrap();
    let json_text = written(&from_tsv, Format::Json);
    let from_json = parse_str("a.json", &json_text).unwrap();
    assert_eq!(written(&from_json, Format::Tsv), tsv_text);
}

#[test]
fn tbx_tsv_tbx_round_trip_keeps_entries_and_status() {
    let from_tbx = parse_str("a.tbx", TBX_WITH_STATUS).unwrap();
    let tsv_text = written(&from_tbx, Format::Tsv);
    let from_tsv = parse_str("a.tsv", &tsv_text).unwrap();
    let tbx_text = written(&from_tsv, Format::Tbx);
    let again = parse_str("b.tbx", &tbx_text).unwrap();
    assert_eq!(essence(&again), essence(&from_tbx));
    assert!(tbx_text.contains("deprecatedTerm-admn-sts"));
    assert!(tbx_text.contains("Rusia &amp; sekutu"));
}

#[test]
fn tsv_tbx_v2_round_trip_keeps_entries_and_status() {
    let tsv_text = "Korea Utara\tNorth Korea\tcountry & \"state\"\nKorea Utara\tNorth Korean\nKorea Utara\tDPRK\t[forbidden]\nAS\tUS\n";
    let from_tsv = parse_str("a.tsv", tsv_text).unwrap();
    assert_eq!(from_tsv.entries[0].forbidden, ["DPRK"]);
    let tbx_text = written(&from_tsv, Format::TbxV2);
    assert!(tbx_text.contains(r#"<martif type="TBX" xml:lang="en">"#), "{tbx_text}");
    assert!(tbx_text.contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"));
    let again = parse_str("b.tbx", &tbx_text).unwrap();
    assert_eq!(again.len(), 2);
    let entry = &again.entries[0];
    assert_eq!(entry.sources, ["Korea Utara"]);
    assert_eq!(entry.preferred.as_deref(), Some("North Korea"));
    assert_eq!(entry.admitted, ["North Korean"]);
    assert_eq!(entry.forbidden, ["DPRK"]);
    assert_eq!(entry.note.as_deref(), Some("country & \"state\""));
    assert_eq!(essence(&again), essence(&from_tsv));
    // Back to TSV, the rows are the ones we started from.
    let tsv_again = written(&again, Format::Tsv);
    assert_eq!(
        tsv_again.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>(),
        tsv_text.lines().collect::<Vec<_>>()
    );
}

#[test]
fn tbx_v2_keeps_domain_and_every_spelling() {
    let glossary = rich_glossary();
    let again = parse_str("r.tbx", &written(&glossary, Format::TbxV2)).unwrap();
    assert_eq!(essence(&again), essence(&glossary));
    assert_eq!(again.entries[0].domain.as_deref(), Some("countries"));
    assert_eq!(again.entries[0].sources, ["Korea Utara", "Korut"]);
}

#[test]
fn tbx_rules_note_is_read_only_when_every_word_is_a_rule() {
    let tbx = |note: &str| {
        format!(
            r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">
            <langSec xml:lang="id"><termSec><term>AS</term><note>{note}</note></termSec></langSec>
            <langSec xml:lang="en"><termSec><term>US</term></termSec></langSec></conceptEntry></body></text></tbx>"#
        )
    };
    let rules = parse_str("r.tbx", &tbx("selaras-match: case-insensitive, affix")).unwrap();
    let entry = &rules.entries[0];
    assert_eq!(
        (entry.case_sensitive, entry.match_mode, entry.note.as_deref()),
        (Some(false), MatchMode::Affix, None)
    );
    let plain = parse_str("p.tbx", &tbx("selaras-match: always")).unwrap();
    let entry = &plain.entries[0];
    assert_eq!(
        (entry.case_sensitive, entry.match_mode, entry.note.as_deref()),
        (None, MatchMode::Exact, Some("selaras-match: always"))
    );
}

/// The TBX we write must validate against the official schema. Without
/// `xmllint` the test is skipped locally but fails in CI (`CI` set).
#[test]
fn written_tbx_validates() {
    let has_xmllint = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        has_xmllint,
        "xmllint is needed to validate TBX output (apt-get install libxml2-utils; .ci/run installs it)"
    );
    let validator = samples_dir().join("validate.sh");
    let dir = std::env::temp_dir().join(format!("selaras-tbx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, glossary, format) in [
        ("rich.tbx", rich_glossary(), Format::Tbx),
        ("status.tbx", parse_str("s.tbx", TBX_WITH_STATUS).unwrap(), Format::Tbx),
        ("rich-v2.tbx", rich_glossary(), Format::TbxV2),
        ("status-v2.tbx", parse_str("s.tbx", TBX_WITH_STATUS).unwrap(), Format::TbxV2),
    ] {
        let path = dir.join(name);
        let text = written(&glossary, format);
        // The v2 files must really be v2, or the DTD would not be what checks them.
        assert_eq!(text.contains("<martif "), format == Format::TbxV2, "{name}");
        std::fs::write(&path, text).unwrap();
        let output = std::process::Command::new("bash")
            .arg(&validator)
            .arg("tbx")
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn issue_12_many_rows_for_one_term_merge_in_linear_time() {
    // 20,000 rows of one source with different targets, each given twice:
    // every target is kept once, in order, and every repeat is a
    // `duplicate` (the rows once compared each with every earlier one).
    let n = 20_000;
    let mut text = String::new();
    for copy in 0..2 {
        for idx in 0..n {
            text.push_str(&format!("Korea Utara\tNorth Korea {idx}\t{copy}\n"));
        }
    }
    text.push_str("Korea Utara\tDPRK\t[forbidden]\nKorea Utara\tDPRK\t[forbidden]\n");
    let mut problems: Vec<Problem> = Vec::new();
    let glossary = tsv::read(&text, &mut Reader::lenient(Path::new("g.tsv"), &mut problems)).unwrap();
    assert_eq!(glossary.len(), 1);
    let entry = &glossary.entries[0];
    assert_eq!(entry.targets().count(), n);
    assert_eq!(entry.targets().nth(7), Some("North Korea 7"));
    assert_eq!(entry.forbidden, ["DPRK"]);
    assert_eq!(problems.iter().filter(|p| p.code == "duplicate").count(), n);
}
