//! CSV glossaries (RFC 4180 quoting, via the `csv` crate).
//!
//! If the first row is a header, columns are found by name, in any order and
//! case-insensitively, as CAT tools export them:
//!
//! | column | header names |
//! | --- | --- |
//! | source | `source`, `term`, `source term`, `id`, `in`, `id-*`, `ind`, `indonesian`, `bahasa indonesia` |
//! | target | `target`, `translation`, `target term`, `en`, `en-*`, `eng`, `english` |
//! | note | `note`, `notes`, `comment`, `comments`, `description`, `definition`, `remark` |
//! | domain | `domain`, `subject`, `subject field`, `category` |
//! | forbidden | `forbidden`, `deprecated`, `do not use` |
//! | case-sensitive | `case_sensitive`, `case sensitive`, `match case` (`yes`/`no`, `true`/`false`, `1`/`0`) |
//! | match mode | `match`, `match mode` (`exact`/`affix`) |
//! | layering | `replace` (`yes`/`no`…: replace the shipped entry instead of adding to it, see `glossary::model`) |
//!
//! Other columns are ignored. Within a cell, `|` separates synonyms (as in
//! Trados exports): several sources are spellings of one entry, several
//! targets are preferred-then-admitted. Without a header row the file is
//! read as OmegaT CSV: `source,target,comment`. Lines starting with `#` are
//! comments. A file whose first line has semicolons or tabs but no commas
//! is read with that delimiter (memoQ and Excel in some locales).
//! Rows with the same first source merge as in TSV.

use std::io::{self, Write};

use super::{GlossaryRow, Reader, RowMerger, non_empty};
use crate::error::Result;
use crate::finding::Severity;
use crate::glossary::model::{Glossary, MatchMode};

#[derive(Debug, Clone, Copy, Default)]
struct Columns {
    source: usize,
    target: usize,
    note: Option<usize>,
    domain: Option<usize>,
    forbidden: Option<usize>,
    case_sensitive: Option<usize>,
    match_mode: Option<usize>,
    replace: Option<usize>,
}

impl Columns {
    const OMEGAT: Columns = Columns {
        source: 0,
        target: 1,
        note: Some(2),
        domain: None,
        forbidden: None,
        case_sensitive: None,
        match_mode: None,
        replace: None,
    };

    /// The columns named by `header`, or `None` if it is not a header row.
    fn from_header(header: &csv::StringRecord) -> Option<Columns> {
        let mut source = None;
        let mut target = None;
        let mut columns = Columns::default();
        for (idx, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{FEFF}').to_lowercase();
            match name.as_str() {
                "source" | "term" | "source term" | "id" | "in" | "ind" | "indonesian" | "bahasa indonesia" => {
                    source = source.or(Some(idx))
                }
                "target" | "translation" | "target term" | "en" | "eng" | "english" => target = target.or(Some(idx)),
                "note" | "notes" | "comment" | "comments" | "description" | "definition" | "remark" => {
                    columns.note = columns.note.or(Some(idx))
                }
                "domain" | "subject" | "subject field" | "category" => columns.domain = Some(idx),
                "forbidden" | "deprecated" | "do not use" => columns.forbidden = Some(idx),
                "case_sensitive" | "case sensitive" | "case-sensitive" | "match case" => columns.case_sensitive = Some(idx),
                "match" | "match mode" | "match_mode" => columns.match_mode = Some(idx),
                "replace" => columns.replace = Some(idx),
                _ if name.starts_with("id-") || name.starts_with("id_") => source = source.or(Some(idx)),
                _ if name.starts_with("en-") || name.starts_with("en_") => target = target.or(Some(idx)),
                _ => {}
            }
        }
        columns.source = source?;
        columns.target = target?;
        Some(columns)
    }
}

