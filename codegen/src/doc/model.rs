//! The owned description of one service, built from the resolved IR: the same shape as the
//! runtime's [`ServiceDescription`](soapgen_runtime::server::pages::ServiceDescription), with
//! owned strings. The emitter writes it into generated code as static data; `soapgen doc`
//! borrows it as a `ServiceDescription` ([`super::view`]) and renders it.
//!
//! Only the types the service's messages reach are kept, numbered in the order first reached.
//! Enumerations and choices are kept in tables of their own so the borrowed view can be built
//! in a few passes.

use std::collections::{BTreeMap, VecDeque};

use crate::parse::is_xsd_ns;
use crate::parse::model::SoapVersion as WsdlVersion;
use crate::resolve::ir::{
    Builtin, ElementRef, Field, FieldKind, Ir, Occurrence, Operation, Service, StructType, TypeId,
    TypeKind, TypeRef,
};
use soapgen_runtime::server::pages::Occurs;
use soapgen_runtime::SoapVersion;

/// One service's description.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The service name.
    pub name: String,
    /// Its documentation (empty when none).
    pub documentation: String,
    /// Its SOAP addresses, per version.
    pub addresses: Vec<(SoapVersion, String)>,
    /// The root WSDL, cut at the service's addresses (empty when not known).
    pub wsdl: Vec<WsdlPartModel>,
    /// Operations in document order.
    pub operations: Vec<OperationModel>,
    /// Complex types, by index.
    pub types: Vec<TypeModel>,
    /// Enumerations' values, by index.
    pub enumerations: Vec<Vec<String>>,
    /// Choices' alternatives, by index.
    pub choices: Vec<Vec<ElementModel>>,
}

/// A piece of the WSDL text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WsdlPartModel {
    /// Served as it is.
    Text(String),
    /// A `location` attribute value of one of the service's SOAP addresses, as written.
    Address(String),
}

/// One operation.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationModel {
    /// Name.
    pub name: String,
    /// Documentation (empty when none).
    pub documentation: String,
    /// SOAP versions bound, each with its action.
    pub bindings: Vec<(SoapVersion, String)>,
    /// Request.
    pub input: MessageModel,
    /// Response (`None`: one-way).
    pub output: Option<MessageModel>,
}

/// Header and body entries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageModel {
    /// Header entries.
    pub headers: Vec<ElementModel>,
    /// Body entries.
    pub body: Vec<ElementModel>,
}

/// One element.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementModel {
    /// Namespace URI ("" unqualified).
    pub namespace: String,
    /// Local name.
    pub name: String,
    /// Occurrence.
    pub occurs: Occurs,
    /// Content.
    pub content: ContentModel,
}

/// What an element holds.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentModel {
    /// Nothing to show (`xs:anyType`).
    Empty,
    /// A simple value.
    Simple(ValueModel),
    /// A complex type, by index into [`Model::types`].
    Complex(usize),
    /// Raw XML, shown as this placeholder.
    Xml(String),
}

/// A simple value's placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueModel {
    /// A built-in type's name.
    Builtin(&'static str),
    /// `xs:QName`.
    QName,
    /// An enumeration, by index into [`Model::enumerations`].
    Enumeration(usize),
}

/// A complex type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypeModel {
    /// Attributes.
    pub attributes: Vec<AttributeModel>,
    /// Children.
    pub children: Vec<ChildModel>,
    /// Simple content's type.
    pub text: Option<ValueModel>,
}

/// One child of a complex type.
#[derive(Debug, Clone, PartialEq)]
pub enum ChildModel {
    /// An element.
    Element(ElementModel),
    /// A choice, by index into [`Model::choices`].
    Choice(usize),
    /// `xs:any`.
    Any,
}

/// One attribute.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeModel {
    /// Namespace URI ("" unqualified).
    pub namespace: String,
    /// Local name.
    pub name: String,
    /// `use="required"`.
    pub required: bool,
    /// Value placeholder.
    pub value: ValueModel,
}

/// The runtime's version for a WSDL binding version.
pub(crate) fn runtime_version(v: WsdlVersion) -> SoapVersion {
    match v {
        WsdlVersion::Soap11 => SoapVersion::Soap11,
        WsdlVersion::Soap12 => SoapVersion::Soap12,
    }
}

