//! The intermediate representation: every type, element and operation the service uses, with
//! references bound, wire names exact (namespace URI + local name) and occurrences decided.

use crate::error::Location;
use crate::parse::model::{QName, SoapVersion};
use std::collections::BTreeMap;

/// Index into [`Ir::types`].
pub type TypeId = usize;

/// XSD built-in simple types, and `anyType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Builtin {
    String,
    Boolean,
    Byte,
    Short,
    Int,
    Long,
    UnsignedByte,
    UnsignedShort,
    UnsignedInt,
    UnsignedLong,
    Integer,
    Decimal,
    Float,
    Double,
    DateTime,
    Date,
    Time,
    Duration,
    GYear,
    GYearMonth,
    GMonth,
    GDay,
    GMonthDay,
    Base64Binary,
    HexBinary,
    QName,
    /// `xs:anyType` (and elements without a type): kept as raw XML.
    AnyType,
}

impl Builtin {
    /// Maps an XSD built-in local name.
    pub fn from_local(local: &str) -> Option<Builtin> {
        use Builtin::*;
        Some(match local {
            "string" | "normalizedString" | "token" | "language" | "Name" | "NCName" | "ID"
            | "IDREF" | "IDREFS" | "ENTITY" | "ENTITIES" | "NMTOKEN" | "NMTOKENS" | "NOTATION"
            | "anyURI" | "anySimpleType" => String,
            "boolean" => Boolean,
            "byte" => Byte,
            "short" => Short,
            "int" => Int,
            "long" => Long,
            "unsignedByte" => UnsignedByte,
            "unsignedShort" => UnsignedShort,
            "unsignedInt" => UnsignedInt,
            "unsignedLong" => UnsignedLong,
            "integer" | "nonNegativeInteger" | "positiveInteger" | "nonPositiveInteger"
            | "negativeInteger" => Integer,
            "decimal" => Decimal,
            "float" => Float,
            "double" => Double,
            "dateTime" => DateTime,
            "date" => Date,
            "time" => Time,
            "duration" => Duration,
            "gYear" => GYear,
            "gYearMonth" => GYearMonth,
            "gMonth" => GMonth,
            "gDay" => GDay,
            "gMonthDay" => GMonthDay,
            "base64Binary" => Base64Binary,
            "hexBinary" => HexBinary,
            "QName" => QName,
            "anyType" => AnyType,
            _ => return None,
        })
    }

    /// The XSD name, for documentation and placeholders.
    pub fn xsd_name(self) -> &'static str {
        use Builtin::*;
        match self {
            String => "string",
            Boolean => "boolean",
            Byte => "byte",
            Short => "short",
            Int => "int",
            Long => "long",
            UnsignedByte => "unsignedByte",
            UnsignedShort => "unsignedShort",
            UnsignedInt => "unsignedInt",
            UnsignedLong => "unsignedLong",
            Integer => "integer",
            Decimal => "decimal",
            Float => "float",
            Double => "double",
            DateTime => "dateTime",
            Date => "date",
            Time => "time",
            Duration => "duration",
            GYear => "gYear",
            GYearMonth => "gYearMonth",
            GMonth => "gMonth",
            GDay => "gDay",
            GMonthDay => "gMonthDay",
            Base64Binary => "base64Binary",
            HexBinary => "hexBinary",
            QName => "QName",
            AnyType => "anyType",
        }
    }
}

/// A reference to a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// An XSD built-in.
    Builtin(Builtin),
    /// A type of this service.
    Named(TypeId),
}

/// How often a field occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurrence {
    /// Exactly once.
    Required,
    /// Zero or one time.
    Optional,
    /// Any number of times (maxOccurs > 1).
    Repeated,
}

