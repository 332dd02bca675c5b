//! Load stage: reads the root WSDL and every file it reaches through `wsdl:import`, `xs:import`,
//! `xs:include` and `xs:redefine`, each file once (import cycles are normal), relative to the
//! importing file. Remote locations are never fetched: they must be mapped to local files.

use crate::error::{Diagnostic, Error, Location, Result};
use crate::parse::model::Definitions;
use crate::parse::{self, Ctx, FileKey, ReferenceKind, WSDL_NS};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
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
    // The file each schema was read from, and the file each xs:include / xs:redefine (by its
    // location) reads: redefinitions are applied once all is read.
    let mut schema_files: Vec<FileKey> = Vec::new();
    let mut included: HashMap<Location, FileKey> = HashMap::new();
    // Remote imports of other namespaces: refused at the end unless a local schema supplies
    // the namespace (an xs:import beside another of the same namespace with a local location).
    let mut remote_imports: Vec<(String, String, Location)> = Vec::new();
    queue.push_back((root.to_path_buf(), None, None));
    while let Some((path, include_ns, from)) = queue.pop_front() {
        let key: FileKey = (canonical(&path), include_ns.clone());
        if !seen.insert(key.clone()) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|source| match &from {
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
        let text = utf8(bytes, &path)?;
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
        let lines = parse::LineIndex::new(&text);
        let ctx = Ctx {
            doc: &doc,
            file: &path,
            lines: &lines,
            chameleon_ns: include_ns.as_deref().filter(|_| {
                doc.root_element()
                    .attribute("targetNamespace")
                    .is_none_or(str::is_empty)
            }),
        };
        check_depth(&ctx, doc.root_element())?;
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
            return Err(unexpected_root(&ctx, root_el).into());
        };
        for reference in references {
            if let ReferenceKind::SchemaImport {
                namespace: Some(ns),
            } = &reference.kind
            {
                if parse::WELL_KNOWN_NS.contains(&ns.as_str())
                    && is_remote(&reference.location)
                    && !options.location_map.contains_key(&reference.location)
                {
                    definitions.notes.push((
                        reference.at.clone(),
                        format!(
                            "the remote import of the well-known namespace `{ns}` is not fetched; what the service uses from it is kept as raw XML"
                        ),
                    ));
                    continue;
                }
                if is_remote(&reference.location)
                    && !options.location_map.contains_key(&reference.location)
                {
                    remote_imports.push((ns.clone(), reference.location.clone(), reference.at));
                    continue;
                }
            }
            let target = resolve_location(&path, &reference.location, &reference.at, options)?;
            let ns = match reference.kind {
                ReferenceKind::SchemaInclude { namespace } => Some(namespace),
                _ => None,
            };
            if ns.is_some() {
                included.insert(reference.at.clone(), (canonical(&target), ns.clone()));
            }
            queue.push_back((target, ns, Some(reference.at)));
        }
        schema_files.resize(definitions.schemas.len(), key);
    }
    for (ns, location, at) in remote_imports {
        if definitions.schemas.iter().any(|s| s.target_ns == ns) {
            definitions.notes.push((
                at,
                format!("the remote import `{location}` is not fetched: a local schema supplies its namespace `{ns}`"),
            ));
        } else {
            // The usual error, with its hint to map the location to a local file.
            resolve_location(root, &location, &at, options)?;
        }
    }
    parse::apply_redefinitions(&mut definitions.schemas, &schema_files, &included);
    Ok(Loaded { definitions, files })
}

