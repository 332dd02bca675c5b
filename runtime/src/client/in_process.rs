//! [`InProcess`]: a [`Transport`] that hands requests straight to a [`SoapDispatch`] through
//! [`handle_http`] — the same path the HTTP server uses, without sockets. Useful for tests and
//! for embedding a service.

use std::sync::Arc;

use futures_util::future::BoxFuture;

use super::transport::{HttpRequest, HttpResponse, Transport, TransportError};
use crate::server::{handle_http, ServerConfig, SoapDispatch};

/// Serves requests with an in-process dispatcher.
#[derive(Debug)]
pub struct InProcess<S: SoapDispatch> {
    service: Arc<S>,
    config: ServerConfig,
}

impl<S: SoapDispatch> InProcess<S> {
    /// Wraps `service` with the default [`ServerConfig`].
    pub fn new(service: S) -> Self {
        Self::with_config(service, ServerConfig::default())
    }

    /// Wraps `service` with `config`.
    pub fn with_config(service: S, config: ServerConfig) -> Self {
        InProcess {
            service: Arc::new(service),
            config,
        }
    }

    /// The wrapped service.
    pub fn service(&self) -> &S {
        &self.service
    }
}

impl<S: SoapDispatch> Transport for InProcess<S> {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let response = handle_http(
                &*self.service,
                &self.config,
                &::http::Method::POST,
                Some(&request.content_type),
                request.soap_action.as_deref(),
                &request.body,
            )
            .await;
            Ok(HttpResponse {
                status: response.status,
                content_type: Some(response.content_type),
                body: response.body,
            })
        })
    }
}
