//! Serving a router on a TCP listener with connection-level protection that `axum::serve`
//! does not offer: a client must send its request headers within a deadline (which also
//! closes idle keep-alive connections), and at most a fixed number of connections are served
//! at once (more wait in the listen backlog), so memory stays bounded under a flood.
//!
//! Request-level limits (body size and time, XML limits) are in
//! [`ServerConfig`](super::ServerConfig).

use std::io;
use std::sync::Arc;
use std::time::Duration;

use ::axum::extract::ConnectInfo;
use ::axum::{Extension, Router};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::Layer as _;

/// Default [`ConnectionConfig::header_read_timeout`]: 30 seconds.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Default [`ConnectionConfig::max_connections`]: 1024.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;

/// Connection-level limits of [`serve_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionConfig {
    /// Time allowed for a client to send a request's headers, counted from when the server is
    /// ready to read them (default 30 s). A stalled or trickling client is disconnected; an
    /// idle keep-alive connection is closed after the same time.
    pub header_read_timeout: Duration,
    /// Maximum number of connections served at once (default 1024, at least 1). Further
    /// connections wait in the listen backlog until one closes. With the default 4 MiB body
    /// limit this bounds request buffers to about 4 GiB in the worst case; lower it (or the body
    /// limit) on small machines.
    pub max_connections: usize,
}

impl Default for ConnectionConfig {
    fn default() -> Self {
        ConnectionConfig {
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// Serves `router` on `listener` (HTTP/1.1) with `config` until the process stops. Errors
/// accepting a connection (a reset, too many open files) are not fatal: the loop waits briefly
/// and goes on, so the server keeps serving.
pub async fn serve_with(
    listener: TcpListener,
    router: Router,
    config: ConnectionConfig,
) -> io::Result<()> {
    let permits = Arc::new(Semaphore::new(config.max_connections.max(1)));
    loop {
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .map_err(io::Error::other)?;
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(err) if is_per_connection(&err) => continue,
            Err(_) => {
                // Out of file descriptors or similar: give the other connections time to close.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Latency matters more than packet count for request/response traffic; failure to
        // set it changes nothing else.
        let _ = stream.set_nodelay(true);
        // The peer address, as axum's `ConnectInfo` (the service pages' test form is offered to
        // loopback peers only).
        let service = TowerToHyperService::new(Extension(ConnectInfo(peer)).layer(router.clone()));
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(config.header_read_timeout)
            .keep_alive(true);
        tokio::spawn(async move {
            // A connection error (timeout, reset, malformed HTTP) concerns this client only.
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(permit);
        });
    }
}

/// Errors that concern one incoming connection, not the listener.
fn is_per_connection(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = ConnectionConfig::default();
        assert_eq!(c.header_read_timeout, Duration::from_secs(30));
        assert_eq!(c.max_connections, 1024);
        assert!(is_per_connection(&io::Error::from(
            io::ErrorKind::ConnectionReset
        )));
        assert!(!is_per_connection(&io::Error::other("emfile")));
    }
}
