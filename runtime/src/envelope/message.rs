//! [`Message`]: a parsed incoming SOAP envelope (request or response). It owns the document
//! text and remembers where each header entry and the first body element are, with the
//! namespace bindings in scope there, so they can be decoded on demand with whatever prefixes
//! the sender chose.

use std::ops::Range;

use super::version::{
    SoapVersion, SOAP11_ACTOR_NEXT, SOAP12_ROLE_NEXT, SOAP12_ROLE_ULTIMATE_RECEIVER,
};
use crate::error::DecodeError;
use crate::fault::Fault;
use crate::xml::{FromXml, Limits, RawXml, XmlReader};

/// Location of one header entry.
#[derive(Debug, Clone)]
struct HeaderInfo {
    range: Range<usize>,
    ns: String,
    local: String,
    must_understand: bool,
    role: Option<String>,
}

/// Location of the first body element.
#[derive(Debug, Clone)]
struct BodyInfo {
    range: Range<usize>,
    ns: String,
    local: String,
}

/// A parsed SOAP envelope.
#[derive(Debug, Clone)]
pub struct Message {
    text: String,
    version: SoapVersion,
    limits: Limits,
    headers: Vec<HeaderInfo>,
    header_namespaces: Vec<(String, String)>,
    body: Option<BodyInfo>,
    /// The whole `Body` element.
    body_element: Range<usize>,
    /// Whether the Body holds entries after the first (SOAP-encoding multi-references).
    more_entries: bool,
    body_namespaces: Vec<(String, String)>,
}

/// What scanning an envelope yields.
struct Layout {
    version: SoapVersion,
    headers: Vec<HeaderInfo>,
    header_namespaces: Vec<(String, String)>,
    body: Option<BodyInfo>,
    /// The whole `Body` element.
    body_element: Range<usize>,
    /// Whether the Body holds entries after the first (SOAP-encoding multi-references).
    more_entries: bool,
    body_namespaces: Vec<(String, String)>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why [`Message::parse_owned`] failed, with the body it was given (for error excerpts).
#[derive(Debug)]
pub struct ParseFailure {
    /// What was wrong.
    pub error: DecodeError,
    /// The body, unchanged but for a stripped byte-order mark.
    pub body: Vec<u8>,
}

fn flag(value: Option<&str>) -> bool {
    matches!(value.map(str::trim), Some("1" | "true"))
}

impl Message {
    /// Parses an envelope: UTF-8 (optional BOM), root `Envelope` in the SOAP 1.1 or 1.2
    /// namespace (which gives [`version`](Self::version)), optional `Header`, then `Body`.
    /// The whole document is checked for well-formedness and DOCTYPEs are refused; inside the
    /// first body entry only the structure is checked here (tags nest, limits hold), because
    /// decoding it ([`decode_body`](Self::decode_body)) reads it in full and checks the rest.
    pub fn parse(body: &[u8], limits: Limits) -> Result<Message, DecodeError> {
        let bytes = body.strip_prefix(UTF8_BOM).unwrap_or(body);
        let text = std::str::from_utf8(bytes)
            .map_err(|_| DecodeError::InvalidUtf8)?
            .to_owned();
        Self::from_text(text, limits)
    }

    /// [`parse`](Self::parse) without copying: the message keeps `body` as its text (a large
    /// response is then held once, not twice). On failure the body comes back with the error.
    pub fn parse_owned(mut body: Vec<u8>, limits: Limits) -> Result<Message, ParseFailure> {
        if body.starts_with(UTF8_BOM) {
            body.drain(..UTF8_BOM.len());
        }
        let text = match String::from_utf8(body) {
            Ok(text) => text,
            Err(e) => {
                return Err(ParseFailure {
                    error: DecodeError::InvalidUtf8,
                    body: e.into_bytes(),
                })
            }
        };
        match scan(&text, limits) {
            Ok(layout) => Ok(Self::from_layout(text, layout, limits)),
            Err(error) => Err(ParseFailure {
                error,
                body: text.into_bytes(),
            }),
        }
    }

    fn from_text(text: String, limits: Limits) -> Result<Message, DecodeError> {
        let layout = scan(&text, limits)?;
        Ok(Self::from_layout(text, layout, limits))
    }

