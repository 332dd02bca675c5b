//! End-to-end tests: a hand-written dispatcher served by the axum router over real loopback
//! sockets and called with the reqwest `HttpTransport`, plus the in-process transport.

use std::time::Duration;

use soapgen_runtime::client::{HttpTransport, InProcess, TransportError};
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::server::axum::{router, router_with_config, serve};
use soapgen_runtime::server::ServerConfig;
use soapgen_runtime::xml::{self, read_element, required, skip_unknown, write_element};
use soapgen_runtime::{
    ClientCore, DecodeError, EnvelopeWriter, Error, Fault, FromXml, IncomingRequest, SoapDispatch,
    SoapVersion, Start, ToXml, Transport, XmlReader, XmlWriter,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const NS: &str = "http://tempuri.org/";

#[derive(Debug, PartialEq)]
struct Pair {
    a: i32,
    b: i32,
}

impl ToXml for Pair {
    fn write_content(&self, w: &mut XmlWriter) {
        write_element(w, NS, "a", &self.a);
        write_element(w, NS, "b", &self.b);
    }
}

impl FromXml for Pair {
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
        let (mut a, mut b) = (None, None);
        while let Some(child) = r.next_child(start)? {
            match (child.ns(), child.local()) {
                (NS, "a") => a = Some(read_element(r, &child)?),
                (NS, "b") => b = Some(read_element(r, &child)?),
                _ => skip_unknown(r, &child)?,
            }
        }
        Ok(Pair {
            a: required(a, start.local(), "a")?,
            b: required(b, start.local(), "b")?,
        })
    }
}

/// Reads `<XResult>` from `<XResponse>`.
struct Result1<T>(T);

impl<T: FromXml> FromXml for Result1<T> {
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, DecodeError> {
        let mut value = None;
        while let Some(child) = r.next_child(start)? {
            if child.local().ends_with("Result") {
                value = Some(read_element(r, &child)?);
            } else {
                skip_unknown(r, &child)?;
            }
        }
        required(value, start.local(), "Result").map(Result1)
    }
}

struct Calculator;

fn respond<T: ToXml + ?Sized>(version: SoapVersion, op: &str, value: &T) -> String {
    let mut env = EnvelopeWriter::new(version);
    let w = env.body();
    w.start(NS, &format!("{op}Response"));
    write_element(w, NS, &format!("{op}Result"), value);
    w.end();
    env.finish()
}

impl SoapDispatch for Calculator {
    async fn dispatch(&self, request: IncomingRequest) -> Result<String, Fault> {
        let message = &request.message;
        message.check_must_understand(&[])?;
        let version = message.version();
        match message.body_name() {
            Some((NS, "Add")) => {
                let p: Pair = message.decode_body(NS, "Add")?;
                Ok(respond(version, "Add", &(p.a + p.b)))
            }
            Some((NS, "Divide")) => {
                let p: Pair = message.decode_body(NS, "Divide")?;
                if p.b == 0 {
                    return Err(
                        Fault::client("Division by zero").with_detail(xml::RawXml::new(
                            "<e:DivideByZero xmlns:e=\"urn:errors\" />",
                        )),
                    );
                }
                Ok(respond(version, "Divide", &(p.a / p.b)))
            }
            Some((NS, "Action")) => Ok(respond(
                version,
                "Action",
                request.action.as_deref().unwrap_or(""),
            )),
            Some((NS, "Big")) => Ok(respond(version, "Big", "x".repeat(100_000).as_str())),
            Some((NS, "Panic")) => panic!("the service blew up"),
            Some((NS, "Slow")) => {
                tokio::time::sleep(Duration::from_secs(5)).await;
                Ok(respond(version, "Slow", "late"))
            }
            _ => Err(Fault::client("Unknown operation")),
        }
    }
}

fn request<T: ToXml>(version: SoapVersion, op: &str, body: &T) -> String {
    let mut env = EnvelopeWriter::new(version);
    write_element(env.body(), NS, op, body);
    env.finish()
}

async fn add(client: &ClientCore, a: i32, b: i32) -> Result<i32, Error> {
    let version = client.version();
    let response = client
        .call(
            "http://tempuri.org/Add",
            request(version, "Add", &Pair { a, b }),
        )
        .await?;
    ClientCore::decode_body::<Result1<i32>>(&response, NS, "AddResponse").map(|r| r.0)
}

async fn start_server(router: soapgen_runtime::server::axum::axum::Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, router));
    format!("http://{addr}/calc.asmx")
}

