//! Escaping of text and attribute values into a `String`, without intermediate allocations.

/// Returns true for characters that XML 1.0 can represent.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `s` escaped as character data. `&`, `<`, `>` become entities and `\r` becomes `&#xD;`
/// (so it is not normalised away). Characters XML 1.0 cannot represent become U+FFFD.
pub(crate) fn push_text(out: &mut String, s: &str) {
    push_escaped(out, s, false);
}

/// Appends `s` escaped for a double-quoted attribute value: `& < > "` as entities and `\t \n \r`
/// as character references so they survive attribute-value normalisation.
pub(crate) fn push_attr(out: &mut String, s: &str) {
    push_escaped(out, s, true);
}

fn push_escaped(out: &mut String, s: &str, attr: bool) {
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep: &str = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#xD;",
            '"' if attr => "&quot;",
            '\t' if attr => "&#x9;",
            '\n' if attr => "&#xA;",
            c if !is_xml_char(c) => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escaping() {
        let mut s = String::new();
        push_text(&mut s, "a&b<c>d\"e'\r\n\t\u{0}é");
        assert_eq!(s, "a&amp;b&lt;c&gt;d\"e'&#xD;\n\t\u{FFFD}é");
    }

    #[test]
    fn attr_escaping() {
        let mut s = String::new();
        push_attr(&mut s, "a&\"<>\t\n\r'");
        assert_eq!(s, "a&amp;&quot;&lt;&gt;&#x9;&#xA;&#xD;'");
    }
}