    fn from_layout(text: String, layout: Layout, limits: Limits) -> Message {
        Message {
            text,
            version: layout.version,
            limits,
            headers: layout.headers,
            header_namespaces: layout.header_namespaces,
            body: layout.body,
            body_element: layout.body_element,
            more_entries: layout.more_entries,
            body_namespaces: layout.body_namespaces,
        }
    }

    /// The SOAP version of the envelope.
    pub fn version(&self) -> SoapVersion {
        self.version
    }

    /// The whole document text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The limits the message was parsed with (also used to decode its parts).
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// `(namespace, local name)` of the first body element, if the body is not empty.
    pub fn body_name(&self) -> Option<(&str, &str)> {
        self.body
            .as_ref()
            .map(|b| (b.ns.as_str(), b.local.as_str()))
    }

    /// The first body element exactly as written (without inherited declarations).
    pub fn body_text(&self) -> Option<&str> {
        self.body
            .as_ref()
            .and_then(|b| self.text.get(b.range.clone()))
    }

    /// True if the first body element is a `Fault` in the envelope namespace.
    pub fn is_fault(&self) -> bool {
        self.body_name() == Some((self.version.envelope_namespace(), "Fault"))
    }

    /// The fault carried by the body, if any.
    pub fn fault(&self) -> Result<Option<Fault>, DecodeError> {
        if !self.is_fault() {
            return Ok(None);
        }
        let Some(body) = &self.body else {
            return Ok(None);
        };
        let mut r = self.fragment(&body.range, &self.body_namespaces)?;
        let start = r.root()?;
        Fault::read(&mut r, &start, self.version).map(Some)
    }

    fn fragment<'m>(
        &'m self,
        range: &Range<usize>,
        namespaces: &'m [(String, String)],
    ) -> Result<XmlReader<'m>, DecodeError> {
        let xml = self
            .text
            .get(range.clone())
            .ok_or_else(|| DecodeError::Custom("invalid element range".into()))?;
        Ok(XmlReader::fragment(xml, namespaces, self.limits))
    }

    /// Decodes the first body element as `T`, checking that it is `{ns}local`
    /// ([`DecodeError::UnexpectedRoot`] otherwise, [`DecodeError::MissingElement`] for an
    /// empty body).
    pub fn decode_body<T: FromXml>(&self, ns: &str, local: &str) -> Result<T, DecodeError> {
        let Some(body) = &self.body else {
            return Err(DecodeError::MissingElement {
                parent: "Body".into(),
                name: local.into(),
            });
        };
        if body.ns != ns || body.local != local {
            return Err(DecodeError::UnexpectedRoot {
                expected_ns: ns.into(),
                expected_local: local.into(),
                found_ns: body.ns.clone(),
                found_local: body.local.clone(),
            });
        }
        if self.more_entries {
            // SOAP encoding may carry the entry's values as further entries (`multiRef`),
            // referenced by `href`; they are inlined first.
            let body_text = self
                .text
                .get(self.body_element.clone())
                .ok_or_else(|| DecodeError::Custom("invalid element range".into()))?;
            if let Some(inlined) = super::multiref::inline_first_entry(body_text)? {
                let mut r = XmlReader::fragment(&inlined, &self.body_namespaces, self.limits);
                let start = r.root()?;
                return T::read_content(&mut r, &start);
            }
        }
        let mut r = self.fragment(&body.range, &self.body_namespaces)?;
        let start = r.root()?;
        T::read_content(&mut r, &start)
    }

    /// Decodes the whole content of the Body (all its entries, in order) as `T`: the body of
    /// a document-style message with several parts, each part's element side by side.
    pub fn decode_body_parts<T: FromXml>(&self) -> Result<T, DecodeError> {
        let mut r = self.fragment(&self.body_element, &self.body_namespaces)?;
        let start = r.root()?;
        T::read_content(&mut r, &start)
    }

    /// Decodes the first header entry named `{ns}local`, if there is one.
    pub fn decode_header<T: FromXml>(
        &self,
        ns: &str,
        local: &str,
    ) -> Result<Option<T>, DecodeError> {
        match self
            .header_entries()
            .find(|h| h.ns() == ns && h.local() == local)
        {
            Some(entry) => entry.decode().map(Some),
            None => Ok(None),
        }
    }

    /// The header entries in document order.
    pub fn header_entries(&self) -> impl Iterator<Item = HeaderEntry<'_>> {
        self.headers.iter().map(move |info| HeaderEntry {
            message: self,
            info,
        })
    }

    /// Checks that every header entry marked `mustUnderstand` and targeted at this node is in
    /// `understood` (`(namespace, local)` pairs). Targeted means: SOAP 1.1 `actor` absent or
    /// `…/actor/next`; SOAP 1.2 `role` absent, `…/role/next` or `…/role/ultimateReceiver`.
    /// The first offending entry yields a `MustUnderstand` fault naming it.
    pub fn check_must_understand(&self, understood: &[(&str, &str)]) -> Result<(), Fault> {
        for entry in self.header_entries() {
            if !entry.must_understand() || !entry.targets_this_node() {
                continue;
            }
            if understood
                .iter()
                .any(|&(ns, local)| entry.ns() == ns && entry.local() == local)
            {
                continue;
            }
            return Err(Fault::must_understand(format!(
                "SOAP header {} was not understood.",
                entry.local()
            )));
        }
        Ok(())
    }
}

