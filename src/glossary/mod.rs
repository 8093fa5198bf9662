//! The glossary stage: glossary files and segmented source text in, term
//! hits out (which source term occurs where, and which English it needs).
//!
//! * `model` — [`Glossary`], [`Entry`] (source spellings; preferred,
//!   admitted and forbidden targets; case sensitivity; note; domain; match
//!   mode; origin) and the layering of several glossaries.
//! * `formats` — readers and writers for OmegaT TSV, CSV, TBX v2/v3 and the
//!   native JSON format (documented in `formats::json`).
//! * `normalize` — match keys (NFC, whitespace, dashes, apostrophes, case)
//!   with a byte map back to the original.
//! * `matcher` — one Aho-Corasick automaton for every term of every layer;
//!   whole words, enclitics, reduplication, affixes, leftmost-longest.
//! * `english` — whether a required English target is present in a draft.
//! * `apply` — hits per unit, the pre-translation skeleton, counts;
//!   `pipeline` does the same while the text is still being segmented.
//! * `targets` — the glossary's name-like English targets, found in a draft
//!   (what a draft names instead of a missing term).
//! * `lint` — problems in glossary files.
//! * `add` — one term added to a TSV glossary in place (`glossary add`).
//!
//! **Layering.** The shipped glossaries (`glossaries/*.tsv`, compiled in) come
//! first unless turned off; the project's glossaries and every `-g` file are
//! layered over them in the order given. A later layer adds to what earlier
//! ones said about the same source spelling (compared case-insensitively):
//! its first target becomes the preferred one, admitted and forbidden
//! targets add up, its own word wins where they disagree; an entry marked
//! `replace` takes the spelling over instead. The rules are in the `model`
//! module's header; see [`Glossary::layered`].

pub mod add;
pub mod apply;
pub mod english;
pub mod formats;
pub mod lint;
pub mod matcher;
pub mod model;
pub(crate) mod morph;
pub mod normalize;
pub mod parallel;
mod prebuilt;
pub mod problem;
pub mod targets;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use apply::{Occurrence, apply};
pub use english::target_present;
pub use matcher::{Matcher, TermHit};
pub use model::{Entry, Glossary, MatchMode, Origin};
pub use targets::TargetIndex;

use crate::error::Result;

/// The shipped glossaries: display path and contents, in layering order.
pub const SHIPPED: [(&str, &str); 3] = [
    ("glossaries/countries.tsv", include_str!("../../glossaries/countries.tsv")),
    ("glossaries/calendar.tsv", include_str!("../../glossaries/calendar.tsv")),
    ("glossaries/news.tsv", include_str!("../../glossaries/news.tsv")),
];

/// The shipped glossaries, read once a run asks for them through
/// [`builtin`]. [`load`] reads them itself when nothing has yet: a copy of
/// the whole glossary costs about as much as reading it.
static BUILTIN: OnceLock<Glossary> = OnceLock::new();

/// Reads and layers the shipped glossaries.
fn read_shipped() -> Glossary {
    let layers: Vec<Glossary> = SHIPPED
        .iter()
        .map(|(path, text)| {
            let path = Path::new(path);
            // The shipped files are checked by the test `shipped_glossaries_parse`,
            // so a failure here is a build defect, not bad user input.
            formats::tsv::read(text, &mut formats::Reader::strict(path)).unwrap_or_else(|error| panic!("shipped glossary: {error}"))
        })
        .collect();
    Glossary::layered_owned(layers)
}

/// The shipped glossaries, layered in order.
pub fn builtin() -> &'static Glossary {
    BUILTIN.get_or_init(read_shipped)
}

/// The glossary to match with: the shipped one (unless `with_shipped` is
/// false), then every file of `paths` layered over it in order.
pub fn load(paths: &[PathBuf], with_shipped: bool) -> Result<Glossary> {
    let mut layers = Vec::with_capacity(paths.len() + 1);
    if with_shipped {
        layers.push(BUILTIN.get().cloned().unwrap_or_else(read_shipped));
    }
    for path in paths {
        layers.push(formats::read(path)?);
    }
    Ok(Glossary::layered_owned(layers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_glossaries_parse_and_are_nfc_and_duplicate_free() {
        for (path, text) in SHIPPED {
            let mut problems = Vec::new();
            let glossary = formats::tsv::read(text, &mut formats::Reader::lenient(Path::new(path), &mut problems)).unwrap();
            assert!(!glossary.is_empty(), "{path}");
            assert!(unicode_normalization::is_nfc(text), "{path} is not NFC");
            assert!(problems.is_empty(), "{path}: {problems:?}");
        }
        assert!(builtin().entries.iter().any(|e| e.sources[0] == "Korea Utara"));
    }

    #[test]
    fn no_default_glossary_means_only_the_files() {
        let glossary = load(&[], false).unwrap();
        assert!(glossary.is_empty());
        let glossary = load(&[], true).unwrap();
        assert_eq!(glossary.len(), builtin().len());
    }
}
