//! The order of the permissions that grant one method on one template under one scheme, and
//! how the least privileged one is chosen.
//!
//! Upstream marks "least" per path set, and a path set spans several methods, so a cell can
//! have several marked permissions or none. The least is chosen per method: among the
//! candidates marked least (or all of them when none is), the lowest `privilegeLevel` (an
//! unknown level after every known one); then the narrower grant on this path (a path set with
//! fewer methods); then the access the name states (`ReadBasic` < `Read` < `ReadWrite` <
//! anything else); then the name. The other candidates follow in the same order, marked or not.

use std::borrow::ToOwned;
use std::string::String;
use std::vec::Vec;

/// One permission that grants a cell, with what upstream says of it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate {
    /// The permission's name.
    pub(super) name: String,
    /// Upstream marks it least for this scheme on this path (in some path set with this method).
    pub(super) marked: bool,
    /// The fewest methods of a path set through which it grants this method on this path.
    pub(super) methods: usize,
    /// Its privilege level under this scheme, if upstream gives one.
    pub(super) level: Option<u8>,
}

/// The rank of the access a permission's name states: `ReadBasic` 0, `Read` 1, `ReadWrite` 2,
/// anything else (`Send`, `Manage`, `FullControl`, ...) 3. The first such word of the name counts.
pub(super) fn access_rank(name: &str) -> u8 {
    name.split('.')
        .find_map(|word| match word {
            "ReadBasic" => Some(0),
            "Read" => Some(1),
            "ReadWrite" => Some(2),
            _ => None,
        })
        .unwrap_or(3)
}

/// The criteria, in order, with their names in `data/requests/` (`decided_by`).
const CRITERIA: [&str; 4] = ["privilege-level", "narrower", "access", "name"];

fn key(c: &Candidate) -> (u8, usize, u8, &str) {
    (
        c.level.unwrap_or(u8::MAX),
        c.methods,
        access_rank(&c.name),
        c.name.as_str(),
    )
}

/// The first criterion on which `a` and `b` differ (an index into [`CRITERIA`]).
fn deciding(a: &Candidate, b: &Candidate) -> usize {
    let (ka, kb) = (key(a), key(b));
    if ka.0 != kb.0 {
        0
    } else if ka.1 != kb.1 {
        1
    } else if ka.2 != kb.2 {
        2
    } else {
        3
    }
}

/// The ordered cell and, when upstream left the choice open, the marked names and what decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ordered {
    /// The names, least privileged first.
    pub(super) names: Vec<String>,
    /// `Some((marked, decided_by))` when upstream marked none or several least.
    pub(super) choice: Option<(Vec<String>, &'static str)>,
}

/// Orders a cell's candidates (see the module docs). `candidates` must not be empty.
pub(super) fn order(mut candidates: Vec<Candidate>) -> Ordered {
    candidates.sort_by(|a, b| key(a).cmp(&key(b)));
    let marked: Vec<&Candidate> = candidates.iter().filter(|c| c.marked).collect();
    let pool: Vec<&Candidate> = if marked.is_empty() {
        candidates.iter().collect()
    } else {
        marked.clone()
    };
    let least = pool.first().map(|c| c.name.clone()).unwrap_or_default();
    let choice = if marked.len() == 1 {
        None
    } else {
        let decided_by = match (pool.first(), pool.get(1)) {
            (Some(a), Some(b)) => CRITERIA[deciding(a, b)],
            _ => "only-candidate",
        };
        Some((marked.iter().map(|c| c.name.clone()).collect(), decided_by))
    };
    let mut names = Vec::with_capacity(candidates.len());
    names.push(least.clone());
    names.extend(
        candidates
            .iter()
            .filter(|c| c.name != least)
            .map(|c| c.name.to_owned()),
    );
    Ordered { names, choice }
}

/// Merges what two path sets say of one candidate.
pub(super) fn merge(into: &mut Candidate, marked: bool, methods: usize) {
    into.marked |= marked;
    into.methods = into.methods.min(methods);
}
