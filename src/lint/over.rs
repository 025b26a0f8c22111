//! The `over-privileged` rule, decided by the [planner](crate::plan): the requested scopes are
//! over-privileged when the plan for what they cover, under the same preference, is strictly
//! better than they are.

use super::finding::Finding;
use super::input::Input;
use super::level::Level;
use super::rule_id::RuleId;
use super::scopes::{scope_finding, Resolved};
use crate::catalog::permission;
use crate::plan::{build, Built, Cost, Target};
use std::collections::HashSet;

/// Adds one `over-privileged` finding when a strictly better set covers everything the
/// requested scopes cover (`resolved` is `input.scopes`, resolved).
pub(super) fn over_privileged(input: &Input, resolved: &[Resolved], out: &mut Vec<Finding>) {
    // (index into input.scopes, catalog name, granted by resource-specific consent).
    let usable: Vec<(usize, &'static str, bool)> = resolved
        .iter()
        .enumerate()
        .filter(|(_, r)| r.usable)
        .filter_map(|(i, r)| r.name.map(|n| (i, n, r.rsc)))
        .collect();
    if usable.is_empty() {
        return;
    }
    // An app that requests a resource-specific-consent permission uses that model.
    let rsc = input.plan.rsc
        || usable
            .iter()
            .any(|(_, n, _)| permission(n).is_some_and(|p| p.is_rsc()));
    // Each target once: a config may repeat a subscription or a request.
    let mut seen: HashSet<Target> = HashSet::new();
    let targets: Vec<Target> = input
        .subscriptions
        .iter()
        .flat_map(|s| Target::lifecycle(&s.resource, &s.operations))
        .chain(
            input
                .requests
                .iter()
                .map(|r| Target::request(r.method, r.url.clone())),
        )
        .filter(|t| seen.insert(t.clone()))
        .collect();
    let Built {
        items,
        problem,
        problem_items,
    } = build(input.api, input.mode, &targets, rsc);
    // The items the requested scopes cover: a grant by resource-specific consent covers a
    // subscription only where its cell marks the permission so (a request cell lists such
    // permissions by name, and any grant of them counts).
    let covered: Vec<usize> = items
        .iter()
        .zip(&problem_items)
        .filter_map(|(item, q)| {
            let request = matches!(item.target(), Target::Request { .. });
            let hit = item.candidates().iter().any(|c| {
                usable
                    .iter()
                    .any(|&(_, n, by_rsc)| n == c.name && (!by_rsc || c.rsc || request))
            });
            q.filter(|_| hit)
        })
        .collect();
    if covered.is_empty() {
        return;
    }
    let mut requested: Vec<usize> = usable
        .iter()
        .filter_map(|(_, n, _)| problem.find(n))
        .collect();
    requested.sort_unstable();
    requested.dedup();
    let sub = problem.with_items(covered);
    let prefer = input.plan.prefer;
    let relevant: Vec<usize> = requested
        .iter()
        .copied()
        .filter(|&c| (0..sub.item_count()).any(|i| sub.item_candidates(i).contains(&c)))
        .collect();
    let asked: Cost = sub.cost(&relevant);
    let plan = sub.solve(prefer, input.plan.node_budget);
    let criterion = match plan.cost.decided_by(asked, prefer) {
        Some(c) if plan.cost.is_better_than(asked, prefer) => c,
        _ => return,
    };
    let names = |set: &[usize]| -> Vec<&str> {
        let mut v: Vec<&str> = set.iter().map(|&c| sub.name(c)).collect();
        v.sort_unstable();
        v
    };
    let planned = names(&plan.chosen);
    let mine = names(&relevant);
    let drop: Vec<&str> = mine
        .iter()
        .copied()
        .filter(|n| !planned.contains(n))
        .collect();
    let add: Vec<&str> = planned
        .iter()
        .copied()
        .filter(|n| !mine.contains(n))
        .collect();
    let change = if add.is_empty() {
        format!("drop {}", drop.join(", "))
    } else {
        format!("{} in place of {}", add.join(", "), drop.join(", "))
    };
    // Placed at the first requested scope the plan does without.
    let at = usable
        .iter()
        .find(|(_, n, _)| drop.contains(n))
        .or(usable.first())
        .map_or(0, |(i, _, _)| *i);
    let what = if input.requests.is_empty() {
        "the subscriptions"
    } else {
        "the subscriptions and requests"
    };
    let mut finding = scope_finding(
        input,
        at,
        RuleId::OverPrivileged,
        Level::Warning,
        format!(
            "{} {} more than {what} need ({prefer}): {} {} the same with {} ({}). \
             Change: {change}.",
            mine.join(", "),
            if mine.len() == 1 { "is" } else { "are" },
            planned.join(", "),
            if planned.len() == 1 {
                "covers"
            } else {
                "cover"
            },
            criterion.lower(),
            if plan.cost.to_string() == asked.to_string() {
                format!("both: {asked}")
            } else {
                format!("{}, against {asked}", plan.cost)
            },
        ),
    );
    finding.suggestion = Some(planned.join(", "));
    out.push(finding);
}
