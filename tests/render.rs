//! The findings formats on a fixed report: the JSON contract fields, SARIF
//! valid against the official 2.1.0 schema, GitHub annotation lines, JUnit
//! structure, and the human view with and without colour.

use selaras::finding::{Finding, Severity};
use selaras::render::{github, human, json, junit, sarif};
use selaras::report::{Document, FileResult, Report};
use selaras::text::Span;

mod support;

const SOURCE: &str = include_str!("../examples/korea-utara/source.id.txt");
const DRAFT: &str = include_str!("../examples/korea-utara/draft.en.txt");

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

fn report() -> Report {
    let findings = vec![
        Finding::new(
            selaras::check::rule::CALENDAR_CHANGED.id,
            Severity::Error,
            "Jumat is Friday, but the draft says Thursday",
        )
        .with_source(4, "p5.s1", span_of(SOURCE, "Jumat"))
        .with_target(4, "p5.s1", span_of(DRAFT, "Friday"))
        .with_expected("Friday"),
        Finding::new(
            selaras::check::rule::OMISSION.id,
            Severity::Error,
            "source unit p9.s1 is not translated",
        )
        .with_source(8, "p9.s1", span_of(SOURCE, "Lavrov berbicara")),
        Finding::new(
            selaras::check::rule::SOURCE_REPEATED.id,
            Severity::Info,
            "source units p18.s1–p31.s1 repeat p4.s1–p17.s1, \"quoted\" & <tagged>",
        )
        .with_source(17, "p18.s1", Span::new(3360, 3561)),
    ];
    Report {
        files: vec![FileResult {
            source: Document::new("examples/korea-utara/source.id.txt", SOURCE),
            target: Document::new("examples/korea-utara/draft.en.txt", DRAFT),
            findings,
        }],
        base: None,
    }
}

