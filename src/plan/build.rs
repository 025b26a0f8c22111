//! Building a plan's items: every target looked up under the mode (a subscription operation in
//! the docs' tables, a request in the permission catalog's path sets), its candidates rated
//! from the catalog, and the covering [`Problem`] of those that have candidates.

use super::item::{scheme_for, Candidate, Item, Reason};
use super::problem::Problem;
use super::target::Target;
use crate::catalog::{PermissionInfo, Scheme};
use crate::implies::{broader, narrower};
use crate::lookup::{lookup, LookupError};
use crate::request::{names_me, request, RequestError, ME_RULE};
use crate::rules::{rules, Severity};
use crate::{ApiVersion, AuthMode, Method, Operation};
use std::collections::HashMap;

/// The items of some targets, and the problem of covering those that can be.
pub(crate) struct Built {
    pub(crate) items: Vec<Item>,
    pub(crate) problem: Problem<'static>,
    /// Each item's index in the problem, for items with candidates.
    pub(crate) problem_items: Vec<Option<usize>>,
}

/// A permission listed for an item: its catalog entry (when the catalog has it) and whether
/// the cell marks it resource-specific consent.
struct Listed {
    name: &'static str,
    info: Option<PermissionInfo>,
    rsc: bool,
}

/// What building remembers across items: the same permissions recur in item after item.
struct Builder {
    mode: AuthMode,
    rsc: bool,
    broader: HashMap<&'static str, Vec<PermissionInfo>>,
    levels: HashMap<&'static str, (Option<u8>, Option<u8>)>,
}

impl Builder {
    /// The catalog's level and the level the plan counts (see [`Candidate::counted`]).
    fn rate(
        &mut self,
        name: &'static str,
        info: Option<PermissionInfo>,
    ) -> (Option<u8>, Option<u8>) {
        let mode = self.mode;
        *self
            .levels
            .entry(name)
            .or_insert_with(|| (level(info, mode), counted(info, mode)))
    }

