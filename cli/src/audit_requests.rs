//! `audit --requests`: the request cells where Microsoft's catalog marks several permissions
//! least privileged (or none), with the permission chosen and what decided, as text, JSON or
//! Markdown.

use super::args::AuditFormat;
use super::json;
use super::output::Report;
use msgraph_scopes::{request_choices, resolve_request, RequestChoice};
use serde::Serialize;
use std::fmt::Write;

/// Runs `audit --requests`.
pub fn run(format: AuditFormat) -> Report {
    let rows: Vec<ChoiceJson> = request_choices().map(ChoiceJson::new).collect();
    Report::success(match format {
        AuditFormat::Text => text(&rows),
        AuditFormat::Json => json::line(&AuditRequestsJson {
            data_version: msgraph_scopes::DATA_VERSION,
            several_marked: rows.iter().filter(|r| !r.marked.is_empty()).count(),
            none_marked: rows.iter().filter(|r| r.marked.is_empty()).count(),
            choices: &rows,
        }),
        AuditFormat::Markdown => markdown(&rows),
    })
}

#[derive(Serialize)]
struct AuditRequestsJson<'a> {
    data_version: &'static str,
    several_marked: usize,
    none_marked: usize,
    choices: &'a [ChoiceJson],
}

/// One choice: the cell, the marked permissions, the one chosen and what decided.
#[derive(Serialize)]
struct ChoiceJson {
    template: &'static str,
    method: &'static str,
    mode: &'static str,
    marked: Vec<&'static str>,
    least: Option<&'static str>,
    decided_by: &'static str,
    location: String,
}

impl ChoiceJson {
    fn new(c: RequestChoice) -> Self {
        // The template itself resolves to itself (the request tests prove it).
        let least = resolve_request(c.method(), c.template())
            .ok()
            .and_then(|f| f.permissions(c.mode()))
            .map(|p| p.least().name());
        ChoiceJson {
            template: c.template(),
            method: c.method().as_str(),
            mode: c.mode().as_str(),
            marked: c.marked().map(|p| p.name()).collect(),
            least,
            decided_by: c.decided_by(),
            location: c.data_location().to_string(),
        }
    }

    fn marked_text(&self) -> String {
        if self.marked.is_empty() {
            "none marked least".to_owned()
        } else {
            format!("marked least: {}", self.marked.join(", "))
        }
    }
}

fn text(rows: &[ChoiceJson]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "{} {} {}: {}; chosen {} (by {})\n    {}",
            r.method,
            r.template,
            r.mode,
            r.marked_text(),
            r.least.unwrap_or("-"),
            r.decided_by,
            r.location
        );
    }
    let none = rows.iter().filter(|r| r.marked.is_empty()).count();
    let _ = writeln!(
        out,
        "{} request cells: {} with several marked least, {none} with none",
        rows.len(),
        rows.len() - none
    );
    out
}

fn markdown(rows: &[ChoiceJson]) -> String {
    let mut out = String::from(
        "# Request cells where the permission catalog leaves the least privileged permission open\n\n\
         | method | template | mode | marked least | chosen | decided by | data |\n|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} | {} |",
            r.method,
            r.template,
            r.mode,
            if r.marked.is_empty() {
                "none".to_owned()
            } else {
                r.marked.join(", ")
            },
            r.least.unwrap_or("-"),
            r.decided_by,
            r.location
        );
    }
    out
}
