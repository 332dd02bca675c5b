//! Rust type definitions: a struct per complex type, an enum per enumeration or choice, a
//! newtype per list, an alias per other simple type.

use super::docs::{doc_attrs, wire_name};
use super::{ident, Emitter};
use crate::resolve::ir::*;
use proc_macro2::TokenStream;
use quote::quote;

fn origin_doc(t: &TypeDef) -> String {
    match &t.origin {
        Origin::Named(q) => format!("XML schema type {}.", wire_name(&q.ns, &q.local)),
        Origin::Element(q) => format!(
            "The anonymous type of element {}.",
            wire_name(&q.ns, &q.local)
        ),
        Origin::Derivations(_) => "Told apart on the wire by `xsi:type`.".to_string(),
        Origin::SubstitutionGroup(q) => format!(
            "The substitution group of element {}.",
            wire_name(&q.ns, &q.local)
        ),
        Origin::Nested { name, .. } => {
            format!("An anonymous type, declared inside the type containing `{name}`.")
        }
        Origin::BodyParts(message) => format!(
            "The body parts of message `{message}`: their elements, side by side in the SOAP Body."
        ),
    }
}

fn occurrence_doc(f: &Field) -> String {
    let occ = match f.occurrence {
        Occurrence::Required => "required",
        Occurrence::Optional => "optional",
        Occurrence::Repeated => "repeated",
    };
    let nil = if f.nillable { ", nillable" } else { "" };
    let default = f
        .default
        .as_ref()
        .map(|d| format!(", default `{d}`"))
        .unwrap_or_default();
    match f.kind {
        FieldKind::Element(_) => format!(
            "Element {} ({occ}{nil}{default}).",
            wire_name(&f.wire.ns, &f.wire.local)
        ),
        FieldKind::Choice(_) if !f.wire.ns.is_empty() || f.wire.local != "Choice" => format!(
            "Element {} or an element of its substitution group ({occ}).",
            wire_name(&f.wire.ns, &f.wire.local)
        ),
        FieldKind::Choice(_) => format!("A choice between elements ({occ})."),
        FieldKind::Any => format!("Any elements (`xs:any`), kept as raw XML ({occ})."),
        FieldKind::Raw => format!(
            "Element {}, kept whole as raw XML ({occ}).",
            wire_name(&f.wire.ns, &f.wire.local)
        ),
    }
}

