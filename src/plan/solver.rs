//! Solving a [`Problem`]: fix the highest privilege level first, then split the items into
//! groups that share no candidate and search each group exactly.
//!
//! The highest level is not a sum, so it is settled before the search: under
//! `least-privilege` it is the level of the item whose least privileged candidate is the most
//! privileged (every item needs one of its candidates); under `fewest-scopes` each group first
//! finds its fewest scopes, then the lowest level cap that still allows that few. With the cap
//! fixed, the remaining parts are sums, so groups are independent and each is minimised on its
//! own ([`search::cover`]).

use super::cost::Cost;
use super::options::Prefer;
use super::problem::{Problem, Solution};
use super::search::{self, Budget, Scoring, Weight};
use std::collections::HashSet;

impl Problem<'_> {
    /// The best set that covers every item with a candidate, under `prefer`, visiting at most
    /// `node_budget` search nodes (see [`Solution::exact`]).
    pub fn solve(&self, prefer: Prefer, node_budget: u64) -> Solution {
        solve(self, prefer, node_budget, &[])
    }

    /// Like [`solve`](Problem::solve), with `forced` candidates in the set whatever they cost:
    /// the best set that contains them.
    pub fn solve_containing(&self, prefer: Prefer, node_budget: u64, forced: &[usize]) -> Solution {
        solve(self, prefer, node_budget, forced)
    }
}

/// See the module docs; `forced` candidates are in the set whatever they cost.
pub(super) fn solve(
    p: &Problem<'_>,
    prefer: Prefer,
    node_budget: u64,
    forced: &[usize],
) -> Solution {
    let n = p.candidate_count();
    let level: Vec<u8> = (0..n).map(|c| p.level_key(c)).collect();
    let ranks = p.docs_ranks();
    let weight: Vec<Weight> = (0..n)
        .map(|c| {
            let (l, r) = (u64::from(level[c]), u64::from(ranks[c]));
            match prefer {
                Prefer::LeastPrivilege => [l, 1, r],
                Prefer::FewestScopes => [1, l, r],
            }
        })
        .collect();
    let name_rank = p.name_ranks();
    let scoring = Scoring {
        weight: &weight,
        name_rank: &name_rank,
    };
    let mut forced: Vec<usize> = forced.iter().copied().filter(|&c| c < n).collect();
    forced.sort_unstable();
    forced.dedup();
    let uncoverable: Vec<usize> = (0..p.item_count())
        .filter(|&i| p.item_candidates(i).is_empty())
        .collect();
    // The items still to cover; items with the same candidates are one constraint (an app
    // repeats them: every subscription to one resource, every operation with the same cell).
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
    let open: Vec<Vec<usize>> = (0..p.item_count())
        .map(|i| p.item_candidates(i))
        .filter(|list| !list.is_empty() && !list.iter().any(|c| forced.contains(c)))
        .filter(|list| {
            let mut key = list.to_vec();
            key.sort_unstable();
            seen.insert(key)
        })
        .map(<[usize]>::to_vec)
        .collect();
    let mut budget = Budget::new(node_budget);
    let least_level = |list: &[usize]| list.iter().map(|&c| level[c]).min().unwrap_or(0);
    let forced_max = forced.iter().map(|&c| level[c]).max().unwrap_or(0);
    let cap = match prefer {
        Prefer::LeastPrivilege => open
            .iter()
            .map(|l| least_level(l))
            .fold(forced_max, u8::max),
        Prefer::FewestScopes => {
            let mut cap = forced_max;
            for group in groups(&open, n) {
                cap = cap.max(fewest_scopes_cap(&group, &level, &scoring, &mut budget));
            }
            cap
        }
    };
    let capped: Vec<Vec<usize>> = open
        .iter()
        .map(|list| list.iter().copied().filter(|&c| level[c] <= cap).collect())
        .collect();
    let mut chosen = forced.clone();
    for group in groups(&capped, n) {
        chosen.extend(search::cover(&group, &scoring, &mut budget));
    }
    // A cover cut short by the budget may hold a scope the others make redundant.
    drop_redundant(p, &mut chosen, &forced, |c| (weight[c], name_rank[c]));
    chosen.sort_unstable_by_key(|&c| name_rank[c]);
    chosen.dedup();
    let cost: Cost = p.cost(&chosen);
    Solution {
        chosen,
        cost,
        exact: !budget.exhausted,
        nodes: budget.nodes,
        uncoverable,
    }
}

/// Drops, the heaviest first, every chosen candidate (not `forced`) whose items the others
/// cover. An exact answer has none.
fn drop_redundant(
    p: &Problem<'_>,
    chosen: &mut Vec<usize>,
    forced: &[usize],
    key: impl Fn(usize) -> (Weight, usize),
) {
    let mut order = chosen.clone();
    order.sort_by_key(|&c| std::cmp::Reverse(key(c)));
    for c in order {
        if forced.contains(&c) {
            continue;
        }
        let redundant = (0..p.item_count()).all(|i| {
            let list = p.item_candidates(i);
            !list.contains(&c) || list.iter().any(|&x| x != c && chosen.contains(&x))
        });
        if redundant {
            chosen.retain(|&x| x != c);
        }
    }
}

