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
    assert!(text.contains("[missing: North Korea or"), "{text}");
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
fn revision_word_diff_per_row() {
    let view = fixture::errors_view();
    let revision = Revision::of(&view);
    let mut text = String::new();
    for (row, diff) in view.rows.iter().zip(&revision.rows) {
        let diff = diff.as_ref().expect("every row has an earlier version");
        let markers = selaras::diff::words::to_markers(&diff.ops);
        text += &format!(
            "bead {:>2}  {:>2}/{:<2} edits  {:5.1}%  {markers}\n",
            row.bead + 1,
            diff.edits,
            diff.old_words,
            diff.edit_rate() * 100.0
        );
    }
    text += &format!(
        "total: {} of {} beads changed, {} edits / {} words = {:.1}%\n",
        revision.rows_changed,
        revision.rows_compared,
        revision.edits,
        revision.old_words,
        revision.edit_rate() * 100.0
    );
    insta::assert_snapshot!(text);
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

fn html(view: &selaras::diff::DiffView) -> String {
    let mut out = Vec::new();
    selaras::render::html::write_html(&mut out, view).unwrap();
    String::from_utf8(out).unwrap()
}

/// The page's element tree without text: one line per element, attributes
/// that carry meaning kept with their values; the contents of a table cell
/// on the cell's line. Inline style and script show as one word each.
fn skeleton(page: &str) -> String {
    const VOID: [&str; 5] = ["meta", "input", "col", "br", "img"];
    const VALUED: [&str; 12] = [
        "id",
        "data-bead",
        "data-rule",
        "data-severity",
        "data-family",
        "data-changed",
        "scope",
        "href",
        "for",
        "type",
        "lang",
        "value",
    ];
    let mut out = String::new();
    let mut depth = 0usize;
    let mut cell_depth: Option<usize> = None;
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("every tag closes");
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            out.push_str("<!DOCTYPE>\n");
            continue;
        }
        if tag.starts_with('/') {
            depth -= 1;
            if cell_depth == Some(depth) {
                cell_depth = None;
                out.push('\n');
            }
            continue;
        }
        let name = tag.split_whitespace().next().unwrap();
        let mut described = name.to_owned();
        let mut attrs = &tag[name.len()..];
        while let Some(eq) = attrs.find('=') {
            let attr = attrs[..eq].trim();
            let value_start = eq + 2;
            let value_end = value_start + attrs[value_start..].find('"').unwrap();
            let value = &attrs[value_start..value_end];
            match attr {
                "class" => value.split(' ').for_each(|class| described += &format!(".{class}")),
                _ if VALUED.contains(&attr) => described += &format!("[{attr}={value}]"),
                _ => described += &format!("[{attr}]"),
            }
            attrs = &attrs[value_end + 1..];
        }
        for flag in attrs.split_whitespace() {
            described += &format!("[{flag}]");
        }
        if name == "style" || name == "script" {
            let end = rest.find(&format!("</{name}>")).unwrap();
            rest = &rest[end + name.len() + 3..];
            out += &format!("{}{described}\n", "  ".repeat(depth));
            continue;
        }
        match cell_depth {
            Some(_) => out += &format!(" {described}"),
            None => {
                out += &format!("{}{described}", "  ".repeat(depth));
                if name == "td" {
                    cell_depth = Some(depth);
                } else {
                    out.push('\n');
                }
            }
        }
        if !VOID.contains(&name) {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "every element closes");
    out
}

#[test]
fn html_structure() {
    let view = fixture::errors_view();
    let page = html(&view);
    assert_eq!(page.matches("<tr id=\"bead-").count(), view.rows.len());
    assert_eq!(page.matches(" data-bead=").count(), view.rows.len(), "data-bead only on bead rows");
    let row_findings: usize = view.rows.iter().map(|row| row.findings.len()).sum();
    assert_eq!(
        page.matches(" data-rule=").count(),
        2 * row_findings + view.findings_without_row.len()
    );
    assert!(page.contains("default-src &#39;none&#39;"), "the page may fetch nothing");
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("src="),
        "no external resources"
    );
    insta::assert_snapshot!(skeleton(&page));
}

#[test]
fn html_escapes_hostile_text_everywhere() {
    let view = fixture::hostile_view();
    let page = html(&view);
    assert_eq!(page.matches("<script").count(), 1, "only the page's own script");
    for injected in [
        "<img",
        "<svg",
        "<iframe",
        "<b>",
        "<a href=\"javascript",
        "onerror=\"",
        "onmouseover=\"",
    ] {
        assert!(!page.contains(injected), "{injected} reached the page unescaped");
    }
    assert!(page.contains("&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;"));
    assert!(
        page.contains("hostile&quot;onmouseover=&quot;alert(1).en.txt"),
        "paths are escaped in content"
    );
    assert!(
        page.contains("title=\"Korea Utara → North Korea or North Korean or &lt;img src=x onerror=alert(&#39;term&#39;)&gt;\""),
        "and in attributes"
    );
    // The table keeps its shape: a header row plus one row per bead, three data cells each.
    assert_eq!(page.matches("<tr").count(), view.rows.len() + 1);
    assert_eq!(page.matches("<td").count(), 3 * view.rows.len());
    assert_eq!(page.matches("</td>").count(), 3 * view.rows.len());
}

#[test]
fn html_of_a_thousand_units_stays_under_two_megabytes() {
    let view = fixture::large_view(1_000);
    let page = html(&view);
    assert_eq!(page.matches(" data-bead=").count(), 1_000);
    assert!(page.len() < 2_000_000, "{} bytes", page.len());
    eprintln!("a 1,000-bead page is {} bytes", page.len());
    // The page is linear in the rows: a tenth of them, about a tenth of the size.
    let small = html(&fixture::large_view(100)).len();
    assert!(page.len() < small * 11, "{small} for 100 rows, {} for 1,000", page.len());
}
