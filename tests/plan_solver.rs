//! The planner's solver against a brute force: on small random covering problems, every subset
//! of the candidates is scored by the documented objective (written out again here, not taken
//! from the crate), and the solver must pick exactly the best one, under both preferences,
//! with and without a candidate forced into the set. A solver cut short by its node budget must
//! still cover every item, and never claim a better cost than the optimum.

#![cfg(feature = "std")]

use msgraph_scopes::plan::{Prefer, Problem};
use proptest::prelude::*;

/// A random problem: candidate names (distinct, in random alphabetical order), levels (`None`
/// is unrated), and items as lists of candidate indices, least privileged first.
#[derive(Debug, Clone)]
struct Instance {
    names: Vec<String>,
    levels: Vec<Option<u8>>,
    items: Vec<Vec<usize>>,
}

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..=10).prop_flat_map(|n| {
        let names =
            Just((0..n).map(|i| format!("Perm{i}.Read")).collect::<Vec<_>>()).prop_shuffle();
        // Many equal levels: ties are where the search, not the reductions, decides.
        let levels = proptest::collection::vec(
            prop_oneof![3 => Just(Some(2u8)), 2 => (1u8..=4).prop_map(Some), 1 => Just(None)],
            n,
        );
        // Mostly two or three distinct candidates per item, in random order, so that the
        // reductions leave work for the branch and bound; sometimes any number, or none.
        let all: Vec<usize> = (0..n).collect();
        let len = prop_oneof![1 => 0..=n, 4 => 2.min(n)..=3usize.min(n)];
        let item = len
            .prop_flat_map(move |k| proptest::sample::subsequence(all.clone(), k).prop_shuffle());
        let items = proptest::collection::vec(item, 0..=12);
        (names, levels, items).prop_map(|(names, levels, items)| Instance {
            names,
            levels,
            items,
        })
    })
}

