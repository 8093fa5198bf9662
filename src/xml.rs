//! XML in and out. [`escape`] is the one escape of every XML and HTML output
//! (XLIFF, TMX, TBX, JUnit, the diff page); the `pub(crate)` helpers over
//! quick-xml start tags are shared by the XML readers (TBX glossaries and
//! XLIFF).
//!
//! **Characters XML cannot hold.** XML 1.0 admits tab, line feed, carriage
//! return and U+0020 upwards, less U+FFFE and U+FFFF (surrogates cannot
//! occur in a Rust string). Any other character is an error for every
//! parser, even written as a character reference, so a file holding one is
//! no XML at all. HTML rejects the same C0 controls and also DEL and the C1
//! controls (U+007F–U+009F), which XML 1.0 discourages and XML 1.1 admits
//! only as references. [`escape`] writes each of these as U+FFFD, the
//! replacement character, rather than dropping it: dropping would silently
//! join the words around it (`a\u{1}b` → `ab`) and shift what a reader sees
//! against the source, while U+FFFD keeps a visible mark of one character
//! where the input had one that could not be written. Such characters only
//! come from broken input (a stray escape, text decoded with the wrong
//! code page), and `glossary lint` reports them in glossaries as
//! `control-character`.

use std::fmt;

use quick_xml::events::BytesStart;
use quick_xml::events::attributes::Attribute;

/// Escapes `text` for XML (and HTML) element content and quoted attribute
/// values alike: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;` (the
/// numeric form of the apostrophe is valid in XML and every HTML version),
/// and characters XML or HTML cannot hold become U+FFFD (see the module
/// header). The result is written as it is formatted, without a copy.
pub fn escape(text: &str) -> Escaped<'_> {
    Escaped(text)
}

/// Text that is escaped as it is written (`Display`); see [`escape`].
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(&'a str);

/// Whether XML 1.0 forbids `c`, or HTML forbids it and XML discourages it.
fn unwritable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(|c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || unwritable(c)) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().expect("found a char");
            f.write_str(match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => "\u{FFFD}",
            })?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// The element's name without its namespace prefix.
pub(crate) fn local_name(element: &BytesStart<'_>) -> String {
    element.local_name().as_ref().to_string()
}

/// The unescaped value of the attribute named `name` as written, prefix
/// included (`xml:lang`).
pub(crate) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    find_attribute(element, |attr| attr.key.as_ref() == name)
}

/// The unescaped value of the attribute whose local name is `name`, whatever
/// its prefix.
pub(crate) fn attribute_by_local_name(element: &BytesStart<'_>, name: &str) -> Option<String> {
    find_attribute(element, |attr| attr.key.local_name().as_ref() == name)
}

fn find_attribute(element: &BytesStart<'_>, wanted: impl Fn(&Attribute<'_>) -> bool) -> Option<String> {
    element.attributes().flatten().find(|attr| wanted(attr)).and_then(|attr| {
        attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|value| value.into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_entities() {
        assert_eq!(
            escape(r#"a<b & "c" 'd'>"#).to_string(),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
        assert_eq!(escape("Korea Utara “10.000”").to_string(), "Korea Utara “10.000”");
        // What the diff page's hostile-text test feeds it: no markup survives,
        // in content or in a quoted attribute.
        let hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> </td></tr> \"'& \u{0}";
        let escaped = escape(hostile).to_string();
        assert!(!escaped.contains(['<', '>', '"', '\'', '\u{0}']), "{escaped}");
    }

    #[test]
    fn issue_15_item_4_characters_xml_cannot_hold_become_the_replacement_character() {
        // Every C0 control but tab, line feed and carriage return; DEL and
        // the C1 controls; the two noncharacters XML 1.0 excludes.
        for c in (0u32..0x20).chain(0x7F..0xA0).chain([0xFFFE, 0xFFFF]).filter_map(char::from_u32) {
            let expected = if matches!(c, '\t' | '\n' | '\r') {
                format!("a{c}b")
            } else {
                "a\u{FFFD}b".to_string()
            };
            assert_eq!(escape(&format!("a{c}b")).to_string(), expected, "U+{:04X}", c as u32);
        }
        // What XML admits stays as it is, astral characters included.
        let admitted = "\u{A0}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF} é 한";
        assert_eq!(escape(admitted).to_string(), admitted);
    }
}
