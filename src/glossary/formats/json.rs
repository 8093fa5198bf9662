//! The native JSON format, which can say everything the model holds:
//!
//! ```json
//! {
//!   "version": 1,
//!   "entries": [
//!     {
//!       "sources": ["Korea Utara", "Korut"],
//!       "preferred": "North Korea",
//!       "admitted": ["North Korean"],
//!       "forbidden": ["Korea North"],
//!       "case_sensitive": false,
//!       "note": "Adjective: North Korean.",
//!       "domain": "countries",
//!       "match": "exact",
//!       "replace": false
//!     }
//!   ]
//! }
//! ```
//!
//! Only `sources` (at least one non-empty spelling) is required; an entry
//! needs a `preferred` target unless it lists `forbidden` ones. `match` is
//! `exact` (default) or `affix`; `case_sensitive` left out means "decide per
//! spelling" (acronyms of up to five capitals are case-sensitive). `replace`
//! (default `false`) makes the entry replace what earlier glossaries say
//! about its sources instead of adding to it (`glossary::model`). Unknown
//! fields are errors, so that a typo (`"admited"`) does not silently drop
//! data. Errors name the line and column.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::Reader;
use crate::error::Result;
use crate::glossary::model::{Entry, Glossary, MatchMode};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn<'a> {
    #[serde(default)]
    version: Option<u32>,
    #[serde(borrow)]
    entries: Vec<&'a RawValue>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryJson {
    sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preferred: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    admitted: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    forbidden: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    case_sensitive: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    domain: Option<String>,
    #[serde(default, rename = "match", skip_serializing_if = "is_exact")]
    match_mode: MatchMode,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    replace: bool,
}

fn is_exact(mode: &MatchMode) -> bool {
    *mode == MatchMode::Exact
}

#[derive(Serialize)]
struct FileOut {
    version: u32,
    entries: Vec<EntryJson>,
}

pub fn read(text: &str, reader: &mut Reader<'_>) -> Result<Glossary> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let file: FileIn<'_> =
        serde_json::from_str(text).map_err(|error| reader.parse_error(error.line(), error.column(), error.to_string()))?;
    if let Some(version) = file.version
        && version != 1
    {
        return Err(reader.parse_error(
            1,
            1,
            format!("unsupported glossary version {version} (this selaras reads version 1)"),
        ));
    }
    let line_index = crate::text::LineIndex::new(text);
    let mut entries = Vec::with_capacity(file.entries.len());
    for raw in file.entries {
        // The raw value borrows from `text`, so its address gives its offset.
        let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        let position = line_index.line_col(text, offset);
        let parsed: EntryJson = match serde_json::from_str(raw.get()) {
            Ok(parsed) => parsed,
            Err(error) => {
                let line = position.line + error.line() - 1;
                let column = if error.line() == 1 {
                    position.column + error.column() - 1
                } else {
                    error.column()
                };
                reader.malformed(line, column, error.to_string())?;
                continue;
            }
        };
        let sources: Vec<String> = parsed
            .sources
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if sources.is_empty() {
            reader.malformed(position.line, position.column, "entry without a non-empty source spelling")?;
            continue;
        }
        if parsed.preferred.as_deref().is_none_or(|p| p.trim().is_empty()) && parsed.forbidden.is_empty() {
            reader.malformed(
                position.line,
                position.column,
                format!("entry `{}` has neither a preferred nor a forbidden target", sources[0]),
            )?;
            continue;
        }
        entries.push(Entry {
            sources,
            preferred: parsed.preferred.filter(|p| !p.trim().is_empty()),
            admitted: parsed.admitted,
            forbidden: parsed.forbidden,
            case_sensitive: parsed.case_sensitive,
            note: parsed.note,
            domain: parsed.domain,
            match_mode: parsed.match_mode,
            replace: parsed.replace,
            origin: reader.origin(position.line),
        });
    }
    Ok(Glossary::new(entries))
}

/// Writes the glossary as pretty-printed JSON (one field per line, so that
/// diffs of a glossary under version control stay readable).
pub fn write(glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    let entries = glossary
        .entries
        .iter()
        .map(|entry| EntryJson {
            sources: entry.sources.clone(),
            preferred: entry.preferred.clone(),
            admitted: entry.admitted.clone(),
            forbidden: entry.forbidden.clone(),
            case_sensitive: entry.case_sensitive,
            note: entry.note.clone(),
            domain: entry.domain.clone(),
            match_mode: entry.match_mode,
            replace: entry.replace,
        })
        .collect();
    let file = FileOut { version: 1, entries };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}
