//! Validating the parsed data into the model the code generator emits.
//!
//! Every rule about `data/` lives here, so tests can check each one without running cargo. All
//! problems are collected; the model is returned only when there are none.

use super::load::{Doc, Inputs};
use super::locate::{path, Step};
use super::problem::Problem;
use super::schema::{self, Cell, TableFile, TableRow};
use super::trie;
use std::collections::HashMap;

/// The API versions, in index order.
pub const APIS: [&str; 2] = ["v1.0", "beta"];
/// The operations, in index order (as `data/` names them).
pub const OPERATIONS: [&str; 7] = [
    "create",
    "get",
    "update",
    "delete",
    "reauthorize",
    "list",
    "getVapidPublicKey",
];
/// The auth modes, in index order (as `data/` names them).
pub const MODES: [&str; 3] = ["delegated-work", "delegated-personal", "application"];
/// All modes as a bit set.
pub const ALL_MODES: u8 = 0b111;

/// The validated data.
#[derive(Debug)]
pub struct Model {
    /// All 14 tables, ordered by (api index, operation index).
    pub tables: Vec<Table>,
    /// Resource identities; rows and routes refer to them by index.
    pub resources: Vec<Resource>,
    /// Known docs errors that some cell uses.
    pub errata: Vec<schema::Erratum>,
    /// The path trie; node 0 is the root.
    pub nodes: Vec<Node>,
    /// [`Model::nodes`] as the walker reads them.
    pub node_defs: Vec<NodeDef>,
    /// The longest lower-case static segment, in bytes.
    pub max_static_len: usize,
    /// The most segments of any template (the depth of the trie).
    pub max_depth: usize,
    /// The pilots, slots and keys of the nodes' segment maps.
    pub arena: ArenaBuilder,
    /// The permission catalog.
    pub catalog: schema::CatalogFile,
    /// What docs snapshot and catalog the data carries.
    pub data_version: String,
    /// The rules, change types and lifetimes.
    pub rules: super::rules::Rules,
}

/// One validated table.
#[derive(Debug)]
pub struct Table {
    /// Index into [`APIS`].
    pub api: usize,
    /// Index into [`OPERATIONS`].
    pub operation: usize,
    /// Provenance.
    pub source: schema::Source,
    /// Rows in the docs' order.
    pub rows: Vec<Row>,
}

/// One validated row.
#[derive(Debug)]
pub struct Row {
    /// Index into [`Model::resources`].
    pub resource: usize,
    /// The row as the table gives it.
    pub row: TableRow,
    /// Cells by mode index; `None` = not supported.
    pub cells: [Option<Vec<Perm>>; 3],
    /// The row's line in its data file.
    pub line: usize,
}

/// One permission in a cell, after errata.
#[derive(Debug)]
pub struct Perm {
    /// The name to request.
    pub name: String,
    /// Resource-specific consent.
    pub rsc: bool,
    /// Index into [`Model::errata`] when the docs print another name.
    pub erratum: Option<usize>,
}

/// A resource identity.
#[derive(Debug)]
pub struct Resource {
    /// Stable key.
    pub id: String,
    /// Resource type.
    pub resource_type: String,
    /// Templates with their mode sets.
    pub templates: Vec<(String, u8)>,
    /// Where the templates come from.
    pub source: String,
    /// A note for readers.
    pub note: Option<String>,
}

/// A node of the path trie, with the routes of the templates ending there.
pub type Node = trie::builder::Node<Route>;

/// A template ending at a node.
#[derive(Debug, Clone)]
pub struct Route {
    /// Index into [`Model::resources`].
    pub resource: usize,
    /// The template as written.
    pub template: String,
    /// Modes it stands for.
    pub modes: u8,
    /// Derived by the `/me` <-> `/users/{id}` rule rather than written in the data.
    pub derived: bool,
}

use trie::builder::{shape, Shape, TrieBuilder};
use trie::layout::ArenaBuilder;
use trie::node::NodeDef;

