//! Issue 15 item 4: every XML and HTML output goes through the one
//! `xml::escape`, so text with characters XML cannot hold (C0 controls, DEL
//! and C1 controls, U+FFFE) still gives files that parse and validate: XLIFF
//! 1.2 and 2.0 exports, TMX, TBX v3 and v2, JUnit, and the diff page's text
//! and attributes. The inputs are written here; the schemas are the copies
//! in `tests/fixtures/schemas/` (see its README for their provenance).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

mod support;

/// Characters no XML 1.0 file can hold, raw or as a reference, and the ones
/// HTML rejects besides (DEL, C1): escape, SOH, DEL, NEL, CSI, U+FFFE.
const UNWRITABLE: [char; 6] = ['\u{1b}', '\u{1}', '\u{7f}', '\u{85}', '\u{9b}', '\u{fffe}'];

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-xml-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A source, a draft and a glossary with every unwritable character in
/// their text (and quote marks and `&` besides).
fn inputs(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let source = dir.join("source.id.txt");
    let draft = dir.join("draft.en.txt");
    let glossary = dir.join("terms.tsv");
    std::fs::write(
        &source,
        "Korea\u{1}Utara menembakkan 3 rudal\u{1b}[31m pada Senin\u{85}.\n\n\
         Presiden \u{fffe}berkata \"ya\" & 'tidak'\u{7f}\u{9b}.\n",
    )
    .unwrap();
    std::fs::write(
        &draft,
        "North\u{1}Korea fired 3 missiles\u{1b}[31m on Monday\u{85}.\n\n\
         The president \u{fffe}said \"yes\" & 'no'\u{7f}\u{9b}.\n",
    )
    .unwrap();
    std::fs::write(
        &glossary,
        "rudal\tmissile\u{1}x\t# note \u{1b}\u{85}\nKorea\u{1}Utara\tNorth\u{7f}Korea\n",
    )
    .unwrap();
    (source, draft, glossary)
}

fn assert_no_unwritable(file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    for c in UNWRITABLE {
        assert!(!text.contains(c), "{} holds U+{:04X} raw", file.display(), c as u32);
    }
    assert!(
        text.contains('\u{fffd}'),
        "{} lost the replaced characters altogether",
        file.display()
    );
}

/// `words` as command-line arguments.
fn os<'a>(words: &[&'a str]) -> Vec<&'a std::ffi::OsStr> {
    words.iter().map(|word| std::ffi::OsStr::new(*word)).collect()
}

/// Runs selaras with `args` and `-o out`, then checks what it wrote: no
/// unwritable character, and valid as `mode` (`validate.sh`'s names), or
/// well-formed XML when there is no schema for it.
fn assert_writes_valid(args: &[&std::ffi::OsStr], out: &Path, mode: Option<&str>) {
    selaras().args(args).arg("-o").arg(out).assert().success();
    assert_no_unwritable(out);
    match mode {
        Some(mode) => support::assert_valid_xml(mode, out),
        None => support::assert_well_formed_xml(out),
    }
}

#[test]
fn issue_15_item_4_xml_outputs_of_text_with_control_characters_validate() {
    let dir = scratch("formats");
    let (source, draft, glossary) = inputs(&dir);
    let (source, draft, glossary) = (source.as_os_str(), draft.as_os_str(), glossary.as_os_str());
    for (version, mode) in [("1.2", "xliff12"), ("2.0", "xliff20")] {
        let mut args = os(&["export", "xliff", "--xliff-version", version, "-g"]);
        args.extend([glossary, source, draft]);
        assert_writes_valid(&args, &dir.join(format!("export-{version}.xlf")), Some(mode));
    }
    let mut args = os(&["align", "--format", "tmx"]);
    args.extend([source, draft]);
    assert_writes_valid(&args, &dir.join("pairs.tmx"), Some("tmx"));
    for format in ["tbx", "tbx-v2"] {
        let mut args = os(&["glossary", "convert", "--to", format]);
        args.push(glossary);
        assert_writes_valid(&args, &dir.join(format!("terms.{format}.tbx")), Some("tbx"));
    }
    let mut args = os(&["check", "--format", "junit", "--fail-on", "never", "-g"]);
    args.extend([glossary, source, draft]);
    assert_writes_valid(&args, &dir.join("junit.xml"), None);
}

#[test]
fn issue_15_item_4_the_diff_page_holds_no_control_characters_in_text_or_attributes() {
    let dir = scratch("page");
    let (source, draft, glossary) = inputs(&dir);
    let page = dir.join("page.html");
    selaras()
        .args(["diff", "--fail-on", "never", "-g"])
        .arg(&glossary)
        .arg(&source)
        .arg(&draft)
        .arg("--html")
        .arg(&page)
        .assert()
        .success();
    assert_no_unwritable(&page);
    let text = std::fs::read_to_string(&page).unwrap();
    // The glossary's English reaches the page in a `title` attribute, with
    // the control character replaced and the attribute still closed.
    assert!(
        text.contains("title=\"rudal → missile\u{fffd}x"),
        "the term's title attribute is missing"
    );
}
