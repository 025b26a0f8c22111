//! The exact search for one group of items: reductions that keep every optimum, a greedy
//! cover to start from, then branch and bound over the candidates of the hardest item.
//!
//! Weights are vectors compared lexicographically (the objective's parts after the level cap);
//! equal weights are broken by name: of two sets, the better one lacks the alphabetically last
//! name in which they differ. Every step keeps that whole order, so the result is the unique
//! best set.

use super::bits::Bits;

/// A candidate's weight: the parts the search minimises, most important first.
pub(super) type Weight = [u64; 3];

fn add(a: Weight, b: Weight) -> Weight {
    [
        a[0].saturating_add(b[0]),
        a[1].saturating_add(b[1]),
        a[2].saturating_add(b[2]),
    ]
}

/// The node budget shared by every search of one solve.
#[derive(Debug)]
pub(super) struct Budget {
    left: u64,
    /// Nodes visited.
    pub(super) nodes: u64,
    /// Whether a search stopped at the bound.
    pub(super) exhausted: bool,
}

impl Budget {
    pub(super) fn new(nodes: u64) -> Self {
        Budget {
            left: nodes,
            nodes: 0,
            exhausted: false,
        }
    }

    /// Counts a node; `false` once the bound is reached.
    fn tick(&mut self) -> bool {
        if self.left == 0 {
            self.exhausted = true;
            return false;
        }
        self.left -= 1;
        self.nodes += 1;
        true
    }
}

/// What the search knows of every candidate of the problem, by global index.
pub(super) struct Scoring<'s> {
    pub(super) weight: &'s [Weight],
    pub(super) name_rank: &'s [usize],
}

impl Scoring<'_> {
    fn key(&self, c: usize) -> (Weight, usize) {
        (self.weight[c], self.name_rank[c])
    }

    /// The names' ranks of a set, highest first: sets compare by these lists.
    fn ranks(&self, set: &[usize]) -> Vec<usize> {
        let mut r: Vec<usize> = set.iter().map(|&c| self.name_rank[c]).collect();
        r.sort_unstable_by(|a, b| b.cmp(a));
        r
    }
}

/// The best set of candidates covering every item of `items` (lists of global candidate
/// indices, none empty), under the scoring's weights.
pub(super) fn cover(
    items: &[Vec<usize>],
    scoring: &Scoring<'_>,
    budget: &mut Budget,
) -> Vec<usize> {
    let mut cands: Vec<usize> = items.iter().flatten().copied().collect();
    cands.sort_unstable();
    cands.dedup();
    let local = |c: usize| cands.binary_search(&c).ok();
    let (m, k) = (items.len(), cands.len());
    let mut item_bits: Vec<Bits> = vec![Bits::new(k); m];
    let mut cand_bits: Vec<Bits> = vec![Bits::new(m); k];
    for (i, list) in items.iter().enumerate() {
        for &c in list {
            if let Some(l) = local(c) {
                item_bits[i].set(l);
                cand_bits[l].set(i);
            }
        }
    }
    let key = |l: usize| scoring.key(cands[l]);
    let reduced = reduce(&item_bits, &cand_bits, &key);
    let mut chosen: Vec<usize> = reduced.picked.iter().map(|&l| cands[l]).collect();
    let rest_items: Vec<usize> = reduced.items.ones().collect();
    if rest_items.is_empty() {
        return chosen;
    }
    // The rest, indexed compactly: global candidates per remaining item, best first.
    let rest_cands: Vec<usize> = reduced.cands.ones().collect();
    let lists: Vec<Vec<usize>> = rest_items
        .iter()
        .map(|&i| {
            let mut l: Vec<usize> = rest_cands
                .iter()
                .enumerate()
                .filter(|(_, &c)| item_bits[i].get(c))
                .map(|(j, _)| j)
                .collect();
            l.sort_by_key(|&j| key(rest_cands[j]));
            l
        })
        .collect();
    let global: Vec<usize> = rest_cands.iter().map(|&l| cands[l]).collect();
    let mut search = Search::new(&lists, &global, scoring, budget);
    search.run();
    chosen.extend(search.best.iter().map(|&j| global[j]));
    chosen
}

/// What the reductions leave: the candidates they had to pick, and the items and candidates
/// still open.
struct Reduced {
    picked: Vec<usize>,
    items: Bits,
    cands: Bits,
}