/// Validates everything. Returns the model, or every problem found.
pub fn build(inputs: &Inputs) -> Result<Model, Vec<Problem>> {
    let mut problems = Vec::new();
    let catalog = inputs.catalog.as_ref();
    let known = catalog
        .map(|c| check_catalog(c, &mut problems))
        .unwrap_or_default();
    let errata = inputs
        .errata
        .as_ref()
        .map(|e| check_errata(e, &known, &mut problems));

    let mut resources = Vec::new();
    let mut shapes_of: Vec<Vec<Shape>> = Vec::new();
    let mut matchers = Vec::new();
    if let Some(doc) = &inputs.resources {
        explicit_resources(
            doc,
            &mut resources,
            &mut shapes_of,
            &mut matchers,
            &mut problems,
        );
    }
    let explicit_count = resources.len();
    let mut used_entry = vec![false; explicit_count];
    let mut used_erratum = vec![false; errata.as_ref().map_or(0, |e| e.len())];

    let mut slots: Vec<Option<Table>> = (0..APIS.len() * OPERATIONS.len()).map(|_| None).collect();
    for doc in &inputs.tables {
        let Some((api, operation)) = table_key(doc, &mut problems) else {
            continue;
        };
        let slot = api * OPERATIONS.len() + operation;
        if slots[slot].is_some() {
            problems.push(doc.problem(
                &[],
                format!(
                    "a second table for {}/{} (each version and operation has one file)",
                    APIS[api], OPERATIONS[operation]
                ),
            ));
            continue;
        }
        let mut rows = Vec::new();
        let mut row_of_resource: HashMap<usize, usize> = HashMap::new();
        for (i, row) in doc.value.rows.iter().enumerate() {
            let at = path(&[&"rows", &i]);
            let resource = row_resource(
                doc,
                i,
                row,
                &mut resources,
                &mut shapes_of,
                &matchers,
                &mut used_entry,
                &mut problems,
            );
            let cells = check_cells(
                doc,
                i,
                row,
                (APIS[api], OPERATIONS[operation]),
                &known,
                errata.as_deref().unwrap_or(&[]),
                &mut used_erratum,
                &mut problems,
            );
            let Some(resource) = resource else { continue };
            if let Some(first) = row_of_resource.insert(resource, i) {
                problems.push(doc.problem(&at, format!(
                    "duplicate row: row {} already describes resource `{}` (rows are counted from 0)",
                    first, resources[resource].id
                )));
            }
            rows.push(Row {
                resource,
                row: row.clone(),
                cells,
                line: doc.pos.at(&at).line,
            });
        }
        slots[slot] = Some(Table {
            api,
            operation,
            source: doc.value.source.clone(),
            rows,
        });
    }
    for (slot, table) in slots.iter().enumerate() {
        let (api, op) = (
            APIS[slot / OPERATIONS.len()],
            OPERATIONS[slot % OPERATIONS.len()],
        );
        let file = format!("data/tables/{api}/{op}.yaml");
        let exists =
            inputs.unreadable.contains(&file) || inputs.tables.iter().any(|d| d.file == file);
        if table.is_none() && !exists {
            problems.push(Problem {
                file,
                line: 0,
                col: 0,
                message: format!(
                    "missing table {api}/{op} (import it with `msgraph-scopes import-docs`)"
                ),
            });
        }
    }
    if let Some(doc) = &inputs.resources {
        for (i, used) in used_entry.iter().enumerate() {
            if !used {
                problems.push(doc.problem(
                    &path(&[&"resources", &i]),
                    format!("entry `{}` matches no row of any table", resources[i].id),
                ));
            }
        }
    }
    if let Some(doc) = &inputs.errata {
        for (i, used) in used_erratum.iter().enumerate() {
            if !used {
                problems.push(doc.problem(
                    &path(&[&"errata", &i]),
                    "erratum corrects no cell of any table it names",
                ));
            }
        }
    }

    // Only on otherwise sound tables: a row dropped for another problem, or a table that did
    // not parse, is not a difference.
    if problems.is_empty() && inputs.unreadable.is_empty() {
        super::coverage::check(&slots, &resources, inputs, &mut problems);
    }

    let trie = build_trie(&resources, &shapes_of, inputs, &mut problems);
    let rules = super::rules::check(inputs, &slots, trie.nodes(), &known, &mut problems);
    let trie = trie.finish().map_err(|messages| {
        for message in messages {
            problems.push(Problem {
                file: "data/resources.yaml".into(),
                line: 0,
                col: 0,
                message,
            });
        }
    });
    // Cells are `u16` indices into one array, `u16::MAX` meaning "not supported".
    let cells: usize = slots.iter().flatten().map(|t| t.rows.len() * 3).sum();
    if cells >= usize::from(u16::MAX) {
        problems.push(Problem {
            file: "data/tables".into(),
            line: 0,
            col: 0,
            message: format!("{cells} cells do not fit the u16 indices of the compiled tables"),
        });
    }
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    let Ok(trie) = trie else {
        return Err(problems);
    };
    let tables: Vec<Table> = slots.into_iter().flatten().collect();
    let catalog = catalog.map(|c| c.value.clone()).ok_or_else(Vec::new)?;
    let data_version = data_version(&tables, &catalog);
    Ok(Model {
        tables,
        resources,
        errata: errata.unwrap_or_default(),
        nodes: trie.nodes,
        node_defs: trie.defs,
        max_static_len: trie.max_static_len,
        max_depth: trie.max_depth,
        arena: trie.arena,
        catalog,
        data_version,
        rules,
    })
}

