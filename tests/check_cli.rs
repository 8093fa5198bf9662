//! `selaras check` and `selaras diff` end to end on the sample article: a
//! faithful draft is clean, a draft with a dozen planted errors gets every
//! one at the right unit, every format and exit status, baselines, projects.

use assert_cmd::Command;
use serde_json::Value;

mod support;

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT: &str = "examples/korea-utara/draft.en.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn check_json(draft: &str) -> (Option<i32>, Value) {
    let output = selaras().args(["check", SOURCE, draft, "--format", "json"]).output().unwrap();
    (output.status.code(), serde_json::from_slice(&output.stdout).unwrap())
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn faithful_draft_has_no_errors_or_warnings() {
    let (code, report) = check_json(DRAFT);
    assert_eq!(code, Some(0));
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
    // The scraper's duplicated body is reported once, as information.
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["source.repeated"]);
}

#[test]
fn every_planted_error_is_found_at_its_unit() {
    let (code, report) = check_json(DRAFT_ERRORS);
    assert_eq!(code, Some(1));
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["source"]["unit"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let planted = [
        ("glossary.missing", "p4.s1"),  // Foreign Affairs Secretary for Menteri Luar Negeri
        ("calendar.changed", "p5.s1"),  // Jumat as Thursday
        ("entity.name", "p5.s1"),       // Sergei for Sergey
        ("omission", "p9.s1"),          // the Lavrov sentence dropped
        ("number.changed", "p10.s1"),   // 10.000 as 1,000
        ("number.changed", "p11.s1"),   // 8.000 kept in Indonesian notation
        ("calendar.changed", "p11.s1"), // Agustus as July
        ("punct.quotes", "p12.s1"),     // closing quote dropped
        ("glossary.missing", "p13.s1"), // Korea peninsula
        ("untranslated", "p14.s1"),     // left in Indonesian
        ("structure.merged", "p15.s1"), // two sentences merged
        ("entity.changed", "p17.s1"),   // Hwasong-18
    ];
    for (rule, unit) in planted {
        assert!(
            found.iter().any(|(r, u)| r == rule && u == unit),
            "{rule} at {unit} not found in {found:?}"
        );
    }
    assert_eq!(
        report["summary"]["errors"].as_u64().unwrap() + report["summary"]["warnings"].as_u64().unwrap(),
        12,
        "{found:?}"
    );
}

#[test]
fn fail_on_and_bad_input() {
    let status = |args: &[&str]| selaras().args(args).output().unwrap().status.code();
    assert_eq!(status(&["check", SOURCE, DRAFT_ERRORS, "--fail-on", "never"]), Some(0));
    assert_eq!(status(&["check", SOURCE, DRAFT, "--fail-on", "info"]), Some(1));
    assert_eq!(status(&["check", SOURCE, "missing.en.txt"]), Some(2));
    assert_eq!(status(&["check", SOURCE]), Some(2));
    assert_eq!(status(&["check", SOURCE, DRAFT_ERRORS, "--rule", "untranslated=loud"]), Some(2));
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "-g", "no-such-glossary.tsv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-glossary.tsv"));
}

#[test]
fn rule_levels_can_be_changed_and_turned_off() {
    let output = selaras()
        .args([
            "check",
            SOURCE,
            DRAFT_ERRORS,
            "--format",
            "json",
            "--rule",
            "calendar=off",
            "--rule",
            "untranslated=info",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.iter().any(|f| f["rule"].as_str().unwrap().starts_with("calendar")));
    let untranslated = findings.iter().find(|f| f["rule"] == "untranslated").unwrap();
    assert_eq!(untranslated["severity"], "info");
}

#[test]
fn github_and_junit_formats() {
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("::error file=examples/korea-utara/draft-errors.en.txt,line=5,") && l.contains("calendar.changed"))
    );
    assert!(
        text.lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "))
    );
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--format", "junit"])
        .output()
        .unwrap();
    let xml = String::from_utf8(output.stdout).unwrap();
    assert_eq!(xml.matches("<testcase ").count(), 1);
    assert_eq!(xml.matches("<failure ").count(), 12);
}

#[test]
fn sarif_output_validates() {
    let dir = scratch("sarif");
    let out = dir.join("report.sarif");
    selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--format", "sarif", "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 13);
    support::assert_valid_sarif(&out);
}

