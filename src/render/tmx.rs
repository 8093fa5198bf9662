//! TMX 1.4b output of `selaras align --format tmx`: beads in, a translation
//! memory out.
//!
//! Only pairing beads (1-1, 2-1, 1-2, 2-2, …) become translation units;
//! omissions, additions and repeats have nothing to pair. Decisions where
//! TMX leaves a choice:
//!
//! * `srclang="id"`, `adminlang="en"`, `datatype="plaintext"`,
//!   `segtype="sentence"`, `o-tmf="selaras"`; the document type names
//!   `tmx14.dtd` so that validators find the DTD;
//! * a bead's units are joined with one space, and every whitespace run
//!   (a line break inside a unit) becomes one space, as a translation memory
//!   expects one-line segments;
//! * each `tu` carries `prop`s with the unit ids and the score
//!   (`x-selaras-source`, `x-selaras-target`, `x-selaras-score`), the TMX way
//!   of adding tool data;
//! * characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) are
//!   replaced by U+FFFD, and `& < > " '` are escaped (`xml::escape`).

use crate::xml::escape as escape_xml;
use std::io::{self, Write};

use super::beads::{Alignment, join, rounded_score};
use crate::align::BeadKind;

/// Writes the TMX document for one aligned pair. `creation_date` is
/// `YYYYMMDDThhmmssZ` (UTC).
pub fn write_tmx(out: &mut (impl Write + ?Sized), alignment: &Alignment<'_>, creation_date: &str) -> io::Result<()> {
    write_tmx_files(out, &[(None, alignment)], creation_date)
}

/// Writes one TMX document for several aligned pairs (a project): their
/// translation units in order, each with an `x-selaras-file` property naming
/// its source file when a name is given.
pub fn write_tmx_files(out: &mut (impl Write + ?Sized), files: &[(Option<&str>, &Alignment<'_>)], creation_date: &str) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<!DOCTYPE tmx SYSTEM "tmx14.dtd">"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="selaras" creationtoolversion="{}" creationdate="{}" datatype="plaintext" segtype="sentence" adminlang="en" srclang="id" o-tmf="selaras"/>"#,
        escape_xml(env!("CARGO_PKG_VERSION")),
        escape_xml(creation_date)
    )?;
    writeln!(out, "  <body>")?;
    let mut tu_number = 0;
    for (name, alignment) in files {
        for bead in alignment.beads.iter().filter(|b| b.kind == BeadKind::Pair) {
            tu_number += 1;
            writeln!(out, r#"    <tu tuid="{tu_number}">"#)?;
            if let Some(name) = name {
                writeln!(out, r#"      <prop type="x-selaras-file">{}</prop>"#, escape_xml(name))?;
            }
            let source_ids = Alignment::ids(&alignment.source, bead.source.clone()).join(" ");
            let target_ids = Alignment::ids(&alignment.target, bead.target.clone()).join(" ");
            writeln!(out, r#"      <prop type="x-selaras-source">{}</prop>"#, escape_xml(&source_ids))?;
            writeln!(out, r#"      <prop type="x-selaras-target">{}</prop>"#, escape_xml(&target_ids))?;
            writeln!(out, r#"      <prop type="x-selaras-score">{}</prop>"#, rounded_score(bead.score))?;
            for (lang, texts) in [
                ("id", Alignment::texts(&alignment.source, bead.source.clone())),
                ("en", Alignment::texts(&alignment.target, bead.target.clone())),
            ] {
                writeln!(
                    out,
                    r#"      <tuv xml:lang="{lang}"><seg>{}</seg></tuv>"#,
                    escape_xml(&join(&texts))
                )?;
            }
            writeln!(out, "    </tu>")?;
        }
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}

/// `YYYYMMDDThhmmssZ` for `seconds` since the Unix epoch (UTC), the date
/// format TMX asks for. Civil-from-days after Howard Hinnant's algorithm.
pub fn tmx_date(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let secs_of_day = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        secs_of_day / 3600,
        secs_of_day / 60 % 60,
        secs_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_tmx_format() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_730_557_380), "20241102T142300Z");
        assert_eq!(tmx_date(951_782_400), "20000229T000000Z");
    }
}
