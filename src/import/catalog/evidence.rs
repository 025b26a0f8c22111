//! The evidence the three files give per permission name, gathered before any rule is applied.

use std::borrow::ToOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::format;
use std::string::String;
use std::vec::Vec;

use super::error::CatalogError;
use super::upstream::{
    parse_scheme, DescriptionsJson, PermissionsJson, ProvisioningJson, DESCRIPTIONS, GRAPH_APP_ID,
    NIL_APP_ID, PERMISSIONS, PROVISIONING,
};
use crate::AuthMode;

/// A GUID, lower-cased: `Ok(None)` for an empty or absent one, `Err(raw)` for a malformed one.
pub(super) fn guid(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    if crate::catalog::is_guid(raw) && !raw.starts_with('{') {
        Ok(Some(raw.to_ascii_lowercase()))
    } else {
        Err(raw.to_owned())
    }
}

/// What `permissions.json` says about one scheme.
#[derive(Debug, Clone, Copy)]
pub(super) struct Listed {
    pub(super) admin_consent: Option<bool>,
    pub(super) privilege_level: Option<u8>,
}

/// One provisioningInfo.json deployment.
#[derive(Debug, Clone)]
pub(super) struct Deployment {
    pub(super) id: Option<String>,
    /// The environment as written (`public`, `PPE;public`, or empty).
    pub(super) environment: String,
    /// Resource app, lower-cased; empty for Graph (empty, Graph's id or the nil GUID).
    pub(super) foreign_app: String,
    /// The resource app was the nil GUID.
    pub(super) nil_app: bool,
    pub(super) hidden: bool,
    pub(super) disabled: bool,
}

impl Deployment {
    pub(super) fn is_graph(&self) -> bool {
        self.foreign_app.is_empty()
    }
}

#[derive(Debug, Default)]
pub(super) struct Evidence {
    /// In permissions.json: the authorization type says RSC.
    pub(super) in_permissions: bool,
    pub(super) rsc: bool,
    pub(super) listed: [Option<Listed>; 3],
    /// permissions-descriptions.json: (GUID, isAdmin) for the delegated scope / application role.
    pub(super) delegated: Vec<(Option<String>, Option<bool>)>,
    pub(super) application: Vec<(Option<String>, Option<bool>)>,
    /// provisioningInfo.json deployments by scheme.
    pub(super) deployments: [Vec<Deployment>; 3],
    /// Malformed GUIDs, described (`provisioningInfo.json gives ... for application`).
    pub(super) malformed: Vec<String>,
}

impl Evidence {
    pub(super) fn in_descriptions(&self) -> bool {
        !self.delegated.is_empty() || !self.application.is_empty()
    }

    pub(super) fn descriptions_for(&self, scheme: AuthMode) -> &[(Option<String>, Option<bool>)] {
        match scheme {
            AuthMode::Application => &self.application,
            _ => &self.delegated,
        }
    }

    /// Public Graph deployments of a scheme.
    pub(super) fn public_graph(&self, scheme: AuthMode) -> impl Iterator<Item = &Deployment> {
        self.deployments[scheme.index()]
            .iter()
            .filter(|d| d.is_graph() && is_public(&d.environment))
    }

    pub(super) fn in_provisioning_graph(&self) -> bool {
        AuthMode::ALL
            .iter()
            .any(|s| self.public_graph(*s).any(|d| d.id.is_some()))
    }
}

/// Environment lists are `;`-separated (`PPE;public`); empty means unspecified, taken as public.
pub(super) fn is_public(environment: &str) -> bool {
    let environment = environment.trim();
    environment.is_empty()
        || environment
            .split(';')
            .any(|e| e.trim().eq_ignore_ascii_case("public"))
}

pub(super) fn environment_label(environment: &str) -> String {
    if environment.trim().is_empty() {
        "environment unspecified".to_owned()
    } else {
        format!("environment '{environment}'")
    }
}

#[derive(Debug, Default)]
pub(super) struct Skipped {
    pub(super) foreign_without_id: usize,
    pub(super) foreign_not_public: usize,
}

