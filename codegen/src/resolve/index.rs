//! Lookup tables from QNames to the definitions of the syntax model, first definition winning.

use crate::parse::model::*;
use std::collections::HashMap;

/// A schema component together with the schema that defines it (for target namespace and form defaults).
pub struct InSchema<'d, T> {
    /// The definition.
    pub def: &'d T,
    /// The defining schema.
    pub schema: &'d Schema,
}

impl<T> Clone for InSchema<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for InSchema<'_, T> {}

/// QName → definition tables over all loaded documents.
#[derive(Default)]
pub struct Index<'d> {
    pub elements: HashMap<QName, InSchema<'d, ElementDecl>>,
    pub types: HashMap<QName, InSchema<'d, TypeDef>>,
    pub groups: HashMap<QName, InSchema<'d, GroupDef>>,
    pub attribute_groups: HashMap<QName, InSchema<'d, AttributeGroupDef>>,
    pub attributes: HashMap<QName, InSchema<'d, AttributeDecl>>,
    pub messages: HashMap<QName, &'d Message>,
    pub port_types: HashMap<QName, &'d PortType>,
    pub bindings: Vec<&'d Binding>,
    pub services: Vec<&'d Service>,
    /// Target namespaces for which some schema was loaded.
    pub namespaces: std::collections::HashSet<String>,
}

impl<'d> Index<'d> {
    /// Builds the tables.
    pub fn new(defs: &'d Definitions) -> Self {
        let mut index = Index::default();
        for schema in &defs.schemas {
            index.namespaces.insert(schema.target_ns.clone());
            let q = |name: &str| QName::new(schema.target_ns.clone(), name);
            for e in &schema.elements {
                if let Some(name) = &e.name {
                    index
                        .elements
                        .entry(q(name))
                        .or_insert(InSchema { def: e, schema });
                }
            }
            for t in &schema.types {
                let name = match t {
                    TypeDef::Complex(c) => c.name.as_deref(),
                    TypeDef::Simple(s) => s.name.as_deref(),
                };
                if let Some(name) = name {
                    index
                        .types
                        .entry(q(name))
                        .or_insert(InSchema { def: t, schema });
                }
            }
            for g in &schema.groups {
                index
                    .groups
                    .entry(q(&g.name))
                    .or_insert(InSchema { def: g, schema });
            }
            for g in &schema.attribute_groups {
                index
                    .attribute_groups
                    .entry(q(&g.name))
                    .or_insert(InSchema { def: g, schema });
            }
            for a in &schema.attributes {
                if let Some(name) = &a.name {
                    index
                        .attributes
                        .entry(q(name))
                        .or_insert(InSchema { def: a, schema });
                }
            }
        }
        for wsdl in &defs.wsdls {
            for m in &wsdl.messages {
                index.messages.entry(m.name.clone()).or_insert(m);
            }
            for p in &wsdl.port_types {
                index.port_types.entry(p.name.clone()).or_insert(p);
            }
            index.bindings.extend(wsdl.bindings.iter());
            index.services.extend(wsdl.services.iter());
        }
        index
    }
}
