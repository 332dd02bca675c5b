//! Reads one `wsdl:definitions` document: messages, port types, bindings, services, and the
//! schemas embedded in `wsdl:types`.

use super::model::*;
use super::xsd::parse_schema;
use super::{
    children, documentation, is, Ctx, FileReference, ReferenceKind, WSDL_NS, WSDL_SOAP11_NS,
    WSDL_SOAP12_NS, XSD_NS,
};
use crate::error::{Diagnostic, Location};
use roxmltree::Node;

type R<T> = Result<T, Diagnostic>;

/// What one WSDL file contributes: its definitions, its embedded schemas, the files it refers
/// to, and notes about what was deliberately left aside.
pub(crate) struct ParsedWsdl {
    /// The WSDL definitions.
    pub document: WsdlDocument,
    /// Schemas from `wsdl:types`.
    pub schemas: Vec<Schema>,
    /// Imports to follow.
    pub references: Vec<FileReference>,
    /// Things ignored on purpose, for the user to see.
    pub notes: Vec<(Location, String)>,
}

/// Parses a `wsdl:definitions` root element.
pub(crate) fn parse_wsdl(ctx: &Ctx, root: Node) -> R<ParsedWsdl> {
    if !is(root, WSDL_NS, "definitions") {
        return Err(ctx
            .error(
                root,
                format!(
                    "expected wsdl:definitions, found `{}`",
                    root.tag_name().name()
                ),
            )
            .with_hint(
                "soapgen reads WSDL 1.1 documents (namespace http://schemas.xmlsoap.org/wsdl/)",
            ));
    }
    let target_ns = root.attribute("targetNamespace").unwrap_or("").to_string();
    let mut out = ParsedWsdl {
        document: WsdlDocument {
            target_ns: target_ns.clone(),
            location: Some(ctx.loc(root)),
            ..WsdlDocument::default()
        },
        schemas: Vec::new(),
        references: Vec::new(),
        notes: Vec::new(),
    };
    let qualify = |name: &str| QName::new(target_ns.clone(), name);
    for child in children(root) {
        if child.tag_name().namespace() != Some(WSDL_NS) {
            continue;
        }
        match child.tag_name().name() {
            "import" => {
                if let Some(location) = child.attribute("location") {
                    out.references.push(FileReference {
                        location: location.to_string(),
                        kind: ReferenceKind::WsdlImport,
                        at: ctx.loc(child),
                    });
                }
            }
            "types" => {
                for node in children(child) {
                    if is(node, XSD_NS, "schema") {
                        let (s, refs) = parse_schema(ctx, node, None)?;
                        out.schemas.push(s);
                        out.references.extend(refs);
                    } else if node.tag_name().name() == "schema"
                        && node.tag_name().namespace().is_none_or(|ns| ns == WSDL_NS)
                    {
                        // An XML schema without its namespace declaration (a `schema` of
                        // another namespace is an extension element, ignored as WSDL 1.1
                        // allows): not read, its definitions would be missed (and reported as
                        // not defined where they are used).
                        let found = match node.tag_name().namespace() {
                            None => "in no namespace".to_string(),
                            Some(ns) => format!("in the WSDL namespace `{ns}`"),
                        };
                        return Err(ctx
                            .error(
                                node,
                                format!("this `schema` inside wsdl:types is {found}, not in the XML Schema namespace: it is not an XML schema"),
                            )
                            .with_hint(format!(
                                "add xmlns=\"{XSD_NS}\" to it: it declares the namespace of the element names written without a prefix, inside it too"
                            )));
                    } else if node.tag_name().namespace().is_some_and(super::is_xsd_ns) {
                        out.notes.push((
                            ctx.loc(node),
                            format!(
                                "`{}` directly inside wsdl:types is ignored: schema definitions belong inside an xs:schema",
                                super::prefixed(node, node.tag_name().name())
                            ),
                        ));
                    }
                }
            }
            "message" => out.document.messages.push(Message {
                name: qualify(name_of(ctx, child)?),
                parts: children(child)
                    .filter(|p| is(*p, WSDL_NS, "part"))
                    .map(|p| {
                        Ok(Part {
                            name: name_of(ctx, p)?.to_string(),
                            element: ctx.qname_attr(p, "element")?,
                            type_name: ctx.qname_attr(p, "type")?,
                            location: ctx.loc(p),
                        })
                    })
                    .collect::<R<_>>()?,
                location: ctx.loc(child),
            }),
            "portType" => out.document.port_types.push(PortType {
                name: qualify(name_of(ctx, child)?),
                doc: documentation(child, WSDL_NS),
                operations: children(child)
                    .filter(|o| is(*o, WSDL_NS, "operation"))
                    .map(|o| parse_operation(ctx, o))
                    .collect::<R<_>>()?,
                location: ctx.loc(child),
            }),
            "binding" => {
                let binding =
                    parse_binding(ctx, child, qualify(name_of(ctx, child)?), &mut out.notes)?;
                if binding.soap.is_none() {
                    out.notes.push((
                        binding.location.clone(),
                        format!(
                            "binding `{}` is not a SOAP binding (HTTP GET/POST or other); it is ignored",
                            binding.name.local
                        ),
                    ));
                }
                out.document.bindings.push(binding);
            }
            "service" => out.document.services.push(Service {
                name: name_of(ctx, child)?.to_string(),
                doc: documentation(child, WSDL_NS),
                ports: children(child)
                    .filter(|p| is(*p, WSDL_NS, "port"))
                    .map(|p| parse_port(ctx, p))
                    .collect::<R<_>>()?,
                location: ctx.loc(child),
            }),
            _ => {}
        }
    }
    Ok(out)
}

