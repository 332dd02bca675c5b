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
    edit(TEMPLATE, from, to)
}

/// `text` with the one occurrence of `from` replaced by `to`, which has as many line breaks
/// (so the line numbers stay those of [`TEMPLATE`]).
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` is not unique");
    assert_eq!(
        from.matches('\n').count(),
        to.matches('\n').count(),
        "replacements keep the line numbers"
    );
    text.replacen(from, to, 1)
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
    /// control characters); a line too long to be shown whole is shown cut around the column.
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
    if e.source.chars().count() <= Excerpt::WIDTH {
        assert_eq!(excerpt.text, e.source, "{shown}");
        assert_eq!(excerpt.caret, e.column as usize - 1, "{shown}");
    } else {
        assert_eq!(
            Some(excerpt),
            Excerpt::new(e.source, 1, e.column).as_ref(),
            "{shown}"
        );
    }
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
fn type_part_in_a_document_style_operation_is_an_unqualified_element() {
    // WSDL 1.1 allows it and the WS-I Basic Profile forbids it; zeep, Axis and PHP read such a
    // part as an element named after it, in no namespace, directly in the Body.
    let dir = temp_dir("type-part");
    let line = r#"  <wsdl:message name="In"><wsdl:part name="parameters" type="s:string" /></wsdl:message>"#;
    let path = write(
        &dir,
        "typepart.wsdl",
        template_with(
            r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>"#,
            line,
        ),
    );
    let generated = soapgen::configure()
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.operations, 1);
    assert_eq!(
        generated.notes,
        vec![format!(
            "{}:10:27: part `parameters` of document-style operation `Op` has type= instead of element=: it is read and written as an element `parameters` in no namespace, of type `{{http://www.w3.org/2001/XMLSchema}}string`, directly in the Body (as zeep, Axis and PHP do; the WS-I Basic Profile requires element=)",
            path.display()
        )]
    );
}

#[test]
fn bad_occurs_value() {
    let dir = temp_dir("occurs");
    let line = r#"      <s:complexType name="C"><s:sequence><s:element name="v" maxOccurs="many" /></s:sequence></s:complexType>"#;
    let path = write(&dir, "occurs.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 43,
            message: r#"maxOccurs="many" is not a non-negative integer"#,
            source: line,
            at: r#"<s:element name="v""#,
            hint: Some(r#"or "unbounded" for no upper limit"#),
        },
    );
    let line = r#"      <s:complexType name="C"><s:sequence><s:element name="v" minOccurs="-1" /></s:sequence></s:complexType>"#;
    let path = write(&dir, "min.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 43,
            message: r#"minOccurs="-1" is not a non-negative integer"#,
            source: line,
            at: r#"<s:element name="v""#,
            hint: Some("a whole number such as 0 (optional) or 1"),
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

/// The notes of generating `path`, which must succeed.
fn notes_of(path: &Path) -> Vec<String> {
    match soapgen::configure().generate(path) {
        Ok(generated) => generated.notes,
        Err(e) => panic!("{}: expected to generate, got: {e}", path.display()),
    }
}

/// Asserts that `notes` holds `expected` (the whole note, position first).
fn assert_note(notes: &[String], expected: &str) {
    assert!(
        notes.iter().any(|n| n == expected),
        "note `{expected}` missing from {notes:#?}"
    );
}

#[test]
fn port_whose_binding_does_not_exist_is_noted() {
    // The WSDL 1.1 specification's own StockQuote example has such a port: the rest of the WSDL
    // is sound, so the port is left aside with a note rather than failing the generation.
    let dir = temp_dir("port-binding");
    let path = write(
        &dir,
        "port.wsdl",
        template_with(r#"binding="tns:B""#, r#"binding="tns:Nope""#),
    );
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:27:5: port `P` of service `S` refers to binding `{{urn:t}}Nope`, which is not defined: the port is ignored (its address is not used)",
            path.display()
        ),
    );
}

#[test]
fn binding_operation_missing_from_the_port_type() {
    let dir = temp_dir("binding-op");
    let line = r#"    </wsdl:operation><wsdl:operation name="Zzz"><soap:operation soapAction="urn:t/Zzz" /></wsdl:operation>"#;
    let text = TEMPLATE.replacen(
        "    </wsdl:operation>\n  </wsdl:binding>",
        &format!("{line}\n  </wsdl:binding>"),
        1,
    );
    assert_ne!(text, TEMPLATE);
    let path = write(&dir, "binding-op.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 24,
            column: 22,
            message: "binding `B` has an operation `Zzz`, which its port type `{urn:t}P` does not declare",
            source: line,
            at: r#"<wsdl:operation name="Zzz">"#,
            hint: Some("declare the operation in port type `P`"),
        },
    );
}

#[test]
fn port_type_operation_missing_from_the_binding_is_noted() {
    let dir = temp_dir("unbound-op");
    let line = r#"    </wsdl:operation><wsdl:operation name="Other"><wsdl:input message="tns:In" /></wsdl:operation>"#;
    let text = TEMPLATE.replacen(
        "    </wsdl:operation>\n  </wsdl:portType>",
        &format!("{line}\n  </wsdl:portType>"),
        1,
    );
    assert_ne!(text, TEMPLATE);
    let path = write(&dir, "unbound-op.wsdl", &text);
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:16:22: operation `Other` has no wsdl:operation in the SOAP bindings of its port type; it is generated as document/literal, without a SOAPAction",
            path.display()
        ),
    );
}

#[test]
fn soap_body_parts_naming_a_part_the_message_does_not_have() {
    let dir = temp_dir("body-parts");
    let line = r#"      <wsdl:input><soap:body parts="nope" use="literal" /></wsdl:input>"#;
    let text = template_with(
        r#"      <wsdl:input><soap:body use="literal" /></wsdl:input>"#,
        line,
    );
    let path = write(&dir, "parts.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 22,
            column: 19,
            message: "soap:body parts= lists `nope`, which is not a part of message `{urn:t}In`",
            source: line,
            at: r#"<soap:body parts="nope""#,
            hint: Some("its parts are: parameters"),
        },
    );
    // The same in rpc style, where the parts are the children of the operation's wrapper.
    let text = text.replacen(r#"style="document""#, r#"style="rpc""#, 1);
    let path = write(&dir, "rpc.wsdl", text);
    let d = input_error(&path);
    assert_eq!((d.location.line, d.location.column), (22, 19), "{d}");
    assert!(d.message.contains("lists `nope`"), "{d}");
}

#[test]
fn union_member_type_that_is_not_defined() {
    let dir = temp_dir("union");
    let line = r#"      <s:simpleType name="U"><s:union memberTypes="s:int tns:Nope" /></s:simpleType><s:element name="Op" type="tns:U" />"#;
    let path = write(&dir, "union.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 30,
            message: "type `{urn:t}Nope` is not defined",
            source: line,
            at: r#"<s:union memberTypes="s:int tns:Nope""#,
            hint: Some("check the spelling"),
        },
    );
}

