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
