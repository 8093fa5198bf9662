//! XLIFF export and import end to end: exports of the sample validate
//! against the official schemas, export → import keeps units and targets,
//! a bilingual XLIFF of the faulty draft gets the same findings as the plain
//! pair, CAT-tool-shaped files with inline codes are read, and bad input is
//! refused with a position.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use selaras::pipeline::{Pipeline, PipelineOptions};
use serde_json::Value;

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT: &str = "examples/korea-utara/draft.en.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-xliff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Exports `draft` (or only the source) as XLIFF `version` into `dir`.
fn export(dir: &Path, draft: Option<&str>, version: &str) -> PathBuf {
    let out = dir.join(format!(
        "export-{version}-{}.xlf",
        draft.map_or("none", |d| if d == DRAFT { "good" } else { "errors" })
    ));
    let mut command = selaras();
    command.args(["export", "xliff", SOURCE]);
    command.args(draft);
    command.args(["--xliff-version", version, "-o"]).arg(&out);
    command.assert().success();
    out
}

mod support;

fn validate(mode: &str, file: &Path) -> (bool, String) {
    support::validate_xml(mode, file)
}

#[test]
fn exports_of_the_sample_validate_against_the_official_schemas() {
    let dir = scratch("validate");
    for (version, mode) in [("1.2", "xliff12"), ("2.0", "xliff20")] {
        for draft in [None, Some(DRAFT), Some(DRAFT_ERRORS)] {
            let file = export(&dir, draft, version);
            let (valid, log) = validate(mode, &file);
            assert!(valid, "{} does not validate as {mode}:\n{log}", file.display());
        }
    }
}

#[test]
fn the_validator_rejects_a_broken_export() {
    // Guards the test above: a validator that accepts everything would
    // make it pass vacuously.
    let dir = scratch("broken");
    let file = export(&dir, Some(DRAFT_ERRORS), "1.2");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("state=\"translated\"", "state=\"almost\"", 1);
    std::fs::write(&file, text).unwrap();
    assert!(!validate("xliff12", &file).0);
}

