//! The service pages: `soapgen doc` against the seed help page (byte for byte), and the example
//! server's WSDL, service page, operation pages and test form over real HTTP on loopback —
//! address rewriting, escaping, the local-machine rule, cross-site refusal, and a form
//! submission going through the SOAP endpoint to the service and back.

use crate::support::*;
use generated_example::demo::DemoService;
use generated_example::AccountManagementServiceServer;
use soapgen_runtime::server::axum::{router_with_pages, serve};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The seed help page the text format must reproduce.
const SEED: &str = "seed/AccountManagementService.ChangeBackupAccountEmail.help.txt";
const OP: &str = "ChangeBackupAccountEmail";

/// An HTTP response read from a raw connection.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one HTTP/1.1 request on a fresh connection (`Connection: close`) with exactly the
/// given headers (plus `Host` when not given, and `Content-Length`), and reads the response.
pub async fn http(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut request = format!("{method} {target} HTTP/1.1\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ));
    stream.write_all(request.as_bytes()).await.unwrap();
    // Read until the body is complete (some servers keep the connection open a while even
    // after `Connection: close`), or until the peer closes it.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        if let Some(reply) = parse_reply(&raw, false) {
            return reply;
        }
        let n = stream.read(&mut buf).await.unwrap();
        if n == 0 {
            return parse_reply(&raw, true).unwrap_or_else(|| {
                panic!(
                    "incomplete HTTP response: {}",
                    String::from_utf8_lossy(&raw)
                )
            });
        }
        raw.extend_from_slice(&buf[..n]);
    }
}

/// Parses an HTTP/1.1 response once it is complete (by `Content-Length`, or chunked); `None`
/// while more is needed. A response with neither ends when the connection closes (`closed`).
pub fn parse_reply(raw: &[u8], closed: bool) -> Option<Reply> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let body = if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        let mut decoded = Vec::new();
        let mut rest = body;
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
            let size_text = String::from_utf8_lossy(&rest[..line_end]).into_owned();
            let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
            rest = &rest[line_end + 2..];
            if size == 0 {
                break;
            }
            if rest.len() < size + 2 {
                return None;
            }
            decoded.extend_from_slice(&rest[..size]);
            rest = &rest[size + 2..];
        }
        decoded
    } else if let Some(length) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if body.len() < length {
            return None;
        }
        body[..length].to_vec()
    } else if closed {
        body.to_vec()
    } else {
        return None;
    };
    Some(Reply {
        status,
        headers,
        body: String::from_utf8(body).expect("UTF-8 body"),
    })
}

/// The example server as `examples/server.rs` builds it: SOAP endpoint plus pages, served by
/// the runtime's `serve` (which tells the pages the peer address).
pub async fn start_pages_server() -> (SocketAddr, Arc<DemoService>) {
    let service = Arc::new(DemoService::new("admin", "secret"));
    let router = router_with_pages(PATH, AccountManagementServiceServer::new(service.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = serve(listener, router).await;
    });
    (addr, service)
}

fn wsdl_path() -> std::path::PathBuf {
    repo_root().join("wsdl/AccountManagementService.wsdl")
}