impl Occurrence {
    /// From minOccurs/maxOccurs.
    pub fn from_bounds(min: u64, max: Option<u64>) -> Self {
        match (min, max) {
            (_, None) => Occurrence::Repeated,
            (_, Some(m)) if m > 1 => Occurrence::Repeated,
            (0, _) => Occurrence::Optional,
            _ => Occurrence::Required,
        }
    }

    /// Combines an enclosing group's occurrence with a member's.
    pub fn within(self, group: Occurrence) -> Occurrence {
        match (group, self) {
            (Occurrence::Repeated, _) | (_, Occurrence::Repeated) => Occurrence::Repeated,
            (Occurrence::Optional, _) | (_, Occurrence::Optional) => Occurrence::Optional,
            _ => Occurrence::Required,
        }
    }
}

/// What an element field holds.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// An element of a type.
    Element(TypeRef),
    /// `xs:choice`: one of the variants of the choice type.
    Choice(TypeId),
    /// `xs:any`: elements kept as raw XML.
    Any,
    /// A named element kept whole as raw XML (`<s:element ref="s:schema"/>`, the inline schema
    /// of an ASP.NET DataSet).
    Raw,
}

/// One child element (or choice, or wildcard) of a complex type.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Wire name (namespace URI, "" if unqualified, and local name). For choices and wildcards,
    /// a descriptive local name used only for naming.
    pub wire: QName,
    /// Occurrence.
    pub occurrence: Occurrence,
    /// `nillable="true"`.
    pub nillable: bool,
    /// What it holds.
    pub kind: FieldKind,
    /// `default=` or `fixed=` value, documented.
    pub default: Option<String>,
    /// Documentation.
    pub doc: Option<String>,
}

/// One attribute of a complex type.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// Wire name.
    pub wire: QName,
    /// Simple type.
    pub ty: TypeRef,
    /// `use="required"`.
    pub required: bool,
    /// `default=`/`fixed=` value.
    pub default: Option<String>,
    /// Documentation.
    pub doc: Option<String>,
}

/// A complex type with element content, simple content or both empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructType {
    /// Attributes in document order (inherited first).
    pub attributes: Vec<Attribute>,
    /// `xs:anyAttribute`: other attributes are kept.
    pub any_attribute: bool,
    /// Child elements in schema order (inherited first).
    pub fields: Vec<Field>,
    /// simpleContent: the type of the text.
    pub text: Option<TypeRef>,
    /// The type this one extends, if any (its members are already included above).
    pub base: Option<TypeId>,
    /// The [`TypeKind::Polymorphic`] type that elements declared with this one hold, when
    /// other types derive from it.
    pub held_as: Option<TypeId>,
    /// `mixed="true"`: text between children is not kept (documented on the type).
    pub mixed: bool,
    /// A SOAP encoding array (a restriction of `soapenc:Array`): `fields` holds one repeated
    /// `item`, every child element is an item whatever its name, and this is the item type
    /// written in `soapenc:arrayType`.
    pub soap_array: Option<QName>,
}

/// The kinds of type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// A record of attributes and child elements.
    Struct(StructType),
    /// An enumeration of string values.
    Enum {
        /// Values in schema order, with their documentation.
        values: Vec<(String, Option<String>)>,
    },
    /// A simple type that is its base with facets (facets are documented, not enforced).
    Alias(TypeRef),
    /// `xs:list`: whitespace-separated items.
    List(TypeRef),
    /// `xs:choice`: exactly one of these element fields.
    Choice(Vec<Field>),
    /// A named struct type together with the named types derived from it, which may stand in
    /// its place on the wire when `xsi:type` names them (XSD polymorphism). Element fields whose
    /// declared type is `base` hold this type instead.
    Polymorphic {
        /// The declared (base) type.
        base: TypeId,
        /// Whether the base is `abstract="true"` (it is then not among the variants).
        abstract_base: bool,
        /// The concrete types, each with the schema name `xsi:type` gives it: the base first
        /// (unless abstract), then the derived types in name order.
        variants: Vec<(QName, TypeId)>,
    },
}