#[test]
fn export_12_has_groups_states_notes_and_untranslatable_copies() {
    let dir = scratch("shape12");
    let text = std::fs::read_to_string(export(&dir, Some(DRAFT_ERRORS), "1.2")).unwrap();
    assert!(text.contains(r#"<group id="p3" restype="x-paragraph">"#));
    assert!(text.contains(r#"<trans-unit id="p3.s1">"#));
    // The unit with the wrong weekday needs review and says why.
    let p5 = &text[text.find(r#"<trans-unit id="p5.s1">"#).unwrap()..];
    let p5 = &p5[..p5.find("</trans-unit>").unwrap()];
    assert!(p5.contains(r#"state="needs-review-translation""#), "{p5}");
    assert!(p5.contains("calendar.changed"), "{p5}");
    // The scraper's repeated block is not for translation.
    let p18 = &text[text.find(r#"<trans-unit id="p18.s1""#).unwrap()..];
    assert!(p18.starts_with(r#"<trans-unit id="p18.s1" translate="no">"#), "{}", &p18[..80]);
    assert!(p18[..p18.find("</trans-unit>").unwrap()].contains("repeats p4.s1"));
    // The sentence merged into p15.s1's translation says so.
    let p16 = &text[text.find(r#"<trans-unit id="p16.s1""#).unwrap()..];
    assert!(p16[..p16.find("</trans-unit>").unwrap()].contains("translated together with p15.s1"));
}

#[test]
fn export_20_uses_the_glossary_module_and_substates() {
    let dir = scratch("shape20");
    let text = std::fs::read_to_string(export(&dir, Some(DRAFT_ERRORS), "2.0")).unwrap();
    assert!(text.contains(r#"xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0""#));
    assert!(text.contains(">Menteri Luar Negeri</gls:term>"));
    assert!(text.contains(r#"<segment state="translated" subState="selaras:needs-review">"#));
    assert!(text.contains(r#"<note category="selaras:calendar.changed" priority="1" appliesTo="target">"#));
}

#[test]
fn export_of_an_empty_source_is_refused() {
    let dir = scratch("empty");
    let empty = dir.join("empty.id.txt");
    std::fs::write(&empty, "\n  \n").unwrap();
    let output = selaras().args(["export", "xliff"]).arg(&empty).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no text to export"));
}

#[test]
fn export_without_a_draft_has_no_targets() {
    let dir = scratch("nodraft");
    let text = std::fs::read_to_string(export(&dir, None, "1.2")).unwrap();
    assert!(!text.contains("<target"));
    assert!(text.contains(r#"<trans-unit id="p1.s1">"#));
}

const FIXTURES: &str = "tests/fixtures/xliff";

/// `selaras check ARGS --format json`: exit status and report.
fn check_json(args: &[&str]) -> (Option<i32>, Value) {
    let output = selaras().arg("check").args(args).args(["--format", "json"]).output().unwrap();
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    (output.status.code(), report)
}

/// (rule, severity, unit, line of the primary location) of each finding.
fn findings(report: &Value) -> Vec<(String, String, String, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let location = if f["target"].is_object() { &f["target"] } else { &f["source"] };
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["source"]["unit"].as_str().or(f["target"]["unit"].as_str()).unwrap().to_string(),
                location["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn export_then_import_gives_the_same_units_and_targets() {
    let source = std::fs::read_to_string(SOURCE).unwrap();
    let draft = std::fs::read_to_string(DRAFT_ERRORS).unwrap();
    let pipeline = Pipeline::new(selaras::glossary::load(&[], true).unwrap(), PipelineOptions::default()).unwrap();
    let checked = pipeline.run(&source, &draft);
    let units = selaras::xliff::build(&checked, &source, Some(&draft), pipeline.matcher().glossary());
    assert!(units.iter().filter(|u| u.target.is_some()).count() > 10);
    for version in [selaras::xliff::Version::V12, selaras::xliff::Version::V20] {
        let mut bytes = Vec::new();
        selaras::xliff::write(&mut bytes, &units, version, "source.id.txt").unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let file = selaras::xliff::parse(Path::new("export.xlf"), &text).unwrap();
        assert_eq!(file.version, version.as_str());
        let exported: Vec<(&str, &str, Option<&str>, bool)> = units
            .iter()
            .map(|u| (u.id.as_str(), u.source.as_str(), u.target.as_deref(), u.translate))
            .collect();
        let imported: Vec<(&str, &str, Option<&str>, bool)> = file
            .units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.source.text.as_str(),
                    u.target.as_ref().map(|t| t.text.as_str()),
                    u.translate,
                )
            })
            .collect();
        assert_eq!(imported, exported, "XLIFF {}", version.as_str());
        // Every unit's source position points at its own text in the file.
        for unit in &file.units {
            let start = unit.source.file_offset(0);
            let opening: String = selaras::xml::escape(&unit.source.text).to_string().chars().take(8).collect();
            assert!(text[start..].starts_with(&opening), "{}", unit.id);
        }
    }
}

#[test]
fn bilingual_xliff_of_the_faulty_draft_gets_the_plain_pair_findings() {
    let dir = scratch("parity");
    let (plain_code, plain) = check_json(&[SOURCE, DRAFT_ERRORS]);
    assert_eq!(plain_code, Some(1));
    // Plain findings by rule and source unit (the XLIFF unit id).
    let key = |f: &Value| {
        (
            f["rule"].as_str().unwrap().to_string(),
            f["source"]["unit"].as_str().unwrap_or("").to_string(),
        )
    };
    // The same rules at the same source units: the import reads back the
    // export's own marks for a merge and for the repeated block.
    let mut expected: Vec<(String, String)> = plain["findings"].as_array().unwrap().iter().map(key).collect();
    expected.sort();
    for version in ["1.2", "2.0"] {
        let file = export(&dir, Some(DRAFT_ERRORS), version);
        let (code, report) = check_json(&[file.to_str().unwrap()]);
        assert_eq!(code, Some(1));
        let mut found: Vec<(String, String)> = report["findings"].as_array().unwrap().iter().map(key).collect();
        found.sort();
        assert_eq!(found, expected, "XLIFF {version}");
        // Findings point into the .xlf file, at the lines of their elements.
        let text = std::fs::read_to_string(&file).unwrap();
        for finding in report["findings"].as_array().unwrap() {
            assert_eq!(finding["source"]["path"].as_str(), file.to_str());
            let line = finding["source"]["line"].as_u64().unwrap() as usize;
            let unit = finding["source"]["unit"].as_str().unwrap();
            let source_line = text.lines().nth(line - 1).unwrap();
            assert!(source_line.contains("<source>"), "{unit}: line {line} is {source_line}");
            let unit_line = text.lines().take(line).filter(|l| l.contains("unit id=")).last().unwrap();
            assert!(unit_line.contains(&format!("\"{unit}\"")), "{unit}: {unit_line}");
        }
    }
    // In a delivered XLIFF a missing target is an omission error, as in the
    // plain pair; in a file still in progress it is information.
    let (_, report) = check_json(&[export(&dir, Some(DRAFT_ERRORS), "1.2").to_str().unwrap()]);
    let omission = findings(&report).into_iter().find(|f| f.0 == "omission" && f.2 == "p9.s1").unwrap();
    assert_eq!(omission.1, "error");
    let (_, report) = check_json(&[export(&dir, None, "1.2").to_str().unwrap()]);
    let omission = findings(&report).into_iter().find(|f| f.0 == "omission" && f.2 == "p9.s1").unwrap();
    assert_eq!(omission.1, "info");
}

#[test]
fn a_faithful_draft_exported_to_xliff_checks_clean() {
    let dir = scratch("clean");
    let file = export(&dir, Some(DRAFT), "2.0");
    let (code, report) = check_json(&[file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["summary"]["errors"], 0);
}

#[test]
fn omegat_shaped_file_reports_the_lost_line_break_and_skips_untranslatable_units() {
    let (code, report) = check_json(&[&format!("{FIXTURES}/omegat-12.xlf")]);
    assert_eq!(code, Some(1));
    let found = findings(&report);
    assert_eq!(
        found,
        vec![
            ("placeholder.missing".to_string(), "error".to_string(), "p2".to_string(), 14),
            // Most units are translated: the one without a target was missed.
            ("omission".to_string(), "error".to_string(), "p5".to_string(), 24),
        ]
    );
    let missing = &report["findings"][0];
    assert_eq!(missing["source"]["line"], 13);
    assert_eq!(missing["source"]["column"], 53);
    assert!(missing["message"].as_str().unwrap().contains(r#"<x id="2"/>"#));
}

#[test]
fn okapi_segmented_12_file_is_checked_per_segment() {
    let (_, report) = check_json(&[&format!("{FIXTURES}/okapi-12-segmented.xlf")]);
    let found: Vec<(String, String)> = findings(&report).into_iter().map(|f| (f.0, f.2)).collect();
    assert_eq!(
        found,
        vec![
            ("placeholder.missing".to_string(), "tu1:0".to_string()),
            ("number.changed".to_string(), "tu1:1".to_string()),
        ]
    );
}

#[test]
fn okapi_shaped_20_file_reads_codes_and_segments() {
    let (code, report) = check_json(&[&format!("{FIXTURES}/okapi-20.xlf")]);
    assert_eq!(code, Some(1));
    let found: Vec<(String, String, u64)> = findings(&report).into_iter().map(|f| (f.0, f.2, f.3)).collect();
    assert_eq!(
        found,
        vec![
            ("calendar.changed".to_string(), "u1:s2".to_string(), 22),
            ("placeholder.missing".to_string(), "u2".to_string(), 28),
        ]
    );
}

#[test]
fn an_xliff_file_is_recognised_by_its_content_too() {
    let dir = scratch("sniff");
    let copy = dir.join("okapi-20.txt");
    std::fs::copy(format!("{FIXTURES}/okapi-20.xlf"), &copy).unwrap();
    let (_, report) = check_json(&[copy.to_str().unwrap()]);
    assert_eq!(findings(&report).len(), 2);
}

#[test]
fn malformed_xml_exits_2_naming_file_line_and_column() {
    let output = selaras().args(["check", &format!("{FIXTURES}/malformed.xlf")]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("malformed.xlf:7:28:"), "{stderr}");
}

#[test]
fn entity_expansion_bomb_is_refused_quickly() {
    let started = std::time::Instant::now();
    let output = selaras().args(["check", &format!("{FIXTURES}/entity-bomb.xlf")]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("entity-bomb.xlf:2:1:") && stderr.contains("DOCTYPE declares entities"),
        "{stderr}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn hand_made_fixtures_are_valid_xliff() {
    for (name, mode) in [
        ("omegat-12.xlf", "xliff12t"),
        ("okapi-12-segmented.xlf", "xliff12t"),
        ("okapi-20.xlf", "xliff20"),
        ("two-files-12.xlf", "xliff12t"),
        ("two-files-20.xlf", "xliff20"),
    ] {
        let (valid, log) = validate(mode, &Path::new(FIXTURES).join(name));
        assert!(valid, "{name}: {log}");
    }
}

#[test]
fn issue_15_item_1_a_unit_id_in_two_files_is_reported_where_it_is() {
    // Both `<file>`s hold a unit "1"; the number changed in the unit of
    // the file `harga`, and the report points at its line, not at the line
    // of the other file's unit "1".
    for (name, line) in [("two-files-12.xlf", 7), ("two-files-20.xlf", 9)] {
        let path = format!("{FIXTURES}/{name}");
        let (status, report) = check_json(&[&path]);
        assert_eq!(status, Some(1), "{report}");
        assert_eq!(
            findings(&report),
            [("number.changed".to_string(), "error".to_string(), "1".to_string(), line)],
            "{name}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let finding = &report["findings"][0];
        let slice = |side: &str| &text[finding[side]["start"].as_u64().unwrap() as usize..finding[side]["end"].as_u64().unwrap() as usize];
        assert_eq!((slice("source"), slice("target")), ("10 persen", "12 percent"), "{name}");
    }
}
