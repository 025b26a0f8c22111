//! Equivalent path forms and refused forms: checked against the tables' templates and built
//! into a second path trie (the same builder and layout as the tables' trie), whose routes name
//! the row's resource and template, the form and its source.

use super::super::auth_mode::AuthMode;
use super::super::emit::trie::trie;
use super::super::extra_schema::EquivalentsFile;
use super::super::load::Doc;
use super::super::model::{DataName, Model};
use super::super::problem::Problem;
use super::super::trie::builder::{shape, BuiltTrie, Shape, TrieBuilder};
use super::super::trie::node::NONE;
use super::super::validate::me_users_variant;
use super::super::yaml_positions::{path, Step};
use super::walk::routes_at;
use proc_macro2::TokenStream;
use quote::quote;

/// A route of the equivalents' trie.
#[derive(Debug, Clone)]
struct EqRoute {
    /// Index of the resource, or `None` for a refused form.
    resource: Option<usize>,
    /// The table's template the form stands for (empty for a refused form).
    template: String,
    modes: u8,
    /// The form as the data writes it (or as derived from it).
    form: String,
    source: String,
    reason: Option<String>,
    /// Derived by the `/me` <-> `/users/{id}` rule.
    derived: bool,
}

fn modes_of(
    doc: &Doc<EquivalentsFile>,
    at: &[Step],
    modes: &[String],
    problems: &mut Vec<Problem>,
) -> u8 {
    let mut bits = 0u8;
    for (k, mode) in modes.iter().enumerate() {
        match AuthMode::from_data_name(mode) {
            Some(m) => bits |= m.bit(),
            None => problems.push(doc.problem(
                &[at.to_vec(), path(&[&"modes", &k])].concat(),
                format!("unknown mode `{mode}` (expected {})", AuthMode::names()),
            )),
        }
    }
    if bits == 0 {
        super::super::model::ALL_MODES
    } else {
        bits
    }
}

/// Adds a route, reporting a written form that overlaps another for the same modes; a derived
/// route gives way to anything written.
fn add(
    trie: &mut TrieBuilder<EqRoute>,
    s: &Shape,
    route: EqRoute,
    doc: &Doc<EquivalentsFile>,
    at: &[Step],
    problems: &mut Vec<Problem>,
) {
    let routes = &mut trie.node(s).routes;
    let clash = routes.iter().position(|r| r.modes & route.modes != 0);
    match clash {
        None => routes.push(route),
        Some(_) if route.derived => {}
        Some(i) if routes[i].derived => {
            routes.retain(|r| !(r.derived && r.modes & route.modes != 0));
            routes.push(route);
        }
        Some(i)
            if routes[i].form == route.form
                && routes[i].reason.is_none()
                && route.reason.is_none() =>
        {
            // The same form standing for a template that two resources share by mode.
            routes.push(route);
        }
        Some(i) => problems.push(doc.problem(
            at,
            format!(
                "`{}` overlaps `{}` for the same modes (give them disjoint `modes`)",
                route.form, routes[i].form
            ),
        )),
    }
}

/// Checks `data/equivalents.yaml` and gives the statics of its trie.
pub fn check(
    doc: Option<&Doc<EquivalentsFile>>,
    model: &Model,
    problems: &mut Vec<Problem>,
) -> TokenStream {
    let mut trie: TrieBuilder<EqRoute> = TrieBuilder::new();
    if let Some(doc) = doc {
        build(doc, model, &mut trie, problems);
    }
    match trie.finish() {
        Ok(built) => emit(&built),
        Err(messages) => {
            for message in messages {
                problems.push(Problem {
                    file: "data/equivalents.yaml".into(),
                    line: 0,
                    col: 0,
                    message,
                });
            }
            TokenStream::new()
        }
    }
}

fn form_shape(
    doc: &Doc<EquivalentsFile>,
    at: &[Step],
    text: &str,
    model: &Model,
    problems: &mut Vec<Problem>,
) -> Option<Shape> {
    match shape(text) {
        Err(why) => {
            problems.push(doc.problem(at, format!("malformed path `{text}`: {why}")));
            None
        }
        Ok(s) if routes_at(&model.trie.nodes, &s).is_some() => {
            problems.push(doc.problem(
                at,
                format!("`{text}` already resolves to a template of the tables; it needs no entry"),
            ));
            None
        }
        Ok(s) => Some(s),
    }
}

