//! `matrix`: the whole permission matrix as data for other tools.

use super::args::{MatrixArgs, MatrixFormat};
use super::output::{Exit, Report};
use msgraph_scopes::{tables, AuthMode, Row, Table};
use serde::Serialize;
use std::fmt::Write;

/// Runs `matrix`.
pub fn run(args: &MatrixArgs) -> Report {
    let chosen: Vec<Table> = tables()
        .filter(|t| args.api.is_none_or(|a| a == t.api()))
        .filter(|t| args.op.is_none_or(|o| o == t.operation()))
        .collect();
    let matrix = Matrix {
        data_version: msgraph_scopes::DATA_VERSION,
        tables: chosen.iter().map(|&t| table(t)).collect(),
    };
    let out = match args.format {
        MatrixFormat::Markdown => Ok(markdown(&chosen)),
        MatrixFormat::Json => Ok(super::json::line(&matrix)),
        MatrixFormat::Yaml => serde_yaml::to_string(&matrix).map_err(|e| e.to_string()),
        MatrixFormat::Csv => csv(&chosen),
    };
    match out {
        Ok(text) => Report::success(text),
        Err(err) => Report::failure(
            Exit::Failure,
            String::new(),
            format!("cannot write the matrix: {err}"),
        ),
    }
}

/// The JSON and YAML shape.
#[derive(Serialize)]
struct Matrix {
    data_version: &'static str,
    tables: Vec<TableOut>,
}

#[derive(Serialize)]
struct TableOut {
    api: &'static str,
    operation: &'static str,
    source_page: &'static str,
    source_as_of: &'static str,
    data_file: &'static str,
    rows: Vec<RowOut>,
}

#[derive(Serialize)]
struct RowOut {
    resource_type: &'static str,
    qualifier: Option<&'static str>,
    label: Option<&'static str>,
    row: &'static str,
    templates: Vec<&'static str>,
    #[serde(rename = "delegated-work")]
    delegated_work: Option<Vec<&'static str>>,
    #[serde(rename = "delegated-personal")]
    delegated_personal: Option<Vec<&'static str>>,
    application: Option<Vec<&'static str>>,
    rsc: Vec<&'static str>,
    max_lifetime_minutes: Option<u32>,
    line: u32,
}

fn cell(row: Row, mode: AuthMode) -> Option<Vec<&'static str>> {
    row.cell(mode).map(|p| p.iter().map(|p| p.name()).collect())
}

fn rsc(row: Row) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = AuthMode::ALL
        .into_iter()
        .filter_map(|m| row.cell(m))
        .flat_map(|p| p.iter().filter(|p| p.is_rsc()).map(|p| p.name()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn table(t: Table) -> TableOut {
    TableOut {
        api: t.api().as_str(),
        operation: t.operation().as_str(),
        source_page: t.source().page,
        source_as_of: t.source().as_of,
        data_file: t.data_file(),
        rows: t
            .rows()
            .map(|row| RowOut {
                resource_type: row.resource_type(),
                qualifier: row.qualifier(),
                label: row.label(),
                row: row.title(),
                templates: row.templates().map(|t| t.path()).collect(),
                delegated_work: cell(row, AuthMode::DelegatedWork),
                delegated_personal: cell(row, AuthMode::DelegatedPersonal),
                application: cell(row, AuthMode::Application),
                rsc: rsc(row),
                max_lifetime_minutes: row.max_lifetime().map(|l| l.minutes()),
                line: row.data_location().line,
            })
            .collect(),
    }
}

/// A cell as the docs print it: names with `*` for RSC, or `Not supported`.
fn docs_cell(row: Row, mode: AuthMode) -> String {
    row.cell(mode)
        .map_or_else(|| "Not supported".to_string(), |p| p.to_string())
}

fn markdown(chosen: &[Table]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Microsoft Graph subscription permissions\n");
    let _ = writeln!(
        out,
        "Data: {}. `*` marks resource-specific consent.\n",
        msgraph_scopes::DATA_VERSION
    );
    for t in chosen {
        let source = t.source();
        let _ = writeln!(out, "## {} {}\n", t.api(), t.operation().docs_name());
        let _ = writeln!(out, "Source: <{}> ({}).\n", source.page, source.as_of);
        let headings: Vec<&str> = AuthMode::ALL.iter().map(|m| m.docs_heading()).collect();
        let _ = writeln!(out, "| Supported resource | {} |", headings.join(" | "));
        let _ = writeln!(out, "|:-----|:-----|:-----|:-----|");
        for row in t.rows() {
            let mut resource = row.resource_type().to_string();
            if let Some(q) = row.qualifier() {
                let _ = write!(resource, " ({q})");
            }
            for template in row.templates() {
                let _ = write!(resource, "<br>`{}`", template.path());
            }
            if let Some(label) = row.label() {
                let _ = write!(resource, "<br>{label}");
            }
            let cells: Vec<String> = AuthMode::ALL
                .into_iter()
                .map(|m| docs_cell(row, m))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} |",
                resource.replace('|', "\\|"),
                cells.join(" | ")
            );
        }
        out.push('\n');
    }
    out
}

fn csv(chosen: &[Table]) -> Result<String, String> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let header = [
        "api",
        "operation",
        "resource_type",
        "row",
        "templates",
        "delegated-work",
        "delegated-personal",
        "application",
        "rsc",
        "max_lifetime_minutes",
        "data_file",
        "line",
    ];
    writer.write_record(header).map_err(|e| e.to_string())?;
    for t in chosen {
        for row in t.rows() {
            let join =
                |mode| cell(row, mode).map_or_else(|| "not supported".to_string(), |c| c.join(" "));
            let templates: Vec<&str> = row.templates().map(|t| t.path()).collect();
            let record = [
                t.api().as_str().to_string(),
                t.operation().as_str().to_string(),
                row.resource_type().to_string(),
                row.title().to_string(),
                templates.join(" "),
                join(AuthMode::DelegatedWork),
                join(AuthMode::DelegatedPersonal),
                join(AuthMode::Application),
                rsc(row).join(" "),
                row.max_lifetime()
                    .map_or(String::new(), |l| l.minutes().to_string()),
                t.data_file().to_string(),
                row.data_location().line.to_string(),
            ];
            writer.write_record(&record).map_err(|e| e.to_string())?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
