//! The (de)serialisation traits ([`ToXml`], [`FromXml`], [`XsdSimple`]), [`Nillable`], and the
//! free functions generated code calls to write and read elements and attributes.

use std::borrow::Cow;

use super::reader::{Start, XmlReader};
use super::writer::XmlWriter;
use super::XSI_NS;
use crate::error::{DecodeError, ValueError};

/// A value that can be written as the content of an element.
pub trait ToXml {
    /// Writes attributes, then content/children, of an element whose start tag the caller
    /// opened (and will end).
    fn write_content(&self, w: &mut XmlWriter);

    /// The schema type an `xsi:type` annotation names for this value, as (namespace, local
    /// name); `None` for a type without a name (anonymous types, raw XML).
    fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
        None
    }

    /// Whether the element must say its type even when the writer does not annotate types: a
    /// value of a type derived from the element's declared type (XSD polymorphism).
    fn requires_xsi_type(&self) -> bool {
        false
    }
}

/// A value that can be read from an element.
pub trait FromXml: Sized {
    /// Reads attributes from `start` and consumes the element up to and including its end tag.
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError>;
}

/// An XSD simple type: a value with a lexical (text) form.
pub trait XsdSimple: Sized {
    /// The canonical (or preserved) lexical form.
    fn to_text(&self) -> Cow<'_, str>;
    /// Parses a lexical form.
    fn from_text(text: &str) -> Result<Self, ValueError>;
    /// The schema type `xsi:type` names for values of this type (SOAP encoding annotates
    /// every value): (namespace, local name).
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> = None;
}

impl<T: XsdSimple> ToXml for T {
    fn write_content(&self, w: &mut XmlWriter) {
        w.text(&self.to_text());
    }
    fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
        T::SCHEMA_TYPE
    }
}

impl<T: XsdSimple> FromXml for T {
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
        let text = r.read_text(start)?;
        T::from_text(&text).map_err(|e| DecodeError::invalid_value(start.local(), &text, e))
    }
}

impl ToXml for str {
    fn write_content(&self, w: &mut XmlWriter) {
        w.text(self);
    }
    fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
        String::SCHEMA_TYPE
    }
}

/// A value of a `nillable="true"` element: either `xsi:nil="true"` or a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Nillable<T> {
    /// The element is present with `xsi:nil="true"` (the default).
    #[default]
    Nil,
    /// The element has a value.
    Value(T),
}

impl<T> Nillable<T> {
    /// The value, if not nil.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nillable::Nil => None,
            Nillable::Value(v) => Some(v),
        }
    }

    /// Converts into an `Option`, nil becoming `None`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nillable::Nil => None,
            Nillable::Value(v) => Some(v),
        }
    }

    /// True if nil.
    pub fn is_nil(&self) -> bool {
        matches!(self, Nillable::Nil)
    }
}

impl<T> From<T> for Nillable<T> {
    fn from(value: T) -> Self {
        Nillable::Value(value)
    }
}

impl<T> From<Option<T>> for Nillable<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            Some(v) => Nillable::Value(v),
            None => Nillable::Nil,
        }
    }
}

/// Writes `<local xmlns?="ns">content</local>`.
///
/// The element carries `xsi:type` when the value is of a type derived from the declared one,
/// and, when the writer [annotates types](XmlWriter::set_annotate_types) (SOAP encoding),
/// whenever the value's type has a name.
pub fn write_element<T: ToXml + ?Sized>(w: &mut XmlWriter, ns: &str, local: &str, value: &T) {
    w.start(ns, local);
    if value.requires_xsi_type() || w.annotates_types() {
        if let Some((type_ns, type_local)) = value.xsi_type() {
            write_xsi_type(w, type_ns, type_local);
        }
    }
    value.write_content(w);
    w.end();
}

/// Writes `xsi:type="p:local"` on the open start tag, declaring a prefix for `ns` if needed.
pub fn write_xsi_type(w: &mut XmlWriter, ns: &str, local: &str) {
    let name = w.qname_text(ns, local);
    w.attr(XSI_NS, "type", &name);
}

/// The type `start` names in `xsi:type`, resolved to (namespace, local name); `None` without
/// one.
pub fn xsi_type<'a>(
    r: &XmlReader<'a>,
    start: &Start<'a>,
) -> Result<Option<(String, String)>, DecodeError> {
    match r.attr(start, XSI_NS, "type")? {
        Some(name) => r.resolve_qname(&name).map(Some),
        None => Ok(None),
    }
}

