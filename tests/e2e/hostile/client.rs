//! The generated client against hostile servers (issue 5, client side): every failure is a
//! distinct `soapgen_runtime::Error` variant that keeps the HTTP status and a body excerpt.

use std::net::SocketAddr;
use std::time::Duration;

use generated_example::{AccountManagementServiceClient, AuthHeader};
use soapgen_runtime::client::http::HttpTransport;
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::{EnvelopeWriter, Error, Fault, SoapVersion};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::raw::{canned_server, http_response};
use crate::support::PATH;

fn client(addr: SocketAddr, version: SoapVersion) -> AccountManagementServiceClient {
    let transport = HttpTransport::builder(format!("http://{addr}{PATH}"))
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .max_response_bytes(64 * 1024)
        .build()
        .unwrap();
    AccountManagementServiceClient::new(transport)
        .with_soap_version(version)
        .with_auth_header(AuthHeader {
            user_name: Some("admin".into()),
            password: Some("secret".into()),
            ..AuthHeader::default()
        })
}

/// Calls one operation against a server answering `response`.
async fn call(response: Vec<u8>, version: SoapVersion) -> Error {
    let addr = canned_server(response).await;
    client(addr, version)
        .get_account_used_space(Some("alice".into()))
        .await
        .expect_err("the response is not a valid answer")
}

