//! `audit`: the docs' inconsistencies as text, JSON or Markdown.

use super::args::{AuditArgs, AuditFormat};
use super::json;
use super::output::Report;
use super::text;
use msgraph_scopes::audit::{audit, CellRef, Finding, FindingKind};
use serde::Serialize;
use std::fmt::Write;

/// Runs `audit`.
pub fn run(args: &AuditArgs) -> Report {
    if args.requests {
        return super::audit_requests::run(args.format);
    }
    let findings = audit();
    Report::success(match args.format {
        AuditFormat::Text => as_text(&findings),
        AuditFormat::Json => json::line(&as_json(&findings)),
        AuditFormat::Markdown => as_markdown(&findings),
    })
}

/// `data/tables/v1.0/create.yaml:123`, or the file alone when the table lacks the row.
fn location(cell: &CellRef) -> String {
    match cell.line {
        Some(line) => format!("{}:{line}", cell.file),
        None => cell.file.to_string(),
    }
}

fn what(cell: &CellRef) -> String {
    match cell.mode {
        Some(mode) => format!("{} {} {mode}", cell.api, cell.operation),
        None => format!("{} {}", cell.api, cell.operation),
    }
}

fn as_text(findings: &[Finding]) -> String {
    let mut out = String::new();
    for kind in FindingKind::ALL {
        let of_kind: Vec<&Finding> = findings.iter().filter(|f| f.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "== {} ({}): {}",
            kind.title(),
            kind.as_str(),
            of_kind.len()
        );
        for f in of_kind {
            text::wrap(&mut out, text::words(&f.message), "- ", "  ");
            for cell in &f.cells {
                let _ = writeln!(
                    out,
                    "    {}  {}: {}",
                    location(cell),
                    what(cell),
                    cell.value
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{} findings", findings.len());
    out
}

#[derive(Serialize)]
struct AuditJson<'a> {
    data_version: &'static str,
    count: usize,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    kind: &'static str,
    resource_type: &'static str,
    row: &'static str,
    message: &'a str,
    cells: Vec<CellJson<'a>>,
}

#[derive(Serialize)]
struct CellJson<'a> {
    api: &'static str,
    operation: &'static str,
    mode: Option<&'static str>,
    file: &'static str,
    line: Option<u32>,
    value: &'a str,
}

fn as_json(findings: &[Finding]) -> AuditJson<'_> {
    AuditJson {
        data_version: msgraph_scopes::DATA_VERSION,
        count: findings.len(),
        findings: findings
            .iter()
            .map(|f| FindingJson {
                kind: f.kind.as_str(),
                resource_type: f.resource_type,
                row: f.row,
                message: &f.message,
                cells: f
                    .cells
                    .iter()
                    .map(|c| CellJson {
                        api: c.api.as_str(),
                        operation: c.operation.docs_name(),
                        mode: c.mode.map(|m| m.as_str()),
                        file: c.file,
                        line: c.line,
                        value: &c.value,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Escapes a table cell's `|`.
fn md(text: &str) -> String {
    text.replace('|', "\\|")
}

fn as_markdown(findings: &[Finding]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Inconsistencies in the Microsoft Graph subscription permission tables\n"
    );
    let _ = writeln!(
        out,
        "Found by `msgraph-scopes audit` in the docs snapshot `{}`: {} findings.\n",
        msgraph_scopes::DATA_VERSION,
        findings.len()
    );
    for kind in FindingKind::ALL {
        let of_kind: Vec<&Finding> = findings.iter().filter(|f| f.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {} ({})\n", kind.title(), of_kind.len());
        for f in of_kind {
            let _ = writeln!(out, "- {}\n", f.message);
            let _ = writeln!(out, "  | table | mode | says | data |");
            let _ = writeln!(out, "  |---|---|---|---|");
            for c in &f.cells {
                let _ = writeln!(
                    out,
                    "  | {} {} | {} | {} | `{}` |",
                    c.api,
                    c.operation.docs_name(),
                    c.mode.map_or("", |m| m.as_str()),
                    md(&c.value),
                    location(c)
                );
            }
            out.push('\n');
        }
    }
    out
}
