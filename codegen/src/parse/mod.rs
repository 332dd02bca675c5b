//! Parse stage: turns roxmltree DOMs into the owned syntax model of [`model`], keeping the source
//! position of every definition. Namespaces are resolved by URI here, so later stages never see a
//! prefix.

pub mod model;
mod redefine;
mod wsdl;
mod xsd;

pub(crate) use redefine::{apply_redefinitions, FileKey};
pub(crate) use wsdl::parse_wsdl;
pub(crate) use xsd::parse_schema;

use crate::error::{Diagnostic, Location};
use model::QName;
use roxmltree::Node;
use std::path::Path;

/// The WSDL 1.1 namespace.
pub const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";
/// The WSDL SOAP 1.1 binding namespace.
pub const WSDL_SOAP11_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap/";
/// The WSDL SOAP 1.2 binding namespace.
pub const WSDL_SOAP12_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap12/";
/// The XML Schema namespace.
pub const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema";
/// Pre-recommendation XML Schema namespaces still found in old WSDLs; treated as [`XSD_NS`].
pub const OLD_XSD_NS: [&str; 2] = [
    "http://www.w3.org/1999/XMLSchema",
    "http://www.w3.org/2000/10/XMLSchema",
];

/// Namespaces whose schemas every SOAP toolkit knows: a remote import of one of them is skipped
/// (with a note), and what the service uses from them is kept as raw XML.
pub const WELL_KNOWN_NS: [&str; 9] = [
    "http://schemas.xmlsoap.org/soap/envelope/",
    "http://schemas.xmlsoap.org/soap/encoding/",
    "http://www.w3.org/2003/05/soap-envelope",
    "http://www.w3.org/2003/05/soap-encoding",
    "http://www.w3.org/XML/1998/namespace",
    "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "http://www.w3.org/2005/08/addressing",
    "http://www.w3.org/2006/03/addressing",
    "http://www.w3.org/2000/09/xmldsig#",
];

/// Whether `ns` is the XML Schema namespace (any of its historical URIs).
pub fn is_xsd_ns(ns: &str) -> bool {
    ns == XSD_NS || OLD_XSD_NS.contains(&ns)
}

/// A reference found while parsing that the loader must follow.
#[derive(Debug, Clone)]
pub struct FileReference {
    /// The `location=` / `schemaLocation=` value, as written.
    pub location: String,
    /// What kind of reference it is.
    pub kind: ReferenceKind,
    /// Where the reference is written.
    pub at: Location,
}

/// The kinds of file reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceKind {
    /// `wsdl:import`.
    WsdlImport,
    /// `xs:import` (the target keeps its own namespace).
    SchemaImport {
        /// `namespace=` of the import.
        namespace: Option<String>,
    },
    /// `xs:include` / `xs:redefine`: the target joins the includer's namespace (chameleon when it has none).
    SchemaInclude {
        /// The includer's target namespace.
        namespace: String,
    },
}

/// Byte offsets of line starts, so positions are found by binary search (roxmltree's own
/// `text_pos_at` scans from the start of the text, which is quadratic over a large WSDL).
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// 1-based (line, column in characters) of byte offset `pos` in `text`.
    pub fn position(&self, text: &str, pos: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column = text.get(start..pos).map_or(0, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }
}

/// Per-document parsing context: the file name for positions, and chameleon namespace adoption.
pub(crate) struct Ctx<'a, 'input> {
    pub doc: &'a roxmltree::Document<'input>,
    pub file: &'a Path,
    /// Line starts of the document's text.
    pub lines: &'a LineIndex,
    /// For a chameleon include: references to no-namespace components mean this namespace.
    pub chameleon_ns: Option<&'a str>,
}

impl<'a, 'input> Ctx<'a, 'input> {
    /// The position of a node.
    pub fn loc(&self, node: Node) -> Location {
        let (line, column) = self
            .lines
            .position(self.doc.input_text(), node.range().start);
        Location {
            file: self.file.to_path_buf(),
            line,
            column,
        }
    }