/// The canonical form of `path` (as it is when it cannot be canonicalized, e.g. a file that
/// does not exist, whose reading fails with its own error).
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The error for a root element that is neither `wsdl:definitions` nor `xs:schema`. A root
/// element with one of those names in no namespace, or in another namespace, lacks (or
/// misspells) its namespace declaration: the message and the hint say so.
fn unexpected_root(ctx: &Ctx, root: roxmltree::Node) -> Diagnostic {
    let local = root.tag_name().name();
    let expected = match local {
        "definitions" => Some(("wsdl:definitions", WSDL_NS)),
        "schema" => Some(("xs:schema", parse::XSD_NS)),
        _ => None,
    };
    let namespace = root.tag_name().namespace();
    let Some((what, ns)) = expected else {
        let found = match namespace {
            Some(ns) => format!("`{local}` (namespace `{ns}`)"),
            None => format!("`{local}`"),
        };
        let hint = if namespace == Some("http://www.w3.org/ns/wsdl") {
            "this is a WSDL 2.0 description; soapgen reads WSDL 1.1 files and the XSD files they import"
        } else {
            "soapgen reads WSDL 1.1 files and the XSD files they import"
        };
        return ctx
            .error(
                root,
                format!("expected wsdl:definitions or xs:schema, found {found}"),
            )
            .with_hint(hint);
    };
    let (found, fix) = match namespace {
        None => (
            format!("`{local}` in no namespace: the root element has no namespace declaration"),
            format!("add xmlns=\"{ns}\" to the root element: it declares the namespace of the element names written without a prefix"),
        ),
        Some(other) => (
            format!("`{local}` in the namespace `{other}`"),
            format!("the namespace of {what} is `{ns}`: correct the xmlns declaration of the root element"),
        ),
    };
    ctx.error(
        root,
        format!("expected wsdl:definitions or xs:schema, found {found}"),
    )
    .with_hint(fix)
}

/// Deepest element nesting accepted in a WSDL or XSD file. The later stages walk nested
/// definitions recursively; this bound keeps them well within the smallest usual thread stack
/// (2 MiB, test threads), where thousands of levels would overflow it. Real schemas nest a
/// few dozen levels at most.
pub const MAX_DEPTH: usize = 128;

/// Refuses documents nested deeper than [`MAX_DEPTH`], naming the first element too deep.
fn check_depth(ctx: &Ctx, root: roxmltree::Node) -> Result<()> {
    let mut stack = vec![(root, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(ctx
                .error(
                    node,
                    format!("elements are nested more than {MAX_DEPTH} levels deep"),
                )
                .with_hint(
                    "flatten the schema: declare deeply nested anonymous types as named types",
                )
                .into());
        }
        stack.extend(
            node.children()
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    Ok(())
}

/// The text of a file, which must be UTF-8 (a byte-order mark is allowed); otherwise a
/// diagnostic at the first byte that is not.
fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String> {
    String::from_utf8(bytes).map_err(|err| {
        let from = declared_encoding(err.as_bytes());
        let valid = err.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(err.as_bytes().get(..valid).unwrap_or_default());
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        let byte = err.as_bytes().get(valid).copied().unwrap_or(0);
        Error::from(
            Diagnostic::new(
                Location {
                    file: path.to_path_buf(),
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    column: u32::try_from(column).unwrap_or(u32::MAX),
                },
                format!("the file is not UTF-8: byte 0x{byte:02X} is not a valid character here"),
            )
            .with_hint(format!(
                "soapgen reads UTF-8; convert the file, e.g. `iconv -f {from} -t UTF-8 FILE`"
            )),
        )
    })
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
    if is_remote(location) {
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

/// The encoding a file that is not UTF-8 is in, for the hint: UTF-16 by its byte-order mark,
/// else the XML declaration's `encoding=`, else a guess (ISO-8859-1, the usual culprit).
fn declared_encoding(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return "UTF-16".to_string();
    }
    let head = String::from_utf8_lossy(bytes.get(..200).unwrap_or(bytes));
    let declared = head
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split("?>").next())
        .and_then(|decl| decl.split("encoding").nth(1))
        .and_then(|after| {
            let after = after.trim_start().strip_prefix('=')?.trim_start();
            let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            after[1..].split(quote).next().map(str::to_string)
        })
        .filter(|e| !e.is_empty() && !e.eq_ignore_ascii_case("utf-8"));
    declared.unwrap_or_else(|| "ISO-8859-1".to_string())
}

/// Whether a location is a URL soapgen would have to download.
fn is_remote(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("ftp://")
}
