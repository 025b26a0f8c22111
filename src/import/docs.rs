//! The docs importer: reads the Permissions table of a Microsoft Graph docs page about
//! subscriptions and gives a [`TableFile`] (`data/tables/<api>/<operation>.yaml`).
//!
//! Every row of the table gives one [`TableRow`] or a problem naming its line; all problems on a
//! page are reported together ([`ImportError`]). Names are kept exactly as printed: known docs
//! mistakes are corrected elsewhere (`data/errata.yaml`), never here.
//!
//! The notations the pages use are listed in `upstream/graph-docs/README.md` of the shared
//! sources; the private `resource` and `permissions` modules say how each is read.

mod error;
mod markdown;
mod permissions;
mod provenance;
mod resource;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod upstream_tests;

pub use error::{ImportError, Problem};
pub use provenance::source_file;

use crate::import::schema::{Cell, Source, TableFile, TableRow};
use crate::{ApiVersion, AuthMode, Operation};
use error::Problems;
use markdown::Line;
use std::format;
use std::path::{Path, PathBuf};
use std::string::{String, ToString};
use std::vec::Vec;

/// The `as_of` recorded for a page that states no date.
pub const UNDATED: &str = "not stated";

/// Overrides for what the importer otherwise infers from the file name and the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The API version, instead of inferring it.
    pub api: Option<ApiVersion>,
    /// The operation, instead of inferring it.
    pub operation: Option<Operation>,
}

/// Which table a page gives: its API version and operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageTable {
    /// The API version the page documents.
    pub api: ApiVersion,
    /// The subscription operation the page documents.
    pub operation: Operation,
}

/// Infers the API version and operation of a page from its file name and folders
/// (`latest/v1.0/subscription-post-subscriptions.md`, `seeds/v1.0-subscription-update.md`), or
/// else from the address in its source comment (`view=graph-rest-1.0`, `/api-reference/beta/`).
pub fn page_table(file: &str, text: &str) -> Option<PageTable> {
    let stated = provenance::stated(&markdown::lines(text));
    let address = stated.page.as_deref().unwrap_or_default();
    let api = provenance::api_from_file(file).or_else(|| provenance::api_from_address(address))?;
    let operation = provenance::operation_from_file(file)
        .or_else(|| provenance::operation_from_name(address))?;
    Some(PageTable { api, operation })
}

/// Imports a page, inferring its API version and operation (see [`page_table`]).
///
/// `file` is the page's path: it names the page in problems and gives `source.file`.
pub fn import_page(text: &str, file: &str) -> Result<TableFile, ImportError> {
    import_page_with(text, file, &ImportOptions::default())
}

/// Imports a page, taking the API version and operation from `options` where given.
pub fn import_page_with(
    text: &str,
    file: &str,
    options: &ImportOptions,
) -> Result<TableFile, ImportError> {
    let lines = markdown::lines(text);
    let mut problems = Problems::new(file);
    let stated = provenance::stated(&lines);
    let identity = identify(file, &stated, options, &mut problems);
    let rows = read_table(&lines, &mut problems);
    let page = match (stated.page, identity) {
        (Some(page), _) => page,
        (None, Some(table)) => provenance::docs_repo_path(table.api, table.operation),
        // Unidentified: `problems` holds why, and the import fails.
        (None, None) => String::new(),
    };
    let as_of = stated.as_of.unwrap_or_else(|| UNDATED.to_string());
    let source = Source {
        page,
        as_of,
        file: source_file(file),
    };
    problems.finish(TableFile {
        api: identity.map_or_else(String::new, |t| t.api.as_str().to_string()),
        operation: identity.map_or_else(String::new, |t| t.operation.docs_name().to_string()),
        source,
        rows,
    })
}

