//! Glossary files: bytes in, [`Glossary`] out, and back.
//!
//! The format is picked by extension: `.tsv`, `.txt`, `.utf8`, `.tab` → TSV
//! (OmegaT), `.csv` → CSV, `.tbx`, `.xml` → TBX (v3 `<tbx>` or v2 `<martif>`),
//! `.json` → the native format. TBX is written as v3, or as v2 on request
//! ([`Format::TbxV2`]). Every reader reports malformed input as
//! [`Error::Parse`] naming the file and line (XML: line and column). In
//! lenient mode (used by `glossary lint`) malformed rows are collected as
//! problems instead and reading goes on.
//!
//! What survives a conversion: JSON and TBX keep everything (TBX has no
//! standard place for `case_sensitive` and the match mode, so those two are
//! lost there, except in a `selaras-match:` note). TSV keeps sources,
//! preferred and admitted targets, notes, forbidden targets through a
//! `[forbidden]` comment marker and the layering mode through `[replace]`;
//! several spellings of one entry become separate rows. CSV keeps
//! everything through its header columns.

pub mod csv;
pub mod json;
pub mod tbx;
mod tbx_write;
pub mod tsv;

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use super::model::{Entry, Glossary, MatchMode, Origin};
use super::problem::{Problem, Severity};
use crate::error::{Error, Result};
use crate::fast_hash::SeededState;

/// The glossary file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Tsv,
    Csv,
    /// TBX: read as v3 or v2 (whichever the root says), written as v3.
    Tbx,
    /// TBX v2 (`<martif>`, for OmegaT): read like [`Format::Tbx`], written
    /// as v2. Never picked from an extension; `.tbx` means [`Format::Tbx`].
    TbxV2,
    Json,
}

impl Format {
    /// The format for `path`, from its extension.
    pub fn from_path(path: &Path) -> Result<Format> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match extension.as_str() {
            "tsv" | "txt" | "utf8" | "tab" => Ok(Format::Tsv),
            "csv" => Ok(Format::Csv),
            "tbx" | "xml" => Ok(Format::Tbx),
            "json" => Ok(Format::Json),
            _ => Err(Error::Usage(format!(
                "{}: unknown glossary format (expected .tsv, .txt, .utf8, .csv, .tbx, .xml or .json)",
                crate::error::display_path(path)
            ))),
        }
    }
}

/// Reads the glossary at `path` (`-` = standard input, read as TSV).
pub fn read(path: &Path) -> Result<Glossary> {
    let format = if path.as_os_str() == "-" {
        Format::Tsv
    } else {
        Format::from_path(path)?
    };
    let input = crate::input::read(path)?;
    parse(&input.text, format, &mut Reader::strict(path))
}

/// Parses `text` in `format`; `reader` knows the path and where problems go.
pub fn parse(text: &str, format: Format, reader: &mut Reader<'_>) -> Result<Glossary> {
    match format {
        Format::Tsv => tsv::read(text, reader),
        Format::Csv => csv::read(text, reader),
        Format::Tbx | Format::TbxV2 => tbx::read(text, reader),
        Format::Json => json::read(text, reader),
    }
}

/// Writes `glossary` in `format`.
pub fn write(glossary: &Glossary, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Tsv => tsv::write(glossary, out),
        Format::Csv => csv::write(glossary, out),
        Format::Tbx => tbx_write::write(glossary, out),
        Format::TbxV2 => tbx_write::write_v2(glossary, out),
        Format::Json => json::write(glossary, out),
    }
}

/// What a reader needs besides the text: the path for origins and messages,
/// and where problems go.
#[derive(Debug)]
pub struct Reader<'a> {
    pub path: Arc<Path>,
    /// `None` = strict: the first malformed row is an error.
    problems: Option<&'a mut Vec<Problem>>,
}

impl<'a> Reader<'a> {
    pub fn strict(path: &Path) -> Self {
        Reader {
            path: Arc::from(path),
            problems: None,
        }
    }

    /// Collects malformed rows and other remarks in `problems` instead of failing.
    pub fn lenient(path: &Path, problems: &'a mut Vec<Problem>) -> Self {
        Reader {
            path: Arc::from(path),
            problems: Some(problems),
        }
    }

    pub fn origin(&self, line: usize) -> Origin {
        Origin::new(&self.path, line)
    }

