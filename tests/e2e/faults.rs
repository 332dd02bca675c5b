//! Typed faults (`wsdl:fault`): the server returns a declared fault with its detail element,
//! and the generated client gives it back decoded as `OperationError::Declared`, in SOAP 1.1
//! and 1.2; an undeclared fault stays a plain `Error::Fault`. The wire shape of the detail is
//! checked too. (`tests/fixtures/typed-faults.wsdl`; the interop suite checks the same against
//! zeep, node-soap and gSOAP with SOAPBuilders round 4 group H.)

use generated_example::bank::*;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::xsd::Decimal;
use soapgen_runtime::{
    Error, Fault, HttpRequest, OperationError, SoapVersion, Transport, XsdSimple,
};

struct Vault;

fn dec(s: &str) -> Decimal {
    Decimal::from_text(s).expect("a decimal")
}

impl Bank for Vault {
    async fn withdraw(&self, account: String, amount: Decimal) -> Result<Decimal, Fault> {
        match account.as_str() {
            "alice" if amount.to_f64() <= 10.0 => Ok(dec("0")),
            "alice" => Err(WithdrawFault::InsufficientFunds(InsufficientFunds {
                requested: amount,
                available: dec("10.00"),
            })
            .into_fault(FaultCode::Client, "Insufficient funds")),
            "mallory" => Err(Fault::server("The vault is closed")),
            other => Err(WithdrawFault::UnknownAccount(other.to_string())
                .into_fault(FaultCode::Client, "Unknown account")),
        }
    }

    async fn balance(&self, account: String) -> Result<Decimal, Fault> {
        Err(BalanceFault::UnknownAccount(account).into_fault(FaultCode::Client, "Unknown account"))
    }
}

#[tokio::test]
async fn declared_faults_come_back_typed_in_both_versions() {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let client =
            BankClient::new(InProcess::new(BankServer::new(Vault))).with_soap_version(version);
        assert_eq!(
            client.withdraw("alice".into(), dec("5")).await.unwrap(),
            dec("0")
        );

        match client.withdraw("alice".into(), dec("12.50")).await {
            Err(OperationError::Declared {
                detail,
                fault,
                status,
            }) => {
                assert_eq!(
                    detail,
                    WithdrawFault::InsufficientFunds(InsufficientFunds {
                        requested: dec("12.50"),
                        available: dec("10.00"),
                    })
                );
                assert_eq!(fault.code, FaultCode::Client);
                assert_eq!(fault.reason, "Insufficient funds");
                assert_eq!(
                    status,
                    if version == SoapVersion::Soap12 {
                        400
                    } else {
                        500
                    }
                );
            }
            other => panic!("{version:?}: expected InsufficientFunds, got {other:?}"),
        }

        // The same fault element declared by two operations decodes for each.
        match client.balance("bob <&>".into()).await {
            Err(OperationError::Declared { detail, .. }) => {
                assert_eq!(detail, BalanceFault::UnknownAccount("bob <&>".into()))
            }
            other => panic!("{version:?}: expected UnknownAccount, got {other:?}"),
        }

        // A fault the WSDL does not declare stays a plain fault.
        match client.withdraw("mallory".into(), dec("1")).await {
            Err(OperationError::Other(Error::Fault { fault, .. })) => {
                assert_eq!(fault.code, FaultCode::Server);
                assert_eq!(fault.reason, "The vault is closed");
                assert!(fault.detail.is_none());
            }
            other => panic!("{version:?}: expected an undeclared fault, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn declared_fault_detail_on_the_wire() {
    let request = HttpRequest {
        content_type: "text/xml; charset=utf-8".into(),
        soap_action: Some("\"urn:example:bank/Withdraw\"".into()),
        body: br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Withdraw xmlns="urn:example:bank"><account>carol</account><amount>1</amount></Withdraw></s:Body></s:Envelope>"#.to_vec(),
    };
    let response = InProcess::new(BankServer::new(Vault))
        .send(request)
        .await
        .unwrap();
    assert_eq!(response.status, 500);
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the fault response parses");
    let detail = doc
        .descendants()
        .find(|n| n.has_tag_name("detail"))
        .expect("a SOAP 1.1 detail element");
    let entry = detail
        .children()
        .find(|n| n.is_element())
        .expect("a detail entry");
    assert!(
        entry.has_tag_name(("urn:example:bank", "UnknownAccount")),
        "{text}"
    );
    assert_eq!(entry.text(), Some("carol"));
}