#[test]
fn enumeration_whose_base_type_is_not_defined() {
    let dir = temp_dir("enum-base");
    // A new line 8, before the end of the schema (the lines after it move down).
    let line = r#"      <s:simpleType name="E"><s:restriction base="tns:Nope"><s:enumeration value="a" /></s:restriction></s:simpleType>"#;
    let text = template_with(OP_ELEMENT, r#"      <s:element name="Op" type="tns:E" />"#);
    let text = text.replacen("    </s:schema>", &format!("{line}\n    </s:schema>"), 1);
    let path = write(&dir, "enum.wsdl", text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 8,
            column: 7,
            message: "type `{urn:t}Nope` is not defined",
            source: line,
            at: r#"<s:simpleType name="E">"#,
            hint: Some("check the spelling"),
        },
    );
}

#[test]
fn misspelt_built_in_type() {
    // The XML Schema namespace is always known: a name in it that is no built-in type is a
    // typo, not a reference into a schema that was not loaded (which would be kept as raw XML).
    let dir = temp_dir("builtin");
    let line = r#"      <s:element name="Op" type="s:strng" />"#;
    let path = write(&dir, "builtin.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 7,
            message: "`strng` is not a built-in type of XML Schema",
            source: line,
            at: r#"<s:element name="Op" type="s:strng""#,
            hint: Some("case-sensitive: string, int"),
        },
    );
    // An XML Schema 1.1 type is kept as a string, with a note.
    let line = r#"      <s:element name="Op" type="s:dateTimeStamp" />"#;
    let path = write(&dir, "xsd11.wsdl", template_with(OP_ELEMENT, line));
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:6:7: `dateTimeStamp` is an XML Schema 1.1 type, which soapgen does not support: its values are kept as strings",
            path.display()
        ),
    );
}

#[test]
fn substitution_group_head_that_is_not_defined() {
    let dir = temp_dir("subst");
    let line =
        r#"      <s:element name="Op" substitutionGroup="tns:Nope"><s:complexType /></s:element>"#;
    let path = write(&dir, "subst.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 7,
            message: "the head of the substitution group, element `{urn:t}Nope`, is not defined",
            source: line,
            at: r#"<s:element name="Op" substitutionGroup="tns:Nope">"#,
            hint: Some("substitutionGroup= must name a global element"),
        },
    );
}

#[test]
fn circular_substitution_group() {
    // Two elements without a type, each in the other's substitution group: the type of either
    // is looked for along the group forever (soapgen used to hang here).
    let dir = temp_dir("subst-cycle");
    let line = r#"      <s:element name="Op" substitutionGroup="tns:X" /><s:element name="X" substitutionGroup="tns:Op" />"#;
    let path = write(&dir, "cycle.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 56,
            message: "the substitution group of element `{urn:t}X` is circular",
            source: line,
            at: r#"<s:element name="X""#,
            hint: Some("remove one substitutionGroup= of the cycle"),
        },
    );
}

#[test]
fn unknown_xml_schema_elements_are_noted_and_foreign_ones_are_not() {
    let dir = temp_dir("unknown-xsd");
    let line = r#"      <s:element name="Op"><s:complexType><s:sequence><s:frobnicate /><s:element name="a" type="s:int" /></s:sequence><s:assert test="a &gt; 0" /><v:ext xmlns:v="urn:vendor"><s:bogus /></v:ext><s:annotation><s:appinfo><s:whatever /></s:appinfo></s:annotation></s:complexType></s:element>"#;
    let path = write(&dir, "unknown.wsdl", template_with(OP_ELEMENT, line));
    let notes = notes_of(&path);
    let column = |what: &str| line.find(what).unwrap() + 1;
    assert_note(
        &notes,
        &format!(
            "{}:6:{}: `s:frobnicate` is not an XML Schema element; it is ignored, with what it contains",
            path.display(),
            column("<s:frobnicate")
        ),
    );
    assert_note(
        &notes,
        &format!(
            "{}:6:{}: `s:assert` is an XML Schema 1.1 construct, which soapgen does not support; it is ignored",
            path.display(),
            column("<s:assert")
        ),
    );
    // Vendor extensions and what annotations hold are not looked into.
    for silent in ["ext", "bogus", "whatever", "appinfo"] {
        assert!(
            !notes.iter().any(|n| n.contains(silent)),
            "`{silent}` noted: {notes:#?}"
        );
    }
    assert_eq!(notes.len(), 2, "{notes:#?}");
}

#[test]
fn misplaced_xml_schema_elements_are_noted() {
    let dir = temp_dir("misplaced-xsd");
    let line = r#"      <s:element name="Op"><s:complexType><s:sequence><s:attribute name="x" /></s:sequence><s:sequence><s:element name="b" /></s:sequence></s:complexType></s:element><s:sequence />"#;
    let path = write(&dir, "misplaced.wsdl", template_with(OP_ELEMENT, line));
    let notes = notes_of(&path);
    let at = |n: usize| format!("{}:6:{}", path.display(), n);
    let attribute = line.find("<s:attribute").unwrap() + 1;
    let second = line.find("</s:sequence><s:sequence>").unwrap() + "</s:sequence>".len() + 1;
    let top = line.rfind("<s:sequence />").unwrap() + 1;
    assert_note(
        &notes,
        &format!(
            "{}: `s:attribute` does not belong inside `s:sequence`; it is ignored",
            at(attribute)
        ),
    );
    assert_note(
        &notes,
        &format!(
            "{}: `s:sequence` is a second content model inside `s:complexType`, which has one: only the first is read, this one is ignored",
            at(second)
        ),
    );
    assert_note(
        &notes,
        &format!(
            "{}: `s:sequence` does not belong at the top level of `s:schema`; it is ignored",
            at(top)
        ),
    );
    // Directly inside wsdl:types, outside any schema.
    let path = write(
        &dir,
        "types.wsdl",
        template_with(
            "  <wsdl:types>",
            r#"  <wsdl:types><s:element name="Stray" />"#,
        ),
    );
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:4:15: `s:element` directly inside wsdl:types is ignored: schema definitions belong inside an xs:schema",
            path.display()
        ),
    );
}

#[test]
fn min_occurs_greater_than_max_occurs() {
    let dir = temp_dir("min-max");
    let line = r#"      <s:complexType name="C"><s:all><s:element name="v" minOccurs="3" maxOccurs="1" /></s:all></s:complexType>"#;
    let path = write(&dir, "minmax.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 38,
            message: r#"minOccurs="3" is greater than maxOccurs="1""#,
            source: line,
            at: r#"<s:element name="v""#,
            hint: Some("minOccurs must not exceed maxOccurs"),
        },
    );
    // maxOccurs defaults to 1.
    let line = r#"      <s:complexType name="C"><s:sequence minOccurs="2"><s:element name="v" /></s:sequence></s:complexType>"#;
    let path = write(&dir, "default.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 31,
            message: r#"minOccurs="2" is greater than maxOccurs (default 1)"#,
            source: line,
            at: r#"<s:sequence minOccurs="2">"#,
            hint: Some("maxOccurs=\"unbounded\""),
        },
    );
}

