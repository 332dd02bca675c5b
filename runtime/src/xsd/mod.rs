//! Rust mappings of the XSD built-in simple types. Every mapping is lossless (a value read and
//! written again yields the same lexical form, up to surrounding whitespace and an optional
//! leading `+`) and rejects invalid lexical forms with a [`ValueError`](crate::ValueError).
//!
//! Rust primitives cover `xs:string`, `xs:boolean`, the bounded integers and `xs:float` /
//! `xs:double`; this module adds the types Rust does not have.

mod binary;
mod datetime;
mod decimal;
mod numeric;
mod qname;
mod simple;

pub use binary::{Base64Binary, HexBinary};
pub use datetime::{
    Date, DateTime, Duration, GDay, GMonth, GMonthDay, GYear, GYearMonth, Time, Timezone,
};
pub use decimal::{Decimal, Integer};
pub use qname::QName;

/// Removes leading and trailing XML whitespace (space, tab, CR, LF).
pub(crate) fn trim_ws(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r'))
}
