//! Fuzz target: the WSDL/XSD front end and the generator (see `targets::wsdl`).
#![no_main]

#[path = "targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::wsdl(data));
