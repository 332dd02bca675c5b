//! Service pages in the manner of ASP.NET's ASMX help pages: the service page (operation list),
//! one page per operation with sample SOAP 1.1 and 1.2 requests and responses, a test form for
//! visitors on the local machine, and the WSDL served at `?wsdl` with its SOAP addresses
//! rewritten to the address the request came to.
//!
//! # How it fits together
//!
//! soapgen emits, for every generated `…Server`, a [`ServiceDescription`]: static data holding
//! the WSDL text and a compact description of the operations and of the schema types their
//! messages reach ([`DescribeService`] hands it out). Everything a page shows is rendered from
//! that description when a page is requested: samples are not stored expanded, because a large
//! schema expands into megabytes of sample XML (types that reach many others, arrays shown
//! twice), while the description stays proportional to the schema. The same renderers back the
//! `soapgen doc` command, which builds a description from a WSDL and prints the pages
//! ([`text`] and [`html`]).
//!
//! With the `server` feature, [`axum::router_with_pages`](crate::server::axum::router_with_pages)
//! serves a dispatcher together with its pages; the HTTP side lives in `serve` (see there for
//! the rules: `GET ?wsdl`, `GET`, `GET ?op=NAME`, the test form's `POST ?op=NAME`).
//!
//! # ASP.NET's conventions, and where we differ
//!
//! The samples follow the rules of the ASP.NET help page generator
//! (`DefaultWsdlHelpGenerator.aspx`), which the MIT-licensed mono project also documents:
//! a placeholder per type (`string`, `boolean`, `int`, `dateTime`, …, `q1:QName` with a sample
//! namespace), an enumeration as its values joined by ` or `, a repeated element written twice,
//! a complex element deeper than the fourth level written `xsi:nil="true"`, an element without a
//! type (`xs:anyType`) written empty (`<X />`), `xs:any` as the placeholder `xml` and a DataSet's
//! inline schema as `schema`; indentation as .NET's `XmlTextWriter` writes it (two spaces, and no
//! more indentation once an element has text). Where we differ, it is deliberate:
//!
//! - an extension type shows its inherited elements too (ASP.NET shows only the extension's own);
//! - a simple-content type shows its text placeholder (ASP.NET shows nothing);
//! - a restricted simple type without enumerations shows its base type's placeholder;
//! - `Host:` keeps a non-default port;
//! - a sample is cut after [`PagesConfig::max_sample_elements`] elements (with a note), so that
//!   a page request cannot make the server build megabytes of XML;
//! - the test form also covers SOAP headers and nested request objects (ASP.NET's form only
//!   offers top-level simple parameters, and only over its HTTP GET/POST protocols), and
//!   operations with complex inputs get an editable sample request instead of no form at all.

#[cfg(feature = "server")]
mod form;
pub mod html;
mod sample;
#[cfg(feature = "server")]
pub(crate) mod serve;
pub mod text;
mod wsdl;

use std::sync::Arc;

/// Re-exported for generated descriptions.
pub use crate::envelope::SoapVersion;

pub use wsdl::PageLocation;

/// Default [`PagesConfig::max_sample_elements`].
pub const DEFAULT_MAX_SAMPLE_ELEMENTS: usize = 5_000;
/// Default [`PagesConfig::max_form_bytes`]: 1 MiB.
pub const DEFAULT_MAX_FORM_BYTES: usize = 1024 * 1024;
/// The depth from which a complex element is written `xsi:nil="true"` instead of expanded
/// (ASP.NET's `maxObjectGraphDepth`): the body and header elements are at depth 0.
pub const MAX_OBJECT_GRAPH_DEPTH: usize = 4;
/// How many times a repeated element is written (ASP.NET's `maxArraySize`).
pub const REPEATED_ELEMENT_COUNT: usize = 2;

