//! Binary data: `xs:base64Binary` ([`Base64Binary`]) and `xs:hexBinary` ([`HexBinary`]).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use base64::Engine as _;

use crate::error::ValueError;
use crate::xml::XsdSimple;

/// `xs:base64Binary`: bytes written as padded standard base64. Whitespace (line breaks) in
/// the lexical form is tolerated when reading.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Base64Binary(pub Vec<u8>);

impl Base64Binary {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Base64Binary {
    fn from(v: Vec<u8>) -> Self {
        Base64Binary(v)
    }
}

impl FromStr for Base64Binary {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let compact: Cow<'_, str> = if text.contains(|c: char| c.is_ascii_whitespace()) {
            Cow::Owned(text.chars().filter(|c| !c.is_ascii_whitespace()).collect())
        } else {
            Cow::Borrowed(text)
        };
        base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .map(Base64Binary)
            .map_err(|e| ValueError::new("base64Binary", e.to_string()))
    }
}

impl fmt::Display for Base64Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl XsdSimple for Base64Binary {
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> =
        Some((crate::xml::XSD_NS, "base64Binary"));

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Owned(base64::engine::general_purpose::STANDARD.encode(&self.0))
    }

    fn from_text(text: &str) -> Result<Self, ValueError> {
        text.parse()
    }
}

/// `xs:hexBinary`: bytes written as upper-case hexadecimal (either case is read).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct HexBinary(pub Vec<u8>);

impl HexBinary {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for HexBinary {
    fn from(v: Vec<u8>) -> Self {
        HexBinary(v)
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl FromStr for HexBinary {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let s = super::trim_ws(text).as_bytes();
        if s.len() % 2 != 0 {
            return Err(ValueError::new("hexBinary", "odd number of hex digits"));
        }
        s.chunks_exact(2)
            .map(|pair| match (hex_value(pair[0]), hex_value(pair[1])) {
                (Some(hi), Some(lo)) => Ok(hi << 4 | lo),
                _ => Err(ValueError::new("hexBinary", "invalid hex digit")),
            })
            .collect::<Result<Vec<u8>, _>>()
            .map(HexBinary)
    }
}

impl fmt::Display for HexBinary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl XsdSimple for HexBinary {
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> =
        Some((crate::xml::XSD_NS, "hexBinary"));

    fn to_text(&self) -> Cow<'_, str> {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        let mut out = String::with_capacity(self.0.len() * 2);
        for b in &self.0 {
            out.push(char::from(DIGITS[usize::from(b >> 4)]));
            out.push(char::from(DIGITS[usize::from(b & 0xF)]));
        }
        Cow::Owned(out)
    }

    fn from_text(text: &str) -> Result<Self, ValueError> {
        text.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn base64() {
        let b = Base64Binary::from_text("SGVs\r\n bG8=").unwrap();
        assert_eq!(b.as_bytes(), b"Hello");
        assert_eq!(b.to_text(), "SGVsbG8=");
        assert_eq!(
            Base64Binary::from_text("").unwrap(),
            Base64Binary::default()
        );
        for bad in ["SGVsbG8", "SGV$bG8=", "===="] {
            assert_eq!(
                Base64Binary::from_text(bad).unwrap_err().expected,
                "base64Binary",
                "{bad}"
            );
        }
    }

    #[test]
    fn hex() {
        let h = HexBinary::from_text(" 0fA1 ").unwrap();
        assert_eq!(h.as_bytes(), &[0x0f, 0xa1]);
        assert_eq!(h.to_string(), "0FA1");
        assert!(HexBinary::from_text("abc").is_err());
        assert!(HexBinary::from_text("zz").is_err());
        assert!(HexBinary::from_text("é1").is_err());
    }

    proptest! {
        #[test]
        fn binary_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let b = Base64Binary(bytes.clone());
            prop_assert_eq!(Base64Binary::from_text(&b.to_text()).unwrap(), b);
            let h = HexBinary(bytes);
            prop_assert_eq!(HexBinary::from_text(&h.to_text()).unwrap(), h);
        }
    }
}
