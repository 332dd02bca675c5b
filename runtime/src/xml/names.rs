//! Small helpers for qualified names (`prefix:local`).

/// Splits a qualified name into `(prefix, local)`; the prefix is `""` when there is none.
pub(crate) fn split_qname(name: &str) -> (&str, &str) {
    match name.split_once(':') {
        Some((prefix, local)) => (prefix, local),
        None => ("", name),
    }
}

/// Returns true if `s` is a plausible NCName (non-empty, no colon, no whitespace or markup
/// characters, does not start with a digit, `-` or `.`).
pub(crate) fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        None => false,
        Some(c) if c.is_ascii_digit() || c == '-' || c == '.' => false,
        Some(c) if !is_name_char(c) => false,
        Some(_) => chars.all(is_name_char),
    }
}

fn is_name_char(c: char) -> bool {
    !(c.is_whitespace()
        || matches!(
            c,
            ':' | '<'
                | '>'
                | '&'
                | '"'
                | '\''
                | '='
                | '/'
                | '?'
                | '!'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | ','
                | ';'
                | '*'
                | '+'
                | '@'
                | '#'
                | '$'
                | '%'
                | '^'
                | '|'
                | '\\'
                | '`'
                | '~'
        )
        || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        assert_eq!(split_qname("a:b"), ("a", "b"));
        assert_eq!(split_qname("b"), ("", "b"));
    }

    #[test]
    fn ncnames() {
        assert!(is_ncname("abc_1.x-y"));
        assert!(is_ncname("été"));
        assert!(!is_ncname(""));
        assert!(!is_ncname("1a"));
        assert!(!is_ncname("a:b"));
        assert!(!is_ncname("a b"));
    }
}
