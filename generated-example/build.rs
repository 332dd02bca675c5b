//! Generates the AccountManagementService client and server from the bundled WSDL.

fn main() {
    if let Err(e) = soapgen::configure().compile("../wsdl/AccountManagementService.wsdl") {
        // The error carries file:line:col and a hint; cargo shows build script output on failure.
        eprintln!("{e}");
        std::process::exit(1);
    }
}
