//! The command-line contract of `selaras segment` (PRODUCT.md): JSON fields,
//! standard input, exit statuses and error messages on bad input.

use assert_cmd::Command;
use serde_json::Value;

const SAMPLE: &str = "examples/korea-utara/source.id.txt";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn segment_jsonl_has_the_contract_fields() {
    let output = selaras().args(["segment", SAMPLE, "--format", "jsonl"]).output().unwrap();
    assert!(output.status.success());
    let input = std::fs::read_to_string(SAMPLE).unwrap();
    let units = jsonl(&output.stdout);
    assert_eq!(units.len(), 34);
    for (line_idx, unit) in units.iter().enumerate() {
        let start = unit["start"].as_u64().unwrap() as usize;
        let end = unit["end"].as_u64().unwrap() as usize;
        assert_eq!(&input[start..end], unit["text"].as_str().unwrap());
        assert_eq!(unit["line"], line_idx + 1);
        assert_eq!(unit["column"], 1);
        assert_eq!(unit["id"], format!("p{}.s1", line_idx + 1));
        assert!(["body", "headline", "dateline", "boilerplate"].contains(&unit["kind"].as_str().unwrap()));
    }
    assert_eq!(units[0]["kind"], "headline");
    assert_eq!(units[1]["kind"], "dateline");
    assert_eq!(units[17]["repeat_of"], "p4.s1");
    assert!(units[2].get("repeat_of").is_none());
    assert_eq!(units[33]["kind"], "boilerplate");
}

#[test]
fn segment_reads_standard_input() {
    let output = selaras()
        .args(["segment", "-", "--format", "jsonl"])
        .write_stdin("Dr. Lim tiba. Ia disambut Ny. Ratna.\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let units = jsonl(&output.stdout);
    let texts: Vec<&str> = units.iter().map(|u| u["text"].as_str().unwrap()).collect();
    assert_eq!(texts, vec!["Dr. Lim tiba.", "Ia disambut Ny. Ratna."]);
    assert_eq!(units[1]["column"], 15);
}

#[test]
fn segment_text_format_shows_id_kind_and_repeats() {
    let output = selaras().args(["segment", SAMPLE]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("p1.s1     headline    Korea Utara Akan Dukung Rusia"));
    assert!(stdout.contains("p18.s1    body        [= p4.s1] Menteri Luar Negeri Choe Son Hui"));
    assert!(stdout.contains("# paragraphs p18–p31 repeat p4–p17"));
}

#[test]
fn english_drafts_use_english_abbreviations() {
    let output = selaras()
        .args(["segment", "-", "--lang", "en", "--format", "jsonl"])
        .write_stdin("Mr. Blinken said 8,000 troops were in Kursk. The U.S. Secretary spoke at 10 a.m. on Friday.")
        .output()
        .unwrap();
    assert_eq!(jsonl(&output.stdout).len(), 2);
}

#[test]
fn invalid_utf8_is_an_error_with_offset_and_nothing_on_stdout() {
    let dir = tempdir();
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"Kalimat satu.\nDua \xC3\x28 tiga.").unwrap();
    let output = selaras()
        .args(["segment", path.to_str().unwrap(), "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("bad.txt: invalid UTF-8 at byte offset 18 (line 2, column 5)"),
        "{stderr}"
    );
}

#[test]
fn missing_file_is_exit_2() {
    let output = selaras().args(["segment", "does-not-exist.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("does-not-exist.txt"));
}

#[test]
fn unknown_flag_is_exit_2() {
    let output = selaras().args(["segment", SAMPLE, "--format", "yaml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn empty_input_gives_no_units_and_exit_0() {
    let output = selaras()
        .args(["segment", "-", "--format", "jsonl"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
}

#[test]
fn bom_and_crlf_spans_point_at_input_bytes() {
    let output = selaras()
        .args(["segment", "-", "--format", "jsonl"])
        .write_stdin("\u{FEFF}Judul\r\nSatu. Dua.\r\n")
        .output()
        .unwrap();
    let units = jsonl(&output.stdout);
    assert_eq!(units[0]["start"], 3);
    assert_eq!(units[0]["end"], 8);
    assert_eq!(units[0]["column"], 2);
    assert_eq!(units[1]["start"], 10);
    assert_eq!(units[1]["line"], 2);
    assert_eq!(units[2]["text"], "Dua.");
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempdir();
    let out = dir.join("units.jsonl");
    let status = selaras()
        .args(["segment", SAMPLE, "--format", "jsonl", "-o", out.to_str().unwrap()])
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 34);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn nul_bytes_and_long_lines_do_not_panic() {
    let mut text = "a\u{0}b. C\u{0}. ".repeat(1000);
    text.push_str(&"x".repeat(2_000_000));
    text.push_str(&".".repeat(100_000));
    let output = selaras()
        .args(["segment", "-", "--format", "jsonl"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(jsonl(&output.stdout).len(), 2001);
}

/// A fresh directory under the target directory, removed and recreated.
fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-cli-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn issue_14_pasted_layout_keeps_headline_dateline_and_byline_units() {
    let text = "Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina\nSabtu, 02 November 2024 - 14:23 WIB\nOleh Ahmad Fauzi\n\nMOSKOW - Korea Utara akan mendukung Rusia hingga mencapai\nkemenangan di Ukraina. Menteri Luar Negeri Choe Son Hui\nmengatakan hal tersebut di Moskow.\n\n(ahm)\n";
    let output = selaras()
        .args(["segment", "-", "--format", "jsonl"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(output.status.success());
    let units = jsonl(&output.stdout);
    let got: Vec<(&str, &str)> = units
        .iter()
        .map(|u| (u["id"].as_str().unwrap(), u["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("p1.s1", "headline"),
            ("p2.s1", "dateline"),
            ("p3.s1", "byline"),
            ("p4.s1", "body"),
            ("p4.s2", "body"),
            ("p5.s1", "boilerplate"),
        ]
    );
    // A wrapped sentence is one unit whose span crosses the line break.
    assert_eq!(
        units[3]["text"],
        "MOSKOW - Korea Utara akan mendukung Rusia hingga mencapai\nkemenangan di Ukraina."
    );
    assert_eq!(units[4]["line"], 6);
}
