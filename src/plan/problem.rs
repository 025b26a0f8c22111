//! [`Problem`]: the covering problem itself, independent of Graph: candidates with privilege
//! levels, items with their candidates least privileged first; and its [`Solution`].

use super::cost::{Cost, UNKNOWN_LEVEL};
use std::collections::HashMap;

/// A covering problem: every item must be covered by one chosen candidate of its list.
///
/// [`plan`](super::plan()) builds one from an app's subscriptions; tests and benches build
/// them by hand.
///
/// ```
/// use msgraph_scopes::plan::{Prefer, Problem};
///
/// let mut p = Problem::new();
/// let read = p.candidate("Files.Read", Some(2));
/// let write = p.candidate("Files.ReadWrite", Some(2));
/// let all = p.candidate("Files.ReadWrite.All", Some(3));
/// p.item([read, write, all]); // create: Files.Read is listed first
/// p.item([write, all]); // update
/// let s = p.solve(Prefer::LeastPrivilege, 1_000);
/// assert_eq!(s.chosen, [write]);
/// assert!(s.exact);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Problem<'a> {
    names: Vec<&'a str>,
    levels: Vec<Option<u8>>,
    by_name: HashMap<String, usize>,
    exact: HashMap<&'a str, usize>,
    items: Vec<Vec<usize>>,
}

/// A plan's answer to a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// The chosen candidates, by index, sorted by name.
    pub chosen: Vec<usize>,
    /// What they cost.
    pub cost: Cost,
    /// Whether the search proved the choice optimal; `false` when it reached its node budget
    /// and kept the best cover it had found (a greedy cover, improved by the search).
    pub exact: bool,
    /// Search nodes visited.
    pub nodes: u64,
    /// Items with no candidate at all, which no choice covers.
    pub uncoverable: Vec<usize>,
}

impl<'a> Problem<'a> {
    /// An empty problem.
    pub fn new() -> Self {
        Problem::default()
    }

    /// Adds a candidate (or finds it: names are compared ignoring ASCII case, and the first
    /// level given is kept) and gives its index. `level` is the catalog's privilege level;
    /// `None` counts as [`UNKNOWN_LEVEL`].
    pub fn candidate(&mut self, name: &'a str, level: Option<u8>) -> usize {
        if let Some(&i) = self.exact.get(name) {
            return i;
        }
        let key = name.to_ascii_lowercase();
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name);
        self.levels.push(level);
        self.by_name.insert(key, i);
        self.exact.insert(name, i);
        i
    }

    /// Adds an item that any of `candidates` covers, least privileged first, and gives its
    /// index. Repeated and unknown indices are dropped; an item left with none is
    /// [uncoverable](Solution::uncoverable).
    pub fn item(&mut self, candidates: impl IntoIterator<Item = usize>) -> usize {
        let mut list: Vec<usize> = Vec::new();
        for c in candidates {
            if c < self.names.len() && !list.contains(&c) {
                list.push(c);
            }
        }
        self.items.push(list);
        self.items.len() - 1
    }

    /// The index of the candidate named `name` (ASCII case-insensitive).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name.to_ascii_lowercase()).copied()
    }

    /// The same candidates (same indices) with only the given items, in that order.
    pub fn with_items(&self, items: impl IntoIterator<Item = usize>) -> Problem<'a> {
        let mut sub = Problem {
            names: self.names.clone(),
            levels: self.levels.clone(),
            by_name: self.by_name.clone(),
            exact: self.exact.clone(),
            items: Vec::new(),
        };
        for i in items {
            sub.items.push(self.item_candidates(i).to_vec());
        }
        sub
    }

    /// How many candidates.
    pub fn candidate_count(&self) -> usize {
        self.names.len()
    }

    /// How many items.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// A candidate's name (empty for an unknown index).
    pub fn name(&self, candidate: usize) -> &'a str {
        self.names.get(candidate).copied().unwrap_or("")
    }

    /// A candidate's privilege level as given.
    pub fn level(&self, candidate: usize) -> Option<u8> {
        self.levels.get(candidate).copied().flatten()
    }

    /// The level a candidate counts as: its level, or [`UNKNOWN_LEVEL`].
    pub fn level_key(&self, candidate: usize) -> u8 {
        self.level(candidate).unwrap_or(UNKNOWN_LEVEL)
    }

    /// An item's candidates, least privileged first.
    pub fn item_candidates(&self, item: usize) -> &[usize] {
        self.items.get(item).map_or(&[], Vec::as_slice)
    }

    /// A candidate's docs rank: the latest position (0 = first) at which an item lists it.
    pub fn docs_rank(&self, candidate: usize) -> u32 {
        self.docs_ranks().get(candidate).copied().unwrap_or(0)
    }

    /// Every candidate's [docs rank](Problem::docs_rank), by index.
    pub(super) fn docs_ranks(&self) -> Vec<u32> {
        let mut ranks = vec![0u32; self.names.len()];
        for list in &self.items {
            for (position, &c) in list.iter().enumerate() {
                let position = u32::try_from(position).unwrap_or(u32::MAX);
                if let Some(r) = ranks.get_mut(c) {
                    *r = (*r).max(position);
                }
            }
        }
        ranks
    }

    /// Whether a chosen set covers an item.
    pub fn covers(&self, set: &[usize], item: usize) -> bool {
        self.item_candidates(item).iter().any(|c| set.contains(c))
    }

    /// What a set of candidates costs (repeats count once; unknown indices are ignored).
    pub fn cost(&self, set: &[usize]) -> Cost {
        let ranks = self.docs_ranks();
        let mut seen: Vec<usize> = Vec::new();
        let mut cost = Cost::default();
        for &c in set {
            if c >= self.names.len() || seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let level = self.level_key(c);
            cost.max_level = cost.max_level.max(level);
            cost.level_sum = cost.level_sum.saturating_add(u32::from(level));
            cost.count = cost.count.saturating_add(1);
            cost.docs_rank = cost.docs_rank.saturating_add(ranks[c]);
        }
        cost
    }

    /// The candidates sorted by name: each candidate's place in that order.
    pub(super) fn name_ranks(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.names.len()).collect();
        order.sort_by(|&a, &b| self.names[a].cmp(self.names[b]).then(a.cmp(&b)));
        let mut rank = vec![0; order.len()];
        for (r, &c) in order.iter().enumerate() {
            rank[c] = r;
        }
        rank
    }
}
