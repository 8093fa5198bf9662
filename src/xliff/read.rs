//! Reads a bilingual XLIFF 1.2 or 2.0 file into units of source and target
//! text, with quick-xml, streaming, keeping byte positions into the file.
//!
//! * 1.2: each `trans-unit` is a unit (`source`, `target`); when it has a
//!   `seg-source` with `<mrk mtype="seg" mid="n">` segments, each segment is
//!   a unit `ID:n`, paired with the target's `mrk` of the same `mid`.
//! * 2.x: each `segment` of a `unit` is a unit; a unit with one segment keeps
//!   the unit id, one with several gives `ID:SEGMENT` (the segment id, or its
//!   1-based ordinal). `ignorable` text is not checked.
//! * Translation-memory matches (1.2 `alt-trans`, 2.x `mtc:matches`) are
//!   skipped: their `source`/`target` are suggestions, not the unit's.
//! * `translate="no"` is inherited from `file` and `group`, as both versions
//!   specify.
//! * Inline codes become nothing in the checked text: `g`, `pc` and `mrk`
//!   keep the text they wrap; `x`, `bx`, `ex`, `ph`, `sc`, `ec` (and 1.2's
//!   `bpt`, `ept`, `it`, whose content is native code, not text) leave
//!   nothing. Each is recorded as a [`Code`] named by element and id, so the
//!   check can tell which codes of the source the target lost.
//!
//! **Safety.** DTDs and external entities are never read (quick-xml does not
//! resolve them). A DOCTYPE that declares entities is refused (that is how
//! entity-expansion bombs work, and XLIFF needs none); references to
//! undeclared entities are errors. Errors name the file, line and column.

use std::path::Path;

use quick_xml::Reader as XmlReader;
use quick_xml::events::Event;

use crate::error::{Error, Result};
use crate::text::LineIndex;
use crate::xml::{attribute_by_local_name, local_name};

/// A run of checked text and where it came from in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    plain: usize,
    file: usize,
    len: usize,
    /// The text is the file's bytes as they are (no entity, no CRLF), so
    /// offsets inside the run map one to one.
    linear: bool,
}

/// An inline code (placeholder) of a source or target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Element and id: `x#1`, `pc#b`, `ec#1` (an `ec` by its `startRef`).
    pub key: String,
    /// The code as the file writes it, for messages: `<x id="1"/>`.
    pub display: String,
    /// Byte offset of the code's tag in the file.
    pub offset: usize,
}

/// The text of one `source` or `target` (or segment) and its codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Content {
    pub text: String,
    /// Byte offset in the file where the element's content starts.
    pub start: usize,
    pub codes: Vec<Code>,
    runs: Vec<Run>,
}

impl Content {
    /// The file offset of byte `plain` of `text`: exact inside plain text,
    /// the start of the entity or CDATA section otherwise.
    pub fn file_offset(&self, plain: usize) -> usize {
        let run_idx = self.runs.partition_point(|run| run.plain <= plain);
        let Some(run) = run_idx.checked_sub(1).map(|idx| self.runs[idx]) else {
            return self.start;
        };
        let inside = plain - run.plain;
        if run.linear && inside <= run.len {
            run.file + inside
        } else {
            run.file
        }
    }

    fn push_text(&mut self, text: &str, file: usize, linear: bool) {
        self.runs.push(Run {
            plain: self.text.len(),
            file,
            len: text.len(),
            linear,
        });
        self.text.push_str(text);
    }
}

/// One checked pair of an XLIFF file.
///
/// The reader's record: besides the texts it keeps what only the file has,
/// the byte runs that map each text back into the `.xlf`, the inline codes,
/// `translate` and the notes. Its position in [`XliffFile::units`] is the
/// unit's index in findings (`Location::unit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffUnit {
    /// The unit's id (with its segment, see the module header). Ids are
    /// unique per `<file>` only, so two units of a document may share one:
    /// `file` and the unit's position in [`XliffFile::units`] tell them apart.
    pub id: String,
    /// The 0-based ordinal of the `<file>` element that holds the unit.
    pub file: usize,
    pub translate: bool,
    pub source: Content,
    pub target: Option<Content>,
    /// The texts of the unit's `note`s (selaras reads back its own export
    /// notes: merges and repeats).
    pub notes: Vec<String>,
}

/// What [`parse`] read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XliffFile {
    /// The `version` attribute of the root (`1.2`, `2.0`, …).
    pub version: String,
    pub units: Vec<XliffUnit>,
}

/// Where collected text goes when its element closes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dest {
    Source,
    Target,
    SegSource(String),
    TargetSeg(String),
    Note,
}

/// A `trans-unit` (1.2) or `unit` (2.x) being read.
#[derive(Debug, Default)]
struct Pending {
    id: String,
    file: usize,
    translate: bool,
    depth: usize,
    /// Finished parts: segment id (or none) with source and target.
    parts: Vec<(Option<String>, Content, Option<Content>)>,
    source: Option<Content>,
    target: Option<Content>,
    seg_sources: Vec<(String, Content)>,
    target_segs: Vec<(String, Content)>,
    segment_id: Option<String>,
    notes: Vec<String>,
}

