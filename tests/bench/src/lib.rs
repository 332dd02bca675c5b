//! The messages the benchmarks work on, built once and shared by the criterion benches
//! (`benches/`), the peak-memory probe (`soapgen-bench-mem`) and the servers that
//! `tests/bench/compare.sh` loads with wrk.
//!
//! Every encode and decode here calls exactly what the generated client and server call
//! (`EnvelopeWriter` + `write_element`, `Message::parse` + `decode_header`/`decode_body`), so the
//! figures are those of generated code, without HTTP.

use generated_example::variant::{ArrayOfGetAllAccountsItem, GetAllAccountsItem};
use generated_example::{AuthHeader, ChangeBackupAccountEmail, ChangeBackupAccountEmailRequest};
use soapgen_runtime::xml::limits::Limits;
use soapgen_runtime::xsd::DateTime;
use soapgen_runtime::{EnvelopeWriter, Fault, Message, SoapVersion, XmlWriter};

/// The AccountManagementService namespace.
pub const NS: &str = "sosonlinebackup.com";

/// The seed's request, as an ASP.NET client indents it, with real values in its placeholders.
pub fn seed_request(version: SoapVersion) -> String {
    let (prefix, ns) = envelope_of(version);
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<{prefix}:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:{prefix}="{ns}">
  <{prefix}:Header>
    <AuthHeader xmlns="sosonlinebackup.com">
      <UserName>partner-api</UserName>
      <Password>s3cr3t-Passw0rd</Password>
    </AuthHeader>
  </{prefix}:Header>
  <{prefix}:Body>
    <ChangeBackupAccountEmail xmlns="sosonlinebackup.com">
      <request>
        <Username>jane.doe</Username>
        <Email>jane.doe@example.com</Email>
        <SendEmailToCustomer>true</SendEmailToCustomer>
      </request>
    </ChangeBackupAccountEmail>
  </{prefix}:Body>
</{prefix}:Envelope>"#
    )
}

/// The seed's response.
pub fn seed_response(version: SoapVersion) -> String {
    let (prefix, ns) = envelope_of(version);
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<{prefix}:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:{prefix}="{ns}">
  <{prefix}:Body>
    <ChangeBackupAccountEmailResponse xmlns="sosonlinebackup.com">
      <ChangeBackupAccountEmailResult>
        <Result />
      </ChangeBackupAccountEmailResult>
    </ChangeBackupAccountEmailResponse>
  </{prefix}:Body>
</{prefix}:Envelope>"#
    )
}

fn envelope_of(version: SoapVersion) -> (&'static str, &'static str) {
    match version {
        SoapVersion::Soap11 => ("soap", "http://schemas.xmlsoap.org/soap/envelope/"),
        SoapVersion::Soap12 => ("soap12", "http://www.w3.org/2003/05/soap-envelope"),
    }
}

/// The seed request's values, as the generated client takes them.
pub fn request_values() -> (AuthHeader, ChangeBackupAccountEmail) {
    let header = AuthHeader {
        user_name: Some("partner-api".into()),
        password: Some("s3cr3t-Passw0rd".into()),
        ..AuthHeader::default()
    };
    let body = ChangeBackupAccountEmail {
        request: Some(ChangeBackupAccountEmailRequest {
            username: Some("jane.doe".into()),
            email: Some("jane.doe@example.com".into()),
            send_email_to_customer: true,
        }),
    };
    (header, body)
}

/// Encodes the request as the generated client does.
pub fn encode_request(
    version: SoapVersion,
    header: &AuthHeader,
    body: &ChangeBackupAccountEmail,
) -> String {
    let mut envelope = EnvelopeWriter::new(version);
    soapgen_runtime::xml::write_element(envelope.header(), NS, "AuthHeader", header);
    soapgen_runtime::xml::write_element(envelope.body(), NS, "ChangeBackupAccountEmail", body);
    envelope.finish()
}

