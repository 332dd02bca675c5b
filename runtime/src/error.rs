//! Error types: [`ValueError`] (a bad lexical value of an XSD simple type), [`DecodeError`]
//! (malformed or unexpected XML) and [`Error`] (what a generated client call returns).

use crate::client::TransportError;
use crate::fault::Fault;

/// Maximum number of characters of an offending value kept in [`DecodeError::InvalidValue`].
pub const MAX_VALUE_EXCERPT: usize = 200;

/// Maximum number of characters of an HTTP body kept in [`Error`] excerpts.
pub const MAX_BODY_EXCERPT: usize = 512;

/// A lexical value that is not valid for an XSD simple type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid xs:{expected}: {reason}")]
pub struct ValueError {
    /// The XSD type name that was expected (for example `int` or `dateTime`).
    pub expected: &'static str,
    /// Why the value was rejected.
    pub reason: String,
}

impl ValueError {
    /// Creates a value error for the XSD type `expected`.
    pub fn new(expected: &'static str, reason: impl Into<String>) -> Self {
        Self {
            expected,
            reason: reason.into(),
        }
    }
}

/// An error decoding XML: malformed markup, a refused construct, a limit, or content that does
/// not match the expected schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input is not well-formed XML.
    #[error("malformed XML at byte {position}: {message}")]
    Xml {
        /// Byte offset in the input where the problem was detected.
        position: u64,
        /// Description of the problem.
        message: String,
    },
    /// The input contains a document type declaration, which is refused (entity expansion attacks, XXE).
    #[error("DOCTYPE declarations are not allowed")]
    Doctype,
    /// A configured limit was exceeded.
    #[error("XML limit exceeded: {what} (limit {limit})")]
    LimitExceeded {
        /// Which limit.
        what: &'static str,
        /// The configured limit.
        limit: usize,
    },
    /// The input is not valid UTF-8.
    #[error("the document is not valid UTF-8")]
    InvalidUtf8,
    /// The XML declaration names an encoding other than UTF-8.
    #[error("unsupported document encoding `{0}` (only UTF-8 is supported)")]
    UnsupportedEncoding(String),
    /// An element was found where it is not allowed.
    #[error("unexpected element <{found}> in <{parent}>")]
    UnexpectedElement {
        /// The element in which it was found.
        parent: String,
        /// The unexpected element's name.
        found: String,
    },
    /// A required child element is missing.
    #[error("missing required element <{name}> in <{parent}>")]
    MissingElement {
        /// The element that should contain it.
        parent: String,
        /// The missing element's name.
        name: String,
    },
    /// A required attribute is missing.
    #[error("missing required attribute `{name}` on <{element}>")]
    MissingAttribute {
        /// The element that should carry it.
        element: String,
        /// The missing attribute's name.
        name: String,
    },
    /// A value does not match its XSD type.
    #[error("invalid value {value:?} in <{element}>: expected xs:{expected}: {reason}")]
    InvalidValue {
        /// The element (or `@attribute`) holding the value.
        element: String,
        /// The offending value, truncated to 200 characters.
        value: String,
        /// The XSD type name that was expected.
        expected: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// The element found is not the one expected.
    #[error(
        "expected element {{{expected_ns}}}{expected_local}, found {{{found_ns}}}{found_local}"
    )]
    UnexpectedRoot {
        /// Expected namespace URI.
        expected_ns: String,
        /// Expected local name.
        expected_local: String,
        /// Namespace URI found.
        found_ns: String,
        /// Local name found.
        found_local: String,
    },
    /// The document element is not a SOAP 1.1 or 1.2 `Envelope`.
    #[error("not a SOAP envelope: root element is {{{found_ns}}}{found_local}")]
    NotAnEnvelope {
        /// Namespace URI of the root element.
        found_ns: String,
        /// Local name of the root element.
        found_local: String,
    },
    /// The envelope has no `Body`.
    #[error("the SOAP envelope has no Body")]
    MissingBody,
    /// Any other decoding problem.
    #[error("{0}")]
    Custom(String),
}

impl DecodeError {
    /// Builds [`DecodeError::InvalidValue`] from a [`ValueError`], truncating the value.
    pub fn invalid_value(element: impl Into<String>, value: &str, err: ValueError) -> Self {
        DecodeError::InvalidValue {
            element: element.into(),
            value: truncate_chars(value, MAX_VALUE_EXCERPT).to_owned(),
            expected: err.expected,
            reason: err.reason,
        }
    }
}

