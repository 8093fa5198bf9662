//! Serialises export units as XLIFF 1.2 (strict schema) or XLIFF 2.0 (core
//! plus the Glossary module). Plain `write!` with escaping, like the TMX
//! writer: the documents are small and flat, and the element order the
//! schemas require is easiest to see written out.

use std::io::{self, Write};

use super::Version;
use super::build::{ExportUnit, Gloss};
use crate::xml::escape as esc;

/// Writes `units` as one XLIFF document; `original` names the source file.
pub fn write(out: &mut (impl Write + ?Sized), units: &[ExportUnit], version: Version, original: &str) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    match version {
        Version::V12 => write_12(out, units, original),
        Version::V20 => write_20(out, units, original),
    }
}

/// Runs of units that share a group (paragraph), in order.
fn groups(units: &[ExportUnit]) -> impl Iterator<Item = &[ExportUnit]> {
    units.chunk_by(|a, b| a.group == b.group)
}

fn write_12(out: &mut (impl Write + ?Sized), units: &[ExportUnit], original: &str) -> io::Result<()> {
    writeln!(out, r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">"#)?;
    writeln!(
        out,
        r#"  <file original="{}" source-language="id" target-language="en" datatype="plaintext" tool-id="selaras">"#,
        esc(original)
    )?;
    writeln!(out, "    <header>")?;
    writeln!(
        out,
        r#"      <tool tool-id="selaras" tool-name="selaras" tool-version="{}"/>"#,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "    </header>")?;
    writeln!(out, "    <body>")?;
    for group in groups(units) {
        writeln!(out, r#"      <group id="{}" restype="x-paragraph">"#, esc(&group[0].group))?;
        for unit in group {
            let translate = if unit.translate { "" } else { r#" translate="no""# };
            writeln!(out, r#"        <trans-unit id="{}"{translate}>"#, esc(&unit.id))?;
            writeln!(out, "          <source>{}</source>", esc(&unit.source))?;
            if let Some(target) = &unit.target {
                let state = if unit.needs_review {
                    "needs-review-translation"
                } else {
                    "translated"
                };
                writeln!(out, r#"          <target state="{state}">{}</target>"#, esc(target))?;
            }
            for note in &unit.notes {
                let annotates = if note.about_target { "target" } else { "source" };
                writeln!(
                    out,
                    r#"          <note from="selaras" priority="{}" annotates="{annotates}">{}</note>"#,
                    note.priority,
                    esc(&note.text)
                )?;
            }
            for gloss in &unit.terms {
                let origin = gloss.origin.as_ref().map(|origin| format!(" ({origin})")).unwrap_or_default();
                writeln!(
                    out,
                    r#"          <note from="selaras-glossary" priority="5" annotates="source">glossary: {} → {}{}</note>"#,
                    esc(&gloss.term),
                    esc(&gloss.translations.join(" | ")),
                    esc(&origin)
                )?;
            }
            writeln!(out, "        </trans-unit>")?;
        }
        writeln!(out, "      </group>")?;
    }
    writeln!(out, "    </body>")?;
    writeln!(out, "  </file>")?;
    writeln!(out, "</xliff>")
}

fn write_20(out: &mut (impl Write + ?Sized), units: &[ExportUnit], original: &str) -> io::Result<()> {
    writeln!(
        out,
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.0" srcLang="id" trgLang="en">"#
    )?;
    writeln!(out, r#"  <file id="f1" original="{}">"#, esc(original))?;
    for group in groups(units) {
        writeln!(out, r#"    <group id="{}">"#, esc(&group[0].group))?;
        for unit in group {
            let translate = if unit.translate { "" } else { r#" translate="no""# };
            writeln!(out, r#"      <unit id="{}"{translate}>"#, esc(&unit.id))?;
            // Module elements come first in a unit (core schema: `any`
            // from other namespaces, then notes, then segments).
            // A glossEntry needs a translation (or a definition): terms the
            // glossary only forbids are left out here.
            let glossed: Vec<&Gloss> = unit.terms.iter().filter(|gloss| !gloss.translations.is_empty()).collect();
            if !glossed.is_empty() {
                writeln!(out, "        <gls:glossary>")?;
                for gloss in glossed {
                    // `source` says where the term comes from (XLIFF 2.0
                    // §5.2.2.3): the glossary file and line.
                    let origin = gloss.origin.as_deref().unwrap_or("selaras glossary");
                    writeln!(out, "          <gls:glossEntry>")?;
                    writeln!(
                        out,
                        r#"            <gls:term source="{}">{}</gls:term>"#,
                        esc(origin),
                        esc(&gloss.term)
                    )?;
                    for translation in &gloss.translations {
                        writeln!(out, "            <gls:translation>{}</gls:translation>", esc(translation))?;
                    }
                    writeln!(out, "          </gls:glossEntry>")?;
                }
                writeln!(out, "        </gls:glossary>")?;
            }
            if !unit.notes.is_empty() {
                writeln!(out, "        <notes>")?;
                for note in &unit.notes {
                    let applies_to = if note.about_target { "target" } else { "source" };
                    writeln!(
                        out,
                        r#"          <note category="{}" priority="{}" appliesTo="{applies_to}">{}</note>"#,
                        esc(&note.category),
                        note.priority,
                        esc(&note.text)
                    )?;
                }
                writeln!(out, "        </notes>")?;
            }
            match (&unit.target, unit.needs_review) {
                (Some(_), true) => writeln!(out, r#"        <segment state="translated" subState="selaras:needs-review">"#)?,
                (Some(_), false) => writeln!(out, r#"        <segment state="translated">"#)?,
                (None, _) => writeln!(out, "        <segment>")?,
            }
            writeln!(out, "          <source>{}</source>", esc(&unit.source))?;
            if let Some(target) = &unit.target {
                writeln!(out, "          <target>{}</target>", esc(target))?;
            }
            writeln!(out, "        </segment>")?;
            writeln!(out, "      </unit>")?;
        }
        writeln!(out, "    </group>")?;
    }
    writeln!(out, "  </file>")?;
    writeln!(out, "</xliff>")
}
