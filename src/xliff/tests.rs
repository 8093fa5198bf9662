//! Unit tests of the XLIFF reader, the export builder and the check's own
//! rule (`placeholder.missing`).

use std::path::Path;

use super::*;
use crate::error::Error;
use crate::pipeline::{Pipeline, PipelineOptions};

fn parse_str(text: &str) -> XliffFile {
    parse(Path::new("t.xlf"), text).unwrap()
}

fn v12(body: &str) -> String {
    format!(
        r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="id" datatype="plaintext"><body>{body}</body></file></xliff>"#
    )
}

fn v20(body: &str) -> String {
    format!(
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id" trgLang="en"><file id="f">{body}</file></xliff>"#
    )
}

fn pipeline() -> Pipeline {
    Pipeline::new(crate::glossary::load(&[], true).unwrap(), PipelineOptions::default()).unwrap()
}

#[test]
fn offsets_map_through_entities_to_the_file() {
    let text = v12(r#"<trans-unit id="1"><source>A &amp; Bravo</source><target>A &amp; B</target></trans-unit>"#);
    let file = parse_str(&text);
    let source = &file.units[0].source;
    assert_eq!(source.text, "A & Bravo");
    let bravo = source.text.find("Bravo").unwrap();
    assert!(text[source.file_offset(bravo)..].starts_with("Bravo</source>"));
    // Inside the entity the position is the entity's start.
    assert!(text[source.file_offset(2)..].starts_with("&amp;"));
    assert!(text[source.file_offset(0)..].starts_with("A &amp;"));
}

#[test]
fn a_byte_order_mark_and_crlf_keep_positions_in_the_file() {
    let text = format!(
        "\u{feff}<?xml version=\"1.0\"?>\r\n{}",
        v12("<trans-unit id=\"1\">\r\n<source>Satu<x id=\"1\"/> dua</source></trans-unit>")
    );
    let file = parse_str(&text);
    let source = &file.units[0].source;
    assert_eq!(source.text, "Satu dua");
    assert!(text[source.file_offset(0)..].starts_with("Satu<x"));
    assert!(text[source.codes[0].offset..].starts_with("<x id=\"1\"/>"));
    assert!(text[source.file_offset(5)..].starts_with("dua"));
}

#[test]
fn translate_no_is_inherited_from_groups() {
    let file = parse_str(&v12(
        r#"<group id="g" translate="no"><trans-unit id="1"><source>a</source></trans-unit></group><trans-unit id="2"><source>b</source></trans-unit>"#,
    ));
    let flags: Vec<(&str, bool)> = file.units.iter().map(|u| (u.id.as_str(), u.translate)).collect();
    assert_eq!(flags, vec![("1", false), ("2", true)]);
}

#[test]
fn inline_codes_keep_wrapped_text_and_drop_native_code() {
    let file = parse_str(&v12(
        r#"<trans-unit id="1"><source><g id="1">Korea</g> <bpt id="2">&lt;b&gt;</bpt>Utara<ept id="2">&lt;/b&gt;</ept><x id="3"/><![CDATA[ & co]]></source></trans-unit>"#,
    ));
    let source = &file.units[0].source;
    assert_eq!(source.text, "Korea Utara & co");
    let keys: Vec<&str> = source.codes.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, vec!["g#1", "bpt#2", "ept#2", "x#3"]);
    let file = parse_str(&v20(
        r#"<unit id="u"><segment><source><sc id="3"/>a<ec startRef="3"/><pc id="p">b</pc><ph id="9"/></source></segment></unit>"#,
    ));
    let keys: Vec<&str> = file.units[0].source.codes.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, vec!["sc#3", "ec#3", "pc#p", "ph#9"]);
    assert_eq!(file.units[0].source.text, "ab");
}

#[test]
fn segments_of_one_unit_get_their_own_ids() {
    let file = parse_str(&v20(
        r#"<unit id="u"><segment><source>a</source><target>A</target></segment><ignorable><source> </source></ignorable><segment id="x"><source>b</source></segment></unit><unit id="v"><segment><source>c</source></segment></unit>"#,
    ));
    let ids: Vec<&str> = file.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, vec!["u:1", "u:x", "v"]);
    assert_eq!(file.units[0].target.as_ref().unwrap().text, "A");
    assert!(file.units[1].target.is_none());
}

#[test]
fn matches_and_trailing_ignorables_are_not_the_units_text() {
    let file = parse_str(&v12(
        r#"<trans-unit id="1"><source>a</source><target>A</target><alt-trans><source>a</source><target>TM</target></alt-trans></trans-unit>"#,
    ));
    assert_eq!(file.units.len(), 1);
    assert_eq!(file.units[0].target.as_ref().unwrap().text, "A");
    let file = parse_str(&v20(concat!(
        r##"<unit id="u"><mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#s"><source>a</source><target>TM</target></mtc:match></mtc:matches>"##,
        r#"<segment id="s"><source>a</source><target>A</target></segment><ignorable><source> </source></ignorable></unit>"#,
    )));
    let units: Vec<(&str, &str)> = file
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.target.as_ref().unwrap().text.as_str()))
        .collect();
    assert_eq!(units, vec![("u", "A")]);
}