/// One header entry of a [`Message`].
#[derive(Debug, Clone, Copy)]
pub struct HeaderEntry<'m> {
    message: &'m Message,
    info: &'m HeaderInfo,
}

impl<'m> HeaderEntry<'m> {
    /// The entry's namespace URI.
    pub fn ns(&self) -> &'m str {
        &self.info.ns
    }

    /// The entry's local name.
    pub fn local(&self) -> &'m str {
        &self.info.local
    }

    /// The `mustUnderstand` attribute (`1`/`true`).
    pub fn must_understand(&self) -> bool {
        self.info.must_understand
    }

    /// The SOAP 1.1 `actor` / SOAP 1.2 `role` attribute.
    pub fn role_or_actor(&self) -> Option<&'m str> {
        self.info.role.as_deref()
    }

    /// True if the entry is addressed to the ultimate receiver (see
    /// [`Message::check_must_understand`]).
    pub fn targets_this_node(&self) -> bool {
        match (self.message.version, self.role_or_actor()) {
            (_, None) => true,
            (SoapVersion::Soap11, Some(actor)) => actor == SOAP11_ACTOR_NEXT,
            (SoapVersion::Soap12, Some(role)) => {
                role == SOAP12_ROLE_NEXT || role == SOAP12_ROLE_ULTIMATE_RECEIVER
            }
        }
    }

    /// The entry as exactly written (without inherited namespace declarations).
    pub fn text(&self) -> &'m str {
        self.message
            .text
            .get(self.info.range.clone())
            .unwrap_or_default()
    }

    /// A self-contained copy of the entry (namespace bindings in scope re-declared).
    pub fn raw(&self) -> RawXml {
        let copy = self
            .message
            .fragment(&self.info.range, &self.message.header_namespaces)
            .and_then(|mut r| {
                let start = r.root()?;
                r.read_raw(&start)
            });
        copy.unwrap_or_else(|_| RawXml::new(self.text()))
    }

    /// Decodes the entry as `T`.
    pub fn decode<T: FromXml>(&self) -> Result<T, DecodeError> {
        let mut r = self
            .message
            .fragment(&self.info.range, &self.message.header_namespaces)?;
        let start = r.root()?;
        T::read_content(&mut r, &start)
    }
}

