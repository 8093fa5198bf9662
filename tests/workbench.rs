//! Issue 17, the translator's workbench: what a translator meets after the
//! first check. Each test is named after the item of the issue it covers
//! (the page items are checked in the browser test, `tests/browser/`).

use assert_cmd::Command;
use selaras::finding::Finding;
use selaras::pipeline::{Pipeline, PipelineOptions};

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT: &str = "examples/korea-utara/draft.en.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-workbench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn findings(source: &str, draft: &str) -> Vec<Finding> {
    let pipeline = Pipeline::new(selaras::glossary::builtin().clone(), PipelineOptions::default()).unwrap();
    pipeline.run(source, draft).findings
}

#[test]
fn issue_17_item_11_entity_name_shows_the_whole_name_and_points_at_it() {
    let source = "Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia Vladimir Putin di Moskow pada hari ini.\n";
    let draft = "North Korean leader Kim Jong-un met Russian President Vladimir Putin in Moscow today.\n";
    let found = findings(source, draft);
    let names: Vec<&Finding> = found.iter().filter(|f| f.rule.as_str() == "entity.name").collect();
    assert_eq!(names.len(), 1, "{found:#?}");
    let name = names[0];
    assert!(
        name.message.contains("the name Kim Jong Un is written Kim Jong-un in the draft"),
        "{}",
        name.message
    );
    let target = name.target.as_ref().expect("points into the draft");
    assert_eq!(target.span.slice(draft), "Kim Jong-un");
    assert_eq!(name.source.as_ref().unwrap().span.slice(source), "Kim Jong Un");

    // A respelled word inside a titled name: the name, not the title before it.
    let source = "Dalam pertemuannya dengan Menteri Luar Negeri Rusia Sergey Lavrov, Choe menuduh AS.\n";
    let draft = "In her meeting with Russian Foreign Minister Sergei Lavrov, Choe accused the US.\n";
    let found = findings(source, draft);
    let name = found
        .iter()
        .find(|f| f.rule.as_str() == "entity.name")
        .expect("Sergei is a respelling");
    assert!(
        name.message
            .contains("the name Sergey Lavrov is written Sergei Lavrov in the draft"),
        "{}",
        name.message
    );
    assert_eq!(name.target.as_ref().unwrap().span.slice(draft), "Sergei Lavrov");
}

#[test]
fn issue_17_item_11_a_spaced_ellipsis_the_source_has_is_not_whitespace() {
    let source = "Hubungan kita hari ini … meningkat ke tingkat baru.\n";
    let rules = |draft: &str| -> Vec<&'static str> { findings(source, draft).iter().map(|f| f.rule.as_str()).collect() };
    assert!(!rules("Our relations today ... are rising to a new level.\n").contains(&"punct.whitespace"));
    assert!(!rules("Our relations today … are rising to a new level.\n").contains(&"punct.whitespace"));
    // Other spaces before punctuation still count, and so does an ellipsis
    // spaced where the source does not space one.
    assert!(rules("Our relations today ... are rising to a new level .\n").contains(&"punct.whitespace"));
    let unspaced = "Hubungan kita hari ini… meningkat ke tingkat baru.\n";
    let found = findings(unspaced, "Our relations today ... are rising to a new level.\n");
    assert!(found.iter().any(|f| f.rule.as_str() == "punct.whitespace"), "{found:#?}");
}

/// The longest run of `^` in `text`.
fn longest_caret_run(text: &str) -> usize {
    text.split(|c| c != '^').map(str::len).max().unwrap_or(0)
}

#[test]
fn issue_17_item_5_xliff_excerpts_are_unescaped_text_with_short_carets() {
    let dir = scratch("xliff-human");
    let xlf = dir.join("sample.xlf");
    selaras()
        .args(["export", "xliff", SOURCE, DRAFT_ERRORS, "--xliff-version", "2.0", "-o"])
        .arg(&xlf)
        .assert()
        .success();
    let output = selaras()
        .arg("check")
        .arg(&xlf)
        .args(["--format", "human", "--color", "never"])
        .output()
        .unwrap();
    let human = String::from_utf8(output.stdout).unwrap();
    assert!(human.contains("error[glossary.missing]"), "{human}");
    for raw in ["&quot;", "<target>", "</source>", "<source>", "&amp;"] {
        assert!(!human.contains(raw), "{raw} in\n{human}");
    }
    // The omitted sentence's quotes are shown as the translator reads them.
    assert!(human.contains("Lavrov berbicara tentang \"hubungan yang sangat dekat\""), "{human}");
    assert!(longest_caret_run(&human) <= 60, "{human}");
    // A span on a glossary term points at the term exactly.
    assert!(
        human.contains("Menteri Luar Negeri Choe Son Hui") && human.contains("\n   |               ^^^^^^^^^^^^^^^^^^^\n"),
        "{human}"
    );
}

