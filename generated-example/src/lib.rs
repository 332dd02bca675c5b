//! The AccountManagementService (SOS Online Backup partner API) client and server, generated at
//! build time by soapgen from `wsdl/AccountManagementService.wsdl`, and an in-memory
//! implementation of the server trait ([`demo::DemoService`]).
//!
//! Warnings are errors here: generated code must compile cleanly.
#![deny(warnings)]

soapgen_runtime::include_soap!("AccountManagementService");

pub mod demo;

/// The generated source exactly as build.rs wrote it; the end-to-end tests check that the CLI
/// and the library produce the same bytes.
pub const GENERATED_SOURCE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/AccountManagementService.rs"));
