//! Scope linting ([`lint`]): does what an app requests satisfy what it subscribes to, and no
//! more? Each finding has a stable rule id ([`RuleId`]), a level and the place in the input
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
//! `rule_id` ([`RuleId`]), `scopes` (requested-scope resolution), `check`
//! (subscription checks), `over` (the over-privileged rule, decided by the
//! [planner](crate::plan)) and `config` (the config file, feature `import`). [`implies`] says
//! which names include which.

mod check;
#[cfg(feature = "import")]
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub mod config;
mod finding;
mod input;
mod level;
mod over;
mod rule_id;
mod scopes;

pub use crate::implies::implies;
pub use finding::{Finding, Location};
pub use input::{Input, RequestedScope, ScopeOrigin, Subscription};
pub use level::Level;
pub use rule_id::{RuleId, UnknownRuleId};

use check::check_subscription;
use scopes::{resolve_scope, scope_finding, Resolved};

/// Lints what `input` requests against what it subscribes to.
pub fn lint(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    let resolved: Vec<Resolved> = input
        .scopes
        .iter()
        .enumerate()
        .map(|(i, s)| resolve_scope(input, i, s, &mut out))
        .collect();
    // Names that grant something under the app's mode.
    let usable: Vec<&str> = resolved
        .iter()
        .filter(|r| r.usable)
        .filter_map(|r| r.name)
        .collect();
    let mut needed: Vec<&'static str> = Vec::new();
    for (index, sub) in input.subscriptions.iter().enumerate() {
        check_subscription(input, index, sub, &usable, &mut needed, &mut out);
    }
    over::over_privileged(input, &resolved, &mut out);
    for (i, r) in resolved.iter().enumerate() {
        let Some(name) = r.name else { continue };
        if r.usable && !needed.iter().any(|n| implies(name, n)) {
            out.push(scope_finding(
                input,
                i,
                RuleId::UnusedScope,
                Level::Info,
                format!("{name} is needed by no declared subscription (the app may use it for other calls)"),
            ));
        }
    }
    out.sort_by(|a, b| {
        (a.subscription.is_none(), a.subscription, a.scope, b.level).cmp(&(
            b.subscription.is_none(),
            b.subscription,
            b.scope,
            a.level,
        ))
    });
    out
}
