//! The corpus test: every entry WSDL of `../shared/wsdl-corpus/MANIFEST.tsv` goes through codegen,
//! and all the outputs are compiled together, as modules of one generated crate under
//! `#![deny(warnings)]`, in a single `cargo clippy` (users run clippy on generated code too; a
//! machine without clippy falls back to `cargo check`, except under `CI=true`). It prints a
//! table (WSDL, operations, types,
//! generated lines, generation time, outcome) and fails when any entry fails, unless that entry
//! is listed in [`EXPECTED_FAILURES`] and codegen reports exactly the listed problem.
//!
//! The corpus files keep their own licences: they are read in place, never copied here. Without
//! the corpus folder the test says so and skips; under `CI=true` that is a failure.
//!
//! It is part of `cargo test --workspace`; `SOAPGEN_CORPUS=0` leaves it out of a quick local
//! run, and `cargo test -p soapgen-tests --test corpus -- SUBSTRING` keeps only the entries whose
//! path contains SUBSTRING.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// Entries whose files are genuinely broken, with the text codegen's error must contain.
const EXPECTED_FAILURES: &[(&str, &str)] = &[
    // Schemas imported from servers the corpus did not capture.
    ("savon/brand.wsdl", "is a remote location"),
    ("savon/team_software.wsdl", "is a remote location"),
    ("savon/wasmuth.wsdl", "is a remote location"),
    ("wasabi/import_port_types.wsdl", "is a remote location"),
    // Imports a file that is not in the corpus.
    ("wasabi/juniper.wsdl", "cannot read imported file"),
    // soap:body parts= names parts its messages do not have (`in`/`out` for `inout`).
    (
        "cxf-testutils/header_doc_lit.wsdl",
        "which is not a part of message",
    ),
    // A wsdl:binding without the required type= attribute.
    ("wasabi/two_bindings.wsdl", "wsdl:binding without type="),
    // References to definitions that no file of the entry holds.
    (
        "node-soap/idempiere-adinterface/soap.wsdl",
        "DataField` is not defined",
    ),
    (
        "node-soap/xsdinclude/xsd_include.wsdl",
        "DummyList` is not defined",
    ),
    (
        "wasabi/geotrust.wsdl",
        "GetQuickApproverList` is not defined",
    ),
    (
        "wasabi/types_with_same_name_in_separate_namespaces.wsdl",
        "SaveResponse` is not defined",
    ),
];

struct Entry {
    path: String,
    outcome: Outcome,
    operations: usize,
    types: usize,
    lines: usize,
    millis: u128,
    module: String,
    /// The generated code, until it is written into the check crate.
    code: Option<String>,
}

enum Outcome {
    Generated,
    CodegenError(String),
    CompileError(String),
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let corpus = root.join("../shared/wsdl-corpus");
    let manifest = corpus.join("MANIFEST.tsv");
    if !manifest.exists() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            eprintln!(
                "corpus: {} is missing, and CI=true requires it",
                manifest.display()
            );
            return ExitCode::FAILURE;
        }
        println!(
            "corpus: SKIPPED: {} is not present beside this clone",
            corpus.display()
        );
        println!("0 passed, 0 failed, 1 skipped");
        return ExitCode::SUCCESS;
    }
    if std::env::var("SOAPGEN_CORPUS").is_ok_and(|v| v == "0") {
        // Checking ~1.4M generated lines takes minutes; this lets a quick local run leave it out.
        println!("corpus: SKIPPED: SOAPGEN_CORPUS=0");
        println!("0 passed, 0 failed, 1 skipped");
        return ExitCode::SUCCESS;
    }
    let filter = std::env::args().nth(1).filter(|a| !a.starts_with('-'));
    let entries_paths = read_manifest(&manifest, filter.as_deref());
    let mut entries: Vec<Entry> = entries_paths
        .iter()
        .enumerate()
        .map(|(i, path)| generate_entry(&corpus, path, i))
        .collect();

    let crate_dir = root.join("target/corpus-crate");
    if let Err(e) = compile_all(&root, &crate_dir, &mut entries) {
        eprintln!("corpus: could not run cargo check: {e}");
        return ExitCode::FAILURE;
    }
    report(&entries)
}

fn read_manifest(manifest: &Path, filter: Option<&str>) -> Vec<String> {
    let text = std::fs::read_to_string(manifest).expect("MANIFEST.tsv is readable");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .expect("manifest column")
    };
    let (path_col, role_col) = (col("path"), col("role"));
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.get(role_col) == Some(&"entry-wsdl"))
        .filter_map(|c| c.get(path_col).map(|p| p.to_string()))
        .filter(|p| filter.is_none_or(|f| p.contains(f)))
        .collect()
}

fn module_name(index: usize, path: &str) -> String {
    let stem: String = path
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("m{index:03}_{}", stem.trim_matches('_'))
}

fn generate_entry(corpus: &Path, path: &str, index: usize) -> Entry {
    let started = Instant::now();
    let result = soapgen::configure().generate(corpus.join(path));
    let millis = started.elapsed().as_millis();
    let module = module_name(index, path);
    match result {
        Ok(g) => Entry {
            path: path.to_string(),
            operations: g.operations,
            types: g.types,
            lines: g.code.lines().count(),
            millis,
            outcome: Outcome::Generated,
            module,
            code: Some(g.code),
        },
        Err(e) => Entry {
            path: path.to_string(),
            operations: 0,
            types: 0,
            lines: 0,
            millis,
            outcome: Outcome::CodegenError(e.to_string()),
            module,
            code: None,
        },
    }
}

