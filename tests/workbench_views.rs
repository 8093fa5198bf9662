//! Issue 17, items 1–4: the diff views show where, not only that. The
//! terminal view and the HTML page of the sample, as `selaras diff` writes
//! them; what needs a browser (filters, styles, layout) is checked in
//! `tests/browser/run.mjs`.

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;

const SOURCE: &str = "examples/korea-utara/source.id.txt";
const DRAFT: &str = "examples/korea-utara/draft.en.txt";
const DRAFT_ERRORS: &str = "examples/korea-utara/draft-errors.en.txt";

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn scratch(name: &str) -> std::path::PathBuf {
    // Tests run in parallel and several write a page: each call gets its
    // own folder, so that one test never removes another's.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("selaras-views-{name}-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `selaras diff SOURCE DRAFT --color never --width 120 EXTRA…`.
fn terminal(draft: &str, extra: &[&str]) -> String {
    let output = selaras()
        .args(["diff", SOURCE, draft, "--color", "never", "--width", "120"])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|code| code <= 1), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The page `selaras diff SOURCE DRAFT --html` writes.
fn page(draft: &str) -> String {
    let dir = scratch("page");
    let out = dir.join("view.html");
    let output = selaras().args(["diff", SOURCE, draft, "--html"]).arg(&out).output().unwrap();
    assert!(output.status.code().is_some_and(|code| code <= 1), "{output:?}");
    std::fs::read_to_string(out).unwrap()
}

/// The texts of the elements that open with `open` (up to the next `</`).
fn texts_after<'a>(page: &'a str, open: &str) -> Vec<&'a str> {
    page.match_indices(open)
        .map(|(at, _)| {
            let rest = &page[at + open.len()..];
            let start = rest.find('>').map_or(0, |idx| idx + 1);
            let end = rest[start..].find("</").map_or(rest.len(), |idx| start + idx);
            &rest[start..end]
        })
        .collect()
}

#[test]
fn issue_17_item_1_the_terminal_marks_the_words_each_finding_is_about() {
    let text = terminal(DRAFT_ERRORS, &[]);
    // Draft side: the wrong words; source side: what they stand for.
    for marked in [
        "[!Thursday!]",
        "[!Sergei Lavrov!]",
        "[!1,000!]",
        "[!8.000!]",
        "[!July!]",
        "[!Hwasong-18!]",
        "[!Jumat!]",
        "[!10.000!]",
        "[!Agustus!]",
        "[!Hwasong-19!]",
        "[!Menteri Luar Negeri!]",
    ] {
        assert!(text.contains(marked), "{marked} not marked in\n{text}");
    }
    // Words no finding is about are not marked, and a finding about a
    // whole unit (the copied p13.s1) marks nothing in particular.
    for plain in ["[!Moscow", "[!Putin", "[!Ia mengatakan"] {
        assert!(!text.contains(plain), "{plain} marked in\n{text}");
    }
    // With colour, the marked words are underlined (SGR 4) in bold.
    let output = selaras()
        .args(["diff", SOURCE, DRAFT_ERRORS, "--color", "always", "--width", "120"])
        .output()
        .unwrap();
    let coloured = String::from_utf8(output.stdout).unwrap();
    assert!(!coloured.contains("[!"), "colour replaces the plain markers");
    let at = coloured.find("Thursday").unwrap();
    let before = &coloured[at.saturating_sub(24)..at];
    assert!(before.contains("\u{1b}[") && before.contains('4'), "{before:?}");
}

#[test]
fn issue_17_item_1_the_page_marks_the_words_each_finding_is_about() {
    let page = page(DRAFT_ERRORS);
    let flagged: BTreeSet<&str> = texts_after(&page, "<span class=\"flag flag-").into_iter().collect();
    for word in [
        "Thursday",
        "Sergei Lavrov",
        "1,000",
        "8.000",
        "July",
        "Hwasong-18",
        "Jumat",
        "10.000",
        "Hwasong-19",
    ] {
        assert!(flagged.contains(word), "{word} not marked; marked: {flagged:?}");
    }
    assert!(!flagged.iter().any(|text| text.contains("Ia mengatakan")), "{flagged:?}");
    // The severity is in the class: Thursday is an error, Sergei a warning.
    assert!(page.contains("<span class=\"flag flag-error\" title=\"error: what the finding is about\">Thursday</span>"));
    assert!(page.contains("flag-warning\" title=\"warning: what the finding is about\">Sergei Lavrov</span>"));
}

#[test]
fn issue_17_item_2_repeats_and_boilerplate_fold_into_one_line_each() {
    let text = terminal(DRAFT_ERRORS, &[]);
    assert!(
        text.contains("── p18–p31 repeat p4–p17: no translation needed · beads 17–30 ─"),
        "{text}"
    );
    assert!(
        text.contains("── p32–p34 boilerplate: no translation needed · beads 31–33 ─"),
        "{text}"
    );
    // Only the real omission (p9) says "no draft unit".
    assert_eq!(text.matches("(no draft unit)").count(), 1, "{text}");
    assert!(!text.contains("── bead 17 "), "{text}");
    // The sample's view was 191 lines before the fold; the folded view
    // prints the 16 body beads and two lines for the 17 others.
    let lines = text.lines().count();
    assert!(lines < 130, "{lines} lines");
    // --no-collapse prints every bead, each saying why it has no draft.
    let all = terminal(DRAFT_ERRORS, &["--no-collapse"]);
    assert!(all.contains("── bead 30 "), "{all}");
    assert_eq!(all.matches("(repeats p").count(), 14, "{all}");
    assert!(all.contains("(repeats p4.s1: no translation needed)"), "{all}");
    assert_eq!(all.matches("(boilerplate: no translation needed)").count(), 3, "{all}");
    assert!(all.lines().count() > lines + 40);

    // The page: one line per block, its beads in the table but hidden.
    let page = page(DRAFT_ERRORS);
    assert_eq!(page.matches("<tr id=\"block-").count(), 2);
    assert!(page.contains("class=\"block block-repeat\""));
    assert!(page.contains("p18–p31 repeat p4–p17: no translation needed"));
    assert!(page.contains("p32–p34 boilerplate: no translation needed"));
    assert_eq!(page.matches(" data-in-block=\"1\" hidden").count(), 14);
    assert_eq!(page.matches(" data-in-block=\"2\" hidden").count(), 3);
    assert_eq!(page.matches("no draft unit (left out)").count(), 1);
    assert_eq!(page.matches("repeats p").count(), 14);
}

