//! Generates the AccountManagementService client and server from the bundled WSDL, and, as a
//! compile check of other styles, the test fixtures `tests/fixtures/asmx-variant.wsdl` and
//! `tests/fixtures/rpc-calculator.wsdl` (the latter without its service pages, which proves that
//! setting compiles too), and `tests/fixtures/typed-faults.wsdl` (operations declaring typed
//! faults) and `tests/fixtures/multipart-body.wsdl` (document bodies with two parts).

fn main() {
    let builds = [
        ("../wsdl/AccountManagementService.wsdl", true),
        ("../tests/fixtures/asmx-variant.wsdl", true),
        ("../tests/fixtures/rpc-calculator.wsdl", false),
        ("../tests/fixtures/typed-faults.wsdl", false),
        ("../tests/fixtures/multipart-body.wsdl", true),
    ];
    for (wsdl, pages) in builds {
        if let Err(e) = soapgen::configure().build_pages(pages).compile(wsdl) {
            // The error carries file:line:col and a hint; cargo shows build script output on failure.
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
