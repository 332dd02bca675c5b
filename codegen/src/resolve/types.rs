//! Resolves schema components into IR types: binds type, element, group and attribute
//! references, flattens groups and extensions, and decides every wire name and occurrence.

use super::index::{InSchema, Index};
use super::ir::*;
use crate::error::{Diagnostic, Location, Result};
use crate::parse::model::{self as syn, QName};
use crate::parse::XSD_NS;
use std::collections::{HashMap, HashSet};

/// The SOAP 1.1 encoding namespace, whose simple types mirror the XSD built-ins.
const SOAP_ENC_NS: &str = "http://schemas.xmlsoap.org/soap/encoding/";
/// The SOAP 1.2 encoding namespace.
const SOAP12_ENC_NS: &str = "http://www.w3.org/2003/05/soap-encoding";

/// Builds IR types on demand, each once.
pub struct TypeResolver<'d> {
    pub index: &'d Index<'d>,
    pub types: Vec<TypeDef>,
    named: HashMap<QName, TypeId>,
    /// Derived types whose base was not complete when they were built:
    /// (derived, base, is extension, where the derivation is written).
    pending: Vec<(TypeId, TypeId, bool, Location)>,
    /// Notes for the user (namespaces without a schema, …).
    pub notes: Vec<(Location, String)>,
    element_types: HashMap<QName, TypeId>,
    in_progress: HashSet<TypeId>,
    /// The anonymous types of local elements being built, by their definition in the syntax
    /// model: a group that contains itself through such an element reaches it again.
    local_in_progress: HashMap<*const syn::TypeDef, TypeId>,
    /// The choice type of each substitution group head referenced so far.
    pub(super) substitution_groups: HashMap<QName, TypeId>,
    /// Each substitution group head with the elements that name it in `substitutionGroup=`,
    /// in name order; built once, when first asked for.
    pub(super) substitution_children: Option<HashMap<QName, Vec<QName>>>,
}

fn undefined(what: &str, name: &QName, at: &Location) -> Diagnostic {
    Diagnostic::new(at.clone(), format!("{what} `{name}` is not defined")).with_hint(
        "check the spelling and namespace prefix, and that the schema defining it is imported (xs:import with schemaLocation)",
    )
}

/// The built-in types XML Schema 1.1 adds.
const XSD11_TYPES: [&str; 5] = [
    "anyAtomicType",
    "dateTimeStamp",
    "dayTimeDuration",
    "yearMonthDuration",
    "error",
];

/// A name in the XML Schema namespace that is not one of its built-in types (a typo: the
/// namespace always "has a schema", so this is never kept as raw XML).
fn not_builtin(name: &QName, at: &Location) -> Diagnostic {
    Diagnostic::new(
        at.clone(),
        format!("`{}` is not a built-in type of XML Schema", name.local),
    )
    .with_hint("check the spelling, which is case-sensitive: string, int, long, boolean, decimal, double, dateTime, base64Binary, …")
}

impl<'d> TypeResolver<'d> {
    /// A resolver over `index`.
    pub fn new(index: &'d Index<'d>) -> Self {
        Self {
            index,
            types: Vec::new(),
            named: HashMap::new(),
            pending: Vec::new(),
            notes: Vec::new(),
            element_types: HashMap::new(),
            in_progress: HashSet::new(),
            local_in_progress: HashMap::new(),
            substitution_groups: HashMap::new(),
            substitution_children: None,
        }
    }

    fn placeholder(&mut self, origin: Origin, location: Location) -> TypeId {
        self.types.push(TypeDef {
            origin,
            kind: TypeKind::Alias(TypeRef::Builtin(Builtin::String)),
            doc: None,
            location,
        });
        self.types.len() - 1
    }

    /// Gives every derived type that had to wait the members of its base, bases first; a cycle
    /// of derivations is an error.
    pub fn finish(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let mut done = std::collections::HashSet::new();
        for entry in &pending {
            self.inherit(entry.0, &pending, &mut done, &mut Vec::new())?;
        }
        Ok(())
    }

