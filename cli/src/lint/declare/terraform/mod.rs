//! Terraform's azuread provider, parsed with hcl-edit (which keeps every span):
//! * `azuread_application`: `required_resource_access { resource_app_id, resource_access { id, type } }`;
//! * `azuread_application_api_access`: `api_client_id`, `role_ids`, `scope_ids`;
//! * `azuread_app_role_assignment`: `app_role_id` on `resource_object_id`'s app.
//!
//! Values are evaluated as far as `refs` can without running Terraform; `dynamic` blocks,
//! variables and function calls become `not-evaluated` notes.

mod refs;

use super::{is_guid, not_linted, Format, Out};
use hcl_edit::expr::Expression;
use hcl_edit::structure::Block;
use hcl_edit::Span;
use msgraph_scopes::catalog;
use msgraph_scopes::lint::ScopeOrigin;
use msgraph_scopes::AuthMode;
use refs::{perm, App, Perm, Principals};

/// What each `type` means.
const TYPE_EXPECTED: &str =
    "\"Scope\" (a delegated permission) or \"Role\" (an application permission)";

/// Parses `text` as HCL and reads the azuread resources in it.
pub(super) fn read(out: &mut Out<'_>, text: &str) -> Result<Format, String> {
    let body = hcl_edit::parser::parse_body(text).map_err(|err| {
        let l = err.location();
        format!(
            "{}:{}:{}: not valid HCL (Terraform): {}",
            out.name,
            l.line(),
            l.column(),
            err.message()
        )
    })?;
    let principals = Principals::index(&body);
    let mut r = Reader {
        out,
        text,
        principals: &principals,
    };
    for block in body.blocks() {
        if block.ident.as_str() != "resource" {
            continue;
        }
        match block.labels.first().map(|l| l.as_str()) {
            Some("azuread_application") => r.application(block)?,
            Some("azuread_application_api_access") => r.api_access(block)?,
            Some("azuread_app_role_assignment") => r.role_assignment(block)?,
            _ => {}
        }
    }
    Ok(Format::Terraform)
}

struct Reader<'o, 'a, 't, 'p> {
    out: &'o mut Out<'a>,
    text: &'t str,
    principals: &'p Principals<'p>,
}

/// Where a spanned item starts (0 when the parser gave no span).
fn start(item: &impl Span) -> usize {
    item.span().map_or(0, |s| s.start)
}

impl Reader<'_, '_, '_, '_> {
    /// An expression as written.
    fn source(&self, expr: &Expression) -> String {
        expr.span()
            .and_then(|s| self.text.get(s))
            .map_or_else(|| expr.to_string(), |s| s.trim().to_string())
    }

