//! Response (output) SOAP headers (`tests/fixtures/response-headers.wsdl`): the server trait
//! returns them beside the output and the dispatcher writes them into the response's Header;
//! the client decodes them and returns them beside the output, in SOAP 1.1 and 1.2. An
//! operation without response headers keeps its plain signature.

use crate::support::Recorder;
use generated_example::sessions::*;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::xsd::DateTime;
use soapgen_runtime::{Fault, HttpRequest, SoapVersion, Transport, XsdSimple};

struct Desk;

impl Sessions for Desk {
    async fn login(
        &self,
        client: Option<ClientInfo>,
        user: String,
    ) -> Result<(String, LoginResponseHeaders), Fault> {
        let agent = client.map(|c| c.agent).unwrap_or_default();
        let headers = LoginResponseHeaders {
            session: Some(Session {
                expires: Some(
                    DateTime::from_text("2026-11-27T12:00:00Z")
                        .map_err(|e| Fault::server(e.to_string()))?,
                ),
                id: format!("s-{user}"),
            }),
            // Quota left out: an absent header stays absent.
            quota: (user != "guest").then_some(5),
        };
        Ok((format!("hello {user} via {agent}"), headers))
    }

    async fn ping(&self) -> Result<(), Fault> {
        Ok(())
    }

    async fn touch(&self) -> Result<TouchResponseHeaders, Fault> {
        Ok(TouchResponseHeaders {
            session: Some(Session {
                expires: None,
                id: "touched".into(),
            }),
        })
    }
}

#[tokio::test]
async fn response_headers_round_trip_in_both_versions() {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let client = SessionsClient::new(InProcess::new(SessionsServer::new(Desk)))
            .with_soap_version(version)
            .with_client_info(ClientInfo {
                agent: "rust".into(),
            });
        let (welcome, headers) = client.login("ann".into()).await.unwrap();
        assert_eq!(welcome, "hello ann via rust");
        let session = headers.session.expect("the session header comes back");
        assert_eq!(session.id, "s-ann");
        assert_eq!(
            session.expires.map(|t| t.to_text().into_owned()),
            Some("2026-11-27T12:00:00Z".to_string())
        );
        assert_eq!(headers.quota, Some(5));

        let (_, headers) = client.login("guest".into()).await.unwrap();
        assert_eq!(headers.quota, None);
        // No response headers declared: the plain signature.
        let () = client.ping().await.unwrap();
        // An empty response with headers: the headers alone.
        let headers: TouchResponseHeaders = client.touch().await.unwrap();
        assert_eq!(headers.session.map(|s| s.id), Some("touched".to_string()));
    }
}

#[tokio::test]
async fn the_server_writes_response_headers_into_the_header() {
    let request = HttpRequest {
        content_type: "text/xml; charset=utf-8".into(),
        soap_action: Some("\"urn:example:sessions/Login\"".into()),
        body: br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Login xmlns="urn:example:sessions"><user>bo</user></Login></s:Body></s:Envelope>"#.to_vec(),
    };
    let response = InProcess::new(SessionsServer::new(Desk))
        .send(request)
        .await
        .unwrap();
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    assert_eq!(response.status, 200, "{text}");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let header = doc
        .descendants()
        .find(|n| n.has_tag_name(("http://schemas.xmlsoap.org/soap/envelope/", "Header")))
        .unwrap_or_else(|| panic!("no Header in {text}"));
    let entries: Vec<(&str, &str)> = header
        .children()
        .filter(|n| n.is_element())
        .map(|n| (n.tag_name().namespace().unwrap_or(""), n.tag_name().name()))
        .collect();
    assert_eq!(
        entries,
        [
            ("urn:example:sessions", "Session"),
            ("urn:example:sessions", "Quota")
        ],
        "{text}"
    );
    let session = header.first_element_child().unwrap();
    assert_eq!(session.attribute("expires"), Some("2026-11-27T12:00:00Z"));
    let id = session.first_element_child().unwrap();
    assert_eq!(
        (id.tag_name().namespace(), id.text()),
        (Some("urn:example:sessions"), Some("s-bo"))
    );
    // The Header comes before the Body.
    assert!(text.find("Header").unwrap() < text.find("Body").unwrap());
}

#[tokio::test]
async fn the_client_reads_headers_written_by_other_peers() {
    // A .NET-style response: mustUnderstand and actor attributes, a header the WSDL does not
    // declare, its own prefixes; the quota header is absent.
    let recorder = Recorder::answering(
        200,
        "text/xml; charset=utf-8",
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><Other xmlns="urn:elsewhere">x</Other><q:Session soap:mustUnderstand="1" soap:actor="http://schemas.xmlsoap.org/soap/actor/next" xmlns:q="urn:example:sessions"><q:id>abc</q:id></q:Session></soap:Header><soap:Body><LoginResponse xmlns="urn:example:sessions"><welcome>hi</welcome></LoginResponse></soap:Body></soap:Envelope>"#,
    );
    let client = SessionsClient::new(recorder.clone());
    let (welcome, headers) = client.login("x".into()).await.unwrap();
    assert_eq!(welcome, "hi");
    assert_eq!(
        headers,
        LoginResponseHeaders {
            session: Some(Session {
                expires: None,
                id: "abc".into()
            }),
            quota: None,
        }
    );

    // A response header that does not decode is an error naming it, not a silent None.
    let recorder = Recorder::answering(
        200,
        "text/xml; charset=utf-8",
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><Quota xmlns="urn:example:sessions">many</Quota></soap:Header><soap:Body><LoginResponse xmlns="urn:example:sessions"><welcome>hi</welcome></LoginResponse></soap:Body></soap:Envelope>"#,
    );
    let err = SessionsClient::new(recorder)
        .login("x".into())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("Quota") && err.to_string().contains("many"),
        "{err}"
    );
}
