//! One test per schema construct, so that a regression names the construct it broke.
//!
//! Each construct has a small WSDL, `tests/fixtures/features/<construct>.wsdl` (compiled by
//! generated-example as `features::<construct>`), and example messages beside it in
//! `tests/fixtures/features/<construct>/`, written by hand the way different peers write them
//! (their own prefixes, indentation, attribute order, comments, CDATA). For every message the
//! test
//!
//! 1. decodes the Body's element with the generated type and checks the decoded values;
//! 2. re-encodes the value as our server writes a body element and compares it with what was
//!    sent, as namespace-resolved element trees (expanded names, attribute sets, trimmed text,
//!    children in order; prefixes, declarations, comments and indentation do not matter, and
//!    QName values listed per construct are compared as `{namespace}local`);
//! 3. sends the message through the generated server (an echo implementation of the generated
//!    trait, in process) and compares the response's body element the same way.
//!
//! Where our mapping deliberately differs from what was sent (a canonical lexical form, the text
//! of mixed content, xsi:type), the expected tree is the input with exactly that change, and a
//! comment says why. Every message file must be claimed by its test (`Construct::done`).

use crate::support::repo_root;
use generated_example::features;
use soapgen_runtime::client::in_process::InProcess;
use soapgen_runtime::xml::{Limits, XSD_NS, XSI_NS};
use soapgen_runtime::{
    DecodeError, EnvelopeWriter, Fault, FromXml, HttpRequest, Message, SoapDispatch, ToXml,
    Transport,
};
use std::collections::BTreeMap;
use std::path::PathBuf;

use generated_example::FEATURES;

const SOAPENC_NS: &str = "http://schemas.xmlsoap.org/soap/encoding/";
const SOAPENV_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

fn features_dir() -> PathBuf {
    repo_root().join("tests/fixtures/features")
}

// ---------------------------------------------------------------------------------------------
// Element trees

/// An element once prefixes no longer matter.
#[derive(Debug, Clone, PartialEq)]
struct Tree {
    ns: String,
    local: String,
    /// (namespace, local name) → value; namespace declarations are not attributes.
    attributes: BTreeMap<(String, String), String>,
    /// The element's own text (text and CDATA children, concatenated), trimmed.
    text: String,
    children: Vec<Tree>,
}

/// Expands a QName value (optionally followed by an array suffix such as `[3]`) against the
/// namespace scope of `node`, as XSD resolves QName values: an unprefixed name takes the
/// default namespace.
fn expand_qname(node: roxmltree::Node, value: &str) -> String {
    let value = value.trim();
    let (name, suffix) = match value.find('[') {
        Some(i) => value.split_at(i),
        None => (value, ""),
    };
    let (prefix, local) = match name.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let ns = node
        .lookup_namespace_uri(prefix)
        .unwrap_or_else(|| panic!("QName `{value}` uses an undeclared prefix"));
    format!("{{{ns}}}{local}{suffix}")
}

impl Tree {
    /// `qnames`: local names of elements whose text, and of attributes whose value, is a QName.
    fn of(node: roxmltree::Node, qnames: &[&str]) -> Tree {
        let mut attributes = BTreeMap::new();
        for a in node.attributes() {
            let value = if qnames.contains(&a.name()) {
                expand_qname(node, a.value())
            } else {
                a.value().to_string()
            };
            attributes.insert(
                (
                    a.namespace().unwrap_or("").to_string(),
                    a.name().to_string(),
                ),
                value,
            );
        }
        let text: String = node
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect();
        let local = node.tag_name().name().to_string();
        let text = if qnames.contains(&local.as_str()) && !text.trim().is_empty() {
            expand_qname(node, &text)
        } else {
            text.trim().to_string()
        };
        Tree {
            ns: node.tag_name().namespace().unwrap_or("").to_string(),
            local,
            attributes,
            text,
            children: node
                .children()
                .filter(|c| c.is_element())
                .map(|c| Tree::of(c, qnames))
                .collect(),
        }
    }

    /// One line per element, indented: `{ns}local @{ns}name="value" = "text"`.
    fn render(&self) -> String {
        fn walk(t: &Tree, depth: usize, out: &mut String) {
            out.push_str(&"  ".repeat(depth));
            out.push_str(&format!("{{{}}}{}", t.ns, t.local));
            for ((ns, local), value) in &t.attributes {
                out.push_str(&format!(" @{{{ns}}}{local}={value:?}"));
            }
            if !t.text.is_empty() {
                out.push_str(&format!(" = {:?}", t.text));
            }
            out.push('\n');
            for c in &t.children {
                walk(c, depth + 1, out);
            }
        }
        let mut out = String::new();
        walk(self, 0, &mut out);
        out
    }

    /// The descendant at `path`: local names separated by `/`, each optionally followed by
    /// `[n]`, the index among the siblings of that name (default 0).
    fn at(&mut self, path: &str) -> &mut Tree {
        let mut node = self;
        for step in path.split('/') {
            let (name, index) = match step.split_once('[') {
                Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().unwrap()),
                None => (step, 0),
            };
            node = node
                .children
                .iter_mut()
                .filter(|c| c.local == name)
                .nth(index)
                .unwrap_or_else(|| panic!("no element `{step}` in path `{path}`"));
        }
        node
    }

    fn attr_mut(&mut self, ns: &str, local: &str) -> &mut String {
        let name = (ns.to_string(), local.to_string());
        let element = self.local.clone();
        self.attributes
            .get_mut(&name)
            .unwrap_or_else(|| panic!("`{element}` has no attribute {{{ns}}}{local}"))
    }

    /// Replaces the value of an attribute the element has.
    fn set_attr(&mut self, ns: &str, local: &str, value: &str) {
        *self.attr_mut(ns, local) = value.to_string();
    }

    /// Removes an attribute the element has.
    fn remove_attr(&mut self, ns: &str, local: &str) {
        self.attr_mut(ns, local);
        self.attributes.remove(&(ns.to_string(), local.to_string()));
    }

    /// Removes an attribute wherever it appears in the tree; returns how many were removed.
    fn remove_attr_everywhere(&mut self, ns: &str, local: &str) -> usize {
        let removed = usize::from(
            self.attributes
                .remove(&(ns.to_string(), local.to_string()))
                .is_some(),
        );
        removed
            + self
                .children
                .iter_mut()
                .map(|c| c.remove_attr_everywhere(ns, local))
                .sum::<usize>()
    }

    /// Removes the child at `path` (relative to this element).
    fn remove(&mut self, path: &str) {
        let (parent, last) = match path.rsplit_once('/') {
            Some((p, l)) => (self.at(p), l),
            None => (self, path),
        };
        let target: *const Tree = &*parent.at(last);
        parent.children.retain(|c| !std::ptr::eq(c, target));
    }

    /// Reorders the children by the order of their local names in `order`.
    fn order_children(&mut self, order: &[&str]) {
        self.children.sort_by_key(|c| {
            order
                .iter()
                .position(|n| *n == c.local)
                .unwrap_or_else(|| panic!("`{}` is not in {order:?}", c.local))
        });
    }
}