    pub fn parse_error(&self, line: usize, column: usize, message: impl Into<String>) -> Error {
        Error::Parse {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A malformed row: an error when strict, a problem when lenient (the
    /// caller then skips the row).
    pub fn malformed(&mut self, line: usize, column: usize, message: impl Into<String>) -> Result<()> {
        let message = message.into();
        match &mut self.problems {
            None => Err(self.parse_error(line, column, message)),
            Some(problems) => {
                problems.push(Problem::new(Severity::Error, "malformed", &self.path, line, message));
                Ok(())
            }
        }
    }

    /// Whether remarks are kept (lenient reading, for `lint`): a strict
    /// reader need not look for what only a remark would say.
    pub fn keeps_remarks(&self) -> bool {
        self.problems.is_some()
    }

    /// A remark for `lint` (ignored when strict).
    pub fn remark(&mut self, severity: Severity, code: &'static str, line: usize, message: impl Into<String>) {
        if let Some(problems) = &mut self.problems {
            problems.push(Problem::new(severity, code, &self.path, line, message.into()));
        }
    }
}

/// One row of a row-based format (TSV, CSV), before merging.
#[derive(Debug, Default)]
pub struct GlossaryRow {
    pub line: usize,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    pub forbidden: Vec<String>,
    pub note: Option<String>,
    pub domain: Option<String>,
    pub case_sensitive: Option<bool>,
    pub match_mode: MatchMode,
    /// The row's entry replaces earlier layers' entries (see `model`).
    pub replace: bool,
}

/// Merges rows that share their first source spelling (exactly as written)
/// into one entry: the first row's target is preferred, later ones admitted.
#[derive(Debug, Default)]
pub struct RowMerger {
    entries: Vec<Entry>,
    by_source: HashMap<String, usize, SeededState>,
    /// For entries that got a second row: what they already hold, so that
    /// a glossary with a hundred thousand rows for one term is read in
    /// linear time rather than comparing every row with every earlier one.
    seen: HashMap<usize, Seen, SeededState>,
}

/// The targets, forbidden targets and source spellings of one entry.
#[derive(Debug, Default)]
struct Seen {
    targets: HashSet<String>,
    forbidden: HashSet<String>,
    sources: HashSet<String>,
}

impl Seen {
    fn of(entry: &Entry) -> Seen {
        Seen {
            targets: entry.targets().map(str::to_string).collect(),
            forbidden: entry.forbidden.iter().cloned().collect(),
            sources: entry.sources.iter().cloned().collect(),
        }
    }
}

impl RowMerger {
    pub fn add(&mut self, row: GlossaryRow, reader: &mut Reader<'_>) {
        let Some(first_source) = row.sources.first() else { return };
        if let Some(&entry_idx) = self.by_source.get(first_source) {
            let entry = &mut self.entries[entry_idx];
            // An entry of a few rows (every shipped one: a country with its
            // adjective and demonyms) is searched as it is; the sets are
            // built once an entry is big enough for a search to cost more.
            if entry.admitted.len() + entry.forbidden.len() + entry.sources.len() + row.targets.len() < SMALL_ENTRY
                && !self.seen.contains_key(&entry_idx)
            {
                merge_small(entry, row, reader);
                return;
            }
            let seen = self.seen.entry(entry_idx).or_insert_with(|| Seen::of(entry));
            for target in row.targets {
                if seen.targets.contains(&target) {
                    reader.remark(
                        Severity::Warning,
                        "duplicate",
                        row.line,
                        format!("duplicate row: `{first_source}` → `{target}` already at line {}", entry.origin.line),
                    );
                    continue;
                }
                seen.targets.insert(target.clone());
                // New, as `seen` says: what `Entry::add_target` would do
                // after its own (linear) look for a repeat.
                if entry.preferred.is_none() {
                    entry.preferred = Some(target);
                } else {
                    entry.admitted.push(target);
                }
            }
            for forbidden in row.forbidden {
                if seen.forbidden.insert(forbidden.clone()) {
                    entry.forbidden.push(forbidden);
                }
            }
            for source in row.sources.into_iter().skip(1) {
                if seen.sources.insert(source.clone()) {
                    entry.sources.push(source);
                }
            }
            merge_details(entry, row.replace, row.note, row.domain);
            return;
        }
        self.by_source.insert(first_source.clone(), self.entries.len());
        let mut entry = Entry {
            sources: row.sources,
            preferred: None,
            admitted: Vec::new(),
            forbidden: row.forbidden,
            case_sensitive: row.case_sensitive,
            note: row.note,
            domain: row.domain,
            match_mode: row.match_mode,
            replace: row.replace,
            origin: reader.origin(row.line),
        };
        for target in row.targets {
            entry.add_target(target);
        }
        self.entries.push(entry);
    }

    pub fn finish(self) -> Glossary {
        Glossary::new(self.entries)
    }
}

/// Below this many targets, forbidden targets and spellings, a row is
/// merged into its entry by searching the entry's lists (a handful of
/// string comparisons) rather than sets of copies; above it, through
/// [`Seen`], so that reading stays linear for huge entries.
const SMALL_ENTRY: usize = 16;

/// [`RowMerger::add`] for an entry below [`SMALL_ENTRY`]: the same merge,
/// with the entry's own lists as the record of what it holds.
fn merge_small(entry: &mut Entry, row: GlossaryRow, reader: &mut Reader<'_>) {
    for target in row.targets {
        if entry.targets().any(|held| held == target) {
            // The entry's first spelling is the row's (rows merge by it).
            reader.remark(
                Severity::Warning,
                "duplicate",
                row.line,
                format!(
                    "duplicate row: `{}` → `{target}` already at line {}",
                    entry.sources[0], entry.origin.line
                ),
            );
            continue;
        }
        if entry.preferred.is_none() {
            entry.preferred = Some(target);
        } else {
            entry.admitted.push(target);
        }
    }
    for forbidden in row.forbidden {
        if !entry.forbidden.contains(&forbidden) {
            entry.forbidden.push(forbidden);
        }
    }
    for source in row.sources.into_iter().skip(1) {
        if !entry.sources.contains(&source) {
            entry.sources.push(source);
        }
    }
    merge_details(entry, row.replace, row.note, row.domain);
}

/// What a row adds to its entry besides targets and spellings, on both
/// paths of [`RowMerger::add`]: a `replace` mark, and a note and domain
/// where the entry has none yet.
fn merge_details(entry: &mut Entry, replace: bool, note: Option<String>, domain: Option<String>) {
    entry.replace |= replace;
    if entry.note.is_none() {
        entry.note = note;
    }
    if entry.domain.is_none() {
        entry.domain = domain;
    }
}

/// `Some(trimmed)` unless the field is empty.
pub fn non_empty(field: &str) -> Option<String> {
    let trimmed = field.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests;
