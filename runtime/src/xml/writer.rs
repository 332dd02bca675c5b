//! [`XmlWriter`]: a namespace-aware XML writer appending to a single `String`.
//!
//! It writes exactly the shape ASP.NET/`XmlSerializer` produces: namespaces are introduced with
//! a default-namespace declaration on the first element that needs them (`<Op xmlns="urn:x">`),
//! children inherit it, and empty elements are written `<Name />`.

use super::escape::{push_attr, push_text};
use super::{XML_NS, XSD_NS, XSI_NS};

/// One element whose end tag has not been written yet.
/// A stack of `(prefix, uri)` bindings kept in one string, so declaring a namespace does not
/// allocate (writing an envelope declares five or so).
#[derive(Debug, Default, Clone)]
struct Bindings {
    text: String,
    /// (start in `text`, prefix length, uri length) per binding.
    spans: Vec<(usize, usize, usize)>,
}

impl Bindings {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get(&self, i: usize) -> (&str, &str) {
        let (start, p, u) = self.spans[i];
        (
            &self.text[start..start + p],
            &self.text[start + p..start + p + u],
        )
    }

    fn push(&mut self, prefix: &str, uri: &str) {
        self.spans.push((self.text.len(), prefix.len(), uri.len()));
        self.text.push_str(prefix);
        self.text.push_str(uri);
    }

    fn truncate(&mut self, len: usize) {
        if let Some(&(start, _, _)) = self.spans.get(len) {
            self.text.truncate(start);
            self.spans.truncate(len);
        }
    }

    /// Bindings from `from` on, innermost last.
    fn iter_from(&self, from: usize) -> impl DoubleEndedIterator<Item = (&str, &str)> + '_ {
        (from..self.len()).map(move |i| self.get(i))
    }
}

#[derive(Debug, Clone, Copy)]
struct OpenElement {
    /// Start of the element's qualified name in `XmlWriter::names`.
    name_start: usize,
    /// Length of `XmlWriter::bindings` before the element's declarations.
    bindings_mark: usize,
}

/// Writes XML into one `String`, tracking open elements and namespace bindings.
///
/// The writer never fails and never panics: misuse (an attribute after content, `end()` with
/// nothing open) is ignored rather than producing malformed output where possible.
#[derive(Debug, Default, Clone)]
pub struct XmlWriter {
    buf: String,
    /// Qualified names of the open elements, concatenated.
    names: String,
    open: Vec<OpenElement>,
    /// In-scope namespace bindings `(prefix, uri)`; prefix `""` is the default namespace.
    bindings: Bindings,
    /// True while the innermost start tag is still open (attributes may follow).
    tag_open: bool,
    /// Counter for generated prefixes (`ns1`, `ns2`, …).
    next_prefix: u32,
    /// Whether every element whose value has a named schema type says it in `xsi:type` (SOAP
    /// encoding).
    annotate_types: bool,
    /// Elements with mixed content being written: (depth of the element, the texts still to
    /// write after its next children, last first).
    mixed: Vec<(usize, Vec<String>)>,
}

