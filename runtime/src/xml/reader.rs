//! [`XmlReader`]: a namespace-aware pull reader over a borrowed `&str`, hardened for untrusted
//! input (no DTDs, no external or custom entities, resource [`Limits`]).
//!
//! Tokenising is done by `quick_xml`; namespace resolution, attribute parsing and limits are
//! done here so that every [`Start`] borrows from the input (not from the reader) and so that a
//! reader can start from inherited bindings ([`XmlReader::fragment`]).
//!
//! Namespace bindings live on one stack of `(prefix, uri)` pairs, with a mark per open element.
//! When an element ends, its bindings are popped lazily, at the next read: right after
//! [`XmlReader::read_text`] returned, [`XmlReader::resolve_qname`] still sees the declarations of
//! the element whose text was read (needed for QName-valued elements).

use std::borrow::Cow;
use std::sync::Arc;

use quick_xml::events::Event;

use super::escape::push_attr;
use super::limits::Limits;
use super::names::split_qname;
use super::raw::RawXml;
use super::{XMLNS_NS, XML_NS, XSI_NS};
use crate::error::DecodeError;

/// A namespace URI or prefix: borrowed from the input, or shared (inherited bindings of a
/// fragment, or a declaration that needed unescaping) so cloning never allocates.
#[derive(Debug, Clone)]
enum Name<'a> {
    Borrowed(&'a str),
    Shared(Arc<str>),
}

impl<'a> Name<'a> {
    fn from_cow(c: Cow<'a, str>) -> Self {
        match c {
            Cow::Borrowed(s) => Name::Borrowed(s),
            Cow::Owned(s) => Name::Shared(Arc::from(s)),
        }
    }
}

impl std::ops::Deref for Name<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Name::Borrowed(s) => s,
            Name::Shared(s) => s,
        }
    }
}

impl PartialEq<str> for Name<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Name<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<String> for Name<'_> {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// Byte equality for short strings (namespace prefixes) without a library call.
#[inline]
fn same_short(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A resolved, non-namespace-declaration attribute of a start tag.
#[derive(Debug, Clone)]
struct Attr<'a> {
    ns: Name<'a>,
    local: &'a str,
    /// The value as written (still escaped, not normalised).
    raw_value: &'a str,
}

/// The start tag of an element, borrowed from the input.
///
/// It does not borrow the reader, so the reader can keep going while a `Start` is held, and it
/// is cheap to clone (attributes, when present, are shared).
#[derive(Debug, Clone)]
pub struct Start<'a> {
    ns: Name<'a>,
    local: &'a str,
    qname: &'a str,
    empty: bool,
    id: u64,
    /// Byte offset of `<` in the reader's input.
    offset: usize,
    /// Byte offset just past the element name.
    name_end: usize,
    /// Byte offset just past the start tag's `>`.
    tag_end: usize,
    attrs: Option<Arc<[Attr<'a>]>>,
}

impl<'a> Start<'a> {
    /// The element's namespace URI (`""` when it has none).
    pub fn ns(&self) -> &str {
        &self.ns
    }

    /// The element's local name.
    pub fn local(&self) -> &str {
        self.local
    }

    /// The qualified name exactly as written (`prefix:local` or `local`).
    pub fn qualified_name(&self) -> &'a str {
        self.qname
    }

    /// True for an empty-element tag (`<x/>`): it has no content.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// True if this element is `{ns}local`.
    pub fn is(&self, ns: &str, local: &str) -> bool {
        self.local == local && self.ns == ns
    }

    /// Byte offset of the start tag's `<` in the reader's input.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }
}

/// An element whose end has not been consumed.
#[derive(Debug, Clone, Copy)]
struct Open {
    id: u64,
    /// Number of bindings before this element's declarations.
    mark: usize,
    /// Number of bindings after this element's declarations.
    own: usize,
    /// An empty-element tag: its end is synthesised by the next read.
    empty: bool,
}

