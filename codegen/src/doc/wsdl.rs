//! Cuts the root WSDL's text where a service's SOAP addresses are written, so a generated
//! server can serve the document with the address a request came to, byte for byte otherwise.
//!
//! An address belongs to the service when its port's binding is for the service's port type;
//! a port whose binding is not in this document (it comes from an imported WSDL) is taken as
//! the service's too, since that cannot be checked here.

use super::model::WsdlPartModel;
use crate::parse::model::QName;
use crate::parse::{children, is, WSDL_NS, WSDL_SOAP11_NS, WSDL_SOAP12_NS};
use roxmltree::{Document, Node};

/// `text` cut at the `location` values of the addresses of `port_type`'s ports. A document
/// that does not parse (it did when it was loaded) is returned whole.
pub fn cut(text: &str, port_type: &QName) -> Vec<WsdlPartModel> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let Ok(doc) = Document::parse_with_options(text, options) else {
        return vec![WsdlPartModel::Text(text.to_owned())];
    };
    let root = doc.root_element();
    let target_ns = root.attribute("targetNamespace").unwrap_or("");
    let mut ranges = Vec::new();
    for service in children(root).filter(|n| is(*n, WSDL_NS, "service")) {
        for port in children(service).filter(|n| is(*n, WSDL_NS, "port")) {
            if !port_is_for(root, target_ns, port, port_type) {
                continue;
            }
            for address in children(port)
                .filter(|n| is(*n, WSDL_SOAP11_NS, "address") || is(*n, WSDL_SOAP12_NS, "address"))
            {
                if let Some(attr) = address
                    .attributes()
                    .find(|a| a.name() == "location" && a.namespace().is_none())
                {
                    ranges.push(attr.range_value());
                }
            }
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut last = 0;
    for range in ranges {
        if range.start < last || range.end > text.len() {
            continue;
        }
        parts.push(WsdlPartModel::Text(text[last..range.start].to_owned()));
        parts.push(WsdlPartModel::Address(text[range.clone()].to_owned()));
        last = range.end;
    }
    parts.push(WsdlPartModel::Text(text[last..].to_owned()));
    parts
}

/// Whether `port`'s binding is for `port_type` (or not defined in this document).
fn port_is_for(root: Node, target_ns: &str, port: Node, port_type: &QName) -> bool {
    let Some(binding_name) = port.attribute("binding").and_then(|v| resolve(port, v)) else {
        return true;
    };
    if binding_name.0 != target_ns {
        return true;
    }
    let binding = children(root)
        .filter(|n| is(*n, WSDL_NS, "binding"))
        .find(|b| b.attribute("name") == Some(binding_name.1.as_str()));
    match binding
        .and_then(|b| b.attribute("type").map(|t| (b, t)))
        .and_then(|(b, t)| resolve(b, t))
    {
        Some((ns, local)) => ns == port_type.ns && local == port_type.local,
        None => binding.is_none(),
    }
}

/// Resolves a lexical QName in the scope of `node`.
fn resolve(node: Node, value: &str) -> Option<(String, String)> {
    let value = value.trim();
    let (prefix, local) = match value.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, value),
    };
    let ns = node.lookup_namespace_uri(prefix).unwrap_or("");
    if prefix.is_some() && ns.is_empty() {
        return None;
    }
    Some((ns.to_owned(), local.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WSDL: &str = r#"<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:tns="urn:t" targetNamespace="urn:t">
  <binding name="A" type="tns:PA"/>
  <binding name="B" type="tns:PB"/>
  <service name="S">
    <port name="a" binding="tns:A"><soap:address location="http://h/a?x=1&amp;y=2"/></port>
    <port name="a12" binding="tns:A"><soap12:address location='http://h/a12'/></port>
    <port name="b" binding="tns:B"><soap:address location="http://h/b"/></port>
  </service>
</definitions>"#;

    #[test]
    fn cuts_only_the_service_addresses() {
        let parts = cut(WSDL, &QName::new("urn:t", "PA"));
        let addresses: Vec<&str> = parts
            .iter()
            .filter_map(|p| match p {
                WsdlPartModel::Address(a) => Some(a.as_str()),
                WsdlPartModel::Text(_) => None,
            })
            .collect();
        assert_eq!(addresses, ["http://h/a?x=1&amp;y=2", "http://h/a12"]);
        let joined: String = parts
            .iter()
            .map(|p| match p {
                WsdlPartModel::Text(t) | WsdlPartModel::Address(t) => t.as_str(),
            })
            .collect();
        assert_eq!(joined, WSDL);
        assert_eq!(cut("<not xml", &QName::new("", "x")).len(), 1);
    }
}