impl XmlWriter {
    /// Creates an empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Creates an empty writer whose buffer can hold `capacity` bytes without reallocating.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            buf: String::with_capacity(capacity),
            ..Self::default()
        }
    }

    /// Makes every element whose value has a named schema type carry `xsi:type` (what SOAP
    /// encoding's rpc/encoded peers expect); off by default.
    pub fn set_annotate_types(&mut self, on: bool) {
        self.annotate_types = on;
    }

    /// Whether elements carry `xsi:type` for every named type (see
    /// [`set_annotate_types`](Self::set_annotate_types)).
    pub fn annotates_types(&self) -> bool {
        self.annotate_types
    }

    /// Closes every element still open and returns the XML written.
    pub fn into_string(mut self) -> String {
        while !self.open.is_empty() {
            self.end();
        }
        self.buf
    }

    /// The XML written so far (an open start tag is not yet terminated).
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// Number of elements currently open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// The default namespace in scope (`""` when none).
    pub fn default_namespace(&self) -> &str {
        self.lookup("").unwrap_or("")
    }

    /// The namespace bound to `prefix` in the current scope (`""` = default namespace).
    pub fn lookup(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(XML_NS);
        }
        self.bindings
            .iter_from(0)
            .rev()
            .find(|(p, _)| *p == prefix)
            .map(|(_, uri)| uri)
    }

    /// A non-empty prefix currently bound to `ns`, if any (`xml` for the XML namespace).
    pub fn prefix_for(&self, ns: &str) -> Option<&str> {
        if ns == XML_NS {
            return Some("xml");
        }
        self.prefix_index(ns).map(|i| self.bindings.get(i).0)
    }

    /// Index in `bindings` of the innermost, unshadowed, non-empty prefix bound to `ns`.
    fn prefix_index(&self, ns: &str) -> Option<usize> {
        if ns.is_empty() {
            return None;
        }
        let mut idx = self.bindings.len();
        while idx > 0 {
            idx -= 1;
            let (prefix, uri) = self.bindings.get(idx);
            if prefix.is_empty() || uri != ns {
                continue;
            }
            let shadowed = self.bindings.iter_from(idx + 1).any(|(p, _)| p == prefix);
            if !shadowed {
                return Some(idx);
            }
        }
        None
    }

    /// Terminates an open start tag with `>`.
    fn close_start_tag(&mut self) {
        if self.tag_open {
            self.buf.push('>');
            self.tag_open = false;
        }
    }

    /// Writes `<` + name and records the element as open.
    fn open_element(&mut self, prefix: &str, local: &str) {
        self.close_start_tag();
        let name_start = self.names.len();
        self.buf.push('<');
        if !prefix.is_empty() {
            self.buf.push_str(prefix);
            self.buf.push(':');
            self.names.push_str(prefix);
            self.names.push(':');
        }
        self.buf.push_str(local);
        self.names.push_str(local);
        self.open.push(OpenElement {
            name_start,
            bindings_mark: self.bindings.len(),
        });
        self.tag_open = true;
    }

    /// Writes a namespace declaration on the open start tag and brings it into scope.
    fn push_declaration(&mut self, prefix: &str, ns: &str) {
        if prefix.is_empty() {
            self.buf.push_str(" xmlns=\"");
        } else {
            self.buf.push_str(" xmlns:");
            self.buf.push_str(prefix);
            self.buf.push_str("=\"");
        }
        push_attr(&mut self.buf, ns);
        self.buf.push('"');
        self.bindings.push(prefix, ns);
    }

    /// Opens `<local` in namespace `ns`, declaring `xmlns="ns"` when `ns` is not the default
    /// namespace in scope (`xmlns=""` when `ns` is empty and a default is in scope). The start
    /// tag stays open so attributes can follow.
    pub fn start(&mut self, ns: &str, local: &str) {
        let needs_decl = self.default_namespace() != ns;
        self.open_element("", local);
        if needs_decl {
            self.push_declaration("", ns);
        }
    }

    /// Opens `<prefix:local`, declaring `xmlns:prefix="ns"` unless that binding is in scope.
    /// An empty `prefix` behaves like [`start`](Self::start).
    pub fn start_prefixed(&mut self, prefix: &str, ns: &str, local: &str) {
        self.start_prefixed_with_declarations(prefix, ns, local, &[]);
    }

    /// Like [`start_prefixed`](Self::start_prefixed) but first declares `extra` `(prefix, ns)`
    /// bindings, in order, on the new element (used for the envelope's
    /// `xmlns:xsi`/`xmlns:xsd`/`xmlns:soap` order).
    pub fn start_prefixed_with_declarations(
        &mut self,
        prefix: &str,
        ns: &str,
        local: &str,
        extra: &[(&str, &str)],
    ) {
        if prefix.is_empty() {
            self.start(ns, local);
            for (p, uri) in extra {
                self.declare_prefix(p, uri);
            }
            return;
        }
        let needs_decl = self.lookup(prefix) != Some(ns);
        self.open_element(prefix, local);
        for (p, uri) in extra {
            self.declare_prefix(p, uri);
        }
        if needs_decl && self.lookup(prefix) != Some(ns) {
            self.push_declaration(prefix, ns);
        }
    }

    /// Adds `xmlns:prefix="ns"` (or `xmlns="ns"` for an empty prefix) on the open start tag,
    /// unless that exact binding is already in scope. Ignored when no start tag is open or for
    /// the reserved `xml`/`xmlns` prefixes.
    pub fn declare_prefix(&mut self, prefix: &str, ns: &str) {
        if !self.tag_open || prefix == "xml" || prefix == "xmlns" {
            return;
        }
        let current = self.lookup(prefix);
        let in_scope = if prefix.is_empty() {
            current.unwrap_or("") == ns
        } else {
            current == Some(ns)
        };
        // A prefix already declared on this very element cannot be declared again.
        let mark = self.open.last().map_or(0, |e| e.bindings_mark);
        let on_this_element = self
            .bindings
            .iter_from(mark.min(self.bindings.len()))
            .any(|(p, _)| p == prefix);
        if in_scope || on_this_element {
            return;
        }
        self.push_declaration(prefix, ns);
    }

    /// Picks a prefix for `ns` that is unbound in the current scope and declares it on the open
    /// start tag. Returns the index of the new binding.
    fn declare_generated(&mut self, ns: &str) -> usize {
        let preferred = match ns {
            XSI_NS => Some("xsi"),
            XSD_NS => Some("xsd"),
            _ => None,
        };
        let prefix = match preferred {
            Some(p) if self.lookup(p).is_none() => p.to_owned(),
            _ => loop {
                self.next_prefix += 1;
                let candidate = format!("ns{}", self.next_prefix);
                if self.lookup(&candidate).is_none() {
                    break candidate;
                }
            },
        };
        self.push_declaration(&prefix, ns);
        self.bindings.len() - 1
    }

    /// Writes an attribute on the open start tag (ignored if content was already written).
    ///
    /// `ns` `""` is an unqualified attribute. A namespaced attribute uses a prefix bound to `ns`
    /// in scope or declares one on this element (`xsi` for the XSI namespace, `xml` for the XML
    /// namespace, which is never declared, else `ns1`, `ns2`, …). The value is escaped
    /// (`& < > "` and `\t \n \r` as character references).
    pub fn attr(&mut self, ns: &str, local: &str, value: &str) {
        if !self.tag_open {
            return;
        }
        self.buf.push(' ');
        if ns == XML_NS {
            self.buf.push_str("xml:");
        } else if !ns.is_empty() {
            let idx = match self.prefix_index(ns) {
                Some(idx) => idx,
                None => {
                    // The declaration goes before the attribute itself.
                    self.buf.pop();
                    let idx = self.declare_generated(ns);
                    self.buf.push(' ');
                    idx
                }
            };
            let prefix = self.bindings.get(idx).0;
            self.buf.push_str(prefix);
            self.buf.push(':');
        }
        self.buf.push_str(local);
        self.buf.push_str("=\"");
        push_attr(&mut self.buf, value);
        self.buf.push('"');
    }

    /// Closes an open start tag and writes escaped character data (`&`, `<`, `>`; `\r` as
    /// `&#xD;`). Writing an empty string leaves an open start tag open, so the element can
    /// still be written `<Name />`.
    pub fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.close_start_tag();
        push_text(&mut self.buf, s);
    }

    /// Closes an open start tag and writes `xml` unchanged. The caller guarantees it is
    /// well-formed content.
    pub fn raw(&mut self, xml: &str) {
        if xml.is_empty() {
            return;
        }
        self.close_start_tag();
        self.buf.push_str(xml);
        // Verbatim XML in mixed content is a child like any other.
        self.after_child();
    }

    /// Starts the mixed content of the open element: writes `texts[0]` now, and `texts[i]`
    /// after its i-th child (element or verbatim XML); texts left over are written before its
    /// end tag. Elements without mixed content never call this.
    pub fn mixed_text(&mut self, texts: &[String]) {
        let mut texts = texts.iter();
        if let Some(first) = texts.next() {
            self.text(first);
        }
        let queue: Vec<String> = texts.rev().cloned().collect();
        self.mixed.push((self.open.len(), queue));
    }

    /// After a child of an element with mixed content: the text that follows it.
    fn after_child(&mut self) {
        let depth = self.open.len();
        let next = match self.mixed.last_mut() {
            Some((d, queue)) if *d == depth => queue.pop(),
            _ => None,
        };
        if let Some(text) = next {
            self.text(&text);
        }
    }

    /// Ends the innermost open element: ` />` when nothing was written after its start tag,
    /// else `</name>`. A no-op when no element is open.
    pub fn end(&mut self) {
        if matches!(self.mixed.last(), Some((d, _)) if *d == self.open.len()) {
            if let Some((_, mut rest)) = self.mixed.pop() {
                while let Some(text) = rest.pop() {
                    self.text(&text);
                }
            }
        }
        let Some(element) = self.open.pop() else {
            return;
        };
        if self.tag_open {
            self.buf.push_str(" />");
            self.tag_open = false;
        } else {
            self.buf.push_str("</");
            self.buf
                .push_str(self.names.get(element.name_start..).unwrap_or_default());
            self.buf.push('>');
        }
        self.names.truncate(element.name_start);
        self.bindings.truncate(element.bindings_mark);
        self.after_child();
    }

    /// The lexical form of the QName `{ns}local` in the current scope: `local` when `ns` is the
    /// default namespace, `prefix:local` when a prefix is bound to `ns`; otherwise a prefix is
    /// declared on the open start tag (callers write QName values while the tag is open).
    ///
    /// If no start tag is open and `ns` is not in scope, or `ns` is empty while a default
    /// namespace is in scope, the QName cannot be expressed and `local` is returned.
    pub fn qname_text(&mut self, ns: &str, local: &str) -> String {
        if self.default_namespace() == ns {
            return local.to_owned();
        }
        if ns == XML_NS {
            return format!("xml:{local}");
        }
        let idx = match self.prefix_index(ns) {
            Some(idx) => idx,
            None if ns.is_empty() || !self.tag_open => return local.to_owned(),
            None => self.declare_generated(ns),
        };
        let prefix = self.bindings.get(idx).0;
        let mut out = String::with_capacity(prefix.len() + 1 + local.len());
        out.push_str(prefix);
        out.push(':');
        out.push_str(local);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_namespace_is_inherited() {
        let mut w = XmlWriter::new();
        w.start("sosonlinebackup.com", "ChangeBackupAccountEmail");
        w.start("sosonlinebackup.com", "request");
        w.start("sosonlinebackup.com", "Username");
        w.text("bob");
        w.end();
        w.start("sosonlinebackup.com", "Result");
        w.end();
        w.end();
        w.end();
        assert_eq!(
            w.into_string(),
            "<ChangeBackupAccountEmail xmlns=\"sosonlinebackup.com\"><request><Username>bob</Username><Result /></request></ChangeBackupAccountEmail>"
        );
    }

    #[test]
    fn undeclares_default() {
        let mut w = XmlWriter::new();
        w.start("urn:a", "a");
        w.start("", "b");
        w.start("", "c");
        w.end();
        w.end();
        w.start("urn:a", "d");
        w.end();
        w.end();
        assert_eq!(
            w.as_str(),
            "<a xmlns=\"urn:a\"><b xmlns=\"\"><c /></b><d /></a>"
        );
    }

    #[test]
    fn prefixed_and_attributes() {
        let mut w = XmlWriter::new();
        w.start_prefixed("soap", "urn:env", "Envelope");
        w.start_prefixed("soap", "urn:env", "Body");
        w.start("urn:x", "v");
        w.attr(XSI_NS, "nil", "true");
        w.attr("", "plain", "a\"b\tc");
        w.attr("urn:other", "o", "1");
        w.attr("urn:other", "p", "2");
        w.attr(XML_NS, "lang", "en");
        w.end();
        w.end();
        w.end();
        assert_eq!(
            w.as_str(),
            "<soap:Envelope xmlns:soap=\"urn:env\"><soap:Body><v xmlns=\"urn:x\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\" plain=\"a&quot;b&#x9;c\" xmlns:ns1=\"urn:other\" ns1:o=\"1\" ns1:p=\"2\" xml:lang=\"en\" /></soap:Body></soap:Envelope>"
        );
    }

    #[test]
    fn qname_text_declares_when_needed() {
        let mut w = XmlWriter::new();
        w.start_prefixed("soap", "urn:env", "Fault");
        w.start("", "faultcode");
        let q = w.qname_text("urn:env", "Client");
        assert_eq!(q, "soap:Client");
        w.text(&q);
        w.end();
        w.start("", "x");
        let q = w.qname_text("urn:custom", "Code");
        assert_eq!(q, "ns1:Code");
        w.text(&q);
        w.end();
        w.start("", "y");
        assert_eq!(w.qname_text("", "plain"), "plain");
        assert_eq!(w.qname_text(XSD_NS, "int"), "xsd:int");
        w.end();
        w.end();
        assert_eq!(
            w.as_str(),
            "<soap:Fault xmlns:soap=\"urn:env\"><faultcode>soap:Client</faultcode><x xmlns:ns1=\"urn:custom\">ns1:Code</x><y xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" /></soap:Fault>"
        );
    }

    #[test]
    fn misuse_never_panics() {
        let mut w = XmlWriter::new();
        w.end();
        w.attr("", "a", "b");
        w.start("", "a");
        w.text("x");
        w.attr("", "late", "ignored");
        w.end();
        w.end();
        assert_eq!(w.as_str(), "<a>x</a>");
        let mut w = XmlWriter::with_capacity(16);
        w.start("urn:a", "a");
        w.start("urn:b", "b");
        assert_eq!(
            w.into_string(),
            "<a xmlns=\"urn:a\"><b xmlns=\"urn:b\" /></a>"
        );
    }

    #[test]
    fn declare_prefix_only_once() {
        let mut w = XmlWriter::new();
        w.start("", "a");
        w.declare_prefix("p", "urn:p");
        w.declare_prefix("p", "urn:p");
        w.start("", "b");
        w.declare_prefix("p", "urn:p");
        w.declare_prefix("xml", "urn:nope");
        w.end();
        w.end();
        assert_eq!(w.as_str(), "<a xmlns:p=\"urn:p\"><b /></a>");
    }

    #[test]
    fn text_and_raw() {
        let mut w = XmlWriter::new();
        w.start("", "a");
        w.text("");
        w.end();
        w.start("", "b");
        w.text("1 < 2 & 3 > 2\r\n");
        w.raw("<c/>");
        w.end();
        assert_eq!(w.as_str(), "<a /><b>1 &lt; 2 &amp; 3 &gt; 2&#xD;\n<c/></b>");
    }

    #[test]
    fn mixed_text_goes_between_children_verbatim_ones_included() {
        let mut w = XmlWriter::new();
        w.start("", "p");
        w.mixed_text(&["a".into(), "b".into(), "c".into(), "d".into()]);
        w.start("", "i");
        // A mixed element inside a mixed element keeps its own texts.
        w.mixed_text(&["x".into(), "y".into()]);
        w.start("", "u");
        w.end();
        w.end();
        w.raw("<raw/>");
        w.end();
        assert_eq!(w.as_str(), "<p>a<i>x<u />y</i>b<raw/>cd</p>");
    }
}
