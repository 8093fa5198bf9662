//! Renderers: plain data in, bytes out. Each format is one small wire type
//! (serde) or one writer function; none of them prints on its own — the CLI
//! hands them a `Write`.

pub mod beads;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod report;
pub mod sarif;
pub mod terms;
pub mod tmx;
pub mod units;

/// Escapes text for XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids, even escaped, are replaced.
            '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}
