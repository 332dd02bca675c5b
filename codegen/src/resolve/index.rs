//! Lookup tables from QNames to the definitions of the syntax model, first definition winning.

use crate::error::{Diagnostic, Location};
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
    /// Builds the tables. Two global definitions of one name in one symbol space (elements,
    /// types, groups, attribute groups, attributes; messages, port types, bindings) are an
    /// error, except the same file reached twice and the definitions of an `xs:redefine`.
    pub fn new(defs: &'d Definitions) -> Result<Self, Diagnostic> {
        let mut index = Index::default();
        for schema in &defs.schemas {
            index.namespaces.insert(schema.target_ns.clone());
            let q = |name: &str| QName::new(schema.target_ns.clone(), name);
            for e in &schema.elements {
                if let Some(name) = &e.name {
                    define(
                        &mut index.elements,
                        "element",
                        q(name),
                        InSchema { def: e, schema },
                        |d| &d.def.location,
                    )?;
                }
            }
            for t in &schema.types {
                let name = match t {
                    TypeDef::Complex(c) => c.name.as_deref(),
                    TypeDef::Simple(s) => s.name.as_deref(),
                };
                if let Some(name) = name {
                    define(
                        &mut index.types,
                        "type",
                        q(name),
                        InSchema { def: t, schema },
                        |d| match d.def {
                            TypeDef::Complex(c) => &c.location,
                            TypeDef::Simple(s) => &s.location,
                        },
                    )?;
                }
            }
            for g in &schema.groups {
                define(
                    &mut index.groups,
                    "group",
                    q(&g.name),
                    InSchema { def: g, schema },
                    |d| &d.def.location,
                )?;
            }
            for g in &schema.attribute_groups {
                define(
                    &mut index.attribute_groups,
                    "attribute group",
                    q(&g.name),
                    InSchema { def: g, schema },
                    |d| &d.def.location,
                )?;
            }
            for a in &schema.attributes {
                if let Some(name) = &a.name {
                    define(
                        &mut index.attributes,
                        "attribute",
                        q(name),
                        InSchema { def: a, schema },
                        |d| &d.def.location,
                    )?;
                }
            }
        }
        let mut bindings: HashMap<QName, &'d Binding> = HashMap::new();
        for wsdl in &defs.wsdls {
            for m in &wsdl.messages {
                define(&mut index.messages, "message", m.name.clone(), m, |m| {
                    &m.location
                })?;
            }
            for p in &wsdl.port_types {
                define(&mut index.port_types, "port type", p.name.clone(), p, |p| {
                    &p.location
                })?;
            }
            for b in &wsdl.bindings {
                define(&mut bindings, "binding", b.name.clone(), b, |b| &b.location)?;
            }
            index.bindings.extend(wsdl.bindings.iter());
            index.services.extend(wsdl.services.iter());
        }
        Ok(index)
    }
}

/// Something that can be defined twice by mistake.
trait Definition {
    /// Whether the schema it is defined in redefines `name` (then the file it redefines holds
    /// the original definition of `name` too).
    fn redefines(&self, name: &str) -> bool;
}

impl<T> Definition for InSchema<'_, T> {
    fn redefines(&self, name: &str) -> bool {
        self.schema.redefinitions.iter().any(|r| r == name)
    }
}

impl<T> Definition for &T {
    fn redefines(&self, _: &str) -> bool {
        false
    }
}

/// Enters `def` as the definition of `name` in `table`, which must not have one already.
fn define<V: Definition + Copy>(
    table: &mut HashMap<QName, V>,
    what: &str,
    name: QName,
    def: V,
    location: impl Fn(&V) -> &Location,
) -> Result<(), Diagnostic> {
    let Some(first) = table.get(&name) else {
        table.insert(name, def);
        return Ok(());
    };
    let (earlier, here) = (location(first), location(&def));
    if same_place(earlier, here) || first.redefines(&name.local) || def.redefines(&name.local) {
        return Ok(());
    }
    Err(Diagnostic::new(
        here.clone(),
        format!("{what} `{name}` is defined twice: it is already defined at {earlier}"),
    )
    .with_hint("names of global definitions must be unique in their namespace; remove or rename one of the two (if both files hold the same schema, import it from one place only)"))
}

/// Whether two locations are the same place of the same file, reached through different paths
/// (a file imported from two places, or both imported and included).
fn same_place(a: &Location, b: &Location) -> bool {
    if (a.line, a.column) != (b.line, b.column) {
        return false;
    }
    a.file == b.file
        || match (a.file.canonicalize(), b.file.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}
