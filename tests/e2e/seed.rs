//! The seed help page is the golden reference: its sample requests, with the placeholders
//! filled, must be accepted by the generated server with the headers the page shows, and the
//! generated client must send the same XML with the same headers.

use crate::support::*;
use generated_example::{
    AccountManagementServiceClient, AuthHeader, ChangeBackupAccountEmailRequest,
};
use soapgen_runtime::client::http::HttpTransport;
use soapgen_runtime::client::HttpRequest;
use soapgen_runtime::{SoapVersion, Transport};

async fn server_accepts_seed_request(version_label: &str, version: SoapVersion) {
    let Some(seed) = seed_sample(version_label) else {
        return;
    };
    let (url, service) = start_server().await;
    let body = seed.filled_request("admin", "secret", "alice", "alice@example.com", true);
    let transport = HttpTransport::new(url).unwrap();
    let content_type = seed.header("Content-Type").unwrap().to_string();
    let soap_action = seed.header("SOAPAction").map(str::to_string);
    assert_eq!(
        soap_action.is_some(),
        version == SoapVersion::Soap11,
        "1.1 has SOAPAction, 1.2 does not"
    );
    let response = transport
        .send(HttpRequest {
            content_type,
            soap_action,
            body: body.into_bytes(),
        })
        .await
        .unwrap();
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    assert_eq!(response.status, 200, "{text}");
    let expected_ct = seed
        .response_headers
        .iter()
        .find(|(k, _)| k == "Content-Type")
        .map(|(_, v)| v.as_str());
    assert_eq!(response.content_type.as_deref(), expected_ct);
    assert_eq!(
        service.email_of("alice").as_deref(),
        Some("alice@example.com")
    );
    assert_eq!(service.notifications_of("alice"), 1);

    // Same envelope and element structure as the seed's response; the seed renders Result
    // empty, ours carries the standard result object inside it.
    let ours = xml_tree(&text);
    let seed_tree = xml_tree(&seed.response_xml);
    assert_eq!(
        (ours.ns.as_str(), ours.local.as_str()),
        (seed_tree.ns.as_str(), seed_tree.local.as_str())
    );
    let body_of = |t: &XmlTree| {
        let b = t.children.iter().find(|c| c.local == "Body").expect("Body");
        let op = &b.children[0];
        let result = &op.children[0];
        (
            op.ns.clone(),
            op.local.clone(),
            result.local.clone(),
            result.children[0].local.clone(),
        )
    };
    assert_eq!(body_of(&ours), body_of(&seed_tree));
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
}

#[tokio::test]
async fn server_accepts_seed_soap11_request() {
    server_accepts_seed_request("SOAP 1.1", SoapVersion::Soap11).await;
}

#[tokio::test]
async fn server_accepts_seed_soap12_request() {
    server_accepts_seed_request("SOAP 1.2", SoapVersion::Soap12).await;
}

async fn client_matches_seed(version_label: &str, version: SoapVersion) {
    let Some(seed) = seed_sample(version_label) else {
        return;
    };
    let canned = seed.response_xml.clone();
    let content_type = seed.response_headers[0].1.clone();
    let recorder = Recorder::answering(200, &content_type, &canned);
    let client = AccountManagementServiceClient::new(recorder.clone())
        .with_soap_version(version)
        .with_auth_header(AuthHeader {
            user_name: Some("admin".into()),
            password: Some("secret".into()),
            ..AuthHeader::default()
        });
    let response = client
        .change_backup_account_email(Some(ChangeBackupAccountEmailRequest {
            username: Some("alice".into()),
            email: Some("alice@example.com".into()),
            send_email_to_customer: true,
        }))
        .await
        .unwrap();
    assert!(response.is_some(), "the seed's response decodes");
    let sent = recorder.last();
    let sent_xml = String::from_utf8(sent.body.clone()).unwrap();
    let expected = seed.filled_request("admin", "secret", "alice", "alice@example.com", true);
    assert_eq!(
        xml_tree(&sent_xml),
        xml_tree(&expected),
        "sent:\n{sent_xml}"
    );
    let seed_ct = seed.header("Content-Type").unwrap();
    match version {
        SoapVersion::Soap11 => {
            assert_eq!(sent.content_type, seed_ct);
            assert_eq!(sent.soap_action.as_deref(), seed.header("SOAPAction"));
        }
        SoapVersion::Soap12 => {
            // The help page omits the optional action parameter; we send it, as SOAP 1.2 recommends.
            assert_eq!(
                sent.content_type,
                format!("{seed_ct}; action=\"sosonlinebackup.com/ChangeBackupAccountEmail\"")
            );
            assert_eq!(sent.soap_action, None);
        }
    }
}

#[tokio::test]
async fn client_request_matches_seed_soap11() {
    client_matches_seed("SOAP 1.1", SoapVersion::Soap11).await;
}

#[tokio::test]
async fn client_request_matches_seed_soap12() {
    client_matches_seed("SOAP 1.2", SoapVersion::Soap12).await;
}
