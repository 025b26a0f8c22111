//! What every rendering of a plan reads: the plan, its explanation, the config's name and what
//! an HTTP Archive held; and the words they share.

use super::har::Stats;
use msgraph_scopes::plan::{Explanation, Plan, Target};

/// A plan as the renderers see it.
pub struct View<'a> {
    /// The config as named.
    pub config: &'a str,
    /// The plan.
    pub plan: &'a Plan,
    /// Why it is what it is.
    pub why: &'a Explanation,
    /// What `--har` read, when given.
    pub har: Option<&'a Stats>,
}

impl View<'_> {
    /// The label of item `index` (`create /users/{id}/messages`).
    pub fn item(&self, index: usize) -> String {
        self.plan
            .items()
            .get(index)
            .map(|i| i.target().to_string())
            .unwrap_or_default()
    }

    /// Items for reading: a subscription's operations grouped after its resource
    /// (`/users (create, update)`), requests as they are, in the order first met.
    pub fn items(&self, indices: &[usize]) -> Vec<String> {
        let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
        for &i in indices {
            let Some(item) = self.plan.items().get(i) else {
                continue;
            };
            match item.target() {
                Target::Subscription {
                    resource,
                    operation,
                } => match groups
                    .iter_mut()
                    .find(|(r, ops)| r == resource && !ops.is_empty())
                {
                    Some((_, ops)) => ops.push(operation.as_str()),
                    None => groups.push((resource.clone(), vec![operation.as_str()])),
                },
                request => groups.push((request.to_string(), Vec::new())),
            }
        }
        groups
            .into_iter()
            .map(|(r, ops)| {
                if ops.is_empty() {
                    r
                } else {
                    format!("{r} ({})", ops.join(", "))
                }
            })
            .collect()
    }

    /// `v1.0, application, least-privilege`.
    pub fn heading(&self) -> String {
        format!(
            "{}, {}, {}",
            self.plan.api(),
            self.plan.mode(),
            self.plan.prefer()
        )
    }

    /// What the search did: `optimal (exact search, 12 nodes)`, or the approximation it fell
    /// back to.
    pub fn search(&self) -> String {
        if self.plan.is_exact() {
            format!("optimal (exact search, {} nodes)", self.plan.nodes())
        } else {
            format!("approximate: {}", approximation(self.plan))
        }
    }
}

/// What a plan that passed its node budget is.
pub fn approximation(plan: &Plan) -> String {
    let budget = plan.options().node_budget;
    format!(
        "the exact search passed its bound of {budget} node{}; this is the best cover it found \
         (a greedy cover, improved by the search), not proven optimal",
        if budget == 1 { "" } else { "s" }
    )
}

/// One line on what an archive held and what was ignored.
pub fn har_summary(h: &Stats) -> String {
    let mut s = format!(
        "{}: {} entries, {} Microsoft Graph requests",
        h.file, h.entries, h.graph_requests
    );
    if h.batches > 0 {
        s.push_str(&format!(
            " ({} inside {} $batch request{})",
            h.batched_requests,
            h.batches,
            if h.batches == 1 { "" } else { "s" }
        ));
    }
    if h.subscriptions > 0 {
        s.push_str(&format!(
            ", {} creating {}",
            h.subscriptions,
            if h.subscriptions == 1 {
                "a subscription"
            } else {
                "subscriptions"
            }
        ));
    }
    if h.subscription_calls > 0 {
        s.push_str(&format!(
            ", {} on existing subscriptions (planned as their subscriptions' lifecycles)",
            h.subscription_calls
        ));
    }
    if h.repeats > 0 {
        s.push_str(&format!(", {} repeated", h.repeats));
    }
    let mut ignored: Vec<String> = Vec::new();
    let others: usize = h.other_hosts.values().sum();
    if others > 0 {
        let hosts: Vec<String> = h
            .other_hosts
            .iter()
            .map(|(host, n)| format!("{host} {n}"))
            .collect();
        ignored.push(format!("{others} to other hosts ({})", hosts.join(", ")));
    }
    if h.preflights > 0 {
        ignored.push(format!("{} CORS preflights", h.preflights));
    }
    if h.unreadable_urls > 0 {
        ignored.push(format!("{} with an unreadable URL", h.unreadable_urls));
    }
    let odd: usize = h.other_methods.values().sum();
    if odd > 0 {
        let methods: Vec<String> = h
            .other_methods
            .iter()
            .map(|(m, n)| format!("{m} {n}"))
            .collect();
        ignored.push(format!(
            "{odd} with a method the permission catalog has no paths for ({})",
            methods.join(", ")
        ));
    }
    if !ignored.is_empty() {
        s.push_str(&format!("; ignored: {}", ignored.join(", ")));
    }
    if h.unreadable_batches > 0 {
        s.push_str(&format!(
            "; {} $batch bod{} could not be read (listed as requests)",
            h.unreadable_batches,
            if h.unreadable_batches == 1 {
                "y"
            } else {
                "ies"
            }
        ));
    }
    s
}

/// Stderr lines for the formats that carry only the scopes: what the output cannot say.
pub fn notes(view: &View<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if !view.plan.is_exact() {
        out.push(format!(
            "warning: approximate plan: {}",
            approximation(view.plan)
        ));
    }
    for (i, reason) in view.plan.uncovered() {
        out.push(format!("error: not covered: {}: {reason}", view.item(i)));
    }
    if let Some(h) = view.har {
        out.push(format!("note: {}", har_summary(h)));
    }
    out
}
