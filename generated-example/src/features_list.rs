/// The feature fixtures of `tests/fixtures/features/`, by file stem: build.rs compiles each, and
/// each is a module of [`features`](crate::features) (tests/e2e/features.rs checks both against
/// the directory). Listed rather than read from the directory so that `cargo:rerun-if-changed`
/// (printed by `compile` for each WSDL) is exact: editing an example message beside them does
/// not rerun the build script. This one file is included by both build.rs and the library.
pub const FEATURES: &[&str] = &[
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
    "polymorphism",
];
