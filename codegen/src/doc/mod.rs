//! Service documentation in the manner of ASP.NET's ASMX help pages, from any WSDL: the service
//! page (the operations and what they do) and one page per operation with sample SOAP 1.1 and
//! 1.2 requests and responses, as text or HTML. `soapgen doc` prints them; generated servers
//! serve them (with a test form) from the same description.
//!
//! The pipeline is load → resolve → [`model::describe`] (the service's operations and the
//! types their messages reach, from the IR) → the runtime's renderers
//! ([`soapgen_runtime::server::pages`]) through a borrowed view ([`view`]). The renderers live
//! in the runtime because a generated server renders its pages at request time: stored
//! expanded, the samples of a large schema would add megabytes to the generated code, while
//! the description stays proportional to the schema. Rendering `soapgen doc` with the same code
//! keeps what the command prints and what a server shows identical.

pub mod model;
pub mod view;
pub mod wsdl;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::load::{self, LoadOptions};
use crate::resolve::{self, ir::Ir, OperationFilter};
use model::{describe, Model, WsdlPartModel};
use soapgen_runtime::server::pages::{html, text, PageLocation};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// What a browser shows of the page, as plain text.
    #[default]
    Text,
    /// A standalone HTML page.
    Html,
}

/// What to document.
#[derive(Debug, Clone, Default)]
pub struct DocOptions {
    /// File locations and their local replacements.
    pub load: LoadOptions,
    /// The service (by `wsdl:service` name); the first one when `None`.
    pub service: Option<String>,
    /// The operation; the service page when `None`.
    pub operation: Option<String>,
    /// The format.
    pub format: Format,
}

/// Why a page could not be produced.
#[derive(Debug)]
pub enum DocError {
    /// The WSDL could not be read or has a problem (with its position).
    Generate(crate::Error),
    /// The WSDL binds no port type to SOAP.
    NoService {
        /// The root WSDL.
        file: PathBuf,
    },
    /// `--service` names no service.
    UnknownService {
        /// The root WSDL.
        file: PathBuf,
        /// The name asked for.
        name: String,
        /// The services there are.
        available: Vec<String>,
    },
    /// `--operation` names no operation of the service.
    UnknownOperation {
        /// The root WSDL.
        file: PathBuf,
        /// The service.
        service: String,
        /// The name asked for.
        name: String,
        /// The operations there are.
        available: Vec<String>,
    },
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocError::Generate(e) => write!(f, "{e}"),
            DocError::NoService { file } => write!(
                f,
                "{}: the WSDL has no port type bound to SOAP 1.1 or 1.2, so there is no service to document",
                file.display()
            ),
            DocError::UnknownService {
                file,
                name,
                available,
            } => write!(
                f,
                "{}: there is no service named `{name}`; the WSDL's services are: {}",
                file.display(),
                available.join(", ")
            ),
            DocError::UnknownOperation {
                file,
                service,
                name,
                available,
            } => {
                write!(
                    f,
                    "{}: service `{service}` has no operation named `{name}`",
                    file.display()
                )?;
                let near: Vec<&String> = available
                    .iter()
                    .filter(|a| a.eq_ignore_ascii_case(name))
                    .collect();
                if let Some(n) = near.first() {
                    write!(f, " (did you mean `{n}`? names are case-sensitive)")?;
                }
                write!(f, "; its operations are: {}", available.join(", "))
            }
        }
    }
}

impl std::error::Error for DocError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DocError::Generate(e) => Some(e),
            _ => None,
        }
    }
}

impl From<crate::Error> for DocError {
    fn from(e: crate::Error) -> Self {
        DocError::Generate(e.with_excerpt_from_file())
    }
}

/// The page `options` ask for, for the WSDL at `wsdl`. The text format has no trailing newline
/// (it is the page's text); HTML ends with one.
pub fn document(wsdl: &Path, options: &DocOptions) -> Result<String, DocError> {
    let loaded = load::load(wsdl, &options.load)?;
    let ir = resolve::resolve(&loaded.definitions, &OperationFilter::default())?;
    let service = match &options.service {
        None => ir.services.first().ok_or_else(|| DocError::NoService {
            file: wsdl.to_path_buf(),
        })?,
        Some(name) => ir
            .services
            .iter()
            .find(|s| &s.name == name)
            .ok_or_else(|| DocError::UnknownService {
                file: wsdl.to_path_buf(),
                name: name.clone(),
                available: ir.services.iter().map(|s| s.name.clone()).collect(),
            })?,
    };
    let model = describe(&ir, service, Vec::new());
    if let Some(name) = &options.operation {
        if !model.operations.iter().any(|o| &o.name == name) {
            return Err(DocError::UnknownOperation {
                file: wsdl.to_path_buf(),
                service: model.name.clone(),
                name: name.clone(),
                available: model.operations.iter().map(|o| o.name.clone()).collect(),
            });
        }
    }
    Ok(render(&model, options.operation.as_deref(), options.format))
}

/// Renders the service page (`operation` `None`) or an operation's page of `model`, with the
/// samples' `Host:` and paths from the WSDL's addresses. An unknown operation gives the service
/// page.
pub fn render(model: &Model, operation: Option<&str>, format: Format) -> String {
    view::with_description(model, |desc| {
        let location = PageLocation::Described;
        match operation.and_then(|name| desc.operation(name)) {
            Some(op) => match format {
                Format::Text => text::operation_page(desc, op, &location, usize::MAX),
                Format::Html => html::operation_page(desc, op, &location, usize::MAX),
            },
            None => match format {
                Format::Text => text::service_page(desc),
                Format::Html => html::service_page(desc, &location),
            },
        }
    })
}

/// The description of every service of `ir`, each with the root WSDL `wsdl_text` cut at its
/// addresses (no WSDL when `None`).
pub fn describe_all(ir: &Ir, wsdl_text: Option<&str>) -> Vec<Model> {
    ir.services
        .iter()
        .map(|service| {
            let parts = match wsdl_text {
                Some(text) => wsdl::cut(text, &service.port_type),
                None => vec![WsdlPartModel::Text(String::new())],
            };
            describe(ir, service, parts)
        })
        .collect()
}
