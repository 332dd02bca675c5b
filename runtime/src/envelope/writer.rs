//! [`EnvelopeWriter`]: writes a SOAP envelope byte-for-byte in the shape ASP.NET (ASMX) uses:
//! XML declaration, `soap`/`soap12` prefix, `xsi`/`xsd` declarations, no indentation.

use super::version::SoapVersion;
use crate::fault::Fault;
use crate::xml::{XmlWriter, XSD_NS, XSI_NS};

/// The XML declaration every envelope starts with.
pub const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Envelope,
    Header,
    Body,
}

/// Writes one envelope: optional `Header` entries, then the `Body` content.
///
/// ```
/// use soapgen_runtime::{EnvelopeWriter, SoapVersion};
/// let mut env = EnvelopeWriter::new(SoapVersion::Soap11);
/// let w = env.body();
/// w.start("urn:x", "Ping");
/// w.end();
/// assert!(env.finish().ends_with(
///     "<soap:Body><Ping xmlns=\"urn:x\" /></soap:Body></soap:Envelope>"
/// ));
/// ```
#[derive(Debug, Clone)]
pub struct EnvelopeWriter {
    w: XmlWriter,
    version: SoapVersion,
    section: Section,
}

impl EnvelopeWriter {
    /// Starts an envelope: the XML declaration and
    /// `<soap:Envelope xmlns:xsi="…" xmlns:xsd="…" xmlns:soap="…">` (`soap12` for 1.2).
    pub fn new(version: SoapVersion) -> Self {
        Self::with_capacity(version, 1024)
    }

    /// Like [`new`](Self::new) with a buffer of `capacity` bytes.
    pub fn with_capacity(version: SoapVersion, capacity: usize) -> Self {
        let mut w = XmlWriter::with_capacity(capacity);
        w.raw(XML_DECLARATION);
        w.start_prefixed_with_declarations(
            version.default_prefix(),
            version.envelope_namespace(),
            "Envelope",
            &[("xsi", XSI_NS), ("xsd", XSD_NS)],
        );
        EnvelopeWriter {
            w,
            version,
            section: Section::Envelope,
        }
    }

    /// The SOAP version being written.
    pub fn version(&self) -> SoapVersion {
        self.version
    }

    /// The writer positioned inside `<soap:Header>` (opened on the first call). Header entries
    /// must be written before [`body`](Self::body) is called; afterwards this returns the
    /// body writer.
    pub fn header(&mut self) -> &mut XmlWriter {
        if self.section == Section::Envelope {
            self.w.start_prefixed(
                self.version.default_prefix(),
                self.version.envelope_namespace(),
                "Header",
            );
            self.section = Section::Header;
        }
        &mut self.w
    }

    /// The writer positioned inside `<soap:Body>`: closes the `Header` if open and opens the
    /// `Body` on the first call.
    pub fn body(&mut self) -> &mut XmlWriter {
        if self.section == Section::Header {
            // Close whatever the caller left open inside the header, then the header itself.
            while self.w.depth() > 1 {
                self.w.end();
            }
        }
        if self.section != Section::Body {
            self.w.start_prefixed(
                self.version.default_prefix(),
                self.version.envelope_namespace(),
                "Body",
            );
            self.section = Section::Body;
        }
        &mut self.w
    }

    /// Closes the `Body` (an empty one if [`body`](Self::body) was never called) and the
    /// `Envelope`, and returns the document.
    pub fn finish(mut self) -> String {
        self.body();
        self.w.into_string()
    }

    /// A complete envelope whose body is `fault`.
    pub fn fault(version: SoapVersion, fault: &Fault) -> String {
        let mut env = EnvelopeWriter::new(version);
        fault.write(version, env.body());
        env.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD11: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">";

    #[test]
    fn matches_asmx_bytes() {
        let mut env = EnvelopeWriter::new(SoapVersion::Soap11);
        let w = env.body();
        w.start("sosonlinebackup.com", "ChangeBackupAccountEmailResponse");
        w.start("sosonlinebackup.com", "ChangeBackupAccountEmailResult");
        w.text("true");
        w.end();
        w.end();
        assert_eq!(
            env.finish(),
            format!("{HEAD11}<soap:Body><ChangeBackupAccountEmailResponse xmlns=\"sosonlinebackup.com\"><ChangeBackupAccountEmailResult>true</ChangeBackupAccountEmailResult></ChangeBackupAccountEmailResponse></soap:Body></soap:Envelope>")
        );
    }

    #[test]
    fn soap12_with_header() {
        let mut env = EnvelopeWriter::new(SoapVersion::Soap12);
        assert_eq!(env.version(), SoapVersion::Soap12);
        let h = env.header();
        h.start("urn:h", "Auth");
        h.start("urn:h", "Token");
        h.text("t");
        // left open on purpose: body() closes it
        env.body();
        let xml = env.finish();
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap12:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\"><soap12:Header><Auth xmlns=\"urn:h\"><Token>t</Token></Auth></soap12:Header><soap12:Body /></soap12:Envelope>"
        );
    }

    #[test]
    fn empty_body_and_fault() {
        assert_eq!(
            EnvelopeWriter::new(SoapVersion::Soap11).finish(),
            format!("{HEAD11}<soap:Body /></soap:Envelope>")
        );
        let xml = EnvelopeWriter::fault(SoapVersion::Soap11, &Fault::server("oops"));
        assert_eq!(
            xml,
            format!("{HEAD11}<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>oops</faultstring></soap:Fault></soap:Body></soap:Envelope>")
        );
    }
}
