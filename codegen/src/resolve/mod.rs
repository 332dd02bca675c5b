//! Resolve stage: binds every QName reference of the syntax model to its definition and builds
//! the [`ir::Ir`]: the services (port types with their SOAP bindings), their operations, and
//! every type those operations reach — only those.

mod derivation;
mod index;
pub mod ir;
pub mod routing;
mod types;

use crate::error::{Diagnostic, Location, Result};
use crate::parse::model::{self as syn, Definitions, QName, Style};
use index::{bound_operation, Index};
use ir::*;
use std::collections::{BTreeMap, BTreeSet};
use types::TypeResolver;

/// Which operations to generate.
#[derive(Debug, Clone, Default)]
pub struct OperationFilter {
    /// When set, only these operation names (and the types they reach) are generated.
    pub only: Option<BTreeSet<String>>,
}

/// Resolves the loaded definitions.
pub fn resolve(defs: &Definitions, filter: &OperationFilter) -> Result<Ir> {
    let index = Index::new(defs)?;
    let mut resolver = TypeResolver::new(&index);
    let mut notes = defs.notes.clone();
    for note in defs.schemas.iter().flat_map(|s| &s.notes) {
        // A file reached twice (imported and included, or chameleon-included into two
        // namespaces) is noted once.
        if !notes.contains(note) {
            notes.push(note.clone());
        }
    }
    // A port whose binding does not exist exposes nothing: the rest of the WSDL is sound (the
    // WSDL 1.1 specification's own StockQuote example has such a port), so this is a note.
    for svc in &index.services {
        for port in &svc.ports {
            if port_binding(&index, &port.binding).is_none() {
                notes.push((
                    port.location.clone(),
                    format!(
                        "port `{}` of service `{}` refers to binding `{}`, which is not defined: the port is ignored (its address is not used)",
                        port.name, svc.name, port.binding
                    ),
                ));
            }
        }
    }
    let mut services = Vec::new();
    let mut port_type_names: Vec<&QName> = Vec::new();
    for binding in &index.bindings {
        if binding.soap.is_some() && !port_type_names.contains(&&binding.port_type) {
            port_type_names.push(&binding.port_type);
        }
    }
    if port_type_names.is_empty() {
        return Err(nothing_to_generate(defs, &index).into());
    }
    for pt_name in port_type_names {
        let bindings: Vec<&syn::Binding> = index
            .bindings
            .iter()
            .copied()
            .filter(|b| b.soap.is_some() && &b.port_type == pt_name)
            .collect();
        let Some(port_type) = lenient(&index.port_types, pt_name) else {
            let at = &bindings[0].location;
            return Err(Diagnostic::new(
                at.clone(),
                format!("port type `{pt_name}` is not defined"),
            )
            .with_hint(
                "the binding's type= must name a wsdl:portType of this WSDL or one it imports",
            )
            .into());
        };
        services.push(service(
            &mut resolver,
            port_type,
            &bindings,
            &index,
            filter,
            &mut notes,
        )?);
        for binding in &bindings {
            // Each binding operation binds one operation of the port type, and no other
            // binding operation binds the same one (which would be left unused).
            let mut bound: Vec<(&syn::Operation, &syn::BindingOperation)> = Vec::new();
            for bop in &binding.operations {
                let op = bound_operation(port_type, binding, bop)?;
                if let Some((_, first)) = bound.iter().find(|(o, _)| std::ptr::eq(*o, op)) {
                    return Err(Diagnostic::new(
                        bop.location.clone(),
                        format!(
                            "binding `{}` binds operation `{}` of port type `{}` twice: it is already bound at {}",
                            binding.name.local, op.name, port_type.name, first.location
                        ),
                    )
                    .with_hint("remove one of the two; overloads of one operation name are told apart by the name= of their wsdl:input and wsdl:output, which the binding operations repeat")
                    .into());
                }
                bound.push((op, bop));
            }
        }
    }
    if let Some(only) = &filter.only {
        for name in only {
            if !services
                .iter()
                .any(|s| s.operations.iter().any(|o| &o.name == name))
            {
                let at = services
                    .first()
                    .and_then(|s| s.operations.first())
                    .map(|o| o.location.clone())
                    .unwrap_or_else(|| Location {
                        file: Default::default(),
                        line: 1,
                        column: 1,
                    });
                return Err(Diagnostic::new(
                    at,
                    format!("the operation filter names `{name}`, which no SOAP binding has"),
                )
                .with_hint("check the spelling; operation names are case-sensitive")
                .into());
            }
        }
    }
    resolver.reach_derived_types()?;
    resolver.finish()?;
    notes.append(&mut resolver.notes);
    let mut types = resolver.types;
    derivation::flatten_groups_in_choices(&mut types);
    let polymorphic = derivation::polymorphic_types(
        &mut types,
        |name| matches!(index.types.get(name).map(|f| f.def), Some(syn::TypeDef::Complex(c)) if c.is_abstract),
    );
    for op in services.iter_mut().flat_map(|s| &mut s.operations) {
        let elements = op
            .input
            .iter_mut()
            .chain(&mut op.output)
            .chain(&mut op.input_parts)
            .chain(&mut op.output_parts)
            .chain(op.input_headers.iter_mut().map(|h| &mut h.element))
            .chain(op.output_headers.iter_mut().map(|h| &mut h.element))
            .chain(op.faults.iter_mut().map(|f| &mut f.element));
        for element in elements {
            if let TypeRef::Named(id) = &mut element.ty {
                if let Some(&poly) = polymorphic.get(id) {
                    *id = poly;
                }
            }
        }
    }
    for service in &services {
        for index in routing::routes(service).unreachable {
            let op = &service.operations[index];
            notes.push((
                op.location.clone(),
                format!(
                    "operation `{}` shares its SOAPAction and body element with an earlier operation of service `{}`: the generated server cannot tell its requests apart and routes them to the earlier one (the client calls it as declared)",
                    op.name, service.name
                ),
            ));
        }
    }
    Ok(Ir {
        types,
        services,
        notes,
    })
}

