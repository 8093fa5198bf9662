//! `selaras glossary …` end to end: apply (jsonl, counts, skeleton, text),
//! lint, convert, and exit status 2 with file:line for malformed input.

use assert_cmd::Command;

const ARTICLE: &str = "examples/korea-utara/source.id.txt";
const NEWS: &str = "tests/fixtures/glossary/news.tsv";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let output = selaras().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn apply_jsonl_reports_spans_lines_and_targets() {
    let out = stdout_of(&[
        "glossary",
        "apply",
        ARTICLE,
        "--no-default-glossary",
        "-g",
        NEWS,
        "--format",
        "jsonl",
    ]);
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"unit":"p1.s1","start":0,"end":11,"line":1,"column":1,"source":"Korea Utara","targets":["North Korea","North Korean"]})
    );
    for line in &lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        let found = &text[start..end];
        let source = line["source"].as_str().unwrap();
        assert!(found.to_lowercase().starts_with(&source.to_lowercase()), "{found:?} for {source:?}");
    }
    // The longer term wins where both match, and the shorter one is still found elsewhere.
    assert!(lines.iter().any(|l| l["source"] == "Menteri Luar Negeri Rusia"));
    assert!(lines.iter().any(|l| l["source"] == "Menteri Luar Negeri"));
    // `negaranya` and the like do not produce hits for terms that are not there.
    assert!(lines.iter().all(|l| l["unit"].as_str().unwrap().starts_with('p')));
}

#[test]
fn apply_counts_most_frequent_first() {
    let out = stdout_of(&[
        "glossary",
        "apply",
        ARTICLE,
        "--no-default-glossary",
        "-g",
        NEWS,
        "--format",
        "counts",
    ]);
    let rows: Vec<(&str, usize)> = out
        .lines()
        .map(|l| {
            let (term, n) = l.split_once('\t').unwrap();
            (term, n.parse().unwrap())
        })
        .collect();
    assert_eq!(rows[0], ("Korea Utara", 18));
    assert!(
        rows.windows(2).all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)),
        "{rows:?}"
    );
    assert!(rows.contains(&("AS", 4)), "{rows:?}");
}

#[test]
fn apply_skeleton_replaces_terms_and_keeps_every_other_byte() {
    let out = stdout_of(&[
        "glossary",
        "apply",
        ARTICLE,
        "--no-default-glossary",
        "-g",
        NEWS,
        "--format",
        "skeleton",
        // Every paragraph, also the repeated block and the trailer (issue 17
        // item 7 leaves them out by default; `tests/workbench.rs`).
        "--keep-all",
    ]);
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    assert!(out.starts_with("North Korea Akan Dukung Russia hingga"));
    assert_eq!(out.lines().count(), text.lines().count());
    let expected = text
        .replace("Menteri Luar Negeri Rusia", "Russian Foreign Minister")
        .replace("Menteri Luar Negeri", "Foreign Minister")
        .replace("Korea Utara", "North Korea")
        .replace("Rusia", "Russia")
        .replace(" AS ", " US ");
    assert_eq!(out, expected);
}

#[test]
fn apply_uses_the_shipped_glossary_by_default() {
    let out = stdout_of(&["glossary", "apply", ARTICLE, "--format", "counts"]);
    assert!(out.contains("Jumat\t"), "{out}");
    let out = stdout_of(&["glossary", "apply", ARTICLE, "--no-default-glossary", "--format", "counts"]);
    assert!(out.is_empty());
}

#[test]
fn apply_text_shows_units_and_required_english() {
    let out = stdout_of(&["glossary", "apply", ARTICLE, "--no-default-glossary", "-g", NEWS]);
    assert!(out.starts_with("p1.s1"), "{out}");
    assert!(out.contains("Korea Utara → North Korea (also: North Korean)"));
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn malformed_glossary_exits_2_naming_file_and_line() {
    let output = selaras()
        .args(["glossary", "apply", ARTICLE, "-g", "tests/fixtures/glossary/malformed.tsv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("tests/fixtures/glossary/malformed.tsv:2:1:"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn malformed_input_text_exits_2() {
    let dir = std::env::temp_dir().join(format!("selaras-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Korea Utara\n\xFF\n").unwrap();
    let output = selaras().args(["glossary", "apply"]).arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid UTF-8 at byte offset 12 (line 2, column 1)"));
    let bad_tbx = dir.join("bad.tbx");
    std::fs::write(&bad_tbx, "<tbx>\n<text>\n<body></text></tbx>\n").unwrap();
    let output = selaras().args(["glossary", "apply", ARTICLE, "-g"]).arg(&bad_tbx).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("bad.tbx:3:"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lint_reports_problems_with_lines_and_exits_1_on_errors() {
    let output = selaras()
        .args(["glossary", "lint", "tests/fixtures/glossary/lint.tsv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "lint.tsv:2: warning[duplicate]",
        "lint.tsv:3: warning[common-word]",
        "lint.tsv:4: error[malformed]",
        "lint.tsv:5: warning[invisible]",
        "lint.tsv:5: error[conflict]",
        "lint.tsv:6: info[shadowed]",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let output = selaras().args(["glossary", "lint", NEWS]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn convert_writes_atomically_and_round_trips() {
    let dir = std::env::temp_dir().join(format!("selaras-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("g.json");
    selaras()
        .args(["glossary", "convert", NEWS, "--to", "json", "-o"])
        .arg(&json)
        .assert()
        .success();
    let tsv = dir.join("g.tsv");
    selaras()
        .args(["glossary", "convert"])
        .arg(&json)
        .args(["--to", "tsv", "-o"])
        .arg(&tsv)
        .assert()
        .success();
    let round_tripped = std::fs::read_to_string(&tsv).unwrap();
    let original = std::fs::read_to_string(NEWS).unwrap();
    let data_lines = |text: &str| text.lines().filter(|l| !l.starts_with('#')).map(String::from).collect::<Vec<_>>();
    assert_eq!(data_lines(&round_tripped), data_lines(&original));
    let out = stdout_of(&["glossary", "convert", NEWS, "--to", "tbx"]);
    assert!(out.contains("<term>Korea Utara</term>"));
    let out = stdout_of(&["glossary", "convert", NEWS, "--to", "tbx-v2"]);
    assert!(out.contains(r#"<martif type="TBX" xml:lang="en">"#), "{out}");
    assert!(out.contains("<tig><term>Korea Utara</term></tig>"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}
