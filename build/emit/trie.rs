//! Emitting a laid-out path trie, whatever its routes carry: its nodes, routes and segment-map
//! arena as statics in a module of its own, and the `TRIE` constant the walker
//! (`crate::trie::Trie`) reads them through.

use super::super::trie::builder::BuiltTrie;
use super::super::trie::segment_map::SegmentMap;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// `pub(crate) mod #module { ... pub(crate) const TRIE: Trie<'static, #route_type> }`.
///
/// `route` writes one route as an expression of `route_type`; the routes are written node after
/// node, as the nodes' `routes_start` count them. The module also asserts at compile time that
/// the trie fits the walker's limits (its static segments and depth).
pub fn trie<R>(
    module: &str,
    doc: &str,
    trie: &BuiltTrie<R>,
    route_type: &TokenStream,
    route: impl Fn(&R) -> TokenStream,
) -> TokenStream {
    let module = format_ident!("{module}");
    let nodes = trie.defs.iter().map(|d| {
        let statics = segment_map(&d.statics);
        let (param, routes_start, routes_len) = (d.param, d.routes_start, d.routes_len);
        quote! {
            NodeDef { statics: #statics, param: #param, routes_start: #routes_start, routes_len: #routes_len }
        }
    });
    let node_count = trie.defs.len();
    let routes: Vec<TokenStream> = trie
        .nodes
        .iter()
        .flat_map(|n| &n.routes)
        .map(route)
        .collect();
    let route_count = routes.len();
    let arena = &trie.arena;
    let (pilots, pilot_count) = (&arena.pilots, arena.pilots.len());
    let slot_count = arena.slots.len();
    let slots = arena.slots.iter().map(|s| {
        let (key_start, key_len, value) = (s.key_start, s.key_len, s.value);
        quote! { Slot { key_start: #key_start, key_len: #key_len, value: #value } }
    });
    let keys = Literal::byte_string(&arena.keys);
    let (max_static_len, max_depth) = (trie.max_static_len, trie.max_depth);
    quote! {
        #[doc = #doc]
        pub(crate) mod #module {
            use crate::data::*;

            /// The nodes, the root first.
            static NODES: [NodeDef; #node_count] = [#(#nodes),*];
            /// What ends at each node, node after node.
            static ROUTES: [#route_type; #route_count] = [#(#routes),*];
            /// The pilots of the nodes' segment maps.
            static PILOTS: [u16; #pilot_count] = [#(#pilots),*];
            /// The slots of the nodes' segment maps.
            static SLOTS: [Slot; #slot_count] = [#(#slots),*];
            /// The keys of the nodes' segment maps.
            static KEYS: &[u8] = #keys;
            /// The longest static segment, in bytes.
            const MAX_STATIC_LEN: usize = #max_static_len;
            /// The most segments of any template: the depth of the trie.
            const MAX_DEPTH: usize = #max_depth;

            /// The trie, as the walker reads it.
            pub(crate) const TRIE: Trie<'static, #route_type> = Trie {
                nodes: &NODES,
                arena: Arena { pilots: &PILOTS, slots: &SLOTS, keys: KEYS },
                routes: &ROUTES,
                max_static: MAX_STATIC_LEN,
            };

            // The walker folds static segments into a buffer of `path::MAX_STATIC_LEN` bytes;
            // every static segment must fit (longer input segments cannot match).
            const _: () = assert!(MAX_STATIC_LEN <= crate::path::MAX_STATIC_LEN);
            // The walker reads the first `path::MAX_PIECES` pieces; a path with more has more
            // segments than any template and cannot match.
            const _: () = assert!(MAX_DEPTH <= crate::path::MAX_PIECES);
        }
    }
}

/// A node's segment map: ranges into the arena.
fn segment_map(map: &SegmentMap) -> TokenStream {
    let (pilot, buckets, pilots_start, slots_start, slots) = (
        map.pilot,
        map.buckets,
        map.pilots_start,
        map.slots_start,
        map.slots,
    );
    quote! {
        SegmentMap { pilot: #pilot, buckets: #buckets, pilots_start: #pilots_start, slots_start: #slots_start, slots: #slots }
    }
}
