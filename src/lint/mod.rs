//! Scope linting ([`lint`]): does what an app requests satisfy what it subscribes to, and no
//! more? Each finding has a stable rule id ([`LINT_RULES`]), a level and the place in the input
//! it concerns.
//!
//! Needs the `std` feature. Reading config files, manifests and tokens is the command line's job;
//! this module takes what they hold.
//!
//! ```
//! use msgraph_scopes::lint::{lint, Input, Level, RequestedScope, Subscription};
//! use msgraph_scopes::{ApiVersion, AuthMode};
//!
//! let input = Input {
//!     api: ApiVersion::V1,
//!     mode: AuthMode::Application,
//!     scopes: vec![RequestedScope::new("Mail.ReadWrite")],
//!     subscriptions: vec![Subscription::new("/users/{id}/messages")],
//! };
//! let findings = lint(&input);
//! // The docs list Mail.Read for application access; Mail.ReadWrite works, but is more.
//! let over = findings.iter().find(|f| f.rule == "over-privileged").unwrap();
//! assert_eq!(over.level, Level::Warning);
//! assert_eq!(over.suggestion.as_deref(), Some("Mail.Read"));
//! assert!(!findings.iter().any(|f| f.level == Level::Error));
//! ```

use crate::lookup::{lookup, LookupError};
use crate::rules::Severity;
use crate::table::Permissions;
use crate::{
    permission, permission_by_id, permission_rules, ApiVersion, AuthMode, ChangeType, IdLookup,
    Operation,
};
#[cfg(feature = "import")]
pub mod config;

/// A 1-based position in the input file; `None` where the input has no file (a flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// Where a requested scope came from, which says what kind of permission it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeOrigin {
    /// A name or GUID listed in the config or on the command line (any kind).
    Listed,
    /// A delegated scope: a manifest's `Scope` entry or a token's `scp` claim.
    Delegated,
    /// An application role: a manifest's `Role` entry or a token's `roles` claim.
    Application,
}

/// One requested permission: a name, a GUID or `https://graph.microsoft.com/NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestedScope {
    /// As written.
    pub text: String,
    /// What kind the source says it is.
    pub origin: ScopeOrigin,
    /// Where it is written.
    pub location: Option<Location>,
    /// The file it is written in, when not the config (a manifest).
    pub file: Option<String>,
    /// The resource app it is requested from, when the source names one other than Microsoft
    /// Graph (a manifest's `resourceAppId`); `None` means Microsoft Graph.
    pub resource_app: Option<String>,
}

impl RequestedScope {
    /// A listed scope with no location.
    pub fn new(text: impl Into<String>) -> Self {
        RequestedScope {
            text: text.into(),
            origin: ScopeOrigin::Listed,
            location: None,
            file: None,
            resource_app: None,
        }
    }
}

/// One subscription the app makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The `resource` string.
    pub resource: String,
    /// The operations it performs; empty means the whole lifecycle
    /// ([`Operation::LIFECYCLE`]).
    pub operations: Vec<Operation>,
    /// The change types it asks for; empty means not checked.
    pub change_types: Vec<ChangeType>,
    /// Where it is written.
    pub location: Option<Location>,
}

impl Subscription {
    /// A subscription doing the whole lifecycle, with no change types and no location.
    pub fn new(resource: impl Into<String>) -> Self {
        Subscription {
            resource: resource.into(),
            operations: Vec::new(),
            change_types: Vec::new(),
            location: None,
        }
    }
}

/// What to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The API version the app calls.
    pub api: ApiVersion,
    /// The auth mode the app uses.
    pub mode: AuthMode,
    /// What it requests.
    pub scopes: Vec<RequestedScope>,
    /// What it subscribes to.
    pub subscriptions: Vec<Subscription>,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Worth knowing.
    Info,
    /// Probably wrong.
    Warning,
    /// Will fail.
    Error,
}

