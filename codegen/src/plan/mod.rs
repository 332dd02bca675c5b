//! Plan stage: decides every Rust name (types, fields, variants, methods, service items), which
//! fields are boxed to break recursion, which types can derive `Default`, and the Rust shape of
//! each operation (wrapped document/literal operations are unwrapped into parameters).

pub mod names;

use crate::resolve::ir::*;
use names::{camel, claim_method, snake, Scope, PRELUDE};
use std::collections::HashSet;

/// Rust names of one type's members.
#[derive(Debug, Clone, Default)]
pub struct TypeNames {
    /// The type's name.
    pub name: String,
    /// One per `StructType::fields` / `TypeKind::Choice` variant / `TypeKind::Enum` value (a
    /// repeated enumeration value has the name of its first occurrence).
    pub members: Vec<String>,
    /// One per `StructType::attributes`.
    pub attributes: Vec<String>,
    /// The field holding other attributes (`xs:anyAttribute`).
    pub other_attributes: String,
    /// The field holding simple content.
    pub text: String,
    /// The enum variant for values outside the enumeration.
    pub unrecognized: String,
    /// Fields (by index) stored in a `Box` to break recursion.
    pub boxed: HashSet<usize>,
}

/// The Rust shape of a request or response.
#[derive(Debug, Clone)]
pub enum Shape {
    /// No body content.
    Empty,
    /// The element's type as a whole.
    Whole(ElementRef),
    /// A wrapper element whose fields are the parameters (request) or whose single field is the
    /// result (response).
    Unwrapped {
        /// The wrapper element.
        element: ElementRef,
        /// The wrapper's struct type.
        wrapper: TypeId,
    },
    /// Several body parts side by side (document style): a synthetic struct whose content is
    /// the Body's content. Its fields are the parameters (request) or it is the result.
    Parts {
        /// The struct of the parts.
        wrapper: TypeId,
    },
}

/// Rust names of one operation.
#[derive(Debug, Clone)]
pub struct OperationPlan {
    /// Client and trait method name.
    pub method: String,
    /// Request shape.
    pub input: Shape,
    /// Parameter names, for an unwrapped input (one per wrapper field).
    pub params: Vec<String>,
    /// Header parameter names of the trait method (one per input header).
    pub header_params: Vec<String>,
    /// Response shape.
    pub output: Shape,
    /// The enum of the faults the operation declares, with one variant name per fault (None
    /// when it declares none).
    pub faults: Option<(String, Vec<String>)>,
    /// The struct of the response headers the operation declares, with one field name per
    /// header (None when it declares none).
    pub response_headers: Option<(String, Vec<String>)>,
}

/// Rust names of one service.
#[derive(Debug, Clone)]
pub struct ServicePlan {
    /// The server trait.
    pub trait_name: String,
    /// The server dispatcher struct.
    pub server_name: String,
    /// The client struct.
    pub client_name: String,
    /// The client's default-headers struct.
    pub headers_name: String,
    /// The operation-routing enum (private).
    pub operation_enum: String,
    /// Header fields of the headers struct: (field name, header element), first declaration wins.
    pub headers: Vec<(String, ElementRef)>,
    /// Per operation, in order.
    pub operations: Vec<OperationPlan>,
}

/// All naming and shape decisions.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Per type id.
    pub types: Vec<TypeNames>,
    /// Per type id: whether every field can take a default value.
    pub defaultable: Vec<bool>,
    /// Per service.
    pub services: Vec<ServicePlan>,
}

