//! Finding what a path shape resolves to in the tables' trie, as the resolver would: a static
//! segment takes the static child first and backs up to the placeholder child.

use super::super::model::{Node, Route};

/// The routes of the node that `shape` leads to from the root, or `None` when no template
/// matches. A placeholder (`None`) matches only a template placeholder.
pub fn routes_at<'m>(nodes: &'m [Node], shape: &[Option<String>]) -> Option<&'m [Route]> {
    walk(nodes, 0, shape)
}

fn walk<'m>(nodes: &'m [Node], node: usize, shape: &[Option<String>]) -> Option<&'m [Route]> {
    let n = nodes.get(node)?;
    match shape.split_first() {
        None => (!n.routes.is_empty()).then_some(n.routes.as_slice()),
        Some((Some(name), rest)) => n
            .statics
            .get(name)
            .and_then(|&child| walk(nodes, child, rest))
            .or_else(|| n.param.and_then(|p| walk(nodes, p, rest))),
        Some((None, rest)) => n.param.and_then(|p| walk(nodes, p, rest)),
    }
}
