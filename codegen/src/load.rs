//! Load stage: reads the root WSDL and every file it reaches through `wsdl:import`, `xs:import`,
//! `xs:include` and `xs:redefine`, each file once (import cycles are normal), relative to the
//! importing file. Remote locations are never fetched: they must be mapped to local files.

use crate::error::{Diagnostic, Error, Location, Result};
use crate::parse::model::Definitions;
use crate::parse::{self, Ctx, ReferenceKind, WSDL_NS};
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

/// Options of the load stage.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Remote (or any) locations mapped to local files, e.g. `http://x/y.xsd` → `schemas/y.xsd`.
    pub location_map: BTreeMap<String, PathBuf>,
}

/// The result of loading: the syntax model of every document, and every file read.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// All definitions.
    pub definitions: Definitions,
    /// Every file read, in the order read (the root first).
    pub files: Vec<PathBuf>,
}

/// Reads `root` and everything it imports.
pub fn load(root: &Path, options: &LoadOptions) -> Result<Loaded> {
    let mut definitions = Definitions::default();
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut queue: VecDeque<(PathBuf, Option<String>, Option<Location>)> = VecDeque::new();
    queue.push_back((root.to_path_buf(), None, None));
    while let Some((path, include_ns, from)) = queue.pop_front() {
        let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
        if !seen.insert((canonical, include_ns.clone())) {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|source| match &from {
            Some(at) => Error::from(
                Diagnostic::new(
                    at.clone(),
                    format!("cannot read imported file {}: {source}", path.display()),
                )
                .with_hint("check the location attribute, or map it to a local file with --map LOCATION=PATH"),
            ),
            None => Error::Io {
                path: path.clone(),
                source,
            },
        })?;
        if !files.contains(&path) {
            files.push(path.clone());
        }
        let options_xml = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        };
        let doc = roxmltree::Document::parse_with_options(&text, options_xml).map_err(|e| {
            let pos = e.pos();
            Diagnostic::new(
                Location {
                    file: path.clone(),
                    line: pos.row,
                    column: pos.col,
                },
                format!("not well-formed XML: {e}"),
            )
            .with_hint("fix the XML syntax first; an XML editor or `xmllint --noout FILE` shows the exact spot")
        })?;
        let ctx = Ctx {
            doc: &doc,
            file: &path,
            chameleon_ns: include_ns.as_deref().filter(|_| {
                doc.root_element()
                    .attribute("targetNamespace")
                    .is_none_or(str::is_empty)
            }),
        };
        let root_el = doc.root_element();
        let references = if parse::is(root_el, WSDL_NS, "definitions") {
            let parsed = parse::parse_wsdl(&ctx, root_el)?;
            definitions.wsdls.push(parsed.document);
            definitions.schemas.extend(parsed.schemas);
            definitions.notes.extend(parsed.notes);
            parsed.references
        } else if parse::is(root_el, parse::XSD_NS, "schema") {
            let (schema, refs) = parse::parse_schema(&ctx, root_el, include_ns.as_deref())?;
            definitions.schemas.push(schema);
            refs
        } else {
            return Err(ctx
                .error(
                    root_el,
                    format!(
                        "expected wsdl:definitions or xs:schema, found `{}`",
                        root_el.tag_name().name()
                    ),
                )
                .with_hint("soapgen reads WSDL 1.1 files and the XSD files they import")
                .into());
        };
        for reference in references {
            let target = resolve_location(&path, &reference.location, &reference.at, options)?;
            let ns = match reference.kind {
                ReferenceKind::SchemaInclude { namespace } => Some(namespace),
                _ => None,
            };
            queue.push_back((target, ns, Some(reference.at)));
        }
    }
    Ok(Loaded { definitions, files })
}

fn resolve_location(
    importer: &Path,
    location: &str,
    at: &Location,
    options: &LoadOptions,
) -> Result<PathBuf> {
    if let Some(mapped) = options.location_map.get(location) {
        return Ok(mapped.clone());
    }
    let lower = location.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("ftp://")
    {
        return Err(Diagnostic::new(
            at.clone(),
            format!("`{location}` is a remote location; soapgen never downloads"),
        )
        .with_hint(format!(
            "save it locally and map it: `--map {location}=PATH` (CLI) or `.map_location(\"{location}\", \"PATH\")` (build.rs)"
        ))
        .into());
    }
    let location = location.strip_prefix("file://").unwrap_or(location);
    let base = importer.parent().unwrap_or_else(|| Path::new("."));
    Ok(base.join(location))
}