fn name_of<'a>(ctx: &Ctx, node: Node<'a, '_>) -> R<&'a str> {
    node.attribute("name").ok_or_else(|| {
        ctx.error(
            node,
            format!("wsdl:{} without a name", node.tag_name().name()),
        )
        .with_hint("add name=\"…\"")
    })
}

fn parse_operation(ctx: &Ctx, node: Node) -> R<Operation> {
    let message = |n: Node| -> R<OperationMessage> {
        let message = ctx.qname_attr(n, "message")?.ok_or_else(|| {
            ctx.error(n, format!("wsdl:{} without message=", n.tag_name().name()))
                .with_hint("refer to a wsdl:message, e.g. message=\"tns:FooRequest\"")
        })?;
        Ok(OperationMessage {
            name: n.attribute("name").map(str::to_string),
            message,
            location: ctx.loc(n),
        })
    };
    let mut op = Operation {
        name: name_of(ctx, node)?.to_string(),
        doc: documentation(node, WSDL_NS),
        input: None,
        output: None,
        faults: Vec::new(),
        location: ctx.loc(node),
    };
    for child in children(node) {
        if is(child, WSDL_NS, "input") {
            op.input = Some(message(child)?);
        } else if is(child, WSDL_NS, "output") {
            op.output = Some(message(child)?);
        } else if is(child, WSDL_NS, "fault") {
            op.faults.push(message(child)?);
        }
    }
    Ok(op)
}

/// The SOAP 1.1 binding namespace as it is sometimes misspelt, without its trailing slash.
const WSDL_SOAP11_NEAR_MISS: &str = "http://schemas.xmlsoap.org/wsdl/soap";
/// The SOAP 1.2 binding namespace without its trailing slash.
const WSDL_SOAP12_NEAR_MISS: &str = "http://schemas.xmlsoap.org/wsdl/soap12";
/// The WSDL MIME binding namespace.
const WSDL_MIME_NS: &str = "http://schemas.xmlsoap.org/wsdl/mime/";

/// The SOAP version whose WSDL binding namespace `node` is in; a namespace that misses only
/// the trailing slash counts (a note says so, see [`parse_binding`]).
fn soap_ns(node: Node) -> Option<SoapVersion> {
    match node.tag_name().namespace() {
        Some(WSDL_SOAP11_NS | WSDL_SOAP11_NEAR_MISS) => Some(SoapVersion::Soap11),
        Some(WSDL_SOAP12_NS | WSDL_SOAP12_NEAR_MISS) => Some(SoapVersion::Soap12),
        _ => None,
    }
}

