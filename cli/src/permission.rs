//! `permission`: a catalog permission by name or GUID.

use super::args::{Format, PermissionArgs};
use super::lookup::failure;
use super::output::Report;
use super::{json, suggest, text};
use msgraph_scopes::catalog::{
    permission, permission_by_id, permissions, ForeignPermission, IdLookup, PermissionInfo,
};
use msgraph_scopes::AuthMode;
use std::fmt::Write;

const UNKNOWN: &str = "unknown_permission";

/// Runs `permission`.
pub fn run(args: &PermissionArgs) -> Report {
    let input = args.name_or_id.trim();
    if input.is_empty() {
        let message = "give a permission name or GUID (the argument is empty)";
        return failure(args.format, UNKNOWN, message, message.to_string());
    }
    match guid(input) {
        Some(id) => by_id(&id, args.format),
        None => by_name(input, args.format),
    }
}

/// The GUID `input` is (8-4-4-4-12 hex digits, braces allowed), lower-cased.
fn guid(input: &str) -> Option<String> {
    let bare = input
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(input);
    let is_guid = bare.len() == 36
        && bare.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    is_guid.then(|| bare.to_ascii_lowercase())
}

fn by_name(name: &str, format: Format) -> Report {
    let Some(info) = permission(name) else {
        let message = format!("no Microsoft Graph permission is named `{name}`");
        let hint = suggest::hint(&suggest::nearest(name, permissions().map(|p| p.name())));
        let message = format!("{message}{hint}");
        return failure(format, UNKNOWN, &message, message.clone());
    };
    let stdout = match format {
        Format::Json => json::line(&json::permission(info)),
        Format::Text => describe(info),
    };
    Report::success(stdout)
}

fn by_id(id: &str, format: Format) -> Report {
    match permission_by_id(id) {
        Some(IdLookup::Graph { permission, mode }) => {
            let stdout = match format {
                Format::Json => json::line(&json::graph_id(id, mode, permission)),
                Format::Text => {
                    let mut out = String::new();
                    let kind = if !mode.is_delegated() {
                        "application role".to_string()
                    } else if AuthMode::ALL.into_iter().all(|m| {
                        !m.is_delegated() || permission.scheme(m).and_then(|s| s.id()) == Some(id)
                    }) {
                        "delegated scope (one id for work or school and personal accounts)"
                            .to_string()
                    } else {
                        format!("delegated scope ({mode})")
                    };
                    let _ = writeln!(out, "{id} is a Microsoft Graph permission:");
                    let sentence = format!("{}, {kind}", permission.name());
                    text::wrap(&mut out, text::words(&sentence), "", "  ");
                    out.push('\n');
                    out.push_str(&describe(permission));
                    out
                }
            };
            Report::success(stdout)
        }
        Some(IdLookup::Foreign(foreign)) => {
            let stdout = match format {
                Format::Json => json::line(&json::foreign_id(id, foreign)),
                Format::Text => describe_foreign(id, foreign),
            };
            Report::success(stdout)
        }
        None => {
            let message = format!(
                "no permission has the id {id} (neither Microsoft Graph's nor a known other API's)"
            );
            failure(format, UNKNOWN, &message, message.clone())
        }
    }
}

fn describe_foreign(id: &str, foreign: ForeignPermission) -> String {
    let api = if foreign.is_azure_ad_graph() {
        "the retired Azure AD Graph"
    } else {
        "another API (not Microsoft Graph)"
    };
    let mut out = String::new();
    let _ = writeln!(out, "{id} is NOT a Microsoft Graph permission.");
    let _ = writeln!(out, "api:           {api}");
    let _ = writeln!(out, "resource app:  {}", foreign.resource_app());
    let _ = writeln!(out, "name there:    {}", foreign.name());
    let _ = writeln!(out, "scheme there:  {}", foreign.mode());
    if let Some(graph) = permission(foreign.name()) {
        let sentence = format!(
            "Microsoft Graph has its own {} with other ids: see `msgraph-scopes permission {}`.",
            graph.name(),
            graph.name()
        );
        text::wrap(&mut out, text::words(&sentence), "", "");
    }
    out
}

/// A catalog permission as text: name, RSC, each scheme, notes.
fn describe(info: PermissionInfo) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", info.name());
    let rsc = if info.is_rsc() {
        "yes (granted on one resource, such as a team or chat, not tenant-wide)"
    } else {
        "no"
    };
    let _ = writeln!(out, "resource-specific consent: {rsc}");
    for mode in AuthMode::ALL {
        let label = format!("{:<20}", mode.as_str());
        let Some(scheme) = info.scheme(mode) else {
            let _ = writeln!(out, "{label}not available");
            continue;
        };
        let _ = writeln!(out, "{label}{}", scheme.id().unwrap_or("no id known"));
        if !scheme.other_ids().is_empty() {
            let ids: Vec<String> = scheme.other_ids().iter().map(|id| id.to_string()).collect();
            let first = format!("{:20}other ids: ", "");
            let rest = " ".repeat(first.len());
            text::wrap(&mut out, text::list(&ids), &first, &rest);
        }
        let consent = match scheme.admin_consent() {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        };
        let level = scheme
            .privilege_level()
            .map_or_else(|| "unknown".to_string(), |l| format!("{l} of 4"));
        let _ = writeln!(
            out,
            "{:20}admin consent: {consent}; privilege level: {level}",
            ""
        );
    }
    if !info.source_notes().is_empty() {
        out.push_str("notes:\n");
        for note in info.source_notes() {
            text::wrap(&mut out, text::words(note), "  - ", "    ");
        }
    }
    for rule in msgraph_scopes::rules::permission_rules(info.name()) {
        let line = format!("{rule} (see {})", rule.source());
        text::wrap(&mut out, text::words(&line), "", "  ");
    }
    out
}
