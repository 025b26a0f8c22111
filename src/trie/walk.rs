//! Walking a path trie with the pieces of a path: static children first, backing up to the
//! parameter child when a static branch dead-ends. Pure `core`, allocation-free.

use super::node::{NodeDef, NONE};
use super::segment_map::{self, Arena};
use crate::path::{self, At, Pieces, Recorded};

/// A path trie: its nodes (the root first), the arena of their segment maps, the routes they
/// point into, and its longest static segment, in bytes.
///
/// Generic over what a route is (`R`): the subscription matrix walks `crate::data::RouteDef`s;
/// another matrix keyed by paths can walk its own. The compiled one is `Trie::COMPILED` (in
/// `crate::resolve`); the benches also walk tries built at run time (feature
/// `bench-internals`).
pub(crate) struct Trie<'n, R> {
    pub nodes: &'n [NodeDef],
    pub arena: Arena<'n>,
    pub routes: &'n [R],
    pub max_static: usize,
}

// Not derived: a trie is `Copy` whatever `R` is.
impl<R> Clone for Trie<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Trie<'_, R> {}

impl<'n, R> Trie<'n, R> {
    /// The routes of the node a split `path` leads to, walking the pieces [`path::split_pieces`]
    /// recorded. A path with more pieces than it records cannot match: it has more segments
    /// than any template (the builder checks that no template is deeper than
    /// [`path::MAX_PIECES`]).
    #[inline]
    pub(crate) fn walk_path(self, path: &str, pieces: &Pieces) -> Option<&'n [R]> {
        if !pieces.is_complete() {
            return None;
        }
        self.greedy(path, pieces)
            .or_else(|| self.walk(path, pieces, 0, At::START))
    }

    /// The routes the walk finds taking the static child wherever there is one, and the
    /// parameter child otherwise, without keeping the way back: what [`Trie::walk`] finds first,
    /// or `None` when that way dead-ends (and [`Trie::walk`], which backs up, must decide).
    #[inline]
    pub(crate) fn greedy(self, path: &str, pieces: &Pieces) -> Option<&'n [R]> {
        let (mut node, mut at) = (0, At::START);
        loop {
            let current = self.nodes.get(usize::from(node))?;
            let Some((segment, next)) = pieces.segment_at(path, at) else {
                return self.routes_of(current);
            };
            let child = match segment {
                Recorded::Plain(text) => self.static_child(current, pieces.has_escapes(), text),
                Recorded::Placeholder(_) | Recorded::Key(_) => None,
            };
            node = match child {
                Some(child) => child,
                None if current.param != NONE => current.param,
                None => return None,
            };
            at = next;
        }
    }

    /// The routes of the node that the segments of `path` from `at` lead to from `nodes[node]`,
    /// static children first, backing up to the parameter child when a static branch
    /// dead-ends.
    pub(crate) fn walk(self, path: &str, pieces: &Pieces, node: u16, at: At) -> Option<&'n [R]> {
        let node = self.nodes.get(usize::from(node))?;
        let Some((segment, next)) = pieces.segment_at(path, at) else {
            return self.routes_of(node);
        };
        if let Recorded::Plain(text) = segment {
            if let Some(child) = self.static_child(node, pieces.has_escapes(), text) {
                if let Some(found) = self.walk(path, pieces, child, next) {
                    return Some(found);
                }
            }
        }
        if node.param == NONE {
            return None;
        }
        self.walk(path, pieces, node.param, next)
    }

    /// The routes of `node`: `None` when no template ends there.
    #[inline]
    fn routes_of(self, node: &NodeDef) -> Option<&'n [R]> {
        let start = node.routes_start as usize;
        let routes = self
            .routes
            .get(start..start + usize::from(node.routes_len))?;
        (!routes.is_empty()).then_some(routes)
    }

    /// The static child of `node` named by the plain segment `text`: the one whose key is the
    /// segment folded (ASCII lower case, `%XX` decoded). `escapes`: whether `text` may hold an
    /// escape (when not, the segment map compares it ignoring ASCII case as it is).
    #[inline]
    fn static_child(self, node: &NodeDef, escapes: bool, text: &str) -> Option<u16> {
        if node.statics.slots == 0 {
            return None;
        }
        let bytes = text.as_bytes();
        if escapes && bytes.contains(&b'%') {
            let mut buf = [0u8; path::MAX_STATIC_LEN];
            let key = path::fold_segment_within(text, buf.get_mut(..self.max_static)?)?;
            let key = key.as_bytes();
            return node.statics.get(&self.arena, segment_map::hash(key), key);
        }
        if bytes.len() > self.max_static {
            // Longer than any static segment: an id, mostly.
            return None;
        }
        node.statics
            .get(&self.arena, segment_map::hash(bytes), bytes)
    }
}
