//! Second sources: the permission tables of docs pages other than the subscription operation
//! pages, read into a [`SecondSourceFile`] (`data/second-sources/<page>.yaml`).
//!
//! Two shapes are read:
//!
//! * the Teams change-notification pages (`concepts/teams-changenotifications-*.md`): under each
//!   section that says "subscribe to `PATH`", a table `Permission type | Permissions (from least
//!   to most privileged) | Supported versions` with a row per auth mode; `*` marks
//!   resource-specific consent when a note after the table says so, and the note may limit that
//!   to one API version ("for the beta version only");
//! * the Outlook overview (`concepts/outlook-change-notifications-overview.md`): one table
//!   `Resource | Supported Resource Paths | <three modes>` with a row per resource type and no
//!   version column.
//!
//! Every table of either shape becomes sections, or a problem naming its line; other tables
//! are not permission tables and are skipped. Names are kept as printed.

use super::error::Problems;
use super::markdown::{self, collapse, split_cells, unescape, Line};
use super::permissions::{parse_permissions, ParsedCell};
use super::provenance::{self, source_file};
use super::{ImportError, UNDATED};
use crate::import::extra_schema::{Accepted, SecondCell, SecondSection, SecondSourceFile};
use crate::import::schema::{Cell, Source, NOT_SUPPORTED};
use crate::{ApiVersion, AuthMode};

/// The API versions as `data/` names them.
const API_VERSIONS: [&str; 2] = [ApiVersion::ALL[0].as_str(), ApiVersion::ALL[1].as_str()];
use std::format;
use std::path::{Path, PathBuf};
use std::string::{String, ToString};
use std::vec::Vec;

#[cfg(test)]
mod tests;

/// Imports a concept page's permission tables. `file` names the page in problems and gives
/// `source.file`.
pub fn import_concept_page(text: &str, file: &str) -> Result<SecondSourceFile, ImportError> {
    let lines = markdown::lines(text);
    let mut problems = Problems::new(file);
    let stated = provenance::stated(&lines);
    let recorded = source_file(file);
    let page = stated.page.unwrap_or_else(|| published_address(&recorded));
    let source = Source {
        page,
        as_of: stated.as_of.unwrap_or_else(|| UNDATED.to_string()),
        file: recorded,
    };
    let (sections, tables) = read_sections(&lines, &mut problems);
    if tables == 0 {
        problems.at(
            1,
            "no permission table: expected `Permission type | Permissions ...` tables under \
             \"subscribe to `PATH`\" sections, or a `Resource | Supported Resource Paths | ...` table",
        );
    }
    problems.finish(SecondSourceFile { source, sections })
}

/// `concepts/teams-changenotifications-chat.md` -> the published page
/// `https://learn.microsoft.com/graph/teams-changenotifications-chat`.
fn published_address(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    format!("https://learn.microsoft.com/graph/{stem}")
}

/// A heading: its level (number of `#`) and text.
#[derive(Debug, Clone)]
struct Heading {
    level: usize,
    text: String,
}

/// The paths a "subscribe to `PATH`" sentence gave, and the heading it sits under.
#[derive(Debug, Clone)]
struct Subject {
    heading: Heading,
    paths: Vec<String>,
}

/// The sections of every permission table, and how many permission tables there were.
fn read_sections(lines: &[Line<'_>], problems: &mut Problems) -> (Vec<SecondSection>, usize) {
    let mut sections = Vec::new();
    let mut tables = 0;
    let mut in_fence = false;
    let mut heading = Heading {
        level: 0,
        text: String::new(),
    };
    let mut subject: Option<Subject> = None;
    let mut index = 0;
    while let Some(line) = lines.get(index) {
        let text = line.text.trim_start();
        if text.starts_with("```") || text.starts_with("~~~") {
            in_fence = !in_fence;
            index += 1;
            continue;
        }
        if in_fence {
            index += 1;
            continue;
        }
        if let Some(h) = heading_of(text) {
            // A heading at or above the subject's ends it.
            if subject.as_ref().is_some_and(|s| h.level <= s.heading.level) {
                subject = None;
            }
            heading = h;
        } else if let Some(paths) = subscribed_paths(text) {
            subject = Some(Subject {
                heading: heading.clone(),
                paths,
            });
        } else if text.starts_with('|') {
            let end = table_end(lines, index);
            let table = lines.get(index..end).unwrap_or_default();
            let after = rsc_note(lines, end);
            let kind = table_kind(table);
            tables += usize::from(kind.is_some());
            match kind {
                Some(Kind::PerMode) => {
                    if let Some(section) = per_mode(table, subject.as_ref(), &after, problems) {
                        sections.push(section);
                    }
                }
                Some(Kind::PerResource) => {
                    sections.extend(per_resource(table, &after, problems));
                }
                None => {}
            }
            index = end;
            continue;
        }
        index += 1;
    }
    (sections, tables)
}

/// `## Subscribe to ...` -> level 2 and its text.
fn heading_of(text: &str) -> Option<Heading> {
    let level = text.chars().take_while(|&c| c == '#').count();
    let rest = text.get(level..)?;
    (level > 0 && rest.starts_with(' ')).then(|| Heading {
        level,
        text: collapse(&unescape(rest)),
    })
}

/// The backticked paths after "subscribe to" on a line, if it says so.
fn subscribed_paths(text: &str) -> Option<Vec<String>> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("subscribe to `")?;
    let rest = text.get(at + "subscribe to ".len()..)?;
    let paths: Vec<String> = backticked(rest)
        .into_iter()
        .filter(|p| p.starts_with('/'))
        .collect();
    (!paths.is_empty()).then_some(paths)
}