    /// `azuread_application`: its `required_resource_access` blocks.
    fn application(&mut self, block: &Block) -> Result<(), String> {
        for inner in block.body.blocks() {
            match inner.ident.as_str() {
                "required_resource_access" => self.required(inner)?,
                "dynamic" if label(inner) == Some("required_resource_access") => {
                    self.out.not_evaluated(
                        start(inner),
                        String::from("a dynamic `required_resource_access` block: its content depends on `for_each`, which is not evaluated"),
                    );
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// One `required_resource_access` block.
    fn required(&mut self, block: &Block) -> Result<(), String> {
        let Some(app_attr) = block.body.get_attribute("resource_app_id") else {
            return Err(self.out.error(start(block), "`resource_app_id` is missing"));
        };
        let mut entries = Vec::new();
        for inner in block.body.blocks() {
            match inner.ident.as_str() {
                "resource_access" => {
                    let id = self.attribute(inner, "id")?;
                    let kind = self.attribute(inner, "type")?;
                    let delegated = match kind {
                        Expression::String(s) => match s.as_str() {
                            "Scope" => Some(true),
                            "Role" => Some(false),
                            other => {
                                return Err(self.out.error(
                                    start(kind),
                                    format!("`type` is \"{other}\"; expected {TYPE_EXPECTED}"),
                                ))
                            }
                        },
                        _ => None,
                    };
                    entries.push((id, delegated));
                }
                "dynamic" if label(inner) == Some("resource_access") => {
                    self.out.not_evaluated(
                        start(inner),
                        String::from("a dynamic `resource_access` block: its content depends on `for_each`, which is not evaluated"),
                    );
                }
                _ => {}
            }
        }
        let app = self.principals.app(&app_attr.value);
        if app == App::Unknown {
            let message = format!(
                "resource_app_id `{}` is not evaluated (only literals, the published Microsoft Graph id and service principals' client_id are): {}",
                self.source(&app_attr.value),
                not_linted(entries.len())
            );
            self.out.not_evaluated(start(&app_attr.value), message);
            return Ok(());
        }
        for (id, delegated) in entries {
            self.permission(id, delegated, &app)?;
        }
        Ok(())
    }

    /// `azuread_application_api_access`: `role_ids` and `scope_ids` of `api_client_id`.
    fn api_access(&mut self, block: &Block) -> Result<(), String> {
        let app_expr = self.attribute(block, "api_client_id")?;
        let app = self.principals.app(app_expr);
        let lists: Vec<(&Expression, bool)> = [("role_ids", false), ("scope_ids", true)]
            .into_iter()
            .filter_map(|(key, delegated)| {
                block.body.get_attribute(key).map(|a| (&a.value, delegated))
            })
            .collect();
        let mut ids = Vec::new();
        for (list, delegated) in lists {
            match list {
                Expression::Array(items) => {
                    ids.extend(items.iter().map(|id| (id, Some(delegated))))
                }
                Expression::String(_)
                | Expression::Number(_)
                | Expression::Bool(_)
                | Expression::Object(_) => {
                    return Err(self.out.error(
                        start(list),
                        "`role_ids` and `scope_ids` must be lists of permission ids",
                    ))
                }
                other => {
                    let message = format!(
                        "`{}` is not evaluated (only a list written out is): the permissions in it are not linted",
                        self.source(other)
                    );
                    self.out.not_evaluated(start(other), message);
                }
            }
        }
        if app == App::Unknown {
            let message = format!(
                "api_client_id `{}` is not evaluated: {}",
                self.source(app_expr),
                not_linted(ids.len())
            );
            self.out.not_evaluated(start(app_expr), message);
            return Ok(());
        }
        for (id, delegated) in ids {
            self.permission(id, delegated, &app)?;
        }
        Ok(())
    }

    /// `azuread_app_role_assignment`: an application permission granted on the app of
    /// `resource_object_id` (or of the principal the role id is picked from).
    fn role_assignment(&mut self, block: &Block) -> Result<(), String> {
        let id = self.attribute(block, "app_role_id")?;
        let resource = block
            .body
            .get_attribute("resource_object_id")
            .and_then(|a| Principals::principal_of(&a.value))
            .or_else(|| match perm(id) {
                Perm::Named { principal, .. } => Some(principal),
                _ => None,
            })
            .map_or(App::Unknown, |p| self.principals.app_of(&p));
        match (&resource, perm(id)) {
            // An unknown resource with a GUID the catalog knows: the GUID says whose it is.
            (App::Unknown, Perm::Literal(guid)) if catalog::permission_by_id(&guid).is_some() => {
                self.permission(id, Some(false), &App::Graph)
            }
            (App::Unknown, _) => {
                let message = format!(
                    "the app role `{}` is granted on a resource that is not evaluated: not linted",
                    self.source(id)
                );
                self.out.not_evaluated(start(id), message);
                Ok(())
            }
            _ => self.permission(id, Some(false), &resource),
        }
    }

    /// The attribute `key` of `block`; an error when it is missing.
    fn attribute<'b>(&self, block: &'b Block, key: &str) -> Result<&'b Expression, String> {
        block
            .body
            .get_attribute(key)
            .map(|a| &a.value)
            .ok_or_else(|| self.out.error(start(block), format!("`{key}` is missing")))
    }

    /// One permission id requested from `app`; `delegated` is what `type` (or the list it is
    /// in) says, `None` when that is not evaluated.
    fn permission(
        &mut self,
        id: &Expression,
        delegated: Option<bool>,
        app: &App,
    ) -> Result<(), String> {
        let at = start(id);
        let resource_app = app.resource_app();
        match perm(id) {
            Perm::Literal(guid) => {
                if !is_guid(&guid) {
                    return Err(self.out.error(
                        at,
                        format!(
                            "`{guid}` is not a GUID; the azuread provider takes permission ids"
                        ),
                    ));
                }
                let origin = match delegated {
                    Some(true) => ScopeOrigin::Delegated,
                    Some(false) => ScopeOrigin::Application,
                    None => ScopeOrigin::Listed,
                };
                self.out.scope(&guid, origin, resource_app, at);
            }
            Perm::Named { name, role, .. } => {
                let from_map = if role {
                    ScopeOrigin::Application
                } else {
                    ScopeOrigin::Delegated
                };
                match delegated {
                    // The map and the type disagree: Entra receives the map's GUID with the
                    // other type, which the lint reports as a scheme mismatch.
                    Some(d) if d == role => match guid_of(&name, role) {
                        Some(guid) => {
                            let origin = if d {
                                ScopeOrigin::Delegated
                            } else {
                                ScopeOrigin::Application
                            };
                            self.out.scope(guid, origin, resource_app, at);
                        }
                        None => self.out.scope(&name, from_map, resource_app, at),
                    },
                    _ => self.out.scope(&name, from_map, resource_app, at),
                }
            }
            Perm::Unknown => {
                let message = format!(
                    "permission id `{}` is not evaluated (only literal GUIDs and a service principal's app_role_ids[\"Name\"] / oauth2_permission_scope_ids[\"Name\"] are): not linted",
                    self.source(id)
                );
                self.out.not_evaluated(at, message);
            }
        }
        Ok(())
    }
}

/// A `dynamic "label"` block's label.
fn label(block: &Block) -> Option<&str> {
    block.labels.first().map(|l| l.as_str())
}

/// The catalog GUID of `name` as an app role (`role`) or a delegated scope.
fn guid_of(name: &str, role: bool) -> Option<&'static str> {
    let info = catalog::permission(name)?;
    let mode = if role {
        AuthMode::Application
    } else {
        AuthMode::DelegatedWork
    };
    info.scheme(mode)
        .or_else(|| {
            (!role)
                .then(|| info.scheme(AuthMode::DelegatedPersonal))
                .flatten()
        })
        .and_then(|s| s.id())
}
