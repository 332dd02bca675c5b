//! Our side of the client half of the contract (`tests/interop/CONTRACT.md`): every case, run
//! by our generated clients against a peer's server, each checked value for value.

use crate::generated::{ams, faults, round4};
use crate::report::Line;
use soapgen_runtime::client::http::HttpTransport;
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::xsd::{Base64Binary, DateTime, Decimal, HexBinary};
use soapgen_runtime::{Error, Fault, Nillable, OperationError, SoapVersion, XsdSimple};
use std::fmt::Debug;

/// Where the peer's three services are.
pub struct Endpoints {
    pub ams: String,
    pub round4: String,
    pub faults: String,
}

type Outcome = Result<(), String>;

/// Runs every case against the peer and returns one line per case.
pub async fn run(peer: &str, endpoints: &Endpoints, version: SoapVersion) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut record = |wsdl: &'static str, case: &'static str, outcome: Outcome| {
        lines.push(Line {
            peer: peer.to_string(),
            direction: "soapgen-client->peer-server",
            wsdl,
            version,
            case,
            outcome,
        });
    };
    let transport = |url: &str| HttpTransport::new(url.to_string()).map_err(|e| e.to_string());

    match transport(&endpoints.ams) {
        Ok(t) => {
            let good = ams::AccountManagementServiceClient::new(t.clone())
                .with_soap_version(version)
                .with_auth_header(auth("secret"));
            let bad = ams::AccountManagementServiceClient::new(t)
                .with_soap_version(version)
                .with_auth_header(auth("wrong"));
            record("ams", "ams.strings", ams_strings(&good).await);
            record("ams", "ams.empty-absent", ams_empty_absent(&good).await);
            record("ams", "ams.long", ams_long(&good).await);
            record("ams", "ams.bad-auth", ams_bad_auth(&bad, version).await);
            record(
                "ams",
                "ams.not-a-number",
                ams_not_a_number(&good, version).await,
            );
        }
        Err(e) => record("ams", "ams.*", Err(e)),
    }

    match transport(&endpoints.round4) {
        Ok(t) => {
            let c = round4::Round4XsdTestClient::new(t).with_soap_version(version);
            record("round4", "round4.string", round4_string(&c).await);
            record(
                "round4",
                "round4.string-empty",
                echo_string(&c, Some(String::new())).await,
            );
            record(
                "round4",
                "round4.string-absent",
                echo_string(&c, None).await,
            );
            record("round4", "round4.int", round4_int(&c).await);
            record("round4", "round4.float", round4_float(&c).await);
            record("round4", "round4.decimal", round4_decimal(&c).await);
            record("round4", "round4.bool", round4_bool(&c).await);
            record(
                "round4",
                "round4.date-utc",
                round4_date(&c, "2026-11-27T09:30:15.125Z").await,
            );
            record(
                "round4",
                "round4.date-offset",
                round4_date(&c, "2026-11-27T09:30:15+05:30").await,
            );
            record(
                "round4",
                "round4.date-local",
                round4_date(&c, "2026-11-27T09:30:15").await,
            );
            record("round4", "round4.base64", round4_base64(&c).await);
            record("round4", "round4.hex", round4_hex(&c).await);
            record("round4", "round4.enum", round4_enum(&c).await);
            record("round4", "round4.struct", round4_struct(&c).await);
            record("round4", "round4.nested", round4_nested(&c).await);
            record("round4", "round4.nil", round4_nil(&c).await);
            record("round4", "round4.long-array", round4_long_array(&c).await);
            record(
                "round4",
                "round4.string-array",
                round4_string_array(&c).await,
            );
            record("round4", "round4.choice", round4_choice(&c).await);
            record(
                "round4",
                "round4.void",
                c.echo_void().await.map_err(|e| e.to_string()),
            );
        }
        Err(e) => record("round4", "round4.*", Err(e)),
    }

    match transport(&endpoints.faults) {
        Ok(t) => {
            let c = faults::SimpleDocLitServiceClient::new(t).with_soap_version(version);
            record("faults", "faults.string", faults_string(&c).await);
            record("faults", "faults.int-array", faults_int_array(&c).await);
            record("faults", "faults.empty", faults_empty(&c).await);
        }
        Err(e) => record("faults", "faults.*", Err(e)),
    }
    lines
}

