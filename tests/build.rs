//! With the `interop` feature, generates our client and server for the interop suite's three
//! WSDLs (written by `tests/interop/wsdl_variants.py` into `$SOAPGEN_INTEROP_WSDL_DIR`). Without
//! it, there is nothing to generate.

fn main() {
    println!("cargo:rerun-if-env-changed=SOAPGEN_INTEROP_WSDL_DIR");
    #[cfg(feature = "interop")]
    interop();
}

#[cfg(feature = "interop")]
fn interop() {
    let Some(dir) = std::env::var_os("SOAPGEN_INTEROP_WSDL_DIR") else {
        eprintln!(
            "the interop feature needs SOAPGEN_INTEROP_WSDL_DIR (run tests/interop/run.sh, which sets it)"
        );
        std::process::exit(1);
    };
    let dir = std::path::PathBuf::from(dir);
    for name in ["ams", "round4", "faults"] {
        let wsdl = dir.join(format!("{name}.wsdl"));
        if let Err(e) = soapgen::configure().build_pages(false).compile(&wsdl) {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