/// Applies, until nothing changes: an item with one candidate left picks it; an item whose
/// candidates include all of another's is covered with it and dropped; a candidate that covers
/// nothing open, or only items another candidate with a better key also covers, is dropped.
fn reduce(
    item_bits: &[Bits],
    cand_bits: &[Bits],
    key: &dyn Fn(usize) -> (Weight, usize),
) -> Reduced {
    let (m, k) = (item_bits.len(), cand_bits.len());
    let mut items = Bits::full(m);
    let mut cands = Bits::full(k);
    let mut picked = Vec::new();
    let mut changed = true;
    while changed {
        changed = false;
        let avail: Vec<Bits> = item_bits.iter().map(|b| b.and(&cands)).collect();
        for (i, open) in avail.iter().enumerate() {
            if !items.get(i) {
                continue;
            }
            let n = open.count();
            if n == 0 {
                // Cannot happen (every item keeps a candidate); nothing covers it here.
                items.clear(i);
                changed = true;
            } else if n == 1 {
                if let Some(c) = open.ones().next() {
                    picked.push(c);
                    for j in cand_bits[c].ones() {
                        items.clear(j);
                    }
                    cands.clear(c);
                    changed = true;
                }
            }
        }
        if changed {
            continue;
        }
        for i in 0..m {
            if !items.get(i) {
                continue;
            }
            for j in 0..m {
                if j != i
                    && items.get(j)
                    && avail[i].is_subset(&avail[j])
                    && (avail[i] != avail[j] || i < j)
                {
                    items.clear(j);
                    changed = true;
                }
            }
        }
        let open: Vec<Bits> = cand_bits.iter().map(|b| b.and(&items)).collect();
        for a in 0..k {
            if !cands.get(a) {
                continue;
            }
            let dominated = open[a].is_empty()
                || (0..k).any(|b| {
                    b != a && cands.get(b) && open[a].is_subset(&open[b]) && key(b) < key(a)
                });
            if dominated {
                cands.clear(a);
                changed = true;
            }
        }
    }
    Reduced {
        picked,
        items,
        cands,
    }
}

/// Branch and bound over compact indices: items `0..lists.len()`, candidates
/// `0..global.len()`.
struct Search<'s, 'b> {
    lists: &'s [Vec<usize>],
    item_bits: Vec<Bits>,
    cand_items: Vec<Bits>,
    weight: Vec<Weight>,
    global: &'s [usize],
    scoring: &'s Scoring<'s>,
    budget: &'b mut Budget,
    best: Vec<usize>,
    best_weight: Weight,
    best_ranks: Vec<usize>,
}

impl<'s, 'b> Search<'s, 'b> {
    fn new(
        lists: &'s [Vec<usize>],
        global: &'s [usize],
        scoring: &'s Scoring<'s>,
        budget: &'b mut Budget,
    ) -> Self {
        let (m, k) = (lists.len(), global.len());
        let mut item_bits = vec![Bits::new(k); m];
        let mut cand_items = vec![Bits::new(m); k];
        for (i, list) in lists.iter().enumerate() {
            for &c in list {
                item_bits[i].set(c);
                cand_items[c].set(i);
            }
        }
        let weight = global.iter().map(|&g| scoring.weight[g]).collect();
        let mut search = Search {
            lists,
            item_bits,
            cand_items,
            weight,
            global,
            scoring,
            budget,
            best: Vec::new(),
            best_weight: [u64::MAX; 3],
            best_ranks: Vec::new(),
        };
        let greedy = search.greedy();
        search.offer(&greedy);
        search
    }

    fn ranks(&self, set: &[usize]) -> Vec<usize> {
        let global: Vec<usize> = set.iter().map(|&c| self.global[c]).collect();
        self.scoring.ranks(&global)
    }

    fn weight_of(&self, set: &[usize]) -> Weight {
        set.iter().fold([0; 3], |w, &c| add(w, self.weight[c]))
    }

    /// Keeps `set` if it is better than the best so far.
    fn offer(&mut self, set: &[usize]) {
        let w = self.weight_of(set);
        if w < self.best_weight || (w == self.best_weight && self.ranks(set) < self.best_ranks) {
            self.best = set.to_vec();
            self.best_ranks = self.ranks(set);
            self.best_weight = w;
        }
    }

    /// A cover built by taking, each time, the candidate with the lowest weight per newly
    /// covered item, then dropping candidates the others make redundant.
    fn greedy(&self) -> Vec<usize> {
        let m = self.lists.len();
        let mut open = Bits::full(m);
        let mut chosen: Vec<usize> = Vec::new();
        while !open.is_empty() {
            let mut pick: Option<(usize, u64)> = None;
            for c in 0..self.global.len() {
                let new = u64::from(self.cand_items[c].count_and(&open));
                if new == 0 {
                    continue;
                }
                let better = match pick {
                    None => true,
                    Some((b, nb)) => {
                        let scaled = |w: Weight, n: u64| w.map(|x| x.saturating_mul(n));
                        let (wc, wb) = (scaled(self.weight[c], nb), scaled(self.weight[b], new));
                        (
                            wc,
                            std::cmp::Reverse(new),
                            self.scoring.name_rank[self.global[c]],
                        ) < (
                            wb,
                            std::cmp::Reverse(nb),
                            self.scoring.name_rank[self.global[b]],
                        )
                    }
                };
                if better {
                    pick = Some((c, new));
                }
            }
            let Some((c, _)) = pick else { break };
            chosen.push(c);
            open = open.minus(&self.cand_items[c]);
        }
        // Drop what the others cover, the heaviest first.
        chosen.sort_by_key(|&c| {
            std::cmp::Reverse((self.weight[c], self.scoring.name_rank[self.global[c]]))
        });
        let mut k = 0;
        while k < chosen.len() {
            let c = chosen[k];
            let others: Vec<usize> = chosen.iter().copied().filter(|&o| o != c).collect();
            let redundant = self.cand_items[c]
                .ones()
                .all(|i| others.iter().any(|&o| self.cand_items[o].get(i)));
            if redundant {
                chosen.remove(k);
            } else {
                k += 1;
            }
        }
        chosen
    }

