//! [`RawXml`]: XML kept verbatim (`xs:any`, `xs:anyType` content, fault details, unknown
//! headers).

use super::codec::{FromXml, ToXml};
use super::reader::{Start, XmlReader};
use super::writer::XmlWriter;
use crate::error::DecodeError;

/// A piece of XML kept verbatim. When read by [`XmlReader`] it is self-contained: the namespace
/// bindings it relies on are declared inside it.
///
/// As a [`ToXml`]/[`FromXml`] value it is the *content* of an element (what `xs:anyType`
/// needs): reading keeps everything between the start and end tags, writing emits it as is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct RawXml(String);

impl RawXml {
    /// Wraps a string the caller guarantees is well-formed XML content.
    pub fn new(xml: impl Into<String>) -> Self {
        Self(xml.into())
    }

    /// The XML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Unwraps the XML text.
    pub fn into_string(self) -> String {
        self.0
    }

    /// True when there is no content at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for RawXml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for RawXml {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl ToXml for RawXml {
    fn write_content(&self, w: &mut XmlWriter) {
        w.raw(&self.0);
    }
}

impl FromXml for RawXml {
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
        r.read_inner_raw(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors() {
        let raw = RawXml::new("<a/>");
        assert_eq!(raw.as_str(), "<a/>");
        assert_eq!(raw.to_string(), "<a/>");
        assert!(!raw.is_empty());
        assert!(RawXml::default().is_empty());
        assert_eq!(RawXml::from("<b/>".to_string()).into_string(), "<b/>");
    }

    #[test]
    fn content_round_trip() {
        let xml = r#"<w xmlns:p="urn:p"><v>text<p:x a="1"/><y/></v></w>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let v = r.next_child(&root).unwrap().unwrap();
        let raw = RawXml::read_content(&mut r, &v).unwrap();
        assert_eq!(
            raw.as_str(),
            r#"text<p:x xmlns:p="urn:p" a="1"/><y xmlns:p="urn:p" xmlns=""/>"#
        );
        let mut w = XmlWriter::new();
        w.start("urn:z", "v");
        raw.write_content(&mut w);
        w.end();
        assert_eq!(
            w.as_str(),
            r#"<v xmlns="urn:z">text<p:x xmlns:p="urn:p" a="1"/><y xmlns:p="urn:p" xmlns=""/></v>"#
        );
    }
}
