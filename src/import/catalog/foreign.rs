//! Across permissions: the GUIDs of other resource apps (`foreign_ids`) and GUIDs two
//! permissions share.

use std::borrow::ToOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::format;
use std::string::String;
use std::vec::Vec;

use super::evidence::{is_public, Evidence};
use super::merge::candidates;
use super::upstream::{NIL_APP_ID, PROVISIONING};
use crate::import::schema::{CatalogPermission, ForeignId};
use crate::AuthMode;

pub(super) fn build_foreign(
    evidence: &BTreeMap<String, Evidence>,
    report: &mut Vec<String>,
) -> Vec<ForeignId> {
    // Every public Graph GUID, by name, and which names use each.
    let mut graph_by_name: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut names_by_guid: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (name, ev) in evidence {
        for scheme in AuthMode::ALL {
            for c in candidates(ev, scheme) {
                names_by_guid
                    .entry(c.id.clone())
                    .or_default()
                    .insert(name.as_str());
                graph_by_name.entry(name.as_str()).or_default().insert(c.id);
            }
        }
    }

    let mut out = BTreeSet::new();
    for (name, ev) in evidence {
        for scheme in AuthMode::ALL {
            for d in &ev.deployments[scheme.index()] {
                let Some(id) = &d.id else { continue };
                if d.is_graph() || !is_public(&d.environment) {
                    continue;
                }
                if id == NIL_APP_ID {
                    // A placeholder, not an identity: a lookup of the nil GUID must not name it.
                    report.push(format!(
                        "{PROVISIONING}: {name} ({}, resource app {}) gives the nil GUID as its id; not kept",
                        scheme.as_str(),
                        d.foreign_app
                    ));
                    continue;
                }
                if graph_by_name
                    .get(name.as_str())
                    .is_some_and(|ids| ids.contains(id))
                {
                    continue;
                }
                if let Some(names) = names_by_guid.get(id) {
                    let names: Vec<&str> = names.iter().copied().collect();
                    report.push(format!(
                        "{PROVISIONING}: {id} ({name}, {}, resource app {}) is also a Graph GUID \
                         of {}; kept as foreign",
                        scheme.as_str(),
                        d.foreign_app,
                        names.join(", ")
                    ));
                }
                out.insert((name.clone(), scheme, d.foreign_app.clone(), id.clone()));
            }
        }
    }
    out.into_iter()
        .map(|(name, scheme, resource_app, id)| ForeignId {
            id,
            name,
            scheme: scheme.as_str().to_owned(),
            resource_app,
        })
        .collect()
}

/// Notes (and reports) a GUID that two permissions, or the delegated and application schemes of
/// one, share. delegated-work and delegated-personal sharing a delegated scope is normal.
pub(super) fn check_shared_guids(permissions: &mut [CatalogPermission], report: &mut Vec<String>) {
    let mut users: BTreeMap<String, BTreeSet<(String, &'static str)>> = BTreeMap::new();
    for p in permissions.iter() {
        for (kind, entry) in [
            ("delegated", &p.delegated_work),
            ("delegated", &p.delegated_personal),
            ("application", &p.application),
        ] {
            let Some(entry) = entry else { continue };
            for id in entry.id.iter().chain(entry.other_ids.iter()) {
                users
                    .entry(id.clone())
                    .or_default()
                    .insert((p.name.clone(), kind));
            }
        }
    }
    let mut notes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, uses) in users {
        if uses.len() < 2 {
            continue;
        }
        let all: Vec<String> = uses.iter().map(|(n, k)| format!("{n} {k}")).collect();
        report.push(format!("GUID {id} is given for {}", all.join(", ")));
        for (name, kind) in &uses {
            let others: Vec<String> = uses
                .iter()
                .filter(|u| u.0 != *name || u.1 != *kind)
                .map(|(n, k)| {
                    if n == name {
                        (*k).to_owned()
                    } else {
                        format!("{n} {k}")
                    }
                })
                .collect();
            notes.entry(name.clone()).or_default().push(format!(
                "{kind} GUID {id} is also given for {}",
                others.join(", ")
            ));
        }
    }
    for p in permissions.iter_mut() {
        if let Some(extra) = notes.remove(&p.name) {
            p.notes.extend(extra);
        }
    }
}