/// Makes the plan.
pub fn plan(ir: &Ir) -> Plan {
    let mut global = Scope::with_reserved(PRELUDE.iter().copied());
    let services_names: Vec<(String, String, String, String, String)> = ir
        .services
        .iter()
        .map(|s| {
            let base = camel(&s.name, "T");
            (
                global.claim(base.clone(), "Service"),
                global.claim(format!("{base}Server"), ""),
                global.claim(format!("{base}Client"), ""),
                global.claim(format!("{base}Headers"), ""),
                global.claim(format!("{base}Operation"), ""),
            )
        })
        .collect();
    let type_names = type_names(ir, &mut global);
    let mut types: Vec<TypeNames> = ir
        .types
        .iter()
        .zip(type_names)
        .map(|(t, name)| member_names(t, name))
        .collect();
    mark_boxed(ir, &mut types);
    let defaultable = defaultable(ir);
    let mut services: Vec<ServicePlan> = ir
        .services
        .iter()
        .zip(services_names)
        .map(|(s, names)| service_plan(ir, s, names))
        .collect();
    // Fault enums are named after the types, which keep their names on a clash.
    for (service, service_plan) in ir.services.iter().zip(&mut services) {
        for (op, op_plan) in service.operations.iter().zip(&mut service_plan.operations) {
            if op.faults.is_empty() {
                continue;
            }
            let name = global.claim(format!("{}Fault", camel(&op.name, "T")), "Faults");
            let mut scope = Scope::default();
            let variants = op
                .faults
                .iter()
                .map(|f| scope.claim(camel(&f.name, "V"), ""))
                .collect();
            op_plan.faults = Some((name, variants));
        }
    }
    for (service, service_plan) in ir.services.iter().zip(&mut services) {
        for (op, op_plan) in service.operations.iter().zip(&mut service_plan.operations) {
            if op.output_headers.is_empty() {
                continue;
            }
            let name = global.claim(format!("{}ResponseHeaders", camel(&op.name, "T")), "Struct");
            let mut scope = Scope::default();
            let fields = op
                .output_headers
                .iter()
                .map(|h| scope.claim(snake(&h.part), "_header"))
                .collect();
            op_plan.response_headers = Some((name, fields));
        }
    }
    Plan {
        types,
        defaultable,
        services,
    }
}

fn type_names(ir: &Ir, global: &mut Scope) -> Vec<String> {
    let mut names = vec![String::new(); ir.types.len()];
    for pass in 0..3 {
        for (id, t) in ir.types.iter().enumerate() {
            let (wanted, suffix) = match (&t.origin, pass) {
                (Origin::Named(q), 0) => (camel(&q.local, "T"), "Type"),
                (Origin::Element(q), 1) => (camel(&q.local, "T"), "Element"),
                (Origin::BodyParts(message), 1) => (format!("{}Parts", camel(message, "T")), ""),
                (Origin::Derivations(base), 1) => (format!("Any{}", names[*base]), ""),
                (Origin::SubstitutionGroup(head), 1) => {
                    (format!("{}Group", camel(&head.local, "T")), "")
                }
                (Origin::Nested { parent, name }, 2) => {
                    (format!("{}{}", names[*parent], camel(name, "T")), "")
                }
                _ => continue,
            };
            names[id] = global.claim(wanted, suffix);
        }
    }
    names
}

fn member_names(t: &TypeDef, name: String) -> TypeNames {
    let mut out = TypeNames {
        name,
        ..TypeNames::default()
    };
    match &t.kind {
        TypeKind::Struct(st) => {
            let mut scope = Scope::default();
            out.members = st
                .fields
                .iter()
                .map(|f| match f.kind {
                    FieldKind::Any => scope.claim("any".into(), ""),
                    // A choice is named `choice` (its wire name says so); a substitution group
                    // after its head.
                    FieldKind::Choice(_) | FieldKind::Element(_) | FieldKind::Raw => {
                        scope.claim(snake(&f.wire.local), "")
                    }
                })
                .collect();
            out.attributes = st
                .attributes
                .iter()
                .map(|a| scope.claim(snake(&a.wire.local), "_attr"))
                .collect();
            // Simple content is the `value`; mixed content's text is `text`.
            let text = if st.mixed && st.text.is_none() {
                "text"
            } else {
                "value"
            };
            out.text = scope.claim(text.into(), "_text");
            out.other_attributes = scope.claim("other_attributes".into(), "");
        }
        TypeKind::Enum { values } => {
            let mut scope = Scope::with_reserved(["Unrecognized"]);
            // A value listed twice (legal XSD, seen in code lists) is one variant: a repeat
            // gets its first occurrence's name, and emit leaves it out.
            let mut seen: Vec<(&String, String)> = Vec::new();
            out.members = values
                .iter()
                .map(|(value, _)| {
                    if let Some((_, name)) = seen.iter().find(|(v, _)| *v == value) {
                        return name.clone();
                    }
                    let v = value
                        .strip_prefix('-')
                        .map(|r| format!("Minus {r}"))
                        .unwrap_or_else(|| value.clone());
                    let name = scope.claim(camel(&v, "V"), "");
                    seen.push((value, name.clone()));
                    name
                })
                .collect();
            out.unrecognized = "Unrecognized".into();
        }
        TypeKind::Choice(variants) => {
            let mut scope = Scope::default();
            out.members = variants
                .iter()
                .map(|f| match f.kind {
                    FieldKind::Any => scope.claim("Any".into(), ""),
                    _ => scope.claim(camel(&f.wire.local, "V"), ""),
                })
                .collect();
        }
        TypeKind::Alias(_) | TypeKind::List(_) | TypeKind::Polymorphic { .. } => {}
    }
    out
}