    fn inherit(
        &mut self,
        id: TypeId,
        pending: &[(TypeId, TypeId, bool, Location)],
        done: &mut std::collections::HashSet<TypeId>,
        visiting: &mut Vec<TypeId>,
    ) -> Result<()> {
        let Some((_, base, extension, location)) = pending.iter().find(|p| p.0 == id) else {
            return Ok(());
        };
        if done.contains(&id) {
            return Ok(());
        }
        if visiting.contains(&id) {
            return Err(
                Diagnostic::new(location.clone(), "type derivation is circular")
                    .with_hint(
                        "a type cannot extend or restrict itself, directly or through others",
                    )
                    .into(),
            );
        }
        visiting.push(id);
        self.inherit(*base, pending, done, visiting)?;
        visiting.pop();
        let TypeKind::Struct(base_struct) = self.types[*base].kind.clone() else {
            done.insert(id);
            return Ok(());
        };
        if let TypeKind::Struct(st) = &mut self.types[id].kind {
            let mut attributes = base_struct.attributes;
            for own in std::mem::take(&mut st.attributes) {
                match attributes.iter_mut().find(|a| a.wire == own.wire) {
                    Some(existing) => *existing = own,
                    None => attributes.push(own),
                }
            }
            st.attributes = attributes;
            st.any_attribute |= base_struct.any_attribute;
            if st.text.is_none() {
                st.text = base_struct.text;
            }
            if *extension {
                let own = std::mem::take(&mut st.fields);
                st.fields = base_struct.fields;
                st.fields.extend(own);
            }
        }
        done.insert(id);
        Ok(())
    }

    /// Whether no schema at all was loaded for `ns` (an `xs:import` without a location, or a
    /// well-known namespace whose remote import was skipped). References into such a namespace
    /// are kept as raw XML, with one note per namespace; a missing name in a namespace that
    /// *has* a schema stays an error (it is a typo or a broken schema).
    fn unavailable(&mut self, ns: &str, at: &Location) -> bool {
        if ns.is_empty() || self.index.namespaces.contains(ns) {
            return false;
        }
        let note = format!("no schema is available for namespace `{ns}`: what the service uses from it is kept as raw XML (map its location to a local file for typed code)");
        if !self.notes.iter().any(|(_, n)| *n == note) {
            self.notes.push((at.clone(), note));
        }
        true
    }

    /// A struct made up by the resolver (an rpc-style message wrapper), not written in a schema.
    pub fn synthetic_struct(
        &mut self,
        origin: Origin,
        fields: Vec<Field>,
        location: Location,
    ) -> TypeId {
        self.types.push(TypeDef {
            origin,
            kind: TypeKind::Struct(StructType {
                fields,
                ..StructType::default()
            }),
            doc: None,
            location,
        });
        self.types.len() - 1
    }

    /// An empty choice type, to be filled by the caller (recursion may reach it meanwhile).
    pub(super) fn synthetic_choice(&mut self, origin: Origin, location: Location) -> TypeId {
        self.types.push(TypeDef {
            origin,
            kind: TypeKind::Choice(Vec::new()),
            doc: None,
            location,
        });
        self.types.len() - 1
    }

    /// A reference to the type named `name`.
    pub fn type_ref(&mut self, name: &QName, at: &Location) -> Result<TypeRef> {
        if name.ns == XSD_NS || name.ns == SOAP_ENC_NS {
            if let Some(b) = Builtin::from_local(&name.local) {
                return Ok(TypeRef::Builtin(b));
            }
        }
        if name.ns == SOAP_ENC_NS || name.ns == SOAP12_ENC_NS {
            match name.local.as_str() {
                "base64" => return Ok(TypeRef::Builtin(Builtin::Base64Binary)),
                // Untyped encoding containers: kept as raw XML.
                "Array" | "Struct" => return Ok(TypeRef::Builtin(Builtin::AnyType)),
                _ => {}
            }
        }
        if let Some(&id) = self.named.get(name) {
            return Ok(TypeRef::Named(id));
        }
        let Some(found) = self.index.types.get(name).copied() else {
            if name.ns == XSD_NS {
                if XSD11_TYPES.contains(&name.local.as_str()) {
                    let note = format!("`{}` is an XML Schema 1.1 type, which soapgen does not support: its values are kept as strings", name.local);
                    if !self.notes.iter().any(|(_, n)| *n == note) {
                        self.notes.push((at.clone(), note));
                    }
                    return Ok(TypeRef::Builtin(Builtin::String));
                }
                return Err(not_builtin(name, at).into());
            }
            if self.unavailable(&name.ns, at) {
                return Ok(TypeRef::Builtin(Builtin::AnyType));
            }
            return Err(undefined("type", name, at).into());
        };
        let (location, doc) = match found.def {
            syn::TypeDef::Complex(c) => (c.location.clone(), c.doc.clone()),
            syn::TypeDef::Simple(s) => (s.location.clone(), s.doc.clone()),
        };
        let id = self.placeholder(Origin::Named(name.clone()), location);
        self.named.insert(name.clone(), id);
        self.types[id].doc = doc;
        self.fill(id, found.def, found.schema)?;
        Ok(TypeRef::Named(id))
    }

