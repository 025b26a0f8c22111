//! The validated request data: the request trie and the cells its routes point into.

use super::super::auth_mode::AuthMode;
use super::super::method::Method;
use super::super::trie::builder::{BuiltTrie, TrieBuilder};

/// Every compiled template of `data/requests/`, laid out as a trie, and what goes with it.
#[derive(Debug)]
pub struct Requests {
    /// The trie; node 0 is the root; at most one route per node.
    pub trie: BuiltTrie<RequestRoute>,
    /// Distinct cells: permissions least first, as indices into the catalog's permissions.
    pub cells: Vec<Vec<u16>>,
    /// The cells where upstream left the choice open.
    pub choices: Vec<RequestChoice>,
}

impl Requests {
    /// No request data: a trie with only its root (the library's feature `requests` is off).
    pub fn empty() -> Option<Requests> {
        Some(Requests {
            trie: TrieBuilder::new().finish().ok()?,
            cells: Vec::new(),
            choices: Vec::new(),
        })
    }
}

/// One compiled template.
#[derive(Debug, Clone)]
pub struct RequestRoute {
    /// The template as written.
    pub template: String,
    /// By `method index * 3 + mode index`: an index into [`Requests::cells`], or `None`.
    pub cells: [Option<usize>; 15],
}

/// A cell where upstream marked none or several permissions least.
#[derive(Debug, Clone)]
pub struct RequestChoice {
    /// The template.
    pub template: String,
    /// The method.
    pub method: Method,
    /// The scheme.
    pub mode: AuthMode,
    /// The marked permissions, as catalog indices (empty: none marked).
    pub marked: Vec<u16>,
    /// What decided (`privilege-level`, `narrower`, `access`, `name`, `only-candidate`).
    pub decided_by: String,
    /// The data file and line of the choice.
    pub file: String,
    /// The line.
    pub line: usize,
}
