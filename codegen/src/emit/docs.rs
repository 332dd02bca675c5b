//! Documentation for generated items: schema and WSDL documentation become `#[doc]` attributes
//! (prettyplease drops plain comments), made safe for rustdoc.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` attributes for `paragraphs` (each may span several lines; empty ones are skipped).
pub fn doc_attrs<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let mut lines: Vec<String> = Vec::new();
    for p in paragraphs {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        for line in p.lines() {
            lines.push(sanitise(line.trim()));
        }
    }
    let attrs = lines.iter().map(|l| {
        let text = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #text])
    });
    quote!(#(#attrs)*)
}

/// Keeps text from the WSDL from being read as code blocks, HTML or links by rustdoc.
fn sanitise(line: &str) -> String {
    line.replace("```", "'''")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// Describes an XML name for documentation: `` `{ns}local` `` or `` `local` ``.
pub fn wire_name(ns: &str, local: &str) -> String {
    if ns.is_empty() {
        format!("`{local}` (no namespace)")
    } else {
        format!("`{local}` in namespace `{ns}`")
    }
}
