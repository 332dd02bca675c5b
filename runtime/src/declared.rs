//! Faults a WSDL declares (`wsdl:fault`): the typed detail of each, and the error a generated
//! client method returns for an operation that declares some.
//!
//! The generated code defines, per operation with faults, an enum with one variant per
//! `wsdl:fault` (its detail element decoded), implementing [`FaultDetail`]. The client method
//! returns [`OperationError`] over it: a declared fault comes back decoded, anything else
//! (transport, HTTP, an undeclared fault) as the plain [`Error`]. The server returns such a fault
//! with the enum's `into_fault`.

use crate::error::{body_excerpt, DecodeError, Error};
use crate::fault::Fault;
use crate::xml::{FromXml, RawXml, ToXml, XmlReader, XmlWriter};

/// The typed detail of the faults an operation declares.
pub trait FaultDetail: Sized {
    /// Decodes `fault`'s detail as one of the declared faults: `None` when its first detail
    /// element is none of theirs, an error when it is but does not decode.
    fn from_fault(fault: &Fault) -> Result<Option<Self>, DecodeError>;
}

/// What a generated client method of an operation with declared faults returns on failure.
#[derive(Debug, thiserror::Error)]
pub enum OperationError<F: std::fmt::Debug> {
    /// The service answered with a fault the WSDL declares; `detail` is its decoded detail
    /// and `fault` the whole fault (code, reason, actor…).
    #[error("SOAP fault (HTTP {status}): {fault}")]
    Declared {
        /// The decoded detail.
        detail: F,
        /// The fault as received.
        fault: Fault,
        /// The HTTP status it came with.
        status: u16,
    },
    /// Any other failure, including a fault the WSDL does not declare.
    #[error(transparent)]
    Other(#[from] Error),
}

impl<F: FaultDetail + std::fmt::Debug> OperationError<F> {
    /// Sorts a call's error: a fault whose detail is a declared one becomes [`Declared`]
    /// (a declared detail that does not decode is an invalid response).
    ///
    /// [`Declared`]: OperationError::Declared
    pub fn classify(error: Error) -> Self {
        match error {
            Error::Fault { status, fault } => match F::from_fault(&fault) {
                Ok(Some(detail)) => OperationError::Declared {
                    detail,
                    fault,
                    status,
                },
                Ok(None) => OperationError::Other(Error::Fault { status, fault }),
                Err(e) => OperationError::Other(Error::InvalidResponse {
                    status,
                    reason: format!("the detail of a declared fault does not decode: {e}"),
                    body_excerpt: fault
                        .detail
                        .as_ref()
                        .map(|d| body_excerpt(d.as_str().as_bytes()))
                        .unwrap_or_default(),
                }),
            },
            other => OperationError::Other(other),
        }
    }

    /// The fault, declared or not, if the failure is one.
    pub fn fault(&self) -> Option<&Fault> {
        match self {
            OperationError::Declared { fault, .. } => Some(fault),
            OperationError::Other(Error::Fault { fault, .. }) => Some(fault),
            OperationError::Other(_) => None,
        }
    }
}

impl Fault {
    /// Decodes the first detail element as `T` if it is `{ns}local`; `Ok(None)` when the
    /// detail holds another element or none.
    pub fn detail_element<T: FromXml>(
        &self,
        ns: &str,
        local: &str,
    ) -> Result<Option<T>, DecodeError> {
        let Some(detail) = &self.detail else {
            return Ok(None);
        };
        // The detail's children were captured self-contained (bindings re-declared), so they
        // parse on their own inside a neutral wrapper.
        let wrapped = format!("<d>{}</d>", detail.as_str());
        let mut r = XmlReader::new(&wrapped);
        let root = r.root()?;
        match r.next_child(&root)? {
            Some(first) if first.is(ns, local) => {
                crate::xml::read_element(&mut r, &first).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// This fault with `value` written as its detail element `{ns}local`.
    pub fn with_detail_element<T: ToXml + ?Sized>(self, ns: &str, local: &str, value: &T) -> Self {
        let mut w = XmlWriter::new();
        crate::xml::write_element(&mut w, ns, local, value);
        self.with_detail(RawXml::new(w.into_string()))
    }
}
