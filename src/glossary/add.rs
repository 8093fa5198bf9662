//! `glossary add`: one term added to a TSV glossary as a translator would add
//! it by hand, without the hand-editing.
//!
//! [`plan`] takes the file's text and returns the new text (the caller
//! writes it atomically, lints it and may refuse it); nothing here touches
//! the file system. What it does:
//!
//! * **Format.** The row is `source<TAB>target<TAB>comment`; a forbidden
//!   target gets the `[forbidden]` marker in the comment (see
//!   `formats::tsv`). Fields are trimmed and put in Unicode NFC; a tab, a
//!   line break or an empty field is refused.
//! * **Order.** Data rows stay sorted by source in byte order, the order of
//!   the shipped files (`LC_ALL=C sort -s -t$'\t' -k1,1`): the new row goes
//!   after the last row whose source sorts before or equal to it, so rows of
//!   one source stay together and keep their order. Comment lines stay
//!   where they are; a `# N source terms, M rows.` line is counted again.
//! * **Preferred, admitted, forbidden.** Within a file the first row of a
//!   source is its preferred target and later rows are admitted. A preferred
//!   target therefore goes before the source's rows, an admitted one after
//!   them. An admitted target for a source the file does not have yet
//!   would become preferred in the file and so everywhere: the entry an
//!   earlier layer (the shipped glossaries) has for it is kept preferred by
//!   writing its preferred target as the first row (`extends`, as
//!   `glossary lint` calls it).
//! * **Conflicts**, refused unless `force`: another preferred target for a
//!   source the file (or an earlier layer) already prefers something for; a
//!   target the file or an earlier layer forbids, added as acceptable, or
//!   the reverse. With `force` the new word wins: an opposite row of the
//!   same target in the file is removed, and a new preferred target goes
//!   first (the old one stays admitted).
//! * The same row already there is no change ([`Plan::unchanged`]).

use unicode_normalization::UnicodeNormalization;

use super::formats::tsv::{FORBIDDEN_MARKER, REPLACE_MARKER};
use super::model::Glossary;

/// How the new target is to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The translation to use (the default).
    Preferred,
    /// Also acceptable.
    Admitted,
    /// Not to be used.
    Forbidden,
}

/// The term to add.
#[derive(Debug, Clone)]
pub struct Addition {
    pub source: String,
    pub target: String,
    pub kind: Kind,
    /// A note for the comment column.
    pub note: Option<String>,
}

/// The new text of the file and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub text: String,
    /// 1-based line numbers of the rows written, in the new text.
    pub lines: Vec<usize>,
    /// Rows removed (with `force`), as they were written.
    pub removed: Vec<String>,
    /// What `force` overrode, one sentence each.
    pub overridden: Vec<String>,
    /// The same row was already there: `text` is the file's text.
    pub unchanged: bool,
}

/// Why an addition was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// A field is empty or holds a tab or a line break.
    BadField(String),
    /// Conflicts with what the file or an earlier layer says (one sentence
    /// each); `force` adds anyway.
    Conflict(Vec<String>),
}

/// One data row of the file.
struct DataRow {
    line_idx: usize,
    source: String,
    target: String,
    forbidden: bool,
}

fn parse_row(line_idx: usize, line: &str) -> Option<DataRow> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut fields = line.split('\t');
    let source = fields.next()?.trim().to_string();
    let target = fields.next()?.trim().to_string();
    let mut comment = fields.next().unwrap_or("").trim();
    let mut forbidden = false;
    loop {
        if let Some(rest) = comment.strip_prefix(FORBIDDEN_MARKER) {
            forbidden = true;
            comment = rest.trim_start();
        } else if let Some(rest) = comment.strip_prefix(REPLACE_MARKER) {
            comment = rest.trim_start();
        } else {
            break;
        }
    }
    Some(DataRow {
        line_idx,
        source,
        target,
        forbidden,
    })
}

fn clean(field: &str, name: &str, required: bool) -> Result<String, Refusal> {
    if field.contains(['\t', '\n', '\r']) {
        return Err(Refusal::BadField(format!("the {name} holds a tab or a line break")));
    }
    let field: String = field.trim().nfc().collect();
    if required && field.is_empty() {
        return Err(Refusal::BadField(format!("the {name} is empty")));
    }
    Ok(field)
}

