//! Scope linting ([`lint`]): does what an app requests satisfy what it subscribes to and the
//! other requests it makes, and no more? Each finding has a stable rule id ([`RuleId`]), a level and the place in the input
//! it concerns.
//!
//! Needs the `std` feature. Reading config files, manifests and tokens is the command line's job;
//! this module takes what they hold.
//!
//! ```
//! use msgraph_scopes::lint::{lint, Input, Level, RequestedScope, RuleId, Subscription};
//! use msgraph_scopes::{ApiVersion, AuthMode};
//!
//! let input = Input {
//!     api: ApiVersion::V1,
//!     mode: AuthMode::Application,
//!     scopes: vec![RequestedScope::new("Mail.ReadWrite")],
//!     subscriptions: vec![Subscription::new("/users/{id}/messages")],
//!     requests: vec![],
//!     plan: Default::default(),
//! };
//! let findings = lint(&input);
//! // The docs list Mail.Read for application access; Mail.ReadWrite works, but the plan for the
//! // same subscription is better.
//! let over = findings.iter().find(|f| f.rule == RuleId::OverPrivileged).unwrap();
//! assert_eq!(over.rule.as_str(), "over-privileged");
//! assert_eq!(over.level, Level::Warning);
//! assert_eq!(over.suggestion.as_deref(), Some("Mail.Read"));
//! assert!(!findings.iter().any(|f| f.level == Level::Error));
//! ```
//!
//! The modules: `input` (what is linted), `finding` ([`Finding`], [`Location`]), `level` ([`Level`]),
//! `rule_id` ([`RuleId`]), `scopes` (requested-scope resolution), `check` (subscription
//! checks), `requests` (request checks), `over` (the over-privileged rule, decided by the
//! [planner](crate::plan) over subscriptions and requests together) and `config` (the config
//! file, feature `import`). [`implies`] says which names include which.

mod check;
#[cfg(feature = "import")]
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub mod config;
mod finding;
mod input;
mod level;
mod over;
mod requests;
mod rule_id;
mod scopes;

pub use crate::implies::implies;
pub use finding::{Finding, Location};
pub use input::{Input, Request, RequestedScope, ScopeOrigin, Subscription};
pub use level::Level;
pub use rule_id::{RuleId, UnknownRuleId};

use check::{check_subscription, Grant};
use requests::check_request;
use scopes::{other_api, resolve_scope, scope_finding, Resolved};
use std::collections::BTreeMap;

/// Lints what `input` requests against what it subscribes to and the other requests it makes:
/// `missing-scope`, `over-privileged` and `unused-scope` are judged over both.
///
/// ```
/// use msgraph_scopes::lint::{lint, Input, Request, RequestedScope, RuleId, Subscription};
/// use msgraph_scopes::{ApiVersion, AuthMode, Method};
///
/// let input = Input {
///     api: ApiVersion::V1,
///     mode: AuthMode::DelegatedWork,
///     scopes: vec![RequestedScope::new("Mail.ReadBasic"), RequestedScope::new("User.Read")],
///     subscriptions: vec![Subscription::new("/me/messages")],
///     requests: vec![Request::new(Method::Get, "/me/messages?$top=5")],
///     plan: Default::default(),
/// };
/// let findings = lint(&input);
/// // User.Read grants nothing declared; Mail.ReadBasic covers the subscription and the request.
/// let unused: Vec<_> = findings.iter().filter(|f| f.rule == RuleId::UnusedScope).collect();
/// assert_eq!(unused.len(), 1);
/// assert_eq!(unused[0].scope, Some(1));
/// ```
pub fn lint(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    let resolved: Vec<Resolved> = input
        .scopes
        .iter()
        .enumerate()
        .map(|(i, s)| resolve_scope(input, i, s, &mut out))
        .collect();
    other_apis(input, &mut out);
    // Names that grant something under the app's mode.
    let usable: Vec<Grant> = resolved
        .iter()
        .filter(|r| r.usable)
        .filter_map(|r| r.name.map(|name| Grant { name, rsc: r.rsc }))
        .collect();
    let mut needed: Vec<&'static str> = Vec::new();
    for (index, sub) in input.subscriptions.iter().enumerate() {
        check_subscription(input, index, sub, &usable, &mut needed, &mut out);
    }
    // A request cell lists resource-specific consent permissions by name, as the catalog's
    // path sets do: every usable grant counts.
    let usable_names: Vec<&str> = usable.iter().map(|g| g.name).collect();
    for (index, req) in input.requests.iter().enumerate() {
        check_request(input, index, req, &usable_names, &mut needed, &mut out);
    }
    over::over_privileged(input, &resolved, &mut out);
    let declared = if input.requests.is_empty() {
        "subscription"
    } else {
        "subscription or request"
    };
    for (i, r) in resolved.iter().enumerate() {
        let Some(name) = r.name else { continue };
        if r.usable && !needed.iter().any(|n| implies(name, n)) {
            out.push(scope_finding(
                input,
                i,
                RuleId::UnusedScope,
                Level::Info,
                format!("{name} is needed by no declared {declared} (the app may use it for other calls)"),
            ));
        }
    }
    out.sort_by(|a, b| {
        (
            a.subscription.is_none(),
            a.subscription,
            a.request.is_none(),
            a.request,
            a.scope,
            b.level,
        )
            .cmp(&(
                b.subscription.is_none(),
                b.subscription,
                b.request.is_none(),
                b.request,
                b.scope,
                a.level,
            ))
    });
    out
}

/// One `other-api` finding per resource app other than Microsoft Graph (and the retired Azure AD
/// Graph), at the first scope requested from it.
fn other_apis(input: &Input, out: &mut Vec<Finding>) {
    // Lower-case app -> (first scope, how many).
    let mut apps: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, scope) in input.scopes.iter().enumerate() {
        if let Some(app) = other_api(scope) {
            apps.entry(app.to_ascii_lowercase())
                .and_modify(|(_, n)| *n += 1)
                .or_insert((i, 1));
        }
    }
    let mut firsts: Vec<(usize, usize)> = apps.into_values().collect();
    firsts.sort_unstable();
    for (first, count) in firsts {
        let app = input
            .scopes
            .get(first)
            .and_then(other_api)
            .unwrap_or_default();
        let what = if count == 1 {
            String::from("the permission requested from it is")
        } else {
            format!("the {count} permissions requested from it are")
        };
        out.push(scope_finding(
            input,
            first,
            RuleId::OtherApi,
            Level::Info,
            format!("resource app {app} is not Microsoft Graph: {what} not linted"),
        ));
    }
}

#[cfg(test)]
mod tests;
