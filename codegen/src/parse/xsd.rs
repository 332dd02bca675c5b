//! Reads one `xs:schema` element into a [`Schema`], and reports the files it imports or includes.

use super::model::*;
use super::{bool_attr, children, documentation, is, Ctx, FileReference, ReferenceKind, XSD_NS};
use crate::error::Diagnostic;
use roxmltree::Node;

type R<T> = Result<T, Diagnostic>;

/// Parses `node` (an `xs:schema`), returning the schema and the files it refers to.
///
/// `namespace_override` is the includer's namespace for a chameleon include.
pub(crate) fn parse_schema(
    ctx: &Ctx,
    node: Node,
    namespace_override: Option<&str>,
) -> R<(Schema, Vec<FileReference>)> {
    let own_ns = node.attribute("targetNamespace").unwrap_or("");
    let target_ns = match namespace_override {
        Some(ns) if own_ns.is_empty() => ns.to_string(),
        _ => own_ns.to_string(),
    };
    let mut schema = Schema {
        target_ns: target_ns.clone(),
        element_form_qualified: node.attribute("elementFormDefault") == Some("qualified"),
        attribute_form_qualified: node.attribute("attributeFormDefault") == Some("qualified"),
        ..Schema::default()
    };
    let mut refs = Vec::new();
    for child in children(node) {
        if !child.tag_name().namespace().is_some_and(super::is_xsd_ns) {
            // A schema component outside the XML Schema namespace (a default namespace set to
            // the WSDL's, say) would be skipped as an extension and leave its references
            // undefined far from the cause.
            if SCHEMA_COMPONENTS.contains(&child.tag_name().name()) {
                let ns = child.tag_name().namespace().unwrap_or("");
                let found = if ns.is_empty() {
                    "in no namespace".to_string()
                } else {
                    format!("in namespace `{ns}`")
                };
                return Err(ctx
                    .error(
                        child,
                        format!(
                            "`{}` inside xs:schema is {found}, not in the XML Schema namespace",
                            child.tag_name().name()
                        ),
                    )
                    .with_hint("check the schema's default namespace (xmlns=) or the element's prefix: schema components belong to http://www.w3.org/2001/XMLSchema"));
            }
            continue;
        }
        match child.tag_name().name() {
            "element" => schema.elements.push(parse_element(ctx, child, true)?),
            "complexType" => schema
                .types
                .push(TypeDef::Complex(parse_complex(ctx, child)?)),
            "simpleType" => schema
                .types
                .push(TypeDef::Simple(parse_simple(ctx, child)?)),
            "group" => schema.groups.push(GroupDef {
                name: required_name(ctx, child)?,
                particle: first_particle(ctx, child)?,
                location: ctx.loc(child),
            }),
            "attributeGroup" => schema.attribute_groups.push(AttributeGroupDef {
                name: required_name(ctx, child)?,
                attributes: parse_attribute_list(ctx, child)?,
                location: ctx.loc(child),
            }),
            "attribute" => schema.attributes.push(parse_attribute(ctx, child)?),
            "import" => {
                if let Some(location) = child.attribute("schemaLocation") {
                    refs.push(FileReference {
                        location: location.to_string(),
                        kind: ReferenceKind::SchemaImport {
                            namespace: child.attribute("namespace").map(str::to_string),
                        },
                        at: ctx.loc(child),
                    });
                }
            }
            // The definitions it overrides would be missing or wrong, so it cannot be skipped.
            "override" => {
                return Err(ctx
                    .error(child, "xs:override is XML Schema 1.1, which soapgen does not support")
                    .with_hint("for XML Schema 1.0, use xs:redefine (the redefinitions may refer to the originals by their own name), or xs:include the file and edit the definitions"));
            }
            "include" | "redefine" => {
                if let Some(location) = child.attribute("schemaLocation") {
                    refs.push(FileReference {
                        location: location.to_string(),
                        kind: ReferenceKind::SchemaInclude {
                            namespace: target_ns.clone(),
                        },
                        at: ctx.loc(child),
                    });
                }
                // xs:redefine's overriding definitions are read like top-level ones; the loader
                // merges into them the original definitions they refer to by their own name,
                // and removes the originals.
                if child.tag_name().name() == "redefine" {
                    schema.redefines.push(ctx.loc(child));
                }
                for inner in children(child) {
                    if let Some(name) = inner.attribute("name") {
                        schema.redefinitions.push(name.to_string());
                    }
                    match inner.tag_name().name() {
                        "complexType" => schema
                            .types
                            .push(TypeDef::Complex(parse_complex(ctx, inner)?)),
                        "simpleType" => schema
                            .types
                            .push(TypeDef::Simple(parse_simple(ctx, inner)?)),
                        "group" => schema.groups.push(GroupDef {
                            name: required_name(ctx, inner)?,
                            particle: first_particle(ctx, inner)?,
                            location: ctx.loc(inner),
                        }),
                        "attributeGroup" => schema.attribute_groups.push(AttributeGroupDef {
                            name: required_name(ctx, inner)?,
                            attributes: parse_attribute_list(ctx, inner)?,
                            location: ctx.loc(inner),
                        }),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    schema.notes = ignored_elements(ctx, node);
    Ok((schema, refs))
}

/// The elements of XML Schema 1.0.
const XSD_ELEMENTS: [&str; 42] = [
    "all",
    "annotation",
    "any",
    "anyAttribute",
    "appinfo",
    "attribute",
    "attributeGroup",
    "choice",
    "complexContent",
    "complexType",
    "documentation",
    "element",
    "enumeration",
    "extension",
    "field",
    "fractionDigits",
    "group",
    "import",
    "include",
    "key",
    "keyref",
    "length",
    "list",
    "maxExclusive",
    "maxInclusive",
    "maxLength",
    "minExclusive",
    "minInclusive",
    "minLength",
    "notation",
    "pattern",
    "redefine",
    "restriction",
    "schema",
    "selector",
    "sequence",
    "simpleContent",
    "simpleType",
    "totalDigits",
    "union",
    "unique",
    "whiteSpace",
];

/// The elements XML Schema 1.1 adds.
const XSD11_ELEMENTS: [&str; 7] = [
    "alternative",
    "assert",
    "assertion",
    "defaultOpenContent",
    "explicitTimezone",
    "openContent",
    "override",
];

/// What soapgen reads inside `xs:sequence`, `xs:choice` and `xs:all`.
const PARTICLE_CHILDREN: [&str; 7] = [
    "annotation",
    "element",
    "group",
    "choice",
    "sequence",
    "all",
    "any",
];

/// The top-level schema components, which an element of another namespace directly inside
/// `xs:schema` must not be named like.
const SCHEMA_COMPONENTS: [&str; 7] = [
    "element",
    "complexType",
    "simpleType",
    "group",
    "attributeGroup",
    "attribute",
    "import",
];

/// What soapgen reads at the top level of `xs:schema`, or leaves aside there on purpose.
const SCHEMA_CHILDREN: [&str; 11] = [
    "annotation",
    "import",
    "include",
    "redefine",
    "element",
    "complexType",
    "simpleType",
    "group",
    "attributeGroup",
    "attribute",
    "notation",
];

/// What soapgen reads inside `xs:complexType`.
const COMPLEX_TYPE_CHILDREN: [&str; 12] = [
    "annotation",
    "simpleContent",
    "complexContent",
    "element",
    "group",
    "choice",
    "sequence",
    "all",
    "any",
    "attribute",
    "attributeGroup",
    "anyAttribute",
];

/// Whether `node` is a particle soapgen reads as a content model.
fn is_particle(node: Node) -> bool {
    node.tag_name().namespace().is_some_and(super::is_xsd_ns)
        && matches!(
            node.tag_name().name(),
            "element" | "sequence" | "choice" | "all" | "any" | "group"
        )
}

/// Whether soapgen reads one particle of `node`, the first: a complex type, a named group, or
/// the derivation of a complex content.
fn takes_one_particle(node: Node) -> bool {
    match node.tag_name().name() {
        "complexType" => true,
        "group" => node.attribute("name").is_some(),
        "extension" | "restriction" => node
            .parent_element()
            .is_some_and(|p| p.tag_name().name() == "complexContent"),
        _ => false,
    }
}

/// Notes for the elements in the XML Schema namespace, inside `schema`, that soapgen ignores:
/// names XML Schema 1.0 does not have (an XML Schema 1.1 construct, a typo), and elements where
/// soapgen reads no such thing (an `xs:attribute` inside an `xs:sequence`), and a second content
/// model where soapgen reads the first only. What an annotation holds and elements of other
/// namespaces (vendor extensions) are not looked into.
fn ignored_elements(ctx: &Ctx, schema: Node) -> Vec<(crate::error::Location, String)> {
    let mut notes = Vec::new();
    let mut stack: Vec<Node> = children(schema).collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        if !node.tag_name().namespace().is_some_and(super::is_xsd_ns) {
            continue;
        }
        let name = node.tag_name().name();
        let shown = |local: &str| super::prefixed(node, local);
        let parent = node.parent_element().map_or("", |p| p.tag_name().name());
        let note = if XSD11_ELEMENTS.contains(&name) {
            Some(format!(
                "`{}` is an XML Schema 1.1 construct, which soapgen does not support; it is ignored",
                shown(name)
            ))
        } else if !XSD_ELEMENTS.contains(&name) {
            Some(format!(
                "`{}` is not an XML Schema element; it is ignored, with what it contains",
                shown(name)
            ))
        } else if matches!(parent, "sequence" | "choice" | "all")
            && !PARTICLE_CHILDREN.contains(&name)
        {
            Some(format!(
                "`{}` does not belong inside `{}`; it is ignored",
                shown(name),
                shown(parent)
            ))
        } else if parent == "schema" && !SCHEMA_CHILDREN.contains(&name) {
            Some(format!(
                "`{}` does not belong at the top level of `{}`; it is ignored",
                shown(name),
                shown(parent)
            ))
        } else if parent == "complexType" && !COMPLEX_TYPE_CHILDREN.contains(&name) {
            Some(format!(
                "`{}` does not belong directly inside `{}`; it is ignored",
                shown(name),
                shown(parent)
            ))
        } else if is_particle(node) && node.parent_element().is_some_and(takes_one_particle) {
            let first = node
                .parent_element()
                .and_then(|p| children(p).find(|c| is_particle(*c)));
            (first != Some(node)).then(|| {
                format!(
                    "`{}` is a second content model inside `{}`, which has one: only the first is read, this one is ignored",
                    shown(name),
                    shown(parent)
                )
            })
        } else {
            None
        };
        match note {
            Some(note) => notes.push((ctx.loc(node), note)),
            None if name != "annotation" => {
                let start = stack.len();
                stack.extend(children(node));
                stack[start..].reverse();
            }
            None => {}
        }
    }
    notes
}

fn required_name(ctx: &Ctx, node: Node) -> R<String> {
    node.attribute("name").map(str::to_string).ok_or_else(|| {
        ctx.error(
            node,
            format!("a top-level xs:{} needs a name", node.tag_name().name()),
        )
        .with_hint("add name=\"…\"")
    })
}

fn form_attr(node: Node) -> Option<Form> {
    match node.attribute("form") {
        Some("qualified") => Some(Form::Qualified),
        Some("unqualified") => Some(Form::Unqualified),
        _ => None,
    }
}

pub(crate) fn parse_element(ctx: &Ctx, node: Node, global: bool) -> R<ElementDecl> {
    let name = node.attribute("name").map(str::to_string);
    let reference = ctx.qname_attr(node, "ref")?;
    if name.is_none() && reference.is_none() {
        return Err(ctx
            .error(node, "xs:element has neither name= nor ref=")
            .with_hint(
                "give the element a name, or refer to a global element with ref=\"prefix:Name\"",
            ));
    }
    let mut inline_type = None;
    for child in children(node) {
        if is(child, XSD_NS, "complexType") {
            inline_type = Some(Box::new(TypeDef::Complex(parse_complex(ctx, child)?)));
        } else if is(child, XSD_NS, "simpleType") {
            inline_type = Some(Box::new(TypeDef::Simple(parse_simple(ctx, child)?)));
        }
    }
    Ok(ElementDecl {
        name,
        reference,
        type_name: ctx.qname_attr(node, "type")?,
        inline_type,
        occurs: if global {
            Occurs::ONCE
        } else {
            ctx.occurs(node)?
        },
        nillable: bool_attr(node, "nillable"),
        default: node.attribute("default").map(str::to_string),
        fixed: node.attribute("fixed").map(str::to_string),
        form: form_attr(node),
        is_abstract: bool_attr(node, "abstract"),
        substitution_group: ctx.qname_attr(node, "substitutionGroup")?,
        doc: documentation(node, XSD_NS),
        location: ctx.loc(node),
    })
}

fn parse_attribute(ctx: &Ctx, node: Node) -> R<AttributeDecl> {
    let name = node.attribute("name").map(str::to_string);
    let reference = ctx.qname_attr(node, "ref")?;
    if name.is_none() && reference.is_none() {
        return Err(ctx
            .error(node, "xs:attribute has neither name= nor ref=")
            .with_hint("give the attribute a name, or refer to a global attribute with ref="));
    }
    let inline_type = match children(node).find(|c| is(*c, XSD_NS, "simpleType")) {
        Some(st) => Some(Box::new(parse_simple(ctx, st)?)),
        None => None,
    };
    Ok(AttributeDecl {
        name,
        reference,
        type_name: ctx.qname_attr(node, "type")?,
        inline_type,
        required: node.attribute("use") == Some("required"),
        prohibited: node.attribute("use") == Some("prohibited"),
        default: node.attribute("default").map(str::to_string),
        fixed: node.attribute("fixed").map(str::to_string),
        form: form_attr(node),
        array_type: match node.attribute((super::WSDL_NS, "arrayType")) {
            Some(v) => Some(ctx.resolve_qname(node, v.split('[').next().unwrap_or(v))?),
            None => None,
        },
        doc: documentation(node, XSD_NS),
        location: ctx.loc(node),
    })
}

fn parse_attribute_list(ctx: &Ctx, node: Node) -> R<AttributeList> {
    let mut list = AttributeList::default();
    for child in children(node) {
        if is(child, XSD_NS, "attribute") {
            list.attributes.push(parse_attribute(ctx, child)?);
        } else if is(child, XSD_NS, "attributeGroup") {
            if let Some(r) = ctx.qname_attr(child, "ref")? {
                list.group_refs.push((r, ctx.loc(child)));
            }
        } else if is(child, XSD_NS, "anyAttribute") {
            list.any_attribute = true;
        }
    }
    Ok(list)
}

fn merge_attributes(into: &mut AttributeList, more: AttributeList) {
    into.attributes.extend(more.attributes);
    into.group_refs.extend(more.group_refs);
    into.any_attribute |= more.any_attribute;
}

fn parse_particle(ctx: &Ctx, node: Node) -> R<Option<Particle>> {
    if !node.tag_name().namespace().is_some_and(super::is_xsd_ns) {
        return Ok(None);
    }
    let loc = ctx.loc(node);
    Ok(Some(match node.tag_name().name() {
        "element" => Particle::Element(parse_element(ctx, node, false)?),
        "sequence" => Particle::Sequence(nested(ctx, node)?, ctx.occurs(node)?, loc),
        "choice" => Particle::Choice(nested(ctx, node)?, ctx.occurs(node)?, loc),
        "all" => Particle::All(nested(ctx, node)?, ctx.occurs(node)?, loc),
        "any" => Particle::Any {
            occurs: ctx.occurs(node)?,
            doc: documentation(node, XSD_NS),
            location: loc,
        },
        "group" => match ctx.qname_attr(node, "ref")? {
            Some(r) => Particle::GroupRef(r, ctx.occurs(node)?, loc),
            None => {
                return Err(ctx
                    .error(node, "a local xs:group needs ref=")
                    .with_hint("define the group at the top level and refer to it"))
            }
        },
        _ => return Ok(None),
    }))
}

fn nested(ctx: &Ctx, node: Node) -> R<Vec<Particle>> {
    let mut out = Vec::new();
    for child in children(node) {
        if let Some(p) = parse_particle(ctx, child)? {
            out.push(p);
        }
    }
    Ok(out)
}

fn first_particle(ctx: &Ctx, node: Node) -> R<Option<Particle>> {
    for child in children(node) {
        if let Some(p) = parse_particle(ctx, child)? {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

pub(crate) fn parse_complex(ctx: &Ctx, node: Node) -> R<ComplexType> {
    let mut attributes = parse_attribute_list(ctx, node)?;
    let mut mixed = bool_attr(node, "mixed");
    let mut content = ComplexContent::Particle(first_particle(ctx, node)?);
    let mut content_node: Option<Node> = None;
    for child in children(node) {
        let simple = is(child, XSD_NS, "simpleContent");
        if !(simple || is(child, XSD_NS, "complexContent")) {
            continue;
        }
        check_one_content(ctx, node, child, content_node)?;
        content_node = Some(child);
        mixed |= bool_attr(child, "mixed");
        let Some(derivation) =
            children(child).find(|c| is(*c, XSD_NS, "extension") || is(*c, XSD_NS, "restriction"))
        else {
            return Err(ctx
                .error(child, "expected xs:extension or xs:restriction inside")
                .with_hint("simpleContent/complexContent must derive from a base type"));
        };
        let base = ctx.qname_attr(derivation, "base")?.ok_or_else(|| {
            ctx.error(derivation, "derivation without base=")
                .with_hint("name the base type, e.g. base=\"tns:BaseType\"")
        })?;
        merge_attributes(&mut attributes, parse_attribute_list(ctx, derivation)?);
        content = if simple {
            let enumerations = children(derivation)
                .filter(|c| is(*c, XSD_NS, "enumeration"))
                .filter_map(|c| c.attribute("value").map(str::to_string))
                .collect();
            ComplexContent::Simple {
                base,
                enumerations,
                location: ctx.loc(derivation),
            }
        } else {
            ComplexContent::Derived {
                base,
                extension: derivation.tag_name().name() == "extension",
                particle: first_particle(ctx, derivation)?,
                location: ctx.loc(derivation),
            }
        };
    }
    Ok(ComplexType {
        name: node.attribute("name").map(str::to_string),
        is_abstract: bool_attr(node, "abstract"),
        mixed,
        content,
        attributes,
        doc: documentation(node, XSD_NS),
        location: ctx.loc(node),
    })
}

/// Checks that `content`, an `xs:simpleContent` or `xs:complexContent` of the complex type
/// `node`, is its only content: XML Schema allows no particle beside it (the particle of a
/// derived type is written inside its derivation), and no second one (`earlier`). Either would be
/// lost, as the derivation replaces the content model.
fn check_one_content(ctx: &Ctx, node: Node, content: Node, earlier: Option<Node>) -> R<()> {
    let shown = |n: Node| super::prefixed(n, n.tag_name().name());
    if let Some(earlier) = earlier {
        let at = ctx.loc(earlier);
        return Err(ctx
            .error(
                content,
                format!(
                    "`{}` is a second content inside `{}`, which has `{}` already (at {}:{})",
                    shown(content),
                    shown(node),
                    shown(earlier),
                    at.line,
                    at.column
                ),
            )
            .with_hint("a complex type has one xs:simpleContent or xs:complexContent: remove one of the two"));
    }
    let Some(particle) = children(node).find(|c| is_particle(*c)) else {
        return Ok(());
    };
    let hint = if is(content, XSD_NS, "simpleContent") {
        format!(
            "a type with `{}` has text and attributes, no child elements: remove the `{}`, or derive with xs:complexContent to add elements",
            shown(content),
            shown(particle)
        )
    } else {
        format!(
            "move the `{}` into the xs:extension (or xs:restriction) of the `{}`, where a derived type's own elements are written",
            shown(particle),
            shown(content)
        )
    };
    Err(ctx
        .error(
            particle,
            format!(
                "`{}` and `{}` are both inside `{}`, which can have only one of them",
                shown(particle),
                shown(content),
                shown(node)
            ),
        )
        .with_hint(hint))
}

pub(crate) fn parse_simple(ctx: &Ctx, node: Node) -> R<SimpleType> {
    let mut variety = None;
    for child in children(node) {
        if is(child, XSD_NS, "restriction") {
            let inline_base = match children(child).find(|c| is(*c, XSD_NS, "simpleType")) {
                Some(st) => Some(Box::new(parse_simple(ctx, st)?)),
                None => None,
            };
            let enumerations = children(child)
                .filter(|c| is(*c, XSD_NS, "enumeration"))
                .filter_map(|c| {
                    c.attribute("value")
                        .map(|v| (v.to_string(), documentation(c, XSD_NS)))
                })
                .collect();
            variety = Some(SimpleVariety::Restriction {
                base: ctx.qname_attr(child, "base")?,
                inline_base,
                enumerations,
            });
        } else if is(child, XSD_NS, "list") {
            let inline_item = match children(child).find(|c| is(*c, XSD_NS, "simpleType")) {
                Some(st) => Some(Box::new(parse_simple(ctx, st)?)),
                None => None,
            };
            variety = Some(SimpleVariety::List {
                item: ctx.qname_attr(child, "itemType")?,
                inline_item,
            });
        } else if is(child, XSD_NS, "union") {
            let mut members = Vec::new();
            for m in child
                .attribute("memberTypes")
                .unwrap_or("")
                .split_whitespace()
            {
                members.push(ctx.resolve_qname(child, m)?);
            }
            // Inline member types are parsed (so their own errors are reported) and stand in
            // the member list as the types they refer to: a union's values are kept as text,
            // so what matters of a member is that what it names is defined.
            for inline in children(child).filter(|c| is(*c, XSD_NS, "simpleType")) {
                referenced_types(&parse_simple(ctx, inline)?, &mut members);
            }
            variety = Some(SimpleVariety::Union {
                members,
                location: ctx.loc(child),
            });
        }
    }
    let variety = variety.ok_or_else(|| {
        ctx.error(node, "xs:simpleType without restriction, list or union")
            .with_hint("a simple type must contain xs:restriction, xs:list or xs:union")
    })?;
    Ok(SimpleType {
        name: node.attribute("name").map(str::to_string),
        variety,
        doc: documentation(node, XSD_NS),
        location: ctx.loc(node),
    })
}

/// Adds to `out` the types `st` refers to, those of its inline types included, each once.
fn referenced_types(st: &SimpleType, out: &mut Vec<QName>) {
    let (named, inline): (Vec<&QName>, _) = match &st.variety {
        SimpleVariety::Restriction {
            base, inline_base, ..
        } => (base.iter().collect(), inline_base.as_deref()),
        SimpleVariety::List { item, inline_item } => {
            (item.iter().collect(), inline_item.as_deref())
        }
        SimpleVariety::Union { members, .. } => (members.iter().collect(), None),
    };
    for name in named {
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    if let Some(inline) = inline {
        referenced_types(inline, out);
    }
}
