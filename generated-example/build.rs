//! Generates the AccountManagementService client and server from the bundled WSDL, and, as a
//! compile check of other styles, the test fixtures `tests/fixtures/asmx-variant.wsdl` and
//! `tests/fixtures/rpc-calculator.wsdl` (the latter without its service pages, which proves that
//! setting compiles too), and `tests/fixtures/typed-faults.wsdl` (operations declaring typed
//! faults), `tests/fixtures/multipart-body.wsdl` (document bodies with two parts) and
//! `tests/fixtures/response-headers.wsdl` (headers in responses) and
//! `tests/fixtures/substitution-body.wsdl` (substitution groups as message parts), and the
//! per-construct feature fixtures `tests/fixtures/features/*.wsdl` (tests/e2e/features.rs).

include!("src/features_list.rs");

fn main() {
    let features = FEATURES
        .iter()
        .map(|stem| (format!("../tests/fixtures/features/{stem}.wsdl"), false));
    let builds = [
        ("../wsdl/AccountManagementService.wsdl", true),
        ("../tests/fixtures/asmx-variant.wsdl", true),
        ("../tests/fixtures/rpc-calculator.wsdl", false),
        ("../tests/fixtures/typed-faults.wsdl", false),
        ("../tests/fixtures/multipart-body.wsdl", true),
        ("../tests/fixtures/response-headers.wsdl", true),
        ("../tests/fixtures/substitution-body.wsdl", true),
    ]
    .into_iter()
    .map(|(wsdl, pages)| (wsdl.to_string(), pages))
    .chain(features);
    for (wsdl, pages) in builds {
        if let Err(e) = soapgen::configure().build_pages(pages).compile(&wsdl) {
            // The error carries file:line:col and a hint; cargo shows build script output on failure.
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
