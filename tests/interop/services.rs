//! Our side of the server half of the contract (`tests/interop/CONTRACT.md`): one implementation
//! of each generated server trait, served together on one port.

use crate::generated::{ams, faults, round4};
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::xsd::{Base64Binary, DateTime, Decimal, HexBinary};
use soapgen_runtime::{Fault, RawXml};

/// The three services on one router: `/ams`, `/round4`, `/faults`.
pub fn router() -> axum::Router {
    use soapgen_runtime::server::axum::router;
    router("/ams", ams::AccountManagementServiceServer::new(Ams))
        .merge(router("/round4", round4::Round4XsdTestServer::new(Round4)))
        .merge(router(
            "/faults",
            faults::SimpleDocLitServiceServer::new(Faults),
        ))
}

/// The AccountManagementService of the contract: credential check, echo of strings, parse of a long.
pub struct Ams;

fn check(header: &Option<ams::AuthHeader>) -> Result<(), Fault> {
    let ok = header.as_ref().is_some_and(|h| {
        h.user_name.as_deref() == Some("admin") && h.password.as_deref() == Some("secret")
    });
    if ok {
        Ok(())
    } else {
        Err(Fault::client("Invalid AuthHeader credentials"))
    }
}

fn show(value: &Option<String>) -> String {
    match value {
        None => "-".to_string(),
        Some(s) => format!("={s}"),
    }
}

fn outside_contract<T>(operation: &str) -> Result<T, Fault> {
    Err(Fault::client(format!(
        "{operation} is not part of the interop contract"
    )))
}

impl ams::AccountManagementService for Ams {
    async fn authenticate(
        &self,
        auth_header: Option<ams::AuthHeader>,
        user_name: Option<String>,
        password: Option<String>,
    ) -> Result<ams::AuthenticateResponse, Fault> {
        check(&auth_header)?;
        Ok(ams::AuthenticateResponse {
            authenticate_result: None,
            account_status: ams::AccountStatus::Active,
            backup_server_name: Some(format!("{}|{}", show(&user_name), show(&password))),
        })
    }

    async fn get_account_used_space(
        &self,
        auth_header: Option<ams::AuthHeader>,
        user_name: Option<String>,
    ) -> Result<ams::GetAccountUsedSpaceResponse, Fault> {
        check(&auth_header)?;
        let used = user_name
            .as_deref()
            .and_then(|s| s.parse::<i64>().ok())
            .ok_or_else(|| Fault::client("userName is not a number"))?;
        Ok(ams::GetAccountUsedSpaceResponse {
            get_account_used_space_result: None,
            used_space_in_kb: used,
        })
    }

    async fn change_account_email(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        outside_contract("ChangeAccountEmail")
    }

    async fn change_account_password(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        outside_contract("ChangeAccountPassword")
    }

    async fn change_backup_account_email(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<ams::ChangeBackupAccountEmailRequest>,
    ) -> Result<Option<ams::ChangeBackupAccountEmailResponse>, Fault> {
        outside_contract("ChangeBackupAccountEmail")
    }

    async fn change_backup_account_password(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<ams::ChangeBackupAccountPasswordRequest>,
    ) -> Result<Option<ams::ChangeBackupAccountPasswordResponse>, Fault> {
        outside_contract("ChangeBackupAccountPassword")
    }

    async fn create_account_by_partner_license_key(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: bool,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        outside_contract("CreateAccountByPartnerLicenseKey")
    }

    async fn create_account_by_size(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<ams::CreateAccountBySizeRequest>,
    ) -> Result<Option<ams::CreateAccountBySizeResponse>, Fault> {
        outside_contract("CreateAccountBySize")
    }

    async fn get_authentication_token(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<ams::GetAuthenticationTokenRequest>,
    ) -> Result<Option<ams::GetAuthenticationTokenResponse>, Fault> {
        outside_contract("GetAuthenticationToken")
    }

    async fn get_authorization_token_by_entity(
        &self,
        _: Option<ams::AuthHeader>,
        _: Option<ams::GetAuthorizationTokenByEntityRequest>,
    ) -> Result<Option<ams::GetAuthorizationTokenByEntityResponse>, Fault> {
        outside_contract("GetAuthorizationTokenByEntity")
    }
}