#[test]
fn global_element_defined_twice() {
    let dir = temp_dir("dup-element");
    let line = format!(r#"{OP_ELEMENT}<s:element name="Op" type="s:string" />"#);
    let path = write(&dir, "dup.wsdl", template_with(OP_ELEMENT, &line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 57,
            message: &format!(
                "element `{{urn:t}}Op` is defined twice: it is already defined at {}:6:7",
                path.display()
            ),
            source: &line,
            at: r#"<s:element name="Op" type="s:string""#,
            hint: Some("remove or rename one of the two"),
        },
    );
}

#[test]
fn complex_type_defined_twice_in_two_schemas_of_one_namespace() {
    let dir = temp_dir("dup-type");
    let xsd = write(
        &dir,
        "more.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:t\">\n\
         \x20 <s:complexType name=\"T\"><s:sequence /></s:complexType>\n\
         </s:schema>\n",
    );
    let line = r#"      <s:include schemaLocation="more.xsd" /><s:complexType name="T" /><s:element name="Op" type="tns:T" />"#;
    let path = write(&dir, "dup.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &xsd,
            line: 2,
            column: 3,
            message: &format!(
                "type `{{urn:t}}T` is defined twice: it is already defined at {}:6:46",
                path.display()
            ),
            source: r#"  <s:complexType name="T"><s:sequence /></s:complexType>"#,
            at: r#"<s:complexType name="T">"#,
            hint: Some("names of global definitions must be unique"),
        },
    );
}

#[test]
fn a_schema_reached_twice_chameleon_includes_and_redefinitions_are_not_duplicates() {
    let dir = temp_dir("not-dup");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    // common.xsd is imported by the WSDL, and included (through another path) by sub/inc.xsd of
    // the same namespace: it is read twice, as the same definitions.
    write(
        &dir,
        "common.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:c\">\n\
         \x20 <s:element name=\"C\" type=\"s:string\" />\n\
         \x20 <s:complexType name=\"T\"><s:sequence><s:element name=\"v\" type=\"s:int\" /></s:sequence></s:complexType>\n\
         </s:schema>\n",
    );
    write(
        &dir,
        "sub/inc.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:c\">\n\
         \x20 <s:include schemaLocation=\"../common.xsd\" />\n\
         \x20 <s:redefine schemaLocation=\"../redefined.xsd\">\n\
         \x20   <s:simpleType name=\"R\"><s:restriction base=\"s:string\"><s:maxLength value=\"3\" /></s:restriction></s:simpleType>\n\
         \x20 </s:redefine>\n\
         </s:schema>\n",
    );
    // redefined.xsd defines R, which sub/inc.xsd redefines.
    write(
        &dir,
        "redefined.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:c\">\n\
         \x20 <s:simpleType name=\"R\"><s:restriction base=\"s:string\" /></s:simpleType>\n\
         </s:schema>\n",
    );
    // cham.xsd has no namespace: included into urn:t and into urn:c, it defines `Shared` in each.
    write(
        &dir,
        "cham.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\">\n\
         \x20 <s:element name=\"Shared\" type=\"s:string\" />\n\
         </s:schema>\n",
    );
    write(
        &dir,
        "c2.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:c\">\n\
         \x20 <s:include schemaLocation=\"cham.xsd\" />\n\
         </s:schema>\n",
    );
    let line = r#"      <s:import namespace="urn:c" schemaLocation="common.xsd" /><s:import namespace="urn:c" schemaLocation="sub/inc.xsd" /><s:import namespace="urn:c" schemaLocation="./sub/../c2.xsd" /><s:include schemaLocation="cham.xsd" /><s:element name="Op"><s:complexType><s:sequence><s:element ref="c:C" xmlns:c="urn:c" /><s:element name="t" type="c:T" xmlns:c="urn:c" /><s:element name="r" type="c:R" xmlns:c="urn:c" /><s:element ref="tns:Shared" /><s:element ref="c:Shared" xmlns:c="urn:c" /></s:sequence></s:complexType></s:element>"#;
    let path = write(&dir, "root.wsdl", template_with(OP_ELEMENT, line));
    let generated = soapgen::configure()
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(generated.notes.is_empty(), "{:#?}", generated.notes);
}

#[test]
fn document_style_part_with_neither_element_nor_type() {
    let dir = temp_dir("bare-part");
    let line = r#"  <wsdl:message name="In"><wsdl:part name="parameters" /></wsdl:message>"#;
    let path = write(
        &dir,
        "bare.wsdl",
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
                "part `parameters` of document-style operation `Op` has neither element= nor type=",
            source: line,
            at: r#"<wsdl:part name="parameters" />"#,
            hint: Some("must refer to a global element"),
        },
    );
}

#[test]
fn prohibited_element_has_no_field() {
    let dir = temp_dir("prohibited");
    let text = template_with(
        OP_ELEMENT,
        r#"      <s:element name="Op"><s:complexType><s:sequence><s:element name="kept" type="s:int" /><s:element name="gone" type="s:string" minOccurs="0" maxOccurs="0" /></s:sequence></s:complexType></s:element>"#,
    );
    let path = write(&dir, "prohibited.wsdl", &text);
    // Without the service pages, which embed the WSDL text (and so the name).
    let generated = soapgen::configure()
        .build_pages(false)
        .generate(&path)
        .expect("generates");
    assert!(
        generated.code.contains("pub kept: i32"),
        "{}",
        generated.code
    );
    assert!(!generated.code.contains("gone"), "{}", generated.code);
}

/// The 1-based column of the first `what` in `line` (after `from`, a 0-based byte offset).
fn column_of(line: &str, what: &str, from: usize) -> u32 {
    (line[from..]
        .find(what)
        .unwrap_or_else(|| panic!("`{what}` not in `{line}`"))
        + from
        + 1) as u32
}

#[test]
fn union_with_inline_member_types() {
    let dir = temp_dir("union-inline");
    // The restriction base of an inline member is checked like a member type (at the union).
    let line = r#"      <s:simpleType name="U"><s:union memberTypes="s:int"><s:simpleType><s:restriction base="tns:Nope" /></s:simpleType></s:union></s:simpleType><s:element name="Op" type="tns:U" />"#;
    let path = write(&dir, "base.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 30,
            message: "type `{urn:t}Nope` is not defined",
            source: line,
            at: r#"<s:union memberTypes="s:int">"#,
            hint: Some("check the spelling"),
        },
    );
    // Without memberTypes=, and nested: the item type of a list inside an inline member.
    let line = r#"      <s:simpleType name="U"><s:union><s:simpleType><s:list><s:simpleType><s:restriction base="tns:Gone" /></s:simpleType></s:list></s:simpleType></s:union></s:simpleType><s:element name="Op" type="tns:U" />"#;
    let path = write(&dir, "nested.wsdl", template_with(OP_ELEMENT, line));
    let d = input_error(&path);
    assert_eq!((d.location.line, d.location.column), (6, 30), "{d}");
    assert!(
        d.message.contains("type `{urn:t}Gone` is not defined"),
        "{d}"
    );
    // An inline member is parsed: one without a variety is an error at that member.
    let line = r#"      <s:simpleType name="U"><s:union memberTypes="s:int"><s:simpleType /></s:union></s:simpleType><s:element name="Op" type="tns:U" />"#;
    let path = write(&dir, "empty.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: column_of(line, "<s:simpleType />", 0),
            message: "xs:simpleType without restriction, list or union",
            source: line,
            at: "<s:simpleType />",
            hint: Some("xs:restriction, xs:list or xs:union"),
        },
    );
    // Sound inline members (an enumeration, a list) generate, without notes.
    let line = r#"      <s:simpleType name="U"><s:union memberTypes="s:int"><s:simpleType><s:restriction base="s:string"><s:enumeration value="auto" /></s:restriction></s:simpleType><s:simpleType><s:list itemType="s:date" /></s:simpleType></s:union></s:simpleType><s:element name="Op" type="tns:U" />"#;
    let path = write(&dir, "sound.wsdl", template_with(OP_ELEMENT, line));
    assert_eq!(notes_of(&path), Vec::<String>::new());
}

