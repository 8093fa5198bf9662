//! `omission.unfinished`: a draft that stops part of the way through its
//! source is work in progress, not a draft with a dozen omissions.
//!
//! A draft *stops* when the source units after the last one the draft
//! translates have no counterpart at all (every later bead is 1-0), and at
//! least `MIN_PENDING` of them need a translation (boilerplate and the
//! copies of a repeated block need none). Such a pair gets one finding at
//! the first untranslated unit ("draft ends at source p8.s1; 9 later source
//! units are not translated yet") instead of one `omission` per later unit:
//! the rule table says that this finding supersedes the `omission` findings
//! from its unit on (`supersedes ["omission"] in SourceOnward`, see
//! `registry`), and `check::run` applies it. This file only says whether
//! and where a draft stops.
//!
//! One untranslated last unit stays an `omission`: a dropped closing
//! sentence is a common slip, and "the draft ends here" would hide it.
//! `CheckConfig::full_draft` (`--full-draft`) says the draft is meant to
//! be complete: then every later unit is an `omission` again, as a CI job
//! that checks delivered translations wants.

use super::{Pair, finding};
use crate::finding::Finding;
use crate::segment::UnitKind;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    OMISSION_UNFINISHED = "omission.unfinished", Warning supersedes ["omission"] in SourceOnward,
        "The draft stops before the end of its source.",
        "The source units after the last one the draft translates have no counterpart at all, and\n\
         two or more of them need a translation (boilerplate and repeated blocks need none): the\n\
         draft is work in progress. One finding says where it ends instead of an omission per later\n\
         unit. One untranslated last unit stays an omission.\n\
         Example: a draft of paragraphs 1-8 of a 17-paragraph article gets \"draft ends at source\n\
         p8.s1; 9 later source units are not translated yet\".";
}

/// Fewest untranslated later units that make a draft unfinished.
const MIN_PENDING: usize = 2;

/// Where a draft stops: the units after its end that need a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    /// Index of the last source unit the draft translates, if any.
    pub last_done: Option<usize>,
    /// Source units after it that need a translation, in order.
    pub pending: Vec<usize>,
}

/// Whether `pair`'s draft stops before the end of its source.
pub fn unfinished(pair: &Pair<'_>) -> Option<Unfinished> {
    let last_with_draft = pair.beads.iter().rposition(|bead| !bead.target.is_empty());
    let tail = &pair.beads[last_with_draft.map_or(0, |idx| idx + 1)..];
    let pending: Vec<usize> = tail
        .iter()
        .filter(|bead| !bead.is_repeat())
        .flat_map(|bead| bead.source.clone())
        .filter(|&idx| {
            let unit = &pair.source.units[idx];
            unit.kind != UnitKind::Boilerplate && unit.repeat_of.is_none()
        })
        .collect();
    if pending.len() < MIN_PENDING {
        return None;
    }
    let last_done = last_with_draft.and_then(|idx| pair.beads[idx].source.clone().max());
    Some(Unfinished { last_done, pending })
}

/// The `omission.unfinished` finding of `pair`, at the first source unit
/// after the draft's end, when the draft stops early.
pub fn finding_of(pair: &Pair<'_>) -> Option<Finding> {
    let unfinished = unfinished(pair)?;
    let first = &pair.source.units[unfinished.pending[0]];
    let n_pending = unfinished.pending.len();
    let message = match unfinished.last_done {
        Some(idx) => format!(
            "draft ends at source {}; {n_pending} later source units are not translated yet",
            pair.source.units[idx].id
        ),
        None => format!("the draft translates nothing yet; {n_pending} source units are not translated"),
    };
    Some(finding(OMISSION_UNFINISHED, message).with_source(unfinished.pending[0], first.id.clone(), first.span))
}