impl Pending {
    /// Ends a 2.x `segment` (or a 1.2 unit without `seg-source`).
    fn end_segment(&mut self) {
        let source = self.source.take().unwrap_or_default();
        let target = self.target.take();
        let id = self.segment_id.take();
        self.parts.push((id, source, target));
    }

    fn finish(mut self, units: &mut Vec<XliffUnit>) {
        if !self.seg_sources.is_empty() {
            // Target segments by `mid`, each taken once, the first of a
            // repeated `mid` first (a map, so that a unit of many segments
            // is not quadratic).
            let mut target_segs: std::collections::HashMap<String, std::collections::VecDeque<Content>> = std::collections::HashMap::new();
            for (mid, content) in std::mem::take(&mut self.target_segs) {
                target_segs.entry(mid).or_default().push_back(content);
            }
            for (mid, source) in std::mem::take(&mut self.seg_sources) {
                let target = target_segs.get_mut(&mid).and_then(std::collections::VecDeque::pop_front);
                self.parts.push((Some(mid), source, target));
            }
        } else if self.source.is_some() {
            self.end_segment();
        }
        let several = self.parts.len() > 1;
        for (ordinal, (segment, source, target)) in self.parts.into_iter().enumerate() {
            let id = if several {
                format!("{}:{}", self.id, segment.unwrap_or_else(|| (ordinal + 1).to_string()))
            } else {
                self.id.clone()
            };
            units.push(XliffUnit {
                id,
                file: self.file,
                translate: self.translate,
                source,
                target,
                notes: self.notes.clone(),
            });
        }
    }
}

