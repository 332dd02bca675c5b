//! [`Fault`]: one SOAP fault type for both SOAP 1.1 and SOAP 1.2, with its XML encoding in
//! either version and the HTTP status each kind of fault travels with.

use std::fmt;

use crate::envelope::SoapVersion;
use crate::error::DecodeError;
use crate::xml::{RawXml, Start, XmlReader, XmlWriter, XML_NS};
use crate::xsd::QName;

/// The class of a fault. SOAP 1.1 `Client`/`Server` are SOAP 1.2 `Sender`/`Receiver`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FaultCode {
    /// The envelope namespace was not recognised.
    VersionMismatch,
    /// A mandatory header was not understood.
    MustUnderstand,
    /// An unsupported `encodingStyle` was used.
    DataEncodingUnknown,
    /// The request was at fault (1.1 `Client`, 1.2 `Sender`).
    Client,
    /// The service was at fault (1.1 `Server`, 1.2 `Receiver`).
    Server,
    /// Any other code, as an expanded QName.
    Other(QName),
}

impl FaultCode {
    /// The local name of the code in `version` (`Client`/`Sender`, `Server`/`Receiver`, …).
    pub fn local_name(&self, version: SoapVersion) -> &str {
        let v12 = version == SoapVersion::Soap12;
        match self {
            FaultCode::VersionMismatch => "VersionMismatch",
            FaultCode::MustUnderstand => "MustUnderstand",
            FaultCode::DataEncodingUnknown => "DataEncodingUnknown",
            FaultCode::Client if v12 => "Sender",
            FaultCode::Client => "Client",
            FaultCode::Server if v12 => "Receiver",
            FaultCode::Server => "Server",
            FaultCode::Other(q) => &q.local,
        }
    }

    /// Classifies a code's expanded name. Codes in either SOAP envelope namespace map to the
    /// standard kinds; a dotted SOAP 1.1 code such as `Client.Authentication` maps to its
    /// head, and the full name is returned as a subcode.
    fn classify(q: QName) -> (FaultCode, Option<QName>) {
        let soap_ns = q.namespace == SoapVersion::Soap11.envelope_namespace()
            || q.namespace == SoapVersion::Soap12.envelope_namespace();
        if !soap_ns {
            return (FaultCode::Other(q), None);
        }
        let standard = |name: &str| match name {
            "VersionMismatch" => Some(FaultCode::VersionMismatch),
            "MustUnderstand" => Some(FaultCode::MustUnderstand),
            "DataEncodingUnknown" => Some(FaultCode::DataEncodingUnknown),
            "Client" | "Sender" => Some(FaultCode::Client),
            "Server" | "Receiver" => Some(FaultCode::Server),
            _ => None,
        };
        if let Some(code) = standard(&q.local) {
            return (code, None);
        }
        match q.local.split_once('.').and_then(|(head, _)| standard(head)) {
            Some(code) => (code, Some(q)),
            None => (FaultCode::Other(q), None),
        }
    }
}

/// A SOAP fault (1.1 or 1.2).
///
/// Its fields ([`FaultData`]) sit behind one allocation and are reached through `Deref`
/// (`fault.reason`, `fault.code`), so that `Result<T, Fault>` stays small on the success path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault(Box<FaultData>);

impl std::ops::Deref for Fault {
    type Target = FaultData;
    fn deref(&self) -> &FaultData {
        &self.0
    }
}

impl std::ops::DerefMut for Fault {
    fn deref_mut(&mut self) -> &mut FaultData {
        &mut self.0
    }
}

impl From<FaultData> for Fault {
    fn from(data: FaultData) -> Self {
        Fault(Box::new(data))
    }
}

/// The contents of a [`Fault`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultData {
    /// The fault class.
    pub code: FaultCode,
    /// SOAP 1.2 subcodes, outermost first (a dotted 1.1 code is kept here too).
    pub subcodes: Vec<QName>,
    /// Human-readable explanation (1.1 `faultstring`, 1.2 `Reason/Text`).
    pub reason: String,
    /// Language of the reason (`xml:lang`); `en` is written for 1.2 when absent.
    pub reason_lang: Option<String>,
    /// 1.1 `faultactor` / 1.2 `Role`.
    pub actor: Option<String>,
    /// 1.2 `Node`.
    pub node: Option<String>,
    /// Application-specific details (the content of 1.1 `detail` / 1.2 `Detail`).
    pub detail: Option<RawXml>,
}

