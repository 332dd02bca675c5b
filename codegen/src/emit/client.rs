//! The generated client: one async method per operation, default SOAP headers that can be
//! replaced for a single call, and the SOAP version chosen per client.

use super::docs::doc_attrs;
use super::{ident, Emitter};
use crate::parse::model::SoapVersion;
use crate::plan::{OperationPlan, ServicePlan, Shape};
use crate::resolve::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The client of one service.
pub fn client(e: &Emitter, s: &Service, p: &ServicePlan) -> TokenStream {
    let rt = &e.rt;
    let client = ident(&p.client_name);
    let headers = ident(&p.headers_name);
    let default_version = match s.versions.first() {
        Some(SoapVersion::Soap12) => quote!(#rt::SoapVersion::Soap12),
        _ => quote!(#rt::SoapVersion::Soap11),
    };
    let header_fields = p.headers.iter().map(|(name, el)| {
        let f = ident(name);
        let ty = e.type_tokens(&el.ty);
        let doc = doc_attrs([format!(
            "The `{}` header, sent with every operation that declares it.",
            el.name.local
        )
        .as_str()]);
        quote!(#doc pub #f: Option<#ty>,)
    });
    let header_methods = p.headers.iter().map(|(name, el)| {
        let f = ident(name);
        let with = format_ident!("with_{}", name.trim_start_matches("r#"));
        let set = format_ident!("set_{}", name.trim_start_matches("r#"));
        let ty = e.type_tokens(&el.ty);
        let with_doc = doc_attrs([format!(
            "Returns this client with the `{}` header set; clone a client and call this to use other headers for one call.",
            el.name.local
        )
        .as_str()]);
        let set_doc = doc_attrs([format!("Sets (or, with `None`, clears) the `{}` header.", el.name.local).as_str()]);
        quote! {
            #with_doc
            pub fn #with(mut self, value: #ty) -> Self {
                self.headers.#f = Some(value);
                self
            }
            #set_doc
            pub fn #set(&mut self, value: Option<#ty>) {
                self.headers.#f = value;
            }
        }
    });
    let addresses = s.addresses.iter().map(|(v, addr)| {
        let (name, label) = match v {
            SoapVersion::Soap11 => (format_ident!("SOAP11_ADDRESS"), "SOAP 1.1"),
            SoapVersion::Soap12 => (format_ident!("SOAP12_ADDRESS"), "SOAP 1.2"),
        };
        let doc = doc_attrs([format!("The {label} address the WSDL gives.").as_str()]);
        quote!(#doc pub const #name: &'static str = #addr;)
    });
    let methods = s
        .operations
        .iter()
        .zip(&p.operations)
        .map(|(op, op_plan)| operation(e, p, op, op_plan));
    let client_doc = doc_attrs(
        s.doc.iter().map(String::as_str).chain([format!(
            "Client of the `{}` service: one async method per operation. Cloning is cheap (the transport is shared).",
            s.name
        )
        .as_str()]),
    );
    let headers_doc = doc_attrs([format!(
        "SOAP headers of the `{}` service that the client sends.",
        s.name
    )
    .as_str()]);
    quote! {
        #headers_doc
        #[derive(Debug, Clone, Default)]
        pub struct #headers { #(#header_fields)* }

        #client_doc
        #[derive(Clone)]
        pub struct #client {
            core: #rt::ClientCore,
            headers: #headers,
        }

        // Methods are named after operations: one named `into_…` or `from_…` is no conversion.
        #[allow(clippy::wrong_self_convention)]
        impl #client {
            #(#addresses)*

            /// A client sending through `transport`, with the WSDL's first SOAP version.
            pub fn new(transport: impl #rt::Transport) -> Self {
                Self { core: #rt::ClientCore::new(transport, #default_version), headers: #headers::default() }
            }
            /// Returns this client speaking `version`.
            pub fn with_soap_version(mut self, version: #rt::SoapVersion) -> Self {
                self.core = self.core.with_version(version);
                self
            }
            /// Chooses the SOAP version of later calls.
            pub fn set_soap_version(&mut self, version: #rt::SoapVersion) {
                self.core = self.core.clone().with_version(version);
            }
            /// The SOAP version of calls.
            pub fn soap_version(&self) -> #rt::SoapVersion {
                self.core.version()
            }
            /// The headers sent with calls.
            pub fn headers(&self) -> &#headers {
                &self.headers
            }
            /// The headers sent with calls, to change.
            pub fn headers_mut(&mut self) -> &mut #headers {
                &mut self.headers
            }
            #(#header_methods)*
            #(#methods)*
        }
    }
}