/// Round 4 group I: every operation echoes its input.
pub struct Round4;

impl round4::Round4XsdTest for Round4 {
    async fn echo_void(&self) -> Result<(), Fault> {
        Ok(())
    }
    async fn echo_integer(&self, v: i32) -> Result<i32, Fault> {
        Ok(v)
    }
    async fn echo_float(&self, v: f32) -> Result<f32, Fault> {
        Ok(v)
    }
    async fn echo_string(&self, v: Option<String>) -> Result<Option<String>, Fault> {
        Ok(v)
    }
    async fn echo_base64(&self, v: Option<Base64Binary>) -> Result<Option<Base64Binary>, Fault> {
        Ok(v)
    }
    async fn echo_date(&self, v: DateTime) -> Result<DateTime, Fault> {
        Ok(v)
    }
    async fn echo_complex_type(
        &self,
        v: Option<round4::SoapComplexType>,
    ) -> Result<Option<round4::SoapComplexType>, Fault> {
        Ok(v)
    }
    async fn echo_integer_multi_occurs(
        &self,
        v: Option<round4::ArrayOfInt>,
    ) -> Result<Vec<i32>, Fault> {
        Ok(v.map(|a| a.int).unwrap_or_default())
    }
    async fn echo_float_multi_occurs(
        &self,
        v: Option<round4::ArrayOfFloat>,
    ) -> Result<Vec<f32>, Fault> {
        Ok(v.map(|a| a.float).unwrap_or_default())
    }
    async fn echo_string_multi_occurs(
        &self,
        v: Option<round4::ArrayOfString>,
    ) -> Result<Vec<String>, Fault> {
        // The response's items are not nillable, so a nil input item cannot be echoed faithfully.
        let items = v.map(|a| a.string).unwrap_or_default();
        items
            .into_iter()
            .map(|item| match item {
                soapgen_runtime::Nillable::Value(s) => Ok(s),
                soapgen_runtime::Nillable::Nil => Err(Fault::client(
                    "echoStringMultiOccurs cannot echo a nil item: its response items are not nillable",
                )),
            })
            .collect()
    }
    async fn echo_complex_type_multi_occurs(
        &self,
        v: Option<round4::ArrayOfSoapComplexType>,
    ) -> Result<Vec<round4::SoapComplexType>, Fault> {
        let items = v.map(|a| a.soap_complex_type).unwrap_or_default();
        items
            .into_iter()
            .map(|item| match item {
                soapgen_runtime::Nillable::Value(s) => Ok(s),
                soapgen_runtime::Nillable::Nil => Err(Fault::client(
                    "echoComplexTypeMultiOccurs cannot echo a nil item: its response items are not nillable",
                )),
            })
            .collect()
    }
    async fn echo_decimal(&self, v: Decimal) -> Result<Decimal, Fault> {
        Ok(v)
    }
    async fn echo_boolean(&self, v: bool) -> Result<bool, Fault> {
        Ok(v)
    }
    async fn echo_hex_binary(&self, v: Option<HexBinary>) -> Result<Option<HexBinary>, Fault> {
        Ok(v)
    }
    async fn echo_complex_type_as_simple_types(
        &self,
        v: Option<round4::SoapComplexType>,
    ) -> Result<round4::EchoComplexTypeAsSimpleTypesResponse, Fault> {
        let v = v.ok_or_else(|| Fault::client("inputComplexType is required"))?;
        Ok(round4::EchoComplexTypeAsSimpleTypesResponse {
            output_string: v.var_string,
            output_integer: v.var_int,
            output_float: v.var_float,
        })
    }
    async fn echo_simple_types_as_complex_type(
        &self,
        input_string: Option<String>,
        input_integer: i32,
        input_float: f32,
    ) -> Result<Option<round4::SoapComplexType>, Fault> {
        Ok(Some(round4::SoapComplexType {
            var_int: input_integer,
            var_string: input_string,
            var_float: input_float,
        }))
    }
    async fn echo_nested_complex_type(
        &self,
        v: Option<round4::SoapComplexTypeComplexType>,
    ) -> Result<Option<round4::SoapComplexTypeComplexType>, Fault> {
        Ok(v)
    }
    async fn echo_nested_multi_occurs(
        &self,
        v: Option<round4::SoapMultiOccursComplexType>,
    ) -> Result<Option<round4::SoapMultiOccursComplexType>, Fault> {
        Ok(v)
    }
    async fn echo_choice(
        &self,
        v: Option<round4::ChoiceComplexType>,
    ) -> Result<Option<round4::ChoiceComplexType>, Fault> {
        Ok(v)
    }
    async fn echo_enum(&self, v: round4::Enum) -> Result<round4::Enum, Fault> {
        Ok(v)
    }
    async fn echo_any_type(&self, v: Option<RawXml>) -> Result<Option<RawXml>, Fault> {
        Ok(v)
    }
    async fn echo_any_element(
        &self,
        v: Option<round4::EchoAnyElementInputAny>,
    ) -> Result<Option<round4::EchoAnyElementResponseReturn>, Fault> {
        Ok(v.map(|v| round4::EchoAnyElementResponseReturn { any: v.any }))
    }
    async fn echo_void_soap_header(
        &self,
        complex: Option<round4::EchoMeComplexTypeRequest>,
        string: Option<round4::EchoMeStringRequest>,
    ) -> Result<round4::EchoVoidSoapHeaderResponseHeaders, Fault> {
        // The request headers come back as the response headers of the same content.
        Ok(round4::EchoVoidSoapHeaderResponseHeaders {
            echo_me_complex_type_response: complex.map(|c| round4::EchoMeComplexTypeResponse {
                var_string: c.var_string,
                var_int: c.var_int,
                var_float: c.var_float,
            }),
            echo_me_string_response: string.map(|s| round4::EchoMeStringResponse {
                var_string: s.var_string,
            }),
        })
    }
}