/// Fields stored by value (required or optional) form edges; a cycle of such edges would be an
/// infinitely large type, so every by-value field whose type leads back to its owner is boxed.
fn mark_boxed(ir: &Ir, types: &mut [TypeNames]) {
    let by_value = |id: TypeId| -> Vec<(usize, TypeId)> {
        let fields = match &ir.types[id].kind {
            TypeKind::Struct(st) => &st.fields,
            TypeKind::Choice(v) => v,
            _ => return Vec::new(),
        };
        fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.occurrence != Occurrence::Repeated)
            .filter_map(|(i, f)| match &f.kind {
                FieldKind::Element(TypeRef::Named(t)) | FieldKind::Choice(t) => Some((i, *t)),
                _ => None,
            })
            .collect()
    };
    let reaches = |from: TypeId, target: TypeId| -> bool {
        let mut stack = vec![from];
        let mut seen = HashSet::new();
        while let Some(t) = stack.pop() {
            if t == target {
                return true;
            }
            if seen.insert(t) {
                stack.extend(by_value(t).into_iter().map(|(_, next)| next));
            }
        }
        false
    };
    for id in 0..ir.types.len() {
        for (field, target) in by_value(id) {
            if reaches(target, id) {
                types[id].boxed.insert(field);
            }
        }
    }
}

fn defaultable(ir: &Ir) -> Vec<bool> {
    fn builtin_default(b: Builtin) -> bool {
        use Builtin::*;
        matches!(
            b,
            String
                | Boolean
                | Byte
                | Short
                | Int
                | Long
                | UnsignedByte
                | UnsignedShort
                | UnsignedInt
                | UnsignedLong
                | Float
                | Double
                | AnyType
        )
    }
    fn check(ir: &Ir, id: TypeId, memo: &mut Vec<Option<bool>>) -> bool {
        if let Some(v) = memo[id] {
            return v;
        }
        memo[id] = Some(false);
        let type_ok = |r: &TypeRef, memo: &mut Vec<Option<bool>>| match r {
            TypeRef::Builtin(b) => builtin_default(*b),
            TypeRef::Named(t) => check(ir, *t, memo),
        };
        let v = match &ir.types[id].kind {
            TypeKind::Enum { values } => !values.is_empty(),
            TypeKind::List(_) => true,
            TypeKind::Choice(_) => false,
            // The base's default, when the base is concrete.
            TypeKind::Polymorphic {
                base,
                abstract_base,
                ..
            } => !abstract_base && check(ir, *base, memo),
            TypeKind::Alias(r) => type_ok(r, memo),
            TypeKind::Struct(st) => {
                st.fields.iter().all(|f| {
                    f.occurrence != Occurrence::Required
                        || f.nillable
                        || match &f.kind {
                            FieldKind::Element(r) => type_ok(r, memo),
                            FieldKind::Choice(_) => false,
                            FieldKind::Any | FieldKind::Raw => true,
                        }
                }) && st
                    .attributes
                    .iter()
                    .all(|a| !a.required || type_ok(&a.ty, memo))
                    && st.text.as_ref().is_none_or(|r| type_ok(r, memo))
            }
        };
        memo[id] = Some(v);
        v
    }
    let mut memo = vec![None; ir.types.len()];
    (0..ir.types.len())
        .map(|id| check(ir, id, &mut memo))
        .collect()
}

/// Whether `id` is a plain sequence of elements (no attributes, text, wildcards or choices), the
/// condition for unwrapping a document/literal wrapper.
fn plain_wrapper(ir: &Ir, id: TypeId) -> bool {
    match &ir.types[id].kind {
        TypeKind::Struct(st) => {
            st.attributes.is_empty()
                && !st.any_attribute
                && st.text.is_none()
                && st
                    .fields
                    .iter()
                    .all(|f| matches!(f.kind, FieldKind::Element(_)))
        }
        _ => false,
    }
}

