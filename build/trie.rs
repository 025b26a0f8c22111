//! The library's trie code the build shares, included as is: the segment maps and their
//! layout, the node the walker reads, and the generic trie builder.

#[path = "../src/trie/builder.rs"]
pub mod builder;
#[path = "../src/trie/layout.rs"]
pub mod layout;
#[path = "../src/trie/node.rs"]
pub mod node;
#[path = "../src/trie/segment_map.rs"]
pub mod segment_map;
