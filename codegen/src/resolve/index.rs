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
    /// types, groups, attribute groups, attributes; messages, port types, bindings, services)
    /// are an error, except the same file reached twice and the definitions of an
    /// `xs:redefine`; so are two ports of one name in a service, and an operation or a fault
    /// bound twice in a binding.
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
        let mut services: HashMap<QName, &'d Service> = HashMap::new();
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
                check_binding_operations(b)?;
            }
            for svc in &wsdl.services {
                let name = QName::new(wsdl.target_ns.clone(), svc.name.clone());
                define(&mut services, "service", name, svc, |s| &s.location)?;
                check_ports(svc)?;
            }
            index.bindings.extend(wsdl.bindings.iter());
            index.services.extend(wsdl.services.iter());
        }
        Ok(index)
    }
}

/// The first of `items` whose key is `key`, when it is not `item` itself (which is in `items`):
/// the earlier occurrence of a name that must be unique.
fn earlier<'a, T, K: PartialEq>(items: &'a [T], item: &T, key: impl Fn(&T) -> K) -> Option<&'a T> {
    let k = key(item);
    items
        .iter()
        .find(|i| key(i) == k)
        .filter(|first| !std::ptr::eq(*first, item))
}

/// The ports of a service have distinct names (clients choose a port by its name).
fn check_ports(svc: &Service) -> Result<(), Diagnostic> {
    for port in &svc.ports {
        if let Some(first) = earlier(&svc.ports, port, |p| p.name.clone()) {
            return Err(Diagnostic::new(
                port.location.clone(),
                format!(
                    "port `{}` of service `{}` is defined twice: it is already defined at {}",
                    port.name, svc.name, first.location
                ),
            )
            .with_hint(
                "the ports of a service must have distinct names; rename or remove one of the two",
            ));
        }
    }
    Ok(())
}

/// A binding binds each operation once (an overloaded name once per overload, told apart by
/// the names of its input and output), and each fault of an operation once.
fn check_binding_operations(binding: &Binding) -> Result<(), Diagnostic> {
    let key = |o: &BindingOperation| (o.name.clone(), o.input.name.clone(), o.output.name.clone());
    for op in &binding.operations {
        if let Some(first) = earlier(&binding.operations, op, key) {
            return Err(Diagnostic::new(
                op.location.clone(),
                format!(
                    "binding `{}` binds operation `{}` twice: it is already bound at {}",
                    binding.name.local, op.name, first.location
                ),
            )
            .with_hint("remove one of the two; to bind overloads of one operation name, repeat on each the name= of the wsdl:input and wsdl:output of the overload it binds"));
        }
        for fault in &op.faults {
            if let Some(first) = earlier(&op.faults, fault, |f| f.name.clone()) {
                return Err(Diagnostic::new(
                    fault.location.clone(),
                    format!(
                        "operation `{}` of binding `{}` binds fault `{}` twice: it is already bound at {}",
                        op.name, binding.name.local, fault.name, first.location
                    ),
                )
                .with_hint("remove one of the two wsdl:fault elements"));
            }
        }
    }
    Ok(())
}

/// The `name=` of an operation's input (`output` false) or output as WSDL 1.1 §2.4.5 defines it
/// when it is not written: the operation's name, with `Request` / `Response` appended when the
/// operation has both.
fn message_name(op: &Operation, output: bool) -> Option<String> {
    let (m, suffix) = if output {
        (&op.output, "Response")
    } else {
        (&op.input, "Request")
    };
    let m = m.as_ref()?;
    Some(m.name.clone().unwrap_or_else(|| {
        if op.input.is_some() && op.output.is_some() {
            format!("{}{suffix}", op.name)
        } else {
            op.name.clone()
        }
    }))
}