fn service_plan(
    ir: &Ir,
    s: &Service,
    names: (String, String, String, String, String),
) -> ServicePlan {
    let (trait_name, server_name, client_name, headers_name, operation_enum) = names;
    let client_methods = [
        "new",
        "with_soap_version",
        "soap_version",
        "set_soap_version",
        "headers",
        "headers_mut",
        "core",
    ];
    let mut methods = Scope::with_reserved(client_methods);
    let mut variants = Scope::default();
    let mut header_fields = Scope::default();
    let mut headers: Vec<(String, ElementRef)> = Vec::new();
    for op in &s.operations {
        for h in &op.input_headers {
            if !headers.iter().any(|(_, e)| e.name == h.element.name) {
                let name = header_fields.claim(snake(&h.element.name.local), "");
                // The client's `with_<name>`/`set_<name>` (a raw name loses its `r#` there).
                let bare = name.trim_start_matches("r#");
                methods.claim(format!("with_{bare}"), "");
                methods.claim(format!("set_{bare}"), "");
                headers.push((name, h.element.clone()));
            }
        }
    }
    let operations = s
        .operations
        .iter()
        .map(|op| {
            let method = claim_method(&mut methods, &mut variants, snake(&op.name));
            let wrapped_input = op.input.as_ref().and_then(|e| match e.ty {
                TypeRef::Named(id)
                    if e.name.local == op.name && plain_wrapper(ir, id) && !e.nillable =>
                {
                    Some(id)
                }
                _ => None,
            });
            let parts_of = |e: &Option<ElementRef>, parts: &[ElementRef]| match e {
                Some(ElementRef {
                    ty: TypeRef::Named(id),
                    ..
                }) if !parts.is_empty() => Some(*id),
                _ => None,
            };
            let input_parts = parts_of(&op.input, &op.input_parts);
            let wrapped_input = wrapped_input.filter(|_| input_parts.is_none());
            let (input, params_fields) = match (&op.input, wrapped_input) {
                _ if input_parts.is_some() => (
                    Shape::Parts {
                        wrapper: input_parts.unwrap_or_default(),
                    },
                    op.input_parts
                        .iter()
                        .map(|e| e.name.local.clone())
                        .collect(),
                ),
                (None, _) => (Shape::Empty, Vec::new()),
                (Some(e), Some(id)) => (
                    Shape::Unwrapped {
                        element: e.clone(),
                        wrapper: id,
                    },
                    match &ir.types[id].kind {
                        TypeKind::Struct(st) => {
                            st.fields.iter().map(|f| f.wire.local.clone()).collect()
                        }
                        _ => Vec::new(),
                    },
                ),
                (Some(e), None) => (Shape::Whole(e.clone()), vec!["body".to_string()]),
            };
            let mut param_scope = Scope::with_reserved(["self"]);
            let header_params = op
                .input_headers
                .iter()
                .map(|h| param_scope.claim(snake(&h.part), "_header"))
                .collect();
            let params = params_fields
                .iter()
                .map(|p| param_scope.claim(snake(p), "_param"))
                .collect();
            let output = match &op.output {
                _ if parts_of(&op.output, &op.output_parts).is_some() => Shape::Parts {
                    wrapper: parts_of(&op.output, &op.output_parts).unwrap_or_default(),
                },
                None => Shape::Empty,
                Some(e) => match e.ty {
                    TypeRef::Named(id)
                        if wrapped_input.is_some() && plain_wrapper(ir, id) && !e.nillable =>
                    {
                        match &ir.types[id].kind {
                            TypeKind::Struct(st) if st.fields.len() <= 1 => Shape::Unwrapped {
                                element: e.clone(),
                                wrapper: id,
                            },
                            _ => Shape::Whole(e.clone()),
                        }
                    }
                    _ => Shape::Whole(e.clone()),
                },
            };
            OperationPlan {
                method,
                input,
                params,
                header_params,
                output,
                faults: None,
                response_headers: None,
            }
        })
        .collect();
    ServicePlan {
        trait_name,
        server_name,
        client_name,
        headers_name,
        operation_enum,
        headers,
        operations,
    }
}
