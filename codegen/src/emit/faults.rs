//! The faults an operation declares (`wsdl:fault`): one enum per operation, a variant per fault
//! holding its decoded detail element, decoded from a received fault (`rt::FaultDetail`, used
//! by the client) and turned into one (`into_fault`, for the server).

use super::docs::doc_attrs;
use super::{ident, Emitter};
use crate::plan::OperationPlan;
use crate::resolve::ir::Operation;
use proc_macro2::TokenStream;
use quote::quote;

/// The fault enum of `op`, or nothing when it declares no fault.
pub fn fault_enum(e: &Emitter, op: &Operation, op_plan: &OperationPlan) -> TokenStream {
    let Some((name, variants)) = &op_plan.faults else {
        return TokenStream::new();
    };
    let rt = &e.rt;
    let name = ident(name);
    let doc = doc_attrs(std::iter::once(
        format!(
            "The faults operation `{}` declares (`wsdl:fault`), each with its decoded detail element.",
            op.name
        )
        .as_str(),
    ));
    let mut defs = Vec::new();
    let mut decodes = Vec::new();
    let mut encodes = Vec::new();
    for (fault, variant) in op.faults.iter().zip(variants) {
        let variant = ident(variant);
        let ty = e.element_tokens(&fault.element);
        let (ns, local) = (&fault.element.name.ns, &fault.element.name.local);
        let vdoc = doc_attrs(std::iter::once(
            format!(
                "`{}`: detail element `{local}`{}.",
                fault.name,
                if ns.is_empty() {
                    String::new()
                } else {
                    format!(" in namespace `{ns}`")
                }
            )
            .as_str(),
        ));
        defs.push(quote! { #vdoc #variant(#ty), });
        decodes.push(quote! {
            if let Some(value) = fault.detail_element::<#ty>(#ns, #local)? {
                return Ok(Some(Self::#variant(value)));
            }
        });
        encodes.push(quote! {
            Self::#variant(value) => fault.with_detail_element(#ns, #local, value),
        });
    }
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#defs)*
        }
        impl #rt::FaultDetail for #name {
            fn from_fault(fault: &#rt::Fault) -> Result<Option<Self>, #rt::DecodeError> {
                #(#decodes)*
                Ok(None)
            }
        }
        impl #name {
            /// A SOAP fault with `code` and `reason` carrying this detail (what a server returns).
            pub fn into_fault(self, code: #rt::fault::FaultCode, reason: impl Into<String>) -> #rt::Fault {
                let fault = #rt::Fault::new(code, reason);
                match &self {
                    #(#encodes)*
                }
            }
        }
    }
}
