//! Bicep with the Microsoft Graph extension: `Microsoft.Graph/applications`
//! `requiredResourceAccess` (the same shape as the JSON manifests) and
//! `Microsoft.Graph/appRoleAssignedTo` `appRoleId` (an application permission granted on
//! `resourceId`'s app). Literal values only: a parameter, a variable, a `filter(...)` over app
//! roles or a loop is a `not-evaluated` note, never a guess. There is no maintained Bicep parser
//! crate; `lexer` and `parser` read the subset needed.

mod lexer;
mod parser;

use super::{is_placeholder, not_linted, resource_app, Format, Out};
use msgraph_scopes::catalog;
use msgraph_scopes::lint::ScopeOrigin;
use parser::{Node, Resource};

/// What each `type` means.
const TYPE_EXPECTED: &str =
    "'Scope' (a delegated permission) or 'Role' (an application permission)";

/// Parses `text` and reads its Microsoft Graph resources.
pub(super) fn read(out: &mut Out<'_>, text: &str) -> Result<Format, String> {
    let bad = |out: &Out<'_>, (at, message): (usize, String)| {
        out.error(at, format_args!("not valid Bicep: {message}"))
    };
    let tokens = lexer::lex(text).map_err(|e| bad(out, e))?;
    let resources = parser::resources(text, &tokens).map_err(|e| bad(out, e))?;
    for r in &resources {
        let kind = r.kind.as_deref().unwrap_or_default();
        let kind = kind.split('@').next().unwrap_or_default();
        if kind.eq_ignore_ascii_case("Microsoft.Graph/applications") {
            application(out, r)?;
        } else if kind.eq_ignore_ascii_case("Microsoft.Graph/appRoleAssignedTo") {
            role_assignment(out, r, &resources)?;
        }
    }
    Ok(Format::Bicep)
}

/// `{ id: ..., type: ... }` checked, before anything is skipped.
type Entry<'n> = (&'n Node<'n>, Option<&'n Node<'n>>);

/// `requiredResourceAccess` of an application.
fn application(out: &mut Out<'_>, r: &Resource<'_>) -> Result<(), String> {
    if let Node::Expr(text, at) = &r.body {
        out.not_evaluated(*at, format!("`{}` declares applications in a loop (`{}`), which is not evaluated: their permissions are not linted", r.symbol, first_line(text)));
        return Ok(());
    }
    let Some(rra) = r.body.get("requiredResourceAccess") else {
        return Ok(());
    };
    let groups = match &rra.value {
        Node::Array(groups, _) => groups,
        Node::Expr(text, at) => {
            out.not_evaluated(*at, format!("requiredResourceAccess `{}` is not a literal list: not evaluated, its permissions are not linted", first_line(text)));
            return Ok(());
        }
        other => {
            return Err(wrong(
                out,
                "requiredResourceAccess",
                other,
                "a list of {resourceAppId, resourceAccess} objects",
            ))
        }
    };
    for group in groups {
        let group = match group {
            Node::Object(..) => group,
            Node::Expr(text, at) => {
                out.not_evaluated(
                    *at,
                    format!(
                        "`{}` in requiredResourceAccess is not a literal object: not evaluated",
                        first_line(text)
                    ),
                );
                continue;
            }
            other => {
                return Err(wrong(
                    out,
                    "a requiredResourceAccess entry",
                    other,
                    "an object",
                ))
            }
        };
        let app = property(out, group, "resourceAppId")?;
        let access = property(out, group, "resourceAccess")?;
        let mut entries: Vec<Entry<'_>> = Vec::new();
        match access {
            Node::Array(items, _) => {
                for item in items {
                    match item {
                        Node::Object(..) => {
                            let id = property(out, item, "id")?;
                            let kind = property(out, item, "type")?;
                            let kind = match kind {
                                Node::Str(s, at) => match s.as_str() {
                                    "Scope" | "Role" => Some(kind),
                                    other => {
                                        return Err(out.error(
                                            *at,
                                            format!(
                                                "`type` is '{other}'; expected {TYPE_EXPECTED}"
                                            ),
                                        ))
                                    }
                                },
                                Node::Expr(..) => None,
                                other => return Err(wrong(out, "type", other, TYPE_EXPECTED)),
                            };
                            entries.push((id, kind));
                        }
                        Node::Expr(text, at) => out.not_evaluated(
                            *at,
                            format!(
                                "`{}` in resourceAccess is not a literal object: not evaluated",
                                first_line(text)
                            ),
                        ),
                        other => {
                            return Err(wrong(
                                out,
                                "a resourceAccess entry",
                                other,
                                "an object with `id` and `type`",
                            ))
                        }
                    }
                }
            }
            Node::Expr(text, at) => {
                out.not_evaluated(
                    *at,
                    format!(
                        "resourceAccess `{}` is not a literal list: not evaluated",
                        first_line(text)
                    ),
                );
            }
            other => {
                return Err(wrong(
                    out,
                    "resourceAccess",
                    other,
                    "a list of {id, type} objects",
                ))
            }
        }
        let app = match app {
            Node::Str(s, _) if !is_placeholder(s) => resource_app(s),
            Node::Str(..) | Node::Expr(..) => {
                out.not_evaluated(
                    app.start(),
                    format!(
                        "resourceAppId `{}` is not a literal: not evaluated, {}",
                        source(app),
                        not_linted(entries.len())
                    ),
                );
                continue;
            }
            other => {
                return Err(wrong(
                    out,
                    "resourceAppId",
                    other,
                    "the resource app's GUID",
                ))
            }
        };
        for (id, kind) in entries {
            let origin = match kind {
                Some(Node::Str(s, _)) if s == "Scope" => Some(ScopeOrigin::Delegated),
                Some(_) => Some(ScopeOrigin::Application),
                None => None,
            };
            match (id, origin) {
                (Node::Str(s, at), Some(origin)) => {
                    out.scope(s.trim(), origin, app.clone(), at + 1)
                }
                (Node::Str(s, at), None) => out.not_evaluated(
                    *at,
                    format!("the type of `{s}` is not a literal: not evaluated"),
                ),
                (Node::Expr(text, at), _) => out.not_evaluated(
                    *at,
                    format!(
                        "permission id `{}` is not a literal: not evaluated",
                        first_line(text)
                    ),
                ),
                (other, _) => return Err(wrong(out, "id", other, "a permission GUID")),
            }
        }
    }
    Ok(())
}

