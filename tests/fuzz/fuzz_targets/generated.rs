//! Fuzz target: the generated decoders of the example service, server and client side
//! (see `targets::generated`).
#![no_main]

#[path = "targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::generated(data));