/// The contents of the `code spans` of a text, trimmed.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The index just after the table starting at `start`: its lines run to the first line that
/// does not start with `|`.
fn table_end(lines: &[Line<'_>], start: usize) -> usize {
    let mut end = start;
    while lines
        .get(end)
        .is_some_and(|l| l.text.trim_start().starts_with('|'))
    {
        end += 1;
    }
    end
}

/// What the block quotes after a table (up to the next heading or table) say about
/// resource-specific consent.
#[derive(Debug, Default)]
struct RscNote {
    /// A note says `*` marks resource-specific consent.
    present: bool,
    /// The versions it limits that to ("for the beta version only").
    versions: Option<Vec<String>>,
}

fn rsc_note(lines: &[Line<'_>], from: usize) -> RscNote {
    let mut note = RscNote::default();
    for line in lines.iter().skip(from) {
        let text = line.text.trim_start();
        if text.starts_with('#') || text.starts_with('|') || text.starts_with("```") {
            break;
        }
        let lower = text.to_ascii_lowercase();
        if !text.starts_with('>') || !lower.contains("resource-specific consent") {
            continue;
        }
        note.present = true;
        for api in API_VERSIONS {
            if lower.contains(&format!("for the {api} version only")) {
                note.versions = Some(std::vec![api.to_string()]);
            }
        }
    }
    note
}

enum Kind {
    /// `Permission type | Permissions ... | Supported versions`: a row per mode.
    PerMode,
    /// `Resource | Supported Resource Paths | <modes>`: a row per resource.
    PerResource,
}

fn table_kind(table: &[Line<'_>]) -> Option<Kind> {
    let header: Vec<String> = split_cells(table.first()?.text)
        .iter()
        .map(|c| collapse(&unescape(c)).to_ascii_lowercase())
        .collect();
    match header.as_slice() {
        [first, second, ..] if first == "permission type" && second.starts_with("permissions") => {
            Some(Kind::PerMode)
        }
        [first, second, ..] if first == "resource" && second == "supported resource paths" => {
            Some(Kind::PerResource)
        }
        _ => None,
    }
}

/// The body rows of a table: after the header and its delimiter row.
fn body<'a, 'b>(table: &'b [Line<'a>], problems: &mut Problems) -> &'b [Line<'a>] {
    let Some(header) = table.first() else {
        return &[];
    };
    if !table
        .get(1)
        .is_some_and(|l| markdown::is_delimiter_row(l.text))
    {
        problems.at(
            header.number + 1,
            "the table's header is not followed by a `|---|` row",
        );
        return table.get(1..).unwrap_or_default();
    }
    table.get(2..).unwrap_or_default()
}

fn mode_of(cell: &str) -> Option<AuthMode> {
    let text = collapse(&unescape(cell));
    AuthMode::ALL
        .into_iter()
        .find(|m| m.docs_heading().eq_ignore_ascii_case(&text))
}

/// A Teams page's table: one row per mode, under the section's subject.
fn per_mode(
    table: &[Line<'_>],
    subject: Option<&Subject>,
    note: &RscNote,
    problems: &mut Problems,
) -> Option<SecondSection> {
    let header = table.first()?;
    let Some(subject) = subject else {
        problems.at(
            header.number,
            "a permission table with no \"subscribe to `PATH`\" sentence before it in its section",
        );
        return None;
    };
    let mut cells: [Option<ParsedRow>; 3] = [None, None, None];
    for line in body(table, problems) {
        let raw = split_cells(line.text);
        let [mode, permissions, versions] = raw.as_slice() else {
            problems.at(
                line.number,
                format!(
                    "table row has {} cell(s); expected 3 (permission type, permissions, supported versions)",
                    raw.len()
                ),
            );
            continue;
        };
        let Some(mode) = mode_of(mode) else {
            problems.at(
                line.number,
                format!(
                    "unknown permission type `{}` (expected one of: {})",
                    collapse(&unescape(mode)),
                    AuthMode::ALL.map(AuthMode::docs_heading).join(", ")
                ),
            );
            continue;
        };
        let Some(slot) = cells.get_mut(mode.index()) else {
            continue;
        };
        if slot.is_some() {
            problems.at(line.number, format!("a second row for {mode}"));
            continue;
        }
        *slot = parse_row(line.number, permissions, Some(versions), mode, problems);
    }
    let [work, personal, application] = cells;
    let missing: Vec<&str> = [&work, &personal, &application]
        .iter()
        .zip(AuthMode::ALL)
        .filter(|(cell, _)| cell.is_none())
        .map(|(_, mode)| mode.as_str())
        .collect();
    if !missing.is_empty() {
        problems.at(
            header.number,
            format!("the table has no usable row for {}", missing.join(", ")),
        );
        return None;
    }
    let (work, personal, application) = (work?, personal?, application?);
    let rsc = starred(
        &[&work, &personal, &application],
        note,
        header.number,
        problems,
    );
    Some(SecondSection {
        heading: subject.heading.text.clone(),
        line: header.number,
        paths: subject.paths.clone(),
        delegated_work: work.cell,
        delegated_personal: personal.cell,
        application: application.cell,
        rsc,
        rsc_versions: note.versions.clone(),
    })
}

/// The Outlook overview's table: one row per resource, paths in the second column.
fn per_resource(table: &[Line<'_>], note: &RscNote, problems: &mut Problems) -> Vec<SecondSection> {
    let mut sections = Vec::new();
    for line in body(table, problems) {
        let raw = split_cells(line.text);
        let [resource, paths, work, personal, application] = raw.as_slice() else {
            problems.at(
                line.number,
                format!(
                    "table row has {} cell(s); expected 5 (resource, paths and three permission cells)",
                    raw.len()
                ),
            );
            continue;
        };
        let heading = link_text(resource);
        let paths: Vec<String> = backticked(paths)
            .into_iter()
            .filter(|p| p.starts_with('/'))
            .collect();
        if paths.is_empty() {
            problems.at(line.number, "the row names no `/path` in backticks");
        }
        let parsed: Vec<Option<ParsedRow>> = [work, personal, application]
            .into_iter()
            .zip(AuthMode::ALL)
            .map(|(cell, mode)| parse_row(line.number, cell, None, mode, problems))
            .collect();
        let [Some(work), Some(personal), Some(application)] =
            <[Option<ParsedRow>; 3]>::try_from(parsed).unwrap_or([None, None, None])
        else {
            continue;
        };
        if paths.is_empty() {
            continue;
        }
        let rsc = starred(
            &[&work, &personal, &application],
            note,
            line.number,
            problems,
        );
        sections.push(SecondSection {
            heading,
            line: line.number,
            paths,
            delegated_work: work.cell,
            delegated_personal: personal.cell,
            application: application.cell,
            rsc,
            rsc_versions: note.versions.clone(),
        });
    }
    sections
}

/// `[contact](/graph/api/resources/contact)` -> `contact`.
fn link_text(cell: &str) -> String {
    let text = collapse(&unescape(cell));
    match (text.find('['), text.find("](")) {
        (Some(open), Some(close)) if open < close => {
            text.get(open + 1..close).unwrap_or_default().to_string()
        }
        _ => text,
    }
}

/// One mode's cell, read.
struct ParsedRow {
    cell: SecondCell,
    starred: Vec<String>,
}

/// Reads a permission cell and, where the table has one, its versions cell.
fn parse_row(
    line: usize,
    permissions: &str,
    versions: Option<&&str>,
    mode: AuthMode,
    problems: &mut Problems,
) -> Option<ParsedRow> {
    let parsed: ParsedCell = match parse_permissions(permissions, mode.as_str()) {
        Ok(parsed) => parsed,
        Err(messages) => {
            messages.into_iter().for_each(|m| problems.at(line, m));
            return None;
        }
    };
    let versions = match versions {
        None => None,
        Some(raw) => {
            let text = collapse(&unescape(raw));
            let bare = text.strip_suffix('.').unwrap_or(&text).trim();
            if bare.eq_ignore_ascii_case(NOT_SUPPORTED) {
                Some(Vec::new())
            } else {
                let mut list = Vec::new();
                let mut bad = false;
                for item in bare.split(',').map(str::trim) {
                    match API_VERSIONS.into_iter().find(|v| *v == item) {
                        Some(v) if !list.iter().any(|l: &String| l == v) => {
                            list.push(v.to_string())
                        }
                        Some(_) => {}
                        None => {
                            bad = true;
                            problems.at(
                                line,
                                format!("{mode} versions: `{item}` is not an API version (expected v1.0 or beta)"),
                            );
                        }
                    }
                }
                if bad {
                    return None;
                }
                Some(list)
            }
        }
    };
    let cell = match (parsed.cell, versions) {
        (Cell::NotSupported, None) => SecondCell::NotSupported(NOT_SUPPORTED.to_string()),
        (Cell::NotSupported, Some(v)) if v.is_empty() => {
            SecondCell::NotSupported(NOT_SUPPORTED.to_string())
        }
        (Cell::NotSupported, Some(_)) => {
            problems.at(
                line,
                format!("{mode}: not supported, yet the versions column names versions"),
            );
            return None;
        }
        (Cell::Permissions(_), Some(v)) if v.is_empty() => {
            problems.at(
                line,
                format!(
                    "{mode}: permissions are listed, yet the versions column says not supported"
                ),
            );
            return None;
        }
        (Cell::Permissions(names), versions) => SecondCell::Accepted(Accepted {
            permissions: names,
            versions,
        }),
    };
    Some(ParsedRow {
        cell,
        starred: parsed.starred,
    })
}

/// The starred names of a table's cells, in cell order; a star without the RSC note is a
/// problem (the star means nothing else).
fn starred(
    rows: &[&ParsedRow],
    note: &RscNote,
    line: usize,
    problems: &mut Problems,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for row in rows {
        for name in &row.starred {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    if !names.is_empty() && !note.present {
        problems.at(
            line,
            format!(
                "`*` marks {} but no note after the table says what `*` means",
                names.join(", ")
            ),
        );
    }
    names
}

/// The `# @generated` header of a second-source file.
pub fn second_source_header(file: &SecondSourceFile) -> String {
    format!(
        "@generated by `msgraph-scopes import-concepts` from {}; do not edit: re-import instead",
        file.source.file
    )
}

/// The bytes of `data/second-sources/<page>.yaml`: its header, then its YAML.
pub fn second_source_yaml(file: &SecondSourceFile) -> Result<String, serde_yaml::Error> {
    crate::import::to_yaml(file, &second_source_header(file))
}

/// Where a page's second source goes under `out_dir`: `<page name>.yaml`.
pub fn second_source_path(out_dir: &Path, file: &SecondSourceFile) -> PathBuf {
    let name = file.source.file.rsplit('/').next().unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(name);
    out_dir.join(format!("{stem}.yaml"))
}

/// Imports concept pages and writes each to `out_dir/<page name>.yaml`, giving the paths
/// written. Nothing is written unless every page imports; a file whose bytes would not change
/// is left untouched.
pub fn import_concept_files(
    paths: &[PathBuf],
    out_dir: &Path,
) -> Result<Vec<PathBuf>, ImportError> {
    let mut all = Vec::new();
    let mut outputs: Vec<(PathBuf, String)> = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let mut problems = Problems::new(&name);
        match std::fs::read_to_string(path) {
            Err(err) => problems.file(format!("cannot read: {err}")),
            Ok(text) => match import_concept_page(&text, &name) {
                Err(err) => all.extend(err.into_problems()),
                Ok(file) => {
                    let target = second_source_path(out_dir, &file);
                    if outputs.iter().any(|(t, _)| *t == target) {
                        problems.file(format!("gives {} a second time", target.display()));
                    }
                    match second_source_yaml(&file) {
                        Ok(yaml) => outputs.push((target, yaml)),
                        Err(err) => problems.file(format!("cannot serialise: {err}")),
                    }
                }
            },
        }
        all.extend(problems.into_vec());
    }
    if !all.is_empty() {
        return Err(ImportError::from_problems(all));
    }
    let mut written = Vec::new();
    for (target, yaml) in outputs {
        if let Err(err) = super::write_if_changed(&target, &yaml) {
            let mut problems = Problems::new(&target.display().to_string());
            problems.file(format!("cannot write: {err}"));
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
