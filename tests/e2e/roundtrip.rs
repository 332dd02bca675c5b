//! Every generated type of the example service encodes and decodes back to an equal value,
//! with values that stress escaping and occurrence (absent, empty, present).

use generated_example::*;
use soapgen_runtime::{FromXml, RawXml, ToXml, XmlReader, XmlWriter};
use std::fmt::Debug;

const NS: &str = "sosonlinebackup.com";

fn roundtrip<T: ToXml + FromXml + PartialEq + Debug>(value: T) {
    let mut w = XmlWriter::new();
    soapgen_runtime::xml::write_element(&mut w, NS, "Root", &value);
    let xml = w.into_string();
    let mut r = XmlReader::new(&xml);
    let start = r.root().unwrap();
    let back: T =
        soapgen_runtime::xml::read_element(&mut r, &start).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(back, value, "\n{xml}");
}

fn text() -> Option<String> {
    Some("a <b> & \"c\" 'd' ünïcödé \u{1F600}".into())
}

fn result_xml() -> Option<RawXml> {
    Some(RawXml::new(
        r#"<Result xmlns="sosonlinebackup.com">0</Result><Code xmlns="sosonlinebackup.com">Success</Code><Message xmlns="sosonlinebackup.com" />"#,
    ))
}

#[test]
fn auth_header() {
    roundtrip(AuthHeader::default());
    roundtrip(AuthHeader {
        other_attributes: vec![("urn:x".into(), "extra".into(), "v&1".into())],
        user_name: text(),
        password: Some(String::new()),
    });
}

#[test]
fn legacy_wrappers() {
    roundtrip(Authenticate {
        user_name: text(),
        password: None,
    });
    for status in [
        AccountStatus::Active,
        AccountStatus::Cancelled,
        AccountStatus::Expired,
        AccountStatus::Inactive,
        AccountStatus::Locked,
        AccountStatus::Suspended,
        AccountStatus::Unrecognized("Archived".into()),
    ] {
        roundtrip(AuthenticateResponse {
            authenticate_result: result_xml(),
            account_status: status,
            backup_server_name: text(),
        });
    }
    roundtrip(ChangeAccountEmail {
        user_name: text(),
        password: text(),
        email: None,
    });
    roundtrip(ChangeAccountEmailResponse {
        change_account_email_result: result_xml(),
    });
    roundtrip(ChangeAccountPassword {
        user_name: text(),
        password: None,
        new_password: text(),
    });
    roundtrip(ChangeAccountPasswordResponse {
        change_account_password_result: None,
    });
    roundtrip(CreateAccountByPartnerLicenseKey {
        first_name: text(),
        user_name: text(),
        password: text(),
        email: text(),
        license_key: None,
        partner_license_key: text(),
        locale_code: Some("en-US".into()),
        is_ultra_safe: true,
        secret_question: None,
        answer: text(),
    });
    roundtrip(CreateAccountByPartnerLicenseKeyResponse {
        create_account_by_partner_license_key_result: result_xml(),
    });
    roundtrip(GetAccountUsedSpace { user_name: text() });
    for used in [i64::MIN, -1, 0, i64::MAX] {
        roundtrip(GetAccountUsedSpaceResponse {
            get_account_used_space_result: result_xml(),
            used_space_in_kb: used,
        });
    }
}

#[test]
fn request_objects() {
    roundtrip(ChangeBackupAccountEmail {
        request: Some(ChangeBackupAccountEmailRequest {
            username: text(),
            email: text(),
            send_email_to_customer: true,
        }),
    });
    roundtrip(ChangeBackupAccountEmail { request: None });
    roundtrip(ChangeBackupAccountEmailResponseElement {
        change_backup_account_email_result: Some(ChangeBackupAccountEmailResponse {
            result: result_xml(),
        }),
    });
    roundtrip(ChangeBackupAccountPassword {
        request: Some(ChangeBackupAccountPasswordRequest {
            username: text(),
            new_password: None,
            send_email_to_customer: false,
        }),
    });
    roundtrip(ChangeBackupAccountPasswordResponseElement {
        change_backup_account_password_result: Some(ChangeBackupAccountPasswordResponse {
            result: None,
        }),
    });
    roundtrip(CreateAccountBySize {
        request: Some(CreateAccountBySizeRequest {
            target_entity_id: i32::MIN,
            username: text(),
            password: text(),
            account_size_mb: i64::MAX,
            full_name: text(),
            email: None,
            is_ultrasafe: true,
            disable_emails_notification: false,
        }),
    });
    roundtrip(CreateAccountBySizeResponseElement {
        create_account_by_size_result: Some(CreateAccountBySizeResponse {
            result: result_xml(),
        }),
    });
    roundtrip(GetAuthenticationToken {
        request: Some(GetAuthenticationTokenRequest {
            username: text(),
            password: text(),
        }),
    });
    roundtrip(GetAuthenticationTokenResponseElement {
        get_authentication_token_result: Some(GetAuthenticationTokenResponse {
            result: result_xml(),
            token: text(),
        }),
    });
    roundtrip(GetAuthorizationTokenByEntity {
        request: Some(GetAuthorizationTokenByEntityRequest {
            username: text(),
            is_app_user: true,
        }),
    });
    roundtrip(GetAuthorizationTokenByEntityResponseElement {
        get_authorization_token_by_entity_result: Some(GetAuthorizationTokenByEntityResponse {
            auth_token: text(),
            result: result_xml(),
        }),
    });
}

