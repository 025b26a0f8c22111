//! What a Terraform expression stands for, where the azuread provider makes that knowable
//! without running Terraform: a literal GUID; the well-known Microsoft Graph app id
//! (`data.azuread_application_published_app_ids.X.result["MicrosoftGraph"]` or
//! `.result.MicrosoftGraph`); a service principal's `client_id`, followed to the principal's own
//! `client_id`; and a permission picked by name from a service principal's `app_role_ids` or
//! `oauth2_permission_scope_ids` map. Anything else (a variable, a local, a function call) is not
//! evaluated.

use super::super::resource_app;
use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::Body;

/// A resource app as an expression names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum App {
    /// Microsoft Graph.
    Graph,
    /// Another app: a GUID, or a name from the published app ids (`Office365SharePointOnline`).
    Other(String),
    /// Not evaluated.
    Unknown,
}

impl App {
    /// As a requested scope's `resource_app`: `None` is Microsoft Graph.
    pub(super) fn resource_app(&self) -> Option<String> {
        match self {
            App::Graph | App::Unknown => None,
            App::Other(app) => Some(app.clone()),
        }
    }
}

/// A permission as an expression names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Perm {
    /// A literal (a GUID).
    Literal(String),
    /// `<principal>.app_role_ids["Name"]` (`role`) or `.oauth2_permission_scope_ids["Name"]`.
    Named {
        /// The permission's name.
        name: String,
        /// Whether it comes from the app roles map (an application permission).
        role: bool,
        /// The service principal it is picked from (`data.` prefix, name).
        principal: (bool, String),
    },
    /// Not evaluated.
    Unknown,
}

/// One step of a reference: `.attr` or `["key"]`; anything else ends the evaluation.
#[derive(Debug, PartialEq, Eq)]
enum Step<'a> {
    Attr(&'a str),
    Key(&'a str),
}

/// `data.a.b["c"]` as its steps, starting with the root variable; `None` for anything that is
/// not such a plain reference.
fn steps(expr: &Expression) -> Option<Vec<Step<'_>>> {
    let Expression::Traversal(t) = expr else {
        return None;
    };
    let Expression::Variable(root) = &t.expr else {
        return None;
    };
    let mut out = vec![Step::Attr(root.as_str())];
    for op in &t.operators {
        out.push(match op.value() {
            TraversalOperator::GetAttr(a) => Step::Attr(a.as_str()),
            TraversalOperator::Index(Expression::String(s)) => Step::Key(s.as_str()),
            _ => return None,
        });
    }
    Some(out)
}

