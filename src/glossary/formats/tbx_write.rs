//! Writing TBX v3 (ISO 30042:2019), DCA style, dialect TBX-Basic: one
//! `conceptEntry` per entry, an `id` langSec with every source spelling and
//! an `en` langSec with every target, each target carrying its
//! `administrativeStatus` (preferred, admitted, deprecated for forbidden).
//! Case sensitivity and the `affix` match mode, for which TBX has no data
//! category, go in a `selaras-match:` note on the first Indonesian term.
//! The output validates against the TBX core RelaxNG schema
//! (`validate.sh tbx`, checked by a test).
//!
//! Writing TBX v2 (root `<martif>`) for OmegaT, which reads only v2: the
//! same content in `termEntry` / `langSet` / `tig` (see [`write_v2`]).

use std::io::{self, Write};

// The one XML escape of the crate: markup escaped, and characters that XML
// 1.0 forbids even as references (U+0001 in a term) replaced by U+FFFD, so
// that the file stays well-formed (`glossary lint` reports them).
use crate::xml::escape;

use crate::glossary::model::{Entry, Glossary};

/// Writes TBX v3 (root `<tbx>`, TBX-Basic, DCA style).
pub fn write(glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    write_prologue(
        out,
        r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">"#,
        "tbxHeader",
    )?;
    for (entry_idx, entry) in glossary.entries.iter().enumerate() {
        writeln!(out, r#"      <conceptEntry id="c{}">"#, entry_idx + 1)?;
        if let Some(domain) = &entry.domain {
            writeln!(out, r#"        <descrip type="subjectField">{}</descrip>"#, escape(domain))?;
        }
        writeln!(out, r#"        <langSec xml:lang="id">"#)?;
        write_sources(out, entry, "termSec")?;
        writeln!(out, "        </langSec>")?;
        writeln!(out, r#"        <langSec xml:lang="en">"#)?;
        write_targets(out, entry, "termSec")?;
        writeln!(out, "        </langSec>")?;
        writeln!(out, "      </conceptEntry>")?;
    }
    write_epilogue(out, "tbx")
}

/// Writes TBX v2 (ISO 30042:2008, root `<martif>`), the version OmegaT
/// reads: one `termEntry` per entry, an `id` langSet with a `tig` per source
/// spelling and an `en` langSet with a `tig` per target, each target with
/// the same `administrativeStatus` values as the v3 output, so the reader
/// gives back the same roles. The output validates against the TBX v2 core
/// DTD (`validate.sh tbx`, checked by a test), which requires at least one
/// `termEntry`, so the file written for an empty glossary does not validate.
///
/// No `<!DOCTYPE>` is written: the validator names the DTD itself, and a
/// DOCTYPE with a relative system id would make DTD-loading readers look for
/// `TBXcoreStructV02.dtd` next to the output.
pub fn write_v2(glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    write_prologue(out, r#"<martif type="TBX" xml:lang="en">"#, "martifHeader")?;
    for (entry_idx, entry) in glossary.entries.iter().enumerate() {
        writeln!(out, r#"      <termEntry id="c{}">"#, entry_idx + 1)?;
        if let Some(domain) = &entry.domain {
            writeln!(out, r#"        <descrip type="subjectField">{}</descrip>"#, escape(domain))?;
        }
        // The DTD wants at least one `tig` in a langSet, so an empty side is left out.
        if !entry.sources.is_empty() {
            writeln!(out, r#"        <langSet xml:lang="id">"#)?;
            write_sources(out, entry, "tig")?;
            writeln!(out, "        </langSet>")?;
        }
        if targets_with_status(entry).next().is_some() {
            writeln!(out, r#"        <langSet xml:lang="en">"#)?;
            write_targets(out, entry, "tig")?;
            writeln!(out, "        </langSet>")?;
        }
        writeln!(out, "      </termEntry>")?;
    }
    write_epilogue(out, "martif")
}

/// The XML declaration, the root start tag `root`, the header element
/// `header` (`tbxHeader` or `martifHeader`) with the source description,
/// and the opening of `text/body`.
fn write_prologue(out: &mut dyn Write, root: &str, header: &str) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, "{root}")?;
    writeln!(out, "  <{header}>")?;
    writeln!(out, "    <fileDesc>")?;
    writeln!(
        out,
        "      <sourceDesc><p>Indonesian to English glossary written by selaras.</p></sourceDesc>"
    )?;
    writeln!(out, "    </fileDesc>")?;
    writeln!(out, "  </{header}>")?;
    writeln!(out, "  <text>")?;
    writeln!(out, "    <body>")
}

/// Closes `body`, `text` and the root element `root`.
fn write_epilogue(out: &mut dyn Write, root: &str) -> io::Result<()> {
    writeln!(out, "    </body>")?;
    writeln!(out, "  </text>")?;
    writeln!(out, "</{root}>")
}

/// The Indonesian terms of `entry`, each in its own `element` (`termSec` in
/// v3, `tig` in v2); the first carries the matching rules note, if any (see
/// the reader, `formats::tbx`).
fn write_sources(out: &mut dyn Write, entry: &Entry, element: &str) -> io::Result<()> {
    let mut rules = super::tbx::rules_note(entry);
    for source in &entry.sources {
        match rules.take() {
            Some(note) => writeln!(
                out,
                "          <{element}><term>{}</term><note>{}</note></{element}>",
                escape(source),
                escape(&note)
            )?,
            None => writeln!(out, "          <{element}><term>{}</term></{element}>", escape(source))?,
        }
    }
    Ok(())
}

/// The English terms of `entry`, each in its own `element` (`termSec` in v3,
/// `tig` in v2) with its status; the entry's note goes on the first.
fn write_targets(out: &mut dyn Write, entry: &Entry, element: &str) -> io::Result<()> {
    for (target_idx, (target, status)) in targets_with_status(entry).enumerate() {
        writeln!(out, "          <{element}>")?;
        writeln!(out, "            <term>{}</term>", escape(target))?;
        writeln!(out, r#"            <termNote type="administrativeStatus">{status}</termNote>"#)?;
        if target_idx == 0
            && let Some(note) = &entry.note
        {
            writeln!(out, "            <note>{}</note>", escape(note))?;
        }
        writeln!(out, "          </{element}>")?;
    }
    Ok(())
}

/// Every target of `entry` with its TBX `administrativeStatus` value:
/// preferred first, then admitted, then forbidden as deprecated.
fn targets_with_status(entry: &Entry) -> impl Iterator<Item = (&str, &'static str)> {
    entry
        .preferred
        .iter()
        .map(|t| (t.as_str(), "preferredTerm-admn-sts"))
        .chain(entry.admitted.iter().map(|t| (t.as_str(), "admittedTerm-admn-sts")))
        .chain(entry.forbidden.iter().map(|t| (t.as_str(), "deprecatedTerm-admn-sts")))
}