#[test]
fn complex_type_with_a_particle_beside_its_content() {
    let dir = temp_dir("particle-and-content");
    // The sequence would be lost: the complexContent replaces the content model.
    let line = r#"      <s:complexType name="C"><s:sequence><s:element name="x" type="s:int" /></s:sequence><s:complexContent><s:extension base="tns:B" /></s:complexContent></s:complexType>"#;
    let path = write(&dir, "complex.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 31,
            message: "`s:sequence` and `s:complexContent` are both inside `s:complexType`, which can have only one of them",
            source: line,
            at: "<s:sequence>",
            hint: Some("move the `s:sequence` into the xs:extension (or xs:restriction) of the `s:complexContent`"),
        },
    );
    // After a simpleContent, which has no elements at all.
    let line = r#"      <s:complexType name="C"><s:simpleContent><s:extension base="s:string" /></s:simpleContent><s:choice /></s:complexType>"#;
    let path = write(&dir, "simple.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: column_of(line, "<s:choice />", 0),
            message: "`s:choice` and `s:simpleContent` are both inside `s:complexType`",
            source: line,
            at: "<s:choice />",
            hint: Some("has text and attributes, no child elements"),
        },
    );
    // Two contents: the second would replace the first.
    let line = r#"      <s:complexType name="C"><s:simpleContent><s:extension base="s:string" /></s:simpleContent><s:complexContent><s:extension base="s:anyType" /></s:complexContent></s:complexType>"#;
    let path = write(&dir, "two.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: column_of(line, "<s:complexContent>", 0),
            message: "`s:complexContent` is a second content inside `s:complexType`, which has `s:simpleContent` already (at 6:31)",
            source: line,
            at: "<s:complexContent>",
            hint: Some("one xs:simpleContent or xs:complexContent"),
        },
    );
}

/// [`TEMPLATE`] with a fault `Oops` declared by the port type operation (line 15), and
/// `binding_fault` written after the binding operation's output (line 23).
fn with_faults(binding_fault: &str) -> String {
    let text = template_with(
        r#"  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:OpResponse" /></wsdl:message>"#,
        r#"  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:OpResponse" /></wsdl:message><wsdl:message name="F"><wsdl:part name="detail" element="tns:OpResponse" /></wsdl:message>"#,
    );
    let text = edit(
        &text,
        r#"      <wsdl:output message="tns:Out" />"#,
        r#"      <wsdl:output message="tns:Out" /><wsdl:fault name="Oops" message="tns:F" />"#,
    );
    edit(
        &text,
        BINDING_OUTPUT,
        &format!("{BINDING_OUTPUT}{binding_fault}"),
    )
}

/// Line 23 of [`TEMPLATE`], the binding operation's output.
const BINDING_OUTPUT: &str = r#"      <wsdl:output><soap:body use="literal" /></wsdl:output>"#;

#[test]
fn binding_fault_that_the_port_type_operation_does_not_declare() {
    let dir = temp_dir("binding-fault");
    let fault = r#"<wsdl:fault name="Oopz"><soap:fault name="Oopz" use="literal" /></wsdl:fault>"#;
    let text = with_faults(fault);
    let path = write(&dir, "misnamed.wsdl", &text);
    let line = format!("{BINDING_OUTPUT}{fault}");
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 23,
            column: column_of(&line, "<wsdl:fault", 0),
            message: "binding `B` binds a fault `Oopz` of operation `Op`, which the operation does not declare in port type `{urn:t}P`",
            source: &line,
            at: r#"<wsdl:fault name="Oopz">"#,
            hint: Some("its faults are `Oops`"),
        },
    );
    // An operation without faults.
    let path = write(&dir, "none.wsdl", template_with(BINDING_OUTPUT, &line));
    let d = input_error(&path);
    assert_eq!(
        (d.location.line, d.location.column),
        (23, column_of(&line, "<wsdl:fault", 0)),
        "{d}"
    );
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("it declares no fault")),
        "{d}"
    );
    // A binding fault without a name binds nothing.
    let nameless =
        format!(r#"{BINDING_OUTPUT}<wsdl:fault><soap:fault use="literal" /></wsdl:fault>"#);
    let path = write(
        &dir,
        "nameless.wsdl",
        with_faults(&nameless[BINDING_OUTPUT.len()..]),
    );
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 23,
            column: column_of(&nameless, "<wsdl:fault>", 0),
            message: "wsdl:fault of binding operation `Op` without a name",
            source: &nameless,
            at: "<wsdl:fault>",
            hint: Some("add name=\"…\" with that fault's name"),
        },
    );
    // The fault bound by its name generates, and so does a port type fault the binding leaves
    // out (binding faults are optional).
    for (name, fault) in [
        (
            "bound.wsdl",
            r#"<wsdl:fault name="Oops"><soap:fault name="Oops" use="literal" /></wsdl:fault>"#,
        ),
        ("unbound.wsdl", ""),
    ] {
        let path = write(&dir, name, with_faults(fault));
        let generated = soapgen::configure()
            .build_pages(false)
            .generate(&path)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(generated.code.contains("Oops"), "{}", generated.code);
        assert!(generated.notes.is_empty(), "{:#?}", generated.notes);
    }
    // use="encoded" on the soap:fault is noted.
    let fault = r#"<wsdl:fault name="Oops"><soap:fault name="Oops" use="encoded" /></wsdl:fault>"#;
    let path = write(&dir, "encoded.wsdl", with_faults(fault));
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:23:{}: operation `Op` binds its fault `Oops` with use=\"encoded\": fault details are read and written as literal XML (without xsi:type annotations or multi-references)",
            path.display(),
            column_of(&format!("{BINDING_OUTPUT}{fault}"), "<wsdl:fault", 0)
        ),
    );
}

/// Line 13 of [`TEMPLATE`] opens the port type operation (column 5), line 20 the binding
/// operation; these add a second operation `Op` to each, at line 16 and line 24, column 22.
const PORT_TYPE_END: &str = "    </wsdl:operation>\n  </wsdl:portType>";
const BINDING_END: &str = "    </wsdl:operation>\n  </wsdl:binding>";

