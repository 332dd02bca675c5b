//! The response headers an operation declares (`soap:header` in its `wsdl:output`): one struct
//! per operation with an optional field per header, which the client decodes from a response
//! and the server writes into one.

use super::docs::{doc_attrs, wire_name};
use super::{ident, Emitter};
use crate::plan::OperationPlan;
use crate::resolve::ir::Operation;
use proc_macro2::TokenStream;
use quote::quote;

/// The response-header struct of `op`, or nothing when it declares no response header.
pub fn response_headers_struct(
    e: &Emitter,
    op: &Operation,
    op_plan: &OperationPlan,
) -> TokenStream {
    let Some((name, fields)) = &op_plan.response_headers else {
        return TokenStream::new();
    };
    let rt = &e.rt;
    let name = ident(name);
    let doc = doc_attrs(std::iter::once(
        format!(
            "The response headers operation `{}` declares, each `None` when absent.",
            op.name
        )
        .as_str(),
    ));
    let mut defs = Vec::new();
    let mut decodes = Vec::new();
    let mut writes = Vec::new();
    for (header, field) in op.output_headers.iter().zip(fields) {
        let field = ident(field);
        let ty = e.element_tokens(&header.element);
        let (ns, local) = (&header.element.name.ns, &header.element.name.local);
        let fdoc = doc_attrs(std::iter::once(
            format!(
                "Header element {} (part `{}`).",
                wire_name(ns, local),
                header.part
            )
            .as_str(),
        ));
        defs.push(quote!(#fdoc pub #field: Option<#ty>,));
        decodes.push(quote!(#field: message.decode_header(#ns, #local)?,));
        writes.push(quote! {
            if let Some(value) = &self.#field {
                #rt::xml::write_element(envelope.header(), #ns, #local, value);
            }
        });
    }
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct #name { #(#defs)* }
        impl #name {
            /// Decodes the headers from a response (the first entry of each name).
            pub fn from_message(message: &#rt::Message) -> Result<Self, #rt::DecodeError> {
                Ok(Self { #(#decodes)* })
            }
            /// Writes the headers that are present into a response's Header.
            pub fn write_to(&self, envelope: &mut #rt::EnvelopeWriter) {
                #(#writes)*
            }
        }
    }
}