/// Decides the API version and operation, recording a problem when they cannot be told or the
/// file name and the source address disagree (the file name wins).
fn identify(
    file: &str,
    stated: &provenance::Stated,
    options: &ImportOptions,
    problems: &mut Problems,
) -> Option<PageTable> {
    let line = stated.line.unwrap_or(1);
    let address = stated.page.as_deref().unwrap_or_default();
    let api = options.api.or_else(|| {
        pick(
            provenance::api_from_file(file),
            provenance::api_from_address(address),
            "API version",
            line,
            problems,
        )
    });
    let operation = options.operation.or_else(|| {
        pick(
            provenance::operation_from_file(file),
            provenance::operation_from_name(address),
            "operation",
            line,
            problems,
        )
    });
    Some(PageTable {
        api: api?,
        operation: operation?,
    })
}

/// What the file name and the address say, or a problem when they disagree or say nothing.
fn pick<T: PartialEq + core::fmt::Display>(
    from_file: Option<T>,
    from_address: Option<T>,
    what: &str,
    line: usize,
    problems: &mut Problems,
) -> Option<T> {
    match (from_file, from_address) {
        (Some(a), Some(b)) if a != b => {
            problems.at(
                line,
                format!("the file name says {what} `{a}` but the source address says `{b}`"),
            );
            Some(a)
        }
        (Some(found), _) | (None, Some(found)) => Some(found),
        (None, None) => {
            problems.at(
                line,
                format!("cannot tell the {what} from the file name or a source comment; give it explicitly"),
            );
            None
        }
    }
}

