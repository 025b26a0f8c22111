//! The merge rules for one permission: which schemes exist, which GUID is `id`, where
//! `admin_consent` and `privilege_level` come from, and the notes that say why.

use std::borrow::ToOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::format;
use std::string::String;
use std::vec;
use std::vec::Vec;

use super::evidence::{environment_label, is_public, Deployment, Evidence};
use super::upstream::{DESCRIPTIONS, PERMISSIONS, PROVISIONING};
use crate::import::schema::{CatalogPermission, SchemeEntry};
use crate::AuthMode;

/// A GUID candidate and who gives it.
pub(super) struct Candidate {
    pub(super) id: String,
    pub(super) sources: Vec<String>,
    /// Every source giving it is a provisioningInfo.json deployment with an unspecified
    /// environment or a nil resource app (a weaker claim).
    pub(super) qualified_only: bool,
    pub(super) qualifiers: BTreeSet<&'static str>,
}

pub(super) fn add_candidate(
    candidates: &mut Vec<Candidate>,
    id: &str,
    source: String,
    qualifiers: &[&'static str],
) {
    if let Some(c) = candidates.iter_mut().find(|c| c.id == id) {
        if !c.sources.contains(&source) {
            c.sources.push(source);
        }
        c.qualified_only &= !qualifiers.is_empty();
        c.qualifiers.extend(qualifiers.iter().copied());
    } else {
        candidates.push(Candidate {
            id: id.to_owned(),
            sources: vec![source],
            qualified_only: !qualifiers.is_empty(),
            qualifiers: qualifiers.iter().copied().collect(),
        });
    }
}

pub(super) fn deployment_qualifiers(d: &Deployment) -> Vec<&'static str> {
    let mut q = Vec::new();
    if d.environment.trim().is_empty() {
        q.push("no environment");
    }
    if d.nil_app {
        q.push("a nil resourceAppId");
    }
    q
}

pub(super) fn deployment_source(d: &Deployment, scheme: AuthMode, own: AuthMode) -> String {
    let mut s = PROVISIONING.to_owned();
    let mut extra = Vec::new();
    if scheme != own {
        extra.push(format!("{} deployment", scheme.as_str()));
    }
    if d.environment.trim().is_empty() {
        extra.push(environment_label(&d.environment));
    }
    if d.nil_app {
        extra.push("nil resourceAppId".to_owned());
    }
    if !extra.is_empty() {
        s.push_str(" (");
        s.push_str(&extra.join(", "));
        s.push(')');
    }
    s
}

/// GUID candidates for one scheme, best first: permissions-descriptions.json, then the scheme's
/// own provisioningInfo.json deployments, then (delegated-personal only) delegated-work's.
pub(super) fn candidates(ev: &Evidence, scheme: AuthMode) -> Vec<Candidate> {
    let mut out = Vec::new();
    let description_source = match scheme {
        AuthMode::Application => format!("{DESCRIPTIONS} (application role)"),
        _ => format!("{DESCRIPTIONS} (delegated scope)"),
    };
    for (id, _) in ev.descriptions_for(scheme) {
        if let Some(id) = id {
            add_candidate(&mut out, id, description_source.clone(), &[]);
        }
    }
    let mut from = vec![scheme];
    if scheme == AuthMode::DelegatedPersonal {
        from.push(AuthMode::DelegatedWork);
    }
    for s in from {
        for d in ev.public_graph(s) {
            if let Some(id) = &d.id {
                add_candidate(
                    &mut out,
                    id,
                    deployment_source(d, s, scheme),
                    &deployment_qualifiers(d),
                );
            }
        }
    }
    out
}