fn table_key(doc: &Doc<TableFile>, problems: &mut Vec<Problem>) -> Option<(usize, usize)> {
    let api = APIS.iter().position(|a| *a == doc.value.api);
    let operation = OPERATIONS.iter().position(|o| *o == doc.value.operation);
    if api.is_none() {
        problems.push(doc.problem(
            &path(&[&"api"]),
            format!(
                "unknown API version `{}` (expected v1.0 or beta)",
                doc.value.api
            ),
        ));
    }
    if operation.is_none() {
        problems.push(doc.problem(
            &path(&[&"operation"]),
            format!(
                "unknown operation `{}` (expected one of {})",
                doc.value.operation,
                OPERATIONS.join(", ")
            ),
        ));
    }
    let (api, operation) = (api?, operation?);
    let expected = format!("data/tables/{}/{}.yaml", APIS[api], OPERATIONS[operation]);
    if doc.file != expected {
        problems.push(doc.problem(&[], format!("this table belongs in {expected}")));
    }
    Some((api, operation))
}

// ---------------------------------------------------------------------------------------------
// Resources

struct Matcher {
    entry: usize,
    resource_type: String,
    text: Option<String>,
}

fn explicit_resources(
    doc: &Doc<schema::ResourcesFile>,
    resources: &mut Vec<Resource>,
    shapes_of: &mut Vec<Vec<Shape>>,
    matchers: &mut Vec<Matcher>,
    problems: &mut Vec<Problem>,
) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in doc.value.resources.iter().enumerate() {
        let at = path(&[&"resources", &i]);
        if entry.id.is_empty()
            || !entry
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
        {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"id"])].concat(),
                format!(
                    "malformed id `{}` (expected letters, digits, `_`, `.` or `-`)",
                    entry.id
                ),
            ));
        }
        if let Some(first) = ids.insert(&entry.id, i) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"id"])].concat(),
                format!("duplicate id `{}` (entry {first} has it)", entry.id),
            ));
        }
        if entry.rows.is_empty() {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"rows"])].concat(),
                "no rows: say which table rows this entry is",
            ));
        }
        for (m, matcher) in entry.rows.iter().enumerate() {
            if matcher.resource_type.trim().is_empty() {
                problems.push(doc.problem(
                    &[at.clone(), path(&[&"rows", &m, &"type"])].concat(),
                    "empty type",
                ));
            }
            matchers.push(Matcher {
                entry: i,
                resource_type: matcher.resource_type.clone(),
                text: matcher.text.as_deref().map(loose_text),
            });
        }
        let mut templates = Vec::new();
        let mut shapes: Vec<Shape> = Vec::new();
        for (t, template) in entry.templates.iter().enumerate() {
            let tat = [at.clone(), path(&[&"templates", &t])].concat();
            let mut modes = 0u8;
            for (k, mode) in template.modes.iter().enumerate() {
                match MODES.iter().position(|m| m == mode) {
                    Some(bit) if modes & (1 << bit) != 0 => problems.push(doc.problem(
                        &[tat.clone(), path(&[&"modes", &k])].concat(),
                        format!("mode `{mode}` listed twice"),
                    )),
                    Some(bit) => modes |= 1 << bit,
                    None => problems.push(doc.problem(
                        &[tat.clone(), path(&[&"modes", &k])].concat(),
                        format!("unknown mode `{mode}` (expected {})", MODES.join(", ")),
                    )),
                }
            }
            if modes == 0 {
                modes = ALL_MODES;
            }
            let repeated = templates
                .iter()
                .any(|(p, _): &(String, u8)| p.eq_ignore_ascii_case(&template.path));
            match shape(&template.path) {
                Ok(_) if repeated => problems.push(doc.problem(
                    &[tat.clone(), path(&[&"path"])].concat(),
                    format!("duplicate template `{}` in this entry", template.path),
                )),
                Ok(s) => {
                    shapes.push(s);
                    templates.push((template.path.clone(), modes));
                }
                Err(why) => problems.push(doc.problem(
                    &[tat, path(&[&"path"])].concat(),
                    format!("malformed template `{}`: {why}", template.path),
                )),
            }
        }
        resources.push(Resource {
            id: entry.id.clone(),
            resource_type: entry
                .rows
                .first()
                .map(|m| m.resource_type.clone())
                .unwrap_or_default(),
            templates,
            source: entry.source.clone(),
            note: entry.note.clone(),
        });
        shapes_of.push(shapes);
    }
}

