//! Hostile input and failure, end to end: the generated AccountManagementService server over
//! real loopback sockets answers every bad request with the right fault and HTTP status and
//! keeps serving; the generated client turns every bad response into a distinct typed error
//! that keeps the status and an excerpt of the body.
//!
//! `server` covers the server bullets of issue 5, `client` the client ones; `raw` is a raw
//! HTTP/1.1 client and canned server for what no well-behaved library sends; `fuzz_corpus`
//! replays the fuzz corpus (seeds and past crashes) through the fuzz targets' code.

mod client;
mod fuzz_corpus;
mod raw;
mod server;