/// Builds the description of `service` (one of `ir.services`); `wsdl` is the root WSDL, already
/// cut at the service's addresses.
pub fn describe(ir: &Ir, service: &Service, wsdl: Vec<WsdlPartModel>) -> Model {
    let mut b = Builder {
        ir,
        complex: BTreeMap::new(),
        enums: BTreeMap::new(),
        queue: VecDeque::new(),
        model: Model {
            name: service.name.clone(),
            documentation: service.doc.clone().unwrap_or_default(),
            addresses: service
                .addresses
                .iter()
                .map(|(v, a)| (runtime_version(*v), a.clone()))
                .collect(),
            wsdl,
            operations: Vec::new(),
            types: Vec::new(),
            enumerations: Vec::new(),
            choices: Vec::new(),
        },
    };
    for op in &service.operations {
        let op = b.operation(service, op);
        b.model.operations.push(op);
    }
    while let Some((id, index)) = b.queue.pop_front() {
        let ty = b.type_model(id);
        b.model.types[index] = ty;
    }
    b.model
}

struct Builder<'ir> {
    ir: &'ir Ir,
    /// IR type → index in `model.types`.
    complex: BTreeMap<TypeId, usize>,
    /// IR enum type → index in `model.enumerations`.
    enums: BTreeMap<TypeId, usize>,
    /// Types numbered but not yet described.
    queue: VecDeque<(TypeId, usize)>,
    model: Model,
}

fn occurs(o: Occurrence) -> Occurs {
    match o {
        Occurrence::Required => Occurs::Required,
        Occurrence::Optional => Occurs::Optional,
        Occurrence::Repeated => Occurs::Repeated,
    }
}

