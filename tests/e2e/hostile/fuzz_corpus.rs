//! Replays the checked-in fuzz corpus (`tests/fuzz/corpus/<target>/`, seeds and every crash
//! input found so far) through the fuzz targets' own code, so `cargo test` catches a
//! regression of any crash without nightly Rust or libFuzzer.

use std::path::PathBuf;

#[path = "../../fuzz/fuzz_targets/targets.rs"]
mod targets;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = crate::support::repo_root()
        .join("tests/fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// Runs `target` on every input, naming the input that panics.
fn replay(target: &str, run: fn(&[u8])) {
    for (path, bytes) in corpus(target) {
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} panicked", path.display());
    }
}

#[test]
fn envelope_corpus() {
    replay("envelope", targets::envelope);
}

#[test]
fn generated_corpus() {
    replay("generated", targets::generated);
}

#[test]
fn wsdl_corpus() {
    replay("wsdl", targets::wsdl);
}
