//! Diagnostics for bad input, one test per kind of error: each is an `Error::Input` (never a
//! panic, never a silent skip) with the exact `file:line:col`, a message naming the problem, the
//! offending source line with a caret under the column, and a hint where soapgen has one.

use soapgen::error::Excerpt;
use soapgen::{Diagnostic, Error};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("soapgen-diag-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A complete, valid WSDL; the tests break one line of it. Line numbers are in the comments of
/// the tests that use them.
const TEMPLATE: &str = r#"<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:s="http://www.w3.org/2001/XMLSchema"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:t" targetNamespace="urn:t">
  <wsdl:types>
    <s:schema targetNamespace="urn:t" elementFormDefault="qualified">
      <s:element name="Op"><s:complexType /></s:element>
      <s:element name="OpResponse"><s:complexType /></s:element>
    </s:schema>
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:OpResponse" /></wsdl:message>
  <wsdl:portType name="P">
    <wsdl:operation name="Op">
      <wsdl:input message="tns:In" />
      <wsdl:output message="tns:Out" />
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="B" type="tns:P">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />
    <wsdl:operation name="Op">
      <soap:operation soapAction="urn:t/Op" style="document" />
      <wsdl:input><soap:body use="literal" /></wsdl:input>
      <wsdl:output><soap:body use="literal" /></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="S">
    <wsdl:port name="P" binding="tns:B"><soap:address location="http://localhost/s" /></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
"#;

/// Line 6 of [`TEMPLATE`], the first element declaration.
const OP_ELEMENT: &str = r#"      <s:element name="Op"><s:complexType /></s:element>"#;

/// [`TEMPLATE`] with the one occurrence of `from` replaced by `to` (on the same line).
fn template_with(from: &str, to: &str) -> String {
    assert_eq!(TEMPLATE.matches(from).count(), 1, "`{from}` is not unique");
    assert!(!to.contains('\n'), "replacements keep the line numbers");
    TEMPLATE.replacen(from, to, 1)
}

/// Writes `text` to `dir/name`.
fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The input error generating `path` fails with (through the build.rs API).
fn input_error(path: &Path) -> Diagnostic {
    match soapgen::configure().generate(path) {
        Err(Error::Input(d)) => *d,
        Err(other) => panic!("{}: not an input error: {other}", path.display()),
        Ok(_) => panic!("{}: generated, expected an error", path.display()),
    }
}

/// What a diagnostic must say.
struct Expected<'a> {
    file: &'a Path,
    line: u32,
    column: u32,
    /// A part of the message.
    message: &'a str,
    /// The source line the excerpt shows, exactly (this helper is for lines without tabs or
    /// control characters, short enough to be shown whole).
    source: &'a str,
    /// What the source line holds at the column.
    at: &'a str,
    /// A part of the hint, or `None` for a diagnostic that has none.
    hint: Option<&'a str>,
}

fn check(d: &Diagnostic, e: Expected) {
    let shown = d.to_string();
    assert_eq!(d.location.file, e.file, "{shown}");
    assert_eq!(
        (d.location.line, d.location.column),
        (e.line, e.column),
        "{shown}"
    );
    assert!(
        shown.starts_with(&format!("{}:{}:{}: ", e.file.display(), e.line, e.column)),
        "{shown}"
    );
    assert!(d.message.contains(e.message), "{shown}");
    match e.hint {
        Some(hint) => assert!(
            d.hint.as_deref().is_some_and(|h| h.contains(hint)),
            "hint `{hint}` missing: {shown}"
        ),
        None => assert_eq!(d.hint, None, "{shown}"),
    }
    let excerpt = d
        .excerpt
        .as_ref()
        .unwrap_or_else(|| panic!("no excerpt: {shown}"));
    assert_eq!(excerpt.text, e.source, "{shown}");
    assert_eq!(excerpt.caret, e.column as usize - 1, "{shown}");
    let from_caret: String = excerpt.text.chars().skip(excerpt.caret).collect();
    assert!(
        from_caret.starts_with(e.at),
        "caret at `{from_caret}`, expected `{}`: {shown}",
        e.at
    );
    assert_rendered(d);
}

