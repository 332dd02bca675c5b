//! rpc style on the wire: the body element is named after the operation (in the soap:body
//! namespace), its children are the unqualified parts; SOAP-encoding arrays carry
//! `soapenc:arrayType` and are read from items of any name.

use crate::support::{xml_tree, Recorder};
use generated_example::calculator::*;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::Fault;

struct Calc;

impl Calculator for Calc {
    async fn add(&self, a: i32, b: i32) -> Result<i32, Fault> {
        a.checked_add(b)
            .ok_or_else(|| Fault::client("the sum overflows an int"))
    }
    async fn reverse(&self, words: ArrayOfString) -> Result<ArrayOfString, Fault> {
        Ok(ArrayOfString {
            item: words.item.into_iter().rev().collect(),
        })
    }
}

#[tokio::test]
async fn rpc_literal_round_trip_and_wire_shape() {
    let client = CalculatorClient::new(InProcess::new(CalculatorServer::new(Calc)));
    assert_eq!(client.add(40, 2).await.unwrap(), 42);
    assert!(client.add(i32::MAX, 1).await.is_err());

    let recorder = Recorder::answering(
        200,
        "text/xml; charset=utf-8",
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:AddResponse xmlns:m="urn:calc"><sum>3</sum></m:AddResponse></s:Body></s:Envelope>"#,
    );
    let recorded = CalculatorClient::new(recorder.clone());
    assert_eq!(recorded.add(1, 2).await.unwrap(), 3);
    let sent = recorder.last();
    assert_eq!(sent.soap_action.as_deref(), Some("\"urn:calc#Add\""));
    let body = String::from_utf8(sent.body).unwrap();
    let tree = xml_tree(&body);
    let add = &tree.children.last().unwrap().children[0];
    assert_eq!((add.ns.as_str(), add.local.as_str()), ("urn:calc", "Add"));
    let parts: Vec<(&str, &str, &str)> = add
        .children
        .iter()
        .map(|c| (c.ns.as_str(), c.local.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(parts, [("", "a", "1"), ("", "b", "2")]);
}

#[tokio::test]
async fn rpc_encoded_arrays() {
    let client = CalculatorClient::new(InProcess::new(CalculatorServer::new(Calc)));
    let words = ArrayOfString {
        item: vec!["one".into(), "two <&>".into(), String::new()],
    };
    let reversed = client.reverse(words).await.unwrap();
    assert_eq!(reversed.item, ["", "two <&>", "one"]);

    // Items may have any name, as SOAP encoding allows.
    let recorder = Recorder::answering(
        200,
        "text/xml; charset=utf-8",
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:enc="http://schemas.xmlsoap.org/soap/encoding/"><s:Body><m:ReverseResponse xmlns:m="urn:calc"><reversed enc:arrayType="xsd:string[2]" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><s>b</s><word>a</word></reversed></m:ReverseResponse></s:Body></s:Envelope>"#,
    );
    let recorded = CalculatorClient::new(recorder.clone());
    let got = recorded
        .reverse(ArrayOfString {
            item: vec!["a".into(), "b".into()],
        })
        .await
        .unwrap();
    assert_eq!(got.item, ["b", "a"]);
    let body = String::from_utf8(recorder.last().body).unwrap();
    assert!(
        body.contains(r#"arrayType="xsd:string[2]""#) || body.contains(":string[2]\""),
        "{body}"
    );
    // SOAP encoding: every value says its type.
    assert!(
        body.contains(
            r#"<item xsi:type="xsd:string">a</item><item xsi:type="xsd:string">b</item>"#
        ),
        "{body}"
    );
    assert!(body.contains(r#"xsi:type="ns1:Array""#), "{body}");
}

/// An Axis 1-style response: the array is a separate `multiRef` Body entry referenced by `href`.
#[tokio::test]
async fn rpc_encoded_multi_references_are_followed() {
    let recorder = Recorder::answering(
        200,
        "text/xml; charset=utf-8",
        r##"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><ns1:ReverseResponse soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:calc"><reversed href="#id0"/></ns1:ReverseResponse><multiRef id="id0" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="soapenc:Array" soapenc:arrayType="xsd:string[2]" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"><item href="#id1"/><item>a &lt; b</item></multiRef><multiRef id="id1" soapenc:root="0" xsi:type="xsd:string" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">shared</multiRef></soapenv:Body></soapenv:Envelope>"##,
    );
    let client = CalculatorClient::new(recorder);
    let got = client
        .reverse(ArrayOfString {
            item: vec!["x".into()],
        })
        .await
        .unwrap();
    assert_eq!(got.item, ["shared", "a < b"]);
}