/// Finds (or creates) the resource a table row describes.
#[allow(clippy::too_many_arguments)]
fn row_resource(
    doc: &Doc<TableFile>,
    i: usize,
    row: &TableRow,
    resources: &mut Vec<Resource>,
    shapes_of: &mut Vec<Vec<Shape>>,
    matchers: &[Matcher],
    used_entry: &mut [bool],
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let at = path(&[&"rows", &i]);
    if row.resource_type.trim().is_empty() {
        problems.push(doc.problem(&[at, path(&[&"type"])].concat(), "empty resource type"));
        return None;
    }
    if row.paths.is_empty() {
        let texts: Vec<String> = row
            .qualifier
            .iter()
            .chain(row.label.iter())
            .map(|t| loose_text(t))
            .collect();
        let hits: Vec<usize> = matchers
            .iter()
            .filter(|m| {
                m.resource_type == row.resource_type
                    && m.text.as_ref().is_none_or(|t| texts.contains(t))
            })
            .map(|m| m.entry)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        return match hits.as_slice() {
            [one] => {
                used_entry[*one] = true;
                Some(*one)
            }
            [] => {
                problems.push(doc.problem(&at, format!(
                    "row `{}` gives no path and no entry in data/resources.yaml names it (add one with its templates, or `templates: []` and a note)",
                    describe(row)
                )));
                None
            }
            many => {
                let ids: Vec<&str> = many.iter().map(|e| resources[*e].id.as_str()).collect();
                problems.push(doc.problem(
                    &at,
                    format!(
                        "row `{}` matches several entries of data/resources.yaml: {}",
                        describe(row),
                        ids.join(", ")
                    ),
                ));
                None
            }
        };
    }

    let mut row_shapes = Vec::new();
    for (p, template) in row.paths.iter().enumerate() {
        match shape(template) {
            Ok(s) if row_shapes.contains(&s) => problems.push(doc.problem(
                &[at.clone(), path(&[&"paths", &p])].concat(),
                format!("duplicate path `{template}` in this row"),
            )),
            Ok(s) => row_shapes.push(s),
            Err(why) => problems.push(doc.problem(
                &[at.clone(), path(&[&"paths", &p])].concat(),
                format!("malformed path `{template}`: {why}"),
            )),
        }
    }
    let first = row_shapes.first()?.clone();
    // An entry of data/resources.yaml of this type that lists one of the row's paths.
    let explicit = matchers
        .iter()
        .filter(|m| m.resource_type == row.resource_type)
        .map(|m| m.entry)
        .find(|e| shapes_of[*e].iter().any(|s| row_shapes.contains(s)));
    let existing = explicit.or_else(|| {
        (used_entry.len()..resources.len()).find(|r| {
            resources[*r].resource_type == row.resource_type
                && shapes_of[*r].first() == Some(&first)
        })
    });
    let index = match existing {
        Some(index) => index,
        None => {
            resources.push(Resource {
                id: format!("{}:{}", row.resource_type, row.paths[0]),
                resource_type: row.resource_type.clone(),
                templates: Vec::new(),
                source: doc.value.source.file.clone(),
                note: None,
            });
            shapes_of.push(Vec::new());
            resources.len() - 1
        }
    };
    if let Some(used) = used_entry.get_mut(index) {
        *used = true;
    }
    for (template, s) in row.paths.iter().zip(row_shapes) {
        if !shapes_of[index].contains(&s) {
            shapes_of[index].push(s);
            resources[index]
                .templates
                .push((template.clone(), ALL_MODES));
        }
    }
    Some(index)
}