/// The excerpt is printed between the message and the hint, rustc-style.
fn assert_rendered(d: &Diagnostic) {
    let excerpt = d.excerpt.as_ref().unwrap();
    let number = d.location.line.to_string();
    let gutter = " ".repeat(number.len());
    let mut block = format!(
        "{}: {}\n{gutter} |\n{number} | {}\n{gutter} | {}^",
        d.location,
        d.message,
        excerpt.text,
        " ".repeat(excerpt.caret)
    );
    if let Some(hint) = &d.hint {
        block.push_str(&format!("\n  hint: {hint}"));
    }
    assert_eq!(d.to_string(), block);
}

/// The `n`th line (1-based) of `text`.
fn line_of(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).unwrap()
}

#[test]
fn malformed_xml_unclosed_tag() {
    let dir = temp_dir("unclosed");
    // Line 12 opens wsdl:documentation and never closes it: the parser notices at line 17,
    // where </wsdl:portType> closes the wrong element.
    let text = template_with(
        r#"  <wsdl:portType name="P">"#,
        r#"  <wsdl:portType name="P"><wsdl:documentation>"#,
    );
    let path = write(&dir, "unclosed.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 17,
            column: 3,
            message: "not well-formed XML: expected 'wsdl:documentation' tag, not 'wsdl:portType'",
            source: "  </wsdl:portType>",
            at: "</wsdl:portType>",
            hint: Some("xmllint"),
        },
    );
}

#[test]
fn malformed_xml_bad_attribute() {
    let dir = temp_dir("attribute");
    // An unquoted attribute value on line 6.
    let text = template_with(
        OP_ELEMENT,
        r#"      <s:element name=Op><s:complexType /></s:element>"#,
    );
    let path = write(&dir, "attribute.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 23,
            message: "not well-formed XML",
            source: line_of(&text, 6),
            at: "Op>",
            hint: Some("xmllint"),
        },
    );
}

#[test]
fn file_that_is_not_utf8() {
    let dir = temp_dir("latin1");
    // Line 12 holds "Café" in ISO-8859-1: 0xE9 is not UTF-8. The excerpt shows it as U+FFFD.
    let text = template_with(
        r#"  <wsdl:portType name="P">"#,
        r#"  <wsdl:portType name="P"><wsdl:documentation>Caf#</wsdl:documentation>"#,
    );
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|&b| b == b'#').unwrap();
    bytes[at] = 0xE9;
    let path = write(&dir, "latin1.wsdl", &bytes);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 12,
            column: 50,
            message: "not UTF-8: byte 0xE9",
            source:
                "  <wsdl:portType name=\"P\"><wsdl:documentation>Caf\u{FFFD}</wsdl:documentation>",
            at: "\u{FFFD}</wsdl:documentation>",
            hint: Some("iconv"),
        },
    );
}

#[test]
fn root_element_that_is_not_wsdl() {
    let dir = temp_dir("html");
    let path = write(&dir, "page.wsdl", "<html>\n  <body/>\n</html>\n");
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 1,
            column: 1,
            message: "expected wsdl:definitions or xs:schema, found `html`",
            source: "<html>",
            at: "<html>",
            hint: Some("WSDL 1.1"),
        },
    );
}

#[test]
fn unresolved_type_qname() {
    let dir = temp_dir("type");
    let text = template_with(
        OP_ELEMENT,
        r#"      <s:element name="Op" type="tns:Missing" />"#,
    );
    let path = write(&dir, "type.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 7,
            message: "type `{urn:t}Missing` is not defined",
            source: r#"      <s:element name="Op" type="tns:Missing" />"#,
            at: r#"<s:element name="Op" type="tns:Missing""#,
            hint: Some("check the spelling"),
        },
    );
}

#[test]
fn unresolved_element_ref() {
    let dir = temp_dir("ref");
    let line = r#"<s:element name="Op"><s:complexType><s:sequence><s:element ref="tns:Nope" /></s:sequence></s:complexType></s:element>"#;
    let text = template_with(OP_ELEMENT, line);
    let path = write(&dir, "ref.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 49,
            message: "element `{urn:t}Nope` is not defined",
            source: line,
            at: r#"<s:element ref="tns:Nope""#,
            hint: Some("xs:import"),
        },
    );
}

#[test]
fn undeclared_prefix_in_a_qname_attribute() {
    let dir = temp_dir("prefix");
    let line = r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="nowhere:Op" /></wsdl:message>"#;
    let text = template_with(
        r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>"#,
        line,
    );
    let path = write(&dir, "prefix.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 10,
            column: 27,
            message: "the prefix `nowhere` in `nowhere:Op` is not declared",
            source: line,
            at: "<wsdl:part ",
            hint: Some("xmlns:nowhere="),
        },
    );
}

