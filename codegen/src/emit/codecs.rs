//! XML codecs of generated types: `ToXml`/`FromXml` for structs (attributes, then children in
//! schema order), `XsdSimple` for enumerations and lists, and the writer of choice enums.
//!
//! Decoding accepts children in any order, skips elements the schema does not declare (unless
//! an `xs:any` keeps them), and reports a missing required element by name.

use super::{ident, Emitter};
use crate::parse::model::QName;
use crate::resolve::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Codec impls of type `id`.
pub fn type_codecs(e: &Emitter, id: TypeId) -> TokenStream {
    match &e.ir.types[id].kind {
        TypeKind::Struct(st) => struct_codecs(e, id, st),
        TypeKind::Enum { values } => enum_codec(e, id, values),
        TypeKind::Choice(variants) => choice_writer(e, id, variants),
        TypeKind::List(item) => list_codec(e, id, item),
        TypeKind::Alias(_) => quote!(),
        TypeKind::Polymorphic {
            base,
            abstract_base,
            variants,
        } => polymorphic_codecs(e, id, *base, *abstract_base, variants),
    }
}

/// The `(namespace, local)` tokens `xsi:type` names type `id` by, if it is a named type.
fn schema_type_tokens(e: &Emitter, id: TypeId) -> Option<TokenStream> {
    match &e.ir.types[id].origin {
        Origin::Named(q) => {
            let (ns, local) = (&q.ns, &q.local);
            Some(quote!((#ns, #local)))
        }
        _ => None,
    }
}

/// Writes one element value `v` (an expression of type `&T`) of field `f`.
fn write_value(e: &Emitter, f: &Field, v: TokenStream) -> TokenStream {
    let rt = &e.rt;
    let (ns, local) = (&f.wire.ns, &f.wire.local);
    match (&f.kind, f.nillable) {
        (FieldKind::Any | FieldKind::Raw, _) => quote!(w.raw(#rt::RawXml::as_str(#v));),
        (FieldKind::Choice(id), _) => {
            let choice = ident(&e.plan.types[*id].name);
            quote!(#choice::write_choice(#v, w);)
        }
        (FieldKind::Element(_), false) => quote!(#rt::xml::write_element(w, #ns, #local, #v);),
        (FieldKind::Element(_), true) => quote!(#rt::xml::write_nillable(w, #ns, #local, #v);),
    }
}

fn write_field(e: &Emitter, f: &Field, access: TokenStream, boxed: bool) -> TokenStream {
    let rt = &e.rt;
    let (ns, local) = (&f.wire.ns, &f.wire.local);
    let plain_element = matches!(f.kind, FieldKind::Element(_)) && !boxed;
    // A boxed value is dereferenced explicitly only for the generic writers; a choice's own
    // `write_choice(&self, ..)` gets `&Box<_>` coerced (clippy::explicit_auto_deref otherwise).
    let boxed = boxed && matches!(f.kind, FieldKind::Element(_));
    match f.occurrence {
        Occurrence::Required => {
            if boxed {
                write_value(e, f, quote!(&*#access))
            } else {
                write_value(e, f, quote!(&#access))
            }
        }
        Occurrence::Optional if plain_element && !f.nillable => {
            quote!(#rt::xml::write_optional(w, #ns, #local, &#access);)
        }
        Occurrence::Optional if plain_element => {
            quote!(#rt::xml::write_optional_nillable(w, #ns, #local, &#access);)
        }
        Occurrence::Repeated if plain_element && !f.nillable => {
            quote!(#rt::xml::write_repeated(w, #ns, #local, &#access);)
        }
        Occurrence::Optional => {
            let body = if boxed {
                write_value(e, f, quote!(&**v))
            } else {
                write_value(e, f, quote!(v))
            };
            quote!(if let Some(v) = &#access { #body })
        }
        Occurrence::Repeated => {
            let body = if boxed {
                write_value(e, f, quote!(&**v))
            } else {
                write_value(e, f, quote!(v))
            };
            quote!(for v in &#access { #body })
        }
    }
}

/// Whether values of `t` have a lexical form (`XsdSimple`), so a default value can stand in
/// for empty content.
fn is_simple(e: &Emitter, t: &TypeRef) -> bool {
    match t {
        TypeRef::Builtin(b) => !matches!(b, Builtin::QName | Builtin::AnyType),
        TypeRef::Named(id) => match &e.ir.types[*id].kind {
            TypeKind::Enum { .. } | TypeKind::List(_) => true,
            TypeKind::Alias(target) => is_simple(e, target),
            TypeKind::Struct(_) | TypeKind::Choice(_) | TypeKind::Polymorphic { .. } => false,
        },
    }
}

/// The expression that reads the current child `child` as one value of field `f` (no choice).
fn read_value(e: &Emitter, f: &Field, boxed: bool) -> TokenStream {
    let rt = &e.rt;
    let v = match (&f.kind, f.nillable) {
        (FieldKind::Any | FieldKind::Raw, _) => quote!(r.read_raw(&child)?),
        // An empty element with a default (or fixed) value has that value.
        (FieldKind::Element(t), nillable) if is_simple(e, t) && f.default.is_some() => {
            let default = f.default.as_deref().unwrap_or_default();
            if nillable {
                quote!(#rt::xml::read_nillable_defaulted(r, &child, #default)?)
            } else {
                quote!(#rt::xml::read_defaulted(r, &child, #default)?)
            }
        }
        (_, false) => quote!(#rt::xml::read_element(r, &child)?),
        (_, true) => quote!(#rt::xml::read_nillable(r, &child)?),
    };
    if boxed {
        quote!(Box::new(#v))
    } else {
        v
    }
}

fn struct_codecs(e: &Emitter, id: TypeId, st: &StructType) -> TokenStream {
    let rt = &e.rt;
    let names = &e.plan.types[id];
    let name = ident(&names.name);
    if let (Some(item_type), [item]) = (&st.soap_array, st.fields.as_slice()) {
        return soap_array_codecs(e, id, item_type, item);
    }

    // --- encoding ---
    let mut writes = Vec::new();
    for (i, a) in st.attributes.iter().enumerate() {
        let f = ident(&names.attributes[i]);
        let (ns, local) = (&a.wire.ns, &a.wire.local);
        writes.push(if a.required {
            quote!(#rt::xml::write_attribute(w, #ns, #local, &self.#f);)
        } else {
            quote!(#rt::xml::write_optional_attribute(w, #ns, #local, &self.#f);)
        });
    }
    if st.any_attribute {
        let f = ident(&names.other_attributes);
        writes.push(quote!(for (ns, local, value) in &self.#f { w.attr(ns, local, value); }));
    }
    if st.text.is_some() {
        let f = ident(&names.text);
        writes.push(quote!(#rt::ToXml::write_content(&self.#f, w);));
    } else if st.mixed {
        let f = ident(&names.text);
        writes.push(quote!(w.mixed_text(&self.#f);));
    }
    for (i, f) in st.fields.iter().enumerate() {
        let member = ident(&names.members[i]);
        writes.push(write_field(
            e,
            f,
            quote!(self.#member),
            names.boxed.contains(&i),
        ));
    }
    let w_param = if writes.is_empty() {
        quote!(_w)
    } else {
        quote!(w)
    };

    // --- decoding ---
    // Hygiene: the locals holding decoded values are `a_<i>` (attributes), `a_other`
    // (xs:anyAttribute), `content` (simple content) and `f_<i>` (child fields), never a name
    // taken from the schema, which would shadow the decoder's own `r`, `start`, `child`, ….
    // Schema names appear only as field names in the struct literal.
    let mut prelude = Vec::new();
    let mut inits = Vec::new();
    for (i, a) in st.attributes.iter().enumerate() {
        let f = ident(&names.attributes[i]);
        let slot = format_ident!("a_{}", i);
        let (ns, local) = (&a.wire.ns, &a.wire.local);
        let ty = e.type_tokens(&a.ty);
        let read = quote!(#rt::xml::read_attribute::<#ty>(r, start, #ns, #local)?);
        prelude.push(if a.required {
            quote!(let #slot = #rt::xml::required_attribute(#read, start.local(), #local)?;)
        } else {
            quote!(let #slot = #read;)
        });
        inits.push(quote!(#f: #slot,));
    }
    if st.any_attribute {
        let f = ident(&names.other_attributes);
        let known: Vec<TokenStream> = st
            .attributes
            .iter()
            .map(|a| {
                let (ns, local) = (&a.wire.ns, &a.wire.local);
                quote!((#ns, #local))
            })
            .collect();
        prelude.push(quote! {
            let a_other: Vec<(String, String, String)> = r
                .attrs(start)?
                .into_iter()
                .filter(|(ns, local, _)| {
                    let known: &[(&str, &str)] = &[#(#known),*];
                    ns != #XSI_NS && !known.contains(&(ns.as_str(), local.as_str()))
                })
                .collect();
        });
        inits.push(quote!(#f: a_other,));
    }
    let body = if let Some(text) = &st.text {
        let f = ident(&names.text);
        let ty = e.type_tokens(text);
        prelude.push(quote!(let content = <#ty as #rt::FromXml>::read_content(r, start)?;));
        inits.push(quote!(#f: content,));
        quote!()
    } else if st.mixed {
        let f = ident(&names.text);
        prelude.push(quote!(let mut texts: Vec<String> = vec![String::new()];));
        let children = struct_children(e, id, st, &mut inits);
        inits.push(quote!(#f: texts,));
        children
    } else {
        struct_children(e, id, st, &mut inits)
    };

    let xsi_type = schema_type_tokens(e, id).map(|t| {
        quote! {
            fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
                Some(#t)
            }
        }
    });
    quote! {
        impl #rt::ToXml for #name {
            fn write_content(&self, #w_param: &mut #rt::XmlWriter) {
                #(#writes)*
            }
            #xsi_type
        }
        impl #rt::FromXml for #name {
            fn read_content<'a>(r: &mut #rt::XmlReader<'a>, start: &#rt::Start<'a>) -> Result<Self, #rt::DecodeError> {
                #(#prelude)*
                #body
                Ok(Self { #(#inits)* })
            }
        }
    }
}

/// One way a child element can be consumed: the field it fills, the condition under which that
/// field can take it (`None`: always, as a repeated field can), and the statement that stores it.
struct Arm {
    field: usize,
    accepts: Option<TokenStream>,
    action: TokenStream,
}

/// The statements that read a struct's child elements into the slots `f_<i>`, pushing the
/// struct literal's field initializers to `inits`.
///
/// Most names belong to one field. A name several fields share (an element declared twice in a
/// sequence, `a* b a*`; a choice group referenced twice; several `xs:any`, which share every
/// undeclared name) fills them in schema order by position: the decoder remembers the last
/// field that took an element (`pos`), and an element goes to the first of its fields at or
/// after that position that can still take it (a repeated field always can, an optional or
/// required one while empty); when none can, to the first of its fields (in any position) that
/// can, so that children out of order are still accepted; else it replaces the last field's.
/// So in `a* b a*` the `a`s after a `b` fill the second list, and with `any* a any*` the
/// elements after `a` fill the second wildcard.
fn struct_children(
    e: &Emitter,
    id: TypeId,
    st: &StructType,
    inits: &mut Vec<TokenStream>,
) -> TokenStream {
    let rt = &e.rt;
    let names = &e.plan.types[id];
    let mut slots = Vec::new();
    let mut arms: Vec<((String, String), Arm)> = Vec::new();
    let mut wildcards: Vec<Arm> = Vec::new();
    for (i, f) in st.fields.iter().enumerate() {
        let slot = format_ident!("f_{}", i);
        let boxed = names.boxed.contains(&i);
        let item = e.item_tokens(f, boxed);
        let member = ident(&names.members[i]);
        let repeated = f.occurrence == Occurrence::Repeated;
        slots.push(if repeated {
            quote!(let mut #slot: Vec<#item> = Vec::new();)
        } else {
            quote!(let mut #slot: Option<#item> = None;)
        });
        let store = |v: TokenStream| {
            if repeated {
                quote!(#slot.push(#v);)
            } else {
                quote!(#slot = Some(#v);)
            }
        };
        let once = (!repeated).then(|| quote!(#slot.is_none()));
        match &f.kind {
            FieldKind::Element(_) | FieldKind::Raw => {
                let action = store(read_value(e, f, boxed));
                arms.push((
                    (f.wire.ns.clone(), f.wire.local.clone()),
                    Arm {
                        field: i,
                        accepts: once,
                        action,
                    },
                ));
            }
            FieldKind::Any => wildcards.push(Arm {
                field: i,
                accepts: once,
                action: store(read_value(e, f, false)),
            }),
            FieldKind::Choice(choice_id) => {
                let choice_name = ident(&e.plan.types[*choice_id].name);
                let TypeKind::Choice(variants) = &e.ir.types[*choice_id].kind else {
                    continue;
                };
                for (k, v) in variants.iter().enumerate() {
                    let vname = ident(&e.plan.types[*choice_id].members[k]);
                    let value = read_value(e, v, false);
                    let built = if v.occurrence == Occurrence::Repeated {
                        quote!(#choice_name::#vname(vec![#value]))
                    } else {
                        quote!(#choice_name::#vname(#value))
                    };
                    let built = if boxed {
                        quote!(Box::new(#built))
                    } else {
                        built
                    };
                    // A repeated alternative of a choice taken once collects its elements.
                    let (accepts, action) =
                        if v.occurrence == Occurrence::Repeated && !repeated && !boxed {
                            let inner = read_value(e, v, false);
                            (
                                Some(quote!(
                                    matches!(#slot, None | Some(#choice_name::#vname(_)))
                                )),
                                quote! {
                                    match &mut #slot {
                                        Some(#choice_name::#vname(items)) => items.push(#inner),
                                        _ => #slot = Some(#choice_name::#vname(vec![#inner])),
                                    }
                                },
                            )
                        } else {
                            (once.clone(), store(built))
                        };
                    let arm = Arm {
                        field: i,
                        accepts,
                        action,
                    };
                    match v.kind {
                        FieldKind::Any => wildcards.push(arm),
                        _ => arms.push(((v.wire.ns.clone(), v.wire.local.clone()), arm)),
                    }
                }
            }
        }
        // A missing choice is reported by its alternatives (`a|b`), the names on the wire.
        let local = match &f.kind {
            FieldKind::Choice(choice_id) => match &e.ir.types[*choice_id].kind {
                TypeKind::Choice(variants) => variants
                    .iter()
                    .map(|v| match v.kind {
                        FieldKind::Any => "any element",
                        _ => v.wire.local.as_str(),
                    })
                    .collect::<Vec<_>>()
                    .join("|"),
                _ => f.wire.local.clone(),
            },
            _ => f.wire.local.clone(),
        };
        inits.push(match f.occurrence {
            Occurrence::Required => {
                quote!(#member: #rt::xml::required(#slot, start.local(), #local)?,)
            }
            _ => quote!(#member: #slot,),
        });
    }
    // Group the arms by wire name, keeping first-appearance order (and schema order within).
    let mut grouped: Vec<((String, String), Vec<Arm>)> = Vec::new();
    for (key, arm) in arms {
        match grouped.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(arm),
            None => grouped.push((key, vec![arm])),
        }
    }
    let shared = |list: &[Arm]| list.iter().any(|a| a.field != list[0].field);
    // Positions are tracked only where a name is shared between fields.
    let track = shared(&wildcards) || grouped.iter().any(|(_, list)| shared(list));
    let last_field = st.fields.len().saturating_sub(1);
    let consume = |list: &[Arm]| -> TokenStream {
        let done = |arm: &Arm| {
            let action = &arm.action;
            let field = proc_macro2::Literal::usize_unsuffixed(arm.field);
            if track {
                quote!({ #action pos = #field; })
            } else {
                quote!({ #action })
            }
        };
        let at_or_after = |field: usize| match field {
            0 => Some(quote!(pos == 0)),
            f if f >= last_field => None,
            f => {
                let f = proc_macro2::Literal::usize_unsuffixed(f);
                Some(quote!(pos <= #f))
            }
        };
        // (condition, arm) in the order they are tried; a `None` condition ends the chain.
        let mut tries: Vec<(Option<TokenStream>, &Arm)> = Vec::new();
        if shared(list) {
            for arm in list {
                let conditions: Vec<TokenStream> = at_or_after(arm.field)
                    .into_iter()
                    .chain(arm.accepts.clone())
                    .collect();
                tries.push((
                    (!conditions.is_empty()).then(|| quote!(#(#conditions)&&*)),
                    arm,
                ));
            }
        }
        tries.extend(list.iter().map(|arm| (arm.accepts.clone(), arm)));
        let mut chain = TokenStream::new();
        let last = tries.len() - 1;
        for (n, (condition, arm)) in tries.into_iter().enumerate() {
            let body = done(arm);
            match condition {
                Some(condition) if n != last => {
                    chain.extend(quote!(if #condition #body else));
                }
                _ => {
                    chain.extend(body);
                    break;
                }
            }
        }
        chain
    };
    let match_arms: Vec<TokenStream> = grouped
        .iter()
        .map(|((ns, local), list)| {
            let chain = consume(list);
            quote!((#ns, #local) => #chain)
        })
        .collect();
    let fallback = if wildcards.is_empty() {
        quote!(#rt::xml::skip_unknown(r, &child)?;)
    } else {
        consume(&wildcards)
    };
    // Mixed content keeps the text around the children (`texts`, slot by slot).
    let next_child = if st.mixed {
        quote!(r.next_child_mixed(start, &mut texts)?)
    } else {
        quote!(r.next_child(start)?)
    };
    let lp = if match_arms.is_empty() {
        quote! {
            while let Some(child) = #next_child {
                #fallback
            }
        }
    } else {
        quote! {
            while let Some(child) = #next_child {
                match (child.ns(), child.local()) {
                    #(#match_arms)*
                    _ => { #fallback }
                }
            }
        }
    };
    let pos = track.then(|| quote!(let mut pos: usize = 0;));
    quote!(#(#slots)* #pos #lp)
}

/// The indices of an enumeration's distinct values: a value listed again later (legal XSD) is
/// the variant of its first occurrence, and has no variant or match arm of its own.
pub(super) fn distinct_values(values: &[(String, Option<String>)]) -> Vec<usize> {
    (0..values.len())
        .filter(|&i| !values[..i].iter().any(|(v, _)| *v == values[i].0))
        .collect()
}

fn enum_codec(e: &Emitter, id: TypeId, values: &[(String, Option<String>)]) -> TokenStream {
    let rt = &e.rt;
    let names = &e.plan.types[id];
    let name = ident(&names.name);
    let unrecognized = ident(&names.unrecognized);
    let distinct = distinct_values(values);
    let variants: Vec<_> = distinct.iter().map(|&i| ident(&names.members[i])).collect();
    let texts: Vec<&String> = distinct.iter().map(|&i| &values[i].0).collect();
    let schema_type = schema_type_tokens(e, id)
        .map(|t| quote!(const SCHEMA_TYPE: Option<(&'static str, &'static str)> = Some(#t);));
    quote! {
        impl #rt::XsdSimple for #name {
            #schema_type
            fn to_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(match self {
                    #(Self::#variants => #texts,)*
                    Self::#unrecognized(value) => value.as_str(),
                })
            }
            fn from_text(text: &str) -> Result<Self, #rt::ValueError> {
                Ok(match text {
                    #(#texts => Self::#variants,)*
                    other => Self::#unrecognized(other.to_string()),
                })
            }
        }
    }
}

fn list_codec(e: &Emitter, id: TypeId, item: &TypeRef) -> TokenStream {
    let rt = &e.rt;
    let name = ident(&e.plan.types[id].name);
    let item = e.type_tokens(item);
    quote! {
        impl #rt::XsdSimple for #name {
            fn to_text(&self) -> ::std::borrow::Cow<'_, str> {
                let items: Vec<String> = self.0.iter().map(|v| #rt::XsdSimple::to_text(v).into_owned()).collect();
                ::std::borrow::Cow::Owned(items.join(" "))
            }
            fn from_text(text: &str) -> Result<Self, #rt::ValueError> {
                text.split_whitespace()
                    .map(<#item as #rt::XsdSimple>::from_text)
                    .collect::<Result<Vec<_>, _>>()
                    .map(Self)
            }
        }
    }
}

fn choice_writer(e: &Emitter, id: TypeId, variants: &[Field]) -> TokenStream {
    let rt = &e.rt;
    let names = &e.plan.types[id];
    let name = ident(&names.name);
    let arms = variants.iter().zip(&names.members).map(|(f, v)| {
        let v = ident(v);
        let write = write_value(e, f, quote!(value));
        if f.occurrence == Occurrence::Repeated {
            let write = write_value(e, f, quote!(item));
            quote!(Self::#v(items) => { for item in items { #write } })
        } else {
            quote!(Self::#v(value) => { #write })
        }
    });
    quote! {
        impl #name {
            /// Writes the chosen element. (Public: a substitution group whose elements a choice
            /// took as its own alternatives is written by none of the generated types.)
            pub fn write_choice(&self, w: &mut #rt::XmlWriter) {
                match self { #(#arms)* }
            }
        }
    }
}

/// A SOAP encoding array: written with `soapenc:arrayType="t:Item[n]"` and `<item>` children;
/// read from children of any name, as the encoding allows.
fn soap_array_codecs(e: &Emitter, id: TypeId, item_type: &QName, item: &Field) -> TokenStream {
    let rt = &e.rt;
    let names = &e.plan.types[id];
    let name = ident(&names.name);
    let member = ident(&names.members[0]);
    let (item_ns, item_local) = (&item_type.ns, &item_type.local);
    let value = read_value(e, item, names.boxed.contains(&0));
    quote! {
        impl #rt::ToXml for #name {
            fn write_content(&self, w: &mut #rt::XmlWriter) {
                let item_type = w.qname_text(#item_ns, #item_local);
                w.attr(
                    "http://schemas.xmlsoap.org/soap/encoding/",
                    "arrayType",
                    &format!("{item_type}[{}]", self.#member.len()),
                );
                #rt::xml::write_repeated(w, "", "item", &self.#member);
            }
            fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
                Some(("http://schemas.xmlsoap.org/soap/encoding/", "Array"))
            }
        }
        impl #rt::FromXml for #name {
            fn read_content<'a>(r: &mut #rt::XmlReader<'a>, start: &#rt::Start<'a>) -> Result<Self, #rt::DecodeError> {
                let mut items = Vec::new();
                while let Some(child) = r.next_child(start)? {
                    items.push(#value);
                }
                Ok(Self { #member: items })
            }
        }
    }
}

/// A type or one of its derived types: decoding follows `xsi:type` (no `xsi:type`, or one
/// naming a type not derived from the base, reads the base; an abstract base refuses both),
/// and a derived value is written with its `xsi:type`.
fn polymorphic_codecs(
    e: &Emitter,
    id: TypeId,
    base: TypeId,
    abstract_base: bool,
    variants: &[(QName, TypeId)],
) -> TokenStream {
    let rt = &e.rt;
    let name = ident(&e.plan.types[id].name);
    let base_name = ident(&e.plan.types[base].name);
    let variant = |v: &TypeId| ident(&e.plan.types[*v].name);
    let type_arms = variants.iter().map(|(q, v)| {
        let (ns, local, v) = (&q.ns, &q.local, variant(v));
        quote!(Self::#v(_) => Some((#ns, #local)),)
    });
    let write_arms = variants.iter().map(|(_, v)| {
        let v = variant(v);
        quote!(Self::#v(value) => #rt::ToXml::write_content(&**value, w),)
    });
    let derived = variants.iter().filter(|(_, v)| *v != base).map(|(_, v)| {
        let v = variant(v);
        quote!(Self::#v(_))
    });
    let read_arms = variants.iter().map(|(q, v)| {
        let (ns, local, v) = (&q.ns, &q.local, variant(v));
        quote! {
            Some((#ns, #local)) => Ok(Self::#v(Box::new(<#v as #rt::FromXml>::read_content(r, start)?))),
        }
    });
    let fallback = if abstract_base {
        let base_q = match &e.ir.types[base].origin {
            Origin::Named(q) => q.local.clone(),
            _ => String::new(),
        };
        let allowed: Vec<&String> = variants.iter().map(|(q, _)| &q.local).collect();
        quote!(_ => Err(#rt::xml::abstract_type(start, named, #base_q, &[#(#allowed),*])),)
    } else {
        quote!(_ => Ok(Self::#base_name(Box::new(<#base_name as #rt::FromXml>::read_content(r, start)?))),)
    };
    let requires = if variants.iter().any(|(_, v)| *v != base) {
        quote!(matches!(self, #(#derived)|*))
    } else {
        quote!(false)
    };
    quote! {
        impl #rt::ToXml for #name {
            fn write_content(&self, w: &mut #rt::XmlWriter) {
                match self { #(#write_arms)* }
            }
            fn xsi_type(&self) -> Option<(&'static str, &'static str)> {
                match self { #(#type_arms)* }
            }
            fn requires_xsi_type(&self) -> bool {
                #requires
            }
        }
        impl #rt::FromXml for #name {
            fn read_content<'a>(r: &mut #rt::XmlReader<'a>, start: &#rt::Start<'a>) -> Result<Self, #rt::DecodeError> {
                let named = #rt::xml::xsi_type(r, start)?;
                match named.as_ref().map(|(ns, local)| (ns.as_str(), local.as_str())) {
                    #(#read_arms)*
                    #fallback
                }
            }
        }
    }
}