/// What the reader produces internally.
enum Ev<'a> {
    Start(Start<'a>),
    End,
    /// Character data as written (escaped, not normalised).
    Text(&'a str),
    /// CDATA content (literal).
    CData(&'a str),
}

/// A namespace-aware XML pull reader borrowing its input. See the [module docs](self).
pub struct XmlReader<'a> {
    input: &'a str,
    parser: quick_xml::Reader<&'a [u8]>,
    limits: Limits,
    bindings: Vec<(Name<'a>, Name<'a>)>,
    open: Vec<Open>,
    /// Bindings length to truncate to before the next read (lazy pop).
    pending_truncate: Option<usize>,
    /// Scratch list of `(qualified name, raw value)` for the start tag being parsed.
    scratch: Vec<(&'a str, &'a str)>,
    elements: usize,
    next_id: u64,
    root_seen: bool,
    root_done: bool,
    /// Byte offset just past the last event consumed.
    offset: usize,
    /// Byte offset of the start of the last event consumed.
    last_event_start: usize,
}

impl std::fmt::Debug for XmlReader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XmlReader")
            .field("offset", &self.offset)
            .field("depth", &self.open.len())
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

fn is_xml_whitespace(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

fn is_ws_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a> XmlReader<'a> {
    /// Creates a reader over a complete document with default [`Limits`].
    pub fn new(xml: &'a str) -> Self {
        Self::with_limits(xml, Limits::default())
    }

    /// Creates a reader over a complete document with the given limits. A leading byte-order
    /// mark is ignored.
    pub fn with_limits(xml: &'a str, limits: Limits) -> Self {
        let input = xml.strip_prefix('\u{FEFF}').unwrap_or(xml);
        let mut parser = quick_xml::Reader::from_str(input);
        let config = parser.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        config.check_comments = true;
        config.allow_unmatched_ends = false;
        Self {
            input,
            parser,
            limits,
            bindings: Vec::new(),
            open: Vec::new(),
            pending_truncate: None,
            scratch: Vec::new(),
            elements: 0,
            next_id: 0,
            root_seen: false,
            root_done: false,
            offset: 0,
            last_event_start: 0,
        }
    }

    /// Creates a reader over a fragment (one element) that starts with the `(prefix, uri)`
    /// bindings `inherited` in scope (prefix `""` is the default namespace). Used to decode a
    /// header or body element located inside a larger envelope.
    pub fn fragment(xml: &'a str, inherited: &'a [(String, String)], limits: Limits) -> Self {
        let mut reader = Self::with_limits(xml, limits);
        // Borrowed, not copied: a message decodes each header and body entry through a fragment.
        reader.bindings.extend(
            inherited
                .iter()
                .map(|(p, u)| (Name::Borrowed(p.as_str()), Name::Borrowed(u.as_str()))),
        );
        reader
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Byte offset, in the reader's input, just past the last event consumed.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    fn xml_error(&self, position: usize, message: impl Into<String>) -> DecodeError {
        DecodeError::Xml {
            position: position as u64,
            message: message.into(),
        }
    }

    fn limit(what: &'static str, limit: usize) -> DecodeError {
        DecodeError::LimitExceeded { what, limit }
    }

    fn slice(&self, from: usize, to: usize) -> Result<&'a str, DecodeError> {
        self.input
            .get(from..to)
            .ok_or_else(|| self.xml_error(from, "internal error: invalid token boundaries"))
    }

    fn apply_pending(&mut self) {
        if let Some(len) = self.pending_truncate.take() {
            self.bindings.truncate(len);
        }
    }

    /// Pops the innermost open element; its bindings are dropped at the next read.
    fn close_top(&mut self) {
        if let Some(top) = self.open.pop() {
            self.pending_truncate = Some(top.mark);
            if self.open.is_empty() {
                self.root_done = true;
            }
        }
    }

    fn is_open(&self, id: u64) -> bool {
        self.open.iter().rev().any(|o| o.id == id)
    }

    /// Reads the next significant event. Comments, processing instructions and the XML
    /// declaration are handled here; the end of input is an error while elements are open.
    /// The next quick-xml event with the offset of its start; records where it starts
    /// and ends (`last_event_start`, `offset`).
    fn raw_event(&mut self) -> Result<(usize, Event<'a>), DecodeError> {
        let before = usize::try_from(self.parser.buffer_position()).unwrap_or(usize::MAX);
        let event = match self.parser.read_event() {
            Ok(event) => event,
            Err(err) => {
                let pos = usize::try_from(self.parser.error_position()).unwrap_or(before);
                return Err(self.xml_error(pos, err.to_string()));
            }
        };
        self.last_event_start = before;
        self.offset = usize::try_from(self.parser.buffer_position()).unwrap_or(usize::MAX);
        Ok((before, event))
    }

    fn next_event(&mut self) -> Result<Option<Ev<'a>>, DecodeError> {
        self.apply_pending();
        if self.open.last().is_some_and(|o| o.empty) {
            self.close_top();
            return Ok(Some(Ev::End));
        }
        loop {
            let (before, event) = self.raw_event()?;
            let after = self.offset;
            match event {
                Event::DocType(_) => return Err(DecodeError::Doctype),
                Event::Start(_) | Event::Empty(_) => {
                    let empty = matches!(event, Event::Empty(_));
                    let start = self.open_element(before, after, empty)?;
                    return Ok(Some(Ev::Start(start)));
                }
                Event::End(_) => {
                    if self.open.is_empty() {
                        return Err(self.xml_error(before, "end tag without a start tag"));
                    }
                    self.close_top();
                    return Ok(Some(Ev::End));
                }
                Event::Text(_) => {
                    let text = self.slice(before, after)?;
                    if text.len() > self.limits.max_text_len {
                        return Err(Self::limit("text length", self.limits.max_text_len));
                    }
                    if self.open.is_empty() {
                        if !is_xml_whitespace(text) {
                            return Err(self.xml_error(before, "text outside the document element"));
                        }
                        continue;
                    }
                    return Ok(Some(Ev::Text(text)));
                }
                Event::CData(cdata) => {
                    if self.open.is_empty() {
                        return Err(self.xml_error(before, "CDATA outside the document element"));
                    }
                    let content = match cdata.into_inner() {
                        Cow::Borrowed(bytes) => {
                            std::str::from_utf8(bytes).map_err(|_| DecodeError::InvalidUtf8)?
                        }
                        Cow::Owned(_) => {
                            // A slice reader always borrows; extract from the input instead.
                            let raw = self.slice(before, after)?;
                            raw.strip_prefix("<![CDATA[")
                                .and_then(|r| r.strip_suffix("]]>"))
                                .ok_or_else(|| self.xml_error(before, "malformed CDATA section"))?
                        }
                    };
                    if content.len() > self.limits.max_text_len {
                        return Err(Self::limit("text length", self.limits.max_text_len));
                    }
                    return Ok(Some(Ev::CData(content)));
                }
                Event::Decl(decl) => {
                    if let Some(encoding) = decl.encoding() {
                        let encoding =
                            encoding.map_err(|e| self.xml_error(before, e.to_string()))?;
                        let encoding = String::from_utf8_lossy(&encoding).into_owned();
                        if !encoding.eq_ignore_ascii_case("utf-8") {
                            return Err(DecodeError::UnsupportedEncoding(encoding));
                        }
                    }
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => {
                    if !self.open.is_empty() {
                        return Err(
                            self.xml_error(after, "unexpected end of input: unclosed element")
                        );
                    }
                    return Ok(None);
                }
            }
        }
    }

    /// Parses a start tag spanning `input[before..after]` and pushes it on the open stack.
    fn open_element(
        &mut self,
        before: usize,
        after: usize,
        empty: bool,
    ) -> Result<Start<'a>, DecodeError> {
        if self.open.is_empty() && self.root_done {
            return Err(self.xml_error(before, "more than one document element"));
        }
        if self.open.len() >= self.limits.max_depth {
            return Err(Self::limit("element depth", self.limits.max_depth));
        }
        if self.elements >= self.limits.max_elements {
            return Err(Self::limit("element count", self.limits.max_elements));
        }
        self.elements += 1;
        self.root_seen = true;

        let tag = self.slice(before, after)?;
        let inner = tag
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .ok_or_else(|| self.xml_error(before, "malformed start tag"))?;
        let inner = if empty {
            inner.strip_suffix('/').unwrap_or(inner)
        } else {
            inner
        };
        let name_len = inner.bytes().position(is_ws_byte).unwrap_or(inner.len());
        let qname = inner.get(..name_len).unwrap_or_default();
        if qname.is_empty() {
            return Err(self.xml_error(before, "missing element name"));
        }
        if qname.len() > self.limits.max_name_len {
            return Err(Self::limit("name length", self.limits.max_name_len));
        }
        let name_end = before + 1 + name_len;
        let attr_text = inner.get(name_len..).unwrap_or_default();

        // Tokenise attributes into `scratch`, handling namespace declarations first.
        let mark = self.bindings.len();
        self.scratch.clear();
        self.tokenize_attributes(attr_text, before)?;
        let mut scratch = std::mem::take(&mut self.scratch);
        let result = self.bind_and_resolve(&scratch, qname, before);
        scratch.clear();
        self.scratch = scratch;
        let (ns, local, attrs) = match result {
            Ok(r) => r,
            Err(e) => {
                self.bindings.truncate(mark);
                return Err(e);
            }
        };
        let id = self.next_id;
        self.next_id += 1;
        self.open.push(Open {
            id,
            mark,
            own: self.bindings.len(),
            empty,
        });
        Ok(Start {
            ns,
            local,
            qname,
            empty,
            id,
            offset: before,
            name_end,
            tag_end: after,
            attrs,
        })
    }

    /// Splits `text` (the part of a start tag after the name) into `(name, raw value)` pairs.
    fn tokenize_attributes(&mut self, text: &'a str, at: usize) -> Result<(), DecodeError> {
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            while bytes.get(i).copied().is_some_and(is_ws_byte) {
                i += 1;
            }
            if i >= bytes.len() {
                return Ok(());
            }
            let name_start = i;
            while bytes.get(i).is_some_and(|&b| b != b'=' && !is_ws_byte(b)) {
                i += 1;
            }
            let name = text.get(name_start..i).unwrap_or_default();
            if name.len() > self.limits.max_name_len {
                return Err(Self::limit("name length", self.limits.max_name_len));
            }
            while bytes.get(i).copied().is_some_and(is_ws_byte) {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                return Err(self.xml_error(at, format!("attribute `{name}` has no value")));
            }
            i += 1;
            while bytes.get(i).copied().is_some_and(is_ws_byte) {
                i += 1;
            }
            let quote = match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => {
                    return Err(
                        self.xml_error(at, format!("attribute `{name}` value is not quoted"))
                    )
                }
            };
            i += 1;
            let value_start = i;
            while bytes.get(i).is_some_and(|&b| b != quote) {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(self.xml_error(at, format!("attribute `{name}` value is not closed")));
            }
            let value = text.get(value_start..i).unwrap_or_default();
            i += 1;
            if bytes.get(i).is_some_and(|&b| !is_ws_byte(b)) {
                return Err(self.xml_error(at, "attributes must be separated by whitespace"));
            }
            if name.is_empty() || name.starts_with(':') || name.ends_with(':') {
                return Err(self.xml_error(at, "malformed attribute name"));
            }
            if value.contains('<') {
                return Err(self.xml_error(at, format!("`<` in the value of attribute `{name}`")));
            }
            if value.len() > self.limits.max_text_len {
                return Err(Self::limit(
                    "attribute value length",
                    self.limits.max_text_len,
                ));
            }
            if self.scratch.len() >= self.limits.max_attributes {
                return Err(Self::limit(
                    "attributes per element",
                    self.limits.max_attributes,
                ));
            }
            if self.scratch.iter().any(|(n, _)| *n == name) {
                return Err(self.xml_error(at, format!("duplicate attribute `{name}`")));
            }
            self.scratch.push((name, value));
        }
    }

    /// Pushes the namespace declarations among `attrs`, then resolves the element and
    /// attribute names.
    #[allow(clippy::type_complexity)]
    fn bind_and_resolve(
        &mut self,
        attrs: &[(&'a str, &'a str)],
        qname: &'a str,
        at: usize,
    ) -> Result<(Name<'a>, &'a str, Option<Arc<[Attr<'a>]>>), DecodeError> {
        let mut regular = 0;
        for &(name, raw) in attrs {
            let prefix = if name == "xmlns" {
                ""
            } else if let Some(p) = name.strip_prefix("xmlns:") {
                p
            } else {
                regular += 1;
                continue;
            };
            let uri = decode_attr_value(raw).map_err(|m| self.xml_error(at, m))?;
            if prefix == "xmlns" || (prefix == "xml") != (uri == XML_NS) || uri == XMLNS_NS {
                return Err(self.xml_error(at, format!("illegal namespace declaration `{name}`")));
            }
            if !prefix.is_empty() && uri.is_empty() {
                return Err(self.xml_error(at, format!("prefix `{prefix}` cannot be undeclared")));
            }
            if prefix.contains(':') {
                return Err(self.xml_error(at, format!("malformed attribute name `{name}`")));
            }
            if self.bindings.len() >= self.limits.max_namespace_bindings {
                return Err(Self::limit(
                    "namespace declarations in scope",
                    self.limits.max_namespace_bindings,
                ));
            }
            self.bindings
                .push((Name::Borrowed(prefix), Name::from_cow(uri)));
        }

        let (prefix, local) = split_qname(qname);
        if local.is_empty() || local.contains(':') || qname.starts_with(':') {
            return Err(self.xml_error(at, format!("malformed element name `{qname}`")));
        }
        let ns = self
            .resolve_cow(prefix)
            .ok_or_else(|| self.xml_error(at, format!("undeclared namespace prefix `{prefix}`")))?;

        if regular == 0 {
            return Ok((ns, local, None));
        }
        let mut resolved: Vec<Attr<'a>> = Vec::with_capacity(regular);
        for &(name, raw) in attrs {
            if name == "xmlns" || name.starts_with("xmlns:") {
                continue;
            }
            let (aprefix, alocal) = split_qname(name);
            if alocal.contains(':') {
                return Err(self.xml_error(at, format!("malformed attribute name `{name}`")));
            }
            let ans = if aprefix.is_empty() {
                Name::Borrowed("")
            } else {
                self.resolve_cow(aprefix).ok_or_else(|| {
                    self.xml_error(at, format!("undeclared namespace prefix `{aprefix}`"))
                })?
            };
            if resolved.iter().any(|a| a.local == alocal && a.ns == ans) {
                return Err(self.xml_error(at, format!("duplicate attribute `{name}`")));
            }
            resolved.push(Attr {
                ns: ans,
                local: alocal,
                raw_value: raw,
            });
        }
        Ok((ns, local, Some(Arc::from(resolved))))
    }

    /// Resolves a prefix against the binding stack; `""` without a default is `""`.
    fn resolve_cow(&self, prefix: &str) -> Option<Name<'a>> {
        if prefix == "xml" {
            return Some(Name::Borrowed(XML_NS));
        }
        // Every element name is resolved here, so the search avoids a libc `memcmp` call per
        // binding (prefixes are a few bytes; the call dominated decoding, about a quarter of it).
        let found = self
            .bindings
            .iter()
            .rev()
            .find(|(p, _)| same_short(p.as_bytes(), prefix.as_bytes()));
        match found {
            Some((_, uri)) if prefix.is_empty() || !uri.is_empty() => Some(uri.clone()),
            Some(_) => None,
            None if prefix.is_empty() => Some(Name::Borrowed("")),
            None => None,
        }
    }

    /// Returns the document element, skipping the XML declaration, comments, processing
    /// instructions and whitespace.
    pub fn root(&mut self) -> Result<Start<'a>, DecodeError> {
        if self.root_seen {
            return Err(DecodeError::Custom(
                "the document element has already been read".into(),
            ));
        }
        match self.next_event()? {
            Some(Ev::Start(start)) => Ok(start),
            Some(_) => Err(self.xml_error(self.offset, "expected the document element")),
            None => Err(self.xml_error(self.offset, "no document element")),
        }
    }

    /// Consumes the rest of the document, checking that it is well-formed and that only
    /// comments, processing instructions and whitespace follow the document element.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        while self.next_event()?.is_some() {}
        Ok(())
    }

    /// Consumes open elements nested inside `id` (children the caller did not consume).
    fn unwind_to(&mut self, id: u64) -> Result<(), DecodeError> {
        while self.open.last().is_some_and(|o| o.id != id) {
            let depth = self.open.len();
            while self.open.len() >= depth {
                if self.next_event()?.is_none() {
                    return Err(self.xml_error(self.offset, "unexpected end of input"));
                }
            }
        }
        Ok(())
    }

    /// Returns the next child element of `parent`, or `None` once `parent`'s end tag has been
    /// consumed (immediately `None` for an empty element).
    ///
    /// Whitespace, comments and processing instructions between children are skipped, and so
    /// is non-whitespace text: mixed content is not supported by this method (use
    /// [`read_inner_raw`](Self::read_inner_raw) to keep it). A child returned earlier and not
    /// consumed by the caller is skipped.
    pub fn next_child(&mut self, parent: &Start<'a>) -> Result<Option<Start<'a>>, DecodeError> {
        if !self.is_open(parent.id) {
            return Ok(None);
        }
        self.unwind_to(parent.id)?;
        loop {
            match self.next_event()? {
                Some(Ev::Start(start)) => return Ok(Some(start)),
                Some(Ev::End) | None => return Ok(None),
                Some(Ev::Text(_) | Ev::CData(_)) => {}
            }
        }
    }

    /// Like [`next_child`](Self::next_child) for an element with mixed content: the text before
    /// the child is appended to the last of `texts` (entities unescaped, CDATA included,
    /// whitespace kept), and a new empty text is pushed for what follows the child. Start with
    /// `vec![String::new()]`: after `n` children, `texts[0]` is what precedes the first and
    /// `texts[i]` what follows the i-th.
    pub fn next_child_mixed(
        &mut self,
        parent: &Start<'a>,
        texts: &mut Vec<String>,
    ) -> Result<Option<Start<'a>>, DecodeError> {
        if texts.is_empty() {
            texts.push(String::new());
        }
        if !self.is_open(parent.id) {
            return Ok(None);
        }
        self.unwind_to(parent.id)?;
        loop {
            let piece = match self.next_event()? {
                Some(Ev::Start(start)) => {
                    texts.push(String::new());
                    return Ok(Some(start));
                }
                Some(Ev::End) | None => return Ok(None),
                Some(Ev::Text(raw)) => {
                    decode_text(raw).map_err(|m| self.xml_error(self.last_event_start, m))?
                }
                Some(Ev::CData(raw)) => normalize_eol(raw),
            };
            if let Some(last) = texts.last_mut() {
                last.push_str(&piece);
                if last.len() > self.limits.max_text_len {
                    return Err(Self::limit("text length", self.limits.max_text_len));
                }
            }
        }
    }

    /// Reads the text content of `start` up to its end tag: entities and character references
    /// are unescaped, line ends normalised, CDATA sections included, comments ignored. A child
    /// element is [`DecodeError::UnexpectedElement`]. Must be called before any child of
    /// `start` is read; an element already consumed yields `""`.
    pub fn read_text(&mut self, start: &Start<'a>) -> Result<Cow<'a, str>, DecodeError> {
        if !self.is_open(start.id) {
            return Ok(Cow::Borrowed(""));
        }
        self.unwind_to(start.id)?;
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            let piece: Cow<'a, str> = match self.next_event()? {
                Some(Ev::Text(raw)) => {
                    decode_text(raw).map_err(|m| self.xml_error(self.last_event_start, m))?
                }
                Some(Ev::CData(raw)) => normalize_eol(raw),
                Some(Ev::Start(child)) => {
                    return Err(DecodeError::UnexpectedElement {
                        parent: start.local.to_owned(),
                        found: child.local.to_owned(),
                    })
                }
                Some(Ev::End) | None => return Ok(text),
            };
            if text.is_empty() {
                text = piece;
            } else {
                text.to_mut().push_str(&piece);
            }
            if text.len() > self.limits.max_text_len {
                return Err(Self::limit("text length", self.limits.max_text_len));
            }
        }
    }

    /// Consumes the whole subtree of `start` (a no-op if it was already consumed).
    pub fn skip(&mut self, start: &Start<'a>) -> Result<(), DecodeError> {
        while self.is_open(start.id) {
            if self.next_event()?.is_none() {
                return Err(self.xml_error(self.offset, "unexpected end of input"));
            }
        }
        Ok(())
    }

    /// Skips the subtree of `start` checking its structure only: tags nest and end tags match
    /// (quick-xml's own check), no DOCTYPE, and the depth, element-count and text-length limits
    /// hold. Names are not resolved and attributes not parsed, so this costs about what bare
    /// tokenisation does; a reader that later decodes the same range checks the rest.
    /// [`Message::parse`](crate::Message::parse) uses it for the body entry, which the decode
    /// of the operation reads in full anyway.
    pub fn skip_structure(&mut self, start: &Start<'a>) -> Result<(), DecodeError> {
        self.apply_pending();
        if self.open.last().map(|o| o.id) != Some(start.id) {
            return self.skip(start);
        }
        if start.empty {
            self.close_top();
            return Ok(());
        }
        let mut depth = 1usize;
        loop {
            let (_, event) = self.raw_event()?;
            match event {
                Event::Start(_) | Event::Empty(_) => {
                    if self.elements >= self.limits.max_elements {
                        return Err(Self::limit("element count", self.limits.max_elements));
                    }
                    self.elements += 1;
                    if matches!(event, Event::Start(_)) {
                        depth += 1;
                        if self.open.len() + depth > self.limits.max_depth {
                            return Err(Self::limit("element depth", self.limits.max_depth));
                        }
                    }
                }
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        self.close_top();
                        return Ok(());
                    }
                }
                Event::Text(t) if t.len() > self.limits.max_text_len => {
                    return Err(Self::limit("text length", self.limits.max_text_len));
                }
                Event::CData(t) if t.len() > self.limits.max_text_len => {
                    return Err(Self::limit("text length", self.limits.max_text_len));
                }
                Event::DocType(_) => return Err(DecodeError::Doctype),
                Event::Eof => {
                    return Err(
                        self.xml_error(self.offset, "unexpected end of input: unclosed element")
                    )
                }
                _ => {}
            }
        }
    }

    /// Effective `(prefix, uri)` bindings among the first `upto` bindings, innermost wins;
    /// undeclared defaults are reported as `("", "")`.
    fn effective_bindings(&self, upto: usize) -> Vec<(String, String)> {
        let scope = self.bindings.get(..upto).unwrap_or(&self.bindings);
        let mut out: Vec<(String, String)> = Vec::new();
        for (prefix, uri) in scope.iter().rev() {
            if !out.iter().any(|(p, _)| p.as_str() == &**prefix) {
                out.push((prefix.to_string(), uri.to_string()));
            }
        }
        out.reverse();
        out
    }

    fn open_entry(&self, id: u64) -> Option<Open> {
        self.open.iter().rev().find(|o| o.id == id).copied()
    }

    /// Appends the declarations from `inherited` that the element does not declare itself and
    /// that `subtree` (text around and including the element) may use, so the element parses
    /// on its own without carrying every binding of the envelope around it. `element` is the
    /// element's own text, which decides whether an empty default namespace must be kept.
    fn push_declarations(
        out: &mut String,
        inherited: &[(String, String)],
        own: &[(Name<'a>, Name<'a>)],
        element_prefix: &str,
        subtree: &str,
        element: &str,
    ) {
        for (prefix, uri) in inherited {
            if own.iter().any(|(p, _)| p == prefix) {
                continue;
            }
            if prefix.is_empty() {
                // An element keeps the (possibly empty) default its unprefixed names rely on
                // explicitly, so they do not pick up the default of the document the copy is
                // pasted into; a prefixed element whose subtree has no unprefixed element
                // needs no empty default.
                if uri.is_empty() && !element_prefix.is_empty() && !has_unprefixed_element(element)
                {
                    continue;
                }
                out.push_str(" xmlns=\"");
            } else {
                if !uses_prefix(subtree, prefix) {
                    continue;
                }
                out.push_str(" xmlns:");
                out.push_str(prefix);
                out.push_str("=\"");
            }
            push_attr(out, uri);
            out.push('"');
        }
        if (element_prefix.is_empty() || has_unprefixed_element(element))
            && !inherited.iter().any(|(p, _)| p.is_empty())
            && !own.iter().any(|(p, _)| p.is_empty())
        {
            out.push_str(" xmlns=\"\"");
        }
    }

    /// Consumes the subtree of `start` and returns it as a self-contained XML string: the
    /// namespace bindings in scope are re-declared on the element. Must be called before any
    /// child of `start` has been read.
    pub fn read_raw(&mut self, start: &Start<'a>) -> Result<RawXml, DecodeError> {
        let entry = self.open_entry(start.id).ok_or_else(|| {
            DecodeError::Custom(format!("<{}> has already been consumed", start.local))
        })?;
        let inherited = self.effective_bindings(entry.mark);
        let own: Vec<(Name<'a>, Name<'a>)> = self
            .bindings
            .get(entry.mark..entry.own)
            .unwrap_or_default()
            .to_vec();
        self.skip(start)?;
        let end = self.offset;
        let subtree = self.slice(start.offset, end)?;
        let mut out = String::with_capacity(subtree.len() + 64);
        out.push_str(self.slice(start.offset, start.name_end)?);
        Self::push_declarations(
            &mut out,
            &inherited,
            &own,
            split_qname(start.qname).0,
            subtree,
            subtree,
        );
        out.push_str(self.slice(start.name_end, end)?);
        Ok(RawXml::new(out))
    }

    /// Consumes the subtree of `start` and returns its content only (text and child elements,
    /// not the start tag's attributes), each child element made self-contained by
    /// re-declaring the namespace bindings in scope. Used for `xs:anyType` content. Must be
    /// called directly after `start` was returned.
    pub fn read_inner_raw(&mut self, start: &Start<'a>) -> Result<RawXml, DecodeError> {
        let entry = self.open_entry(start.id).ok_or_else(|| {
            DecodeError::Custom(format!("<{}> has already been consumed", start.local))
        })?;
        if start.empty {
            self.skip(start)?;
            return Ok(RawXml::default());
        }
        if self.open.last().map(|o| o.id) != Some(start.id) || self.offset != start.tag_end {
            return Err(DecodeError::Custom(format!(
                "the content of <{}> has already been partly read",
                start.local
            )));
        }
        let inherited = self.effective_bindings(entry.own);
        let child_depth = self.open.len() + 1;
        // Each child start: where it starts, where its name ends, its own declarations, its
        // prefix, and where it ends. The declarations are written once the whole content is
        // known.
        let mut children: Vec<ChildStart<'a>> = Vec::new();
        loop {
            match self.next_event()? {
                Some(Ev::Start(child)) if self.open.len() == child_depth => {
                    let own = match self.open.last().copied() {
                        Some(c) => self
                            .bindings
                            .get(c.mark..c.own)
                            .unwrap_or_default()
                            .to_vec(),
                        None => Vec::new(),
                    };
                    children.push(ChildStart {
                        offset: child.offset,
                        name_end: child.name_end,
                        own,
                        prefix: split_qname(child.qname).0,
                        end: child.tag_end,
                    });
                }
                Some(Ev::End) if !self.is_open(start.id) => break,
                Some(Ev::End) if self.open.len() == child_depth - 1 => {
                    if let Some(last) = children.last_mut() {
                        last.end = self.offset;
                    }
                }
                Some(_) => {}
                None => return Err(self.xml_error(self.offset, "unexpected end of input")),
            }
        }
        let content = self.slice(start.tag_end, self.last_event_start)?;
        let mut out = String::with_capacity(content.len() + 64 * children.len());
        let mut cursor = start.tag_end;
        for child in &children {
            out.push_str(self.slice(cursor, child.name_end)?);
            let element = self.slice(child.offset, child.end)?;
            Self::push_declarations(
                &mut out,
                &inherited,
                &child.own,
                child.prefix,
                content,
                element,
            );
            cursor = child.name_end;
        }
        out.push_str(self.slice(cursor, self.last_event_start)?);
        Ok(RawXml::new(out))
    }

    /// The value of the attribute `{ns}local` of `start` (`ns` `""` = unqualified), unescaped
    /// and normalised. Namespace declarations are not attributes.
    pub fn attr(
        &self,
        start: &Start<'a>,
        ns: &str,
        local: &str,
    ) -> Result<Option<Cow<'a, str>>, DecodeError> {
        let Some(attrs) = &start.attrs else {
            return Ok(None);
        };
        match attrs.iter().find(|a| a.local == local && a.ns == ns) {
            Some(a) => decode_attr_value(a.raw_value)
                .map(Some)
                .map_err(|m| self.xml_error(start.offset, m)),
            None => Ok(None),
        }
    }

    /// All attributes of `start` as `(namespace, local name, value)`, namespace declarations
    /// excluded.
    pub fn attrs(&self, start: &Start<'a>) -> Result<Vec<(String, String, String)>, DecodeError> {
        let Some(attrs) = &start.attrs else {
            return Ok(Vec::new());
        };
        attrs
            .iter()
            .map(|a| {
                let value =
                    decode_attr_value(a.raw_value).map_err(|m| self.xml_error(start.offset, m))?;
                Ok((a.ns.to_string(), a.local.to_owned(), value.into_owned()))
            })
            .collect()
    }

    /// True if `start` carries `xsi:nil="true"` (or `"1"`).
    pub fn is_nil(&self, start: &Start<'a>) -> Result<bool, DecodeError> {
        Ok(self.attr(start, XSI_NS, "nil")?.is_some_and(|v| {
            matches!(
                v.trim_matches(|c: char| c.is_ascii_whitespace()),
                "true" | "1"
            )
        }))
    }

    /// The namespace bound to `prefix` in the current scope (`""` = the default namespace);
    /// `None` when unbound (or the default namespace is empty).
    pub fn resolve_prefix(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(XML_NS);
        }
        self.bindings
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .map(|(_, uri)| &**uri)
            .filter(|uri: &&str| !uri.is_empty())
    }

    /// Resolves a QName value (`prefix:local` or `local`) to `(namespace, local)` in the
    /// current scope; an unprefixed name takes the default namespace (as XSD specifies).
    pub fn resolve_qname(&self, lexical: &str) -> Result<(String, String), DecodeError> {
        let lexical = lexical.trim_matches(|c: char| c.is_ascii_whitespace());
        let (prefix, local) = split_qname(lexical);
        if !super::names::is_ncname(local)
            || (!prefix.is_empty() && !super::names::is_ncname(prefix))
        {
            return Err(DecodeError::Custom(format!(
                "`{lexical}` is not a valid QName"
            )));
        }
        let ns = if prefix.is_empty() {
            self.resolve_prefix("").unwrap_or("")
        } else {
            self.resolve_prefix(prefix).ok_or_else(|| {
                DecodeError::Custom(format!(
                    "undeclared namespace prefix `{prefix}` in QName `{lexical}`"
                ))
            })?
        };
        Ok((ns.to_owned(), local.to_owned()))
    }

    /// The namespace bindings in scope as `(prefix, uri)` (prefix `""` = default namespace),
    /// innermost declarations winning; an undeclared default namespace is omitted.
    pub fn in_scope_namespaces(&self) -> Vec<(String, String)> {
        let mut all = self.effective_bindings(self.bindings.len());
        all.retain(|(_, uri)| !uri.is_empty());
        all
    }
}

