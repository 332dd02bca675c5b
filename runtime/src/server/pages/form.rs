//! The test form of an operation page.
//!
//! An operation whose headers and body are trees of single (not repeated) elements ending in
//! simple values gets a form with one field per value: a text box showing the type as its
//! placeholder, or a list for booleans and enumerations. Each header gets a group of its own,
//! and so does every nested object. Submitting it builds the SOAP request from the fields: an
//! optional element left empty is left out (with everything under it), a required one is sent
//! empty. Any other operation (arrays, choices, wildcards, required attributes, very large
//! trees) gets its sample request in a text area to edit and send.
//!
//! Field names are the element names along the path (`AuthHeader.UserName`,
//! `request.Username`); the form's own controls use names no element can have
//! (`soapgen:version`, `soapgen:envelope`: local names contain no colon).

use super::sample::{self, push_html};
use super::text::version_label;
use super::{
    page_versions, Occurs, OperationDescription, SampleChild, SampleContent, SampleElement,
    SampleValue, ServiceDescription,
};
use crate::envelope::{EnvelopeWriter, SoapVersion};

/// Form control naming the SOAP version to send.
pub(crate) const VERSION_FIELD: &str = "soapgen:version";
/// Form control holding an edited envelope.
pub(crate) const ENVELOPE_FIELD: &str = "soapgen:envelope";
/// More fields than this and the operation gets the envelope form.
const MAX_FIELDS: usize = 100;
/// Objects nested deeper than this (below a header or body element) get the envelope form.
const MAX_NESTING: usize = 4;

/// One element of a fields form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node<'a> {
    /// A simple value: one field.
    Field {
        element: &'a SampleElement<'a>,
        /// The form field's name.
        name: String,
        input: Input<'a>,
    },
    /// An object: its children.
    Group {
        element: &'a SampleElement<'a>,
        children: Vec<Node<'a>>,
    },
    /// An element with nothing to fill in (`xs:anyType`): sent empty when required.
    Empty { element: &'a SampleElement<'a> },
}

/// How a value is entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input<'a> {
    /// A text box; the placeholder names the type.
    Text(String),
    /// A list of values.
    Choice(Vec<&'a str>),
}

/// The form an operation gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plan<'a> {
    /// One field per value: header entries, then body entries.
    Fields {
        headers: Vec<Node<'a>>,
        body: Vec<Node<'a>>,
    },
    /// The sample request to edit.
    Envelope,
}

/// Decides the form of `op`.
pub(crate) fn plan<'a>(
    desc: &'a ServiceDescription<'a>,
    op: &'a OperationDescription<'a>,
) -> Plan<'a> {
    let mut names = Names::default();
    let mut count = 0;
    let mut headers = Vec::new();
    for element in op.input.headers {
        match node(desc, element, element.name, 0, &mut names, &mut count) {
            Some(n) => headers.push(n),
            None => return Plan::Envelope,
        }
    }
    let mut body = Vec::new();
    for element in op.input.body {
        // The body element's children are the parameters: their paths start below it.
        let n = match &element.content {
            SampleContent::Complex(index) => {
                let Some(children) = group_children(desc, *index, "", 1, &mut names, &mut count)
                else {
                    return Plan::Envelope;
                };
                Node::Group { element, children }
            }
            _ => match node(desc, element, element.name, 0, &mut names, &mut count) {
                Some(n) => n,
                None => return Plan::Envelope,
            },
        };
        body.push(n);
    }
    if count > MAX_FIELDS {
        return Plan::Envelope;
    }
    Plan::Fields { headers, body }
}

/// Unique field names.
#[derive(Default)]
struct Names(Vec<String>);

impl Names {
    fn unique(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut n = 1;
        while self.0.contains(&name) {
            n += 1;
            name = format!("{base}~{n}");
        }
        self.0.push(name.clone());
        name
    }
}

