//! Subscription checks: for each operation of each subscription, is the resource subscribable,
//! is the auth mode supported, does a requested scope satisfy the cell, and are the change types
//! supported.

use super::finding::Finding;
use super::input::{Input, Subscription};
use super::level::Level;
use super::rule_id::RuleId;
use crate::implies::implies;
use crate::lookup::{lookup, Answer, LookupError};
use crate::second_source::AlsoAccepted;
use crate::table::{Permission, Permissions};
use crate::Operation;

/// A requested permission that grants something under the app's mode.
#[derive(Debug, Clone, Copy)]
pub(super) struct Grant {
    /// Its catalog name.
    pub(super) name: &'static str,
    /// Granted by resource-specific consent: it satisfies only the cells that mark it RSC.
    pub(super) rsc: bool,
}

impl Grant {
    /// Whether it is `p`, or (`broader`) a broader form of it; an RSC grant only where the cell
    /// marks `p` RSC.
    fn serves(self, p: Permission, broader: bool) -> bool {
        let named = if broader {
            implies(self.name, p.name())
        } else {
            self.name.eq_ignore_ascii_case(p.name())
        };
        named && (!self.rsc || p.is_rsc())
    }
}

/// One subscription finding before it is placed, with the operations it concerns.
struct Pending {
    rule: RuleId,
    level: Level,
    message: String,
    suggestion: Option<String>,
    ops: Vec<Operation>,
}

/// Per-subscription findings, each reported once with the operations it concerns.
struct Collected {
    items: Vec<Pending>,
}

impl Collected {
    fn add(
        &mut self,
        rule: RuleId,
        level: Level,
        message: String,
        suggestion: Option<String>,
        op: Operation,
    ) {
        let same =
            |p: &&mut Pending| p.rule == rule && p.message == message && p.suggestion == suggestion;
        match self.items.iter_mut().find(same) {
            Some(p) => p.ops.push(op),
            None => self.items.push(Pending {
                rule,
                level,
                message,
                suggestion,
                ops: vec![op],
            }),
        }
    }
}

/// Checks one subscription, adding the names its cells list to `needed`.
pub(super) fn check_subscription(
    input: &Input,
    index: usize,
    sub: &Subscription,
    usable: &[Grant],
    needed: &mut Vec<&'static str>,
    out: &mut Vec<Finding>,
) {
    let ops: &[Operation] = if sub.operations.is_empty() {
        &Operation::LIFECYCLE
    } else {
        &sub.operations
    };
    let mode = input.mode;
    let mut c = Collected { items: Vec::new() };
    for &op in ops {
        match lookup(input.api, op, &sub.resource, mode) {
            Err(LookupError::InvalidResource(e)) => {
                c.add(
                    RuleId::InvalidResource,
                    Level::Error,
                    format!(
                        "`{}` is not a resource path: {e}{}",
                        sub.resource,
                        did_you_mean(&sub.resource, input, op)
                    ),
                    None,
                    op,
                );
            }
            Err(LookupError::UnknownResource) => c.add(
                RuleId::UnknownResource,
                Level::Error,
                unknown_message(&sub.resource, input, op),
                None,
                op,
            ),
            Err(LookupError::NotSupported { row, .. }) => c.add(
                RuleId::ModeNotSupported,
                Level::Error,
                if row.title() == row.resource_type() {
                    format!("{mode} is not supported for {}", row.resource_type())
                } else {
                    format!(
                        "{mode} is not supported for {} ({})",
                        row.resource_type(),
                        row.title()
                    )
                },
                None,
                op,
            ),
            Ok(answer) => {
                let cell = answer.permissions();
                needed.extend(cell.iter().map(|p| p.name()));
                if let Some(also) = second_source(&answer, usable) {
                    needed.push(also.name());
                    c.add(
                        RuleId::AcceptedBySecondSource,
                        Level::Info,
                        format!(
                            "{} is accepted by {} ({}{}), but the {} table's {mode} cell lists only {cell}",
                            also.name(),
                            also.source().file(),
                            also.source().heading(),
                            if also.is_rsc() { "; resource-specific consent" } else { "" },
                            input.api,
                        ),
                        None,
                        op,
                    );
                } else {
                    satisfy(&mut c, cell, usable, op);
                }
                if let Some(retired) = crate::retired_name(&sub.resource) {
                    c.add(
                        RuleId::RetiredName,
                        Level::Warning,
                        format!(
                            "`{}` sits where an id goes, but it is a name Graph retired; subscribe to {} instead ({})",
                            retired.name(),
                            retired.current(),
                            retired.source()
                        ),
                        Some(String::from(retired.current())),
                        op,
                    );
                }
                for rule in answer.rules() {
                    c.add(
                        RuleId::Docs(rule),
                        Level::of(rule.severity()),
                        String::from(rule.message()),
                        None,
                        op,
                    );
                }
                let supported = answer.row().change_types();
                for &ct in &sub.change_types {
                    if !supported.contains(ct) {
                        c.add(
                            RuleId::ChangeTypeUnsupported,
                            Level::Error,
                            format!(
                                "{} subscriptions support only the change types {supported}, not {ct}",
                                answer.row().resource_type()
                            ),
                            None,
                            op,
                        );
                    }
                }
            }
        }
    }
    for Pending {
        rule,
        level,
        message,
        suggestion,
        ops,
    } in c.items
    {
        let names: Vec<&str> = ops.iter().map(|op| op.as_str()).collect();
        let all = ops.len() == ops_len(sub);
        let scope = if all && ops.len() > 1 {
            String::from("every operation")
        } else {
            names.join(", ")
        };
        let message = format!("{} (for {scope}).", message.trim_end_matches('.'));
        out.push(Finding {
            rule,
            level,
            message,
            suggestion,
            subscription: Some(index),
            request: None,
            scope: None,
            location: sub.location,
            file: None,
        });
    }
}