pub(super) fn collect_permissions(
    permissions: &PermissionsJson,
    evidence: &mut BTreeMap<String, Evidence>,
) -> Result<(), CatalogError> {
    for (name, permission) in &permissions.permissions {
        let ev = evidence.entry(name.clone()).or_default();
        ev.in_permissions = true;
        ev.rsc = match permission.authorization_type.as_deref() {
            None => false,
            Some(t) if t.eq_ignore_ascii_case("oAuth2") => false,
            Some(t) if t.eq_ignore_ascii_case("RSC") => true,
            Some(other) => {
                return Err(CatalogError::invalid(
                    PERMISSIONS,
                    format!("{name}: unknown authorizationType `{other}` (expected oAuth2 or RSC)"),
                ))
            }
        };
        for (scheme_name, scheme) in &permission.schemes {
            let s = parse_scheme(scheme_name).ok_or_else(|| {
                CatalogError::invalid(
                    PERMISSIONS,
                    format!(
                        "{name}: unknown scheme `{scheme_name}` \
                         (expected DelegatedWork, DelegatedPersonal or Application)"
                    ),
                )
            })?;
            let privilege_level = match scheme.privilege_level {
                None => None,
                Some(level) => Some(
                    u8::try_from(level)
                        .ok()
                        .filter(|l| (1..=4).contains(l))
                        .ok_or_else(|| {
                            CatalogError::invalid(
                                PERMISSIONS,
                                format!(
                                    "{name}: {scheme_name} privilegeLevel {level} is not 1 to 4"
                                ),
                            )
                        })?,
                ),
            };
            ev.listed[s.index()] = Some(Listed {
                admin_consent: scheme.requires_admin_consent,
                privilege_level,
            });
        }
    }
    Ok(())
}

pub(super) fn collect_descriptions(
    descriptions: &DescriptionsJson,
    evidence: &mut BTreeMap<String, Evidence>,
) {
    for (list, delegated) in [
        (&descriptions.delegated_scopes_list, true),
        (&descriptions.application_scopes_list, false),
    ] {
        for entry in list {
            let ev = evidence.entry(entry.value.clone()).or_default();
            let id = guid(entry.id.as_deref()).unwrap_or_else(|raw| {
                let what = if delegated {
                    "delegated scope"
                } else {
                    "application role"
                };
                ev.malformed.push(format!(
                    "{DESCRIPTIONS} gives a malformed GUID `{raw}` for its {what}; ignored"
                ));
                None
            });
            let target = if delegated {
                &mut ev.delegated
            } else {
                &mut ev.application
            };
            target.push((id, entry.is_admin));
        }
    }
}

pub(super) fn collect_provisioning(
    provisioning: &ProvisioningJson,
    evidence: &mut BTreeMap<String, Evidence>,
    skipped: &mut Skipped,
    report: &mut Vec<String>,
) {
    let mut unknown_environments = BTreeSet::new();
    for (name, deployments) in &provisioning.deployments {
        for d in deployments {
            let Some(scheme) = parse_scheme(&d.scheme) else {
                report.push(format!(
                    "{PROVISIONING}: {name}: deployment with unknown scheme `{}` skipped",
                    d.scheme
                ));
                continue;
            };
            let ev = evidence.entry(name.clone()).or_default();
            let environment = d.environment.clone().unwrap_or_default();
            for token in environment.split(';').map(str::trim) {
                if !token.is_empty()
                    && !["public", "ppe", "fairfax"]
                        .iter()
                        .any(|k| token.eq_ignore_ascii_case(k))
                {
                    unknown_environments.insert(token.to_owned());
                }
            }
            let app = d
                .resource_app_id
                .as_deref()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let nil_app = app == NIL_APP_ID;
            let foreign_app = if app.is_empty() || app == GRAPH_APP_ID || nil_app {
                String::new()
            } else {
                app
            };
            let id = guid(d.id.as_deref()).unwrap_or_else(|raw| {
                let owner = if foreign_app.is_empty() {
                    String::new()
                } else {
                    format!(" under resource app {foreign_app}")
                };
                ev.malformed.push(format!(
                    "{PROVISIONING} gives a malformed GUID `{raw}` for {}{owner}; ignored",
                    scheme.as_str()
                ));
                None
            });
            if !foreign_app.is_empty() {
                if id.is_none() {
                    skipped.foreign_without_id += 1;
                } else if !is_public(&environment) {
                    skipped.foreign_not_public += 1;
                }
            }
            ev.deployments[scheme.index()].push(Deployment {
                id,
                environment,
                foreign_app,
                nil_app,
                hidden: d.is_hidden == Some(true),
                disabled: d.is_enabled == Some(false),
            });
        }
    }
    for environment in unknown_environments {
        report.push(format!(
            "{PROVISIONING}: unknown environment `{environment}` (not taken as public)"
        ));
    }
}
