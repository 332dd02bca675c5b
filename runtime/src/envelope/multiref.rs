//! SOAP-encoding multi-references (SOAP 1.1 section 5.4.1): a value written once as a
//! top-level Body entry `<multiRef id="id0">…</multiRef>` and referenced from the body entry by
//! `<arg href="#id0"/>` (Apache Axis 1 and .NET remoting send every struct and array this way).
//!
//! Before decoding, each reference is replaced by the referenced element's attributes and
//! content, so the generated decoders see the same tree as for an inline value. Only references
//! to top-level Body entries are followed, so a literal message with an `href` attribute of its
//! own (a link) is left as it is. Cycles are refused, and the expansion is capped, so shared
//! references cannot blow up (each expansion copies the referenced subtree).

use crate::error::DecodeError;
use quick_xml::events::Event;
use std::collections::HashMap;

/// An element of the Body, by byte offsets into its text.
struct Node {
    /// Offset of `<`.
    start: usize,
    /// Offset just past the start tag.
    tag_end: usize,
    /// Offset of the end tag's `</` (`tag_end` for an empty-element tag).
    content_end: usize,
    /// Offset just past the element.
    end: usize,
    qname: String,
    /// (name, raw value) in document order.
    attrs: Vec<(String, String)>,
    children: Vec<usize>,
    empty: bool,
}

/// How much larger than the Body the inlined entry may grow before it is refused.
const MAX_GROWTH: usize = 16;

/// The first entry of `body` (the text of a whole `Body` element) with every `href="#id"` to a
/// top-level entry inlined; `None` when it has no such reference.
pub(crate) fn inline_first_entry(body: &str) -> Result<Option<String>, DecodeError> {
    if !body.contains("href") {
        return Ok(None);
    }
    let nodes = tree(body)?;
    let Some(root) = nodes.first() else {
        return Ok(None);
    };
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for &child in &root.children {
        if let Some((_, id)) = nodes[child].attrs.iter().find(|(n, _)| n == "id") {
            ids.insert(id.as_str(), child);
        }
    }
    let target = |n: &Node| -> Option<usize> {
        let (_, href) = n.attrs.iter().find(|(name, _)| name == "href")?;
        ids.get(href.strip_prefix('#')?).copied()
    };
    if !nodes.iter().any(|n| target(n).is_some()) {
        return Ok(None);
    }
    let Some(&first) = root.children.first() else {
        return Ok(None);
    };
    let mut out = String::with_capacity(body.len());
    let mut active = Vec::new();
    let limit = body.len().saturating_mul(MAX_GROWTH);
    write_node(body, &nodes, first, &target, &mut active, &mut out, limit)?;
    Ok(Some(out))
}

fn write_node(
    text: &str,
    nodes: &[Node],
    index: usize,
    target: &dyn Fn(&Node) -> Option<usize>,
    active: &mut Vec<usize>,
    out: &mut String,
    limit: usize,
) -> Result<(), DecodeError> {
    if out.len() > limit {
        return Err(DecodeError::Custom(
            "multi-reference (href) expansion exceeds 16 times the message body".into(),
        ));
    }
    let node = &nodes[index];
    let Some(referenced) = target(node) else {
        out.push_str(&text[node.start..node.tag_end]);
        if !node.empty {
            write_content(text, nodes, node, target, active, out, limit)?;
            out.push_str(&text[node.content_end..node.end]);
        }
        return Ok(());
    };
    if active.contains(&referenced) {
        return Err(DecodeError::Custom(format!(
            "cyclic multi-reference: href=\"#{}\" refers back to an element that contains it",
            nodes[referenced]
                .attrs
                .iter()
                .find(|(n, _)| n == "id")
                .map_or("", |(_, v)| v.as_str())
        )));
    }
    let value = &nodes[referenced];
    out.push('<');
    out.push_str(&node.qname);
    for (name, raw) in node.attrs.iter().filter(|(n, _)| n != "href") {
        push_attr(out, name, raw);
    }
    // The referenced element's own declarations and type annotation travel with its content.
    for (name, raw) in &value.attrs {
        let taken = name == "id" || node.attrs.iter().any(|(n, _)| n == name);
        if !taken {
            push_attr(out, name, raw);
        }
    }
    if value.empty {
        out.push_str("/>");
        return Ok(());
    }
    out.push('>');
    active.push(referenced);
    write_content(text, nodes, value, target, active, out, limit)?;
    active.pop();
    out.push_str("</");
    out.push_str(&node.qname);
    out.push('>');
    Ok(())
}