    /// The candidates of an item: the listed permissions the plan may use, least privileged
    /// first, then their broader forms under the mode; or why there are none.
    fn candidates(&mut self, listed: &[Listed]) -> Result<Vec<Candidate>, Reason> {
        let mut list: Vec<Candidate> = Vec::new();
        let allow_rsc = self.rsc;
        for p in listed.iter().filter(|p| allow_rsc || !p.rsc) {
            let (level, counted) = self.rate(p.name, p.info);
            list.push(Candidate {
                name: p.name,
                level,
                counted,
                rsc: p.rsc,
                listed: true,
            });
        }
        let names: Vec<&'static str> = list.iter().map(|c| c.name).collect();
        for name in names {
            let forms = self
                .broader
                .entry(name)
                .or_insert_with(|| broader(name))
                .clone();
            for info in forms {
                let usable = scheme_for(info, self.mode).is_some() && (self.rsc || !info.is_rsc());
                if usable && !list.iter().any(|c| c.name == info.name()) {
                    let (level, counted) = self.rate(info.name(), Some(info));
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
            return Err(Reason::RscOnly(listed.iter().map(|p| p.name).collect()));
        }
        Ok(list)
    }

    fn subscription(
        &mut self,
        api: ApiVersion,
        resource: &str,
        operation: Operation,
    ) -> Result<Vec<Candidate>, Reason> {
        let mode = self.mode;
        let answer = lookup(api, operation, resource, mode).map_err(|e| match e {
            LookupError::InvalidResource(e) => Reason::InvalidResource(e),
            LookupError::UnknownResource => Reason::UnknownResource { api },
            LookupError::NotSupported { row, .. } => Reason::NotSupported {
                mode,
                resource_type: row.resource_type(),
            },
        })?;
        if let Some(rule) = answer.rules().find(|r| r.severity() == Severity::Error) {
            return Err(Reason::ErrorRule {
                id: rule.id(),
                message: rule.message(),
            });
        }
        let listed: Vec<Listed> = answer
            .permissions()
            .iter()
            .map(|p| Listed {
                name: p.name(),
                info: p.info(),
                rsc: p.is_rsc(),
            })
            .collect();
        self.candidates(&listed)
    }

    fn request(&mut self, method: Method, url: &str) -> Result<Vec<Candidate>, Reason> {
        let mode = self.mode;
        if mode == AuthMode::Application && names_me(url) {
            // The docs' rule for subscriptions holds for every call: no signed-in user.
            if let Some(rule) = rules().find(|r| r.id() == ME_RULE) {
                return Err(Reason::ErrorRule {
                    id: rule.id(),
                    message: rule.message(),
                });
            }
        }
        let answer = request(method, url, mode).map_err(|e| match e {
            RequestError::InvalidUrl(e) => Reason::InvalidUrl(e),
            RequestError::UnknownPath => Reason::UnknownRequest,
            RequestError::NotCompiled => Reason::RequestsNotCompiled,
            RequestError::UnknownMethod { template, method } => {
                Reason::UnknownMethod { method, template }
            }
            RequestError::NotSupported {
                template, method, ..
            } => Reason::RequestNotSupported {
                mode,
                method,
                template,
            },
        })?;
        // The catalog's path sets list resource-specific permissions by name.
        let listed: Vec<Listed> = answer
            .permissions()
            .iter()
            .map(|p| Listed {
                name: p.name(),
                info: Some(p.info()),
                rsc: p.info().is_rsc(),
            })
            .collect();
        self.candidates(&listed)
    }
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

/// Looks every target up under `mode` and gives its candidates or its reason.
pub(crate) fn build(api: ApiVersion, mode: AuthMode, targets: &[Target], rsc: bool) -> Built {
    let mut builder = Builder {
        mode,
        rsc,
        broader: HashMap::new(),
        levels: HashMap::new(),
    };
    let mut problem = Problem::new();
    let mut items = Vec::with_capacity(targets.len());
    let mut problem_items = Vec::with_capacity(targets.len());
    for target in targets {
        let found = match target {
            Target::Subscription {
                resource,
                operation,
            } => builder.subscription(api, resource, *operation),
            Target::Request { method, url } => builder.request(*method, url),
        };
        let (candidates, reason) = match found {
            Ok(list) => (list, None),
            Err(reason) => (Vec::new(), Some(reason)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn me_is_found_after_any_host_and_version() {
        for url in [
            "/me/messages",
            "me",
            "https://graph.microsoft.com/v1.0/me/events?$top=5",
            "/beta/ME/drive/root:/a.txt:/content",
            "/me('x')",
        ] {
            assert!(names_me(url), "{url}");
        }
        for url in [
            "/users/{id}/messages",
            "/v1.0/men",
            "https://graph.microsoft.com/",
            "",
        ] {
            assert!(!names_me(url), "{url}");
        }
    }

    #[test]
    #[cfg(feature = "requests")]
    fn requests_get_their_candidates_from_the_catalog() {
        let targets = [
            Target::request(Method::Get, "/me/messages?$top=5"),
            Target::request(Method::Get, "/no/such/thing"),
        ];
        let built = build(ApiVersion::V1, AuthMode::DelegatedWork, &targets, false);
        let first = built.items[0].candidates();
        assert_eq!(first[0].name, "Mail.ReadBasic");
        assert!(first.iter().any(|c| c.name == "Mail.ReadWrite"));
        assert_eq!(built.items[1].reason(), Some(&Reason::UnknownRequest));
        let app = build(ApiVersion::V1, AuthMode::Application, &targets[..1], false);
        assert!(matches!(
            app.items[0].reason(),
            Some(Reason::ErrorRule { id: ME_RULE, .. })
        ));
    }

    #[test]
    #[cfg(not(feature = "requests"))]
    fn without_the_request_matrix_requests_are_refused_not_passed() {
        let targets = [Target::request(Method::Get, "/me/messages?$top=5")];
        let built = build(ApiVersion::V1, AuthMode::DelegatedWork, &targets, false);
        assert!(built.items[0].candidates().is_empty());
        assert_eq!(built.items[0].reason(), Some(&Reason::RequestsNotCompiled));
    }
}