impl Level {
    /// `info`, `warning` or `error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    fn of(severity: Severity) -> Level {
        match severity {
            Severity::Note => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id: one of [`LINT_RULES`], or the id of a docs rule (`data/rules.yaml`).
    pub rule: &'static str,
    /// How much it matters.
    pub level: Level,
    /// What is wrong and what to do.
    pub message: String,
    /// The permission to request instead or in addition, when there is one.
    pub suggestion: Option<String>,
    /// Index into [`Input::subscriptions`], when it concerns one.
    pub subscription: Option<usize>,
    /// Index into [`Input::scopes`], when it concerns one.
    pub scope: Option<usize>,
    /// Where: the subscription's or the scope's location.
    pub location: Option<Location>,
    /// The file of `location`, when not the config.
    pub file: Option<String>,
}

/// The lint's own rules: id, level, one-line description. Docs rules (`data/rules.yaml`, see
/// [`rules`](crate::rules::rules())) are reported under their own ids too.
pub const LINT_RULES: [(&str, Level, &str); 12] = [
    ("missing-scope", Level::Error, "No requested scope satisfies an operation of a subscription."),
    ("unknown-resource", Level::Error, "The resource is not subscribable in this API version and operation."),
    ("invalid-resource", Level::Error, "The resource string is not a resource path."),
    ("mode-not-supported", Level::Error, "The docs say the auth mode is not supported for the resource."),
    ("change-type-unsupported", Level::Error, "The docs say the resource does not support a requested change type."),
    ("unknown-permission", Level::Error, "A requested name or GUID is not a Microsoft Graph permission."),
    ("not-graph-permission", Level::Error, "A requested GUID belongs to another API, such as the retired Azure AD Graph."),
    ("scheme-mismatch", Level::Error, "A requested permission is not of the kind its source says (a delegated scope listed as an app role, or the reverse)."),
    ("wrong-mode", Level::Warning, "A requested permission has no form for the app's auth mode, so it grants nothing there."),
    ("over-privileged", Level::Warning, "A requested scope satisfies a subscription, but a less privileged one in the same cell would."),
    ("unused-scope", Level::Info, "No declared subscription needs a requested scope (the app may use it for other calls)."),
    ("default-scope", Level::Info, "`.default` requests whatever the app registration holds; list the permissions to lint them."),
];

/// A requested scope resolved to a catalog name (when it is a Graph permission), and whether it
/// grants something under the app's mode.
struct Resolved {
    name: Option<&'static str>,
    usable: bool,
}

impl Resolved {
    const NONE: Resolved = Resolved {
        name: None,
        usable: false,
    };
}

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
        subscription(input, index, sub, &usable, &mut needed, &mut out);
    }
    for (i, r) in resolved.iter().enumerate() {
        let Some(name) = r.name else { continue };
        if r.usable && !needed.iter().any(|n| implies(name, n)) {
            out.push(scope_finding(
                input,
                i,
                "unused-scope",
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

fn scope_finding(
    input: &Input,
    i: usize,
    rule: &'static str,
    level: Level,
    message: String,
) -> Finding {
    let scope = &input.scopes[i];
    Finding {
        rule,
        level,
        message,
        suggestion: None,
        subscription: None,
        scope: Some(i),
        location: scope.location,
        file: scope.file.clone(),
    }
}

fn resolve_scope(
    input: &Input,
    i: usize,
    scope: &RequestedScope,
    out: &mut Vec<Finding>,
) -> Resolved {
    let text = scope.text.trim();
    let bare = crate::catalog::strip_resource_prefix(text);
    if bare.eq_ignore_ascii_case(".default") {
        out.push(scope_finding(
            input,
            i,
            "default-scope",
            Level::Info,
            format!("`{text}` requests whatever the app registration holds; list the permissions to lint them"),
        ));
        return Resolved::NONE;
    }
    if let Some(app) = scope
        .resource_app
        .as_deref()
        .filter(|a| !a.eq_ignore_ascii_case(crate::MICROSOFT_GRAPH))
    {
        let api = if app.eq_ignore_ascii_case(crate::AZURE_AD_GRAPH) {
            String::from("the retired Azure AD Graph")
        } else {
            format!("resource app {app}")
        };
        out.push(scope_finding(
            input,
            i,
            "not-graph-permission",
            Level::Error,
            format!(
                "{bare} is requested from {api}, not from Microsoft Graph ({})",
                crate::MICROSOFT_GRAPH
            ),
        ));
        return Resolved::NONE;
    }
    let (name, kind) = if crate::catalog::is_guid(bare) {
        match permission_by_id(bare) {
            Some(IdLookup::Graph { permission, mode }) => (permission.name(), Some(mode)),
            Some(IdLookup::Foreign(f)) => {
                let api = if f.is_azure_ad_graph() {
                    String::from("the retired Azure AD Graph")
                } else {
                    format!("resource app {}", f.resource_app())
                };
                out.push(scope_finding(
                    input,
                    i,
                    "not-graph-permission",
                    Level::Error,
                    format!(
                        "{bare} is {} of {api}, not a Microsoft Graph permission",
                        f.name()
                    ),
                ));
                return Resolved::NONE;
            }
            None => {
                out.push(scope_finding(
                    input,
                    i,
                    "unknown-permission",
                    Level::Error,
                    format!("{bare} is the id of no Microsoft Graph permission"),
                ));
                return Resolved::NONE;
            }
        }
    } else {
        match permission(bare) {
            Some(p) => (p.name(), None),
            None => {
                out.push(scope_finding(
                    input,
                    i,
                    "unknown-permission",
                    Level::Error,
                    format!("`{text}` is not a Microsoft Graph permission"),
                ));
                return Resolved::NONE;
            }
        }
    };
    let Some(info) = permission(name) else {
        return Resolved::NONE;
    };
    // The kind the source claims must exist, and match a GUID's own kind.
    let claimed = match scope.origin {
        ScopeOrigin::Listed => None,
        ScopeOrigin::Delegated => Some(true),
        ScopeOrigin::Application => Some(false),
    };
    if let Some(delegated) = claimed {
        let exists = if delegated {
            info.scheme(AuthMode::DelegatedWork).is_some()
                || info.scheme(AuthMode::DelegatedPersonal).is_some()
        } else {
            info.scheme(AuthMode::Application).is_some()
        };
        let guid_kind_differs = kind.is_some_and(|m| m.is_delegated() != delegated);
        if !exists || guid_kind_differs {
            let (said, is) = if delegated {
                ("a delegated scope", "an application role")
            } else {
                ("an application role", "a delegated scope")
            };
            out.push(scope_finding(
                input,
                i,
                "scheme-mismatch",
                Level::Error,
                format!("{bare} is listed as {said}, but it is {is} of {name}"),
            ));
            return Resolved::NONE;
        }
    }
    let origin_serves_mode = match scope.origin {
        ScopeOrigin::Listed => true,
        ScopeOrigin::Delegated => input.mode.is_delegated(),
        ScopeOrigin::Application => !input.mode.is_delegated(),
    };
    if !origin_serves_mode {
        let kind = if input.mode.is_delegated() {
            "an application role"
        } else {
            "a delegated scope"
        };
        out.push(scope_finding(
            input,
            i,
            "wrong-mode",
            Level::Warning,
            format!(
                "{name} is requested as {kind}, which grants nothing under {}",
                input.mode
            ),
        ));
    } else if info.scheme(input.mode).is_none() {
        out.push(scope_finding(
            input,
            i,
            "wrong-mode",
            Level::Warning,
            format!(
                "{name} has no {} form, so it grants nothing to this app",
                input.mode
            ),
        ));
    }
    for rule in permission_rules(name) {
        out.push(scope_finding(
            input,
            i,
            rule.id(),
            Level::of(rule.severity()),
            format!("{name}: {}", rule.message()),
        ));
    }
    Resolved {
        name: Some(info.name()),
        usable: origin_serves_mode && info.scheme(input.mode).is_some(),
    }
}

/// One subscription finding before it is placed, with the operations it concerns.
struct Pending {
    rule: &'static str,
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
        rule: &'static str,
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

fn subscription(
    input: &Input,
    index: usize,
    sub: &Subscription,
    usable: &[&str],
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
                    "invalid-resource",
                    Level::Error,
                    format!("`{}` is not a resource path: {e}", sub.resource),
                    None,
                    op,
                );
            }
            Err(LookupError::UnknownResource) => c.add(
                "unknown-resource",
                Level::Error,
                format!("`{}` is not subscribable in {}", sub.resource, input.api),
                None,
                op,
            ),
            Err(LookupError::NotSupported { row, .. }) => c.add(
                "mode-not-supported",
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
                satisfy(&mut c, cell, usable, op);
                for rule in answer.rules() {
                    c.add(
                        rule.id(),
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
                            "change-type-unsupported",
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
            scope: None,
            location: sub.location,
            file: None,
        });
    }
}

fn ops_len(sub: &Subscription) -> usize {
    if sub.operations.is_empty() {
        Operation::LIFECYCLE.len()
    } else {
        sub.operations.len()
    }
}

/// Whether a requested scope satisfies the cell, and whether a less privileged one would.
fn satisfy(c: &mut Collected, cell: Permissions, usable: &[&str], op: Operation) {
    let best = cell
        .iter()
        .position(|p| usable.iter().any(|u| u.eq_ignore_ascii_case(p.name())));
    let least = cell.least();
    // Resource-specific consent is granted per team or chat, a different model: suggest it only
    // to an app that already uses it.
    let tenant_wide = cell.iter().find(|p| !p.is_rsc()).unwrap_or(least);
    // A broader form of a listed permission (`Mail.ReadWrite` for `Mail.Read`) works too, but is
    // more than the docs ask for.
    let broader = || {
        usable.iter().find_map(|u| {
            cell.iter()
                .find(|p| implies(u, p.name()))
                .map(|p| (*u, p.name()))
        })
    };
    match best {
        None if broader().is_some() => {
            if let Some((used, listed)) = broader() {
                c.add(
                    "over-privileged",
                    Level::Warning,
                    format!(
                        "{used} satisfies it as a broader form of {listed}, but {} is the least privileged",
                        tenant_wide.name()
                    ),
                    Some(tenant_wide.name().to_owned()),
                    op,
                );
            }
        }
        None => {
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
                "missing-scope",
                Level::Error,
                message,
                Some(tenant_wide.name().to_owned()),
                op,
            );
        }
        Some(i) => {
            let Some(used) = cell.iter().nth(i) else {
                return;
            };
            let better = if used.is_rsc() { least } else { tenant_wide };
            let better_at = cell.position(better.name()).unwrap_or(i);
            if better_at < i {
                c.add(
                    "over-privileged",
                    Level::Warning,
                    format!(
                        "{} satisfies it, but {} is less privileged",
                        used.name(),
                        better.name()
                    ),
                    Some(better.name().to_owned()),
                    op,
                );
            }
        }
    }
}

/// Whether permission `broad` includes `narrow`: the same resource and scope with a stronger
/// operation (`Mail.ReadWrite` includes `Mail.Read` and `Mail.ReadBasic`), or the same with
/// `.All` where `narrow` has no suffix (`Files.ReadWrite.All` includes `Files.ReadWrite`).
/// Names without a `ReadBasic`, `Read` or `ReadWrite` part imply only themselves.
pub fn implies(broad: &str, narrow: &str) -> bool {
    if broad.eq_ignore_ascii_case(narrow) {
        return true;
    }
    let (Some(b), Some(n)) = (parts(broad), parts(narrow)) else {
        return false;
    };
    b.0.eq_ignore_ascii_case(n.0)
        && b.1 >= n.1
        && (b.2.eq_ignore_ascii_case(n.2) || (n.2.is_empty() && b.2.eq_ignore_ascii_case(".All")))
}

/// `Mail.ReadWrite.Shared` -> (`Mail`, rank of ReadWrite, `.Shared`).
fn parts(name: &str) -> Option<(&str, u8, &str)> {
    const OPS: [(&str, u8); 3] = [("ReadBasic", 0), ("Read", 1), ("ReadWrite", 2)];
    let mut start = 0;
    for segment in name.split('.') {
        let end = start + segment.len();
        if let Some(&(_, rank)) = OPS.iter().find(|(op, _)| op.eq_ignore_ascii_case(segment)) {
            if start == 0 {
                return None;
            }
            return Some((&name[..start - 1], rank, &name[end..]));
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broader_forms() {
        assert!(implies("Mail.ReadWrite", "Mail.ReadBasic"));
        assert!(implies("Mail.Read", "Mail.ReadBasic"));
        assert!(!implies("Mail.ReadBasic", "Mail.Read"));
        assert!(implies("Files.ReadWrite.All", "Files.ReadWrite"));
        assert!(implies("Chat.ReadWrite.All", "Chat.Read.All"));
        assert!(!implies("Chat.ReadWrite", "Chat.Read.All"));
        assert!(!implies("Mail.ReadWrite.Shared", "Mail.Read"));
        assert!(!implies("Directory.Read.All", "User.Read.All"));
        assert!(!implies("Presence.Read.All", "Presence.ReadWrite"));
        assert!(implies("CallRecords.Read.All", "callrecords.read.all"));
        assert!(!implies("Read", "Read.All"));
    }
}
