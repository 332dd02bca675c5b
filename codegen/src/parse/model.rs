//! The syntax model: a faithful, owned copy of what the WSDL and XSD documents say, with the
//! source position of every definition. Nothing is resolved here; references are still QNames.

use crate::error::Location;

/// A namespace-qualified name, resolved by namespace URI (never by prefix).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QName {
    /// Namespace URI ("" for no namespace).
    pub ns: String,
    /// Local name.
    pub local: String,
}

impl QName {
    /// Builds a QName.
    pub fn new(ns: impl Into<String>, local: impl Into<String>) -> Self {
        Self {
            ns: ns.into(),
            local: local.into(),
        }
    }
}

impl std::fmt::Display for QName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ns.is_empty() {
            f.write_str(&self.local)
        } else {
            write!(f, "{{{}}}{}", self.ns, self.local)
        }
    }
}

/// How often a particle may occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurs {
    /// minOccurs.
    pub min: u64,
    /// maxOccurs; `None` is `unbounded`.
    pub max: Option<u64>,
}

impl Occurs {
    /// Exactly once (the XSD default).
    pub const ONCE: Occurs = Occurs {
        min: 1,
        max: Some(1),
    };
}

/// `form=` on a local element or attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Namespace-qualified.
    Qualified,
    /// No namespace.
    Unqualified,
}

/// An `xs:element` (global or local) or a reference to one.
#[derive(Debug, Clone)]
pub struct ElementDecl {
    /// `name=`, absent for a `ref=`.
    pub name: Option<String>,
    /// `ref=`.
    pub reference: Option<QName>,
    /// `type=`.
    pub type_name: Option<QName>,
    /// An anonymous type defined inside the element.
    pub inline_type: Option<Box<TypeDef>>,
    /// Occurrence (always ONCE for global elements).
    pub occurs: Occurs,
    /// `nillable="true"`.
    pub nillable: bool,
    /// `default=`.
    pub default: Option<String>,
    /// `fixed=`.
    pub fixed: Option<String>,
    /// `form=`.
    pub form: Option<Form>,
    /// `abstract="true"`.
    pub is_abstract: bool,
    /// `substitutionGroup=`.
    pub substitution_group: Option<QName>,
    /// Text of `xs:annotation/xs:documentation`.
    pub doc: Option<String>,
    /// Where it is written.
    pub location: Location,
}

/// An `xs:attribute` (global or local) or a reference to one.
#[derive(Debug, Clone)]
pub struct AttributeDecl {
    /// `name=`, absent for a `ref=`.
    pub name: Option<String>,
    /// `ref=`.
    pub reference: Option<QName>,
    /// `type=`.
    pub type_name: Option<QName>,
    /// An anonymous simple type.
    pub inline_type: Option<Box<SimpleType>>,
    /// `use="required"`.
    pub required: bool,
    /// `use="prohibited"`.
    pub prohibited: bool,
    /// `default=`.
    pub default: Option<String>,
    /// `fixed=`.
    pub fixed: Option<String>,
    /// `form=`.
    pub form: Option<Form>,
    /// `wsdl:arrayType=` on a `soapenc:arrayType` attribute reference: the item type of a SOAP
    /// encoding array (`xsd:string[]` gives `xsd:string`).
    pub array_type: Option<QName>,
    /// Documentation.
    pub doc: Option<String>,
    /// Where it is written.
    pub location: Location,
}

/// What an `xs:complexType` or `xs:attributeGroup` lists as attributes.
#[derive(Debug, Clone, Default)]
pub struct AttributeList {
    /// `xs:attribute` children, in order.
    pub attributes: Vec<AttributeDecl>,
    /// `xs:attributeGroup ref=` children, in order.
    pub group_refs: Vec<(QName, Location)>,
    /// `xs:anyAttribute` is present.
    pub any_attribute: bool,
}

/// A model group or particle.
// The syntax model is built once per definition; boxing the large variants would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Particle {
    /// `xs:sequence`.
    Sequence(Vec<Particle>, Occurs, Location),
    /// `xs:choice`.
    Choice(Vec<Particle>, Occurs, Location),
    /// `xs:all`.
    All(Vec<Particle>, Occurs, Location),
    /// `xs:element`.
    Element(ElementDecl),
    /// `xs:any`.
    Any {
        /// Occurrence.
        occurs: Occurs,
        /// Documentation.
        doc: Option<String>,
        /// Where it is written.
        location: Location,
    },
    /// `xs:group ref=`.
    GroupRef(QName, Occurs, Location),
}

/// The content model of a complex type.
#[derive(Debug, Clone)]
pub enum ComplexContent {
    /// A particle (or nothing) directly inside the complexType.
    Particle(Option<Particle>),
    /// `xs:complexContent/xs:extension` or `xs:restriction`.
    Derived {
        /// `base=`.
        base: QName,
        /// true for extension, false for restriction.
        extension: bool,
        /// The particle the derivation writes.
        particle: Option<Particle>,
        /// Where it is written.
        location: Location,
    },
    /// `xs:simpleContent/xs:extension` or `xs:restriction`.
    Simple {
        /// `base=`.
        base: QName,
        /// Enumerations of a simpleContent restriction.
        enumerations: Vec<String>,
        /// Where it is written.
        location: Location,
    },
}

