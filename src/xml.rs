//! Small helpers over quick-xml start tags, shared by the XML readers (TBX
//! glossaries and XLIFF).

use quick_xml::events::BytesStart;
use quick_xml::events::attributes::Attribute;

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