/// Reads the Permissions table and the RSC note after it.
fn read_table(lines: &[Line<'_>], problems: &mut Problems) -> Vec<TableRow> {
    let Some(table) = markdown::find_permissions_table(lines) else {
        problems.at(1, "no Permissions table: no Markdown table has a header starting with `Supported resource`");
        return Vec::new();
    };
    check_header(&table, problems);
    let note = rsc_note(lines, table.end, problems);
    let mut rows = Vec::new();
    for line in &table.rows {
        if let Some(row) = read_row(line, &note, problems) {
            rows.push(row);
        }
    }
    if table.rows.is_empty() {
        problems.at(table.header.number, "the Permissions table has no rows");
    }
    rows
}

fn check_header(table: &markdown::TableLines<'_>, problems: &mut Problems) {
    let header = markdown::split_cells(table.header.text);
    let modes = header.get(1..).unwrap_or_default();
    // The columns after `Supported resource` are the auth modes, in `AuthMode::ALL` order.
    let matches = modes.len() == AuthMode::ALL.len()
        && modes.iter().zip(AuthMode::ALL).all(|(cell, mode)| {
            markdown::collapse(&markdown::unescape(cell)).eq_ignore_ascii_case(mode.docs_heading())
        });
    if !matches {
        let expected: Vec<&str> = AuthMode::ALL.iter().map(|m| m.docs_heading()).collect();
        problems.at(
            table.header.number,
            format!(
                "the Permissions table's columns must be `Supported resource | {}`",
                expected.join(" | ")
            ),
        );
    }
    if table.delimiter.is_none() {
        problems.at(
            table.header.number + 1,
            "the Permissions table's header is not followed by a `|---|` row",
        );
    }
}

/// The names the RSC note after the table lists (each checked).
fn rsc_note(lines: &[Line<'_>], from: usize, problems: &mut Problems) -> Vec<String> {
    let mut names = Vec::new();
    for item in markdown::rsc_note_items(lines, from) {
        if permissions::is_permission_name(&item.text) {
            names.push(item.text);
        } else {
            problems.at(
                item.line,
                format!(
                    "resource-specific consent note: `{}` is not a permission name",
                    item.text
                ),
            );
        }
    }
    names
}

fn read_row(line: &Line<'_>, note: &[String], problems: &mut Problems) -> Option<TableRow> {
    let cells = markdown::split_cells(line.text);
    let [resource_cell, work, personal, application] = cells.as_slice() else {
        problems.at(
            line.number,
            format!(
                "table row has {} cell(s); expected 4 (resource and three permission cells)",
                cells.len()
            ),
        );
        return None;
    };
    let resource = resource::parse_resource(resource_cell)
        .map_err(|message| problems.at(line.number, message));
    let mut parsed = Vec::new();
    for (raw, mode) in [work, personal, application].into_iter().zip(AuthMode::ALL) {
        match permissions::parse_permissions(raw, mode.as_str()) {
            Ok(cell) => parsed.push(cell),
            Err(messages) => messages
                .into_iter()
                .for_each(|m| problems.at(line.number, m)),
        }
    }
    let resource = resource.ok()?;
    let [work, personal, application] = <[permissions::ParsedCell; 3]>::try_from(parsed).ok()?;
    let rsc = rsc_names([&work, &personal, &application], note);
    Some(TableRow {
        resource_type: resource.resource_type,
        qualifier: resource.qualifier,
        paths: resource.paths,
        label: resource.label,
        delegated_work: work.cell,
        delegated_personal: personal.cell,
        application: application.cell,
        rsc,
    })
}

/// The row's RSC names, in cell order: those marked `*` and those the note lists.
fn rsc_names(cells: [&permissions::ParsedCell; 3], note: &[String]) -> Vec<String> {
    let mut rsc: Vec<String> = Vec::new();
    for parsed in cells {
        let Cell::Permissions(names) = &parsed.cell else {
            continue;
        };
        for name in names {
            let marked = parsed.starred.contains(name) || note.contains(name);
            if marked && !rsc.contains(name) {
                rsc.push(name.clone());
            }
        }
    }
    rsc
}

/// The `# @generated` header of a table file.
pub fn yaml_header(table: &TableFile) -> String {
    format!(
        "@generated by `msgraph-scopes import-docs` from {}; do not edit: re-import instead",
        table.source.file
    )
}

/// The bytes of `data/tables/<api>/<operation>.yaml` for a table: its header, then its YAML.
pub fn table_yaml(table: &TableFile) -> Result<String, serde_yaml::Error> {
    crate::import::to_yaml(table, &yaml_header(table))
}

/// Where a table goes under `out_dir`: `<api>/<operation>.yaml`.
pub fn output_path(out_dir: &Path, table: &TableFile) -> PathBuf {
    out_dir
        .join(&table.api)
        .join(format!("{}.yaml", table.operation))
}

/// Imports pages and writes each table to `out_dir/<api>/<operation>.yaml`, giving the paths
/// written, in the order of `paths`.
///
/// Nothing is written unless every page imports and no two pages give the same table; the
/// error then holds every problem of every page. A file whose bytes would not change is left
/// untouched (its path is still returned).
pub fn import_files(
    paths: &[PathBuf],
    out_dir: &Path,
    options: &ImportOptions,
) -> Result<Vec<PathBuf>, ImportError> {
    let mut all = Vec::new();
    let mut outputs: Vec<(PathBuf, String, String)> = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let mut problems = Problems::new(&name);
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                problems.file(format!("cannot read: {err}"));
                all.extend(problems.into_vec());
                continue;
            }
        };
        match import_page_with(&text, &name, options) {
            Ok(table) => {
                let target = output_path(out_dir, &table);
                if let Some((_, _, first)) = outputs.iter().find(|(t, _, _)| *t == target) {
                    problems.file(format!(
                        "gives the same table ({}/{}) as {first}",
                        table.api, table.operation
                    ));
                }
                match table_yaml(&table) {
                    Ok(yaml) => outputs.push((target, yaml, name)),
                    Err(err) => problems.file(format!("cannot serialise the table: {err}")),
                }
            }
            Err(err) => all.extend(err.into_problems()),
        }
        all.extend(problems.into_vec());
    }
    if !all.is_empty() {
        return Err(ImportError::from_problems(all));
    }
    let mut written = Vec::new();
    for (target, yaml, name) in outputs {
        if let Err(err) = write_if_changed(&target, &yaml) {
            let mut problems = Problems::new(&name);
            problems.file(format!("cannot write {}: {err}", target.display()));
            all.extend(problems.into_vec());
        }
        written.push(target);
    }
    if all.is_empty() {
        Ok(written)
    } else {
        Err(ImportError::from_problems(all))
    }
}

fn write_if_changed(target: &Path, yaml: &str) -> std::io::Result<()> {
    if std::fs::read(target).is_ok_and(|old| old == yaml.as_bytes()) {
        return Ok(());
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(target, yaml)
}
