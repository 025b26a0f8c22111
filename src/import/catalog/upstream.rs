//! The upstream files: their names, the ids they use, and the serde schemas of the three JSON
//! files (only the fields used; serde ignores the rest).

use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;

use serde::Deserialize;

use super::error::CatalogError;
use crate::AuthMode;

/// Microsoft Graph's application id, as resource apps name it.
pub(super) const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";
/// The nil GUID, which some deployments give as their resource app: read as "unspecified".
pub(super) const NIL_APP_ID: &str = "00000000-0000-0000-0000-000000000000";

/// File names, as they appear in errors, notes and the report.
pub(in crate::import) const PERMISSIONS: &str = "permissions.json";
pub(super) const PROVISIONING: &str = "provisioningInfo.json";
pub(super) const DESCRIPTIONS: &str = "permissions-descriptions.json";
pub(in crate::import) const SOURCE_MD: &str = "SOURCE.md";

pub(in crate::import) fn parse_json<'a, T: Deserialize<'a>>(
    file: &'static str,
    text: &'a str,
) -> Result<T, CatalogError> {
    serde_json::from_str(text).map_err(|source| CatalogError::Json { file, source })
}

/// A scheme as the upstream files spell it (`DelegatedWork`, `DelegatedPersonal`,
/// `Application`), exactly.
pub(in crate::import) fn parse_scheme(s: &str) -> Option<AuthMode> {
    match s {
        "DelegatedWork" => Some(AuthMode::DelegatedWork),
        "DelegatedPersonal" => Some(AuthMode::DelegatedPersonal),
        "Application" => Some(AuthMode::Application),
        _ => None,
    }
}

#[derive(Deserialize)]
pub(in crate::import) struct PermissionsJson {
    pub(in crate::import) permissions: BTreeMap<String, PermissionJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(in crate::import) struct PermissionJson {
    #[serde(default)]
    pub(super) authorization_type: Option<String>,
    #[serde(default)]
    pub(in crate::import) schemes: BTreeMap<String, PermissionSchemeJson>,
    /// The API paths the permission grants, per set of methods and schemes (read by the
    /// request importer, `import::requests`).
    #[serde(default)]
    pub(in crate::import) path_sets: Vec<PathSetJson>,
}

/// One `pathSets` entry: these methods on these paths, under these schemes. A path's value
/// lists the schemes for which the permission is the least privileged one
/// (`least=DelegatedWork,Application`), and other permissions it also needs
/// (`AlsoRequires=...`), separated by `;`; or is empty.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(in crate::import) struct PathSetJson {
    #[serde(default)]
    pub(in crate::import) scheme_keys: Vec<String>,
    #[serde(default)]
    pub(in crate::import) methods: Vec<String>,
    #[serde(default)]
    pub(in crate::import) paths: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(in crate::import) struct PermissionSchemeJson {
    #[serde(default)]
    pub(super) requires_admin_consent: Option<bool>,
    #[serde(default)]
    pub(in crate::import) privilege_level: Option<i64>,
}

#[derive(Deserialize)]
pub(super) struct ProvisioningJson {
    #[serde(rename = "permissionDeployments")]
    pub(super) deployments: BTreeMap<String, Vec<DeploymentJson>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DeploymentJson {
    #[serde(default)]
    pub(super) id: Option<String>,
    pub(super) scheme: String,
    #[serde(default)]
    pub(super) environment: Option<String>,
    #[serde(default)]
    pub(super) is_hidden: Option<bool>,
    #[serde(default)]
    pub(super) is_enabled: Option<bool>,
    #[serde(default)]
    pub(super) resource_app_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DescriptionsJson {
    #[serde(default)]
    pub(super) delegated_scopes_list: Vec<DescriptionJson>,
    #[serde(default)]
    pub(super) application_scopes_list: Vec<DescriptionJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DescriptionJson {
    pub(super) value: String,
    #[serde(default)]
    pub(super) id: Option<String>,
    #[serde(default)]
    pub(super) is_admin: Option<bool>,
}