/// The definition of type `id`.
pub fn type_definition(e: &Emitter, id: TypeId) -> TokenStream {
    let t = &e.ir.types[id];
    let names = &e.plan.types[id];
    let name = ident(&names.name);
    let origin = origin_doc(t);
    match &t.kind {
        TypeKind::Struct(st) => {
            let mut notes = vec![origin];

            if let Some(base) = st.base {
                notes.push(format!(
                    "Extends [`{}`]; its members come first.",
                    e.plan.types[base].name
                ));
            }
            let polymorphic = st.held_as.and_then(|p| match e.ir.types[p].kind {
                TypeKind::Polymorphic { abstract_base, .. } => Some((p, abstract_base)),
                _ => None,
            });
            if let Some((p, abstract_base)) = polymorphic {
                let any = &e.plan.types[p].name;
                notes.push(if abstract_base {
                    format!("Abstract: elements declared with this type hold [`{any}`], one of the types derived from it.")
                } else {
                    format!("Elements declared with this type hold [`{any}`]: this type or one derived from it.")
                });
            }
            let docs = doc_attrs(
                t.doc
                    .iter()
                    .map(String::as_str)
                    .chain(notes.iter().map(String::as_str)),
            );
            let mut fields = Vec::new();
            for (i, a) in st.attributes.iter().enumerate() {
                let fname = ident(&names.attributes[i]);
                let ty = e.type_tokens(&a.ty);
                let ty = if a.required { ty } else { quote!(Option<#ty>) };
                let note = format!(
                    "Attribute {} ({}{}).",
                    wire_name(&a.wire.ns, &a.wire.local),
                    if a.required { "required" } else { "optional" },
                    a.default
                        .as_ref()
                        .map(|d| format!(", default `{d}`"))
                        .unwrap_or_default()
                );
                let d = doc_attrs(a.doc.iter().map(String::as_str).chain([note.as_str()]));
                fields.push(quote!(#d pub #fname: #ty,));
            }
            if st.any_attribute {
                let fname = ident(&names.other_attributes);
                let d = doc_attrs(["Attributes not declared by the schema (`xs:anyAttribute`), as (namespace, local name, value)."]);
                fields.push(quote!(#d pub #fname: Vec<(String, String, String)>,));
            }
            if let Some(text) = &st.text {
                let fname = ident(&names.text);
                let ty = e.type_tokens(text);
                let d = doc_attrs(["The element's text content."]);
                fields.push(quote!(#d pub #fname: #ty,));
            } else if st.mixed {
                let fname = ident(&names.text);
                let d = doc_attrs(["Mixed content: the text around the child elements, in document order: the first is the text before the first child, then one after each child (the children of all fields, in the order they are written). Missing texts are empty."]);
                fields.push(quote!(#d pub #fname: Vec<String>,));
            }
            for (i, f) in st.fields.iter().enumerate() {
                let fname = ident(&names.members[i]);
                let ty = e.field_tokens(f, names.boxed.contains(&i));
                let note = occurrence_doc(f);
                let d = doc_attrs(f.doc.iter().map(String::as_str).chain([note.as_str()]));
                fields.push(quote!(#d pub #fname: #ty,));
            }
            let default = if e.plan.defaultable[id] {
                quote!(Default,)
            } else {
                quote!()
            };
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, #default)]
                pub struct #name { #(#fields)* }
            }
        }
        TypeKind::Enum { values } => {
            let docs = doc_attrs(t.doc.iter().map(String::as_str).chain([origin.as_str()]));
            // A value listed twice is one variant, with the first occurrence's documentation.
            let variants = super::codecs::distinct_values(values).into_iter().map(|i| {
                let ((value, doc), v) = (&values[i], ident(&names.members[i]));
                let note = format!("`{value}`");
                let d = doc_attrs(doc.iter().map(String::as_str).chain([note.as_str()]));
                let default = (i == 0).then(|| quote!(#[default]));
                quote!(#d #default #v,)
            });
            let unrecognized = ident(&names.unrecognized);
            let default = if values.is_empty() {
                quote!()
            } else {
                quote!(Default,)
            };
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, Eq, Hash, #default)]
                pub enum #name {
                    #(#variants)*
                    /// A value outside the schema's enumeration, kept as received.
                    #unrecognized(String),
                }
            }
        }
        TypeKind::Choice(variants) => {
            let what = match &t.origin {
                Origin::SubstitutionGroup(_) => origin,
                _ => "Exactly one of these elements (`xs:choice`).".to_string(),
            };
            let docs = doc_attrs(t.doc.iter().map(String::as_str).chain([what.as_str()]));
            let vs = variants.iter().zip(&names.members).map(|(f, v)| {
                let v = ident(v);
                let item = e.item_tokens(f, false);
                let ty = if f.occurrence == Occurrence::Repeated {
                    quote!(Vec<#item>)
                } else {
                    item
                };
                let note = occurrence_doc(f);
                let d = doc_attrs(f.doc.iter().map(String::as_str).chain([note.as_str()]));
                quote!(#d #v(#ty),)
            });
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq)]
                #[allow(clippy::enum_variant_names, clippy::large_enum_variant)]
                pub enum #name { #(#vs)* }
            }
        }
        TypeKind::Polymorphic { base, variants, .. } => {
            polymorphic_definition(e, id, *base, variants)
        }
        TypeKind::Alias(target) => {
            let docs = doc_attrs(
                t.doc
                    .iter()
                    .map(String::as_str)
                    .chain([origin.as_str(), "Its facets are not enforced."]),
            );
            let target = e.type_tokens(target);
            quote! {
                #docs
                pub type #name = #target;
            }
        }
        TypeKind::List(item) => {
            let docs = doc_attrs(
                t.doc
                    .iter()
                    .map(String::as_str)
                    .chain([origin.as_str(), "A whitespace-separated list (`xs:list`)."]),
            );
            let item = e.type_tokens(item);
            let default = if e.plan.defaultable[id] {
                quote!(Default,)
            } else {
                quote!()
            };
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, #default)]
                pub struct #name(pub Vec<#item>);
            }
        }
    }
}

/// The enum of a type and its derived types, with a `From` per variant and, when the base is
/// concrete and has a default, `Default` as the base's default.
fn polymorphic_definition(
    e: &Emitter,
    id: TypeId,
    base: TypeId,
    variants: &[(crate::parse::model::QName, TypeId)],
) -> TokenStream {
    let t = &e.ir.types[id];
    let name = ident(&e.plan.types[id].name);
    let docs = doc_attrs(
        t.doc
            .iter()
            .map(String::as_str)
            .chain([origin_doc(t).as_str()]),
    );
    let arms = variants.iter().map(|(q, v)| {
        let v = ident(&e.plan.types[*v].name);
        let note = if *q == qname_of(e, base) {
            format!("The declared type itself, {}.", wire_name(&q.ns, &q.local))
        } else {
            format!("Derived type {}.", wire_name(&q.ns, &q.local))
        };
        let d = doc_attrs([note.as_str()]);
        quote!(#d #v(Box<#v>),)
    });
    let froms = variants.iter().map(|(_, v)| {
        let v = ident(&e.plan.types[*v].name);
        quote! {
            impl From<#v> for #name {
                fn from(value: #v) -> Self {
                    Self::#v(Box::new(value))
                }
            }
        }
    });
    let default = e.plan.defaultable[id].then(|| {
        let b = ident(&e.plan.types[base].name);
        quote! {
            impl Default for #name {
                fn default() -> Self {
                    Self::#b(Box::default())
                }
            }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::enum_variant_names)]
        pub enum #name { #(#arms)* }
        #(#froms)*
        #default
    }
}

/// The schema name of a named type (empty for others).
fn qname_of(e: &Emitter, id: TypeId) -> crate::parse::model::QName {
    match &e.ir.types[id].origin {
        Origin::Named(q) => q.clone(),
        _ => crate::parse::model::QName::new("", ""),
    }
}