fn same(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Plans adding `addition` to the TSV glossary `text` (empty for a new
/// file), layered over `earlier` (the layers before it, for conflicts and
/// for keeping an earlier preferred target preferred).
pub fn plan(text: &str, addition: &Addition, earlier: Option<&Glossary>, force: bool) -> Result<Plan, Refusal> {
    let source = clean(&addition.source, "source term", true)?;
    let target = clean(&addition.target, "target", true)?;
    let note = clean(addition.note.as_deref().unwrap_or(""), "note", false)?;
    let kind = addition.kind;
    let lines: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split('\n').collect() };
    let rows: Vec<DataRow> = lines.iter().enumerate().filter_map(|(idx, line)| parse_row(idx, line)).collect();
    // The file's own spelling of the source, when it has the source.
    let ours: Vec<&DataRow> = rows.iter().filter(|row| same(&row.source, &source)).collect();
    let source = ours.first().map_or(source, |row| row.source.clone());
    let file_preferred = ours.iter().find(|row| !row.forbidden).map(|row| row.target.as_str());
    let earlier_entry = earlier.and_then(|glossary| {
        glossary
            .entries
            .iter()
            .rev()
            .find(|entry| entry.sources.iter().any(|s| same(s, &source)))
    });

    // Already there?
    let wants_forbidden = kind == Kind::Forbidden;
    if ours.iter().any(|row| row.target == target && row.forbidden == wants_forbidden) {
        let is_first_acceptable = file_preferred == Some(target.as_str());
        if kind != Kind::Preferred || is_first_acceptable {
            return Ok(Plan {
                text: text.to_string(),
                lines: Vec::new(),
                removed: Vec::new(),
                overridden: Vec::new(),
                unchanged: true,
            });
        }
    }

    let mut conflicts = Vec::new();
    let opposite: Vec<&DataRow> = ours
        .iter()
        .copied()
        .filter(|row| row.target == target && row.forbidden != wants_forbidden)
        .collect();
    for row in &opposite {
        let said = if row.forbidden { "forbids" } else { "accepts" };
        conflicts.push(format!("line {} {said} `{}` for `{source}`", row.line_idx + 1, row.target));
    }
    // The same target accepted but not preferred, now asked to be preferred:
    // a change of preference, also a conflict.
    let demoted_same = kind == Kind::Preferred && ours.iter().any(|row| row.target == target && !row.forbidden);
    if kind == Kind::Preferred {
        if let Some(current) = file_preferred.filter(|current| *current != target) {
            conflicts.push(format!("the glossary prefers `{current}` for `{source}`"));
        } else if file_preferred.is_none()
            && let Some(current) = earlier_entry
                .and_then(|entry| entry.preferred.as_deref())
                .filter(|current| *current != target)
        {
            conflicts.push(format!(
                "an earlier glossary (the shipped ones or one listed before) prefers `{current}` for `{source}`; use --admitted to accept `{target}` too"
            ));
        }
    }
    if let Some(entry) = earlier_entry {
        let earlier_accepts = entry.targets().any(|t| t == target);
        let earlier_forbids = entry.forbidden.contains(&target);
        if wants_forbidden && earlier_accepts && opposite.is_empty() {
            conflicts.push(format!("an earlier glossary accepts `{target}` for `{source}`"));
        }
        if !wants_forbidden && earlier_forbids && opposite.is_empty() {
            conflicts.push(format!("an earlier glossary forbids `{target}` for `{source}`"));
        }
    }
    if !conflicts.is_empty() && !force {
        return Err(Refusal::Conflict(conflicts));
    }

    // The rows to write.
    let row_text = |target: &str, forbidden: bool, note: &str| {
        let comment = match (forbidden, note.is_empty()) {
            (true, true) => FORBIDDEN_MARKER.to_string(),
            (true, false) => format!("{FORBIDDEN_MARKER} {note}"),
            (false, _) => note.to_string(),
        };
        format!("{source}\t{target}\t{comment}")
    };
    let mut new_rows = Vec::new();
    let has_acceptable = file_preferred.is_some();
    if kind == Kind::Admitted && !has_acceptable {
        // Keep the earlier layer's preferred target preferred.
        if let Some(preferred) = earlier_entry.and_then(|entry| entry.preferred.as_deref()).filter(|p| *p != target) {
            new_rows.push(row_text(preferred, false, "kept preferred (from an earlier glossary)"));
        }
    }
    new_rows.push(row_text(&target, wants_forbidden, &note));

    // Rows removed: the opposite rows (with force), and the same target's
    // admitted row when it becomes preferred.
    let mut removed_idx: Vec<usize> = opposite.iter().map(|row| row.line_idx).collect();
    if demoted_same {
        removed_idx.extend(
            ours.iter()
                .filter(|row| row.target == target && !row.forbidden)
                .map(|row| row.line_idx),
        );
    }
    let removed: Vec<String> = removed_idx.iter().map(|&idx| lines[idx].to_string()).collect();

    // Where: a preferred row before the source's rows, others after them;
    // a new source after the last row that sorts before it.
    let insert_at = if kind == Kind::Preferred && !ours.is_empty() {
        ours[0].line_idx
    } else if let Some(last) = ours.last() {
        last.line_idx + 1
    } else {
        rows.iter()
            .filter(|row| row.source.as_bytes() <= source.as_bytes())
            .map(|row| row.line_idx + 1)
            .next_back()
            .unwrap_or_else(|| first_data_position(&lines))
    };

    let mut out: Vec<String> = Vec::with_capacity(lines.len() + new_rows.len());
    let mut written = Vec::new();
    let trailing_newline = text.is_empty() || text.ends_with('\n');
    let body_len = if text.ends_with('\n') { lines.len() - 1 } else { lines.len() };
    let mut push_new = |out: &mut Vec<String>| {
        for row in &new_rows {
            out.push(row.clone());
            written.push(out.len());
        }
    };
    for (idx, line) in lines[..body_len].iter().enumerate() {
        if idx == insert_at {
            push_new(&mut out);
        }
        if !removed_idx.contains(&idx) {
            out.push((*line).to_string());
        }
    }
    if insert_at >= body_len {
        push_new(&mut out);
    }
    recount(&mut out);
    let mut text = out.join("\n");
    if trailing_newline {
        text.push('\n');
    }
    // Line numbers after the recount (which changes no line count) and the
    // removals before the insertion point.
    Ok(Plan {
        text,
        lines: written,
        removed,
        overridden: conflicts,
        unchanged: false,
    })
}

/// Where a new file's first data row goes: after the leading comments.
fn first_data_position(lines: &[&str]) -> usize {
    lines.iter().position(|line| !line.starts_with('#')).unwrap_or(lines.len())
}

/// Counts a `# N source terms, M rows.` header line again.
fn recount(lines: &mut [String]) {
    let rows: Vec<&str> = lines
        .iter()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').next().unwrap_or(""))
        .collect();
    let n_rows = rows.len();
    let n_sources = rows.iter().collect::<std::collections::BTreeSet<_>>().len();
    for line in lines.iter_mut() {
        if let Some(rest) = line.strip_prefix("# ")
            && rest.ends_with(" rows.")
            && rest.contains(" source terms, ")
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        {
            *line = format!("# {n_sources} source terms, {n_rows} rows.");
        }
    }
}

/// The text of a new glossary file: a header saying its format.
pub fn new_file_header() -> String {
    "# selaras glossary (OmegaT TSV): source<TAB>target<TAB>comment, UTF-8.\n\
     # The first row of a source is its preferred target, later rows are admitted;\n\
     # a comment starting with [forbidden] forbids the row's target. Rows sorted by source\n\
     # in byte order; `selaras glossary add` keeps them so.\n"
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::model::{Entry, Origin};

    fn add(text: &str, source: &str, target: &str, kind: Kind, earlier: Option<&Glossary>, force: bool) -> Result<Plan, Refusal> {
        let addition = Addition {
            source: source.into(),
            target: target.into(),
            kind,
            note: None,
        };
        plan(text, &addition, earlier, force)
    }

    const FILE: &str = "# header\nAlpha\tA\t\nGamma\tG\t\nGamma\tGee\t\n";

    #[test]
    fn a_new_source_goes_in_byte_order() {
        let plan = add(FILE, "Beta", "B", Kind::Preferred, None, false).unwrap();
        assert_eq!(plan.text, "# header\nAlpha\tA\t\nBeta\tB\t\nGamma\tG\t\nGamma\tGee\t\n");
        assert_eq!(plan.lines, vec![3]);
        let plan = add(FILE, "Zeta", "Z", Kind::Forbidden, None, false).unwrap();
        assert!(plan.text.ends_with("Zeta\tZ\t[forbidden]\n"), "{}", plan.text);
        let plan = add(FILE, "Aa", "x", Kind::Preferred, None, false).unwrap();
        assert_eq!(plan.text, "# header\nAa\tx\t\nAlpha\tA\t\nGamma\tG\t\nGamma\tGee\t\n");
    }

    #[test]
    fn admitted_after_preferred_before_and_conflicts_refused() {
        let plan = add(FILE, "gamma", "Gamma ray", Kind::Admitted, None, false).unwrap();
        assert!(plan.text.ends_with("Gamma\tGee\t\nGamma\tGamma ray\t\n"), "{}", plan.text);
        let refused = add(FILE, "Gamma", "Big G", Kind::Preferred, None, false).unwrap_err();
        assert!(
            matches!(&refused, Refusal::Conflict(c) if c[0].contains("prefers `G`")),
            "{refused:?}"
        );
        let plan = add(FILE, "Gamma", "Big G", Kind::Preferred, None, true).unwrap();
        assert!(plan.text.contains("Alpha\tA\t\nGamma\tBig G\t\nGamma\tG\t\n"), "{}", plan.text);
        let refused = add(FILE, "Gamma", "Gee", Kind::Forbidden, None, false).unwrap_err();
        assert!(
            matches!(&refused, Refusal::Conflict(c) if c[0].contains("line 4 accepts `Gee`")),
            "{refused:?}"
        );
        let plan = add(FILE, "Gamma", "Gee", Kind::Forbidden, None, true).unwrap();
        assert!(plan.text.ends_with("Gamma\tG\t\nGamma\tGee\t[forbidden]\n"), "{}", plan.text);
        assert_eq!(plan.removed, vec!["Gamma\tGee\t".to_string()]);
    }

    #[test]
    fn an_existing_row_is_no_change_and_bad_fields_are_refused() {
        assert!(add(FILE, "Gamma", "Gee", Kind::Admitted, None, false).unwrap().unchanged);
        assert!(add(FILE, "Alpha", "A", Kind::Preferred, None, false).unwrap().unchanged);
        assert!(matches!(
            add(FILE, "Al\tpha", "A", Kind::Preferred, None, false),
            Err(Refusal::BadField(_))
        ));
        assert!(matches!(
            add(FILE, " ", "A", Kind::Preferred, None, false),
            Err(Refusal::BadField(_))
        ));
    }

    #[test]
    fn an_earlier_preferred_target_stays_preferred() {
        let path: std::sync::Arc<std::path::Path> = std::path::Path::new("shipped.tsv").into();
        let shipped = Glossary::new(vec![Entry::new("Menteri Luar Negeri", "Foreign Minister", Origin::new(&path, 1))]);
        let refused = add(
            "",
            "Menteri Luar Negeri",
            "Foreign Secretary",
            Kind::Preferred,
            Some(&shipped),
            false,
        )
        .unwrap_err();
        assert!(
            matches!(&refused, Refusal::Conflict(c) if c[0].contains("prefers `Foreign Minister`")),
            "{refused:?}"
        );
        let plan = add(
            "",
            "Menteri Luar Negeri",
            "Foreign Affairs Minister",
            Kind::Admitted,
            Some(&shipped),
            false,
        )
        .unwrap();
        assert_eq!(
            plan.text,
            "Menteri Luar Negeri\tForeign Minister\tkept preferred (from an earlier glossary)\n\
             Menteri Luar Negeri\tForeign Affairs Minister\t\n"
        );
        let refused = add(
            "",
            "Menteri Luar Negeri",
            "Foreign Minister",
            Kind::Forbidden,
            Some(&shipped),
            false,
        )
        .unwrap_err();
        assert!(matches!(&refused, Refusal::Conflict(c) if c[0].contains("accepts")), "{refused:?}");
    }

    #[test]
    fn the_row_count_header_is_counted_again() {
        let text = "# 2 source terms, 3 rows.\nAlpha\tA\t\nGamma\tG\t\nGamma\tGee\t\n";
        let plan = add(text, "Beta", "B", Kind::Preferred, None, false).unwrap();
        assert!(plan.text.starts_with("# 3 source terms, 4 rows.\n"), "{}", plan.text);
    }
}
