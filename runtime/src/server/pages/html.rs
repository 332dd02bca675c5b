//! The pages as HTML: plain, readable, no script. Every string that comes from the WSDL is
//! escaped; links to operations are relative (`?op=NAME`), so they work wherever the service is
//! mounted. Used by the server and by `soapgen doc --format html`.

use super::sample::{self, push_html};
use super::text::{collapse_whitespace, truncation_note, version_label, TEST_FORM_LOCAL_ONLY};
use super::{
    page_versions, sorted_operations, OperationDescription, PageLocation, ServiceDescription,
};

/// The style sheet of every page.
const STYLE: &str = "\
body{margin:0;font-family:Verdana,Tahoma,Arial,sans-serif;font-size:0.85em;color:#000;background:#fff}
header{background:#003366;color:#fff;padding:0.6em 1.2em}
header h1{margin:0;font-size:1.6em;font-weight:normal}
main{padding:0.2em 1.2em 2em;max-width:72em}
h2{font-size:1.45em;color:#003366;margin:1.1em 0 0.3em}
h3{font-size:1.15em;color:#003366;margin:1.5em 0 0.4em}
h4{font-size:1em;margin:1em 0 0.3em}
a{color:#336699}
p{line-height:1.4}
pre{background:#e5e5cc;border:1px solid #d0d0b0;padding:0.6em;font-size:1.1em;white-space:pre-wrap;overflow-wrap:anywhere}
.value{color:#0000cc;font-weight:bold}
ul.operations{padding-left:1.2em}
ul.operations li{margin:0.6em 0}
ul.operations .doc{display:block;color:#333}
fieldset{border:1px solid #c0c0c0;margin:0.6em 0;padding:0.4em 0.8em}
legend{font-weight:bold;color:#003366}
legend .kind{font-weight:normal;color:#555}
table.fields td{padding:0.2em 0.8em 0.2em 0;vertical-align:middle}
table.fields .type{color:#555}
input[type=text],select{font:inherit;padding:0.15em;min-width:18em}
textarea{font-family:monospace;font-size:1.05em;width:100%;box-sizing:border-box}
button{font:inherit;padding:0.25em 1.4em;margin-top:0.4em}
.status{font-weight:bold;padding:0.3em 0.6em;display:inline-block}
.status.ok{background:#dff0d8;color:#1d5e1d}
.status.fault{background:#f8dddd;color:#8a1f1f}
.note{color:#555;font-style:italic}
";

/// The service page: the operation list (sorted by name, each linked to `?op=NAME` with its
/// documentation) and a link to the WSDL.
pub fn service_page(desc: &ServiceDescription<'_>, _location: &PageLocation) -> String {
    let mut body = String::new();
    let doc = collapse_whitespace(desc.documentation);
    if !doc.is_empty() {
        body.push_str("<p class=\"intro\">");
        push_html(&mut body, &doc);
        body.push_str("</p>\n");
    }
    body.push_str("<p>The following operations are supported. For a formal definition, please review the <a href=\"?wsdl\">Service Description</a>.</p>\n<ul class=\"operations\">\n");
    for index in sorted_operations(desc) {
        let op = &desc.operations[index];
        body.push_str("<li><a href=\"?op=");
        push_html(&mut body, &percent_encode(op.name));
        body.push_str("\">");
        push_html(&mut body, op.name);
        body.push_str("</a>");
        let doc = collapse_whitespace(op.documentation);
        if !doc.is_empty() {
            body.push_str("<span class=\"doc\">");
            push_html(&mut body, &doc);
            body.push_str("</span>");
        }
        body.push_str("</li>\n");
    }
    body.push_str("</ul>\n");
    document(desc, &format!("{} Web Service", desc.name), &body)
}

/// An operation's page as `soapgen doc` shows it: the test section says the form is only
/// available locally.
pub fn operation_page(
    desc: &ServiceDescription<'_>,
    op: &OperationDescription<'_>,
    location: &PageLocation,
    max_sample_elements: usize,
) -> String {
    let mut test = String::from("<p>");
    push_html(&mut test, TEST_FORM_LOCAL_ONLY);
    test.push_str("</p>\n");
    operation_page_with_test(desc, op, location, max_sample_elements, &test)
}

/// An operation's page with `test_html` (trusted markup) as its test section.
pub(crate) fn operation_page_with_test(
    desc: &ServiceDescription<'_>,
    op: &OperationDescription<'_>,
    location: &PageLocation,
    max_sample_elements: usize,
    test_html: &str,
) -> String {
    let mut body = String::new();
    body.push_str("<p class=\"intro\">Click <a href=\"");
    push_html(&mut body, &location.service_href(desc));
    body.push_str("\">here</a> for a complete list of operations.</p>\n<h2>");
    push_html(&mut body, op.name);
    body.push_str("</h2>\n");
    let doc = collapse_whitespace(op.documentation);
    if !doc.is_empty() {
        body.push_str("<p class=\"intro\">");
        push_html(&mut body, &doc);
        body.push_str("</p>\n");
    }
    body.push_str("<h3>Test</h3>\n");
    body.push_str(test_html);
    for (version, action) in page_versions(op) {
        let label = version_label(version);
        body.push_str("<h3>");
        body.push_str(label);
        body.push_str("</h3>\n<p>The following is a sample ");
        body.push_str(label);
        body.push_str(" request and response. The <span class=\"value\">placeholders</span> shown need to be replaced with actual values.</p>\n");
        let request = sample::request(desc, op, version, action, location, max_sample_elements);
        let response = sample::response(desc, op, version, max_sample_elements);
        body.push_str("<pre>");
        request.chunks.push_html(&mut body);
        body.push_str("</pre>\n<pre>");
        response.chunks.push_html(&mut body);
        body.push_str("</pre>\n");
        if let Some(note) = truncation_note(&[&request, &response], max_sample_elements) {
            body.push_str("<p class=\"note\">");
            push_html(&mut body, &note);
            body.push_str("</p>\n");
        }
    }
    document(
        desc,
        &format!("{} Web Service: {}", desc.name, op.name),
        &body,
    )
}

/// A short page with a heading and a message (plain text), linking back to the service page.
#[cfg_attr(not(feature = "server"), allow(dead_code))]
pub(crate) fn message_page(
    desc: &ServiceDescription<'_>,
    location: &PageLocation,
    heading: &str,
    message: &str,
) -> String {
    let mut body = String::from("<h2>");
    push_html(&mut body, heading);
    body.push_str("</h2>\n<p>");
    push_html(&mut body, message);
    body.push_str("</p>\n<p>Click <a href=\"");
    push_html(&mut body, &location.service_href(desc));
    body.push_str("\">here</a> for a complete list of operations.</p>\n");
    document(
        desc,
        &format!("{} Web Service: {heading}", desc.name),
        &body,
    )
}

/// The page around `body`.
fn document(desc: &ServiceDescription<'_>, title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    push_html(&mut out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header><h1>");
    push_html(&mut out, desc.name);
    out.push_str("</h1></header>\n<main>\n");
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Percent-encodes everything but unreserved characters, for a query value.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::SoapVersion;
    use crate::server::pages::fixture::{DESCRIPTION, TYPES};
    use crate::server::pages::{MessageDescription, WsdlPart};

    #[test]
    fn pages_escape_wsdl_strings() {
        let ops = [OperationDescription {
            name: "Op<script>",
            documentation: "Does \"things\" & <b>more</b>",
            bindings: &[(SoapVersion::Soap11, "urn:a\"b")],
            input: MessageDescription {
                headers: &[],
                body: &[],
            },
            output: None,
        }];
        let desc = ServiceDescription {
            name: "Evil<img src=x>",
            documentation: "<i>doc</i>",
            addresses: &[(SoapVersion::Soap11, "http://h/<p>")],
            wsdl: &[WsdlPart::Text("")],
            operations: &ops,
            types: TYPES,
        };
        let service = service_page(&desc, &PageLocation::Described);
        let op = operation_page(&desc, &ops[0], &PageLocation::Described, 10);
        for page in [&service, &op] {
            assert!(!page.contains("<script>"), "{page}");
            assert!(!page.contains("<img"), "{page}");
            assert!(!page.contains("<i>doc"), "{page}");
            assert!(!page.contains("<b>more"), "{page}");
        }
        assert!(service.contains("<a href=\"?op=Op%3Cscript%3E\">Op&lt;script&gt;</a>"));
        assert!(service.contains("&lt;i&gt;doc&lt;/i&gt;"));
        assert!(op.contains("Does &quot;things&quot; &amp; &lt;b&gt;more&lt;/b&gt;"));
        assert!(op.contains("SOAPAction: &quot;urn:a&quot;b&quot;"));
        assert!(op.contains("POST /&lt;p&gt; HTTP/1.1"), "{op}");
        assert!(op.contains("HTTP/1.1 202 Accepted"));
    }

    #[test]
    fn operation_page_structure() {
        let op = operation_page(
            &DESCRIPTION,
            &DESCRIPTION.operations[0],
            &PageLocation::Described,
            100,
        );
        assert!(op.starts_with("<!DOCTYPE html>"));
        assert!(op.contains("<h2>ChangeBackupAccountEmail</h2>"));
        assert!(op.contains("<h3>SOAP 1.1</h3>"));
        assert!(op.contains("<h3>SOAP 1.2</h3>"));
        assert!(op.contains("&lt;UserName&gt;<span class=\"value\">string</span>&lt;/UserName&gt;"));
        assert!(op.contains("The test form is only available for requests from the local machine."));
        assert!(op.contains(
            "href=\"/WebApi/AccountManagementService/AccountManagementService.asmx\">here</a>"
        ));
        assert!(!op.contains("<script"));
        let service = service_page(&DESCRIPTION, &PageLocation::Described);
        assert!(service.contains("<a href=\"?wsdl\">Service Description</a>"));
        assert!(service
            .contains("<a href=\"?op=ChangeBackupAccountEmail\">ChangeBackupAccountEmail</a>"));
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
    }
}
