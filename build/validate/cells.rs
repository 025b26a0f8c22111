//! The permission catalog, the errata, and the permissions in each cell of the tables.

use super::super::api_version::ApiVersion;
use super::super::auth_mode::AuthMode;
use super::super::load::Doc;
use super::super::model::{DataName, Perm};
use super::super::operation::Operation;
use super::super::problem::Problem;
use super::super::schema::{self, Cell, TableFile, TableRow};
use super::super::yaml_positions::path;
use std::collections::HashMap;

/// What the catalog says of a name: which schemes exist, and whether it is RSC.
#[derive(Debug, Default, Clone, Copy)]
pub struct Known {
    delegated: bool,
    application: bool,
    rsc: bool,
}

pub(super) fn check_catalog(
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
        for (mode, scheme) in AuthMode::ALL.into_iter().zip(schemes) {
            let Some(scheme) = scheme else { continue };
            let sat = [at.clone(), path(&[&mode.data_name()])].concat();
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
                    if mode == AuthMode::Application {
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
        if AuthMode::from_data_name(&f.scheme).is_none() {
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

pub(super) fn check_errata(
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
            let ok = table.split_once('/').is_some_and(|(a, o)| {
                ApiVersion::from_data_name(a).is_some() && Operation::from_data_name(o).is_some()
            });
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
pub(super) fn check_cells(
    doc: &Doc<TableFile>,
    i: usize,
    row: &TableRow,
    (api, op): (ApiVersion, Operation),
    known: &HashMap<String, Known>,
    errata: &[schema::Erratum],
    used_erratum: &mut [bool],
    problems: &mut Vec<Problem>,
) -> [Option<Vec<Perm>>; 3] {
    let at = path(&[&"rows", &i]);
    let table = format!("{}/{}", api.data_name(), op.data_name());
    let cells = [
        &row.delegated_work,
        &row.delegated_personal,
        &row.application,
    ];
    let mut out: [Option<Vec<Perm>>; 3] = [None, None, None];
    for ((m, cell), mode) in cells.into_iter().enumerate().zip(AuthMode::ALL) {
        let cat = [at.clone(), path(&[&mode.data_name()])].concat();
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
