//! `selaras glossary suggest` end to end on a small hand-made project
//! (`tests/fixtures/suggest`: three articles on the economy, with a term the
//! drafts render two ways), and `glossary.variant` for terms in no glossary
//! in `selaras check` project mode (issue 16).

use assert_cmd::Command;
use serde_json::{Value, json};

const PROJECT: &str = "tests/fixtures/suggest/selaras.toml";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn suggest(extra: &[&str]) -> String {
    let output = selaras()
        .args(["glossary", "suggest", "--config", PROJECT])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{extra:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn entries(extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["--format", "jsonl"];
    args.extend_from_slice(extra);
    suggest(&args).lines().map(|line| serde_json::from_str(line).unwrap()).collect()
}

fn example(file: &str, unit: &str) -> Value {
    json!({"path": format!("articles/{file}"), "unit": unit})
}

#[test]
fn issue_16_top_entries_alternatives_and_examples() {
    let found = entries(&["--no-default-glossary"]);
    let top: Vec<(&str, &str)> = found
        .iter()
        .take(10)
        .map(|e| (e["source"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert_eq!(
        top,
        vec![
            ("persen", "percent"),
            ("Jepang", "Japan"),
            ("Bank Dunia", "World Bank"),
            ("Selasa", "Tuesday"),
            ("miliar", "billion"),
            ("Sri Mulyani", "Sri Mulyani"),
            ("Menteri Keuangan", "Finance Minister"),
            ("Senin", "Monday"),
            ("BI", "BI"),
            ("Jakarta", "Jakarta"),
        ]
    );
    // The whole rendering, both ways the drafts write it, with counts.
    assert_eq!(
        found[6],
        json!({
            "source": "Menteri Keuangan", "target": "Finance Minister", "count": 3, "occurrences": 5,
            "alternatives": [{"target": "Minister of Finance", "count": 2}],
            "examples": [example("a.id.txt", "p1.s1"), example("a.id.txt", "p4.s1"), example("b.id.txt", "p1.s1")],
        })
    );
    // A noun and its adjective are one family; the noun is the entry.
    assert_eq!(found[1]["count"], 3);
    assert_eq!(found[1]["alternatives"], json!([{"target": "Japanese", "count": 2}]));
    // An acronym the source spells out is paired with its expansion.
    assert_eq!(
        found[8]["expansion"],
        json!({"source": "Bank Indonesia", "target": "Bank Indonesia"})
    );
    // `APBD-nya` is an occurrence of APBD; `Sri` and `Mulyani` alone, and
    // `Serikat`-like pieces of longer names, are no entries; nor is the
    // combination `Menteri Keuangan Sri Mulyani` or `miliar rupiah`.
    let apbd = found.iter().find(|e| e["source"] == "APBD").unwrap();
    assert_eq!(apbd["occurrences"], 2);
    for absent in [
        "Sri",
        "Mulyani",
        "Keuangan",
        "Menteri Keuangan Sri Mulyani",
        "miliar rupiah",
        "Dunia",
    ] {
        assert!(found.iter().all(|e| e["source"] != absent), "{absent} should not be suggested");
    }
}

#[test]
fn issue_16_known_entries_are_left_out_unless_asked() {
    // With the shipped glossaries, their terms (Bank Dunia, Menteri Keuangan,
    // Jepang, persen…) are known and not suggested again.
    let found = entries(&[]);
    let sources: Vec<&str> = found.iter().map(|e| e["source"].as_str().unwrap()).collect();
    for known in ["Bank Dunia", "Menteri Keuangan", "Jepang", "Selasa", "BI"] {
        assert!(!sources.contains(&known), "{known} is in the shipped glossaries");
    }
    assert!(sources.contains(&"Sri Mulyani"));
    let with_known = entries(&["--include-known"]);
    let bank = with_known.iter().find(|e| e["source"] == "Bank Dunia").unwrap();
    assert_eq!(bank["known"], true);
    assert!(with_known.iter().all(|e| e["source"] != "Sri Mulyani" || e.get("known").is_none()));
}

#[test]
fn issue_16_min_count_and_tsv() {
    let found = entries(&["--no-default-glossary", "--min-count", "5"]);
    assert!(!found.is_empty());
    assert!(found.iter().all(|e| e["occurrences"].as_u64().unwrap() >= 5), "{found:?}");
    let tsv = suggest(&["--no-default-glossary"]);
    let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows[0], "persen\tpercent\tused 7 of 7 times; e.g. articles/a.id.txt p1.s1");
    assert_eq!(
        rows[6],
        "Menteri Keuangan\tFinance Minister\tused 3 of 5 times; also Minister of Finance (2); e.g. articles/a.id.txt p1.s1"
    );
    assert!(rows.iter().all(|row| row.split('\t').count() == 3));
}

#[test]
fn issue_16_output_file_and_errors() {
    let dir = std::env::temp_dir().join(format!("selaras-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("suggested.tsv");
    selaras()
        .args(["glossary", "suggest", "--config", PROJECT, "--no-default-glossary", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("persen\tpercent\t"));
    // A project file that does not parse: exit 2, the file and position named.
    let bad = dir.join("selaras.toml");
    std::fs::write(&bad, "[[pairs]]\nsource = 3\n").unwrap();
    let output = selaras().args(["glossary", "suggest", "--config"]).arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("selaras.toml:2"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // No pairs with drafts: exit 2, nothing written.
    std::fs::write(&bad, "[[pairs]]\nsource = \"*.id.txt\"\ntarget = \"{stem}.en.txt\"\n").unwrap();
    let empty_out = dir.join("empty.tsv");
    let output = selaras()
        .args(["glossary", "suggest", "--config"])
        .arg(&bad)
        .arg("-o")
        .arg(&empty_out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!empty_out.exists());
    // --min-count 0 is a usage error.
    selaras()
        .args(["glossary", "suggest", "--config", PROJECT, "--min-count", "0"])
        .assert()
        .code(2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn issue_16_check_reports_terms_in_no_glossary_rendered_two_ways() {
    let output = selaras()
        .args([
            "check",
            "--config",
            PROJECT,
            "--no-default-glossary",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let variants: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "glossary.variant")
        .collect();
    assert_eq!(variants.len(), 1, "{variants:?}");
    let finding = variants[0];
    assert_eq!(finding["severity"], "info");
    assert_eq!(
        finding["message"],
        "Menteri Keuangan (in no glossary) is translated 2 ways: Finance Minister (3), Minister of Finance (2)"
    );
    // It points at the first use of the less common rendering.
    assert!(finding["target"]["path"].as_str().unwrap().ends_with("b.en.txt"), "{finding}");
    assert_eq!(finding["target"]["unit"], "p1.s1");
    // With the shipped glossaries the term is known: the glossary rule's business.
    let output = selaras()
        .args(["check", "--config", PROJECT, "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "glossary.variant")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages.iter().all(|m| !m.contains("in no glossary")), "{messages:?}");
}
