//! `soapgen doc`: the operation page printed byte for byte as the seed ASMX help page, the
//! service page, HTML, and the exit code 2 with a clear message for bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn soapgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soapgen"))
        .args(args)
        .output()
        .expect("soapgen runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bundled_wsdl() -> String {
    repo()
        .join("wsdl/AccountManagementService.wsdl")
        .to_string_lossy()
        .into_owned()
}

/// The seed help page, read in place from `../shared` beside the clone; required under CI.
fn seed() -> Option<String> {
    let path =
        repo().join("../shared/seed/AccountManagementService.ChangeBackupAccountEmail.help.txt");
    if path.exists() {
        return Some(std::fs::read_to_string(path).unwrap());
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is missing; CI must run with ../shared beside the clone",
            path.display()
        );
    }
    eprintln!(
        "SKIPPED: {} is not present beside this clone",
        path.display()
    );
    None
}

#[test]
fn operation_page_text_is_the_seed_byte_for_byte() {
    let Some(seed) = seed() else {
        return;
    };
    let out = soapgen(&[
        "doc",
        &bundled_wsdl(),
        "--operation",
        "ChangeBackupAccountEmail",
        "--format",
        "text",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), seed);
}

#[test]
fn service_page_and_html() {
    let out = soapgen(&["doc", &bundled_wsdl()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("AccountManagementService\n\n\nThe following operations are supported.")
    );
    assert!(text.ends_with(
        "GetAuthorizationTokenByEntity\nReturns a single-use sign-in token for MyAccount / Partner Dashboard for the named user (optionally an app user)"
    ));
    // After the title and the introduction, one paragraph per operation.
    assert_eq!(text.split("\n\n").count(), 12, "{text}");

    let out = soapgen(&[
        "doc",
        &bundled_wsdl(),
        "--operation",
        "Authenticate",
        "--format",
        "html",
    ]);
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("<h2>Authenticate</h2>"));
    assert!(html.contains(
        "&lt;accountStatus&gt;<span class=\"value\">Active</span> or <span class=\"value\">Cancelled</span>"
    ));
    assert!(html.contains("&lt;AuthenticateResult /&gt;"));
    assert!(!html.contains("<script"));
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let out = soapgen(&[
        "doc",
        &bundled_wsdl(),
        "--operation",
        "changeBackupAccountEmail",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("service `AccountManagementService` has no operation named `changeBackupAccountEmail` (did you mean `ChangeBackupAccountEmail`?"),
        "{err}"
    );
    assert!(
        err.contains("its operations are: Authenticate, ChangeAccountEmail"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let out = soapgen(&["doc", &bundled_wsdl(), "--service", "Nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the WSDL's services are: AccountManagementService"));

    let dir = std::env::temp_dir().join(format!("soapgen-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.wsdl");
    std::fs::write(
        &broken,
        "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\">\n  <wsdl:types>\n</wsdl:definitions>\n",
    )
    .unwrap();
    let out = soapgen(&["doc", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3:", broken.display())), "{err}");
    assert!(err.contains("not well-formed XML"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A WSDL exercising the sample rules: extension and recursion to the depth limit, repeated
/// elements, a list of an enumeration, a restricted string, QName, an untyped element, a choice,
/// a wildcard, an enumerated attribute; SOAP 1.2 only, and a one-way operation.
const RULES_WSDL: &str = r###"<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:tns="urn:t" targetNamespace="urn:t">
  <wsdl:types>
    <s:schema targetNamespace="urn:t" elementFormDefault="qualified">
      <s:element name="Op">
        <s:complexType>
          <s:sequence>
            <s:element name="node" type="tns:Node" />
            <s:element name="codes" type="tns:CodeList" />
            <s:element name="short" type="tns:Short" />
            <s:element name="q" type="s:QName" />
            <s:element name="anything" />
            <s:choice>
              <s:element name="a" type="s:int" />
              <s:element name="b" type="s:long" />
            </s:choice>
            <s:any namespace="##other" processContents="lax" />
          </s:sequence>
          <s:attribute name="mode" type="tns:Mode" use="required" />
        </s:complexType>
      </s:element>
      <s:complexType name="Base">
        <s:sequence><s:element name="id" type="s:int" /></s:sequence>
      </s:complexType>
      <s:complexType name="Node">
        <s:complexContent>
          <s:extension base="tns:Base">
            <s:sequence><s:element name="child" type="tns:Node" minOccurs="0" maxOccurs="unbounded" /></s:sequence>
          </s:extension>
        </s:complexContent>
      </s:complexType>
      <s:simpleType name="Mode"><s:restriction base="s:string"><s:enumeration value="fast" /><s:enumeration value="safe" /></s:restriction></s:simpleType>
      <s:simpleType name="CodeList"><s:list itemType="tns:Mode" /></s:simpleType>
      <s:simpleType name="Short"><s:restriction base="s:string"><s:maxLength value="5" /></s:restriction></s:simpleType>
      <s:element name="OpResponse"><s:complexType /></s:element>
      <s:element name="Note" type="s:string" />
    </s:schema>
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op" /></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:OpResponse" /></wsdl:message>
  <wsdl:message name="NoteIn"><wsdl:part name="parameters" element="tns:Note" /></wsdl:message>
  <wsdl:portType name="P">
    <wsdl:operation name="Op"><wsdl:documentation>Does &lt;everything&gt;
      at once.</wsdl:documentation><wsdl:input message="tns:In" /><wsdl:output message="tns:Out" /></wsdl:operation>
    <wsdl:operation name="Notify"><wsdl:input message="tns:NoteIn" /></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="B" type="tns:P">
    <soap12:binding transport="http://schemas.xmlsoap.org/soap/http" />
    <wsdl:operation name="Op"><soap12:operation soapAction="urn:t/Op" style="document" />
      <wsdl:input><soap12:body use="literal" /></wsdl:input><wsdl:output><soap12:body use="literal" /></wsdl:output></wsdl:operation>
    <wsdl:operation name="Notify"><soap12:operation soapAction="urn:t/Notify" style="document" />
      <wsdl:input><soap12:body use="literal" /></wsdl:input></wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="Rules">
    <wsdl:port name="p" binding="tns:B"><soap12:address location="http://localhost:8080/svc" /></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
"###;

#[test]
fn samples_follow_the_aspnet_rules() {
    let dir = std::env::temp_dir().join(format!("soapgen-doc-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wsdl = dir.join("rules.wsdl");
    std::fs::write(&wsdl, RULES_WSDL).unwrap();
    let wsdl = wsdl.to_str().unwrap();
    let out = soapgen(&["doc", wsdl, "--operation", "Op"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.contains("\n\nOp\n\nDoes <everything> at once.\n\nTest\n\n"),
        "{page}"
    );
    assert!(
        !page.contains("SOAP 1.1"),
        "only the SOAP 1.2 binding: {page}"
    );
    assert!(page.contains("POST /svc HTTP/1.1\nHost: localhost:8080\nContent-Type: application/soap+xml; charset=utf-8\nContent-Length: length\n\n"));
    let expected = r#"    <Op mode="fast or safe" xmlns="urn:t">
      <node>
        <id>int</id>
        <child>
          <id>int</id>
          <child>
            <id>int</id>
            <child xsi:nil="true" />
            <child xsi:nil="true" />
          </child>
          <child>
            <id>int</id>
            <child xsi:nil="true" />
            <child xsi:nil="true" />
          </child>
        </child>
        <child>
          <id>int</id>
          <child>
            <id>int</id>
            <child xsi:nil="true" />
            <child xsi:nil="true" />
          </child>
          <child>
            <id>int</id>
            <child xsi:nil="true" />
            <child xsi:nil="true" />
          </child>
        </child>
      </node>
      <codes>fast or safe</codes>
      <short>string</short>
      <q xmlns:q1="http://tempuri.org/SampleNamespace">q1:QName</q>
      <anything />
      <a>int</a>
      <b>long</b>xml</Op>
  </soap12:Body>"#;
    assert!(page.contains(expected), "{page}");
    assert!(page.contains("  <soap12:Body>\n    <OpResponse xmlns=\"urn:t\" />\n  </soap12:Body>"));

    let out = soapgen(&["doc", wsdl, "--operation", "Notify"]);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("<Note xmlns=\"urn:t\">string</Note>"));
    assert!(
        page.ends_with("</soap12:Envelope>\nHTTP/1.1 202 Accepted"),
        "{page}"
    );

    let out = soapgen(&["doc", wsdl]);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.ends_with("\n\nNotify\n\nOp\nDoes <everything> at once."),
        "{page}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
