//! The diff view's data: what the translator sees side by side.
//!
//! Takes what the earlier stages produced — units, beads, term hits and
//! findings, already gathered into a [`DiffView`] by the caller — and adds
//! the one computation of its own: the word-level revision diff of the
//! current draft against an earlier one ([`Revision`]). Data only; drawing
//! it is `render::side_by_side` (terminal) and `render::html` (one page).

pub mod view;
pub mod words;

pub use view::{DiffView, Row, Summary, TermMark, UnitText};
pub use words::{JoinedUnits, Revision, WordDiff, WordOp, WordOpKind, diff_words};
