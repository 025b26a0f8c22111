//! The docs' own inconsistencies ([`audit`]), each finding traceable to cells in `data/`.
//!
//! Needs the `std` feature (it collects findings into vectors).

use crate::catalog::permission;
use crate::path::{self, Recorded};
use crate::table::{Permissions, Row, Table};
use crate::{tables, ApiVersion, AuthMode, Operation};
use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;
use std::{format, vec};

/// What kind of inconsistency a [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// A row that some operations of a version list and others lack.
    RowMissing,
    /// The same row and mode, different permissions in different operations of a version.
    CellDiffers,
    /// The same operation, row and mode, different permissions in v1.0 and beta.
    VersionDiffers,
    /// A cell names a permission the catalog lacks for that cell's scheme (a delegated scope
    /// with no personal-account form, say).
    SchemeMissing,
    /// A cell lists a resource-specific-consent permission without marking it so.
    RscUnmarked,
    /// A cell prints a name that does not exist (a recorded docs error).
    Erratum,
    /// Templates of two resources match the same paths (told apart by mode only).
    TemplatesOverlap,
}

impl FindingKind {
    /// All kinds, in report order.
    pub const ALL: [FindingKind; 7] = [
        FindingKind::RowMissing,
        FindingKind::CellDiffers,
        FindingKind::VersionDiffers,
        FindingKind::SchemeMissing,
        FindingKind::RscUnmarked,
        FindingKind::Erratum,
        FindingKind::TemplatesOverlap,
    ];

    /// A stable kebab-case name (`cell-differs`).
    pub const fn as_str(self) -> &'static str {
        match self {
            FindingKind::RowMissing => "row-missing",
            FindingKind::CellDiffers => "cell-differs",
            FindingKind::VersionDiffers => "version-differs",
            FindingKind::SchemeMissing => "scheme-missing",
            FindingKind::RscUnmarked => "rsc-unmarked",
            FindingKind::Erratum => "erratum",
            FindingKind::TemplatesOverlap => "templates-overlap",
        }
    }

    /// A heading for reports.
    pub const fn title(self) -> &'static str {
        match self {
            FindingKind::RowMissing => "Rows some operations lack",
            FindingKind::CellDiffers => "Cells that differ between operations",
            FindingKind::VersionDiffers => "Cells that differ between v1.0 and beta",
            FindingKind::SchemeMissing => "Permissions the catalog lacks for the cell's scheme",
            FindingKind::RscUnmarked => "Resource-specific consent not marked",
            FindingKind::Erratum => "Names that do not exist",
            FindingKind::TemplatesOverlap => "Templates that overlap",
        }
    }
}

/// One cell (or row, for [`FindingKind::RowMissing`]) a finding rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    /// The table.
    pub api: ApiVersion,
    /// The table.
    pub operation: Operation,
    /// The mode, when the finding concerns a cell.
    pub mode: Option<AuthMode>,
    /// `data/tables/<api>/<operation>.yaml`.
    pub file: &'static str,
    /// The row's line in `file`; `None` when the table lacks the row.
    pub line: Option<u32>,
    /// The cell as the docs print it (`Chat.Read, Chat.ReadWrite`, `not supported`), the row's
    /// title for a row, or `absent`.
    pub value: String,
}

/// One inconsistency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// The resource type of the rows concerned.
    pub resource_type: &'static str,
    /// The row's title (description, qualifier or type).
    pub row: &'static str,
    /// One sentence saying what disagrees.
    pub message: String,
    /// The cells or rows it rests on (at least two, or one and the table lacking it).
    pub cells: Vec<CellRef>,
}

/// Every place where the docs disagree with themselves, in a stable order: by kind, then API
/// version, operation, row order and mode.
///
/// ```
/// use msgraph_scopes::audit::{audit, FindingKind};
/// let findings = audit();
/// let chats = findings.iter().find(|f| {
///     f.kind == FindingKind::CellDiffers && f.message.contains("/chats/{id}/messages")
/// });
/// assert!(chats.is_some());
/// assert!(findings.iter().all(|f| !f.cells.is_empty()));
/// ```
pub fn audit() -> Vec<Finding> {
    let mut out = Vec::new();
    for api in ApiVersion::ALL {
        rows_and_cells(api, &mut out);
    }
    versions(&mut out);
    catalog(&mut out);
    overlaps(&mut out);
    out.sort_by_key(|f| f.kind);
    out
}

