//! [`SoapDispatch`]: the interface between the HTTP layer and a generated dispatcher, and the
//! request it receives ([`IncomingRequest`]).

use std::future::Future;
use std::sync::Arc;

use crate::envelope::Message;
use crate::fault::Fault;

/// A parsed request handed to a dispatcher.
#[derive(Debug, Clone)]
pub struct IncomingRequest {
    /// The request envelope.
    pub message: Message,
    /// The action: the unquoted `SOAPAction` header for SOAP 1.1, the `action` media-type
    /// parameter for SOAP 1.2.
    pub action: Option<String>,
}

/// Routes a request to an operation and produces the response envelope. Generated
/// dispatchers implement it: they route on the action or body element, decode, call the
/// user's service trait and encode with [`EnvelopeWriter`](crate::EnvelopeWriter).
pub trait SoapDispatch: Send + Sync + 'static {
    /// Handles one request: `Ok` is a complete response envelope, `Err` a fault to send.
    fn dispatch(
        &self,
        request: IncomingRequest,
    ) -> impl Future<Output = Result<String, Fault>> + Send;
}

impl<T: SoapDispatch> SoapDispatch for Arc<T> {
    fn dispatch(
        &self,
        request: IncomingRequest,
    ) -> impl Future<Output = Result<String, Fault>> + Send {
        (**self).dispatch(request)
    }
}
