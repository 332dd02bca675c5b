//! Escaping of text and attribute values into a `String`, without intermediate allocations.

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

/// Bytes that may need escaping in text (1) or in an attribute value (2): ASCII controls, the
/// markup characters, and 0xEF, the lead byte of U+FFFE and U+FFFF (the only characters of a
/// valid `str` above U+001F that XML 1.0 cannot represent).
const SPECIAL: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = 3;
        b += 1;
    }
    table[b'\t' as usize] = 2;
    table[b'\n' as usize] = 2;
    table[b'&' as usize] = 3;
    table[b'<' as usize] = 3;
    table[b'>' as usize] = 3;
    table[b'"' as usize] = 2;
    table[0xEF] = 3;
    table
};

/// Scans bytes through a table and only stops at candidates, so plain text (the usual case)
/// costs one table lookup per byte and a single copy.
fn push_escaped(out: &mut String, s: &str, attr: bool) {
    let mask = if attr { 2 } else { 1 };
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if SPECIAL[b as usize] & mask == 0 {
            i += 1;
            continue;
        }
        let (rep, len): (&str, usize) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'\r' => ("&#xD;", 1),
            b'"' => ("&quot;", 1),
            b'\t' => ("&#x9;", 1),
            b'\n' => ("&#xA;", 1),
            0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBF), Some(0xBE | 0xBF)) => ("\u{FFFD}", 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => ("\u{FFFD}", 1),
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        i += len;
        last = i;
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
    fn non_characters_and_plain_text() {
        let mut s = String::new();
        push_text(&mut s, "x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{EFFF}ok");
        assert_eq!(s, "x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{EFFF}ok");
        let mut s = String::new();
        push_attr(&mut s, "żółć 日本 𝄞");
        assert_eq!(s, "żółć 日本 𝄞");
    }

    #[test]
    fn attr_escaping() {
        let mut s = String::new();
        push_attr(&mut s, "a&\"<>\t\n\r'");
        assert_eq!(s, "a&amp;&quot;&lt;&gt;&#x9;&#xA;&#xD;'");
    }
}