    /// Builds the kind of the placeholder `id` from `def`; while it is being built, `id` is
    /// marked in progress so that circular derivations are caught.
    fn fill(&mut self, id: TypeId, def: &syn::TypeDef, schema: &syn::Schema) -> Result<()> {
        self.in_progress.insert(id);
        let kind = self.type_kind(def, schema, id)?;
        self.in_progress.remove(&id);
        self.types[id].kind = kind;
        Ok(())
    }

    fn type_kind(
        &mut self,
        def: &syn::TypeDef,
        schema: &syn::Schema,
        id: TypeId,
    ) -> Result<TypeKind> {
        match def {
            syn::TypeDef::Complex(c) => self.complex(c, schema, id),
            syn::TypeDef::Simple(s) => self.simple(s, id),
        }
    }

    fn anonymous(
        &mut self,
        def: &syn::TypeDef,
        schema: &syn::Schema,
        origin: Origin,
    ) -> Result<TypeId> {
        let (location, doc) = match def {
            syn::TypeDef::Complex(c) => (c.location.clone(), c.doc.clone()),
            syn::TypeDef::Simple(s) => (s.location.clone(), s.doc.clone()),
        };
        let id = self.placeholder(origin, location);
        self.types[id].doc = doc;
        self.fill(id, def, schema)?;
        Ok(id)
    }

    /// The anonymous type of a local element. A group's elements are built each time the group
    /// is expanded, and a group may contain itself through a local element's anonymous type
    /// (`<xs:group name="g"><xs:choice><xs:element name="e"><xs:complexType><xs:sequence>
    /// <xs:group ref="g"/>…`): reached again while it is being built, the type is the one being
    /// built, a recursive type like a named one referring to itself.
    fn local_anonymous(
        &mut self,
        def: &syn::TypeDef,
        schema: &syn::Schema,
        origin: Origin,
    ) -> Result<TypeId> {
        let key: *const syn::TypeDef = def;
        if let Some(&id) = self.local_in_progress.get(&key) {
            return Ok(id);
        }
        let (location, doc) = match def {
            syn::TypeDef::Complex(c) => (c.location.clone(), c.doc.clone()),
            syn::TypeDef::Simple(s) => (s.location.clone(), s.doc.clone()),
        };
        let id = self.placeholder(origin, location);
        self.types[id].doc = doc;
        self.local_in_progress.insert(key, id);
        let filled = self.fill(id, def, schema);
        self.local_in_progress.remove(&key);
        filled?;
        Ok(id)
    }

    /// The global element `name`, with its type.
    pub fn global_element(&mut self, name: &QName, at: &Location) -> Result<ElementRef> {
        let Some(found) = self.index.elements.get(name).copied() else {
            if self.unavailable(&name.ns, at) {
                return Ok(ElementRef {
                    name: name.clone(),
                    ty: TypeRef::Builtin(Builtin::AnyType),
                    nillable: false,
                });
            }
            return Err(undefined("element", name, at).into());
        };
        let ty = self.global_element_type(name, found)?;
        Ok(ElementRef {
            name: name.clone(),
            ty,
            nillable: found.def.nillable,
        })
    }

