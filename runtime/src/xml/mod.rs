//! XML layer: the pull reader ([`XmlReader`]), the writer ([`XmlWriter`]), verbatim XML
//! ([`RawXml`]), parser limits ([`Limits`]) and the (de)serialisation traits and helper functions
//! that generated code calls ([`codec`]).

pub mod codec;
pub mod limits;
pub mod raw;
pub mod reader;
pub mod writer;

mod escape;
mod names;

pub use codec::{
    abstract_type, read_attribute, read_defaulted, read_element, read_nillable,
    read_nillable_defaulted, required, required_attribute, skip_unknown, write_attribute,
    write_element, write_nillable, write_optional, write_optional_attribute,
    write_optional_nillable, write_repeated, write_xsi_type, xsi_type, AttributeValue, FromXml,
    Nillable, ToXml, XsdSimple,
};
pub use limits::Limits;
pub use raw::RawXml;
pub use reader::{Start, XmlReader};
pub use writer::XmlWriter;

/// The XML Schema instance namespace (`xsi:nil`, `xsi:type`).
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// The XML Schema namespace (built-in type names).
pub const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema";
/// The namespace bound to the reserved `xml` prefix (`xml:lang`).
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
/// The namespace of namespace declarations (`xmlns`), never used for ordinary names.
pub const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";
