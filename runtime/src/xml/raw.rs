//! [`RawXml`]: XML kept verbatim (`xs:any`, `xs:anyType` content, fault details, unknown
//! headers).

use super::codec::{FromXml, ToXml};
use super::reader::{uses_prefix, Start, XmlReader};
use super::writer::XmlWriter;
use crate::error::DecodeError;

/// A piece of XML kept verbatim. When read by [`XmlReader`] it is self-contained: the namespace
/// bindings it relies on are declared inside it.
///
/// As a [`ToXml`]/[`FromXml`] value it is the *content* of an element (what `xs:anyType`
/// needs): reading keeps everything between the start and end tags, and the element's own
/// attributes ([`attributes`](Self::attributes); `xs:anyType` allows any, `xsi:type` among
/// them), with the namespace bindings their values refer to; writing emits them as they were.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct RawXml {
    xml: String,
    attributes: Vec<(String, String, String)>,
    /// `(prefix, namespace)` bindings that attribute values may refer to (QName values such as
    /// `xsi:type="xsd:int"`), declared again when written.
    declarations: Vec<(String, String)>,
}

impl RawXml {
    /// Wraps a string the caller guarantees is well-formed XML content.
    pub fn new(xml: impl Into<String>) -> Self {
        Self {
            xml: xml.into(),
            ..Self::default()
        }
    }

    /// Adds attributes of the element whose content this is, as (namespace, local name,
    /// value); written before the content. A QName value's prefix must be bound where the
    /// element is written.
    pub fn with_attributes(mut self, attributes: Vec<(String, String, String)>) -> Self {
        self.attributes = attributes;
        self
    }

    /// The XML text (the content, without the element's attributes).
    pub fn as_str(&self) -> &str {
        &self.xml
    }

    /// The attributes of the element whose content this is, as (namespace, local name, value),
    /// in document order (empty unless read as an element's value, or set).
    pub fn attributes(&self) -> &[(String, String, String)] {
        &self.attributes
    }

    /// Unwraps the XML text (the content, without the element's attributes).
    pub fn into_string(self) -> String {
        self.xml
    }

    /// True when there is no content at all (attributes aside).
    pub fn is_empty(&self) -> bool {
        self.xml.is_empty()
    }
}

impl std::fmt::Display for RawXml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.xml)
    }
}

impl From<String> for RawXml {
    fn from(s: String) -> Self {
        Self::new(s)
    }
}

impl ToXml for RawXml {
    fn write_content(&self, w: &mut XmlWriter) {
        for (prefix, ns) in &self.declarations {
            w.declare_prefix(prefix, ns);
        }
        for (ns, local, value) in &self.attributes {
            w.attr(ns, local, value);
        }
        w.raw(&self.xml);
    }
}

impl FromXml for RawXml {
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
        let attributes = r.attrs(start)?;
        let declarations = if attributes.is_empty() {
            Vec::new()
        } else {
            r.in_scope_namespaces()
                .into_iter()
                .filter(|(prefix, _)| {
                    !prefix.is_empty()
                        && attributes
                            .iter()
                            .any(|(_, _, value)| uses_prefix(value, prefix))
                })
                .collect()
        };
        let content = r.read_inner_raw(start)?;
        Ok(Self {
            xml: content.xml,
            attributes,
            declarations,
        })
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
    fn element_attributes_round_trip() {
        // xsi:type (a QName value using a prefix of the peer's) and a plain attribute on an
        // xs:anyType element come back, the prefix declared where it is written.
        let xml = r#"<w xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="http://www.w3.org/2001/XMLSchema" xmlns:u="urn:unused"><v i:type="x:string" note="n">hi</v></w>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let v = r.next_child(&root).unwrap().unwrap();
        let raw = RawXml::read_content(&mut r, &v).unwrap();
        assert_eq!(raw.as_str(), "hi");
        assert_eq!(
            raw.attributes(),
            [
                (
                    crate::xml::XSI_NS.to_string(),
                    "type".to_string(),
                    "x:string".to_string()
                ),
                (String::new(), "note".to_string(), "n".to_string()),
            ]
        );
        assert_ne!(raw, RawXml::new("hi"));
        let mut w = XmlWriter::new();
        w.start("urn:z", "v");
        raw.write_content(&mut w);
        w.end();
        assert_eq!(
            w.as_str(),
            r#"<v xmlns="urn:z" xmlns:x="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="x:string" note="n">hi</v>"#
        );
        let with = RawXml::new("c").with_attributes(vec![("".into(), "a".into(), "1".into())]);
        assert_eq!(with.attributes().len(), 1);
        assert_eq!(with.to_string(), "c");
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
