//! `requiredResourceAccess`: the permissions an Entra ID application requests, in the three JSON
//! shapes that carry it. The classic app manifest and the Microsoft Graph `application` object
//! (`az ad app show`, `GET /applications/{id}`) name resource apps and permissions by GUID;
//! Teams Toolkit's `aad.manifest.json` may name them (`"resourceAppId": "Microsoft Graph"`,
//! `"id": "User.Read"`) and hold `${{VAR}}` placeholders, which are left alone.
//!
//! `Scope` entries are delegated, `Role` entries application permissions.

use super::jsonc::{array, get, object, string};
use super::{is_guid, is_placeholder, not_linted, resource_app, Format, Out};
use jsonc_parser::ast::{Object, ObjectProp, StringLit};
use msgraph_scopes::lint::ScopeOrigin;

/// Keys only the Microsoft Graph `application` object has (the classic manifest has
/// `oauth2Permissions`, `replyUrlsWithType` and the like instead).
const GRAPH_OBJECT_KEYS: [&str; 6] = [
    "@odata.context",
    "api",
    "web",
    "spa",
    "publicClient",
    "uniqueName",
];

/// What each `type` means.
const TYPE_EXPECTED: &str =
    "`Scope` (a delegated permission) or `Role` (an application permission)";

/// Reads `requiredResourceAccess` (the property `rra` of `root`).
pub(super) fn read(
    out: &mut Out<'_>,
    root: &Object<'_>,
    rra: &ObjectProp<'_>,
) -> Result<Format, String> {
    let mut toolkit = get(root, "$schema").is_some_and(|s| {
        matches!(&s.value, jsonc_parser::ast::Value::StringLit(v)
            if v.value.contains("teams-toolkit") || v.value.contains("aad.schema"))
    });
    let groups = array(
        out,
        rra,
        "an array of {resourceAppId, resourceAccess} objects",
    )?;
    for group in &groups.elements {
        let group = object(
            out,
            group,
            "requiredResourceAccess",
            "an object with `resourceAppId` and `resourceAccess`",
        )?;
        let app = string(
            out,
            group,
            "resourceAppId",
            "the resource app's GUID (or its name in a Teams Toolkit manifest)",
        )?;
        let Some(access) = get(group, "resourceAccess") else {
            return Err(out.error(group.range.start, "`resourceAccess` is missing"));
        };
        let access = array(out, access, "an array of {id, type} objects")?;
        // Every entry is checked before anything is skipped, so that a wrong shape is always
        // an error.
        let mut entries: Vec<(&StringLit<'_>, Option<ScopeOrigin>)> = Vec::new();
        for entry in &access.elements {
            let entry = object(
                out,
                entry,
                "resourceAccess",
                "an object with `id` and `type`",
            )?;
            let id = string(
                out,
                entry,
                "id",
                "the permission's GUID (or its name in a Teams Toolkit manifest)",
            )?;
            let kind = string(out, entry, "type", TYPE_EXPECTED)?;
            let origin = match kind.value.as_ref() {
                "Scope" => Some(ScopeOrigin::Delegated),
                "Role" => Some(ScopeOrigin::Application),
                other if is_placeholder(other) => None,
                other => {
                    return Err(out.error(
                        kind.range.start + 1,
                        format!("`type` is `{other}`; expected {TYPE_EXPECTED}"),
                    ))
                }
            };
            entries.push((id, origin));
        }
        if is_placeholder(&app.value) {
            toolkit = true;
            out.not_evaluated(
                app.range.start + 1,
                format!(
                    "resourceAppId `{}` is a placeholder filled in at provision time: {}",
                    app.value,
                    not_linted(entries.len())
                ),
            );
            continue;
        }
        toolkit |= !is_guid(app.value.trim());
        let resource = resource_app(&app.value);
        for (id, origin) in entries {
            let at = id.range.start + 1;
            if is_placeholder(&id.value) {
                toolkit = true;
                out.not_evaluated(
                    at,
                    format!(
                        "permission id `{}` is a placeholder filled in at provision time: not linted",
                        id.value
                    ),
                );
                continue;
            }
            let Some(origin) = origin else {
                toolkit = true;
                out.not_evaluated(
                    at,
                    format!(
                        "the type of `{}` is a placeholder filled in at provision time: not linted",
                        id.value
                    ),
                );
                continue;
            };
            toolkit |= !is_guid(id.value.trim());
            out.scope(id.value.trim(), origin, resource.clone(), at);
        }
    }
    Ok(if toolkit {
        Format::TeamsToolkit
    } else if GRAPH_OBJECT_KEYS.iter().any(|k| get(root, k).is_some()) {
        Format::GraphApplication
    } else {
        Format::EntraManifest
    })
}
