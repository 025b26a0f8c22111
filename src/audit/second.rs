//! [`FindingKind::SecondSourceDiffers`]: every place where a second source (a Teams
//! change-notification page, the Outlook overview) says otherwise than the operation tables for
//! the same resource, API version and mode.

use super::{cell_ref, cell_text, CellRef, Finding, FindingKind};
use crate::table::Row;
use crate::{second_sources, ApiVersion, AuthMode, Operation, SecondSource};
use std::string::String;
use std::vec::Vec;
use std::{format, vec};

/// What one table says that the page does not: `None` when they agree.
fn difference(
    said: Option<&[&str]>,
    row: Option<Row>,
    mode: AuthMode,
    elsewhere: bool,
) -> Option<String> {
    let cell = row.and_then(|r| r.cell(mode));
    match (said, row, cell) {
        (None, _, None) => None,
        (None, _, Some(_)) if elsewhere => Some(String::from(
            "the page names only the other API version for this mode",
        )),
        (None, _, Some(_)) => Some(String::from("the page does not support this mode")),
        (Some(_), None, _) => Some(String::from("the table has no row for it")),
        (Some(_), Some(_), None) => Some(String::from("the table does not support this mode")),
        (Some(page), Some(_), Some(cell)) => {
            let table: Vec<&str> = cell.iter().map(|p| p.name()).collect();
            let has = |list: &[&str], name: &str| list.iter().any(|n| n.eq_ignore_ascii_case(name));
            let lacks: Vec<&str> = page.iter().copied().filter(|n| !has(&table, n)).collect();
            let extra: Vec<&str> = table.iter().copied().filter(|n| !has(page, n)).collect();
            let mut parts = Vec::new();
            if !lacks.is_empty() {
                parts.push(format!("the table lacks {}", lacks.join(", ")));
            }
            if !extra.is_empty() {
                parts.push(format!("the page lacks {}", extra.join(", ")));
            }
            if parts.is_empty()
                && !page
                    .iter()
                    .zip(&table)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            {
                parts.push(String::from("they order the permissions differently"));
            }
            (!parts.is_empty()).then(|| parts.join("; "))
        }
    }
}

/// The permissions the page accepts for `mode` in `api` (resource-specific consent only where
/// its note allows it in `api`), or `None` when it does not support the mode there.
fn said(source: SecondSource, mode: AuthMode, api: ApiVersion) -> Option<Vec<&'static str>> {
    if !source.supports(mode, api) {
        return None;
    }
    let names = source.permissions(mode)?;
    Some(
        names
            .iter()
            .copied()
            .filter(|n| !source.is_rsc(n) || source.rsc_holds_in(n, api))
            .collect(),
    )
}

/// The operations whose tables say one thing (`text`) that differs from the page one way (`why`).
struct Group {
    text: String,
    why: String,
    ops: Vec<&'static str>,
    cells: Vec<CellRef>,
    row: Option<Row>,
}

/// One finding per (section, API version, mode, what the tables say), naming the operations.
pub(super) fn differences(out: &mut Vec<Finding>) {
    for source in second_sources() {
        let resolved: Vec<crate::Resolved<'static>> = source
            .paths()
            .iter()
            .filter_map(|p| crate::resolve(p).ok())
            .collect();
        let path = source.paths().first().copied().unwrap_or_default();
        for api in ApiVersion::ALL {
            for mode in AuthMode::ALL {
                let page = said(source, mode, api);
                let other = ApiVersion::ALL.into_iter().find(|&a| a != api);
                let elsewhere = other.filter(|&a| page.is_none() && source.supports(mode, a));
                let page_text = match (&page, elsewhere) {
                    (Some(p), _) => p.join(", "),
                    (None, Some(a)) => format!("it is supported in {a} only"),
                    (None, None) => String::from("not supported"),
                };
                let mut groups: Vec<Group> = Vec::new();
                for op in Operation::ALL {
                    let table = crate::table(api, op);
                    let row = resolved
                        .iter()
                        .find_map(|r| r.row_in(table, mode))
                        .map(|m| m.row);
                    let Some(why) = difference(page.as_deref(), row, mode, elsewhere.is_some())
                    else {
                        continue;
                    };
                    let (text, cell) = match row {
                        Some(r) => (cell_text(r.cell(mode)), cell_ref(r, Some(mode))),
                        None => (
                            String::from("absent"),
                            CellRef {
                                api,
                                operation: op,
                                mode: Some(mode),
                                file: table.data_file(),
                                line: None,
                                value: String::from("absent"),
                            },
                        ),
                    };
                    match groups.iter_mut().find(|g| g.text == text && g.why == why) {
                        Some(g) => {
                            g.ops.push(op.docs_name());
                            g.cells.push(cell);
                        }
                        None => groups.push(Group {
                            text,
                            why,
                            ops: vec![op.docs_name()],
                            cells: vec![cell],
                            row,
                        }),
                    }
                }
                for Group {
                    text,
                    why,
                    ops,
                    cells,
                    row,
                } in groups
                {
                    out.push(Finding {
                        kind: FindingKind::SecondSourceDiffers,
                        resource_type: row.map_or(source.heading(), |r| r.resource_type()),
                        row: row.map_or(source.heading(), |r| r.title()),
                        message: format!(
                            "{api} {mode}: {}:{} (`{path}`) says {page_text}; {} say {text}: {why}",
                            source.file(),
                            source.line(),
                            ops.join(", ")
                        ),
                        cells,
                        second_source: Some(source),
                    });
                }
            }
        }
    }
}
