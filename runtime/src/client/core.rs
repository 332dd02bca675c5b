//! [`ClientCore`]: sends an envelope through a [`Transport`] and turns the HTTP response into
//! a parsed [`Message`] or a typed [`Error`] (fault, HTTP error, invalid response).

use std::fmt;
use std::sync::Arc;

use super::transport::{HttpRequest, HttpResponse, Transport};
use crate::envelope::{Message, SoapVersion};
use crate::error::{body_excerpt, Error};
use crate::xml::{FromXml, Limits};

/// The shared part of every generated client: a transport, a SOAP version and XML limits.
/// Cheap to clone.
#[derive(Clone)]
pub struct ClientCore {
    transport: Arc<dyn Transport>,
    version: SoapVersion,
    limits: Limits,
}

impl fmt::Debug for ClientCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCore")
            .field("version", &self.version)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl ClientCore {
    /// A client over `transport` speaking `version`, with default XML [`Limits`].
    pub fn new(transport: impl Transport, version: SoapVersion) -> Self {
        Self::from_arc(Arc::new(transport), version)
    }

    /// A client over a shared transport.
    pub fn from_arc(transport: Arc<dyn Transport>, version: SoapVersion) -> Self {
        ClientCore {
            transport,
            version,
            limits: Limits::default(),
        }
    }

    /// The SOAP version requests are sent with.
    pub fn version(&self) -> SoapVersion {
        self.version
    }

    /// The same client speaking `version`.
    pub fn with_version(mut self, version: SoapVersion) -> Self {
        self.version = version;
        self
    }

    /// The limits applied when parsing responses.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The same client with other response parsing limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sends `envelope` for `action` and returns the parsed response envelope.
    ///
    /// The body is parsed as SOAP whatever the status: a fault is [`Error::Fault`]; a
    /// non-fault envelope with a non-2xx status, or a non-SOAP body with a non-2xx status, is
    /// [`Error::Http`]; a 2xx non-SOAP body is [`Error::InvalidResponse`]. The response
    /// Content-Type is not enforced (lax peers are common). Delivery failures come from the
    /// transport: [`Error::Transport`] (refused, reset…), [`Error::Timeout`],
    /// [`Error::TruncatedResponse`] and [`Error::ResponseTooLarge`] (both with the status and
    /// the start of the body).
    pub async fn call(&self, action: &str, envelope: String) -> Result<Message, Error> {
        let request = HttpRequest {
            content_type: self.version.content_type_for(action),
            soap_action: self.version.soap_action_header(action),
            body: envelope.into_bytes(),
        };
        let response = self.transport.send(request).await?;
        interpret(response, self.limits)
    }

    /// Decodes the first body element of `message` as `T` (see [`decode_body`]).
    pub fn decode_body<T: FromXml>(message: &Message, ns: &str, local: &str) -> Result<T, Error> {
        decode_body(message, ns, local)
    }
}

/// Decodes the first body element of a response as `T`, mapping errors to [`Error::Decode`].
pub fn decode_body<T: FromXml>(message: &Message, ns: &str, local: &str) -> Result<T, Error> {
    message.decode_body(ns, local).map_err(Error::Decode)
}

/// Decodes the whole Body of a response (several body parts) as `T`, mapping errors to
/// [`Error::Decode`].
pub fn decode_body_parts<T: FromXml>(message: &Message) -> Result<T, Error> {
    message.decode_body_parts().map_err(Error::Decode)
}

