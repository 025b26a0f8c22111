//! A plan as one JSON object: `{"api", "mode", "prefer", "scopes", "uncovered", ...}`, keys in
//! this order (struct field order).

use super::view::{approximation, View};
use msgraph_scopes::plan::{Cost, Reason};
use serde::Serialize;

#[derive(Serialize)]
struct PlanJson<'a> {
    api: &'static str,
    mode: &'static str,
    prefer: &'static str,
    scopes: Vec<ScopeJson>,
    uncovered: Vec<UncoveredJson>,
    objective: CostJson,
    exact: bool,
    search: SearchJson,
    rsc: bool,
    items: Vec<ItemJson>,
    config: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    har: Option<HarJson<'a>>,
}

#[derive(Serialize)]
struct ScopeJson {
    name: &'static str,
    id: Option<&'static str>,
    privilege_level: Option<u8>,
    counted_level: Option<u8>,
    admin_consent: Option<bool>,
    rsc: bool,
    covers: Vec<String>,
}

#[derive(Serialize)]
struct UncoveredJson {
    item: String,
    reason: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct CostJson {
    max_privilege_level: u8,
    privilege_level_sum: u32,
    scope_count: u32,
    docs_rank: u32,
}

impl From<Cost> for CostJson {
    fn from(c: Cost) -> Self {
        CostJson {
            max_privilege_level: c.max_level,
            privilege_level_sum: c.level_sum,
            scope_count: c.count,
            docs_rank: c.docs_rank,
        }
    }
}

#[derive(Serialize)]
struct SearchJson {
    nodes: u64,
    node_budget: u64,
    approximation: Option<String>,
}

#[derive(Serialize)]
struct ItemJson {
    item: String,
    covered_by: Option<&'static str>,
    candidates: Vec<CandidateJson>,
    not_enough: Vec<AlternativeJson>,
}

#[derive(Serialize)]
struct CandidateJson {
    name: &'static str,
    privilege_level: Option<u8>,
    listed: bool,
}

#[derive(Serialize)]
struct AlternativeJson {
    name: &'static str,
    privilege_level: Option<u8>,
    misses: Vec<String>,
    best_with: Vec<&'static str>,
    objective: CostJson,
    worse_in: Option<&'static str>,
    exact: bool,
}

#[derive(Serialize)]
struct HarJson<'a> {
    file: &'a str,
    entries: usize,
    graph_requests: usize,
    batches: usize,
    batched_requests: usize,
    subscriptions: usize,
    subscription_calls: usize,
    repeats: usize,
    preflights: usize,
    unreadable_batches: usize,
    unreadable_urls: usize,
    other_hosts: &'a std::collections::BTreeMap<String, usize>,
    other_methods: &'a std::collections::BTreeMap<String, usize>,
}

/// The object, on one line.
pub fn render(view: &View<'_>) -> String {
    let plan = view.plan;
    let labels = |v: &[usize]| -> Vec<String> { v.iter().map(|&i| view.item(i)).collect() };
    let json = PlanJson {
        api: plan.api().as_str(),
        mode: plan.mode().as_str(),
        prefer: plan.prefer().as_str(),
        scopes: plan
            .scopes()
            .iter()
            .map(|s| ScopeJson {
                name: s.name,
                id: s.id,
                privilege_level: s.level,
                counted_level: s.counted,
                admin_consent: s.admin_consent,
                rsc: s.rsc,
                covers: labels(&s.covers),
            })
            .collect(),
        uncovered: plan
            .uncovered()
            .map(|(i, r): (usize, &Reason)| UncoveredJson {
                item: view.item(i),
                reason: r.to_string(),
                kind: r.kind(),
            })
            .collect(),
        objective: plan.cost().into(),
        exact: plan.is_exact(),
        search: SearchJson {
            nodes: plan.nodes(),
            node_budget: plan.options().node_budget,
            approximation: (!plan.is_exact()).then(|| approximation(plan)),
        },
        rsc: plan.options().rsc,
        items: plan
            .items()
            .iter()
            .enumerate()
            .filter(|(_, item)| item.reason().is_none())
            .map(|(i, item)| ItemJson {
                item: view.item(i),
                covered_by: plan.covered_by(i).map(|s| s.name),
                candidates: item
                    .candidates()
                    .iter()
                    .map(|c| CandidateJson {
                        name: c.name,
                        privilege_level: c.level,
                        listed: c.listed,
                    })
                    .collect(),
                not_enough: view
                    .why
                    .items
                    .iter()
                    .filter(|w| w.item == i)
                    .flat_map(|w| &w.not_enough)
                    .map(|a| AlternativeJson {
                        name: a.name,
                        privilege_level: a.level,
                        misses: labels(&a.misses),
                        best_with: a.best_with.clone(),
                        objective: a.cost.into(),
                        worse_in: a.worse_in.map(|c| c.as_str()),
                        exact: a.exact,
                    })
                    .collect(),
            })
            .collect(),
        config: view.config,
        har: view.har.map(|h| HarJson {
            file: &h.file,
            entries: h.entries,
            graph_requests: h.graph_requests,
            batches: h.batches,
            batched_requests: h.batched_requests,
            subscriptions: h.subscriptions,
            subscription_calls: h.subscription_calls,
            repeats: h.repeats,
            preflights: h.preflights,
            unreadable_batches: h.unreadable_batches,
            unreadable_urls: h.unreadable_urls,
            other_hosts: &h.other_hosts,
            other_methods: &h.other_methods,
        }),
    };
    crate::json::line(&json)
}