#[test]
fn missing_included_file() {
    let dir = temp_dir("missing-include");
    let line = format!(
        r#"      <s:include schemaLocation="absent.xsd" />{}"#,
        OP_ELEMENT.trim_start()
    );
    let text = template_with(OP_ELEMENT, &line);
    let path = write(&dir, "include.wsdl", &text);
    let d = input_error(&path);
    check(
        &d,
        Expected {
            file: &path,
            line: 6,
            column: 7,
            message: "cannot read imported file",
            source: &line,
            at: r#"<s:include schemaLocation="absent.xsd""#,
            hint: Some("--map LOCATION=PATH"),
        },
    );
    assert!(d.message.contains("absent.xsd"), "{d}");
}

#[test]
fn missing_imported_wsdl() {
    let dir = temp_dir("missing-import");
    let line = r#"  <wsdl:import namespace="urn:x" location="gone.wsdl" /><wsdl:types>"#;
    let text = template_with("  <wsdl:types>", line);
    let path = write(&dir, "import.wsdl", &text);
    let d = input_error(&path);
    check(
        &d,
        Expected {
            file: &path,
            line: 4,
            column: 3,
            message: "cannot read imported file",
            source: line,
            at: "<wsdl:import ",
            hint: Some("check the location attribute"),
        },
    );
    assert!(d.message.contains("gone.wsdl"), "{d}");
}

#[test]
fn error_inside_an_imported_schema_points_into_that_file() {
    let dir = temp_dir("in-import");
    let xsd = write(
        &dir,
        "other.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" xmlns:o=\"urn:o\" targetNamespace=\"urn:o\">\n\
         \x20 <s:complexType name=\"T\">\n\
         \x20   <s:sequence><s:element name=\"v\" type=\"o:Absent\" /></s:sequence>\n\
         \x20 </s:complexType>\n\
         </s:schema>\n",
    );
    let line = r#"      <s:import namespace="urn:o" schemaLocation="other.xsd" /><s:element name="Op" type="o:T" xmlns:o="urn:o" />"#;
    let path = write(&dir, "root.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &xsd,
            line: 3,
            column: 17,
            message: "type `{urn:o}Absent` is not defined",
            source: r#"    <s:sequence><s:element name="v" type="o:Absent" /></s:sequence>"#,
            at: r#"<s:element name="v""#,
            hint: Some("check the spelling"),
        },
    );
}

#[test]
fn remote_import_without_a_mapping() {
    let dir = temp_dir("remote");
    // The loader stops at the import, before the element it replaces is missed.
    let line =
        r#"      <s:import namespace="urn:o" schemaLocation="https://example.invalid/o.xsd" />"#;
    let path = write(&dir, "remote.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 7,
            message:
                "`https://example.invalid/o.xsd` is a remote location; soapgen never downloads",
            source: line,
            at: "<s:import ",
            hint: Some("--map https://example.invalid/o.xsd=PATH"),
        },
    );
}

#[test]
fn binding_whose_port_type_does_not_exist() {
    let dir = temp_dir("porttype");
    let line = r#"  <wsdl:binding name="B" type="tns:Nope">"#;
    let path = write(
        &dir,
        "porttype.wsdl",
        template_with(r#"  <wsdl:binding name="B" type="tns:P">"#, line),
    );
    // Line 18: a two-digit line number widens the gutter.
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 18,
            column: 3,
            message: "port type `{urn:t}Nope` is not defined",
            source: line,
            at: "<wsdl:binding ",
            hint: Some("wsdl:portType"),
        },
    );
}

#[test]
fn operation_whose_message_is_missing() {
    let dir = temp_dir("message");
    let line = r#"      <wsdl:input message="tns:Nope" />"#;
    let path = write(
        &dir,
        "message.wsdl",
        template_with(r#"      <wsdl:input message="tns:In" />"#, line),
    );
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 14,
            column: 7,
            message: "message `{urn:t}Nope` is not defined",
            source: line,
            at: "<wsdl:input ",
            hint: Some("message="),
        },
    );
}