fn describe(row: &TableRow) -> String {
    match (&row.qualifier, &row.label) {
        (Some(q), _) => format!("{} ({q})", row.resource_type),
        (None, Some(l)) => format!("{}: {l}", row.resource_type),
        (None, None) => row.resource_type.clone(),
    }
}

/// Lower case, single spaces, no trailing period: how row texts are compared.
fn loose_text(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_lowercase()
}

// ---------------------------------------------------------------------------------------------
// Cells, errata and the catalog

/// What the catalog says of a name: which schemes exist, and whether it is RSC.
#[derive(Debug, Default, Clone, Copy)]
pub struct Known {
    delegated: bool,
    application: bool,
    rsc: bool,
}

fn check_catalog(
    doc: &Doc<schema::CatalogFile>,
    problems: &mut Vec<Problem>,
) -> HashMap<String, Known> {
    let mut known = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut previous: Option<&str> = None;
    for (i, p) in doc.value.permissions.iter().enumerate() {
        let at = path(&[&"permissions", &i]);
        if p.name.is_empty() || p.name.chars().any(|c| c.is_whitespace() || c.is_control()) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"name"])].concat(),
                format!("malformed permission name `{}`", p.name),
            ));
        }
        if previous.is_some_and(|prev| prev >= p.name.as_str()) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"name"])].concat(),
                format!(
                    "`{}` is out of order or repeated (permissions are sorted by name)",
                    p.name
                ),
            ));
        }
        previous = Some(&p.name);
        let schemes = [&p.delegated_work, &p.delegated_personal, &p.application];
        if schemes.iter().all(|s| s.is_none()) {
            problems.push(doc.problem(&at, format!("`{}` has no scheme", p.name)));
        }
        for (mode, scheme) in MODES.iter().zip(schemes) {
            let Some(scheme) = scheme else { continue };
            let sat = [at.clone(), path(&[mode])].concat();
            if let Some(level) = scheme.privilege_level {
                if !(1..=4).contains(&level) {
                    problems.push(doc.problem(
                        &[sat.clone(), path(&[&"privilege_level"])].concat(),
                        format!("privilege level {level} is not 1 to 4"),
                    ));
                }
            }
            for id in scheme.id.iter().chain(&scheme.other_ids) {
                if !is_guid(id) {
                    problems.push(doc.problem(
                        &sat,
                        format!("malformed GUID `{id}` (expected lower-case 8-4-4-4-12 hex)"),
                    ));
                }
                // A delegated scope's GUID is shared by both delegated schemes.
                let owner = format!(
                    "{} {}",
                    p.name,
                    if *mode == "application" {
                        "application"
                    } else {
                        "delegated"
                    }
                );
                if let Some(other) = ids.insert(id.clone(), owner.clone()) {
                    // The source gives some GUIDs to two entries; the catalog must say so.
                    let recorded = p.notes.iter().any(|note| note.contains(id.as_str()));
                    if other != owner && !recorded {
                        problems
                            .push(doc.problem(&sat, format!("GUID {id} also belongs to {other}")));
                    }
                }
            }
        }
        known.insert(
            p.name.clone(),
            Known {
                delegated: p.delegated_work.is_some() || p.delegated_personal.is_some(),
                application: p.application.is_some(),
                rsc: p.rsc,
            },
        );
    }
    for (i, f) in doc.value.foreign_ids.iter().enumerate() {
        let at = path(&[&"foreign_ids", &i]);
        if !is_guid(&f.id) || !is_guid(&f.resource_app) {
            problems.push(doc.problem(&at, "malformed GUID (expected lower-case 8-4-4-4-12 hex)"));
        }
        if !MODES.contains(&f.scheme.as_str()) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"scheme"])].concat(),
                format!("unknown scheme `{}`", f.scheme),
            ));
        }
        if ids.contains_key(&f.id) {
            problems.push(doc.problem(&at, format!("GUID {} is also a Graph permission's", f.id)));
        }
    }
    known
}

