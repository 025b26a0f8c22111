//! Retired names (`data/retired.yaml`): each sits in the placeholder after a static path of the
//! tables' templates and points to a current resource the tables have.

use super::super::extra_schema::RetiredFile;
use super::super::load::Doc;
use super::super::model::Model;
use super::super::problem::Problem;
use super::super::trie::builder::shape;
use super::super::yaml_positions::path;
use super::walk::routes_at;
use proc_macro2::TokenStream;
use quote::quote;

/// The node a static path leads to, if every segment is static and in the trie.
fn static_node(model: &Model, segments: &[Option<String>]) -> Option<usize> {
    let mut node = 0;
    for segment in segments {
        let name = segment.as_ref()?;
        node = *model.trie.nodes.get(node)?.statics.get(name)?;
    }
    Some(node)
}

/// Checks `data/retired.yaml` and gives its statics.
pub fn check(
    doc: Option<&Doc<RetiredFile>>,
    model: &Model,
    problems: &mut Vec<Problem>,
) -> TokenStream {
    let mut defs = Vec::new();
    for (i, r) in doc
        .map_or(&[][..], |d| d.value.retired.as_slice())
        .iter()
        .enumerate()
    {
        let Some(doc) = doc else { break };
        let at = path(&[&"retired", &i]);
        let name = r.name.trim();
        if name.is_empty() || name.contains(['/', '{', '}', '(', ')', '?']) {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"name"])].concat(),
                format!("`{}` is not one path segment", r.name),
            ));
            continue;
        }
        let after = match shape(&r.after) {
            Ok(s) => s,
            Err(why) => {
                problems.push(doc.problem(
                    &[at.clone(), path(&[&"after"])].concat(),
                    format!("malformed path `{}`: {why}", r.after),
                ));
                continue;
            }
        };
        let has_param = static_node(model, &after)
            .and_then(|n| model.trie.nodes.get(n))
            .is_some_and(|n| n.param.is_some());
        if !has_param {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"after"])].concat(),
                format!(
                    "no template of the tables has a placeholder right after `{}`",
                    r.after
                ),
            ));
        }
        let current = shape(&r.current)
            .ok()
            .and_then(|s| routes_at(&model.trie.nodes, &s));
        if current.is_none() {
            problems.push(doc.problem(
                &[at.clone(), path(&[&"current"])].concat(),
                format!("`{}` is no template of the tables", r.current),
            ));
        }
        if r.source.trim().is_empty() {
            problems.push(doc.problem(&at, "empty source"));
        }
        let segments: Vec<String> = after.into_iter().flatten().collect();
        let lower = name.to_ascii_lowercase();
        let (current, source) = (&r.current, &r.source);
        defs.push(quote! {
            crate::retired::RetiredDef { name: #lower, after: &[#(#segments),*], current: #current, source: #source }
        });
    }
    let count = defs.len();
    quote! {
        /// Names Graph retired that can sit where an id goes (`data/retired.yaml`).
        pub(crate) static RETIRED: [crate::retired::RetiredDef; #count] = [#(#defs),*];
    }
}
