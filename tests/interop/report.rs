//! The RESULT and WIRE lines the matrix (`tests/interop/matrix.py`) is built from.

use soapgen_runtime::SoapVersion;

/// `1.1` or `1.2`, as the lines spell it.
pub fn version_label(version: SoapVersion) -> &'static str {
    match version {
        SoapVersion::Soap11 => "1.1",
        SoapVersion::Soap12 => "1.2",
    }
}

/// One case's outcome.
pub struct Line {
    pub peer: String,
    pub direction: &'static str,
    pub wsdl: &'static str,
    pub version: SoapVersion,
    pub case: &'static str,
    pub outcome: Result<(), String>,
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (verdict, detail) = match &self.outcome {
            Ok(()) => ("PASS", "-".to_string()),
            Err(e) => ("FAIL", one_line(e)),
        };
        write!(
            f,
            "RESULT\t{}\t{}\t{}\t{}\t{}\t{verdict}\t{detail}",
            self.peer,
            self.direction,
            self.wsdl,
            version_label(self.version),
            self.case
        )
    }
}

/// `s` on one line (tabs and newlines would break the format), cut to a readable length.
pub fn one_line(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if flat.chars().count() > 400 {
        let cut: String = flat.chars().take(400).collect();
        format!("{cut}…")
    } else {
        flat
    }
}