/// Whether `s` is a lower-case GUID.
pub fn is_guid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| {
            g.len() == n
                && g.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Whether `name` looks like a Graph permission name (`Mail.Read`, `Chat.Manage.Chat`).
pub fn is_permission_name(name: &str) -> bool {
    let mut parts = name.split('.');
    let head_ok = parts.next().is_some_and(|h| {
        h.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let mut rest = 0;
    let rest_ok = parts.all(|p| {
        rest += 1;
        !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    head_ok && rest_ok && rest > 0
}

fn check_errata(
    doc: &Doc<schema::ErrataFile>,
    known: &HashMap<String, Known>,
    problems: &mut Vec<Problem>,
) -> Vec<schema::Erratum> {
    for (i, e) in doc.value.errata.iter().enumerate() {
        let at = path(&[&"errata", &i]);
        if !known.contains_key(&e.corrected) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"corrected"])].concat(),
                format!(
                    "corrected name `{}` is not in data/catalog.yaml",
                    e.corrected
                ),
            ));
        }
        if known.contains_key(&e.documented) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"documented"])].concat(),
                format!(
                    "`{}` exists in data/catalog.yaml, so it is not a docs error",
                    e.documented
                ),
            ));
        }
        for (t, table) in e.tables.iter().enumerate() {
            let ok = table
                .split_once('/')
                .is_some_and(|(a, o)| APIS.contains(&a) && OPERATIONS.contains(&o));
            if !ok {
                problems.push(doc.problem(
                    &[at.clone(), path(&[&"tables", &t])].concat(),
                    format!(
                        "unknown table `{table}` (expected API/OPERATION, such as v1.0/create)"
                    ),
                ));
            }
        }
    }
    doc.value.errata.clone()
}