/// The operation of `port_type` that `bop`, an operation of `binding`, binds, with the faults
/// it binds checked against the operation's. An operation name of the port type can be
/// overloaded (WSDL 1.1 §2.5): then the `name=` of the binding operation's `wsdl:input` and
/// `wsdl:output` (each where written) must pick out one overload.
pub fn bound_operation<'p>(
    port_type: &'p PortType,
    binding: &Binding,
    bop: &BindingOperation,
) -> Result<&'p Operation, Diagnostic> {
    let same_name: Vec<&Operation> = port_type
        .operations
        .iter()
        .filter(|o| o.name == bop.name)
        .collect();
    let op = match same_name.as_slice() {
        [] => {
            return Err(Diagnostic::new(
                bop.location.clone(),
                format!(
                    "binding `{}` has an operation `{}`, which its port type `{}` does not declare",
                    binding.name.local, bop.name, port_type.name
                ),
            )
            .with_hint(format!(
                "a binding's operations are those of the port type named by its type=: check the spelling (names are case-sensitive), or declare the operation in port type `{}`",
                port_type.name.local
            )))
        }
        // Not overloaded: the name is enough (input and output names are not checked, as
        // toolkits do not check them either).
        [op] => *op,
        overloads => {
            let fits = |o: &&&Operation| {
                let matches = |written: &Option<String>, output: bool| {
                    written.is_none() || *written == message_name(o, output)
                };
                matches(&bop.input.name, false) && matches(&bop.output.name, true)
            };
            let fitting: Vec<&Operation> = overloads.iter().filter(fits).copied().collect();
            match fitting.as_slice() {
                [op] => *op,
                _ => return Err(overload_error(port_type, binding, bop, overloads, &fitting)),
            }
        }
    };
    for fault in &bop.faults {
        if !op
            .faults
            .iter()
            .any(|f| f.name.as_deref() == Some(fault.name.as_str()))
        {
            let names: Vec<String> = op
                .faults
                .iter()
                .filter_map(|f| f.name.as_ref().map(|n| format!("`{n}`")))
                .collect();
            let has = if names.is_empty() {
                "it declares no fault".to_string()
            } else {
                format!("its faults are {}", names.join(", "))
            };
            return Err(Diagnostic::new(
                fault.location.clone(),
                format!(
                    "binding `{}` binds a fault `{}` of operation `{}`, which the operation does not declare in port type `{}`",
                    binding.name.local, fault.name, op.name, port_type.name
                ),
            )
            .with_hint(format!(
                "a binding's wsdl:fault name= must be the name= of a wsdl:fault of the port type operation; {has}"
            )));
        }
    }
    Ok(op)
}

/// The error for a binding operation that names an overloaded operation and does not pick out
/// one overload (`fitting` are those its input and output names fit: none, or several).
fn overload_error(
    port_type: &PortType,
    binding: &Binding,
    bop: &BindingOperation,
    overloads: &[&Operation],
    fitting: &[&Operation],
) -> Diagnostic {
    let describe = |o: &Operation| {
        let name =
            |output| message_name(o, output).map_or("none".to_string(), |n| format!("`{n}`"));
        format!(
            "input {}, output {} (at {})",
            name(false),
            name(true),
            o.location
        )
    };
    let listed: Vec<String> = overloads.iter().map(|o| describe(o)).collect();
    let message = if fitting.is_empty() {
        format!(
            "binding `{}` binds operation `{}`, which port type `{}` overloads, with input and output names that match none of its {} overloads",
            binding.name.local,
            bop.name,
            port_type.name,
            overloads.len()
        )
    } else {
        format!(
            "binding `{}` binds operation `{}`, which port type `{}` overloads, without telling which of {} overloads it binds",
            binding.name.local,
            bop.name,
            port_type.name,
            fitting.len()
        )
    };
    Diagnostic::new(bop.location.clone(), message).with_hint(format!(
        "overloads are told apart by the name= of their wsdl:input and wsdl:output: give each overload distinct names in the port type, and write the names of the one this binding operation binds on its wsdl:input and wsdl:output; the overloads have: {}",
        listed.join("; ")
    ))
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
