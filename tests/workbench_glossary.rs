//! Issue 17, items 8–10: adding a term, accepting one finding, and
//! `explain` for every rule. Each test is named after the item it covers.

use assert_cmd::Command;

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-workbench-gloss-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A project with one TSV glossary and one pair.
fn project(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::write(
        dir.join("selaras.toml"),
        "glossaries = [\"terms.tsv\"]\n\n[[pairs]]\nsource = \"*.id.txt\"\ntarget = \"{stem}.en.txt\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("terms.tsv"), "# project terms\nZaitun\tolive\t\nAnggrek\torchid\t\n").unwrap();
    std::fs::write(dir.join("a.id.txt"), "Kapal perang itu berlabuh di Pelabuhan Tanjung Priok.\n").unwrap();
    std::fs::write(dir.join("a.en.txt"), "The warship docked at the port.\n").unwrap();
    dir
}

fn add(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    selaras().current_dir(dir).args(["glossary", "add"]).args(args).output().unwrap()
}

#[test]
fn issue_17_item_8_glossary_add_appends_in_order_and_lint_clean() {
    let dir = project("add");
    let output = add(&dir, &["Pelabuhan Tanjung Priok", "Tanjung Priok port"]);
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("terms.tsv:4: added Pelabuhan Tanjung Priok → Tanjung Priok port (preferred)"),
        "{stderr}"
    );
    let output = add(&dir, &["Pelabuhan Tanjung Priok", "Port of Tanjung Priok", "--admitted"]);
    assert!(output.status.success(), "{output:?}");
    let output = add(
        &dir,
        &["Pelabuhan Tanjung Priok", "Priok harbour", "--forbidden", "--note", "house style"],
    );
    assert!(output.status.success(), "{output:?}");
    // The file's own order is kept where it had one (the two old rows are
    // not sorted, and are not moved); the new source goes after the last
    // row that sorts before it.
    let text = std::fs::read_to_string(dir.join("terms.tsv")).unwrap();
    assert_eq!(
        text,
        "# project terms\nZaitun\tolive\t\nAnggrek\torchid\t\n\
         Pelabuhan Tanjung Priok\tTanjung Priok port\t\n\
         Pelabuhan Tanjung Priok\tPort of Tanjung Priok\t\n\
         Pelabuhan Tanjung Priok\tPriok harbour\t[forbidden] house style\n"
    );
    // Lint-clean, and check uses the term at once.
    let lint = selaras()
        .current_dir(&dir)
        .args(["glossary", "lint", "terms.tsv"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&lint.stdout);
    assert!(lint.status.success() && report.contains("0 errors, 0 warnings"), "{report}");
    let check = selaras()
        .current_dir(&dir)
        .args(["check", "a.id.txt", "a.en.txt", "--format", "json"])
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&check.stdout);
    assert!(
        json.contains("Pelabuhan Tanjung Priok should be translated as Tanjung Priok port"),
        "{json}"
    );
    // The same row again is no change.
    let before = std::fs::read(dir.join("terms.tsv")).unwrap();
    let again = add(&dir, &["Pelabuhan Tanjung Priok", "Tanjung Priok port"]);
    assert!(again.status.success() && String::from_utf8_lossy(&again.stderr).contains("nothing to do"));
    assert_eq!(std::fs::read(dir.join("terms.tsv")).unwrap(), before);
}

