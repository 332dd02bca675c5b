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

/// Keeps text from the WSDL from being read as code blocks, HTML, links or list items by
/// rustdoc (a list item followed by a plain line trips clippy's `doc_lazy_continuation`), and
/// turns tabs into spaces (clippy's `tabs_in_doc_comments`).
fn sanitise(line: &str) -> String {
    let line = line
        .replace("```", "'''")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('\t', "    ");
    unlist(&line)
}

/// Escapes a leading list marker (`* `, `- `, `+ `, `1. `, `1) `) so the line stays text.
fn unlist(line: &str) -> String {
    let bullet = ["* ", "- ", "+ "].iter().any(|m| line.starts_with(m));
    if bullet || matches!(line, "*" | "-" | "+") {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    let numbered = rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")";
    if digits > 0 && numbered {
        return format!("{}\\{rest}", &line[..digits]);
    }
    line.to_owned()
}

/// Describes an XML name for documentation: `` `{ns}local` `` or `` `local` ``.
pub fn wire_name(ns: &str, local: &str) -> String {
    if ns.is_empty() {
        format!("`{local}` (no namespace)")
    } else {
        format!("`{local}` in namespace `{ns}`")
    }
}
