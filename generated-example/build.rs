//! Generates the AccountManagementService client and server from the bundled WSDL, and, as a
//! compile check of other styles, the test fixtures `tests/fixtures/asmx-variant.wsdl` and
//! `tests/fixtures/rpc-calculator.wsdl` (the latter without its service pages, which proves that
//! setting compiles too), and `tests/fixtures/typed-faults.wsdl` (operations declaring typed
//! faults) and `tests/fixtures/multipart-body.wsdl` (document bodies with two parts), and the
//! per-construct feature fixtures `tests/fixtures/features/*.wsdl` (tests/e2e/features.rs).

/// The feature fixtures, by file stem (each is also a module of `features` in src/lib.rs, and
/// tests/e2e/features.rs checks that this list matches the directory). Listed rather than read
/// from the directory so that `cargo:rerun-if-changed` (printed by `compile` for each WSDL) is
/// exact: editing an example message beside them does not rerun this script.
const FEATURES: &[&str] = &[
    "sequence-choice-all",
    "group-refs",
    "complex-extension",
    "complex-restriction",
    "simple-content-extension",
    "simple-content-restriction",
    "any-anyattribute-anytype",
    "mixed",
    "nillable",
    "default-fixed",
    "enumerations",
    "list-union",
    "builtins",
    "recursive",
    "anonymous",
    "element-form",
    "name-collisions",
    "soap-encoded-array",
];

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