/// Round 4 group H: every operation answers with the fault the contract names.
pub struct Faults;

/// The group H text of a fault answering `operation`.
fn group_h_text(operation: &str) -> String {
    format!("Fault in response to '{operation}'.")
}

impl faults::SimpleDocLitService for Faults {
    async fn echo_empty_fault(
        &self,
        _: faults::EchoEmptyFaultRequest,
    ) -> Result<faults::EchoEmptyFaultResponse, Fault> {
        let detail = faults::EchoEmptyFaultFault::SimpleFault(faults::EmptyPart {});
        Err(detail.into_fault(FaultCode::Server, group_h_text("echoEmptyFault")))
    }
    async fn echo_string_fault(&self, s: String) -> Result<faults::EchoStringFaultResponse, Fault> {
        let detail = faults::EchoStringFaultFault::SimpleFault(s);
        Err(detail.into_fault(FaultCode::Server, group_h_text("echoStringFault")))
    }
    async fn echo_int_array_fault(
        &self,
        a: faults::ArrayOfInt,
    ) -> Result<faults::EchoIntArrayFaultResponse, Fault> {
        let detail = faults::EchoIntArrayFaultFault::SimpleFault(a);
        Err(detail.into_fault(FaultCode::Server, group_h_text("echoIntArrayFault")))
    }
    async fn echo_multiple_faults1(
        &self,
        _: faults::EchoMultipleFaults1Request,
    ) -> Result<faults::EchoMultipleFaults1Response, Fault> {
        outside_contract("echoMultipleFaults1")
    }
    async fn echo_multiple_faults2(
        &self,
        _: faults::EchoMultipleFaults2Request,
    ) -> Result<faults::EchoMultipleFaults2Response, Fault> {
        outside_contract("echoMultipleFaults2")
    }
    async fn echo_multiple_faults3(
        &self,
        _: faults::EchoMultipleFaults3Request,
    ) -> Result<faults::EchoMultipleFaults3Response, Fault> {
        outside_contract("echoMultipleFaults3")
    }
    async fn echo_multiple_faults4(
        &self,
        _: faults::EchoMultipleFaults4Request,
    ) -> Result<faults::EchoMultipleFaults4Response, Fault> {
        outside_contract("echoMultipleFaults4")
    }
}