/// Everything the pages of one service show: its name and documentation, the WSDL, the
/// operations and the schema types their messages reach. soapgen emits one as static data per
/// generated server (see [`DescribeService`]); `soapgen doc` builds one from a WSDL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceDescription<'a> {
    /// The `wsdl:service` name.
    pub name: &'a str,
    /// The service's documentation (empty when it has none).
    pub documentation: &'a str,
    /// The addresses the WSDL gives the service, per SOAP version; pages rendered without a
    /// request (`soapgen doc`) take the `Host:` and path of their samples from here.
    pub addresses: &'a [(SoapVersion, &'a str)],
    /// The WSDL document, cut where the service's SOAP addresses are written.
    pub wsdl: &'a [WsdlPart<'a>],
    /// The operations, in document order.
    pub operations: &'a [OperationDescription<'a>],
    /// The complex types that [`SampleContent::Complex`] refers to, by index.
    pub types: &'a [SampleType<'a>],
}

impl<'a> ServiceDescription<'a> {
    /// The first operation named `name` (operation names are case-sensitive).
    pub fn operation(&self, name: &str) -> Option<&'a OperationDescription<'a>> {
        self.operations.iter().find(|op| op.name == name)
    }

    /// The address the WSDL gives for `version`, else any address it gives.
    pub fn address(&self, version: SoapVersion) -> Option<&'a str> {
        self.addresses
            .iter()
            .find(|(v, _)| *v == version)
            .or_else(|| self.addresses.first())
            .map(|(_, a)| *a)
    }

    /// The WSDL as written, with the original addresses.
    pub fn wsdl_text(&self) -> String {
        wsdl::assemble(self.wsdl, None)
    }
}

/// A piece of the WSDL text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WsdlPart<'a> {
    /// Text served as it is.
    Text(&'a str),
    /// The value of the `location` attribute of one of the service's `soap:address` or
    /// `soap12:address` elements, as written (already escaped for an XML attribute). Served
    /// WSDLs replace it with the address the request came to.
    Address(&'a str),
}

/// One operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationDescription<'a> {
    /// The operation's name (what `?op=` selects).
    pub name: &'a str,
    /// Its documentation (empty when it has none).
    pub documentation: &'a str,
    /// The SOAP versions it is bound in, in the service's order of preference, each with its
    /// action (empty when the binding gives none).
    pub bindings: &'a [(SoapVersion, &'a str)],
    /// The request.
    pub input: MessageDescription<'a>,
    /// The response; `None` for a one-way operation (answered `202 Accepted`).
    pub output: Option<MessageDescription<'a>>,
}

impl OperationDescription<'_> {
    /// The action bound for `version`, if the operation is bound in that version.
    pub fn action(&self, version: SoapVersion) -> Option<&str> {
        self.bindings
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, a)| *a)
    }
}

/// The SOAP header entries and body entries of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageDescription<'a> {
    /// Header entries, in binding order.
    pub headers: &'a [SampleElement<'a>],
    /// Body entries (usually one element; none for an empty message).
    pub body: &'a [SampleElement<'a>],
}

/// How often an element occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurs {
    /// Exactly once.
    Required,
    /// At most once.
    Optional,
    /// Any number of times: samples show it [`REPEATED_ELEMENT_COUNT`] times.
    Repeated,
}

/// One element of a sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleElement<'a> {
    /// Namespace URI (empty for an unqualified element).
    pub namespace: &'a str,
    /// Local name.
    pub name: &'a str,
    /// How often it occurs.
    pub occurs: Occurs,
    /// What it contains.
    pub content: SampleContent<'a>,
}

/// What an element contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleContent<'a> {
    /// Nothing a sample can show: `xs:anyType` or an element without a type (`<X />`).
    Empty,
    /// A simple value.
    Simple(SampleValue<'a>),
    /// A complex type: an index into [`ServiceDescription::types`].
    Complex(usize),
    /// XML kept whole (an ASP.NET DataSet's `<s:element ref="s:schema"/>`), shown as this
    /// placeholder.
    Xml(&'a str),
}

/// A simple value's placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleValue<'a> {
    /// An XSD built-in type, shown by its name (`string`, `int`, `dateTime`, …).
    Builtin(&'a str),
    /// `xs:QName`, shown `q1:QName` with `q1` bound to a sample namespace.
    QName,
    /// An enumeration, shown as its values joined by ` or `.
    Enumeration(&'a [&'a str]),
}

