//! Resource identities: the entries of `data/resources.yaml`, and the resource each table row
//! describes, with the templates and their shapes.

use super::super::auth_mode::AuthMode;
use super::super::load::Doc;
use super::super::model::{DataName, Resource, ALL_MODES};
use super::super::problem::Problem;
use super::super::schema::{self, TableFile, TableRow};
use super::super::trie::builder::{shape, Shape};
use super::super::yaml_positions::path;
use std::collections::HashMap;

pub(super) struct Matcher {
    entry: usize,
    resource_type: String,
    text: Option<String>,
}

pub(super) fn explicit_resources(
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
                match AuthMode::from_data_name(mode) {
                    Some(m) if modes & m.bit() != 0 => problems.push(doc.problem(
                        &[tat.clone(), path(&[&"modes", &k])].concat(),
                        format!("mode `{mode}` listed twice"),
                    )),
                    Some(m) => modes |= m.bit(),
                    None => problems.push(doc.problem(
                        &[tat.clone(), path(&[&"modes", &k])].concat(),
                        format!("unknown mode `{mode}` (expected {})", AuthMode::names()),
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
pub(super) fn row_resource(
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
