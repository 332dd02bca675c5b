//! The generated server against hostile requests (issue 5, server side).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use generated_example::demo::DemoService;
use generated_example::AccountManagementServiceServer;
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::server::axum::{router_with_config, serve_with, ConnectionConfig};
use soapgen_runtime::server::ServerConfig;
use soapgen_runtime::xml::Limits;
use soapgen_runtime::{Fault, IncomingRequest, Message, SoapDispatch, SoapVersion};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

use super::raw::{
    closes_within, exchange, parse_response, post, read_to_close, RawResponse, GIVE_UP,
};
use crate::support::PATH;

const NS11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const NS12: &str = "http://www.w3.org/2003/05/soap-envelope";
const ACTION: &str = "sosonlinebackup.com/ChangeBackupAccountEmail";

/// Fails the generated dispatcher's way on purpose: a request whose body contains
/// `PANIC-NOW` panics inside the handler, one with `FAIL-NOW` returns a Server fault; anything
/// else goes to the generated server with the demo service.
struct Unreliable(AccountManagementServiceServer<Arc<DemoService>>);

impl SoapDispatch for Unreliable {
    async fn dispatch(&self, request: IncomingRequest) -> Result<String, Fault> {
        let text = request.message.text();
        if text.contains("PANIC-NOW") {
            panic!("the service implementation panicked");
        }
        if text.contains("FAIL-NOW") {
            return Err(Fault::server("the backend is down"));
        }
        self.0.dispatch(request).await
    }
}

/// Starts the generated server (demo service, credentials admin/secret) with the given
/// limits; returns its address.
async fn start(config: ServerConfig, connections: ConnectionConfig) -> SocketAddr {
    let service = Unreliable(AccountManagementServiceServer::new(Arc::new(
        DemoService::new("admin", "secret"),
    )));
    let router = router_with_config(PATH, service, config);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve_with(listener, router, connections));
    addr
}

async fn start_default() -> SocketAddr {
    start(ServerConfig::default(), ConnectionConfig::default()).await
}

fn ns(version: SoapVersion) -> &'static str {
    match version {
        SoapVersion::Soap11 => NS11,
        SoapVersion::Soap12 => NS12,
    }
}

/// An envelope in `version` with the demo credentials, `headers` after the AuthHeader and
/// `body` inside Body.
fn envelope(version: SoapVersion, headers: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><e:Envelope xmlns:e=\"{}\"><e:Header><AuthHeader xmlns=\"sosonlinebackup.com\"><UserName>admin</UserName><Password>secret</Password></AuthHeader>{headers}</e:Header><e:Body>{body}</e:Body></e:Envelope>",
        ns(version)
    )
}

/// The ChangeBackupAccountEmail body with `send` as SendEmailToCustomer.
fn change_email(send: &str) -> String {
    format!("<ChangeBackupAccountEmail xmlns=\"sosonlinebackup.com\"><request><Username>alice</Username><Email>a@example.com</Email><SendEmailToCustomer>{send}</SendEmailToCustomer></request></ChangeBackupAccountEmail>")
}

/// Posts `body` as `version` (with the ChangeBackupAccountEmail action).
async fn send(addr: SocketAddr, version: SoapVersion, body: &[u8]) -> RawResponse {
    send_action(addr, version, ACTION, body).await
}

/// Posts `body` as `version` with `action` (SOAPAction or the 1.2 `action` parameter).
async fn send_action(
    addr: SocketAddr,
    version: SoapVersion,
    action: &str,
    body: &[u8],
) -> RawResponse {
    let content_type = version.content_type_for(action);
    let action = format!("\"{action}\"");
    let mut headers = vec![("Content-Type", content_type.as_str())];
    if version == SoapVersion::Soap11 {
        headers.push(("SOAPAction", action.as_str()));
    }
    exchange(addr, &post(PATH, &headers, body)).await
}

/// The fault in a response, checking it is a well-formed envelope of `version` with the
/// version's Content-Type.
fn fault_in(response: &RawResponse, version: SoapVersion) -> Fault {
    let message = Message::parse(response.body.as_bytes(), Limits::default())
        .unwrap_or_else(|e| panic!("not an envelope ({e}): {}", response.body));
    assert_eq!(message.version(), version, "{}", response.body);
    assert_eq!(
        response.header("content-type"),
        Some(version.content_type())
    );
    message
        .fault()
        .unwrap()
        .unwrap_or_else(|| panic!("no fault: {}", response.body))
}