    fn run(&mut self) {
        let m = self.lists.len();
        let k = self.global.len();
        let mut excluded = Bits::new(k);
        let mut chosen = Vec::new();
        self.node(&Bits::new(m), &mut excluded, &mut chosen, [0; 3]);
    }

    fn node(&mut self, covered: &Bits, excluded: &mut Bits, chosen: &mut Vec<usize>, w: Weight) {
        if !self.budget.tick() {
            return;
        }
        // Open items with how many candidates they have left.
        let mut open: Vec<(u32, usize)> = Vec::new();
        for i in 0..self.lists.len() {
            if covered.get(i) {
                continue;
            }
            let n = self.item_bits[i].count_minus(excluded);
            if n == 0 {
                return;
            }
            open.push((n, i));
        }
        if open.is_empty() {
            self.offer(chosen);
            return;
        }
        open.sort_unstable();
        // Lower bound: items that share no remaining candidate each need one of their own.
        let mut used = Bits::new(self.global.len());
        let mut bound = w;
        for &(_, i) in &open {
            if !self.item_bits[i].meets_without(excluded, &used) {
                if let Some(&c) = self.lists[i].iter().find(|&&c| !excluded.get(c)) {
                    bound = add(bound, self.weight[c]);
                }
                used.union_without(&self.item_bits[i], excluded);
            }
        }
        if bound > self.best_weight
            || (bound == self.best_weight && self.ranks(chosen) >= self.best_ranks)
        {
            return;
        }
        let item = open[0].1;
        let branches: Vec<usize> = self.lists[item]
            .iter()
            .copied()
            .filter(|&c| !excluded.get(c))
            .collect();
        let mut tried = Vec::new();
        for c in branches {
            let mut next = covered.clone();
            next.union_with(&self.cand_items[c]);
            chosen.push(c);
            self.node(&next, excluded, chosen, add(w, self.weight[c]));
            chosen.pop();
            if self.budget.exhausted {
                break;
            }
            // The branches after this one leave it out: every set is searched once.
            excluded.set(c);
            tried.push(c);
        }
        for c in tried {
            excluded.clear(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the test needs no dependency.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// The branch and bound alone, without the reductions, against every subset.
    #[test]
    fn branch_and_bound_alone_matches_brute_force() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut searched = 0;
        for _ in 0..3000 {
            let k = 1 + rng.below(9) as usize;
            let m = rng.below(11) as usize;
            let weight: Vec<Weight> = (0..k)
                .map(|_| [1 + rng.below(3), 1, rng.below(3)])
                .collect();
            let mut name_rank: Vec<usize> = (0..k).collect();
            for i in (1..k).rev() {
                name_rank.swap(i, rng.below(i as u64 + 1) as usize);
            }
            let scoring = Scoring {
                weight: &weight,
                name_rank: &name_rank,
            };
            let lists: Vec<Vec<usize>> = (0..m)
                .map(|_| {
                    let mut l: Vec<usize> = (0..k).filter(|_| rng.below(3) == 0).collect();
                    if l.is_empty() {
                        l.push(rng.below(k as u64) as usize);
                    }
                    l.sort_by_key(|&c| scoring.key(c));
                    l
                })
                .collect();
            let global: Vec<usize> = (0..k).collect();
            let mut budget = Budget::new(u64::MAX);
            let mut search = Search::new(&lists, &global, &scoring, &mut budget);
            search.run();
            let got = search.best.clone();
            searched += u64::from(budget.nodes > 1);
            let mut best: Option<(Weight, Vec<usize>, Vec<usize>)> = None;
            for mask in 0u32..(1 << k) {
                let set: Vec<usize> = (0..k).filter(|&c| mask & (1 << c) != 0).collect();
                if !lists.iter().all(|l| l.iter().any(|c| set.contains(c))) {
                    continue;
                }
                let w = set.iter().fold([0; 3], |w, &c| add(w, weight[c]));
                let ranks = scoring.ranks(&set);
                if best
                    .as_ref()
                    .is_none_or(|(bw, br, _)| (w, &ranks) < (*bw, br))
                {
                    best = Some((w, ranks, set));
                }
            }
            let want = best.map(|(_, _, s)| s).unwrap_or_default();
            let mut got_sorted = got;
            got_sorted.sort_unstable();
            assert_eq!(got_sorted, want, "{lists:?} {weight:?} {name_rank:?}");
        }
        assert!(
            searched > 1000,
            "the search ran on {searched} instances only"
        );
    }
}