fn render(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_has_the_contract_fields() {
    let text = render(|out| json::write(out, &report()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["summary"], serde_json::json!({"errors": 2, "warnings": 0, "infos": 1}));
    let first = &value["findings"][0];
    assert_eq!(first["rule"], "calendar.changed");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["source"]["path"], "examples/korea-utara/source.id.txt");
    assert_eq!(first["source"]["unit"], "p5.s1");
    assert_eq!(first["source"]["line"], 5);
    assert_eq!(first["target"]["line"], 5);
    let start = first["target"]["start"].as_u64().unwrap() as usize;
    let end = first["target"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&DRAFT[start..end], "Friday");
    assert_eq!(first["target"]["column"], DRAFT.lines().nth(4).unwrap().find("Friday").unwrap() + 1);
    assert!(value["findings"][1].get("target").is_none());
    assert_eq!(first["fingerprint"].as_str().unwrap().len(), 16);
}

#[test]
fn fingerprints_survive_unrelated_edits() {
    let original = report();
    let mut edited_draft = String::from("An added first line.\n");
    edited_draft.push_str(DRAFT);
    let mut finding = original.files[0].findings[0].clone();
    let shift = "An added first line.\n".len();
    let target = finding.target.as_mut().unwrap();
    target.span = Span::new(target.span.start + shift, target.span.end + shift);
    let edited = FileResult {
        source: Document::new("examples/korea-utara/source.id.txt", SOURCE),
        target: Document::new("examples/korea-utara/draft.en.txt", edited_draft),
        findings: vec![finding.clone()],
    };
    assert_eq!(
        Report::fingerprint(&original.files[0], &original.files[0].findings[0]),
        Report::fingerprint(&edited, &finding)
    );
    assert_ne!(
        Report::fingerprint(&original.files[0], &original.files[0].findings[0]),
        Report::fingerprint(&original.files[0], &original.files[0].findings[1])
    );
}

/// Known fingerprints: the recipe (`report`) hashes bytes directly,
/// so these values are the same on every platform and with every Rust
/// version. If this test fails, the recipe changed and every baseline
/// written before matches nothing: bump `baseline::VERSION` and the
/// fingerprint tag, and pin the new values.
#[test]
fn issue_13_fingerprints_are_pinned() {
    let report = report();
    let prints = report.fingerprints();
    assert_eq!(prints[0], PINNED_FINGERPRINTS);
}

// Computed when the recipe was written, and checked against an independent
// reimplementation of the recipe (64-bit FNV-1a over length-prefixed fields).
const PINNED_FINGERPRINTS: [&str; 3] = ["52b06bc2ccb39b2f", "4afb7dc82d8db6ed", "a547620b7645de40"];

#[test]
fn issue_13_fingerprints_ignore_the_draft_text_of_a_located_finding_but_not_the_source() {
    let file = |draft: &str, source: &str| FileResult {
        source: Document::new("a.id.txt", source),
        target: Document::new("a.en.txt", draft),
        findings: Vec::new(),
    };
    let draft = "Foreign Affairs Secretary Choe said this.";
    let edited = "Foreign Affairs Secretary Choe said so today.";
    let source = "Menteri Luar Negeri Choe mengatakan hal itu.";
    let finding = Finding::new(selaras::check::rule::GLOSSARY_MISSING.id, Severity::Error, "x")
        .with_source(0, "p1.s1", span_of(source, "Menteri Luar Negeri"))
        .with_target(0, "p1.s1", Span::new(0, draft.len()))
        .with_expected_any(["Foreign Minister", "Minister of Foreign Affairs"]);
    let mut moved = finding.clone();
    moved.target.as_mut().unwrap().span = Span::new(0, edited.len());
    let before = Report::fingerprint(&file(draft, source), &finding);
    assert_eq!(before, Report::fingerprint(&file(edited, source), &moved));
    // Another expected wording, rule or source path is another finding.
    let mut other = finding.clone();
    other.expected.pop();
    assert_ne!(before, Report::fingerprint(&file(draft, source), &other));
    let mut other = finding.clone();
    other.rule = selaras::check::rule::GLOSSARY_COUNT.id;
    assert_ne!(before, Report::fingerprint(&file(draft, source), &other));
    let renamed = FileResult {
        source: Document::new("b.id.txt", source),
        ..file(draft, source)
    };
    assert_ne!(before, Report::fingerprint(&renamed, &finding));
    // Without a source location the draft span is what identifies it.
    let addition = |text: &str| {
        Finding::new(selaras::check::rule::ADDITION.id, Severity::Warning, "x").with_target(0, "p1.s1", Span::new(0, text.len()))
    };
    assert_ne!(
        Report::fingerprint(&file(draft, source), &addition(draft)),
        Report::fingerprint(&file(edited, source), &addition(edited))
    );
    // Repeats in one report are numbered, so a baseline counts them.
    let twice = Report {
        files: vec![FileResult {
            findings: vec![finding.clone(), finding.clone()],
            ..file(draft, source)
        }],
        base: None,
    };
    let prints = twice.fingerprints();
    assert_eq!(prints[0][1], format!("{}:2", prints[0][0]));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let text = render(|out| sarif::write(out, &report()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let result = &value["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "calendar.changed");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "examples/korea-utara/draft.en.txt"
    );
    assert_eq!(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 5);
    assert_eq!(value["runs"][0]["results"][2]["level"], "note");
    let rules = value["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), selaras::check::rules().len());
    assert_eq!(
        result["ruleIndex"].as_u64().map(|i| rules[i as usize]["id"].clone()),
        Some(serde_json::json!("calendar.changed"))
    );

    let path = std::env::temp_dir().join(format!("selaras-test-{}.sarif", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let (valid, log) = support::validate_sarif(&path);
    let _ = std::fs::remove_file(&path);
    assert!(valid, "SARIF does not validate: {log}");
}

#[test]
fn github_annotations() {
    let text = render(|out| github::write(out, &report()));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with("::error file=examples/korea-utara/draft.en.txt,line=5,col="),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("title=selaras calendar.changed::Jumat is Friday"));
    assert!(lines[1].starts_with("::error file=examples/korea-utara/source.id.txt,line=9,col=1,"));
    assert!(lines[2].starts_with("::notice "));
}

#[test]
fn junit_has_one_case_per_pair_and_a_failure_per_finding() {
    let text = render(|out| junit::write(out, &report()));
    assert_eq!(text.matches("<testcase ").count(), 1);
    assert_eq!(text.matches("<failure ").count(), 2);
    assert!(text.contains("failures=\"1\""));
    assert!(text.contains("&quot;quoted&quot; &amp; &lt;tagged&gt;"));
    assert!(!text.contains("<tagged>"));
}

#[test]
fn human_view_plain_and_coloured() {
    let plain = render(|out| human::write(out, &report(), false));
    insta::assert_snapshot!("human_plain", plain);
    let coloured = render(|out| human::write(out, &report(), true));
    assert!(coloured.contains("\u{1b}["));
    let stripped: String = anstream::adapter::strip_str(&coloured).to_string();
    assert_eq!(stripped, plain);
}
