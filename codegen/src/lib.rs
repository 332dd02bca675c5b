//! soapgen turns a WSDL 1.1 document (with its embedded and imported XSD) into one Rust source
//! file: a type per schema type the service uses, their XML codecs, an async client and a
//! server trait with a dispatcher per service. The generated code depends only on
//! `soapgen-runtime`.
//!
//! The pipeline has one module per stage, each with a typed output:
//!
//! ```text
//! files ─load─▶ roxmltree DOMs ─parse─▶ syntax model ─resolve─▶ IR ─plan─▶ names & shapes ─emit─▶ Rust
//! ```
//!
//! Use it from `build.rs` through [`configure`] (in the style of tonic-build), or through the
//! `soapgen` command line tool.

pub mod builder;
pub mod doc;
pub mod emit;
pub mod error;
pub mod load;
pub mod parse;
pub mod plan;
pub mod resolve;

pub use builder::{configure, Builder};
pub use error::{Diagnostic, Error, Location, Result};

use std::path::{Path, PathBuf};

/// All settings of one generation.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// File locations and their local replacements.
    pub load: load::LoadOptions,
    /// Which operations to generate.
    pub filter: resolve::OperationFilter,
    /// What to emit.
    pub emit: emit::EmitOptions,
}

/// The outcome of a generation.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The Rust source.
    pub code: String,
    /// Every file read (the WSDL and all it imports), for `cargo:rerun-if-changed`.
    pub files: Vec<PathBuf>,
    /// Things that were deliberately left aside, each with its position (also in the code's header).
    pub notes: Vec<String>,
    /// How many operations were generated (all services).
    pub operations: usize,
    /// How many Rust types were generated.
    pub types: usize,
}

/// Generates Rust for the WSDL at `wsdl`.
///
/// An [`Error::Input`] comes with the excerpt of the source line it points at.
pub fn generate(wsdl: &Path, options: &Options) -> Result<Generated> {
    // The one place input errors leave the pipeline: the files' texts are not kept after
    // parsing, so the line is read again, only on this error path.
    run(wsdl, options).map_err(Error::with_excerpt_from_file)
}

fn run(wsdl: &Path, options: &Options) -> Result<Generated> {
    let timings = std::env::var_os("SOAPGEN_TIMINGS").is_some();
    let mut clock = std::time::Instant::now();
    let mut lap = |stage: &str| {
        if timings {
            eprintln!("soapgen: {stage}: {:?}", clock.elapsed());
            clock = std::time::Instant::now();
        }
    };
    let loaded = load::load(wsdl, &options.load)?;
    lap("load+parse");
    let ir = resolve::resolve(&loaded.definitions, &options.filter)?;
    lap("resolve");
    let plan = plan::plan(&ir);
    lap("plan");
    let mut emit_options = options.emit.clone();
    if emit_options.source_name.is_empty() {
        emit_options.source_name = wsdl
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    if emit_options.server && emit_options.wsdl_text.is_none() {
        // Generated servers serve the root WSDL at `?wsdl` (see `emit/pages.rs`).
        emit_options.wsdl_text =
            Some(std::fs::read_to_string(wsdl).map_err(|source| Error::Io {
                path: wsdl.to_path_buf(),
                source,
            })?);
    }
    let code = emit::emit(&ir, &plan, &emit_options)?;
    lap("emit+format");
    let notes = ir
        .notes
        .iter()
        .map(|(at, note)| format!("{at}: {note}"))
        .collect();
    Ok(Generated {
        code,
        files: loaded.files,
        notes,
        operations: ir.services.iter().map(|s| s.operations.len()).sum(),
        types: ir.types.len(),
    })
}