pub(super) fn build_permission(name: &str, ev: &Evidence) -> Option<CatalogPermission> {
    let mut notes = Vec::new();
    let mut entries: [Option<SchemeEntry>; 3] = [None, None, None];

    for scheme in AuthMode::ALL {
        let listed = ev.listed[scheme.index()];
        let cands = candidates(ev, scheme);
        // Does a source other than permissions.json establish this scheme on its own?
        let established_elsewhere = match scheme {
            AuthMode::DelegatedPersonal => ev.public_graph(scheme).any(|d| d.id.is_some()),
            _ => !cands.is_empty(),
        };
        if listed.is_none() && !established_elsewhere {
            continue;
        }
        if listed.is_none() && ev.in_permissions {
            let givers: BTreeSet<&str> = cands
                .iter()
                .flat_map(|c| c.sources.iter())
                .map(|s| {
                    if s.starts_with(DESCRIPTIONS) {
                        DESCRIPTIONS
                    } else {
                        PROVISIONING
                    }
                })
                .collect();
            let verb = if givers.len() > 1 { "give" } else { "gives" };
            notes.push(format!(
                "{PERMISSIONS} does not list {}; {} {verb} it",
                scheme.as_str(),
                givers.into_iter().collect::<Vec<_>>().join(" and ")
            ));
        }

        let mut entry = SchemeEntry {
            id: None,
            other_ids: Vec::new(),
            admin_consent: None,
            privilege_level: None,
        };
        match cands.split_first() {
            Some((first, rest)) => {
                entry.id = Some(first.id.clone());
                entry.other_ids = rest.iter().map(|c| c.id.clone()).collect();
                if !rest.is_empty() {
                    let said: Vec<String> = cands
                        .iter()
                        .map(|c| format!("{} from {}", c.id, c.sources.join(" and ")))
                        .collect();
                    notes.push(format!(
                        "{} GUIDs disagree; {}; id is the first",
                        scheme.as_str(),
                        said.join(", ")
                    ));
                } else if first.qualified_only {
                    notes.push(format!(
                        "{} GUID comes only from {PROVISIONING}, with {}",
                        scheme.as_str(),
                        first
                            .qualifiers
                            .iter()
                            .copied()
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ));
                }
            }
            None => notes.push(no_guid_note(ev, scheme)),
        }

        let described_admin = ev
            .descriptions_for(scheme)
            .iter()
            .find_map(|(_, admin)| *admin);
        match listed {
            Some(listed) => {
                entry.admin_consent = listed.admin_consent;
                entry.privilege_level = listed.privilege_level;
                if listed.privilege_level.is_none() {
                    notes.push(format!(
                        "{PERMISSIONS} gives no privilege level for {}",
                        scheme.as_str()
                    ));
                }
                if let (Some(a), Some(b)) = (listed.admin_consent, described_admin) {
                    if a != b {
                        notes.push(format!(
                            "{} admin consent disputed; {PERMISSIONS} says {}, {DESCRIPTIONS} says {}",
                            scheme.as_str(),
                            required(a),
                            required(b)
                        ));
                    }
                }
            }
            None => entry.admin_consent = described_admin,
        }
        entries[scheme.index()] = Some(entry);
    }

    if entries.iter().all(Option::is_none) {
        return None;
    }

    if !ev.in_permissions {
        let mut present = Vec::new();
        if ev.in_descriptions() {
            present.push(DESCRIPTIONS);
        }
        if ev.in_provisioning_graph() {
            present.push(PROVISIONING);
        }
        let present = match present.as_slice() {
            [one] => format!("{one} only"),
            many => many.join(" and "),
        };
        let personal = if entries[AuthMode::DelegatedWork.index()].is_some()
            && entries[AuthMode::DelegatedPersonal.index()].is_none()
        {
            "; whether personal accounts are supported is unknown"
        } else {
            ""
        };
        notes.insert(
            0,
            format!("not in {PERMISSIONS}; present in {present}{personal}"),
        );
    }

    if ev.listed[AuthMode::DelegatedPersonal.index()].is_some()
        && ev.listed[AuthMode::DelegatedWork.index()].is_none()
    {
        notes.push(format!(
            "{PERMISSIONS} lists delegated-personal but not delegated-work"
        ));
    }
    notes.extend(ev.malformed.iter().cloned());

    let mut hidden = Vec::new();
    let mut disabled = Vec::new();
    for scheme in AuthMode::ALL {
        if entries[scheme.index()].is_none() {
            continue;
        }
        if ev.public_graph(scheme).any(|d| d.hidden) {
            hidden.push(scheme.as_str());
        }
        if ev.public_graph(scheme).any(|d| d.disabled) {
            disabled.push(scheme.as_str());
        }
    }
    if !hidden.is_empty() {
        notes.push(format!("{PROVISIONING} marks {} hidden", hidden.join(", ")));
    }
    if !disabled.is_empty() {
        notes.push(format!(
            "{PROVISIONING} marks {} not enabled",
            disabled.join(", ")
        ));
    }

    let [delegated_work, delegated_personal, application] = entries;
    Some(CatalogPermission {
        name: name.to_owned(),
        rsc: ev.rsc,
        delegated_work,
        delegated_personal,
        application,
        notes,
    })
}