#[test]
fn seg_source_segments_pair_with_target_segments_by_mid() {
    let file = parse_str(&v12(
        r#"<trans-unit id="t"><source>a. b.</source><seg-source><mrk mtype="seg" mid="1">a.</mrk> <mrk mtype="seg" mid="2">b.</mrk></seg-source><target><mrk mtype="seg" mid="2">B.</mrk> <mrk mtype="seg" mid="1">A.</mrk></target></trans-unit>"#,
    ));
    let pairs: Vec<(&str, &str, &str)> = file
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.source.text.as_str(), u.target.as_ref().unwrap().text.as_str()))
        .collect();
    assert_eq!(pairs, vec![("t:1", "a.", "A."), ("t:2", "b.", "B.")]);
}

#[test]
fn bad_input_is_a_parse_error_with_a_position() {
    let cases = [
        (
            v12(r#"<trans-unit id="1"><source>&nbsp;</source></trans-unit>"#),
            "undefined entity",
        ),
        ("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>".to_string(), "not an XLIFF file"),
        ("<xliff>\n  <file>\n</xliff>".to_string(), "malformed XML"),
        (
            "<!DOCTYPE x [<!ENTITY a \"b\">]>\n<xliff/>".to_string(),
            "DOCTYPE declares entities",
        ),
    ];
    for (text, expected) in cases {
        match parse(Path::new("t.xlf"), &text) {
            Err(Error::Parse { line, message, .. }) => {
                assert!(message.contains(expected), "{message}");
                assert!(line >= 1);
            }
            other => panic!("{expected}: {other:?}"),
        }
    }
    match parse(Path::new("t.xlf"), "<xliff>\n  <file>\n</xliff>") {
        Err(Error::Parse { line, .. }) => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn placeholders_are_matched_by_element_and_id_in_any_order() {
    let file = parse_str(&v12(concat!(
        r#"<trans-unit id="1"><source><x id="1"/>Satu<x id="2"/></source><target><x id="2"/>One<x id="1"/></target></trans-unit>"#,
        r#"<trans-unit id="2"><source><x id="1"/>Dua<x id="1"/></source><target><x id="1"/>Two</target></trans-unit>"#,
        r#"<trans-unit id="3"><source><mrk mtype="term" mid="m">Tiga</mrk></source><target>Three</target></trans-unit>"#,
    )));
    let findings = check_xliff(&pipeline(), &file);
    let missing: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule.as_str() == "placeholder.missing")
        .map(|f| f.source.as_ref().unwrap().unit_id.as_str())
        .collect();
    // Unit 2 lost one of its two `x#1`; a dropped term `mrk` is no error.
    assert_eq!(missing, vec!["2"]);
}

#[test]
fn export_joins_a_split_translation_on_its_source_unit() {
    let source = "Korea Utara meluncurkan rudal baru yang sangat kuat pada Jumat.\n";
    let draft = "North Korea launched a new missile on Friday. It was very powerful.\n";
    let pipeline = pipeline();
    let checked = pipeline.run(source, draft);
    let units = build(&checked, source, Some(draft), pipeline.matcher().glossary());
    assert_eq!(units.len(), 1);
    assert_eq!(
        units[0].target.as_deref(),
        Some("North Korea launched a new missile on Friday. It was very powerful.")
    );
    assert_eq!(units[0].group, "p1");
    assert!(units[0].terms.iter().any(|gloss| gloss.term == "Korea Utara"
        && gloss.translations.contains(&"North Korea".to_string())
        && gloss.origin.as_deref().is_some_and(|origin| origin.contains(".tsv:"))));
}

#[test]
fn writer_escapes_markup_in_text() {
    let unit = ExportUnit {
        id: "p1.s1".into(),
        group: "p1".into(),
        source: "a < b & \"c\"".into(),
        target: Some("x > y".into()),
        translate: true,
        needs_review: false,
        notes: Vec::new(),
        terms: Vec::new(),
    };
    for version in [Version::V12, Version::V20] {
        let mut bytes = Vec::new();
        write(&mut bytes, std::slice::from_ref(&unit), version, "a&b.txt").unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains("a &lt; b &amp; &quot;c&quot;") && text.contains("a&amp;b.txt"),
            "{text}"
        );
        let file = parse_str(&text);
        assert_eq!(file.units[0].source.text, unit.source);
        assert_eq!(file.units[0].target.as_ref().unwrap().text, "x > y");
    }
}

#[test]
fn issue_12_thousands_of_nested_codes_and_segments_pair_by_key() {
    // One unit whose source nests 3,000 `g` codes, with a target that lost
    // one of them (a count per code key, not a scan per code).
    let n = 3000;
    let open = |skip: Option<usize>| -> String { (0..n).filter(|&i| Some(i) != skip).map(|i| format!(r#"<g id="{i}">"#)).collect() };
    let close = |count: usize| "</g>".repeat(count);
    let text = v12(&format!(
        r#"<trans-unit id="1"><source>{}Harga naik{}</source><target>{}Prices rose{}</target></trans-unit>"#,
        open(None),
        close(n),
        open(Some(1234)),
        close(n - 1)
    ));
    let file = parse_str(&text);
    assert_eq!(file.units[0].source.codes.len(), n);
    let missing: Vec<String> = check_xliff(&pipeline(), &file)
        .iter()
        .filter(|f| f.rule.as_str() == "placeholder.missing")
        .map(|f| f.message.clone())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains(r#"<g id="1234">"#), "{missing:?}");
    // 2,000 segments whose target segments come in reverse order, and
    // nested segment marks, which only add their text to the outer one.
    let segments = 2000;
    let source: String = (0..segments)
        .map(|i| format!(r#"<mrk mtype="seg" mid="{i}">s{i}.</mrk> "#))
        .collect();
    let target: String = (0..segments)
        .rev()
        .map(|i| format!(r#"<mrk mtype="seg" mid="{i}">t{i}.</mrk> "#))
        .collect();
    let nested = r#"<mrk mtype="seg" mid="x">a<mrk mtype="seg" mid="y">b</mrk></mrk>"#;
    let file = parse_str(&v12(&format!(
        r#"<trans-unit id="t"><source>x</source><seg-source>{source}{nested}</seg-source><target>{target}</target></trans-unit>"#
    )));
    assert_eq!(file.units.len(), segments + 1);
    for (idx, unit) in file.units.iter().take(segments).enumerate() {
        assert_eq!(unit.id, format!("t:{idx}"));
        assert_eq!(unit.target.as_ref().unwrap().text, format!("t{idx}."));
    }
    assert_eq!(file.units[segments].source.text, "ab");
}

/// Two `<file>` elements of one document, each with its own `body`.
fn v12_files(first: &str, second: &str) -> String {
    format!(
        r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="id" datatype="plaintext"><body>{first}</body></file>
<file original="b" source-language="id" datatype="plaintext"><body>{second}</body></file></xliff>"#
    )
}

fn v20_files(first: &str, second: &str) -> String {
    format!(
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id" trgLang="en"><file id="a">{first}</file>
<file id="b">{second}</file></xliff>"#
    )
}

/// The `number.changed` findings of `text`, as the text each side's span
/// covers in the file.
fn changed_numbers(text: &str) -> Vec<(String, String, String)> {
    let file = parse_str(text);
    check_xliff(&pipeline(), &file)
        .iter()
        .filter(|f| f.rule.as_str() == "number.changed")
        .map(|f| {
            let (source, target) = (f.source.as_ref().unwrap(), f.target.as_ref().unwrap());
            (
                source.unit_id.clone(),
                source.span.slice(text).to_string(),
                target.span.slice(text).to_string(),
            )
        })
        .collect()
}

#[test]
fn issue_15_item_1_units_with_one_id_in_two_files_are_told_apart() {
    // Ids are unique per `<file>` only: both files hold a unit "1". The
    // number changed in the first file's unit, and the finding must point
    // there, not at the second file's unit of the same id.
    let first = r#"<trans-unit id="1"><source>Harga naik 10 persen.</source><target>Prices rose 12 percent.</target></trans-unit>"#;
    let second = r#"<trans-unit id="1"><source>Harga beras naik 5 persen pada Senin lalu.</source><target>Rice prices rose 5 percent last Monday.</target></trans-unit>"#;
    let expected = vec![("1".to_string(), "10 persen".to_string(), "12 percent".to_string())];
    assert_eq!(changed_numbers(&v12_files(first, second)), expected);
    // The same with the faulty unit second.
    assert_eq!(changed_numbers(&v12_files(second, first)), expected);
    let first = r#"<unit id="1"><segment><source>Harga naik 10 persen.</source><target>Prices rose 12 percent.</target></segment></unit>"#;
    let second = r#"<unit id="1"><segment><source>Harga beras naik 5 persen pada Senin lalu.</source><target>Rice prices rose 5 percent last Monday.</target></segment></unit>"#;
    assert_eq!(changed_numbers(&v20_files(first, second)), expected);
    assert_eq!(changed_numbers(&v20_files(second, first)), expected);
}
