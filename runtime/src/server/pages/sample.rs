//! Sample requests and responses: the HTTP head and the SOAP envelope of an operation's
//! message, with a placeholder for every value, laid out the way .NET's `XmlTextWriter` indents
//! (two spaces per level; once an element has text, nothing inside it is indented any more, and
//! its end tag follows directly).
//!
//! A sample is a list of [`Chunk`]s, literal XML and placeholders, so the text format prints it
//! as it is and the HTML format highlights the placeholders.

use super::{
    Occurs, OperationDescription, PageLocation, SampleContent, SampleElement, SampleValue,
    ServiceDescription, MAX_OBJECT_GRAPH_DEPTH, REPEATED_ELEMENT_COUNT,
};
use crate::envelope::SoapVersion;
use crate::xml::{XSD_NS, XSI_NS};

/// The namespace ASP.NET binds to `q1` for `xs:QName` placeholders.
const QNAME_SAMPLE_NS: &str = "http://tempuri.org/SampleNamespace";

/// A piece of a sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Chunk {
    /// Literal text (XML markup, HTTP header lines).
    Text(String),
    /// A placeholder to be replaced by an actual value.
    Value(String),
}

/// A sequence of chunks; consecutive literal text is merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Chunks(pub Vec<Chunk>);

impl Chunks {
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(Chunk::Text(t)) => t.push_str(s),
            _ => self.0.push(Chunk::Text(s.to_owned())),
        }
    }

    fn value(&mut self, s: &str) {
        self.0.push(Chunk::Value(s.to_owned()));
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The sample as plain text.
    pub(crate) fn plain(&self) -> String {
        let mut out = String::new();
        for chunk in &self.0 {
            match chunk {
                Chunk::Text(s) | Chunk::Value(s) => out.push_str(s),
            }
        }
        out
    }

    /// Appends the sample as HTML: escaped, placeholders in `<span class="value">`.
    pub(crate) fn push_html(&self, out: &mut String) {
        for chunk in &self.0 {
            match chunk {
                Chunk::Text(s) => push_html(out, s),
                Chunk::Value(s) => {
                    out.push_str("<span class=\"value\">");
                    push_html(out, s);
                    out.push_str("</span>");
                }
            }
        }
    }
}

/// A rendered sample.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sample {
    /// The text.
    pub chunks: Chunks,
    /// Whether elements were left out because the sample reached its size limit.
    pub truncated: bool,
}

/// The sample request of `op` in `version`: request line, headers, blank line, envelope.
pub(crate) fn request(
    desc: &ServiceDescription<'_>,
    op: &OperationDescription<'_>,
    version: SoapVersion,
    action: &str,
    location: &PageLocation,
    limit: usize,
) -> Sample {
    let (host, path) = location.target(desc, version);
    let mut head = Chunks::default();
    head.text("POST ");
    match &path {
        Some(p) => head.text(p),
        None => head.value("path"),
    }
    head.text(" HTTP/1.1\nHost: ");
    match &host {
        Some(h) => head.text(h),
        None => head.value("host"),
    }
    head.text("\nContent-Type: ");
    head.text(version.content_type());
    head.text("\nContent-Length: ");
    head.value("length");
    head.text("\n");
    if version == SoapVersion::Soap11 {
        head.text("SOAPAction: \"");
        head.text(&escape_non_ascii(action));
        head.text("\"\n");
    }
    head.text("\n");
    let mut sample = envelope(desc, &op.input, version, limit);
    head.0.append(&mut sample.chunks.0);
    sample.chunks = head;
    sample
}

/// The sample response of `op` in `version`: `200 OK` with an envelope, or `202 Accepted` for
/// a one-way operation.
pub(crate) fn response(
    desc: &ServiceDescription<'_>,
    op: &OperationDescription<'_>,
    version: SoapVersion,
    limit: usize,
) -> Sample {
    let mut head = Chunks::default();
    let Some(output) = &op.output else {
        head.text("HTTP/1.1 202 Accepted");
        return Sample {
            chunks: head,
            truncated: false,
        };
    };
    head.text("HTTP/1.1 200 OK\nContent-Type: ");
    head.text(version.content_type());
    head.text("\nContent-Length: ");
    head.value("length");
    head.text("\n\n");
    let mut sample = envelope(desc, output, version, limit);
    head.0.append(&mut sample.chunks.0);
    sample.chunks = head;
    sample
}