    /// The type of a global element: its own, or, for an element declared without one, that of
    /// the head of its substitution group (XSD's default).
    fn global_element_type(
        &mut self,
        name: &QName,
        found: InSchema<'d, syn::ElementDecl>,
    ) -> Result<TypeRef> {
        let (mut name, mut found) = (name.clone(), found);
        let mut chain = vec![name.clone()];
        loop {
            let head = match &found.def.substitution_group {
                Some(head) => self.substitution_head(head, found.def)?,
                None => None,
            };
            if let Some(t) = &found.def.type_name {
                return self.type_ref(t, &found.def.location);
            }
            if let Some(inline) = &found.def.inline_type {
                if let Some(&id) = self.element_types.get(&name) {
                    return Ok(TypeRef::Named(id));
                }
                let (location, doc) = (found.def.location.clone(), found.def.doc.clone());
                let id = self.placeholder(Origin::Element(name.clone()), location);
                self.element_types.insert(name.clone(), id);
                self.fill(id, inline, found.schema)?;
                if self.types[id].doc.is_none() {
                    self.types[id].doc = doc;
                }
                return Ok(TypeRef::Named(id));
            }
            let Some((head, head_decl)) = head else {
                return Ok(TypeRef::Builtin(Builtin::AnyType));
            };
            if chain.contains(&head) {
                return Err(Diagnostic::new(
                    found.def.location.clone(),
                    format!("the substitution group of element `{name}` is circular: its head `{head}` is, directly or through others, in the substitution group of `{name}`"),
                )
                .with_hint("remove one substitutionGroup= of the cycle, or give the element a type=")
                .into());
            }
            chain.push(head.clone());
            (name, found) = (head, head_decl);
        }
    }

    /// The head of the substitution group `head` that `decl` joins: its declaration, or `None`
    /// when no schema of its namespace was loaded. A head that is not defined is an error.
    fn substitution_head(
        &mut self,
        head: &QName,
        decl: &syn::ElementDecl,
    ) -> Result<Option<(QName, InSchema<'d, syn::ElementDecl>)>> {
        if let Some(found) = self.index.elements.get(head).copied() {
            return Ok(Some((head.clone(), found)));
        }
        if self.unavailable(&head.ns, &decl.location) {
            return Ok(None);
        }
        Err(Diagnostic::new(
            decl.location.clone(),
            format!("the head of the substitution group, element `{head}`, is not defined"),
        )
        .with_hint("substitutionGroup= must name a global element; check the spelling and namespace prefix, and that the schema defining it is imported (xs:import with schemaLocation)")
        .into())
    }

    /// Checks that the type `name`, which the generated code does not use (a member of a
    /// union, the base of an enumeration), is defined, without building it.
    fn check_type_defined(&mut self, name: &QName, at: &Location) -> Result<()> {
        let known = match name.ns.as_str() {
            XSD_NS => {
                Builtin::from_local(&name.local).is_some()
                    || XSD11_TYPES.contains(&name.local.as_str())
            }
            SOAP_ENC_NS | SOAP12_ENC_NS => {
                Builtin::from_local(&name.local).is_some()
                    || matches!(name.local.as_str(), "base64" | "Array" | "Struct")
            }
            _ => false,
        };
        if known || self.named.contains_key(name) || self.index.types.contains_key(name) {
            return Ok(());
        }
        if name.ns == XSD_NS {
            return Err(not_builtin(name, at).into());
        }
        if self.unavailable(&name.ns, at) {
            return Ok(());
        }
        Err(undefined("type", name, at).into())
    }

    fn simple(&mut self, s: &syn::SimpleType, id: TypeId) -> Result<TypeKind> {
        Ok(match &s.variety {
            syn::SimpleVariety::Restriction {
                base,
                inline_base,
                enumerations,
            } => {
                if !enumerations.is_empty() {
                    if let Some(base) = base {
                        self.check_type_defined(base, &s.location)?;
                    }
                    TypeKind::Enum {
                        values: enumerations.clone(),
                    }
                } else if let Some(base) = base {
                    TypeKind::Alias(self.type_ref(base, &s.location)?)
                } else if let Some(inline) = inline_base {
                    let origin = Origin::Nested {
                        parent: id,
                        name: "Base".into(),
                    };
                    let schema = syn::Schema::default();
                    let inner =
                        self.anonymous(&syn::TypeDef::Simple((**inline).clone()), &schema, origin)?;
                    TypeKind::Alias(TypeRef::Named(inner))
                } else {
                    TypeKind::Alias(TypeRef::Builtin(Builtin::String))
                }
            }
            syn::SimpleVariety::List { item, inline_item } => {
                let item = match (item, inline_item) {
                    (Some(item), _) => self.type_ref(item, &s.location)?,
                    (None, Some(inline)) => {
                        let origin = Origin::Nested {
                            parent: id,
                            name: "Item".into(),
                        };
                        let schema = syn::Schema::default();
                        TypeRef::Named(self.anonymous(
                            &syn::TypeDef::Simple((**inline).clone()),
                            &schema,
                            origin,
                        )?)
                    }
                    (None, None) => TypeRef::Builtin(Builtin::String),
                };
                // A QName needs its element's namespace scope to be read, which a list item
                // does not get: QName items are kept as written (prefix and all).
                let qname = match item {
                    TypeRef::Builtin(Builtin::QName) => true,
                    TypeRef::Named(t) => {
                        matches!(
                            self.types[t].kind,
                            TypeKind::Alias(TypeRef::Builtin(Builtin::QName))
                        )
                    }
                    TypeRef::Builtin(_) => false,
                };
                if qname {
                    TypeKind::List(TypeRef::Builtin(Builtin::String))
                } else {
                    TypeKind::List(item)
                }
            }
            // A union's value space is the union of its members' lexical spaces; the text is
            // kept as written (documented on the type).
            syn::SimpleVariety::Union { members, location } => {
                for member in members {
                    self.check_type_defined(member, location)?;
                }
                TypeKind::Alias(TypeRef::Builtin(Builtin::String))
            }
        })
    }