/// [`TEMPLATE`] with a second port type operation `Op` (an overload), whose input is message
/// `input` (`In` or `In2`, which has element `Op2`); `names` gives the overloads the input and
/// output names `One`/`OneResponse` and `Two`/`TwoResponse`, and binds the second overload too,
/// with SOAPAction `action2`.
fn overloaded(input: &str, names: bool, action2: &str) -> String {
    let text = template_with(
        OP_ELEMENT,
        &format!(r#"{OP_ELEMENT}<s:element name="Op2"><s:complexType /></s:element>"#),
    );
    let text = edit(
        &text,
        r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>"#,
        r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message><wsdl:message name="In2"><wsdl:part name="parameters" element="tns:Op2" /></wsdl:message>"#,
    );
    if !names {
        return edit(
            &text,
            PORT_TYPE_END,
            &format!(
                r#"    </wsdl:operation><wsdl:operation name="Op"><wsdl:input message="tns:{input}" /><wsdl:output message="tns:Out" /></wsdl:operation>
  </wsdl:portType>"#
            ),
        );
    }
    let text = edit(
        &text,
        r#"      <wsdl:input message="tns:In" />"#,
        r#"      <wsdl:input name="One" message="tns:In" />"#,
    );
    let text = edit(
        &text,
        r#"      <wsdl:output message="tns:Out" />"#,
        r#"      <wsdl:output name="OneResponse" message="tns:Out" />"#,
    );
    let text = edit(
        &text,
        PORT_TYPE_END,
        &format!(
            r#"    </wsdl:operation><wsdl:operation name="Op"><wsdl:input name="Two" message="tns:{input}" /><wsdl:output name="TwoResponse" message="tns:Out" /></wsdl:operation>
  </wsdl:portType>"#
        ),
    );
    // The binding binds the second overload first.
    let text = edit(
        &text,
        r#"      <wsdl:input><soap:body use="literal" /></wsdl:input>"#,
        r#"      <wsdl:input name="One"><soap:body use="literal" /></wsdl:input>"#,
    );
    let text = edit(
        &text,
        BINDING_OUTPUT,
        r#"      <wsdl:output name="OneResponse"><soap:body use="literal" /></wsdl:output>"#,
    );
    edit(
        &text,
        BINDING_END,
        &format!(
            r#"    </wsdl:operation><wsdl:operation name="Op"><soap:operation soapAction="{action2}" style="document" /><wsdl:input name="Two"><soap:body use="literal" /></wsdl:input><wsdl:output name="TwoResponse"><soap:body use="literal" /></wsdl:output></wsdl:operation>
  </wsdl:binding>"#
        ),
    )
}

#[test]
fn overloaded_operations_are_bound_by_their_input_and_output_names() {
    let dir = temp_dir("overloads");
    // Two overloads with different body elements and one SOAPAction: each binding operation
    // binds the overload its names pick out, and each is a method of its own.
    let path = write(&dir, "sound.wsdl", overloaded("In2", true, "urn:t/Op"));
    let generated = soapgen::configure()
        .build_pages(false)
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(generated.notes.is_empty(), "{:#?}", generated.notes);
    assert_eq!(
        generated.code.matches("pub async fn op").count(),
        2,
        "{}",
        generated.code
    );
    for body in [r#"Some(("urn:t", "Op"))"#, r#"Some(("urn:t", "Op2"))"#] {
        assert!(generated.code.contains(body), "{body}: {}", generated.code);
    }

    // Overloads without input and output names cannot be told apart.
    let text = overloaded("In2", false, "");
    let path = write(&dir, "nameless.wsdl", &text);
    let d = input_error(&path);
    check(
        &d,
        Expected {
            file: &path,
            line: 20,
            column: 5,
            message: "binding `B` binds operation `Op`, which port type `{urn:t}P` overloads, without telling which of 2 overloads it binds",
            source: r#"    <wsdl:operation name="Op">"#,
            at: r#"<wsdl:operation name="Op">"#,
            hint: Some("overloads are told apart by the name= of their wsdl:input and wsdl:output"),
        },
    );
    let hint = d.hint.unwrap();
    assert!(
        hint.contains(&format!(
            "input `OpRequest`, output `OpResponse` (at {}:16:22)",
            path.display()
        )),
        "{hint}"
    );

    // Names that match no overload.
    let text = overloaded("In2", true, "urn:t/Op").replacen(
        r#"<wsdl:input name="Two">"#,
        r#"<wsdl:input name="Three">"#,
        1,
    );
    let path = write(&dir, "unmatched.wsdl", &text);
    let d = input_error(&path);
    assert_eq!((d.location.line, d.location.column), (24, 22), "{d}");
    assert!(
        d.message
            .contains("with input and output names that match none of its 2 overloads"),
        "{d}"
    );

    // Two overloads with the same SOAPAction and the same body element: a request cannot be
    // routed to the second.
    let text = overloaded("In", true, "urn:t/Op");
    let path = write(&dir, "unroutable.wsdl", &text);
    let line = line_of(&text, 16).to_string();
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 16,
            column: 22,
            message: &format!(
                "operation `Op` overloads the operation at {}:13:5 with the same SOAPAction (`urn:t/Op`) and the same body element `{{urn:t}}Op`: a server cannot tell their requests apart",
                path.display()
            ),
            source: &line,
            at: r#"<wsdl:operation name="Op"><wsdl:input name="Two""#,
            hint: Some("different soapAction="),
        },
    );
    // A SOAPAction of its own tells the second apart.
    let path = write(&dir, "by-action.wsdl", overloaded("In", true, "urn:t/Op2"));
    assert!(notes_of(&path).is_empty());
}

#[test]
fn operation_bound_twice_in_one_binding() {
    let dir = temp_dir("bound-twice");
    // The same name and the same (absent) input and output names.
    let line = r#"    </wsdl:operation><wsdl:operation name="Op"><soap:operation soapAction="urn:t/Op2" /></wsdl:operation>"#;
    let text = edit(TEMPLATE, BINDING_END, &format!("{line}\n  </wsdl:binding>"));
    let path = write(&dir, "same.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 24,
            column: 22,
            message: &format!(
                "binding `B` binds operation `Op` twice: it is already bound at {}:20:5",
                path.display()
            ),
            source: line,
            at: r#"<wsdl:operation name="Op"><soap:operation"#,
            hint: Some("remove one of the two"),
        },
    );
    // Different input names, but the operation is not overloaded: both would bind it.
    let line = r#"    </wsdl:operation><wsdl:operation name="Op"><wsdl:input name="Other"><soap:body use="literal" /></wsdl:input></wsdl:operation>"#;
    let text = edit(TEMPLATE, BINDING_END, &format!("{line}\n  </wsdl:binding>"));
    let path = write(&dir, "named.wsdl", &text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 24,
            column: 22,
            message: &format!(
                "binding `B` binds operation `Op` of port type `{{urn:t}}P` twice: it is already bound at {}:20:5",
                path.display()
            ),
            source: line,
            at: r#"<wsdl:operation name="Op"><wsdl:input name="Other">"#,
            hint: Some("remove one of the two"),
        },
    );
    // A fault bound twice.
    let fault = r#"<wsdl:fault name="Oops"><soap:fault use="literal" /></wsdl:fault>"#;
    let line = format!("{BINDING_OUTPUT}{fault}{fault}");
    let path = write(&dir, "fault.wsdl", with_faults(&format!("{fault}{fault}")));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 23,
            column: column_of(&line, "<wsdl:fault", BINDING_OUTPUT.len() + 1),
            message: &format!(
                "operation `Op` of binding `B` binds fault `Oops` twice: it is already bound at {}:23:{}",
                path.display(),
                column_of(&line, "<wsdl:fault", 0)
            ),
            source: &line,
            at: r#"<wsdl:fault name="Oops">"#,
            hint: Some("remove one of the two"),
        },
    );
}

