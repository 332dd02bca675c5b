//! The `soapgen` command line: generation to stdout and to a file, `--check`, and the exit
//! codes and `file:line:col` diagnostics for bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn soapgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soapgen"))
        .args(args)
        .output()
        .expect("soapgen runs")
}

fn bundled_wsdl() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../wsdl/AccountManagementService.wsdl")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("soapgen-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const MINIMAL_HEAD: &str = r#"<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:s="http://www.w3.org/2001/XMLSchema"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:t" targetNamespace="urn:t">
"#;

fn wsdl_with(dir: &Path, name: &str, types: &str) -> PathBuf {
    let text = format!(
        r#"{MINIMAL_HEAD}  <wsdl:types>
    <s:schema targetNamespace="urn:t" elementFormDefault="qualified">
{types}
    </s:schema>
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:OpResponse" /></wsdl:message>
  <wsdl:portType name="P"><wsdl:operation name="Op"><wsdl:input message="tns:In" /><wsdl:output message="tns:Out" /></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" />
    <wsdl:operation name="Op"><soap:operation soapAction="urn:t/Op" style="document" />
      <wsdl:input><soap:body use="literal" /></wsdl:input><wsdl:output><soap:body use="literal" /></wsdl:output></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>
"#
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn generates_to_stdout_the_same_as_the_library() {
    let out = soapgen(&["generate", bundled_wsdl().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let library = soapgen::configure().generate(bundled_wsdl()).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), library.code);
}

#[test]
fn check_reports_fresh_and_stale_files() {
    let dir = temp_dir("check");
    let file = dir.join("ams.rs");
    let wsdl = bundled_wsdl();
    let wsdl = wsdl.to_str().unwrap();
    let f = file.to_str().unwrap();
    assert!(soapgen(&["generate", wsdl, "-o", f]).status.success());
    let fresh = soapgen(&["generate", wsdl, "-o", f, "--check"]);
    assert_eq!(
        fresh.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fresh.stderr)
    );

    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("pub struct AuthHeader", "pub struct AuthHeaderOld", 1),
    )
    .unwrap();
    let stale = soapgen(&["generate", wsdl, "-o", f, "--check"]);
    assert_eq!(stale.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert!(
        stderr.contains("stale") && stderr.contains("1 line(s) differ"),
        "{stderr}"
    );
    assert!(stderr.contains("AuthHeaderOld"), "{stderr}");
    // --check never writes.
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("AuthHeaderOld"));
}

