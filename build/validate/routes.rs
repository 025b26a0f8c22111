//! The path trie of the subscription matrix: every template and its `/me` <-> `/users/{id}`
//! variant, one route per resource and node, and ambiguous templates reported.

use super::super::load::Inputs;
use super::super::model::{Resource, Route};
use super::super::problem::Problem;
use super::super::trie::builder::{Shape, TrieBuilder};
use super::super::yaml_positions::{path, Step};

/// The trie of every template and its `/me` <-> `/users/{id}` variant, not yet laid out.
pub(super) fn build_trie(
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

/// `/users/{id}/rest` <-> `/me/rest`: the signed-in user's paths are the same resource. The
/// variant's text and shape, for a template of the tables or an equivalent form.
pub(crate) fn me_users_variant(template: &str, s: &Shape) -> Option<(String, Shape)> {
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