#[test]
fn baseline_hides_known_findings_only() {
    let dir = scratch("baseline");
    let baseline = dir.join("baseline.json");
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--write-baseline", baseline.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let output = selaras()
        .args([
            "check",
            SOURCE,
            DRAFT_ERRORS,
            "--baseline",
            baseline.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    // A new mistake in a draft with an extra line on top is still reported.
    let mut draft = String::from("An unrelated first line added by an editor.\n");
    draft.push_str(
        &std::fs::read_to_string(DRAFT_ERRORS)
            .unwrap()
            .replace("Kursk region", "Kursk area, in 2023,"),
    );
    let edited = dir.join("edited.en.txt");
    std::fs::write(&edited, draft).unwrap();
    let output = selaras()
        .args([
            "check",
            SOURCE,
            edited.to_str().unwrap(),
            "--baseline",
            baseline.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"number.extra"), "{rules:?}");
}

#[test]
fn project_mode_checks_every_pair() {
    let dir = scratch("project");
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::copy(SOURCE, dir.join("articles/korea.id.txt")).unwrap();
    std::fs::copy(DRAFT, dir.join("articles/korea.en.txt")).unwrap();
    std::fs::copy(SOURCE, dir.join("articles/korea2.id.txt")).unwrap();
    std::fs::copy(DRAFT_ERRORS, dir.join("articles/korea2.en.txt")).unwrap();
    std::fs::copy(SOURCE, dir.join("articles/untranslated.id.txt")).unwrap();
    std::fs::write(
        dir.join("selaras.toml"),
        "[[pairs]]\nsource = \"articles/*.id.txt\"\ntarget = \"articles/{stem}.en.txt\"\n\n[rules]\n\"entity.name\" = \"off\"\n",
    )
    .unwrap();
    let output = selaras().current_dir(&dir).args(["check", "--format", "junit"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let xml = String::from_utf8(output.stdout).unwrap();
    assert_eq!(xml.matches("<testcase ").count(), 2);
    // The eleven planted mistakes left on (entity.name is off), and the
    // sentences both files share but translate differently.
    assert!(xml.matches("<failure type=\"repeat.inconsistent\"").count() >= 5, "{xml}");
    assert_eq!(
        xml.matches("<failure ").count() - xml.matches("<failure type=\"repeat.inconsistent\"").count(),
        11,
        "{xml}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("note: articles/untranslated.id.txt has no draft yet (articles/untranslated.en.txt not found)"),
        "{stderr}"
    );
}

#[test]
fn explain_prints_a_rule() {
    let output = selaras().args(["explain", "number.changed"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("number.changed (error by default)"));
    assert!(text.contains("8.000"));
    assert_eq!(selaras().args(["explain", "no.such.rule"]).output().unwrap().status.code(), Some(2));
}

#[test]
fn diff_writes_one_page_with_beads_and_rules() {
    let dir = scratch("diff");
    let page = dir.join("view.html");
    let output = selaras()
        .args(["diff", SOURCE, DRAFT_ERRORS, "--html", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let html = std::fs::read_to_string(&page).unwrap();
    let (_, report) = check_json(DRAFT_ERRORS);
    let n_findings = report["findings"].as_array().unwrap().len();
    let n_rows = html.matches(" data-bead=\"").count();
    assert!((30..=40).contains(&n_rows), "one row per bead, got {n_rows}");
    for finding in report["findings"].as_array().unwrap() {
        let rule = finding["rule"].as_str().unwrap();
        assert!(html.contains(&format!("data-rule=\"{rule}\"")), "{rule} not on the page");
    }
    assert!(n_findings > 10);
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page must not reference the network"
    );
}

#[test]
fn diff_terminal_view_with_previous_draft() {
    let output = selaras()
        .args([
            "diff",
            SOURCE,
            DRAFT,
            "--previous",
            DRAFT_ERRORS,
            "--width",
            "120",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("[-Thursday-]{+Friday+}"), "{text}");
    assert!(text.contains("[-1,000-]{+10,000+}"), "{text}");
    assert!(text.contains("unchanged beads"), "unchanged rows are folded");
    assert!(
        text.lines().all(|line| unicode_width(line) <= 120),
        "a line is wider than 120 columns"
    );
}

fn unicode_width(line: &str) -> usize {
    line.chars().count()
}

/// Issue 15 item 7: colour is anstream's decision under `--color auto` (the
/// default), so the usual variables work; the flag's `always` and `never`
/// win over them. Tests run without a terminal, so `auto` alone is plain.
#[test]
fn issue_15_item_7_colour_follows_the_flag_then_no_color_and_clicolor() {
    let dir = scratch("colour");
    std::fs::write(dir.join("text.id.txt"), "Korea Utara menembakkan rudal.\n").unwrap();
    let runs: [(&[&str], &str); 3] = [
        (&["check", SOURCE, DRAFT_ERRORS, "--fail-on", "never"], "check"),
        (&["diff", SOURCE, DRAFT_ERRORS, "--fail-on", "never", "--width", "120"], "diff"),
        (&["glossary", "apply", "--format", "text"], "glossary apply"),
    ];
    for (args, name) in runs {
        let coloured = |flag: Option<&str>, env: &[(&str, &str)], to_file: bool| -> bool {
            let mut command = selaras();
            command.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
            if name == "glossary apply" {
                command.arg(dir.join("text.id.txt"));
            }
            command.args(flag.map(|flag| ["--color", flag]).iter().flatten());
            for variable in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
                command.env_remove(variable);
            }
            command.envs(env.iter().copied());
            let out = dir.join(format!("{}.out", name.replace(' ', "-")));
            if to_file {
                command.arg("-o").arg(&out);
            }
            let output = command.output().unwrap();
            assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
            let text = if to_file { std::fs::read(&out).unwrap() } else { output.stdout };
            assert!(!text.is_empty(), "{name} wrote nothing");
            text.contains(&0x1b)
        };
        assert!(!coloured(None, &[], false), "{name}: auto into a pipe is plain");
        assert!(
            coloured(None, &[("CLICOLOR_FORCE", "1")], false),
            "{name}: CLICOLOR_FORCE colours a pipe"
        );
        assert!(
            !coloured(None, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
            "{name}: NO_COLOR wins over CLICOLOR_FORCE"
        );
        if name != "glossary apply" {
            assert!(
                !coloured(Some("never"), &[("CLICOLOR_FORCE", "1")], false),
                "{name}: --color never wins"
            );
            assert!(coloured(Some("always"), &[("NO_COLOR", "1")], false), "{name}: --color always wins");
        }
        if name != "diff" {
            // `diff` writes its terminal view to standard output only.
            assert!(
                !coloured(None, &[("CLICOLOR_FORCE", "1")], true),
                "{name}: a file under auto is plain"
            );
        }
    }
}