fn node<'a>(
    desc: &'a ServiceDescription<'a>,
    element: &'a SampleElement<'a>,
    path: &str,
    nesting: usize,
    names: &mut Names,
    count: &mut usize,
) -> Option<Node<'a>> {
    if element.occurs == Occurs::Repeated || nesting > MAX_NESTING || *count > MAX_FIELDS {
        return None;
    }
    match &element.content {
        SampleContent::Empty => Some(Node::Empty { element }),
        SampleContent::Xml(_) => None,
        SampleContent::Simple(value) => {
            *count += 1;
            let input = match value {
                SampleValue::Builtin("boolean") => Input::Choice(vec!["false", "true"]),
                SampleValue::Builtin(name) => Input::Text((*name).to_owned()),
                SampleValue::QName => Input::Text("QName".to_owned()),
                SampleValue::Enumeration(values) => Input::Choice(values.to_vec()),
            };
            Some(Node::Field {
                element,
                name: names.unique(path),
                input,
            })
        }
        SampleContent::Complex(index) => {
            let children = group_children(desc, *index, path, nesting + 1, names, count)?;
            Some(Node::Group { element, children })
        }
    }
}

fn group_children<'a>(
    desc: &'a ServiceDescription<'a>,
    index: usize,
    path: &str,
    nesting: usize,
    names: &mut Names,
    count: &mut usize,
) -> Option<Vec<Node<'a>>> {
    let ty = desc.types.get(index)?;
    if ty.text.is_some() || ty.attributes.iter().any(|a| a.required) {
        return None;
    }
    let mut children = Vec::new();
    for child in ty.children {
        let SampleChild::Element(element) = child else {
            return None;
        };
        let child_path = if path.is_empty() {
            element.name.to_owned()
        } else {
            format!("{path}.{}", element.name)
        };
        children.push(node(desc, element, &child_path, nesting, names, count)?);
    }
    Some(children)
}

/// Submitted values, in order.
pub(crate) type Values = Vec<(String, String)>;

fn value_of<'v>(values: &'v Values, name: &str) -> Option<&'v str> {
    values
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The test form's HTML, filled with `values` (empty on first display). The form posts to
/// `?op=NAME` on the service's own path.
pub(crate) fn render(
    desc: &ServiceDescription<'_>,
    op: &OperationDescription<'_>,
    plan: &Plan<'_>,
    values: &Values,
    max_sample_elements: usize,
) -> String {
    let mut out = String::new();
    let versions = page_versions(op);
    out.push_str("<form method=\"post\" action=\"?op=");
    push_html(&mut out, &super::html::percent_encode(op.name));
    // The fragment brings the response into view after a submission.
    out.push_str("#result\" id=\"test-form\">\n");
    match plan {
        Plan::Fields { headers, body } => {
            out.push_str("<p>To test the operation, fill in the values and click <b>Invoke</b>; empty optional values are left out of the request.</p>\n");
            for header in headers {
                render_top(&mut out, header, "SOAP header", values);
            }
            for entry in body {
                render_top(&mut out, entry, "request body", values);
            }
            render_versions(&mut out, &versions, values);
        }
        Plan::Envelope => {
            out.push_str("<p>This operation's request is not a list of simple values: edit the sample request below and click <b>Invoke</b>. The SOAP version follows the envelope's namespace.</p>\n");
            let text = match value_of(values, ENVELOPE_FIELD) {
                Some(v) => v.to_owned(),
                None => versions
                    .first()
                    .map(|(v, _)| {
                        sample::envelope(desc, &op.input, *v, max_sample_elements)
                            .chunks
                            .plain()
                    })
                    .unwrap_or_default(),
            };
            let rows = text.lines().count().clamp(8, 40);
            out.push_str(&format!(
                "<textarea name=\"{ENVELOPE_FIELD}\" id=\"envelope\" rows=\"{rows}\" spellcheck=\"false\">"
            ));
            push_html(&mut out, &text);
            out.push_str("</textarea>\n");
        }
    }
    out.push_str("<button type=\"submit\" id=\"invoke\">Invoke</button>\n</form>\n");
    out
}

fn render_versions(out: &mut String, versions: &[(SoapVersion, &str)], values: &Values) {
    if versions.len() < 2 {
        return;
    }
    let chosen = value_of(values, VERSION_FIELD);
    out.push_str(&format!(
        "<p><label for=\"soap-version\">SOAP version</label> <select name=\"{VERSION_FIELD}\" id=\"soap-version\">"
    ));
    for (version, _) in versions {
        let key = version_key(*version);
        out.push_str("<option value=\"");
        out.push_str(key);
        out.push('"');
        if chosen == Some(key) {
            out.push_str(" selected");
        }
        out.push('>');
        out.push_str(version_label(*version));
        out.push_str("</option>");
    }
    out.push_str("</select></p>\n");
}

/// `1.1` or `1.2`, the values of the version control.
pub(crate) fn version_key(version: SoapVersion) -> &'static str {
    match version {
        SoapVersion::Soap11 => "1.1",
        SoapVersion::Soap12 => "1.2",
    }
}