fn doc(operation: Option<&str>, format: soapgen::doc::Format) -> String {
    soapgen::doc::document(
        &wsdl_path(),
        &soapgen::doc::DocOptions {
            operation: operation.map(str::to_string),
            format,
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn doc_text_is_the_seed_help_page_byte_for_byte() {
    let Some(seed) = shared_file(SEED) else {
        return;
    };
    let seed = std::fs::read_to_string(seed).unwrap();
    let page = doc(Some(OP), soapgen::doc::Format::Text);
    if page != seed {
        let line = page
            .lines()
            .zip(seed.lines())
            .position(|(a, b)| a != b)
            .map_or("the end".to_string(), |i| format!("line {}", i + 1));
        panic!("the page differs from the seed first at {line}:\n{page}");
    }
}

#[test]
fn doc_covers_every_operation_of_both_wsdls() {
    let service = doc(None, soapgen::doc::Format::Text);
    assert!(service
        .starts_with("AccountManagementService\n\n\nThe following operations are supported."));
    for wsdl in [
        wsdl_path(),
        repo_root().join("tests/fixtures/asmx-variant.wsdl"),
    ] {
        let loaded = soapgen::load::load(&wsdl, &Default::default()).unwrap();
        let ir = soapgen::resolve::resolve(&loaded.definitions, &Default::default()).unwrap();
        for op in &ir.services[0].operations {
            let options = soapgen::doc::DocOptions {
                operation: Some(op.name.clone()),
                ..Default::default()
            };
            let page = soapgen::doc::document(&wsdl, &options).unwrap();
            assert!(page.contains(&format!("SOAPAction: \"sosonlinebackup.com/{}\"", op.name)));
            assert_eq!(
                page.matches("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                    .count(),
                4
            );
            // Every sample is well-formed XML.
            for sample in page
                .split("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .skip(1)
            {
                let end = sample.find("Envelope>").unwrap() + "Envelope>".len();
                xml_tree(&sample[..end]);
            }
        }
    }
    let variant = soapgen::doc::document(
        &repo_root().join("tests/fixtures/asmx-variant.wsdl"),
        &soapgen::doc::DocOptions {
            operation: Some("GetAllAccounts".into()),
            ..Default::default()
        },
    )
    .unwrap();
    // Repeated elements twice, enumerations as `A or B`, typed placeholders.
    assert_eq!(
        variant.matches("<GetAllAccountsItem>").count(),
        4,
        "{variant}"
    );
    assert!(variant.contains("<Result>Success or UnexpectedError or InvalidInputParameters or InvalidSoapCredentials or AlreadyExists or ObjectEntityMismatch</Result>"));
    assert!(variant.contains("<SignupDate>dateTime</SignupDate>"));
    assert!(variant.contains("<EntityId>int</EntityId>"));
    assert!(variant.contains("Host: secure-sandbox.sosonlinebackup.com\n"));
}

#[tokio::test]
async fn served_wsdl_advertises_the_address_it_was_fetched_from() {
    let (addr, _) = start_pages_server().await;
    let original = std::fs::read_to_string(wsdl_path()).unwrap();
    let production =
        "http://secure.sosonlinebackup.com/WebApi/AccountManagementService/AccountManagementService.asmx";
    assert_eq!(original.matches(production).count(), 2);
    for query in ["wsdl", "WSDL", "Wsdl=", "op=x&wsdl"] {
        let reply = http(addr, "GET", &format!("{PATH}?{query}"), &[], "").await;
        assert_eq!(reply.status, 200, "?{query}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/xml; charset=utf-8")
        );
        assert_eq!(
            reply.body,
            original.replace(production, &format!("http://{addr}{PATH}")),
            "?{query}"
        );
    }
    // Behind a TLS-terminating proxy that keeps the Host.
    let reply = http(
        addr,
        "GET",
        &format!("{PATH}?wsdl"),
        &[("Host", "api.example.com"), ("X-Forwarded-Proto", "https")],
        "",
    )
    .await;
    assert_eq!(
        reply.body,
        original.replace(production, &format!("https://api.example.com{PATH}"))
    );
    // A Host that is not a plain authority is never echoed: the WSDL keeps its own address.
    let reply = http(
        addr,
        "GET",
        &format!("{PATH}?wsdl"),
        &[("Host", "evil\"><x y=\"")],
        "",
    )
    .await;
    assert_eq!(reply.body, original);
    let doc = roxmltree::Document::parse(&reply.body).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "definitions");
}

#[tokio::test]
async fn service_and_operation_pages() {
    let (addr, _) = start_pages_server().await;
    let reply = http(addr, "GET", PATH, &[], "").await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = reply.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"));
    assert!(reply
        .body
        .contains("<a href=\"?wsdl\">Service Description</a>"));
    let links: Vec<&str> = reply
        .body
        .match_indices("<li><a href=\"?op=")
        .map(|(i, _)| {
            let rest = &reply.body[i + "<li><a href=\"?op=".len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(links.len(), 10);
    let mut sorted = links.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(links, sorted);
    assert!(reply.body.contains("[OBSOLETE] Sets a new email address"));

    // The operation page's samples are the ones `soapgen doc` prints, with the server's Host.
    let reply = http(addr, "GET", &format!("{PATH}?op={OP}"), &[], "").await;
    assert_eq!(reply.status, 200);
    let offline = doc(Some(OP), soapgen::doc::Format::Html);
    let pres = |page: &str| -> Vec<String> {
        page.split("<pre>")
            .skip(1)
            .map(|p| p[..p.find("</pre>").unwrap()].to_string())
            .collect()
    };
    let served: Vec<String> = pres(&reply.body)
        .into_iter()
        .map(|p| p.replace(&addr.to_string(), "secure.sosonlinebackup.com"))
        .collect();
    assert_eq!(served.len(), 4);
    assert_eq!(served, pres(&offline));
    assert!(reply.body.contains(&format!("Host: {addr}\n")));
    // A loopback visitor gets the form: AuthHeader's fields and the request object's.
    for name in [
        "AuthHeader.UserName",
        "AuthHeader.Password",
        "request.Username",
        "request.Email",
        "request.SendEmailToCustomer",
    ] {
        assert!(
            reply.body.contains(&format!("name=\"{name}\"")),
            "{name}:\n{}",
            reply.body
        );
    }
    assert!(!reply
        .body
        .contains("The test form is only available for requests from the local machine."));

    let reply = http(addr, "GET", &format!("{PATH}?op=NoSuch%3Cb%3E"), &[], "").await;
    assert_eq!(reply.status, 404);
    assert!(reply
        .body
        .contains("no operation named \u{201c}NoSuch&lt;b&gt;\u{201d}"));
}

#[tokio::test]
async fn visitors_from_elsewhere_see_no_form() {
    let (addr, service) = start_pages_server().await;
    // Through a proxy on this machine, a visitor's peer address is loopback: the proxy header
    // tells them apart.
    let reply = http(
        addr,
        "GET",
        &format!("{PATH}?op={OP}"),
        &[("X-Forwarded-For", "203.0.113.9")],
        "",
    )
    .await;
    assert_eq!(reply.status, 200);
    assert!(reply
        .body
        .contains("<p>The test form is only available for requests from the local machine.</p>"));
    assert!(!reply.body.contains("<form"));
    let form = "AuthHeader.UserName=admin&AuthHeader.Password=secret&request.Username=eve&request.Email=eve%40example.com&request.SendEmailToCustomer=false";
    let reply = http(
        addr,
        "POST",
        &format!("{PATH}?op={OP}"),
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("X-Forwarded-For", "203.0.113.9"),
        ],
        form,
    )
    .await;
    assert_eq!(reply.status, 403);
    assert_eq!(service.email_of("eve"), None);
}

#[tokio::test]
async fn test_form_calls_the_service_and_shows_the_response() {
    let (addr, service) = start_pages_server().await;
    let origin = format!("http://{addr}");
    let post = |form: String, origin: String| async move {
        http(
            addr,
            "POST",
            &format!("{PATH}?op={OP}"),
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Origin", &origin),
                ("Sec-Fetch-Site", "same-origin"),
            ],
            &form,
        )
        .await
    };
    let form = |password: &str, version: &str| {
        format!(
            "AuthHeader.UserName=admin&AuthHeader.Password={password}&request.Username=alice&request.Email=alice%40example.com&request.SendEmailToCustomer=true&soapgen%3Aversion={version}"
        )
    };
    let reply = post(form("secret", "1.1"), origin.clone()).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert!(
        reply
            .body
            .contains("<p id=\"status\" class=\"status ok\">HTTP 200 OK</p>"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("Content-Type: text/xml; charset=utf-8"));
    assert!(reply.body.contains(
        "&lt;ChangeBackupAccountEmailResponse xmlns=&quot;sosonlinebackup.com&quot;&gt;"
    ));
    assert!(reply.body.contains("&lt;Code&gt;Success&lt;/Code&gt;"));
    assert_eq!(
        service.email_of("alice").as_deref(),
        Some("alice@example.com")
    );
    assert_eq!(service.notifications_of("alice"), 1);
    // The form comes back filled in.
    assert!(reply.body.contains("value=\"alice@example.com\""));

    let reply = post(form("wrong", "1.2"), origin.clone()).await;
    assert_eq!(reply.status, 200);
    // A SOAP 1.2 Sender fault comes with 400.
    assert!(
        reply
            .body
            .contains("class=\"status fault\">HTTP 400 Bad Request: SOAP fault</p>"),
        "{}",
        reply.body
    );
    assert!(reply
        .body
        .contains("Content-Type: application/soap+xml; charset=utf-8"));
    assert!(reply
        .body
        .contains("Invalid credentials: the AuthHeader user name or password is wrong"));

    // Another site cannot make a local browser submit the form.
    let reply = post(
        form("secret", "1.1").replace("alice%40", "mallory%40"),
        "http://evil.example".into(),
    )
    .await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        service.email_of("alice").as_deref(),
        Some("alice@example.com")
    );

    // SOAP requests still reach the service through the pages' router.
    let client = generated_example::AccountManagementServiceClient::new(
        soapgen_runtime::client::http::HttpTransport::new(format!("http://{addr}{PATH}")).unwrap(),
    )
    .with_auth_header(generated_example::AuthHeader {
        user_name: Some("admin".into()),
        password: Some("secret".into()),
        ..Default::default()
    });
    let used = client
        .get_account_used_space(Some("alice".into()))
        .await
        .unwrap();
    assert!(used.get_account_used_space_result.is_some());
}

/// The variant fixture's GetHistoryEventsTotals takes an array: its form is the editable sample.
mod envelope_form {
    use super::http;
    use crate::support::PATH;
    use generated_example::variant::*;
    use soapgen_runtime::server::axum::{router_with_pages, serve};

    struct Variant;

    impl AccountManagementService for Variant {
        async fn change_backup_account_email(
            &self,
            _auth_header: Option<AuthHeader>,
            _request: Option<ChangeBackupAccountEmailRequest>,
        ) -> Result<Option<BaseResponse>, soapgen_runtime::Fault> {
            Err(soapgen_runtime::Fault::server("not in this test"))
        }

        async fn get_all_accounts(
            &self,
            _auth_header: Option<AuthHeader>,
            _request: Option<GetAllAccountsRequest>,
        ) -> Result<Option<GetAllAccountsResponse>, soapgen_runtime::Fault> {
            Err(soapgen_runtime::Fault::server("not in this test"))
        }

        async fn get_history_events_totals(
            &self,
            _auth_header: Option<AuthHeader>,
            monitored_usernames: Option<ArrayOfString>,
            months: u8,
        ) -> Result<GetHistoryEventsTotalsResponse, soapgen_runtime::Fault> {
            let names = monitored_usernames.map(|a| a.string.len()).unwrap_or(0);
            Err(soapgen_runtime::Fault::client(format!(
                "{names} names for {months} months"
            )))
        }
    }

    #[tokio::test]
    async fn complex_inputs_get_an_editable_sample_request() {
        let router = router_with_pages(PATH, AccountManagementServiceServer::new(Variant));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = serve(listener, router).await;
        });
        let reply = http(
            addr,
            "GET",
            &format!("{PATH}?op=GetHistoryEventsTotals"),
            &[],
            "",
        )
        .await;
        assert_eq!(reply.status, 200);
        assert!(
            reply.body.contains("<textarea name=\"soapgen:envelope\""),
            "{}",
            reply.body
        );
        assert!(reply.body.contains(
            "&lt;string&gt;string&lt;/string&gt;\n        &lt;string&gt;string&lt;/string&gt;"
        ));
        // Simple inputs on the same service still get fields.
        let reply = http(addr, "GET", &format!("{PATH}?op=GetAllAccounts"), &[], "").await;
        assert!(reply.body.contains("name=\"request.CustomerTypeCode\""));

        let envelope = "<soap12:Envelope xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\"><soap12:Body><GetHistoryEventsTotals xmlns=\"sosonlinebackup.com\"><monitoredUsernames><string>a</string><string>b</string></monitoredUsernames><months>6</months></GetHistoryEventsTotals></soap12:Body></soap12:Envelope>";
        let mut form = String::from("soapgen%3Aenvelope=");
        for b in envelope.bytes() {
            form.push_str(&format!("%{b:02X}"));
        }
        let reply = http(
            addr,
            "POST",
            &format!("{PATH}?op=GetHistoryEventsTotals"),
            &[("Content-Type", "application/x-www-form-urlencoded")],
            &form,
        )
        .await;
        assert_eq!(reply.status, 200);
        // Sent as SOAP 1.2 (the envelope's namespace), answered by the service's fault.
        assert!(
            reply.body.contains("HTTP 400 Bad Request: SOAP fault"),
            "{}",
            reply.body
        );
        assert!(reply.body.contains("2 names for 6 months"));
        assert!(reply
            .body
            .contains("action=&quot;sosonlinebackup.com/GetHistoryEventsTotals&quot;"));
    }
}
