//! Rust identifiers from XML names: sanitising, keywords and collisions, with deterministic
//! rules (documented in the README's "Naming" section):
//!
//! - types and variants are UpperCamelCase, fields and methods snake_case (heck);
//! - characters that cannot appear in an identifier become word breaks; a leading digit gets a
//!   prefix (`_` for fields, `V` for variants, `T` for types);
//! - Rust keywords become raw identifiers (`r#type`), except those that cannot be raw
//!   (`self`, `Self`, `super`, `crate`), which get a trailing `_`;
//! - a name that is already taken in its scope gets a suffix: first the scope's own suffix (e.g.
//!   `Element` for an element's anonymous type, `Type` for a type that would shadow a prelude
//!   name), then `2`, `3`, … in document order.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::HashSet;

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Names a generated type must not take, because generated code refers to them unqualified.
pub const PRELUDE: &[&str] = &[
    // The generic parameter of every generated server (`FooServer<S>`).
    "S",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Send",
    "Sync",
    "Sized",
    "Iterator",
    "Into",
    "From",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "ToString",
    "ToOwned",
    "AsRef",
    "AsMut",
];

fn words(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect::<String>()
}

/// Makes `name` a usable identifier (keywords raw or suffixed).
pub fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// A snake_case identifier for a field, parameter or method.
pub fn snake(raw: &str) -> String {
    let mut s = words(raw).to_snake_case();
    if s.is_empty() {
        s = "value".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("_{s}");
    }
    escape_keyword(s)
}

/// An UpperCamelCase identifier for a type or variant; `digit_prefix` is put before a leading digit.
pub fn camel(raw: &str, digit_prefix: &str) -> String {
    let mut s = words(raw).to_upper_camel_case();
    if s.is_empty() {
        s = "Empty".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("{digit_prefix}{s}");
    }
    escape_keyword(s)
}

/// A scope of names in which every name is unique.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A scope with some names already reserved.
    pub fn with_reserved<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            taken: names.into_iter().map(str::to_string).collect(),
        }
    }

    /// Takes `wanted`, or `wanted` + `suffix`, or that followed by 2, 3, ….
    pub fn claim(&mut self, wanted: String, suffix: &str) -> String {
        let bare = |s: &str| s.trim_start_matches("r#").to_string();
        if self.taken.insert(bare(&wanted)) {
            return wanted;
        }
        let base = bare(&wanted);
        let first = format!("{base}{suffix}");
        if !suffix.is_empty() && self.taken.insert(first.clone()) {
            return first;
        }
        (2..)
            .map(|n| format!("{first}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(first)
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name.trim_start_matches("r#"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitises() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("usedSpaceInKB"), "used_space_in_kb");
        assert_eq!(snake("1st-item.name"), "_1st_item_name");
        assert_eq!(camel("accountStatus", "T"), "AccountStatus");
        assert_eq!(camel("3d", "V"), "V3d");
        assert_eq!(camel("", "V"), "Empty");
        assert_eq!(camel("Self", "V"), "Self_");
    }

    #[test]
    fn collisions_are_deterministic() {
        let mut scope = Scope::with_reserved(["Result"]);
        assert_eq!(scope.claim("Result".into(), "Type"), "ResultType");
        assert_eq!(scope.claim("Result".into(), "Type"), "ResultType2");
        assert_eq!(scope.claim("user_name".into(), ""), "user_name");
        assert_eq!(scope.claim("user_name".into(), ""), "user_name2");
    }
}
