//! End-to-end tests of the workspace: the generated AccountManagementService code against the
//! seed's golden wire format, over real HTTP in both SOAP versions, type round trips, the
//! snapshot of the generated source, the service pages (also in a real browser), and one test
//! per schema construct (`features`). One test binary, so the suite compiles once.

mod browser;
mod faults;
mod features;
mod headers;
mod hostile;
mod loopback;
mod multipart;
mod pages;
mod roundtrip;
mod rpc;
mod seed;
mod snapshot;
mod substitution_body;
mod support;