    fn complex(
        &mut self,
        c: &syn::ComplexType,
        schema: &syn::Schema,
        id: TypeId,
    ) -> Result<TypeKind> {
        let mut st = StructType {
            mixed: c.mixed,
            ..StructType::default()
        };
        match &c.content {
            syn::ComplexContent::Particle(p) => {
                if let Some(p) = p {
                    self.particle(
                        p,
                        schema,
                        Occurrence::Required,
                        id,
                        &mut st.fields,
                        &mut Vec::new(),
                        false,
                    )?;
                }
            }
            syn::ComplexContent::Derived {
                base,
                extension: false,
                particle,
                location,
            } if base.ns == SOAP_ENC_NS && base.local == "Array" => {
                return self.soap_array(c, particle.as_ref(), schema, id, location);
            }
            syn::ComplexContent::Derived {
                base,
                extension,
                particle,
                location,
            } => {
                if !(base.ns == XSD_NS && base.local == "anyType") {
                    let base_ref = self.type_ref(base, location)?;
                    if let TypeRef::Named(base_id) = base_ref {
                        if self.in_progress.contains(&base_id)
                            || self.pending.iter().any(|p| p.0 == base_id)
                        {
                            // The base is still being built (it reaches this type through its
                            // fields) or waits itself: inherit its members once all is built.
                            self.pending
                                .push((id, base_id, *extension, location.clone()));
                        } else if let TypeKind::Struct(base_struct) = &self.types[base_id].kind {
                            st.attributes = base_struct.attributes.clone();
                            st.any_attribute = base_struct.any_attribute;
                            st.text = base_struct.text;
                            if *extension {
                                st.fields = base_struct.fields.clone();
                            }
                        }
                        st.base = Some(base_id);
                    }
                }
                if let Some(p) = particle {
                    self.particle(
                        p,
                        schema,
                        Occurrence::Required,
                        id,
                        &mut st.fields,
                        &mut Vec::new(),
                        false,
                    )?;
                }
            }
            syn::ComplexContent::Simple {
                base,
                enumerations: _,
                location,
            } => {
                let base_ref = self.type_ref(base, location)?;
                match base_ref {
                    TypeRef::Named(base_id) => match &self.types[base_id].kind {
                        TypeKind::Struct(base_struct) => {
                            st.attributes = base_struct.attributes.clone();
                            st.any_attribute = base_struct.any_attribute;
                            st.text = base_struct.text;
                            st.base = Some(base_id);
                        }
                        _ => st.text = Some(base_ref),
                    },
                    TypeRef::Builtin(Builtin::AnyType) => {
                        st.text = Some(TypeRef::Builtin(Builtin::String))
                    }
                    TypeRef::Builtin(_) => st.text = Some(base_ref),
                }
            }
        }
        self.attributes(&c.attributes, schema, id, &mut st, &mut Vec::new())?;
        Ok(TypeKind::Struct(st))
    }

