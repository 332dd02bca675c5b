//! SOAP envelopes: the protocol version and its HTTP conventions ([`SoapVersion`]), writing
//! envelopes byte-compatible with ASP.NET ([`EnvelopeWriter`]) and parsing incoming ones
//! ([`Message`]).

pub mod message;
mod multiref;
pub mod version;
pub mod writer;

pub use message::{HeaderEntry, Message, ParseFailure};
pub use version::SoapVersion;
pub use writer::EnvelopeWriter;
