//! Generates the AccountManagementService client and server from the bundled WSDL, and, as a
//! compile check of other styles, the test fixtures `tests/fixtures/asmx-variant.wsdl` and
//! `tests/fixtures/rpc-calculator.wsdl`.

fn main() {
    for wsdl in [
        "../wsdl/AccountManagementService.wsdl",
        "../tests/fixtures/asmx-variant.wsdl",
        "../tests/fixtures/rpc-calculator.wsdl",
    ] {
        if let Err(e) = soapgen::configure().compile(wsdl) {
            // The error carries file:line:col and a hint; cargo shows build script output on failure.
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
