//! XLIFF: export a source (and an aligned draft) for CAT tools, and read a
//! bilingual XLIFF back to check its source/target pairs.
//!
//! **Export** (`build` + `write`) takes what the pipeline found for one pair
//! ([`Checked`]) and gives one XLIFF file, 1.2 (strict schema) or 2.0 (core
//! plus the Glossary module). Decisions where the brief and the standards
//! leave a choice:
//!
//! * One XLIFF unit per source unit, with the unit id (`p3.s1`) as its id;
//!   each source paragraph is a `<group id="p3">`, in both versions.
//! * The target is the aligned draft text: the draft unit of a 1-1 bead;
//!   the draft units of a 1-n split joined with one space; for an n-1 merge
//!   the whole draft text on the first source unit, and a note "translated
//!   together with p15.s1" on the others, which get no target. A draft
//!   sentence the aligner paired with nothing (an addition) is appended to
//!   the target of the source unit before it, so that no draft text is lost.
//! * State: `translated`, or where a check found an error on the unit, 1.2
//!   `needs-review-translation` and 2.0 `translated` + `subState="selaras:needs-review"`
//!   (2.0 has no review state of its own below `reviewed`).
//! * Boilerplate units and the copies of a block the scraper repeated (when
//!   the draft left them untranslated, or when there is no draft) are
//!   `translate="no"`: nobody should translate them. Every unit that repeats
//!   an earlier one carries a note "repeats p4.s1".
//! * Findings become notes: 1.2 `<note from="selaras" priority="1|3|5" annotates="target">`
//!   (error, warning, info), 2.0 `<note category="selaras:RULE" priority=…>`.
//!   The rule id opens the 1.2 note text, since 1.2 notes have no category.
//! * Glossary hits: 2.0 uses the Glossary module (`gls:glossary`, first in the
//!   unit as the schema requires); 1.2 has no such module, so each hit is a
//!   note `from="selaras-glossary" annotates="source"`.
//! * `srcLang`/`source-language` is `id`, `trgLang`/`target-language` `en`.
//! * Version 1.2 is the default: Trados Studio, memoQ, Phrase and OmegaT (via
//!   Okapi) all read 1.2, while 2.0 support is still patchy in the tools our
//!   translators use.
//!
//! **Import** (`read`) parses a bilingual XLIFF 1.2 or 2.0 file without
//! resolving DTDs or entities, and `check` runs the plain-text checks on its
//! unit pairs, mapping findings back to positions in the `.xlf` file.

mod build;
pub mod check;
pub mod read;
mod write;

pub use build::{ExportUnit, Gloss, Note, build};
pub use check::check_xliff;
pub use read::{Code, Content, XliffFile, XliffUnit, parse};
pub use write::write;

/// The XLIFF version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    #[default]
    V12,
    V20,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V12 => "1.2",
            Version::V20 => "2.0",
        }
    }
}

#[cfg(test)]
mod tests;
