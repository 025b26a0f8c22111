//! Requested permissions from an Entra ID application manifest or a Microsoft Graph
//! `application` object: `requiredResourceAccess` entries.

use super::super::input::line_col;
use msgraph_scopes::catalog::MICROSOFT_GRAPH;
use msgraph_scopes::lint::{Location, RequestedScope, ScopeOrigin};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    #[serde(default)]
    required_resource_access: Vec<ResourceAccessGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ResourceAccessGroup {
    resource_app_id: String,
    #[serde(default)]
    resource_access: Vec<ResourceAccess>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceAccess {
    id: String,
    #[serde(rename = "type")]
    kind: String,
}

/// The permissions the manifest `name` (text `text`) requests. Entries of other resource apps
/// are kept (the lint reports them: the retired Azure AD Graph's GUIDs are a common mistake).
pub fn parse(name: &str, text: &str) -> Result<Vec<RequestedScope>, String> {
    let manifest: Manifest = serde_json::from_str(text)
        .map_err(|err| format!("{name}:{}:{}: {err}", err.line(), err.column()))?;
    let mut out = Vec::new();
    let mut search_from = 0;
    for group in &manifest.required_resource_access {
        let graph = group.resource_app_id.eq_ignore_ascii_case(MICROSOFT_GRAPH);
        for access in &group.resource_access {
            let origin = match access.kind.as_str() {
                "Scope" => ScopeOrigin::Delegated,
                "Role" => ScopeOrigin::Application,
                other => {
                    return Err(format!(
                        "{name}: resourceAccess type `{other}` is neither `Scope` nor `Role`"
                    ))
                }
            };
            // serde_json keeps no positions; the id's first quoted occurrence after the
            // previous one is where it is written.
            let quoted = format!("\"{}\"", access.id);
            let location = text[search_from..].find(&quoted).map(|i| {
                let at = search_from + i + 1;
                search_from = at;
                let (line, column) = line_col(text, at);
                Location { line, column }
            });
            // Entries of other APIs are kept, so that the lint says whose they are.
            out.push(RequestedScope {
                text: access.id.clone(),
                origin,
                location,
                file: Some(name.to_string()),
                resource_app: (!graph).then(|| group.resource_app_id.to_ascii_lowercase()),
            });
        }
    }
    Ok(out)
}
