//! Building a path trie from templates (std): `build.rs` builds the compiled one, and the
//! benches (feature `bench-internals`) build others at run time, with this same code.
//!
//! A [`TrieBuilder<R>`] is generic over what a route carries: each node collects the `R`s of the
//! templates ending there, and the caller decides how they combine (the subscription matrix
//! keeps one route per resource and rejects ambiguous ones; the benches keep every template).
//! [`TrieBuilder::finish`] lays out the nodes' segment maps into one arena and flattens the
//! nodes into the [`NodeDef`]s the walker reads.

use super::layout::ArenaBuilder;
use super::node::{NodeDef, NONE};
use super::segment_map::{hash, SegmentMap};
// The path scanner: `super::super` is the crate root in the library and the generator module in
// build.rs, both of which declare `path`.
use super::super::path::{self, Pieces, Recorded};
use std::borrow::ToOwned;
use std::collections::BTreeMap;
use std::format;
use std::string::{String, ToString};
use std::vec;
use std::vec::Vec;

/// A template's shape: its static segments folded (ASCII lower case, `%XX` decoded), and
/// `None` for each placeholder or key. Templates of one shape end at one node.
pub type Shape = Vec<Option<String>>;

/// The shape of a template, or why it is not a template: it must be a path (see
/// [`path::split_pieces`]) without query, host or version, of at most [`path::MAX_PIECES`] pieces,
/// starting with a static segment, with no stray brace, and with static segments of at most
/// [`path::MAX_STATIC_LEN`] bytes. Segmented by the scanner that segments input at run time.
///
/// # Errors
///
/// Why `template` is not a template, as a phrase.
pub fn shape(template: &str) -> Result<Shape, String> {
    let mut pieces = Pieces::new();
    let split = path::split_pieces(template, &mut pieces).map_err(|e| e.to_string())?;
    if split.query.is_some() {
        return Err("a template has no query string (put the query in a note)".into());
    }
    if split.version.is_some() {
        return Err("a template has no host or version prefix".into());
    }
    if !pieces.is_complete() {
        return Err(format!(
            "a template has at most {} pieces (the resolver walks no more)",
            path::MAX_PIECES
        ));
    }
    let mut out = Vec::new();
    let mut buf = [0u8; path::MAX_STATIC_LEN];
    let mut at = path::At::START;
    while let Some((segment, next)) = pieces.segment_at(split.path, at) {
        at = next;
        match segment {
            Recorded::Plain(s) => {
                if s.contains(['{', '}']) {
                    return Err(format!("segment `{s}` has a stray brace"));
                }
                match path::fold_segment_within(s, &mut buf) {
                    Some(folded) => out.push(Some(folded.to_owned())),
                    None => return Err(format!("static segment `{s}` is too long")),
                }
            }
            Recorded::Placeholder(_) | Recorded::Key(_) => out.push(None),
        }
    }
    match out.first() {
        Some(Some(_)) => Ok(out),
        Some(None) => Err("a template starts with a static segment, not a placeholder".into()),
        None => Err("empty template".into()),
    }
}

/// A node being built.
#[derive(Debug)]
pub struct Node<R> {
    /// Folded static segment -> child node.
    pub statics: BTreeMap<String, usize>,
    /// The child for a placeholder or key.
    pub param: Option<usize>,
    /// What ends here, in priority order.
    pub routes: Vec<R>,
}

impl<R> Default for Node<R> {
    fn default() -> Self {
        Node {
            statics: BTreeMap::new(),
            param: None,
            routes: Vec::new(),
        }
    }
}

/// A path trie being built; see the module docs.
#[derive(Debug)]
pub struct TrieBuilder<R> {
    nodes: Vec<Node<R>>,
    max_static_len: usize,
    max_depth: usize,
}

impl<R> Default for TrieBuilder<R> {
    fn default() -> Self {
        TrieBuilder {
            nodes: vec![Node::default()],
            max_static_len: 0,
            max_depth: 0,
        }
    }
}

impl<R> TrieBuilder<R> {
    /// A trie with only its root.
    pub fn new() -> Self {
        Self::default()
    }