fn service(
    resolver: &mut TypeResolver,
    port_type: &syn::PortType,
    bindings: &[&syn::Binding],
    index: &Index,
    filter: &OperationFilter,
    notes: &mut Vec<(Location, String)>,
) -> Result<Service> {
    let mut versions = Vec::new();
    let mut addresses = BTreeMap::new();
    let mut service_name = None;
    let mut service_doc = None;
    for svc in &index.services {
        for port in &svc.ports {
            let exposed = port_binding(index, &port.binding);
            if let Some(b) = bindings
                .iter()
                .find(|b| exposed.is_some_and(|e| std::ptr::eq(**b, e)))
            {
                service_name.get_or_insert_with(|| svc.name.clone());
                if service_doc.is_none() {
                    service_doc = svc.doc.clone();
                }
                if let (Some(v), Some(addr)) = (b.soap, &port.address) {
                    addresses.entry(v).or_insert_with(|| addr.clone());
                }
            }
        }
    }
    for b in bindings {
        if let Some(v) = b.soap {
            if !versions.contains(&v) {
                versions.push(v);
            }
        }
    }
    let mut operations = Vec::new();
    for op in &port_type.operations {
        if let Some(only) = &filter.only {
            if !only.contains(&op.name) {
                continue;
            }
        }
        operations.push(operation(resolver, op, port_type, bindings, index, notes)?);
    }
    check_overloads(&operations)?;
    Ok(Service {
        name: service_name.unwrap_or_else(|| port_type.name.local.clone()),
        port_type: port_type.name.clone(),
        doc: service_doc.or_else(|| port_type.doc.clone()),
        versions,
        addresses,
        operations,
    })
}

