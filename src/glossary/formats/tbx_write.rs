//! Writing TBX v3 (ISO 30042:2019), DCA style, dialect TBX-Basic: one
//! `conceptEntry` per entry, an `id` langSec with every source spelling and
//! an `en` langSec with every target, each target carrying its
//! `administrativeStatus` (preferred, admitted, deprecated for forbidden).
//! The output validates against the TBX core RelaxNG schema
//! (`validate.sh tbx`, checked by a test).

use std::io::{self, Write};

use quick_xml::escape::escape;

use crate::glossary::model::Glossary;

pub fn write(glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">"#
    )?;
    writeln!(out, "  <tbxHeader>")?;
    writeln!(out, "    <fileDesc>")?;
    writeln!(
        out,
        "      <sourceDesc><p>Indonesian to English glossary written by selaras.</p></sourceDesc>"
    )?;
    writeln!(out, "    </fileDesc>")?;
    writeln!(out, "  </tbxHeader>")?;
    writeln!(out, "  <text>")?;
    writeln!(out, "    <body>")?;
    for (entry_idx, entry) in glossary.entries.iter().enumerate() {
        writeln!(out, r#"      <conceptEntry id="c{}">"#, entry_idx + 1)?;
        if let Some(domain) = &entry.domain {
            writeln!(out, r#"        <descrip type="subjectField">{}</descrip>"#, escape(domain.as_str()))?;
        }
        writeln!(out, r#"        <langSec xml:lang="id">"#)?;
        for source in &entry.sources {
            writeln!(out, "          <termSec><term>{}</term></termSec>", escape(source.as_str()))?;
        }
        writeln!(out, "        </langSec>")?;
        writeln!(out, r#"        <langSec xml:lang="en">"#)?;
        let statuses = entry
            .preferred
            .iter()
            .map(|t| (t, "preferredTerm-admn-sts"))
            .chain(entry.admitted.iter().map(|t| (t, "admittedTerm-admn-sts")))
            .chain(entry.forbidden.iter().map(|t| (t, "deprecatedTerm-admn-sts")));
        for (target_idx, (target, status)) in statuses.enumerate() {
            writeln!(out, "          <termSec>")?;
            writeln!(out, "            <term>{}</term>", escape(target.as_str()))?;
            writeln!(out, r#"            <termNote type="administrativeStatus">{status}</termNote>"#)?;
            if target_idx == 0
                && let Some(note) = &entry.note
            {
                writeln!(out, "            <note>{}</note>", escape(note.as_str()))?;
            }
            writeln!(out, "          </termSec>")?;
        }
        writeln!(out, "        </langSec>")?;
        writeln!(out, "      </conceptEntry>")?;
    }
    writeln!(out, "    </body>")?;
    writeln!(out, "  </text>")?;
    writeln!(out, "</tbx>")
}