/// Normalises line ends (`\r\n` and `\r` to `\n`) as XML parsers must.
fn normalize_eol(raw: &str) -> Cow<'_, str> {
    if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// Decodes character data: line ends normalised, then predefined entities and character
/// references expanded. Any other entity is an error.
fn decode_text(raw: &str) -> Result<Cow<'_, str>, String> {
    match normalize_eol(raw) {
        Cow::Borrowed(s) => quick_xml::escape::unescape(s).map_err(|e| e.to_string()),
        Cow::Owned(s) => quick_xml::escape::unescape(&s)
            .map(|c| Cow::Owned(c.into_owned()))
            .map_err(|e| e.to_string()),
    }
}

/// Decodes an attribute value: literal whitespace characters become spaces (attribute-value
/// normalisation), then entities and character references are expanded.
fn decode_attr_value(raw: &str) -> Result<Cow<'_, str>, String> {
    if raw.contains(['\t', '\n', '\r']) {
        let normalized = raw.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ");
        quick_xml::escape::unescape(&normalized)
            .map(|c| Cow::Owned(c.into_owned()))
            .map_err(|e| e.to_string())
    } else {
        quick_xml::escape::unescape(raw).map_err(|e| e.to_string())
    }
}

/// A child element seen while copying content.
struct ChildStart<'a> {
    /// Byte offset of its `<`.
    offset: usize,
    /// Byte offset just past its name.
    name_end: usize,
    /// The namespace bindings it declares itself.
    own: Vec<(Name<'a>, Name<'a>)>,
    /// Its prefix.
    prefix: &'a str,
    /// Byte offset just past its end tag (or its empty-element tag).
    end: usize,
}

