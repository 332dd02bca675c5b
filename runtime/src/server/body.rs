//! Receiving a request body under the server's limits: never more than
//! [`ServerConfig::max_body_bytes`](super::ServerConfig::max_body_bytes) buffered, and the whole
//! body within [`ServerConfig::body_timeout`](super::ServerConfig::body_timeout).

use std::time::Duration;

use ::axum::body::Body;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt as _;

use super::handle::ServerResponse;

/// At most this much is reserved up front from a declared `Content-Length`, so a client that
/// announces a large body and then stalls does not make the server allocate it.
const MAX_PREALLOCATION: usize = 64 * 1024;

/// Why a body could not be received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// The body (declared or received) is larger than the limit.
    TooLarge,
    /// The body did not arrive in time.
    TimedOut,
    /// The connection broke or the transfer encoding was invalid.
    Broken(String),
}

impl BodyError {
    /// The fault response for this error.
    pub(crate) fn response(
        &self,
        content_type: Option<&str>,
        limit: usize,
        timeout: Duration,
    ) -> ServerResponse {
        match self {
            BodyError::TooLarge => ServerResponse::too_large(content_type, limit),
            BodyError::TimedOut => ServerResponse::timed_out(content_type, timeout),
            BodyError::Broken(reason) => ServerResponse::unreadable_body(content_type, reason),
        }
    }
}

/// Reads `body` completely, refusing more than `limit` bytes (a `declared` length over the
/// limit is refused before anything is read) and giving up after `timeout`.
pub(crate) async fn read_body(
    body: Body,
    declared: Option<u64>,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, BodyError> {
    if declared.is_some_and(|len| len > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    let capacity = declared
        .and_then(|len| usize::try_from(len).ok())
        .unwrap_or(0)
        .min(MAX_PREALLOCATION);
    let read = async move {
        let mut stream = body.into_data_stream();
        let mut buffer = BytesMut::with_capacity(capacity);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| BodyError::Broken(describe(&e)))?;
            if buffer.len().saturating_add(chunk.len()) > limit {
                return Err(BodyError::TooLarge);
            }
            buffer.extend_from_slice(&chunk);
        }
        Ok(buffer.freeze())
    };
    tokio::time::timeout(timeout, read)
        .await
        .unwrap_or(Err(BodyError::TimedOut))
}

/// An error with its causes, for the fault text.
fn describe(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = cause.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::stream;

    fn block<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(f)
    }

    fn chunks(parts: Vec<Result<&'static [u8], std::io::Error>>) -> Body {
        Body::from_stream(stream::iter(
            parts.into_iter().map(|p| p.map(Bytes::from_static)),
        ))
    }

    #[test]
    fn reads_within_limits() {
        let body = chunks(vec![Ok(b"ab"), Ok(b"cd")]);
        let read = block(read_body(body, None, 4, Duration::from_secs(5)));
        assert_eq!(read.unwrap(), Bytes::from_static(b"abcd"));
    }

    #[test]
    fn refuses_large_bodies() {
        let declared = block(read_body(
            Body::from("x"),
            Some(10),
            4,
            Duration::from_secs(5),
        ));
        assert_eq!(declared, Err(BodyError::TooLarge));
        let streamed = chunks(vec![Ok(b"abc"), Ok(b"de")]);
        let read = block(read_body(streamed, None, 4, Duration::from_secs(5)));
        assert_eq!(read, Err(BodyError::TooLarge));
    }

    #[test]
    fn broken_and_stalled_bodies() {
        let broken = chunks(vec![
            Ok(b"ab"),
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "peer reset",
            )),
        ]);
        match block(read_body(broken, None, 100, Duration::from_secs(5))) {
            Err(BodyError::Broken(reason)) => assert!(reason.contains("peer reset"), "{reason}"),
            other => panic!("{other:?}"),
        }
        let stalled = Body::from_stream(stream::pending::<Result<Bytes, std::io::Error>>());
        let read = block(read_body(stalled, Some(10), 100, Duration::from_millis(50)));
        assert_eq!(read, Err(BodyError::TimedOut));
        let response = BodyError::TimedOut.response(
            Some("application/soap+xml"),
            100,
            Duration::from_millis(50),
        );
        assert_eq!(response.status, 408);
        assert!(response
            .extra_headers
            .contains(&("Connection".to_owned(), "close".to_owned())));
    }
}
