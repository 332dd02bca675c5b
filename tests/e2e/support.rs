//! Shared helpers: finding the repository and the shared seed, comparing XML by structure,
//! a transport that records requests, and a loopback server.

use futures_util::future::BoxFuture;
use generated_example::demo::DemoService;
use generated_example::AccountManagementServiceServer;
use soapgen_runtime::client::{HttpRequest, HttpResponse, TransportError};
use soapgen_runtime::Transport;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The service path of the example server.
pub const PATH: &str = "/WebApi/AccountManagementService/AccountManagementService.asmx";

/// The workspace root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The shared folder beside the repository (`../shared`). Its absence fails under CI and is
/// reported plainly elsewhere.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared").join(relative);
    if path.exists() {
        return Some(path);
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

/// An element tree for structural comparison: (namespace, local name, attributes, trimmed text, children).
#[derive(Debug, PartialEq)]
pub struct XmlTree {
    pub ns: String,
    pub local: String,
    pub attributes: Vec<(String, String, String)>,
    pub text: String,
    pub children: Vec<XmlTree>,
}

/// Parses `xml` into a tree that ignores prefixes, namespace declarations and indentation.
pub fn xml_tree(xml: &str) -> XmlTree {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("bad XML ({e}):\n{xml}"));
    fn walk(n: roxmltree::Node) -> XmlTree {
        let mut attributes: Vec<(String, String, String)> = n
            .attributes()
            .map(|a| {
                (
                    a.namespace().unwrap_or("").to_string(),
                    a.name().to_string(),
                    a.value().to_string(),
                )
            })
            .collect();
        attributes.sort();
        XmlTree {
            ns: n.tag_name().namespace().unwrap_or("").to_string(),
            local: n.tag_name().name().to_string(),
            attributes,
            text: n
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect::<String>()
                .trim()
                .to_string(),
            children: n.children().filter(|c| c.is_element()).map(walk).collect(),
        }
    }
    walk(doc.root_element())
}

/// A transport that records every request and answers with a fixed response.
#[derive(Clone)]
pub struct Recorder {
    pub requests: Arc<Mutex<Vec<HttpRequest>>>,
    pub response: HttpResponse,
}

impl Recorder {
    pub fn answering(status: u16, content_type: &str, body: &str) -> Self {
        Self {
            requests: Arc::default(),
            response: HttpResponse {
                status,
                content_type: Some(content_type.to_string()),
                body: body.to_string().into_bytes().into(),
            },
        }
    }

    pub fn last(&self) -> HttpRequest {
        self.requests
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request was sent")
    }
}

impl Transport for Recorder {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        self.requests.lock().unwrap().push(request);
        let response = self.response.clone();
        Box::pin(async move { Ok(response) })
    }
}

/// Starts the example service on a free loopback port; returns its URL and the service handle.
pub async fn start_server() -> (String, Arc<DemoService>) {
    let service = Arc::new(DemoService::new("admin", "secret"));
    let router = soapgen_runtime::server::axum::router(
        PATH,
        AccountManagementServiceServer::new(service.clone()),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = soapgen_runtime::server::axum::serve(listener, router).await;
    });
    (format!("http://{addr}{PATH}"), service)
}

/// The seed help page, split into its SOAP 1.1 and 1.2 samples.
pub struct SeedSample {
    pub request_headers: Vec<(String, String)>,
    pub request_xml: String,
    pub response_headers: Vec<(String, String)>,
    pub response_xml: String,
}

/// Reads the seed's sample for "SOAP 1.1" or "SOAP 1.2".
pub fn seed_sample(version: &str) -> Option<SeedSample> {
    let path = shared_file("seed/AccountManagementService.ChangeBackupAccountEmail.help.txt")?;
    let text = std::fs::read_to_string(path).unwrap();
    let section_start = text
        .find(&format!("\n{version}\n"))
        .expect("seed has the section");
    let section = &text[section_start..];
    let section = match section[1..].find("\nSOAP 1.") {
        Some(end) => &section[..end + 1],
        None => section,
    };
    let post = section.find("POST ").expect("request line");
    let request = &section[post..];
    let (req_head, rest) = request
        .split_once("\n\n")
        .expect("blank line after headers");
    let (req_xml, response) = rest.split_once("HTTP/1.1 200 OK").expect("response");
    let (resp_head, resp_xml) = response.split_once("\n\n").expect("response headers");
    let headers = |head: &str| {
        head.lines()
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect()
    };
    Some(SeedSample {
        request_headers: headers(req_head),
        request_xml: req_xml.trim().to_string(),
        response_headers: headers(resp_head),
        response_xml: resp_xml.trim().to_string(),
    })
}

impl SeedSample {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.request_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The request with its placeholders replaced by real values.
    pub fn filled_request(
        &self,
        user: &str,
        password: &str,
        account: &str,
        email: &str,
        send: bool,
    ) -> String {
        self.request_xml
            .replace(
                "<UserName>string</UserName>",
                &format!("<UserName>{user}</UserName>"),
            )
            .replace(
                "<Password>string</Password>",
                &format!("<Password>{password}</Password>"),
            )
            .replace(
                "<Username>string</Username>",
                &format!("<Username>{account}</Username>"),
            )
            .replace("<Email>string</Email>", &format!("<Email>{email}</Email>"))
            .replace(
                "<SendEmailToCustomer>boolean</SendEmailToCustomer>",
                &format!("<SendEmailToCustomer>{send}</SendEmailToCustomer>"),
            )
    }
}
