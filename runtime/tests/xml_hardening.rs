//! Integration tests of the XML layer against hostile and unusual input, and writer/reader
//! round trips.

use proptest::prelude::*;
use soapgen_runtime::xml::{self, Limits};
use soapgen_runtime::{DecodeError, Message, XmlReader, XmlWriter};

fn read_all(xml: &str, limits: Limits) -> Result<(), DecodeError> {
    let mut r = XmlReader::with_limits(xml, limits);
    let root = r.root()?;
    r.skip(&root)?;
    r.finish()
}

#[test]
fn billion_laughs_is_refused_before_expansion() {
    let mut xml = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        xml.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    xml.push_str("]><lolz>&lol9;</lolz>");
    assert_eq!(read_all(&xml, Limits::default()), Err(DecodeError::Doctype));
    assert!(matches!(
        Message::parse(xml.as_bytes(), Limits::default()),
        Err(DecodeError::Doctype)
    ));
}

#[test]
fn external_entities_are_refused() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>"#;
    assert_eq!(read_all(xxe, Limits::default()), Err(DecodeError::Doctype));
    // Without a DOCTYPE an undeclared entity is simply an error.
    let mut r = XmlReader::new("<foo>&xxe;</foo>");
    let root = r.root().unwrap();
    assert!(matches!(r.read_text(&root), Err(DecodeError::Xml { .. })));
    // A DOCTYPE after the root start is refused too.
    assert_eq!(
        read_all("<a><!DOCTYPE a></a>", Limits::default()),
        Err(DecodeError::Doctype)
    );
}

#[test]
fn depth_limit() {
    let deep = format!("{}{}", "<a>".repeat(300), "</a>".repeat(300));
    assert_eq!(
        read_all(&deep, Limits::default()),
        Err(DecodeError::LimitExceeded {
            what: "element depth",
            limit: 256
        })
    );
    let ok = format!("{}{}", "<a>".repeat(256), "</a>".repeat(256));
    assert_eq!(read_all(&ok, Limits::default()), Ok(()));
}

#[test]
fn attribute_name_text_and_element_limits() {
    let limits = Limits {
        max_attributes: 3,
        max_name_len: 8,
        max_text_len: 16,
        max_elements: 4,
        ..Limits::default()
    };
    assert!(matches!(
        read_all("<a w=\"1\" x=\"1\" y=\"1\" z=\"1\"/>", limits),
        Err(DecodeError::LimitExceeded {
            what: "attributes per element",
            ..
        })
    ));
    assert_eq!(read_all("<a x=\"1\" y=\"1\" z=\"1\"/>", limits), Ok(()));
    assert!(matches!(
        read_all("<abcdefghi/>", limits),
        Err(DecodeError::LimitExceeded {
            what: "name length",
            ..
        })
    ));
    assert!(matches!(
        read_all("<a abcdefghi=\"1\"/>", limits),
        Err(DecodeError::LimitExceeded {
            what: "name length",
            ..
        })
    ));
    assert!(matches!(
        read_all("<a>01234567890123456789</a>", limits),
        Err(DecodeError::LimitExceeded { .. })
    ));
    assert!(matches!(
        read_all("<a b=\"01234567890123456789\"/>", limits),
        Err(DecodeError::LimitExceeded { .. })
    ));
    assert!(matches!(
        read_all("<a><b/><b/><b/><b/></a>", limits),
        Err(DecodeError::LimitExceeded {
            what: "element count",
            limit: 4
        })
    ));
    // Text split in pieces (entities, CDATA) is limited as a whole.
    let mut r = XmlReader::with_limits("<a>0123456789<![CDATA[0123456789]]></a>", limits);
    let root = r.root().unwrap();
    assert!(matches!(
        r.read_text(&root),
        Err(DecodeError::LimitExceeded { .. })
    ));
}

#[test]
fn namespace_declarations_in_scope_are_limited() {
    // Nested declarations pile up; each name lookup would scan them all (a CPU bomb).
    let mut xml = String::new();
    for depth in 0..3 {
        xml.push_str("<a");
        for p in 0..100 {
            xml.push_str(&format!(" xmlns:p{depth}x{p}=\"urn:x\""));
        }
        xml.push('>');
    }
    xml.push_str("<b/>");
    xml.push_str(&"</a>".repeat(3));
    assert_eq!(
        read_all(&xml, Limits::default()),
        Err(DecodeError::LimitExceeded {
            what: "namespace declarations in scope",
            limit: 256
        })
    );
    // Siblings do not add up: declarations go out of scope with their element.
    let siblings = format!(
        "<r>{}</r>",
        "<a xmlns:p=\"urn:p\" xmlns=\"urn:d\"><p:b/></a>".repeat(1000)
    );
    assert_eq!(read_all(&siblings, Limits::default()), Ok(()));
    let limits = Limits {
        max_namespace_bindings: 2,
        ..Limits::default()
    };
    assert!(read_all("<a xmlns=\"urn:a\" xmlns:b=\"urn:b\"/>", limits).is_ok());
    assert!(matches!(
        read_all(
            "<a xmlns=\"urn:a\" xmlns:b=\"urn:b\"><c xmlns:c=\"urn:c\"/></a>",
            limits
        ),
        Err(DecodeError::LimitExceeded { .. })
    ));
}