pub(super) fn required(b: bool) -> &'static str {
    if b {
        "required"
    } else {
        "not required"
    }
}

/// Why a scheme that exists has no GUID.
pub(super) fn no_guid_note(ev: &Evidence, scheme: AuthMode) -> String {
    let mut from = vec![scheme];
    if scheme == AuthMode::DelegatedPersonal {
        from.push(AuthMode::DelegatedWork);
    }
    let mut why = Vec::new();
    for s in &from {
        for d in &ev.deployments[s.index()] {
            let what = match (&d.id, d.is_graph(), is_public(&d.environment)) {
                (None, true, true) => {
                    format!("an empty id ({})", environment_label(&d.environment))
                }
                (Some(id), true, false) => {
                    format!("{id} for {} only", environment_label(&d.environment))
                }
                (Some(id), false, _) => format!("{id} under resource app {}", d.foreign_app),
                (None, false, _) => format!("an empty id under resource app {}", d.foreign_app),
                // A public Graph GUID would have been a candidate; a non-public empty id says
                // nothing.
                (Some(_), true, true) | (None, true, false) => continue,
            };
            let what = if *s == scheme {
                what
            } else {
                format!("{what} for {}", s.as_str())
            };
            if !why.contains(&what) {
                why.push(what);
            }
        }
    }
    if why.is_empty() {
        format!("no GUID in any source for {}", scheme.as_str())
    } else {
        format!(
            "no Graph GUID for {}; {PROVISIONING} has only {}",
            scheme.as_str(),
            why.join(", ")
        )
    }
}

/// A report line for a name left out of the catalog, when a source mentions it as Graph's.
pub(super) fn left_out_reason(name: &str, ev: &Evidence) -> Option<String> {
    let mut non_public = Vec::new();
    for scheme in AuthMode::ALL {
        for d in &ev.deployments[scheme.index()] {
            if d.is_graph() && !is_public(&d.environment) {
                non_public.push(format!(
                    "{} {} ({})",
                    scheme.as_str(),
                    d.id.as_deref().unwrap_or("(empty id)"),
                    environment_label(&d.environment)
                ));
            }
        }
    }
    if non_public.is_empty() {
        return None;
    }
    Some(format!(
        "{name}: left out: {PROVISIONING} gives Graph GUIDs for non-public environments only: {}",
        non_public.join(", ")
    ))
}

/// Notes names that differ only in letter case (`Calls.JoinGroupCallasGuest.All`).
pub(super) fn note_case_clashes(permissions: &mut [CatalogPermission]) {
    let mut by_lower: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in permissions.iter() {
        by_lower
            .entry(p.name.to_ascii_lowercase())
            .or_default()
            .push(p.name.clone());
    }
    for p in permissions.iter_mut() {
        if let Some(group) = by_lower.get(&p.name.to_ascii_lowercase()) {
            let others: Vec<&str> = group
                .iter()
                .filter(|n| **n != p.name)
                .map(String::as_str)
                .collect();
            if !others.is_empty() {
                p.notes.push(format!(
                    "differs only in letter case from {}",
                    others.join(", ")
                ));
            }
        }
    }
}
