//! The rules every SOAP-over-HTTP message of the suite is checked against, whoever sent it:
//! method, status, Content-Type (media type, charset, the SOAP 1.2 `action` parameter),
//! SOAPAction, the envelope namespace, and a fault's code and status. The checks read the
//! raw bytes with roxmltree, independently of our runtime's own parser, so a mistake in our
//! reader cannot hide the same mistake in our writer.

use std::collections::HashMap;
use std::path::Path;

const SOAP11_ENV: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12_ENV: &str = "http://www.w3.org/2003/05/soap-envelope";
const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";
const WSDL_SOAP11: &str = "http://schemas.xmlsoap.org/wsdl/soap/";
const WSDL_SOAP12: &str = "http://schemas.xmlsoap.org/wsdl/soap12/";

/// The SOAP version of an exchange.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Version {
    V11,
    V12,
}

impl Version {
    fn envelope_ns(self) -> &'static str {
        match self {
            Version::V11 => SOAP11_ENV,
            Version::V12 => SOAP12_ENV,
        }
    }
    /// `1.1` or `1.2`.
    pub fn label(self) -> &'static str {
        match self {
            Version::V11 => "1.1",
            Version::V12 => "1.2",
        }
    }
}

/// The SOAPAction each request body element must come with, per SOAP version, for one WSDL.
#[derive(Default)]
pub struct Actions {
    by_element: HashMap<(Version, String), String>,
}

impl Actions {
    /// Reads the soapAction of every operation of every SOAP binding in `wsdl`.
    pub fn load(wsdl: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(wsdl).map_err(|e| format!("{}: {e}", wsdl.display()))?;
        let doc =
            roxmltree::Document::parse(&text).map_err(|e| format!("{}: {e}", wsdl.display()))?;
        let wsdl_el =
            |n: &roxmltree::Node, name: &str| n.is_element() && n.has_tag_name((WSDL_NS, name));
        let local = |qname: &str| qname.rsplit(':').next().unwrap_or(qname).to_string();

        // message name -> element local name of its (first) part
        let mut part_element = HashMap::new();
        for m in doc.descendants().filter(|n| wsdl_el(n, "message")) {
            if let Some(part) = m.children().find(|n| wsdl_el(n, "part")) {
                let element = part
                    .attribute("element")
                    .or(part.attribute("type"))
                    .map(local);
                if let (Some(name), Some(element)) = (m.attribute("name"), element) {
                    part_element.insert(name.to_string(), element);
                }
            }
        }
        // portType operation name -> request element local name
        let mut request_element = HashMap::new();
        for op in doc.descendants().filter(|n| wsdl_el(n, "operation")) {
            let in_port_type = op.parent().is_some_and(|p| wsdl_el(&p, "portType"));
            let input = op.children().find(|n| wsdl_el(n, "input"));
            if let (true, Some(name), Some(input)) = (in_port_type, op.attribute("name"), input) {
                if let Some(element) = input
                    .attribute("message")
                    .map(local)
                    .and_then(|m| part_element.get(&m))
                {
                    request_element.insert(name.to_string(), element.clone());
                }
            }
        }
        let mut actions = Actions::default();
        for binding in doc.descendants().filter(|n| wsdl_el(n, "binding")) {
            let version = binding
                .children()
                .find_map(|c| match c.tag_name().namespace() {
                    Some(WSDL_SOAP11) if c.tag_name().name() == "binding" => Some(Version::V11),
                    Some(WSDL_SOAP12) if c.tag_name().name() == "binding" => Some(Version::V12),
                    _ => None,
                });
            let Some(version) = version else { continue };
            for op in binding.children().filter(|n| wsdl_el(n, "operation")) {
                let action = op
                    .children()
                    .find(|c| c.tag_name().name() == "operation")
                    .and_then(|c| c.attribute("soapAction"))
                    .unwrap_or("");
                if let Some(element) = op.attribute("name").and_then(|n| request_element.get(n)) {
                    actions
                        .by_element
                        .insert((version, element.clone()), action.to_string());
                }
            }
        }
        Ok(actions)
    }