/// The steps after an optional `data.` and the resource type `kind`: (is data, name, rest).
fn under<'s, 'a>(steps: &'s [Step<'a>], kind: &str) -> Option<(bool, &'a str, &'s [Step<'a>])> {
    let (data, rest) = match steps {
        [Step::Attr("data"), rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    match rest {
        [Step::Attr(k), Step::Attr(name), rest @ ..] if *k == kind => Some((data, name, rest)),
        _ => None,
    }
}

/// The service principals the file declares (`resource` or `data`), by name.
pub(super) struct Principals<'b> {
    list: Vec<(bool, String, &'b Expression)>,
}

impl<'b> Principals<'b> {
    /// Indexes the `azuread_service_principal` blocks of `body` with a `client_id` (or the older
    /// `application_id`).
    pub(super) fn index(body: &'b Body) -> Self {
        let mut list = Vec::new();
        for block in body.blocks() {
            let data = match block.ident.as_str() {
                "resource" => false,
                "data" => true,
                _ => continue,
            };
            let (Some(kind), Some(name)) = (block.labels.first(), block.labels.get(1)) else {
                continue;
            };
            if kind.as_str() != "azuread_service_principal" {
                continue;
            }
            let id = block
                .body
                .get_attribute("client_id")
                .or_else(|| block.body.get_attribute("application_id"));
            if let Some(id) = id {
                list.push((data, name.as_str().to_string(), &id.value));
            }
        }
        Principals { list }
    }

    /// The app of the principal `(data, name)`.
    pub(super) fn app_of(&self, principal: &(bool, String)) -> App {
        self.list
            .iter()
            .find(|(data, name, _)| (*data, name) == (principal.0, &principal.1))
            .map_or(App::Unknown, |(_, _, expr)| app_literal(expr))
    }

    /// The app an expression names: a literal, the published Graph id, or a principal's
    /// `client_id`.
    pub(super) fn app(&self, expr: &Expression) -> App {
        match steps(expr) {
            Some(s) => match under(&s, "azuread_service_principal") {
                Some((data, name, [Step::Attr("client_id" | "application_id")])) => {
                    self.app_of(&(data, name.to_string()))
                }
                _ => app_literal(expr),
            },
            None => app_literal(expr),
        }
    }

    /// The service principal an `object_id` reference names (`azuread_service_principal.X.object_id`
    /// or `.id`).
    pub(super) fn principal_of(expr: &Expression) -> Option<(bool, String)> {
        let s = steps(expr)?;
        match under(&s, "azuread_service_principal")? {
            (data, name, [Step::Attr("object_id" | "id")]) => Some((data, name.to_string())),
            _ => None,
        }
    }
}

/// A literal app id, or the published app ids' `result["Name"]`.
fn app_literal(expr: &Expression) -> App {
    if let Expression::String(s) = expr {
        return match resource_app(s.as_str()) {
            None => App::Graph,
            Some(other) => App::Other(other),
        };
    }
    let Some(s) = steps(expr) else {
        return App::Unknown;
    };
    match under(&s, "azuread_application_published_app_ids") {
        Some((_, _, [Step::Attr("result"), Step::Key(key) | Step::Attr(key)])) => {
            if *key == "MicrosoftGraph" {
                App::Graph
            } else {
                App::Other((*key).to_string())
            }
        }
        _ => App::Unknown,
    }
}

/// The permission an expression names.
pub(super) fn perm(expr: &Expression) -> Perm {
    if let Expression::String(s) = expr {
        return Perm::Literal(s.as_str().trim().to_string());
    }
    let Some(s) = steps(expr) else {
        return Perm::Unknown;
    };
    match under(&s, "azuread_service_principal") {
        Some((data, principal, [Step::Attr(map), Step::Key(name) | Step::Attr(name)])) => {
            let role = match *map {
                "app_role_ids" => true,
                "oauth2_permission_scope_ids" => false,
                _ => return Perm::Unknown,
            };
            Perm::Named {
                name: (*name).to_string(),
                role,
                principal: (data, principal.to_string()),
            }
        }
        _ => Perm::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(text: &str) -> Expression {
        hcl_edit::parser::parse_expr(text).expect("an expression")
    }

    #[test]
    fn references_evaluate_to_what_the_provider_makes_of_them() {
        let body = hcl_edit::parser::parse_body(
            "data \"azuread_service_principal\" \"graph\" {\n  client_id = \"00000003-0000-0000-c000-000000000000\"\n}\nresource \"azuread_service_principal\" \"sp\" {\n  client_id = data.azuread_application_published_app_ids.ids.result.Office365SharePointOnline\n}\n",
        )
        .expect("HCL");
        let sps = Principals::index(&body);
        assert_eq!(
            sps.app(&expr("data.azuread_service_principal.graph.client_id")),
            App::Graph
        );
        assert_eq!(
            sps.app(&expr("azuread_service_principal.sp.client_id")),
            App::Other("Office365SharePointOnline".into())
        );
        assert_eq!(
            sps.app(&expr(
                "data.azuread_application_published_app_ids.x.result[\"MicrosoftGraph\"]"
            )),
            App::Graph
        );
        assert_eq!(sps.app(&expr("var.graph")), App::Unknown);
        assert_eq!(
            sps.app(&expr("azuread_service_principal.nope.client_id")),
            App::Unknown
        );
        assert_eq!(
            perm(&expr(
                "data.azuread_service_principal.graph.oauth2_permission_scope_ids[\"User.Read\"]"
            )),
            Perm::Named {
                name: "User.Read".into(),
                role: false,
                principal: (true, "graph".into())
            }
        );
        assert_eq!(perm(&expr("local.roles[\"User.Read\"]")), Perm::Unknown);
        assert_eq!(
            perm(&expr("azuread_service_principal.g.app_roles[0]")),
            Perm::Unknown
        );
        assert_eq!(
            Principals::principal_of(&expr("azuread_service_principal.g.object_id")),
            Some((false, "g".into()))
        );
    }
}
