//! Fuzz target: envelope decoding (see `targets::envelope`).
#![no_main]

#[path = "targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::envelope(data));