#[test]
fn unsupported_type_part_in_a_document_style_operation() {
    let dir = temp_dir("unsupported");
    // soapgen has no "not supported" error of its own (constructs it leaves aside are notes):
    // the construct it refuses is an rpc-style `type=` part in a document-style operation.
    let line = r#"  <wsdl:message name="In"><wsdl:part name="parameters" type="s:string" /></wsdl:message>"#;
    let path = write(
        &dir,
        "typepart.wsdl",
        template_with(
            r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>"#,
            line,
        ),
    );
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 10,
            column: 27,
            message:
                "part `parameters` of document-style operation `Op` has type= instead of element=",
            source: line,
            at: r#"<wsdl:part name="parameters" type="s:string""#,
            hint: Some("global element"),
        },
    );
}

#[test]
fn bad_occurs_value() {
    let dir = temp_dir("occurs");
    let line = r#"      <s:complexType name="C"><s:sequence><s:element name="v" maxOccurs="many" /></s:sequence></s:complexType>"#;
    let path = write(&dir, "occurs.wsdl", template_with(OP_ELEMENT, line));
    // This diagnostic has no hint (yet): the message says what is expected.
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 43,
            message: r#"maxOccurs="many" is not a non-negative integer"#,
            source: line,
            at: r#"<s:element name="v""#,
            hint: None,
        },
    );
}

#[test]
fn excessive_nesting_depth_with_a_long_line_cut_around_the_column() {
    let dir = temp_dir("deep");
    let levels = 200;
    let line = format!(
        r#"      <s:element name="Op">{}{}</s:element>"#,
        r#"<s:complexType><s:sequence><s:element name="x">"#.repeat(levels),
        r#"</s:element></s:sequence></s:complexType>"#.repeat(levels)
    );
    let path = write(&dir, "deep.wsdl", template_with(OP_ELEMENT, &line));
    let d = input_error(&path);
    let shown = d.to_string();
    assert_eq!(d.location.file, path);
    // definitions > types > schema > element "Op" are levels 1–4; nesting unit k (0-based) has
    // its complexType at level 5 + 3k, sequence at 6 + 3k and element at 7 + 3k: the first
    // element too deep (level 129 = 6 + 3·41) is the sequence of unit 41.
    let prefix = r#"      <s:element name="Op">"#.len();
    let unit = r#"<s:complexType><s:sequence><s:element name="x">"#.len();
    let column = prefix + 41 * unit + "<s:complexType>".len() + 1;
    assert_eq!(
        (d.location.line, d.location.column),
        (6, column as u32),
        "{shown}"
    );
    assert!(d.message.contains("nested more than 128 levels"), "{shown}");
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("named types")),
        "{shown}"
    );
    let excerpt = d.excerpt.as_ref().expect("excerpt");
    let chars: Vec<char> = excerpt.text.chars().collect();
    assert_eq!(chars.len(), Excerpt::WIDTH, "{shown}");
    assert_eq!(chars.first(), Some(&'…'), "{shown}");
    assert_eq!(chars.last(), Some(&'…'), "{shown}");
    // The caret is in the first third of the window, on the element named by the position.
    assert_eq!(excerpt.caret, 1 + (Excerpt::WIDTH - 2) / 3, "{shown}");
    let from_caret: String = chars[excerpt.caret..].iter().collect();
    assert!(from_caret.starts_with("<s:sequence><s:element"), "{shown}");
    // The window is the source line's text around the column.
    let start = column - 1 - (Excerpt::WIDTH - 2) / 3;
    let window: String = line.chars().skip(start).take(Excerpt::WIDTH - 2).collect();
    assert_eq!(&excerpt.text, &format!("…{window}…"), "{shown}");
    assert_rendered(&d);
}

#[test]
fn tabs_are_shown_as_spaces_so_the_caret_lines_up() {
    let dir = temp_dir("tabs");
    let text = template_with(
        OP_ELEMENT,
        "\t\t<s:element name=\"Op\" type=\"tns:Missing\" />",
    );
    let path = write(&dir, "tabs.wsdl", &text);
    let d = input_error(&path);
    assert_eq!((d.location.line, d.location.column), (6, 3), "{d}");
    let excerpt = d.excerpt.as_ref().expect("excerpt");
    let indent = " ".repeat(2 * Excerpt::TAB);
    assert_eq!(
        excerpt.text,
        format!("{indent}<s:element name=\"Op\" type=\"tns:Missing\" />")
    );
    assert_eq!(excerpt.caret, 2 * Excerpt::TAB);
    assert!(d
        .to_string()
        .contains(&format!("\n  | {indent}^\n  hint: ")));
    assert_rendered(&d);
}

