//! A plan's [`Item`]s: each target with its candidate permissions from the tables, or the
//! [`Reason`] no permission covers it; and building them into a [`Problem`].

use super::problem::Problem;
use super::target::Target;
use crate::catalog::{PermissionInfo, Scheme};
use crate::implies::{broader, narrower};
use crate::lookup::{lookup, LookupError};
use crate::rules::{Rule, Severity};
use crate::{ApiVersion, AuthMode, PathError};
use core::fmt;
use std::collections::HashMap;

/// One permission that covers an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// The permission's name.
    pub name: &'static str,
    /// Its privilege level under the plan's mode, from the catalog.
    pub level: Option<u8>,
    /// The level the plan counts it at: its own, or the highest of the permissions it
    /// includes where the catalog rates one of those higher (in application mode the catalog
    /// gives `Calendars.ReadWrite` level 3 and `Calendars.Read` 4; both count as 4). `None`
    /// when the catalog gives it no level ([`UNKNOWN_LEVEL`](super::UNKNOWN_LEVEL)).
    pub counted: Option<u8>,
    /// Whether it is resource-specific consent.
    pub rsc: bool,
    /// `true` when the docs' cell lists it; `false` for a broader form of a listed permission
    /// (`Mail.ReadWrite` for `Mail.Read`, see [`lint::implies`](crate::lint::implies)), which
    /// works too.
    pub listed: bool,
}

/// Why no permission covers an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The resource string is not a resource path.
    InvalidResource(PathError),
    /// No row of the operation's table matches the resource.
    UnknownResource {
        /// The API version asked about.
        api: ApiVersion,
    },
    /// The docs say the mode is not supported for the resource.
    NotSupported {
        /// The mode.
        mode: AuthMode,
        /// The row's resource type.
        resource_type: &'static str,
    },
    /// A docs rule says the call cannot work as declared (`/me` under application
    /// permissions).
    ErrorRule {
        /// The rule's id (`me-needs-delegated`).
        id: &'static str,
        /// What it says.
        message: &'static str,
    },
    /// Only resource-specific-consent permissions grant it, and the plan may not use them
    /// ([`Options::rsc`](super::Options::rsc)).
    RscOnly(Vec<&'static str>),
    /// A request: the planner has permission data for subscription operations only so far.
    NoRequestMatrix,
}

impl Reason {
    /// A short stable name: `invalid_resource`, `unknown_resource`, `not_supported`,
    /// `error_rule`, `rsc_only`, `no_request_matrix`.
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::InvalidResource(_) => "invalid_resource",
            Reason::UnknownResource { .. } => "unknown_resource",
            Reason::NotSupported { .. } => "not_supported",
            Reason::ErrorRule { .. } => "error_rule",
            Reason::RscOnly(_) => "rsc_only",
            Reason::NoRequestMatrix => "no_request_matrix",
        }
    }

    /// Whether the reason is this version's want of data ([`Reason::NoRequestMatrix`]) rather
    /// than something the app declares that cannot work as declared, or needs a grant the plan
    /// was not allowed to use.
    pub fn is_not_yet_coverable(&self) -> bool {
        matches!(self, Reason::NoRequestMatrix)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::InvalidResource(e) => write!(f, "not a resource path: {e}"),
            Reason::UnknownResource { api } => {
                write!(f, "no subscribable resource matches it in {api}")
            }
            Reason::NotSupported {
                mode,
                resource_type,
            } => write!(
                f,
                "the docs say {mode} is not supported for {resource_type}"
            ),
            Reason::ErrorRule { id, message } => {
                write!(f, "{} ({id})", message.trim_end_matches('.'))
            }
            Reason::RscOnly(names) => write!(
                f,
                "only resource-specific consent grants it ({}), which the plan uses only when \
                 allowed (`rsc: true`)",
                names.join(", ")
            ),
            Reason::NoRequestMatrix => f.write_str(
                "not yet coverable: this version knows the permissions of subscription \
                 operations only, not yet those of other Graph requests (listed so that none \
                 is lost)",
            ),
        }
    }
}

/// One item of a plan: a target, and either its candidates, least privileged first, or why
/// nothing covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub(super) target: Target,
    pub(super) candidates: Vec<Candidate>,
    pub(super) reason: Option<Reason>,
}

impl Item {
    /// What the app does.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The permissions that cover it: the docs' cell, least privileged first, then the broader
    /// forms of those (empty when [`reason`](Item::reason) says why none does).
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Why nothing covers it, if so.
    pub fn reason(&self) -> Option<&Reason> {
        self.reason.as_ref()
    }
}

