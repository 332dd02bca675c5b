//! The AccountManagementService (SOS Online Backup partner API) client and server, generated at
//! build time by soapgen from `wsdl/AccountManagementService.wsdl`, and an in-memory
//! implementation of the server trait ([`demo::DemoService`]).
//!
//! Warnings are errors here: generated code must compile cleanly.
#![deny(warnings)]

soapgen_runtime::include_soap!("AccountManagementService");

pub mod demo;