/// The error for an element of an abstract type that does not say, in `xsi:type`, which of the
/// derived types `allowed` it holds (or names another type).
pub fn abstract_type(
    start: &Start<'_>,
    named: Option<(String, String)>,
    abstract_type: &str,
    allowed: &[&str],
) -> DecodeError {
    let said = match named {
        Some((ns, local)) if ns.is_empty() => format!("its xsi:type `{local}` is not one of them"),
        Some((ns, local)) => format!("its xsi:type `{{{ns}}}{local}` is not one of them"),
        None => "it has no xsi:type".to_owned(),
    };
    DecodeError::Custom(format!(
        "element `{}` has the abstract type `{abstract_type}`, so it must say in xsi:type which derived type it holds ({}); {said}",
        start.local(),
        allowed.join(", ")
    ))
}

/// Writes the element when `value` is `Some`; nothing when `None`.
pub fn write_optional<T: ToXml>(w: &mut XmlWriter, ns: &str, local: &str, value: &Option<T>) {
    if let Some(v) = value {
        write_element(w, ns, local, v);
    }
}

/// Writes one element per value.
pub fn write_repeated<T: ToXml>(w: &mut XmlWriter, ns: &str, local: &str, values: &[T]) {
    for v in values {
        write_element(w, ns, local, v);
    }
}

/// Writes the element, `<local xsi:nil="true" />` when nil.
pub fn write_nillable<T: ToXml>(w: &mut XmlWriter, ns: &str, local: &str, value: &Nillable<T>) {
    match value {
        Nillable::Value(v) => write_element(w, ns, local, v),
        Nillable::Nil => {
            w.start(ns, local);
            w.attr(XSI_NS, "nil", "true");
            w.end();
        }
    }
}

/// Writes nothing for `None`, else like [`write_nillable`].
pub fn write_optional_nillable<T: ToXml>(
    w: &mut XmlWriter,
    ns: &str,
    local: &str,
    value: &Option<Nillable<T>>,
) {
    if let Some(v) = value {
        write_nillable(w, ns, local, v);
    }
}

/// A value that can stand in an attribute: every [`XsdSimple`] value, and
/// [`QName`](crate::xsd::QName), whose prefix is resolved against (or declared in) the
/// element's own namespace scope.
pub trait AttributeValue: Sized {
    /// Writes `local="…"` (namespace `ns`) on the open start tag.
    fn write_attribute(&self, w: &mut XmlWriter, ns: &str, local: &str);
    /// Parses the attribute's text, in the namespace scope of the element being read.
    fn parse_attribute(r: &XmlReader<'_>, text: &str) -> Result<Self, ValueError>;
}

impl<T: XsdSimple> AttributeValue for T {
    fn write_attribute(&self, w: &mut XmlWriter, ns: &str, local: &str) {
        w.attr(ns, local, &self.to_text());
    }
    fn parse_attribute(_r: &XmlReader<'_>, text: &str) -> Result<Self, ValueError> {
        T::from_text(text)
    }
}

impl AttributeValue for crate::xsd::QName {
    fn write_attribute(&self, w: &mut XmlWriter, ns: &str, local: &str) {
        let text = w.qname_text(&self.namespace, &self.local);
        w.attr(ns, local, &text);
    }
    fn parse_attribute(r: &XmlReader<'_>, text: &str) -> Result<Self, ValueError> {
        let (namespace, local) = r
            .resolve_qname(text)
            .map_err(|e| ValueError::new("QName", e.to_string()))?;
        Ok(crate::xsd::QName { namespace, local })
    }
}

/// Writes an attribute with the value's lexical form on the open start tag.
pub fn write_attribute<T: AttributeValue>(w: &mut XmlWriter, ns: &str, local: &str, value: &T) {
    value.write_attribute(w, ns, local);
}

/// Writes the attribute when `value` is `Some`.
pub fn write_optional_attribute<T: AttributeValue>(
    w: &mut XmlWriter,
    ns: &str,
    local: &str,
    value: &Option<T>,
) {
    if let Some(v) = value {
        write_attribute(w, ns, local, v);
    }
}

/// Reads an element's value (`T::read_content`).
pub fn read_element<'a, T: FromXml>(
    r: &mut XmlReader<'a>,
    start: &Start<'a>,
) -> Result<T, DecodeError> {
    T::read_content(r, start)
}

