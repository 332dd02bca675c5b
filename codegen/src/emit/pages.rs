//! The generated server's pages: its [`ServiceDescription`] as static data, handed out through
//! the runtime's `DescribeService` trait, so the server can serve its WSDL and help pages
//! (`soapgen_runtime::server::axum::router_with_pages`) without reading a file at run time.
//!
//! The description is compact (a type table, not expanded samples; see [`crate::doc`]); the
//! WSDL is embedded as written, cut where the service's addresses go, as a raw string when it
//! can be one so the generated file stays readable.
//!
//! [`ServiceDescription`]: soapgen_runtime::server::pages::ServiceDescription

use super::{ident, Emitter};
use crate::doc::model::{
    ChildModel, ContentModel, ElementModel, Model, TypeModel, ValueModel, WsdlPartModel,
};
use crate::plan::ServicePlan;
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use soapgen_runtime::server::pages::Occurs;
use soapgen_runtime::SoapVersion;

/// The `DescribeService` implementation of one service's server.
pub fn pages(e: &Emitter, p: &ServicePlan, model: &Model) -> TokenStream {
    let rt = &e.rt;
    let trait_name = ident(&p.trait_name);
    let server = ident(&p.server_name);
    let description = description(model);
    quote! {
        /// The service's WSDL and a description of its operations, from which
        /// `soapgen_runtime::server::axum::router_with_pages` serves `?wsdl` and the help pages.
        impl<S: #trait_name> #rt::server::pages::DescribeService for #server<S> {
            fn service_description(&self) -> &'static #rt::server::pages::ServiceDescription<'static> {
                use #rt::server::pages as p;
                static DESCRIPTION: p::ServiceDescription<'static> = #description;
                &DESCRIPTION
            }
        }
    }
}

fn description(m: &Model) -> TokenStream {
    let name = &m.name;
    let documentation = &m.documentation;
    let addresses = m.addresses.iter().map(|(v, a)| {
        let v = version(*v);
        quote!((#v, #a))
    });
    let wsdl = m.wsdl.iter().map(|part| match part {
        WsdlPartModel::Text(t) => {
            let t = text_literal(t);
            quote!(p::WsdlPart::Text(#t))
        }
        WsdlPartModel::Address(a) => quote!(p::WsdlPart::Address(#a)),
    });
    let operations = m.operations.iter().map(|op| {
        let name = &op.name;
        let documentation = &op.documentation;
        let bindings = op.bindings.iter().map(|(v, a)| {
            let v = version(*v);
            quote!((#v, #a))
        });
        let input = message(m, &op.input.headers, &op.input.body);
        let output = match &op.output {
            Some(out) => {
                let out = message(m, &out.headers, &out.body);
                quote!(Some(#out))
            }
            None => quote!(None),
        };
        quote! {
            p::OperationDescription {
                name: #name,
                documentation: #documentation,
                bindings: &[#(#bindings),*],
                input: #input,
                output: #output,
            }
        }
    });
    let types = m.types.iter().map(|t| sample_type(m, t));
    quote! {
        p::ServiceDescription {
            name: #name,
            documentation: #documentation,
            addresses: &[#(#addresses),*],
            wsdl: &[#(#wsdl),*],
            operations: &[#(#operations),*],
            types: &[#(#types),*],
        }
    }
}

fn version(v: SoapVersion) -> TokenStream {
    match v {
        SoapVersion::Soap11 => quote!(p::SoapVersion::Soap11),
        SoapVersion::Soap12 => quote!(p::SoapVersion::Soap12),
    }
}

fn message(m: &Model, headers: &[ElementModel], body: &[ElementModel]) -> TokenStream {
    let headers = headers.iter().map(|e| element(m, e));
    let body = body.iter().map(|e| element(m, e));
    quote! {
        p::MessageDescription {
            headers: &[#(#headers),*],
            body: &[#(#body),*],
        }
    }
}

fn element(m: &Model, e: &ElementModel) -> TokenStream {
    let namespace = &e.namespace;
    let name = &e.name;
    let occurs = match e.occurs {
        Occurs::Required => quote!(p::Occurs::Required),
        Occurs::Optional => quote!(p::Occurs::Optional),
        Occurs::Repeated => quote!(p::Occurs::Repeated),
    };
    let content = match &e.content {
        ContentModel::Empty => quote!(p::SampleContent::Empty),
        ContentModel::Simple(v) => {
            let v = value(m, v);
            quote!(p::SampleContent::Simple(#v))
        }
        ContentModel::Complex(index) => {
            let index = Literal::usize_unsuffixed(*index);
            quote!(p::SampleContent::Complex(#index))
        }
        ContentModel::Xml(placeholder) => quote!(p::SampleContent::Xml(#placeholder)),
    };
    quote! {
        p::SampleElement {
            namespace: #namespace,
            name: #name,
            occurs: #occurs,
            content: #content,
        }
    }
}

fn value(m: &Model, v: &ValueModel) -> TokenStream {
    match v {
        ValueModel::Builtin(name) => quote!(p::SampleValue::Builtin(#name)),
        ValueModel::QName => quote!(p::SampleValue::QName),
        ValueModel::Enumeration(index) => {
            let values = m.enumerations.get(*index).map(Vec::as_slice).unwrap_or(&[]);
            quote!(p::SampleValue::Enumeration(&[#(#values),*]))
        }
    }
}

fn sample_type(m: &Model, t: &TypeModel) -> TokenStream {
    let attributes = t.attributes.iter().map(|a| {
        let namespace = &a.namespace;
        let name = &a.name;
        let required = a.required;
        let value = value(m, &a.value);
        quote! {
            p::SampleAttribute {
                namespace: #namespace,
                name: #name,
                required: #required,
                value: #value,
            }
        }
    });
    let children = t.children.iter().map(|c| match c {
        ChildModel::Element(e) => {
            let e = element(m, e);
            quote!(p::SampleChild::Element(#e))
        }
        ChildModel::Choice(index) => {
            let alternatives = m
                .choices
                .get(*index)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .map(|e| element(m, e));
            quote!(p::SampleChild::Choice(&[#(#alternatives),*]))
        }
        ChildModel::Any => quote!(p::SampleChild::Any),
    });
    let text = match &t.text {
        Some(v) => {
            let v = value(m, v);
            quote!(Some(#v))
        }
        None => quote!(None),
    };
    quote! {
        p::SampleType {
            attributes: &[#(#attributes),*],
            children: &[#(#children),*],
            text: #text,
        }
    }
}

/// A string literal for document text: a raw string (readable, multi-line) unless the text
/// has a carriage return (which a raw string cannot hold as written), else an escaped one.
fn text_literal(s: &str) -> TokenStream {
    if !s.contains('\r') {
        let mut hashes = String::from("#");
        while s.contains(&format!("\"{hashes}")) {
            hashes.push('#');
        }
        if let Ok(tokens) = format!("r{hashes}\"{s}\"{hashes}").parse::<TokenStream>() {
            return tokens;
        }
    }
    let literal = Literal::string(s);
    quote!(#literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_literals() {
        assert_eq!(text_literal("a\"b\n").to_string(), "r#\"a\"b\n\"#");
        assert_eq!(text_literal("x\"#y").to_string(), "r##\"x\"#y\"##");
        assert_eq!(text_literal("a\r\nb").to_string(), "\"a\\r\\nb\"");
    }
}
