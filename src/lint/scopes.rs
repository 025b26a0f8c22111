//! Requested-scope resolution: what each requested name or GUID is, whether it grants anything
//! under the app's auth mode, and the findings about it.

use super::finding::Finding;
use super::input::{Input, RequestedScope, ScopeOrigin};
use super::level::Level;
use super::rule_id::RuleId;
use crate::catalog::{permission, permission_by_id, IdLookup, AZURE_AD_GRAPH, MICROSOFT_GRAPH};
use crate::rules::permission_rules;
use crate::AuthMode;

/// A requested scope resolved to a catalog name (when it is a Graph permission), and whether it
/// grants something under the app's mode.
pub(super) struct Resolved {
    pub(super) name: Option<&'static str>,
    pub(super) usable: bool,
}

impl Resolved {
    const NONE: Resolved = Resolved {
        name: None,
        usable: false,
    };
}

pub(super) fn scope_finding(
    input: &Input,
    i: usize,
    rule: RuleId,
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
        request: None,
        scope: Some(i),
        location: scope.location,
        file: scope.file.clone(),
    }
}

pub(super) fn resolve_scope(
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
            RuleId::DefaultScope,
            Level::Info,
            format!("`{text}` requests whatever the app registration holds; list the permissions to lint them"),
        ));
        return Resolved::NONE;
    }
    if let Some(app) = scope
        .resource_app
        .as_deref()
        .filter(|a| !a.eq_ignore_ascii_case(MICROSOFT_GRAPH))
    {
        let api = if app.eq_ignore_ascii_case(AZURE_AD_GRAPH) {
            String::from("the retired Azure AD Graph")
        } else {
            format!("resource app {app}")
        };
        out.push(scope_finding(
            input,
            i,
            RuleId::NotGraphPermission,
            Level::Error,
            format!(
                "{bare} is requested from {api}, not from Microsoft Graph ({})",
                MICROSOFT_GRAPH
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
                    RuleId::NotGraphPermission,
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
                    RuleId::UnknownPermission,
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
                    RuleId::UnknownPermission,
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
                RuleId::SchemeMismatch,
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
            RuleId::WrongMode,
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
            RuleId::WrongMode,
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
            RuleId::Docs(rule),
            Level::of(rule.severity()),
            format!("{name}: {}", rule.message()),
        ));
    }
    Resolved {
        name: Some(info.name()),
        usable: origin_serves_mode && info.scheme(input.mode).is_some(),
    }
}