/// A permission a second source accepts that a requested scope is, when no requested scope
/// satisfies the table's cell itself (or a broader form of it).
fn second_source(answer: &Answer<'_>, usable: &[Grant]) -> Option<AlsoAccepted> {
    let cell = answer.permissions();
    let covered = usable
        .iter()
        .any(|u| cell.iter().any(|p| u.serves(p, true)));
    if covered {
        return None;
    }
    // A resource-specific-consent grant serves only what the second source marks RSC.
    answer.also_accepted().find(|a| {
        usable
            .iter()
            .any(|u| u.name.eq_ignore_ascii_case(a.name()) && (!u.rsc || a.is_rsc()))
    })
}

/// Why a resource matches no row: the reason the docs give for a refused form, the tables that
/// have it when others do, or that it is not subscribable.
fn unknown_message(resource: &str, input: &Input, op: Operation) -> String {
    let Ok(resolved) = crate::resolve(resource) else {
        return format!(
            "`{resource}` is not subscribable in {}{}",
            input.api,
            did_you_mean(resource, input, op)
        );
    };
    if let Some(refusal) = resolved.refusal(input.mode) {
        return format!(
            "`{resource}` is not subscribable in {}: under {} {} ({})",
            input.api,
            input.mode,
            refusal.reason(),
            refusal.source()
        );
    }
    let elsewhere = resolved.elsewhere(input.api, op);
    let hint = match elsewhere {
        Some(_) => String::new(),
        None => did_you_mean(resource, input, op),
    };
    let base = match elsewhere {
        Some(other) if other.operation() == op => format!(
            "`{resource}` is not subscribable in {}; the {} table has it",
            input.api,
            other.api()
        ),
        Some(other) => format!(
            "`{resource}` is not subscribable in {} for this operation; the {} {} table has it",
            input.api,
            other.api(),
            other.operation()
        ),
        None => format!("`{resource}` is not subscribable in {}", input.api),
    };
    base + &hint
}

/// ` (did you mean A or B?)` with the nearest templates (feature `suggest`), or nothing.
#[cfg(feature = "suggest")]
fn did_you_mean(resource: &str, input: &Input, op: Operation) -> String {
    let found = crate::suggest::suggest(resource, input.api, op);
    let names: Vec<String> = found
        .iter()
        .map(|s| {
            if s.in_table(input.api, op) {
                s.template.clone()
            } else if s.found_in.operation() == op {
                format!("{} (the {} table)", s.template, s.found_in.api())
            } else {
                format!(
                    "{} (the {} {} table)",
                    s.template,
                    s.found_in.api(),
                    s.found_in.operation()
                )
            }
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!(" (did you mean {one}?)"),
        [init @ .., last] => format!(" (did you mean {} or {last}?)", init.join(", ")),
    }
}

/// Without the `suggest` feature: nothing.
#[cfg(not(feature = "suggest"))]
fn did_you_mean(_resource: &str, _input: &Input, _op: Operation) -> String {
    String::new()
}

fn ops_len(sub: &Subscription) -> usize {
    if sub.operations.is_empty() {
        Operation::LIFECYCLE.len()
    } else {
        sub.operations.len()
    }
}

/// Whether a requested scope satisfies the cell, itself or as a broader form of a listed
/// permission (`Mail.ReadWrite` for `Mail.Read`). Whether a less privileged set would do is
/// the planner's question, asked once for the whole app (`over`).
fn satisfy(c: &mut Collected, cell: Permissions, usable: &[Grant], op: Operation) {
    if usable
        .iter()
        .any(|u| cell.iter().any(|p| u.serves(p, true)))
    {
        return;
    }
    let least = cell.least();
    // Resource-specific consent is granted per team or chat, a different model: suggest it only
    // beside the least privileged tenant-wide permission.
    let tenant_wide = cell.iter().find(|p| !p.is_rsc()).unwrap_or(least);
    let mut message = format!(
        "no requested scope satisfies it; add {}",
        tenant_wide.name()
    );
    if least.is_rsc() && least != tenant_wide {
        message.push_str(&format!(
            " (or the resource-specific consent {})",
            least.name()
        ));
    }
    c.add(
        RuleId::MissingScope,
        Level::Error,
        message,
        Some(tenant_wide.name().to_owned()),
        op,
    );
}
