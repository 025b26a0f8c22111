//! A plan for a person: the scopes, what each covers and why no less privileged one does, the
//! items nothing covers, and what a recording held.

use super::view::{har_summary, View};
use crate::text::{list, words, wrap};
use msgraph_scopes::plan::{Alternative, Scope};
use std::fmt::Write;

/// The whole text.
pub fn render(view: &View<'_>) -> String {
    let plan = view.plan;
    let mut out = String::new();
    let _ = writeln!(out, "plan for {} ({})", view.config, view.heading());
    let cost = plan.cost();
    let summary = format!(
        "{} scope{}: highest privilege level {}, level sum {}; {}",
        cost.count,
        if cost.count == 1 { "" } else { "s" },
        cost.max_level,
        cost.level_sum,
        view.search()
    );
    wrap(&mut out, words(&summary), "", "    ");
    for scope in plan.scopes() {
        out.push('\n');
        let _ = writeln!(out, "{} ({})", scope.name, describe(scope));
        let covers = view.items(&scope.covers);
        let mut tokens = vec!["covers:".to_string()];
        tokens.extend(list(&covers));
        wrap(&mut out, tokens, "    ", "      ");
        for (alt, items) in alternatives(view, scope) {
            wrap(
                &mut out,
                words(&why_not(view, alt, &items)),
                "    ",
                "      ",
            );
        }
    }
    // Items nothing covers, grouped by reason.
    let mut uncovered: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, reason) in plan.uncovered() {
        let reason = reason.to_string();
        match uncovered.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, items)) => items.push(i),
            None => uncovered.push((reason, vec![i])),
        }
    }
    if !uncovered.is_empty() {
        let count: usize = uncovered.iter().map(|(_, items)| items.len()).sum();
        let _ = writeln!(out, "\nnot covered ({count}):");
        for (reason, items) in uncovered {
            wrap(&mut out, words(&format!("{reason}:")), "    ", "    ");
            // One line each: a recorded URL reads best unbroken.
            for item in view.items(&items) {
                let _ = writeln!(out, "      {item}");
            }
        }
    }
    if let Some(h) = view.har {
        out.push('\n');
        wrap(
            &mut out,
            words(&format!("recording {}", har_summary(h))),
            "",
            "    ",
        );
    }
    out
}

/// `level 3, admin consent`.
pub fn describe(scope: &Scope) -> String {
    let mut parts = vec![match scope.level {
        Some(l) => format!("level {l}"),
        None => "level not rated".to_string(),
    }];
    if scope.counted != scope.level {
        if let Some(c) = scope.counted {
            parts.push(format!("counted as {c}, the level of what it includes"));
        }
    }
    match scope.admin_consent {
        Some(true) => parts.push("admin consent".to_string()),
        Some(false) => parts.push("no admin consent".to_string()),
        None => {}
    }
    if scope.rsc {
        parts.push("resource-specific consent".to_string());
    }
    parts.join(", ")
}

/// The less privileged alternatives to `scope`, each with the items it was one for.
pub fn alternatives<'v>(view: &'v View<'_>, scope: &Scope) -> Vec<(&'v Alternative, Vec<usize>)> {
    let mut out: Vec<(&Alternative, Vec<usize>)> = Vec::new();
    for why in view.why.items.iter().filter(|w| w.covered_by == scope.name) {
        for alt in &why.not_enough {
            match out.iter_mut().find(|(a, _)| a.name == alt.name) {
                Some((_, items)) => items.push(why.item),
                None => out.push((alt, vec![why.item])),
            }
        }
    }
    out
}

/// `not Files.Read (level 2), for create /me/drive/root: ...`.
fn why_not(view: &View<'_>, alt: &Alternative, items: &[usize]) -> String {
    let level = alt
        .level
        .map_or_else(|| "level not rated".to_string(), |l| format!("level {l}"));
    let mut s = format!(
        "not {} ({level}, less privileged for {}):",
        alt.name,
        view.items(items).join(", ")
    );
    if !alt.misses.is_empty() {
        let _ = write!(
            s,
            " it does not cover {};",
            view.items(&alt.misses).join(", ")
        );
    }
    let plan = view.plan.cost();
    let _ = write!(
        s,
        " the best set with it, {}, {}",
        alt.best_with.join(", "),
        match alt.worse_in {
            Some(c) => format!(
                "is worse in its {} ({} against {})",
                c.describe(),
                alt.cost.part(c),
                plan.part(c)
            ),
            None => "costs the same and comes later by name".to_string(),
        }
    );
    if !alt.exact {
        s.push_str(" (not proven best: the search reached its bound)");
    }
    s.push('.');
    s
}