#[test]
fn decoding_is_prefix_agnostic_and_reports_bad_values() {
    let xml = r#"<a:ChangeBackupAccountEmailRequest xmlns:a="sosonlinebackup.com" xmlns:b="sosonlinebackup.com">
        <b:Username>alice</b:Username><Email xmlns="sosonlinebackup.com">x@y</Email>
        <a:SendEmailToCustomer> 1 </a:SendEmailToCustomer><a:Unknown>skipped</a:Unknown></a:ChangeBackupAccountEmailRequest>"#;
    let mut r = XmlReader::new(xml);
    let start = r.root().unwrap();
    let v: ChangeBackupAccountEmailRequest =
        soapgen_runtime::xml::read_element(&mut r, &start).unwrap();
    assert_eq!(v.username.as_deref(), Some("alice"));
    assert_eq!(v.email.as_deref(), Some("x@y"));
    assert!(v.send_email_to_customer);

    let bad =
        r#"<r xmlns="sosonlinebackup.com"><SendEmailToCustomer>maybe</SendEmailToCustomer></r>"#;
    let mut r = XmlReader::new(bad);
    let start = r.root().unwrap();
    let err = soapgen_runtime::xml::read_element::<ChangeBackupAccountEmailRequest>(&mut r, &start)
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("SendEmailToCustomer") && message.contains("maybe"),
        "{message}"
    );

    let missing = r#"<r xmlns="sosonlinebackup.com"><Username>a</Username></r>"#;
    let mut r = XmlReader::new(missing);
    let start = r.root().unwrap();
    let err = soapgen_runtime::xml::read_element::<ChangeBackupAccountEmailRequest>(&mut r, &start)
        .unwrap_err();
    assert!(err.to_string().contains("SendEmailToCustomer"), "{err}");
}

#[test]
fn variant_wsdl_types_keep_nil_absent_and_timezones() {
    use generated_example::variant::*;
    use soapgen_runtime::xsd::DateTime;
    use soapgen_runtime::Nillable;
    let with_tz: DateTime = "2026-11-27T10:00:00.1234567+05:30".parse().unwrap();
    let without_tz: DateTime = "2026-02-28T24:00:00".parse().unwrap();
    let utc: DateTime = "1999-12-31T23:59:59Z".parse().unwrap();
    let item = |date: DateTime| GetAllAccountsItem {
        user_name: Some("ünï <&>".into()),
        customer_name: None,
        email: Some(String::new()),
        entity_id: -42,
        customer_type_code: Some("B2B".into()),
        payment_plan_id: i32::MAX,
        signup_date: date,
    };
    roundtrip(GetAllAccountsResponse {
        result: ResultCode::Unrecognized("NewCode".into()),
        accounts: Some(ArrayOfGetAllAccountsItem {
            get_all_accounts_item: vec![
                Nillable::Value(item(with_tz.clone())),
                Nillable::Nil,
                Nillable::Value(item(without_tz.clone())),
                Nillable::Value(item(utc.clone())),
            ],
        }),
    });
    roundtrip(GetHistoryEventsTotals {
        monitored_usernames: Some(ArrayOfString {
            string: vec![
                Nillable::Value("a".into()),
                Nillable::Nil,
                Nillable::Value(String::new()),
            ],
        }),
        months: u8::MAX,
    });
    roundtrip(BaseResponse {
        result: Some(ResultType {
            result: 52,
            code: ResultCode::AlreadyExists,
            message: Some("Err-1;".into()),
        }),
    });
    // The timezone (or its absence) is kept exactly as sent.
    assert_eq!(with_tz.to_string(), "2026-11-27T10:00:00.1234567+05:30");
    assert_eq!(without_tz.to_string(), "2026-02-28T24:00:00");
    assert_eq!(utc.to_string(), "1999-12-31T23:59:59Z");
}