    /// The node that templates of `shape` end at, created (with the nodes on the way) if new:
    /// push to its [`routes`](Node::routes).
    pub fn node(&mut self, shape: &[Option<String>]) -> &mut Node<R> {
        self.max_depth = self.max_depth.max(shape.len());
        let mut node = 0;
        for segment in shape {
            let existing = match segment {
                Some(name) => {
                    self.max_static_len = self.max_static_len.max(name.len());
                    self.nodes[node].statics.get(name).copied()
                }
                None => self.nodes[node].param,
            };
            node = match existing {
                Some(child) => child,
                None => {
                    self.nodes.push(Node::default());
                    let child = self.nodes.len() - 1;
                    match segment {
                        Some(name) => {
                            self.nodes[node].statics.insert(name.clone(), child);
                        }
                        None => self.nodes[node].param = Some(child),
                    }
                    child
                }
            };
        }
        &mut self.nodes[node]
    }

    /// The nodes so far, the root first.
    // build.rs checks the data's rules against the templates before the layout; the benches
    // have no rules.
    #[allow(dead_code)]
    pub fn nodes(&self) -> &[Node<R>] {
        &self.nodes
    }

    /// Lays out every node's segment map and flattens the nodes.
    ///
    /// # Errors
    ///
    /// Every reason the trie cannot be compiled: static segments one node cannot tell apart,
    /// more nodes or routes than the `u16` and `u32` indices address, or a template deeper
    /// than the resolver walks.
    pub fn finish(self) -> Result<BuiltTrie<R>, Vec<String>> {
        let mut problems = Vec::new();
        let mut arena = ArenaBuilder::default();
        let mut defs = Vec::with_capacity(self.nodes.len());
        let mut routes = 0usize;
        let mut laid_out = Vec::with_capacity(self.nodes.len());
        let index = |i: usize| u16::try_from(i).ok().filter(|&i| i != NONE);
        for node in &self.nodes {
            let entries: Vec<(&str, u16)> = node
                .statics
                .iter()
                .map(|(key, &child)| (key.as_str(), index(child).unwrap_or(NONE)))
                .collect();
            let statics = match arena.add(&entries) {
                Ok(map) => {
                    laid_out.push(true);
                    map
                }
                Err(message) => {
                    problems.push(message);
                    laid_out.push(false);
                    SegmentMap::default()
                }
            };
            let (Ok(routes_start), Ok(routes_len)) =
                (u32::try_from(routes), u16::try_from(node.routes.len()))
            else {
                problems.push("the path trie has more routes than u32 indices address".into());
                break;
            };
            routes += node.routes.len();
            defs.push(NodeDef {
                statics,
                param: node.param.and_then(index).unwrap_or(NONE),
                routes_start,
                routes_len,
            });
        }
        // Each map finds each of its keys, as the walker will ask for it.
        let view = arena.arena();
        for ((node, def), _) in self.nodes.iter().zip(&defs).zip(&laid_out).filter(|x| *x.1) {
            if def.statics.entries(&view).count() != node.statics.len() {
                problems.push("a segment map holds other keys than its node's".into());
            }
            for (key, &child) in &node.statics {
                let key = key.as_bytes();
                if def.statics.get(&view, hash(key), key) != index(child) {
                    problems.push(format!(
                        "the segment map laid out for `{}` does not find it",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
        }
        if self.nodes.len() >= usize::from(NONE) {
            problems.push(format!(
                "the path trie has {} nodes; u16 indices address fewer",
                self.nodes.len()
            ));
        }
        if self.max_depth > path::MAX_PIECES {
            problems.push(format!(
                "a template has {} segments; the resolver walks at most {}",
                self.max_depth,
                path::MAX_PIECES
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(BuiltTrie {
            nodes: self.nodes,
            defs,
            arena,
            max_static_len: self.max_static_len,
            max_depth: self.max_depth,
        })
    }
}

/// A built trie: its nodes with their routes, and the same nodes as the walker reads them.
#[derive(Debug)]
pub struct BuiltTrie<R> {
    /// The nodes, the root first.
    pub nodes: Vec<Node<R>>,
    /// [`BuiltTrie::nodes`] flattened: segment maps laid out in [`BuiltTrie::arena`], routes as
    /// ranges of every node's routes, node after node.
    pub defs: Vec<NodeDef>,
    /// The pilots, slots and keys of the nodes' segment maps.
    pub arena: ArenaBuilder,
    /// The longest folded static segment, in bytes.
    pub max_static_len: usize,
    /// The most segments of any template (the depth of the trie).
    // build.rs emits it (the data's `MAX_DEPTH`); the benches have no use for it.
    #[allow(dead_code)]
    pub max_depth: usize,
}