impl Fault {
    /// A fault with the given code and reason.
    pub fn new(code: FaultCode, reason: impl Into<String>) -> Self {
        Fault(Box::new(FaultData {
            code,
            subcodes: Vec::new(),
            reason: reason.into(),
            reason_lang: None,
            actor: None,
            node: None,
            detail: None,
        }))
    }

    /// The fault's contents, owned.
    pub fn into_data(self) -> FaultData {
        *self.0
    }

    /// A `Client` (1.2 `Sender`) fault: the request was wrong.
    pub fn client(reason: impl Into<String>) -> Self {
        Self::new(FaultCode::Client, reason)
    }

    /// A `Server` (1.2 `Receiver`) fault: the service failed.
    pub fn server(reason: impl Into<String>) -> Self {
        Self::new(FaultCode::Server, reason)
    }

    /// Same as [`Fault::client`].
    pub fn sender(reason: impl Into<String>) -> Self {
        Self::client(reason)
    }

    /// Same as [`Fault::server`].
    pub fn receiver(reason: impl Into<String>) -> Self {
        Self::server(reason)
    }

    /// A `MustUnderstand` fault.
    pub fn must_understand(reason: impl Into<String>) -> Self {
        Self::new(FaultCode::MustUnderstand, reason)
    }

    /// A `VersionMismatch` fault.
    pub fn version_mismatch(reason: impl Into<String>) -> Self {
        Self::new(FaultCode::VersionMismatch, reason)
    }

    /// Sets the detail content.
    pub fn with_detail(mut self, detail: RawXml) -> Self {
        self.detail = Some(detail);
        self
    }

    /// Appends a (1.2) subcode.
    pub fn with_subcode(mut self, subcode: QName) -> Self {
        self.subcodes.push(subcode);
        self
    }

    /// Sets the actor (1.2 role).
    pub fn with_actor(mut self, actor: impl Into<String>) -> Self {
        self.actor = Some(actor.into());
        self
    }

    /// Sets the 1.2 node.
    pub fn with_node(mut self, node: impl Into<String>) -> Self {
        self.node = Some(node.into());
        self
    }

    /// Sets the language of the reason.
    pub fn with_lang(mut self, lang: impl Into<String>) -> Self {
        self.reason_lang = Some(lang.into());
        self
    }

    /// The local name of the code in `version`: `Client`, `Sender`, `Server`, `Receiver`,
    /// `MustUnderstand`, … (the local part of an `Other` code).
    pub fn code_name(&self, version: SoapVersion) -> String {
        self.code.local_name(version).to_owned()
    }

    /// The code as an expanded QName in `version`.
    pub fn code_qname(&self, version: SoapVersion) -> QName {
        match &self.code {
            FaultCode::Other(q) => q.clone(),
            code => QName::new(version.envelope_namespace(), code.local_name(version)),
        }
    }

    /// The HTTP status a response carrying this fault uses: 400 for a SOAP 1.2 `Sender`
    /// fault, 500 otherwise (SOAP 1.1 and 1.2 HTTP bindings).
    pub fn http_status(&self, version: SoapVersion) -> u16 {
        match (version, &self.code) {
            (SoapVersion::Soap12, FaultCode::Client) => 400,
            _ => version.fault_http_status(),
        }
    }

    /// Writes the `Fault` element in `version` (prefix bound to the envelope namespace in
    /// scope, else `soap`/`soap12`).
    pub fn write(&self, version: SoapVersion, w: &mut XmlWriter) {
        let ns = version.envelope_namespace();
        let prefix = w
            .prefix_for(ns)
            .unwrap_or(version.default_prefix())
            .to_owned();
        match version {
            SoapVersion::Soap11 => self.write11(&prefix, ns, w),
            SoapVersion::Soap12 => self.write12(&prefix, ns, w),
        }
    }

