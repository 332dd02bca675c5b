//! [`handle_http`]: turns one HTTP request into one HTTP response, independently of any web
//! framework — method and media-type checks, envelope parsing, version negotiation, dispatch
//! with panic isolation, and fault responses with the status codes of the SOAP HTTP bindings.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use bytes::Bytes;
use futures_util::FutureExt as _;

use super::dispatch::{IncomingRequest, SoapDispatch};
use crate::envelope::version::unquote;
use crate::envelope::{EnvelopeWriter, Message, SoapVersion};
use crate::error::DecodeError;
use crate::fault::Fault;
use crate::xml::Limits;

/// Default [`ServerConfig::max_body_bytes`]: 4 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Default [`ServerConfig::body_timeout`]: 30 seconds.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// Per-request limits of a server. Every field has a safe default; change them with struct
/// update syntax: `ServerConfig { max_body_bytes: 1 << 20, ..ServerConfig::default() }`.
///
/// Connection-level protection (header timeout, connection count) is configured where the
/// listener is served: see `server::axum::ConnectionConfig` (feature `server`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerConfig {
    /// Maximum request body size in bytes (default 4 MiB). A larger request gets 413 with a
    /// Client/Sender fault, without more than the limit being read (a declared
    /// `Content-Length` over the limit is refused before reading anything).
    pub max_body_bytes: usize,
    /// Time allowed to receive the whole request body once its headers arrived (default
    /// 30 s). A slower or stalled client gets 408 with a Client/Sender fault.
    pub body_timeout: Duration,
    /// Limits for parsing request envelopes (depth, attributes, name and text length,
    /// element count; see [`Limits`]).
    pub xml: Limits,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            xml: Limits::default(),
        }
    }
}

/// An HTTP response produced by [`handle_http`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerResponse {
    /// HTTP status code.
    pub status: u16,
    /// `Content-Type` header.
    pub content_type: String,
    /// Additional headers (for example `Allow` on a 405).
    pub extra_headers: Vec<(String, String)>,
    /// The response envelope.
    pub body: Bytes,
}

impl ServerResponse {
    fn envelope(status: u16, version: SoapVersion, body: String) -> Self {
        ServerResponse {
            status,
            content_type: version.content_type().to_owned(),
            extra_headers: Vec::new(),
            body: Bytes::from(body),
        }
    }

    /// A fault envelope in `version` with the given status.
    pub fn fault(status: u16, version: SoapVersion, fault: &Fault) -> Self {
        Self::envelope(status, version, EnvelopeWriter::fault(version, fault))
    }

    /// The 413 response for a request body over `limit` bytes.
    pub fn too_large(content_type: Option<&str>, limit: usize) -> Self {
        let version = request_version(content_type);
        Self::fault(
            413,
            version,
            &Fault::client(format!("The request body exceeds {limit} bytes.")),
        )
        .closing()
    }

    /// The 408 response for a request body not received within `timeout`.
    pub fn timed_out(content_type: Option<&str>, timeout: Duration) -> Self {
        let version = request_version(content_type);
        Self::fault(
            408,
            version,
            &Fault::client(format!(
                "The request body was not received within {} ms.",
                timeout.as_millis()
            )),
        )
        .closing()
    }

    /// The 400 response for a request body that could not be received (the connection broke,
    /// or the chunked encoding was invalid); `reason` says why.
    pub fn unreadable_body(content_type: Option<&str>, reason: &str) -> Self {
        let version = request_version(content_type);
        Self::fault(
            400,
            version,
            &Fault::client(format!("The request body could not be received: {reason}")),
        )
        .closing()
    }

    /// The 415 response for a request body sent with a `Content-Encoding` (such as gzip):
    /// envelopes are read uncompressed.
    pub fn unsupported_content_encoding(content_type: Option<&str>, encoding: &str) -> Self {
        let version = request_version(content_type);
        Self::fault(
            415,
            version,
            &Fault::client(format!(
                "Content-Encoding {encoding:?} is not supported; send the envelope uncompressed."
            )),
        )
        .closing()
    }

    /// Adds `Connection: close`: the rest of the request is not read, so the connection
    /// cannot be reused.
    fn closing(mut self) -> Self {
        self.extra_headers
            .push(("Connection".to_owned(), "close".to_owned()));
        self
    }
}

/// The version a request's `Content-Type` announces, SOAP 1.1 when unknown.
fn request_version(content_type: Option<&str>) -> SoapVersion {
    content_type
        .and_then(SoapVersion::from_content_type)
        .map_or(SoapVersion::Soap11, |(v, _)| v)
}

