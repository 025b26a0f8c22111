//! A Teams app manifest's resource-specific consent (RSC): the permissions a team's or chat's
//! owners grant the app for that team or chat alone. Manifests from version 1.12 list them under
//! `authorization.permissions.resourceSpecific` (`{"name", "type": "Application" | "Delegated"}`);
//! older ones under `webApplicationInfo.applicationPermissions` (names, all application).
//! Nothing else in the manifest requests Microsoft Graph permissions.

use super::jsonc::{array, get, kind, object, string};
use super::{is_placeholder, Out};
use jsonc_parser::ast::{Object, Value};
use jsonc_parser::common::Ranged;
use msgraph_scopes::lint::ScopeOrigin;

/// What each `type` means.
const TYPE_EXPECTED: &str = "`Application` or `Delegated`";

/// Whether `root` is a Teams app manifest: it has a `manifestVersion`, or the Teams schema, or
/// one of the two places RSC permissions live.
pub(super) fn is_teams_app(root: &Object<'_>) -> bool {
    let teams_schema = get(root, "$schema").is_some_and(
        |s| matches!(&s.value, Value::StringLit(v) if v.value.contains("MicrosoftTeams.schema")),
    );
    teams_schema
        || get(root, "manifestVersion").is_some()
        || get(root, "webApplicationInfo").is_some()
        || get(root, "authorization").is_some()
}

/// Reads the RSC permissions of the manifest `root`.
pub(super) fn read(out: &mut Out<'_>, root: &Object<'_>) -> Result<(), String> {
    if let Some(auth) = get(root, "authorization") {
        let auth = object(out, &auth.value, "authorization", "an object")?;
        if let Some(permissions) = get(auth, "permissions") {
            let permissions = object(out, &permissions.value, "permissions", "an object")?;
            if let Some(list) = get(permissions, "resourceSpecific") {
                resource_specific(out, array(out, list, "an array of {name, type} objects")?)?;
            }
        }
    }
    if let Some(info) = get(root, "webApplicationInfo") {
        let info = object(out, &info.value, "webApplicationInfo", "an object")?;
        if let Some(list) = get(info, "applicationPermissions") {
            let list = array(out, list, "an array of permission names")?;
            for name in &list.elements {
                let Value::StringLit(name) = name else {
                    return Err(out.error(
                        name.range().start,
                        format!(
                            "an `applicationPermissions` entry is {}; expected a permission name",
                            kind(name)
                        ),
                    ));
                };
                add(
                    out,
                    &name.value,
                    Some(ScopeOrigin::ResourceSpecificApplication),
                    name.range.start + 1,
                );
            }
        }
    }
    Ok(())
}

/// `authorization.permissions.resourceSpecific`.
fn resource_specific(out: &mut Out<'_>, list: &jsonc_parser::ast::Array<'_>) -> Result<(), String> {
    let mut entries = Vec::new();
    for entry in &list.elements {
        let entry = object(
            out,
            entry,
            "resourceSpecific",
            "an object with `name` and `type`",
        )?;
        let name = string(out, entry, "name", "a resource-specific permission's name")?;
        let kind = string(out, entry, "type", TYPE_EXPECTED)?;
        let origin = match kind.value.as_ref() {
            "Application" => Some(ScopeOrigin::ResourceSpecificApplication),
            "Delegated" => Some(ScopeOrigin::ResourceSpecificDelegated),
            other if is_placeholder(other) => None,
            other => {
                return Err(out.error(
                    kind.range.start + 1,
                    format!("`type` is `{other}`; expected {TYPE_EXPECTED}"),
                ))
            }
        };
        entries.push((name, origin));
    }
    for (name, origin) in entries {
        add(out, &name.value, origin, name.range.start + 1);
    }
    Ok(())
}

/// One RSC permission, or a note when the name or type is a placeholder.
fn add(out: &mut Out<'_>, name: &str, origin: Option<ScopeOrigin>, at: usize) {
    match origin {
        _ if is_placeholder(name) => out.not_evaluated(
            at,
            format!("permission `{name}` is a placeholder filled in at provision time: not linted"),
        ),
        None => out.not_evaluated(
            at,
            format!(
                "the type of `{name}` is a placeholder filled in at provision time: not linted"
            ),
        ),
        Some(origin) => out.scope(name.trim(), origin, None, at),
    }
}