/// Elements whose content is native code, not text (XLIFF 1.2).
const NATIVE_CODE: &[&str] = &["bpt", "ept", "it", "ph", "sub"];
/// Inline elements that are codes (placeholders).
const CODES: &[&str] = &["g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "pc", "sc", "ec", "mrk"];

/// Parses `text` (the contents of `path`) as XLIFF.
pub fn parse(path: &Path, text: &str) -> Result<XliffFile> {
    let line_index = LineIndex::new(text);
    let error_at = |offset: usize, message: String| {
        let at = line_index.line_col(text, offset.min(text.len()));
        Error::Parse {
            path: path.to_path_buf(),
            line: at.line,
            column: at.column,
            message,
        }
    };
    // The reader is given the text after a byte order mark, and its
    // positions are shifted back, so that offsets count the file's bytes.
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut xml = XmlReader::from_str(&text[bom..]);
    xml.config_mut().trim_text(false);
    let mut file = XliffFile::default();
    let mut saw_root = false;
    let mut depth = 0usize;
    // The inherited `translate` of each open element.
    let mut translate_stack: Vec<bool> = vec![true];
    let mut pending: Option<Pending> = None;
    // `<file>` elements opened so far.
    let mut files_opened = 0usize;
    // Open collectors: every one receives the text read while it is open.
    let mut collectors: Vec<(Content, usize, Dest)> = Vec::new();
    let mut skip_native_until: Option<usize> = None;
    // Inside `alt-trans` (1.2 matches), `mtc:matches` (2.x) or `ignorable`:
    // their sources and targets are not the unit's.
    let mut skip_container_until: Option<usize> = None;
    loop {
        let event_start = bom + xml.buffer_position() as usize;
        let event = xml
            .read_event()
            .map_err(|error| error_at(bom + xml.error_position() as usize, format!("malformed XML: {error}")))?;
        let event_end = bom + xml.buffer_position() as usize;
        match event {
            Event::DocType(doctype) if doctype.xml10_content().contains("<!ENTITY") => {
                return Err(error_at(
                    event_start,
                    "DOCTYPE declares entities; refused (XLIFF needs none, and expanding them is how entity bombs work)".into(),
                ));
            }
            Event::Start(ref element) | Event::Empty(ref element) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = local_name(element);
                if !saw_root {
                    saw_root = true;
                    if name != "xliff" {
                        return Err(error_at(event_start, format!("not an XLIFF file: the root element is <{name}>")));
                    }
                    file.version = attribute_by_local_name(element, "version").unwrap_or_default();
                }
                let inherited = *translate_stack.last().unwrap_or(&true);
                let translate = attribute_by_local_name(element, "translate").map_or(inherited, |value| value != "no");
                if !is_empty {
                    depth += 1;
                    translate_stack.push(translate);
                }
                if skip_container_until.is_some() {
                    continue;
                }
                if !is_empty && matches!(name.as_str(), "alt-trans" | "matches" | "ignorable") {
                    skip_container_until = Some(depth);
                    continue;
                }
                if !collectors.is_empty() {
                    if CODES.contains(&name.as_str())
                        && !(name == "mrk" && attribute_by_local_name(element, "mtype").as_deref() == Some("seg"))
                    {
                        let id = attribute_by_local_name(element, "id")
                            .or_else(|| attribute_by_local_name(element, "mid"))
                            .or_else(|| attribute_by_local_name(element, "startRef"))
                            .unwrap_or_default();
                        let code = Code {
                            key: format!("{name}#{id}"),
                            display: text[event_start..event_end].to_string(),
                            offset: event_start,
                        };
                        for (content, _, _) in &mut collectors {
                            content.codes.push(code.clone());
                        }
                        if !is_empty && NATIVE_CODE.contains(&name.as_str()) && skip_native_until.is_none() {
                            skip_native_until = Some(depth);
                        }
                    }
                    if name == "mrk" && !is_empty && attribute_by_local_name(element, "mtype").as_deref() == Some("seg") {
                        let mid = attribute_by_local_name(element, "mid").unwrap_or_default();
                        // Only directly in a target or a seg-source: a
                        // segment inside a segment means nothing, and
                        // stacking them would copy each text once per level.
                        let dest = match collectors.last().map(|c| &c.2) {
                            Some(Dest::Target) => Some(Dest::TargetSeg(mid)),
                            Some(Dest::SegSource(outer)) if outer.is_empty() => Some(Dest::SegSource(mid)),
                            _ => None,
                        };
                        if let Some(dest) = dest {
                            collectors.push((content_at(event_end), depth, dest));
                        }
                    }
                    continue;
                }
                match name.as_str() {
                    "file" if pending.is_none() => files_opened += 1,
                    "trans-unit" | "unit" if !is_empty => {
                        pending = Some(Pending {
                            id: attribute_by_local_name(element, "id").unwrap_or_default(),
                            file: files_opened.saturating_sub(1),
                            translate,
                            depth,
                            ..Pending::default()
                        });
                    }
                    "segment" if !is_empty => {
                        if let Some(pending) = &mut pending {
                            pending.segment_id = attribute_by_local_name(element, "id");
                        }
                    }
                    "note" if pending.is_some() && !is_empty => collectors.push((content_at(event_end), depth, Dest::Note)),
                    "source" | "target" | "seg-source" if pending.is_some() => {
                        let dest = match name.as_str() {
                            "source" => Dest::Source,
                            "target" => Dest::Target,
                            // The seg-source's own text (between segments) is
                            // not checked; its `mrk` segments are.
                            _ => Dest::SegSource(String::new()),
                        };
                        if is_empty {
                            finish_content(&mut pending, content_at(event_end), dest);
                        } else {
                            collectors.push((content_at(event_end), depth, dest));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref content) if skip_native_until.is_none() => {
                let raw: &str = content;
                let decoded = content.xml10_content();
                for (collected, _, _) in &mut collectors {
                    collected.push_text(&decoded, event_start, decoded.len() == raw.len());
                }
            }
            Event::CData(ref content) if skip_native_until.is_none() => {
                let decoded = content.xml10_content();
                for (collected, _, _) in &mut collectors {
                    collected.push_text(&decoded, event_start, false);
                }
            }
            Event::GeneralRef(ref reference) => {
                let resolved = if reference.is_char_ref() {
                    reference.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    quick_xml::escape::resolve_predefined_entity(&reference.xml10_content()).map(String::from)
                };
                let Some(resolved) = resolved else {
                    return Err(error_at(event_start, format!("undefined entity &{};", reference.xml10_content())));
                };
                if skip_native_until.is_none() {
                    for (collected, _, _) in &mut collectors {
                        collected.push_text(&resolved, event_start, false);
                    }
                }
            }
            Event::End(ref element) => {
                let name = element.local_name().as_ref().to_string();
                if skip_native_until == Some(depth) {
                    skip_native_until = None;
                }
                if skip_container_until.is_some() {
                    if skip_container_until == Some(depth) {
                        skip_container_until = None;
                    }
                    depth = depth.saturating_sub(1);
                    translate_stack.pop();
                    continue;
                }
                while collectors.last().is_some_and(|(_, open_depth, _)| *open_depth == depth) {
                    let (content, _, dest) = collectors.pop().expect("checked above");
                    finish_content(&mut pending, content, dest);
                }
                if name == "segment"
                    && collectors.is_empty()
                    && let Some(pending) = &mut pending
                {
                    pending.end_segment();
                }
                if pending.as_ref().is_some_and(|p| p.depth == depth) {
                    pending.take().expect("checked above").finish(&mut file.units);
                }
                depth = depth.saturating_sub(1);
                translate_stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(error_at(0, "not an XLIFF file: no root element".into()));
    }
    Ok(file)
}

fn content_at(start: usize) -> Content {
    Content {
        start,
        ..Content::default()
    }
}

fn finish_content(pending: &mut Option<Pending>, content: Content, dest: Dest) {
    let Some(pending) = pending else { return };
    match dest {
        Dest::Source => pending.source = Some(content),
        Dest::Target => pending.target = Some(content),
        Dest::SegSource(mid) if !mid.is_empty() => pending.seg_sources.push((mid, content)),
        Dest::TargetSeg(mid) => pending.target_segs.push((mid, content)),
        Dest::SegSource(_) => {}
        Dest::Note => pending.notes.push(content.text),
    }
}