    fn expected(&self, version: Version, element: &str) -> Option<&str> {
        self.by_element
            .get(&(version, element.to_string()))
            .map(String::as_str)
    }
}

/// What the checks need of an HTTP message.
pub struct HttpMessage<'a> {
    /// The request method (requests only).
    pub method: Option<&'a str>,
    /// The response status (responses only).
    pub status: Option<u16>,
    pub content_type: Option<&'a str>,
    pub soap_action: Option<&'a str>,
    pub body: &'a [u8],
}

/// Checks a request; returns the version it claims (from its Content-Type) and every broken rule.
pub fn check_request(msg: &HttpMessage, actions: &Actions) -> (Option<Version>, Vec<String>) {
    let mut broken = Vec::new();
    if msg.method != Some("POST") {
        broken.push(format!("method {:?}, not POST", msg.method));
    }
    let (version, params) = match content_type(msg.content_type, &mut broken) {
        Some(v) => v,
        None => return (None, broken),
    };
    let envelope = envelope(msg.body, version, &mut broken);
    let element = envelope.as_ref().and_then(|e| e.body_child.clone());
    let expected = element
        .as_deref()
        .and_then(|e| actions.expected(version, e));
    match version {
        Version::V11 => match msg.soap_action {
            None => broken.push("SOAP 1.1 request without a SOAPAction header".into()),
            Some(raw) => {
                let quoted = raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"');
                if !quoted {
                    broken.push(format!("SOAPAction {raw} is not a quoted string"));
                }
                let value = raw.trim_matches('"');
                if let Some(expected) = expected {
                    if value != expected {
                        broken.push(format!("SOAPAction {raw}, the WSDL says \"{expected}\""));
                    }
                }
            }
        },
        Version::V12 => {
            if msg.soap_action.is_some() {
                // Not an error for a receiver, but the SOAP 1.2 HTTP binding carries the action
                // in the media type only; a 1.1 header on a 1.2 request is worth knowing about.
                broken.push("SOAP 1.2 request with a SOAP 1.1 SOAPAction header".into());
            }
            if let (Some(action), Some(expected)) = (params.get("action"), expected) {
                if action != expected {
                    broken.push(format!(
                        "action parameter {action:?}, the WSDL says {expected:?}"
                    ));
                }
            }
        }
    }
    if element.is_some() && expected.is_none() {
        broken.push(format!(
            "body element {:?} is no operation's request in the WSDL",
            element.unwrap_or_default()
        ));
    }
    (Some(version), broken)
}

/// Checks the response to a request of `version`.
pub fn check_response(msg: &HttpMessage, version: Version) -> Vec<String> {
    let mut broken = Vec::new();
    match content_type(msg.content_type, &mut broken) {
        Some((v, _)) if v != version => broken.push(format!(
            "response Content-Type is SOAP {v:?} to a SOAP {version:?} request"
        )),
        _ => {}
    }
    let Some(envelope) = envelope(msg.body, version, &mut broken) else {
        return broken;
    };
    let status = msg.status.unwrap_or(0);
    match envelope.fault {
        None if status != 200 => broken.push(format!("status {status} without a fault")),
        None => {}
        Some(code) => {
            let expected = match (version, code.as_str()) {
                (Version::V12, "Sender") => 400,
                _ => 500,
            };
            if status != expected {
                broken.push(format!(
                    "fault {code} with status {status}, expected {expected}"
                ));
            }
        }
    }
    broken.extend(envelope.fault_problems);
    broken
}

/// Parses the Content-Type into the version it names and its parameters.
fn content_type(
    header: Option<&str>,
    broken: &mut Vec<String>,
) -> Option<(Version, HashMap<String, String>)> {
    let Some(header) = header else {
        broken.push("no Content-Type".into());
        return None;
    };
    let mut parts = header.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let params: HashMap<String, String> = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| {
            (
                k.trim().to_ascii_lowercase(),
                v.trim().trim_matches('"').to_string(),
            )
        })
        .collect();
    let version = match media.as_str() {
        "text/xml" => Version::V11,
        "application/soap+xml" => Version::V12,
        other => {
            broken.push(format!(
                "Content-Type media type {other:?} is neither text/xml nor application/soap+xml"
            ));
            return None;
        }
    };
    match params.get("charset") {
        Some(c) if c.eq_ignore_ascii_case("utf-8") => {}
        Some(c) => broken.push(format!("charset {c:?}, expected utf-8")),
        None => broken.push(format!("Content-Type {header:?} has no charset")),
    }
    Some((version, params))
}