#[test]
fn issue_17_item_2_a_draft_that_stops_folds_the_rest_as_not_translated_yet() {
    let dir = scratch("pending");
    let faithful = std::fs::read_to_string(DRAFT).unwrap();
    let lines: Vec<&str> = faithful.lines().collect();
    let half = dir.join("half.en.txt");
    std::fs::write(&half, lines[..8].join("\n") + "\n").unwrap();
    let text = terminal(half.to_str().unwrap(), &[]);
    assert!(
        text.contains("── p9–p17 not translated yet: draft ends at source p8.s1 · beads 9–17 ─"),
        "{text}"
    );
    assert!(!text.contains("(no draft unit)"), "{text}");
}

#[test]
fn issue_17_item_3_every_unit_id_says_its_side() {
    let text = terminal(DRAFT_ERRORS, &[]);
    // Source p9.s1 is left out; draft p9.s1 translates source p10.s1.
    assert!(text.contains("error omission source p9.s1: "), "{text}");
    assert!(text.contains("error number.changed draft p9.s1: "), "{text}");
    for line in text.lines().filter(|line| line.starts_with("  ▸ ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(matches!(words[3], "source" | "draft"), "{line}");
    }
    let page = page(DRAFT_ERRORS);
    let places = texts_after(&page, "<span class=\"where\"");
    assert!(places.len() >= 26, "{places:?}");
    for place in places {
        let unit = place.rsplit(" · ").next().unwrap();
        assert!(
            unit.starts_with("source p") || unit.starts_with("draft p") || unit.starts_with("beads ") || unit == "document",
            "{place}"
        );
    }
    assert!(page.contains("<span class=\"where\">bead 10 · draft p9.s1</span>"));
    assert!(page.contains("<span class=\"where\">bead 9 · source p9.s1</span>"));
}

#[test]
fn issue_17_item_4_one_colour_per_term_and_links_to_the_right_row() {
    let page = page(DRAFT_ERRORS);
    // Every mark of a term (its title starts with the term) has one colour.
    let mut colours: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (at, _) in page.match_indices("<mark class=\"term c") {
        let rest = &page[at + "<mark class=\"term ".len()..];
        let class = rest[..rest.find(['"', ' ']).unwrap()].to_string();
        let title_at = rest.find("title=\"").unwrap() + "title=\"".len();
        let title = &rest[title_at..title_at + rest[title_at..].find('"').unwrap()];
        let term = title.split(" → ").next().unwrap().to_string();
        colours.entry(term).or_default().insert(class);
    }
    let korea = &colours["Korea Utara"];
    assert_eq!(korea.len(), 1, "{korea:?}");
    let mixed: Vec<_> = colours.iter().filter(|(_, classes)| classes.len() > 1).collect();
    assert!(mixed.is_empty(), "{mixed:?}");

    // Each finding links to the row that shows the same bead number.
    for (at, _) in page.match_indices("<a href=\"#bead-") {
        let number: String = page[at + 15..].chars().take_while(char::is_ascii_digit).collect();
        let row = format!("<tr id=\"bead-{number}\" data-bead=\"{number}\"");
        let row_at = page.find(&row).unwrap_or_else(|| panic!("no row {number}"));
        assert!(page[row_at..].contains(&format!("<a href=\"#bead-{number}\">{number}</a>")));
    }
    // bead 5 holds Thursday.
    assert!(page.contains("<a href=\"#bead-5\"><span class=\"sev sev-error\">error</span> <code>calendar.changed</code>"));
    // The shape says what it counts.
    assert!(page.contains("<span class=\"shape\" title=\"1 source unit paired with 1 draft unit\">1-1 units</span>"));
    assert!(page.contains("title=\"2 source units paired with 1 draft unit\">2-1 units</span>"));
    // The count is a span the script can update.
    assert!(page.contains("Findings (<span id=\"findings-count\">13</span>)"));
}

#[test]
fn issue_17_item_4_untranslated_rows_and_alternatives_are_shown_one_way() {
    let page = page(DRAFT_ERRORS);
    // The draft left in Indonesian (bead 14) has its one finding and no
    // "missing" badge per term.
    let row_at = page.find("<tr id=\"bead-14\"").unwrap();
    let row = &page[row_at..row_at + page[row_at..].find("</tr>").unwrap()];
    assert!(row.contains("data-rule=\"untranslated\""), "{row}");
    assert!(!row.contains("class=\"missing\""), "{row}");
    // Alternatives: `“A” or “B”`, never `A | B` or `A / B`.
    assert!(page.contains("expected: <q>Foreign Minister</q> or <q>Minister of Foreign Affairs</q>"));
    assert!(page.contains("missing: Foreign Minister or Minister of Foreign Affairs"));
    assert!(!page.contains("Foreign Minister | ") && !page.contains("Foreign Minister / "));
    let text = terminal(DRAFT_ERRORS, &[]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("(expected: “Foreign Minister” or “Minister of Foreign Affairs”)"),
        "{text}"
    );
}
