//! Requested-scope resolution: what each requested name or GUID is, whether it grants anything
//! under the app's auth mode, and the findings about it.

use super::finding::Finding;
use super::input::{Input, RequestedScope, ScopeOrigin};
use super::level::Level;
use super::rule_id::RuleId;
use crate::catalog::{permission, permission_by_id, IdLookup, AZURE_AD_GRAPH, MICROSOFT_GRAPH};
use crate::rules::permission_rules;
use crate::AuthMode;

/// A requested scope resolved to a catalog name (when it is a Graph permission), whether it
/// grants something under the app's mode, and whether it is granted by resource-specific
/// consent (then it satisfies only the cells that mark it RSC).
pub(super) struct Resolved {
    pub(super) name: Option<&'static str>,
    pub(super) usable: bool,
    pub(super) rsc: bool,
}

impl Resolved {
    const NONE: Resolved = Resolved {
        name: None,
        usable: false,
        rsc: false,
    };
}

/// The resource app a scope is requested from when it is neither Microsoft Graph nor the
/// retired Azure AD Graph: such scopes are not linted, and reported once per app.
pub(super) fn other_api(scope: &RequestedScope) -> Option<&str> {
    scope.resource_app.as_deref().filter(|a| {
        !a.eq_ignore_ascii_case(MICROSOFT_GRAPH) && !a.eq_ignore_ascii_case(AZURE_AD_GRAPH)
    })
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
    if other_api(scope).is_some() {
        // Reported once per app by `lint`.
        return Resolved::NONE;
    }
    if scope
        .resource_app
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case(AZURE_AD_GRAPH))
    {
        out.push(scope_finding(
            input,
            i,
            RuleId::NotGraphPermission,
            Level::Error,
            format!(
                "{bare} is requested from the retired Azure AD Graph, not from Microsoft Graph ({})",
                MICROSOFT_GRAPH
            ),
        ));
        return Resolved::NONE;
    }
    let rsc = scope.origin.is_resource_specific();
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
            None if scope.origin == ScopeOrigin::ResourceSpecificDelegated => {
                out.push(scope_finding(
                    input,
                    i,
                    RuleId::OtherApi,
                    Level::Info,
                    format!("`{text}` is no Microsoft Graph permission: a delegated resource-specific permission that Graph does not define is a Teams client permission, and is not linted"),
                ));
                return Resolved::NONE;
            }
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
    if rsc && !info.is_rsc() {
        out.push(scope_finding(
            input,
            i,
            RuleId::SchemeMismatch,
            Level::Error,
            format!("{name} is listed as a resource-specific consent permission, but Microsoft Graph grants it tenant-wide only (the catalog has no RSC form of it)"),
        ));
        return Resolved::NONE;
    }
    // The kind the source claims must exist, and match a GUID's own kind. (The catalog keeps
    // RSC permissions under their application GUIDs whatever the grant's type; an RSC grant is
    // checked against the cells instead.)
    let claimed = scope.origin.is_delegated().filter(|_| !rsc);
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
    let origin_serves_mode = scope
        .origin
        .is_delegated()
        .is_none_or(|delegated| delegated == input.mode.is_delegated());
    if !origin_serves_mode {
        let kind = match (input.mode.is_delegated(), rsc) {
            (true, false) => "an application role",
            (false, false) => "a delegated scope",
            (true, true) => "a resource-specific application permission",
            (false, true) => "a resource-specific delegated permission",
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
    } else if !rsc && info.scheme(input.mode).is_none() {
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
        usable: origin_serves_mode && (rsc || info.scheme(input.mode).is_some()),
        rsc,
    }
}
