//! Applies `xs:redefine` to the syntax model once every file is read. A redefinition replaces
//! the definition of its name everywhere (the original is removed), and a redefinition that
//! refers to its own name — a type extending or restricting itself, a group or attribute group
//! referring to itself — refers to the original (XML Schema 1.0 §4.2.2): the original is merged
//! into it, so that later stages see one ordinary definition.

use super::model::*;
use crate::error::Location;
use std::collections::HashMap;
use std::path::PathBuf;

/// A file as the loader reads it once: its canonical path, and the namespace it was included
/// into (chameleon includes read one file once per namespace).
pub(crate) type FileKey = (PathBuf, Option<String>);

/// Applies the redefinitions of `schemas`, where `files[i]` is the file `schemas[i]` was read
/// from and `targets` the file each `xs:redefine` (by its location) reads.
pub(crate) fn apply_redefinitions(
    schemas: &mut [Schema],
    files: &[FileKey],
    targets: &HashMap<Location, FileKey>,
) {
    // The schemas each one redefines.
    let originals: Vec<Vec<usize>> = (0..schemas.len())
        .map(|i| {
            schemas[i]
                .redefines
                .iter()
                .filter_map(|at| targets.get(at))
                .flat_map(|key| {
                    files
                        .iter()
                        .enumerate()
                        .filter(move |(j, f)| *j != i && *f == key)
                        .map(|(j, _)| j)
                })
                .collect()
        })
        .collect();
    // The redefined schemas first: in a chain (a redefines b, which redefines c), b's
    // definitions are complete when a's are merged with them.
    let mut order = Vec::new();
    let mut visited = vec![false; schemas.len()];
    for i in 0..schemas.len() {
        visit(i, &originals, &mut visited, &mut order);
    }
    let mut removed: Vec<(usize, Kind, String)> = Vec::new();
    for i in order {
        let originals = &originals[i];
        if originals.is_empty() {
            continue;
        }
        let ns = schemas[i].target_ns.clone();
        for name in schemas[i].redefinitions.clone() {
            let own = QName::new(ns.clone(), name.clone());
            // The original of each kind of definition the schema redefines under this name.
            let found = |kind: Kind| {
                if !kind.defines(&schemas[i], &name) {
                    return None;
                }
                originals
                    .iter()
                    .copied()
                    .find(|&j| schemas[j].target_ns == ns && kind.defines(&schemas[j], &name))
            };
            let (of_type, of_group, of_attribute_group) = (
                found(Kind::Type),
                found(Kind::Group),
                found(Kind::AttributeGroup),
            );
            if let Some(j) = of_type {
                let original = schemas[j]
                    .types
                    .iter()
                    .find(|t| type_name(t) == Some(name.as_str()))
                    .cloned();
                if let Some(original) = original {
                    for t in schemas[i].types.iter_mut() {
                        if type_name(t) == Some(name.as_str()) {
                            merge_type(t, &original, &own);
                        }
                    }
                }
                removed.push((j, Kind::Type, name.clone()));
            }
            if let Some(j) = of_group {
                let original = schemas[j]
                    .groups
                    .iter()
                    .find(|g| g.name == name)
                    .map(|g| g.particle.clone());
                if let Some(original) = original {
                    for g in schemas[i].groups.iter_mut().filter(|g| g.name == name) {
                        if let Some(p) = &mut g.particle {
                            replace_group_ref(p, &own, &original);
                        }
                    }
                }
                removed.push((j, Kind::Group, name.clone()));
            }
            if let Some(j) = of_attribute_group {
                let original = schemas[j]
                    .attribute_groups
                    .iter()
                    .find(|g| g.name == name)
                    .map(|g| g.attributes.clone());
                if let Some(original) = original {
                    for g in schemas[i]
                        .attribute_groups
                        .iter_mut()
                        .filter(|g| g.name == name)
                    {
                        merge_attribute_group(&mut g.attributes, &original, &own);
                    }
                }
                removed.push((j, Kind::AttributeGroup, name.clone()));
            }
        }
    }
    for (j, kind, name) in removed {
        let schema = &mut schemas[j];
        match kind {
            Kind::Type => schema.types.retain(|t| type_name(t) != Some(name.as_str())),
            Kind::Group => schema.groups.retain(|g| g.name != name),
            Kind::AttributeGroup => schema.attribute_groups.retain(|g| g.name != name),
        }
    }
}

/// Adds `i` to `order` after the schemas it redefines (each schema once; a cycle of
/// redefinitions is cut where it closes).
fn visit(i: usize, originals: &[Vec<usize>], visited: &mut [bool], order: &mut Vec<usize>) {
    if visited[i] {
        return;
    }
    visited[i] = true;
    for &j in &originals[i] {
        visit(j, originals, visited, order);
    }
    order.push(i);
}

/// The symbol spaces `xs:redefine` redefines in.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Type,
    Group,
    AttributeGroup,
}

impl Kind {
    /// Whether `schema` defines `name` in this symbol space.
    fn defines(self, schema: &Schema, name: &str) -> bool {
        match self {
            Kind::Type => schema.types.iter().any(|t| type_name(t) == Some(name)),
            Kind::Group => schema.groups.iter().any(|g| g.name == name),
            Kind::AttributeGroup => schema.attribute_groups.iter().any(|g| g.name == name),
        }
    }
}