/// The error for a WSDL without a SOAP binding, from which soapgen has nothing to generate: at
/// its first binding, or at its `wsdl:definitions` when it has none.
fn nothing_to_generate(defs: &Definitions, index: &Index) -> Diagnostic {
    const HTTP_NS: &str = "http://schemas.xmlsoap.org/wsdl/http/";
    let root = || {
        defs.wsdls
            .iter()
            .find_map(|w| w.location.clone())
            .unwrap_or_else(|| Location {
                file: Default::default(),
                line: 1,
                column: 1,
            })
    };
    let Some(first) = index.bindings.first() else {
        return Diagnostic::new(root(), "this WSDL has no wsdl:binding: soapgen has nothing to generate")
            .with_hint("soapgen generates SOAP clients and servers from the SOAP bindings of a WSDL (wsdl:binding with soap:binding or soap12:binding); this one describes only abstract port types");
    };
    let protocols: BTreeSet<Option<&str>> = index
        .bindings
        .iter()
        .map(|b| b.protocol.as_deref())
        .collect();
    let hint = if protocols.iter().all(|p| *p == Some(HTTP_NS)) {
        "soapgen generates SOAP clients and servers; this WSDL has only HTTP bindings (http:binding: HTTP GET/POST)".to_string()
    } else {
        let listed: Vec<String> = protocols
            .iter()
            .map(|p| p.map_or("no extension element".to_string(), |p| format!("`{p}`")))
            .collect();
        format!(
            "soapgen generates SOAP clients and servers, from bindings with a soap:binding (namespace `{}`) or soap12:binding (`{}`); the bindings of this WSDL have: {}",
            crate::parse::WSDL_SOAP11_NS,
            crate::parse::WSDL_SOAP12_NS,
            listed.join(", ")
        )
    };
    Diagnostic::new(
        first.location.clone(),
        "no binding of this WSDL is a SOAP binding: soapgen has nothing to generate",
    )
    .with_hint(hint)
}

/// Two overloads (operations of one name) whose requests a server cannot tell apart are an
/// error: the later one has no SOAPAction the earlier one does not have too, and the same body
/// element (requests go by SOAPAction, then by body element, to the first operation that fits).
fn check_overloads(operations: &[Operation]) -> Result<()> {
    let actions = |op: &Operation| -> BTreeSet<String> {
        op.actions
            .values()
            .filter(|a| !a.is_empty())
            .cloned()
            .collect()
    };
    let body = |op: &Operation| op.input.as_ref().map(|e| e.name.clone());
    for (i, later) in operations.iter().enumerate() {
        let Some(earlier) = operations[..i].iter().find(|e| {
            e.name == later.name && body(e) == body(later) && actions(later).is_subset(&actions(e))
        }) else {
            continue;
        };
        let own = actions(later);
        let action = if own.is_empty() {
            "no SOAPAction".to_string()
        } else {
            let listed: Vec<String> = own.iter().map(|a| format!("`{a}`")).collect();
            format!("the same SOAPAction ({})", listed.join(", "))
        };
        let element = body(later).map_or("an empty body".to_string(), |e| {
            format!("the same body element `{e}`")
        });
        return Err(Diagnostic::new(
            later.location.clone(),
            format!(
                "operation `{}` overloads the operation at {} with {action} and {element}: a server cannot tell their requests apart",
                later.name, earlier.location
            ),
        )
        .with_hint("give the overloads different soapAction= in their binding operations, or input messages whose parts are different elements")
        .into());
    }
    Ok(())
}

