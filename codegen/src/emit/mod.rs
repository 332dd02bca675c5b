//! Emit stage: turns the IR and the plan into Rust tokens with `quote!`, one module per concern
//! (type definitions, XML codecs, client, server, documentation), and formats the result with
//! prettyplease. Output is deterministic: it depends only on document order.

mod client;
mod codecs;
mod docs;
mod faults;
mod headers;
mod pages;
mod server;
mod types;

use crate::error::{Error, Result};
use crate::plan::{Plan, Shape};
use crate::resolve::ir::*;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

/// What to emit.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    /// Path of the runtime crate as generated code names it, e.g. `::soapgen_runtime`.
    pub runtime_path: String,
    /// Emit the client.
    pub client: bool,
    /// Emit the server trait and dispatcher.
    pub server: bool,
    /// With the server, emit the service description its WSDL and help pages are served from
    /// (`router_with_pages`). Large services may leave it out to save compile time.
    pub pages: bool,
    /// Name of the root WSDL, shown in the file's header comment.
    pub source_name: String,
    /// The root WSDL's text, which the generated server serves at `?wsdl` (filled in by
    /// [`generate`](crate::generate)); without it the server serves its pages but no WSDL.
    pub wsdl_text: Option<String>,
}

impl Default for EmitOptions {
    fn default() -> Self {
        Self {
            runtime_path: "::soapgen_runtime".into(),
            client: true,
            server: true,
            pages: true,
            source_name: String::new(),
            wsdl_text: None,
        }
    }
}

/// Shared state of the emitters.
pub(crate) struct Emitter<'a> {
    pub ir: &'a Ir,
    pub plan: &'a Plan,
    /// The runtime path as tokens.
    pub rt: TokenStream,
}

/// An identifier from a planned name (which may be a raw identifier such as `r#type`).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => format_ident!("{}", name),
    }
}