    fn write11(&self, prefix: &str, ns: &str, w: &mut XmlWriter) {
        w.start_prefixed(prefix, ns, "Fault");
        let mut code = self.code_qname(SoapVersion::Soap11);
        if let Some(sub) = self.subcodes.first() {
            // A dotted 1.1 code read earlier is written back as is.
            if sub.namespace == code.namespace
                && sub
                    .local
                    .strip_prefix(code.local.as_str())
                    .is_some_and(|r| r.starts_with('.'))
            {
                code = sub.clone();
            }
        }
        w.start("", "faultcode");
        let text = w.qname_text(&code.namespace, &code.local);
        w.text(&text);
        w.end();
        w.start("", "faultstring");
        w.text(&self.reason);
        w.end();
        if let Some(actor) = &self.actor {
            w.start("", "faultactor");
            w.text(actor);
            w.end();
        }
        if let Some(detail) = &self.detail {
            w.start("", "detail");
            w.raw(detail.as_str());
            w.end();
        }
        w.end();
    }

    fn write12(&self, prefix: &str, ns: &str, w: &mut XmlWriter) {
        w.start_prefixed(prefix, ns, "Fault");
        w.start_prefixed(prefix, ns, "Code");
        let code = self.code_qname(SoapVersion::Soap12);
        write_value(w, prefix, ns, &code);
        for sub in &self.subcodes {
            w.start_prefixed(prefix, ns, "Subcode");
            write_value(w, prefix, ns, sub);
        }
        for _ in &self.subcodes {
            w.end();
        }
        w.end();
        w.start_prefixed(prefix, ns, "Reason");
        w.start_prefixed(prefix, ns, "Text");
        w.attr(XML_NS, "lang", self.reason_lang.as_deref().unwrap_or("en"));
        w.text(&self.reason);
        w.end();
        w.end();
        if let Some(node) = &self.node {
            w.start_prefixed(prefix, ns, "Node");
            w.text(node);
            w.end();
        }
        if let Some(role) = &self.actor {
            w.start_prefixed(prefix, ns, "Role");
            w.text(role);
            w.end();
        }
        if let Some(detail) = &self.detail {
            w.start_prefixed(prefix, ns, "Detail");
            w.raw(detail.as_str());
            w.end();
        }
        w.end();
    }

    /// Reads a `Fault` element (`start`) of either version. Codes are resolved as QNames with
    /// the message's own prefixes; unknown codes become [`FaultCode::Other`]. Child elements
    /// are matched by local name, so sloppily qualified 1.1 children are accepted.
    pub fn read<'a>(
        r: &mut XmlReader<'a>,
        start: &Start<'a>,
        version: SoapVersion,
    ) -> Result<Fault, DecodeError> {
        let mut fault = Fault::client("");
        let mut have_code = false;
        while let Some(child) = r.next_child(start)? {
            match (version, child.local()) {
                (SoapVersion::Soap11, "faultcode") | (SoapVersion::Soap12, "Code") => {
                    let codes = if version == SoapVersion::Soap11 {
                        vec![read_code(r, &child)?]
                    } else {
                        read_code12(r, &child)?
                    };
                    let mut codes = codes.into_iter();
                    if let Some(first) = codes.next() {
                        let (code, sub) = FaultCode::classify(first);
                        fault.code = code;
                        fault.subcodes.extend(sub);
                        have_code = true;
                    }
                    fault.subcodes.extend(codes);
                }
                (SoapVersion::Soap11, "faultstring") => {
                    fault.reason_lang = r.attr(&child, XML_NS, "lang")?.map(|l| l.into_owned());
                    fault.reason = r.read_text(&child)?.into_owned();
                }
                (SoapVersion::Soap12, "Reason") => {
                    let mut first = true;
                    while let Some(text) = r.next_child(&child)? {
                        if first && text.local() == "Text" {
                            fault.reason_lang =
                                r.attr(&text, XML_NS, "lang")?.map(|l| l.into_owned());
                            fault.reason = r.read_text(&text)?.into_owned();
                            first = false;
                        } else {
                            r.skip(&text)?;
                        }
                    }
                }
                (SoapVersion::Soap11, "faultactor") | (SoapVersion::Soap12, "Role") => {
                    fault.actor = Some(r.read_text(&child)?.into_owned());
                }
                (SoapVersion::Soap12, "Node") => {
                    fault.node = Some(r.read_text(&child)?.into_owned());
                }
                (SoapVersion::Soap11, "detail") | (SoapVersion::Soap12, "Detail") => {
                    fault.detail = Some(r.read_inner_raw(&child)?);
                }
                _ => r.skip(&child)?,
            }
        }
        if !have_code {
            return Err(DecodeError::MissingElement {
                parent: "Fault".into(),
                name: match version {
                    SoapVersion::Soap11 => "faultcode".into(),
                    SoapVersion::Soap12 => "Code".into(),
                },
            });
        }
        Ok(fault)
    }
}

