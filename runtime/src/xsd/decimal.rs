//! Arbitrary-precision `xs:integer` ([`Integer`]) and `xs:decimal` ([`Decimal`]), kept as
//! validated digit strings so no value is ever rounded.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::numeric::split_integer;
use super::trim_ws;
use crate::error::ValueError;
use crate::xml::XsdSimple;

/// An `xs:integer` of any size, stored in canonical form (optional `-`, no leading zeros).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Integer(String);

impl Integer {
    /// The canonical lexical form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True if the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-')
    }

    /// The value as `i128`, if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        self.0.parse().ok()
    }

    /// The value as `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The value as `u64`, if it fits.
    pub fn to_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
}

impl Default for Integer {
    fn default() -> Self {
        Integer("0".to_owned())
    }
}

impl FromStr for Integer {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (negative, digits) = split_integer(s, "integer")?;
        if negative && digits != "0" {
            Ok(Integer(format!("-{digits}")))
        } else {
            Ok(Integer(digits.to_owned()))
        }
    }
}

impl fmt::Display for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl XsdSimple for Integer {
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some((crate::xml::XSD_NS, "integer"));

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }

    fn from_text(text: &str) -> Result<Self, ValueError> {
        text.parse()
    }
}

macro_rules! integer_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Integer {
            fn from(v: $t) -> Self {
                Integer(v.to_string())
            }
        }

        impl From<$t> for Decimal {
            fn from(v: $t) -> Self {
                Decimal(v.to_string())
            }
        }
    )*};
}

integer_from!(i8, i16, i32, i64, i128, u8, u16, u32, u64, u128, isize, usize);

/// An `xs:decimal` of any size and precision, stored as validated text.
///
/// The digits given are kept (`10.50` stays `10.50`, so money amounts keep their scale); only
/// a leading `+`, redundant leading zeros of the integer part and a trailing `.` are removed
/// (`+007.50` → `7.50`, `.5` → `0.5`, `5.` → `5`). Equality compares those forms, not numeric
/// values.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(String);

impl Decimal {
    /// The lexical form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True if the value has a `-` sign.
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-')
    }

    /// The digits before the decimal point, with the sign.
    pub fn integer_part(&self) -> &str {
        self.0.split('.').next().unwrap_or("0")
    }

    /// The digits after the decimal point (`""` when there are none).
    pub fn fraction_part(&self) -> &str {
        self.0.split_once('.').map_or("", |(_, f)| f)
    }

    /// The nearest `f64` (lossy).
    pub fn to_f64(&self) -> f64 {
        self.0.parse().unwrap_or(f64::NAN)
    }
}

impl Default for Decimal {
    fn default() -> Self {
        Decimal("0".to_owned())
    }
}

impl From<Integer> for Decimal {
    fn from(v: Integer) -> Self {
        Decimal(v.0)
    }
}

impl FromStr for Decimal {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let s = trim_ws(text);
        let invalid = || ValueError::new("decimal", format!("`{s}` is not a decimal number"));
        let (negative, body) = if let Some(rest) = s.strip_prefix('-') {
            (true, rest)
        } else if let Some(rest) = s.strip_prefix('+') {
            (false, rest)
        } else {
            (false, s)
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
            return Err(invalid());
        }
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let mut out = String::with_capacity(int.len() + frac.len() + 2);
        if negative {
            out.push('-');
        }
        out.push_str(int);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        Ok(Decimal(out))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl XsdSimple for Decimal {
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some((crate::xml::XSD_NS, "decimal"));

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
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
    fn integers() {
        let big = "123456789012345678901234567890123456789012345678901234567890";
        assert_eq!(Integer::from_text(big).unwrap().as_str(), big);
        assert_eq!(Integer::from_text(" +007 ").unwrap().as_str(), "7");
        assert_eq!(Integer::from_text("-0").unwrap().as_str(), "0");
        assert!(Integer::from_text("-12").unwrap().is_negative());
        assert_eq!(Integer::from(-5i64).to_i64(), Some(-5));
        assert_eq!(Integer::from_text(big).unwrap().to_i128(), None);
        assert_eq!(Integer::from(7u8).to_u64(), Some(7));
        assert_eq!(Integer::default().to_string(), "0");
        for bad in ["", "1.0", "abc", "--1", "+-1", "1e2"] {
            assert_eq!(Integer::from_text(bad).unwrap_err().expected, "integer");
        }
    }

    #[test]
    fn decimals_keep_digits() {
        for (input, out) in [
            ("10.50", "10.50"),
            ("+007.50", "7.50"),
            (".5", "0.5"),
            ("5.", "5"),
            ("-0.000", "-0.000"),
            (
                "12345678901234567890.123456789012345678901",
                "12345678901234567890.123456789012345678901",
            ),
        ] {
            let d: Decimal = input.parse().unwrap();
            assert_eq!(d.as_str(), out);
            assert_eq!(Decimal::from_text(&d.to_text()).unwrap(), d);
        }
        let d: Decimal = "-12.340".parse().unwrap();
        assert!(d.is_negative());
        assert_eq!(d.integer_part(), "-12");
        assert_eq!(d.fraction_part(), "340");
        assert_eq!(d.to_f64(), -12.34);
        assert_eq!(Decimal::from(Integer::from(3)).as_str(), "3");
        assert_eq!(Decimal::from(42u32).as_str(), "42");
        assert_eq!(Decimal::default().as_str(), "0");
        for bad in ["", ".", "1.2.3", "1e5", "NaN", "INF", "1,5", " - 1"] {
            assert_eq!(
                Decimal::from_text(bad).unwrap_err().expected,
                "decimal",
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn decimal_round_trips(neg in any::<bool>(), int in "[0-9]{1,30}", frac in proptest::option::of("[0-9]{1,30}")) {
            let mut s = String::new();
            if neg { s.push('-'); }
            s.push_str(&int);
            if let Some(f) = &frac { s.push('.'); s.push_str(f); }
            let d = Decimal::from_text(&s).unwrap();
            prop_assert_eq!(Decimal::from_text(d.as_str()).unwrap(), d.clone());
            prop_assert_eq!(d.fraction_part(), frac.as_deref().unwrap_or(""));
        }

        #[test]
        fn integer_round_trips(v in any::<i128>()) {
            let i = Integer::from(v);
            prop_assert_eq!(Integer::from_text(i.as_str()).unwrap().to_i128(), Some(v));
        }
    }
}