fn operation(
    resolver: &mut TypeResolver,
    op: &syn::Operation,
    port_type: &syn::PortType,
    bindings: &[&syn::Binding],
    index: &Index,
    notes: &mut Vec<(Location, String)>,
) -> Result<Operation> {
    let port_ns = &port_type.name.ns;
    let mut actions = BTreeMap::new();
    let mut binding_op: Option<&syn::BindingOperation> = None;
    for b in bindings {
        // An overloaded name is bound once per overload: the binding operation of this one
        // is the one whose input and output names pick it out.
        let mut found = None;
        for bop in b.operations.iter().filter(|o| o.name == op.name) {
            if std::ptr::eq(bound_operation(port_type, b, bop)?, op) {
                found = Some(bop);
                break;
            }
        }
        let Some(bop) = found else {
            continue;
        };
        if let (Some(v), Some(action)) = (b.soap, &bop.soap_action) {
            actions.entry(v).or_insert_with(|| action.clone());
        }
        let encoded: Vec<&syn::BindingFault> = bop.faults.iter().filter(|f| f.encoded).collect();
        if let Some(first) = encoded.first() {
            let names: Vec<String> = encoded.iter().map(|f| format!("`{}`", f.name)).collect();
            notes.push((
                first.location.clone(),
                format!(
                    "operation `{}` binds its {} {} with use=\"encoded\": fault details are read and written as literal XML (without xsi:type annotations or multi-references)",
                    op.name,
                    if names.len() == 1 { "fault" } else { "faults" },
                    names.join(", ")
                ),
            ));
        }
        binding_op.get_or_insert(bop);
    }
    if binding_op.is_none() {
        notes.push((
            op.location.clone(),
            format!(
                "operation `{}` has no wsdl:operation in the SOAP bindings of its port type; it is generated as document/literal, without a SOAPAction",
                op.name
            ),
        ));
    }
    let empty = syn::BindingMessage::default();
    let (bin, bout) = match binding_op {
        Some(b) => (&b.input, &b.output),
        None => (&empty, &empty),
    };
    let input_headers = headers(resolver, bin, index)?;
    let output_headers = headers(resolver, bout, index)?;
    let rpc = binding_op.is_some_and(|b| b.style == Style::Rpc);
    let encoded = bin.encoded || bout.encoded;
    if encoded {
        let at = binding_op.map_or(&op.location, |b| &b.location);
        notes.push((
            at.clone(),
            format!(
                "operation `{}` uses SOAP encoding: values of named types are written with xsi:type; multi-references are followed when decoding but never written",
                op.name
            ),
        ));
    }
    let (input, output) = if rpc {
        // rpc style: the body holds one element named after the operation (and
        // `<operation>Response`), in the soap:body namespace, whose children are the parts.
        let ns =
            |b: &syn::BindingMessage| b.namespace.clone().unwrap_or_else(|| port_ns.to_string());
        let input = match &op.input {
            Some(m) => Some(BodyParts {
                element: rpc_wrapper(
                    resolver,
                    m,
                    bin,
                    index,
                    &op.name,
                    QName::new(ns(bin), op.name.clone()),
                    notes,
                )?,
                parts: Vec::new(),
                alternatives: Vec::new(),
            }),
            None => None,
        };
        let output = match &op.output {
            Some(m) => Some(BodyParts {
                element: rpc_wrapper(
                    resolver,
                    m,
                    bout,
                    index,
                    &op.name,
                    QName::new(ns(bout), format!("{}Response", op.name)),
                    notes,
                )?,
                parts: Vec::new(),
                alternatives: Vec::new(),
            }),
            None => None,
        };
        (input, output)
    } else {
        let input = match &op.input {
            Some(m) => body_element(resolver, m, bin, index, &op.name, notes)?,
            None => None,
        };
        let output = match &op.output {
            Some(m) => body_element(resolver, m, bout, index, &op.name, notes)?,
            None => None,
        };
        (input, output)
    };
    let input_alternatives = input
        .as_ref()
        .map(|b| b.alternatives.clone())
        .unwrap_or_default();
    let (input, input_parts) = match input {
        Some(b) => (Some(b.element), b.parts),
        None => (None, Vec::new()),
    };
    let (output, output_parts) = match output {
        Some(b) => (Some(b.element), b.parts),
        None => (None, Vec::new()),
    };
    let mut faults = Vec::new();
    for fault in &op.faults {
        // A fault whose message is missing, or has no part (valid WSDL 1.1; the WS-I Basic
        // Profile forbids it), leaves only that fault untyped (it still arrives as a plain
        // fault); the rest of the operation is sound, so this is a note, not an error.
        let mut untyped = |message: &str, why: &str| {
            notes.push((
                fault.location.clone(),
                format!(
                    "fault `{}` of operation `{}` refers to message `{message}`, {why} (it arrives as a plain fault)",
                    fault.name.as_deref().unwrap_or(""),
                    op.name,
                ),
            ));
        };
        let Ok(msg) = message(index, &fault.message, &fault.location) else {
            untyped(
                &fault.message.local,
                "which is not defined: that fault's detail is not typed",
            );
            continue;
        };
        let Some(part) = msg.parts.first() else {
            untyped(
                &msg.name.local,
                "which has no part: the fault has no detail to type",
            );
            continue;
        };
        faults.push(DeclaredFault {
            name: fault.name.clone().unwrap_or_else(|| msg.name.local.clone()),
            element: part_element(resolver, part)?,
        });
    }
    Ok(Operation {
        name: op.name.clone(),
        doc: op.doc.clone(),
        actions,
        input,
        input_parts,
        output,
        output_parts,
        has_output: op.output.is_some(),
        input_headers,
        output_headers,
        faults,
        encoded,
        input_alternatives,
        location: op.location.clone(),
    })
}

