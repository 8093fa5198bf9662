//! Issue 12: no input crashes, hangs or swamps selaras.
//!
//! Properties (always run, stable Rust): the whole pipeline — checks, the
//! diff view, the XLIFF export and the check of paired units — never panics
//! on arbitrary Unicode, numbers glued to multi-byte punctuation included,
//! and every finding points at character boundaries inside its text;
//! `numbers::extract` never panics. Then one regression test per item of
//! the issue that the command line shows (the library-level ones live
//! beside their code: `walk`, `text`, `glossary::lint`, `glossary::parallel`,
//! `align::search`, `xliff::check`).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use assert_cmd::Command;
use proptest::prelude::*;
use selaras::diff::{Named, build_view};
use selaras::pipeline::{Pipeline, PipelineOptions, UnitPair};
use selaras::report::{Document, FileResult, Report};
use selaras::segment::Lang;
use selaras::text::Span;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(selaras::glossary::load(&[], true).unwrap(), PipelineOptions::default()).unwrap());

/// News-like text with the pieces that broke things: numbers next to curly
/// quotes, dashes and accented letters, times, codes, scale words.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Rapat".to_string()),
        Just("pukul".to_string()),
        Just("The meeting at".to_string()),
        Just("Korea Utara".to_string()),
        Just("Menteri Luar Negeri".to_string()),
        Just("Foreign Minister".to_string()),
        Just("Jumat".to_string()),
        Just("Friday".to_string()),
        Just("juta".to_string()),
        Just("persen".to_string()),
        Just("9.30".to_string()),
        Just("10.000".to_string()),
        Just("2,5".to_string()),
        Just("14:23".to_string()),
        Just("G20".to_string()),
        Just("Hwasong-19".to_string()),
        Just("Rp".to_string()),
        Just("US$".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("–".to_string()),
        Just("—".to_string()),
        Just("…".to_string()),
        Just("café".to_string()),
        Just("é".to_string()),
        Just("e\u{301}".to_string()),
        Just("한".to_string()),
        Just("🙂".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("%".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\"".to_string()),
        Just(" ".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        "[0-9]{1,4}",
        "\\PC{1,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn assert_span_in(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character of {text:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_pipeline_never_panics_and_findings_sit_on_character_boundaries(source in news_text(), draft in news_text()) {
        let checked = PIPELINE.run(&source, &draft);
        for finding in &checked.findings {
            if let Some(location) = &finding.source {
                assert_span_in(&source, location.span, finding.rule.as_str());
            }
            if let Some(location) = &finding.target {
                assert_span_in(&draft, location.span, finding.rule.as_str());
            }
        }
        // Every renderer of the pair: the diff view (terminal and page),
        // the findings formats and the XLIFF export.
        let view = build_view(Named { path: "s", text: &source }, Named { path: "d", text: &draft }, &checked, Some((Named { path: "e", text: &draft }, &checked)));
        let mut out = Vec::new();
        selaras::render::side_by_side::write_side_by_side(&mut out, &view, &selaras::render::side_by_side::SideBySideOptions::new(80, true)).unwrap();
        selaras::render::html::write_html(&mut out, &view).unwrap();
        let report = Report {
            files: vec![FileResult {
                source: Document::new("s", source.clone()),
                target: Document::new("d", draft.clone()),
                findings: checked.findings.clone(),
            }],
            ..Report::default()
        };
        selaras::render::human::write(&mut out, &report, true).unwrap();
        selaras::render::json::write(&mut out, &report).unwrap();
        selaras::render::sarif::write(&mut out, &report).unwrap();
        selaras::render::github::write(&mut out, &report).unwrap();
        selaras::render::junit::write(&mut out, &report).unwrap();
        let units = selaras::xliff::build(&checked, &source, Some(&draft), PIPELINE.matcher().glossary());
        for version in [selaras::xliff::Version::V12, selaras::xliff::Version::V20] {
            selaras::xliff::write(&mut out, &units, version, "s.txt").unwrap();
        }
    }

    #[test]
    fn numbers_are_read_from_any_text_without_panicking(text in news_text()) {
        for lang in [Lang::Id, Lang::En] {
            for mention in selaras::numbers::extract(&text, lang) {
                assert_span_in(&text, mention.span, "number");
            }
        }
    }
}

proptest! {
    // Fewer cases: each checks a whole joined text, which a debug build is
    // slow at.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn paired_units_streams_and_suggestions_never_panic_and_findings_sit_on_character_boundaries(
        pairs in prop::collection::vec((news_text(), news_text()), 0..6)
    ) {
        let ids: Vec<String> = (1..=pairs.len()).map(|n| n.to_string()).collect();
        let unit_pairs: Vec<UnitPair<'_>> = pairs
            .iter()
            .zip(&ids)
            .map(|((source, target), id)| UnitPair { id, source, target })
            .collect();
        let checked = PIPELINE.check_pairs(&unit_pairs);
        for finding in &checked.findings {
            if let Some(location) = &finding.source {
                assert_span_in(&checked.source_text, location.span, finding.rule.as_str());
            }
            if let Some(location) = &finding.target {
                assert_span_in(&checked.target_text, location.span, finding.rule.as_str());
            }
        }

        // The same pairs as a `check --pairs-jsonl` stream, with a broken
        // line: one JSON answer per line, in order.
        let mut stream = String::new();
        for (idx, (source, draft)) in pairs.iter().enumerate() {
            stream.push_str(&serde_json::json!({"id": idx, "source": source, "draft": draft}).to_string());
            stream.push('\n');
        }
        stream.push_str("{\"id\": 1, \"source\": \n");
        let mut answers = Vec::new();
        let summary = selaras::stream::check_jsonl(&PIPELINE, stream.as_bytes(), &mut answers).unwrap();
        let answers = String::from_utf8(answers).unwrap();
        prop_assert_eq!(answers.lines().count(), pairs.len() + 1);
        prop_assert_eq!(summary.bad_lines, 1);
        for line in answers.lines() {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
        // And mined for glossary suggestions (`glossary suggest`).
        let mined: Vec<selaras::suggest::PairBeads> = pairs
            .iter()
            .enumerate()
            .map(|(idx, (source, draft))| selaras::suggest::PairBeads {
                path: format!("{idx}.id.txt"),
                beads: PIPELINE.mining_input(source, draft).beads,
            })
            .collect();
        let config = selaras::suggest::SuggestConfig {
            min_count: 1,
            ..Default::default()
        };
        let suggestions = selaras::suggest::suggest(&mined, PIPELINE.matcher().glossary(), &config);
        let mut out = Vec::new();
        selaras::suggest::write::write_tsv(&mut out, &suggestions, mined.len()).unwrap();
        selaras::suggest::write::write_jsonl(&mut out, &suggestions).unwrap();
    }

}

// ---------------------------------------------------------------------------
// The command line, one test per item of the issue.

fn selaras() -> Command {
    let mut command = Command::cargo_bin("selaras").unwrap();
    // A guard against hangs, not a timing assertion: every run here takes
    // well under a second.
    command.timeout(Duration::from_secs(120));
    command.env_remove("CI");
    command
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn issue_12_numbers_next_to_multibyte_punctuation_do_not_crash_any_command() {
    let dir = scratch("crash");
    for (source, draft) in [
        ("Rapat pukul 9.30 di kafe.", "The meeting at 9:30 café."),
        (
            "Rapat dimulai pukul 10.00 “tepat waktu” di Jakarta.",
            "The meeting began at 10:00 on time.",
        ),
        ("KTT “G20” digelar.", "The “G20” summit was held."),
    ] {
        let s = write(&dir, "s.txt", source);
        let d = write(&dir, "d.txt", draft);
        for args in [
            vec!["check", "--format", "json"],
            vec!["check", "--format", "sarif"],
            vec!["diff", "--width", "100"],
            vec!["align"],
            vec!["export", "xliff"],
        ] {
            let output = selaras().args(&args).arg(&s).arg(&d).current_dir(&dir).output().unwrap();
            assert!(matches!(output.status.code(), Some(0 | 1)), "{args:?}: {}", stderr_of(&output));
        }
        let xlf = dir.join("pair.xlf");
        selaras()
            .args(["export", "xliff"])
            .arg(&s)
            .arg(&d)
            .arg("-o")
            .arg(&xlf)
            .assert()
            .success();
        let output = selaras().arg("check").arg(&xlf).output().unwrap();
        assert!(matches!(output.status.code(), Some(0 | 1)), "{}", stderr_of(&output));
    }
}

#[test]
fn issue_12_diff_width_is_bounded() {
    let dir = scratch("width");
    let s = write(&dir, "s.txt", "Korea Utara akan mendukung Rusia.");
    let d = write(&dir, "d.txt", "North Korea will support Russia.");
    for width in ["200000", "18446744073709551615", "1000000000", "19", "0"] {
        let output = selaras().args(["diff", "--width", width]).arg(&s).arg(&d).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "--width {width}");
        assert!(stderr_of(&output).contains("20..=1000"), "{}", stderr_of(&output));
    }
    for width in ["20", "1000"] {
        selaras().args(["diff", "--width", width]).arg(&s).arg(&d).assert().code(0);
    }
    // A terminal (here COLUMNS) claiming to be wider is fitted to the range.
    let output = selaras().env("COLUMNS", "200000").arg("diff").arg(&s).arg(&d).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let widest = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!((100..=1000).contains(&widest), "{widest}");
}

/// A project of three articles; `b`'s draft is made unreadable by `spoil`.
fn project(name: &str, pattern: &str) -> PathBuf {
    let dir = scratch(name);
    write(
        &dir,
        "selaras.toml",
        format!("[[pairs]]\nsource = \"{pattern}\"\ntarget = \"articles/{{stem}}.en.txt\"\n"),
    );
    for stem in ["a", "b", "c"] {
        write(
            &dir,
            &format!("articles/{stem}.id.txt"),
            "Pada hari Jumat, Korea Utara bertemu Rusia.\n",
        );
        write(&dir, &format!("articles/{stem}.en.txt"), "On Thursday, North Korea met Russia.\n");
    }
    dir
}

#[cfg(unix)]
#[test]
fn issue_12_symlink_loops_in_a_project_end() {
    let dir = project("loops", "**/*.id.txt");
    std::os::unix::fs::symlink(".", dir.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("articles/loop")).unwrap();
    let output = selaras().args(["check", "--format", "json"]).current_dir(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // Each of the three pairs once: one changed weekday each.
    assert_eq!(report["summary"]["errors"], 3);
}

#[test]
fn issue_12_pair_patterns_stay_inside_the_project() {
    for pattern in ["/**", "../../*", "articles/../../*.id.txt"] {
        let dir = project("outside", pattern);
        let output = selaras().arg("check").current_dir(&dir).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{pattern}");
        let message = stderr_of(&output);
        assert!(message.contains(pattern) && message.contains("selaras.toml"), "{message}");
    }
}

#[test]
fn issue_12_glossary_lint_reports_each_shadowed_prefix_term_once() {
    let dir = scratch("prefix");
    let rows: String = (1..=400).map(|n| format!("{}\tx\n", vec!["a"; n].join(" "))).collect();
    let glossary = write(&dir, "prefix.tsv", rows);
    let output = selaras().args(["glossary", "lint"]).arg(&glossary).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches("[shadowed]").count(), 399, "{}", stdout.lines().last().unwrap_or(""));
}

#[test]
fn issue_12_an_output_onto_an_input_is_refused() {
    let dir = scratch("same-file");
    let s = write(&dir, "s.txt", "Korea Utara bertemu Rusia.");
    let d = write(&dir, "d.txt", "North Korea met Russia.");
    let g = write(&dir, "g.tsv", "Rusia\tRussia\n");
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["check".into(), s.clone().into(), d.clone().into(), "-o".into(), d.clone().into()],
        vec!["segment".into(), s.clone().into(), "-o".into(), s.clone().into()],
        vec!["diff".into(), s.clone().into(), d.clone().into(), "--html".into(), d.clone().into()],
        vec![
            "check".into(),
            s.clone().into(),
            d.clone().into(),
            "--write-baseline".into(),
            d.clone().into(),
        ],
        vec![
            "glossary".into(),
            "convert".into(),
            g.clone().into(),
            "--to".into(),
            "csv".into(),
            "-o".into(),
            g.clone().into(),
        ],
        vec![
            "check".into(),
            s.clone().into(),
            d.clone().into(),
            "-g".into(),
            g.clone().into(),
            "-o".into(),
            dir.join("./g.tsv").into(),
        ],
    ];
    for args in cases {
        let output = selaras().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr_of(&output).contains("refusing to overwrite"), "{}", stderr_of(&output));
    }
    assert_eq!(std::fs::read_to_string(&s).unwrap(), "Korea Utara bertemu Rusia.");
    assert_eq!(std::fs::read_to_string(&d).unwrap(), "North Korea met Russia.");
    assert_eq!(std::fs::read_to_string(&g).unwrap(), "Rusia\tRussia\n");
}

