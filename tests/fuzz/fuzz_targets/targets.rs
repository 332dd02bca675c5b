//! The bodies of the fuzz targets, shared with `cargo test`: the targets in this folder call
//! these functions, and the end-to-end suite (`tests/e2e/hostile/fuzz_corpus.rs`) replays
//! every file of `tests/fuzz/corpus/<target>/` through them, so each crash input checked in
//! there is a regression test.
//!
//! Errors are fine; a panic, a hang or unbounded memory is a bug.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use futures_util::future::BoxFuture;
use generated_example::demo::DemoService;
use generated_example::{AccountManagementServiceClient, AccountManagementServiceServer};
use soapgen_runtime::client::{HttpRequest, HttpResponse, TransportError};
use soapgen_runtime::server::axum::axum::http::Method;
use soapgen_runtime::server::{handle_http, ServerConfig};
use soapgen_runtime::xml::Limits;
use soapgen_runtime::{Message, RawXml, SoapVersion, Transport, XmlReader};

/// Envelope decoding: any bytes through `Message::parse` and every accessor of the parsed
/// message (header entries, fault, body as raw XML and as text), and the bare `XmlReader` walk.
pub fn envelope(data: &[u8]) {
    if let Ok(message) = Message::parse(data, Limits::default()) {
        let _ = message.body_name();
        let _ = message.body_text();
        let _ = message.fault();
        let _ = message.check_must_understand(&[("urn:x", "Known")]);
        for entry in message.header_entries() {
            let _ = entry.targets_this_node();
            let _ = entry.raw();
            let _ = entry.decode::<RawXml>();
            let _ = entry.decode::<String>();
        }
        if let Some((ns, local)) = message.body_name() {
            let (ns, local) = (ns.to_owned(), local.to_owned());
            let _ = message.decode_body::<RawXml>(&ns, &local);
            let _ = message.decode_body::<String>(&ns, &local);
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let mut reader = XmlReader::new(text);
        if let Ok(root) = reader.root() {
            while let Ok(Some(child)) = reader.next_child(&root) {
                let _ = reader.attrs(&child);
                let _ = reader.is_nil(&child);
                if reader.read_raw(&child).is_err() {
                    break;
                }
            }
            let _ = reader.finish();
        }
    }
}

/// The operations' names, in the order the selector byte picks them.
const OPERATIONS: [&str; 10] = [
    "Authenticate",
    "ChangeAccountEmail",
    "ChangeAccountPassword",
    "ChangeBackupAccountEmail",
    "ChangeBackupAccountPassword",
    "CreateAccountByPartnerLicenseKey",
    "CreateAccountBySize",
    "GetAccountUsedSpace",
    "GetAuthenticationToken",
    "GetAuthorizationTokenByEntity",
];

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current-thread runtime")
    })
}

/// Answers every request with the fuzz input.
struct Canned {
    status: u16,
    body: Vec<u8>,
}

impl Transport for Canned {
    fn send(&self, _: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        let response = HttpResponse {
            status: self.status,
            content_type: Some("text/xml; charset=utf-8".into()),
            body: self.body.clone().into(),
        };
        Box::pin(async move { Ok(response) })
    }
}

/// The generated code of the example service on hostile input, both ways. The first byte
/// chooses the mode, version, status and operation; the rest is the body:
///
/// * server (even first byte): the body is a request sent to the generated dispatcher (a fresh
///   demo service behind it) through `handle_http`, as SOAP 1.1 or 1.2, with or without the
///   operation's action — every generated request decoder is reached, and whatever comes in,
///   what goes out must be a well-formed envelope;
/// * client (odd first byte): the body is an HTTP response (status 200 or 500) to a call of
///   the generated clients (the bundled service and the ASMX variant fixture) — every
///   generated response decoder is reached, dateTime, arrays and nillable items included.
pub fn generated(data: &[u8]) {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    if selector & 1 == 0 {
        runtime().block_on(as_server(selector, body));
    } else {
        runtime().block_on(as_client(selector, body));
    }
}

async fn as_server(selector: u8, body: &[u8]) {
    let version = if selector & 2 == 0 {
        SoapVersion::Soap11
    } else {
        SoapVersion::Soap12
    };
    let operation = OPERATIONS[usize::from(selector >> 3) % OPERATIONS.len()];
    let action = format!("sosonlinebackup.com/{operation}");
    let with_action = selector & 4 != 0;
    let content_type = match version {
        SoapVersion::Soap12 if with_action => version.content_type_for(&action),
        _ => version.content_type().to_owned(),
    };
    let soap_action =
        (version == SoapVersion::Soap11 && with_action).then(|| format!("\"{action}\""));
    // A fresh service per input, so state (accounts) does not pile up across runs.
    let server = AccountManagementServiceServer::new(DemoService::new("admin", "secret"));
    let response = handle_http(
        &server,
        &ServerConfig::default(),
        &Method::POST,
        Some(&content_type),
        soap_action.as_deref(),
        body,
    )
    .await;
    let parsed = Message::parse(&response.body, Limits::default());
    assert!(
        parsed.is_ok(),
        "the server answered with a malformed envelope: {parsed:?}"
    );
}

async fn as_client(selector: u8, body: &[u8]) {
    let status = if selector & 2 == 0 { 200 } else { 500 };
    let canned = || Canned {
        status,
        body: body.to_vec(),
    };
    let version = if selector & 4 == 0 {
        SoapVersion::Soap11
    } else {
        SoapVersion::Soap12
    };
    let client = AccountManagementServiceClient::new(canned()).with_soap_version(version);
    let variant = generated_example::variant::AccountManagementServiceClient::new(canned())
        .with_soap_version(version);
    match (selector >> 3) % 8 {
        0 => drop(
            client
                .authenticate(Some("a".into()), Some("b".into()))
                .await,
        ),
        1 => drop(client.change_account_email(None, None, None).await),
        2 => drop(client.get_account_used_space(Some("a".into())).await),
        3 => drop(client.change_account_password(None, None, None).await),
        4 => drop(variant.get_all_accounts(None).await),
        5 => drop(variant.get_history_events_totals(None, 3).await),
        6 => drop(client.create_account_by_size(None).await),
        _ => drop(client.get_authentication_token(None).await),
    }
}

fn scratch_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("soapgen-fuzz-wsdl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

/// The WSDL/XSD front end (load, parse, resolve) and the rest of the generator: the input is
/// written as a WSDL file and generated from. An input containing the separator `\0\0` is
/// split: the part after it is written beside the WSDL as `b.xsd` (reachable from the first
/// part by `<xs:include schemaLocation="b.xsd"/>` or an import), so imports and cycles are
/// fuzzed too. Diagnostics are fine.
pub fn wsdl(data: &[u8]) {
    let (wsdl, xsd) = match data.windows(2).position(|w| w == b"\0\0") {
        Some(at) => (&data[..at], data.get(at + 2..)),
        None => (data, None),
    };
    // One scratch directory per thread, so parallel test threads do not collide.
    let dir =
        scratch_dir().join(format!("{:?}", std::thread::current().id()).replace(['(', ')'], ""));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let root = dir.join("a.wsdl");
    let other = dir.join("b.xsd");
    if std::fs::write(&root, wsdl).is_err() {
        return;
    }
    let _ = std::fs::remove_file(&other);
    if let Some(xsd) = xsd {
        if std::fs::write(&other, xsd).is_err() {
            return;
        }
    }
    let _ = soapgen::configure().generate(&root);
}