impl Emitter<'_> {
    /// The Rust type of a type reference (without occurrence).
    pub fn type_tokens(&self, r: &TypeRef) -> TokenStream {
        let rt = &self.rt;
        match r {
            TypeRef::Named(id) => {
                let name = ident(&self.plan.types[*id].name);
                quote!(#name)
            }
            TypeRef::Builtin(b) => {
                use Builtin::*;
                match b {
                    String => quote!(String),
                    Boolean => quote!(bool),
                    Byte => quote!(i8),
                    Short => quote!(i16),
                    Int => quote!(i32),
                    Long => quote!(i64),
                    UnsignedByte => quote!(u8),
                    UnsignedShort => quote!(u16),
                    UnsignedInt => quote!(u32),
                    UnsignedLong => quote!(u64),
                    Float => quote!(f32),
                    Double => quote!(f64),
                    Integer => quote!(#rt::xsd::Integer),
                    Decimal => quote!(#rt::xsd::Decimal),
                    DateTime => quote!(#rt::xsd::DateTime),
                    Date => quote!(#rt::xsd::Date),
                    Time => quote!(#rt::xsd::Time),
                    Duration => quote!(#rt::xsd::Duration),
                    GYear => quote!(#rt::xsd::GYear),
                    GYearMonth => quote!(#rt::xsd::GYearMonth),
                    GMonth => quote!(#rt::xsd::GMonth),
                    GDay => quote!(#rt::xsd::GDay),
                    GMonthDay => quote!(#rt::xsd::GMonthDay),
                    Base64Binary => quote!(#rt::xsd::Base64Binary),
                    HexBinary => quote!(#rt::xsd::HexBinary),
                    QName => quote!(#rt::xsd::QName),
                    AnyType => quote!(#rt::RawXml),
                }
            }
        }
    }

    /// The Rust type of one element's value (nillable and boxing applied, occurrence not).
    pub fn item_tokens(&self, field: &Field, boxed: bool) -> TokenStream {
        let rt = &self.rt;
        let inner = match &field.kind {
            FieldKind::Element(r) => self.type_tokens(r),
            FieldKind::Choice(id) => {
                let name = ident(&self.plan.types[*id].name);
                quote!(#name)
            }
            FieldKind::Any | FieldKind::Raw => quote!(#rt::RawXml),
        };
        let inner = if field.nillable {
            quote!(#rt::Nillable<#inner>)
        } else {
            inner
        };
        if boxed {
            quote!(Box<#inner>)
        } else {
            inner
        }
    }

    /// The Rust type of a struct field (occurrence applied).
    pub fn field_tokens(&self, field: &Field, boxed: bool) -> TokenStream {
        let item = self.item_tokens(field, boxed);
        match field.occurrence {
            Occurrence::Required => item,
            Occurrence::Optional => quote!(Option<#item>),
            Occurrence::Repeated => quote!(Vec<#item>),
        }
    }

    /// What an operation's client method and server trait method return on success: the
    /// output, paired with the response headers when the operation declares some (the headers
    /// alone when the output is `()`).
    pub fn returned_tokens(&self, op_plan: &crate::plan::OperationPlan) -> TokenStream {
        let (out_ty, _) = self.output_tokens(&op_plan.output);
        match &op_plan.response_headers {
            Some((name, _)) if self.returns_unit(&op_plan.output) => {
                let name = ident(name);
                quote!(#name)
            }
            Some((name, _)) => {
                let name = ident(name);
                quote!((#out_ty, #name))
            }
            None => out_ty,
        }
    }

    /// Whether an operation's output is `()` (no body content, or an empty wrapper).
    pub fn returns_unit(&self, shape: &Shape) -> bool {
        matches!(shape, Shape::Empty) || self.output_discarded(shape)
    }

    /// The Rust type a body element decodes to (a nil body element decodes as its type's
    /// content, since a SOAP body entry is always present).
    pub fn element_tokens(&self, e: &ElementRef) -> TokenStream {
        self.type_tokens(&e.ty)
    }

    /// The Rust type an operation returns, and how to get it from the decoded response element
    /// bound to `output`.
    pub fn output_tokens(&self, shape: &Shape) -> (TokenStream, TokenStream) {
        match shape {
            Shape::Empty => (quote!(()), quote!(())),
            Shape::Whole(e) => (self.element_tokens(e), quote!(output)),
            Shape::Unwrapped { wrapper, .. } => match &self.ir.types[*wrapper].kind {
                TypeKind::Struct(st) if st.fields.len() == 1 => {
                    let f = ident(&self.plan.types[*wrapper].members[0]);
                    let boxed = self.plan.types[*wrapper].boxed.contains(&0);
                    (self.field_tokens(&st.fields[0], boxed), quote!(output.#f))
                }
                _ => (quote!(()), quote!(())),
            },
            Shape::Parts { wrapper } => {
                let name = ident(&self.plan.types[*wrapper].name);
                (quote!(#name), quote!(output))
            }
        }
    }

    /// True when an operation returns `()` although its response has an element (a wrapper
    /// without children): the decoded element is checked and dropped.
    pub fn output_discarded(&self, shape: &Shape) -> bool {
        match shape {
            Shape::Unwrapped { wrapper, .. } => !matches!(
                &self.ir.types[*wrapper].kind,
                TypeKind::Struct(st) if st.fields.len() == 1
            ),
            _ => false,
        }
    }
}

/// `#[allow(clippy::too_many_arguments)]` for a method taking `params` besides `self`, when
/// clippy's default limit (7, `self` included) is passed: the parameters mirror the WSDL.
pub(crate) fn many_arguments(params: usize) -> TokenStream {
    if params + 1 > 7 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        quote!()
    }
}

/// One independently formatted piece of the output, in file order.
#[derive(Clone, Copy)]
enum Unit {
    /// `use <runtime> as rt;`
    Prelude,
    /// A type's definition and codecs.
    Type(TypeId),
    /// A service's declared-fault enums.
    Faults(usize),
    /// A service's response-header structs.
    ResponseHeaders(usize),
    /// A service's client.
    Client(usize),
    /// A service's server trait and dispatcher.
    Server(usize),
    /// A service's description for its pages.
    Pages(usize),
}

/// Emits the whole file.
///
/// Units (the prelude, each type, each service's client, server and pages) are generated and
/// formatted on as many threads as there are cores, largest first, and joined in file order:
/// tokens and syntax trees cannot cross threads, so each thread builds its own. Formatting a
/// unit alone gives the same text as formatting the whole file (prettyplease puts no blank line
/// between items), so the output does not depend on the number of threads.
pub fn emit(ir: &Ir, plan: &Plan, options: &EmitOptions) -> Result<String> {
    let runtime_path = options.runtime_path.as_str();
    runtime_path
        .parse::<TokenStream>()
        .map_err(|e| Error::Internal(format!("runtime path `{runtime_path}`: {e}")))?;
    // One description per service, in order, for its pages.
    let descriptions = if options.server && options.pages {
        crate::doc::describe_all(ir, options.wsdl_text.as_deref())
    } else {
        Vec::new()
    };

    let mut units = vec![Unit::Prelude];
    units.extend((0..ir.types.len()).map(Unit::Type));
    for index in 0..ir.services.len() {
        let declares_faults = ir.services[index]
            .operations
            .iter()
            .any(|o| !o.faults.is_empty());
        if declares_faults && (options.client || options.server) {
            units.push(Unit::Faults(index));
        }
        let declares_response_headers = ir.services[index]
            .operations
            .iter()
            .any(|o| !o.output_headers.is_empty());
        if declares_response_headers && (options.client || options.server) {
            units.push(Unit::ResponseHeaders(index));
        }
        if options.client {
            units.push(Unit::Client(index));
        }
        if options.server {
            units.push(Unit::Server(index));
            if index < descriptions.len() {
                units.push(Unit::Pages(index));
            }
        }
    }
    // Services' units are by far the largest; starting them first keeps the threads even.
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| match units[i] {
        Unit::Pages(_) => 0,
        Unit::Server(_) => 1,
        Unit::Client(_) => 2,
        Unit::Prelude | Unit::Type(_) | Unit::Faults(_) | Unit::ResponseHeaders(_) => 3,
    });

    let generate = |e: &Emitter, unit: Unit| -> TokenStream {
        match unit {
            Unit::Prelude => {
                let runtime: TokenStream = runtime_path.parse().unwrap_or_default();
                quote!(use #runtime as rt;)
            }
            Unit::Type(id) => {
                let mut items = types::type_definition(e, id);
                items.extend(codecs::type_codecs(e, id));
                items
            }
            Unit::Faults(i) => {
                let (service, service_plan) = (&ir.services[i], &plan.services[i]);
                let mut items = TokenStream::new();
                for (op, op_plan) in service.operations.iter().zip(&service_plan.operations) {
                    items.extend(faults::fault_enum(e, op, op_plan));
                }
                items
            }
            Unit::ResponseHeaders(i) => {
                let (service, service_plan) = (&ir.services[i], &plan.services[i]);
                let mut items = TokenStream::new();
                for (op, op_plan) in service.operations.iter().zip(&service_plan.operations) {
                    items.extend(headers::response_headers_struct(e, op, op_plan));
                }
                items
            }
            Unit::Client(i) => client::client(e, &ir.services[i], &plan.services[i]),
            Unit::Server(i) => server::server(e, &ir.services[i], &plan.services[i]),
            Unit::Pages(i) => pages::pages(e, &plan.services[i], &descriptions[i]),
        }
    };
    let texts: Vec<std::sync::Mutex<Option<Result<String>>>> =
        units.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(units.len())
        .max(1);
    let work = || {
        let emitter = Emitter {
            ir,
            plan,
            rt: quote!(rt),
        };
        loop {
            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&i) = order.get(k) else { break };
            let text = format_items(generate(&emitter, units[i]));
            if let Ok(mut slot) = texts[i].lock() {
                *slot = Some(text);
            }
        }
    };
    if threads == 1 {
        work();
    } else {
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(work);
            }
        });
    }

    let mut out = String::new();
    out.push_str("// @generated by soapgen from ");
    out.push_str(if options.source_name.is_empty() {
        "a WSDL"
    } else {
        &options.source_name
    });
    out.push_str(". Do not edit: regenerate instead.\n");
    for (location, note) in &ir.notes {
        out.push_str(&format!(
            "// note: {}:{}: {note}\n",
            display_file(&location.file),
            location.line
        ));
    }
    out.push('\n');
    for slot in texts {
        let text = slot
            .into_inner()
            .ok()
            .flatten()
            .ok_or_else(|| Error::Internal("a code generation thread failed".into()))??;
        out.push_str(&text);
    }
    Ok(out)
}

/// Formats top-level items as prettyplease prints them in a file.
fn format_items(items: TokenStream) -> Result<String> {
    let file: syn::File = syn::parse2(items).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(prettyplease::unparse(&file))
}

fn display_file(path: &std::path::Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}