/// An `xs:complexType`.
#[derive(Debug, Clone)]
pub struct ComplexType {
    /// `name=` (None for anonymous types).
    pub name: Option<String>,
    /// `abstract="true"`.
    pub is_abstract: bool,
    /// `mixed="true"`.
    pub mixed: bool,
    /// The content model.
    pub content: ComplexContent,
    /// Attributes (including those inside an extension/restriction).
    pub attributes: AttributeList,
    /// Documentation.
    pub doc: Option<String>,
    /// Where it is written.
    pub location: Location,
}

/// The variety of a simple type.
#[derive(Debug, Clone)]
pub enum SimpleVariety {
    /// `xs:restriction base=`, with its enumerations (other facets are kept as documentation only).
    Restriction {
        /// The base type (None when the restriction holds an inline simpleType).
        base: Option<QName>,
        /// An inline base type.
        inline_base: Option<Box<SimpleType>>,
        /// `xs:enumeration value=` in order, with their documentation.
        enumerations: Vec<(String, Option<String>)>,
    },
    /// `xs:list itemType=`.
    List {
        /// The item type.
        item: Option<QName>,
        /// An inline item type.
        inline_item: Option<Box<SimpleType>>,
    },
    /// `xs:union memberTypes=`, with its inline member types (`xs:union/xs:simpleType`).
    Union {
        /// The named member types, then the types the inline member types refer to (their
        /// restriction bases, list item types and own union members, however deeply nested).
        /// A union's values are kept as text, so its members are only checked to be defined.
        members: Vec<QName>,
        /// Where the `xs:union` is written.
        location: Location,
    },
}

/// An `xs:simpleType`.
#[derive(Debug, Clone)]
pub struct SimpleType {
    /// `name=` (None for anonymous types).
    pub name: Option<String>,
    /// The variety.
    pub variety: SimpleVariety,
    /// Documentation.
    pub doc: Option<String>,
    /// Where it is written.
    pub location: Location,
}

/// Either kind of type definition.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum TypeDef {
    /// `xs:complexType`.
    Complex(ComplexType),
    /// `xs:simpleType`.
    Simple(SimpleType),
}

/// A named `xs:group`.
#[derive(Debug, Clone)]
pub struct GroupDef {
    /// `name=`.
    pub name: String,
    /// The group's particle.
    pub particle: Option<Particle>,
    /// Where it is written.
    pub location: Location,
}

/// A named `xs:attributeGroup`.
#[derive(Debug, Clone)]
pub struct AttributeGroupDef {
    /// `name=`.
    pub name: String,
    /// Its attributes.
    pub attributes: AttributeList,
    /// Where it is written.
    pub location: Location,
}

/// One `xs:schema`, with the namespace it defines into (chameleon includes already adopted it).
#[derive(Debug, Clone, Default)]
pub struct Schema {
    /// The target namespace ("" for none).
    pub target_ns: String,
    /// `elementFormDefault="qualified"`.
    pub element_form_qualified: bool,
    /// `attributeFormDefault="qualified"`.
    pub attribute_form_qualified: bool,
    /// Global elements.
    pub elements: Vec<ElementDecl>,
    /// Global types.
    pub types: Vec<TypeDef>,
    /// Named groups.
    pub groups: Vec<GroupDef>,
    /// Named attribute groups.
    pub attribute_groups: Vec<AttributeGroupDef>,
    /// Global attributes.
    pub attributes: Vec<AttributeDecl>,
    /// Names of the types, groups and attribute groups this schema redefines (`xs:redefine`):
    /// the redefined file defines them too, which is not a duplicate definition (the loader
    /// removes those originals once it has merged them into the redefinitions that refer to
    /// them).
    pub redefinitions: Vec<String>,
    /// Where each `xs:redefine` of this schema is written (the loader finds by it the file each
    /// one redefines, whose original definitions the redefinitions refer to by their own name).
    pub redefines: Vec<Location>,
    /// Things in the schema that soapgen ignores (unknown or misplaced XML Schema elements), for
    /// the user to see.
    pub notes: Vec<(Location, String)>,
}

/// A `wsdl:part`.
#[derive(Debug, Clone)]
pub struct Part {
    /// `name=`.
    pub name: String,
    /// `element=`.
    pub element: Option<QName>,
    /// `type=`.
    pub type_name: Option<QName>,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:message`.
#[derive(Debug, Clone)]
pub struct Message {
    /// Qualified by the WSDL's target namespace.
    pub name: QName,
    /// Its parts, in order.
    pub parts: Vec<Part>,
    /// Where it is written.
    pub location: Location,
}

/// Input, output or fault of a portType operation.
#[derive(Debug, Clone)]
pub struct OperationMessage {
    /// `name=` (faults always have one).
    pub name: Option<String>,
    /// `message=`.
    pub message: QName,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:portType/wsdl:operation`.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `name=`.
    pub name: String,
    /// `wsdl:documentation`.
    pub doc: Option<String>,
    /// `wsdl:input`.
    pub input: Option<OperationMessage>,
    /// `wsdl:output`.
    pub output: Option<OperationMessage>,
    /// `wsdl:fault`s.
    pub faults: Vec<OperationMessage>,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:portType`.
#[derive(Debug, Clone)]
pub struct PortType {
    /// Qualified name.
    pub name: QName,
    /// `wsdl:documentation`.
    pub doc: Option<String>,
    /// Operations in document order.
    pub operations: Vec<Operation>,
    /// Where it is written.
    pub location: Location,
}

/// SOAP version of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SoapVersion {
    /// `http://schemas.xmlsoap.org/wsdl/soap/`.
    Soap11,
    /// `http://schemas.xmlsoap.org/wsdl/soap12/`.
    Soap12,
}