fn parse_style(node: Node) -> Option<Style> {
    match node.attribute("style") {
        Some("rpc") => Some(Style::Rpc),
        Some("document") => Some(Style::Document),
        _ => None,
    }
}

/// How a SOAP version is named in notes.
fn version_name(version: SoapVersion) -> &'static str {
    match version {
        SoapVersion::Soap11 => "SOAP 1.1",
        SoapVersion::Soap12 => "SOAP 1.2",
    }
}

fn parse_binding(
    ctx: &Ctx,
    node: Node,
    name: QName,
    notes: &mut Vec<(Location, String)>,
) -> R<Binding> {
    let port_type = ctx.qname_attr(node, "type")?.ok_or_else(|| {
        ctx.error(node, "wsdl:binding without type=")
            .with_hint("name the portType this binding implements")
    })?;
    let soap_binding =
        children(node).find(|c| soap_ns(*c).is_some() && c.tag_name().name() == "binding");
    let protocol = children(node)
        .find(|c| c.tag_name().name() == "binding")
        .and_then(|c| c.tag_name().namespace())
        .filter(|ns| *ns != WSDL_NS)
        .map(str::to_string);
    let operation_nodes = || children(node).filter(|o| is(*o, WSDL_NS, "operation"));
    let soap = match soap_binding.and_then(soap_ns) {
        Some(version) => Some(version),
        // No protocol binding element (soap:binding, http:binding, …), but SOAP extensions
        // inside the operations (soap:operation, soap:body, …): a SOAP binding whose
        // soap:binding was forgotten, read as one (as PHP reads it).
        None if protocol.is_some() => None,
        None => {
            let first = operation_nodes()
                .flat_map(|o| o.descendants())
                .find(|d| d.is_element() && soap_ns(*d).is_some());
            let version = first.and_then(soap_ns);
            if let (Some(first), Some(version)) = (first, version) {
                notes.push((
                    ctx.loc(node),
                    format!(
                        "binding `{}` has no soap:binding element, but its operations use {} extensions (`{}` at {}:{}): it is read as a {} binding, document style unless an operation's soap:operation says otherwise",
                        name.local,
                        version_name(version),
                        super::prefixed(first, first.tag_name().name()),
                        ctx.loc(first).line,
                        ctx.loc(first).column,
                        version_name(version),
                    ),
                ));
            }
            version
        }
    };
    if let Some(near_miss) = node.descendants().filter(|d| d.is_element()).find_map(|d| {
        d.tag_name()
            .namespace()
            .filter(|ns| [WSDL_SOAP11_NEAR_MISS, WSDL_SOAP12_NEAR_MISS].contains(ns))
    }) {
        let (version, correct) = if near_miss == WSDL_SOAP11_NEAR_MISS {
            (SoapVersion::Soap11, WSDL_SOAP11_NS)
        } else {
            (SoapVersion::Soap12, WSDL_SOAP12_NS)
        };
        notes.push((
            ctx.loc(node),
            format!(
                "binding `{}` writes its SOAP extensions in the namespace `{near_miss}`, which is not a WSDL binding namespace: the {} binding namespace is `{correct}`, with a trailing slash; it is read as a {} binding",
                name.local,
                version_name(version),
                version_name(version),
            ),
        ));
    }
    let default_style = soap_binding
        .and_then(parse_style)
        .unwrap_or(Style::Document);
    let mut operations = Vec::new();
    for op in operation_nodes() {
        let soap_op =
            children(op).find(|c| soap_ns(*c).is_some() && c.tag_name().name() == "operation");
        let mut bop = BindingOperation {
            name: name_of(ctx, op)?.to_string(),
            soap_action: soap_op
                .and_then(|s| s.attribute("soapAction"))
                .map(str::to_string),
            style: soap_op.and_then(parse_style).unwrap_or(default_style),
            input: BindingMessage::default(),
            output: BindingMessage::default(),
            faults: Vec::new(),
            location: ctx.loc(op),
        };
        for io in children(op) {
            if is(io, WSDL_NS, "input") {
                bop.input = parse_binding_message(ctx, io)?;
            } else if is(io, WSDL_NS, "output") {
                bop.output = parse_binding_message(ctx, io)?;
            } else if is(io, WSDL_NS, "fault") {
                bop.faults.push(parse_binding_fault(ctx, io, &bop.name)?);
            }
        }
        operations.push(bop);
    }
    Ok(Binding {
        name,
        port_type,
        soap,
        protocol,
        operations,
        location: ctx.loc(node),
    })
}