    /// A SOAP encoding array: the item type comes from `wsdl:arrayType` on the
    /// `soapenc:arrayType` attribute, else from the restriction's element particle.
    fn soap_array(
        &mut self,
        c: &syn::ComplexType,
        particle: Option<&syn::Particle>,
        schema: &syn::Schema,
        id: TypeId,
        location: &Location,
    ) -> Result<TypeKind> {
        let declared = c
            .attributes
            .attributes
            .iter()
            .find_map(|a| a.array_type.clone());
        let mut from_particle = Vec::new();
        if let Some(p) = particle {
            self.particle(
                p,
                schema,
                Occurrence::Repeated,
                id,
                &mut from_particle,
                &mut Vec::new(),
                false,
            )?;
        }
        let (item_name, item_ty) = match (declared, from_particle.first()) {
            (Some(q), _) => {
                let ty = self.type_ref(&q, location)?;
                (q, ty)
            }
            (
                None,
                Some(Field {
                    kind: FieldKind::Element(ty),
                    ..
                }),
            ) => (QName::new(XSD_NS, "anyType"), *ty),
            _ => (
                QName::new(XSD_NS, "anyType"),
                TypeRef::Builtin(Builtin::AnyType),
            ),
        };
        Ok(TypeKind::Struct(StructType {
            fields: vec![Field {
                wire: QName::new("", "item"),
                occurrence: Occurrence::Repeated,
                nillable: false,
                kind: FieldKind::Element(item_ty),
                default: None,
                doc: None,
            }],
            soap_array: Some(item_name),
            ..StructType::default()
        }))
    }

    fn attributes(
        &mut self,
        list: &syn::AttributeList,
        schema: &syn::Schema,
        id: TypeId,
        st: &mut StructType,
        group_stack: &mut Vec<QName>,
    ) -> Result<()> {
        st.any_attribute |= list.any_attribute;
        for a in &list.attributes {
            if a.prohibited {
                st.attributes
                    .retain(|x| Some(&x.wire.local) != a.name.as_ref());
                continue;
            }
            let attr = self.attribute(a, schema, id)?;
            if let Some(existing) = st.attributes.iter_mut().find(|x| x.wire == attr.wire) {
                *existing = attr;
            } else {
                st.attributes.push(attr);
            }
        }
        for (group, at) in &list.group_refs {
            if group_stack.contains(group) {
                return Err(Diagnostic::new(
                    at.clone(),
                    format!("attribute group `{group}` refers to itself"),
                )
                .with_hint("remove the circular xs:attributeGroup reference")
                .into());
            }
            let Some(found) = self.index.attribute_groups.get(group).copied() else {
                if self.unavailable(&group.ns, at) {
                    st.any_attribute = true;
                    continue;
                }
                return Err(undefined("attribute group", group, at).into());
            };
            group_stack.push(group.clone());
            self.attributes(&found.def.attributes, found.schema, id, st, group_stack)?;
            group_stack.pop();
        }
        Ok(())
    }

    fn attribute(
        &mut self,
        a: &syn::AttributeDecl,
        schema: &syn::Schema,
        parent: TypeId,
    ) -> Result<Attribute> {
        let (wire, decl, decl_schema) = match (&a.reference, &a.name) {
            (Some(r), _) => {
                let Some(found) = self.index.attributes.get(r).copied() else {
                    // xml:lang, soapenc:arrayType and friends are well known and need no schema.
                    if r.ns == "http://www.w3.org/XML/1998/namespace"
                        || r.ns == SOAP_ENC_NS
                        || self.unavailable(&r.ns, &a.location)
                    {
                        return Ok(Attribute {
                            wire: r.clone(),
                            ty: TypeRef::Builtin(Builtin::String),
                            required: a.required,
                            default: a.default.clone().or(a.fixed.clone()),
                            doc: a.doc.clone(),
                        });
                    }
                    return Err(undefined("attribute", r, &a.location).into());
                };
                (r.clone(), found.def, found.schema)
            }
            (None, Some(name)) => {
                let qualified = match a.form {
                    Some(f) => f == syn::Form::Qualified,
                    None => schema.attribute_form_qualified,
                };
                let ns = if qualified {
                    schema.target_ns.clone()
                } else {
                    String::new()
                };
                (QName::new(ns, name.clone()), a, schema)
            }
            (None, None) => unreachable_attribute(a)?,
        };
        let ty = match (&decl.type_name, &decl.inline_type) {
            (Some(t), _) => self.type_ref(t, &decl.location)?,
            (None, Some(inline)) => {
                let origin = Origin::Nested {
                    parent,
                    name: wire.local.clone(),
                };
                TypeRef::Named(self.anonymous(
                    &syn::TypeDef::Simple((**inline).clone()),
                    decl_schema,
                    origin,
                )?)
            }
            (None, None) => TypeRef::Builtin(Builtin::String),
        };
        Ok(Attribute {
            wire,
            ty,
            required: a.required,
            default: a
                .default
                .clone()
                .or(a.fixed.clone())
                .or(decl.default.clone())
                .or(decl.fixed.clone()),
            doc: a.doc.clone().or(decl.doc.clone()),
        })
    }

