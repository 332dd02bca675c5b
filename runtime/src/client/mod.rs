//! Client side: the transport abstraction ([`Transport`], [`HttpRequest`], [`HttpResponse`]),
//! the [`ClientCore`] generated clients wrap, an HTTP transport over `reqwest` (feature
//! `client`) and an in-process transport that drives a server dispatcher without sockets.

pub mod core;
#[cfg(feature = "client")]
pub mod http;
pub mod in_process;
pub mod transport;

pub use self::core::{decode_body, decode_body_parts, ClientCore};
#[cfg(feature = "client")]
pub use self::http::{HttpTransport, HttpTransportBuilder};
pub use self::in_process::InProcess;
pub use self::transport::{HttpRequest, HttpResponse, Transport, TransportError};
