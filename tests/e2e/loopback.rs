//! The generated client against the generated server over real HTTP on loopback, in both SOAP
//! versions, including faults, and in-process without sockets.

use crate::support::*;
use generated_example::*;
use soapgen_runtime::client::http::HttpTransport;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::{Error, SoapVersion};
use std::sync::Arc;

fn auth(user: &str, password: &str) -> AuthHeader {
    AuthHeader {
        user_name: Some(user.into()),
        password: Some(password.into()),
        ..AuthHeader::default()
    }
}

async fn every_operation(version: SoapVersion) {
    let (url, service) = start_server().await;
    let client = AccountManagementServiceClient::new(HttpTransport::new(url).unwrap())
        .with_soap_version(version)
        .with_auth_header(auth("admin", "secret"));

    let created = client
        .create_account_by_size(Some(CreateAccountBySizeRequest {
            target_entity_id: 7,
            username: Some("bob".into()),
            password: Some("pw1".into()),
            account_size_mb: 10_240,
            full_name: Some("Bob <&> \"Ünïcode\" 'quoted'".into()),
            email: Some("bob@example.com".into()),
            is_ultrasafe: false,
            disable_emails_notification: true,
        }))
        .await
        .unwrap()
        .unwrap();
    assert!(created.result.unwrap().as_str().contains("Success"));

    let again = client
        .create_account_by_size(Some(CreateAccountBySizeRequest {
            username: Some("bob".into()),
            account_size_mb: 1,
            ..CreateAccountBySizeRequest::default()
        }))
        .await
        .unwrap()
        .unwrap();
    assert!(again.result.unwrap().as_str().contains("AlreadyExists"));

    let auth_ok = client
        .authenticate(Some("bob".into()), Some("pw1".into()))
        .await
        .unwrap();
    assert_eq!(auth_ok.account_status, AccountStatus::Active);
    assert!(auth_ok.backup_server_name.is_some());
    let auth_bad = client
        .authenticate(Some("bob".into()), Some("nope".into()))
        .await
        .unwrap();
    assert_eq!(auth_bad.account_status, AccountStatus::Inactive);

    client
        .change_backup_account_email(Some(ChangeBackupAccountEmailRequest {
            username: Some("bob".into()),
            email: Some("new@example.com".into()),
            send_email_to_customer: false,
        }))
        .await
        .unwrap();
    assert_eq!(service.email_of("bob").as_deref(), Some("new@example.com"));

    client
        .change_backup_account_password(Some(ChangeBackupAccountPasswordRequest {
            username: Some("bob".into()),
            new_password: Some("pw2".into()),
            send_email_to_customer: true,
        }))
        .await
        .unwrap();
    let token = client
        .get_authentication_token(Some(GetAuthenticationTokenRequest {
            username: Some("bob".into()),
            password: Some("pw2".into()),
        }))
        .await
        .unwrap()
        .unwrap();
    assert!(token.token.is_some_and(|t| t.starts_with("auth-")));

    client
        .change_account_password(Some("bob".into()), Some("pw2".into()), Some("pw3".into()))
        .await
        .unwrap();
    client
        .change_account_email(
            Some("bob".into()),
            Some("pw3".into()),
            Some("legacy@example.com".into()),
        )
        .await
        .unwrap();
    assert_eq!(
        service.email_of("bob").as_deref(),
        Some("legacy@example.com")
    );

    let used = client
        .get_account_used_space(Some("bob".into()))
        .await
        .unwrap();
    assert_eq!(used.used_space_in_kb, 0);

    let sso = client
        .get_authorization_token_by_entity(Some(GetAuthorizationTokenByEntityRequest {
            username: Some("bob".into()),
            is_app_user: false,
        }))
        .await
        .unwrap()
        .unwrap();
    assert!(sso.auth_token.is_some());

    let partner = client
        .create_account_by_partner_license_key(
            Some("Carol".into()),
            Some("carol".into()),
            Some("pw".into()),
            Some("carol@example.com".into()),
            Some("LK-1".into()),
            Some("PLK-1".into()),
            Some("en-US".into()),
            true,
            Some("q".into()),
            Some("a".into()),
        )
        .await
        .unwrap();
    assert!(partner.unwrap().as_str().contains("Success"));
}

#[tokio::test]
async fn every_operation_over_http_soap11() {
    every_operation(SoapVersion::Soap11).await;
}

#[tokio::test]
async fn every_operation_over_http_soap12() {
    every_operation(SoapVersion::Soap12).await;
}

async fn wrong_credentials_fault(version: SoapVersion, expected_code: &str) {
    let (url, _service) = start_server().await;
    let client = AccountManagementServiceClient::new(HttpTransport::new(url).unwrap())
        .with_soap_version(version)
        .with_auth_header(auth("admin", "wrong"));
    let err = client
        .change_backup_account_email(Some(ChangeBackupAccountEmailRequest::default()))
        .await
        .unwrap_err();
    let Error::Fault { status, fault } = err else {
        panic!("expected a fault, got {err:?}");
    };
    assert!(status == 500 || status == 400, "status {status}");
    assert_eq!(fault.code, FaultCode::Client);
    assert_eq!(fault.code_name(version), expected_code);
    assert!(
        fault.reason.contains("Invalid credentials"),
        "{}",
        fault.reason
    );

    // A missing header is refused the same way; a per-call override fixes it.
    let anonymous = client.clone();
    let mut anonymous = anonymous;
    anonymous.set_auth_header(None);
    assert!(matches!(
        anonymous.get_account_used_space(Some("x".into())).await,
        Err(Error::Fault { .. })
    ));
    let fixed = client
        .clone()
        .with_auth_header(auth("admin", "secret"))
        .get_account_used_space(Some("x".into()))
        .await;
    assert!(fixed.is_ok(), "{fixed:?}");
}

#[tokio::test]
async fn wrong_credentials_give_client_fault_soap11() {
    wrong_credentials_fault(SoapVersion::Soap11, "Client").await;
}

#[tokio::test]
async fn wrong_credentials_give_sender_fault_soap12() {
    wrong_credentials_fault(SoapVersion::Soap12, "Sender").await;
}

#[tokio::test]
async fn in_process_transport_needs_no_socket() {
    let service = Arc::new(generated_example::demo::DemoService::new("u", "p"));
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let transport = InProcess::new(AccountManagementServiceServer::new(service.clone()));
        let client = AccountManagementServiceClient::new(transport)
            .with_soap_version(version)
            .with_auth_header(auth("u", "p"));
        client
            .change_backup_account_email(Some(ChangeBackupAccountEmailRequest {
                username: Some("dave".into()),
                email: Some(format!("dave{version:?}@example.com")),
                send_email_to_customer: true,
            }))
            .await
            .unwrap();
        assert_eq!(
            service.email_of("dave"),
            Some(format!("dave{version:?}@example.com"))
        );
    }
}