#[test]
fn service_and_port_defined_twice() {
    let dir = temp_dir("dup-service");
    let line = r#"  </wsdl:service><wsdl:service name="S"><wsdl:port name="Q" binding="tns:B" /></wsdl:service>"#;
    let path = write(
        &dir,
        "service.wsdl",
        template_with("  </wsdl:service>", line),
    );
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 28,
            column: column_of(line, "<wsdl:service", 0),
            message: &format!(
                "service `{{urn:t}}S` is defined twice: it is already defined at {}:26:3",
                path.display()
            ),
            source: line,
            at: r#"<wsdl:service name="S">"#,
            hint: Some("remove or rename one of the two"),
        },
    );
    let port = r#"    <wsdl:port name="P" binding="tns:B"><soap:address location="http://localhost/s" /></wsdl:port>"#;
    let line = format!(r#"{port}<wsdl:port name="P" binding="tns:B" />"#);
    let path = write(&dir, "port.wsdl", template_with(port, &line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 27,
            column: column_of(&line, "<wsdl:port", 5),
            message: &format!(
                "port `P` of service `S` is defined twice: it is already defined at {}:27:5",
                path.display()
            ),
            source: &line,
            at: r#"<wsdl:port name="P" binding="tns:B" />"#,
            hint: Some("rename or remove one of the two"),
        },
    );
}

#[test]
fn group_containing_itself_through_an_element_is_a_recursive_type() {
    // Valid XSD, like a type referring to itself: the element's anonymous type is built once,
    // not again each time the group is expanded (soapgen used to overflow its stack here).
    let dir = temp_dir("recursive-group");
    let line = r#"      <s:group name="Expr"><s:choice><s:element name="op"><s:complexType><s:sequence><s:group ref="tns:Expr" /></s:sequence></s:complexType></s:element><s:element name="value" type="s:int" /></s:choice></s:group><s:element name="Op"><s:complexType><s:sequence><s:group ref="tns:Expr" /></s:sequence></s:complexType></s:element>"#;
    let path = write(&dir, "expr.wsdl", template_with(OP_ELEMENT, line));
    assert_eq!(notes_of(&path), Vec::<String>::new());
    // Through two groups, each containing the other inside an element.
    let line = r#"      <s:group name="A"><s:sequence><s:element name="b" minOccurs="0"><s:complexType><s:group ref="tns:B" /></s:complexType></s:element></s:sequence></s:group><s:group name="B"><s:sequence><s:element name="a" minOccurs="0"><s:complexType><s:group ref="tns:A" /></s:complexType></s:element></s:sequence></s:group><s:element name="Op"><s:complexType><s:group ref="tns:A" /></s:complexType></s:element>"#;
    let path = write(&dir, "mutual.wsdl", template_with(OP_ELEMENT, line));
    assert_eq!(notes_of(&path), Vec::<String>::new());
    // A group containing itself directly (not inside an element) has infinite content.
    let line = r#"      <s:group name="G"><s:sequence><s:group ref="tns:G" /></s:sequence></s:group><s:element name="Op"><s:complexType><s:group ref="tns:G" /></s:complexType></s:element>"#;
    let path = write(&dir, "direct.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: column_of(line, r#"<s:group ref="tns:G" />"#, 0),
            message: "group `{urn:t}G` refers to itself",
            source: line,
            at: r#"<s:group ref="tns:G" />"#,
            hint: Some("remove the circular xs:group reference"),
        },
    );
}

#[test]
fn redefinitions_referring_to_their_own_name_refer_to_the_original() {
    // XML Schema 1.0 §4.2.2: in an xs:redefine, a type deriving from its own name derives from
    // the original definition, and a group (attribute group) referring to its own name refers
    // to the original. The redefinition replaces the original everywhere (Q uses G).
    let dir = temp_dir("redefine-self");
    write(
        &dir,
        "base.xsd",
        r#"<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
  <s:complexType name="P"><s:sequence><s:element name="name" type="s:string" /></s:sequence></s:complexType>
  <s:complexType name="R"><s:sequence><s:element name="kept" type="s:string" /><s:element name="dropped" type="s:string" minOccurs="0" /></s:sequence></s:complexType>
  <s:group name="G"><s:sequence><s:element name="g1" type="s:int" /></s:sequence></s:group>
  <s:attributeGroup name="A"><s:attribute name="a1" type="s:int" /></s:attributeGroup>
  <s:simpleType name="Code"><s:restriction base="s:string" /></s:simpleType>
  <s:complexType name="Q"><s:sequence><s:group ref="tns:G" /></s:sequence><s:attributeGroup ref="tns:A" /></s:complexType>
</s:schema>
"#,
    );
    let line = r#"      <s:redefine schemaLocation="base.xsd"><s:complexType name="P"><s:complexContent><s:extension base="tns:P"><s:sequence><s:element name="age" type="s:int" /></s:sequence></s:extension></s:complexContent></s:complexType><s:complexType name="R"><s:complexContent><s:restriction base="tns:R"><s:sequence><s:element name="kept" type="s:string" /></s:sequence></s:restriction></s:complexContent></s:complexType><s:group name="G"><s:sequence><s:group ref="tns:G" /><s:element name="g2" type="s:int" /></s:sequence></s:group><s:attributeGroup name="A"><s:attributeGroup ref="tns:A" /><s:attribute name="a2" type="s:int" /></s:attributeGroup><s:simpleType name="Code"><s:restriction base="tns:Code"><s:enumeration value="only" /></s:restriction></s:simpleType></s:redefine><s:element name="Op"><s:complexType><s:sequence><s:element name="p" type="tns:P" /><s:element name="r" type="tns:R" /><s:element name="q" type="tns:Q" /><s:element name="c" type="tns:Code" /></s:sequence></s:complexType></s:element>"#;
    let path = write(&dir, "redefine.wsdl", template_with(OP_ELEMENT, line));
    let generated = soapgen::configure()
        .build_pages(false)
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(generated.notes.is_empty(), "{:#?}", generated.notes);
    let code = &generated.code;
    for field in [
        "pub name: String",
        "pub age: i32",
        "pub kept: String",
        "pub g1: i32",
        "pub g2: i32",
        "pub a1: Option<i32>",
        "pub a2: Option<i32>",
        "Only",
    ] {
        assert!(code.contains(field), "`{field}` missing:\n{code}");
    }
    assert!(!code.contains("dropped"), "{code}");
}