/// The binding a port exposes: the one named by its `binding=`, or failing that the only
/// binding with the same local name (see [`lenient`]).
fn port_binding<'d>(index: &Index<'d>, name: &QName) -> Option<&'d syn::Binding> {
    let bindings = || index.bindings.iter().copied();
    bindings().find(|b| &b.name == name).or_else(|| {
        let mut same_local = bindings().filter(|b| b.name.local == name.local);
        match (same_local.next(), same_local.next()) {
            (Some(found), None) => Some(found),
            _ => None,
        }
    })
}

/// Checks that every part a `soap:body parts=` lists is a part of `msg`.
fn check_body_parts(binding: &syn::BindingMessage, msg: &syn::Message) -> Result<()> {
    let Some(listed) = &binding.body_parts else {
        return Ok(());
    };
    let Some(missing) = listed
        .iter()
        .find(|l| !msg.parts.iter().any(|p| &p.name == *l))
    else {
        return Ok(());
    };
    let names: Vec<&str> = msg.parts.iter().map(|p| p.name.as_str()).collect();
    let has = if names.is_empty() {
        "it has no parts".to_string()
    } else {
        format!("its parts are: {}", names.join(", "))
    };
    Err(Diagnostic::new(
        binding
            .body_location
            .clone()
            .unwrap_or_else(|| msg.location.clone()),
        format!(
            "soap:body parts= lists `{missing}`, which is not a part of message `{}`",
            msg.name
        ),
    )
    .with_hint(format!(
        "parts= lists part names of the message, separated by spaces; {has}"
    ))
    .into())
}

/// Looks `name` up; failing that, a single definition with the same local name (WSDLs written by
/// hand often leave `message=` unprefixed under a default namespace that is not the target one).
fn lenient<'d, T>(table: &std::collections::HashMap<QName, &'d T>, name: &QName) -> Option<&'d T> {
    table.get(name).copied().or_else(|| {
        let mut same_local = table.iter().filter(|(q, _)| q.local == name.local);
        match (same_local.next(), same_local.next()) {
            (Some((_, found)), None) => Some(*found),
            _ => None,
        }
    })
}

fn message<'d>(index: &Index<'d>, name: &QName, at: &Location) -> Result<&'d syn::Message> {
    lenient(&index.messages, name).ok_or_else(|| {
        Diagnostic::new(at.clone(), format!("message `{name}` is not defined"))
            .with_hint("check the spelling and prefix of message=, and that the WSDL defining it is imported")
            .into()
    })
}

fn headers(
    resolver: &mut TypeResolver,
    binding: &syn::BindingMessage,
    index: &Index,
) -> Result<Vec<Header>> {
    let mut out = Vec::new();
    for h in &binding.headers {
        let msg = message(index, &h.message, &h.location)?;
        let part = msg.parts.iter().find(|p| p.name == h.part).ok_or_else(|| {
            Diagnostic::new(
                h.location.clone(),
                format!("message `{}` has no part `{}`", h.message, h.part),
            )
            .with_hint("soap:header part= must name a part of the message it names")
        })?;
        let element = part_element(resolver, part)?;
        out.push(Header {
            part: part.name.clone(),
            element,
        });
    }
    Ok(out)
}