/// The error returned by generated client operations.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be delivered (connection refused, DNS, TLS, I/O…).
    #[error("transport error: {message}")]
    Transport {
        /// Description of the failure.
        message: String,
        /// The underlying error, when there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
    },
    /// The connection could not be made in the connect timeout, or the whole exchange took
    /// longer than the request timeout.
    #[error("the request timed out")]
    Timeout,
    /// A non-2xx HTTP status without a SOAP fault in the body.
    #[error("HTTP {status} without a SOAP fault: {body_excerpt}")]
    Http {
        /// HTTP status code.
        status: u16,
        /// The response's Content-Type, if any.
        content_type: Option<String>,
        /// The start of the response body (at most 512 characters).
        body_excerpt: String,
    },
    /// The service answered with a SOAP fault.
    #[error("SOAP fault (HTTP {status}): {fault}")]
    Fault {
        /// HTTP status code of the response carrying the fault.
        status: u16,
        /// The fault.
        fault: Fault,
    },
    /// A 2xx response whose body is not a usable SOAP envelope.
    #[error("invalid response (HTTP {status}): {reason}")]
    InvalidResponse {
        /// HTTP status code.
        status: u16,
        /// Why the response was rejected.
        reason: String,
        /// The start of the response body (at most 512 characters).
        body_excerpt: String,
    },
    /// The response envelope was valid but its content did not match the expected schema.
    #[error("cannot decode the response: {0}")]
    Decode(#[from] DecodeError),
    /// The response exceeded the configured size limit; it was not read further.
    #[error("the HTTP {status} response is larger than {limit} bytes: {body_excerpt}")]
    ResponseTooLarge {
        /// The configured limit in bytes.
        limit: usize,
        /// HTTP status code.
        status: u16,
        /// The start of the response body (at most 512 characters; empty when the declared
        /// `Content-Length` was already over the limit).
        body_excerpt: String,
    },
    /// The response's status and headers arrived but its body was cut off.
    #[error("truncated HTTP {status} response ({reason}): {body_excerpt}")]
    TruncatedResponse {
        /// HTTP status code.
        status: u16,
        /// The response's Content-Type, if any.
        content_type: Option<String>,
        /// Why reading stopped.
        reason: String,
        /// The start of what was received (at most 512 characters).
        body_excerpt: String,
    },
}

impl From<TransportError> for Error {
    fn from(err: TransportError) -> Self {
        match err {
            TransportError::Timeout => Error::Timeout,
            TransportError::TooLarge {
                limit,
                status,
                head,
            } => Error::ResponseTooLarge {
                limit,
                status,
                body_excerpt: body_excerpt(&head),
            },
            TransportError::Incomplete {
                status,
                content_type,
                partial,
                message,
            } => Error::TruncatedResponse {
                status,
                content_type,
                reason: message,
                body_excerpt: body_excerpt(&partial),
            },
            other => Error::Transport {
                message: other.to_string(),
                source: Some(Box::new(other)),
            },
        }
    }
}

/// Returns the longest prefix of `s` that has at most `max` characters.
pub(crate) fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((idx, _)) => s.get(..idx).unwrap_or(s),
        None => s,
    }
}

/// A lossy UTF-8 excerpt of at most [`MAX_BODY_EXCERPT`] characters of an HTTP body.
pub(crate) fn body_excerpt(body: &[u8]) -> String {
    // 4 bytes per char is the UTF-8 maximum: never decode more than needed.
    let head = body.get(..MAX_BODY_EXCERPT * 4).unwrap_or(body);
    let text = String::from_utf8_lossy(head);
    truncate_chars(&text, MAX_BODY_EXCERPT).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate_chars("héllo", 2), "hé");
        assert_eq!(truncate_chars("hé", 5), "hé");
        let long = "é".repeat(600);
        assert_eq!(
            body_excerpt(long.as_bytes()).chars().count(),
            MAX_BODY_EXCERPT
        );
        assert_eq!(body_excerpt(&[0xff, b'a']), "\u{fffd}a");
    }

    #[test]
    fn invalid_value_truncates() {
        let v = "x".repeat(1000);
        let e = DecodeError::invalid_value("Age", &v, ValueError::new("int", "bad"));
        match &e {
            DecodeError::InvalidValue { value, .. } => assert_eq!(value.len(), MAX_VALUE_EXCERPT),
            _ => unreachable!(),
        }
        assert!(e.to_string().contains("<Age>"));
    }

    #[test]
    fn transport_errors_map() {
        assert!(matches!(
            Error::from(TransportError::Timeout),
            Error::Timeout
        ));
        assert!(matches!(
            Error::from(TransportError::TooLarge {
                limit: 3,
                status: 200,
                head: bytes::Bytes::from_static(b"<a>")
            }),
            Error::ResponseTooLarge { limit: 3, status: 200, body_excerpt } if body_excerpt == "<a>"
        ));
        match Error::from(TransportError::Incomplete {
            status: 500,
            content_type: Some("text/xml".into()),
            partial: bytes::Bytes::from_static(b"<soap:Env"),
            message: "connection closed".into(),
        }) {
            Error::TruncatedResponse {
                status: 500,
                content_type,
                reason,
                body_excerpt,
            } => {
                assert_eq!(content_type.as_deref(), Some("text/xml"));
                assert_eq!(reason, "connection closed");
                assert_eq!(body_excerpt, "<soap:Env");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            Error::from(TransportError::Connect("refused".into())),
            Error::Transport { .. }
        ));
    }
}
