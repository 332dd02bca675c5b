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
//!   name), then `2`, `3`, … in document order;
//! - a name put together from parts (an escaped keyword and a suffix, a parent type's name and a
//!   child's) is kept in its case, so that no name draws a lint: an UpperCamelCase name loses the
//!   escape's `_` (`Self_` + `Type` → `SelfType`, `Self_` + `2` → `Self2`), a snake_case name
//!   never has a doubled `_` (`self_` + `_attr` → `self_attr`);
//! - an operation's method is also named in UpperCamelCase by the server, so it must make a
//!   usable, unique variant there too ([`claim_method`]).

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

/// Keeps an identifier put together from parts in its case (see the module documentation):
/// an UpperCamelCase name (one starting with an uppercase letter) has no `_`, a snake_case name
/// no `__` (a leading `_` before a digit and a trailing escape `_` stay); a result that is a
/// keyword is escaped again (`Self_` + `` → `Self` → `Self_`, `r#type` stays).
pub fn tidy(name: &str) -> String {
    let bare = name.trim_start_matches("r#");
    let tidied: String = if bare.starts_with(|c: char| c.is_ascii_uppercase()) {
        bare.chars().filter(|&c| c != '_').collect()
    } else {
        let mut out = String::with_capacity(bare.len());
        for c in bare.chars() {
            if !(c == '_' && out.ends_with('_')) {
                out.push(c);
            }
        }
        out
    };
    escape_keyword(tidied)
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

    /// Takes `wanted`, or `wanted` + `suffix`, or that followed by 2, 3, … (each tidied, see
    /// [`tidy`]).
    pub fn claim(&mut self, wanted: String, suffix: &str) -> String {
        let bare = |s: &str| s.trim_start_matches("r#").to_string();
        let wanted = tidy(&wanted);
        if self.taken.insert(bare(&wanted)) {
            return wanted;
        }
        let base = bare(&wanted);
        let first = tidy(&format!("{base}{suffix}"));
        if !suffix.is_empty() && self.taken.insert(bare(&first)) {
            return first;
        }
        let first = bare(&first);
        (2..)
            .map(|n| tidy(&format!("{first}{n}")))
            .find(|candidate| self.taken.insert(bare(candidate)))
            .unwrap_or(first)
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name.trim_start_matches("r#"))
    }
}

/// An operation's method name, claimed in `methods`: its UpperCamelCase form, which names the
/// operation in the server's routing enum (claimed in `variants`), must be an identifier (not
/// `Self`, not starting with a digit) unique among the operations too. A name that would start
/// with a digit gets the prefix `op_` (`1st` → `op_1st`, variant `Op1st`); one whose variant is
/// not usable gets `_op`, then numbers (`self` → `self_op`, variant `SelfOp`).
pub fn claim_method(methods: &mut Scope, variants: &mut Scope, wanted: String) -> String {
    let wanted = match wanted.strip_prefix('_') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("op_{rest}"),
        _ => wanted,
    };
    loop {
        let method = methods.claim(wanted.clone(), "_op");
        let variant = method.trim_start_matches("r#").to_upper_camel_case();
        if variant != "Self" && !variants.contains(&variant) {
            variants.claim(variant, "");
            return method;
        }
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

    #[test]
    fn operation_methods_name_usable_variants() {
        let (mut methods, mut variants) = (Scope::with_reserved(["new"]), Scope::default());
        let mut claim = |op: &str| claim_method(&mut methods, &mut variants, snake(op));
        assert_eq!(claim("self"), "self_op");
        assert_eq!(claim("Self"), "self_op2");
        assert_eq!(claim("super"), "super_");
        assert_eq!(claim("type"), "r#type");
        assert_eq!(claim("1st"), "op_1st");
        assert_eq!(claim("new"), "new_op");
        // `a1` and `a_1` would both be the variant `A1`.
        assert_eq!(claim("a_1"), "a_1");
        assert_eq!(claim("a1"), "a1_op");
    }

    #[test]
    fn composed_names_keep_their_case() {
        let mut types = Scope::with_reserved(["Option"]);
        assert_eq!(types.claim(camel("Self", "T"), "Type"), "Self_");
        assert_eq!(types.claim(camel("Self", "T"), "Type"), "SelfType");
        assert_eq!(types.claim(camel("Self", "T"), "Type"), "SelfType2");
        assert_eq!(types.claim(camel("Self", "T"), ""), "Self2");
        assert_eq!(
            types.claim(format!("{}Choice", camel("Self", "T")), ""),
            "SelfChoice"
        );
        let mut fields = Scope::default();
        assert_eq!(fields.claim(snake("self"), ""), "self_");
        assert_eq!(fields.claim(snake("self"), "_attr"), "self_attr");
        assert_eq!(fields.claim(snake("self"), "_attr"), "self_attr2");
        assert_eq!(fields.claim(snake("Self"), ""), "self_2");
        assert_eq!(fields.claim(snake("type"), ""), "r#type");
        assert_eq!(fields.claim(snake("type"), "_attr"), "type_attr");
        assert_eq!(fields.claim(snake("_2nd"), "_attr"), "_2nd");
        assert_eq!(fields.claim(snake("crate"), "_attr"), "crate_");
        assert_eq!(fields.claim(snake("crate"), "_attr"), "crate_attr");
    }
}
