//! Bounded integers (`xs:byte` … `xs:unsignedLong` ↔ `i8` … `u64`) and floating point
//! (`xs:float`/`xs:double` ↔ `f32`/`f64`).

use std::borrow::Cow;

use super::trim_ws;
use crate::error::ValueError;
use crate::xml::XsdSimple;

/// Validates an XSD integer lexical form and splits it into (negative, significant digits).
pub(crate) fn split_integer<'s>(
    text: &'s str,
    expected: &'static str,
) -> Result<(bool, &'s str), ValueError> {
    let s = trim_ws(text);
    let (negative, digits) = if let Some(rest) = s.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix('+') {
        (false, rest)
    } else {
        (false, s)
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::new(
            expected,
            format!("`{s}` is not an integer"),
        ));
    }
    let significant = digits.trim_start_matches('0');
    Ok((
        negative,
        if significant.is_empty() {
            "0"
        } else {
            significant
        },
    ))
}

fn parse_integer<T: TryFrom<i128>>(text: &str, expected: &'static str) -> Result<T, ValueError> {
    let (negative, digits) = split_integer(text, expected)?;
    let out_of_range = || ValueError::new(expected, format!("`{}` is out of range", trim_ws(text)));
    if digits.len() > 38 {
        return Err(out_of_range());
    }
    let magnitude: i128 = digits.parse().map_err(|_| out_of_range())?;
    let value = if negative { -magnitude } else { magnitude };
    T::try_from(value).map_err(|_| out_of_range())
}

macro_rules! integer_simple {
    ($($t:ty => $name:literal),* $(,)?) => {$(
        impl XsdSimple for $t {
            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }

            fn from_text(text: &str) -> Result<Self, ValueError> {
                parse_integer(text, $name)
            }

            const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some((crate::xml::XSD_NS, $name));
        }
    )*};
}

integer_simple!(
    i8 => "byte",
    i16 => "short",
    i32 => "int",
    i64 => "long",
    u8 => "unsignedByte",
    u16 => "unsignedShort",
    u32 => "unsignedInt",
    u64 => "unsignedLong",
);

/// Checks the XSD lexical form of a finite float: `(+|-)?(d+(.d*)?|.d+)([eE](+|-)?d+)?`.
fn is_float_lexical(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

macro_rules! float_simple {
    ($($t:ty => $name:literal),* $(,)?) => {$(
        impl XsdSimple for $t {
            const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some((crate::xml::XSD_NS, $name));

            fn to_text(&self) -> Cow<'_, str> {
                let v = *self;
                if v.is_nan() {
                    Cow::Borrowed("NaN")
                } else if v.is_infinite() {
                    Cow::Borrowed(if v > 0.0 { "INF" } else { "-INF" })
                } else if v == 0.0 || (1e-5..1e16).contains(&v.abs()) {
                    // Shortest representation that round-trips.
                    Cow::Owned(format!("{v}"))
                } else {
                    Cow::Owned(format!("{v:E}"))
                }
            }

            fn from_text(text: &str) -> Result<Self, ValueError> {
                let s = trim_ws(text);
                match s {
                    "INF" | "+INF" => return Ok(<$t>::INFINITY),
                    "-INF" => return Ok(<$t>::NEG_INFINITY),
                    "NaN" => return Ok(<$t>::NAN),
                    _ => {}
                }
                if !is_float_lexical(s) {
                    return Err(ValueError::new($name, format!("`{s}` is not a number")));
                }
                s.parse::<$t>()
                    .map_err(|e| ValueError::new($name, format!("`{s}`: {e}")))
            }
        }
    )*};
}

float_simple!(f32 => "float", f64 => "double");

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn integer_lexical_forms() {
        assert_eq!(i32::from_text(" +0042 ").unwrap(), 42);
        assert_eq!(i32::from_text("-2147483648").unwrap(), i32::MIN);
        assert_eq!(i8::from_text("-128").unwrap(), -128);
        assert_eq!(u64::from_text("18446744073709551615").unwrap(), u64::MAX);
        assert_eq!(u8::from_text("-0").unwrap(), 0);
        assert_eq!(
            i64::from_text("000000000000000000000000000000000000000000001").unwrap(),
            1
        );
        for bad in ["", "+", "-", "1.0", "1e3", "0x10", "1 2", "٣"] {
            assert!(i32::from_text(bad).is_err(), "{bad}");
        }
        assert_eq!(i8::from_text("128").unwrap_err().expected, "byte");
        assert!(u8::from_text("-1").is_err());
        assert!(u64::from_text("18446744073709551616").is_err());
        assert!(i64::from_text(&"9".repeat(60)).is_err());
        assert_eq!((-5i16).to_text(), "-5");
    }

    #[test]
    fn float_lexical_forms() {
        assert_eq!(f64::from_text("INF").unwrap(), f64::INFINITY);
        assert_eq!(f64::from_text("-INF").unwrap(), f64::NEG_INFINITY);
        assert!(f64::from_text("NaN").unwrap().is_nan());
        assert_eq!(f64::from_text(" 1.5e3 ").unwrap(), 1500.0);
        assert_eq!(f64::from_text(".5").unwrap(), 0.5);
        assert_eq!(f64::from_text("5.").unwrap(), 5.0);
        assert_eq!(f32::from_text("-1E-2").unwrap(), -0.01);
        for bad in [
            "", "inf", "nan", "Infinity", "1e", "e3", ".", "1.2.3", "0x1p3", "1_0",
        ] {
            assert!(f64::from_text(bad).is_err(), "{bad}");
        }
        assert_eq!(f64::INFINITY.to_text(), "INF");
        assert_eq!(f32::NEG_INFINITY.to_text(), "-INF");
        assert_eq!(f64::NAN.to_text(), "NaN");
        assert_eq!(1.0f64.to_text(), "1");
        assert_eq!(0.1f64.to_text(), "0.1");
        assert_eq!(1e300f64.to_text(), "1E300");
        assert_eq!((-0.0f64).to_text(), "-0");
    }

    proptest! {
        #[test]
        fn i64_round_trips(v in any::<i64>()) {
            prop_assert_eq!(i64::from_text(&v.to_text()).unwrap(), v);
        }

        #[test]
        fn u64_round_trips(v in any::<u64>()) {
            prop_assert_eq!(u64::from_text(&v.to_text()).unwrap(), v);
        }

        #[test]
        fn i16_round_trips(v in any::<i16>()) {
            prop_assert_eq!(i16::from_text(&v.to_text()).unwrap(), v);
        }

        #[test]
        fn f64_round_trips(v in any::<f64>()) {
            let back = f64::from_text(&v.to_text()).unwrap();
            prop_assert!(back.to_bits() == v.to_bits() || (back.is_nan() && v.is_nan()));
        }

        #[test]
        fn f32_round_trips(v in any::<f32>()) {
            let back = f32::from_text(&v.to_text()).unwrap();
            prop_assert!(back.to_bits() == v.to_bits() || (back.is_nan() && v.is_nan()));
        }
    }
}