fn auth(password: &str) -> ams::AuthHeader {
    ams::AuthHeader {
        user_name: Some("admin".into()),
        password: Some(password.into()),
        ..ams::AuthHeader::default()
    }
}

fn same<T: PartialEq + Debug>(what: &str, expected: T, got: T) -> Outcome {
    if expected == got {
        Ok(())
    } else {
        Err(format!("{what}: expected {expected:?}, got {got:?}"))
    }
}

fn call<T>(result: Result<T, Error>) -> Result<T, String> {
    result.map_err(|e| format!("call failed: {e}"))
}

/// The fault a call must have ended with, its code and text checked.
fn expect_fault<T: Debug>(
    result: Result<T, Error>,
    code: FaultCode,
    text: &str,
    version: SoapVersion,
) -> Result<Fault, String> {
    match result {
        Err(Error::Fault { fault, .. }) => {
            if fault.code != code {
                return Err(format!(
                    "fault code: expected {}, got {}",
                    code.local_name(version),
                    fault.code_name(version)
                ));
            }
            same("fault text", text, fault.reason.as_str())?;
            Ok(fault)
        }
        Err(e) => Err(format!("expected a fault, got error {e}")),
        Ok(v) => Err(format!("expected a fault, got success {v:?}")),
    }
}

async fn ams_strings(c: &ams::AccountManagementServiceClient) -> Outcome {
    let r = call(
        c.authenticate(Some("a<b&c>\"d'e".into()), Some("żółć ✓ 日本 𝄞".into()))
            .await,
    )?;
    same(
        "accountStatus",
        ams::AccountStatus::Active,
        r.account_status,
    )?;
    same(
        "backupServerName",
        Some("=a<b&c>\"d'e|=żółć ✓ 日本 𝄞"),
        r.backup_server_name.as_deref(),
    )
}

async fn ams_empty_absent(c: &ams::AccountManagementServiceClient) -> Outcome {
    let r = call(c.authenticate(Some(String::new()), None).await)?;
    same(
        "backupServerName",
        Some("=|-"),
        r.backup_server_name.as_deref(),
    )
}

async fn ams_long(c: &ams::AccountManagementServiceClient) -> Outcome {
    for n in [i64::MIN, i64::MAX] {
        let r = call(c.get_account_used_space(Some(n.to_string())).await)?;
        same("usedSpaceInKB", n, r.used_space_in_kb)?;
    }
    Ok(())
}

async fn ams_bad_auth(c: &ams::AccountManagementServiceClient, v: SoapVersion) -> Outcome {
    let r = c.authenticate(Some("x".into()), Some("y".into())).await;
    expect_fault(r, FaultCode::Client, "Invalid AuthHeader credentials", v).map(drop)
}

async fn ams_not_a_number(c: &ams::AccountManagementServiceClient, v: SoapVersion) -> Outcome {
    let r = c.get_account_used_space(Some("12ab".into())).await;
    expect_fault(r, FaultCode::Client, "userName is not a number", v).map(drop)
}

async fn echo_string(c: &round4::Round4XsdTestClient, input: Option<String>) -> Outcome {
    let got = call(c.echo_string(input.clone()).await)?;
    same("return", input, got)
}

async fn round4_string(c: &round4::Round4XsdTestClient) -> Outcome {
    echo_string(c, Some("  <&>\"' żółć 日本 𝄞\tend  ".into())).await
}

async fn round4_int(c: &round4::Round4XsdTestClient) -> Outcome {
    for n in [i32::MIN, i32::MAX] {
        same("return", n, call(c.echo_integer(n).await)?)?;
    }
    Ok(())
}