/// The lowest level cap at which `group` still needs no more scopes than without a cap.
fn fewest_scopes_cap(
    group: &[Vec<usize>],
    level: &[u8],
    scoring: &Scoring<'_>,
    budget: &mut Budget,
) -> u8 {
    let fewest = search::cover(group, scoring, budget);
    let uncapped = fewest.iter().map(|&c| level[c]).max().unwrap_or(0);
    let floor = group
        .iter()
        .map(|l| l.iter().map(|&c| level[c]).min().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let mut caps: Vec<u8> = group
        .iter()
        .flatten()
        .map(|&c| level[c])
        .filter(|&l| l >= floor && l < uncapped)
        .collect();
    caps.sort_unstable();
    caps.dedup();
    for cap in caps {
        let capped: Vec<Vec<usize>> = group
            .iter()
            .map(|list| list.iter().copied().filter(|&c| level[c] <= cap).collect())
            .collect();
        if search::cover(&capped, scoring, budget).len() <= fewest.len() {
            return cap;
        }
    }
    uncapped
}

/// The items split into groups that share no candidate (connected components), each group in
/// the order of its first item.
fn groups(items: &[Vec<usize>], candidates: usize) -> Vec<Vec<Vec<usize>>> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: Vec<Option<usize>> = vec![None; candidates];
    for (i, list) in items.iter().enumerate() {
        for &c in list {
            match first.get(c).copied().flatten() {
                Some(j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    if let Some(slot) = first.get_mut(c) {
                        *slot = Some(i);
                    }
                }
            }
        }
    }
    let mut out: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; items.len()];
    for (i, list) in items.iter().enumerate() {
        let r = root(&mut parent, i);
        let g = match slot[r] {
            Some(g) => g,
            None => {
                out.push(Vec::new());
                slot[r] = Some(out.len() - 1);
                out.len() - 1
            }
        };
        out[g].push(list.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_share_no_candidate() {
        let items = vec![vec![0, 1], vec![2], vec![1, 3], vec![4, 2], vec![5]];
        let g = groups(&items, 6);
        assert_eq!(
            g,
            vec![
                vec![vec![0, 1], vec![1, 3]],
                vec![vec![2], vec![4, 2]],
                vec![vec![5]]
            ]
        );
    }

    #[test]
    fn the_level_cap_is_settled_before_the_sums() {
        // Least privilege: the level-3 item forces the cap; under it, one level-3 scope
        // covering both items beats a level-1 scope plus the level-3 one.
        let mut p = Problem::new();
        let low = p.candidate("A.Read", Some(1));
        let high = p.candidate("B.ReadWrite", Some(3));
        p.item([low, high]);
        p.item([high]);
        let s = p.solve(Prefer::LeastPrivilege, 1000);
        assert_eq!(s.chosen, [high]);
        // Without the level-3 item, the level-1 scope alone.
        let mut q = Problem::new();
        let low = q.candidate("A.Read", Some(1));
        let high = q.candidate("B.ReadWrite", Some(3));
        q.item([low, high]);
        q.item([low]);
        assert_eq!(q.solve(Prefer::LeastPrivilege, 1000).chosen, [low]);
    }

    #[test]
    fn fewest_scopes_takes_the_lowest_cap_that_keeps_the_count() {
        let mut p = Problem::new();
        let a = p.candidate("A", Some(2));
        let b = p.candidate("B", Some(2));
        let wide = p.candidate("Wide", Some(4));
        let mid = p.candidate("Mid", Some(3));
        p.item([a, wide, mid]);
        p.item([b, wide, mid]);
        let s = p.solve(Prefer::FewestScopes, 1000);
        assert_eq!(s.chosen, [mid]);
        assert_eq!(s.cost.count, 1);
        let least = p.solve(Prefer::LeastPrivilege, 1000);
        assert_eq!(least.chosen, [a, b]);
    }

    #[test]
    fn forced_candidates_stay() {
        let mut p = Problem::new();
        let a = p.candidate("A", Some(1));
        let b = p.candidate("B", Some(2));
        p.item([a, b]);
        p.item([a]);
        let s = p.solve_containing(Prefer::LeastPrivilege, 1000, &[b]);
        assert_eq!(s.chosen, [a, b]);
        assert_eq!(s.cost.level_sum, 3);
    }

    #[test]
    fn an_item_without_candidates_is_uncoverable() {
        let mut p = Problem::new();
        let a = p.candidate("A", Some(1));
        p.item([]);
        p.item([a, 99]);
        let s = p.solve(Prefer::LeastPrivilege, 1000);
        assert_eq!(s.uncoverable, [0]);
        assert_eq!(s.chosen, [a]);
    }

    #[test]
    fn a_spent_budget_still_covers_and_says_so() {
        // A ring of items, each covered by two of eight equal candidates: several optima.
        let mut p = Problem::new();
        let names = ["A", "B", "C", "D", "E", "F", "G", "H"];
        let c: Vec<usize> = names.iter().map(|n| p.candidate(n, Some(2))).collect();
        for i in 0..8 {
            p.item([c[i], c[(i + 1) % 8]]);
        }
        let full = p.solve(Prefer::FewestScopes, 1_000_000);
        assert!(full.exact);
        assert_eq!(full.cost.count, 4);
        let cut = p.solve(Prefer::FewestScopes, 1);
        assert!(!cut.exact);
        assert_eq!(cut.nodes, 1);
        for i in 0..8 {
            assert!(p.covers(&cut.chosen, i));
        }
    }
}