/// The message of an operation's input or output, and its parts that go in the Body: those
/// `soap:body parts=` lists, or else all but the ones bound as headers. A part bound to MIME
/// content that the `soap:body` does not have (there is none, or its `parts=` does not list the
/// part) is an attachment, which soapgen leaves out with a note.
fn body_parts<'d>(
    index: &Index<'d>,
    m: &syn::OperationMessage,
    binding: &syn::BindingMessage,
    op_name: &str,
    notes: &mut Vec<(Location, String)>,
) -> Result<(&'d syn::Message, Vec<&'d syn::Part>)> {
    let msg = message(index, &m.message, &m.location)?;
    check_body_parts(binding, msg)?;
    let header_parts: Vec<&str> = binding
        .headers
        .iter()
        .filter(|h| h.message == msg.name)
        .map(|h| h.part.as_str())
        .collect();
    let listed = |p: &syn::Part| {
        binding
            .body_parts
            .as_ref()
            .is_some_and(|listed| listed.iter().any(|l| l == &p.name))
    };
    // A part bound to MIME content is an attachment unless the soap:body has it: it has no
    // soap:body, or one whose parts= does not list it.
    let attachment = |p: &syn::Part| {
        binding.mime_parts.iter().any(|(m, _)| m == &p.name)
            && (binding.body_location.is_none() || (binding.body_parts.is_some() && !listed(p)))
    };
    let mut noted: Vec<&str> = Vec::new();
    for (name, at) in &binding.mime_parts {
        let Some(part) = msg.parts.iter().find(|p| &p.name == name) else {
            continue;
        };
        // A part with several MIME types (mime:content alternatives) is noted once.
        if noted.contains(&name.as_str()) {
            continue;
        }
        noted.push(name);
        if attachment(part) {
            note(
                notes,
                at,
                format!("part `{name}` of operation `{op_name}` is a MIME attachment, which soapgen does not support; it is left out"),
            );
        } else if binding.body_parts.is_none() && !header_parts.contains(&name.as_str()) {
            // Without parts=, every part is in the Body (WSDL 1.1 §3.5): SOAPBuilders' interop
            // WSDLs bind so a part whose element refers to the attachment (with href=).
            note(
                notes,
                at,
                format!("part `{name}` of operation `{op_name}` is bound to MIME content, and to the SOAP Body too (its soap:body has no parts=): it is read and written in the Body only, as soapgen does not support MIME attachments"),
            );
        }
    }
    let parts = msg
        .parts
        .iter()
        .filter(|p| !attachment(p))
        .filter(|p| match &binding.body_parts {
            Some(_) => listed(p),
            None => !header_parts.contains(&p.name.as_str()),
        })
        .collect();
    Ok((msg, parts))
}