/// Maps an HTTP response to a message or an error. The body becomes the message's text
/// without a copy (`Bytes` of a response hold their buffer alone).
fn interpret(response: HttpResponse, limits: Limits) -> Result<Message, Error> {
    let status = response.status;
    let success = (200..300).contains(&status);
    let content_type = response.content_type;
    let http_error = |body: &[u8]| Error::Http {
        status,
        content_type: content_type.clone(),
        body_excerpt: body_excerpt(body),
    };
    match Message::parse_owned(Vec::from(response.body), limits) {
        Ok(message) if message.is_fault() => match message.fault() {
            Ok(Some(fault)) => Err(Error::Fault { status, fault }),
            Ok(None) => Ok(message),
            Err(err) => Err(Error::InvalidResponse {
                status,
                reason: format!("malformed SOAP fault: {err}"),
                body_excerpt: body_excerpt(message.text().as_bytes()),
            }),
        },
        Ok(message) if success => Ok(message),
        Ok(message) => Err(http_error(message.text().as_bytes())),
        Err(failure) if success => Err(Error::InvalidResponse {
            status,
            reason: if failure.body.is_empty() {
                "empty response body".to_owned()
            } else {
                format!("not a SOAP envelope: {}", failure.error)
            },
            body_excerpt: body_excerpt(&failure.body),
        }),
        Err(failure) => Err(http_error(&failure.body)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::TransportError;
    use crate::envelope::EnvelopeWriter;
    use crate::fault::{Fault, FaultCode};
    use futures_util::future::BoxFuture;
    use std::sync::Mutex;

    /// Replies with a canned response and records the request.
    struct Canned {
        response: Result<HttpResponse, TransportError>,
        seen: Mutex<Vec<HttpRequest>>,
    }

    impl Transport for Canned {
        fn send(
            &self,
            request: HttpRequest,
        ) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
            self.seen.lock().unwrap().push(request);
            let response = self.response.clone();
            Box::pin(async move { response })
        }
    }

    fn client(
        status: u16,
        ct: Option<&str>,
        body: &str,
        version: SoapVersion,
    ) -> (ClientCore, Arc<Canned>) {
        let canned = Arc::new(Canned {
            response: Ok(HttpResponse {
                status,
                content_type: ct.map(str::to_owned),
                body: bytes::Bytes::from(body.to_owned()),
            }),
            seen: Mutex::new(Vec::new()),
        });
        (ClientCore::new(canned.clone(), version), canned)
    }

    fn block<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn sends_version_headers_and_parses_success() {
        let ok = {
            let mut env = EnvelopeWriter::new(SoapVersion::Soap11);
            crate::xml::write_element(env.body(), "urn:x", "PingResponse", "pong");
            env.finish()
        };
        let (c, canned) = client(
            200,
            Some("text/xml; charset=utf-8"),
            &ok,
            SoapVersion::Soap11,
        );
        let msg = block(c.call("urn:x/Ping", "<e/>".into())).unwrap();
        let text: String = ClientCore::decode_body(&msg, "urn:x", "PingResponse").unwrap();
        assert_eq!(text, "pong");
        assert!(matches!(
            decode_body::<String>(&msg, "urn:x", "Other"),
            Err(Error::Decode(_))
        ));
        let seen = canned.seen.lock().unwrap();
        assert_eq!(seen[0].content_type, "text/xml; charset=utf-8");
        assert_eq!(seen[0].soap_action.as_deref(), Some("\"urn:x/Ping\""));
        assert_eq!(seen[0].body, b"<e/>");
        drop(seen);

        let c = c.with_version(SoapVersion::Soap12);
        assert_eq!(c.version(), SoapVersion::Soap12);
        block(c.call("urn:x/Ping", "<e/>".into())).unwrap();
        let seen = canned.seen.lock().unwrap();
        assert_eq!(
            seen[1].content_type,
            "application/soap+xml; charset=utf-8; action=\"urn:x/Ping\""
        );
        assert_eq!(seen[1].soap_action, None);
        assert!(format!("{c:?}").contains("Soap12"));
    }

    #[test]
    fn faults_on_500_and_200() {
        for status in [500, 200] {
            let body = EnvelopeWriter::fault(SoapVersion::Soap11, &Fault::client("bad"));
            let (c, _) = client(status, Some("text/xml"), &body, SoapVersion::Soap11);
            match block(c.call("a", String::new())) {
                Err(Error::Fault { status: s, fault }) => {
                    assert_eq!(s, status);
                    assert_eq!(fault.code, FaultCode::Client);
                    assert_eq!(fault.reason, "bad");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn html_error_page_is_http_error() {
        let page = format!(
            "<html><body><h1>502 Bad Gateway</h1>{}</body></html>",
            "x".repeat(2000)
        );
        let (c, _) = client(502, Some("text/html"), &page, SoapVersion::Soap11);
        match block(c.call("a", String::new())) {
            Err(Error::Http {
                status,
                content_type,
                body_excerpt,
            }) => {
                assert_eq!(status, 502);
                assert_eq!(content_type.as_deref(), Some("text/html"));
                assert!(body_excerpt.starts_with("<html><body><h1>502 Bad Gateway"));
                assert_eq!(body_excerpt.chars().count(), 512);
            }
            other => panic!("{other:?}"),
        }
        // A non-fault envelope with an error status is an HTTP error too.
        let env = EnvelopeWriter::new(SoapVersion::Soap11).finish();
        let (c, _) = client(503, None, &env, SoapVersion::Soap11);
        assert!(matches!(
            block(c.call("a", String::new())),
            Err(Error::Http { status: 503, .. })
        ));
    }

    #[test]
    fn non_soap_200_is_invalid_response() {
        for body in [
            "{\"ok\":true}",
            "",
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>",
        ] {
            let (c, _) = client(200, Some("application/json"), body, SoapVersion::Soap11);
            match block(c.call("a", String::new())) {
                Err(Error::InvalidResponse {
                    status: 200,
                    body_excerpt,
                    ..
                }) => assert_eq!(body_excerpt, body),
                other => panic!("{other:?}"),
            }
        }
        let malformed_fault = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>";
        let (c, _) = client(500, None, malformed_fault, SoapVersion::Soap11);
        assert!(matches!(
            block(c.call("a", String::new())),
            Err(Error::InvalidResponse { status: 500, .. })
        ));
    }

    #[test]
    fn transport_errors_are_mapped() {
        let canned = Canned {
            response: Err(TransportError::Timeout),
            seen: Mutex::new(Vec::new()),
        };
        let c = ClientCore::new(canned, SoapVersion::Soap11).with_limits(Limits::default());
        assert_eq!(c.limits(), Limits::default());
        assert!(matches!(
            block(c.call("a", String::new())),
            Err(Error::Timeout)
        ));
    }
}
