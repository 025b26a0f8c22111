//! The least set of scopes for a whole app ([`plan()`]): one set that covers every operation of
//! every subscription, under the app's auth mode, found exactly and explained.
//!
//! Needs the `std` feature.
//!
//! # Items and candidates
//!
//! Each [`Target`] becomes an [`Item`]: one operation of one subscription (the whole
//! lifecycle, create, update, reauthorize and delete, unless the app lists its operations), or
//! one request. An item's candidates are the permissions its cell lists, least privileged
//! first (a subscription's from the docs' tables, a request's from the permission catalog's
//! path sets, see [`request`](crate::request())), then the catalog's broader forms of those
//! (`Mail.ReadWrite` for `Mail.Read`, which the lint accepts too). Resource-specific-consent
//! permissions are candidates only when [`Options::rsc`] allows them. An item no candidate
//! covers is listed with its [`Reason`] (the mode is not supported, `/me` under application
//! permissions or another error rule of the docs, an unknown resource or request, only
//! resource-specific consent); the plan covers the rest.
//!
//! # The objective
//!
//! Every permission has a privilege level from Microsoft's catalog, 1 (lowest) to 4; a
//! permission counts at least the level of every permission it includes, and one the catalog
//! gives no level counts as [`UNKNOWN_LEVEL`] (5). A set of scopes is scored by its [`Cost`]:
//! the highest level in it, the sum of its levels, its size, and its docs rank (the sum, over
//! its scopes, of the latest place a cell lists each: 0 when every scope is listed first). The
//! plan is the set, among those covering every coverable item, that is least in this order:
//!
//! | `prefer` | compared first | then | then | then |
//! |---|---|---|---|---|
//! | [`Prefer::LeastPrivilege`] (default) | highest level | sum of levels | number of scopes | docs rank |
//! | [`Prefer::FewestScopes`] | number of scopes | highest level | sum of levels | docs rank |
//!
//! and, of sets equal in all four, the one without the alphabetically last name in which they
//! differ. The docs rank tells apart scopes the catalog rates alike (`Mail.ReadBasic` and
//! `Mail.Read` are both level 2 delegated): the docs list the less privileged first.
//!
//! # The search
//!
//! The highest level is settled first (every item needs one of its candidates, so under
//! `least-privilege` it is the highest of the items' least levels); the rest are sums, so items
//! that share no candidate are solved apart. Each group is reduced (an item with one candidate
//! left takes it; an item whose candidates include another's is covered with it; a candidate
//! another covers more of, for less, is dropped), then searched by branch and bound over the
//! candidates of the item with fewest left, bounded below by items that share no candidate.
//! The answer is exact unless the search visits more than [`Options::node_budget`] nodes; it
//! then keeps the best cover found, a greedy one (the lowest weight per newly covered item,
//! redundant scopes dropped) improved by the search so far, and [`Plan::is_exact`] says so.
//!
//! ```
//! use msgraph_scopes::plan::{plan, Options, Prefer, Target};
//! use msgraph_scopes::{ApiVersion, AuthMode, Operation};
//!
//! // A OneDrive sync app on personal accounts: create needs Files.Read, renewing and
//! // reauthorizing need Files.ReadWrite, which includes Files.Read.
//! let targets = Target::lifecycle("/me/drive/root", &[]);
//! let p = plan(ApiVersion::V1, AuthMode::DelegatedPersonal, &targets, Options::default());
//! let names: Vec<&str> = p.scopes().iter().map(|s| s.name).collect();
//! assert_eq!(names, ["Files.ReadWrite"]);
//! assert_eq!(p.cost().max_level, 2);
//! assert!(p.is_exact());
//!
//! // Under application permissions `/me` means nobody: the items are listed, not covered.
//! let daemon = plan(ApiVersion::V1, AuthMode::Application, &targets, Options::default());
//! assert!(daemon.scopes().is_empty());
//! assert_eq!(daemon.uncovered().count(), 4);
//!
//! // Why: for create, Files.Read is less privileged, but the best set with it needs
//! // Files.ReadWrite as well.
//! let why = p.explain();
//! let create = &why.items[0];
//! assert_eq!(create.covered_by, "Files.ReadWrite");
//! assert_eq!(create.not_enough[0].name, "Files.Read");
//! assert_eq!(create.not_enough[0].best_with, ["Files.Read", "Files.ReadWrite"]);
//! ```
//!
//! The modules: `target` ([`Target`]), `item` (items, candidates, reasons), `build` (looking
//! the targets up), `problem` (the
//! covering [`Problem`], independent of Graph), `cost` ([`Cost`]), `solver` and `search` (the
//! exact search), `result` ([`Plan`]) and `explain` ([`Explanation`]).

mod bits;
mod build;
mod cost;
mod explain;
mod item;
mod options;
mod problem;
mod result;
mod search;
mod solver;
mod target;

pub use cost::{Cost, Criterion, UNKNOWN_LEVEL};
pub use explain::{Alternative, Explanation, Why};
pub use item::{Candidate, Item, Reason};
pub use options::{Options, Prefer, DEFAULT_NODE_BUDGET};
pub use problem::{Problem, Solution};
pub use result::{Plan, Scope};
pub use target::Target;

pub(crate) use build::{build, Built};

use crate::{ApiVersion, AuthMode};

/// Plans the scopes for `targets` under `mode` (see the [module docs](self) for the
/// objective).
pub fn plan(api: ApiVersion, mode: AuthMode, targets: &[Target], options: Options) -> Plan {
    let Built {
        items,
        problem,
        problem_items,
    } = build(api, mode, targets, options.rsc);
    let solution = problem.solve(options.prefer, options.node_budget);
    let scopes = result::scopes(&items, &problem, &problem_items, &solution.chosen, mode);
    Plan {
        api,
        mode,
        options,
        items,
        scopes,
        solution,
        problem,
        problem_items,
    }
}