/// Whether `text` may refer to `prefix` (as `prefix:` in a name or a QName value).
pub(crate) fn uses_prefix(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(at, _)| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')));
        before_ok && text[at + prefix.len()..].starts_with(':')
    })
}

/// Whether `text` may hold an element without a prefix (whose name takes the default
/// namespace). Conservative: a `<` in a comment or CDATA section may count.
fn has_unprefixed_element(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let name = &text[at + 1..];
        let end = name
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(name.len());
        !name.is_empty() && !name.starts_with(['/', '!', '?']) && !name[..end].contains(':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn children<'a>(r: &mut XmlReader<'a>, parent: &Start<'a>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        while let Some(c) = r.next_child(parent).unwrap() {
            out.push((c.ns().to_owned(), c.local().to_owned()));
            r.skip(&c).unwrap();
        }
        out
    }

    #[test]
    fn resolves_prefixes_and_defaults() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?><!-- c --><?pi x?>
<a:root xmlns:a="urn:a" xmlns="urn:d"><child/><a:x xmlns:a="urn:other"/><b xmlns=""><c/></b><d/></a:root>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        assert_eq!(
            (root.ns(), root.local(), root.qualified_name()),
            ("urn:a", "root", "a:root")
        );
        assert!(!root.is_empty());
        let child = r.next_child(&root).unwrap().unwrap();
        assert!(child.is("urn:d", "child"));
        assert!(child.is_empty());
        assert_eq!(
            r.next_child(&child).unwrap().map(|s| s.local().to_owned()),
            None
        );
        let x = r.next_child(&root).unwrap().unwrap();
        assert_eq!(x.ns(), "urn:other");
        assert_eq!(r.resolve_prefix("a"), Some("urn:other"));
        let b = r.next_child(&root).unwrap().unwrap();
        assert_eq!(b.ns(), "");
        let c = r.next_child(&b).unwrap().unwrap();
        assert_eq!(c.ns(), "");
        assert_eq!(r.resolve_prefix(""), None);
        r.skip(&b).unwrap();
        let d = r.next_child(&root).unwrap().unwrap();
        assert_eq!(d.ns(), "urn:d");
        assert_eq!(r.resolve_prefix("a"), Some("urn:a"));
        assert_eq!(
            r.next_child(&root).unwrap().map(|s| s.local().to_owned()),
            None
        );
        assert_eq!(
            r.next_child(&root).unwrap().map(|s| s.local().to_owned()),
            None
        );
        r.finish().unwrap();
    }

    #[test]
    fn text_entities_cdata_and_comments() {
        let xml =
            "<t>a &amp; b &lt;c&gt; &#x41;&#66;<![CDATA[<raw & stuff>]]><!-- gone -->\r\nend</t>";
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        assert_eq!(
            r.read_text(&root).unwrap(),
            "a & b <c> AB<raw & stuff>\nend"
        );
        let mut r = XmlReader::new("<t>plain</t>");
        let root = r.root().unwrap();
        assert!(matches!(
            r.read_text(&root).unwrap(),
            Cow::Borrowed("plain")
        ));
        let mut r = XmlReader::new("<t/>");
        let root = r.root().unwrap();
        assert_eq!(r.read_text(&root).unwrap(), "");
        let mut r = XmlReader::new("<t>&unknown;</t>");
        let root = r.root().unwrap();
        assert!(matches!(r.read_text(&root), Err(DecodeError::Xml { .. })));
        let mut r = XmlReader::new("<t>a<b/>c</t>");
        let root = r.root().unwrap();
        assert_eq!(
            r.read_text(&root).unwrap_err(),
            DecodeError::UnexpectedElement {
                parent: "t".into(),
                found: "b".into()
            }
        );
    }

    #[test]
    fn attributes() {
        let xml = "<e xmlns:p=\"urn:p\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" a=\"1 &amp; 2\" p:b='x\ty' i:nil=\" true \" xml:lang=\"en\"/>";
        let mut r = XmlReader::new(xml);
        let e = r.root().unwrap();
        assert_eq!(r.attr(&e, "", "a").unwrap().as_deref(), Some("1 & 2"));
        assert_eq!(r.attr(&e, "urn:p", "b").unwrap().as_deref(), Some("x y"));
        assert_eq!(r.attr(&e, "", "b").unwrap(), None);
        assert_eq!(r.attr(&e, "", "xmlns").unwrap(), None);
        assert_eq!(r.attr(&e, XML_NS, "lang").unwrap().as_deref(), Some("en"));
        assert!(r.is_nil(&e).unwrap());
        let all = r.attrs(&e).unwrap();
        assert_eq!(all.len(), 4);
        assert_eq!(all[0], ("".into(), "a".into(), "1 & 2".into()));
        let mut r = XmlReader::new("<e/>");
        let e = r.root().unwrap();
        assert!(r.attrs(&e).unwrap().is_empty());
        assert!(!r.is_nil(&e).unwrap());
    }

    #[test]
    fn malformed_markup() {
        for xml in [
            "",
            "   ",
            "text",
            "<a>",
            "<a></b>",
            "<a b=\"1\" b=\"2\"/>",
            "<a xmlns:p=\"urn:x\" p:b=\"1\" xmlns:q=\"urn:x\" q:b=\"2\"/>",
            "<p:a/>",
            "<a p:b=\"1\"/>",
            "<a b=1/>",
            "<a b/>",
            "<a b=\"1\"c=\"2\"/>",
            "<a xmlns:p=\"\"/>",
            "<a xmlns:xmlns=\"urn:x\"/>",
            "<a xmlns:xml=\"urn:x\"/>",
            "<a/><b/>",
            "<a/>trailing",
            "<a><![CDATA[x]]",
            "<:a/>",
        ] {
            let mut r = XmlReader::new(xml);
            let result = r
                .root()
                .and_then(|root| r.skip(&root))
                .and_then(|_| r.finish());
            assert!(result.is_err(), "accepted {xml:?}");
        }
    }

    #[test]
    fn qnames_and_scope() {
        let mut r =
            XmlReader::new("<a xmlns=\"urn:d\" xmlns:p=\"urn:p\"><v xmlns:q=\"urn:q\">q:x</v></a>");
        let a = r.root().unwrap();
        let v = r.next_child(&a).unwrap().unwrap();
        let text = r.read_text(&v).unwrap();
        // The element's own bindings are still visible right after its text was read.
        assert_eq!(
            r.resolve_qname(&text).unwrap(),
            ("urn:q".into(), "x".into())
        );
        assert_eq!(r.resolve_qname("y").unwrap(), ("urn:d".into(), "y".into()));
        assert_eq!(
            r.resolve_qname(" p:z ").unwrap(),
            ("urn:p".into(), "z".into())
        );
        assert!(r.resolve_qname("nope:z").is_err());
        assert!(r.resolve_qname("a:b:c").is_err());
        assert!(r.resolve_qname("").is_err());
        let mut scope = r.in_scope_namespaces();
        scope.sort();
        assert_eq!(
            scope,
            vec![
                ("".into(), "urn:d".into()),
                ("p".into(), "urn:p".into()),
                ("q".into(), "urn:q".into())
            ]
        );
        assert_eq!(
            r.next_child(&a).unwrap().map(|s| s.local().to_owned()),
            None
        );
        assert_eq!(r.resolve_prefix("xml"), Some(XML_NS));
    }

    #[test]
    fn unconsumed_children_are_skipped() {
        let mut r = XmlReader::new("<r><a><deep><deeper/></deep></a><b/></r>");
        let root = r.root().unwrap();
        let a = r.next_child(&root).unwrap().unwrap();
        let _deep = r.next_child(&a).unwrap().unwrap();
        // `deep` and `a` were not consumed: asking for root's next child skips them.
        let b = r.next_child(&root).unwrap().unwrap();
        assert_eq!(b.local(), "b");
        assert_eq!(children(&mut r, &root), vec![]);
        assert_eq!(r.read_text(&a).unwrap(), "");
    }

    #[test]
    fn raw_copies_declare_only_the_prefixes_they_use() {
        let xml = r#"<r xmlns:p="urn:p" xmlns:q="urn:q" xmlns:unused="urn:u"><a t="p:Foo"><q:b/></a></r>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let a = r.next_child(&root).unwrap().unwrap();
        let raw = r.read_raw(&a).unwrap();
        assert_eq!(
            raw.as_str(),
            r#"<a xmlns:p="urn:p" xmlns:q="urn:q" xmlns="" t="p:Foo"><q:b/></a>"#
        );
    }

    #[test]
    fn raw_copies_are_self_contained() {
        let xml = r#"<r xmlns="urn:d" xmlns:p="urn:p"><p:item a="&amp;"><inner>t &lt; u</inner></p:item><empty/></r>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let item = r.next_child(&root).unwrap().unwrap();
        let raw = r.read_raw(&item).unwrap();
        assert_eq!(
            raw.as_str(),
            r#"<p:item xmlns="urn:d" xmlns:p="urn:p" a="&amp;"><inner>t &lt; u</inner></p:item>"#
        );
        let empty = r.next_child(&root).unwrap().unwrap();
        assert_eq!(
            r.read_raw(&empty).unwrap().as_str(),
            r#"<empty xmlns="urn:d"/>"#
        );
        assert!(r.read_raw(&empty).is_err());
        // The copy parses alone with the same names.
        let mut again = XmlReader::new(raw.as_str());
        let item = again.root().unwrap();
        assert!(item.is("urn:p", "item"));
        let inner = again.next_child(&item).unwrap().unwrap();
        assert!(inner.is("urn:d", "inner"));
    }

    #[test]
    fn raw_copies_of_prefixed_elements_keep_an_empty_default() {
        // `plain` has no namespace; pasted under a default namespace it must keep none.
        let xml = r#"<r xmlns:e="urn:e"><e:box><plain>x</plain></e:box><e:leaf>y</e:leaf></r>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let boxed = r.next_child(&root).unwrap().unwrap();
        let raw = r.read_raw(&boxed).unwrap();
        assert_eq!(
            raw.as_str(),
            r#"<e:box xmlns:e="urn:e" xmlns=""><plain>x</plain></e:box>"#
        );
        let leaf = r.next_child(&root).unwrap().unwrap();
        assert_eq!(
            r.read_raw(&leaf).unwrap().as_str(),
            r#"<e:leaf xmlns:e="urn:e">y</e:leaf>"#
        );
        // The same inside xs:anyType content, under an explicitly empty default.
        let xml = r#"<r xmlns:e="urn:e"><v xmlns=""><e:box><plain/></e:box></v></r>"#;
        let mut r = XmlReader::new(xml);
        let root = r.root().unwrap();
        let v = r.next_child(&root).unwrap().unwrap();
        let raw = r.read_inner_raw(&v).unwrap();
        assert_eq!(
            raw.as_str(),
            r#"<e:box xmlns:e="urn:e" xmlns=""><plain/></e:box>"#
        );
        let mut w = crate::xml::XmlWriter::new();
        w.start("urn:d", "v");
        w.raw(raw.as_str());
        w.end();
        let mut again = XmlReader::new(w.as_str());
        let v = again.root().unwrap();
        let boxed = again.next_child(&v).unwrap().unwrap();
        let plain = again.next_child(&boxed).unwrap().unwrap();
        assert!(plain.is("", "plain"), "{}", w.as_str());
    }

    #[test]
    fn fragments_inherit_bindings() {
        let inherited = vec![
            ("".to_owned(), "urn:d".to_owned()),
            ("s".to_owned(), "urn:s".to_owned()),
        ];
        let mut r = XmlReader::fragment("<Op><s:x/></Op>", &inherited, Limits::default());
        let op = r.root().unwrap();
        assert!(op.is("urn:d", "Op"));
        let x = r.next_child(&op).unwrap().unwrap();
        assert!(x.is("urn:s", "x"));
        assert_eq!(r.limits(), Limits::default());
        assert!(format!("{r:?}").contains("XmlReader"));
    }

    #[test]
    fn inner_raw_requires_fresh_start() {
        let mut r = XmlReader::new("<r><a/><b/></r>");
        let root = r.root().unwrap();
        let _a = r.next_child(&root).unwrap().unwrap();
        assert!(r.read_inner_raw(&root).is_err());
        let mut r = XmlReader::new("<r/>");
        let root = r.root().unwrap();
        assert_eq!(r.read_inner_raw(&root).unwrap().as_str(), "");
        assert!(r.root().is_err());
    }

    #[test]
    fn encoding_declaration() {
        let mut r = XmlReader::new("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>");
        assert_eq!(
            r.root().unwrap_err(),
            DecodeError::UnsupportedEncoding("ISO-8859-1".into())
        );
        let mut r = XmlReader::new("\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>");
        assert_eq!(r.root().unwrap().local(), "a");
    }

    #[test]
    fn mixed_content_texts_are_kept_slot_by_slot() {
        let mut r = XmlReader::new("<p>a &amp; <b>x</b><![CDATA[<c>]]> <i><u/>inner</i></p>");
        let p = r.root().unwrap();
        let mut texts = vec![String::new()];
        let mut children = Vec::new();
        while let Some(child) = r.next_child_mixed(&p, &mut texts).unwrap() {
            children.push(child.local().to_owned());
            r.skip(&child).unwrap();
        }
        assert_eq!(children, ["b", "i"]);
        assert_eq!(texts, ["a & ", "<c> ", ""]);
    }
}