/// Where a type came from: its own name, or the element or parent it is nested in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A named global type.
    Named(QName),
    /// The anonymous type of a global element.
    Element(QName),
    /// The body parts of a document-style message with several, side by side in the Body
    /// (the message's local name).
    BodyParts(String),
    /// A named type or any type derived from it (the base).
    Derivations(TypeId),
    /// The head of a substitution group or any element of its group (the head's name).
    SubstitutionGroup(QName),
    /// An anonymous type nested in another type, at the given local name.
    Nested {
        /// The enclosing type.
        parent: TypeId,
        /// The local element/attribute name (or `Choice`).
        name: String,
    },
}

/// One type of the service.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Where it came from (drives its Rust name).
    pub origin: Origin,
    /// What it is.
    pub kind: TypeKind,
    /// Documentation.
    pub doc: Option<String>,
    /// Definition site.
    pub location: Location,
}

/// A global element used as a message part or header.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementRef {
    /// The element's QName (always its wire name).
    pub name: QName,
    /// Its type.
    pub ty: TypeRef,
    /// `nillable="true"`.
    pub nillable: bool,
}

/// A SOAP header of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The part name (drives the Rust name).
    pub part: String,
    /// The header element.
    pub element: ElementRef,
}

/// One operation of a port type, with what its SOAP bindings say.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `name=`.
    pub name: String,
    /// Documentation.
    pub doc: Option<String>,
    /// SOAPAction per SOAP version bound.
    pub actions: BTreeMap<SoapVersion, String>,
    /// The request body element (None for an empty input). With several body parts, the
    /// first part's element name and the synthetic struct of all the parts.
    pub input: Option<ElementRef>,
    /// The request's body parts when there are several (document style), in order.
    pub input_parts: Vec<ElementRef>,
    /// The response body element (None for one-way operations or an empty output); as
    /// `input` for several parts.
    pub output: Option<ElementRef>,
    /// The response's body parts when there are several.
    pub output_parts: Vec<ElementRef>,
    /// Whether there is a `wsdl:output` at all.
    pub has_output: bool,
    /// Request headers.
    pub input_headers: Vec<Header>,
    /// Response headers.
    pub output_headers: Vec<Header>,
    /// The faults the operation declares (`wsdl:fault`), in document order.
    pub faults: Vec<DeclaredFault>,
    /// `use="encoded"` (SOAP encoding): values are written with `xsi:type` annotations.
    pub encoded: bool,
    /// When the request's (first) body part heads a substitution group: every element that may
    /// stand in the Body for it, which routes to this operation as `input`'s name does.
    pub input_alternatives: Vec<QName>,
    /// Definition site.
    pub location: Location,
}

/// A `wsdl:fault` of an operation: its name and the element its detail carries.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredFault {
    /// `name=` of the `wsdl:fault`.
    pub name: String,
    /// The detail element (the fault message's part).
    pub element: ElementRef,
}

/// A port type with the SOAP bindings and addresses that expose it.
#[derive(Debug, Clone)]
pub struct Service {
    /// The `wsdl:service` name (the port type name when no service exposes it).
    pub name: String,
    /// The port type.
    pub port_type: QName,
    /// Documentation (service, else port type).
    pub doc: Option<String>,
    /// SOAP versions bound, in order of preference (the first is the client's default).
    pub versions: Vec<SoapVersion>,
    /// Address per SOAP version.
    pub addresses: BTreeMap<SoapVersion, String>,
    /// Operations in document order.
    pub operations: Vec<Operation>,
}

/// The resolved service description.
#[derive(Debug, Clone, Default)]
pub struct Ir {
    /// All types used, in the order first reached.
    pub types: Vec<TypeDef>,
    /// Services (one per SOAP-bound port type).
    pub services: Vec<Service>,
    /// Notes for the user (ignored bindings and the like).
    pub notes: Vec<(Location, String)>,
}
