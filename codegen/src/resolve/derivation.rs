//! XSD polymorphism: the two ways a schema lets one thing stand where another is declared.
//!
//! - **Type derivation** (`xsi:type`): an element declared with a named struct type `T` may
//!   hold any named type derived from `T`, saying which in `xsi:type`. Every such derived type
//!   is resolved (whether or not the service names it elsewhere), and element fields declared
//!   with `T` hold a [`TypeKind::Polymorphic`] type instead: `T` or one of its derivations.
//! - **Substitution groups**: a reference to a head element accepts the head or any element
//!   of its group. Such a reference becomes a choice ([`Origin::SubstitutionGroup`]) between
//!   the non-abstract elements of the group, one shared type per head.
//!
//! Derived types in an element's anonymous type cannot be named by `xsi:type` and are not
//! alternatives. A document-style body part whose element heads a substitution group is the
//! group's choice (resolve/mod.rs `body_element`); as a header, rpc or fault part only the head
//! is read, with a note.

use super::ir::*;
use super::types::TypeResolver;
use crate::error::{Location, Result};
use crate::parse::model::{self as syn, QName};
use std::collections::{BTreeMap, HashMap};

impl TypeResolver<'_> {
    /// Resolves every named type derived (by extension or restriction, directly or not) from a
    /// named struct type already reached, until no new type is reached.
    pub fn reach_derived_types(&mut self) -> Result<()> {
        let mut derived: BTreeMap<&QName, Vec<&QName>> = BTreeMap::new();
        for (name, found) in &self.index.types {
            let syn::TypeDef::Complex(c) = found.def else {
                continue;
            };
            let base = match &c.content {
                syn::ComplexContent::Derived { base, .. }
                | syn::ComplexContent::Simple { base, .. } => base,
                syn::ComplexContent::Particle(_) => continue,
            };
            derived.entry(base).or_default().push(name);
        }
        for list in derived.values_mut() {
            list.sort();
        }
        let mut next = 0;
        while next < self.types.len() {
            if let (Origin::Named(name), TypeKind::Struct(_)) =
                (&self.types[next].origin, &self.types[next].kind)
            {
                if let Some(list) = derived.get(name) {
                    let at = self.types[next].location.clone();
                    for &d in list {
                        self.type_ref(d, &at)?;
                    }
                }
            }
            next += 1;
        }
        Ok(())
    }

    /// The choice type of the substitution group headed by the global element `head`, or `None`
    /// when no element joins the group (the reference is then an ordinary element).
    pub fn substitution_group(&mut self, head: &QName, at: &Location) -> Result<Option<TypeId>> {
        if let Some(&id) = self.substitution_groups.get(head) {
            return Ok(Some(id));
        }
        let members = self.substitution_members(head);
        if members.is_empty() {
            return Ok(None);
        }
        let id = self.synthetic_choice(Origin::SubstitutionGroup(head.clone()), at.clone());
        self.substitution_groups.insert(head.clone(), id);
        let mut variants = Vec::new();
        for name in std::iter::once(head).chain(&members) {
            let Some(decl) = self.index.elements.get(name).map(|f| f.def) else {
                continue;
            };
            if decl.is_abstract {
                continue;
            }
            let element = self.global_element(name, at)?;
            variants.push(Field {
                wire: element.name,
                occurrence: Occurrence::Required,
                nillable: element.nillable,
                kind: FieldKind::Element(element.ty),
                default: decl.default.clone().or(decl.fixed.clone()),
                doc: decl.doc.clone(),
            });
        }
        self.types[id].kind = TypeKind::Choice(variants);
        self.types[id].doc = Some(format!(
            "Element `{}` or an element of its substitution group: exactly one of these.",
            head.local
        ));
        Ok(Some(id))
    }

    /// Whether some element joins the substitution group of `head`.
    pub fn heads_substitution_group(&mut self, head: &QName) -> bool {
        self.substitution_children().contains_key(head)
    }

    /// The elements naming each head in `substitutionGroup=`, built on first use.
    fn substitution_children(&mut self) -> &HashMap<QName, Vec<QName>> {
        let index = self.index;
        self.substitution_children.get_or_insert_with(|| {
            let mut children: HashMap<QName, Vec<QName>> = HashMap::new();
            for (name, decl) in &index.elements {
                if let Some(head) = &decl.def.substitution_group {
                    children.entry(head.clone()).or_default().push(name.clone());
                }
            }
            for list in children.values_mut() {
                list.sort();
            }
            children
        })
    }

    /// Every element that joins the group of `head`, directly or through another member, in
    /// name order.
    fn substitution_members(&mut self, head: &QName) -> Vec<QName> {
        let children = self.substitution_children();
        let mut found: Vec<QName> = Vec::new();
        let mut heads = vec![head];
        while let Some(h) = heads.pop() {
            for name in children.get(h).into_iter().flatten() {
                if name != head && !found.contains(name) {
                    found.push(name.clone());
                    heads.push(name);
                }
            }
        }
        found.sort();
        found
    }
}

