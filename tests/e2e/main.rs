//! End-to-end tests of the workspace: the generated AccountManagementService code against the
//! seed's golden wire format, over real HTTP in both SOAP versions, type round trips, and the
//! snapshot of the generated source. One test binary, so the suite compiles once.

mod loopback;
mod roundtrip;
mod seed;
mod snapshot;
mod support;