/// A binding operation's `wsdl:fault`, which names the port type operation's fault it binds.
fn parse_binding_fault(ctx: &Ctx, node: Node, operation: &str) -> R<BindingFault> {
    let name = node.attribute("name").ok_or_else(|| {
        ctx.error(
            node,
            format!("wsdl:fault of binding operation `{operation}` without a name"),
        )
        .with_hint("a binding's wsdl:fault names the wsdl:fault of the port type operation it binds: add name=\"…\" with that fault's name")
    })?;
    let soap_fault =
        children(node).find(|c| soap_ns(*c).is_some() && c.tag_name().name() == "fault");
    Ok(BindingFault {
        name: name.to_string(),
        encoded: soap_fault.and_then(|f| f.attribute("use")) == Some("encoded"),
        location: ctx.loc(node),
    })
}

fn parse_binding_message(ctx: &Ctx, node: Node) -> R<BindingMessage> {
    let mut out = BindingMessage {
        name: node.attribute("name").map(str::to_string),
        ..BindingMessage::default()
    };
    // SOAP with attachments (WSDL 1.1 §5): the soap:body and soap:headers are in a part of a
    // mime:multipartRelated, whose other parts bind message parts to MIME content.
    let mime_parts: Vec<Node> = children(node)
        .filter(|c| is(*c, WSDL_MIME_NS, "multipartRelated"))
        .flat_map(children)
        .filter(|c| is(*c, WSDL_MIME_NS, "part"))
        .collect();
    for content in mime_parts
        .iter()
        .flat_map(|p| children(*p))
        .filter(|c| is(*c, WSDL_MIME_NS, "content"))
    {
        if let Some(part) = content.attribute("part") {
            out.mime_parts.push((part.to_string(), ctx.loc(content)));
        }
    }
    let soap_elements = children(node)
        .chain(mime_parts.iter().flat_map(|p| children(*p)))
        .filter(|c| soap_ns(*c).is_some());
    for child in soap_elements {
        match child.tag_name().name() {
            "body" => {
                out.encoded = child.attribute("use") == Some("encoded");
                out.namespace = child.attribute("namespace").map(str::to_string);
                out.body_location = Some(ctx.loc(child));
                out.body_parts = child
                    .attribute("parts")
                    .map(|p| p.split_whitespace().map(str::to_string).collect());
            }
            "header" => {
                let message = ctx.qname_attr(child, "message")?.ok_or_else(|| {
                    ctx.error(child, "soap:header without message=")
                        .with_hint("name the wsdl:message that holds the header part")
                })?;
                let part = child.attribute("part").ok_or_else(|| {
                    ctx.error(child, "soap:header without part=")
                        .with_hint("name the part of the message that is the header")
                })?;
                out.headers.push(HeaderBinding {
                    message,
                    part: part.to_string(),
                    encoded: child.attribute("use") == Some("encoded"),
                    location: ctx.loc(child),
                });
            }
            _ => {}
        }
    }
    Ok(out)
}

fn parse_port(ctx: &Ctx, node: Node) -> R<Port> {
    let binding = ctx.qname_attr(node, "binding")?.ok_or_else(|| {
        ctx.error(node, "wsdl:port without binding=")
            .with_hint("name the binding this port exposes")
    })?;
    let address = children(node)
        .find(|c| soap_ns(*c).is_some() && c.tag_name().name() == "address")
        .and_then(|a| a.attribute("location"))
        .map(str::to_string);
    Ok(Port {
        name: name_of(ctx, node)?.to_string(),
        binding,
        address,
        location: ctx.loc(node),
    })
}
