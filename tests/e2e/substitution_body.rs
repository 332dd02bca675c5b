//! Message parts whose element heads a substitution group (`tests/fixtures/substitution-body.wsdl`):
//! the client sends whichever element of the group it is given, the server routes every element
//! of the group to the operation (there is no SOAPAction) and hands it over as the group's enum,
//! and the response part comes back as its own group's enum.

use generated_example::canvas::*;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::{Fault, HttpRequest, SoapVersion, Transport};

struct Painter;

impl Canvas for Painter {
    async fn draw(&self, shape: ShapeGroup) -> Result<DrawOutParts, Fault> {
        Ok(DrawOutParts {
            outcome: match shape {
                ShapeGroup::Circle(c) if c.radius > 0.0 => {
                    OutcomeGroup::Outcome(format!("circle of radius {}", c.radius))
                }
                ShapeGroup::Circle(_) => OutcomeGroup::Failure("no radius".into()),
                ShapeGroup::Square(s) => {
                    OutcomeGroup::Outcome(format!("square of side {}", s.side))
                }
            },
        })
    }

    async fn clear(&self, _: Clear) -> Result<i32, Fault> {
        Ok(3)
    }
}

#[tokio::test]
async fn every_element_of_the_group_round_trips() {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let client = CanvasClient::new(InProcess::new(CanvasServer::new(Painter)))
            .with_soap_version(version);
        let out = client
            .draw(ShapeGroup::Circle(Circle { radius: 1.5 }))
            .await
            .unwrap();
        assert_eq!(
            out.outcome,
            OutcomeGroup::Outcome("circle of radius 1.5".into())
        );
        let out = client
            .draw(ShapeGroup::Square(Square { side: 2 }))
            .await
            .unwrap();
        assert_eq!(
            out.outcome,
            OutcomeGroup::Outcome("square of side 2".into())
        );
        // The response's group member (not its head) comes back as such.
        let out = client
            .draw(ShapeGroup::Circle(Circle { radius: 0.0 }))
            .await
            .unwrap();
        assert_eq!(out.outcome, OutcomeGroup::Failure("no radius".into()));
        assert_eq!(client.clear(Clear {}).await.unwrap(), 3);
    }
}

#[tokio::test]
async fn members_are_routed_by_their_own_names_and_the_abstract_head_is_refused() {
    let send = |body: &str| {
        HttpRequest {
        content_type: "text/xml; charset=utf-8".into(),
        soap_action: Some("\"\"".into()),
        body: format!(
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>{body}</s:Body></s:Envelope>"#
        )
        .into_bytes(),
    }
    };
    let server = InProcess::new(CanvasServer::new(Painter));
    let response = server
        .send(send(
            r#"<sq:square xmlns:sq="urn:example:canvas"><sq:side>4</sq:side></sq:square>"#,
        ))
        .await
        .unwrap();
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    assert_eq!(response.status, 200, "{text}");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let outcome = doc
        .descendants()
        .find(|n| n.has_tag_name(("urn:example:canvas", "outcome")))
        .unwrap_or_else(|| panic!("no outcome in {text}"));
    assert_eq!(outcome.text(), Some("square of side 4"));

    // The head is abstract: it is no element of the group, so nothing routes it.
    let response = server
        .send(send(r#"<shape xmlns="urn:example:canvas" />"#))
        .await
        .unwrap();
    let text = String::from_utf8(response.body.to_vec()).unwrap();
    assert_eq!(response.status, 500, "{text}");
    assert!(
        text.contains("no operation of this service matches"),
        "{text}"
    );
}