/// Makes a substitution group that is an alternative of a choice alternatives of that choice
/// itself (its elements), as a choice holds one element per variant.
pub fn flatten_groups_in_choices(types: &mut [TypeDef]) {
    for id in 0..types.len() {
        let TypeKind::Choice(variants) = &types[id].kind else {
            continue;
        };
        let group_of = |f: &Field| match f.kind {
            FieldKind::Choice(g) if matches!(types[g].origin, Origin::SubstitutionGroup(_)) => {
                match &types[g].kind {
                    TypeKind::Choice(members) => Some(members),
                    _ => None,
                }
            }
            _ => None,
        };
        if !variants.iter().any(|v| group_of(v).is_some()) {
            continue;
        }
        let flat: Vec<Field> = variants
            .iter()
            .flat_map(|v| match group_of(v) {
                Some(members) => members
                    .iter()
                    .map(|m| Field {
                        occurrence: v.occurrence,
                        ..m.clone()
                    })
                    .collect(),
                None => vec![v.clone()],
            })
            .collect();
        types[id].kind = TypeKind::Choice(flat);
    }
}

/// Adds a [`TypeKind::Polymorphic`] type for every named struct type that has concrete derived
/// types, and makes every element declared with such a base hold it instead. Returns the map
/// from base to polymorphic type, for the operations' elements.
pub fn polymorphic_types(
    types: &mut Vec<TypeDef>,
    is_abstract: impl Fn(&QName) -> bool,
) -> HashMap<TypeId, TypeId> {
    let mut children: BTreeMap<TypeId, Vec<TypeId>> = BTreeMap::new();
    for (id, t) in types.iter().enumerate() {
        if let (Origin::Named(_), TypeKind::Struct(st)) = (&t.origin, &t.kind) {
            if let Some(base) = st.base {
                children.entry(base).or_default().push(id);
            }
        }
    }
    let name_of = |types: &[TypeDef], id: TypeId| match &types[id].origin {
        Origin::Named(q) => Some(q.clone()),
        _ => None,
    };
    let mut made = HashMap::new();
    for &base in children.keys() {
        let Some(base_name) = name_of(types, base) else {
            continue;
        };
        if !matches!(types[base].kind, TypeKind::Struct(ref st) if st.soap_array.is_none()) {
            continue;
        }
        // Every descendant, each once (a derivation cycle was already refused).
        let mut descendants = Vec::new();
        let mut stack = vec![base];
        while let Some(t) = stack.pop() {
            for &c in children.get(&t).into_iter().flatten() {
                if !descendants.contains(&c) && c != base {
                    descendants.push(c);
                    stack.push(c);
                }
            }
        }
        let mut derived: Vec<(QName, TypeId)> = descendants
            .into_iter()
            .filter_map(|d| name_of(types, d).map(|q| (q, d)))
            .filter(|(q, _)| !is_abstract(q))
            .collect();
        if derived.is_empty() {
            continue;
        }
        derived.sort();
        let abstract_base = is_abstract(&base_name);
        let variants: Vec<(QName, TypeId)> = (!abstract_base)
            .then(|| (base_name.clone(), base))
            .into_iter()
            .chain(derived)
            .collect();
        let location = types[base].location.clone();
        types.push(TypeDef {
            origin: Origin::Derivations(base),
            kind: TypeKind::Polymorphic {
                base,
                abstract_base,
                variants,
            },
            doc: Some(format!(
                "Type `{}` or a type derived from it: `xsi:type` on the element tells which.",
                base_name.local
            )),
            location,
        });
        let poly = types.len() - 1;
        if let TypeKind::Struct(st) = &mut types[base].kind {
            st.held_as = Some(poly);
        }
        made.insert(base, poly);
    }
    let swap = |r: &mut TypeRef| {
        if let TypeRef::Named(id) = r {
            if let Some(&poly) = made.get(id) {
                *id = poly;
            }
        }
    };
    for t in types.iter_mut() {
        let fields = match &mut t.kind {
            TypeKind::Struct(st) => &mut st.fields,
            TypeKind::Choice(variants) => variants,
            _ => continue,
        };
        for f in fields {
            if let FieldKind::Element(r) = &mut f.kind {
                swap(r);
            }
        }
    }
    made
}