/// Reads a nillable element: with `xsi:nil` true its content is skipped and `Nil` returned.
pub fn read_nillable<'a, T: FromXml>(
    r: &mut XmlReader<'a>,
    start: &Start<'a>,
) -> Result<Nillable<T>, DecodeError> {
    if r.is_nil(start)? {
        r.skip(start)?;
        Ok(Nillable::Nil)
    } else {
        T::read_content(r, start).map(Nillable::Value)
    }
}

/// Reads a simple-typed element whose declaration has a `default` (or `fixed`) value: an empty
/// element has that value (XML Schema Structures §3.3.4), so `<retries/>` with `default="3"`
/// is 3, not an invalid int. Content that is only whitespace is not empty.
pub fn read_defaulted<'a, T: XsdSimple>(
    r: &mut XmlReader<'a>,
    start: &Start<'a>,
    default: &str,
) -> Result<T, DecodeError> {
    let text = r.read_text(start)?;
    let text = if text.is_empty() { default } else { &text };
    T::from_text(text).map_err(|e| DecodeError::invalid_value(start.local(), text, e))
}

/// [`read_nillable`] for an element with a default value ([`read_defaulted`]).
pub fn read_nillable_defaulted<'a, T: XsdSimple>(
    r: &mut XmlReader<'a>,
    start: &Start<'a>,
    default: &str,
) -> Result<Nillable<T>, DecodeError> {
    if r.is_nil(start)? {
        r.skip(start)?;
        Ok(Nillable::Nil)
    } else {
        read_defaulted(r, start, default).map(Nillable::Value)
    }
}

/// Reads and parses an attribute; a bad value is [`DecodeError::InvalidValue`] naming the
/// attribute as `@local`.
pub fn read_attribute<'a, T: AttributeValue>(
    r: &XmlReader<'a>,
    start: &Start<'a>,
    ns: &str,
    local: &str,
) -> Result<Option<T>, DecodeError> {
    match r.attr(start, ns, local)? {
        None => Ok(None),
        Some(text) => T::parse_attribute(r, &text)
            .map(Some)
            .map_err(|e| DecodeError::invalid_value(format!("@{local}"), &text, e)),
    }
}

/// Turns a missing required element into [`DecodeError::MissingElement`].
pub fn required<T>(value: Option<T>, parent: &str, name: &str) -> Result<T, DecodeError> {
    value.ok_or_else(|| DecodeError::MissingElement {
        parent: parent.to_owned(),
        name: name.to_owned(),
    })
}

/// Turns a missing required attribute into [`DecodeError::MissingAttribute`].
pub fn required_attribute<T>(value: Option<T>, parent: &str, name: &str) -> Result<T, DecodeError> {
    value.ok_or_else(|| DecodeError::MissingAttribute {
        element: parent.to_owned(),
        name: name.to_owned(),
    })
}

