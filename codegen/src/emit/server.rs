//! The generated server side: a trait with one method per operation (receiving the headers the
//! operation declares), and a dispatcher that routes a request by SOAPAction (1.1) or the
//! `action` parameter (1.2), falling back to the body's first element, decodes it, calls the
//! trait and encodes the response or fault.

use super::docs::doc_attrs;
use super::{ident, Emitter};
use crate::plan::{OperationPlan, ServicePlan, Shape};
use crate::resolve::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The server trait and dispatcher of one service.
pub fn server(e: &Emitter, s: &Service, p: &ServicePlan) -> TokenStream {
    let rt = &e.rt;
    let trait_name = ident(&p.trait_name);
    let server = ident(&p.server_name);
    let op_enum = ident(&p.operation_enum);
    let trait_methods = s
        .operations
        .iter()
        .zip(&p.operations)
        .map(|(op, op_plan)| trait_method(e, op, op_plan));
    let arc_methods = s
        .operations
        .iter()
        .zip(&p.operations)
        .map(|(op, op_plan)| arc_method(e, op, op_plan));
    let variants: Vec<_> = p
        .operations
        .iter()
        .map(|o| format_ident!("{}", heck_camel(&o.method)))
        .collect();

    // Routing tables, first declaration winning so no pattern is unreachable.
    let routes = crate::resolve::routing::routes(s);
    let action_arms: Vec<TokenStream> = routes
        .actions
        .iter()
        .map(|(action, i)| {
            let variant = &variants[*i];
            quote!(Some(#action) => return Some(#op_enum::#variant),)
        })
        .collect();
    let body_arms: Vec<TokenStream> = routes
        .bodies
        .iter()
        .map(|(body, i)| {
            let variant = &variants[*i];
            match body {
                Some((ns, local)) => quote!(Some((#ns, #local)) => Some(#op_enum::#variant),),
                None => quote!(None => Some(#op_enum::#variant),),
            }
        })
        .collect();
    let unreachable: Vec<_> = routes.unreachable.iter().map(|i| &variants[*i]).collect();
    // No operation to route to: no match (clippy's match_single_binding).
    let body_match = if body_arms.is_empty() {
        quote! {
            let _ = body;
            None
        }
    } else {
        quote! {
            match body {
                #(#body_arms)*
                _ => None,
            }
        }
    };
    let describe_arms = s.operations.iter().zip(&variants).map(|(op, v)| {
        let name = &op.name;
        // A body that heads a substitution group may be any element of the group: the
        // SOAPAction's operation is not checked against one body element then.
        let body = match &op.input {
            Some(el) if op.input_alternatives.is_empty() => {
                let (ns, local) = (&el.name.ns, &el.name.local);
                quote!(Some((#ns, #local)))
            }
            _ => quote!(None),
        };
        quote!(#op_enum::#v => (#name, #body),)
    });
    let describe = if variants.is_empty() {
        quote!(match operation {})
    } else {
        quote!(match operation { #(#describe_arms)* })
    };
    let variant_defs = variants.iter().map(|v| {
        if unreachable.contains(&v) {
            quote! {
                #[allow(dead_code)] // no SOAPAction or body element of its own routes here
                #v
            }
        } else {
            quote!(#v)
        }
    });
    let action_match = if action_arms.is_empty() {
        quote!(let _ = action;)
    } else if let [(action, i)] = routes.actions.as_slice() {
        // One action: an `if` (clippy's single_match).
        let variant = &variants[*i];
        quote! {
            if action == Some(#action) {
                return Some(#op_enum::#variant);
            }
        }
    } else {
        quote! {
            match action {
                #(#action_arms)*
                _ => {}
            }
        }
    };
    let (dispatch_arms, handlers): (Vec<TokenStream>, Vec<TokenStream>) = s
        .operations
        .iter()
        .zip(&p.operations)
        .zip(&variants)
        .map(|((op, op_plan), variant)| dispatch_arm(e, op, op_plan, quote!(#op_enum::#variant)))
        .unzip();
    let trait_doc = doc_attrs(s.doc.iter().map(String::as_str).chain([format!(
        "The operations of the `{}` service, implemented by a server. Serve an implementation with [`{}`].",
        s.name, p.server_name
    )
    .as_str()]));
    let server_doc = doc_attrs([format!(
        "Dispatches SOAP 1.1 and 1.2 requests to an implementation of [`{}`]; serve it with the runtime's axum router or call it in-process.",
        p.trait_name
    )
    .as_str()]);
    let dispatch_body = if variants.is_empty() {
        quote! {
            let _ = operation;
            Err(#rt::Fault::server("this service has no operations"))
        }
    } else {
        quote! {
            let handler: ::std::pin::Pin<
                Box<dyn ::core::future::Future<Output = Result<String, #rt::Fault>> + Send + '_>,
            > = match operation { #(#dispatch_arms)* };
            handler.await
        }
    };
    quote! {
        #trait_doc
        // Methods are named after operations: one named `into_…` or `from_…` is no conversion.
        #[allow(clippy::wrong_self_convention)]
        pub trait #trait_name: Send + Sync + 'static {
            #(#trait_methods)*
        }

        /// A shared implementation serves as well, so the caller can keep a handle on it.
        impl<T: #trait_name> #trait_name for ::std::sync::Arc<T> {
            #(#arc_methods)*
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(clippy::enum_variant_names)] // named after the operations
        enum #op_enum { #(#variant_defs,)* }

        #server_doc
        #[derive(Debug, Clone)]
        pub struct #server<S> {
            service: S,
        }

        impl<S: #trait_name> #server<S> {
            /// Wraps an implementation.
            pub fn new(service: S) -> Self {
                Self { service }
            }
            /// The implementation.
            pub fn service(&self) -> &S {
                &self.service
            }
            #(#handlers)*

            /// An operation's name and the body element its request carries.
            fn describe(operation: #op_enum) -> (&'static str, Option<(&'static str, &'static str)>) {
                #describe
            }

            fn route(action: Option<&str>, body: Option<(&str, &str)>) -> Option<#op_enum> {
                #action_match
                #body_match
            }
        }

        impl<S: #trait_name> #rt::SoapDispatch for #server<S> {
            async fn dispatch(&self, request: #rt::IncomingRequest) -> Result<String, #rt::Fault> {
                let message = &request.message;
                let Some(operation) = Self::route(request.action.as_deref(), message.body_name()) else {
                    let body = match message.body_name() {
                        Some((ns, local)) => format!("{{{ns}}}{local}"),
                        None => "an empty Body".to_string(),
                    };
                    let action = request.action.as_deref().unwrap_or("");
                    return Err(#rt::Fault::client(format!(
                        "no operation of this service matches SOAPAction `{action}` or body element {body}"
                    )));
                };
                let (name, expected) = Self::describe(operation);
                if let (Some((ens, elocal)), Some((ns, local))) = (expected, message.body_name()) {
                    if (ens, elocal) != (ns, local) {
                        let action = request.action.as_deref().unwrap_or("");
                        return Err(#rt::Fault::client(format!(
                            "the SOAPAction `{action}` selects operation `{name}`, whose body element is {{{ens}}}{elocal}, but the body holds {{{ns}}}{local}"
                        )));
                    }
                }
                #dispatch_body
            }
        }
    }
}

fn heck_camel(s: &str) -> String {
    heck::ToUpperCamelCase::to_upper_camel_case(s.trim_start_matches("r#"))
}

fn trait_method(e: &Emitter, op: &Operation, op_plan: &OperationPlan) -> TokenStream {
    let rt = &e.rt;
    let method = ident(&op_plan.method);
    let params: Vec<TokenStream> = method_params(e, op, op_plan)
        .into_iter()
        .map(|(p, ty)| quote!(#p: #ty))
        .collect();
    let out_ty = e.returned_tokens(op_plan);
    let mut notes = vec![format!("Handles the `{}` operation.", op.name)];
    if !op.input_headers.is_empty() {
        let names: Vec<String> = op
            .input_headers
            .iter()
            .map(|h| format!("`{}`", h.element.name.local))
            .collect();
        notes.push(format!(
            "Receives the request's {} header (None when absent).",
            names.join(", ")
        ));
    }
    if let Some((name, _)) = &op_plan.response_headers {
        notes.push(format!(
            "Returns the response headers to send beside the output, in a [`{name}`]."
        ));
    }
    notes.push("Return a `Fault` to answer with a SOAP fault.".into());
    let doc = doc_attrs(
        op.doc
            .iter()
            .map(String::as_str)
            .chain(notes.iter().map(String::as_str)),
    );
    let allow = super::many_arguments(params.len());
    quote! {
        #doc
        #allow
        fn #method(&self, #(#params),*) -> impl ::core::future::Future<Output = Result<#out_ty, #rt::Fault>> + Send;
    }
}

/// The delegating method of the `Arc<T>` implementation.
fn arc_method(e: &Emitter, op: &Operation, op_plan: &OperationPlan) -> TokenStream {
    let rt = &e.rt;
    let method = ident(&op_plan.method);
    let typed = method_params(e, op, op_plan);
    let params = typed.iter().map(|(p, ty)| quote!(#p: #ty));
    let args = typed.iter().map(|(p, _)| p);
    let out_ty = e.returned_tokens(op_plan);
    let allow = super::many_arguments(typed.len());
    quote! {
        #allow
        fn #method(&self, #(#params),*) -> impl ::core::future::Future<Output = Result<#out_ty, #rt::Fault>> + Send {
            T::#method(self, #(#args),*)
        }
    }
}

/// The parameters of a trait method: the declared headers (each optional), then the body.
fn method_params(
    e: &Emitter,
    op: &Operation,
    op_plan: &OperationPlan,
) -> Vec<(proc_macro2::Ident, TokenStream)> {
    let mut params: Vec<(proc_macro2::Ident, TokenStream)> = op
        .input_headers
        .iter()
        .zip(&op_plan.header_params)
        .map(|(h, name)| {
            let ty = e.type_tokens(&h.element.ty);
            (ident(name), quote!(Option<#ty>))
        })
        .collect();
    params.extend(body_params(e, op_plan));
    params
}

/// (parameter name, type) of the body part of a trait method.
fn body_params(e: &Emitter, op_plan: &OperationPlan) -> Vec<(proc_macro2::Ident, TokenStream)> {
    match &op_plan.input {
        Shape::Empty => Vec::new(),
        Shape::Whole(el) => vec![(format_ident!("body"), e.element_tokens(el))],
        Shape::Unwrapped { wrapper, .. } | Shape::Parts { wrapper } => {
            let TypeKind::Struct(st) = &e.ir.types[*wrapper].kind else {
                return Vec::new();
            };
            let names = &e.plan.types[*wrapper];
            st.fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    (
                        ident(&op_plan.params[i]),
                        e.field_tokens(f, names.boxed.contains(&i)),
                    )
                })
                .collect()
        }
    }
}

/// The dispatch match arm of an operation, and the handler method it calls. Each operation has
/// its own small async handler, and the dispatcher awaits one boxed future: an async function
/// awaiting thousands of different futures would make one huge state machine, which rustc is
/// very slow to compile for large services.
fn dispatch_arm(
    e: &Emitter,
    op: &Operation,
    op_plan: &OperationPlan,
    variant: TokenStream,
) -> (TokenStream, TokenStream) {
    let rt = &e.rt;
    let method = ident(&op_plan.method);
    let understood = op.input_headers.iter().map(|h| {
        let (ns, local) = (&h.element.name.ns, &h.element.name.local);
        quote!((#ns, #local))
    });
    let mut args = Vec::new();
    let mut decode_headers = Vec::new();
    for (i, h) in op.input_headers.iter().enumerate() {
        let v = format_ident!("header_{}", i);
        let ty = e.type_tokens(&h.element.ty);
        let (ns, local) = (&h.element.name.ns, &h.element.name.local);
        decode_headers.push(quote!(let #v = message.decode_header::<#ty>(#ns, #local)?;));
        args.push(quote!(#v));
    }
    let decode_body = match &op_plan.input {
        Shape::Empty => quote!(),
        Shape::Whole(el) => {
            let ty = e.element_tokens(el);
            let (ns, local) = (&el.name.ns, &el.name.local);
            args.push(quote!(body));
            quote!(let body: #ty = message.decode_body(#ns, #local)?;)
        }
        Shape::Unwrapped { wrapper, .. } | Shape::Parts { wrapper } => {
            let names = &e.plan.types[*wrapper];
            let wrapper_name = ident(&names.name);
            let decode = match &op_plan.input {
                Shape::Unwrapped { element, .. } => {
                    let (ns, local) = (&element.name.ns, &element.name.local);
                    quote!(message.decode_body(#ns, #local)?)
                }
                _ => quote!(message.decode_body_parts()?),
            };
            let bindings: Vec<_> = names
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let m = ident(m);
                    let v = format_ident!("param_{}", i);
                    args.push(quote!(#v));
                    quote!(#m: #v)
                })
                .collect();
            quote! {
                let #wrapper_name { #(#bindings),* } = #decode;
            }
        }
    };
    // Declared response headers come back beside the output and go into the Header first.
    let (call, write_headers) = match &op_plan.response_headers {
        Some(_) if e.returns_unit(&op_plan.output) => (
            quote!({
                response_headers = self.service.#method(#(#args),*).await?;
            }),
            quote!(response_headers.write_to(&mut envelope);),
        ),
        Some(_) => (
            quote!({
                let (output, headers) = self.service.#method(#(#args),*).await?;
                response_headers = headers;
                output
            }),
            quote!(response_headers.write_to(&mut envelope);),
        ),
        None => (quote!(self.service.#method(#(#args),*).await?), quote!()),
    };
    let declare_headers = op_plan
        .response_headers
        .as_ref()
        .map(|_| quote!(let response_headers;));
    // SOAP encoding: values say their types.
    let annotate = op
        .encoded
        .then(|| quote!(envelope.body().set_annotate_types(true);));
    let annotate = quote!(#write_headers #annotate);
    let respond = match &op_plan.output {
        Shape::Empty => quote! {
            #call;
            let mut envelope = #rt::EnvelopeWriter::new(message.version());
            #annotate
            envelope.body();
            Ok(envelope.finish())
        },
        Shape::Whole(el) => {
            let (ns, local) = (&el.name.ns, &el.name.local);
            quote! {
                let output = #call;
                let mut envelope = #rt::EnvelopeWriter::new(message.version());
            #annotate
                #rt::xml::write_element(envelope.body(), #ns, #local, &output);
                Ok(envelope.finish())
            }
        }
        Shape::Parts { .. } => quote! {
            let output = #call;
            let mut envelope = #rt::EnvelopeWriter::new(message.version());
            #annotate
            #rt::ToXml::write_content(&output, envelope.body());
            Ok(envelope.finish())
        },
        Shape::Unwrapped { element, wrapper } => {
            let names = &e.plan.types[*wrapper];
            let wrapper_name = ident(&names.name);
            let (ns, local) = (&element.name.ns, &element.name.local);
            let (bind, value) = match names.members.first() {
                Some(m) => {
                    let m = ident(m);
                    (
                        quote!(let output = #call;),
                        // `output` itself when the field has that name (redundant_field_names).
                        if m == "output" {
                            quote!(#wrapper_name { output })
                        } else {
                            quote!(#wrapper_name { #m: output })
                        },
                    )
                }
                None => (quote!(#call;), quote!(#wrapper_name {})),
            };
            quote! {
                #bind
                let mut envelope = #rt::EnvelopeWriter::new(message.version());
            #annotate
                #rt::xml::write_element(envelope.body(), #ns, #local, &#value);
                Ok(envelope.finish())
            }
        }
    };
    let handler = format_ident!("handle_{}", op_plan.method.trim_start_matches("r#"));
    let doc = format!(
        " Decodes a `{}` request, calls the service, encodes its answer.",
        op.name
    );
    let arm = quote!(#variant => Box::pin(self.#handler(message)),);
    let method = quote! {
        #[doc = #doc]
        async fn #handler(&self, message: &#rt::Message) -> Result<String, #rt::Fault> {
            message.check_must_understand(&[#(#understood),*])?;
            #(#decode_headers)*
            #decode_body
            #declare_headers
            #respond
        }
    };
    (arm, method)
}