    /// A diagnostic at a node.
    pub fn error(&self, node: Node, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.loc(node), message)
    }

    /// Resolves the QName-valued attribute `attr` of `node` (e.g. `type="tns:Foo"`) by namespace URI.
    pub fn qname_attr(&self, node: Node, attr: &str) -> Result<Option<QName>, Diagnostic> {
        match node.attribute(attr) {
            None => Ok(None),
            Some(value) => self.resolve_qname(node, value).map(Some),
        }
    }

    /// Resolves a lexical QName in the scope of `node`.
    pub fn resolve_qname(&self, node: Node, value: &str) -> Result<QName, Diagnostic> {
        let value = value.trim();
        let (prefix, local) = match value.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None => (None, value),
        };
        let ns = match node.lookup_namespace_uri(prefix) {
            Some(ns) => ns.to_string(),
            None => match prefix {
                None => String::new(),
                Some("xml") => "http://www.w3.org/XML/1998/namespace".to_string(),
                Some(p) => {
                    return Err(self
                        .error(
                            node,
                            format!("the prefix `{p}` in `{value}` is not declared"),
                        )
                        .with_hint(format!(
                            "declare it with xmlns:{p}=\"…\" on this element or an ancestor"
                        )))
                }
            },
        };
        let ns = if is_xsd_ns(&ns) {
            XSD_NS.to_string()
        } else {
            ns
        };
        let ns = match (ns.is_empty(), self.chameleon_ns) {
            (true, Some(chameleon)) => chameleon.to_string(),
            _ => ns,
        };
        Ok(QName::new(ns, local))
    }

    /// A non-negative integer attribute with a default.
    pub fn occurs_attr(&self, node: Node, attr: &str, default: u64) -> Result<u64, Diagnostic> {
        match node.attribute(attr) {
            None => Ok(default),
            Some(v) => v.trim().parse::<u64>().map_err(|_| {
                self.error(
                    node,
                    format!("{attr}=\"{v}\" is not a non-negative integer"),
                )
                .with_hint(if attr == "maxOccurs" {
                    "write a whole number such as 0, 1 or 10, or \"unbounded\" for no upper limit"
                } else {
                    "write a whole number such as 0 (optional) or 1 (required, the default)"
                })
            }),
        }
    }

    /// `minOccurs`/`maxOccurs` of a particle; `minOccurs` greater than `maxOccurs` is an error.
    pub fn occurs(&self, node: Node) -> Result<model::Occurs, Diagnostic> {
        let min = self.occurs_attr(node, "minOccurs", 1)?;
        let max = match node.attribute("maxOccurs").map(str::trim) {
            Some("unbounded") => None,
            _ => Some(self.occurs_attr(node, "maxOccurs", 1)?),
        };
        if let Some(max) = max.filter(|&max| min > max) {
            let written = |attr: &str, value: u64| match node.attribute(attr) {
                Some(v) => format!("{attr}=\"{}\"", v.trim()),
                None => format!("{attr} (default {value})"),
            };
            return Err(self
                .error(
                    node,
                    format!(
                        "{} is greater than {}",
                        written("minOccurs", min),
                        written("maxOccurs", max)
                    ),
                )
                .with_hint(
                    "minOccurs must not exceed maxOccurs (both default to 1): raise maxOccurs, e.g. maxOccurs=\"unbounded\", or lower minOccurs",
                ));
        }
        Ok(model::Occurs { min, max })
    }
}

/// Whether `node` is the element `{ns}local`.
pub(crate) fn is(node: Node, ns: &str, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node
            .tag_name()
            .namespace()
            .is_some_and(|n| n == ns || (ns == XSD_NS && is_xsd_ns(n)))
}

/// The name of an element as written, `prefix:local` (its prefix looked up in scope from its
/// namespace), for messages; `local` is the name shown (`node`'s own, or its parent's).
pub(crate) fn prefixed(node: Node, local: &str) -> String {
    match node
        .tag_name()
        .namespace()
        .and_then(|ns| node.lookup_prefix(ns))
    {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{local}"),
        _ => local.to_string(),
    }
}

/// The element children of `node`.
pub(crate) fn children<'a, 'input>(
    node: Node<'a, 'input>,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(Node::is_element)
}

/// `xs:annotation/xs:documentation` (or `wsdl:documentation`) text, whitespace tidied.
pub(crate) fn documentation(node: Node, ns: &str) -> Option<String> {
    let mut parts = Vec::new();
    for child in children(node) {
        if is(child, XSD_NS, "annotation") {
            for doc in children(child).filter(|c| is(*c, XSD_NS, "documentation")) {
                parts.push(all_text(doc));
            }
        } else if is(child, ns, "documentation") {
            parts.push(all_text(child));
        }
    }
    let text = parts
        .iter()
        .flat_map(|p| p.lines())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn all_text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// `attr="true"` (or `"1"`).
pub(crate) fn bool_attr(node: Node, attr: &str) -> bool {
    matches!(node.attribute(attr).map(str::trim), Some("true" | "1"))
}
