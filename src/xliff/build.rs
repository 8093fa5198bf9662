//! From the pipeline's result to the units an XLIFF file holds: one per
//! source unit, with its aligned draft text, state, notes and glossary hits.
//! The serialisation (1.2 or 2.0) lives in `write`.

use crate::finding::Severity;
use crate::glossary::Glossary;
use crate::pipeline::Checked;
use crate::segment::UnitKind;

/// A note on a unit: a finding, a repeat or merge marker, a glossary hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// `selaras:RULE` for findings, `selaras:repeat`, `selaras:merge`, …
    pub category: String,
    /// XLIFF priority, 1 (highest) to 10.
    pub priority: u8,
    /// Whether the note is about the target (else the source).
    pub about_target: bool,
    pub text: String,
}

/// One XLIFF unit to write.
///
/// The writer's record, not a unit of the pipeline: a source unit together
/// with the draft text aligned to it, its paragraph group, its state and
/// its notes, which is what a `trans-unit`/`unit` element holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportUnit {
    pub id: String,
    /// The group (paragraph) id, `p3`.
    pub group: String,
    pub source: String,
    pub target: Option<String>,
    pub translate: bool,
    /// A check found an error on this unit.
    pub needs_review: bool,
    pub notes: Vec<Note>,
    /// Glossary hits, one per distinct term.
    pub terms: Vec<Gloss>,
}

/// A glossary term found in a unit's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gloss {
    /// The glossary's spelling of the Indonesian term.
    pub term: String,
    /// Its English: preferred first, then admitted.
    pub translations: Vec<String>,
    /// Where the glossary says so (`glossaries/news.tsv:12`), if known.
    pub origin: Option<String>,
}

fn priority(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 1,
        Severity::Warning => 3,
        Severity::Info => 5,
    }
}

/// Builds the units of an export. `draft` is `None` when only the source is
/// exported (then `checked` came from a run against an empty draft, and its
/// beads and findings are ignored). `glossary` is the one the pipeline
/// matched with; it tells where each term comes from.
pub fn build(checked: &Checked, source: &str, draft: Option<&str>, glossary: &Glossary) -> Vec<ExportUnit> {
    let source_units = &checked.source.units;
    let mut units: Vec<ExportUnit> = source_units
        .iter()
        .map(|unit| ExportUnit {
            id: unit.id.clone(),
            group: format!("p{}", unit.paragraph),
            source: unit.span.slice(source).to_string(),
            target: None,
            translate: unit.kind != UnitKind::Boilerplate,
            needs_review: false,
            notes: Vec::new(),
            terms: Vec::new(),
        })
        .collect();
    // Units inside a repeated block (the scraper's duplicate) need no
    // translation unless the draft translated them anyway.
    let mut in_repeated_block = vec![false; units.len()];
    if let Some(segmentation) = &checked.source.segmentation {
        for block in &segmentation.repeated_blocks {
            for paragraph in &segmentation.paragraphs {
                if paragraph.number >= block.paragraphs.0 && paragraph.number <= block.paragraphs.1 {
                    for flag in &mut in_repeated_block[paragraph.units.clone()] {
                        *flag = true;
                    }
                }
            }
        }
    }
    for (unit_idx, unit) in source_units.iter().enumerate() {
        if let Some(original) = unit.repeat_of {
            units[unit_idx].notes.push(Note {
                category: "selaras:repeat".into(),
                priority: 5,
                about_target: false,
                text: format!("repeats {}", source_units[original].id),
            });
        }
    }
    let mut translated = vec![false; units.len()];
    // The source unit that holds each draft unit's text, by draft unit index.
    let mut target_owner: Vec<Option<usize>> = vec![None; checked.target.units.len()];
    if let Some(draft) = draft {
        let target_units = &checked.target.units;
        let mut last_source: Option<usize> = None;
        for bead in &checked.beads {
            let text = bead
                .target
                .clone()
                .map(|t| target_units[t].span.slice(draft).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join(" ");
            let owner = match bead.first_source() {
                Some(first) => {
                    last_source = Some(bead.source.end - 1);
                    first
                }
                // An addition: keep its text on the unit before it.
                None => match last_source {
                    Some(previous) => previous,
                    None => continue,
                },
            };
            for t in bead.target.clone() {
                target_owner[t] = Some(owner);
            }
            if bead.target.is_empty() {
                continue;
            }
            let target = units[owner].target.get_or_insert_with(String::new);
            if !target.is_empty() {
                target.push(' ');
            }
            target.push_str(&text);
            translated[owner] = true;
            for other in bead.source.clone().skip(1) {
                translated[other] = true;
                let first_id = units[owner].id.clone();
                units[other].notes.push(Note {
                    category: "selaras:merge".into(),
                    priority: 3,
                    about_target: true,
                    text: format!("translated together with {first_id}: its target holds the draft text of both"),
                });
            }
        }
        for finding in &checked.findings {
            let owner = match (&finding.source, &finding.target) {
                (Some(location), _) => (location.unit < units.len()).then_some(location.unit),
                (None, Some(location)) => target_owner.get(location.unit).copied().flatten(),
                (None, None) => None,
            };
            let Some(owner) = owner else { continue };
            if finding.severity == Severity::Error {
                units[owner].needs_review = true;
            }
            units[owner].notes.push(Note {
                category: format!("selaras:{}", finding.rule),
                priority: priority(finding.severity),
                about_target: finding.target.is_some(),
                text: format!("{}: {}", finding.rule, finding.message),
            });
        }
    }
    for (unit_idx, unit) in units.iter_mut().enumerate() {
        if in_repeated_block[unit_idx] && !translated[unit_idx] {
            unit.translate = false;
        }
    }
    for term in &checked.terms {
        let terms = &mut units[term.unit].terms;
        if !terms.iter().any(|known| known.term == term.term) {
            let origin = glossary
                .entries
                .iter()
                .find(|entry| entry.sources.contains(&term.term))
                .map(|entry| entry.origin.to_string());
            terms.push(Gloss {
                term: term.term.clone(),
                translations: term.targets.clone(),
                origin,
            });
        }
    }
    units
}
