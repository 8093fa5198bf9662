//! The diff view on the sample article: terminal snapshots (plain, colour,
//! narrow, revision) and the HTML page's structure, escaping and size.
//! The views are built by hand in `fixtures/diff/fixture.rs`.

#[path = "fixtures/diff/fixture.rs"]
mod fixture;

use selaras::diff::Revision;
use selaras::render::side_by_side::{SideBySideOptions, write_side_by_side};

fn terminal(view: &selaras::diff::DiffView, width: usize, color: bool) -> String {
    let mut out = Vec::new();
    write_side_by_side(&mut out, view, &SideBySideOptions::new(width, color)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn terminal_clean_draft_two_columns() {
    let text = terminal(&fixture::clean_view(), 140, false);
    assert!(!text.contains('\u{1b}'), "colour off writes no escape codes");
    assert!(!text.contains("[missing:"), "the faithful draft has every term");
    insta::assert_snapshot!(text);
}

#[test]
fn terminal_errors_with_revision_plain() {
    let text = terminal(&fixture::errors_view(), 140, false);
    assert!(text.contains("[missing: North Korea /"), "{text}");
    assert!(
        text.contains("{+Ukrainian +}border"),
        "one marker pair around a change that holds a term"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn terminal_errors_with_revision_colour() {
    let text = terminal(&fixture::errors_view(), 140, true);
    assert!(text.contains("\u{1b}["), "colour on writes escape codes");
    assert!(!text.contains("{+"), "colour replaces the plain markers");
    insta::assert_snapshot!(text);
}

#[test]
fn terminal_narrow_is_one_column_and_keeps_every_word() {
    let view = fixture::errors_view();
    let text = terminal(&view, 72, false);
    insta::assert_snapshot!(text);
    let mut unfolded = Vec::new();
    let options = SideBySideOptions {
        collapse_unchanged: false,
        ..SideBySideOptions::new(72, false)
    };
    write_side_by_side(&mut unfolded, &view, &options).unwrap();
    let text = String::from_utf8(unfolded).unwrap();
    assert!(text.lines().all(|line| line.chars().count() <= 72), "no line is wider than asked");
    // Nothing is truncated: every word of every shown draft unit appears.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in view
        .rows
        .iter()
        .flat_map(|row| &row.source)
        .flat_map(|unit| unit.text.split_whitespace())
    {
        assert!(flat.contains(word), "{word:?} missing from the narrow view");
    }
}

#[test]
fn terminal_lines_fit_the_width() {
    for width in [100, 120, 160] {
        let text = terminal(&fixture::errors_view(), width, false);
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{width}: {line:?}");
        }
        assert!(text.contains(" │ "), "{width} columns is two-column");
    }
}

#[test]
fn revision_counts_changed_rows_and_edit_rate() {
    let view = fixture::errors_view();
    let revision = Revision::of(&view);
    assert_eq!(revision.rows_compared, 12);
    // Unchanged: the dateline, p6 (the quote), p9 (Lavrov), p11 (Blinken)
    // and p12 (Lavrov's quote, the added sentence being a bead of its own).
    assert_eq!(revision.rows_changed, 7);
    assert!(
        revision.edit_rate() > 0.05 && revision.edit_rate() < 0.5,
        "{}",
        revision.edit_rate()
    );
    let text = terminal(&view, 140, false);
    assert!(text.contains("unchanged bead"), "unchanged rows fold");
}
