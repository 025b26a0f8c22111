//! Hooks for `benches/` (feature `bench-internals`): not part of the API, no stability promise.
//!
//! The benches compare the compiled trie with tries built at run time from other template sets
//! (the same templates, and 100 times as many) to show that a lookup does not slow down as the
//! data grows. A built trie comes from the builder `build.rs` uses (`crate::trie::builder`), with
//! segment maps laid out at run time, and is walked by the very same code as `resolve()`.

use crate::data::{RouteDef, NONE};
use crate::path::{self, PathError};
use crate::trie::builder::{self, TrieBuilder};
use crate::trie::layout::ArenaBuilder;
use crate::trie::{Arena, Trie as Walker};
use std::borrow::ToOwned;
use std::boxed::Box;
use std::format;
use std::string::String;
use std::vec::Vec;

/// A path trie: the compiled one, or one [built](Trie::build) at run time (and leaked).
#[derive(Clone, Copy)]
pub struct Trie(Walker<'static, RouteDef>);

impl Trie {
    /// The trie compiled from `data/`, the one [`crate::resolve()`] walks.
    pub fn compiled() -> Trie {
        Trie(crate::data::subscription_trie::TRIE)
    }

    /// Builds a trie from templates with the builder `build.rs` uses (static segments folded to
    /// lower case, every placeholder or key one parameter). Templates of the same shape all end at one
    /// node, in the order given. The memory is leaked: build a few per process.
    ///
    /// # Errors
    ///
    /// A template that is not one (see `crate::trie::builder::shape`: not a path, a query, more
    /// segments than the resolver walks, ...), more nodes than `u16` indices can address, or
    /// static segments one node cannot tell apart.
    pub fn build<S: AsRef<str>>(templates: &[S]) -> Result<Trie, String> {
        let mut trie = TrieBuilder::new();
        for template in templates {
            let template = template.as_ref();
            let shape = builder::shape(template).map_err(|e| format!("{template:?}: {e}"))?;
            trie.node(&shape).routes.push(leak_str(template.to_owned()));
        }
        let built = trie.finish().map_err(|problems| problems.join("; "))?;
        // Node after node, as the nodes' `routes_start` count them.
        let routes: Vec<RouteDef> = built
            .nodes
            .iter()
            .flat_map(|n| &n.routes)
            .map(|&template| RouteDef {
                resource: NONE,
                template,
                modes: 0b111,
            })
            .collect();
        let ArenaBuilder {
            pilots,
            slots,
            keys,
        } = built.arena;
        Ok(Trie(Walker {
            nodes: Box::leak(built.defs.into_boxed_slice()),
            arena: Arena {
                pilots: Box::leak(pilots.into_boxed_slice()),
                slots: Box::leak(slots.into_boxed_slice()),
                keys: Box::leak(keys.into_boxed_slice()),
            },
            routes: Box::leak(routes.into_boxed_slice()),
            max_static: built.max_static_len,
        }))
    }

    /// How many nodes the trie has.
    pub fn node_count(self) -> usize {
        self.0.nodes.len()
    }

    /// How many static edges the trie has (the total size of its segment maps).
    pub fn static_edges(self) -> usize {
        let arena = self.0.arena;
        self.0
            .nodes
            .iter()
            .map(|n| n.statics.entries(&arena).count())
            .sum()
    }
}

/// Every template the compiled trie holds (written and derived `/me` <-> `/users/{id}` forms),
/// node by node, each node's routes in priority order.
pub fn compiled_templates() -> Vec<&'static str> {
    crate::data::subscription_trie::TRIE
        .routes
        .iter()
        .map(|r| r.template)
        .collect()
}

/// [`crate::resolve()`] over `trie`: the first template of the node the resource leads to.
///
/// # Errors
///
/// The resource string is not a path.
#[inline]
pub fn resolve_in(trie: Trie, resource: &str) -> Result<Option<&'static str>, PathError> {
    let mut pieces = path::Pieces::new();
    let split = path::split_pieces(resource, &mut pieces)?;
    let routes = trie.0.walk_path(split.path, &pieces);
    Ok(routes.and_then(|r| r.first()).map(|r| r.template))
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebuilt_trie_resolves_like_the_compiled_one() {
        let templates = compiled_templates();
        let built = Trie::build(&templates).unwrap();
        assert_eq!(built.node_count(), Trie::compiled().node_count());
        assert_eq!(built.static_edges(), Trie::compiled().static_edges());
        assert_eq!(built.0.max_static, Trie::compiled().0.max_static);
        for t in &templates {
            let concrete = t.replace("{", "x").replace("}", "");
            assert_eq!(
                resolve_in(built, &concrete),
                resolve_in(Trie::compiled(), &concrete),
                "{t}"
            );
            assert!(resolve_in(built, t).unwrap().is_some(), "{t}");
        }
        assert_eq!(resolve_in(built, "/no/such/thing"), Ok(None));
        assert_eq!(resolve_in(built, "a//b"), Err(PathError::EmptySegment));
        let wide = Trie::build(&["/a/{x}", "/A/b", "/c('k')/d"]).unwrap();
        assert_eq!(resolve_in(wide, "a/b"), Ok(Some("/A/b")));
        assert_eq!(resolve_in(wide, "a/z"), Ok(Some("/a/{x}")));
        assert_eq!(resolve_in(wide, "C/k2/D"), Ok(Some("/c('k')/d")));
        assert!(Trie::build(&["a//b"]).is_err());
    }
}
