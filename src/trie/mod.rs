//! The path trie that resolves a resource string to the templates it matches.
//!
//! Templates become a tree of nodes: a node maps each static segment (folded to ASCII lower
//! case) to a child, has at most one child for any other segment (a placeholder or a key), and
//! holds the routes of the templates that end there. A static segment beats a placeholder; when
//! a static branch dead-ends, the walk backs up and tries the placeholder.
//!
//! * [`segment_map`]: the perfect-hash maps from static segment to child, the inner loop of a
//!   lookup, and the [`Arena`] all maps of one trie share.
//! * [`node`]: the [`NodeDef`] a walker reads.
//! * [`walk`]: the walker, [`Trie<R>`](Trie), generic over the route type `R`.
//! * `layout` and `builder` (std; `build.rs` includes them, and the benches use them through
//!   feature `bench-internals`): laying out segment maps, and building a trie from templates,
//!   generic over the route type as well.
//!
//! The runtime part is pure `core`. The files `build.rs` includes (`segment_map.rs`,
//! `node.rs`, `layout.rs`, `builder.rs`) refer to each other as `super::` and to the path
//! scanner as `super::super::path`, which hold both in the library and in the build.

#[cfg(feature = "bench-internals")]
pub(crate) mod builder;
#[cfg(feature = "bench-internals")]
pub(crate) mod layout;
pub(crate) mod node;
pub(crate) mod segment_map;
pub(crate) mod walk;

pub(crate) use node::{NodeDef, NONE};
pub(crate) use segment_map::{Arena, SegmentMap, Slot};
pub(crate) use walk::Trie;