/// A `VersionMismatch` fault response in `version`, with a SOAP 1.2 `Upgrade` header block
/// listing the supported envelopes.
fn version_mismatch(version: SoapVersion, reason: &str) -> ServerResponse {
    let ns12 = SoapVersion::Soap12.envelope_namespace();
    let mut env = EnvelopeWriter::new(version);
    let w = env.header();
    let prefix = w.prefix_for(ns12).unwrap_or("soap12").to_owned();
    w.start_prefixed(&prefix, ns12, "Upgrade");
    for supported in [SoapVersion::Soap12, SoapVersion::Soap11] {
        w.start_prefixed(&prefix, ns12, "SupportedEnvelope");
        let qname = w.qname_text(supported.envelope_namespace(), "Envelope");
        w.attr("", "qname", &qname);
        w.end();
    }
    w.end();
    Fault::version_mismatch(reason).write(version, env.body());
    ServerResponse::envelope(500, version, env.finish())
}

/// Handles one HTTP request for `service`:
///
/// * a method other than POST → 405 with a fault body and `Allow: POST`;
/// * a body over `config.max_body_bytes` → 413;
/// * a `Content-Type` that is neither `text/xml` nor `application/soap+xml` → 415 with a 1.1
///   fault;
/// * an envelope whose namespace does not match the `Content-Type`'s version (or is unknown)
///   → `VersionMismatch` fault (500) with an `Upgrade` header block;
/// * malformed XML, a DOCTYPE, an exceeded limit → `Client`/`Sender` fault, 500 for 1.1 and
///   400 for 1.2;
/// * `dispatch` returning a fault → that fault, 500 (400 for a 1.2 `Sender` fault);
/// * a panic in `dispatch` → `Server`/`Receiver` fault "internal error", 500 (the service
///   keeps serving);
/// * success → 200 with the version's `Content-Type`.
pub async fn handle_http<S: SoapDispatch>(
    service: &S,
    config: &ServerConfig,
    method: &http::Method,
    content_type: Option<&str>,
    soap_action: Option<&str>,
    body: &[u8],
) -> ServerResponse {
    if method != http::Method::POST {
        let version = request_version(content_type);
        let mut response = ServerResponse::fault(
            405,
            version,
            &Fault::client(format!(
                "The HTTP method {method} is not allowed; SOAP requests use POST."
            )),
        );
        response
            .extra_headers
            .push(("Allow".to_owned(), "POST".to_owned()));
        return response;
    }
    if body.len() > config.max_body_bytes {
        return ServerResponse::too_large(content_type, config.max_body_bytes);
    }
    let Some((version, ct_action)) = content_type.and_then(SoapVersion::from_content_type) else {
        return ServerResponse::fault(
            415,
            SoapVersion::Soap11,
            &Fault::client(format!(
                "Unsupported media type {:?}; expected text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2).",
                content_type.unwrap_or("")
            )),
        );
    };
    let message = match Message::parse(body, config.xml) {
        Ok(message) => message,
        Err(DecodeError::NotAnEnvelope {
            found_ns,
            found_local,
        }) if found_local == "Envelope" => {
            return version_mismatch(
                version,
                &format!("The envelope namespace {found_ns:?} is not supported."),
            );
        }
        Err(err) => {
            let fault = Fault::from(err);
            return ServerResponse::fault(fault.http_status(version), version, &fault);
        }
    };
    if message.version() != version {
        return version_mismatch(
            version,
            &format!(
                "The envelope namespace {} does not match the Content-Type {}.",
                message.version().envelope_namespace(),
                version.media_type()
            ),
        );
    }
    let action = match version {
        SoapVersion::Soap11 => soap_action.map(|a| unquote(a.trim())),
        SoapVersion::Soap12 => ct_action,
    };
    let request = IncomingRequest { message, action };
    match AssertUnwindSafe(service.dispatch(request))
        .catch_unwind()
        .await
    {
        Ok(Ok(envelope)) => ServerResponse::envelope(200, version, envelope),
        Ok(Err(fault)) => ServerResponse::fault(fault.http_status(version), version, &fault),
        Err(_panic) => ServerResponse::fault(500, version, &Fault::server("internal error")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::FaultCode;
    use crate::xml::write_element;

    struct Echo;

    impl SoapDispatch for Echo {
        async fn dispatch(&self, request: IncomingRequest) -> Result<String, Fault> {
            let version = request.message.version();
            let text: String = request.message.decode_body("urn:e", "Echo")?;
            if text == "panic" {
                panic!("boom");
            }
            if text == "fail" {
                return Err(Fault::server("failed"));
            }
            let mut env = EnvelopeWriter::new(version);
            let reply = format!("{}|{}", text, request.action.unwrap_or_default());
            write_element(env.body(), "urn:e", "EchoResponse", reply.as_str());
            Ok(env.finish())
        }
    }

    fn envelope(version: SoapVersion, text: &str) -> Vec<u8> {
        let mut env = EnvelopeWriter::new(version);
        write_element(env.body(), "urn:e", "Echo", text);
        env.finish().into_bytes()
    }

    fn run(
        method: http::Method,
        ct: Option<&str>,
        action: Option<&str>,
        body: &[u8],
    ) -> ServerResponse {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(handle_http(
            &Echo,
            &ServerConfig::default(),
            &method,
            ct,
            action,
            body,
        ))
    }

    fn fault_of(resp: &ServerResponse) -> Fault {
        let m = Message::parse(&resp.body, Limits::default()).unwrap();
        m.fault().unwrap().unwrap()
    }

    #[test]
    fn success_both_versions() {
        let r = run(
            http::Method::POST,
            Some("text/xml; charset=utf-8"),
            Some("\"urn:e/Echo\""),
            &envelope(SoapVersion::Soap11, "hi"),
        );
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type, "text/xml; charset=utf-8");
        let m = Message::parse(&r.body, Limits::default()).unwrap();
        assert_eq!(
            m.decode_body::<String>("urn:e", "EchoResponse").unwrap(),
            "hi|urn:e/Echo"
        );

        let r = run(
            http::Method::POST,
            Some("application/soap+xml; action=\"urn:e/Echo12\""),
            None,
            &envelope(SoapVersion::Soap12, "hi"),
        );
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type, "application/soap+xml; charset=utf-8");
        let m = Message::parse(&r.body, Limits::default()).unwrap();
        assert_eq!(
            m.decode_body::<String>("urn:e", "EchoResponse").unwrap(),
            "hi|urn:e/Echo12"
        );
    }

    #[test]
    fn method_and_media_type() {
        let r = run(http::Method::GET, None, None, b"");
        assert_eq!(r.status, 405);
        assert_eq!(
            r.extra_headers,
            vec![("Allow".to_owned(), "POST".to_owned())]
        );
        assert_eq!(fault_of(&r).code, FaultCode::Client);

        let r = run(
            http::Method::POST,
            Some("application/json"),
            None,
            &envelope(SoapVersion::Soap11, "x"),
        );
        assert_eq!(r.status, 415);
        assert_eq!(r.content_type, "text/xml; charset=utf-8");
        assert_eq!(fault_of(&r).code, FaultCode::Client);
        let r = run(
            http::Method::POST,
            None,
            None,
            &envelope(SoapVersion::Soap11, "x"),
        );
        assert_eq!(r.status, 415);
    }

    #[test]
    fn version_mismatch_responses() {
        let r = run(
            http::Method::POST,
            Some("text/xml"),
            None,
            &envelope(SoapVersion::Soap12, "x"),
        );
        assert_eq!(r.status, 500);
        let m = Message::parse(&r.body, Limits::default()).unwrap();
        assert_eq!(m.version(), SoapVersion::Soap11);
        assert_eq!(m.fault().unwrap().unwrap().code, FaultCode::VersionMismatch);
        let upgrade = m.header_entries().next().unwrap();
        assert_eq!(upgrade.local(), "Upgrade");
        assert!(
            upgrade.text().contains("qname=\"soap:Envelope\""),
            "{}",
            upgrade.text()
        );

        let r = run(
            http::Method::POST,
            Some("application/soap+xml"),
            None,
            b"<e:Envelope xmlns:e=\"urn:old-soap\"><e:Body/></e:Envelope>",
        );
        assert_eq!(r.status, 500);
        assert_eq!(fault_of(&r).code, FaultCode::VersionMismatch);
        assert_eq!(r.content_type, "application/soap+xml; charset=utf-8");
    }

    #[test]
    fn malformed_requests() {
        let r = run(
            http::Method::POST,
            Some("text/xml"),
            None,
            b"<soap:Envelope",
        );
        assert_eq!(r.status, 500);
        assert_eq!(fault_of(&r).code, FaultCode::Client);
        let r = run(
            http::Method::POST,
            Some("application/soap+xml"),
            None,
            b"not xml at all",
        );
        assert_eq!(r.status, 400);
        assert_eq!(fault_of(&r).code, FaultCode::Client);
        let doctype = b"<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><lolz>&lol;</lolz>";
        let r = run(http::Method::POST, Some("text/xml"), None, doctype);
        assert_eq!(r.status, 500);
        assert!(fault_of(&r).reason.contains("DOCTYPE"));
        // A body the dispatcher cannot decode: the fault names the element.
        let mut env = EnvelopeWriter::new(SoapVersion::Soap11);
        write_element(env.body(), "urn:e", "Other", "x");
        let r = run(
            http::Method::POST,
            Some("text/xml"),
            None,
            env.finish().as_bytes(),
        );
        assert_eq!(r.status, 500);
        assert!(
            fault_of(&r).reason.contains("Echo"),
            "{}",
            fault_of(&r).reason
        );
    }

    #[test]
    fn dispatch_faults_and_panics() {
        let r = run(
            http::Method::POST,
            Some("text/xml"),
            None,
            &envelope(SoapVersion::Soap11, "fail"),
        );
        assert_eq!(r.status, 500);
        assert_eq!(fault_of(&r).reason, "failed");
        let r = run(
            http::Method::POST,
            Some("application/soap+xml"),
            None,
            &envelope(SoapVersion::Soap12, "panic"),
        );
        assert_eq!(r.status, 500);
        let f = fault_of(&r);
        assert_eq!(f.code, FaultCode::Server);
        assert_eq!(f.reason, "internal error");
        // Still serving.
        let r = run(
            http::Method::POST,
            Some("text/xml"),
            None,
            &envelope(SoapVersion::Soap11, "ok"),
        );
        assert_eq!(r.status, 200);
    }

    /// Decodes `<When>` as `xs:dateTime` from the body element `<At>`.
    struct Calendar;

    impl SoapDispatch for Calendar {
        async fn dispatch(&self, request: IncomingRequest) -> Result<String, Fault> {
            struct At(crate::xsd::DateTime);
            impl crate::FromXml for At {
                fn read_content<'a>(
                    r: &mut crate::XmlReader<'a>,
                    start: &crate::Start<'a>,
                ) -> Result<Self, DecodeError> {
                    let mut when = None;
                    while let Some(child) = r.next_child(start)? {
                        if child.is("urn:e", "When") {
                            when = Some(crate::xml::read_element(r, &child)?);
                        } else {
                            crate::xml::skip_unknown(r, &child)?;
                        }
                    }
                    crate::xml::required(when, start.local(), "When").map(At)
                }
            }
            let At(when) = request.message.decode_body("urn:e", "At")?;
            let mut env = EnvelopeWriter::new(request.message.version());
            write_element(env.body(), "urn:e", "AtResponse", &when);
            Ok(env.finish())
        }
    }

    #[test]
    fn bad_datetimes_name_the_element_and_the_value() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
            let call = |when: &str| {
                let mut env = EnvelopeWriter::new(version);
                let w = env.body();
                w.start("urn:e", "At");
                write_element(w, "urn:e", "When", when);
                w.end();
                let body = env.finish();
                rt.block_on(handle_http(
                    &Calendar,
                    &ServerConfig::default(),
                    &http::Method::POST,
                    Some(version.content_type()),
                    None,
                    body.as_bytes(),
                ))
            };
            assert_eq!(call("2024-02-29T23:59:59.5+05:30").status, 200);
            for bad in [
                "yesterday",
                "2023-02-29T00:00:00",
                "2024-13-01T00:00:00Z",
                "2024-01-01T25:00:00",
                "2024-01-01",
                "99999999999999999999-01-01T00:00:00Z",
            ] {
                let r = call(bad);
                assert_eq!(r.status, fault_status(version), "{bad}");
                let f = fault_of(&r);
                assert_eq!(f.code, FaultCode::Client);
                assert!(
                    f.reason.contains("<When>") && f.reason.contains(bad),
                    "{bad}: {}",
                    f.reason
                );
                assert!(f.reason.contains("dateTime"), "{}", f.reason);
            }
            let mut env = EnvelopeWriter::new(version);
            write_element(env.body(), "urn:e", "At", "");
            let r = rt.block_on(handle_http(
                &Calendar,
                &ServerConfig::default(),
                &http::Method::POST,
                Some(version.content_type()),
                None,
                env.finish().as_bytes(),
            ));
            let f = fault_of(&r);
            assert!(
                f.reason.contains("missing required element <When>"),
                "{}",
                f.reason
            );
        }
    }

    fn fault_status(version: SoapVersion) -> u16 {
        match version {
            SoapVersion::Soap11 => 500,
            SoapVersion::Soap12 => 400,
        }
    }

    #[test]
    fn body_limit() {
        let config = ServerConfig {
            max_body_bytes: 10,
            ..ServerConfig::default()
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let r = rt.block_on(handle_http(
            &Echo,
            &config,
            &http::Method::POST,
            Some("text/xml"),
            None,
            &envelope(SoapVersion::Soap11, "x"),
        ));
        assert_eq!(r.status, 413);
    }
}
