//! Server side: the [`SoapDispatch`] trait generated dispatchers implement, the
//! framework-independent HTTP handling ([`handle_http`]) and an axum router (feature `server`).

#[cfg(feature = "server")]
pub mod axum;
pub mod dispatch;
pub mod handle;

pub use dispatch::{IncomingRequest, SoapDispatch};
pub use handle::{handle_http, ServerConfig, ServerResponse};