/// The SOAPAction of `op` for the client's version, as an expression.
fn action_expr(e: &Emitter, op: &Operation) -> TokenStream {
    let rt = &e.rt;
    let a11 = op.actions.get(&SoapVersion::Soap11);
    let a12 = op.actions.get(&SoapVersion::Soap12);
    match (a11, a12) {
        (Some(a), Some(b)) if a != b => quote! {
            match self.core.version() {
                #rt::SoapVersion::Soap11 => #a,
                #rt::SoapVersion::Soap12 => #b,
            }
        },
        (Some(a), _) | (None, Some(a)) => quote!(#a),
        (None, None) => quote!(""),
    }
}

fn operation(e: &Emitter, p: &ServicePlan, op: &Operation, op_plan: &OperationPlan) -> TokenStream {
    let rt = &e.rt;
    let method = ident(&op_plan.method);
    let (params, build_input, write_body) = input_params(e, op_plan);
    let write_headers = op.input_headers.iter().map(|h| {
        let field = p
            .headers
            .iter()
            .find(|(_, el)| el.name == h.element.name)
            .map(|(n, _)| ident(n));
        let (ns, local) = (&h.element.name.ns, &h.element.name.local);
        quote! {
            if let Some(value) = &self.headers.#field {
                #rt::xml::write_element(envelope.header(), #ns, #local, value);
            }
        }
    });
    let action = action_expr(e, op);
    let (out_ty, out_expr) = e.output_tokens(&op_plan.output);
    let decode = match &op_plan.output {
        Shape::Empty => quote! {
            let _ = response;
            Ok(())
        },
        Shape::Parts { wrapper } => {
            let ty = ident(&e.plan.types[*wrapper].name);
            quote! {
                let output: #ty = #rt::client::decode_body_parts(&response)?;
                Ok(output)
            }
        }
        Shape::Whole(el) | Shape::Unwrapped { element: el, .. } => {
            let ty = match &op_plan.output {
                Shape::Unwrapped { wrapper, .. } => {
                    let n = ident(&e.plan.types[*wrapper].name);
                    quote!(#n)
                }
                _ => e.element_tokens(el),
            };
            let (ns, local) = (&el.name.ns, &el.name.local);
            if e.output_discarded(&op_plan.output) {
                quote! {
                    let _: #ty = #rt::client::decode_body(&response, #ns, #local)?;
                    Ok(())
                }
            } else {
                quote! {
                    let output: #ty = #rt::client::decode_body(&response, #ns, #local)?;
                    Ok(#out_expr)
                }
            }
        }
    };
    let mut notes = vec![format!("Calls the `{}` operation.", op.name)];
    if let Some((name, _)) = &op_plan.faults {
        notes.push(format!(
            "A fault the WSDL declares comes back decoded as `OperationError::Declared` with a [`{name}`]."
        ));
    }
    if let Some((name, _)) = &op_plan.response_headers {
        notes.push(format!(
            "Returns the response headers the WSDL declares beside the output, in a [`{name}`]."
        ));
    }
    let doc = doc_attrs(
        op.doc
            .iter()
            .map(String::as_str)
            .chain(notes.iter().map(String::as_str)),
    );
    let allow = super::many_arguments(params.len());
    // SOAP encoding: values say their types.
    let annotate = op
        .encoded
        .then(|| quote!(envelope.body().set_annotate_types(true);));
    let returned = e.returned_tokens(op_plan);
    // An operation with declared faults returns them decoded; the other errors convert.
    let (error_ty, classify) = match &op_plan.faults {
        Some((name, _)) => {
            let name = ident(name);
            (
                quote!(#rt::OperationError<#name>),
                quote!(.map_err(#rt::OperationError::classify)),
            )
        }
        None => (quote!(#rt::Error), quote!()),
    };
    // Declared response headers come back beside the output.
    let decode = match &op_plan.response_headers {
        Some((name, _)) => {
            let name = ident(name);
            let value = if e.returns_unit(&op_plan.output) {
                quote!({
                    output?;
                    headers
                })
            } else {
                quote!((output?, headers))
            };
            quote! {
                let headers = #name::from_message(&response).map_err(#rt::Error::Decode)?;
                let output: Result<#out_ty, #error_ty> = { #decode };
                Ok(#value)
            }
        }
        None => decode,
    };
    quote! {
        #doc
        #allow
        pub async fn #method(&self, #(#params),*) -> Result<#returned, #error_ty> {
            #build_input
            let mut envelope = #rt::EnvelopeWriter::new(self.core.version());
            #(#write_headers)*
            #annotate
            #write_body
            let response = self.core.call(#action, envelope.finish()).await #classify?;
            #decode
        }
    }
}

/// The parameters of a client method, the statements that build the request value, and the
/// statement that writes it into the envelope's body.
fn input_params(
    e: &Emitter,
    op_plan: &OperationPlan,
) -> (Vec<TokenStream>, TokenStream, TokenStream) {
    let rt = &e.rt;
    match &op_plan.input {
        Shape::Empty => (Vec::new(), quote!(), quote!(envelope.body();)),
        Shape::Whole(el) => {
            let ty = e.element_tokens(el);
            let (ns, local) = (&el.name.ns, &el.name.local);
            (
                vec![quote!(body: #ty)],
                quote!(),
                quote!(#rt::xml::write_element(envelope.body(), #ns, #local, &body);),
            )
        }
        Shape::Unwrapped { wrapper, .. } | Shape::Parts { wrapper } => {
            let TypeKind::Struct(st) = &e.ir.types[*wrapper].kind else {
                return (Vec::new(), quote!(), quote!());
            };
            let names = &e.plan.types[*wrapper];
            let wrapper_name = ident(&names.name);
            let params: Vec<TokenStream> = st
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let p = ident(&op_plan.params[i]);
                    let ty = e.field_tokens(f, names.boxed.contains(&i));
                    quote!(#p: #ty)
                })
                .collect();
            let inits = st.fields.iter().enumerate().map(|(i, _)| {
                let m = ident(&names.members[i]);
                let p = ident(&op_plan.params[i]);
                if m == p {
                    quote!(#m,)
                } else {
                    quote!(#m: #p,)
                }
            });
            let write = match &op_plan.input {
                Shape::Unwrapped { element, .. } => {
                    let (ns, local) = (&element.name.ns, &element.name.local);
                    quote!(#rt::xml::write_element(envelope.body(), #ns, #local, &input);)
                }
                // Several parts: the struct's content (the part elements) is the Body's.
                _ => quote!(#rt::ToXml::write_content(&input, envelope.body());),
            };
            (
                params,
                quote!(let input = #wrapper_name { #(#inits)* };),
                write,
            )
        }
    }
}