    /// Whether a choice alternative can be more than one element.
    fn several_elements(&self, p: &syn::Particle, depth: usize) -> bool {
        let many = |o: &syn::Occurs| o.max != Some(0) && o.max != Some(1);
        match p {
            syn::Particle::Element(e) => many(&e.occurs),
            syn::Particle::Any { occurs, .. } => many(occurs),
            syn::Particle::Sequence(items, occurs, _) | syn::Particle::All(items, occurs, _) => {
                many(occurs)
                    || items.len() > 1
                    || items.iter().any(|i| self.several_elements(i, depth + 1))
            }
            syn::Particle::Choice(items, occurs, _) => {
                many(occurs) || items.iter().any(|i| self.several_elements(i, depth + 1))
            }
            // Group cycles are reported where groups are expanded; the depth only stops the walk.
            syn::Particle::GroupRef(name, occurs, _) => {
                many(occurs)
                    || (depth < 32
                        && self
                            .index
                            .groups
                            .get(name)
                            .and_then(|g| g.def.particle.as_ref())
                            .is_some_and(|p| self.several_elements(p, depth + 1)))
            }
        }
    }

    /// Adds the fields of particle `p` to `out`. `in_choice`: `out` is the alternatives of a
    /// choice, and `p` is (part of) one of them.
    #[allow(clippy::too_many_arguments)]
    fn particle(
        &mut self,
        p: &syn::Particle,
        schema: &syn::Schema,
        outer: Occurrence,
        parent: TypeId,
        out: &mut Vec<Field>,
        group_stack: &mut Vec<QName>,
        in_choice: bool,
    ) -> Result<()> {
        match p {
            syn::Particle::Sequence(items, occurs, _) | syn::Particle::All(items, occurs, _) => {
                let occ = Occurrence::from_bounds(occurs.min, occurs.max).within(outer);
                for item in items {
                    self.particle(item, schema, occ, parent, out, group_stack, in_choice)?;
                }
            }
            // A choice among the alternatives of a choice (directly, or in a sequence or group
            // there) adds its own alternatives to them: a variant holding a nested choice could
            // not be read by the element names on the wire. Nothing is lost: the outer choice is
            // a list of its elements when an alternative is several elements (see below), and a
            // repeated inner choice makes its alternatives repeated variants.
            syn::Particle::Choice(items, occurs, _) if in_choice => {
                let occ = Occurrence::from_bounds(occurs.min, occurs.max).within(outer);
                for item in items {
                    self.particle(item, schema, occ, parent, out, group_stack, true)?;
                }
            }
            syn::Particle::Choice(items, occurs, location) => {
                let occ = Occurrence::from_bounds(occurs.min, occurs.max).within(outer);
                let origin = Origin::Nested {
                    parent,
                    name: "Choice".into(),
                };
                let id = self.placeholder(origin, location.clone());
                let mut variants = Vec::new();
                for item in items {
                    // Members of a choice are alternatives: each variant holds one element (a
                    // nested group contributes its elements as further alternatives).
                    self.particle(
                        item,
                        schema,
                        Occurrence::Required,
                        id,
                        &mut variants,
                        group_stack,
                        true,
                    )?;
                }
                self.types[id].kind = TypeKind::Choice(variants);
                // An alternative that is several elements (a sequence, a repeated element) has
                // no variant of its own: its elements are variants. Holding one would keep only
                // the last of them, so such a choice is kept as the list of its elements, in
                // order (nothing is lost; the Rust type allows more combinations than the schema).
                let several = items.iter().any(|item| self.several_elements(item, 0));
                let (occ, doc) = if several {
                    let note = "this choice has an alternative of several elements (a sequence or a repeated element): it is kept as the list of its elements, in document order";
                    self.notes.push((location.clone(), note.to_string()));
                    (
                        Occurrence::Repeated,
                        Some("The choice's elements in document order: one of its alternatives has several elements.".to_string()),
                    )
                } else {
                    (occ, None)
                };
                out.push(Field {
                    wire: QName::new("", "Choice"),
                    occurrence: occ,
                    nillable: false,
                    kind: FieldKind::Choice(id),
                    default: None,
                    doc,
                });
            }
            // maxOccurs="0" prohibits the element (a restriction removing it): it has no field.
            syn::Particle::Element(e) if e.occurs.max == Some(0) => {}
            syn::Particle::Element(e) => {
                let field = self.element_field(e, schema, outer, parent)?;
                out.push(field);
            }
            syn::Particle::Any { occurs, doc, .. } => out.push(Field {
                wire: QName::new("", "Any"),
                occurrence: Occurrence::from_bounds(occurs.min, occurs.max).within(outer),
                nillable: false,
                kind: FieldKind::Any,
                default: None,
                doc: doc.clone(),
            }),
            syn::Particle::GroupRef(name, occurs, at) => {
                if group_stack.contains(name) {
                    return Err(Diagnostic::new(
                        at.clone(),
                        format!("group `{name}` refers to itself"),
                    )
                    .with_hint("remove the circular xs:group reference")
                    .into());
                }
                let Some(found) = self.index.groups.get(name).copied() else {
                    if self.unavailable(&name.ns, at) {
                        out.push(Field {
                            wire: QName::new("", "Any"),
                            occurrence: Occurrence::Repeated,
                            nillable: false,
                            kind: FieldKind::Any,
                            default: None,
                            doc: Some(format!(
                                "The content of group `{name}`, whose schema is not available."
                            )),
                        });
                        return Ok(());
                    }
                    return Err(undefined("group", name, at).into());
                };
                let occ = Occurrence::from_bounds(occurs.min, occurs.max).within(outer);
                if let Some(p) = &found.def.particle {
                    group_stack.push(name.clone());
                    self.particle(p, found.schema, occ, parent, out, group_stack, in_choice)?;
                    group_stack.pop();
                }
            }
        }
        Ok(())
    }