fn type_name(t: &TypeDef) -> Option<&str> {
    match t {
        TypeDef::Complex(c) => c.name.as_deref(),
        TypeDef::Simple(s) => s.name.as_deref(),
    }
}

/// Merges `original` into `redefined` when the redefinition derives from its own name `own`:
/// an extension appends its particle to the original's content, a restriction replaces it, and
/// the attributes of both are kept (the redefinition's after the original's, so they override
/// them and remove the prohibited ones). A redefinition that does not refer to its own name
/// simply replaces the original.
fn merge_type(redefined: &mut TypeDef, original: &TypeDef, own: &QName) {
    match (redefined, original) {
        (TypeDef::Complex(r), TypeDef::Complex(o)) => merge_complex(r, o, own),
        (TypeDef::Simple(r), TypeDef::Simple(o)) => {
            let SimpleVariety::Restriction {
                base: Some(base),
                enumerations,
                ..
            } = &r.variety
            else {
                return;
            };
            if base != own {
                return;
            }
            r.variety = match (&o.variety, enumerations.is_empty()) {
                // Facets other than enumerations are not kept: the original's variety stays.
                (variety, true) => variety.clone(),
                (
                    SimpleVariety::Restriction {
                        base, inline_base, ..
                    },
                    false,
                ) => SimpleVariety::Restriction {
                    base: base.clone(),
                    inline_base: inline_base.clone(),
                    enumerations: enumerations.clone(),
                },
                (_, false) => SimpleVariety::Restriction {
                    base: None,
                    inline_base: Some(Box::new(SimpleType {
                        name: None,
                        ..o.clone()
                    })),
                    enumerations: enumerations.clone(),
                },
            };
            if r.doc.is_none() {
                r.doc = o.doc.clone();
            }
        }
        _ => {}
    }
}

fn merge_complex(r: &mut ComplexType, o: &ComplexType, own: &QName) {
    let content = match &r.content {
        ComplexContent::Derived {
            base,
            extension,
            particle,
            location,
        } if base == own => match &o.content {
            ComplexContent::Particle(original) => ComplexContent::Particle(if *extension {
                sequence(original.clone(), particle.clone(), location)
            } else {
                particle.clone()
            }),
            ComplexContent::Derived {
                base,
                extension: original_extension,
                particle: original,
                location: original_location,
            } => ComplexContent::Derived {
                base: base.clone(),
                // A restriction's particle is the whole content: the type restricts the
                // original's base.
                extension: *extension && *original_extension,
                particle: if *extension {
                    sequence(original.clone(), particle.clone(), location)
                } else {
                    particle.clone()
                },
                location: original_location.clone(),
            },
            ComplexContent::Simple { .. } => o.content.clone(),
        },
        ComplexContent::Simple {
            base, enumerations, ..
        } if base == own => match &o.content {
            ComplexContent::Simple {
                base,
                enumerations: original,
                location,
            } => ComplexContent::Simple {
                base: base.clone(),
                enumerations: if enumerations.is_empty() {
                    original.clone()
                } else {
                    enumerations.clone()
                },
                location: location.clone(),
            },
            other => other.clone(),
        },
        _ => return,
    };
    r.content = content;
    r.mixed |= o.mixed;
    let own_attributes = std::mem::take(&mut r.attributes);
    r.attributes = o.attributes.clone();
    r.attributes.attributes.extend(own_attributes.attributes);
    r.attributes.group_refs.extend(own_attributes.group_refs);
    r.attributes.any_attribute |= own_attributes.any_attribute;
    if r.doc.is_none() {
        r.doc = o.doc.clone();
    }
}

/// The content of an extension: the base's particle, then the extension's.
fn sequence(first: Option<Particle>, then: Option<Particle>, at: &Location) -> Option<Particle> {
    match (first, then) {
        (Some(a), Some(b)) => Some(Particle::Sequence(vec![a, b], Occurs::ONCE, at.clone())),
        (a, b) => a.or(b),
    }
}

/// Replaces the references to the group `own` inside `p` with the original's particle.
fn replace_group_ref(p: &mut Particle, own: &QName, original: &Option<Particle>) {
    match p {
        Particle::GroupRef(name, occurs, at) if name == own => {
            let items = original.iter().cloned().collect();
            *p = Particle::Sequence(items, *occurs, at.clone());
        }
        Particle::Sequence(items, ..) | Particle::Choice(items, ..) | Particle::All(items, ..) => {
            for item in items {
                replace_group_ref(item, own, original);
            }
        }
        _ => {}
    }
}

/// Replaces a reference to the attribute group `own` inside `list` with the original's
/// attributes.
fn merge_attribute_group(list: &mut AttributeList, original: &AttributeList, own: &QName) {
    if !list.group_refs.iter().any(|(name, _)| name == own) {
        return;
    }
    list.group_refs.retain(|(name, _)| name != own);
    let mut merged = original.clone();
    merged.attributes.append(&mut list.attributes);
    merged.group_refs.append(&mut list.group_refs);
    merged.any_attribute |= list.any_attribute;
    *list = merged;
}