#[test]
fn issue_17_item_5_caret_lines_are_bounded_in_every_case() {
    let dir = scratch("carets");
    // One long paragraph line of several sentences: a finding on the whole
    // second sentence points inside the line.
    let source = dir.join("s.id.txt");
    let draft = dir.join("d.en.txt");
    let long_id = "Menteri Luar Negeri mengatakan bahwa rudal itu diluncurkan ke laut lepas pantai timur dan bahwa ia memperkirakan mereka akan bertempur melawan Ukraina dalam beberapa hari mendatang di wilayah perbatasan.";
    std::fs::write(&source, format!("Satu kalimat pendek. {long_id} Kalimat terakhir di sini.\n")).unwrap();
    // The draft keeps the long sentence in Indonesian: an `untranslated`
    // finding on the whole second sentence, inside the line.
    std::fs::write(&draft, format!("One short sentence. {long_id} The last sentence here.\n")).unwrap();
    for draft in [draft.as_path(), std::path::Path::new(DRAFT_ERRORS)] {
        let source = if draft.ends_with("d.en.txt") {
            source.as_path()
        } else {
            std::path::Path::new(SOURCE)
        };
        let output = selaras()
            .arg("check")
            .arg(source)
            .arg(draft)
            .args(["--color", "never"])
            .output()
            .unwrap();
        let human = String::from_utf8(output.stdout).unwrap();
        assert!(human.contains("-->"), "{human}");
        assert!(longest_caret_run(&human) <= 60, "{human}");
        // Carets never stand beyond the text shown above them.
        let lines: Vec<&str> = human.lines().collect();
        for pair in lines.windows(2) {
            if pair[1].trim_start_matches([' ', '|']).starts_with('^') {
                assert!(pair[1].chars().count() <= pair[0].chars().count(), "{}\n{}", pair[0], pair[1]);
            }
        }
    }
}

/// The rules of `check --format json` on SOURCE and `draft` (with `extra` flags), and the exit code.
fn check_rules(draft: &std::path::Path, extra: &[&str]) -> (Option<i32>, Vec<(String, String)>) {
    let output = selaras()
        .args(["check", SOURCE])
        .arg(draft)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["message"].as_str().unwrap().to_string()))
        .collect();
    (output.status.code(), rules)
}

#[test]
fn issue_17_item_6_a_draft_that_stops_is_one_finding() {
    let dir = scratch("unfinished");
    let faithful = std::fs::read_to_string(DRAFT).unwrap();
    let lines: Vec<&str> = faithful.lines().collect();
    let half = dir.join("half.en.txt");
    std::fs::write(&half, lines[..8].join("\n") + "\n").unwrap();
    let (code, rules) = check_rules(&half, &[]);
    let unfinished: Vec<&(String, String)> = rules.iter().filter(|(rule, _)| rule == "omission.unfinished").collect();
    assert_eq!(unfinished.len(), 1, "{rules:?}");
    assert_eq!(
        unfinished[0].1,
        "draft ends at source p8.s1; 9 later source units are not translated yet"
    );
    assert!(!rules.iter().any(|(rule, _)| rule == "omission"), "{rules:?}");
    assert_eq!(code, Some(0), "work in progress is a warning, not an error");

    // --full-draft: the draft is meant to be whole, so each unit is an omission.
    let (code, rules) = check_rules(&half, &["--full-draft"]);
    assert_eq!(rules.iter().filter(|(rule, _)| rule == "omission").count(), 9, "{rules:?}");
    assert!(!rules.iter().any(|(rule, _)| rule == "omission.unfinished"));
    assert_eq!(code, Some(1));

    // One dropped last sentence is an omission, not an unfinished draft.
    let short = dir.join("short.en.txt");
    std::fs::write(&short, lines[..lines.len() - 1].join("\n") + "\n").unwrap();
    let (_, rules) = check_rules(&short, &[]);
    assert!(!rules.iter().any(|(rule, _)| rule == "omission.unfinished"), "{rules:?}");
    assert_eq!(rules.iter().filter(|(rule, _)| rule == "omission").count(), 1, "{rules:?}");
    // The faithful draft ends with the source's body: the repeated block and
    // the site's trailer after it need no translation.
    let (_, rules) = check_rules(std::path::Path::new(DRAFT), &[]);
    assert!(!rules.iter().any(|(rule, _)| rule.starts_with("omission")), "{rules:?}");
}

#[test]
fn issue_17_item_7_skeleton_leaves_out_repeats_keeps_capitals_and_sets_enclitics_apart() {
    let output = selaras()
        .args(["glossary", "apply", SOURCE, "--format", "skeleton"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let skeleton = String::from_utf8(output.stdout).unwrap();
    let notes = String::from_utf8(output.stderr).unwrap();
    // The body once (17 paragraphs), no repeated block, no site trailer.
    assert_eq!(skeleton.lines().count(), 17, "{skeleton}");
    assert_eq!(skeleton.matches("Foreign Minister Choe Son Hui").count(), 1, "{skeleton}");
    for trailer in ["(ahm)", "Lihat Juga", "tulis komentar anda"] {
        assert!(!skeleton.contains(trailer), "{trailer} in {skeleton}");
    }
    assert!(skeleton.ends_with("Hwasong-19.\n"), "{skeleton}");
    assert!(notes.contains("left out p18–p31, which repeat p4–p17"), "{notes}");
    // MOSKOW is a dateline city in capitals; an acronym keeps its English.
    assert!(skeleton.contains("MOSCOW - North Korea"), "{skeleton}");
    assert!(skeleton.contains("14:23 Western Indonesia Time"), "{skeleton}");
    // Enclitics stay, apart from the English word.
    assert!(skeleton.contains("nuclear arsenal-nya"), "{skeleton}");
    assert!(!skeleton.contains("arsenalnya"), "{skeleton}");

    let all = selaras()
        .args(["glossary", "apply", SOURCE, "--format", "skeleton", "--keep-all"])
        .output()
        .unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    let source = std::fs::read_to_string(SOURCE).unwrap();
    assert_eq!(all.lines().count(), source.lines().count());
    assert!(all.contains("tulis komentar anda") && all.matches("Foreign Minister Choe Son Hui").count() == 2);
}
