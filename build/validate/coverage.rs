//! The row-set rule: the tables of one API version list the same resources, or
//! `data/coverage.yaml` lists each difference (and nothing else).

use super::super::api_version::ApiVersion;
use super::super::load::Inputs;
use super::super::model::{DataName, Resource, Table};
use super::super::operation::Operation;
use super::super::problem::Problem;
use super::super::yaml_positions::path;
use std::collections::BTreeMap;

const FILE: &str = "data/coverage.yaml";

/// Compares the tables' row sets with `data/coverage.yaml`.
pub fn check(
    slots: &[Option<Table>],
    resources: &[Resource],
    inputs: &Inputs,
    problems: &mut Vec<Problem>,
) {
    // (api, resource id) -> operations lacking it, for resources some table of the api has.
    let mut actual: BTreeMap<(ApiVersion, &str), Vec<&str>> = BTreeMap::new();
    let operations = Operation::ALL.len();
    for api in ApiVersion::ALL {
        let first = api.index() * operations;
        let tables = &slots[first..first + operations];
        if tables.iter().any(Option::is_none) {
            continue; // a missing table is reported already
        }
        let has = |op: usize, r: usize| {
            tables[op]
                .as_ref()
                .is_some_and(|t| t.rows.iter().any(|row| row.resource == r))
        };
        for (r, resource) in resources.iter().enumerate() {
            if !(0..operations).any(|op| has(op, r)) {
                continue;
            }
            let lacking: Vec<&str> = Operation::ALL
                .into_iter()
                .filter(|op| !has(op.index(), r))
                .map(Operation::data_name)
                .collect();
            if !lacking.is_empty() {
                actual.insert((api, resource.id.as_str()), lacking);
            }
        }
    }

    let mut listed = BTreeMap::new();
    if let Some(doc) = &inputs.coverage {
        for (i, entry) in doc.value.absent.iter().enumerate() {
            let at = path(&[&"absent", &i]);
            let Some(api) = ApiVersion::from_data_name(&entry.api) else {
                problems.push(doc.problem(
                    &[at, path(&[&"api"])].concat(),
                    format!(
                        "unknown API version `{}` (expected v1.0 or beta)",
                        entry.api
                    ),
                ));
                continue;
            };
            for op in &entry.from {
                if Operation::from_data_name(op).is_none() {
                    problems.push(doc.problem(
                        &[at.clone(), path(&[&"from"])].concat(),
                        format!("unknown operation `{op}`"),
                    ));
                }
            }
            let key = (api, entry.resource.as_str());
            if listed.insert(key, i).is_some() {
                problems.push(doc.problem(
                    &at,
                    format!("`{}` is listed twice for {}", entry.resource, entry.api),
                ));
                continue;
            }
            let mut from: Vec<&str> = entry.from.iter().map(String::as_str).collect();
            from.sort_by_key(|op| Operation::from_data_name(op).map(Operation::index));
            match actual.get(&key) {
                None => problems.push(doc.problem(
                    &at,
                    format!(
                        "`{}` is in every {} table or in none; remove this entry",
                        entry.resource, entry.api
                    ),
                )),
                Some(lacking) if *lacking != from => problems.push(doc.problem(
                    &[at, path(&[&"from"])].concat(),
                    format!(
                        "the {} tables lacking `{}` are [{}], not [{}]",
                        entry.api,
                        entry.resource,
                        lacking.join(", "),
                        from.join(", ")
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    for ((api, id), lacking) in &actual {
        if listed.contains_key(&(*api, *id)) {
            continue;
        }
        let problem = format!(
            "the {} tables differ in rows: `{id}` is absent from [{}]; list it under `absent` \
             (api: {}, resource: {id:?}, from: [{}])",
            api.data_name(),
            lacking.join(", "),
            api.data_name(),
            lacking.join(", ")
        );
        match &inputs.coverage {
            Some(doc) => problems.push(doc.problem(&path(&[&"absent"]), problem)),
            None if !inputs.unreadable.iter().any(|f| f == FILE) => problems.push(Problem {
                file: FILE.to_owned(),
                line: 0,
                col: 0,
                message: problem,
            }),
            None => {}
        }
    }
}