#[tokio::test]
async fn http_round_trip_both_versions() {
    let url = start_server(router("/calc.asmx", Calculator)).await;
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let client = ClientCore::new(HttpTransport::new(&url).unwrap(), version);
        assert_eq!(add(&client, 2, 40).await.unwrap(), 42);
        let response = client
            .call(
                "urn:my-action",
                request(version, "Action", &Pair { a: 0, b: 0 }),
            )
            .await
            .unwrap();
        let action: Result1<String> =
            ClientCore::decode_body(&response, NS, "ActionResponse").unwrap();
        assert_eq!(action.0, "urn:my-action");
    }
}

#[tokio::test]
async fn faults_panics_and_recovery_over_http() {
    let url = start_server(router("/calc.asmx", Calculator)).await;
    let client = ClientCore::new(HttpTransport::new(&url).unwrap(), SoapVersion::Soap11);
    let err = client
        .call(
            "Divide",
            request(SoapVersion::Soap11, "Divide", &Pair { a: 1, b: 0 }),
        )
        .await
        .unwrap_err();
    match err {
        Error::Fault { status, fault } => {
            assert_eq!(status, 500);
            assert_eq!(fault.code, FaultCode::Client);
            assert_eq!(fault.reason, "Division by zero");
            assert!(fault
                .detail
                .as_ref()
                .unwrap()
                .as_str()
                .contains("DivideByZero"));
        }
        other => panic!("{other:?}"),
    }

    let client12 = client.clone().with_version(SoapVersion::Soap12);
    match client12
        .call(
            "Panic",
            request(SoapVersion::Soap12, "Panic", &Pair { a: 0, b: 0 }),
        )
        .await
    {
        Err(Error::Fault { status, fault }) => {
            assert_eq!(status, 500);
            assert_eq!(fault.code, FaultCode::Server);
            assert_eq!(fault.reason, "internal error");
        }
        other => panic!("{other:?}"),
    }
    // A decoding failure in the service is a Sender fault with 400 in SOAP 1.2.
    let bad =
        request(SoapVersion::Soap12, "Add", &Pair { a: 1, b: 2 }).replace("<b>2</b>", "<b>two</b>");
    match client12.call("Add", bad).await {
        Err(Error::Fault { status, fault }) => {
            assert_eq!(status, 400);
            assert_eq!(fault.code, FaultCode::Client);
            assert!(
                fault.reason.contains("two") && fault.reason.contains("<b>"),
                "{}",
                fault.reason
            );
        }
        other => panic!("{other:?}"),
    }
    // The service still works after the panic.
    assert_eq!(add(&client, 1, 1).await.unwrap(), 2);
}

#[tokio::test]
async fn http_status_codes() {
    let config = ServerConfig {
        max_body_bytes: 2048,
        ..ServerConfig::default()
    };
    let url = start_server(router_with_config("/calc.asmx", Calculator, config)).await;
    let http = reqwest::Client::new();

    let get = http.get(&url).send().await.unwrap();
    assert_eq!(get.status().as_u16(), 405);
    assert_eq!(get.headers()["allow"], "POST");
    assert!(get.text().await.unwrap().contains("soap:Fault"));

    let body = request(SoapVersion::Soap11, "Add", &Pair { a: 1, b: 2 });
    let wrong_type = http
        .post(&url)
        .header("content-type", "application/json")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status().as_u16(), 415);

    let mismatch = http
        .post(&url)
        .header("content-type", "application/soap+xml")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(mismatch.status().as_u16(), 500);
    assert!(mismatch.text().await.unwrap().contains("VersionMismatch"));

    let huge = http
        .post(&url)
        .header("content-type", "text/xml")
        .body(format!("{body}{}", " ".repeat(4096)))
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status().as_u16(), 413);

    let ok = http
        .post(&url)
        .header("content-type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"http://tempuri.org/Add\"")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    assert_eq!(ok.headers()["content-type"], "text/xml; charset=utf-8");
    let text = ok.text().await.unwrap();
    assert_eq!(
        text,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><AddResponse xmlns=\"http://tempuri.org/\"><AddResult>3</AddResult></AddResponse></soap:Body></soap:Envelope>"
    );

    let not_found = http.post(format!("{url}x")).send().await.unwrap();
    assert_eq!(not_found.status().as_u16(), 404);
}