fn write_content(
    text: &str,
    nodes: &[Node],
    node: &Node,
    target: &dyn Fn(&Node) -> Option<usize>,
    active: &mut Vec<usize>,
    out: &mut String,
    limit: usize,
) -> Result<(), DecodeError> {
    let mut at = node.tag_end;
    for &child in &node.children {
        out.push_str(&text[at..nodes[child].start]);
        write_node(text, nodes, child, target, active, out, limit)?;
        at = nodes[child].end;
    }
    out.push_str(&text[at..node.content_end]);
    Ok(())
}

fn push_attr(out: &mut String, name: &str, raw: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    // Raw values keep their escapes; a double quote can only appear in a single-quoted value.
    out.push_str(&raw.replace('"', "&quot;"));
    out.push('"');
}

/// The elements of `text` (one element) in document order; the first is its root.
fn tree(text: &str) -> Result<Vec<Node>, DecodeError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut nodes: Vec<Node> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader
            .read_event()
            .map_err(|e| DecodeError::Custom(format!("malformed body: {e}")))?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let mut attrs = Vec::new();
                for attr in e.attributes() {
                    let attr =
                        attr.map_err(|e| DecodeError::Custom(format!("malformed attribute: {e}")))?;
                    let name = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
                    let value = String::from_utf8_lossy(&attr.value).into_owned();
                    attrs.push((name, value));
                }
                let index = nodes.len();
                nodes.push(Node {
                    start: before,
                    tag_end: after,
                    content_end: after,
                    end: after,
                    qname: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                    attrs,
                    children: Vec::new(),
                    empty,
                });
                if let Some(&parent) = open.last() {
                    nodes[parent].children.push(index);
                }
                if !empty {
                    open.push(index);
                }
            }
            Event::End(_) => {
                if let Some(index) = open.pop() {
                    nodes[index].content_end = before;
                    nodes[index].end = after;
                }
            }
            // Message::parse has checked the whole Body already; an unclosed element here
            // would mean offsets out of order, so it is refused rather than sliced.
            Event::Eof if open.is_empty() => return Ok(nodes),
            Event::Eof => {
                return Err(DecodeError::Custom(
                    "malformed body: unclosed element".into(),
                ))
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r##"<soapenv:Body><ns1:echo soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:t"><p href="#id0"/><q href="#id0"/><r>3</r></ns1:echo><multiRef id="id0" soapenc:root="0" xsi:type="ns2:Pair" xmlns:ns2="urn:t"><a xsi:type="xsd:int">1</a><b href="#id1"/></multiRef><multiRef id="id1" xsi:type="xsd:string">two &amp; more</multiRef></soapenv:Body>"##;

    #[test]
    fn references_are_inlined_with_their_attributes() {
        let inlined = inline_first_entry(BODY).unwrap().unwrap();
        assert_eq!(
            inlined,
            r##"<ns1:echo soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:t"><p soapenc:root="0" xsi:type="ns2:Pair" xmlns:ns2="urn:t"><a xsi:type="xsd:int">1</a><b xsi:type="xsd:string">two &amp; more</b></p><q soapenc:root="0" xsi:type="ns2:Pair" xmlns:ns2="urn:t"><a xsi:type="xsd:int">1</a><b xsi:type="xsd:string">two &amp; more</b></q><r>3</r></ns1:echo>"##
        );
    }

    #[test]
    fn messages_without_references_are_left_alone() {
        assert_eq!(
            inline_first_entry("<Body><a href='http://x'/></Body>").unwrap(),
            None
        );
        assert_eq!(
            inline_first_entry("<Body><a href='#nowhere'/></Body>").unwrap(),
            None
        );
        // A link to an element inside the entry (not a top-level entry) is not a multi-reference.
        assert_eq!(
            inline_first_entry("<Body><e><a href='#x'/><b id='x'/></e></Body>").unwrap(),
            None
        );
    }

    #[test]
    fn an_unclosed_body_is_an_error_not_a_panic() {
        let err = inline_first_entry(r##"<Body><e><a href="#m"/><b>x</b>"##).unwrap_err();
        assert!(err.to_string().contains("unclosed"), "{err}");
    }

    #[test]
    fn cycles_and_blow_ups_are_refused() {
        let cyclic = r##"<Body><e><a href="#m"/></e><m id="m"><b href="#m"/></m></Body>"##;
        let err = inline_first_entry(cyclic).unwrap_err().to_string();
        assert!(err.contains("cyclic multi-reference"), "{err}");

        // Each level references the next one twice: 2^30 copies if expanded naively.
        let mut body = String::from(r##"<Body><e><x href="#m0"/></e>"##);
        for i in 0..30 {
            body.push_str(&format!(
                r##"<m id="m{i}"><a href="#m{n}"/><b href="#m{n}"/></m>"##,
                n = i + 1
            ));
        }
        body.push_str(r#"<m id="m30">leaf</m></Body>"#);
        let err = inline_first_entry(&body).unwrap_err().to_string();
        assert!(err.contains("exceeds"), "{err}");
    }
}