/// [`TEMPLATE`]'s binding (lines 18 to 25) replaced by `binding`, eight lines.
fn with_binding(binding: &str) -> String {
    let start = TEMPLATE.find(r#"  <wsdl:binding name="B""#).unwrap();
    let end = TEMPLATE.find("  </wsdl:binding>\n").unwrap() + "  </wsdl:binding>\n".len();
    edit(TEMPLATE, &TEMPLATE[start..end], binding)
}

#[test]
fn wsdl_without_a_soap_binding_has_nothing_to_generate() {
    let dir = temp_dir("http-only");
    // An HTTP GET/POST binding only: soapgen used to write a file that does not compile.
    let line = r#"  <wsdl:binding name="B" type="tns:P" xmlns:http="http://schemas.xmlsoap.org/wsdl/http/">"#;
    let binding = format!(
        "{line}\n    <http:binding verb=\"POST\" />\n    <wsdl:operation name=\"Op\">\n      <http:operation location=\"/Op\" />\n      <wsdl:input><http:urlEncoded /></wsdl:input>\n      <wsdl:output><mime:mimeXml xmlns:mime=\"http://schemas.xmlsoap.org/wsdl/mime/\" /></wsdl:output>\n    </wsdl:operation>\n  </wsdl:binding>\n"
    );
    let path = write(&dir, "http.wsdl", with_binding(&binding));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 18,
            column: 3,
            message: "no binding of this WSDL is a SOAP binding: soapgen has nothing to generate",
            source: line,
            at: "<wsdl:binding ",
            hint: Some(
                "soapgen generates SOAP clients and servers; this WSDL has only HTTP bindings",
            ),
        },
    );
    // No binding at all: the error is at wsdl:definitions.
    let path = write(&dir, "abstract.wsdl", with_binding(&"\n".repeat(8)));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 2,
            column: 1,
            message: "this WSDL has no wsdl:binding: soapgen has nothing to generate",
            source: line_of(TEMPLATE, 2),
            at: "<wsdl:definitions ",
            hint: Some("describes only abstract port types"),
        },
    );
}

#[test]
fn binding_without_soap_binding_is_read_as_the_soap_version_of_its_operations() {
    // PHP's tests (bug77410) have such bindings: soap:operation and soap:body, no soap:binding.
    let dir = temp_dir("no-soap-binding");
    let text = template_with(
        r#"    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />"#,
        "",
    );
    let path = write(&dir, "soap11.wsdl", &text);
    let generated = soapgen::configure()
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.operations, 1);
    assert_eq!(
        generated.notes,
        vec![format!(
            "{}:18:3: binding `B` has no soap:binding element, but its operations use SOAP 1.1 extensions (`soap:operation` at 21:7): it is read as a SOAP 1.1 binding, document style unless an operation's soap:operation says otherwise",
            path.display()
        )]
    );
    // SOAP 1.2 extensions make a SOAP 1.2 binding.
    let text = text.replacen(
        r#"xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/""#,
        r#"xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap12/""#,
        1,
    );
    let path = write(&dir, "soap12.wsdl", &text);
    let notes = notes_of(&path);
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(
        notes[0].contains("use SOAP 1.2 extensions") && notes[0].contains("as a SOAP 1.2 binding"),
        "{notes:#?}"
    );
}

#[test]
fn soap_binding_namespace_without_its_trailing_slash_is_noted() {
    let dir = temp_dir("soap-ns");
    let path = write(
        &dir,
        "slash.wsdl",
        template_with(
            r#"xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/""#,
            r#"xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap""#,
        ),
    );
    let generated = soapgen::configure()
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.operations, 1);
    assert_eq!(
        generated.notes,
        vec![format!(
            "{}:18:3: binding `B` writes its SOAP extensions in the namespace `http://schemas.xmlsoap.org/wsdl/soap`, which is not a WSDL binding namespace: the SOAP 1.1 binding namespace is `http://schemas.xmlsoap.org/wsdl/soap/`, with a trailing slash; it is read as a SOAP 1.1 binding",
            path.display()
        )]
    );
}

#[test]
fn root_element_without_its_namespace() {
    let dir = temp_dir("root-ns");
    // An imported schema whose root has no xmlns=.
    write(
        &dir,
        "plain.xsd",
        "<schema targetNamespace=\"urn:o\">\n  <element name=\"A\" type=\"string\" />\n</schema>\n",
    );
    let line = r#"      <s:import namespace="urn:o" schemaLocation="plain.xsd" />"#;
    let path = write(&dir, "root.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &dir.join("plain.xsd"),
            line: 1,
            column: 1,
            message: "expected wsdl:definitions or xs:schema, found `schema` in no namespace: the root element has no namespace declaration",
            source: r#"<schema targetNamespace="urn:o">"#,
            at: "<schema ",
            hint: Some(r#"add xmlns="http://www.w3.org/2001/XMLSchema" to the root element"#),
        },
    );
    // A WSDL whose root has no xmlns=.
    let path = write(
        &dir,
        "plain.wsdl",
        "<definitions targetNamespace=\"urn:t\">\n</definitions>\n",
    );
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 1,
            column: 1,
            message: "found `definitions` in no namespace",
            source: r#"<definitions targetNamespace="urn:t">"#,
            at: "<definitions ",
            hint: Some(r#"add xmlns="http://schemas.xmlsoap.org/wsdl/" to the root element"#),
        },
    );
    // A misspelt namespace is named.
    let path = write(
        &dir,
        "misspelt.wsdl",
        "<w:definitions xmlns:w=\"http://schemas.xmlsoap.org/wsdl\">\n</w:definitions>\n",
    );
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 1,
            column: 1,
            message: "found `definitions` in the namespace `http://schemas.xmlsoap.org/wsdl`",
            source: r#"<w:definitions xmlns:w="http://schemas.xmlsoap.org/wsdl">"#,
            at: "<w:definitions ",
            hint: Some("the namespace of wsdl:definitions is `http://schemas.xmlsoap.org/wsdl/`"),
        },
    );
    // A schema inside wsdl:types without its namespace would be missed.
    let line = r#"    <schema targetNamespace="urn:t" elementFormDefault="qualified">"#;
    let text = template_with(
        r#"    <s:schema targetNamespace="urn:t" elementFormDefault="qualified">"#,
        line,
    );
    let text = edit(&text, "    </s:schema>", "    </schema>");
    let path = write(&dir, "types.wsdl", text);
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 5,
            column: 5,
            message: "this `schema` inside wsdl:types is in no namespace, not in the XML Schema namespace",
            source: line,
            at: "<schema ",
            hint: Some(r#"add xmlns="http://www.w3.org/2001/XMLSchema" to it"#),
        },
    );
}