    fn element_field(
        &mut self,
        e: &syn::ElementDecl,
        schema: &syn::Schema,
        outer: Occurrence,
        parent: TypeId,
    ) -> Result<Field> {
        let occurrence = Occurrence::from_bounds(e.occurs.min, e.occurs.max).within(outer);
        if let Some(r) = &e.reference {
            if r.ns == XSD_NS {
                // `ref="s:schema"`: an inline XML Schema travels with the data (ASMX DataSet);
                // it is kept verbatim, attributes and all.
                return Ok(Field {
                    wire: r.clone(),
                    occurrence,
                    nillable: false,
                    kind: FieldKind::Raw,
                    default: None,
                    doc: e.doc.clone(),
                });
            }
            if let Some(group) = self.substitution_group(r, &e.location)? {
                return Ok(Field {
                    wire: r.clone(),
                    occurrence,
                    nillable: false,
                    kind: FieldKind::Choice(group),
                    default: None,
                    doc: e.doc.clone(),
                });
            }
            let element = self.global_element(r, &e.location)?;
            let decl = self.index.elements.get(r).map(|f| f.def);
            return Ok(Field {
                wire: element.name,
                occurrence,
                nillable: element.nillable,
                kind: FieldKind::Element(element.ty),
                default: decl.and_then(|d| d.default.clone().or(d.fixed.clone())),
                doc: e.doc.clone().or(decl.and_then(|d| d.doc.clone())),
            });
        }
        let name = e.name.clone().unwrap_or_default();
        let qualified = match e.form {
            Some(f) => f == syn::Form::Qualified,
            None => schema.element_form_qualified,
        };
        let wire = QName::new(
            if qualified {
                schema.target_ns.clone()
            } else {
                String::new()
            },
            name.clone(),
        );
        let ty = match (&e.type_name, &e.inline_type) {
            (Some(t), _) => self.type_ref(t, &e.location)?,
            (None, Some(inline)) => TypeRef::Named(self.local_anonymous(
                inline,
                schema,
                Origin::Nested { parent, name },
            )?),
            (None, None) => TypeRef::Builtin(Builtin::AnyType),
        };
        Ok(Field {
            wire,
            occurrence,
            nillable: e.nillable,
            kind: FieldKind::Element(ty),
            default: e.default.clone().or(e.fixed.clone()),
            doc: e.doc.clone(),
        })
    }
}

fn unreachable_attribute(
    a: &syn::AttributeDecl,
) -> Result<(QName, &syn::AttributeDecl, &syn::Schema)> {
    Err(Diagnostic::new(
        a.location.clone(),
        "xs:attribute has neither name= nor ref=",
    )
    .into())
}
