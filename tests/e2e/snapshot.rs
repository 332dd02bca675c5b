//! The generated source for the bundled WSDL, reviewed as a snapshot; and generation is
//! deterministic and the same through build.rs and the library (the CLI tests compare the
//! CLI with the library).

use crate::support::repo_root;

#[test]
fn generated_code_snapshot() {
    let wsdl = repo_root().join("wsdl/AccountManagementService.wsdl");
    let first = soapgen::configure().generate(&wsdl).unwrap();
    let second = soapgen::configure().generate(&wsdl).unwrap();
    assert_eq!(first.code, second.code, "generation must be deterministic");
    assert_eq!(first.files, vec![wsdl]);
    assert_eq!(
        generated_example::GENERATED_SOURCE,
        first.code,
        "build.rs and the library must write the same bytes"
    );
    insta::assert_snapshot!("AccountManagementService", first.code);
}
