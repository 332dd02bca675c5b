//! `xs:string` ↔ `String` and `xs:boolean` ↔ `bool`.

use std::borrow::Cow;

use super::trim_ws;
use crate::error::ValueError;
use crate::xml::XsdSimple;

impl XsdSimple for String {
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some((crate::xml::XSD_NS, "string"));

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }

    fn from_text(text: &str) -> Result<Self, ValueError> {
        Ok(text.to_owned())
    }
}

impl XsdSimple for bool {
    const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some((crate::xml::XSD_NS, "boolean"));

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }

    fn from_text(text: &str) -> Result<Self, ValueError> {
        match trim_ws(text) {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            other => Err(ValueError::new(
                "boolean",
                format!("`{other}` is not one of true, false, 1, 0"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_kept_verbatim() {
        let s = String::from_text("  a b  ").unwrap();
        assert_eq!(s, "  a b  ");
        assert_eq!(s.to_text(), "  a b  ");
    }

    #[test]
    fn booleans() {
        for (t, v) in [
            ("true", true),
            ("1", true),
            (" false\n", false),
            ("0", false),
        ] {
            assert_eq!(bool::from_text(t).unwrap(), v);
        }
        for bad in ["True", "yes", "", "10"] {
            let e = bool::from_text(bad).unwrap_err();
            assert_eq!(e.expected, "boolean");
        }
        assert_eq!(true.to_text(), "true");
        assert_eq!(false.to_text(), "false");
    }
}