fn cell_text(cell: Option<Permissions>) -> String {
    cell.map_or_else(|| String::from("not supported"), |p| format!("{p}"))
}

fn cell_ref(row: Row, mode: Option<AuthMode>) -> CellRef {
    let t = row.table();
    let crate::DataLocation { file, line } = row.data_location();
    CellRef {
        api: t.api(),
        operation: t.operation(),
        mode,
        file,
        line: Some(line),
        value: mode.map_or_else(|| String::from(row.title()), |m| cell_text(row.cell(m))),
    }
}

/// How a finding names a row: its first template, else its title.
fn row_name(row: Row) -> String {
    match row.templates().next() {
        Some(t) => format!("{} `{}`", row.resource_type(), t.path()),
        None => format!("{} ({})", row.resource_type(), row.title()),
    }
}

/// The rows of one version, grouped by resource: resource id -> row per operation.
fn by_resource(api: ApiVersion) -> BTreeMap<&'static str, [Option<Row>; 7]> {
    let mut map: BTreeMap<&'static str, [Option<Row>; 7]> = BTreeMap::new();
    for op in Operation::ALL {
        for row in crate::table(api, op).rows() {
            map.entry(row.resource_id()).or_default()[op.index()] = Some(row);
        }
    }
    map
}

fn rows_and_cells(api: ApiVersion, out: &mut Vec<Finding>) {
    for rows in by_resource(api).values() {
        let Some(first) = rows.iter().flatten().next().copied() else {
            continue;
        };
        let missing: Vec<Operation> = Operation::ALL
            .into_iter()
            .filter(|op| rows[op.index()].is_none())
            .collect();
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|op| op.docs_name()).collect();
            let mut cells = vec![cell_ref(first, None)];
            cells.extend(missing.iter().map(|&op| {
                let t: Table = crate::table(api, op);
                CellRef {
                    api,
                    operation: op,
                    mode: None,
                    file: t.data_file(),
                    line: None,
                    value: String::from("absent"),
                }
            }));
            out.push(Finding {
                kind: FindingKind::RowMissing,
                resource_type: first.resource_type(),
                row: first.title(),
                message: format!(
                    "{api}: {} is absent from {}",
                    row_name(first),
                    names.join(", ")
                ),
                cells,
            });
        }
        for mode in AuthMode::ALL {
            let present: Vec<Row> = rows.iter().flatten().copied().collect();
            let first_cell = cell_text(first.cell(mode));
            if present
                .iter()
                .all(|r| cell_text(r.cell(mode)) == first_cell)
            {
                continue;
            }
            // Group the operations by what they say.
            let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
            for row in &present {
                let text = cell_text(row.cell(mode));
                let op = row.table().operation().docs_name();
                match groups.iter_mut().find(|(t, _)| *t == text) {
                    Some((_, ops)) => ops.push(op),
                    None => groups.push((text, vec![op])),
                }
            }
            let said: Vec<String> = groups
                .iter()
                .map(|(text, ops)| format!("{} say {text}", ops.join(", ")))
                .collect();
            out.push(Finding {
                kind: FindingKind::CellDiffers,
                resource_type: first.resource_type(),
                row: first.title(),
                message: format!("{api} {mode}: {}: {}", row_name(first), said.join("; ")),
                cells: present.iter().map(|&r| cell_ref(r, Some(mode))).collect(),
            });
        }
    }
}

