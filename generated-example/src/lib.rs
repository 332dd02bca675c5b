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

/// The generated source exactly as build.rs wrote it; the end-to-end tests check that the CLI
/// and the library produce the same bytes.
pub const GENERATED_SOURCE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/AccountManagementService.rs"));