/// A complex type: attributes, child elements, and the text of simple content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleType<'a> {
    /// Attributes, in schema order.
    pub attributes: &'a [SampleAttribute<'a>],
    /// Child elements, in schema order (inherited first).
    pub children: &'a [SampleChild<'a>],
    /// The type of the text of simple content.
    pub text: Option<SampleValue<'a>>,
}

/// One child of a complex type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleChild<'a> {
    /// An element.
    Element(SampleElement<'a>),
    /// `xs:choice`: samples show every alternative, as ASP.NET does.
    Choice(&'a [SampleElement<'a>]),
    /// `xs:any`: shown as the placeholder `xml`.
    Any,
}

/// One attribute of a complex type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleAttribute<'a> {
    /// Namespace URI (empty for an unqualified attribute).
    pub namespace: &'a str,
    /// Local name.
    pub name: &'a str,
    /// `use="required"`.
    pub required: bool,
    /// Its value's placeholder.
    pub value: SampleValue<'a>,
}

/// Implemented by generated servers: the description their pages are rendered from.
pub trait DescribeService {
    /// The service's description, emitted by soapgen as static data.
    fn service_description(&self) -> &'static ServiceDescription<'static>;
}

impl<T: DescribeService> DescribeService for Arc<T> {
    fn service_description(&self) -> &'static ServiceDescription<'static> {
        (**self).service_description()
    }
}

/// Settings of the service pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagesConfig {
    /// Whether the test form is offered (default true). Even then it is shown only to requests
    /// from the local machine: a loopback peer address, and no proxy headers (`Forwarded`,
    /// `X-Forwarded-For`, `X-Real-IP`), since a reverse proxy on the same machine would make
    /// every visitor look local.
    pub test_form: bool,
    /// Maximum size of a submitted test form (default [`DEFAULT_MAX_FORM_BYTES`]); larger
    /// submissions get 413.
    pub max_form_bytes: usize,
    /// Maximum number of elements written into one sample (default
    /// [`DEFAULT_MAX_SAMPLE_ELEMENTS`]); a longer sample is cut, with a note on the page.
    pub max_sample_elements: usize,
}

impl Default for PagesConfig {
    fn default() -> Self {
        PagesConfig {
            test_form: true,
            max_form_bytes: DEFAULT_MAX_FORM_BYTES,
            max_sample_elements: DEFAULT_MAX_SAMPLE_ELEMENTS,
        }
    }
}