/// Walks the envelope once, checking it and recording where its parts are.
fn scan(text: &str, limits: Limits) -> Result<Layout, DecodeError> {
    let mut r = XmlReader::with_limits(text, limits);
    // Offsets are relative to the reader input, which excludes a leading BOM character.
    let base = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let envelope = r.root()?;
    let version = match SoapVersion::from_namespace(envelope.ns()) {
        Some(v) if envelope.local() == "Envelope" => v,
        _ => {
            return Err(DecodeError::NotAnEnvelope {
                found_ns: envelope.ns().to_owned(),
                found_local: envelope.local().to_owned(),
            })
        }
    };
    let env_ns = version.envelope_namespace();
    let role_attr = match version {
        SoapVersion::Soap11 => "actor",
        SoapVersion::Soap12 => "role",
    };

    let mut headers = Vec::new();
    let mut header_namespaces = Vec::new();
    let mut child = r.next_child(&envelope)?;
    if let Some(header) = child.as_ref().filter(|c| c.is(env_ns, "Header")).cloned() {
        header_namespaces = r.in_scope_namespaces();
        while let Some(entry) = r.next_child(&header)? {
            let must_understand = flag(r.attr(&entry, env_ns, "mustUnderstand")?.as_deref());
            let role = r
                .attr(&entry, env_ns, role_attr)?
                .map(|v| v.trim().to_owned());
            let start = base + entry.offset();
            r.skip(&entry)?;
            headers.push(HeaderInfo {
                range: start..base + r.offset(),
                ns: entry.ns().to_owned(),
                local: entry.local().to_owned(),
                must_understand,
                role,
            });
        }
        child = r.next_child(&envelope)?;
    }

    let body = match child {
        Some(b) if b.is(env_ns, "Body") => b,
        Some(other) => {
            return Err(DecodeError::UnexpectedElement {
                parent: "Envelope".into(),
                found: other.local().to_owned(),
            })
        }
        None => return Err(DecodeError::MissingBody),
    };
    let body_namespaces = r.in_scope_namespaces();
    let body_start = base + body.offset();
    let first = match r.next_child(&body)? {
        Some(first) => {
            let start = base + first.offset();
            // The operation's decode reads this range in full (names, attributes, values), so
            // the scan only checks its structure: one full pass over the body instead of two.
            r.skip_structure(&first)?;
            Some(BodyInfo {
                range: start..base + r.offset(),
                ns: first.ns().to_owned(),
                local: first.local().to_owned(),
            })
        }
        None => None,
    };
    let more_entries = first.is_some() && r.next_child(&body)?.is_some();
    r.skip(&body)?;
    let body_element = body_start..base + r.offset();
    r.skip(&envelope)?;
    r.finish()?;
    Ok(Layout {
        version,
        headers,
        header_namespaces,
        body: first,
        body_element,
        more_entries,
        body_namespaces,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::FaultCode;

    fn parse(xml: &str) -> Result<Message, DecodeError> {
        Message::parse(xml.as_bytes(), Limits::default())
    }

    #[test]
    fn body_structure_is_checked_at_parse_and_names_at_decode() {
        let env = |body: &str| {
            format!(
                r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>{body}</s:Body></s:Envelope>"#
            )
        };
        // Mismatched tags inside the body entry: refused by parse.
        assert!(parse(&env("<m:Add xmlns:m=\"urn:m\"><a>1</b></m:Add>")).is_err());
        // An undeclared prefix deep in the body entry: parse locates the entry, decode refuses it.
        let m = parse(&env("<m:Add xmlns:m=\"urn:m\"><x:a>1</x:a></m:Add>")).unwrap();
        assert_eq!(m.body_name(), Some(("urn:m", "Add")));
        let err = m.decode_body::<RawXml>("urn:m", "Add").unwrap_err();
        assert!(
            err.to_string().contains("undeclared namespace prefix"),
            "{err}"
        );
        // Parse still refuses what follows the body entry, and a DOCTYPE anywhere.
        assert!(parse(&env("<m:Add xmlns:m=\"urn:m\"/><x:b/>")).is_err());
        assert!(parse(&env("<m:Add xmlns:m=\"urn:m\"><!DOCTYPE x></m:Add>")).is_err());
    }

    #[test]
    fn locates_body_with_custom_prefixes() {
        let xml = r#"<?xml version="1.0"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body xmlns:m="urn:m"><m:Add><m:a>1</m:a><m:b>2</m:b></m:Add></s:Body>
</s:Envelope>"#;
        let m = parse(xml).unwrap();
        assert_eq!(m.version(), SoapVersion::Soap11);
        assert_eq!(m.body_name(), Some(("urn:m", "Add")));
        assert!(!m.is_fault());
        assert_eq!(m.fault().unwrap(), None);
        assert_eq!(
            m.body_text(),
            Some("<m:Add><m:a>1</m:a><m:b>2</m:b></m:Add>")
        );
        let raw: RawXml = m.decode_body("urn:m", "Add").unwrap();
        assert_eq!(
            raw.as_str(),
            "<m:a xmlns:m=\"urn:m\">1</m:a><m:b xmlns:m=\"urn:m\">2</m:b>"
        );
        assert!(matches!(
            m.decode_body::<RawXml>("urn:m", "Sub"),
            Err(DecodeError::UnexpectedRoot { .. })
        ));
    }

    #[test]
    fn default_namespace_envelope_and_headers() {
        let xml = "\u{FEFF}<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header><h:Auth xmlns:h=\"urn:h\" mustUnderstand=\"true\">t</h:Auth><Trace xmlns=\"urn:t\" e:role=\"http://www.w3.org/2003/05/soap-envelope/role/none\" xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" e:mustUnderstand=\"1\"/></Header><Body/></Envelope>";
        let m = parse(xml).unwrap();
        assert_eq!(m.version(), SoapVersion::Soap12);
        assert_eq!(m.body_name(), None);
        let entries: Vec<_> = m.header_entries().collect();
        assert_eq!(entries.len(), 2);
        // Unprefixed attributes are not in the envelope namespace.
        assert!(!entries[0].must_understand());
        assert!(entries[1].must_understand());
        assert!(!entries[1].targets_this_node());
        assert_eq!(
            entries[1].role_or_actor(),
            Some("http://www.w3.org/2003/05/soap-envelope/role/none")
        );
        assert_eq!(
            entries[0].text(),
            "<h:Auth xmlns:h=\"urn:h\" mustUnderstand=\"true\">t</h:Auth>"
        );
        assert_eq!(
            entries[0].raw().as_str(),
            "<h:Auth xmlns=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:h=\"urn:h\" mustUnderstand=\"true\">t</h:Auth>"
        );
        let token: Option<String> = m.decode_header("urn:h", "Auth").unwrap();
        assert_eq!(token.as_deref(), Some("t"));
        assert_eq!(m.decode_header::<String>("urn:h", "Nope").unwrap(), None);
        assert!(m.check_must_understand(&[]).is_ok());
        assert!(matches!(
            m.decode_body::<String>("urn:x", "Op"),
            Err(DecodeError::MissingElement { .. })
        ));
    }

    #[test]
    fn must_understand() {
        let xml = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><a:Sec xmlns:a="urn:a" soap:mustUnderstand="1"/><a:Other xmlns:a="urn:a" soap:mustUnderstand="1" soap:actor="urn:someone-else"/><a:Next xmlns:a="urn:a" soap:mustUnderstand="0" soap:actor="http://schemas.xmlsoap.org/soap/actor/next"/></soap:Header><soap:Body><x/></soap:Body></soap:Envelope>"#;
        let m = parse(xml).unwrap();
        let fault = m.check_must_understand(&[("urn:b", "Sec")]).unwrap_err();
        assert_eq!(fault.code, FaultCode::MustUnderstand);
        assert!(fault.reason.contains("Sec"));
        assert!(m.check_must_understand(&[("urn:a", "Sec")]).is_ok());
        assert!(m.header_entries().nth(2).unwrap().targets_this_node());
    }

    #[test]
    fn faults_in_body() {
        let xml = r#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="de">kaputt</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>"#;
        let m = parse(xml).unwrap();
        assert!(m.is_fault());
        let f = m.fault().unwrap().unwrap();
        assert_eq!(f.code, FaultCode::Server);
        assert_eq!(f.reason, "kaputt");
        assert_eq!(f.reason_lang.as_deref(), Some("de"));
    }

    #[test]
    fn rejects_bad_envelopes() {
        assert!(matches!(
            parse("<a/>"),
            Err(DecodeError::NotAnEnvelope { .. })
        ));
        assert!(matches!(
            parse("<Envelope xmlns=\"urn:soap-3\"><Body/></Envelope>"),
            Err(DecodeError::NotAnEnvelope { .. })
        ));
        assert!(matches!(
            parse("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"/>"),
            Err(DecodeError::MissingBody)
        ));
        assert!(matches!(
            parse("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Foo/><s:Body/></s:Envelope>"),
            Err(DecodeError::UnexpectedElement { .. })
        ));
        assert!(matches!(
            parse("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><x></s:Body></s:Envelope>"),
            Err(DecodeError::Xml { .. })
        ));
        assert!(matches!(
            parse("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope><again/>"),
            Err(DecodeError::Xml { .. })
        ));
        assert!(matches!(
            Message::parse(b"<s:Envelope \xff/>", Limits::default()),
            Err(DecodeError::InvalidUtf8)
        ));
        assert!(matches!(
            parse("<!DOCTYPE x [<!ENTITY a \"b\">]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>&a;</s:Body></s:Envelope>"),
            Err(DecodeError::Doctype)
        ));
    }
}
