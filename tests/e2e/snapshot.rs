//! The generated source for the bundled WSDL, reviewed as a snapshot; and generation is
//! deterministic.

use crate::support::repo_root;

#[test]
fn generated_code_snapshot() {
    let wsdl = repo_root().join("wsdl/AccountManagementService.wsdl");
    let first = soapgen::configure().generate(&wsdl).unwrap();
    let second = soapgen::configure().generate(&wsdl).unwrap();
    assert_eq!(first.code, second.code, "generation must be deterministic");
    assert_eq!(first.files, vec![wsdl]);
    insta::assert_snapshot!("AccountManagementService", first.code);
}