/// The first element of the Body of `envelope`.
fn body_entry(envelope: &str, qnames: &[&str]) -> Tree {
    let doc = roxmltree::Document::parse(envelope)
        .unwrap_or_else(|e| panic!("bad XML ({e}):\n{envelope}"));
    let body = doc
        .root_element()
        .children()
        .find(|n| n.is_element() && n.tag_name().name() == "Body")
        .unwrap_or_else(|| panic!("no Body:\n{envelope}"));
    let entry = body
        .children()
        .find(|n| n.is_element())
        .unwrap_or_else(|| panic!("empty Body:\n{envelope}"));
    Tree::of(entry, qnames)
}

#[track_caller]
fn assert_trees(expected: &Tree, actual: &Tree, context: &str, written: &str) {
    assert_eq!(
        expected.render(),
        actual.render(),
        "{context}: the re-encoded element differs (left: expected, right: written)\nwritten: {written}"
    );
}

// ---------------------------------------------------------------------------------------------
// The harness

/// The server of a feature, answering `Echo` with its request.
macro_rules! echo_server {
    ($feature:ident :: $ty:ident) => {{
        use features::$feature as m;
        struct Echo;
        impl m::Feature for Echo {
            async fn echo(&self, body: m::$ty) -> Result<m::$ty, Fault> {
                Ok(body)
            }
        }
        m::FeatureServer::new(Echo)
    }};
}

/// One feature's messages, checked one by one.
struct Construct<S: SoapDispatch> {
    name: &'static str,
    ns: String,
    server: InProcess<S>,
    qnames: &'static [&'static str],
    request: &'static str,
    response: &'static str,
    claimed: Vec<String>,
    /// SOAP encoding: the server annotates types, so the re-encoding step does too.
    encoded: bool,
}

impl<S: SoapDispatch> Construct<S> {
    fn new(name: &'static str, server: S) -> Self {
        assert!(FEATURES.contains(&name), "{name} is not in FEATURES");
        Construct {
            name,
            ns: format!("urn:feature:{name}"),
            server: InProcess::new(server),
            qnames: &[],
            request: "EchoRequest",
            response: "EchoResponse",
            claimed: Vec::new(),
            encoded: false,
        }
    }

    /// Names of QName-valued elements and attributes (compared expanded).
    fn qnames(mut self, qnames: &'static [&'static str]) -> Self {
        self.qnames = qnames;
        self
    }

    /// The request and response body elements (rpc style names them after the operation).
    fn elements(mut self, request: &'static str, response: &'static str) -> Self {
        self.request = request;
        self.response = response;
        self
    }

    fn read(&self, file: &str) -> String {
        let path = features_dir().join(self.name).join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// SOAP encoding (`use="encoded"`): values are written with `xsi:type`.
    fn encoded(mut self) -> Self {
        self.encoded = true;
        self
    }

    /// Decodes `file`, hands the value and the expected tree (the input's body element) to
    /// `check`, which asserts values and applies the documented differences, then compares the
    /// re-encoded element and the echo server's response with the expected tree.
    async fn message<T: FromXml + ToXml>(
        &mut self,
        file: &str,
        check: impl FnOnce(&T, &mut Tree),
    ) -> T {
        self.claimed.push(file.to_string());
        let context = format!("{}/{file}", self.name);
        let text = self.read(file);
        let message = Message::parse(text.as_bytes(), Limits::default())
            .unwrap_or_else(|e| panic!("{context}: not an envelope: {e}"));
        let value: T = message
            .decode_body(&self.ns, self.request)
            .unwrap_or_else(|e| panic!("{context}: decoding failed: {e}"));
        let sent = body_entry(&text, self.qnames);
        assert_eq!(
            (sent.ns.as_str(), sent.local.as_str()),
            (self.ns.as_str(), self.request)
        );
        let mut expected = sent.clone();
        check(&value, &mut expected);

        let mut envelope = EnvelopeWriter::new(message.version());
        envelope.body().set_annotate_types(self.encoded);
        soapgen_runtime::xml::write_element(envelope.body(), &self.ns, self.request, &value);
        let written = envelope.finish();
        assert_trees(
            &expected,
            &body_entry(&written, self.qnames),
            &context,
            &written,
        );

        let response = self
            .server
            .send(HttpRequest {
                content_type: "text/xml; charset=utf-8".into(),
                soap_action: Some(format!("\"urn:feature:{}#Echo\"", self.name)),
                body: text.into_bytes(),
            })
            .await
            .unwrap();
        let answer = String::from_utf8(response.body.to_vec()).unwrap();
        assert_eq!(
            response.status, 200,
            "{context}: the echo server answered\n{answer}"
        );
        expected.local = self.response.to_string();
        assert_trees(
            &expected,
            &body_entry(&answer, self.qnames),
            &format!("{context} (echo server)"),
            &answer,
        );
        value
    }

    /// Decodes an inline message that must fail, returning the error.
    fn failure<T: FromXml + std::fmt::Debug>(&self, body_entry: &str) -> DecodeError {
        let envelope = format!(
            r#"<e:Envelope xmlns:e="{SOAPENV_NS}"><e:Body>{body_entry}</e:Body></e:Envelope>"#
        );
        let message = Message::parse(envelope.as_bytes(), Limits::default()).unwrap();
        message
            .decode_body::<T>(&self.ns, self.request)
            .expect_err("decoding must fail")
    }

    /// A message checked by another test (named in the reason).
    fn elsewhere(&mut self, file: &str, _reason: &str) {
        self.claimed.push(file.to_string());
    }

    /// Checks that every message of the feature was claimed.
    fn done(&self) {
        let dir = features_dir().join(self.name);
        let mut unclaimed: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".xml") && !self.claimed.contains(f))
            .collect();
        unclaimed.sort();
        assert!(
            unclaimed.is_empty(),
            "{}: messages without expectations: {unclaimed:?}",
            self.name
        );
    }
}

fn s(v: &str) -> String {
    v.to_string()
}

// ---------------------------------------------------------------------------------------------
// The fixtures themselves

