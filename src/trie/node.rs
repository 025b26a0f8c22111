//! A node of a path trie as the walker reads it: plain data, the same in compiled statics and in
//! tries built at run time. Pure `core`; the build includes it to flatten what it builds.

use super::segment_map::SegmentMap;

/// `u16` index meaning "none" (no parameter child; no row; an unsupported cell).
pub const NONE: u16 = u16::MAX;

/// A node of the path trie. The root is the first node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeDef {
    /// Lower-case static segment -> child node (in the trie's arena).
    pub statics: SegmentMap,
    /// Child for any other segment (a placeholder), or [`NONE`].
    pub param: u16,
    /// Where the node's routes start in the trie's routes: what ends here, in priority order.
    pub routes_start: u32,
    /// How many routes the node has.
    pub routes_len: u16,
}