/// The envelope of `message` in `version`, starting with the XML declaration.
pub(crate) fn envelope(
    desc: &ServiceDescription<'_>,
    message: &super::MessageDescription<'_>,
    version: SoapVersion,
    limit: usize,
) -> Sample {
    let mut w = Writer::new(desc, limit);
    let prefix = version.default_prefix();
    let ns = version.envelope_namespace();
    w.out.text("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    w.start(Some(prefix), ns, "Envelope");
    w.declare("xsi", XSI_NS);
    w.declare("xsd", XSD_NS);
    if !message.headers.is_empty() {
        w.start(Some(prefix), ns, "Header");
        for header in message.headers {
            w.element(header, 0);
        }
        w.end();
    }
    w.start(Some(prefix), ns, "Body");
    for entry in message.body {
        w.element(entry, 0);
    }
    w.end();
    w.end();
    Sample {
        chunks: w.out,
        truncated: w.truncated,
    }
}

/// An open element.
struct Open {
    qname: String,
    /// Length of the binding stack before this element's declarations.
    mark: usize,
    /// Text was written into it (or into an ancestor before it started): no more indentation.
    mixed: bool,
    /// It has child elements.
    children: bool,
}

/// A writer with `XmlTextWriter`'s layout and namespace handling.
struct Writer<'d, 'a> {
    desc: &'d ServiceDescription<'a>,
    out: Chunks,
    open: Vec<Open>,
    /// In-scope `(prefix, namespace)` bindings; the empty prefix is the default namespace.
    bindings: Vec<(String, String)>,
    /// A start tag is open (attributes may follow).
    tag_open: bool,
    /// The open element's own namespace declaration, written when its start tag closes.
    pending: Option<(String, String)>,
    elements: usize,
    limit: usize,
    truncated: bool,
    next_prefix: usize,
}

impl<'d, 'a> Writer<'d, 'a> {
    fn new(desc: &'d ServiceDescription<'a>, limit: usize) -> Self {
        Writer {
            desc,
            out: Chunks::default(),
            open: Vec::new(),
            bindings: Vec::new(),
            tag_open: false,
            pending: None,
            elements: 0,
            limit,
            truncated: false,
            next_prefix: 1,
        }
    }

    fn lookup(&self, prefix: &str) -> Option<&str> {
        self.bindings
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .map(|(_, ns)| ns.as_str())
    }

    fn default_namespace(&self) -> &str {
        self.lookup("").unwrap_or("")
    }

    /// A non-empty prefix bound to `ns` in scope (and not shadowed).
    fn prefix_for(&self, ns: &str) -> Option<String> {
        self.bindings
            .iter()
            .rev()
            .find(|(p, uri)| !p.is_empty() && uri == ns && self.lookup(p) == Some(ns))
            .map(|(p, _)| p.clone())
    }

    fn newline(&mut self, level: usize) {
        self.out.text("\n");
        for _ in 0..level {
            self.out.text("  ");
        }
    }

    fn close_start_tag(&mut self) {
        if !self.tag_open {
            return;
        }
        if let Some((prefix, ns)) = self.pending.take() {
            self.write_declaration(&prefix, &ns);
        }
        self.out.text(">");
        self.tag_open = false;
    }

    fn write_declaration(&mut self, prefix: &str, ns: &str) {
        self.out.text(if prefix.is_empty() {
            " xmlns"
        } else {
            " xmlns:"
        });
        self.out.text(&xml_attr(prefix));
        self.out.text("=\"");
        self.out.text(&xml_attr(ns));
        self.out.text("\"");
    }

    /// Opens an element. With `prefix`, the element uses it (declaring it when needed);
    /// without, it uses the default namespace, a prefix already bound to `ns`, or declares
    /// `ns` as the default namespace.
    fn start(&mut self, prefix: Option<&str>, ns: &str, local: &str) {
        self.close_start_tag();
        let parent_mixed = self.open.last().is_some_and(|o| o.mixed);
        if let Some(parent) = self.open.last_mut() {
            parent.children = true;
        }
        if !parent_mixed && !self.out.is_empty() {
            self.newline(self.open.len());
        }
        let mark = self.bindings.len();
        let (prefix, declare) = match prefix {
            Some(p) => (p.to_owned(), self.lookup(p) != Some(ns)),
            None if self.default_namespace() == ns => (String::new(), false),
            None => match self.prefix_for(ns) {
                Some(p) => (p, false),
                None => (String::new(), true),
            },
        };
        let qname = if prefix.is_empty() {
            xml_attr(local)
        } else {
            format!("{}:{}", xml_attr(&prefix), xml_attr(local))
        };
        self.out.text("<");
        self.out.text(&qname);
        if declare {
            self.bindings.push((prefix.clone(), ns.to_owned()));
            self.pending = Some((prefix, ns.to_owned()));
        }
        self.open.push(Open {
            qname,
            mark,
            mixed: parent_mixed,
            children: false,
        });
        self.tag_open = true;
    }

    /// Declares `prefix` for `ns` on the open start tag unless a prefix is bound to `ns`
    /// already; returns the prefix in use.
    fn declare(&mut self, prefix: &str, ns: &str) -> String {
        if let Some(existing) = self.prefix_for(ns) {
            return existing;
        }
        if self.tag_open {
            self.write_declaration(prefix, ns);
            self.bindings.push((prefix.to_owned(), ns.to_owned()));
        }
        prefix.to_owned()
    }

    fn attribute(&mut self, ns: &str, local: &str, value: Option<&SampleValue<'_>>) {
        if !self.tag_open {
            return;
        }
        let qname_prefix = match value {
            Some(SampleValue::QName) => Some(self.declare("q1", QNAME_SAMPLE_NS)),
            _ => None,
        };
        let name = if ns.is_empty() {
            xml_attr(local)
        } else {
            let prefix = match self.prefix_for(ns) {
                Some(p) => p,
                None => {
                    self.next_prefix += 1;
                    let p = format!("q{}", self.next_prefix);
                    self.declare(&p, ns)
                }
            };
            format!("{}:{}", xml_attr(&prefix), xml_attr(local))
        };
        self.out.text(" ");
        self.out.text(&name);
        self.out.text("=\"");
        match value {
            Some(v) => self.value_chunks(v, qname_prefix.as_deref(), true),
            None => self.out.text("true"),
        }
        self.out.text("\"");
    }

    fn value_chunks(&mut self, value: &SampleValue<'_>, qname_prefix: Option<&str>, attr: bool) {
        let escape = |s: &str| if attr { xml_attr(s) } else { xml_text(s) };
        match value {
            SampleValue::Builtin(name) => self.out.value(&escape(name)),
            SampleValue::QName => {
                let prefix = qname_prefix.unwrap_or("q1");
                self.out.value(&escape(&format!("{prefix}:QName")));
            }
            SampleValue::Enumeration(values) => {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        self.out.text(" or ");
                    }
                    self.out.value(&escape(v));
                }
            }
        }
    }

    /// Writes a simple value as the open element's text.
    fn value(&mut self, value: &SampleValue<'_>) {
        let qname_prefix = match value {
            SampleValue::QName => Some(self.declare("q1", QNAME_SAMPLE_NS)),
            _ => None,
        };
        if matches!(value, SampleValue::Enumeration(v) if v.is_empty()) {
            return;
        }
        self.mark_text();
        self.value_chunks(value, qname_prefix.as_deref(), false);
    }

    fn placeholder_text(&mut self, placeholder: &str) {
        self.mark_text();
        self.out.value(&xml_text(placeholder));
    }

    fn mark_text(&mut self) {
        self.close_start_tag();
        if let Some(current) = self.open.last_mut() {
            current.mixed = true;
        }
    }

    fn end(&mut self) {
        let Some(element) = self.open.pop() else {
            return;
        };
        if self.tag_open {
            if let Some((prefix, ns)) = self.pending.take() {
                self.write_declaration(&prefix, &ns);
            }
            self.out.text(" />");
            self.tag_open = false;
        } else {
            if !element.mixed && element.children {
                self.newline(self.open.len());
            }
            self.out.text("</");
            self.out.text(&element.qname);
            self.out.text(">");
        }
        self.bindings.truncate(element.mark);
    }

    /// Writes `element` (twice when repeated) at `depth` (body and header entries are at 0).
    fn element(&mut self, element: &SampleElement<'_>, depth: usize) {
        let count = match element.occurs {
            Occurs::Repeated => REPEATED_ELEMENT_COUNT,
            Occurs::Required | Occurs::Optional => 1,
        };
        for _ in 0..count {
            if self.elements >= self.limit {
                self.truncated = true;
                return;
            }
            self.elements += 1;
            self.start(None, element.namespace, element.name);
            match &element.content {
                SampleContent::Empty => {}
                SampleContent::Simple(value) => self.value(value),
                SampleContent::Xml(placeholder) => self.placeholder_text(placeholder),
                SampleContent::Complex(_) if depth >= MAX_OBJECT_GRAPH_DEPTH => {
                    self.attribute(XSI_NS, "nil", None);
                }
                SampleContent::Complex(index) => self.complex(*index, depth),
            }
            self.end();
        }
    }

    fn complex(&mut self, index: usize, depth: usize) {
        let Some(ty) = self.desc.types.get(index) else {
            return;
        };
        for attribute in ty.attributes {
            self.attribute(attribute.namespace, attribute.name, Some(&attribute.value));
        }
        for child in ty.children {
            match child {
                super::SampleChild::Element(e) => self.element(e, depth + 1),
                super::SampleChild::Choice(alternatives) => {
                    for e in alternatives.iter() {
                        self.element(e, depth + 1);
                    }
                }
                super::SampleChild::Any => self.placeholder_text("xml"),
            }
        }
        if let Some(text) = &ty.text {
            self.value(text);
        }
    }
}

