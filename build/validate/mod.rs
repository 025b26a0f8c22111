//! Validating the parsed data into the [`Model`] the code generator emits.
//!
//! Every rule about `data/` lives here, so tests can check each one without running cargo. All
//! problems are collected; the model is returned only when there are none. [`build`] runs the
//! checks in order; each submodule checks one concern and depends on the model's types, never
//! on this orchestration.

mod cells;
mod coverage;
mod requests;
mod resources;
mod routes;
mod rules;

pub(crate) use routes::me_users_variant;

use super::api_version::ApiVersion;
use super::load::{Doc, Inputs};
use super::model::{table_file, DataName, Model, Requests, Row, Table};
use super::operation::Operation;
use super::problem::Problem;
use super::schema::{self, TableFile};
use super::trie::builder::Shape;
use super::yaml_positions::path;
use std::collections::HashMap;

/// Validates everything. Returns the model, or every problem found.
pub fn build(inputs: &Inputs) -> Result<Model, Vec<Problem>> {
    let mut problems = Vec::new();
    let catalog = inputs.catalog.as_ref();
    let known = catalog
        .map(|c| cells::check_catalog(c, &mut problems))
        .unwrap_or_default();
    let errata = inputs
        .errata
        .as_ref()
        .map(|e| cells::check_errata(e, &known, &mut problems));

    let mut resources = Vec::new();
    let mut shapes_of: Vec<Vec<Shape>> = Vec::new();
    let mut matchers = Vec::new();
    if let Some(doc) = &inputs.resources {
        resources::explicit_resources(
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

    let mut slots: Vec<Option<Table>> = (0..ApiVersion::ALL.len() * Operation::ALL.len())
        .map(|_| None)
        .collect();
    for doc in &inputs.tables {
        let Some((api, operation)) = table_key(doc, &mut problems) else {
            continue;
        };
        let slot = slot(api, operation);
        if slots[slot].is_some() {
            problems.push(doc.problem(
                &[],
                format!(
                    "a second table for {}/{} (each version and operation has one file)",
                    api.data_name(),
                    operation.data_name()
                ),
            ));
            continue;
        }
        let mut rows = Vec::new();
        let mut row_of_resource: HashMap<usize, usize> = HashMap::new();
        for (i, row) in doc.value.rows.iter().enumerate() {
            let at = path(&[&"rows", &i]);
            let resource = resources::row_resource(
                doc,
                i,
                row,
                &mut resources,
                &mut shapes_of,
                &matchers,
                &mut used_entry,
                &mut problems,
            );
            let cells = cells::check_cells(
                doc,
                i,
                row,
                (api, operation),
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
    for (api, op) in ApiVersion::ALL
        .into_iter()
        .flat_map(|api| Operation::ALL.map(|op| (api, op)))
    {
        let table = &slots[slot(api, op)];
        let file = table_file(api, op);
        let (api, op) = (api.data_name(), op.data_name());
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
        coverage::check(&slots, &resources, inputs, &mut problems);
    }

    let requests = if inputs.requests_left_out {
        Requests::empty()
    } else {
        requests::check(inputs, &mut problems)
    };
    let trie = routes::build_trie(&resources, &shapes_of, inputs, &mut problems);
    let rules = rules::check(inputs, &slots, trie.nodes(), &known, &mut problems);
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
    let (Ok(trie), Some(requests)) = (trie, requests) else {
        return Err(problems);
    };
    let tables: Vec<Table> = slots.into_iter().flatten().collect();
    let catalog = catalog.map(|c| c.value.clone()).ok_or_else(Vec::new)?;
    let data_version = data_version(&tables, &catalog);
    Ok(Model {
        tables,
        resources,
        errata: errata.unwrap_or_default(),
        trie,
        catalog,
        data_version,
        rules,
        requests,
    })
}

/// The index of a table among all of them: API versions, then operations, in index order.
fn slot(api: ApiVersion, operation: Operation) -> usize {
    api.index() * Operation::ALL.len() + operation.index()
}

fn table_key(doc: &Doc<TableFile>, problems: &mut Vec<Problem>) -> Option<(ApiVersion, Operation)> {
    let api = ApiVersion::from_data_name(&doc.value.api);
    let operation = Operation::from_data_name(&doc.value.operation);
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
                Operation::names()
            ),
        ));
    }
    let (api, operation) = (api?, operation?);
    let expected = table_file(api, operation);
    if doc.file != expected {
        problems.push(doc.problem(&[], format!("this table belongs in {expected}")));
    }
    Some((api, operation))
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
