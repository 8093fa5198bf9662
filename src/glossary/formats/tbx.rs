//! TBX termbases: TBX v3 (ISO 30042:2019, root `<tbx>`, DCA style as in
//! TBX-Basic and TBX-Core) and TBX v2 (root `<martif>`, what OmegaT reads and
//! many CAT tools still export), read with `quick-xml`.
//!
//! * An entry is a `conceptEntry` (v3) or `termEntry` (v2); its languages
//!   are `langSec` / `langSet` with `xml:lang`; its terms sit in `termSec`,
//!   `tig` or `ntig`, each holding one `term`.
//! * Indonesian terms (`xml:lang` `id`, `id-*`, or the old code `in`) are the
//!   source spellings, whatever their status: a deprecated Indonesian
//!   spelling still turns up in texts. English terms (`en`, `en-*`) are the
//!   targets. Other languages are ignored.
//! * A target's `termNote type="administrativeStatus"` (v3) or
//!   `"normativeAuthorization"` (v2) decides its role: preferred or
//!   standardized → preferred; admitted, legal or regulated → admitted;
//!   deprecated, superseded or obsolete → forbidden. Without any status the
//!   first English term is preferred and the rest admitted.
//! * `descrip type="subjectField"` is the domain; the first `note` or
//!   `descrip type="definition"` anywhere in the entry is the note.
//! * A `note` that reads `selaras-match: ` followed by a comma-separated list
//!   of `case-sensitive`, `case-insensitive`, `affix`, `exact` or `replace`
//!   (the entry replaces earlier glossaries' entries, `glossary::model`) carries
//!   the matching rules TBX has no data category for (selaras writes it on
//!   the first Indonesian term when an entry has such rules). Other tools
//!   show it as a note; a note with any other word in that list is an
//!   ordinary note.
//! * A concept without an Indonesian or without a usable English term is
//!   skipped (`lint` says so).
//!
//! **Safety.** External entities and DTDs are never fetched or read:
//! quick-xml does not resolve them. A `<!DOCTYPE>` that declares entities
//! (`<!ENTITY`) is refused, because expanding them is how "billion laughs"
//! bombs work and no termbase needs them; a plain DOCTYPE naming a DTD (as
//! TBX v2 files do) is ignored. References to undeclared entities are
//! errors; the five XML entities and character references are decoded.

use quick_xml::Reader as XmlReader;
use quick_xml::events::Event;

use super::Reader;
use crate::error::Result;
use crate::finding::Severity;
use crate::glossary::model::{Entry, Glossary, MatchMode};
use crate::text::LineIndex;
use crate::xml::{attribute, local_name};

/// The role a target term's status gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Preferred,
    Admitted,
    Forbidden,
}

fn parse_status(value: &str) -> Option<Status> {
    let value = value.to_ascii_lowercase();
    if value.contains("preferred") || value.contains("standardized") {
        Some(Status::Preferred)
    } else if value.contains("admitted") || value.contains("legal") || value.contains("regulated") {
        Some(Status::Admitted)
    } else if value.contains("deprecated") || value.contains("superseded") || value.contains("obsolete") {
        Some(Status::Forbidden)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LangRole {
    Source,
    Target,
    Other,
}

fn classify_lang(tag: &str) -> LangRole {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "id" | "in" | "ind" => LangRole::Source,
        "en" | "eng" => LangRole::Target,
        _ => LangRole::Other,
    }
}

/// The concept being read.
#[derive(Debug, Default)]
struct Concept {
    line: usize,
    sources: Vec<String>,
    targets: Vec<(String, Option<Status>)>,
    note: Option<String>,
    domain: Option<String>,
    case_sensitive: Option<bool>,
    match_mode: MatchMode,
    replace: bool,
}

/// Which text is being collected, and the `type` attribute of its element.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Collecting {
    Term,
    TermNote(String),
    Descrip(String),
    Note,
}

