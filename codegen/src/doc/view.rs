//! Borrows a [`Model`] as the runtime's [`ServiceDescription`], so `soapgen doc` renders with
//! exactly the code a generated server runs. The description's nested slices are built in
//! passes (enumerations, choices, then the types and operations that point at them), each
//! borrowing the previous ones, and handed to a closure.

use super::model::{ChildModel, ContentModel, ElementModel, Model, ValueModel, WsdlPartModel};
use soapgen_runtime::server::pages::{
    MessageDescription, OperationDescription, SampleAttribute, SampleChild, SampleContent,
    SampleElement, SampleType, SampleValue, ServiceDescription, WsdlPart,
};
use soapgen_runtime::SoapVersion;

/// Calls `f` with `model` seen as a [`ServiceDescription`].
pub fn with_description<R>(model: &Model, f: impl FnOnce(&ServiceDescription<'_>) -> R) -> R {
    let enumerations: Vec<Vec<&str>> = model
        .enumerations
        .iter()
        .map(|values| values.iter().map(String::as_str).collect())
        .collect();
    let enums = enumerations.as_slice();
    let value = |v: &ValueModel| value(v, enums);
    let elements = |list| elements(list, enums);
    let choices: Vec<Vec<SampleElement<'_>>> =
        model.choices.iter().map(|alts| elements(alts)).collect();
    let attributes: Vec<Vec<SampleAttribute<'_>>> = model
        .types
        .iter()
        .map(|t| {
            t.attributes
                .iter()
                .map(|a| SampleAttribute {
                    namespace: &a.namespace,
                    name: &a.name,
                    required: a.required,
                    value: value(&a.value),
                })
                .collect()
        })
        .collect();
    let children: Vec<Vec<SampleChild<'_>>> = model
        .types
        .iter()
        .map(|t| {
            t.children
                .iter()
                .map(|c| match c {
                    ChildModel::Element(e) => SampleChild::Element(element(e, enums)),
                    ChildModel::Choice(i) => {
                        SampleChild::Choice(choices.get(*i).map_or(&[], Vec::as_slice))
                    }
                    ChildModel::Any => SampleChild::Any,
                })
                .collect()
        })
        .collect();
    let types: Vec<SampleType<'_>> = model
        .types
        .iter()
        .enumerate()
        .map(|(i, t)| SampleType {
            attributes: &attributes[i],
            children: &children[i],
            text: t.text.as_ref().map(value),
        })
        .collect();
    // Per operation: input headers, input body, output headers, output body.
    let messages: Vec<[Vec<SampleElement<'_>>; 4]> = model
        .operations
        .iter()
        .map(|op| {
            let (out_headers, out_body) = match &op.output {
                Some(m) => (elements(&m.headers), elements(&m.body)),
                None => (Vec::new(), Vec::new()),
            };
            [
                elements(&op.input.headers),
                elements(&op.input.body),
                out_headers,
                out_body,
            ]
        })
        .collect();
    let bindings: Vec<Vec<(SoapVersion, &str)>> = model
        .operations
        .iter()
        .map(|op| op.bindings.iter().map(|(v, a)| (*v, a.as_str())).collect())
        .collect();
    let operations: Vec<OperationDescription<'_>> = model
        .operations
        .iter()
        .enumerate()
        .map(|(i, op)| {
            let [in_headers, in_body, out_headers, out_body] = &messages[i];
            OperationDescription {
                name: &op.name,
                documentation: &op.documentation,
                bindings: &bindings[i],
                input: MessageDescription {
                    headers: in_headers,
                    body: in_body,
                },
                output: op.output.as_ref().map(|_| MessageDescription {
                    headers: out_headers,
                    body: out_body,
                }),
            }
        })
        .collect();
    let addresses: Vec<(SoapVersion, &str)> = model
        .addresses
        .iter()
        .map(|(v, a)| (*v, a.as_str()))
        .collect();
    let wsdl: Vec<WsdlPart<'_>> = model
        .wsdl
        .iter()
        .map(|p| match p {
            WsdlPartModel::Text(t) => WsdlPart::Text(t),
            WsdlPartModel::Address(a) => WsdlPart::Address(a),
        })
        .collect();
    let description = ServiceDescription {
        name: &model.name,
        documentation: &model.documentation,
        addresses: &addresses,
        wsdl: &wsdl,
        operations: &operations,
        types: &types,
    };
    f(&description)
}

fn value<'a>(v: &ValueModel, enumerations: &'a [Vec<&'a str>]) -> SampleValue<'a> {
    match v {
        ValueModel::Builtin(name) => SampleValue::Builtin(name),
        ValueModel::QName => SampleValue::QName,
        ValueModel::Enumeration(i) => {
            SampleValue::Enumeration(enumerations.get(*i).map_or(&[], Vec::as_slice))
        }
    }
}

fn element<'a>(e: &'a ElementModel, enumerations: &'a [Vec<&'a str>]) -> SampleElement<'a> {
    SampleElement {
        namespace: &e.namespace,
        name: &e.name,
        occurs: e.occurs,
        content: match &e.content {
            ContentModel::Empty => SampleContent::Empty,
            ContentModel::Simple(v) => SampleContent::Simple(value(v, enumerations)),
            ContentModel::Complex(i) => SampleContent::Complex(*i),
            ContentModel::Xml(placeholder) => SampleContent::Xml(placeholder),
        },
    }
}

fn elements<'a>(
    list: &'a [ElementModel],
    enumerations: &'a [Vec<&'a str>],
) -> Vec<SampleElement<'a>> {
    list.iter().map(|e| element(e, enumerations)).collect()
}
