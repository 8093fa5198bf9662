//! XLIFF export and import end to end: exports of the sample validate
//! against the official schemas, export → import keeps units and targets,
//! a bilingual XLIFF of the faulty draft gets the same findings as the plain
//! pair, CAT-tool-shaped files with inline codes are read, and bad input is
//! refused with a position.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT: &str = "examples/korea-utara/draft.en.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";
const VALIDATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas/validate.sh");

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

/// Whether xmllint is there; without it the schema tests fail under CI and
/// are skipped (with a notice) elsewhere.
fn have_xmllint() -> bool {
    let found = StdCommand::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "xmllint is required under CI (apt-get install libxml2-utils)"
        );
        eprintln!("notice: xmllint not found; XLIFF schema validation skipped");
    }
    found
}

fn validate(mode: &str, file: &Path) -> (bool, String) {
    let output = StdCommand::new("bash").arg(VALIDATE).arg(mode).arg(file).output().unwrap();
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[test]
fn exports_of_the_sample_validate_against_the_official_schemas() {
    if !have_xmllint() {
        return;
    }
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
    if !have_xmllint() {
        return;
    }
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
    assert!(text.contains(r#"<gls:term source="selaras glossary">Menteri Luar Negeri</gls:term>"#));
    assert!(text.contains(r#"<segment state="translated" subState="selaras:needs-review">"#));
    assert!(text.contains(r#"<note category="selaras:calendar.changed" priority="1" appliesTo="target">"#));
}

#[test]
fn export_without_a_draft_has_no_targets() {
    let dir = scratch("nodraft");
    let text = std::fs::read_to_string(export(&dir, None, "1.2")).unwrap();
    assert!(!text.contains("<target"));
    assert!(text.contains(r#"<trans-unit id="p1.s1">"#));
}