/// Decodes a request as the generated server does (header, then body).
pub fn decode_request(
    bytes: &[u8],
) -> Result<(Option<AuthHeader>, ChangeBackupAccountEmail), Fault> {
    let message = Message::parse(bytes, Limits::default())?;
    message.check_must_understand(&[(NS, "AuthHeader")])?;
    let header = message.decode_header::<AuthHeader>(NS, "AuthHeader")?;
    let body = message.decode_body::<ChangeBackupAccountEmail>(NS, "ChangeBackupAccountEmail")?;
    Ok((header, body))
}

/// Encodes the response as the generated server does.
pub fn encode_response(
    version: SoapVersion,
    response: &generated_example::ChangeBackupAccountEmailResponseElement,
) -> String {
    let mut envelope = EnvelopeWriter::new(version);
    soapgen_runtime::xml::write_element(
        envelope.body(),
        NS,
        "ChangeBackupAccountEmailResponse",
        response,
    );
    envelope.finish()
}

/// Decodes a response as the generated client does: the transport hands over the body it
/// read, which becomes the message's text without a copy.
pub fn decode_response(
    body: Vec<u8>,
) -> Result<generated_example::ChangeBackupAccountEmailResponseElement, soapgen_runtime::Error> {
    let message = Message::parse_owned(body, Limits::default())
        .map_err(|f| soapgen_runtime::Error::from(f.error))?;
    soapgen_runtime::client::decode_body(&message, NS, "ChangeBackupAccountEmailResponse")
}

/// A Client/Sender fault with a detail, as the runtime writes it.
pub fn encode_fault(version: SoapVersion, fault: &Fault) -> String {
    let mut w = XmlWriter::new();
    fault.write(version, &mut w);
    let mut envelope = EnvelopeWriter::new(version);
    envelope.body().raw(w.as_str());
    envelope.finish()
}

/// `count` accounts, as a GetAllAccounts response of the asmx-variant fixture carries them.
pub fn accounts(count: usize) -> ArrayOfGetAllAccountsItem {
    let signup = DateTime::new(2024, 2, 29, 13, 45, 30, Some(0)).expect("a valid date");
    ArrayOfGetAllAccountsItem {
        get_all_accounts_item: (0..count)
            .map(|i| {
                soapgen_runtime::Nillable::Value(GetAllAccountsItem {
                    user_name: Some(format!("user{i:06}")),
                    customer_name: Some(format!("Customer & Sons No. {i}")),
                    email: Some(format!("user{i:06}@example.com")),
                    entity_id: i as i32,
                    customer_type_code: Some("RETAIL".into()),
                    payment_plan_id: (i % 7) as i32,
                    signup_date: signup.clone(),
                })
            })
            .collect(),
    }
}

/// A GetAllAccounts response envelope with `count` accounts.
pub fn large_response(count: usize) -> String {
    use generated_example::variant::{
        GetAllAccountsResponse, GetAllAccountsResponseElement, ResultCode,
    };
    let element = GetAllAccountsResponseElement {
        get_all_accounts_result: Some(GetAllAccountsResponse {
            result: ResultCode::default(),
            accounts: Some(accounts(count)),
        }),
    };
    let mut envelope = EnvelopeWriter::new(SoapVersion::Soap11);
    soapgen_runtime::xml::write_element(envelope.body(), NS, "GetAllAccountsResponse", &element);
    envelope.finish()
}

/// Decodes a GetAllAccounts response as the generated client does (without the element cap).
pub fn decode_large(
    body: Vec<u8>,
) -> Result<generated_example::variant::GetAllAccountsResponseElement, soapgen_runtime::Error> {
    let limits = Limits {
        max_elements: usize::MAX,
        ..Limits::default()
    };
    let message =
        Message::parse_owned(body, limits).map_err(|f| soapgen_runtime::Error::from(f.error))?;
    soapgen_runtime::client::decode_body(&message, NS, "GetAllAccountsResponse")
}

/// Tokenises `bytes` with quick-xml and nothing else (no names resolved, no values decoded):
/// the floor under any typed decode of the same bytes. It takes the bytes by value, as the
/// decode does (a transport's fresh buffer). Returns the event count.
pub fn tokenise(bytes: Vec<u8>) -> usize {
    let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return events,
            Ok(_) => events += 1,
        }
        buf.clear();
    }
}