#[test]
fn every_feature_fixture_is_compiled_and_has_messages() {
    let mut on_disk: Vec<String> = std::fs::read_dir(features_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| f.strip_suffix(".wsdl").map(str::to_string))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FEATURES.iter().map(|f| f.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/fixtures/features/*.wsdl and generated_example::FEATURES (which build.rs compiles) \
         must agree"
    );
    let lib_rs = std::fs::read_to_string(repo_root().join("generated-example/src/lib.rs")).unwrap();
    for feature in FEATURES {
        assert!(
            lib_rs.contains(&format!("include_soap!(\"{feature}\")")),
            "{feature} not in lib.rs"
        );
        let wsdl = std::fs::read_to_string(features_dir().join(format!("{feature}.wsdl"))).unwrap();
        assert!(
            wsdl.contains(&format!("<!-- Feature fixture \"{feature}\"")),
            "{feature}.wsdl must say what it covers"
        );
        assert!(
            wsdl.lines().count() <= 80,
            "{feature}.wsdl is over 80 lines"
        );
        let messages = std::fs::read_dir(features_dir().join(feature))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension() == Some("xml".as_ref()))
            .count();
        assert!(messages > 0, "{feature} has no example messages");
    }
}

// ---------------------------------------------------------------------------------------------
// One test per construct

#[tokio::test]
async fn sequence_choice_all() {
    use features::sequence_choice_all::*;
    let mut f = Construct::new(
        "sequence-choice-all",
        echo_server!(sequence_choice_all::Order),
    );
    f.message("card-items-carrier.xml", |v: &Order, expected| {
        assert_eq!(v.id, 17);
        assert_eq!(
            v.address,
            Address {
                street: s("1 Rue de Rivoli"),
                city: s("Paris"),
                zip: Some(s("75001")),
            }
        );
        assert_eq!(v.choice, OrderChoice::Card(s("4111-1111")));
        assert_eq!(
            v.choice2,
            [
                OrderChoice2::Item(s("tea")),
                OrderChoice2::Note(s("no sugar")),
                OrderChoice2::Item(s("cake")),
            ]
        );
        // A choice with a sequence alternative is the list of its elements (see the README).
        assert_eq!(v.choice3, [OrderChoice3::Carrier(s("DHL"))]);
        assert_eq!(v.gift_wrap, Some(true));
        assert_eq!(v.gift_note.as_deref(), Some("Happy birthday"));
        // xs:all: the order of the children carries nothing; we write the schema's order.
        expected
            .at("address")
            .order_children(&["street", "city", "zip"]);
    })
    .await;
    f.message("invoice-pickup.xml", |v: &Order, _| {
        assert_eq!(v.id, -3);
        assert_eq!(v.address.zip, None);
        assert_eq!(v.choice, OrderChoice::Invoice(20240001));
        assert!(v.choice2.is_empty());
        assert_eq!(v.choice3, [OrderChoice3::Pickup(s("store 12"))]);
        assert_eq!((v.gift_wrap, v.gift_note.as_ref()), (None, None));
    })
    .await;
    f.elsewhere(
        "carrier-tracking.xml",
        "sequence_choice_all_sequence_alternative",
    );
    f.elsewhere(
        "nested-choices-repeated-names.xml",
        "sequence_choice_all_nested_choices_repeated_names",
    );
    // The required choice is missing: an error that says so.
    let err = f.failure::<Order>(
        r#"<EchoRequest xmlns="urn:feature:sequence-choice-all"><id>1</id><address><street>a</street><city>b</city></address><pickup>c</pickup></EchoRequest>"#,
    );
    assert_eq!(
        err.to_string(),
        "missing required element <card|invoice> in <EchoRequest>"
    );
    f.done();
}

/// A choice whose alternative is a sequence of two elements: both are kept, in order (the
/// choice is the list of its elements, since a variant per alternative would hold only one).
#[tokio::test]
async fn sequence_choice_all_sequence_alternative() {
    use features::sequence_choice_all::*;
    let mut f = Construct::new(
        "sequence-choice-all",
        echo_server!(sequence_choice_all::Order),
    );
    f.message("carrier-tracking.xml", |v: &Order, expected| {
        assert_eq!(v.id, 5);
        assert_eq!(v.choice, OrderChoice::Card(s("5500-0000")));
        assert_eq!(
            v.choice3,
            [
                OrderChoice3::Carrier(s("Posten")),
                OrderChoice3::Tracking(s("LX123456789NO")),
            ]
        );
        expected
            .at("address")
            .order_children(&["street", "city", "zip"]);
    })
    .await;
}

/// Choices nested in a repeated choice add their alternatives to it (one variant per element,
/// in document order); an element name declared twice in a sequence, and two wildcards, fill
/// the later declaration with what follows the element between them.
#[tokio::test]
async fn sequence_choice_all_nested_choices_repeated_names() {
    use features::sequence_choice_all::*;
    let mut f = Construct::new(
        "sequence-choice-all",
        echo_server!(sequence_choice_all::Order),
    );
    f.message("nested-choices-repeated-names.xml", |v: &Order, _| {
        assert_eq!(v.id, 9);
        assert_eq!(
            (&v.choice, v.choice3.as_slice()),
            (
                &OrderChoice::Invoice(7),
                [OrderChoice3::Pickup(s("desk"))].as_slice()
            )
        );
        assert_eq!(
            v.choice4,
            [
                OrderChoice4::Voucher(vec![s("V1")]),
                OrderChoice4::Coupon(s("C1")),
                OrderChoice4::Voucher(vec![s("V2")]),
                OrderChoice4::Voucher(vec![s("V3")]),
                OrderChoice4::Miles(300),
            ]
        );
        // Exhaustive: the nested choices have no variant of their own.
        for c in &v.choice4 {
            match c {
                OrderChoice4::Coupon(_)
                | OrderChoice4::Voucher(_)
                | OrderChoice4::Points(_)
                | OrderChoice4::Miles(_) => {}
            }
        }
        assert_eq!(
            (v.tag.as_slice(), v.total),
            ([s("early"), s("first")].as_slice(), Some(42))
        );
        assert_eq!(v.tag2, [s("late")]);
        let names = |raw: &[soapgen_runtime::RawXml]| -> Vec<String> {
            raw.iter()
                .map(|x| {
                    x.as_str()
                        .split([' ', '/', '>'])
                        .next()
                        .unwrap_or("")
                        .to_string()
                })
                .collect()
        };
        assert_eq!(names(&v.any), ["<x:before"]);
        assert_eq!(names(&v.any2), ["<x:after", "<x:last"]);
    })
    .await;
}

#[tokio::test]
async fn group_refs() {
    use features::group_refs::*;
    let mut f = Construct::new("group-refs", echo_server!(group_refs::Person));
    f.message("full.xml", |v: &Person, _| {
        assert_eq!(v.id.as_deref(), Some("p-1"));
        assert_eq!(
            v.created.as_ref().map(ToString::to_string).as_deref(),
            Some("2024-05-01T08:30:00Z")
        );
        assert_eq!(v.version, 2);
        assert_eq!(
            (v.first.as_str(), v.last.as_str(), v.age),
            ("Ada", "Lovelace", 36)
        );
        assert_eq!(v.email.as_deref(), Some("ada@example.org"));
        assert_eq!(v.phone, ["+44 20 1234", "+44 20 5678"]);
        assert_eq!(v.choice, PersonChoice::Sms(s("+44 7700 900000")));
        assert_eq!(
            v.manager,
            Some(Manager {
                version: 1,
                first: s("Charles"),
                last: s("Babbage"),
            })
        );
    })
    .await;
    f.message("minimal.xml", |v: &Person, expected| {
        assert_eq!(
            (v.id.as_ref(), v.created.as_ref(), v.version),
            (None, None, 7)
        );
        assert_eq!(v.email, None);
        assert!(v.phone.is_empty());
        assert_eq!(v.choice, PersonChoice::Post(s("Arlington, VA")));
        assert_eq!(v.manager, None);
        // An attribute the type does not declare (and no xs:anyAttribute) is not kept, like an
        // undeclared element.
        expected.remove_attr("urn:feature:group-refs", "ignored");
    })
    .await;
    f.done();

    // The attribute group's required attribute is enforced.
    let err = f.failure::<Person>(
        r#"<EchoRequest xmlns="urn:feature:group-refs"><first>a</first><last>b</last><age>1</age><sms>c</sms></EchoRequest>"#,
    );
    assert!(
        matches!(err, DecodeError::MissingAttribute { ref name, .. } if name == "version"),
        "{err}"
    );
}

#[tokio::test]
async fn complex_extension() {
    use features::complex_extension::*;
    let mut f = Construct::new("complex-extension", echo_server!(complex_extension::Kennel))
        .qnames(&["type"]);
    f.message("kennel.xml", |v: &Kennel, expected| {
        assert_eq!(
            v.puppy,
            Puppy {
                id: 1,
                good_boy: Some(true),
                name: s("Rex"),
                legs: Some(4),
                breed: s("Beagle"),
                age_weeks: 9,
            }
        );
        // Dog has a derived type (Puppy), so a `dog` element holds `AnyDog`.
        let dogs: Vec<&Dog> = v
            .dog
            .iter()
            .map(|d| match d {
                AnyDog::Dog(d) => &**d,
                other => panic!("a plain Dog was sent: {other:?}"),
            })
            .collect();
        assert_eq!(dogs.len(), 2);
        assert_eq!(
            (dogs[0].id, dogs[0].good_boy, dogs[0].legs),
            (2, None, None)
        );
        assert_eq!((dogs[1].good_boy, dogs[1].legs), (Some(false), Some(3)));
        assert_eq!(
            v.tagged,
            Some(Tagged {
                id: 4,
                tag: Some(s("chip-42")),
                name: s("Tom"),
                legs: None,
            })
        );
        assert_eq!(
            v.animal,
            Some(AnyAnimal::Animal(Box::new(Animal {
                id: 5,
                name: s("Nemo"),
                legs: Some(0),
            })))
        );
        // xs:boolean is written in its canonical form.
        expected.at("dog[1]").set_attr("", "goodBoy", "false");
    })
    .await;
    f.message("xsi-type.xml", |v: &Kennel, expected| {
        assert_eq!((v.puppy.id, v.puppy.age_weeks), (10, 12));
        // A Dog sent where an Animal is declared decodes as the Dog, with all it has.
        assert_eq!(
            v.animal,
            Some(AnyAnimal::Dog(Box::new(Dog {
                id: 11,
                good_boy: Some(true),
                name: s("Lassie"),
                legs: None,
                breed: s("Collie"),
            })))
        );
        // `puppy` is declared a Puppy, which nothing derives from: its xsi:type naming the
        // declared type itself is not written back (it says nothing); the Dog's is.
        expected.at("puppy").remove_attr(XSI_NS, "type");
    })
    .await;
    f.done();
}

#[tokio::test]
async fn polymorphism() {
    use features::polymorphism::*;
    let mut f =
        Construct::new("polymorphism", echo_server!(polymorphism::Drawing)).qnames(&["type"]);
    let square = |label: &str, side| Square {
        label: s(label),
        side,
    };
    let colored = |color: &str, label: &str, side| ColoredSquare {
        color: Some(s(color)),
        label: s(label),
        side,
    };
    f.message("drawing.xml", |v: &Drawing, _| {
        assert_eq!(
            v.main,
            AnyShape::Circle(Box::new(Circle {
                label: s("sun"),
                radius: 2.5
            }))
        );
        assert_eq!(
            v.extra,
            [
                AnyShape::from(square("box", 3)),
                AnyShape::from(colored("red", "tile", 1)),
            ]
        );
        assert_eq!(v.square, Some(AnySquare::from(colored("blue", "sq", 4))));
        assert_eq!(
            v.origin,
            AnyPoint::Point(Box::new(Point { x: 1, y: Some(2) }))
        );
        // Members of the abstract head's group, one through a member's own group; `tile` has
        // no type of its own and takes its head's (Square).
        assert_eq!(
            v.shape,
            [
                ShapeGroup::Circle(Circle {
                    label: s("moon"),
                    radius: 1.0
                }),
                ShapeGroup::Square(square("block", 7).into()),
                ShapeGroup::Tile(square("floor", 2).into()),
            ]
        );
        assert_eq!(v.note, Some(NoteGroup::UrgentNote(s("hurry"))));
    })
    .await;
    f.message("restriction.xml", |v: &Drawing, expected| {
        assert_eq!(v.main, AnyShape::from(square("only", 5)));
        assert_eq!(v.square, Some(AnySquare::from(square("plain", 6))));
        assert_eq!(v.origin, AnyPoint::OnAxis(Box::new(OnAxis { x: 9 })));
        assert_eq!(v.note, Some(NoteGroup::Note(s("calm"))));
        // A group that is a choice alternative: its members are the choice's alternatives.
        assert_eq!(
            v.frame,
            Some(Frame {
                choice: FrameChoice::Caption(s("hi"))
            })
        );
        // An xsi:type naming the declared type itself says nothing and is not written back.
        expected.at("square").remove_attr(XSI_NS, "type");
    })
    .await;
    f.done();

    // An abstract declared type needs an xsi:type naming a concrete derived type.
    let main = |attrs: &str| {
        format!(
            r#"<EchoRequest xmlns="urn:feature:polymorphism" xmlns:i="{XSI_NS}"><main{attrs}><label>x</label></main><origin><x>0</x></origin></EchoRequest>"#
        )
    };
    let err = f.failure::<Drawing>(&main(""));
    assert!(
        err.to_string().contains("abstract type `Shape`")
            && err.to_string().contains("it has no xsi:type"),
        "{err}"
    );
    let err = f.failure::<Drawing>(&main(r#" i:type="Point""#));
    assert!(
        err.to_string()
            .contains("xsi:type `{urn:feature:polymorphism}Point` is not one of them"),
        "{err}"
    );
    // An xsi:type with an undeclared prefix is refused, not guessed.
    let err = f.failure::<Drawing>(&main(r#" i:type="q:Circle""#));
    assert!(
        err.to_string().contains("undeclared namespace prefix `q`"),
        "{err}"
    );
}

#[tokio::test]
async fn complex_restriction() {
    use features::complex_restriction::*;
    let mut f = Construct::new(
        "complex-restriction",
        echo_server!(complex_restriction::Holder),
    );
    f.message("holder.xml", |v: &Holder, _| {
        assert_eq!(
            v.restricted,
            [
                Restricted {
                    lang: Some(s("en")),
                    code: s("A1"),
                    label: s("First"),
                },
                Restricted {
                    lang: None,
                    code: s("B2"),
                    label: s(""),
                },
            ]
        );
        assert_eq!(
            v.base,
            Some(
                Base {
                    lang: Some(s("fr")),
                    hidden: Some(true),
                    code: s("C3"),
                    label: None,
                    extra: vec![s("x"), s("y")],
                }
                .into()
            )
        );
    })
    .await;
    f.message("restricted-away.xml", |v: &Holder, expected| {
        assert_eq!(v.restricted[0].label, "Vierte");
        // The restriction prohibits `hidden` and drops `extra`: neither is kept.
        expected.at("restricted").remove_attr("", "hidden");
        expected.remove("restricted/extra");
    })
    .await;
    f.done();
}

#[tokio::test]
async fn simple_content_extension() {
    use features::simple_content_extension::*;
    use soapgen_runtime::xsd::Decimal;
    let mut f = Construct::new(
        "simple-content-extension",
        echo_server!(simple_content_extension::Prices),
    );
    f.message("prices.xml", |v: &Prices, _| {
        assert_eq!(
            v.price,
            Money {
                currency: s("EUR"),
                approx: Some(false),
                value: "12.50".parse::<Decimal>().unwrap(),
            }
            .into()
        );
        let taxed = v.taxed.as_ref().unwrap();
        assert_eq!(taxed.value.as_str(), "19.99");
        assert_eq!(taxed.rate.as_ref().map(Decimal::as_str), Some("0.20"));
        assert_eq!((taxed.currency.as_str(), taxed.approx), ("USD", None));
        assert_eq!(
            v.label,
            [
                Label {
                    lang: Some(s("en")),
                    value: s("Fish & Chips"),
                },
                Label {
                    lang: None,
                    value: s("a < b && c > d"),
                },
                Label {
                    lang: Some(s("fr-CA")),
                    value: s(""),
                },
            ]
        );
    })
    .await;
    f.message("minimal.xml", |v: &Prices, _| {
        let AnyMoney::Money(price) = &v.price else {
            panic!("a plain Money was sent: {:?}", v.price);
        };
        assert_eq!(price.value.as_str(), "-0.000000000000000000001");
        assert_eq!(v.taxed, None);
        assert_eq!(v.label.len(), 1);
    })
    .await;
    f.done();

    // The required attribute of the text is enforced.
    let err = f.failure::<Prices>(
        r#"<EchoRequest xmlns="urn:feature:simple-content-extension"><price>1</price><label>x</label></EchoRequest>"#,
    );
    assert!(
        matches!(err, DecodeError::MissingAttribute { ref name, .. } if name == "currency"),
        "{err}"
    );
}

#[tokio::test]
async fn simple_content_restriction() {
    use features::simple_content_restriction::*;
    let mut f = Construct::new(
        "simple-content-restriction",
        echo_server!(simple_content_restriction::Report),
    );
    f.message("report.xml", |v: &Report, _| {
        assert_eq!(
            v.length,
            Length {
                unit: s("m"),
                precision: None,
                value: s("12.5"),
            }
        );
        // Facets (here the restriction's enumeration) are documented, not enforced.
        let grades: Vec<(&str, &str)> = v
            .grade
            .iter()
            .map(|g| (g.unit.as_str(), g.value.as_str()))
            .collect();
        assert_eq!(grades, [("letter", "A"), ("letter", "C")]);
        assert_eq!(
            v.raw,
            Some(
                Measure {
                    unit: s("kg"),
                    precision: Some(2),
                    value: s("3.14"),
                }
                .into()
            )
        );
    })
    .await;
    f.done();
}

#[tokio::test]
async fn any_anyattribute_anytype() {
    use features::any_anyattribute_anytype::*;
    let mut f = Construct::new(
        "any-anyattribute-anytype",
        echo_server!(any_anyattribute_anytype::Bag),
    )
    // xsi:type's value is a QName: compared expanded, so its prefix must be declared again.
    .qnames(&["type"]);
    f.message("bag.xml", |v: &Bag, _| {
        assert_eq!(v.id.as_deref(), Some("b1"));
        let mut other = v.other_attributes.clone();
        other.sort();
        assert_eq!(
            other,
            [
                (s("urn:example:ext"), s("flag"), s("yes")),
                (s("urn:example:meta"), s("trace"), s("abc-123")),
            ]
        );
        assert_eq!(v.known, "k <1>");
        assert_eq!(v.any.len(), 3);
        assert!(
            v.any[0].as_str().contains("blue &amp; green"),
            "{}",
            v.any[0]
        );
        assert!(v.payload.as_str().contains("Some text, "), "{}", v.payload);
        assert!(v.untyped.as_ref().unwrap().as_str().contains("<deeper"));
        // Nothing is changed: wildcard content comes back verbatim.
    })
    .await;
    f.message("payload-attributes.xml", |v: &Bag, _| {
        assert_eq!(v.known, "k");
        assert!(v.any.is_empty());
        assert_eq!(v.payload.as_str(), "hello");
        assert_eq!(
            v.payload.attributes(),
            [
                (s(XSI_NS), s("type"), s("xsd:string")),
                (s(""), s("note"), s("typed")),
            ]
        );
        // Nothing is changed: the anyType element's own attributes come back too.
    })
    .await;
    f.done();
}

#[tokio::test]
async fn mixed() {
    use features::mixed::*;
    let mut f = Construct::new("mixed", echo_server!(mixed::Document));
    f.message("document.xml", |v: &Document, _| {
        assert_eq!(v.title, "Notes");
        assert_eq!(v.para.len(), 3);
        assert_eq!(v.para[0].style.as_deref(), Some("lead"));
        assert_eq!(
            v.para[0].choice,
            [
                ParagraphChoice::B(s("world")),
                ParagraphChoice::Link(Link {
                    href: s("http://example.com/?a=1&b=2"),
                    value: s("the site"),
                }),
                ParagraphChoice::B(s("more")),
            ]
        );
        assert!(v.para[1].choice.is_empty());
        assert_eq!(v.para[2].choice, [ParagraphChoice::B(s("no text"))]);
        // Mixed content: the text around the children, slot by slot, whitespace kept.
        assert_eq!(
            v.para[0].text,
            [s("Hello "), s(", see "), s(" and "), s(".")]
        );
        assert_eq!(v.para[1].text, [s("Text only & nothing else")]);
        assert_eq!(v.para[2].text, [s(""), s("")]);
    })
    .await;
    f.done();

    // Re-encoding puts each text back after its child, exactly.
    let para = Paragraph {
        style: None,
        choice: vec![ParagraphChoice::B(s("x")), ParagraphChoice::B(s("y"))],
        text: vec![s("a <"), s(" & "), s("")],
    };
    let mut w = soapgen_runtime::XmlWriter::new();
    soapgen_runtime::xml::write_element(&mut w, "urn:feature:mixed", "para", &para);
    assert_eq!(
        w.into_string(),
        r#"<para xmlns="urn:feature:mixed">a &lt;<b>x</b> &amp; <b>y</b></para>"#
    );
    // Texts beyond the children are written before the end tag; missing ones are empty.
    let para = Paragraph {
        text: vec![s("only"), s(" then"), s(" extra"), s(" more")],
        choice: vec![ParagraphChoice::B(s("x"))],
        ..para
    };
    let mut w = soapgen_runtime::XmlWriter::new();
    soapgen_runtime::xml::write_element(&mut w, "urn:feature:mixed", "para", &para);
    assert_eq!(
        w.into_string(),
        r#"<para xmlns="urn:feature:mixed">only<b>x</b> then extra more</para>"#
    );
}

#[tokio::test]
async fn nillable() {
    use features::nillable::*;
    use soapgen_runtime::Nillable;
    let mut f = Construct::new("nillable", echo_server!(nillable::Record));
    f.message("nils.xml", |v: &Record, expected| {
        assert_eq!(v.name, Nillable::Nil);
        assert_eq!(v.count, Some(Nillable::Nil));
        assert_eq!(v.comment, None);
        assert_eq!(v.point, Some(Nillable::Nil));
        assert_eq!(
            v.tag,
            [
                Nillable::Value(s("a")),
                Nillable::Nil,
                Nillable::Value(s(""))
            ]
        );
        assert_eq!(v.plain.as_deref(), Some(""));
        // xsi:nil is written in its canonical form.
        expected.at("count").set_attr(XSI_NS, "nil", "true");
    })
    .await;
    f.message("values.xml", |v: &Record, expected| {
        assert_eq!(v.name, Nillable::Value(s("")));
        assert_eq!(v.count, Some(Nillable::Value(5)));
        assert_eq!(v.comment, Some(Nillable::Value(s(""))));
        assert_eq!(v.point, Some(Nillable::Value(Point { x: 1 })));
        assert!(v.tag.is_empty());
        assert_eq!(v.plain, None);
        // xsi:nil="false" says what a value says already; it is not written.
        expected.at("count").remove_attr(XSI_NS, "nil");
    })
    .await;
    f.done();

    // A required nillable element may be nil but not absent.
    let err = f.failure::<Record>(r#"<EchoRequest xmlns="urn:feature:nillable"/>"#);
    assert!(
        matches!(err, DecodeError::MissingElement { ref name, .. } if name == "name"),
        "{err}"
    );
}

#[tokio::test]
async fn default_fixed() {
    use features::default_fixed::*;
    let mut f = Construct::new("default-fixed", echo_server!(default_fixed::Settings));
    f.message("absent.xml", |v: &Settings, _| {
        // Defaults are documented, not filled in: what is absent stays absent, and is not
        // written back either.
        assert_eq!(
            v,
            &Settings {
                timeout: None,
                protocol: None,
                retries: None,
                mode: None,
                version: s("1.0"),
            }
        );
    })
    .await;
    f.message("present.xml", |v: &Settings, _| {
        assert_eq!(
            v,
            &Settings {
                timeout: Some(5),
                protocol: Some(s("soap")),
                retries: Some(0),
                mode: Some(s("safe")),
                version: s("1.0"),
            }
        );
    })
    .await;
    f.message("empty.xml", |v: &Settings, expected| {
        // XSD (Structures 3.3.4): an empty element whose declaration has a default has the
        // default value. We write that value back.
        assert_eq!((v.retries, v.mode.as_deref()), (Some(3), Some("fast")));
        expected.at("retries").text = s("3");
        expected.at("mode").text = s("fast");
    })
    .await;
    f.done();
}

#[tokio::test]
async fn enumerations() {
    use features::enumerations::*;
    let mut f = Construct::new("enumerations", echo_server!(enumerations::Ticket));
    f.message("known.xml", |v: &Ticket, _| {
        assert_eq!(
            v.status,
            [
                Status::Active,
                Status::OnHold,
                Status::V2ndTry,
                Status::Active2,
                Status::Empty,
            ]
        );
        assert_eq!(v.level, Some(Level::Minus1));
        assert_eq!(v.priority, Some(Priority::High));
    })
    .await;
    f.message("unknown.xml", |v: &Ticket, _| {
        // Values outside the enumeration are kept as received (case included) and written back
        // unchanged.
        assert_eq!(
            v.status,
            [
                Status::Unrecognized(s("archived")),
                Status::Unrecognized(s("ACTIVE")),
            ]
        );
        assert_eq!(v.level, Some(Level::Unrecognized(s("7"))));
        assert_eq!(v.priority, Some(Priority::Unrecognized(s("urgent"))));
    })
    .await;
    f.message("repeated-value.xml", |v: &Ticket, _| {
        assert_eq!(v.status, [Status::OnHold]);
        assert_eq!(v.level, Some(Level::V1));
        // Exhaustive: the value listed twice has one variant.
        match Level::V1 {
            Level::V1 | Level::V2 | Level::Minus1 | Level::Unrecognized(_) => {}
        }
    })
    .await;
    f.done();
}

#[tokio::test]
async fn list_union() {
    use features::list_union::*;
    use soapgen_runtime::xsd::Decimal;
    let decimals = |v: &ShapeWeights| v.0.iter().map(Decimal::to_string).collect::<Vec<_>>();
    let mut f = Construct::new("list-union", echo_server!(list_union::Shape));
    f.message("lists.xml", |v: &Shape, expected| {
        assert_eq!(v.points, IntList(vec![1, 2, -3]));
        assert_eq!(
            v.colors,
            Colors(vec![
                Color::Red,
                Color::Green,
                Color::Unrecognized(s("purple")),
            ])
        );
        assert_eq!(v.width, ["auto", "12"]);
        assert_eq!(decimals(&v.weights), ["0.5", "1.250", "-2"]);
        assert_eq!(v.tags, Some(IntList(vec![7, 8])));
        // xs:list collapses whitespace: items are written separated by single spaces.
        expected.at("points").text = s("1 2 -3");
        expected.set_attr("", "tags", "7 8");
    })
    .await;
    f.message("empty.xml", |v: &Shape, _| {
        assert_eq!(v.points, IntList(vec![]));
        assert_eq!(v.colors, Colors(vec![]));
        // A union is kept as its text, exactly as sent.
        assert_eq!(v.width, [" 40 "]);
        assert_eq!(decimals(&v.weights), ["3"]);
        assert_eq!(v.tags, None);
    })
    .await;
    f.done();
}

#[tokio::test]
async fn builtins() {
    use features::builtins::*;
    use soapgen_runtime::xsd::QName;
    let mut f =
        Construct::new("builtins", echo_server!(builtins::Values)).qnames(&["qname", "code"]);
    f.message("edges.xml", |v: &Values, expected| {
        assert_eq!(
            v.decimal.as_str(),
            "-12345678901234567890.12345678901234567890"
        );
        assert_eq!(
            v.decimal
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .count(),
            40
        );
        assert_eq!(v.integer.as_str(), "123456789012345678901234567890");
        assert_eq!(v.integer.to_i64(), None);
        assert_eq!(v.negative.to_i128(), Some(-98765432109876543210));
        assert_eq!(v.zoned.to_string(), "2024-02-29T23:59:59.123456789+14:00");
        assert_eq!(v.zoned.timezone_minutes(), Some(14 * 60));
        assert_eq!(v.zoned.nanosecond(), 123_456_789);
        assert_eq!(v.local.to_string(), "2024-01-01T00:00:00");
        assert_eq!(v.local.timezone(), None);
        assert_eq!(
            (v.date.year(), v.date.month(), v.date.day()),
            (2024, 12, 31)
        );
        assert_eq!(v.date.timezone().map(|t| t.minutes()), Some(-300));
        assert_eq!(v.time.to_string(), "23:59:59.999Z");
        assert!(v.duration.is_negative());
        assert_eq!(
            (v.duration.years(), v.duration.months(), v.duration.days()),
            (1, 2, 3)
        );
        assert_eq!(v.duration.to_string(), "-P1Y2M3DT4H5M6.7S");
        assert_eq!(v.base64.as_bytes(), b"Hello, World!");
        assert_eq!(v.hex.as_bytes(), [0x0f, 0xa9]);
        assert_eq!(v.qname, QName::new("urn:codes:elements", "Bad"));
        assert_eq!(v.code, Some(QName::new("urn:codes", "Other")));
        assert_eq!(v.uri, "http://example.com/a%20b?q=1&r=2");
        assert_eq!((v.yes, v.no, v.flag), (true, false, Some(false)));
        assert_eq!(v.inf, f32::INFINITY);
        assert!(v.nan.is_nan());
        assert_eq!(v.double, f64::NEG_INFINITY);
        assert_eq!(v.ulong_max, u64::MAX);
        assert_eq!(v.long_min, i64::MIN);
        assert_eq!(v.byte, i8::MIN);
        assert_eq!(v.year_month.to_string(), "2024-02Z");
        assert_eq!(
            v.stamp.as_ref().and_then(|s| s.timezone_minutes()),
            Some(-7 * 60)
        );
        // Canonical forms are written: base64 without line breaks, upper-case hex, booleans
        // as true/false. QNames are compared expanded: the prefix is the writer's choice.
        expected.at("base64").text = s("SGVsbG8sIFdvcmxkIQ==");
        expected.at("hex").text = s("0FA9");
        expected.at("yes").text = s("true");
        expected.at("no").text = s("false");
        expected.set_attr("", "flag", "false");
    })
    .await;
    f.message("plain.xml", |v: &Values, expected| {
        assert_eq!(
            v.decimal.as_str(),
            "0.0000000000000000000000000000000000000001"
        );
        assert_eq!(v.integer.as_str(), "0");
        assert_eq!(v.zoned.to_string(), "1999-12-31T23:59:59+00:00");
        assert_eq!(v.local.to_string(), "2000-02-29T24:00:00");
        assert_eq!(v.date.to_string(), "0001-01-01");
        assert_eq!(v.duration.to_string(), "PT0S");
        assert!(v.base64.as_bytes().is_empty() && v.hex.as_bytes().is_empty());
        // An unprefixed QName takes the default namespace in scope.
        assert_eq!(v.qname, QName::new("urn:feature:builtins", "Unprefixed"));
        assert_eq!(v.code, None);
        assert_eq!((v.uri.as_str(), v.token.as_str()), ("", ""));
        assert_eq!((v.inf.to_bits(), v.nan), ((-0.0f32).to_bits(), 1.5));
        assert_eq!(v.double, 1e300);
        assert_eq!((v.ulong_max, v.long_min, v.byte), (0, i64::MAX, 127));
        assert_eq!(v.year_month.to_string(), "-0044-03");
        // xs:integer is written in its canonical form.
        expected.at("integer").text = s("0");
    })
    .await;
    f.done();
}

#[tokio::test]
async fn recursive() {
    use features::recursive::*;
    let mut f = Construct::new("recursive", echo_server!(recursive::Node));
    f.message("tree.xml", |v: &Node, _| {
        let next = v.next.as_deref().unwrap();
        assert_eq!(next.label, "second");
        assert_eq!(next.next.as_ref().map(|n| n.label.as_str()), Some("third"));
        assert!(next.next.as_ref().unwrap().next.is_none());
        let labels: Vec<&str> = v.child.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["a", "b"]);
        assert_eq!(v.child[0].child.len(), 2);
        let number = |n: i32| Expr {
            choice: Box::new(ExprChoice::Number(n)),
        };
        let sum = |left: Expr, right: Expr| Expr {
            choice: Box::new(ExprChoice::Sum(Sum {
                left: Box::new(left),
                right: Box::new(right),
            })),
        };
        assert_eq!(v.child[0].child[1].expr, Some(number(42)));
        assert_eq!(v.expr, Some(sum(number(1), sum(number(2), number(3)))));
        let more = |c: Chain| Chain {
            choice: Some(Box::new(ChainChoice::More(c))),
        };
        let end = Chain {
            choice: Some(Box::new(ChainChoice::End(s("stop")))),
        };
        assert_eq!(v.chain, Some(more(more(end))));
    })
    .await;
    f.done();
}

#[tokio::test]
async fn anonymous() {
    use features::anonymous::*;
    let mut f = Construct::new("anonymous", echo_server!(anonymous::Catalog));
    f.message("catalog.xml", |v: &Catalog, _| {
        assert_eq!(v.entry.len(), 2);
        let rating: Option<CatalogEntryRating> = v.entry[0].rating;
        assert_eq!(rating, Some(5));
        assert_eq!(v.entry[0].kind, CatalogEntryKind::Book);
        assert_eq!(
            v.entry[0].price,
            CatalogEntryPrice {
                currency: Some(s("GBP")),
                value: "9.99".parse().unwrap(),
            }
        );
        assert_eq!(v.entry[1].kind, CatalogEntryKind::Unrecognized(s("game")));
        assert_eq!(v.entry[1].price.currency, None);
        assert_eq!(
            v.meta,
            Meta {
                origin: Some(s("import")),
                key: vec![s("k1"), s("k2")],
            }
        );
    })
    .await;
    f.done();
}

#[tokio::test]
async fn element_form() {
    use features::element_form::*;
    let mut f = Construct::new("element-form", echo_server!(element_form::Form));
    f.message("default-namespace.xml", |v: &Form, expected| {
        assert_eq!(
            v,
            &Form {
                plain: Some(s("p")),
                marked: Some(s("m")),
                local: s("l"),
                qualified: s("q"),
                global: s("g"),
                nested: Inner { leaf: s("x") },
                other: Other {
                    qa: Some(s("1")),
                    ua: Some(s("2")),
                    q: s("qq"),
                    u: s("uu"),
                },
            }
        );
        // The wire names, spelled out (the tree comparison checks them on the way back).
        assert_eq!(expected.at("local").ns, "");
        assert_eq!(expected.at("qualified").ns, "urn:feature:element-form");
        assert_eq!(expected.at("nested/leaf").ns, "");
        assert_eq!(expected.at("other/q").ns, "urn:feature:element-form:other");
        assert_eq!(expected.at("other/u").ns, "");
        let other_attributes: Vec<&(String, String)> =
            expected.at("other").attributes.keys().collect();
        assert_eq!(
            other_attributes,
            [
                &(s(""), s("ua")),
                &(s("urn:feature:element-form:other"), s("qa"))
            ]
        );
    })
    .await;
    f.message("prefixed.xml", |v: &Form, _| {
        assert_eq!((v.plain.as_ref(), v.marked.as_ref()), (None, None));
        assert_eq!((v.local.as_str(), v.other.q.as_str()), ("L", "QQ"));
    })
    .await;
    f.done();

    // A peer qualifying an unqualified element (a common interoperability mistake) sends an
    // element the type does not have: the required `local` is then missing.
    let err = f.failure::<Form>(
        r#"<t:EchoRequest xmlns:t="urn:feature:element-form"><t:local>l</t:local><t:qualified>q</t:qualified><t:Global>g</t:Global><nested><leaf>x</leaf></nested><other><q xmlns="urn:feature:element-form:other">1</q><u>2</u></other></t:EchoRequest>"#,
    );
    assert!(
        matches!(err, DecodeError::MissingElement { ref name, .. } if name == "local"),
        "{err}"
    );
}

#[tokio::test]
async fn name_collisions() {
    use features::name_collisions::*;
    let mut f = Construct::new("name-collisions", echo_server!(name_collisions::Names));
    f.message("names.xml", |v: &Names, _| {
        assert_eq!(
            (v.id_attr.as_deref(), v.type_attr.as_deref()),
            (Some("attr-id"), Some("attr-type"))
        );
        assert_eq!(
            v.other_attributes,
            [(s("urn:example:x"), s("note"), s("foreign"))]
        );
        assert_eq!(
            (v.r#type.as_str(), v.self_.as_str(), v.self_2.as_str()),
            ("t", "s", "S")
        );
        assert_eq!(v.r#match, 1);
        assert_eq!((v.my_name.as_str(), v.my_name2.as_str()), ("dot", "dash"));
        // `_2nd`: a Rust name that would start with a digit gets the field prefix `_`.
        assert_eq!(v._2nd, "digit");
        assert_eq!((v.value.as_str(), v.value2.as_str()), ("upper", "lower"));
        assert_eq!(v.id, "element-id");
        // The element `Item` (anonymous type), the type `Item` and the type `item`.
        assert_eq!(v.item, ItemElement { w: s("element") });
        assert_eq!(v.item2, Item { v: 2 });
        assert_eq!(v.lower, ItemType { u: 3 });
        assert_eq!(v.option, OptionType { on: true });
        assert_eq!(
            v.keyword,
            [
                Keyword::None,
                Keyword::Self_,
                Keyword::Type,
                Keyword::Default,
                // A leading digit gets the variant prefix `V`.
                Keyword::V3d,
            ]
        );
        assert_eq!(
            v.text,
            Text {
                value: Some(s("v")),
                other_attributes: Some(s("o")),
                value_text: s("the text"),
            }
        );
        // The type `Self`, with attributes named like the decoder's own locals (`start`, `r`,
        // `child`) and one named like an escaped keyword field (`self_` + `_attr`).
        assert_eq!(
            v.me,
            Self_ {
                self_attr: Some(s("attr")),
                start: Some(5),
                r: Some(s("rr")),
                child: Some(s("c")),
                self_: s("element"),
            }
        );
        // The element `Self` (anonymous type): `Self_` is taken, so `SelfElement`.
        assert_eq!(
            v.self_3,
            SelfElement {
                r: s("r"),
                start: s("s"),
            }
        );
    })
    .await;
    f.done();
}

#[tokio::test]
async fn soap_encoded_array() {
    use features::soap_encoded_array::*;
    struct EchoArrays;
    impl features::soap_encoded_array::Feature for EchoArrays {
        async fn echo(
            &self,
            numbers: ArrayOfInt,
            points: ArrayOfPoint,
        ) -> Result<EchoResponse, Fault> {
            Ok(EchoResponse { numbers, points })
        }
    }
    let mut f = Construct::new("soap-encoded-array", FeatureServer::new(EchoArrays))
        .elements("Echo", "EchoResponse")
        .qnames(&["arrayType", "type"])
        .encoded();
    // What we write for an rpc/encoded part differs from these peers in ways SOAP encoding
    // allows: array items named `item`, struct members in schema order, and no encodingStyle
    // attribute on the wrapper. Every value says its type, as Axis writes them: arrays
    // `soapenc:Array`, structs their schema type, built-ins `xsd:…`.
    let as_we_write = |expected: &mut Tree| {
        expected.remove_attr_everywhere(SOAPENV_NS, "encodingStyle");
        let xsi_type = (s(XSI_NS), s("type"));
        let typed = |t: &str| format!("{{{XSD_NS}}}{t}");
        for array in &mut expected.children {
            array
                .attributes
                .insert(xsi_type.clone(), format!("{{{SOAPENC_NS}}}Array"));
            for item in &mut array.children {
                item.local = s("item");
                if item.children.is_empty() {
                    item.attributes.insert(xsi_type.clone(), typed("int"));
                } else {
                    item.order_children(&["x", "y"]);
                    item.attributes
                        .insert(xsi_type.clone(), s("{urn:feature:soap-encoded-array}Point"));
                    for member in &mut item.children {
                        member.attributes.insert(xsi_type.clone(), typed("int"));
                    }
                }
            }
        }
    };
    f.message("axis.xml", |v: &Echo, expected| {
        assert_eq!(v.numbers.item, [1, -2, 3]);
        assert_eq!(v.points.item, [Point { x: 1, y: 2 }, Point { x: 3, y: 4 }]);
        assert_eq!(
            expected.at("numbers").attributes[&(s(SOAPENC_NS), s("arrayType"))],
            format!("{{{XSD_NS}}}int[3]")
        );
        as_we_write(expected);
    })
    .await;
    f.message("gsoap.xml", |v: &Echo, expected| {
        assert_eq!(v.numbers.item, [10, 20]);
        assert!(v.points.item.is_empty());
        as_we_write(expected);
    })
    .await;
    f.done();
}