/// Skips an element the schema does not describe (same as [`XmlReader::skip`]).
pub fn skip_unknown<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<(), DecodeError> {
    r.skip(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Default)]
    struct Person {
        id: Option<i32>,
        name: String,
        nick: Option<Nillable<String>>,
        tags: Vec<String>,
    }

    impl ToXml for Person {
        fn write_content(&self, w: &mut XmlWriter) {
            write_optional_attribute(w, "", "id", &self.id);
            write_element(w, "urn:p", "Name", &self.name);
            write_optional_nillable(w, "urn:p", "Nick", &self.nick);
            write_repeated(w, "urn:p", "Tag", &self.tags);
        }
    }

    impl FromXml for Person {
        fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
            let id = read_attribute(r, start, "", "id")?;
            let mut name = None;
            let mut nick = None;
            let mut tags = Vec::new();
            while let Some(child) = r.next_child(start)? {
                match (child.ns(), child.local()) {
                    ("urn:p", "Name") => name = Some(read_element(r, &child)?),
                    ("urn:p", "Nick") => nick = Some(read_nillable(r, &child)?),
                    ("urn:p", "Tag") => tags.push(read_element(r, &child)?),
                    _ => skip_unknown(r, &child)?,
                }
            }
            Ok(Person {
                id,
                name: required(name, start.local(), "Name")?,
                nick,
                tags,
            })
        }
    }

    fn round_trip(p: &Person) -> (String, Person) {
        let mut w = XmlWriter::new();
        write_element(&mut w, "urn:p", "Person", p);
        let xml = w.into_string();
        let mut r = XmlReader::new(&xml);
        let root = r.root().unwrap();
        let back = read_element(&mut r, &root).unwrap();
        (xml, back)
    }

    #[test]
    fn struct_round_trip() {
        let p = Person {
            id: Some(7),
            name: "Ann & Bob".into(),
            nick: Some(Nillable::Nil),
            tags: vec!["a".into(), "".into()],
        };
        let (xml, back) = round_trip(&p);
        assert_eq!(
            xml,
            "<Person xmlns=\"urn:p\" id=\"7\"><Name>Ann &amp; Bob</Name><Nick xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\" /><Tag>a</Tag><Tag /></Person>"
        );
        assert_eq!(back, p);
        let p = Person {
            nick: Some(Nillable::Value("x".into())),
            ..Person::default()
        };
        assert_eq!(round_trip(&p).1, p);
    }

    #[test]
    fn missing_and_invalid() {
        let xml = "<Person xmlns=\"urn:p\" id=\"x\"><Name>a</Name></Person>";
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let err = Person::read_content(&mut r, &root).unwrap_err();
        assert!(
            matches!(err, DecodeError::InvalidValue { ref element, .. } if element == "@id"),
            "{err}"
        );

        let xml = "<Person xmlns=\"urn:p\"><Other><Name>deep</Name></Other></Person>";
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let err = Person::read_content(&mut r, &root).unwrap_err();
        assert_eq!(
            err,
            DecodeError::MissingElement {
                parent: "Person".into(),
                name: "Name".into()
            }
        );
        assert!(matches!(
            required_attribute::<u8>(None, "a", "b"),
            Err(DecodeError::MissingAttribute { .. })
        ));
    }

    #[test]
    fn simple_value_errors_name_the_element() {
        let mut r = XmlReader::new("<Age>abc</Age>");
        let root = r.root().unwrap();
        let err = read_element::<i32>(&mut r, &root).unwrap_err();
        match err {
            DecodeError::InvalidValue {
                element,
                value,
                expected,
                ..
            } => {
                assert_eq!(element, "Age");
                assert_eq!(value, "abc");
                assert_eq!(expected, "int");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defaults_fill_empty_elements() {
        let xml = "<r xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><a/><b></b><c>7</c><d> </d><e i:nil=\"true\"/><f/></r>";
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        fn next<'a>(r: &mut XmlReader<'a>, root: &Start<'a>) -> Start<'a> {
            r.next_child(root).unwrap().unwrap()
        }
        let a = next(&mut r, &root);
        assert_eq!(read_defaulted::<i32>(&mut r, &a, "3").unwrap(), 3);
        let b = next(&mut r, &root);
        assert_eq!(
            read_defaulted::<String>(&mut r, &b, "fast").unwrap(),
            "fast"
        );
        let c = next(&mut r, &root);
        assert_eq!(read_defaulted::<i32>(&mut r, &c, "3").unwrap(), 7);
        let d = next(&mut r, &root);
        assert_eq!(read_defaulted::<String>(&mut r, &d, "x").unwrap(), " ");
        let e = next(&mut r, &root);
        assert_eq!(
            read_nillable_defaulted::<i32>(&mut r, &e, "3").unwrap(),
            Nillable::Nil
        );
        let f = next(&mut r, &root);
        let err = read_defaulted::<i32>(&mut r, &f, "three").unwrap_err();
        assert!(
            matches!(err, DecodeError::InvalidValue { ref element, ref value, .. } if element == "f" && value == "three"),
            "{err}"
        );
    }

    #[test]
    fn nillable_helpers() {
        let n: Nillable<i32> = 5.into();
        assert_eq!(n.value(), Some(&5));
        assert!(!n.is_nil());
        assert_eq!(n.into_option(), Some(5));
        let n: Nillable<i32> = None.into();
        assert!(n.is_nil());
        assert_eq!(Nillable::<i32>::default(), Nillable::Nil);
        let mut w = XmlWriter::new();
        write_nillable(&mut w, "", "v", &Nillable::<i32>::Nil);
        write_optional(&mut w, "", "o", &None::<i32>);
        write_optional_nillable(&mut w, "", "o", &None::<Nillable<i32>>);
        write_element(&mut w, "", "s", "str");
        assert_eq!(
            w.as_str(),
            "<v xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\" /><s>str</s>"
        );
        let mut r = XmlReader::new(
            "<v xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" i:nil=\"1\">ignored</v>",
        );
        let root = r.root().unwrap();
        assert_eq!(read_nillable::<i32>(&mut r, &root).unwrap(), Nillable::Nil);
    }
}
