//! `data/rules.yaml` and `data/lifetimes.yaml`: the docs' rules around the tables, the change
//! types they restrict, and maximum lifetimes per resource type, checked against the tables.

use super::super::auth_mode::AuthMode;
use super::super::change_type::ChangeType;
use super::super::load::Inputs;
use super::super::model::{DataName, Node, Rule, Rules, Table};
use super::super::path::pattern_matches;
use super::super::problem::Problem;
use super::super::severity::Severity;
use super::super::yaml_positions::{path, Step};
use super::cells::Known;
use std::collections::{BTreeSet, HashMap};

/// Validates the rules and lifetimes against the tables, the path trie and the catalog.
pub fn check(
    inputs: &Inputs,
    tables: &[Option<Table>],
    nodes: &[Node],
    known: &HashMap<String, Known>,
    problems: &mut Vec<Problem>,
) -> Rules {
    let types: BTreeSet<String> = tables
        .iter()
        .flatten()
        .flat_map(|t| t.rows.iter().map(|r| r.row.resource_type.to_lowercase()))
        .collect();
    let templates: Vec<&str> = nodes
        .iter()
        .flat_map(|n| n.routes.iter().map(|r| r.template.as_str()))
        .collect();
    let mut out = Rules::default();
    if let Some(doc) = &inputs.rules {
        let mut ids = BTreeSet::new();
        for (i, entry) in doc.value.rules.iter().enumerate() {
            let at = path(&[&"rules", &i]);
            let field = |name: &str| [at.clone(), path(&[&name])].concat();
            let id_ok = !entry.id.is_empty()
                && entry
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !id_ok {
                problems.push(doc.problem(
                    &field("id"),
                    format!("rule id `{}` is not kebab-case", entry.id),
                ));
            }
            if !ids.insert(entry.id.as_str()) {
                problems
                    .push(doc.problem(&field("id"), format!("duplicate rule id `{}`", entry.id)));
            }
            let severity = Severity::from_data_name(&entry.severity).unwrap_or_else(|| {
                problems.push(doc.problem(
                    &field("severity"),
                    format!(
                        "unknown severity `{}` (expected note, warning or error)",
                        entry.severity
                    ),
                ));
                Severity::Note
            });
            for ty in &entry.types {
                if !types.contains(&ty.to_lowercase()) {
                    problems.push(doc.problem(
                        &field("types"),
                        format!("`{ty}` is the type of no table row"),
                    ));
                }
            }
            let mut modes = 0u8;
            for mode in &entry.modes {
                match AuthMode::from_data_name(mode) {
                    Some(m) => modes |= m.bit(),
                    None => problems
                        .push(doc.problem(&field("modes"), format!("unknown mode `{mode}`"))),
                }
            }
            for pattern in &entry.templates {
                if !templates.iter().any(|t| pattern_matches(pattern, t)) {
                    problems.push(doc.problem(
                        &field("templates"),
                        format!("`{pattern}` matches no template of data/ (placeholders match any `{{...}}`)"),
                    ));
                }
            }
            if entry
                .query
                .as_deref()
                .is_some_and(|q| q.is_empty() || q.contains('&'))
            {
                problems.push(doc.problem(
                    &field("query"),
                    "`query` is one non-empty `name=value` part",
                ));
            }
            for name in &entry.permissions {
                if !known.contains_key(name) {
                    problems.push(doc.problem(
                        &field("permissions"),
                        format!("`{name}` is not in data/catalog.yaml"),
                    ));
                }
            }
            let about_answers = !entry.types.is_empty()
                || !entry.modes.is_empty()
                || !entry.templates.is_empty()
                || entry.query.is_some()
                || entry.max_filter_ids.is_some();
            if entry.permissions.is_empty() != about_answers {
                problems.push(doc.problem(
                    &at,
                    "a rule concerns either answers (types, modes, templates, query, max_filter_ids) or permissions, and exactly one of them",
                ));
            }
            if entry.message.trim().is_empty() || entry.source.trim().is_empty() {
                problems.push(doc.problem(&at, "a rule needs a message and a source"));
            }
            out.rules.push(Rule {
                id: entry.id.clone(),
                severity,
                types: entry.types.iter().map(|t| t.to_lowercase()).collect(),
                modes: if modes == 0 { 0b111 } else { modes },
                templates: entry.templates.clone(),
                query: entry.query.clone(),
                max_filter_ids: entry.max_filter_ids,
                permissions: entry.permissions.clone(),
                message: entry.message.trim().to_owned(),
                source: entry.source.clone(),
            });
        }
        for (i, entry) in doc.value.change_types.iter().enumerate() {
            let at = path(&[&"change_types", &i]);
            let mut bits = 0u8;
            for allowed in &entry.allowed {
                match ChangeType::from_data_name(allowed) {
                    Some(c) => bits |= c.bit(),
                    None => problems.push(doc.problem(
                        &[at.clone(), path(&[&"allowed"])].concat(),
                        format!("unknown change type `{allowed}` (expected created, updated or deleted)"),
                    )),
                }
            }
            if bits == 0 {
                problems.push(doc.problem(&at, "allows no change type"));
            }
            for ty in &entry.types {
                let key = ty.to_lowercase();
                if !types.contains(&key) {
                    problems.push(doc.problem(&at, format!("`{ty}` is the type of no table row")));
                }
                if out
                    .change_types
                    .insert(key, (bits, entry.source.clone()))
                    .is_some()
                {
                    problems.push(doc.problem(&at, format!("`{ty}` has its change types twice")));
                }
            }
        }
    }
    if let Some(doc) = &inputs.lifetimes {
        out.lifetimes_source = doc.value.source.clone();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut claim = |ty: &str, at: &[Step], problems: &mut Vec<Problem>| {
            let key = ty.to_lowercase();
            if !types.contains(&key) {
                problems.push(doc.problem(at, format!("`{ty}` is the type of no table row")));
            }
            if !seen.insert(key) {
                problems.push(doc.problem(at, format!("`{ty}` is listed twice")));
            }
        };
        for (i, entry) in doc.value.lifetimes.iter().enumerate() {
            let at = path(&[&"lifetimes", &i]);
            if entry.minutes == 0 {
                problems.push(doc.problem(&at, "a lifetime of 0 minutes"));
            }
            for ty in &entry.types {
                claim(ty, &at, problems);
                out.lifetimes
                    .insert(ty.to_lowercase(), (entry.minutes, entry.note.clone()));
            }
        }
        for ty in &doc.value.unknown {
            claim(ty, &path(&[&"unknown"]), problems);
        }
        for ty in &types {
            if !seen.contains(ty) {
                problems.push(doc.problem(
                    &path(&[&"lifetimes"]),
                    format!(
                        "resource type `{ty}` has no lifetime; add it, or list it under `unknown`"
                    ),
                ));
            }
        }
    }
    out
}
