//! Resolve stage: binds every QName reference of the syntax model to its definition and builds
//! the [`ir::Ir`]: the services (port types with their SOAP bindings), their operations, and
//! every type those operations reach — only those.

mod index;
pub mod ir;
mod types;

use crate::error::{Diagnostic, Location, Result};
use crate::parse::model::{self as syn, Definitions, QName, Style};
use index::Index;
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
    let index = Index::new(defs);
    let mut resolver = TypeResolver::new(&index);
    let mut services = Vec::new();
    let mut port_type_names: Vec<&QName> = Vec::new();
    for binding in &index.bindings {
        if binding.soap.is_some() && !port_type_names.contains(&&binding.port_type) {
            port_type_names.push(&binding.port_type);
        }
    }
    for pt_name in port_type_names {
        let bindings: Vec<&syn::Binding> = index
            .bindings
            .iter()
            .copied()
            .filter(|b| b.soap.is_some() && &b.port_type == pt_name)
            .collect();
        let Some(port_type) = index.port_types.get(pt_name).copied() else {
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
        )?);
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
    Ok(Ir {
        types: resolver.types,
        services,
        notes: defs.notes.clone(),
    })
}

fn service(
    resolver: &mut TypeResolver,
    port_type: &syn::PortType,
    bindings: &[&syn::Binding],
    index: &Index,
    filter: &OperationFilter,
) -> Result<Service> {
    let mut versions = Vec::new();
    let mut addresses = BTreeMap::new();
    let mut service_name = None;
    let mut service_doc = None;
    for svc in &index.services {
        for port in &svc.ports {
            if let Some(b) = bindings.iter().find(|b| b.name == port.binding) {
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
        operations.push(operation(resolver, op, bindings, index)?);
    }
    Ok(Service {
        name: service_name.unwrap_or_else(|| port_type.name.local.clone()),
        port_type: port_type.name.clone(),
        doc: service_doc.or_else(|| port_type.doc.clone()),
        versions,
        addresses,
        operations,
    })
}

fn operation(
    resolver: &mut TypeResolver,
    op: &syn::Operation,
    bindings: &[&syn::Binding],
    index: &Index,
) -> Result<Operation> {
    let mut actions = BTreeMap::new();
    let mut binding_op: Option<&syn::BindingOperation> = None;
    for b in bindings {
        let Some(bop) = b.operations.iter().find(|o| o.name == op.name) else {
            continue;
        };
        if bop.style == Style::Rpc {
            return Err(Diagnostic::new(bop.location.clone(), format!("operation `{}` uses style=\"rpc\", which this version of soapgen cannot generate yet", op.name))
                .with_hint("document/literal operations are supported; rpc/literal and rpc/encoded support is tracked as its own issue")
                .into());
        }
        if bop.input.encoded || bop.output.encoded {
            return Err(Diagnostic::new(bop.location.clone(), format!("operation `{}` uses use=\"encoded\", which this version of soapgen cannot generate yet", op.name))
                .with_hint("document/literal operations are supported; SOAP encoding support is tracked as its own issue")
                .into());
        }
        if let (Some(v), Some(action)) = (b.soap, &bop.soap_action) {
            actions.entry(v).or_insert_with(|| action.clone());
        }
        binding_op.get_or_insert(bop);
    }
    let empty = syn::BindingMessage::default();
    let (bin, bout) = match binding_op {
        Some(b) => (&b.input, &b.output),
        None => (&empty, &empty),
    };
    let input_headers = headers(resolver, bin, index)?;
    let output_headers = headers(resolver, bout, index)?;
    let input = match &op.input {
        Some(m) => body_element(resolver, m, bin, index, &op.name)?,
        None => None,
    };
    let output = match &op.output {
        Some(m) => body_element(resolver, m, bout, index, &op.name)?,
        None => None,
    };
    Ok(Operation {
        name: op.name.clone(),
        doc: op.doc.clone(),
        actions,
        input,
        output,
        has_output: op.output.is_some(),
        input_headers,
        output_headers,
        location: op.location.clone(),
    })
}

fn message<'d>(index: &Index<'d>, name: &QName, at: &Location) -> Result<&'d syn::Message> {
    index.messages.get(name).copied().ok_or_else(|| {
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
        let Some(element) = &part.element else {
            return Err(Diagnostic::new(
                part.location.clone(),
                format!("header part `{}` has no element=", part.name),
            )
            .with_hint("literal SOAP headers must be declared with element=\"prefix:Element\"")
            .into());
        };
        out.push(Header {
            part: part.name.clone(),
            element: resolver.global_element(element, &part.location)?,
        });
    }
    Ok(out)
}

fn body_element(
    resolver: &mut TypeResolver,
    m: &syn::OperationMessage,
    binding: &syn::BindingMessage,
    index: &Index,
    op_name: &str,
) -> Result<Option<ElementRef>> {
    let msg = message(index, &m.message, &m.location)?;
    let header_parts: Vec<&str> = binding
        .headers
        .iter()
        .filter(|h| h.message == msg.name)
        .map(|h| h.part.as_str())
        .collect();
    let parts: Vec<&syn::Part> = msg
        .parts
        .iter()
        .filter(|p| match &binding.body_parts {
            Some(listed) => listed.iter().any(|l| l == &p.name),
            None => !header_parts.contains(&p.name.as_str()),
        })
        .collect();
    match parts.as_slice() {
        [] => Ok(None),
        [part] => match &part.element {
            Some(element) => Ok(Some(resolver.global_element(element, &part.location)?)),
            None => Err(Diagnostic::new(part.location.clone(), format!("part `{}` of document-style operation `{op_name}` has type= instead of element=", part.name))
                .with_hint("document/literal parts must refer to a global element (element=\"tns:Foo\"); type= parts belong to rpc style")
                .into()),
        },
        [_, second, ..] => Err(Diagnostic::new(second.location.clone(), format!("document-style operation `{op_name}` has {} body parts; this version of soapgen generates one body element per message", parts.len()))
            .with_hint("wrap the parts in one element, or restrict the body with <soap:body parts=\"…\"/>; multi-part document bodies are tracked as their own issue")
            .into()),
    }
}
