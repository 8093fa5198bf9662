//! selaras — a translation-assist pipeline for English versions of
//! Indonesian news.
//!
//! The pipeline in five lines:
//!
//! 1. [`segment`] cuts a text into paragraphs and sentence units with stable ids;
//! 2. [`glossary`] finds fixed terms in the source units and says their English;
//! 3. [`align`] pairs source units with the draft's units;
//! 4. [`check`] runs rules over the aligned pairs and returns findings;
//! 5. [`render`] turns units, beads and findings into text, HTML and CI formats.
//!
//! The library never prints; the `selaras` binary (`src/main.rs`, `src/cli/`)
//! is a thin layer over it.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod baseline;
pub mod check;
pub mod diff;
pub mod error;
pub(crate) mod fast_hash;
pub mod finding;
pub mod glossary;
pub mod input;
pub mod numbers;
pub mod paths;
pub mod pipeline;
pub mod project;
pub mod render;
pub mod report;
pub mod segment;
pub mod stream;
pub mod suggest;
pub mod text;
pub mod walk;
pub mod xliff;
pub mod xml;

pub use error::{Error, Result};