#[cfg(unix)]
#[test]
fn issue_12_outputs_never_replace_links_or_devices() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("special");
    let s = write(&dir, "s.txt", "Korea Utara bertemu Rusia.");
    // Through a link: the file it points at is written, the link stays.
    let real = write(&dir, "real.txt", "old");
    std::os::unix::fs::symlink("real.txt", dir.join("link.txt")).unwrap();
    selaras()
        .arg("segment")
        .arg(&s)
        .arg("-o")
        .arg(dir.join("link.txt"))
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(dir.join("link.txt")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("Korea Utara"));
    // A device is written to, never replaced by a file.
    selaras().arg("segment").arg(&s).args(["-o", "/dev/null"]).assert().success();
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A link to nothing and a folder are refused.
    std::os::unix::fs::symlink("missing.txt", dir.join("dangling.txt")).unwrap();
    selaras()
        .arg("segment")
        .arg(&s)
        .arg("-o")
        .arg(dir.join("dangling.txt"))
        .assert()
        .code(2);
    selaras().arg("segment").arg(&s).arg("-o").arg(&dir).assert().code(2);
    // `-o -` is standard output.
    let output = selaras().arg("segment").arg(&s).args(["-o", "-"]).output().unwrap();
    assert!(String::from_utf8(output.stdout).unwrap().starts_with("p1.s1"));
}