#[test]
fn cli_prints_the_excerpt_to_stderr_and_exits_with_code_2() {
    let dir = temp_dir("cli");
    let line = r#"      <s:element name="Op" type="tns:Missing" />"#;
    let path = write(&dir, "cli.wsdl", template_with(OP_ELEMENT, line));
    let out = Command::new(env!("CARGO_BIN_EXE_soapgen"))
        .args(["generate", path.to_str().unwrap()])
        .output()
        .expect("soapgen runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "wrote code");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let expected = format!(
        "error: {}:6:7: type `{{urn:t}}Missing` is not defined\n  |\n6 | {line}\n  |       ^\n  hint: check the spelling",
        path.display()
    );
    assert!(
        stderr.starts_with(&expected),
        "expected\n{expected}\ngot\n{stderr}"
    );

    // A file that is not UTF-8 too: the excerpt is printed, its bad byte as U+FFFD.
    let mut bytes = TEMPLATE.replacen("urn:t/Op", "urn:t/Op#", 1).into_bytes();
    let at = bytes.iter().position(|&b| b == b'#').unwrap();
    bytes[at] = 0xFF;
    let latin = write(&dir, "bytes.wsdl", &bytes);
    let out = Command::new(env!("CARGO_BIN_EXE_soapgen"))
        .args(["generate", latin.to_str().unwrap()])
        .output()
        .expect("soapgen runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let source = "      <soap:operation soapAction=\"urn:t/Op\u{FFFD}\" style=\"document\" />";
    let expected = format!(
        "error: {}:21:43: the file is not UTF-8: byte 0xFF is not a valid character here\n   |\n21 | {source}\n   | {}^\n  hint: ",
        latin.display(),
        " ".repeat(42)
    );
    assert!(
        stderr.starts_with(&expected),
        "expected\n{expected}\ngot\n{stderr}"
    );
}

#[test]
fn excerpt_edge_cases() {
    // Windows line ends are not shown; a column past the end puts the caret after the line.
    let e = Excerpt::new("<a>\r\n  <b>\r\n", 2, 6).unwrap();
    assert_eq!((e.text.as_str(), e.caret), ("  <b>", 5));
    // A byte-order mark counts as a column (as the XML parser counts it) but is not shown.
    let e = Excerpt::new("\u{FEFF}<a x=>", 1, 6).unwrap();
    assert_eq!((e.text.as_str(), e.caret), ("<a x=>", 4));
    // Control characters are shown as their pictures, one column each.
    let e = Excerpt::new("\u{0}\u{1}<", 1, 3).unwrap();
    assert_eq!((e.text.as_str(), e.caret), ("\u{2400}\u{2401}<", 2));
    // No such line: no excerpt.
    assert_eq!(Excerpt::new("one line", 3, 1), None);
    assert_eq!(Excerpt::new("one line", 0, 1), None);
    // An empty line (the end of a file, for a truncated document) is shown empty.
    let e = Excerpt::new("<a>\n", 2, 1).unwrap();
    assert_eq!((e.text.as_str(), e.caret), ("", 0));
    // Long lines are cut: at the end only when the column is near the start, and the reverse.
    let long = "x".repeat(300);
    let e = Excerpt::new(&long, 1, 1).unwrap();
    assert_eq!(e.caret, 0);
    assert_eq!(e.text.chars().count(), Excerpt::WIDTH - 1);
    assert!(e.text.ends_with('…') && !e.text.starts_with('…'));
    let e = Excerpt::new(&long, 1, 300).unwrap();
    assert_eq!(e.text.chars().count(), Excerpt::WIDTH - 1);
    assert!(e.text.starts_with('…') && !e.text.ends_with('…'));
    assert_eq!(e.caret, Excerpt::WIDTH - 2);
    let e = Excerpt::new(&long, 1, 301).unwrap();
    assert_eq!(e.caret, Excerpt::WIDTH - 1);
    // A line of exactly the width is shown whole.
    let exact = "y".repeat(Excerpt::WIDTH);
    let e = Excerpt::new(&exact, 1, 120).unwrap();
    assert_eq!((e.text.as_str(), e.caret), (exact.as_str(), 119));
}

#[test]
fn a_diagnostic_without_a_readable_file_has_no_excerpt() {
    let d = Diagnostic::new(
        soapgen::Location {
            file: PathBuf::new(),
            line: 1,
            column: 1,
        },
        "no file",
    )
    .with_excerpt_from_file();
    assert_eq!(d.excerpt, None);
    assert_eq!(d.to_string(), ":1:1: no file");
}
