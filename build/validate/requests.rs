//! `data/requests/`: every template's shape, its cells against the catalog, its recorded
//! choices, and the request trie (one route per node).

use super::super::auth_mode::AuthMode;
use super::super::load::{Doc, Inputs};
use super::super::method::Method;
use super::super::model::{DataName, RequestChoice, RequestRoute, Requests};
use super::super::problem::Problem;
use super::super::request::shape::request_shape;
use super::super::request_schema::RequestsFile;
use super::super::trie::builder::TrieBuilder;
use super::super::yaml_positions::path;
use std::collections::HashMap;

/// What `decided_by` may say.
const DECIDERS: [&str; 5] = [
    "privilege-level",
    "narrower",
    "access",
    "name",
    "only-candidate",
];

/// Validates `data/requests/` and builds its trie; `None` when a problem stops it.
pub(super) fn check(inputs: &Inputs, problems: &mut Vec<Problem>) -> Option<Requests> {
    let catalog = inputs.catalog.as_ref()?;
    // Name -> (index into the catalog, the modes it has).
    let known: HashMap<&str, (u16, [bool; 3])> = catalog
        .value
        .permissions
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let modes = [
                p.delegated_work.is_some(),
                p.delegated_personal.is_some(),
                p.application.is_some(),
            ];
            Some((p.name.as_str(), (u16::try_from(i).ok()?, modes)))
        })
        .collect();
    if inputs.requests.is_empty() {
        problems.push(Problem {
            file: "data/requests".into(),
            line: 0,
            col: 0,
            message: "no request data (import it with `msgraph-scopes import-requests`)".into(),
        });
    }
    let mut trie: TrieBuilder<RequestRoute> = TrieBuilder::new();
    // Where each compiled template is (`file:line`), for the duplicate message.
    let mut origin: HashMap<String, String> = HashMap::new();
    let mut cells: Vec<Vec<u16>> = Vec::new();
    let mut cell_index: HashMap<Vec<u16>, usize> = HashMap::new();
    let mut choices = Vec::new();
    let before = problems.len();
    for doc in &inputs.requests {
        check_file_head(doc, &catalog.value.source, problems);
        for (t, template) in doc.value.templates.iter().enumerate() {
            let at = path(&[&"templates", &t]);
            let mut route = RequestRoute {
                template: template.path.clone(),
                cells: [None; 15],
            };
            if template.methods.is_empty() {
                problems.push(doc.problem(&at, "a template without methods"));
            }
            for (m, method_cells) in &template.methods {
                let mat = [at.clone(), path(&[&"methods", &m.as_str()])].concat();
                let Some(method) = Method::from_data_name(m) else {
                    problems.push(doc.problem(
                        &mat,
                        format!("unknown method `{m}` (expected one of {})", Method::names()),
                    ));
                    continue;
                };
                for (mode, cell) in AuthMode::ALL.into_iter().zip(method_cells.by_mode()) {
                    let Some(cell) = cell else { continue };
                    let cat = [mat.clone(), path(&[&mode.data_name()])].concat();
                    let mut list: Vec<u16> = Vec::new();
                    for name in cell.split(' ') {
                        match known.get(name) {
                            Some(&(i, modes)) if modes[mode.index()] => {
                                if list.contains(&i) {
                                    problems.push(doc.problem(&cat, format!("`{name}` twice")));
                                }
                                list.push(i);
                            }
                            Some(_) => problems.push(doc.problem(
                                &cat,
                                format!("`{name}` has no {mode} scheme in data/catalog.yaml"),
                            )),
                            None => problems.push(doc.problem(
                                &cat,
                                format!("unknown permission `{name}` (not in data/catalog.yaml)"),
                            )),
                        }
                    }
                    let next = cells.len();
                    let index = *cell_index.entry(list.clone()).or_insert(next);
                    if index == next {
                        cells.push(list);
                    }
                    if let Some(slot) = route
                        .cells
                        .get_mut(method.index() * AuthMode::ALL.len() + mode.index())
                    {
                        *slot = Some(index);
                    }
                }
            }
            for (c, choice) in template.choices.iter().enumerate() {
                let cat = [at.clone(), path(&[&"choices", &c])].concat();
                let method = Method::from_data_name(&choice.method);
                let mode = AuthMode::from_data_name(&choice.scheme);
                let (Some(method), Some(mode)) = (method, mode) else {
                    problems.push(doc.problem(&cat, "a choice names an unknown method or scheme"));
                    continue;
                };
                let cell = route
                    .cells
                    .get(method.index() * AuthMode::ALL.len() + mode.index())
                    .copied()
                    .flatten()
                    .and_then(|i| cells.get(i));
                let Some(cell) = cell else {
                    problems
                        .push(doc.problem(&cat, "a choice for a cell the template does not have"));
                    continue;
                };
                let marked: Vec<u16> = choice
                    .marked
                    .split(' ')
                    .filter(|n| !n.is_empty())
                    .filter_map(|n| known.get(n).map(|k| k.0))
                    .collect();
                let count = choice.marked.split(' ').filter(|n| !n.is_empty()).count();
                if marked.len() != count || marked.iter().any(|m| !cell.contains(m)) {
                    problems.push(doc.problem(&cat, "a marked permission that is not in its cell"));
                }
                if !DECIDERS.contains(&choice.decided_by.as_str()) {
                    problems.push(doc.problem(
                        &cat,
                        format!("`decided_by` is one of {}", DECIDERS.join(", ")),
                    ));
                }
                choices.push(RequestChoice {
                    template: template.path.clone(),
                    method,
                    mode,
                    marked,
                    decided_by: choice.decided_by.clone(),
                    file: doc.file.clone(),
                    line: doc.pos.at(&cat).line,
                });
            }
            if template.skipped.is_some() {
                continue;
            }
            // The compiled route spans its template with a `u16` length.
            let shape = match request_shape(&template.path).and_then(|shape| {
                if template.path.len() > usize::from(u16::MAX) {
                    Err(format!("it is over {} bytes long", u16::MAX))
                } else {
                    Ok(shape)
                }
            }) {
                Ok(shape) => shape,
                Err(why) => {
                    problems.push(doc.problem(
                        &[at.clone(), path(&[&"path"])].concat(),
                        format!(
                            "`{}` is no template: {why} (mark it `skipped` with the reason)",
                            template.path
                        ),
                    ));
                    continue;
                }
            };
            let here = format!("{}:{}", doc.file, doc.pos.at(&at).line);
            let node = trie.node(&shape);
            if let Some(first) = node.routes.first() {
                problems.push(doc.problem(
                    &at,
                    format!(
                        "`{}` has the shape of `{}` ({}): merge them (the importer does)",
                        template.path,
                        first.template,
                        origin.get(&first.template).map_or("", String::as_str)
                    ),
                ));
                continue;
            }
            node.routes.push(route);
            origin.insert(template.path.clone(), here);
        }
    }
    if cells.len() >= usize::from(u16::MAX) {
        problems.push(Problem {
            file: "data/requests".into(),
            line: 0,
            col: 0,
            message: format!("{} distinct cells do not fit u16 indices", cells.len()),
        });
    }
    let trie = match trie.finish() {
        Ok(trie) => trie,
        Err(messages) => {
            for message in messages {
                problems.push(Problem {
                    file: "data/requests".into(),
                    line: 0,
                    col: 0,
                    message,
                });
            }
            return None;
        }
    };
    (problems.len() == before).then_some(Requests {
        trie,
        cells,
        choices,
    })
}

/// The file is named for its area and comes from the catalog's commit.
fn check_file_head(
    doc: &Doc<RequestsFile>,
    catalog_source: &super::super::schema::CatalogSource,
    problems: &mut Vec<Problem>,
) {
    let expected = format!("data/requests/{}.yaml", doc.value.area);
    if doc.file != expected {
        problems.push(doc.problem(
            &path(&[&"area"]),
            format!("area `{}` belongs in {expected}", doc.value.area),
        ));
    }
    if doc.value.source != *catalog_source {
        problems.push(doc.problem(
            &path(&[&"source"]),
            "the request data comes from another devx commit than data/catalog.yaml (import both from one)",
        ));
    }
}