async fn round4_float(c: &round4::Round4XsdTestClient) -> Outcome {
    for n in [-1.5f32, 123456.75] {
        same("return", n, call(c.echo_float(n).await)?)?;
    }
    Ok(())
}

/// A decimal's value as (sign, integer digits, fraction digits), without insignificant zeros.
fn decimal_value(d: &Decimal) -> (bool, String, String) {
    let int = d
        .integer_part()
        .trim_start_matches(['-', '+'])
        .trim_start_matches('0');
    let frac = d.fraction_part().trim_end_matches('0');
    let zero = int.is_empty() && frac.is_empty();
    (d.is_negative() && !zero, int.to_string(), frac.to_string())
}

async fn round4_decimal(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = Decimal::from_text("-12345678901234567890.123456789").map_err(|e| e.to_string())?;
    let got = call(c.echo_decimal(input.clone()).await)?;
    same("return", decimal_value(&input), decimal_value(&got))
        .map_err(|e| format!("{e} (lexical {})", got.as_str()))
}

async fn round4_bool(c: &round4::Round4XsdTestClient) -> Outcome {
    for b in [true, false] {
        same("return", b, call(c.echo_boolean(b).await)?)?;
    }
    Ok(())
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The instant a date-time names (seconds, nanoseconds), and whether it had a time zone: two
/// date-times are the same when both are, whatever the lexical form (`Z` vs `+00:00`, digits).
fn instant(d: &DateTime) -> (i64, u32, bool) {
    let seconds = days_from_civil(d.year(), d.month(), d.day()) * 86_400
        + i64::from(d.hour()) * 3600
        + i64::from(d.minute()) * 60
        + i64::from(d.second())
        - i64::from(d.timezone_minutes().unwrap_or(0)) * 60;
    (seconds, d.nanosecond(), d.timezone().is_some())
}

async fn round4_date(c: &round4::Round4XsdTestClient, text: &str) -> Outcome {
    let input = DateTime::from_text(text).map_err(|e| e.to_string())?;
    let got = call(c.echo_date(input.clone()).await)?;
    same(
        "instant (seconds, nanos, has zone)",
        instant(&input),
        instant(&got),
    )
    .map_err(|e| format!("{e}: sent {text}, got {}", got.to_text()))
}

async fn round4_base64(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = Base64Binary((0..=255u8).collect());
    let got = call(c.echo_base64(Some(input.clone())).await)?;
    same("return", Some(input), got)
}

async fn round4_hex(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = HexBinary(vec![0x00, 0xff, 0x10, 0xab]);
    let got = call(c.echo_hex_binary(Some(input.clone())).await)?;
    same("return", Some(input), got)
}

async fn round4_enum(c: &round4::Round4XsdTestClient) -> Outcome {
    let got = call(c.echo_enum(round4::Enum::BitThree).await)?;
    same("return", round4::Enum::BitThree, got)
}

fn small_struct(var_int: i32, var_string: &str, var_float: f32) -> round4::SoapComplexType {
    round4::SoapComplexType {
        var_int,
        var_string: Some(var_string.into()),
        var_float,
    }
}

async fn round4_struct(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = small_struct(-42, "x<&>y", 0.5);
    let got = call(c.echo_complex_type(Some(input.clone())).await)?;
    same("return", Some(input), got)
}

async fn round4_nested(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = round4::SoapComplexTypeComplexType {
        var_string: Some("outer".into()),
        var_int: 1,
        var_float: 1.5,
        var_complex_type: Some(small_struct(2, "inner", 2.5)),
    };
    let got = call(c.echo_nested_complex_type(Some(input.clone())).await)?;
    same("return", Some(input), got)
}

async fn round4_nil(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = round4::SoapMultiOccursComplexType {
        var_string: None,
        var_int: 7,
        var_float: 2.5,
        var_multi_occurs: Some(round4::ArrayOfStringType {
            string: vec![
                Nillable::Value("a".into()),
                Nillable::Nil,
                Nillable::Value(String::new()),
                Nillable::Value("ü".into()),
            ],
        }),
    };
    let got = call(c.echo_nested_multi_occurs(Some(input.clone())).await)?;
    same("return", Some(input), got)
}

async fn round4_long_array(c: &round4::Round4XsdTestClient) -> Outcome {
    let items: Vec<i32> = (0..10_000).map(|i| i * 7919 - 5_000_000).collect();
    let input = round4::ArrayOfInt { int: items.clone() };
    let got = call(c.echo_integer_multi_occurs(Some(input)).await)?;
    if got == items {
        return Ok(());
    }
    let first = items.iter().zip(&got).position(|(a, b)| a != b);
    Err(format!(
        "expected {} items, got {} (first difference at {first:?})",
        items.len(),
        got.len()
    ))
}

async fn round4_string_array(c: &round4::Round4XsdTestClient) -> Outcome {
    let items = vec!["x".to_string(), String::new(), "<&>".to_string()];
    let input = round4::ArrayOfString {
        string: items.iter().cloned().map(Nillable::Value).collect(),
    };
    let got = call(c.echo_string_multi_occurs(Some(input)).await)?;
    same("return", items, got)
}

async fn round4_choice(c: &round4::Round4XsdTestClient) -> Outcome {
    let input = round4::ChoiceComplexType {
        choice: round4::ChoiceComplexTypeChoice::Name1("picked".into()),
    };
    let got = call(c.echo_choice(Some(input.clone())).await)?;
    same("return", Some(input), got)
}

/// The declared fault a group H call must have ended with: its code and text checked, its
/// detail decoded by the generated fault enum.
fn declared<T: Debug, F: Debug>(
    result: Result<T, OperationError<F>>,
    text: &str,
    version: SoapVersion,
) -> Result<F, String> {
    match result {
        Err(OperationError::Declared { detail, fault, .. }) => {
            if fault.code != FaultCode::Server {
                return Err(format!(
                    "fault code: expected {}, got {}",
                    FaultCode::Server.local_name(version),
                    fault.code_name(version)
                ));
            }
            same("fault text", text, fault.reason.as_str())?;
            Ok(detail)
        }
        Err(OperationError::Other(e)) => Err(format!("expected a declared fault, got {e}")),
        Ok(v) => Err(format!("expected a fault, got success {v:?}")),
    }
}

async fn faults_string(c: &faults::SimpleDocLitServiceClient) -> Outcome {
    let v = c.soap_version();
    let sent = "boom <&> ü";
    let r = c.echo_string_fault(sent.into()).await;
    let detail = declared(r, "Fault in response to 'echoStringFault'.", v)?;
    same(
        "detail",
        faults::EchoStringFaultFault::SimpleFault(sent.into()),
        detail,
    )
}

async fn faults_int_array(c: &faults::SimpleDocLitServiceClient) -> Outcome {
    let v = c.soap_version();
    let sent = faults::ArrayOfInt {
        value: vec![1, -2, i32::MAX],
    };
    let r = c.echo_int_array_fault(sent.clone()).await;
    let detail = declared(r, "Fault in response to 'echoIntArrayFault'.", v)?;
    same(
        "detail",
        faults::EchoIntArrayFaultFault::SimpleFault(sent),
        detail,
    )
}

async fn faults_empty(c: &faults::SimpleDocLitServiceClient) -> Outcome {
    let v = c.soap_version();
    let r = c.echo_empty_fault(faults::EchoEmptyFaultRequest {}).await;
    let detail = declared(r, "Fault in response to 'echoEmptyFault'.", v)?;
    same(
        "detail",
        faults::EchoEmptyFaultFault::SimpleFault(faults::EmptyPart {}),
        detail,
    )
}
