//! The axum integration: a [`Router`] serving a [`SoapDispatch`] on one path through
//! [`handle_http`], and a [`serve`] convenience. `axum` itself is re-exported so users need
//! not match versions.

pub use ::axum;

use std::sync::Arc;

use ::axum::body::Body;
use ::axum::extract::{Request, State};
use ::axum::http::{header, HeaderName, HeaderValue, StatusCode};
use ::axum::response::Response;
use ::axum::routing::any;
use ::axum::Router;

use super::body::read_body;
use super::dispatch::SoapDispatch;
use super::handle::{handle_http, ServerConfig, ServerResponse};
pub use super::pages::serve::{router_with_pages, router_with_pages_and_config, with_pages};
pub use super::serve::{
    serve_with, ConnectionConfig, DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
};

struct AppState<S> {
    service: S,
    config: ServerConfig,
}

/// A router serving `service` on `path` (for example `/Service.asmx`) with the default
/// [`ServerConfig`]. POST requests go through [`handle_http`]; other methods get 405.
///
/// # Panics
///
/// If `path` is not a valid axum route (it must start with `/`); this is configuration, not
/// request data.
pub fn router<S: SoapDispatch>(path: &str, service: S) -> Router {
    router_with_config(path, service, ServerConfig::default())
}

/// Like [`router`] with an explicit configuration. The body size limit is enforced while
/// reading the body (413 without buffering more than the limit), and so is the body timeout
/// (408).
pub fn router_with_config<S: SoapDispatch>(path: &str, service: S, config: ServerConfig) -> Router {
    let state = Arc::new(AppState { service, config });
    Router::new()
        .route(path, any(handle::<S>))
        .with_state(state)
}

/// Serves `router` on `listener` until the process stops, with the default
/// [`ConnectionConfig`] (30 s to send request headers, at most 1024 connections at once); see
/// [`serve_with`].
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    serve_with(listener, router, ConnectionConfig::default()).await
}

async fn handle<S: SoapDispatch>(
    State(state): State<Arc<AppState<S>>>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let header_str = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let content_type = header_str(header::CONTENT_TYPE.as_str());
    let soap_action = header_str("soapaction");
    let (limit, timeout) = (state.config.max_body_bytes, state.config.body_timeout);

    let bytes = if parts.method == ::axum::http::Method::POST {
        if let Some(encoding) = parts.headers.get(header::CONTENT_ENCODING) {
            let encoding = String::from_utf8_lossy(encoding.as_bytes());
            if !encoding.trim().eq_ignore_ascii_case("identity") {
                return into_response(ServerResponse::unsupported_content_encoding(
                    content_type,
                    &encoding,
                ));
            }
        }
        let declared =
            header_str(header::CONTENT_LENGTH.as_str()).and_then(|v| v.trim().parse::<u64>().ok());
        match read_body(body, declared, limit, timeout).await {
            Ok(bytes) => bytes,
            Err(err) => return into_response(err.response(content_type, limit, timeout)),
        }
    } else {
        bytes::Bytes::new()
    };
    let response = handle_http(
        &state.service,
        &state.config,
        &parts.method,
        content_type,
        soap_action,
        &bytes,
    )
    .await;
    into_response(response)
}

fn into_response(response: ServerResponse) -> Response {
    let mut out = Response::new(Body::from(response.body));
    *out.status_mut() =
        StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = out.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&response.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    for (name, value) in &response.extra_headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::from_str(value),
        ) {
            headers.append(name, value);
        }
    }
    out
}