fn render_top(out: &mut String, node: &Node<'_>, kind: &str, values: &Values) {
    let element = match node {
        Node::Field { element, .. } | Node::Group { element, .. } | Node::Empty { element } => {
            element
        }
    };
    out.push_str("<fieldset><legend>");
    push_html(out, element.name);
    out.push_str(" <span class=\"kind\">(");
    out.push_str(kind);
    out.push_str(")</span></legend>\n");
    match node {
        Node::Group { children, .. } => render_rows(out, children, values),
        Node::Field { .. } => render_rows(out, std::slice::from_ref(node), values),
        Node::Empty { .. } => out.push_str("<p class=\"note\">Nothing to fill in.</p>\n"),
    }
    out.push_str("</fieldset>\n");
}

fn render_rows(out: &mut String, nodes: &[Node<'_>], values: &Values) {
    let mut in_table = false;
    for node in nodes {
        match node {
            Node::Field {
                element,
                name,
                input,
            } => {
                if !in_table {
                    out.push_str("<table class=\"fields\">\n");
                    in_table = true;
                }
                let current = value_of(values, name);
                out.push_str("<tr><td><label for=\"");
                push_html(out, name);
                out.push_str("\">");
                push_html(out, element.name);
                out.push_str("</label></td><td>");
                match input {
                    Input::Text(placeholder) => {
                        out.push_str("<input type=\"text\" id=\"");
                        push_html(out, name);
                        out.push_str("\" name=\"");
                        push_html(out, name);
                        out.push_str("\" placeholder=\"");
                        push_html(out, placeholder);
                        out.push_str("\" value=\"");
                        push_html(out, current.unwrap_or(""));
                        out.push_str("\">");
                    }
                    Input::Choice(options) => {
                        out.push_str("<select id=\"");
                        push_html(out, name);
                        out.push_str("\" name=\"");
                        push_html(out, name);
                        out.push_str("\">");
                        if element.occurs == Occurs::Optional {
                            out.push_str("<option value=\"\">(none)</option>");
                        }
                        for option in options {
                            out.push_str("<option value=\"");
                            push_html(out, option);
                            out.push('"');
                            if current == Some(*option) {
                                out.push_str(" selected");
                            }
                            out.push('>');
                            push_html(out, option);
                            out.push_str("</option>");
                        }
                        out.push_str("</select>");
                    }
                }
                out.push_str("</td><td class=\"type\">");
                match input {
                    Input::Text(placeholder) => push_html(out, placeholder),
                    Input::Choice(options) if options[..] == ["false", "true"] => {
                        out.push_str("boolean");
                    }
                    Input::Choice(_) => {}
                }
                if element.occurs == Occurs::Optional {
                    out.push_str(" (optional)");
                }
                out.push_str("</td></tr>\n");
            }
            Node::Group { element, children } => {
                if in_table {
                    out.push_str("</table>\n");
                    in_table = false;
                }
                out.push_str("<fieldset><legend>");
                push_html(out, element.name);
                if element.occurs == Occurs::Optional {
                    out.push_str(" <span class=\"kind\">(optional)</span>");
                }
                out.push_str("</legend>\n");
                render_rows(out, children, values);
                out.push_str("</fieldset>\n");
            }
            Node::Empty { .. } => {}
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
}

/// The SOAP request a submitted form asks for: version, action and envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Request {
    pub version: SoapVersion,
    pub action: String,
    pub envelope: String,
}

/// Builds the request from submitted `values`; `None` when the operation has no SOAP binding.
pub(crate) fn build(
    op: &OperationDescription<'_>,
    plan: &Plan<'_>,
    values: &Values,
) -> Option<Request> {
    let versions = page_versions(op);
    let (default_version, _) = *versions.first()?;
    let (version, envelope) = match (plan, value_of(values, ENVELOPE_FIELD)) {
        (_, Some(text)) => (
            envelope_version(text).unwrap_or(default_version),
            text.to_owned(),
        ),
        (Plan::Fields { headers, body }, None) => {
            let version = value_of(values, VERSION_FIELD)
                .and_then(|key| versions.iter().find(|(v, _)| version_key(*v) == key))
                .map_or(default_version, |(v, _)| *v);
            let mut env = EnvelopeWriter::new(version);
            let sent: Vec<&Node<'_>> = headers.iter().filter(|h| has_value(h, values)).collect();
            if !sent.is_empty() {
                let w = env.header();
                for header in sent {
                    write_node(w, header, values, true);
                }
            }
            let w = env.body();
            for entry in body {
                write_node(w, entry, values, true);
            }
            (version, env.finish())
        }
        (Plan::Envelope, None) => (default_version, String::new()),
    };
    let action = op.action(version).unwrap_or("").to_owned();
    Some(Request {
        version,
        action,
        envelope,
    })
}

/// Whether any field under `node` was filled in.
fn has_value(node: &Node<'_>, values: &Values) -> bool {
    match node {
        Node::Field { name, .. } => value_of(values, name).is_some_and(|v| !v.is_empty()),
        Node::Group { children, .. } => children.iter().any(|c| has_value(c, values)),
        Node::Empty { .. } => false,
    }
}

/// Writes `node`: always when `force` or required, else only when something under it was
/// filled in.
fn write_node(w: &mut crate::xml::XmlWriter, node: &Node<'_>, values: &Values, force: bool) {
    let (element, required) = match node {
        Node::Field { element, .. } | Node::Group { element, .. } | Node::Empty { element } => {
            (element, element.occurs == Occurs::Required)
        }
    };
    if !force && !required && !has_value(node, values) {
        return;
    }
    w.start(element.namespace, element.name);
    match node {
        Node::Field { name, .. } => w.text(value_of(values, name).unwrap_or("")),
        Node::Group { children, .. } => {
            for child in children {
                write_node(w, child, values, false);
            }
        }
        Node::Empty { .. } => {}
    }
    w.end();
}

/// The SOAP version of an envelope: the namespace of its root element.
fn envelope_version(text: &str) -> Option<SoapVersion> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let mut reader = quick_xml::NsReader::from_str(text);
    loop {
        match reader.read_resolved_event().ok()? {
            (ResolveResult::Bound(ns), Event::Start(_) | Event::Empty(_)) => {
                let ns = std::str::from_utf8(ns.as_ref()).ok()?;
                return SoapVersion::from_namespace(ns);
            }
            (_, Event::Start(_) | Event::Empty(_) | Event::Eof) => return None,
            _ => {}
        }
    }
}

/// Parses an `application/x-www-form-urlencoded` body (or query string).
pub(crate) fn parse_urlencoded(input: &str) -> Values {
    input
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Decodes `+` and `%XX`; invalid escapes are kept as written, invalid UTF-8 is replaced.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// `xml` re-indented by two spaces per level, or `None` when it is not well-formed (or has a
/// DOCTYPE), so the caller shows it as received.
pub(crate) fn pretty_xml(xml: &str) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut writer = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    // A start tag is held back one event, so `<a></a>` is written `<a/>` rather than split
    // over two lines.
    let mut pending: Option<quick_xml::events::BytesStart<'_>> = None;
    loop {
        let event = reader.read_event().ok()?;
        if let Some(start) = pending.take() {
            if matches!(event, Event::End(_)) {
                writer.write_event(Event::Empty(start)).ok()?;
                continue;
            }
            writer.write_event(Event::Start(start)).ok()?;
        }
        match event {
            Event::Eof => break,
            Event::DocType(_) => return None,
            Event::Start(start) => pending = Some(start),
            event => writer.write_event(event).ok()?,
        }
    }
    String::from_utf8(writer.into_inner()).ok()
}

/// The result section shown under the form after a submission.
pub(crate) fn render_result(
    request: &Request,
    status: u16,
    content_type: &str,
    body: &str,
) -> String {
    let mut out = String::new();
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let fault = looks_like_fault(body);
    let class = if (200..300).contains(&status) && !fault {
        "ok"
    } else {
        "fault"
    };
    out.push_str("<h4 id=\"result\">Response</h4>\n<p id=\"status\" class=\"status ");
    out.push_str(class);
    out.push_str("\">");
    push_html(&mut out, &format!("HTTP {status} {reason}"));
    if fault {
        out.push_str(": SOAP fault");
    }
    out.push_str("</p>\n<pre id=\"response\">");
    push_html(
        &mut out,
        &format!("HTTP/1.1 {status} {reason}\nContent-Type: {content_type}\n\n"),
    );
    push_html(
        &mut out,
        &pretty_xml(body).unwrap_or_else(|| body.to_owned()),
    );
    out.push_str("</pre>\n<h4>Request</h4>\n<pre id=\"request\">");
    let mut head = format!(
        "Content-Type: {}\n",
        request.version.content_type_for(&request.action)
    );
    if let Some(action) = request.version.soap_action_header(&request.action) {
        head.push_str(&format!("SOAPAction: {action}\n"));
    }
    head.push('\n');
    push_html(&mut out, &head);
    push_html(
        &mut out,
        &pretty_xml(&request.envelope).unwrap_or_else(|| request.envelope.clone()),
    );
    out.push_str("</pre>\n");
    out
}

/// Whether an envelope's body holds a fault.
fn looks_like_fault(body: &str) -> bool {
    use quick_xml::events::Event;
    let mut reader = quick_xml::NsReader::from_str(body);
    let mut depth = 0usize;
    let mut in_body = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                let local = e.local_name();
                if depth == 2 && local.as_ref() == b"Body" {
                    in_body = true;
                } else if depth == 3 && in_body {
                    return local.as_ref() == b"Fault";
                }
            }
            Ok(Event::Empty(e)) => {
                if depth == 2 && in_body {
                    return e.local_name().as_ref() == b"Fault";
                }
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::Message;
    use crate::server::pages::fixture::DESCRIPTION;
    use crate::server::pages::{MessageDescription, SampleType, WsdlPart};
    use crate::xml::Limits;

    fn op() -> &'static OperationDescription<'static> {
        &DESCRIPTION.operations[0]
    }

    fn fields() -> (Vec<String>, Plan<'static>) {
        let plan = plan(&DESCRIPTION, op());
        let mut names = Vec::new();
        fn collect(n: &Node<'_>, out: &mut Vec<String>) {
            match n {
                Node::Field { name, .. } => out.push(name.clone()),
                Node::Group { children, .. } => children.iter().for_each(|c| collect(c, out)),
                Node::Empty { .. } => {}
            }
        }
        if let Plan::Fields { headers, body } = &plan {
            headers
                .iter()
                .chain(body)
                .for_each(|n| collect(n, &mut names));
        }
        (names, plan)
    }

    #[test]
    fn seed_operation_gets_fields() {
        let (names, plan) = fields();
        assert_eq!(
            names,
            [
                "AuthHeader.UserName",
                "AuthHeader.Password",
                "request.Username",
                "request.Email",
                "request.SendEmailToCustomer"
            ]
        );
        let html = render(&DESCRIPTION, op(), &plan, &Vec::new(), 100);
        assert!(
            html.contains("<form method=\"post\" action=\"?op=ChangeBackupAccountEmail#result\"")
        );
        assert!(
            html.contains("<legend>AuthHeader <span class=\"kind\">(SOAP header)</span></legend>")
        );
        assert!(html.contains("name=\"request.Email\" placeholder=\"string\" value=\"\""));
        assert!(html.contains("<select id=\"request.SendEmailToCustomer\" name=\"request.SendEmailToCustomer\"><option value=\"false\">false</option><option value=\"true\">true</option></select>"));
        assert!(html.contains("<option value=\"1.2\">SOAP 1.2</option>"));
    }

    #[test]
    fn build_fields_request() {
        let (_, plan) = fields();
        let values = parse_urlencoded(
            "AuthHeader.UserName=admin&AuthHeader.Password=s%26cr%3Ct&request.Username=alice&request.Email=&request.SendEmailToCustomer=true&soapgen%3Aversion=1.2",
        );
        let req = build(op(), &plan, &values).unwrap();
        assert_eq!(req.version, SoapVersion::Soap12);
        assert_eq!(req.action, "sosonlinebackup.com/ChangeBackupAccountEmail");
        let message = Message::parse(req.envelope.as_bytes(), Limits::default()).unwrap();
        assert_eq!(message.version(), SoapVersion::Soap12);
        assert!(
            req.envelope.contains("<Password>s&amp;cr&lt;t</Password>"),
            "{}",
            req.envelope
        );
        assert!(req.envelope.contains("<request><Username>alice</Username><SendEmailToCustomer>true</SendEmailToCustomer></request>"), "{}", req.envelope);
        assert!(!req.envelope.contains("<Email"));
        // Nothing filled in: the header is left out, the body and its required parts are sent.
        let req = build(op(), &plan, &Vec::new()).unwrap();
        assert_eq!(req.version, SoapVersion::Soap11);
        assert!(!req.envelope.contains("Header"), "{}", req.envelope);
        assert!(
            req.envelope.contains(
                "<soap:Body><ChangeBackupAccountEmail xmlns=\"sosonlinebackup.com\" /></soap:Body>"
            ),
            "{}",
            req.envelope
        );
        // The filled form shows the values again.
        let html = render(&DESCRIPTION, op(), &plan, &values, 100);
        assert!(html.contains("value=\"s&amp;cr&lt;t\""));
        assert!(html.contains("<option value=\"true\" selected>true</option>"));
        assert!(html.contains("<option value=\"1.2\" selected>"));
    }

    #[test]
    fn complex_inputs_get_the_envelope_form() {
        const TYPES: &[SampleType<'static>] = &[SampleType {
            attributes: &[],
            children: &[SampleChild::Element(SampleElement {
                namespace: "urn:t",
                name: "item",
                occurs: Occurs::Repeated,
                content: SampleContent::Simple(SampleValue::Builtin("int")),
            })],
            text: None,
        }];
        let ops = [OperationDescription {
            name: "Sum",
            documentation: "",
            bindings: &[(SoapVersion::Soap12, "urn:t/Sum")],
            input: MessageDescription {
                headers: &[],
                body: &[SampleElement {
                    namespace: "urn:t",
                    name: "Sum",
                    occurs: Occurs::Required,
                    content: SampleContent::Complex(0),
                }],
            },
            output: None,
        }];
        let desc = ServiceDescription {
            name: "S",
            documentation: "",
            addresses: &[],
            wsdl: &[WsdlPart::Text("")],
            operations: &ops,
            types: TYPES,
        };
        let plan = plan(&desc, &ops[0]);
        assert_eq!(plan, Plan::Envelope);
        let html = render(&desc, &ops[0], &plan, &Vec::new(), 100);
        assert!(html.contains("<textarea name=\"soapgen:envelope\""));
        assert!(
            html.contains("&lt;item&gt;int&lt;/item&gt;\n      &lt;item&gt;int&lt;/item&gt;"),
            "{html}"
        );
        let sent = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>";
        let req = build(
            &ops[0],
            &plan,
            &vec![(ENVELOPE_FIELD.to_owned(), sent.to_owned())],
        )
        .unwrap();
        assert_eq!(req.version, SoapVersion::Soap11);
        assert_eq!(req.envelope, sent);
        assert_eq!(req.action, "");
        let req = build(
            &ops[0],
            &plan,
            &vec![(ENVELOPE_FIELD.to_owned(), "junk".to_owned())],
        )
        .unwrap();
        assert_eq!(
            (req.version, req.action.as_str()),
            (SoapVersion::Soap12, "urn:t/Sum")
        );
    }

    #[test]
    fn urlencoding() {
        assert_eq!(
            parse_urlencoded("a=1+2&b=%C3%A9%zz&c&=x&d=%4"),
            vec![
                ("a".to_owned(), "1 2".to_owned()),
                ("b".to_owned(), "é%zz".to_owned()),
                ("c".to_owned(), String::new()),
                (String::new(), "x".to_owned()),
                ("d".to_owned(), "%4".to_owned()),
            ]
        );
    }

    #[test]
    fn results() {
        assert_eq!(
            pretty_xml("<a><b>x</b><c/><d></d></a>").unwrap(),
            "<a>\n  <b>x</b>\n  <c/>\n  <d/>\n</a>"
        );
        assert_eq!(pretty_xml("<a><b></a>"), None);
        assert_eq!(pretty_xml("<!DOCTYPE a><a/>"), None);
        let fault =
            EnvelopeWriter::fault(SoapVersion::Soap11, &crate::Fault::client("bad <login>"));
        assert!(looks_like_fault(&fault));
        let req = Request {
            version: SoapVersion::Soap11,
            action: "urn:a".into(),
            envelope: "<x/>".into(),
        };
        let html = render_result(&req, 500, "text/xml; charset=utf-8", &fault);
        assert!(
            html.contains("class=\"status fault\">HTTP 500 Internal Server Error: SOAP fault</p>"),
            "{html}"
        );
        assert!(html.contains("bad &amp;lt;login&amp;gt;"), "{html}");
        assert!(html.contains("SOAPAction: &quot;urn:a&quot;"));
        let ok = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><R/></soap:Body></soap:Envelope>";
        let html = render_result(&req, 200, "text/xml", ok);
        assert!(
            html.contains("class=\"status ok\">HTTP 200 OK</p>"),
            "{html}"
        );
    }
}