/// Writes `<p:Value>qname</p:Value>`.
fn write_value(w: &mut XmlWriter, prefix: &str, ns: &str, code: &QName) {
    w.start_prefixed(prefix, ns, "Value");
    let text = w.qname_text(&code.namespace, &code.local);
    w.text(&text);
    w.end();
}

/// Reads a QName-valued code element. An undeclared prefix is tolerated (the local part is
/// kept with the SOAP 1.1 namespace assumed for the standard names), as some peers get this wrong.
fn read_code<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<QName, DecodeError> {
    let text = r.read_text(start)?;
    match r.resolve_qname(&text) {
        Ok((ns, local)) => Ok(QName::new(ns, local)),
        Err(_) => {
            let trimmed = text.trim();
            let local = trimmed.rsplit(':').next().unwrap_or(trimmed);
            let ns = if trimmed.contains(':') {
                SoapVersion::Soap11.envelope_namespace()
            } else {
                ""
            };
            Ok(QName::new(ns, local))
        }
    }
}

/// Reads a 1.2 `Code`: its `Value` then nested `Subcode/Value`s, outermost first.
fn read_code12<'a>(r: &mut XmlReader<'a>, code: &Start<'a>) -> Result<Vec<QName>, DecodeError> {
    let mut out = Vec::new();
    let mut current = code.clone();
    loop {
        let mut next = None;
        while let Some(child) = r.next_child(&current)? {
            match child.local() {
                "Value" => out.push(read_code(r, &child)?),
                "Subcode" if next.is_none() => {
                    next = Some(child);
                    break;
                }
                _ => r.skip(&child)?,
            }
        }
        match next {
            Some(sub) => current = sub,
            None => break,
        }
    }
    // Consume what remains of the outer elements.
    r.skip(code)?;
    Ok(out)
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.code.local_name(SoapVersion::Soap11),
            self.reason
        )
    }
}

impl std::error::Error for Fault {}

