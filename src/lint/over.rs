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
    let usable: Vec<(usize, &'static str)> = resolved
        .iter()
        .enumerate()
        .filter(|(_, r)| r.usable)
        .filter_map(|(i, r)| r.name.map(|n| (i, n)))
        .collect();
    if usable.is_empty() {
        return;
    }
    // An app that requests a resource-specific-consent permission uses that model.
    let rsc = input.plan.rsc
        || usable
            .iter()
            .any(|(_, n)| permission(n).is_some_and(|p| p.is_rsc()));
    // Each (resource, operation) once: a config may repeat a subscription.
    let mut seen: HashSet<Target> = HashSet::new();
    let targets: Vec<Target> = input
        .subscriptions
        .iter()
        .flat_map(|s| Target::lifecycle(&s.resource, &s.operations))
        .filter(|t| seen.insert(t.clone()))
        .collect();
    let Built { problem, .. } = build(input.api, input.mode, &targets, rsc);
    let mut requested: Vec<usize> = usable.iter().filter_map(|(_, n)| problem.find(n)).collect();
    requested.sort_unstable();
    requested.dedup();
    let covered: Vec<usize> = (0..problem.item_count())
        .filter(|&i| problem.covers(&requested, i))
        .collect();
    if covered.is_empty() {
        return;
    }
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
        .find(|(_, n)| drop.contains(n))
        .or(usable.first())
        .map_or(0, |(i, _)| *i);
    let mut finding = scope_finding(
        input,
        at,
        RuleId::OverPrivileged,
        Level::Warning,
        format!(
            "{} {} more than the subscriptions need ({prefer}): {} {} the same with {} ({}). \
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
