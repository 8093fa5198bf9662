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
