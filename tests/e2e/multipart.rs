//! Document/literal messages with several body parts (`tests/fixtures/multipart-body.wsdl`):
//! the client writes each part's element side by side in the Body, the server decodes them
//! into its parameters, and the response's parts come back as one struct, in SOAP 1.1 and 1.2.

use generated_example::orders::*;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::xsd::Decimal;
use soapgen_runtime::{Fault, HttpRequest, SoapVersion, Transport, XsdSimple};

struct Shop;

impl Orders for Shop {
    async fn place(&self, customer: Customer, order: Order) -> Result<PlaceOutParts, Fault> {
        Ok(PlaceOutParts {
            receipt: format!("{} ordered {}", customer.name, order.item.join(", ")),
            total: Decimal::from_text(&format!("{}.50", order.item.len()))
                .map_err(|e| Fault::server(e.to_string()))?,
        })
    }
}

#[tokio::test]
async fn multi_part_bodies_round_trip() {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let client =
            OrdersClient::new(InProcess::new(OrdersServer::new(Shop))).with_soap_version(version);
        let out = client
            .place(
                Customer {
                    id: 7,
                    name: "Ann <&>".into(),
                },
                Order {
                    item: vec!["tea".into(), "cake".into()],
                },
            )
            .await
            .unwrap();
        assert_eq!(out.receipt, "Ann <&> ordered tea, cake");
        assert_eq!(out.total, Decimal::from_text("2.50").unwrap());
    }
}

#[tokio::test]
async fn multi_part_body_wire_shape() {
    // A request written by hand with the two parts side by side, answered with two parts.
    let request = HttpRequest {
        content_type: "text/xml; charset=utf-8".into(),
        soap_action: Some("\"urn:example:orders/Place\"".into()),
        body: br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Customer xmlns="urn:example:orders"><id>1</id><name>Bo</name></Customer><o:Order xmlns:o="urn:example:orders"><o:item>pen</o:item></o:Order></s:Body></s:Envelope>"#.to_vec(),
    };
    let response = InProcess::new(OrdersServer::new(Shop))
        .send(request)
        .await
        .unwrap();
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    assert_eq!(response.status, 200, "{text}");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let body = doc.descendants().find(|n| n.has_tag_name("Body")).unwrap();
    let entries: Vec<_> = body.children().filter(|n| n.is_element()).collect();
    assert_eq!(entries.len(), 2, "{text}");
    assert!(entries[0].has_tag_name(("urn:example:orders", "Receipt")));
    assert_eq!(entries[0].text(), Some("Bo ordered pen"));
    assert!(entries[1].has_tag_name(("urn:example:orders", "Total")));
    assert_eq!(entries[1].text(), Some("1.50"));

    // A body missing its second part is a Client fault naming it.
    let request = HttpRequest {
        content_type: "text/xml; charset=utf-8".into(),
        soap_action: Some("\"urn:example:orders/Place\"".into()),
        body: br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Customer xmlns="urn:example:orders"><id>1</id><name>Bo</name></Customer></s:Body></s:Envelope>"#.to_vec(),
    };
    let response = InProcess::new(OrdersServer::new(Shop))
        .send(request)
        .await
        .unwrap();
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    assert_eq!(response.status, 500, "{text}");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let field = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("faultcode"), "soap:Client", "{text}");
    assert!(field("faultstring").contains("<Order>"), "{text}");
}