/// Asserts a Client (1.1, HTTP 500) / Sender (1.2, HTTP 400) fault whose reason contains
/// every string of `mentions`; returns the reason.
fn assert_client_fault(response: &RawResponse, version: SoapVersion, mentions: &[&str]) -> String {
    let expected_status = match version {
        SoapVersion::Soap11 => 500,
        SoapVersion::Soap12 => 400,
    };
    assert_eq!(response.status, expected_status, "{}", response.body);
    let fault = fault_in(response, version);
    assert_eq!(fault.code, FaultCode::Client, "{}", response.body);
    for m in mentions {
        assert!(fault.reason.contains(m), "{:?} lacks {m:?}", fault.reason);
    }
    fault.reason.clone()
}

/// Asserts the server still answers a valid request correctly.
async fn still_serving(addr: SocketAddr) {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let ok = send(
            addr,
            version,
            envelope(version, "", &change_email("true")).as_bytes(),
        )
        .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert!(
            ok.body.contains("ChangeBackupAccountEmailResponse"),
            "{}",
            ok.body
        );
    }
}

fn billion_laughs(version: SoapVersion) -> String {
    let mut dtd = String::from("<!DOCTYPE e:Envelope [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push(']');
    dtd.push('>');
    format!(
        "<?xml version=\"1.0\"?>{dtd}{}",
        &envelope(version, "", &change_email("true"))[38..]
    )
    .replace("alice", "&lol9;")
}

#[tokio::test]
async fn doctype_bombs_and_external_entities_are_refused_before_expansion() {
    let addr = start_default().await;
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let bomb = billion_laughs(version);
        assert!(bomb.contains("&lol9;") && bomb.contains("<!ENTITY lol9"));
        let r = send(addr, version, bomb.as_bytes()).await;
        assert_client_fault(&r, version, &["DOCTYPE"]);
        assert!(!r.body.contains("lollol"), "an entity was expanded");

        let xxe = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE e:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>{}",
            &envelope(version, "", &change_email("true"))[38..]
        )
        .replace("alice", "&xxe;");
        let r = send(addr, version, xxe.as_bytes()).await;
        assert_client_fault(&r, version, &["DOCTYPE"]);
        assert!(!r.body.contains("root:"), "a local file leaked: {}", r.body);
        // An undeclared entity without a DOCTYPE is an error too, never a lookup.
        let bare = envelope(version, "", &change_email("true")).replace("alice", "&xxe;");
        assert_client_fault(&send(addr, version, bare.as_bytes()).await, version, &[]);
    }
    still_serving(addr).await;
}

#[tokio::test]
async fn xml_limits_have_safe_defaults_and_are_configurable_per_server() {
    let default_server = start_default().await;
    let v = SoapVersion::Soap11;
    // Depth over the default 256.
    let deep = format!("{}{}", "<x>".repeat(300), "</x>".repeat(300));
    let body = envelope(
        v,
        "",
        &change_email("true").replace("<Username>", &format!("<Username>{deep}")),
    );
    let r = send(default_server, v, body.as_bytes()).await;
    assert_client_fault(&r, v, &["element depth", "256"]);

    let strict = ServerConfig {
        xml: Limits {
            max_depth: 8,
            max_attributes: 4,
            max_name_len: 32,
            max_text_len: 64,
            max_elements: 40,
            max_namespace_bindings: 8,
        },
        ..ServerConfig::default()
    };
    let addr = start(strict, ConnectionConfig::default()).await;
    // What the defaults accept, the strict server refuses, each limit by name.
    let cases: Vec<(String, &str)> = vec![
        (change_email("true").replace("<request>", "<request><a><b><c><d><e/></d></c></b></a>"), "element depth"),
        (change_email("true").replace("<request>", "<request a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\">"), "attributes per element"),
        (change_email("true").replace("<request>", &format!("<request><{n}/>", n = "n".repeat(40))), "name length"),
        (change_email("true").replace("alice", &"a".repeat(100)), "text length"),
        (change_email("true").replace("<request>", &format!("<request>{}", "<x/>".repeat(50))), "element count"),
        (change_email("true").replace("<request>", "<request xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" xmlns:c=\"urn:c\" xmlns:d=\"urn:d\"><x xmlns:e=\"urn:e\" xmlns:f=\"urn:f\" xmlns:g=\"urn:g\" xmlns:h=\"urn:h\"/>"), "namespace declarations"),
    ];
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        for (body, limit) in &cases {
            let request = envelope(version, "", body);
            let lenient = send(default_server, version, request.as_bytes()).await;
            assert_eq!(lenient.status, 200, "{limit}: {}", lenient.body);
            let r = send(addr, version, request.as_bytes()).await;
            assert_client_fault(&r, version, &["limit exceeded", limit]);
        }
    }
    still_serving(addr).await;
}

