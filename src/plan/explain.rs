//! [`Explanation`]: why a plan is what it is. For each covered item, the scope that covers it
//! and each less privileged candidate, with what choosing it instead would leave uncovered and
//! the best set that contains it.

use super::cost::{Cost, Criterion};
use super::result::Plan;
use std::collections::HashMap;

/// Why a plan is what it is; see [`Plan::explain`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// One entry per covered item, in the order of [`Plan::items`].
    pub items: Vec<Why>,
}

/// Why one item is covered as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    /// Index into [`Plan::items`].
    pub item: usize,
    /// The chosen scope that covers it.
    pub covered_by: &'static str,
    /// Its candidates less privileged than `covered_by` (a lower counted level, or the same
    /// level and listed before it), none of which the plan could use instead.
    pub not_enough: Vec<Alternative>,
}

/// A less privileged candidate the plan did not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    /// Its name.
    pub name: &'static str,
    /// Its privilege level from the catalog.
    pub level: Option<u8>,
    /// The items (indices into [`Plan::items`]) that using it instead of the covering scope
    /// would leave uncovered: those only that scope covers in the plan, and this one does not.
    pub misses: Vec<usize>,
    /// The best set that contains it.
    pub best_with: Vec<&'static str>,
    /// What that set costs.
    pub cost: Cost,
    /// The part of the objective in which it is worse than the plan; `None` when it costs the
    /// same and lost on names.
    pub worse_in: Option<Criterion>,
    /// Whether `best_with` is proven best (the search stayed within its budget).
    pub exact: bool,
}

impl Plan {
    /// Why the plan is what it is: for each covered item, its scope and the less privileged
    /// candidates that would not have been enough overall. Runs one more search per such
    /// candidate (the best set that contains it).
    pub fn explain(&self) -> Explanation {
        explain(self)
    }
}

fn explain(plan: &Plan) -> Explanation {
    let problem = plan.problem();
    let chosen = plan.chosen();
    let prefer = plan.prefer();
    let mut best_with: HashMap<usize, (Vec<&'static str>, Cost, bool)> = HashMap::new();
    // One node budget for every search of the explanation together.
    let mut budget = plan.options().node_budget;
    let mut items = Vec::new();
    for (index, item) in plan.items().iter().enumerate() {
        let (Some(p), Some(scope)) = (plan.problem_item(index), plan.covered_by(index)) else {
            continue;
        };
        let Some(s) = chosen
            .iter()
            .copied()
            .find(|&c| problem.name(c) == scope.name)
        else {
            continue;
        };
        let list = problem.item_candidates(p);
        let place = |c: usize| list.iter().position(|&x| x == c).unwrap_or(usize::MAX);
        let key = |c: usize| (problem.level_key(c), place(c));
        let mut not_enough = Vec::new();
        for &c in list.iter().filter(|&&c| c != s && key(c) < key(s)) {
            let misses: Vec<usize> = (0..plan.items().len())
                .filter(|&j| {
                    plan.problem_item(j).is_some_and(|q| {
                        let cands = problem.item_candidates(q);
                        cands.contains(&s)
                            && !cands.contains(&c)
                            && !cands.iter().any(|x| *x != s && chosen.contains(x))
                    })
                })
                .collect();
            let (names, cost, exact) = best_with
                .entry(c)
                .or_insert_with(|| {
                    let sol = problem.solve_containing(prefer, budget, &[c]);
                    budget = budget.saturating_sub(sol.nodes);
                    let names = sol.chosen.iter().map(|&x| problem.name(x)).collect();
                    (names, sol.cost, sol.exact)
                })
                .clone();
            let candidate = item.candidates().iter().find(|x| x.name == problem.name(c));
            not_enough.push(Alternative {
                name: problem.name(c),
                level: candidate.and_then(|x| x.level),
                misses,
                best_with: names,
                worse_in: cost.decided_by(plan.cost(), prefer),
                cost,
                exact,
            });
        }
        items.push(Why {
            item: index,
            covered_by: scope.name,
            not_enough,
        });
    }
    Explanation { items }
}