/// Adds a note, unless it is there already (a message can be both the input and the output).
fn note(notes: &mut Vec<(Location, String)>, at: &Location, text: String) {
    let note = (at.clone(), text);
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// The element of a body part of a document-style operation: its `element=`; for a part
/// declared with `type=` (which WSDL 1.1 allows and the WS-I Basic Profile forbids), an element
/// named after the part, in no namespace, of that type, directly in the Body — as zeep, Axis
/// and PHP read it — with a note.
fn document_part(
    resolver: &mut TypeResolver,
    part: &syn::Part,
    op_name: &str,
    notes: &mut Vec<(Location, String)>,
) -> Result<ElementRef> {
    match (&part.element, &part.type_name) {
        // A head of a substitution group is handled by the caller (a choice of the group).
        (Some(element), _) => resolver.global_element(element, &part.location),
        (None, Some(type_name)) => {
            note(
                notes,
                &part.location,
                format!(
                    "part `{}` of document-style operation `{op_name}` has type= instead of element=: it is read and written as an element `{}` in no namespace, of type `{type_name}`, directly in the Body (as zeep, Axis and PHP do; the WS-I Basic Profile requires element=)",
                    part.name, part.name
                ),
            );
            part_element(resolver, part)
        }
        (None, None) => Err(Diagnostic::new(
            part.location.clone(),
            format!(
                "part `{}` of document-style operation `{op_name}` has neither element= nor type=",
                part.name
            ),
        )
        .with_hint(
            "document/literal parts must refer to a global element: element=\"prefix:Element\"",
        )
        .into()),
    }
}

fn body_element(
    resolver: &mut TypeResolver,
    m: &syn::OperationMessage,
    binding: &syn::BindingMessage,
    index: &Index,
    op_name: &str,
    notes: &mut Vec<(Location, String)>,
) -> Result<Option<BodyParts>> {
    let (msg, parts) = body_parts(index, m, binding, op_name, notes)?;
    // A part whose element heads a substitution group is a choice of the group's elements.
    let mut groups = Vec::new();
    for part in &parts {
        groups.push(match &part.element {
            Some(head) if resolver.heads_substitution_group(head) => {
                resolver.substitution_group(head, &part.location)?
            }
            _ => None,
        });
    }
    match parts.as_slice() {
        [] => Ok(None),
        [part] if groups[0].is_none() => Ok(Some(BodyParts {
            element: document_part(resolver, part, op_name, notes)?,
            parts: Vec::new(),
            alternatives: Vec::new(),
        })),
        [first, ..] => {
            // Several body parts, or one that heads a substitution group: the Body holds their
            // elements side by side. A synthetic struct with one required field per part
            // carries them (its content is the Body's content); the first part's element (or
            // any element of its group) identifies the message when routing.
            let mut fields = Vec::new();
            let mut elements = Vec::new();
            for (part, group) in parts.iter().zip(&groups) {
                let e = document_part(resolver, part, op_name, notes)?;
                fields.push(Field {
                    wire: e.name.clone(),
                    occurrence: Occurrence::Required,
                    nillable: e.nillable && group.is_none(),
                    kind: group.map_or(FieldKind::Element(e.ty), FieldKind::Choice),
                    default: None,
                    doc: Some(format!("Body part `{}`.", part.name)),
                });
                elements.push(e);
            }
            let alternatives = match groups[0].map(|g| &resolver.types[g].kind) {
                Some(TypeKind::Choice(variants)) => {
                    variants.iter().map(|v| v.wire.clone()).collect()
                }
                _ => Vec::new(),
            };
            let origin = Origin::BodyParts(msg.name.local.clone());
            let id = resolver.synthetic_struct(origin, fields, m.location.clone());
            let first_name = elements
                .first()
                .map_or_else(|| QName::new("", first.name.clone()), |e| e.name.clone());
            Ok(Some(BodyParts {
                element: ElementRef {
                    name: first_name,
                    ty: TypeRef::Named(id),
                    nillable: false,
                },
                parts: elements,
                alternatives,
            }))
        }
    }
}

/// The body of a document-style message: its element, and, when the body has several parts,
/// the element of each (then `element` names the first and its type is the struct of all).
struct BodyParts {
    element: ElementRef,
    parts: Vec<ElementRef>,
    /// When the first part heads a substitution group: the elements that may stand in the Body
    /// for it (the group's, the head included unless abstract).
    alternatives: Vec<QName>,
}

/// The body element of an rpc-style message: a wrapper named `name` whose children are the
/// message's body parts, unqualified and named after the parts (a part declared with
/// `element=` appears as that element).
fn rpc_wrapper(
    resolver: &mut TypeResolver,
    m: &syn::OperationMessage,
    binding: &syn::BindingMessage,
    index: &Index,
    op_name: &str,
    name: QName,
    notes: &mut Vec<(Location, String)>,
) -> Result<ElementRef> {
    let (_, parts) = body_parts(index, m, binding, op_name, notes)?;
    let mut fields = Vec::new();
    for part in parts {
        let e = part_element(resolver, part)?;
        let field = Field {
            wire: e.name,
            occurrence: Occurrence::Required,
            nillable: e.nillable,
            kind: FieldKind::Element(e.ty),
            default: None,
            doc: None,
        };
        fields.push(field);
    }
    let id = resolver.synthetic_struct(Origin::Element(name.clone()), fields, m.location.clone());
    Ok(ElementRef {
        name,
        ty: TypeRef::Named(id),
        nillable: false,
    })
}

/// The element a message part stands for: its `element=`, or, for a part declared with
/// `type=` (rpc style, or a header), an unqualified element named after the part.
fn part_element(resolver: &mut TypeResolver, part: &syn::Part) -> Result<ElementRef> {
    match (&part.element, &part.type_name) {
        (Some(element), _) => {
            if resolver.heads_substitution_group(element) {
                let note = format!("part `{}` is element `{}`, which heads a substitution group: as a message part, only the head itself is read and written, not the other elements of its group", part.name, element.local);
                if !resolver.notes.iter().any(|(_, n)| *n == note) {
                    resolver.notes.push((part.location.clone(), note));
                }
            }
            resolver.global_element(element, &part.location)
        }
        (None, Some(type_name)) => Ok(ElementRef {
            name: QName::new("", part.name.clone()),
            ty: resolver.type_ref(type_name, &part.location)?,
            nillable: false,
        }),
        (None, None) => Err(Diagnostic::new(
            part.location.clone(),
            format!("part `{}` has neither element= nor type=", part.name),
        )
        .with_hint("declare the part with element=\"prefix:Element\" (document style) or type=\"xsd:string\" (rpc style)")
        .into()),
    }
}