#[allow(clippy::too_many_arguments)]
fn check_cells(
    doc: &Doc<TableFile>,
    i: usize,
    row: &TableRow,
    (api, op): (&str, &str),
    known: &HashMap<String, Known>,
    errata: &[schema::Erratum],
    used_erratum: &mut [bool],
    problems: &mut Vec<Problem>,
) -> [Option<Vec<Perm>>; 3] {
    let at = path(&[&"rows", &i]);
    let table = format!("{api}/{op}");
    let cells = [
        &row.delegated_work,
        &row.delegated_personal,
        &row.application,
    ];
    let mut out: [Option<Vec<Perm>>; 3] = [None, None, None];
    for (m, cell) in cells.into_iter().enumerate() {
        let cat = [at.clone(), path(&[&MODES[m]])].concat();
        let Cell::Permissions(names) = cell else {
            continue;
        };
        if names.is_empty() {
            problems.push(doc.problem(
                &cat,
                format!(
                    "empty cell (write `{}` or list permissions)",
                    schema::NOT_SUPPORTED
                ),
            ));
        }
        let mut perms = Vec::new();
        for (k, documented) in names.iter().enumerate() {
            let nat = [cat.clone(), path(&[&k])].concat();
            if !is_permission_name(documented) {
                problems.push(doc.problem(&nat, format!("malformed permission name `{documented}` (expected dotted words such as Mail.Read)")));
                continue;
            }
            if names[..k].contains(documented) {
                problems.push(
                    doc.problem(&nat, format!("`{documented}` is listed twice in this cell")),
                );
            }
            let erratum = errata.iter().position(|e| {
                e.documented == *documented && (e.tables.is_empty() || e.tables.contains(&table))
            });
            let name = match erratum {
                Some(e) => {
                    used_erratum[e] = true;
                    errata[e].corrected.clone()
                }
                None => documented.clone(),
            };
            let rsc = row.rsc.contains(documented);
            if !known.is_empty() {
                match known.get(&name) {
                    None => problems.push(doc.problem(&nat, format!(
                        "`{name}` is not in data/catalog.yaml; if the docs print a wrong name, record it in data/errata.yaml"
                    ))),
                    Some(k) => {
                        let fits = if m == 2 { k.application } else { k.delegated };
                        if !fits {
                            problems.push(doc.problem(&nat, format!(
                                "`{name}` is not a{} permission in data/catalog.yaml",
                                if m == 2 { "n application" } else { " delegated" }
                            )));
                        }
                        // The docs may list an RSC-capable permission without `*` (it then
                        // works as an ordinary one); marking one that is not RSC is an error.
                        if rsc && !k.rsc {
                            problems.push(doc.problem(&nat, format!(
                                "`{name}` is marked resource-specific consent here but is not RSC in data/catalog.yaml"
                            )));
                        }
                    }
                }
            }
            perms.push(Perm { name, rsc, erratum });
        }
        out[m] = Some(perms);
    }
    for (k, name) in row.rsc.iter().enumerate() {
        let in_cell = cells
            .iter()
            .any(|c| matches!(c, Cell::Permissions(n) if n.contains(name)));
        if !in_cell {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"rsc", &k])].concat(),
                format!("`{name}` is marked RSC but is in no cell of this row"),
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The trie

/// The trie of every template and its `/me` <-> `/users/{id}` variant, not yet laid out.
fn build_trie(
    resources: &[Resource],
    shapes_of: &[Vec<Shape>],
    inputs: &Inputs,
    problems: &mut Vec<Problem>,
) -> TrieBuilder<Route> {
    let mut trie = TrieBuilder::new();
    for (r, resource) in resources.iter().enumerate() {
        for ((template, modes), s) in resource.templates.iter().zip(&shapes_of[r]) {
            let mut variants = vec![(template.clone(), s.clone(), false)];
            if let Some(v) = me_users_variant(template, s) {
                variants.push((v.0, v.1, true));
            }
            for (template, s, derived) in variants {
                let route = Route {
                    resource: r,
                    template,
                    modes: *modes,
                    derived,
                };
                add_route(
                    &mut trie.node(&s).routes,
                    route,
                    resources,
                    inputs,
                    problems,
                );
            }
        }
    }
    trie
}

/// `/users/{id}/rest` <-> `/me/rest`: the signed-in user's paths are the same resource.
fn me_users_variant(template: &str, s: &Shape) -> Option<(String, Shape)> {
    let trimmed = template.trim_start_matches('/');
    match s.as_slice() {
        [Some(users), None, rest @ ..] if users == "users" => {
            let tail = trimmed
                .splitn(3, '/')
                .nth(2)
                .map(|t| format!("/{t}"))
                .unwrap_or_default();
            Some((
                format!("/me{tail}"),
                [vec![Some("me".to_owned())], rest.to_vec()].concat(),
            ))
        }
        [Some(me), rest @ ..] if me == "me" => {
            let tail = trimmed
                .split_once('/')
                .map(|(_, t)| format!("/{t}"))
                .unwrap_or_default();
            Some((
                format!("/users/{{id}}{tail}"),
                [vec![Some("users".to_owned()), None], rest.to_vec()].concat(),
            ))
        }
        _ => None,
    }
}