/// The delimiter: `;` or tab when the first line has those and no comma.
fn sniff_delimiter(text: &str) -> u8 {
    let first_line = text.lines().find(|l| !l.starts_with('#') && !l.trim().is_empty()).unwrap_or("");
    if first_line.contains(',') {
        b','
    } else if first_line.contains(';') {
        b';'
    } else if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

fn split_cell(cell: &str) -> Vec<String> {
    cell.split('|').filter_map(non_empty).collect()
}

pub fn read(text: &str, reader: &mut Reader<'_>) -> Result<Glossary> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut csv_reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut merger = RowMerger::default();
    let mut columns: Option<Columns> = None;
    let mut record = csv::StringRecord::new();
    loop {
        match csv_reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let line = error.position().map_or(1, |p| p.line() as usize);
                return Err(reader.parse_error(line, 1, error.to_string()));
            }
        }
        let line = record.position().map_or(1, |p| p.line() as usize);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let columns = match columns {
            Some(columns) => columns,
            None => match Columns::from_header(&record) {
                Some(found) => {
                    columns = Some(found);
                    continue;
                }
                None => *columns.insert(Columns::OMEGAT),
            },
        };
        let cell = |idx: Option<usize>| idx.and_then(|i| record.get(i)).unwrap_or("");
        for (idx, value) in record.iter().enumerate() {
            if value.len() != value.trim().len() && [Some(columns.source), Some(columns.target)].contains(&Some(idx)) {
                reader.remark(Severity::Warning, "whitespace", line, "leading or trailing whitespace in a term");
            }
        }
        let sources = split_cell(cell(Some(columns.source)));
        let targets = split_cell(cell(Some(columns.target)));
        let forbidden = split_cell(cell(columns.forbidden));
        if sources.is_empty() {
            reader.malformed(line, 1, "empty source term")?;
            continue;
        }
        if targets.is_empty() && forbidden.is_empty() {
            reader.malformed(line, 1, format!("empty target for `{}`", sources[0]))?;
            continue;
        }
        let case_sensitive = match yes_no(cell(columns.case_sensitive)) {
            Ok(value) => value,
            Err(other) => {
                reader.malformed(line, 1, format!("case-sensitive must be yes or no, found `{other}`"))?;
                continue;
            }
        };
        let replace = match yes_no(cell(columns.replace)) {
            Ok(value) => value.unwrap_or(false),
            Err(other) => {
                reader.malformed(line, 1, format!("replace must be yes or no, found `{other}`"))?;
                continue;
            }
        };
        let match_mode = match cell(columns.match_mode).trim().to_lowercase().as_str() {
            "" | "exact" => MatchMode::Exact,
            "affix" => MatchMode::Affix,
            other => {
                reader.malformed(line, 1, format!("match must be exact or affix, found `{other}`"))?;
                continue;
            }
        };
        let row = GlossaryRow {
            line,
            sources,
            targets,
            forbidden,
            note: non_empty(cell(columns.note)),
            domain: non_empty(cell(columns.domain)),
            case_sensitive,
            match_mode,
            replace,
        };
        merger.add(row, reader);
    }
    Ok(merger.finish())
}

/// A yes/no cell: `None` when empty, the cell's text when it is neither.
fn yes_no(cell: &str) -> std::result::Result<Option<bool>, String> {
    match cell.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" => Ok(Some(true)),
        "no" | "n" | "false" | "0" => Ok(Some(false)),
        other => Err(other.to_string()),
    }
}

/// Writes a header row and one row per entry, synonyms joined with `|`. The
/// `replace` column is written only when an entry has it, so that files
/// without it read in tools that expect seven columns.
pub fn write(glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let with_replace = glossary.entries.iter().any(|entry| entry.replace);
    let mut header = vec!["source", "target", "note", "domain", "forbidden", "case_sensitive", "match"];
    if with_replace {
        header.push("replace");
    }
    writer.write_record(&header)?;
    for entry in &glossary.entries {
        let targets: Vec<&str> = entry.targets().collect();
        let case_sensitive = match entry.case_sensitive {
            None => "",
            Some(true) => "yes",
            Some(false) => "no",
        };
        let sources = entry.sources.join("|");
        let targets = targets.join("|");
        let forbidden = entry.forbidden.join("|");
        let mut record = vec![
            sources.as_str(),
            targets.as_str(),
            entry.note.as_deref().unwrap_or(""),
            entry.domain.as_deref().unwrap_or(""),
            forbidden.as_str(),
            case_sensitive,
            entry.match_mode.as_str(),
        ];
        if with_replace {
            record.push(if entry.replace { "yes" } else { "" });
        }
        writer.write_record(&record)?;
    }
    writer.flush()
}