/// Percent-escapes the UTF-8 bytes above 0x7F, as ASP.NET writes a `SOAPAction`.
fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// `s` escaped as XML character data.
pub(crate) fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// `s` escaped for a double-quoted XML attribute value.
pub(crate) fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_xml_attr(&mut out, s);
    out
}

/// Appends `s` escaped for a double-quoted XML attribute value.
pub(crate) fn push_xml_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            _ => out.push(c),
        }
    }
}

/// Appends `s` escaped for HTML text and double- or single-quoted attribute values.
pub(crate) fn push_html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::pages::fixture::{DESCRIPTION, TYPES};
    use crate::server::pages::{
        MessageDescription, SampleAttribute, SampleChild, SampleType, WsdlPart,
    };

    fn op() -> &'static OperationDescription<'static> {
        &DESCRIPTION.operations[0]
    }

    #[test]
    fn seed_request_and_response() {
        let r = request(
            &DESCRIPTION,
            op(),
            SoapVersion::Soap11,
            "sosonlinebackup.com/ChangeBackupAccountEmail",
            &PageLocation::Described,
            100,
        );
        let expected = "POST /WebApi/AccountManagementService/AccountManagementService.asmx HTTP/1.1
Host: secure.sosonlinebackup.com
Content-Type: text/xml; charset=utf-8
Content-Length: length
SOAPAction: \"sosonlinebackup.com/ChangeBackupAccountEmail\"

<?xml version=\"1.0\" encoding=\"utf-8\"?>
<soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">
  <soap:Header>
    <AuthHeader xmlns=\"sosonlinebackup.com\">
      <UserName>string</UserName>
      <Password>string</Password>
    </AuthHeader>
  </soap:Header>
  <soap:Body>
    <ChangeBackupAccountEmail xmlns=\"sosonlinebackup.com\">
      <request>
        <Username>string</Username>
        <Email>string</Email>
        <SendEmailToCustomer>boolean</SendEmailToCustomer>
      </request>
    </ChangeBackupAccountEmail>
  </soap:Body>
</soap:Envelope>";
        assert_eq!(r.chunks.plain(), expected);
        assert!(!r.truncated);
        let placeholders: Vec<&str> = r
            .chunks
            .0
            .iter()
            .filter_map(|c| match c {
                Chunk::Value(v) => Some(v.as_str()),
                Chunk::Text(_) => None,
            })
            .collect();
        assert_eq!(
            placeholders,
            ["length", "string", "string", "string", "string", "boolean"]
        );
        let r = response(&DESCRIPTION, op(), SoapVersion::Soap12, 100);
        assert_eq!(
            r.chunks.plain(),
            "HTTP/1.1 200 OK
Content-Type: application/soap+xml; charset=utf-8
Content-Length: length

<?xml version=\"1.0\" encoding=\"utf-8\"?>
<soap12:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\">
  <soap12:Body>
    <ChangeBackupAccountEmailResponse xmlns=\"sosonlinebackup.com\">
      <ChangeBackupAccountEmailResult>
        <Result />
      </ChangeBackupAccountEmailResult>
    </ChangeBackupAccountEmailResponse>
  </soap12:Body>
</soap12:Envelope>"
        );
    }

    #[test]
    fn soap12_request_has_no_soapaction_and_served_host() {
        let location = PageLocation::request("http", "127.0.0.1:8080", "/svc").unwrap();
        let r = request(&DESCRIPTION, op(), SoapVersion::Soap12, "a", &location, 100);
        let text = r.chunks.plain();
        assert!(text.starts_with(
            "POST /svc HTTP/1.1\nHost: 127.0.0.1:8080\nContent-Type: application/soap+xml; charset=utf-8\nContent-Length: length\n\n<?xml"
        ), "{text}");
        assert!(!text.contains("SOAPAction"));
    }

    /// A description exercising the other rules: enumerations, repetition, the depth limit,
    /// QNames, attributes, choices, wildcards, unqualified children and raw XML.
    fn rules() -> ServiceDescription<'static> {
        const TYPES: &[SampleType<'static>] = &[
            // 0: recursive node with an attribute, an enum, a repeated child, a choice and any.
            SampleType {
                attributes: &[SampleAttribute {
                    namespace: "",
                    name: "id",
                    required: false,
                    value: SampleValue::Builtin("int"),
                }],
                children: &[
                    SampleChild::Element(SampleElement {
                        namespace: "urn:t",
                        name: "Status",
                        occurs: Occurs::Required,
                        content: SampleContent::Simple(SampleValue::Enumeration(&[
                            "Active", "Locked", "A&B",
                        ])),
                    }),
                    SampleChild::Element(SampleElement {
                        namespace: "urn:t",
                        name: "Child",
                        occurs: Occurs::Repeated,
                        content: SampleContent::Complex(0),
                    }),
                    SampleChild::Choice(&[
                        SampleElement {
                            namespace: "",
                            name: "left",
                            occurs: Occurs::Optional,
                            content: SampleContent::Simple(SampleValue::QName),
                        },
                        SampleElement {
                            namespace: "urn:t",
                            name: "right",
                            occurs: Occurs::Optional,
                            content: SampleContent::Simple(SampleValue::Builtin("dateTime")),
                        },
                    ]),
                ],
                text: None,
            },
            // 1: a DataSet: inline schema and any.
            SampleType {
                attributes: &[],
                children: &[
                    SampleChild::Element(SampleElement {
                        namespace: XSD_NS,
                        name: "schema",
                        occurs: Occurs::Required,
                        content: SampleContent::Xml("schema"),
                    }),
                    SampleChild::Any,
                ],
                text: None,
            },
        ];
        ServiceDescription {
            name: "S",
            documentation: "",
            addresses: &[],
            wsdl: &[WsdlPart::Text("")],
            operations: &[OperationDescription {
                name: "Op",
                documentation: "",
                bindings: &[(SoapVersion::Soap11, "")],
                input: MessageDescription {
                    headers: &[],
                    body: &[SampleElement {
                        namespace: "urn:t",
                        name: "Node",
                        occurs: Occurs::Required,
                        content: SampleContent::Complex(0),
                    }],
                },
                output: Some(MessageDescription {
                    headers: &[],
                    body: &[SampleElement {
                        namespace: "urn:t",
                        name: "Data",
                        occurs: Occurs::Required,
                        content: SampleContent::Complex(1),
                    }],
                }),
            }],
            types: TYPES,
        }
    }

    #[test]
    fn aspnet_rules() {
        let desc = rules();
        let op = &desc.operations[0];
        let body = |s: &Sample| {
            let text = s.chunks.plain();
            let start = text.find("<soap:Body>").unwrap();
            let end = text.find("</soap:Body>").unwrap();
            text[start..end + "</soap:Body>".len()].to_owned()
        };
        let r = request(
            &desc,
            op,
            SoapVersion::Soap11,
            "",
            &PageLocation::Described,
            1000,
        );
        let text = r.chunks.plain();
        assert!(
            text.starts_with("POST path HTTP/1.1\nHost: host\n"),
            "{text}"
        );
        assert!(text.contains("SOAPAction: \"\"\n"));
        // Depth: Node 0, Child 1, Child 2, Child 3, Child 4 → nil.
        let expected_child4 = "<Child xsi:nil=\"true\" />";
        let b = body(&r);
        assert_eq!(b.matches(expected_child4).count(), 16, "{b}");
        assert!(b.starts_with("<soap:Body>\n    <Node id=\"int\" xmlns=\"urn:t\">\n      <Status>Active or Locked or A&amp;B</Status>\n      <Child id=\"int\">\n"), "{b}");
        assert!(b.contains("<left xmlns:q1=\"http://tempuri.org/SampleNamespace\" xmlns=\"\">q1:QName</left>\n      <right>dateTime</right>\n    </Node>"), "{b}");
        let r = response(&desc, op, SoapVersion::Soap11, 1000);
        assert!(
            body(&r).contains("    <Data xmlns=\"urn:t\">\n      <xsd:schema>schema</xsd:schema>xml</Data>\n  </soap:Body>"),
            "{}",
            body(&r)
        );
        // The size limit cuts the sample and says so.
        let r = request(
            &desc,
            op,
            SoapVersion::Soap11,
            "",
            &PageLocation::Described,
            5,
        );
        assert!(r.truncated);
        // Node, Status, Child, Status, Child: the fifth element is the last one written.
        assert_eq!(r.chunks.plain().matches("<Child").count(), 2);
        assert_eq!(r.chunks.plain().matches("<Status>").count(), 2);
        assert!(r.chunks.plain().ends_with("</soap:Envelope>"));
    }

    #[test]
    fn one_way_and_empty_messages() {
        let mut op = *op();
        op.output = None;
        let r = response(&DESCRIPTION, &op, SoapVersion::Soap11, 10);
        assert_eq!(r.chunks.plain(), "HTTP/1.1 202 Accepted");
        let empty = MessageDescription {
            headers: &[],
            body: &[],
        };
        let e = envelope(&DESCRIPTION, &empty, SoapVersion::Soap12, 10);
        assert!(e
            .chunks
            .plain()
            .ends_with("\n  <soap12:Body />\n</soap12:Envelope>"));
        let _ = TYPES;
    }

    #[test]
    fn html_and_escaping() {
        let mut chunks = Chunks::default();
        chunks.text("<a href=\"x\">");
        chunks.value("it's");
        let mut html = String::new();
        chunks.push_html(&mut html);
        assert_eq!(
            html,
            "&lt;a href=&quot;x&quot;&gt;<span class=\"value\">it&#39;s</span>"
        );
        assert_eq!(escape_non_ascii("urn:é/x"), "urn:%C3%A9/x");
        assert_eq!(xml_text("a<&>\""), "a&lt;&amp;&gt;\"");
    }
}
