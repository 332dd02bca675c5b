//! [`HttpTransport`]: the HTTP(S) transport over `reqwest` (rustls), with connect and overall
//! timeouts (on by default) and a streamed response size limit.
//!
//! Failures keep what is known: a response cut off or over the size limit is reported with its
//! status and the part of the body that arrived ([`TransportError::Incomplete`],
//! [`TransportError::TooLarge`]).

use std::time::Duration;

use futures_util::future::BoxFuture;

use super::transport::{HttpRequest, HttpResponse, Transport, TransportError};

/// Default maximum response size: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// Default time allowed to establish a connection: 30 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Default time allowed for a whole exchange, reading the response included: 120 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// Default time an idle pooled connection is kept for reuse: 20 seconds, below the 30 s after
/// which a soapgen server (and many others) closes an idle connection. Reusing a connection the
/// server is closing at that moment fails the request with a reset, so the client must give
/// up idle connections first.
pub const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(20);

/// At most this much is reserved up front from a declared `Content-Length`.
const MAX_PREALLOCATION: usize = 1024 * 1024;

/// Posts envelopes to one endpoint URL.
#[derive(Debug, Clone)]
pub struct HttpTransport {
    client: reqwest::Client,
    url: reqwest::Url,
    timeout: Option<Duration>,
    max_response_bytes: usize,
}

/// Configures an [`HttpTransport`].
#[derive(Debug, Clone)]
pub struct HttpTransportBuilder {
    url: String,
    connect_timeout: Option<Duration>,
    timeout: Option<Duration>,
    pool_idle_timeout: Duration,
    max_response_bytes: usize,
    client: Option<reqwest::Client>,
}

impl HttpTransportBuilder {
    /// Time allowed to establish a connection (default 30 s; ignored with
    /// [`with_client`](Self::with_client), which brings its own).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Time allowed for a whole exchange, reading the response included (default 120 s).
    /// Exceeding it fails with [`TransportError::Timeout`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How long an idle connection is kept for reuse (default 20 s; ignored with
    /// [`with_client`](Self::with_client)). Keep it below the server's idle timeout, or a
    /// request may be sent on a connection the server is closing and fail with a reset.
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// Removes the exchange timeout (for operations that legitimately run for a long time).
    pub fn no_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// Maximum response body size (default 64 MiB); larger responses fail with
    /// [`TransportError::TooLarge`] without being buffered entirely.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Uses a preconfigured `reqwest::Client` (proxies, TLS roots, pooling…).
    pub fn with_client(mut self, client: reqwest::Client) -> Self {
        self.client = Some(client);
        self
    }

    /// Builds the transport.
    pub fn build(self) -> Result<HttpTransport, TransportError> {
        let url = reqwest::Url::parse(&self.url).map_err(|e| {
            TransportError::Other(format!("invalid endpoint URL `{}`: {e}", self.url))
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(TransportError::Other(format!(
                "unsupported URL scheme `{}`",
                url.scheme()
            )));
        }
        let client = match self.client {
            Some(client) => client,
            None => {
                let mut builder =
                    reqwest::Client::builder().pool_idle_timeout(self.pool_idle_timeout);
                if let Some(t) = self.connect_timeout {
                    builder = builder.connect_timeout(t);
                }
                if let Some(t) = self.timeout {
                    builder = builder.timeout(t);
                }
                builder
                    .build()
                    .map_err(|e| TransportError::Other(format!("cannot build HTTP client: {e}")))?
            }
        };
        Ok(HttpTransport {
            client,
            url,
            timeout: self.timeout,
            max_response_bytes: self.max_response_bytes,
        })
    }
}

impl HttpTransport {
    /// A transport for `url` with default settings.
    pub fn new(url: impl Into<String>) -> Result<Self, TransportError> {
        Self::builder(url).build()
    }

    /// Starts configuring a transport for `url`.
    pub fn builder(url: impl Into<String>) -> HttpTransportBuilder {
        HttpTransportBuilder {
            url: url.into(),
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            timeout: Some(DEFAULT_TIMEOUT),
            pool_idle_timeout: DEFAULT_POOL_IDLE_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            client: None,
        }
    }

    /// The endpoint URL.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    async fn exchange(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut builder = self
            .client
            .post(self.url.clone())
            .header(reqwest::header::CONTENT_TYPE, request.content_type)
            .body(request.body);
        if let Some(action) = request.soap_action {
            builder = builder.header("SOAPAction", action);
        }
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        let mut response = builder.send().await.map_err(map_error)?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let limit = self.max_response_bytes;
        let declared = response.content_length().unwrap_or(0);
        if declared > limit as u64 {
            return Err(TransportError::TooLarge {
                limit,
                status,
                head: bytes::Bytes::new(),
            });
        }
        let capacity = usize::try_from(declared)
            .unwrap_or(0)
            .min(limit)
            .min(MAX_PREALLOCATION);
        let mut body = Vec::with_capacity(capacity);
        loop {
            let chunk = match response.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(err) if err.is_timeout() => return Err(TransportError::Timeout),
                Err(err) => {
                    return Err(TransportError::Incomplete {
                        status,
                        content_type,
                        partial: body.into(),
                        message: describe(&err),
                    })
                }
            };
            if body.len().saturating_add(chunk.len()) > limit {
                let room = limit - body.len();
                body.extend_from_slice(chunk.get(..room).unwrap_or_default());
                return Err(TransportError::TooLarge {
                    limit,
                    status,
                    head: body.into(),
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            content_type,
            body: body.into(),
        })
    }
}

impl Transport for HttpTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(self.exchange(request))
    }
}

/// Describes an error with its chain of causes (reqwest's own message is terse).
fn describe(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

fn map_error(err: reqwest::Error) -> TransportError {
    if err.is_timeout() {
        TransportError::Timeout
    } else if err.is_connect() {
        TransportError::Connect(describe(&err))
    } else if err.is_body() || err.is_request() || err.is_decode() {
        TransportError::Io(describe(&err))
    } else {
        TransportError::Other(describe(&err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_urls() {
        assert!(matches!(
            HttpTransport::new("not a url"),
            Err(TransportError::Other(_))
        ));
        assert!(matches!(
            HttpTransport::new("ftp://x/"),
            Err(TransportError::Other(_))
        ));
        let t = HttpTransport::builder("http://127.0.0.1:1/svc.asmx")
            .connect_timeout(Duration::from_secs(1))
            .timeout(Duration::from_secs(2))
            .max_response_bytes(10)
            .pool_idle_timeout(Duration::from_secs(1))
            .no_timeout()
            .build()
            .unwrap();
        assert_eq!(t.url(), "http://127.0.0.1:1/svc.asmx");
        assert!(HttpTransport::builder("https://example.invalid/")
            .with_client(reqwest::Client::new())
            .build()
            .is_ok());
    }
}
