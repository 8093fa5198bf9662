//! Renderers: plain data in, bytes out. Each format is one small wire type
//! (serde) or one writer function; none of them prints on its own — the CLI
//! hands them a `Write`.

pub mod terms;
pub mod units;