#[test]
fn issue_17_item_8_glossary_add_refuses_a_conflict_unless_forced() {
    let dir = project("conflict");
    assert!(add(&dir, &["Pelabuhan Tanjung Priok", "Tanjung Priok port"]).status.success());
    let before = std::fs::read(dir.join("terms.tsv")).unwrap();
    for args in [
        // Another preferred target.
        &["Pelabuhan Tanjung Priok", "Priok Port"][..],
        // Forbidding what the file accepts.
        &["Pelabuhan Tanjung Priok", "Tanjung Priok port", "--forbidden"][..],
        // Another preferred target than the shipped glossary's.
        &["Menteri Luar Negeri", "Foreign Secretary"][..],
        // Forbidding what the shipped glossary accepts.
        &["Menteri Luar Negeri", "Foreign Minister", "--forbidden"][..],
        // A common word lint warns about.
        &["dan", "and"][..],
        // A tab inside a field.
        &["Kapal\tSelam", "submarine"][..],
    ] {
        let output = add(&dir, args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("terms.tsv") || stderr.contains("tab"), "{stderr}");
        assert_eq!(std::fs::read(dir.join("terms.tsv")).unwrap(), before, "{args:?} changed the file");
    }
    let refused = add(&dir, &["Menteri Luar Negeri", "Foreign Secretary"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("prefers `Foreign Minister`"));
    // --admitted keeps the shipped preferred target preferred.
    assert!(
        add(&dir, &["Menteri Luar Negeri", "Foreign Secretary", "--admitted"])
            .status
            .success()
    );
    let text = std::fs::read_to_string(dir.join("terms.tsv")).unwrap();
    assert!(
        text.contains(
            "Menteri Luar Negeri\tForeign Minister\tkept preferred (from an earlier glossary)\nMenteri Luar Negeri\tForeign Secretary\t\n"
        ),
        "{text}"
    );
    // --force: the new word wins; the old preferred target stays admitted.
    let forced = add(&dir, &["Pelabuhan Tanjung Priok", "Priok Port", "--force"]);
    assert!(forced.status.success(), "{forced:?}");
    let text = std::fs::read_to_string(dir.join("terms.tsv")).unwrap();
    assert!(
        text.contains("Pelabuhan Tanjung Priok\tPriok Port\t\nPelabuhan Tanjung Priok\tTanjung Priok port\t\n"),
        "{text}"
    );
    // Not TSV: refused with a way out.
    let csv = add(&dir, &["Kapal Selam", "submarine", "-g", "terms.csv"]);
    assert_eq!(csv.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&csv.stderr).contains("glossary convert --to tsv"));
    assert!(!dir.join("terms.csv").exists());
}

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";

/// `(rule, fingerprint)` of every finding `check --format json` reports.
fn fingerprints(extra: &[&str]) -> Vec<(String, String)> {
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn issue_17_item_9_accept_one_finding_and_list_what_a_baseline_accepts() {
    let dir = scratch("accept");
    let baseline = dir.join("baseline.json");
    let baseline_arg = baseline.to_str().unwrap();
    let all = fingerprints(&[]);
    let (_, sergei) = all.iter().find(|(rule, _)| rule == "entity.name").unwrap().clone();
    // Accept by a prefix; the file is created.
    let output = selaras()
        .args([
            "check",
            SOURCE,
            DRAFT_ERRORS,
            "--color",
            "never",
            "--baseline",
            baseline_arg,
            "--accept",
            &sergei[..10],
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("accepted into") && stderr.contains("entity.name") && stderr.contains("“Sergei Lavrov”"),
        "{stderr}"
    );
    let human = String::from_utf8_lossy(&output.stdout);
    assert!(!human.contains("entity.name"), "the accepted finding is not shown: {human}");
    // With a baseline in use each finding says how to accept it.
    let (_, thursday) = all.iter().find(|(rule, _)| rule == "calendar.changed").unwrap().clone();
    assert!(human.contains(&format!("= accept: --accept {thursday}")), "{human}");
    assert_eq!(human.matches("= accept: --accept ").count(), all.len() - 1, "{human}");
    // The file says what it accepts.
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(written["version"], 2);
    assert_eq!(written["fingerprints"], serde_json::json!([sergei]));
    let entry = &written["accepted"][0];
    assert_eq!(entry["rule"], "entity.name");
    assert_eq!(entry["file"], DRAFT_ERRORS);
    assert_eq!(entry["unit"], "draft p5.s1");
    assert_eq!(entry["words"], "Sergei Lavrov");
    assert_eq!(entry["source_words"], "Sergey Lavrov");
    // The rest is still reported, and the exit status follows it.
    let rest = fingerprints(&["--baseline", baseline_arg]);
    assert_eq!(rest.len(), all.len() - 1);
    assert!(!rest.iter().any(|(_, print)| *print == sergei));

    // A second one, then the list.
    let output = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--baseline", baseline_arg, "--accept", &thursday])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "other errors remain");
    let list = selaras().args(["baseline", "list", baseline_arg]).output().unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains(&format!(
            "{sergei}  entity.name  {DRAFT_ERRORS} draft p5.s1  “Sergei Lavrov” (source: “Sergey Lavrov”)"
        )),
        "{list}"
    );
    assert!(
        list.contains(&format!(
            "{thursday}  calendar.changed  {DRAFT_ERRORS} draft p5.s1  “Thursday” (source: “Jumat”)"
        )),
        "{list}"
    );
    assert!(list.ends_with(&format!("2 accepted findings in {baseline_arg}\n")), "{list}");

    // A fingerprint no finding has: refused, the file unchanged.
    let before = std::fs::read(&baseline).unwrap();
    let typo = selaras()
        .args([
            "check",
            SOURCE,
            DRAFT_ERRORS,
            "--baseline",
            baseline_arg,
            "--accept",
            "0123456789abcdef",
        ])
        .output()
        .unwrap();
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("no finding of this run has the fingerprint 0123456789abcdef"));
    assert_eq!(std::fs::read(&baseline).unwrap(), before);
    // --accept needs a baseline to write to.
    let alone = selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--accept", &thursday])
        .output()
        .unwrap();
    assert_eq!(alone.status.code(), Some(2));

    // --write-baseline records details too; a baseline without them still
    // works and is listed as such.
    let full = dir.join("full.json");
    selaras()
        .args(["check", SOURCE, DRAFT_ERRORS, "--write-baseline", full.to_str().unwrap()])
        .assert()
        .success();
    let full_json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&full).unwrap()).unwrap();
    assert_eq!(full_json["accepted"].as_array().unwrap().len(), all.len());
    let bare = dir.join("bare.json");
    std::fs::write(&bare, format!("{{\"version\":2,\"fingerprints\":[\"{sergei}\"]}}\n")).unwrap();
    assert_eq!(fingerprints(&["--baseline", bare.to_str().unwrap()]).len(), all.len() - 1);
    let list = selaras().args(["baseline", "list", bare.to_str().unwrap()]).output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains(&format!("{sergei}  (no details")));
}

