//! `selaras align` end to end: the jsonl contract, TMX validity, repeats,
//! `--segmented` ids, glossaries and errors.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;

mod support;

fn selaras() -> Command {
    Command::cargo_bin("selaras").expect("the selaras binary is built")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/korea-utara").join(name)
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-align-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn jsonl(output: &[u8]) -> Vec<Value> {
    String::from_utf8(output.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

fn ids(value: &Value) -> Vec<&str> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
}

#[test]
fn jsonl_follows_the_contract_and_marks_the_repeated_body() {
    let output = selaras()
        .args(["align", "--format", "jsonl"])
        .arg(example("source.id.txt"))
        .arg(example("draft.en.txt"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let beads = jsonl(&output.stdout);
    // 34 source units: 17 translated, 14 repeats of the body, 3 boilerplate lines.
    assert_eq!(beads.len(), 34);
    assert_eq!(ids(&beads[0]["source"]), vec!["p1.s1"]);
    assert_eq!(ids(&beads[0]["target"]), vec!["p1.s1"]);
    for bead in &beads {
        let score = bead["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    let pairs = beads.iter().filter(|b| b["kind"] == "pair").count();
    assert_eq!(pairs, 17);
    for bead in &beads[..17] {
        assert!(bead["score"].as_f64().unwrap() > 0.5, "{bead}");
    }
    let repeats: Vec<&Value> = beads.iter().filter(|b| b["kind"] == "repeat").collect();
    assert_eq!(repeats.len(), 14);
    assert_eq!(ids(&repeats[0]["source"]), vec!["p18.s1"]);
    assert_eq!(repeats[0]["repeat_of"], "p4.s1");
    assert!(ids(&repeats[0]["target"]).is_empty());
}

#[test]
fn segmented_input_uses_line_ordinals_and_finds_omissions_and_additions() {
    let source = temp_file(
        "s.txt",
        "Presiden Joko Widodo tiba di Jakarta pada hari Senin.\n\nIa bertemu 12 menteri.\nRapat berlangsung selama 3 jam.\nHarga beras naik 2,5 persen menjadi Rp 15.000 per kilogram.\n",
    );
    let draft = temp_file(
        "d.txt",
        "President Joko Widodo arrived in Jakarta on Monday.\n\nHe met 12 ministers.\nThe Louvre museum in Paris reopened its Egyptian galleries on 14 March after a renovation costing 40 million euros.\nRice prices rose 2.5 percent to Rp 15,000 per kilogram.\n",
    );
    let output = selaras()
        .args(["align", "--segmented", "--format", "jsonl"])
        .arg(&source)
        .arg(&draft)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let beads = jsonl(&output.stdout);
    let shapes: Vec<(Vec<&str>, Vec<&str>)> = beads.iter().map(|b| (ids(&b["source"]), ids(&b["target"]))).collect();
    assert_eq!(
        shapes,
        vec![
            (vec!["1"], vec!["1"]),
            (vec!["2"], vec!["2"]),
            (vec!["3"], vec![]),
            (vec![], vec!["3"]),
            (vec!["4"], vec!["4"]),
        ]
    );
    assert_eq!(beads[2]["kind"], "omission");
    assert_eq!(beads[3]["kind"], "addition");
}

#[test]
fn a_copied_indonesian_draft_scores_low_everywhere() {
    let output = selaras()
        .args(["align", "--format", "jsonl"])
        .arg(example("source.id.txt"))
        .arg(example("source.id.txt"))
        .output()
        .unwrap();
    assert!(output.status.success());
    for bead in jsonl(&output.stdout) {
        assert!(bead["score"].as_f64().unwrap() < 0.3, "{bead}");
    }
}

#[test]
fn tmx_has_one_unit_per_pair_and_escapes_markup() {
    let source = temp_file("tmx-s.txt", "Harga naik <5%> & \"stabil\".\nIa pergi.\n");
    let draft = temp_file("tmx-d.txt", "Prices rose <5%> & \"steady\".\nShe left.\n");
    let output = selaras()
        .env("SOURCE_DATE_EPOCH", "1730557380")
        .args(["align", "--segmented", "--format", "tmx"])
        .arg(&source)
        .arg(&draft)
        .output()
        .unwrap();
    assert!(output.status.success());
    let tmx = String::from_utf8(output.stdout).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 2);
    assert!(tmx.contains(r#"srclang="id""#));
    assert!(tmx.contains(r#"creationdate="20241102T142300Z""#));
    assert!(tmx.contains("<seg>Harga naik &lt;5%&gt; &amp; &quot;stabil&quot;.</seg>"));
    assert!(tmx.contains(r#"<tuv xml:lang="en"><seg>She left.</seg></tuv>"#));
}

#[test]
fn tmx_of_the_sample_passes_the_tmx_14b_dtd() {
    let out_path = std::env::temp_dir().join(format!("selaras-align-{}.tmx", std::process::id()));
    selaras()
        .args(["align", "--format", "tmx", "-o"])
        .arg(&out_path)
        .arg(example("source.id.txt"))
        .arg(example("draft.en.txt"))
        .assert()
        .success();
    let tmx = std::fs::read_to_string(&out_path).unwrap();
    // Only pairing beads become translation units: no repeats, no omissions.
    assert_eq!(tmx.matches("<tu ").count(), 17);
    validate_tmx(&out_path);
    let _ = std::fs::remove_file(&out_path);
}

/// Validates a TMX file against the TMX 1.4b DTD (`tests/fixtures/schemas`).
fn validate_tmx(path: &Path) {
    support::assert_valid_xml("tmx", path);
}

#[test]
fn a_project_is_aligned_into_one_tmx() {
    let dir = std::env::temp_dir().join(format!("selaras-align-project-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    for name in ["a", "b"] {
        std::fs::copy(example("source.id.txt"), dir.join(format!("articles/{name}.id.txt"))).unwrap();
        std::fs::copy(example("draft.en.txt"), dir.join(format!("articles/{name}.en.txt"))).unwrap();
    }
    std::fs::write(
        dir.join("selaras.toml"),
        "[[pairs]]\nsource = \"articles/*.id.txt\"\ntarget = \"articles/{stem}.en.txt\"\n",
    )
    .unwrap();
    let out_path = dir.join("memory.tmx");
    let output = selaras()
        .current_dir(&dir)
        .args(["align", "--format", "tmx", "-o", "memory.tmx"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let tmx = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 34, "17 pairs from each of the two articles");
    assert_eq!(tmx.matches(r#"<prop type="x-selaras-file">"#).count(), 34);
    validate_tmx(&out_path);
    let output = selaras().current_dir(&dir).args(["align", "--format", "jsonl"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "a project is written as TMX only");
}

#[test]
fn glossary_pairs_are_read_and_bad_glossaries_are_errors() {
    let glossary = temp_file("g.tsv", "# terms\nKorea Utara\tNorth Korea\tcountry\n");
    selaras()
        .args(["align", "--format", "jsonl", "-g"])
        .arg(&glossary)
        .arg(example("source.id.txt"))
        .arg(example("draft.en.txt"))
        .assert()
        .success();
    // Every format `check` reads (issue 13: `-g` was TSV only here).
    let csv = temp_file("g.csv", "source,target\nKorea Utara,North Korea\n");
    selaras()
        .args(["align", "-g"])
        .arg(&csv)
        .arg(example("source.id.txt"))
        .arg(example("draft.en.txt"))
        .assert()
        .success();
    let bad = temp_file("bad.tsv", "# terms\nKorea Utara North Korea\n");
    let output = selaras()
        .args(["align", "-g"])
        .arg(&bad)
        .arg(example("source.id.txt"))
        .arg(example("draft.en.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.tsv:2:1:"), "{stderr}");
}

#[test]
fn unreadable_input_exits_2_naming_the_file_and_offset() {
    let bad = temp_file("bad-utf8.txt", "");
    std::fs::write(&bad, b"ok\n\xff\n").unwrap();
    let output = selaras().args(["align"]).arg(example("source.id.txt")).arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad-utf8.txt: invalid UTF-8 at byte offset 3"), "{stderr}");
    let output = selaras().args(["align", "-", "-"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn empty_draft_gives_only_omissions() {
    let empty = temp_file("empty.txt", "");
    let output = selaras()
        .args(["align", "--format", "jsonl"])
        .arg(example("source.id.txt"))
        .arg(&empty)
        .output()
        .unwrap();
    assert!(output.status.success());
    let beads = jsonl(&output.stdout);
    assert_eq!(beads.len(), 34);
    assert!(beads.iter().all(|b| ids(&b["target"]).is_empty()));
}

#[test]
fn text_shows_beads_side_by_side() {
    let output = selaras()
        .args(["align"])
        .arg(example("source.id.txt"))
        .arg(example("draft.en.txt"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("p1.s1 ↔ p1.s1  1-1 pair "), "{first}");
    let second = text.lines().nth(1).unwrap();
    assert!(second.contains(" │ "), "{second}");
    assert!(second.trim_start().starts_with("Korea Utara Akan Dukung Rusia"), "{second}");
    assert!(
        second.ends_with("North Korea Will Support Russia Until Victory in Ukraine"),
        "{second}"
    );
    assert!(text.contains("p18.s1 ↔ —  1-0 repeat 1.00 (repeats p4.s1)"), "{text}");
}