impl Builder<'_> {
    fn operation(&mut self, service: &Service, op: &Operation) -> OperationModel {
        let bindings = service
            .versions
            .iter()
            .map(|v| {
                (
                    runtime_version(*v),
                    op.actions.get(v).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let input = MessageModel {
            headers: op
                .input_headers
                .iter()
                .map(|h| self.top(&h.element))
                .collect(),
            body: if op.input_parts.is_empty() {
                op.input.iter().map(|e| self.top(e)).collect()
            } else {
                op.input_parts.iter().map(|e| self.top(e)).collect()
            },
        };
        let output = op.has_output.then(|| MessageModel {
            headers: op
                .output_headers
                .iter()
                .map(|h| self.top(&h.element))
                .collect(),
            body: if op.output_parts.is_empty() {
                op.output.iter().map(|e| self.top(e)).collect()
            } else {
                op.output_parts.iter().map(|e| self.top(e)).collect()
            },
        });
        OperationModel {
            name: op.name.clone(),
            documentation: op.doc.clone().unwrap_or_default(),
            bindings,
            input,
            output,
        }
    }

    /// A header or body entry.
    fn top(&mut self, e: &ElementRef) -> ElementModel {
        ElementModel {
            namespace: e.name.ns.clone(),
            name: e.name.local.clone(),
            occurs: Occurs::Required,
            content: self.content(&e.ty),
        }
    }

    fn complex_index(&mut self, id: TypeId) -> usize {
        if let Some(&index) = self.complex.get(&id) {
            return index;
        }
        let index = self.model.types.len();
        self.model.types.push(TypeModel::default());
        self.complex.insert(id, index);
        self.queue.push_back((id, index));
        index
    }

    fn enumeration(&mut self, id: TypeId, values: &[(String, Option<String>)]) -> usize {
        if let Some(&index) = self.enums.get(&id) {
            return index;
        }
        let index = self.model.enumerations.len();
        self.model
            .enumerations
            .push(values.iter().map(|(v, _)| v.clone()).collect());
        self.enums.insert(id, index);
        index
    }

    /// What an element of type `r` holds.
    fn content(&mut self, r: &TypeRef) -> ContentModel {
        match self.simple(r) {
            Some(Ok(value)) => ContentModel::Simple(value),
            Some(Err(id)) => ContentModel::Complex(self.complex_index(id)),
            None => ContentModel::Empty,
        }
    }

    /// The placeholder of a simple type; `Err(id)` for a complex type; `None` for anyType.
    /// Aliases and lists resolve to their base or item type.
    fn simple(&mut self, r: &TypeRef) -> Option<Result<ValueModel, TypeId>> {
        let ir = self.ir;
        let mut current = *r;
        // Alias chains are short; the bound only guards against a cycle the resolver let by.
        for _ in 0..64 {
            match current {
                TypeRef::Builtin(Builtin::AnyType) => return None,
                TypeRef::Builtin(Builtin::QName) => return Some(Ok(ValueModel::QName)),
                TypeRef::Builtin(b) => return Some(Ok(ValueModel::Builtin(b.xsd_name()))),
                TypeRef::Named(id) => match &ir.types[id].kind {
                    TypeKind::Struct(_) | TypeKind::Choice(_) => return Some(Err(id)),
                    TypeKind::Enum { values } => {
                        return Some(Ok(ValueModel::Enumeration(self.enumeration(id, values))))
                    }
                    TypeKind::Alias(inner) | TypeKind::List(inner) => current = *inner,
                    // Samples and forms show the declared (base) type.
                    TypeKind::Polymorphic { base, .. } => current = TypeRef::Named(*base),
                },
            }
        }
        Some(Ok(ValueModel::Builtin("string")))
    }

    /// An attribute's or simple content's placeholder (complex or absent types read `string`).
    fn value(&mut self, r: &TypeRef) -> ValueModel {
        match self.simple(r) {
            Some(Ok(value)) => value,
            Some(Err(_)) | None => ValueModel::Builtin("string"),
        }
    }

    fn type_model(&mut self, id: TypeId) -> TypeModel {
        let ir = self.ir;
        match &ir.types[id].kind {
            TypeKind::Struct(st) => self.struct_model(st),
            TypeKind::Polymorphic { base, .. } => self.type_model(*base),
            TypeKind::Choice(fields) => {
                let alternatives = self.alternatives(fields, Occurrence::Required);
                let index = self.model.choices.len();
                self.model.choices.push(alternatives);
                TypeModel {
                    children: vec![ChildModel::Choice(index)],
                    ..TypeModel::default()
                }
            }
            // Simple types are never numbered as complex; keep an empty type if one is.
            TypeKind::Enum { .. } | TypeKind::Alias(_) | TypeKind::List(_) => TypeModel::default(),
        }
    }

    fn struct_model(&mut self, st: &StructType) -> TypeModel {
        let attributes = st
            .attributes
            .iter()
            .map(|a| AttributeModel {
                namespace: a.wire.ns.clone(),
                name: a.wire.local.clone(),
                required: a.required,
                value: self.value(&a.ty),
            })
            .collect();
        let mut children = Vec::new();
        for field in &st.fields {
            match &field.kind {
                FieldKind::Choice(choice) => {
                    let fields = match &self.ir.types[*choice].kind {
                        TypeKind::Choice(fields) => fields.clone(),
                        _ => Vec::new(),
                    };
                    let alternatives = self.alternatives(&fields, field.occurrence);
                    let index = self.model.choices.len();
                    self.model.choices.push(alternatives);
                    children.push(ChildModel::Choice(index));
                }
                FieldKind::Any => children.push(ChildModel::Any),
                FieldKind::Element(_) | FieldKind::Raw => children.push(ChildModel::Element(
                    self.element(field, Occurrence::Required),
                )),
            }
        }
        TypeModel {
            attributes,
            children,
            text: st.text.as_ref().map(|t| self.value(t)),
        }
    }

    /// The elements of a choice (nested choices flattened, wildcards left out), with the
    /// choice's own occurrence applied.
    fn alternatives(&mut self, fields: &[Field], group: Occurrence) -> Vec<ElementModel> {
        let mut out = Vec::new();
        for field in fields {
            match &field.kind {
                FieldKind::Element(_) | FieldKind::Raw => out.push(self.element(field, group)),
                FieldKind::Choice(nested) => {
                    let nested_fields = match &self.ir.types[*nested].kind {
                        TypeKind::Choice(f) => f.clone(),
                        _ => Vec::new(),
                    };
                    let occurrence = field.occurrence.within(group);
                    out.extend(self.alternatives(&nested_fields, occurrence));
                }
                FieldKind::Any => {}
            }
        }
        out
    }

    fn element(&mut self, field: &Field, group: Occurrence) -> ElementModel {
        let content = match &field.kind {
            FieldKind::Element(r) => self.content(r),
            FieldKind::Raw => ContentModel::Xml(
                if is_xsd_ns(&field.wire.ns) && field.wire.local == "schema" {
                    "schema"
                } else {
                    "xml"
                }
                .to_owned(),
            ),
            FieldKind::Choice(_) | FieldKind::Any => ContentModel::Empty,
        };
        ElementModel {
            namespace: field.wire.ns.clone(),
            name: field.wire.local.clone(),
            occurs: occurs(field.occurrence.within(group)),
            content,
        }
    }
}