#[test]
fn truncated_documents_fail_cleanly() {
    let full = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:Op xmlns:m="urn:m"><m:a>1 &amp; 2</m:a><![CDATA[x]]></m:Op></s:Body></s:Envelope>"#;
    assert!(Message::parse(full.as_bytes(), Limits::default()).is_ok());
    for cut in 0..full.len() {
        let result = Message::parse(&full.as_bytes()[..cut], Limits::default());
        assert!(result.is_err(), "accepted truncation at {cut}");
    }
}

#[test]
fn invalid_utf8_is_rejected() {
    for bytes in [&b"<a>\xff</a>"[..], b"<a>\xc3</a>", b"\xfe\xff<a/>"] {
        assert!(matches!(
            Message::parse(bytes, Limits::default()),
            Err(DecodeError::InvalidUtf8)
        ));
    }
}

#[test]
fn odd_but_valid_envelopes() {
    let cases = [
        r#"<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body><Op xmlns="urn:m"><a>1</a></Op></env:Body></env:Envelope>"#,
        r#"<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><m:Op xmlns:m="urn:m"><m:a>1</m:a></m:Op></Body></Envelope>"#,
        r#"<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="urn:m"><S:Body><m:Op><m:a>1</m:a></m:Op></S:Body></S:Envelope>"#,
        r#"<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body xmlns="urn:m"><Op><a>1</a></Op></S:Body></S:Envelope>"#,
        "<?xml version='1.0' encoding='utf-8'?>\n<!-- leading comment -->\n<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'>\n  <s:Header/>\n  <s:Body>\n    <m:Op xmlns:m='urn:m'>\n      <m:a><![CDATA[1]]></m:a>\n    </m:Op>\n  </s:Body>\n</s:Envelope>\n<!-- trailing comment -->\n",
    ];
    for xml in cases {
        let m = Message::parse(xml.as_bytes(), Limits::default())
            .unwrap_or_else(|e| panic!("{xml}: {e}"));
        assert_eq!(m.body_name(), Some(("urn:m", "Op")), "{xml}");
        let a: String = {
            // Decode with a hand-written reader to check the inherited bindings.
            struct Op(String);
            impl xml::FromXml for Op {
                fn read_content<'a>(
                    r: &mut XmlReader<'a>,
                    start: &xml::Start<'a>,
                ) -> Result<Self, DecodeError> {
                    let mut a = None;
                    while let Some(c) = r.next_child(start)? {
                        if c.is("urn:m", "a") {
                            a = Some(xml::read_element::<String>(r, &c)?);
                        } else {
                            xml::skip_unknown(r, &c)?;
                        }
                    }
                    xml::required(a, start.local(), "a").map(Op)
                }
            }
            m.decode_body::<Op>("urn:m", "Op").unwrap().0
        };
        assert_eq!(a, "1", "{xml}");
    }
}

#[test]
fn writer_output_is_read_back_with_namespaces() {
    let mut w = XmlWriter::new();
    w.start("urn:a", "root");
    w.attr(xml::XSI_NS, "type", "x");
    w.start("urn:a", "same");
    w.text("1");
    w.end();
    w.start("", "unqualified");
    w.start("urn:b", "other");
    w.end();
    w.end();
    w.start_prefixed("p", "urn:p", "pref");
    w.end();
    w.end();
    let xml = w.into_string();
    assert_eq!(
        xml,
        "<root xmlns=\"urn:a\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"x\"><same>1</same><unqualified xmlns=\"\"><other xmlns=\"urn:b\" /></unqualified><p:pref xmlns:p=\"urn:p\" /></root>"
    );
    let mut r = XmlReader::new(&xml);
    let root = r.root().unwrap();
    let mut seen = Vec::new();
    while let Some(c) = r.next_child(&root).unwrap() {
        seen.push((c.ns().to_owned(), c.local().to_owned()));
        if c.local() == "unqualified" {
            let other = r.next_child(&c).unwrap().unwrap();
            seen.push((other.ns().to_owned(), other.local().to_owned()));
        }
        r.skip(&c).unwrap();
    }
    assert_eq!(
        seen,
        [
            ("urn:a", "same"),
            ("", "unqualified"),
            ("urn:b", "other"),
            ("urn:p", "pref")
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
}

proptest! {
    #[test]
    fn any_string_survives_text_and_attributes(s in "\\PC*", t in "[\\t\\n\\r -~é€😀]*") {
        for value in [&s, &t] {
            let mut w = XmlWriter::new();
            w.start("urn:x", "v");
            w.attr("", "a", value);
            w.text(value);
            w.end();
            let xml = w.into_string();
            let mut r = XmlReader::new(&xml);
            let root = r.root().unwrap();
            let attr = r.attr(&root, "", "a").unwrap().unwrap_or_default().into_owned();
            let text = r.read_text(&root).unwrap().into_owned();
            prop_assert_eq!(&attr, value);
            prop_assert_eq!(&text, value);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Message::parse(&bytes, Limits::default());
    }

    #[test]
    fn arbitrary_markup_never_panics(s in "[<>/=\"'a-c: &;#x!\\[\\]-]{0,80}") {
        let _ = read_all(&s, Limits::default());
        let mut r = XmlReader::new(&s);
        if let Ok(root) = r.root() {
            let _ = r.read_inner_raw(&root);
        }
    }
}