fn compile_all(root: &Path, crate_dir: &Path, entries: &mut [Entry]) -> std::io::Result<()> {
    let _ = std::fs::remove_dir_all(crate_dir);
    std::fs::create_dir_all(crate_dir)?;
    let runtime = root.join("runtime").canonicalize()?;
    // Two crates of about the same size, so `cargo check` keeps both cores busy (one crate is
    // checked by one rustc process); the largest entries are placed first.
    const PARTS: [&str; 2] = ["part_a", "part_b"];
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(entries[i].lines));
    let mut sizes = [0usize; PARTS.len()];
    let mut libs: Vec<String> = PARTS
        .iter()
        .map(|_| {
            String::from(
                "//! Corpus entries' generated code, one module each.\n#![deny(warnings)]\n",
            )
        })
        .collect();
    for i in order {
        let Some(code) = entries[i].code.take() else {
            continue;
        };
        let part = (0..PARTS.len()).min_by_key(|&p| sizes[p]).unwrap_or(0);
        sizes[part] += entries[i].lines;
        let src = crate_dir.join(PARTS[part]).join("src");
        std::fs::create_dir_all(&src)?;
        std::fs::write(src.join(format!("{}.rs", entries[i].module)), code)?;
        let _ = writeln!(libs[part], "pub mod {};", entries[i].module);
    }
    for (part, lib) in PARTS.iter().zip(&libs) {
        let dir = crate_dir.join(part);
        std::fs::create_dir_all(dir.join("src"))?;
        std::fs::write(dir.join("src/lib.rs"), lib)?;
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"corpus-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [dependencies]\nsoapgen-runtime = {{ path = {:?}, default-features = false }}\n",
                part.replace('_', "-"),
                runtime.display().to_string()
            ),
        )?;
    }
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[workspace]\nmembers = [{}]\nresolver = \"2\"\n",
            PARTS.map(|p| format!("{p:?}")).join(", ")
        ),
    )?;
    let clippy = Command::new(env!("CARGO"))
        .args(["clippy", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !clippy && std::env::var("CI").is_ok_and(|v| v == "true") {
        return Err(std::io::Error::other(
            "cargo clippy is not installed (rustup component add clippy)",
        ));
    }
    if !clippy {
        eprintln!("corpus: cargo clippy is not installed; checking with cargo check instead");
    }
    let output = Command::new(env!("CARGO"))
        .args([
            if clippy { "clippy" } else { "check" },
            "--quiet",
            "--message-format=short",
            "--workspace",
            "--manifest-path",
        ])
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root.join("target/corpus-target"))
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in stderr.lines() {
        // Short format: `src/m001_x.rs:12:5: error[E0412]: …`
        if let Some(rest) = line.split("src/").nth(1) {
            if let Some((file, _)) = rest.split_once(".rs:") {
                if line.contains("error") {
                    errors
                        .entry(file.to_string())
                        .or_default()
                        .push(line.trim().to_string());
                }
            }
        }
    }
    if !output.status.success() && errors.is_empty() {
        return Err(std::io::Error::other(format!(
            "cargo check failed:\n{stderr}"
        )));
    }
    for entry in entries.iter_mut() {
        if let (Outcome::Generated, Some(list)) = (&entry.outcome, errors.get(&entry.module)) {
            let more = if list.len() > 1 {
                format!(" (+{} more)", list.len() - 1)
            } else {
                String::new()
            };
            entry.outcome = Outcome::CompileError(format!("{}{more}", list[0]));
        }
    }
    Ok(())
}

fn report(entries: &[Entry]) -> ExitCode {
    let width = entries
        .iter()
        .map(|e| e.path.len())
        .max()
        .unwrap_or(4)
        .max(4);
    println!(
        "{:width$}  {:>5}  {:>5}  {:>7}  {:>7}  outcome",
        "WSDL", "ops", "types", "lines", "ms"
    );
    let (mut passed, mut failed, mut expected) = (0, 0, 0);
    for e in entries {
        let listed = EXPECTED_FAILURES.iter().find(|(p, _)| *p == e.path);
        let outcome = match (&e.outcome, listed) {
            (Outcome::Generated, None) => {
                passed += 1;
                "ok".to_string()
            }
            (Outcome::CodegenError(msg), Some((_, needle))) if msg.contains(needle) => {
                expected += 1;
                format!("expected failure: {}", first_line(msg))
            }
            (Outcome::Generated, Some(_)) => {
                failed += 1;
                "FAILED: listed as an expected failure but generated and compiled; remove it from the list".into()
            }
            (Outcome::CodegenError(msg), _) => {
                failed += 1;
                format!("FAILED (codegen): {}", first_line(msg))
            }
            (Outcome::CompileError(msg), _) => {
                failed += 1;
                format!("FAILED (compile): {msg}")
            }
        };
        println!(
            "{:width$}  {:>5}  {:>5}  {:>7}  {:>7}  {outcome}",
            e.path, e.operations, e.types, e.lines, e.millis
        );
    }
    println!(
        "corpus: {passed} compiled, {expected} expected failures, {failed} failed, of {}",
        entries.len()
    );
    println!("{} passed, {failed} failed", passed + expected);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}
