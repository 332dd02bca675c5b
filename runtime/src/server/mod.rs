//! Server side: the [`SoapDispatch`] trait generated dispatchers implement, the
//! framework-independent HTTP handling ([`handle_http`]), an axum router (feature `server`), and
//! the service pages and WSDL a generated server serves beside its SOAP endpoint ([`pages`]).

#[cfg(feature = "server")]
pub mod axum;
#[cfg(feature = "server")]
mod body;
pub mod dispatch;
pub mod handle;
pub mod pages;
#[cfg(feature = "server")]
mod serve;

pub use dispatch::{IncomingRequest, SoapDispatch};
pub use handle::{
    handle_http, ServerConfig, ServerResponse, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_BODY_BYTES,
};
pub use pages::{DescribeService, PagesConfig, ServiceDescription};