impl Instance {
    fn problem(&self) -> Problem<'_> {
        let mut p = Problem::new();
        for (name, level) in self.names.iter().zip(&self.levels) {
            p.candidate(name, *level);
        }
        for list in &self.items {
            p.item(list.iter().copied());
        }
        p
    }

    fn level(&self, c: usize) -> u32 {
        u32::from(self.levels[c].unwrap_or(5))
    }

    /// The latest place any item lists `c` at.
    fn docs_rank(&self, c: usize) -> u32 {
        self.items
            .iter()
            .filter_map(|l| l.iter().position(|&x| x == c))
            .max()
            .unwrap_or(0) as u32
    }

    /// The objective's parts for `set`, in `prefer`'s order.
    fn key(&self, set: &[usize], prefer: Prefer) -> [u32; 4] {
        let max = set.iter().map(|&c| self.level(c)).max().unwrap_or(0);
        let sum = set.iter().map(|&c| self.level(c)).sum();
        let count = set.len() as u32;
        let rank = set.iter().map(|&c| self.docs_rank(c)).sum();
        match prefer {
            Prefer::LeastPrivilege => [max, sum, count, rank],
            Prefer::FewestScopes => [count, max, sum, rank],
        }
    }

    /// The names of `set`, alphabetically last first: of two equal sets, the one whose list
    /// is smaller lacks the last name in which they differ.
    fn names_desc(&self, set: &[usize]) -> Vec<&str> {
        let mut names: Vec<&str> = set.iter().map(|&c| self.names[c].as_str()).collect();
        names.sort_unstable_by(|a, b| b.cmp(a));
        names
    }

    fn covers(&self, set: &[usize]) -> bool {
        self.items
            .iter()
            .all(|l| l.is_empty() || l.iter().any(|c| set.contains(c)))
    }

    /// Every subset (containing `forced`) that covers every item with a candidate, the best
    /// by the objective, then by names.
    fn brute_force(&self, prefer: Prefer, forced: Option<usize>) -> Vec<usize> {
        let n = self.names.len();
        let mut best: Option<Vec<usize>> = None;
        for mask in 0u32..(1 << n) {
            let set: Vec<usize> = (0..n).filter(|&c| mask & (1 << c) != 0).collect();
            if !self.covers(&set) || forced.is_some_and(|f| !set.contains(&f)) {
                continue;
            }
            let better = match &best {
                None => true,
                Some(b) => {
                    (self.key(&set, prefer), self.names_desc(&set))
                        < (self.key(b, prefer), self.names_desc(b))
                }
            };
            if better {
                best = Some(set);
            }
        }
        best.unwrap_or_default()
    }
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_solver_finds_the_brute_force_optimum(inst in instance()) {
        let p = inst.problem();
        for prefer in Prefer::ALL {
            let want = inst.brute_force(prefer, None);
            let got = p.solve(prefer, 1_000_000);
            prop_assert!(got.exact);
            prop_assert_eq!(
                inst.key(&got.chosen, prefer),
                inst.key(&want, prefer),
                "{:?}: objective", prefer
            );
            prop_assert_eq!(sorted(got.chosen.clone()), want, "{:?}: the set", prefer);
            let cost = p.cost(&got.chosen);
            prop_assert_eq!(got.cost, cost);
            let uncoverable: Vec<usize> =
                (0..inst.items.len()).filter(|&i| inst.items[i].is_empty()).collect();
            prop_assert_eq!(got.uncoverable, uncoverable);
        }
    }

    #[test]
    fn the_best_set_containing_a_candidate_is_found(inst in instance(), pick in any::<proptest::sample::Index>()) {
        let p = inst.problem();
        let forced = pick.index(inst.names.len());
        for prefer in Prefer::ALL {
            let want = inst.brute_force(prefer, Some(forced));
            let got = p.solve_containing(prefer, 1_000_000, &[forced]);
            prop_assert!(got.exact);
            prop_assert_eq!(sorted(got.chosen), want, "{:?}", prefer);
        }
    }

    #[test]
    fn a_cut_short_search_still_covers(inst in instance(), budget in 0u64..4) {
        let p = inst.problem();
        for prefer in Prefer::ALL {
            let optimum = inst.brute_force(prefer, None);
            let got = p.solve(prefer, budget);
            prop_assert!(inst.covers(&got.chosen));
            prop_assert!(got.nodes <= budget);
            prop_assert!(
                (inst.key(&got.chosen, prefer), inst.names_desc(&got.chosen))
                    >= (inst.key(&optimum, prefer), inst.names_desc(&optimum))
            );
            if got.exact {
                prop_assert_eq!(sorted(got.chosen), optimum);
            }
        }
    }
}

/// Bigger instances than brute force can check, with many ties: the solver's set covers, and
/// no single swap or removal improves it (a local check, independent of the search).
#[test]
fn larger_answers_are_locally_optimal() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..200 {
        let n = 24;
        let levels: Vec<u8> = (0..n)
            .map(|_| 1 + (runner.rng().random::<u8>() % 3))
            .collect();
        let names: Vec<String> = (0..n).map(|i| format!("P{i:02}")).collect();
        let mut p = Problem::new();
        for c in 0..n {
            p.candidate(&names[c], Some(levels[c]));
        }
        for _ in 0..40 {
            let k = 1 + (runner.rng().random::<u32>() % 5) as usize;
            let list: Vec<usize> = (0..k)
                .map(|_| (runner.rng().random::<u32>() as usize) % n)
                .collect();
            p.item(list);
        }
        for prefer in Prefer::ALL {
            let s = p.solve(prefer, 10_000_000);
            assert!(s.exact);
            let covers = |set: &[usize]| (0..p.item_count()).all(|i| p.covers(set, i));
            assert!(covers(&s.chosen));
            for &out in &s.chosen {
                let without: Vec<usize> = s.chosen.iter().copied().filter(|&c| c != out).collect();
                assert!(!covers(&without), "{out} is redundant");
                for inn in 0..n {
                    if s.chosen.contains(&inn) {
                        continue;
                    }
                    let mut swapped = without.clone();
                    swapped.push(inn);
                    if covers(&swapped) {
                        assert!(
                            !p.cost(&swapped).is_better_than(s.cost, prefer),
                            "swapping {out} for {inn} is better"
                        );
                    }
                }
            }
        }
    }
}