/// The scheme of `info` that serves `mode` (a delegated-personal cell falls back to the
/// delegated scope, which both delegated modes share).
pub(crate) fn scheme_for(info: PermissionInfo, mode: AuthMode) -> Option<Scheme> {
    info.scheme(mode).or_else(|| match mode {
        AuthMode::DelegatedPersonal => info.scheme(AuthMode::DelegatedWork),
        _ => None,
    })
}

fn level(info: Option<PermissionInfo>, mode: AuthMode) -> Option<u8> {
    info.and_then(|i| scheme_for(i, mode))
        .and_then(Scheme::privilege_level)
}

/// The level a permission counts at (see [`Candidate::counted`]).
fn counted(info: Option<PermissionInfo>, mode: AuthMode) -> Option<u8> {
    let own = level(info, mode)?;
    let name = info.map_or("", PermissionInfo::name);
    Some(
        narrower(name)
            .into_iter()
            .filter_map(|n| level(Some(n), mode))
            .fold(own, u8::max),
    )
}

/// The items of `targets`, and the problem of covering those that can be.
pub(crate) struct Built {
    pub(crate) items: Vec<Item>,
    pub(crate) problem: Problem<'static>,
    /// Each item's index in the problem, for items with candidates.
    pub(crate) problem_items: Vec<Option<usize>>,
}

/// Looks every target up under `mode` and gives its candidates or its reason.
pub(crate) fn build(api: ApiVersion, mode: AuthMode, targets: &[Target], rsc: bool) -> Built {
    let mut problem = Problem::new();
    let mut items = Vec::with_capacity(targets.len());
    let mut problem_items = Vec::with_capacity(targets.len());
    let mut broader_cache: HashMap<&'static str, Vec<PermissionInfo>> = HashMap::new();
    // Levels per name: the same permissions recur in item after item.
    let mut levels: HashMap<&'static str, (Option<u8>, Option<u8>)> = HashMap::new();
    let mut rate = |name: &'static str, info: Option<PermissionInfo>| {
        *levels
            .entry(name)
            .or_insert_with(|| (level(info, mode), counted(info, mode)))
    };
    for target in targets {
        let (candidates, reason) = match target {
            Target::Request { .. } => (Vec::new(), Some(Reason::NoRequestMatrix)),
            Target::Subscription {
                resource,
                operation,
            } => match lookup(api, *operation, resource, mode) {
                Err(LookupError::InvalidResource(e)) => {
                    (Vec::new(), Some(Reason::InvalidResource(e)))
                }
                Err(LookupError::UnknownResource) => {
                    (Vec::new(), Some(Reason::UnknownResource { api }))
                }
                Err(LookupError::NotSupported { row, .. }) => (
                    Vec::new(),
                    Some(Reason::NotSupported {
                        mode,
                        resource_type: row.resource_type(),
                    }),
                ),
                Ok(answer) => {
                    match answer
                        .rules()
                        .find(|r: &Rule| r.severity() == Severity::Error)
                    {
                        Some(rule) => (
                            Vec::new(),
                            Some(Reason::ErrorRule {
                                id: rule.id(),
                                message: rule.message(),
                            }),
                        ),
                        None => {
                            let mut list: Vec<Candidate> = Vec::new();
                            for p in answer.permissions().iter().filter(|p| rsc || !p.is_rsc()) {
                                let (level, counted) = rate(p.name(), p.info());
                                list.push(Candidate {
                                    name: p.name(),
                                    level,
                                    counted,
                                    rsc: p.is_rsc(),
                                    listed: true,
                                });
                            }
                            let listed: Vec<&'static str> = list.iter().map(|c| c.name).collect();
                            for name in listed {
                                let forms =
                                    broader_cache.entry(name).or_insert_with(|| broader(name));
                                for info in forms.iter().copied() {
                                    let usable =
                                        scheme_for(info, mode).is_some() && (rsc || !info.is_rsc());
                                    if usable && !list.iter().any(|c| c.name == info.name()) {
                                        let (level, counted) = rate(info.name(), Some(info));
                                        list.push(Candidate {
                                            name: info.name(),
                                            level,
                                            counted,
                                            rsc: info.is_rsc(),
                                            listed: false,
                                        });
                                    }
                                }
                            }
                            if list.is_empty() {
                                let names = answer.permissions().iter().map(|p| p.name()).collect();
                                (list, Some(Reason::RscOnly(names)))
                            } else {
                                (list, None)
                            }
                        }
                    }
                }
            },
        };
        let index = reason.is_none().then(|| {
            let ids: Vec<usize> = candidates
                .iter()
                .map(|c| problem.candidate(c.name, c.counted))
                .collect();
            problem.item(ids)
        });
        problem_items.push(index);
        items.push(Item {
            target: target.clone(),
            candidates,
            reason,
        });
    }
    Built {
        items,
        problem,
        problem_items,
    }
}