#[test]
fn undefined_type_is_reported_with_position_and_hint() {
    let dir = temp_dir("undefined");
    let wsdl = wsdl_with(
        &dir,
        "bad.wsdl",
        r#"      <s:element name="Op"><s:complexType><s:sequence>
        <s:element name="x" type="tns:Missing" />
      </s:sequence></s:complexType></s:element>
      <s:element name="OpResponse"><s:complexType /></s:element>"#,
    );
    let out = soapgen(&["generate", wsdl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.wsdl:7:9"), "{stderr}");
    assert!(
        stderr.contains("type `{urn:t}Missing` is not defined"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn malformed_xml_is_reported_with_position() {
    let dir = temp_dir("malformed");
    let path = dir.join("broken.wsdl");
    std::fs::write(&path, "<?xml version=\"1.0\"?>\n<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\">\n  <oops>\n</wsdl:definitions>\n").unwrap();
    let out = soapgen(&["generate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.wsdl:4:"), "{stderr}");
    assert!(stderr.contains("not well-formed"), "{stderr}");
}

#[test]
fn remote_import_asks_for_a_mapping() {
    let dir = temp_dir("remote");
    let wsdl = wsdl_with(
        &dir,
        "remote.wsdl",
        r#"      <s:import namespace="urn:other" schemaLocation="https://example.invalid/other.xsd" />
      <s:element name="Op"><s:complexType /></s:element>
      <s:element name="OpResponse"><s:complexType /></s:element>"#,
    );
    let out = soapgen(&["generate", wsdl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("remote.wsdl:6:7"), "{stderr}");
    assert!(
        stderr.contains("--map https://example.invalid/other.xsd=PATH"),
        "{stderr}"
    );

    // Mapped to a local file, it loads.
    let local = dir.join("other.xsd");
    std::fs::write(
        &local,
        r#"<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:other" />"#,
    )
    .unwrap();
    let mapping = format!("https://example.invalid/other.xsd={}", local.display());
    let out = soapgen(&["generate", wsdl.to_str().unwrap(), "--map", &mapping]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn missing_import_names_the_importing_position() {
    let dir = temp_dir("missing");
    let wsdl = wsdl_with(
        &dir,
        "missing.wsdl",
        r#"      <s:include schemaLocation="not-there.xsd" />
      <s:element name="Op"><s:complexType /></s:element>
      <s:element name="OpResponse"><s:complexType /></s:element>"#,
    );
    let out = soapgen(&["generate", wsdl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("missing.wsdl:6:7") && stderr.contains("not-there.xsd"),
        "{stderr}"
    );
}

#[test]
fn operation_filter_keeps_only_what_is_reached() {
    let wsdl = bundled_wsdl();
    let out = soapgen(&[
        "generate",
        wsdl.to_str().unwrap(),
        "--operation",
        "ChangeBackupAccountEmail",
    ]);
    assert!(out.status.success());
    let code = String::from_utf8(out.stdout).unwrap();
    assert!(code.contains("pub async fn change_backup_account_email"));
    assert!(!code.contains("pub async fn authenticate"));
    assert!(!code.contains("pub enum AccountStatus"));
    let unknown = soapgen(&[
        "generate",
        wsdl.to_str().unwrap(),
        "--operation",
        "NoSuchOp",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn every_imported_file_is_reported_once_even_with_cycles() {
    let dir = temp_dir("imports");
    std::fs::write(
        dir.join("a.xsd"),
        r#"<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns:tns="urn:t" elementFormDefault="qualified">
  <s:include schemaLocation="b.xsd" />
  <s:element name="Op"><s:complexType><s:sequence><s:element name="v" type="tns:B" /></s:sequence></s:complexType></s:element>
  <s:element name="OpResponse"><s:complexType /></s:element>
</s:schema>"#,
    )
    .unwrap();
    // b.xsd has no targetNamespace (a chameleon include) and includes a.xsd back (a cycle).
    std::fs::write(
        dir.join("b.xsd"),
        r#"<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema">
  <s:include schemaLocation="a.xsd" />
  <s:simpleType name="B"><s:restriction base="s:string"><s:enumeration value="x" /></s:restriction></s:simpleType>
</s:schema>"#,
    )
    .unwrap();
    let wsdl = wsdl_with(
        &dir,
        "imports.wsdl",
        r#"      <s:include schemaLocation="a.xsd" />"#,
    );
    let generated = soapgen::configure().generate(&wsdl).unwrap();
    let names: Vec<String> = generated
        .files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["imports.wsdl", "a.xsd", "b.xsd"]);
    assert!(
        generated.code.contains("pub enum B {"),
        "{}",
        generated.code
    );
}

/// Runs the CLI on `path` and checks it fails with exit code 2, a `file:line:col` position and
/// a message containing `message`; also checks the build.rs API returns an `Err` with the same
/// text and writes nothing. Returns stderr.
fn assert_input_error(path: &Path, position: &str, message: &str, hint: bool) -> String {
    let out = soapgen(&["generate", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
    assert!(stderr.contains(position), "{position} not in {stderr}");
    assert!(stderr.contains(message), "{message} not in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    if hint {
        assert!(stderr.contains("hint:"), "{stderr}");
    }
    let out_dir = path.with_extension("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let result = soapgen::configure()
        .out_dir(&out_dir)
        .emit_rerun_if_changed(false)
        .compile(path);
    match result {
        Err(soapgen::Error::Input(diagnostic)) => {
            assert!(diagnostic.to_string().contains(message), "{diagnostic}");
            assert!(diagnostic.location.line >= 1 && diagnostic.location.column >= 1);
        }
        other => panic!("{}: {other:?}", path.display()),
    }
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        0,
        "wrote output"
    );
    stderr
}

const MINIMAL_ELEMENTS: &str = r#"      <s:element name="Op"><s:complexType /></s:element>
      <s:element name="OpResponse"><s:complexType /></s:element>"#;

#[test]
fn unresolved_references_of_every_kind_are_positioned_errors() {
    let dir = temp_dir("unresolved");
    let full = std::fs::read_to_string(wsdl_with(&dir, "base.wsdl", MINIMAL_ELEMENTS)).unwrap();
    let cases = [
        (
            "message.wsdl",
            full.replace(r#"<wsdl:input message="tns:In" />"#, r#"<wsdl:input message="tns:Nope" />"#),
            "message `{urn:t}Nope` is not defined",
        ),
        (
            "porttype.wsdl",
            full.replace(r#"type="tns:P""#, r#"type="tns:Nope""#),
            "port type `{urn:t}Nope` is not defined",
        ),
        (
            "element.wsdl",
            full.replace(r#"element="tns:Op""#, r#"element="tns:Nope""#),
            "`{urn:t}Nope` is not defined",
        ),
        (
            "ref.wsdl",
            full.replace(
                r#"<s:element name="Op"><s:complexType /></s:element>"#,
                r#"<s:element name="Op"><s:complexType><s:sequence><s:element ref="tns:Nope" /></s:sequence></s:complexType></s:element>"#,
            ),
            "element `{urn:t}Nope` is not defined",
        ),
        (
            "base.wsdl",
            full.replace(
                r#"<s:element name="Op"><s:complexType /></s:element>"#,
                r#"<s:element name="Op"><s:complexType><s:complexContent><s:extension base="tns:Nope" /></s:complexContent></s:complexType></s:element>"#,
            ),
            "type `{urn:t}Nope` is not defined",
        ),
        (
            "prefix.wsdl",
            full.replace(r#"element="tns:Op""#, r#"element="nowhere:Op""#),
            "prefix `nowhere`",
        ),
        (
            "group.wsdl",
            full.replace(
                r#"<s:element name="Op"><s:complexType /></s:element>"#,
                r#"<s:element name="Op"><s:complexType><s:group ref="tns:Nope" /></s:complexType></s:element>"#,
            ),
            "`{urn:t}Nope`",
        ),
        (
            "circular.wsdl",
            full.replace(
                r#"<s:element name="Op"><s:complexType /></s:element>"#,
                r#"<s:complexType name="A"><s:complexContent><s:extension base="tns:B" /></s:complexContent></s:complexType>
      <s:complexType name="B"><s:complexContent><s:extension base="tns:A" /></s:complexContent></s:complexType>
      <s:element name="Op" type="tns:A" />"#,
            ),
            "circular",
        ),
    ];
    for (name, text, message) in cases {
        assert_ne!(text, full, "{name}: the replacement did not apply");
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        assert_input_error(&path, &format!("{name}:"), message, true);
    }
}

#[test]
fn malformed_and_hostile_documents_are_positioned_errors() {
    let dir = temp_dir("hostile");
    let valid = std::fs::read_to_string(wsdl_with(&dir, "valid.wsdl", MINIMAL_ELEMENTS)).unwrap();
    let mut bomb =
        String::from("<?xml version=\"1.0\"?><!DOCTYPE wsdl:definitions [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        bomb.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    bomb.push_str("]>");
    let with_doc = |doc: &str| {
        valid.replacen(
            r#"<s:element name="Op">"#,
            &format!(r#"<s:element name="Op"><s:annotation><s:documentation>{doc}</s:documentation></s:annotation>"#),
            1,
        )
    };
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("empty.wsdl", Vec::new(), "empty.wsdl:1:1", "not well-formed XML"),
        ("binary.wsdl", b"\x00\x01\x02\x03".to_vec(), "binary.wsdl:1:1", "not well-formed XML"),
        ("html.wsdl", b"<html><body/></html>".to_vec(), "html.wsdl:1:1", "expected wsdl:definitions"),
        (
            "bomb.wsdl",
            with_doc("&lol9;").replacen("<?xml version=\"1.0\"?>", &bomb, 1).into_bytes(),
            "bomb.wsdl:1:",
            "entity",
        ),
        (
            "xxe.wsdl",
            with_doc("&xxe;")
                .replacen(
                    "<?xml version=\"1.0\"?>",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                    1,
                )
                .into_bytes(),
            "xxe.wsdl:6:",
            "entity",
        ),
        (
            "latin1.wsdl",
            {
                let mut bytes = valid.replacen("urn:t/Op", "urn:t/Op-X", 1).into_bytes();
                let at = bytes.windows(4).position(|w| w == b"Op-X").unwrap() + 3;
                bytes[at] = 0xE9;
                bytes
            },
            "latin1.wsdl:14:68",
            "not UTF-8",
        ),
        (
            "truncated.wsdl",
            valid.as_bytes()[..valid.len() / 2].to_vec(),
            "truncated.wsdl:",
            "not well-formed XML",
        ),
    ];
    for (name, bytes, position, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let stderr = assert_input_error(&path, position, message, true);
        assert!(!stderr.contains("root:"), "a local file leaked: {stderr}");
    }
}

/// `levels` nested anonymous complex types inside the `Op` element.
fn nested_types(levels: usize) -> String {
    format!(
        r#"      <s:element name="Op">{}{}</s:element>
      <s:element name="OpResponse"><s:complexType /></s:element>"#,
        r#"<s:complexType><s:sequence><s:element name="x">"#.repeat(levels),
        r#"</s:element></s:sequence></s:complexType>"#.repeat(levels)
    )
}

#[test]
fn deep_nesting_is_refused_instead_of_overflowing_the_stack() {
    let dir = temp_dir("deep");
    let deep = wsdl_with(&dir, "deep.wsdl", &nested_types(5000));
    assert_input_error(&deep, "deep.wsdl:6:", "nested more than 128 levels", true);
    // Just under the limit it generates, even on a test thread's small stack.
    let fine = wsdl_with(&dir, "fine.wsdl", &nested_types(40));
    let generated = soapgen::configure().generate(&fine).unwrap();
    assert!(
        generated.code.contains("pub struct Op"),
        "{}",
        generated.code
    );
}

#[test]
fn import_cycles_terminate_and_bad_locations_are_positioned_errors() {
    let dir = temp_dir("cycles");
    // A WSDL importing itself and a schema including itself: each file is read once.
    let selfish = wsdl_with(
        &dir,
        "selfish.wsdl",
        &format!("      <s:include schemaLocation=\"selfish.wsdl\" />\n{MINIMAL_ELEMENTS}"),
    );
    let text = std::fs::read_to_string(&selfish).unwrap().replace(
        "</wsdl:definitions>",
        "<wsdl:import namespace=\"urn:t\" location=\"selfish.wsdl\" /></wsdl:definitions>",
    );
    std::fs::write(&selfish, text).unwrap();
    let generated = soapgen::configure().generate(&selfish).unwrap();
    assert_eq!(generated.files.len(), 1, "{:?}", generated.files);

    // A directory where a schema is expected, and a missing root file.
    let dir_import = wsdl_with(
        &dir,
        "dir.wsdl",
        &format!("      <s:include schemaLocation=\".\" />\n{MINIMAL_ELEMENTS}"),
    );
    assert_input_error(
        &dir_import,
        "dir.wsdl:6:7",
        "cannot read imported file",
        true,
    );
    let missing = dir.join("no-such.wsdl");
    let out = soapgen(&["generate", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no-such.wsdl") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert!(matches!(
        soapgen::configure().generate(&missing),
        Err(soapgen::Error::Io { .. })
    ));
}

#[test]
fn no_pages_leaves_the_service_description_out() {
    let wsdl = bundled_wsdl();
    let with = soapgen(&["generate", wsdl.to_str().unwrap()]);
    let without = soapgen(&["generate", wsdl.to_str().unwrap(), "--no-pages"]);
    assert!(with.status.success() && without.status.success());
    let (with, without) = (
        String::from_utf8(with.stdout).unwrap(),
        String::from_utf8(without.stdout).unwrap(),
    );
    assert!(with.contains("DescribeService"));
    assert!(!without.contains("DescribeService"));
    assert!(without.contains("impl<S: AccountManagementService> rt::SoapDispatch"));
}

#[test]
fn wsdl_with_only_http_bindings_is_an_error_and_writes_nothing() {
    // soapgen used to exit 0 here, writing a file with nothing but an (unused) import.
    let dir = temp_dir("http-only");
    let full = std::fs::read_to_string(wsdl_with(&dir, "base.wsdl", MINIMAL_ELEMENTS)).unwrap();
    let text = full
        .replace(
            r#"<soap:binding transport="http://schemas.xmlsoap.org/soap/http" />"#,
            r#"<http:binding verb="GET" xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" />"#,
        )
        .replace(
            r#"<soap:operation soapAction="urn:t/Op" style="document" />"#,
            r#"<http:operation location="/Op" xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" />"#,
        )
        .replace(r#"<soap:body use="literal" />"#, "");
    assert!(!text.contains("soap:"), "{text}");
    let path = dir.join("http.wsdl");
    std::fs::write(&path, text).unwrap();
    let stderr = assert_input_error(
        &path,
        "http.wsdl:13:3:",
        "no binding of this WSDL is a SOAP binding",
        true,
    );
    assert!(stderr.contains("only HTTP bindings"), "{stderr}");
    let output = dir.join("http.rs");
    let out = soapgen(&[
        "generate",
        path.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!output.exists(), "wrote {}", output.display());
}
