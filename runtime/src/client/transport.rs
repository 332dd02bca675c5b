//! The transport abstraction: what goes on the wire ([`HttpRequest`]), what comes back
//! ([`HttpResponse`]) and how delivery fails ([`TransportError`]).

use std::sync::Arc;

use futures_util::future::BoxFuture;

/// A SOAP request exactly as it goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The `Content-Type` header.
    pub content_type: String,
    /// The `SOAPAction` header (SOAP 1.1 only), already quoted.
    pub soap_action: Option<String>,
    /// The envelope.
    pub body: Vec<u8>,
}

/// An HTTP response as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body.
    pub body: bytes::Bytes,
}

/// Why a request could not be delivered or its response not received.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// The connection could not be established (refused, DNS, TLS handshake…).
    #[error("cannot connect: {0}")]
    Connect(String),
    /// The connection or the whole exchange timed out.
    #[error("timed out")]
    Timeout,
    /// An I/O error while sending the request, before a response arrived.
    #[error("I/O error: {0}")]
    Io(String),
    /// The response's status and headers arrived but its body was cut off (the connection
    /// closed early, or the transfer encoding broke).
    #[error("HTTP {status} response cut off after {} bytes: {message}", partial.len())]
    Incomplete {
        /// The HTTP status code.
        status: u16,
        /// The `Content-Type` header, if any.
        content_type: Option<String>,
        /// The part of the body that was received.
        partial: bytes::Bytes,
        /// Why reading stopped.
        message: String,
    },
    /// The response body exceeded the configured limit (declared in `Content-Length`, or
    /// while streaming); reading stopped at the limit.
    #[error("HTTP {status} response larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
        /// The HTTP status code.
        status: u16,
        /// The start of the body that was received before the limit was reached (empty when
        /// the declared length was refused).
        head: bytes::Bytes,
    },
    /// Anything else (invalid URL, client construction…).
    #[error("{0}")]
    Other(String),
}

/// Delivers a request and returns the response. Implemented by
/// [`HttpTransport`](super::HttpTransport), [`InProcess`](super::InProcess) and test fakes.
pub trait Transport: Send + Sync + 'static {
    /// Sends one request.
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}

impl<T: Transport + ?Sized> Transport for Arc<T> {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        (**self).send(request)
    }
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        (**self).send(request)
    }
}
