//! The diff view's data: what the translator sees side by side.
//!
//! Takes what the earlier stages produced — units, beads, term hits and
//! findings, gathered into a [`DiffView`] by [`build_view`] from the
//! pipeline's `Checked` result — and adds
//! the one computation of its own: the word-level revision diff of the
//! current draft against an earlier one ([`Revision`]). Data only; drawing
//! it is `render::side_by_side` (terminal) and `render::html` (one page).

pub mod build;
pub mod view;
pub mod words;

pub use build::{Named, build_view};
pub use view::{Block, DiffView, Row, RowKind, TermMark, UnitText, ViewSummary};
pub use words::{JoinedUnits, Revision, WordDiff, WordOp, WordOpKind, diff_words};
