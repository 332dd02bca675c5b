//! The pages as plain text: what a browser shows of the HTML pages, one block per paragraph
//! (this is the format of the ASP.NET help page captures soapgen is tested against). Used by
//! `soapgen doc --format text`.

use super::sample::{self, Sample};
use super::{
    page_versions, sorted_operations, OperationDescription, PageLocation, ServiceDescription,
};
use crate::envelope::SoapVersion;

/// The sentence shown instead of the test form to visitors from elsewhere (and offline).
pub const TEST_FORM_LOCAL_ONLY: &str =
    "The test form is only available for requests from the local machine.";

/// The service page: name, documentation, and every operation with its documentation, sorted
/// by name.
pub fn service_page(desc: &ServiceDescription<'_>) -> String {
    let mut blocks: Vec<String> = Vec::new();
    // The title is followed by two empty lines (ASP.NET puts two line breaks after it).
    blocks.push(format!("{}\n", desc.name));
    let doc = collapse_whitespace(desc.documentation);
    if !doc.is_empty() {
        blocks.push(doc);
    }
    blocks.push(
        "The following operations are supported. For a formal definition, please review the Service Description."
            .to_owned(),
    );
    for index in sorted_operations(desc) {
        let op = &desc.operations[index];
        let doc = collapse_whitespace(op.documentation);
        blocks.push(if doc.is_empty() {
            op.name.to_owned()
        } else {
            format!("{}\n{doc}", op.name)
        });
    }
    blocks.join("\n\n")
}

/// An operation's page: name, documentation, the test form's note, and per SOAP version the
/// sample request and response. Samples stop after `max_sample_elements` elements.
pub fn operation_page(
    desc: &ServiceDescription<'_>,
    op: &OperationDescription<'_>,
    location: &PageLocation,
    max_sample_elements: usize,
) -> String {
    let mut blocks: Vec<String> = vec![
        format!("{}\n", desc.name),
        "Click here for a complete list of operations.".to_owned(),
        op.name.to_owned(),
    ];
    let doc = collapse_whitespace(op.documentation);
    if !doc.is_empty() {
        blocks.push(doc);
    }
    blocks.push("Test".to_owned());
    blocks.push(TEST_FORM_LOCAL_ONLY.to_owned());
    for (version, action) in page_versions(op) {
        let label = version_label(version);
        blocks.push(label.to_owned());
        blocks.push(format!(
            "The following is a sample {label} request and response. The placeholders shown need to be replaced with actual values."
        ));
        let request = sample::request(desc, op, version, action, location, max_sample_elements);
        let response = sample::response(desc, op, version, max_sample_elements);
        let mut block = request.chunks.plain();
        block.push('\n');
        block.push_str(&response.chunks.plain());
        blocks.push(block);
        if let Some(note) = truncation_note(&[&request, &response], max_sample_elements) {
            blocks.push(note);
        }
    }
    blocks.join("\n\n")
}

/// `SOAP 1.1` or `SOAP 1.2`.
pub(crate) fn version_label(version: SoapVersion) -> &'static str {
    match version {
        SoapVersion::Soap11 => "SOAP 1.1",
        SoapVersion::Soap12 => "SOAP 1.2",
    }
}

/// The note under samples that were cut.
pub(crate) fn truncation_note(samples: &[&Sample], limit: usize) -> Option<String> {
    samples
        .iter()
        .any(|s| s.truncated)
        .then(|| format!("These samples are shortened: each stops after {limit} elements."))
}

/// Runs of whitespace as one space, trimmed: how a browser shows documentation text.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::pages::fixture::DESCRIPTION;

    #[test]
    fn operation_page_layout() {
        let page = operation_page(
            &DESCRIPTION,
            &DESCRIPTION.operations[0],
            &PageLocation::Described,
            100,
        );
        assert!(page.starts_with(
            "AccountManagementService\n\n\nClick here for a complete list of operations.\n\nChangeBackupAccountEmail\n\nChanges email address for the backup account and optionally sends notification email\n\nTest\n\nThe test form is only available for requests from the local machine.\n\nSOAP 1.1\n\nThe following is a sample SOAP 1.1 request and response. The placeholders shown need to be replaced with actual values.\n\nPOST /WebApi/"
        ), "{page}");
        assert!(page.contains("</soap:Envelope>\nHTTP/1.1 200 OK\n"));
        assert!(page.contains("</soap:Envelope>\n\nSOAP 1.2\n\nThe following is a sample SOAP 1.2"));
        assert!(page.ends_with("</soap12:Envelope>"));
        let short = operation_page(
            &DESCRIPTION,
            &DESCRIPTION.operations[0],
            &PageLocation::Described,
            2,
        );
        assert!(short.ends_with("These samples are shortened: each stops after 2 elements."));
    }

    #[test]
    fn service_page_layout() {
        assert_eq!(
            service_page(&DESCRIPTION),
            "AccountManagementService\n\n\nThe following operations are supported. For a formal definition, please review the Service Description.\n\nChangeBackupAccountEmail\nChanges email address for the backup account and optionally sends notification email"
        );
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
    }
}