/// ARCHITECTURE's "outputs are atomic" invariant: a replaced file keeps its
/// permissions, and a run that fails leaves the old file as it was.
#[cfg(unix)]
#[test]
fn issue_15_item_7_a_replaced_output_keeps_its_permissions_and_a_failed_run_keeps_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("permissions");
    let s = write(&dir, "s.txt", "Korea Utara bertemu Rusia.");
    let out = write(&dir, "out.txt", "old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    selaras().arg("segment").arg(&s).arg("-o").arg(&out).assert().success();
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("p1.s1"));
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o640);
    // Bad input: exit 2, and the earlier output is untouched.
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Korea \xff Utara").unwrap();
    selaras().arg("segment").arg(&bad).arg("-o").arg(&out).assert().code(2);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("p1.s1"));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !["s.txt", "out.txt", "bad.txt"].contains(&name.as_str()))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
}

#[test]
fn issue_12_standard_input_is_read_once() {
    let dir = scratch("stdin");
    let s = write(&dir, "s.txt", "Korea Utara bertemu Rusia.");
    for args in [
        vec!["check", "-", "-"],
        vec!["export", "xliff", "-", "-"],
        vec!["glossary", "lint", "-", "-"],
        vec!["align", "-", "-"],
    ] {
        let output = selaras().args(&args).write_stdin("x").output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr_of(&output).contains("standard input can be read only once"),
            "{}",
            stderr_of(&output)
        );
    }
    let output = selaras()
        .arg("diff")
        .arg(&s)
        .args(["-", "--previous", "-"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    // `--baseline -` reads the baseline from standard input.
    let d = write(&dir, "d.txt", "North Korea met Russia on Thursday.");
    let s = write(&dir, "s2.txt", "Korea Utara bertemu Rusia pada hari Jumat.");
    let baseline = dir.join("b.json");
    selaras()
        .arg("check")
        .arg(&s)
        .arg(&d)
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .success();
    selaras()
        .arg("check")
        .arg(&s)
        .arg(&d)
        .args(["--baseline", "-"])
        .write_stdin(std::fs::read(&baseline).unwrap())
        .assert()
        .code(0);
}

#[test]
fn issue_12_invalid_utf8_in_project_and_baseline_files_names_the_position() {
    let dir = project("utf8", "articles/*.id.txt");
    write(&dir, "selaras.toml", b"fail_on = \"error\"\n# caf\xE9\n".as_slice());
    let output = selaras().arg("check").current_dir(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("invalid UTF-8 at byte offset 23 (line 2, column 6)"),
        "{}",
        stderr_of(&output)
    );
    let s = write(&dir, "s.txt", "Korea Utara.");
    let d = write(&dir, "d.txt", "North Korea.");
    let baseline = write(&dir, "b.json", b"{\"version\": 1,\n \"x\": \"\xFF\"}".as_slice());
    let output = selaras()
        .arg("check")
        .arg(&s)
        .arg(&d)
        .arg("--baseline")
        .arg(&baseline)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("invalid UTF-8 at byte offset 22 (line 2, column 8)"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn issue_12_one_unreadable_pair_does_not_hide_the_others() {
    let dir = project("one-bad", "articles/*.id.txt");
    write(&dir, "articles/b.en.txt", b"North \xFF Korea".as_slice());
    let output = selaras().args(["check", "--format", "json"]).current_dir(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("b.en.txt: invalid UTF-8"), "{}", stderr_of(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["errors"], 2, "the two readable pairs are reported");
    // No baseline from an incomplete run.
    let output = selaras()
        .args(["check", "--write-baseline", "b.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.join("b.json").exists());
}

#[test]
fn issue_12_escape_sequences_never_reach_the_terminal() {
    let dir = scratch("escapes");
    let hostile = "Korea Utara \u{1b}]0;owned\u{7} bertemu \u{202e}Rusia\u{1b}[2J pada Jumat.";
    let s = write(&dir, "s.txt", hostile);
    let d = write(&dir, "d.txt", "North Korea \u{1b}[31m met Russia on Thursday.");
    let g = write(&dir, "g.tsv", "bertemu\tmet \u{1b}[5m\n");
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["check".into(), s.clone().into(), d.clone().into()],
        vec!["segment".into(), s.clone().into()],
        vec!["align".into(), s.clone().into(), d.clone().into()],
        vec!["glossary".into(), "apply".into(), s.clone().into(), "-g".into(), g.clone().into()],
        vec!["glossary".into(), "lint".into(), g.clone().into()],
        vec!["diff".into(), s.clone().into(), d.clone().into()],
    ];
    for args in runs {
        let output = selaras().args(&args).output().unwrap();
        for stream in [&output.stdout, &output.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'),
                "{args:?}: {text}"
            );
        }
    }
}

#[test]
fn issue_12_control_characters_in_glossaries_make_valid_tbx_and_a_lint_error() {
    let dir = scratch("control");
    let g = write(&dir, "g.tsv", "Korea\u{1}Utara\tNorth Korea\n");
    let output = selaras().args(["glossary", "convert", "--to", "tbx"]).arg(&g).output().unwrap();
    assert!(output.status.success());
    let tbx = String::from_utf8(output.stdout).unwrap();
    assert!(!tbx.contains('\u{1}') && tbx.contains("Korea\u{fffd}Utara"));
    let output = selaras().args(["glossary", "lint"]).arg(&g).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stdout).unwrap().contains("error[control-character]"));
}

#[test]
fn issue_12_a_finding_on_a_huge_unit_prints_a_bounded_excerpt() {
    // One sentence of 200 KB copied untranslated: the finding marks the
    // whole unit, and the excerpt shows its start and end only.
    let dir = scratch("huge-unit");
    let sentence = format!("{}akhir.", "pemerintah mengatakan bahwa warga kota ".repeat(5_000));
    let s = write(&dir, "s.txt", &sentence);
    let d = write(&dir, "d.txt", &sentence);
    let output = selaras().arg("check").arg(&s).arg(&d).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("untranslated"), "{stdout}");
    assert!(stdout.len() < 4_000, "{} bytes", stdout.len());
    assert!(stdout.contains(" … "));
}