#[tokio::test]
async fn timeout_against_a_silent_listener() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        for _ in 0..4 {
            if let Ok((socket, _)) = listener.accept().await {
                held.push(socket);
            }
        }
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    let transport = HttpTransport::builder(format!("http://{addr}/svc"))
        .connect_timeout(Duration::from_secs(2))
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = transport
        .send(soapgen_runtime::HttpRequest {
            content_type: "text/xml".into(),
            soap_action: None,
            body: b"<x/>".to_vec(),
        })
        .await
        .unwrap_err();
    assert_eq!(err, TransportError::Timeout);
    assert!(started.elapsed() < Duration::from_secs(5));

    let client = ClientCore::new(transport, SoapVersion::Soap11);
    assert!(matches!(add(&client, 1, 2).await, Err(Error::Timeout)));
    silent.abort();
}

#[tokio::test]
async fn timeout_on_a_slow_service() {
    let url = start_server(router("/calc.asmx", Calculator)).await;
    let transport = HttpTransport::builder(&url)
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let client = ClientCore::new(transport, SoapVersion::Soap11);
    let result = client
        .call(
            "Slow",
            request(SoapVersion::Soap11, "Slow", &Pair { a: 0, b: 0 }),
        )
        .await;
    assert!(matches!(result, Err(Error::Timeout)), "{result:?}");
}

#[tokio::test]
async fn connection_refused() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = ClientCore::new(
        HttpTransport::new(format!("http://{addr}/svc")).unwrap(),
        SoapVersion::Soap11,
    );
    match add(&client, 1, 2).await {
        Err(Error::Transport { message, source }) => {
            assert!(message.contains("connect"), "{message}");
            assert!(source.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn response_size_limit() {
    let url = start_server(router("/calc.asmx", Calculator)).await;
    let transport = HttpTransport::builder(&url)
        .max_response_bytes(10_000)
        .build()
        .unwrap();
    let client = ClientCore::new(transport, SoapVersion::Soap11);
    let result = client
        .call(
            "Big",
            request(SoapVersion::Soap11, "Big", &Pair { a: 0, b: 0 }),
        )
        .await;
    assert!(
        matches!(
            result,
            Err(Error::ResponseTooLarge {
                limit: 10_000,
                status: 200,
                ..
            })
        ),
        "{result:?}"
    );

    // A chunked response without Content-Length is cut off while streaming.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = vec![0u8; 8192];
        let _ = socket.read(&mut buf).await;
        let _ = socket
            .write_all(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ntransfer-encoding: chunked\r\n\r\n",
            )
            .await;
        let chunk = format!("{:x}\r\n{}\r\n", 4096, "y".repeat(4096));
        for _ in 0..64 {
            if socket.write_all(chunk.as_bytes()).await.is_err() {
                break;
            }
        }
        let _ = socket.write_all(b"0\r\n\r\n").await;
    });
    let transport = HttpTransport::builder(format!("http://{addr}/"))
        .max_response_bytes(10_000)
        .build()
        .unwrap();
    let err = transport
        .send(soapgen_runtime::HttpRequest {
            content_type: "text/xml".into(),
            soap_action: None,
            body: Vec::new(),
        })
        .await
        .unwrap_err();
    match err {
        TransportError::TooLarge {
            limit: 10_000,
            status: 200,
            head,
        } => {
            // Reading stopped at the limit, and what arrived is kept for the error report.
            assert_eq!(head.len(), 10_000);
            assert!(head.iter().all(|&b| b == b'y'));
        }
        other => panic!("{other:?}"),
    }
    server.abort();
}

#[tokio::test]
async fn in_process_round_trip() {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let client = ClientCore::new(InProcess::new(Calculator), version);
        assert_eq!(add(&client, 20, 22).await.unwrap(), 42);
        let err = client
            .call("Nope", request(version, "Nope", &Pair { a: 0, b: 0 }))
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Fault { ref fault, .. } if fault.reason == "Unknown operation")
        );
    }
    let transport = InProcess::new(Calculator);
    let _: &Calculator = transport.service();
    // mustUnderstand headers the service does not know are refused.
    let mut env = EnvelopeWriter::new(SoapVersion::Soap11);
    let h = env.header();
    h.start("urn:sec", "Security");
    h.attr(
        SoapVersion::Soap11.envelope_namespace(),
        "mustUnderstand",
        "1",
    );
    h.end();
    write_element(env.body(), NS, "Add", &Pair { a: 1, b: 2 });
    let client = ClientCore::new(transport, SoapVersion::Soap11);
    match client.call("Add", env.finish()).await {
        Err(Error::Fault { fault, .. }) => assert_eq!(fault.code, FaultCode::MustUnderstand),
        other => panic!("{other:?}"),
    }
}
