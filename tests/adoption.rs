//! Issue 13, "adoption without surprises": a translation repository adds
//! selaras to its CI and trusts what happens next. Portable baselines,
//! strict configuration, one configuration for every command, glossary
//! layering, file names in cross-file findings, swapped inputs, and the
//! streaming mode. (README/`--help` agreement and the CI examples are in
//! `tests/docs.rs`.)

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT: &str = "examples/korea-utara/draft.en.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-adopt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A project in `dir`: `articles/korea.{id,en}` (the faithful draft) and
/// `articles/errors.{id,en}` (the draft with planted mistakes), plus
/// `extra_toml` after the pair pattern.
fn project(dir: &Path, extra_toml: &str) {
    project_with(dir, "", extra_toml);
}

/// [`project`] with `top_toml` (top-level settings) before the pair pattern.
fn project_with(dir: &Path, top_toml: &str, extra_toml: &str) {
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::copy(example(SOURCE), dir.join("articles/korea.id.txt")).unwrap();
    std::fs::copy(example(DRAFT), dir.join("articles/korea.en.txt")).unwrap();
    std::fs::copy(example(SOURCE), dir.join("articles/errors.id.txt")).unwrap();
    std::fs::copy(example(DRAFT_ERRORS), dir.join("articles/errors.en.txt")).unwrap();
    std::fs::write(
        dir.join("selaras.toml"),
        format!("{top_toml}[[pairs]]\nsource = \"articles/*.id.txt\"\ntarget = \"articles/{{stem}}.en.txt\"\n{extra_toml}"),
    )
    .unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn json_of(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{error}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn rules_of(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn issue_13_a_baseline_matches_in_a_copy_of_the_project_at_another_path() {
    let first = scratch("copy-a").join("translations");
    project(&first, "");
    let output = selaras()
        .current_dir(&first)
        .args(["check", "--write-baseline", "baseline.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let second = scratch("copy-b").join("elsewhere/deeper/checkout");
    copy_tree(&first, &second);
    let output = selaras()
        .current_dir(&second)
        .args(["check", "--baseline", "baseline.json", "--format", "json"])
        .output()
        .unwrap();
    let report = json_of(&output);
    assert_eq!(rules_of(&report), Vec::<String>::new(), "every finding is known in the copy");
    assert_eq!(output.status.code(), Some(0));
    // Explicit pairs: relative to the working directory, `./` or not.
    let output = selaras()
        .current_dir(&first)
        .args([
            "check",
            "./articles/errors.id.txt",
            "./articles/errors.en.txt",
            "--write-baseline",
            "pair.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    std::fs::copy(first.join("pair.json"), second.join("pair.json")).unwrap();
    let output = selaras()
        .current_dir(&second)
        .args([
            "check",
            "articles/errors.id.txt",
            "articles/../articles/errors.en.txt",
            "--baseline",
            "pair.json",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(rules_of(&json_of(&output)), Vec::<String>::new());
}

#[test]
fn issue_13_a_baseline_survives_copy_edits_outside_the_flagged_words() {
    let dir = scratch("edits");
    project(&dir, "");
    selaras()
        .current_dir(&dir)
        .args(["check", "--write-baseline", "b.json"])
        .assert()
        .success();
    // Copy edits in the sentences whose whole draft a finding points at
    // (glossary.missing, number.changed with its context), not in the
    // flagged words themselves.
    let draft = std::fs::read_to_string(dir.join("articles/errors.en.txt")).unwrap();
    let edited = draft
        .replace("Choe Son Hui said this in Moscow", "Choe Son Hui said so in Moscow")
        .replace("has sent about 1,000", "has sent some 1,000")
        .replace("but gave no evidence", "but offered no evidence");
    assert_ne!(edited, draft);
    std::fs::write(dir.join("articles/errors.en.txt"), &edited).unwrap();
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "--baseline", "b.json", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(rules_of(&json_of(&output)), Vec::<String>::new());
    // A new mistake is still new.
    std::fs::write(
        dir.join("articles/errors.en.txt"),
        edited.replace("On Friday, North Korea", "On Monday, North Korea"),
    )
    .unwrap();
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "--baseline", "b.json", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(rules_of(&json_of(&output)), ["calendar.changed"]);
}

#[test]
fn issue_13_old_baselines_are_refused_not_silently_unmatched() {
    let dir = scratch("old-baseline");
    std::fs::write(dir.join("old.json"), "{\"version\":1,\"fingerprints\":[\"0123456789abcdef\"]}\n").unwrap();
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--baseline"])
        .arg(dir.join("old.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("write it again with --write-baseline"));
}

#[test]
fn issue_13_paths_are_relative_to_the_project_root_in_every_format() {
    let dir = scratch("paths");
    project(&dir, "");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let run = |format: &str| {
        let output = selaras()
            .current_dir(dir.join("sub"))
            .args(["check", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let absolute = dir.to_string_lossy().into_owned();
    for format in ["human", "json", "sarif", "github", "junit"] {
        let text = run(format);
        // SARIF names the project root once, as the base of its URIs.
        let allowed = usize::from(format == "sarif");
        assert_eq!(
            text.matches(&absolute).count(),
            allowed,
            "{format} prints an absolute path:\n{text}"
        );
        assert!(text.contains("articles/errors.en.txt"), "{format}:\n{text}");
    }
    assert!(run("human").contains("--> articles/errors.en.txt:"));
    assert!(run("github").contains("::error file=articles/errors.en.txt,"));
    assert!(run("junit").contains("name=\"articles/errors.id.txt ↔ articles/errors.en.txt\""));
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["findings"][0]["source"]["path"], "articles/errors.id.txt");
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    assert_eq!(location["uri"], "articles/errors.en.txt");
    let base = sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    assert!(base.starts_with("file:///") && base.ends_with("/"), "{base}");
    // The translation memory names its files the same way.
    let output = selaras()
        .current_dir(dir.join("sub"))
        .args(["align", "--format", "tmx"])
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap();
    let tmx = String::from_utf8(output.stdout).unwrap();
    assert!(
        tmx.contains(r#"<prop type="x-selaras-file">articles/errors.id.txt</prop>"#),
        "{}",
        &tmx[..600.min(tmx.len())]
    );
    assert!(!tmx.contains(&absolute));
}

#[test]
fn issue_13_a_pattern_that_matches_nothing_exits_2_naming_it() {
    let dir = scratch("nothing");
    project(
        &dir,
        "\n[[pairs]]\nsource = \"artikel/*.id.txt\"\ntarget = \"artikel/{stem}.en.txt\"\n",
    );
    let output = selaras().current_dir(&dir).args(["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"artikel/*.id.txt\" matches no file"), "{stderr}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("checked 0 pairs"));
}

#[test]
fn issue_13_sources_without_drafts_are_named_and_can_be_errors() {
    let dir = scratch("drafts");
    project(&dir, "\n[rules]\ncalendar = \"off\"\n");
    std::fs::copy(example(SOURCE), dir.join("articles/later.id.txt")).unwrap();
    std::fs::copy(example(SOURCE), dir.join("articles/forgotten.id.txt")).unwrap();
    let output = selaras().current_dir(&dir).args(["check", "--fail-on", "never"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("note: articles/forgotten.id.txt has no draft yet (articles/forgotten.en.txt not found)"),
        "{stderr}"
    );
    assert!(stderr.contains("note: articles/later.id.txt has no draft yet"), "{stderr}");
    // The flag makes them errors, after the report of what could be checked.
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "--fail-on", "never", "--require-drafts"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("checked 2 pairs"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error: articles/later.id.txt has no draft yet"), "{stderr}");
    // And so does the project setting.
    let toml = std::fs::read_to_string(dir.join("selaras.toml")).unwrap();
    std::fs::write(dir.join("selaras.toml"), format!("require_drafts = true\n{toml}")).unwrap();
    let output = selaras().current_dir(&dir).args(["check", "--fail-on", "never"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn issue_13_unknown_rule_ids_are_refused_with_a_suggestion() {
    for (setting, expected) in [
        ("punct.whitespce=off", "did you mean `punct.whitespace`?"),
        ("nosuch=off", "unknown rule `nosuch`"),
        ("untranslatd=info", "did you mean `untranslated`?"),
    ] {
        let output = selaras().args(["check", SOURCE, DRAFT, "--rule", setting]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{setting}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{setting}: {stderr}");
    }
    let dir = scratch("rules");
    project(&dir, "\n[rules]\n\"punct.whitespce\" = \"off\"\n");
    for command in [
        &["check"][..],
        &["diff", "articles/korea.id.txt", "articles/korea.en.txt"],
        &["export", "xliff", "articles/korea.id.txt"],
    ] {
        let output = selaras().current_dir(&dir).args(command).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("selaras.toml:6:1") && stderr.contains("did you mean `punct.whitespace`?"),
            "{command:?}: {stderr}"
        );
    }
    let output = selaras().args(["explain", "calendar.chnaged"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `calendar.changed`?"));
}

#[test]
fn issue_13_diff_and_export_read_the_projects_rules() {
    let dir = scratch("one-config");
    project(&dir, "\n[rules]\ncalendar = \"off\"\n");
    let outside = scratch("one-config-outside");
    for (cwd, calendar_expected) in [(&outside, true), (&dir, false)] {
        let source = dir.join("articles/errors.id.txt");
        let draft = dir.join("articles/errors.en.txt");
        let page = cwd.join("view.html");
        selaras()
            .current_dir(cwd)
            .arg("diff")
            .arg(&source)
            .arg(&draft)
            .arg("--html")
            .arg(&page)
            .output()
            .unwrap();
        let html = std::fs::read_to_string(&page).unwrap();
        assert_eq!(
            html.contains("data-rule=\"calendar.changed\""),
            calendar_expected,
            "diff in {}",
            cwd.display()
        );
        let output = selaras()
            .current_dir(cwd)
            .args(["export", "xliff"])
            .arg(&source)
            .arg(&draft)
            .output()
            .unwrap();
        let xliff = String::from_utf8(output.stdout).unwrap();
        assert_eq!(xliff.contains("calendar.changed"), calendar_expected, "export in {}", cwd.display());
        let output = selaras()
            .current_dir(cwd)
            .arg("check")
            .arg(&source)
            .arg(&draft)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            rules_of(&json_of(&output)).iter().any(|r| r == "calendar.changed"),
            calendar_expected,
            "check in {}",
            cwd.display()
        );
    }
}

#[test]
fn issue_13_a_project_glossary_adds_to_the_shipped_one() {
    let dir = scratch("layering");
    project_with(&dir, "glossaries = [\"glossary/project.tsv\"]\n", "");
    std::fs::create_dir_all(dir.join("glossary")).unwrap();
    std::fs::write(
        dir.join("glossary/project.tsv"),
        "Menteri Luar Negeri\tForeign Affairs Secretary\t[forbidden] our house style\nKementerian Sosial\tMinistry of Social Affairs\t\n",
    )
    .unwrap();
    // The forbidden row adds a forbidden wording; the shipped requirement stays.
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "articles/errors.id.txt", "articles/errors.en.txt", "--format", "json"])
        .output()
        .unwrap();
    let report = json_of(&output);
    let at_p4: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["source"]["unit"] == "p4.s1" && f["rule"].as_str().unwrap().starts_with("glossary."))
        .collect();
    let rules: Vec<&str> = at_p4.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(
        rules.contains(&"glossary.forbidden") && rules.contains(&"glossary.missing"),
        "{rules:?}"
    );
    for finding in &at_p4 {
        assert_eq!(
            finding["expected"],
            serde_json::json!(["Foreign Minister", "Minister of Foreign Affairs"]),
            "{finding}"
        );
    }
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "articles/errors.id.txt", "articles/errors.en.txt"])
        .output()
        .unwrap();
    let human = String::from_utf8(output.stdout).unwrap();
    assert!(human.lines().all(|line| !line.trim_end().ends_with("expected:")), "{human}");
    // A new preferred target leaves the shipped one acceptable.
    std::fs::write(
        dir.join("sosial.id.txt"),
        "Kementerian Sosial menyalurkan bantuan kepada korban banjir di Jakarta.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sosial.en.txt"),
        "The Social Affairs Ministry distributed aid to flood victims in Jakarta.\n",
    )
    .unwrap();
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "sosial.id.txt", "sosial.en.txt", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(rules_of(&json_of(&output)), Vec::<String>::new());
    // `[replace]` takes the entry over. (The other order of the same name,
    // "Ministry of Social Affairs" for "Social Affairs Ministry", always
    // counts; another name does not.)
    std::fs::write(
        dir.join("glossary/project.tsv"),
        "Kementerian Sosial\tMinistry of Social Welfare\t[replace]\n",
    )
    .unwrap();
    let output = selaras()
        .current_dir(&dir)
        .args(["check", "sosial.id.txt", "sosial.en.txt", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(rules_of(&json_of(&output)), ["glossary.missing"]);
}

#[test]
fn issue_13_glossary_lint_reports_every_override_of_a_shipped_entry() {
    let dir = scratch("lint-layers");
    project_with(&dir, "glossaries = [\"glossary/project.tsv\"]\n", "");
    std::fs::create_dir_all(dir.join("glossary")).unwrap();
    std::fs::write(
        dir.join("glossary/project.tsv"),
        "Menteri Luar Negeri\tForeign Affairs Secretary\t[forbidden]\nKementerian Sosial\tMinistry of Social Affairs\t\nKorea Utara\tNorth Korea\t\nRusia\tRussia\t\nPresiden\tPresident\t[replace]\nKemensos\tSocial Affairs Ministry\t\nKemensos\tMinistry of Social Affairs\t\n",
    )
    .unwrap();
    // With no files: the project's glossaries, over the shipped ones.
    let output = selaras().current_dir(&dir).args(["glossary", "lint"]).output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("project.tsv:1: info[extends]: `Menteri Luar Negeri` adds to the entry at glossaries/news.tsv:"),
        "{out}"
    );
    assert!(out.contains("forbids Foreign Affairs Secretary"), "{out}");
    assert!(
        out.contains("project.tsv:2: warning[override]: `Kementerian Sosial` overrides the entry at glossaries/news.tsv:")
            && out.contains("makes Ministry of Social Affairs the preferred target instead of Social Affairs Ministry"),
        "{out}"
    );
    assert!(
        out.contains("project.tsv:5: warning[override]: `Presiden` replaces the entry at"),
        "{out}"
    );
    assert!(out.contains("project.tsv:6: info[extends]: `Kemensos` adds to the entry"), "{out}");
    // Lines that repeat what the shipped entry says are not reported, and
    // neither is a shadowing the shipped glossaries already have.
    assert!(!out.contains("project.tsv:3:") && !out.contains("project.tsv:4:"), "{out}");
    assert!(!out.contains("shadowed"), "{out}");
    assert_eq!(output.status.code(), Some(0), "warnings and infos do not fail lint");
    // Alone, the file has nothing to override.
    let output = selaras()
        .current_dir(&dir)
        .args(["glossary", "lint", "glossary/project.tsv", "--no-default-glossary"])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(!out.contains("override") && !out.contains("extends"), "{out}");
}

#[test]
fn issue_13_inconsistency_across_files_names_the_file_not_the_pair_number() {
    let dir = scratch("repeat-files");
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let source = "Menteri Luar Negeri Choe Son Hui mengatakan hal itu di Moskow pada hari Jumat.\n";
    let drafts = [
        ("a", "Foreign Minister Choe Son Hui said “this” in Moscow on Friday.\n"),
        ("b", "Foreign Minister Choe Son Hui said \"this\" in Moscow on Friday.\n"),
        ("c", "Foreign Minister Choe Son Hui stated this in Moscow on Friday.\n"),
    ];
    for (name, draft) in drafts {
        std::fs::write(dir.join(format!("articles/{name}.id.txt")), source).unwrap();
        std::fs::write(dir.join(format!("articles/{name}.en.txt")), draft).unwrap();
    }
    std::fs::write(
        dir.join("selaras.toml"),
        "[[pairs]]\nsource = \"articles/*.id.txt\"\ntarget = \"articles/{stem}.en.txt\"\n",
    )
    .unwrap();
    let output = selaras().current_dir(&dir).args(["check", "--format", "json"]).output().unwrap();
    let report = json_of(&output);
    let inconsistent: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "repeat.inconsistent")
        .collect();
    assert_eq!(inconsistent.len(), 1, "quote style alone is no inconsistency: {report:#}");
    assert_eq!(inconsistent[0]["target"]["path"], "articles/c.en.txt");
    let message = inconsistent[0]["message"].as_str().unwrap();
    assert!(
        message.contains("also occurs in articles/a.id.txt (p1.s1)") && !message.contains("pair "),
        "{message}"
    );
}

#[test]
fn issue_13_a_swapped_source_and_draft_is_said_once() {
    let output = selaras().args(["check", DRAFT, SOURCE, "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = json_of(&output);
    assert_eq!(rules_of(&report), ["source.swapped"]);
    assert!(report["findings"][0]["message"].as_str().unwrap().contains("wrong way round"));
    // The right way round, nothing of the kind.
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--format", "json"])
        .output()
        .unwrap();
    assert!(!rules_of(&json_of(&output)).contains(&"source.swapped".to_string()));
    // Turned off, the pair is checked as given.
    let output = selaras()
        .args(["check", DRAFT, SOURCE, "--format", "json", "--rule", "source.swapped=off"])
        .output()
        .unwrap();
    assert!(rules_of(&json_of(&output)).iter().filter(|r| *r == "untranslated").count() > 10);
}

#[test]
fn issue_13_json_expected_is_an_array_with_the_old_string_beside_it() {
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--format", "json"])
        .output()
        .unwrap();
    let report = json_of(&output);
    let missing = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "glossary.missing" && f["source"]["unit"] == "p4.s1")
        .unwrap();
    assert_eq!(
        missing["expected"],
        serde_json::json!(["Foreign Minister", "Minister of Foreign Affairs"])
    );
    assert_eq!(missing["expected_text"], "Foreign Minister | Minister of Foreign Affairs");
    for finding in report["findings"].as_array().unwrap() {
        if let Some(expected) = finding.get("expected") {
            assert!(expected.as_array().is_some_and(|values| !values.is_empty()), "{finding}");
        }
    }
}

#[test]
fn issue_13_pairs_jsonl_streams_100k_pairs_in_order() {
    // Short pairs, each with its own number, a few with a planted error
    // and a few unreadable lines: every line is answered, in order.
    let n_pairs = 100_000;
    let mut input = String::new();
    for i in 0..n_pairs {
        if i % 10_000 == 7 {
            input.push_str("{\"id\": \"broken\n");
            continue;
        }
        let draft_number = if i % 1000 == 3 { i + 1 } else { i };
        input.push_str(&format!(
            "{{\"id\":{i},\"source\":\"Ada {i} orang di Jakarta.\",\"draft\":\"There are {draft_number} people in Jakarta.\"}}\n"
        ));
    }
    let output = selaras()
        .args(["check", "--pairs-jsonl", "-", "--fail-on", "never"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let mut n_lines = 0;
    for (i, line) in text.lines().enumerate() {
        n_lines += 1;
        let answer: Value = serde_json::from_str(line).unwrap();
        if i % 10_000 == 7 {
            assert_eq!(answer["line"], i + 1, "{line}");
            assert!(answer["error"].is_string(), "{line}");
            continue;
        }
        assert_eq!(answer["id"], i, "{line}");
        let expected_errors = usize::from(i % 1000 == 3);
        assert_eq!(answer["summary"]["errors"], expected_errors, "{line}");
    }
    assert_eq!(n_lines, n_pairs);
    assert!(String::from_utf8_lossy(&output.stderr).contains("10 of 100000 lines could not be read"));
}

#[test]
fn issue_13_pairs_jsonl_reads_a_file_and_sets_the_exit_status_by_findings() {
    let dir = scratch("jsonl");
    let source = std::fs::read_to_string(example(SOURCE)).unwrap();
    let faithful = std::fs::read_to_string(example(DRAFT)).unwrap();
    let faulty = std::fs::read_to_string(example(DRAFT_ERRORS)).unwrap();
    let lines = [
        serde_json::json!({"id": "faithful", "source": source, "draft": faithful}),
        serde_json::json!({"id": "faulty", "source": source, "draft": faulty}),
    ];
    let path = dir.join("pairs.jsonl");
    std::fs::write(&path, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let output = selaras().arg("check").arg("--pairs-jsonl").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let answers: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["summary"]["errors"], 0);
    // The same findings as the pair checked on its own.
    let alone = json_of(
        &selaras()
            .args(["check", SOURCE, DRAFT_ERRORS, "--format", "json"])
            .output()
            .unwrap(),
    );
    let rules = |findings: &Value| -> Vec<String> {
        findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules(&answers[1]["findings"]), rules(&alone["findings"]));
    assert_eq!(answers[1]["summary"], alone["summary"]);
    // Files and the stream do not mix.
    let output = selaras().args(["check", SOURCE, DRAFT, "--pairs-jsonl", "-"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = selaras()
        .arg("check")
        .arg("--pairs-jsonl")
        .arg(dir.join("missing.jsonl"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.jsonl"));
}

/// The (rule, severity) pairs of `check --format json`.
fn check_findings(cwd: &Path, extra: &[&str]) -> Vec<(String, String)> {
    let output = selaras()
        .current_dir(cwd)
        .args([
            "check",
            "articles/errors.id.txt",
            "articles/errors.en.txt",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .args(extra)
        .output()
        .unwrap();
    let mut found: Vec<(String, String)> = json_of(&output)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string()))
        .collect();
    found.sort();
    found
}

/// The (rule, severity) pairs of the XLIFF export's finding notes
/// (`<note from="selaras" priority="1">rule: message</note>`; priority 1 is
/// an error, 3 a warning, 5 information).
fn export_findings(cwd: &Path, extra: &[&str]) -> Vec<(String, String)> {
    let output = selaras()
        .current_dir(cwd)
        .args(["export", "xliff", "articles/errors.id.txt", "articles/errors.en.txt"])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let xliff = String::from_utf8(output.stdout).unwrap();
    let mut found: Vec<(String, String)> = xliff
        .split("<note from=\"selaras\" priority=\"")
        .skip(1)
        .filter_map(|note| {
            let severity = match &note[..1] {
                "1" => "error",
                "3" => "warning",
                _ => "info",
            };
            let text = &note[note.find('>')? + 1..];
            let rule = &text[..text.find(": ")?];
            // Notes that are no finding ("repeats p4.s1", "translated
            // together with …") have no rule id before a colon.
            rule.chars()
                .all(|c| c.is_ascii_lowercase() || c == '.')
                .then(|| (rule.to_string(), severity.to_string()))
        })
        .collect();
    found.sort();
    found
}

/// The distinct (rule, severity) pairs of the diff page's findings (the page
/// lists each finding twice: in the list and under its row).
fn diff_findings(cwd: &Path, extra: &[&str]) -> Vec<(String, String)> {
    let page = cwd.join("view.html");
    let output = selaras()
        .current_dir(cwd)
        .args([
            "diff",
            "articles/errors.id.txt",
            "articles/errors.en.txt",
            "--fail-on",
            "never",
            "--html",
        ])
        .arg(&page)
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = std::fs::read_to_string(&page).unwrap();
    let mut found: Vec<(String, String)> = html
        .split("<li class=\"finding\" data-rule=\"")
        .skip(1)
        .map(|item| {
            let rule = &item[..item.find('"').unwrap()];
            let severity = item.split("data-severity=\"").nth(1).unwrap();
            (rule.to_string(), severity[..severity.find('"').unwrap()].to_string())
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn issue_15_item_7_check_diff_and_export_agree_under_rules_and_rule_flags() {
    let dir = scratch("agreement");
    // The project turns a family off and lowers a rule; the flags turn a
    // warning into an error and another family off, on top of it.
    project(&dir, "\n[rules]\nnumber = \"warning\"\n\"structure.merged\" = \"off\"\n");
    for flags in [&[][..], &["--rule", "entity.name=error", "--rule", "calendar=off"]] {
        let check = check_findings(&dir, flags);
        let mut distinct = check.clone();
        distinct.dedup();
        assert_eq!(export_findings(&dir, flags), check, "export {flags:?}");
        assert_eq!(diff_findings(&dir, flags), distinct, "diff {flags:?}");
        // The settings took effect (so the agreement is not of two defaults).
        assert!(
            check.iter().any(|(rule, level)| rule == "number.changed" && level == "warning"),
            "{check:?}"
        );
        assert!(!check.iter().any(|(rule, _)| rule == "structure.merged"), "{check:?}");
        let flagged = !flags.is_empty();
        assert_eq!(
            check.iter().any(|(rule, level)| rule == "entity.name" && level == "error"),
            flagged,
            "{check:?}"
        );
        assert_eq!(!check.iter().any(|(rule, _)| rule.starts_with("calendar.")), flagged, "{check:?}");
    }
}