#[tokio::test]
async fn http_errors_with_html_or_empty_bodies() {
    let page =
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    match call(
        http_response("502 Bad Gateway", Some("text/html"), page),
        SoapVersion::Soap11,
    )
    .await
    {
        Error::Http {
            status,
            content_type,
            body_excerpt,
        } => {
            assert_eq!(status, 502);
            assert_eq!(content_type.as_deref(), Some("text/html"));
            assert_eq!(body_excerpt, page);
        }
        other => panic!("{other:?}"),
    }
    match call(
        http_response("503 Service Unavailable", None, ""),
        SoapVersion::Soap12,
    )
    .await
    {
        Error::Http {
            status: 503,
            content_type: None,
            body_excerpt,
        } => assert_eq!(body_excerpt, ""),
        other => panic!("{other:?}"),
    }
    // A huge error page is cut to an excerpt.
    let big = format!("<html>{}</html>", "x".repeat(10_000));
    match call(
        http_response("500 Internal Server Error", Some("text/html"), &big),
        SoapVersion::Soap11,
    )
    .await
    {
        Error::Http {
            status: 500,
            body_excerpt,
            ..
        } => {
            assert_eq!(body_excerpt.chars().count(), 512);
            assert!(body_excerpt.starts_with("<html>xxx"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn non_soap_success_bodies_are_invalid_responses() {
    for (ct, body) in [
        ("application/json", "{\"used\": 1}"),
        ("text/xml", ""),
        ("text/xml", "<usage>1</usage>"),
        (
            "text/xml",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>",
        ),
    ] {
        match call(http_response("200 OK", Some(ct), body), SoapVersion::Soap11).await {
            Error::InvalidResponse {
                status: 200,
                reason,
                body_excerpt,
            } => {
                assert_eq!(body_excerpt, body);
                assert!(!reason.is_empty());
            }
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn faults_on_200_and_500_both_versions() {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let fault = EnvelopeWriter::fault(version, &Fault::client("Invalid credentials"));
        for status in ["500 Internal Server Error", "200 OK", "400 Bad Request"] {
            match call(
                http_response(status, Some(version.content_type()), &fault),
                version,
            )
            .await
            {
                Error::Fault { status: s, fault } => {
                    assert_eq!(s.to_string(), status[..3]);
                    assert_eq!(fault.code, FaultCode::Client);
                    assert_eq!(fault.reason, "Invalid credentials");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

#[tokio::test]
async fn truncated_responses_keep_status_and_excerpt() {
    let full = EnvelopeWriter::new(SoapVersion::Soap11).finish();
    // The declared length is longer than what is sent before the server hangs up.
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\n\r\n",
        full.len() + 100
    );
    let mut response = head.into_bytes();
    response.extend_from_slice(&full.as_bytes()[..40]);
    match call(response, SoapVersion::Soap11).await {
        Error::TruncatedResponse {
            status: 200,
            content_type,
            reason,
            body_excerpt,
        } => {
            assert_eq!(content_type.as_deref(), Some("text/xml"));
            assert_eq!(body_excerpt, &full[..40]);
            assert!(!reason.is_empty());
        }
        other => panic!("{other:?}"),
    }
    // A chunked body that stops without its last chunk.
    let mut chunked = b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    chunked.extend_from_slice(format!("{:x}\r\n{}\r\n", 20, &full[..20]).as_bytes());
    match call(chunked, SoapVersion::Soap11).await {
        Error::TruncatedResponse {
            status: 500,
            body_excerpt,
            ..
        } => assert_eq!(body_excerpt, &full[..20]),
        other => panic!("{other:?}"),
    }
    // Complete HTTP framing around a cut-off envelope: the envelope is invalid.
    match call(
        http_response("200 OK", Some("text/xml"), &full[..60]),
        SoapVersion::Soap11,
    )
    .await
    {
        Error::InvalidResponse {
            status: 200,
            body_excerpt,
            ..
        } => assert_eq!(body_excerpt, &full[..60]),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn responses_over_the_limit_keep_status_and_excerpt() {
    // Declared too large: refused from the headers.
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100000000\r\n\r\n<soap:Envelope";
    match call(head.as_bytes().to_vec(), SoapVersion::Soap11).await {
        Error::ResponseTooLarge {
            limit,
            status: 200,
            body_excerpt,
        } => {
            assert_eq!(limit, 64 * 1024);
            assert_eq!(body_excerpt, "");
        }
        other => panic!("{other:?}"),
    }
    // Streamed without a length: cut at the limit.
    let body = format!("<soap:Envelope>{}", " ".repeat(200 * 1024));
    let mut response =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n".to_vec();
    response.extend_from_slice(body.as_bytes());
    match call(response, SoapVersion::Soap11).await {
        Error::ResponseTooLarge {
            status: 200,
            body_excerpt,
            ..
        } => {
            assert!(
                body_excerpt.starts_with("<soap:Envelope>   "),
                "{body_excerpt}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn refused_connections_and_timeouts_are_distinct() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    match client(addr, SoapVersion::Soap11)
        .get_account_used_space(None)
        .await
    {
        Err(Error::Transport { message, source }) => {
            assert!(message.contains("connect"), "{message}");
            assert!(source.is_some());
        }
        other => panic!("{other:?}"),
    }

    // A server that reads the request, sends the headers and then nothing.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let stalling = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = socket.read(&mut buf).await;
            let _ = socket
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 500\r\n\r\n<soap:Env")
                .await;
            held.push(socket);
        }
    });
    let transport = HttpTransport::builder(format!("http://{addr}{PATH}"))
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let result = AccountManagementServiceClient::new(transport)
        .get_account_used_space(None)
        .await;
    assert!(matches!(result, Err(Error::Timeout)), "{result:?}");
    stalling.abort();
}

#[tokio::test]
async fn response_values_that_do_not_parse_are_decode_errors_naming_element_and_value() {
    let response = |date: &str| {
        format!("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><GetAllAccountsResponse xmlns=\"sosonlinebackup.com\"><GetAllAccountsResult><Result>Success</Result><Accounts><GetAllAccountsItem><EntityId>1</EntityId><PaymentPlanId>2</PaymentPlanId><SignupDate>{date}</SignupDate></GetAllAccountsItem></Accounts></GetAllAccountsResult></GetAllAccountsResponse></soap:Body></soap:Envelope>")
    };
    let ok = canned_server(http_response(
        "200 OK",
        Some("text/xml"),
        &response("2024-02-29T10:00:00Z"),
    ))
    .await;
    let variant = |addr: SocketAddr| {
        generated_example::variant::AccountManagementServiceClient::new(
            HttpTransport::new(format!("http://{addr}{PATH}")).unwrap(),
        )
    };
    assert!(variant(ok).get_all_accounts(None).await.is_ok());
    for bad in [
        "yesterday",
        "2024-02-30T10:00:00Z",
        "2024-02-29T10:00:00+25:00",
    ] {
        let addr = canned_server(http_response("200 OK", Some("text/xml"), &response(bad))).await;
        match variant(addr).get_all_accounts(None).await {
            Err(Error::Decode(err)) => {
                let text = err.to_string();
                assert!(
                    text.contains("<SignupDate>") && text.contains(bad),
                    "{text}"
                );
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}