struct Envelope {
    body_child: Option<String>,
    /// The fault code's local name, if the body holds a fault.
    fault: Option<String>,
    fault_problems: Vec<String>,
}

fn envelope(body: &[u8], version: Version, broken: &mut Vec<String>) -> Option<Envelope> {
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            broken.push(format!("body is not UTF-8: {e}"));
            return None;
        }
    };
    let doc = match roxmltree::Document::parse(text) {
        Ok(d) => d,
        Err(e) => {
            broken.push(format!("body is not well-formed XML: {e}"));
            return None;
        }
    };
    let root = doc.root_element();
    let ns = version.envelope_ns();
    if !root.has_tag_name((ns, "Envelope")) {
        broken.push(format!(
            "root element {{{}}}{}, expected {{{ns}}}Envelope",
            root.tag_name().namespace().unwrap_or(""),
            root.tag_name().name()
        ));
        return None;
    }
    let Some(soap_body) = root.children().find(|n| n.has_tag_name((ns, "Body"))) else {
        broken.push("no Body in the envelope's namespace".into());
        return None;
    };
    let first = soap_body.children().find(|n| n.is_element());
    let mut fault_problems = Vec::new();
    let fault = first
        .filter(|n| n.has_tag_name((ns, "Fault")))
        .map(|f| fault_code(f, version, &mut fault_problems));
    Some(Envelope {
        body_child: first.map(|n| n.tag_name().name().to_string()),
        fault,
        fault_problems,
    })
}

/// The fault's code local name; records a code outside the envelope namespace or missing parts.
fn fault_code(fault: roxmltree::Node, version: Version, problems: &mut Vec<String>) -> String {
    let ns = version.envelope_ns();
    let (code_text, holder) = match version {
        Version::V11 => {
            let code = fault.children().find(|n| n.has_tag_name("faultcode"));
            if !fault.children().any(|n| n.has_tag_name("faultstring")) {
                problems.push("SOAP 1.1 fault without an unqualified faultstring".into());
            }
            (code.and_then(|c| c.text()), code)
        }
        Version::V12 => {
            let value = fault
                .children()
                .find(|n| n.has_tag_name((ns, "Code")))
                .and_then(|c| c.children().find(|n| n.has_tag_name((ns, "Value"))));
            let text = fault
                .children()
                .find(|n| n.has_tag_name((ns, "Reason")))
                .and_then(|r| r.children().find(|n| n.has_tag_name((ns, "Text"))));
            match text {
                None => problems.push("SOAP 1.2 fault without Reason/Text".into()),
                Some(t)
                    if t.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                        .is_none() =>
                {
                    problems.push("SOAP 1.2 Reason/Text without xml:lang".into())
                }
                _ => {}
            }
            (value.and_then(|c| c.text()), value)
        }
    };
    let Some((code, node)) = code_text.map(str::trim).zip(holder) else {
        problems.push("fault without a code".into());
        return String::new();
    };
    let (prefix, local) = code.split_once(':').unwrap_or(("", code));
    let code_ns = node.lookup_namespace_uri(if prefix.is_empty() {
        None
    } else {
        Some(prefix)
    });
    if code_ns != Some(ns) {
        problems.push(format!(
            "fault code {code} is not in the envelope namespace ({code_ns:?})"
        ));
    }
    let standard: &[&str] = match version {
        Version::V11 => &["VersionMismatch", "MustUnderstand", "Client", "Server"],
        Version::V12 => &[
            "VersionMismatch",
            "MustUnderstand",
            "DataEncodingUnknown",
            "Sender",
            "Receiver",
        ],
    };
    let head = local.split('.').next().unwrap_or(local);
    if !standard.contains(&head) {
        problems.push(format!("fault code {code} is not a SOAP {version:?} code"));
    }
    local.to_string()
}
