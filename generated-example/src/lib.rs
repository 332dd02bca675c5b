//! The AccountManagementService (SOS Online Backup partner API) client and server, generated at
//! build time by soapgen from `wsdl/AccountManagementService.wsdl`, and an in-memory
//! implementation of the server trait ([`demo::DemoService`]).
//!
//! Warnings are errors here: generated code must compile cleanly.
#![deny(warnings)]

soapgen_runtime::include_soap!("AccountManagementService");

pub mod demo;

/// The same service written the other way an independent author might (typed `Result` object,
/// arrays, nillable items, dateTime, HttpGet binding beside the SOAP ones), from
/// `tests/fixtures/asmx-variant.wsdl`; compiled here so warnings in its generated code fail the build.
pub mod variant {
    soapgen_runtime::include_soap!("asmx-variant");
}

/// An rpc/literal and an rpc/encoded operation (with a SOAP-encoding array), from
/// `tests/fixtures/rpc-calculator.wsdl`.
pub mod calculator {
    soapgen_runtime::include_soap!("rpc-calculator");
}

/// A bank service whose operations declare typed faults (`wsdl:fault`), from
/// `tests/fixtures/typed-faults.wsdl`.
pub mod bank {
    soapgen_runtime::include_soap!("typed-faults");
}

/// An order service whose request and response bodies hold two parts each, from
/// `tests/fixtures/multipart-body.wsdl`.
pub mod orders {
    soapgen_runtime::include_soap!("multipart-body");
}

/// A session service whose `Login` answers with SOAP headers (a session and a quota), from
/// `tests/fixtures/response-headers.wsdl`.
pub mod sessions {
    soapgen_runtime::include_soap!("response-headers");
}

/// A canvas service whose request and response body parts head substitution groups, from
/// `tests/fixtures/substitution-body.wsdl`.
pub mod canvas {
    soapgen_runtime::include_soap!("substitution-body");
}

include!("features_list.rs");

/// One small service per schema construct, each with one operation `Echo` whose request and
/// response elements have the construct's type, from `tests/fixtures/features/<stem>.wsdl`
/// (stems with `-`, modules with `_`). tests/e2e/features.rs decodes hand-written messages
/// with them and checks they re-encode to equivalent XML, so a regression names its construct.
pub mod features {
    /// Xs:all, choices inside sequences, a repeated choice, a choice with a sequence alternative.
    pub mod sequence_choice_all {
        soapgen_runtime::include_soap!("sequence-choice-all");
    }
    /// Xs:group and xs:attributeGroup references.
    pub mod group_refs {
        soapgen_runtime::include_soap!("group-refs");
    }
    /// ComplexContent extension (two levels, attribute-only).
    pub mod complex_extension {
        soapgen_runtime::include_soap!("complex-extension");
    }
    /// ComplexContent restriction (restated particle, prohibited attribute).
    pub mod complex_restriction {
        soapgen_runtime::include_soap!("complex-restriction");
    }
    /// SimpleContent extension: text plus attributes.
    pub mod simple_content_extension {
        soapgen_runtime::include_soap!("simple-content-extension");
    }
    /// SimpleContent restriction of a simpleContent type.
    pub mod simple_content_restriction {
        soapgen_runtime::include_soap!("simple-content-restriction");
    }
    /// Xs:any, xs:anyAttribute and xs:anyType.
    pub mod any_anyattribute_anytype {
        soapgen_runtime::include_soap!("any-anyattribute-anytype");
    }
    /// Mixed content.
    pub mod mixed {
        soapgen_runtime::include_soap!("mixed");
    }
    /// Nillable elements: nil, absent, empty.
    pub mod nillable {
        soapgen_runtime::include_soap!("nillable");
    }
    /// Default and fixed values.
    pub mod default_fixed {
        soapgen_runtime::include_soap!("default-fixed");
    }
    /// Enumerations, with values outside the schema kept.
    pub mod enumerations {
        soapgen_runtime::include_soap!("enumerations");
    }
    /// Xs:list and xs:union.
    pub mod list_union {
        soapgen_runtime::include_soap!("list-union");
    }
    /// XSD built-in types at their edges.
    pub mod builtins {
        soapgen_runtime::include_soap!("builtins");
    }
    /// Recursive types.
    pub mod recursive {
        soapgen_runtime::include_soap!("recursive");
    }
    /// Anonymous types.
    pub mod anonymous {
        soapgen_runtime::include_soap!("anonymous");
    }
    /// ElementFormDefault, attributeFormDefault and form overrides.
    pub mod element_form {
        soapgen_runtime::include_soap!("element-form");
    }
    /// Names that collide in Rust.
    pub mod name_collisions {
        soapgen_runtime::include_soap!("name-collisions");
    }
    /// Rpc/encoded SOAP-encoding arrays.
    pub mod soap_encoded_array {
        soapgen_runtime::include_soap!("soap-encoded-array");
    }
    /// Xsi:type polymorphism (abstract and concrete bases, extension and restriction) and
    /// substitution groups (abstract and concrete heads).
    pub mod polymorphism {
        soapgen_runtime::include_soap!("polymorphism");
    }
}

/// The generated source exactly as build.rs wrote it; the end-to-end tests check that the CLI
/// and the library produce the same bytes.
pub const GENERATED_SOURCE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/AccountManagementService.rs"));
