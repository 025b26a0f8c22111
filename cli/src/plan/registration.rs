//! A plan's scopes as an app registration takes them: Entra `requiredResourceAccess` with
//! GUIDs, a Teams Toolkit `aad.manifest.json` fragment with names, a Terraform
//! `required_resource_access` block, or `az ad app permission add` commands.
//!
//! Resource-specific-consent scopes are granted in the Teams app manifest, not in the app
//! registration: they are left out here and named on stderr.

use super::view::View;
use crate::args::PlanFormat;
use msgraph_scopes::catalog::MICROSOFT_GRAPH;
use msgraph_scopes::plan::Scope;
use serde::Serialize;
use std::fmt::Write;

/// The output, and what it could not hold.
pub struct Rendered {
    /// For stdout.
    pub text: String,
    /// Lines for stderr.
    pub notes: Vec<String>,
    /// Chosen scopes the catalog gives no GUID for (the GUID formats cannot write them).
    pub missing_ids: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Manifest<'a> {
    required_resource_access: Vec<Group<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Group<'a> {
    resource_app_id: &'a str,
    resource_access: Vec<Access<'a>>,
}

#[derive(Serialize)]
struct Access<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// `format` is one of the registration formats.
pub fn render(view: &View<'_>, format: PlanFormat) -> Rendered {
    let plan = view.plan;
    let kind = if plan.mode().is_delegated() {
        "Scope"
    } else {
        "Role"
    };
    let mut notes = Vec::new();
    let mut missing_ids = Vec::new();
    let needs_id = format != PlanFormat::TeamsToolkit;
    // The scopes the registration holds, each with its GUID where the format needs one.
    let mut granted: Vec<(&Scope, &'static str)> = Vec::new();
    for scope in plan.scopes() {
        if scope.rsc {
            notes.push(format!(
                "note: {} is resource-specific consent: grant it in the Teams app manifest \
                 (authorization.permissions.resourceSpecific, type {}), not in the app \
                 registration",
                scope.name,
                if plan.mode().is_delegated() {
                    "Delegated"
                } else {
                    "Application"
                }
            ));
            continue;
        }
        match (needs_id, scope.id) {
            (false, _) => granted.push((scope, scope.name)),
            (true, Some(id)) => granted.push((scope, id)),
            (true, None) => {
                notes.push(format!(
                    "error: the catalog gives {} no GUID under {}, so it cannot be written here; \
                     add it by name (or use --format teams-toolkit)",
                    scope.name,
                    plan.mode()
                ));
                missing_ids.push(scope.name);
            }
        }
    }
    let header = format!(
        "Microsoft Graph permissions planned by msgraph-scopes for {} ({})",
        view.config,
        view.heading()
    );
    let text = match format {
        PlanFormat::Terraform => terraform(&header, &granted, kind),
        PlanFormat::Az => az(&header, &granted, kind),
        PlanFormat::TeamsToolkit => manifest("Microsoft Graph", &granted, kind),
        _ => manifest(MICROSOFT_GRAPH, &granted, kind),
    };
    Rendered {
        text,
        notes,
        missing_ids,
    }
}

/// `{"requiredResourceAccess": [...]}`, pretty-printed.
fn manifest(app: &str, granted: &[(&Scope, &str)], kind: &'static str) -> String {
    // Nothing to grant in the registration (every scope is resource-specific): no entry.
    let groups = if granted.is_empty() {
        Vec::new()
    } else {
        vec![Group {
            resource_app_id: app,
            resource_access: granted.iter().map(|(_, id)| Access { id, kind }).collect(),
        }]
    };
    let value = Manifest {
        required_resource_access: groups,
    };
    match serde_json::to_string_pretty(&value) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}

fn terraform(header: &str, granted: &[(&Scope, &str)], kind: &str) -> String {
    let mut out = format!("# {header}\n");
    if granted.is_empty() {
        let _ = writeln!(
            out,
            "# Nothing to grant in the app registration: no required_resource_access block."
        );
        return out;
    }
    let _ = writeln!(out, "required_resource_access {{");
    let _ = writeln!(
        out,
        "  resource_app_id = \"{MICROSOFT_GRAPH}\" # Microsoft Graph"
    );
    for (scope, id) in granted {
        let _ = writeln!(out);
        let _ = writeln!(out, "  resource_access {{");
        let _ = writeln!(out, "    id   = \"{id}\" # {}", scope.name);
        let _ = writeln!(out, "    type = \"{kind}\"");
        let _ = writeln!(out, "  }}");
    }
    let _ = writeln!(out, "}}");
    out
}

fn az(header: &str, granted: &[(&Scope, &str)], kind: &str) -> String {
    let mut out = format!("# {header}\n");
    if granted.is_empty() {
        let _ = writeln!(out, "# Nothing to grant in the app registration.");
        return out;
    }
    let _ = writeln!(
        out,
        "# APP_ID is the application (client) id of the app registration."
    );
    for (scope, id) in granted {
        let _ = writeln!(
            out,
            "az ad app permission add --id \"$APP_ID\" --api {MICROSOFT_GRAPH} --api-permissions {id}={kind}  # {}",
            scope.name
        );
    }
    let consent: Vec<&str> = granted
        .iter()
        .filter(|(s, _)| s.admin_consent == Some(true))
        .map(|(s, _)| s.name)
        .collect();
    if !consent.is_empty() {
        let _ = writeln!(
            out,
            "# {} need{} admin consent:",
            consent.join(", "),
            if consent.len() == 1 { "s" } else { "" }
        );
        let _ = writeln!(out, "az ad app permission admin-consent --id \"$APP_ID\"");
    }
    out
}