fn add_route(
    routes: &mut Vec<Route>,
    route: Route,
    resources: &[Resource],
    inputs: &Inputs,
    problems: &mut Vec<Problem>,
) {
    if let Some(same) = routes.iter_mut().find(|r| r.resource == route.resource) {
        if same.derived && !route.derived {
            *same = route;
        }
        return;
    }
    let clash: Vec<usize> = routes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.modes & route.modes != 0)
        .map(|(i, _)| i)
        .collect();
    if clash.is_empty() {
        routes.push(route);
        return;
    }
    if route.derived {
        return; // a written template beats a derived one
    }
    if clash.iter().all(|i| routes[*i].derived) {
        for i in clash.into_iter().rev() {
            routes.remove(i);
        }
        routes.push(route);
        return;
    }
    for i in clash {
        let other = &routes[i];
        let message = format!(
            "ambiguous template: `{}` of `{}` and `{}` of `{}` match the same paths for the same modes (give them disjoint `modes` in data/resources.yaml)",
            route.template, resources[route.resource].id, other.template, resources[other.resource].id
        );
        problems.push(where_defined(&resources[route.resource], inputs, message));
    }
}

/// Points a resource problem at its entry in data/resources.yaml, or at the first table row.
fn where_defined(resource: &Resource, inputs: &Inputs, message: String) -> Problem {
    if let Some(doc) = &inputs.resources {
        if let Some(i) = doc.value.resources.iter().position(|e| e.id == resource.id) {
            return doc.problem(&path(&[&"resources", &i]), message);
        }
    }
    for doc in &inputs.tables {
        if let Some(i) = doc.value.rows.iter().position(|r| {
            r.resource_type == resource.resource_type
                && r.paths
                    .first()
                    .is_some_and(|p| resource.id.ends_with(p.as_str()))
        }) {
            return doc.problem(&[Step::Key("rows".into()), Step::Index(i)], message);
        }
    }
    Problem {
        file: "data/resources.yaml".into(),
        line: 0,
        col: 0,
        message,
    }
}

// ---------------------------------------------------------------------------------------------
// Data version

fn data_version(tables: &[Table], catalog: &schema::CatalogFile) -> String {
    let newest = tables
        .iter()
        .filter_map(|t| newest_date(&t.source.as_of))
        .max()
        .unwrap_or_default();
    let commit: String = catalog.source.commit.chars().take(7).collect();
    format!(
        "graph-docs {newest}; devx {commit} ({})",
        catalog.source.as_of
    )
}

/// The newest `YYYY-MM-DD` or `MM/DD/YYYY` date in `text`, as `YYYY-MM-DD`.
fn newest_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let mut best: Option<String> = None;
    for i in 0..bytes.len() {
        let iso = bytes.get(i..i + 10).filter(|w| {
            digits(&w[..4]) && w[4] == b'-' && digits(&w[5..7]) && w[7] == b'-' && digits(&w[8..])
        });
        let us = bytes.get(i..i + 10).filter(|w| {
            digits(&w[..2]) && w[2] == b'/' && digits(&w[3..5]) && w[5] == b'/' && digits(&w[6..])
        });
        let date = match (iso, us) {
            (Some(w), _) => String::from_utf8_lossy(w).into_owned(),
            (None, Some(w)) => {
                let w = String::from_utf8_lossy(w);
                format!("{}-{}-{}", &w[6..], &w[..2], &w[3..5])
            }
            _ => continue,
        };
        if best.as_ref().is_none_or(|b| *b < date) {
            best = Some(date);
        }
    }
    best
}