#[test]
fn mime_attachment_parts_are_left_out_with_a_note() {
    let dir = temp_dir("mime");
    let text = template_with(
        r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>"#,
        r#"  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /><wsdl:part name="img" type="s:base64Binary" /></wsdl:message>"#,
    );
    let input = |parts: &str| {
        format!(
            r#"      <wsdl:input><mime:multipartRelated xmlns:mime="http://schemas.xmlsoap.org/wsdl/mime/"><mime:part><soap:body{parts} use="literal" /></mime:part><mime:part><mime:content part="img" type="image/jpeg" /></mime:part></mime:multipartRelated></wsdl:input>"#
        )
    };
    let body = r#"      <wsdl:input><soap:body use="literal" /></wsdl:input>"#;
    // soap:body parts= lists the Body's parts: `img` is an attachment.
    let line = input(r#" parts="parameters""#);
    let path = write(&dir, "parts.wsdl", edit(&text, body, &line));
    let generated = soapgen::configure()
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        generated.notes,
        vec![format!(
            "{}:22:{}: part `img` of operation `Op` is a MIME attachment, which soapgen does not support; it is left out",
            path.display(),
            column_of(&line, "<mime:content", 0)
        )]
    );
    // Without parts=, every part is in the Body: `img` too, with notes saying so.
    let line = input("");
    let path = write(&dir, "all.wsdl", edit(&text, body, &line));
    let notes = notes_of(&path);
    assert_note(
        &notes,
        &format!(
            "{}:22:{}: part `img` of operation `Op` is bound to MIME content, and to the SOAP Body too (its soap:body has no parts=): it is read and written in the Body only, as soapgen does not support MIME attachments",
            path.display(),
            column_of(&line, "<mime:content", 0)
        ),
    );
    assert!(
        notes.iter().any(|n| n
            .contains("part `img` of document-style operation `Op` has type= instead of element=")),
        "{notes:#?}"
    );
    assert_eq!(notes.len(), 2, "{notes:#?}");
    // Without a soap:body, what is bound to MIME content is an attachment; a part with several
    // MIME types is noted once.
    let line = r#"      <wsdl:input><mime:multipartRelated xmlns:mime="http://schemas.xmlsoap.org/wsdl/mime/"><mime:part><mime:content part="img" type="image/jpeg" /><mime:content part="img" type="image/png" /></mime:part></mime:multipartRelated></wsdl:input>"#;
    let path = write(&dir, "nobody.wsdl", edit(&text, body, line));
    assert_eq!(
        notes_of(&path),
        vec![format!(
            "{}:22:{}: part `img` of operation `Op` is a MIME attachment, which soapgen does not support; it is left out",
            path.display(),
            column_of(line, "<mime:content", 0)
        )]
    );
}

#[test]
fn operations_a_server_cannot_tell_apart_are_noted() {
    // A second operation, `Again`, with the same body element and SOAPAction as `Op`.
    let text = template_with(
        "    </wsdl:operation>\n  </wsdl:portType>",
        "    </wsdl:operation>\n    <wsdl:operation name=\"Again\"><wsdl:input message=\"tns:In\" /><wsdl:output message=\"tns:Out\" /></wsdl:operation></wsdl:portType>",
    );
    let text = edit(
        &text,
        "    </wsdl:operation>\n  </wsdl:binding>",
        "    </wsdl:operation>\n    <wsdl:operation name=\"Again\"><soap:operation soapAction=\"urn:t/Op\" /><wsdl:input><soap:body use=\"literal\" /></wsdl:input><wsdl:output><soap:body use=\"literal\" /></wsdl:output></wsdl:operation></wsdl:binding>",
    );
    let dir = temp_dir("unroutable");
    let path = write(&dir, "twins.wsdl", text);
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:17:5: operation `Again` shares its SOAPAction and body element with an earlier operation of service `S`: the generated server cannot tell its requests apart and routes them to the earlier one (the client calls it as declared)",
            path.display()
        ),
    );
}

#[test]
fn xsd11_override_is_refused() {
    let dir = temp_dir("override");
    let line = r#"      <s:override schemaLocation="base.xsd" />"#;
    let path = write(&dir, "override.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: 7,
            message: "xs:override is XML Schema 1.1, which soapgen does not support",
            source: r#"      <s:override schemaLocation="base.xsd" />"#,
            at: "<s:override",
            hint: Some("for XML Schema 1.0, use xs:redefine (the redefinitions may refer to the originals by their own name), or xs:include the file and edit the definitions"),
        },
    );
}

#[test]
fn a_body_part_heading_a_substitution_group_is_a_choice_of_the_group() {
    let line = r#"      <s:element name="Op"><s:complexType /></s:element><s:element name="Other" substitutionGroup="tns:Op" />"#;
    let dir = temp_dir("part-head");
    let path = write(&dir, "head.wsdl", template_with(OP_ELEMENT, line));
    let generated = soapgen::configure()
        .generate(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(generated.notes.is_empty(), "{:#?}", generated.notes);
    assert!(
        generated.code.contains("pub enum OpGroup"),
        "{}",
        generated.code
    );
}

#[test]
fn schema_component_outside_the_xsd_namespace() {
    // The WSDL namespace as the schema's default namespace puts unprefixed components there.
    let line = r#"      <s:element name="Op"><s:complexType /></s:element><simpleType name="When" xmlns="http://schemas.xmlsoap.org/wsdl/" />"#;
    let dir = temp_dir("foreign-component");
    let path = write(&dir, "foreign.wsdl", template_with(OP_ELEMENT, line));
    check(
        &input_error(&path),
        Expected {
            file: &path,
            line: 6,
            column: column_of(line, "<simpleType", 0),
            message: "`simpleType` inside xs:schema is in namespace `http://schemas.xmlsoap.org/wsdl/`, not in the XML Schema namespace",
            source: line,
            at: "<simpleType",
            hint: Some("check the schema's default namespace (xmlns=) or the element's prefix"),
        },
    );
}

#[test]
fn the_conversion_hint_names_the_declared_encoding() {
    let dir = temp_dir("cp1252");
    let text = template_with(
        r#"<?xml version="1.0"?>"#,
        r#"<?xml version="1.0" encoding='windows-1252'?>"#,
    );
    let text = edit(
        &text,
        r#"  <wsdl:portType name="P">"#,
        r#"  <wsdl:portType name="P"><wsdl:documentation>Caf#</wsdl:documentation>"#,
    );
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|&b| b == b'#').unwrap();
    bytes[at] = 0xE9;
    let path = write(&dir, "cp1252.wsdl", &bytes);
    let d = input_error(&path);
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("iconv -f windows-1252 -t UTF-8")),
        "{d}"
    );
    // UTF-16 is told by its byte-order mark.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(TEMPLATE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let path = write(&dir, "utf16.wsdl", &utf16);
    let d = input_error(&path);
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("iconv -f UTF-16 -t UTF-8")),
        "{d}"
    );
}

#[test]
fn a_remote_import_is_skipped_when_a_local_schema_supplies_its_namespace() {
    let dir = temp_dir("remote-and-local");
    write(
        &dir,
        "b.xsd",
        "<s:schema xmlns:s=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:b\">\n  <s:element name=\"item\" type=\"s:string\" />\n</s:schema>\n",
    );
    let line = r#"      <s:import namespace="urn:b" schemaLocation="http://example.com/b.xsd" /><s:import namespace="urn:b" schemaLocation="b.xsd" /><s:element name="Op"><s:complexType /></s:element>"#;
    let path = write(&dir, "both.wsdl", template_with(OP_ELEMENT, line));
    assert_note(
        &notes_of(&path),
        &format!(
            "{}:6:7: the remote import `http://example.com/b.xsd` is not fetched: a local schema supplies its namespace `urn:b`",
            path.display()
        ),
    );
    // Without the local one, the remote import is the error it always was.
    let line = r#"      <s:import namespace="urn:b" schemaLocation="http://example.com/b.xsd" /><s:element name="Op"><s:complexType /></s:element>"#;
    let path = write(&dir, "remote.wsdl", template_with(OP_ELEMENT, line));
    let d = input_error(&path);
    assert!(
        d.message
            .contains("is a remote location; soapgen never downloads"),
        "{d}"
    );
}