/// The versions a page shows, in page order: SOAP 1.1 first, as ASP.NET does.
pub(crate) fn page_versions<'a>(op: &OperationDescription<'a>) -> Vec<(SoapVersion, &'a str)> {
    let mut versions: Vec<(SoapVersion, &'a str)> = op.bindings.to_vec();
    versions.sort_by_key(|(v, _)| match v {
        SoapVersion::Soap11 => 0,
        SoapVersion::Soap12 => 1,
    });
    versions.dedup_by_key(|(v, _)| *v);
    versions
}

/// Operation indices in the order the service page lists them: by name, case-insensitively
/// (then exactly), as ASP.NET sorts them.
pub(crate) fn sorted_operations(desc: &ServiceDescription<'_>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..desc.operations.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (desc.operations[a].name, desc.operations[b].name);
        a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b))
    });
    order
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small description shaped like the AccountManagementService, for the renderers' tests.
    use super::*;

    const TNS: &str = "sosonlinebackup.com";

    const AUTH_HEADER: SampleType<'static> = SampleType {
        attributes: &[],
        children: &[
            SampleChild::Element(SampleElement {
                namespace: TNS,
                name: "UserName",
                occurs: Occurs::Optional,
                content: SampleContent::Simple(SampleValue::Builtin("string")),
            }),
            SampleChild::Element(SampleElement {
                namespace: TNS,
                name: "Password",
                occurs: Occurs::Optional,
                content: SampleContent::Simple(SampleValue::Builtin("string")),
            }),
        ],
        text: None,
    };

    /// AuthHeader, the request wrapper, the request object, the response wrapper, the result.
    pub const TYPES: &[SampleType<'static>] = &[
        AUTH_HEADER,
        SampleType {
            attributes: &[],
            children: &[SampleChild::Element(SampleElement {
                namespace: TNS,
                name: "request",
                occurs: Occurs::Optional,
                content: SampleContent::Complex(2),
            })],
            text: None,
        },
        SampleType {
            attributes: &[],
            children: &[
                SampleChild::Element(SampleElement {
                    namespace: TNS,
                    name: "Username",
                    occurs: Occurs::Optional,
                    content: SampleContent::Simple(SampleValue::Builtin("string")),
                }),
                SampleChild::Element(SampleElement {
                    namespace: TNS,
                    name: "Email",
                    occurs: Occurs::Optional,
                    content: SampleContent::Simple(SampleValue::Builtin("string")),
                }),
                SampleChild::Element(SampleElement {
                    namespace: TNS,
                    name: "SendEmailToCustomer",
                    occurs: Occurs::Required,
                    content: SampleContent::Simple(SampleValue::Builtin("boolean")),
                }),
            ],
            text: None,
        },
        SampleType {
            attributes: &[],
            children: &[SampleChild::Element(SampleElement {
                namespace: TNS,
                name: "ChangeBackupAccountEmailResult",
                occurs: Occurs::Optional,
                content: SampleContent::Complex(4),
            })],
            text: None,
        },
        SampleType {
            attributes: &[],
            children: &[SampleChild::Element(SampleElement {
                namespace: TNS,
                name: "Result",
                occurs: Occurs::Optional,
                content: SampleContent::Empty,
            })],
            text: None,
        },
    ];

    const HEADERS: &[SampleElement<'static>] = &[SampleElement {
        namespace: TNS,
        name: "AuthHeader",
        occurs: Occurs::Required,
        content: SampleContent::Complex(0),
    }];

    /// The description.
    pub const DESCRIPTION: ServiceDescription<'static> = ServiceDescription {
        name: "AccountManagementService",
        documentation: "",
        addresses: &[
            (
                SoapVersion::Soap11,
                "http://secure.sosonlinebackup.com/WebApi/AccountManagementService/AccountManagementService.asmx",
            ),
            (
                SoapVersion::Soap12,
                "http://secure.sosonlinebackup.com/WebApi/AccountManagementService/AccountManagementService.asmx",
            ),
        ],
        wsdl: &[
            WsdlPart::Text("<definitions><port><soap:address location=\""),
            WsdlPart::Address("http://example.com/a.asmx"),
            WsdlPart::Text("\" /></port></definitions>"),
        ],
        operations: &[OperationDescription {
            name: "ChangeBackupAccountEmail",
            documentation:
                "Changes email address for the backup account and optionally sends notification email",
            bindings: &[
                (
                    SoapVersion::Soap11,
                    "sosonlinebackup.com/ChangeBackupAccountEmail",
                ),
                (
                    SoapVersion::Soap12,
                    "sosonlinebackup.com/ChangeBackupAccountEmail",
                ),
            ],
            input: MessageDescription {
                headers: HEADERS,
                body: &[SampleElement {
                    namespace: TNS,
                    name: "ChangeBackupAccountEmail",
                    occurs: Occurs::Required,
                    content: SampleContent::Complex(1),
                }],
            },
            output: Some(MessageDescription {
                headers: &[],
                body: &[SampleElement {
                    namespace: TNS,
                    name: "ChangeBackupAccountEmailResponse",
                    occurs: Occurs::Required,
                    content: SampleContent::Complex(3),
                }],
            }),
        }],
        types: TYPES,
    };
}