/// A decoding error in a request becomes a `Client`/`Sender` fault whose text names the
/// element and value.
impl From<DecodeError> for Fault {
    fn from(err: DecodeError) -> Self {
        Fault::client(format!("The request could not be read: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(f: &Fault, v: SoapVersion) -> String {
        let mut w = XmlWriter::new();
        w.start_prefixed(v.default_prefix(), v.envelope_namespace(), "Body");
        f.write(v, &mut w);
        w.end();
        w.into_string()
    }

    fn read(xml: &str, v: SoapVersion) -> Fault {
        let mut r = XmlReader::new(xml);
        let body = r.root().unwrap();
        let fault = r.next_child(&body).unwrap().unwrap();
        Fault::read(&mut r, &fault, v).unwrap()
    }

    #[test]
    fn soap11_write_matches_dotnet() {
        let f = Fault::client("Bad input").with_detail(RawXml::default());
        let xml = write(&f, SoapVersion::Soap11);
        assert_eq!(
            xml,
            "<soap:Body xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Bad input</faultstring><detail /></soap:Fault></soap:Body>"
        );
        assert_eq!(read(&xml, SoapVersion::Soap11), f);
    }

    #[test]
    fn soap12_round_trip() {
        let f = Fault::sender("Nope")
            .with_subcode(QName::new("urn:app", "Quota"))
            .with_subcode(QName::new("urn:app", "Daily"))
            .with_lang("fr")
            .with_actor("urn:role")
            .with_node("urn:node")
            .with_detail(RawXml::new("<e:x xmlns:e=\"urn:e\">1</e:x>"));
        let xml = write(&f, SoapVersion::Soap12);
        assert!(xml.contains("<soap12:Code><soap12:Value>soap12:Sender</soap12:Value><soap12:Subcode><soap12:Value xmlns:ns1=\"urn:app\">ns1:Quota</soap12:Value><soap12:Subcode>"), "{xml}");
        assert!(
            xml.contains("<soap12:Text xml:lang=\"fr\">Nope</soap12:Text>"),
            "{xml}"
        );
        let back = read(&xml, SoapVersion::Soap12);
        assert_eq!(
            back.detail.as_ref().unwrap().as_str(),
            "<e:x xmlns:e=\"urn:e\">1</e:x>"
        );
        let mut back = back;
        back.detail = f.detail.clone();
        assert_eq!(back, f);
        assert_eq!(f.http_status(SoapVersion::Soap12), 400);
        assert_eq!(f.http_status(SoapVersion::Soap11), 500);
        assert_eq!(f.code_name(SoapVersion::Soap12), "Sender");
        assert_eq!(f.code_name(SoapVersion::Soap11), "Client");
        assert_eq!(f.to_string(), "Client: Nope");
    }

    #[test]
    fn codes_resolve_with_foreign_prefixes() {
        let xml = r#"<s:Body xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang="en">boom</faultstring><faultactor>urn:a</faultactor><detail><x:E xmlns:x="urn:x">v</x:E></detail></s:Fault></s:Body>"#;
        let f = read(xml, SoapVersion::Soap11);
        assert_eq!(f.code, FaultCode::Server);
        assert_eq!(f.reason, "boom");
        assert_eq!(f.reason_lang.as_deref(), Some("en"));
        assert_eq!(f.actor.as_deref(), Some("urn:a"));
        assert_eq!(
            f.detail.as_ref().unwrap().as_str(),
            r#"<x:E xmlns:x="urn:x">v</x:E>"#
        );

        let xml = r#"<B xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><F><faultcode>env:Client.Authentication</faultcode><faultstring>no</faultstring></F></B>"#;
        let f = read(xml, SoapVersion::Soap11);
        assert_eq!(f.code, FaultCode::Client);
        assert_eq!(f.subcodes[0].local, "Client.Authentication");
        let again = write(&f, SoapVersion::Soap11);
        assert!(
            again.contains("<faultcode>soap:Client.Authentication</faultcode>"),
            "{again}"
        );

        let xml = r#"<B><F xmlns:c="urn:custom"><faultcode>c:Weird</faultcode><faultstring>w</faultstring></F></B>"#;
        let f = read(xml, SoapVersion::Soap11);
        assert_eq!(f.code, FaultCode::Other(QName::new("urn:custom", "Weird")));
        assert_eq!(f.code_name(SoapVersion::Soap11), "Weird");

        let xml = r#"<B><F><faultcode>soap:Server</faultcode><faultstring>w</faultstring></F></B>"#;
        assert_eq!(read(xml, SoapVersion::Soap11).code, FaultCode::Server);
    }

    #[test]
    fn missing_code_is_an_error() {
        let mut r = XmlReader::new("<B><F><faultstring>x</faultstring></F></B>");
        let body = r.root().unwrap();
        let f = r.next_child(&body).unwrap().unwrap();
        assert!(matches!(
            Fault::read(&mut r, &f, SoapVersion::Soap11),
            Err(DecodeError::MissingElement { .. })
        ));
    }

    #[test]
    fn decode_errors_become_client_faults() {
        let f: Fault = DecodeError::MissingElement {
            parent: "Op".into(),
            name: "x".into(),
        }
        .into();
        assert_eq!(f.code, FaultCode::Client);
        assert!(f.reason.contains("<x>"), "{}", f.reason);
        let all = [
            Fault::must_understand("m"),
            Fault::version_mismatch("v"),
            Fault::receiver("r"),
            Fault::new(FaultCode::DataEncodingUnknown, "d"),
        ];
        for f in all {
            for v in [SoapVersion::Soap11, SoapVersion::Soap12] {
                let xml = write(&f, v);
                let expected = match v {
                    SoapVersion::Soap12 => f.clone().with_lang("en"),
                    SoapVersion::Soap11 => f.clone(),
                };
                assert_eq!(read(&xml, v), expected);
            }
        }
    }
}
