//! The report's summary lines: totals, foreign GUIDs by resource app, and what was skipped.

use std::collections::BTreeMap;
use std::format;
use std::string::String;
use std::vec;
use std::vec::Vec;

use super::evidence::Skipped;
use super::upstream::{PermissionsJson, PERMISSIONS, PROVISIONING};
use crate::import::schema::{CatalogPermission, ForeignId};

pub(super) fn summarise(
    permissions: &PermissionsJson,
    out: &[CatalogPermission],
    foreign: &[ForeignId],
    skipped: &Skipped,
) -> Vec<String> {
    let entries = || {
        out.iter().flat_map(|p| {
            [&p.delegated_work, &p.delegated_personal, &p.application]
                .into_iter()
                .flatten()
        })
    };
    let schemes = entries().count();
    let without_id = entries().filter(|e| e.id.is_none()).count();
    let disputed = entries().filter(|e| !e.other_ids.is_empty()).count();
    let without_any_id = out
        .iter()
        .filter(|p| {
            [&p.delegated_work, &p.delegated_personal, &p.application]
                .into_iter()
                .flatten()
                .all(|e| e.id.is_none())
        })
        .count();
    let from_permissions = out
        .iter()
        .filter(|p| permissions.permissions.contains_key(&p.name))
        .count();
    let mut lines = vec![
        format!(
            "permissions: {} ({} from {PERMISSIONS}, {} only from the other files)",
            out.len(),
            from_permissions,
            out.len() - from_permissions
        ),
        format!(
            "schemes: {schemes}; without a Graph GUID: {without_id}; with disputed GUIDs: {disputed}; \
             permissions with no Graph GUID at all: {without_any_id}"
        ),
    ];
    let mut by_app: BTreeMap<&str, usize> = BTreeMap::new();
    for f in foreign {
        *by_app.entry(f.resource_app.as_str()).or_default() += 1;
    }
    lines.push(format!(
        "foreign GUIDs: {} in {} resource apps{}",
        foreign.len(),
        by_app.len(),
        if by_app.is_empty() { "" } else { ":" }
    ));
    let mut by_count: Vec<(&str, usize)> = by_app.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (app, n) in by_count {
        lines.push(format!("  {app}: {n}"));
    }
    lines.push(format!(
        "skipped {PROVISIONING} deployments of other resource apps: {} without a GUID, \
         {} for non-public environments only",
        skipped.foreign_without_id, skipped.foreign_not_public
    ));
    lines
}
