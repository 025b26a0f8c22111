//! [`Plan`]: the chosen [`Scope`]s, what each covers, and the items nothing covers.

use super::cost::Cost;
use super::item::{scheme_for, Item, Reason};
use super::options::{Options, Prefer};
use super::problem::{Problem, Solution};
use crate::catalog;
use crate::{ApiVersion, AuthMode};

/// A chosen permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// Its name.
    pub name: &'static str,
    /// Its GUID under the plan's mode (the delegated scope's or the application role's), from
    /// the catalog.
    pub id: Option<&'static str>,
    /// Its privilege level under the mode, from the catalog.
    pub level: Option<u8>,
    /// The level the plan counts it at (see [`Candidate::counted`](super::Candidate::counted)).
    pub counted: Option<u8>,
    /// Whether an administrator must consent, where the catalog says.
    pub admin_consent: Option<bool>,
    /// Whether it is resource-specific consent (granted per team or chat in the Teams app
    /// manifest, not in the app registration).
    pub rsc: bool,
    /// The items it covers, as indices into [`Plan::items`]: each covered item is listed under
    /// exactly one scope, the first of its candidates that the plan chose.
    pub covers: Vec<usize>,
}

/// The least set of scopes for an app, with the items it covers and those it cannot.
#[derive(Debug, Clone)]
pub struct Plan {
    pub(super) api: ApiVersion,
    pub(super) mode: AuthMode,
    pub(super) options: Options,
    pub(super) items: Vec<Item>,
    pub(super) scopes: Vec<Scope>,
    pub(super) solution: Solution,
    pub(super) problem: Problem<'static>,
    pub(super) problem_items: Vec<Option<usize>>,
}

impl Plan {
    /// The API version planned for.
    pub fn api(&self) -> ApiVersion {
        self.api
    }

    /// The auth mode planned for.
    pub fn mode(&self) -> AuthMode {
        self.mode
    }

    /// The options it was made with.
    pub fn options(&self) -> Options {
        self.options
    }

    /// The trade-off it was made with.
    pub fn prefer(&self) -> Prefer {
        self.options.prefer
    }

    /// Every item, in the order of the targets.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The chosen scopes, sorted by name.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }

    /// What the chosen scopes cost.
    pub fn cost(&self) -> Cost {
        self.solution.cost
    }

    /// Whether the set is proven optimal. `false` when the search reached the node budget
    /// ([`Options::node_budget`]): the set then covers every coverable item, but is only the
    /// best the search found (a greedy cover, improved by the search).
    pub fn is_exact(&self) -> bool {
        self.solution.exact
    }

    /// Search nodes visited.
    pub fn nodes(&self) -> u64 {
        self.solution.nodes
    }

    /// The items nothing covers, with why, as (index into [`Plan::items`], reason).
    pub fn uncovered(&self) -> impl Iterator<Item = (usize, &Reason)> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| item.reason().map(|r| (i, r)))
    }

    /// The scope that covers item `index`: the first of its candidates the plan chose.
    pub fn covered_by(&self, index: usize) -> Option<&Scope> {
        self.scopes.iter().find(|s| s.covers.contains(&index))
    }

    /// The covering problem the plan solved (its items are the covered ones, in order), for
    /// checking a plan independently.
    pub fn problem(&self) -> &Problem<'static> {
        &self.problem
    }

    /// The problem's item for plan item `index`, if it has candidates.
    pub fn problem_item(&self, index: usize) -> Option<usize> {
        self.problem_items.get(index).copied().flatten()
    }

    /// The chosen candidates' indices in [`Plan::problem`], in the order of [`Plan::scopes`].
    pub(crate) fn chosen(&self) -> &[usize] {
        &self.solution.chosen
    }
}

/// The scopes of a solution, each with the items it covers first.
pub(super) fn scopes(
    items: &[Item],
    problem: &Problem<'static>,
    problem_items: &[Option<usize>],
    chosen: &[usize],
    mode: AuthMode,
) -> Vec<Scope> {
    let mut scopes: Vec<Scope> = chosen
        .iter()
        .map(|&c| {
            let name = problem.name(c);
            let info = catalog::permission(name);
            let scheme = info.and_then(|i| scheme_for(i, mode));
            let candidate = items
                .iter()
                .flat_map(|i| i.candidates())
                .find(|x| x.name == name);
            Scope {
                name,
                id: scheme.and_then(|s| s.id()),
                level: candidate.and_then(|x| x.level),
                counted: candidate.and_then(|x| x.counted),
                admin_consent: scheme.and_then(|s| s.admin_consent()),
                rsc: candidate.is_some_and(|x| x.rsc),
                covers: Vec::new(),
            }
        })
        .collect();
    for (index, p) in problem_items.iter().enumerate() {
        let Some(p) = *p else { continue };
        let first = problem
            .item_candidates(p)
            .iter()
            .find_map(|c| chosen.iter().position(|x| x == c));
        if let Some(scope) = first.and_then(|k| scopes.get_mut(k)) {
            scope.covers.push(index);
        }
    }
    scopes
}
