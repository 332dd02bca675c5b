//! `xs:QName` ([`QName`]): a namespace URI and local name, written and read through the
//! prefixes in scope where the value appears.

use std::fmt;

use crate::error::DecodeError;
use crate::xml::{FromXml, Start, ToXml, XmlReader, XmlWriter};

/// An expanded qualified name `{namespace}local`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct QName {
    /// The namespace URI (`""` for none).
    pub namespace: String,
    /// The local name.
    pub local: String,
}

impl QName {
    /// Builds a QName.
    pub fn new(namespace: impl Into<String>, local: impl Into<String>) -> Self {
        QName {
            namespace: namespace.into(),
            local: local.into(),
        }
    }
}

/// Clark notation: `{namespace}local`, or `local` without a namespace.
impl fmt::Display for QName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.is_empty() {
            f.write_str(&self.local)
        } else {
            write!(f, "{{{}}}{}", self.namespace, self.local)
        }
    }
}

impl ToXml for QName {
    fn write_content(&self, w: &mut XmlWriter) {
        let text = w.qname_text(&self.namespace, &self.local);
        w.text(&text);
    }
    fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
        Some((crate::xml::XSD_NS, "QName"))
    }
}

impl FromXml for QName {
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
        let text = r.read_text(start)?;
        let (namespace, local) = r
            .resolve_qname(&text)
            .map_err(|e| DecodeError::InvalidValue {
                element: start.local().to_owned(),
                value: crate::error::truncate_chars(&text, crate::error::MAX_VALUE_EXCERPT)
                    .to_owned(),
                expected: "QName",
                reason: e.to_string(),
            })?;
        Ok(QName { namespace, local })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::{read_element, write_element};

    #[test]
    fn round_trip_declares_prefix() {
        let q = QName::new("urn:codes", "Bad");
        let mut w = XmlWriter::new();
        write_element(&mut w, "urn:x", "Code", &q);
        let xml = w.into_string();
        assert_eq!(
            xml,
            "<Code xmlns=\"urn:x\" xmlns:ns1=\"urn:codes\">ns1:Bad</Code>"
        );
        let mut r = XmlReader::new(&xml);
        let root = r.root().unwrap();
        assert_eq!(read_element::<QName>(&mut r, &root).unwrap(), q);
    }

    #[test]
    fn default_namespace_and_errors() {
        let mut r = XmlReader::new("<a xmlns=\"urn:d\"><c>Local</c><d>zz:x</d></a>");
        let root = r.root().unwrap();
        let c = r.next_child(&root).unwrap().unwrap();
        assert_eq!(
            read_element::<QName>(&mut r, &c).unwrap(),
            QName::new("urn:d", "Local")
        );
        let d = r.next_child(&root).unwrap().unwrap();
        let err = read_element::<QName>(&mut r, &d).unwrap_err();
        assert!(matches!(err, DecodeError::InvalidValue { ref element, .. } if element == "d"));
        assert_eq!(QName::new("urn:a", "b").to_string(), "{urn:a}b");
        assert_eq!(QName::new("", "b").to_string(), "b");
    }
}