/// `appRoleId` of an app role assignment, on the app of `resourceId` when that names a
/// service principal declared here with a literal `appId`.
fn role_assignment(
    out: &mut Out<'_>,
    r: &Resource<'_>,
    all: &[Resource<'_>],
) -> Result<(), String> {
    if let Node::Expr(text, at) = &r.body {
        out.not_evaluated(
            *at,
            format!(
                "`{}` assigns app roles in a loop (`{}`), which is not evaluated: not linted",
                r.symbol,
                first_line(text)
            ),
        );
        return Ok(());
    }
    let id = property(out, &r.body, "appRoleId")?;
    let resource = r
        .body
        .get("resourceId")
        .and_then(|p| principal_app(&p.value, all));
    match (id, resource) {
        (Node::Str(guid, at), Some(app)) => out.scope(guid.trim(), ScopeOrigin::Application, app, at + 1),
        // The resource is not evaluated, but a GUID the catalog knows says whose it is.
        (Node::Str(guid, at), None) if catalog::permission_by_id(guid).is_some() => {
            out.scope(guid.trim(), ScopeOrigin::Application, None, at + 1)
        }
        (Node::Str(guid, at), None) => out.not_evaluated(*at, format!("app role `{guid}` is granted on a resource that is not evaluated, and is no Microsoft Graph app role: not linted")),
        (Node::Expr(text, at), _) => out.not_evaluated(*at, format!("appRoleId `{}` is not a literal: not evaluated", first_line(text))),
        (other, _) => return Err(wrong(out, "appRoleId", other, "an app role's GUID")),
    }
    Ok(())
}

/// The app of `SYMBOL.id` when `SYMBOL` is a `Microsoft.Graph/servicePrincipals` resource with a
/// literal `appId`: `Some(None)` for Microsoft Graph, `Some(Some(app))` for another.
fn principal_app(value: &Node<'_>, all: &[Resource<'_>]) -> Option<Option<String>> {
    let Node::Expr(text, _) = value else {
        return None;
    };
    let symbol = text.trim().strip_suffix(".id")?;
    let sp = all.iter().find(|r| r.symbol == symbol)?;
    let kind = sp.kind.as_deref()?.split('@').next()?;
    if !kind.eq_ignore_ascii_case("Microsoft.Graph/servicePrincipals") {
        return None;
    }
    match &sp.body.get("appId")?.value {
        Node::Str(app, _) => Some(resource_app(app)),
        _ => None,
    }
}

/// The property `key` of `object`; an error when it is missing.
fn property<'n>(out: &Out<'_>, object: &'n Node<'n>, key: &str) -> Result<&'n Node<'n>, String> {
    object
        .get(key)
        .map(|p| &p.value)
        .ok_or_else(|| out.error(object.start(), format!("`{key}` is missing")))
}

/// `` `key` is a string; expected ... `` at the value.
fn wrong(out: &Out<'_>, key: &str, value: &Node<'_>, what: &str) -> String {
    let kind = match value {
        Node::Object(..) => "an object",
        Node::Array(..) => "a list",
        Node::Str(..) => "a string",
        Node::Expr(..) => "an expression",
    };
    out.error(value.start(), format!("`{key}` is {kind}; expected {what}"))
}

/// A value as written, for messages.
fn source(value: &Node<'_>) -> String {
    match value {
        Node::Str(s, _) => format!("'{s}'"),
        Node::Expr(text, _) => first_line(text).to_string(),
        Node::Object(..) => String::from("{...}"),
        Node::Array(..) => String::from("[...]"),
    }
}

/// The first line of a text, with `...` when there is more.
fn first_line(text: &str) -> std::borrow::Cow<'_, str> {
    match text.split_once('\n') {
        Some((first, _)) => format!("{} ...", first.trim_end()).into(),
        None => text.into(),
    }
}