#[test]
fn issue_17_item_9_the_diff_page_has_an_accept_line_per_finding() {
    let dir = scratch("page-accept");
    let page = dir.join("view.html");
    selaras()
        .args(["diff", SOURCE, DRAFT_ERRORS, "--html", page.to_str().unwrap()])
        .assert()
        .code(1);
    let page = std::fs::read_to_string(page).unwrap();
    let mut on_page: Vec<String> = page
        .match_indices(">--accept ")
        .map(|(at, _)| page[at + 10..].split('<').next().unwrap().to_string())
        .collect();
    let mut from_check: Vec<String> = fingerprints(&[]).into_iter().map(|(_, print)| print).collect();
    on_page.sort();
    from_check.sort();
    assert_eq!(on_page, from_check, "the page's fingerprints are check's");
}

#[test]
fn issue_17_item_10_explain_gives_every_rule_an_example_and_its_tuning() {
    let list = selaras().arg("explain").output().unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    let rules: Vec<&str> = list.lines().filter_map(|line| line.split_whitespace().next()).collect();
    assert!(rules.len() >= 28, "{list}");
    for rule in rules {
        let output = selaras().args(["explain", rule]).output().unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("Example"), "{rule} has no example:\n{text}");
        assert!(text.contains(&format!("--rule {rule}=off")), "{text}");
        assert!(text.contains(&format!("\"{rule}\" = \"off\"")), "{text}");
    }
    let unfinished = selaras().args(["explain", "omission.unfinished"]).output().unwrap();
    assert!(String::from_utf8_lossy(&unfinished.stdout).contains("--full-draft"));
}

/// `N source terms, M rows` of a shipped file's header.
fn header_counts(file: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(format!("glossaries/{file}")).unwrap();
    let line = text
        .lines()
        .find(|line| line.ends_with(" rows.") && line.contains(" source terms, "))
        .unwrap();
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().unwrap())
        .collect();
    let data_rows = text.lines().filter(|line| !line.is_empty() && !line.starts_with('#')).count();
    assert_eq!(numbers[1], data_rows, "{file}'s header counts its rows");
    (numbers[0], numbers[1])
}

#[test]
fn issue_17_item_10_the_glossary_formats_are_documented_in_one_place_with_true_counts() {
    let readme = std::fs::read_to_string("glossaries/README.md").unwrap();
    for file in ["countries.tsv", "calendar.tsv", "news.tsv"] {
        let (terms, rows) = header_counts(file);
        let row = readme.lines().find(|line| line.starts_with(&format!("| `{file}` |"))).unwrap();
        assert!(
            row.contains(&format!("| {terms} | {rows} |")),
            "glossaries/README.md says {row}; the file has {terms} terms, {rows} rows"
        );
    }
    let (news_terms, _) = header_counts("news.tsv");
    let top = std::fs::read_to_string("README.md").unwrap();
    let flat = top.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("a curated news glossary of {news_terms} terms")),
        "README.md's count of news.tsv"
    );
    // One section says what every format can express.
    let formats = &readme[readme.find("## Glossary formats").expect("a formats section")..];
    for needle in [
        "[forbidden]",
        "[replace]",
        "affix",
        "case_sensitive",
        "selaras-match:",
        "`forbidden` column",
        "deprecated",
        "`admitted`",
        "glossary add",
    ] {
        assert!(formats.contains(needle), "the formats section lacks {needle}");
    }
}
