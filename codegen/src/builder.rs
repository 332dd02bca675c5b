//! The build.rs API, in the style of tonic-build:
//!
//! ```no_run
//! // in build.rs's main():
//! soapgen::configure()
//!     .build_server(false)
//!     .compile("wsdl/AccountManagementService.wsdl")
//!     .unwrap_or_else(|e| panic!("{e}"));
//! ```
//!
//! and in the crate: `soapgen_runtime::include_soap!("AccountManagementService");`.

use crate::error::{Error, Result};
use crate::{generate, Generated, Options};
use std::path::{Path, PathBuf};

/// Starts a configuration with the defaults: client and server, runtime at `::soapgen_runtime`,
/// output in `$OUT_DIR/<wsdl file stem>.rs`.
pub fn configure() -> Builder {
    Builder {
        options: Options::default(),
        out_dir: None,
        file_name: None,
        rerun_if_changed: true,
    }
}

/// Settings for generating code from build.rs.
#[derive(Debug, Clone)]
pub struct Builder {
    options: Options,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    rerun_if_changed: bool,
}

impl Builder {
    /// Whether to generate the client (default true).
    pub fn build_client(mut self, enable: bool) -> Self {
        self.options.emit.client = enable;
        self
    }

    /// Whether to generate the server trait and dispatcher (default true).
    pub fn build_server(mut self, enable: bool) -> Self {
        self.options.emit.server = enable;
        self
    }

    /// Whether the server carries its service description, so that
    /// `soapgen_runtime::server::axum::router_with_pages` can serve its WSDL and help pages
    /// (default true). Leaving it out saves compile time on very large services.
    pub fn build_pages(mut self, enable: bool) -> Self {
        self.options.emit.pages = enable;
        self
    }

    /// The path generated code uses for the runtime crate (default `::soapgen_runtime`), for a
    /// crate that re-exports it.
    pub fn runtime_crate(mut self, path: impl Into<String>) -> Self {
        self.options.emit.runtime_path = path.into();
        self
    }

    /// Where to write the file (default `$OUT_DIR`).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The output file's stem (default: the WSDL's file stem); the file is `<name>.rs`.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Reads `location` (as written in an import) from the local file `path` instead.
    pub fn map_location(mut self, location: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        self.options
            .load
            .location_map
            .insert(location.into(), path.into());
        self
    }

    /// Generates only these operations and the types they reach.
    pub fn operations<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options.filter.only = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` for every file read (default true).
    pub fn emit_rerun_if_changed(mut self, enable: bool) -> Self {
        self.rerun_if_changed = enable;
        self
    }

    /// Generates the code without writing it.
    pub fn generate(&self, wsdl: impl AsRef<Path>) -> Result<Generated> {
        generate(wsdl.as_ref(), &self.options)
    }

    /// Generates the code and writes it to `<out_dir>/<name>.rs` (only when it changed, so
    /// cargo does not rebuild needlessly), printing `cargo:rerun-if-changed` lines. Returns the
    /// written path.
    pub fn compile(self, wsdl: impl AsRef<Path>) -> Result<PathBuf> {
        let wsdl = wsdl.as_ref();
        let generated = self.generate(wsdl)?;
        if self.rerun_if_changed {
            for file in &generated.files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
        for note in &generated.notes {
            println!("cargo:warning=soapgen: {note}");
        }
        let out_dir = match self.out_dir {
            Some(dir) => dir,
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| Error::Io {
                    path: PathBuf::from("$OUT_DIR"),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "OUT_DIR is not set: call compile() from build.rs, or set out_dir()",
                    ),
                })?,
        };
        let name = match self.file_name {
            Some(n) => n,
            None => wsdl
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "service".into()),
        };
        let path = out_dir.join(format!("{name}.rs"));
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == generated.code);
        if !unchanged {
            std::fs::write(&path, &generated.code).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
        }
        Ok(path)
    }
}
