//! Walking the request trie with a request's segments.
//!
//! At each plain segment the walk tries, in order, and backs up to the next when a way
//! dead-ends (no template, or none with the method asked about):
//!
//! 1. the static child named by the segment (any letter case);
//! 2. for `me` as the first segment, `users/{id}` (the signed-in user is a user);
//! 3. for `microsoft.graph.NAME`, the static child `NAME` (a namespaced function or action),
//!    then nothing at all (a type cast: the resource it narrows);
//! 4. for `$value`, `$ref` and `$count`, nothing at all (the resource they are of);
//! 5. the parameter child (an id).
//!
//! Parameters (placeholders, keys, function parameters, item paths) take the parameter child
//! only. Each walk takes at most [`BUDGET`] steps, so no input makes it slow.

use super::segments::Segment;
use crate::data::{RequestRouteDef, Trie, NONE};
use crate::{AuthMode, Method};

/// The most steps one walk takes (a step is a node visited); a request that needs more matches
/// nothing.
pub(crate) const BUDGET: u32 = 4096;

/// One walk over the segments of one request.
pub(crate) struct Walk<'s, 'a> {
    pub(crate) trie: Trie<'static, RequestRouteDef>,
    pub(crate) segments: &'s [Segment<'a>],
    pub(crate) escapes: bool,
    /// The method a route must grant something for; `None`: any route.
    pub(crate) method: Option<Method>,
    pub(crate) budget: u32,
}

/// Whether `route` grants `method` under some mode.
pub(crate) fn grants(route: &RequestRouteDef, method: Method) -> bool {
    let start = method.index() * AuthMode::ALL.len();
    route
        .cells
        .get(start..start + AuthMode::ALL.len())
        .is_some_and(|cells| cells.iter().any(|&c| c != NONE))
}

/// `NAME` of `microsoft.graph.NAME` (any case).
fn strip_namespace(text: &str) -> Option<&str> {
    const NAMESPACE: &str = "microsoft.graph.";
    let head = text.get(..NAMESPACE.len())?;
    head.eq_ignore_ascii_case(NAMESPACE)
        .then(|| text.get(NAMESPACE.len()..))
        .flatten()
}

/// `$value`, `$ref` or `$count` (any case).
fn is_system(text: &str) -> bool {
    ["$value", "$ref", "$count"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(text))
}

impl Walk<'_, '_> {
    /// The route the segments from `i` lead to from `node`.
    pub(crate) fn go(&mut self, node: u16, i: usize) -> Option<&'static RequestRouteDef> {
        self.budget = self.budget.checked_sub(1)?;
        let Some(&segment) = self.segments.get(i) else {
            let method = self.method;
            return self
                .trie
                .routes_at(node)
                .iter()
                .find(|r| method.is_none_or(|m| grants(r, m)));
        };
        let text = match segment {
            Segment::Param => return self.param(node, i),
            Segment::Plain(text) => text,
        };
        if let Some(child) = self.trie.child(node, self.escapes, text) {
            if let Some(found) = self.go(child, i + 1) {
                return Some(found);
            }
        }
        if i == 0 && text.eq_ignore_ascii_case("me") {
            let user = self
                .trie
                .child(node, false, "users")
                .and_then(|users| self.trie.param(users));
            if let Some(found) = user.and_then(|user| self.go(user, i + 1)) {
                return Some(found);
            }
        }
        if let Some(name) = strip_namespace(text) {
            let child = self.trie.child(node, self.escapes, name);
            if let Some(found) = child.and_then(|child| self.go(child, i + 1)) {
                return Some(found);
            }
            if let Some(found) = self.go(node, i + 1) {
                return Some(found);
            }
        } else if is_system(text) {
            return self.go(node, i + 1);
        }
        self.param(node, i)
    }

    fn param(&mut self, node: u16, i: usize) -> Option<&'static RequestRouteDef> {
        let param = self.trie.param(node)?;
        self.go(param, i + 1)
    }
}