#[tokio::test]
async fn oversized_bodies_get_413_before_being_read() {
    let config = ServerConfig {
        max_body_bytes: 4096,
        ..ServerConfig::default()
    };
    let addr = start(config, ConnectionConfig::default()).await;
    let ok = envelope(SoapVersion::Soap11, "", &change_email("true"));
    assert_eq!(
        send(addr, SoapVersion::Soap11, ok.as_bytes()).await.status,
        200
    );

    // Announced as 100 MB and never sent: the answer comes at once from the headers.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!("POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/soap+xml\r\nContent-Length: 100000000\r\n\r\n<e:Envelope");
    stream.write_all(head.as_bytes()).await.unwrap();
    let r = parse_response(&read_to_close(&mut stream).await).expect("a response");
    assert_eq!(r.status, 413);
    assert_eq!(r.header("connection"), Some("close"));
    let fault = fault_in(&r, SoapVersion::Soap12);
    assert_eq!(fault.code, FaultCode::Client);
    assert!(fault.reason.contains("4096"), "{}", fault.reason);

    // Chunked, without a length: cut off at the limit.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!("POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 1024, " ".repeat(1024));
    for _ in 0..5 {
        if stream.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let r = parse_response(&read_to_close(&mut stream).await).expect("a response");
    assert_eq!(r.status, 413);
    assert_eq!(fault_in(&r, SoapVersion::Soap11).code, FaultCode::Client);
    still_serving(addr).await;
}

#[tokio::test]
async fn slow_and_stalled_clients_are_timed_out() {
    let config = ServerConfig {
        body_timeout: Duration::from_millis(300),
        ..ServerConfig::default()
    };
    let connections = ConnectionConfig {
        header_read_timeout: Duration::from_millis(300),
        ..ConnectionConfig::default()
    };
    let addr = start(config, connections).await;

    // Headers complete, body stalls half-way: 408 with a fault.
    let body = envelope(SoapVersion::Soap12, "", &change_email("true"));
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = post(
        PATH,
        &[("Content-Type", "application/soap+xml")],
        body.as_bytes(),
    );
    stream
        .write_all(&request[..request.len() - body.len() / 2])
        .await
        .unwrap();
    let r = parse_response(&read_to_close(&mut stream).await).expect("a response");
    assert_eq!(r.status, 408, "{}", r.body);
    let fault = fault_in(&r, SoapVersion::Soap12);
    assert_eq!(fault.code, FaultCode::Client);
    assert!(fault.reason.contains("300 ms"), "{}", fault.reason);

    // Headers trickle and stall (slowloris): the connection is closed, no request reaches the
    // service, and the server does not wait for it.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(format!("POST {PATH} HTTP/1.1\r\nHost: x\r\nX-Slow: ").as_bytes())
        .await
        .unwrap();
    assert!(
        closes_within(&mut stream, GIVE_UP).await,
        "a stalled client kept its connection"
    );

    // An idle connection is closed the same way.
    let mut idle = TcpStream::connect(addr).await.unwrap();
    assert!(
        closes_within(&mut idle, GIVE_UP).await,
        "an idle client kept its connection"
    );
    still_serving(addr).await;
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_instead_of_piling_up() {
    let connections = ConnectionConfig {
        max_connections: 1,
        ..ConnectionConfig::default()
    };
    let addr = start(ServerConfig::default(), connections).await;
    let holder = TcpStream::connect(addr).await.unwrap();
    let request = post(
        PATH,
        &[("Content-Type", "text/xml"), ("SOAPAction", ACTION)],
        envelope(SoapVersion::Soap11, "", &change_email("true")).as_bytes(),
    );
    let waiting = tokio::spawn(async move {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream.write_all(&request).await.unwrap();
        parse_response(&read_to_close(&mut stream).await)
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "served beyond max_connections");
    drop(holder);
    let r = tokio::time::timeout(GIVE_UP, waiting)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn malformed_bodies_get_client_faults() {
    let addr = start_default().await;
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let good = envelope(version, "", &change_email("true"));
        let cases: Vec<(Vec<u8>, &[&str])> = vec![
            (b"this is not XML".to_vec(), &["malformed XML"]),
            (
                good.replace("</e:Body>", "").into_bytes(),
                &["malformed XML"],
            ),
            (
                good.as_bytes()[..good.len() / 2].to_vec(),
                &["malformed XML"],
            ),
            (Vec::new(), &["malformed XML"]),
            (
                {
                    let mut b = good.clone().into_bytes();
                    let at = good.find("alice").unwrap();
                    b[at] = 0xff;
                    b
                },
                &["UTF-8"],
            ),
            (
                good.replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"")
                    .into_bytes(),
                &["ISO-8859-1"],
            ),
            (utf16(&good.replace("utf-8", "utf-16")), &["UTF-8"]),
            (
                b"<html><body>hello</body></html>".to_vec(),
                &["not a SOAP envelope", "html"],
            ),
            (
                format!(
                    "<e:Envelope xmlns:e=\"{}\"><e:Header/></e:Envelope>",
                    ns(version)
                )
                .into_bytes(),
                &["no Body"],
            ),
            (
                format!(
                    "<e:Envelope xmlns:e=\"{}\"><e:Body/></e:Envelope>",
                    ns(version)
                )
                .into_bytes(),
                &["Body"],
            ),
            (
                format!(
                    "<e:Envelope xmlns:e=\"{}\"><e:Body>{}</e:Body></e:Envelope><again/>",
                    ns(version),
                    change_email("true")
                )
                .into_bytes(),
                &["malformed XML"],
            ),
        ];
        for (body, mentions) in cases {
            let r = send(addr, version, &body).await;
            assert_client_fault(&r, version, mentions);
        }
    }
    // A body shorter than its Content-Length, then the client hangs up: nothing to answer,
    // and the server goes on.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!("POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 5000\r\n\r\n<e:Envelope");
    stream.write_all(head.as_bytes()).await.unwrap();
    drop(stream);
    still_serving(addr).await;
}

fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[tokio::test]
async fn version_mismatch_media_type_and_method() {
    let addr = start_default().await;
    // A SOAP 1.2 envelope as text/xml: a 1.1 VersionMismatch fault with the Upgrade header.
    let env12 = envelope(SoapVersion::Soap12, "", &change_email("true"));
    let r = send(addr, SoapVersion::Soap11, env12.as_bytes()).await;
    assert_eq!(r.status, 500);
    assert_eq!(
        fault_in(&r, SoapVersion::Soap11).code,
        FaultCode::VersionMismatch
    );
    assert!(
        r.body.contains("Upgrade") && r.body.contains("SupportedEnvelope"),
        "{}",
        r.body
    );
    // A SOAP 1.1 envelope as application/soap+xml: a 1.2 VersionMismatch with Upgrade.
    let env11 = envelope(SoapVersion::Soap11, "", &change_email("true"));
    let r = send(addr, SoapVersion::Soap12, env11.as_bytes()).await;
    assert_eq!(r.status, 500);
    let fault = fault_in(&r, SoapVersion::Soap12);
    assert_eq!(fault.code, FaultCode::VersionMismatch);
    assert_eq!(fault.code_name(SoapVersion::Soap12), "VersionMismatch");
    let message = Message::parse(r.body.as_bytes(), Limits::default()).unwrap();
    let upgrade = message.header_entries().next().expect("an Upgrade header");
    assert_eq!((upgrade.ns(), upgrade.local()), (NS12, "Upgrade"));
    // An unknown envelope namespace.
    let r = send(
        addr,
        SoapVersion::Soap12,
        env11.replace(NS11, "urn:soap-3").as_bytes(),
    )
    .await;
    assert_eq!(
        fault_in(&r, SoapVersion::Soap12).code,
        FaultCode::VersionMismatch
    );

    // Wrong or missing Content-Type: 415 with a fault.
    for content_type in [
        Some("application/json"),
        Some("multipart/related; type=\"application/xop+xml\""),
        Some("text/plain"),
        None,
    ] {
        let mut headers = vec![("SOAPAction", ACTION)];
        if let Some(ct) = content_type {
            headers.push(("Content-Type", ct));
        }
        let r = exchange(addr, &post(PATH, &headers, env11.as_bytes())).await;
        assert_eq!(r.status, 415, "{content_type:?}");
        let fault = fault_in(&r, SoapVersion::Soap11);
        assert_eq!(fault.code, FaultCode::Client);
        assert!(
            fault.reason.contains("Unsupported media type"),
            "{}",
            fault.reason
        );
    }
    // A compressed body: 415 rather than a confusing parse error.
    let r = exchange(
        addr,
        &post(
            PATH,
            &[("Content-Type", "text/xml"), ("Content-Encoding", "gzip")],
            b"\x1f\x8b\x08\x00garbage",
        ),
    )
    .await;
    assert_eq!(r.status, 415);
    let fault = fault_in(&r, SoapVersion::Soap11);
    assert!(fault.reason.contains("gzip"), "{}", fault.reason);
    // Methods other than POST: 405 with Allow and a fault (GET is left to the service pages).
    for method in ["PUT", "DELETE", "PATCH"] {
        let request = format!("{method} {PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/xml\r\nContent-Length: 0\r\n\r\n");
        let r = exchange(addr, request.as_bytes()).await;
        assert_eq!(r.status, 405, "{method}");
        assert!(
            r.header("allow").is_some_and(|a| a.contains("POST")),
            "{:?}",
            r.headers
        );
        assert_eq!(fault_in(&r, SoapVersion::Soap11).code, FaultCode::Client);
    }
    still_serving(addr).await;
}

#[tokio::test]
async fn unknown_operations_and_mismatched_actions_name_what_was_received() {
    let addr = start_default().await;
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let unknown_body = envelope(
            version,
            "",
            "<DropAllTables xmlns=\"urn:evil\"><x/></DropAllTables>",
        );
        // Neither the action nor the body is an operation.
        let (ct, soap_action) = match version {
            SoapVersion::Soap11 => (version.content_type().to_owned(), Some("\"urn:evil/Drop\"")),
            SoapVersion::Soap12 => (version.content_type_for("urn:evil/Drop"), None),
        };
        let mut headers = vec![("Content-Type", ct.as_str())];
        headers.extend(soap_action.map(|a| ("SOAPAction", a)));
        let r = exchange(addr, &post(PATH, &headers, unknown_body.as_bytes())).await;
        assert_client_fault(&r, version, &["urn:evil/Drop", "{urn:evil}DropAllTables"]);
        // An empty Body with no action.
        let empty = envelope(version, "", "");
        let r = exchange(
            addr,
            &post(
                PATH,
                &[("Content-Type", version.content_type())],
                empty.as_bytes(),
            ),
        )
        .await;
        assert_client_fault(&r, version, &["empty Body"]);
        // The action names one operation, the body another.
        let other = envelope(
            version,
            "",
            "<Authenticate xmlns=\"sosonlinebackup.com\"><userName>a</userName></Authenticate>",
        );
        let r = send(addr, version, other.as_bytes()).await;
        assert_client_fault(
            &r,
            version,
            &[
                "sosonlinebackup.com/ChangeBackupAccountEmail",
                "{sosonlinebackup.com}ChangeBackupAccountEmail",
                "{sosonlinebackup.com}Authenticate",
            ],
        );
    }
    still_serving(addr).await;
}

#[tokio::test]
async fn undeclared_must_understand_headers_get_must_understand_faults() {
    let addr = start_default().await;
    let cases = [
        (SoapVersion::Soap11, "1"),
        (SoapVersion::Soap11, "true"),
        (SoapVersion::Soap12, "true"),
        (SoapVersion::Soap12, "1"),
    ];
    for (version, flag) in cases {
        let header = format!("<w:Security xmlns:w=\"urn:wsse\" e:mustUnderstand=\"{flag}\"><w:Token>t</w:Token></w:Security>");
        let r = send(
            addr,
            version,
            envelope(version, &header, &change_email("true")).as_bytes(),
        )
        .await;
        assert_eq!(r.status, 500, "{}", r.body);
        let fault = fault_in(&r, version);
        assert_eq!(fault.code, FaultCode::MustUnderstand);
        assert!(fault.reason.contains("Security"), "{}", fault.reason);

        // The same header without mustUnderstand, or addressed to another node, is ignored.
        let optional = header.replace(&format!(" e:mustUnderstand=\"{flag}\""), "");
        let r = send(
            addr,
            version,
            envelope(version, &optional, &change_email("true")).as_bytes(),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let role = match version {
            SoapVersion::Soap11 => "e:actor=\"urn:someone-else\"",
            SoapVersion::Soap12 => "e:role=\"urn:someone-else\"",
        };
        let elsewhere = header.replace(
            "xmlns:w=\"urn:wsse\"",
            &format!("xmlns:w=\"urn:wsse\" {role}"),
        );
        let r = send(
            addr,
            version,
            envelope(version, &elsewhere, &change_email("true")).as_bytes(),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    // A declared header (AuthHeader) may carry mustUnderstand.
    let body = envelope(SoapVersion::Soap11, "", &change_email("true")).replace(
        "<AuthHeader xmlns=\"sosonlinebackup.com\">",
        "<AuthHeader xmlns=\"sosonlinebackup.com\" e:mustUnderstand=\"1\">",
    );
    assert_eq!(
        send(addr, SoapVersion::Soap11, body.as_bytes())
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn values_that_do_not_parse_name_the_element_and_the_value() {
    let addr = start_default().await;
    let size = |id: &str, size: &str| {
        format!("<CreateAccountBySize xmlns=\"sosonlinebackup.com\"><request><TargetEntityId>{id}</TargetEntityId><Username>u</Username><AccountSizeMB>{size}</AccountSizeMB><IsUltrasafe>false</IsUltrasafe><DisableEmailsNotification>true</DisableEmailsNotification></request></CreateAccountBySize>")
    };
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let cases: Vec<(String, Vec<&str>)> = vec![
            (
                change_email("maybe"),
                vec!["<SendEmailToCustomer>", "\"maybe\"", "boolean"],
            ),
            (change_email(""), vec!["<SendEmailToCustomer>", "boolean"]),
            (
                size("99999999999", "1"),
                vec!["<TargetEntityId>", "\"99999999999\"", "int"],
            ),
            (
                size("7", "12abc"),
                vec!["<AccountSizeMB>", "\"12abc\"", "long"],
            ),
            (
                size("7", "99999999999999999999"),
                vec!["<AccountSizeMB>", "99999999999999999999"],
            ),
            (
                change_email("true").replace("<SendEmailToCustomer>true</SendEmailToCustomer>", ""),
                vec!["missing required element", "SendEmailToCustomer"],
            ),
            (change_email("<b>true</b>"), vec!["SendEmailToCustomer"]),
        ];
        for (body, mentions) in cases {
            // The action of the operation in the body.
            let operation = body[1..].split([' ', '>']).next().unwrap_or_default();
            let action = format!("sosonlinebackup.com/{operation}");
            let request = envelope(version, "", &body);
            let r = send_action(addr, version, &action, request.as_bytes()).await;
            assert_client_fault(&r, version, &mentions);
        }
    }
    still_serving(addr).await;
}

#[tokio::test]
async fn handler_panics_and_errors_are_server_faults_and_the_server_keeps_serving() {
    let addr = start_default().await;
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        for (marker, reason) in [
            ("PANIC-NOW", "internal error"),
            ("FAIL-NOW", "the backend is down"),
        ] {
            let body = envelope(version, "", &change_email("true").replace("alice", marker));
            let r = send(addr, version, body.as_bytes()).await;
            assert_eq!(r.status, 500, "{}", r.body);
            let fault = fault_in(&r, version);
            assert_eq!(fault.code, FaultCode::Server);
            assert_eq!(fault.reason, reason);
            // The panic message stays in the server's log, not in the response.
            assert!(!r.body.contains("panicked"), "{}", r.body);
        }
    }
    // Many panics in a row, concurrently: still serving.
    let panics: Vec<_> = (0..20)
        .map(|_| {
            let body = envelope(SoapVersion::Soap11, "", &change_email("PANIC-NOW"));
            tokio::spawn(async move {
                send(addr, SoapVersion::Soap11, body.as_bytes())
                    .await
                    .status
            })
        })
        .collect();
    for p in panics {
        assert_eq!(p.await.unwrap(), 500);
    }
    still_serving(addr).await;
}