fn versions(out: &mut Vec<Finding>) {
    let (v1, beta) = (by_resource(ApiVersion::V1), by_resource(ApiVersion::Beta));
    for (id, rows) in &v1 {
        let Some(other) = beta.get(id) else { continue };
        for op in Operation::ALL {
            let (Some(a), Some(b)) = (rows[op.index()], other[op.index()]) else {
                continue;
            };
            for mode in AuthMode::ALL {
                let (x, y) = (cell_text(a.cell(mode)), cell_text(b.cell(mode)));
                if x != y {
                    out.push(Finding {
                        kind: FindingKind::VersionDiffers,
                        resource_type: a.resource_type(),
                        row: a.title(),
                        message: format!(
                            "{} {mode}: {}: v1.0 says {x}; beta says {y}",
                            op.docs_name(),
                            row_name(a)
                        ),
                        cells: vec![cell_ref(a, Some(mode)), cell_ref(b, Some(mode))],
                    });
                }
            }
        }
    }
}

fn catalog(out: &mut Vec<Finding>) {
    // One finding per (permission, mode, kind), citing every cell that names it.
    let mut seen: BTreeMap<(FindingKind, &'static str, usize), usize> = BTreeMap::new();
    for table in tables() {
        for row in table.rows() {
            for mode in AuthMode::ALL {
                let Some(cell) = row.cell(mode) else { continue };
                for p in cell.iter() {
                    let info = permission(p.name());
                    let mut push = |kind: FindingKind, message: String| {
                        let key = (kind, p.name(), mode.index());
                        match seen.get(&key) {
                            Some(&i) => out[i].cells.push(cell_ref(row, Some(mode))),
                            None => {
                                seen.insert(key, out.len());
                                out.push(Finding {
                                    kind,
                                    resource_type: row.resource_type(),
                                    row: row.title(),
                                    message,
                                    cells: vec![cell_ref(row, Some(mode))],
                                });
                            }
                        }
                    };
                    if let Some(e) = p.erratum() {
                        push(
                            FindingKind::Erratum,
                            format!(
                                "the docs print `{}`, which does not exist; `{}` is meant",
                                e.documented(),
                                e.corrected()
                            ),
                        );
                    }
                    let Some(info) = info else { continue };
                    if info.scheme(mode).is_none() {
                        push(
                            FindingKind::SchemeMissing,
                            format!(
                                "{mode} cells name `{}`, which the catalog has no {mode} form of",
                                p.name()
                            ),
                        );
                    }
                    if info.is_rsc() && !p.is_rsc() {
                        push(
                            FindingKind::RscUnmarked,
                            format!("`{}` is resource-specific consent in the catalog but not marked so", p.name()),
                        );
                    }
                }
            }
        }
    }
}

fn overlaps(out: &mut Vec<Finding>) {
    // Shape of a template, as the resolver segments it: static segments lower-cased, `None` for
    // each placeholder or key. Templates of one shape end at one node of the trie.
    let shape = |path: &str| -> Vec<Option<String>> {
        path::segments_of(path)
            .into_iter()
            .flatten()
            .map(|segment| match segment {
                Recorded::Plain(s) => Some(s.to_ascii_lowercase()),
                Recorded::Placeholder(_) | Recorded::Key(_) => None,
            })
            .collect()
    };
    let mut owners: BTreeMap<Vec<Option<String>>, Vec<(Row, &'static str)>> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for table in tables() {
        for row in table.rows() {
            if !seen.insert(row.resource_id()) {
                continue;
            }
            for t in row.templates() {
                owners
                    .entry(shape(t.path()))
                    .or_default()
                    .push((row, t.path()));
            }
        }
    }
    for list in owners.values() {
        let mut ids: Vec<&str> = list.iter().map(|(r, _)| r.resource_id()).collect();
        ids.dedup();
        if ids.len() < 2 {
            continue;
        }
        let (first, path) = list[0];
        let names: Vec<String> = list
            .iter()
            .map(|(r, p)| format!("{} `{p}`", r.title()))
            .collect();
        out.push(Finding {
            kind: FindingKind::TemplatesOverlap,
            resource_type: first.resource_type(),
            row: first.title(),
            message: format!(
                "`{path}` belongs to {}; only the auth mode tells them apart",
                names.join(" and ")
            ),
            cells: list.iter().map(|&(r, _)| cell_ref(r, None)).collect(),
        });
    }
}