fn build(
    doc: &Doc<EquivalentsFile>,
    model: &Model,
    trie: &mut TrieBuilder<EqRoute>,
    problems: &mut Vec<Problem>,
) {
    let mut derived: Vec<(Shape, EqRoute, Vec<Step>)> = Vec::new();
    for (i, e) in doc.value.equivalents.iter().enumerate() {
        let at = path(&[&"equivalents", &i]);
        if !e.source.starts_with("api-paths/") {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"source"])].concat(),
                "the source is an API reference page under api-paths/",
            ));
        }
        if e.listed.is_empty() {
            problems.push(doc.problem(&at, "`listed` names no path of the page"));
        }
        let modes = modes_of(doc, &at, &e.modes, problems);
        let form = form_shape(
            doc,
            &[at.clone(), path(&[&"path"])].concat(),
            &e.path,
            model,
            problems,
        );
        let target = match shape(&e.stands_for) {
            Ok(s) => routes_at(&model.trie.nodes, &s),
            Err(_) => None,
        };
        let Some(target) = target else {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"stands_for"])].concat(),
                format!("`{}` is no template of the tables", e.stands_for),
            ));
            continue;
        };
        let Some(form) = form else { continue };
        let mut any = false;
        for r in target {
            let route_modes = r.modes & modes;
            if route_modes == 0 {
                continue;
            }
            any = true;
            let route = EqRoute {
                resource: Some(r.resource),
                template: r.template.clone(),
                modes: route_modes,
                form: e.path.clone(),
                source: e.source.clone(),
                reason: None,
                derived: false,
            };
            if let Some((text, s)) = me_users_variant(&e.path, &form) {
                let stands_for =
                    me_users_variant(&e.stands_for, &shape(&e.stands_for).unwrap_or_default())
                        .map_or_else(|| e.stands_for.clone(), |(t, _)| t);
                let template = shape(&stands_for)
                    .ok()
                    .and_then(|s| routes_at(&model.trie.nodes, &s))
                    .and_then(|routes| routes.iter().find(|x| x.resource == r.resource))
                    .map_or_else(|| r.template.clone(), |x| x.template.clone());
                if routes_at(&model.trie.nodes, &s).is_none() {
                    derived.push((
                        s,
                        EqRoute {
                            template,
                            form: text,
                            derived: true,
                            ..route.clone()
                        },
                        at.clone(),
                    ));
                }
            }
            add(trie, &form, route, doc, &at, problems);
        }
        if !any {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"modes"])].concat(),
                format!("`{}` stands for no mode these `modes` name", e.stands_for),
            ));
        }
    }
    for (i, r) in doc.value.refused.iter().enumerate() {
        let at = path(&[&"refused", &i]);
        let modes = modes_of(doc, &at, &r.modes, problems);
        if r.reason.trim().is_empty() {
            problems.push(doc.problem(&at, "empty reason"));
        }
        if r.listed.is_some() != r.listed_in.is_some() {
            problems.push(doc.problem(&at, "`listed` and `listed_in` go together"));
        }
        let Some(form) = form_shape(
            doc,
            &[at.clone(), path(&[&"path"])].concat(),
            &r.path,
            model,
            problems,
        ) else {
            continue;
        };
        let route = EqRoute {
            resource: None,
            template: String::new(),
            modes,
            form: r.path.clone(),
            source: r.source.clone(),
            reason: Some(r.reason.clone()),
            derived: false,
        };
        if let Some((text, s)) = me_users_variant(&r.path, &form) {
            if routes_at(&model.trie.nodes, &s).is_none() {
                derived.push((
                    s,
                    EqRoute {
                        form: text,
                        derived: true,
                        ..route.clone()
                    },
                    at.clone(),
                ));
            }
        }
        add(trie, &form, route, doc, &at, problems);
    }
    for (s, route, at) in derived {
        add(trie, &s, route, doc, &at, problems);
    }
}

fn emit(built: &BuiltTrie<EqRoute>) -> TokenStream {
    trie(
        "equivalents_trie",
        "The trie of equivalent and refused path forms (`data/equivalents.yaml`).",
        built,
        &quote! { crate::equivalent::EquivRouteDef },
        |r| {
            let resource = r.resource.map_or(NONE, |i| i as u16);
            let (template, modes, form, source, derived) =
                (&r.template, r.modes, &r.form, &r.source, r.derived);
            let reason = match &r.reason {
                Some(reason) => quote! { Some(#reason) },
                None => quote! { None },
            };
            quote! {
                crate::equivalent::EquivRouteDef {
                    resource: #resource, template: #template, modes: #modes, form: #form,
                    source: #source, reason: #reason, derived: #derived,
                }
            }
        },
    )
}
