//! Renderers: plain data in, bytes out. Each format is one small wire type
//! (serde) or one writer function; none of them prints on its own — the CLI
//! hands them a `Write`.
//!
//! The diff view has two: `side_by_side` for the terminal and `html` for
//! one self-contained page. Both read a `diff::DiffView` and cut its cells
//! into highlighted pieces through `cells`, so they mark the same things.

pub mod beads;
pub mod cells;
pub mod excerpt;
pub mod github;
pub mod glossary_apply;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
mod sha256;
pub mod side_by_side;
pub mod tmx;
pub mod units;
pub mod wrap;