/// `style=` of a SOAP binding or operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// document.
    Document,
    /// rpc.
    Rpc,
}

/// `soap:header` in a binding operation's input or output.
#[derive(Debug, Clone)]
pub struct HeaderBinding {
    /// `message=`.
    pub message: QName,
    /// `part=`.
    pub part: String,
    /// `use="encoded"`.
    pub encoded: bool,
    /// Where it is written.
    pub location: Location,
}

/// `soap:body` and `soap:header`s of one direction.
#[derive(Debug, Clone, Default)]
pub struct BindingMessage {
    /// `name=` of the binding's `wsdl:input` / `wsdl:output`: with the operation's name, it
    /// tells apart the overloads of an operation name in the port type.
    pub name: Option<String>,
    /// `soap:body parts=` (None = all parts).
    pub body_parts: Option<Vec<String>>,
    /// `use="encoded"`.
    pub encoded: bool,
    /// `namespace=` (rpc).
    pub namespace: Option<String>,
    /// Where the `soap:body` is written.
    pub body_location: Option<Location>,
    /// Headers.
    pub headers: Vec<HeaderBinding>,
    /// The parts bound to MIME content (`mime:content part=` in a `mime:multipartRelated`),
    /// each with where it is bound: attachments, unless `soap:body parts=` lists them.
    pub mime_parts: Vec<(String, Location)>,
}

/// A `wsdl:binding/wsdl:operation/wsdl:fault`: binds the port type operation's fault of the
/// same name.
#[derive(Debug, Clone)]
pub struct BindingFault {
    /// `name=`.
    pub name: String,
    /// `use="encoded"` on its `soap:fault` / `soap12:fault`.
    pub encoded: bool,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:binding/wsdl:operation`.
#[derive(Debug, Clone)]
pub struct BindingOperation {
    /// `name=`.
    pub name: String,
    /// `soapAction=` (None when absent).
    pub soap_action: Option<String>,
    /// `style=` on the operation, falling back to the binding's.
    pub style: Style,
    /// Input side.
    pub input: BindingMessage,
    /// Output side.
    pub output: BindingMessage,
    /// `wsdl:fault`s, in document order.
    pub faults: Vec<BindingFault>,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:binding`.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Qualified name.
    pub name: QName,
    /// `type=` (the portType).
    pub port_type: QName,
    /// The SOAP version, or None for a non-SOAP (HTTP GET/POST, …) binding.
    pub soap: Option<SoapVersion>,
    /// The namespace of the binding's protocol extension element (`soap:binding`,
    /// `http:binding`, …), when it has one.
    pub protocol: Option<String>,
    /// Operations in document order.
    pub operations: Vec<BindingOperation>,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:port`.
#[derive(Debug, Clone)]
pub struct Port {
    /// `name=`.
    pub name: String,
    /// `binding=`.
    pub binding: QName,
    /// `soap:address location=` / `soap12:address location=`.
    pub address: Option<String>,
    /// Where it is written.
    pub location: Location,
}

/// A `wsdl:service`.
#[derive(Debug, Clone)]
pub struct Service {
    /// `name=`.
    pub name: String,
    /// `wsdl:documentation`.
    pub doc: Option<String>,
    /// Its ports.
    pub ports: Vec<Port>,
    /// Where it is written.
    pub location: Location,
}

/// Everything read from one WSDL document (its own definitions, not its imports).
#[derive(Debug, Clone, Default)]
pub struct WsdlDocument {
    /// `targetNamespace=`.
    pub target_ns: String,
    /// Where its `wsdl:definitions` is written.
    pub location: Option<Location>,
    /// Messages.
    pub messages: Vec<Message>,
    /// Port types.
    pub port_types: Vec<PortType>,
    /// Bindings.
    pub bindings: Vec<Binding>,
    /// Services.
    pub services: Vec<Service>,
}

/// The whole input: every WSDL and every schema, from every file reached.
#[derive(Debug, Clone, Default)]
pub struct Definitions {
    /// WSDL documents in load order (the root first).
    pub wsdls: Vec<WsdlDocument>,
    /// Schemas in load order.
    pub schemas: Vec<Schema>,
    /// Notes about things that were deliberately ignored (shown to the user, never silently dropped).
    pub notes: Vec<(Location, String)>,
}