pub fn read(text: &str, reader: &mut Reader<'_>) -> Result<Glossary> {
    let line_index = LineIndex::new(text);
    let position = |offset: u64| line_index.line_col(text, (offset as usize).min(text.len()));
    let mut xml = XmlReader::from_str(text);
    xml.config_mut().trim_text(false);
    let mut entries = Vec::new();
    let mut concept: Option<Concept> = None;
    let mut lang = LangRole::Other;
    let mut term: Option<(String, Option<Status>)> = None;
    let mut collecting: Option<(Collecting, usize)> = None;
    let mut buffer = String::new();
    let mut depth = 0usize;
    let mut saw_root = false;
    loop {
        let event_start = xml.buffer_position();
        let event = xml.read_event().map_err(|error| {
            let at = position(xml.error_position());
            reader.parse_error(at.line, at.column, format!("malformed XML: {error}"))
        })?;
        let at = || position(event_start);
        let (element, is_empty) = match &event {
            Event::Start(element) => (Some(element), false),
            Event::Empty(element) => (Some(element), true),
            _ => (None, false),
        };
        if let Some(element) = element {
            let name = local_name(element);
            if !saw_root {
                saw_root = true;
                if name != "tbx" && name != "martif" {
                    let at = at();
                    return Err(reader.parse_error(
                        at.line,
                        at.column,
                        format!("not a TBX file: the root element is <{name}>, not <tbx> or <martif>"),
                    ));
                }
            }
            depth += 1;
            match name.as_str() {
                "conceptEntry" | "termEntry" => {
                    concept = Some(Concept {
                        line: at().line,
                        ..Concept::default()
                    })
                }
                "langSec" | "langSet" => {
                    lang = attribute(element, "xml:lang").map_or(LangRole::Other, |tag| classify_lang(&tag));
                }
                "termSec" | "tig" | "ntig" => term = Some((String::new(), None)),
                "term" | "termNote" | "descrip" | "note" if collecting.is_none() => {
                    let kind_attr = attribute(element, "type").unwrap_or_default();
                    let kind = match name.as_str() {
                        "term" => Collecting::Term,
                        "termNote" => Collecting::TermNote(kind_attr),
                        "descrip" => Collecting::Descrip(kind_attr),
                        _ => Collecting::Note,
                    };
                    buffer.clear();
                    collecting = Some((kind, depth));
                }
                _ => {}
            }
            if !is_empty {
                continue;
            }
        }
        match event {
            Event::DocType(doctype) if doctype.xml10_content().contains("<!ENTITY") => {
                let at = at();
                return Err(reader.parse_error(
                    at.line,
                    at.column,
                    "DOCTYPE declares entities; refused (entity expansion is not supported, to stay safe from entity bombs)",
                ));
            }
            Event::Text(content) if collecting.is_some() => buffer.push_str(&content.xml10_content()),
            Event::CData(content) if collecting.is_some() => buffer.push_str(&content.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = if reference.is_char_ref() {
                    reference.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    quick_xml::escape::resolve_predefined_entity(&reference.xml10_content()).map(String::from)
                };
                let Some(resolved) = resolved else {
                    let at = at();
                    return Err(reader.parse_error(at.line, at.column, format!("undefined entity &{};", reference.xml10_content())));
                };
                if collecting.is_some() {
                    buffer.push_str(&resolved);
                }
            }
            Event::Start(_) | Event::Empty(_) | Event::End(_) => {
                let name = match &event {
                    Event::End(end) => end.local_name().as_ref().to_string(),
                    Event::Start(start) | Event::Empty(start) => local_name(start),
                    _ => String::new(),
                };
                if let Some((kind, collecting_depth)) = &collecting
                    && *collecting_depth == depth
                {
                    let value = buffer.trim().to_string();
                    match (kind, &mut term, &mut concept) {
                        (Collecting::Term, Some(term), _) => term.0 = value,
                        (Collecting::TermNote(kind), Some(term), _)
                            if kind == "administrativeStatus" || kind == "normativeAuthorization" =>
                        {
                            term.1 = parse_status(&value)
                        }
                        (Collecting::Descrip(kind), _, Some(concept)) if kind == "subjectField" => {
                            concept.domain = concept.domain.take().or(Some(value))
                        }
                        (Collecting::Descrip(kind), _, Some(concept)) if kind == "definition" => {
                            concept.note = concept.note.take().or(Some(value))
                        }
                        (Collecting::Note, _, Some(concept)) => match parse_rules_note(&value) {
                            Some((case_sensitive, match_mode, replace)) => {
                                concept.case_sensitive = case_sensitive.or(concept.case_sensitive);
                                concept.match_mode = match_mode.unwrap_or(concept.match_mode);
                                concept.replace |= replace;
                            }
                            None => concept.note = concept.note.take().or(Some(value)),
                        },
                        _ => {}
                    }
                    collecting = None;
                }
                match name.as_str() {
                    "termSec" | "tig" | "ntig" => {
                        if let (Some((term_text, status)), Some(concept)) = (term.take(), &mut concept)
                            && !term_text.is_empty()
                        {
                            match lang {
                                LangRole::Source if !concept.sources.contains(&term_text) => concept.sources.push(term_text),
                                LangRole::Target => concept.targets.push((term_text, status)),
                                _ => {}
                            }
                        }
                    }
                    "langSec" | "langSet" => lang = LangRole::Other,
                    "conceptEntry" | "termEntry" => {
                        if let Some(concept) = concept.take()
                            && let Some(entry) = finish(concept, reader)
                        {
                            entries.push(entry);
                        }
                    }
                    _ => {}
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(reader.parse_error(1, 1, "not a TBX file: no root element"));
    }
    Ok(Glossary::new(entries))
}

/// Turns a concept into an entry: explicit preferred first, then the others.
fn finish(concept: Concept, reader: &mut Reader<'_>) -> Option<Entry> {
    if concept.sources.is_empty() {
        reader.remark(
            Severity::Warning,
            "tbx-no-source",
            concept.line,
            "concept has no Indonesian term; skipped",
        );
        return None;
    }
    let mut preferred: Option<String> = None;
    let mut admitted = Vec::new();
    let mut forbidden = Vec::new();
    for (target, status) in &concept.targets {
        match status {
            Some(Status::Preferred) if preferred.is_none() => preferred = Some(target.clone()),
            Some(Status::Forbidden) => forbidden.push(target.clone()),
            _ => admitted.push(target.clone()),
        }
    }
    if preferred.is_none() && !admitted.is_empty() {
        preferred = Some(admitted.remove(0));
    }
    if preferred.is_none() && forbidden.is_empty() {
        reader.remark(
            Severity::Warning,
            "tbx-no-target",
            concept.line,
            format!("concept `{}` has no English term; skipped", concept.sources[0]),
        );
        return None;
    }
    Some(Entry {
        sources: concept.sources,
        preferred,
        admitted,
        forbidden,
        case_sensitive: concept.case_sensitive,
        note: concept.note,
        domain: concept.domain,
        match_mode: concept.match_mode,
        replace: concept.replace,
        origin: reader.origin(concept.line),
    })
}

/// What starts the note that carries an entry's matching rules.
const RULES_NOTE: &str = "selaras-match:";

/// The rules note for `entry`, if it has rules beyond the defaults.
pub(super) fn rules_note(entry: &Entry) -> Option<String> {
    let mut words = Vec::new();
    match entry.case_sensitive {
        Some(true) => words.push("case-sensitive"),
        Some(false) => words.push("case-insensitive"),
        None => {}
    }
    if entry.match_mode == MatchMode::Affix {
        words.push("affix");
    }
    if entry.replace {
        words.push("replace");
    }
    (!words.is_empty()).then(|| format!("{RULES_NOTE} {}", words.join(", ")))
}

/// Reads a rules note: (case sensitivity, match mode, replace), each if
/// given. `None` when `note` is not one.
fn parse_rules_note(note: &str) -> Option<(Option<bool>, Option<MatchMode>, bool)> {
    let list = note.strip_prefix(RULES_NOTE)?;
    let (mut case_sensitive, mut match_mode, mut replace) = (None, None, false);
    for word in list.split(',').map(str::trim) {
        match word {
            "case-sensitive" => case_sensitive = Some(true),
            "case-insensitive" => case_sensitive = Some(false),
            "affix" => match_mode = Some(MatchMode::Affix),
            "exact" => match_mode = Some(MatchMode::Exact),
            "replace" => replace = true,
            _ => return None,
        }
    }
    Some((case_sensitive, match_mode, replace))
}
