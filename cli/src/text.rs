//! The text output: short, plain (no colour), within 80 columns where the data allows.

use super::answer::{LifecycleAnswer, ModeAnswer, Note, ResourceAnswer, TypeAnswer};
use msgraph_scopes::{AuthMode, LookupError, Permissions, Row};
use std::fmt::Write;

/// The line width the output is wrapped to.
const WIDTH: usize = 80;
/// The column the permissions start in, after the mode name.
const MODE_COLUMN: usize = 20;

/// The text of a resource lookup: per (row, template) the modes that matched it, with the least
/// privileged permission first.
pub fn resource_answer(answer: &ResourceAnswer<'_>) -> String {
    let mut groups: Vec<(Row, &str, Vec<&ModeAnswer>)> = Vec::new();
    for a in &answer.answers {
        match groups
            .iter_mut()
            .find(|(row, template, _)| *row == a.row && *template == a.template)
        {
            Some((_, _, modes)) => modes.push(a),
            None => groups.push((a.row, a.template, vec![a])),
        }
    }
    let mut out = String::new();
    let table = format!("({} {})", answer.api, answer.operation);
    if groups.len() > 1 {
        let rows_differ = groups.iter().any(|(row, _, _)| *row != groups[0].0);
        let what = if rows_differ { "row" } else { "template" };
        wrap(
            &mut out,
            words(&format!(
                "The {what} depends on the auth mode for {}:",
                answer.input
            )),
            "",
            "  ",
        );
        query_line(&mut out, answer.query);
    }
    for (i, (row, template, modes)) in groups.iter().enumerate() {
        if i > 0 || groups.len() > 1 {
            out.push('\n');
        }
        heading(&mut out, *row);
        labelled(&mut out, "template: ", template, &table);
        if let Some(e) = modes.iter().find_map(|a| a.equivalence) {
            let text = format!(
                "matched: {} (an equivalent form, not a table template: {} lists it beside {})",
                e.form(),
                e.source(),
                e.stands_for()
            );
            wrap(&mut out, words(&text), "", "  ");
        }
        if groups.len() == 1 {
            query_line(&mut out, answer.query);
        }
        for a in modes {
            mode_cell(&mut out, a.mode, a.permissions);
            also_accepted(&mut out, &a.also);
        }
        if modes.iter().any(|a| a.permissions.is_some()) {
            match row.max_lifetime() {
                Some(lifetime) => {
                    let _ = writeln!(out, "{:<MODE_COLUMN$}{lifetime}", "max lifetime");
                }
                None => {
                    let _ = writeln!(out, "{:<MODE_COLUMN$}not documented", "max lifetime");
                }
            }
        }
    }
    notes(&mut out, &answer.answers);
    let also_rsc = answer
        .answers
        .iter()
        .flat_map(|a| &a.also)
        .any(|p| p.is_rsc());
    if also_rsc {
        legend(&mut out);
    } else {
        rsc_legend(
            &mut out,
            answer.answers.iter().filter_map(|a| a.permissions),
        );
    }
    out
}

/// What second sources accept beyond the table's cell, marked as theirs, by source page.
fn also_accepted(out: &mut String, also: &[msgraph_scopes::AlsoAccepted]) {
    if also.is_empty() {
        return;
    }
    let indent = " ".repeat(MODE_COLUMN);
    let _ = writeln!(
        out,
        "{indent}also accepted by a second source, not the table:"
    );
    let mut sources: Vec<&str> = Vec::new();
    for p in also {
        if !sources.contains(&p.source().file()) {
            sources.push(p.source().file());
        }
    }
    let inner = format!("{indent}  ");
    for source in sources {
        let names: Vec<String> = also
            .iter()
            .filter(|p| p.source().file() == source)
            .map(|p| {
                if p.is_rsc() {
                    format!("{} (RSC)", p.name())
                } else {
                    p.name().to_string()
                }
            })
            .collect();
        wrap(out, list(&names), &inner, &inner);
        let _ = writeln!(out, "{inner}[{source}]");
    }
}

/// The rules that apply, once each, with the modes they apply to when not all.
fn notes(out: &mut String, answers: &[ModeAnswer]) {
    let mut seen: Vec<(&Note, Vec<AuthMode>)> = Vec::new();
    for a in answers {
        for note in &a.notes {
            match seen.iter_mut().find(|(n, _)| *n == note) {
                Some((_, modes)) => modes.push(a.mode),
                None => seen.push((note, vec![a.mode])),
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    out.push('\n');
    let asked = answers.len();
    for (note, modes) in seen {
        let scope = if modes.len() == asked {
            String::new()
        } else {
            let names: Vec<&str> = modes.iter().map(|m| m.as_str()).collect();
            format!(" ({})", names.join(", "))
        };
        let text = format!("{}[{}]{scope}: {}", note.severity, note.id, note.message);
        wrap(out, words(&text), "", "  ");
    }
}

/// The text of a lifecycle answer: per mode the one permission for all four operations.
pub fn lifecycle_answer(answer: &LifecycleAnswer<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} lifecycle (create, update, reauthorize, delete) of {}",
        answer.api, answer.input
    );
    query_line(&mut out, answer.query);
    for l in &answer.modes {
        out.push('\n');
        let label = format!("{:<MODE_COLUMN$}", l.mode().as_str());
        let indent = " ".repeat(MODE_COLUMN);
        let supporting: Vec<&str> = l
            .steps()
            .filter(|s| s.result.is_ok())
            .map(|s| s.operation.as_str())
            .collect();
        match l.least() {
            Some(p) if l.is_complete() => {
                let _ = writeln!(out, "{label}{}  (all four operations)", name(p));
            }
            Some(p) => {
                let _ = writeln!(out, "{label}{}  (for {})", name(p), supporting.join(", "));
            }
            None if supporting.is_empty() => {
                let _ = writeln!(out, "{label}not supported by any operation");
            }
            None => {
                let _ = writeln!(
                    out,
                    "{label}no one permission serves {}",
                    supporting.join(", ")
                );
            }
        }
        for step in l.steps() {
            let why = match step.result {
                Ok(_) => continue,
                Err(LookupError::NotSupported { .. }) => "does not support this mode",
                Err(_) => "has no row for this resource",
            };
            let _ = writeln!(out, "{indent}{} {why}", step.operation.as_str());
        }
        let disagreeing: Vec<&str> = l.disagreeing().map(|op| op.as_str()).collect();
        if !disagreeing.is_empty() {
            let text = format!(
                "{} list other permissions than {}",
                disagreeing.join(", "),
                supporting.first().copied().unwrap_or_default()
            );
            wrap(&mut out, words(&text), &indent, &indent);
        }
    }
    out
}

/// The text of a type listing: each row with its templates and the requested modes' cells.
pub fn type_answer(answer: &TypeAnswer<'_>) -> String {
    let mut out = String::new();
    let count = answer.rows.len();
    let plural = if count == 1 { "" } else { "s" };
    let _ = writeln!(
        out,
        "{}: {count} row{plural} in {} {}",
        answer
            .rows
            .first()
            .map_or(answer.resource_type, |row| row.resource_type()),
        answer.api,
        answer.operation
    );
    for row in &answer.rows {
        out.push('\n');
        heading(&mut out, *row);
        if row.templates().len() == 0 {
            out.push_str("templates: none known (subscribable by resource type only)\n");
        } else {
            out.push_str("templates:\n");
        }
        for template in row.templates() {
            let _ = write!(out, "  {}", template.path());
            if AuthMode::ALL.iter().any(|&m| !template.applies_to(m)) {
                let modes: Vec<&str> = AuthMode::ALL
                    .into_iter()
                    .filter(|&m| template.applies_to(m))
                    .map(AuthMode::as_str)
                    .collect();
                let _ = write!(out, "  [{}]", modes.join(", "));
            }
            out.push('\n');
        }
        if let Some(note) = row.note() {
            wrap(&mut out, words(note), "note: ", "      ");
        }
        for &mode in &answer.modes {
            mode_cell(&mut out, mode, row.cell(mode));
        }
    }
    let cells = answer
        .rows
        .iter()
        .flat_map(|row| answer.modes.iter().filter_map(|&mode| row.cell(mode)));
    rsc_legend(&mut out, cells);
    out
}

/// `chatMessage (qualifier): label`, wrapped.
fn heading(out: &mut String, row: Row) {
    let mut text = row.resource_type().to_string();
    if let Some(qualifier) = row.qualifier() {
        let _ = write!(text, " ({qualifier})");
    }
    if let Some(label) = row.label() {
        let _ = write!(text, ": {label}");
    }
    wrap(out, words(&text), "", "  ");
}

/// `label value  suffix`, with the suffix on its own line when the whole does not fit.
fn labelled(out: &mut String, label: &str, value: &str, suffix: &str) {
    let line = format!("{label}{value}  {suffix}");
    if line.chars().count() <= WIDTH {
        out.push_str(&line);
        out.push('\n');
    } else {
        let _ = writeln!(out, "{label}{value}");
        let _ = writeln!(out, "{:width$}{suffix}", "", width = label.len());
    }
}

fn query_line(out: &mut String, query: Option<&str>) {
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        labelled(out, "query: ", query, "(does not change the permissions)");
    }
}

/// One mode's cell: the least privileged permission, then the others, then any docs errata.
fn mode_cell(out: &mut String, mode: AuthMode, cell: Option<Permissions>) {
    let label = format!("{:<MODE_COLUMN$}", mode.as_str());
    let Some(permissions) = cell else {
        let _ = writeln!(out, "{label}not supported");
        return;
    };
    let least = permissions.least();
    let least = format!("{label}{}", name(least));
    let marker = if least.chars().count() + 20 <= WIDTH {
        "  (least privileged)"
    } else {
        "  (least)"
    };
    let _ = writeln!(out, "{least}{marker}");
    let rest: Vec<String> = permissions.iter().skip(1).map(name).collect();
    let indent = " ".repeat(MODE_COLUMN);
    if !rest.is_empty() {
        let first = format!("{indent}then: ");
        let continued = " ".repeat(first.len());
        wrap(out, list(&rest), &first, &continued);
    }
    for erratum in permissions.iter().filter_map(|p| p.erratum()) {
        let text = format!(
            "docs erratum: the docs print {}, which does not exist; {} is meant: {}",
            erratum.documented(),
            erratum.corrected(),
            erratum.note()
        );
        wrap(out, words(&text), &indent, &format!("{indent}  "));
    }
}

/// A permission's name, marked `(RSC)` when it is resource-specific consent.
fn name(permission: msgraph_scopes::Permission) -> String {
    if permission.is_rsc() {
        format!("{} (RSC)", permission.name())
    } else {
        permission.name().to_string()
    }
}

/// Explains `(RSC)` once, when any shown permission is one.
fn rsc_legend(out: &mut String, cells: impl Iterator<Item = Permissions>) {
    let mut cells = cells;
    if cells.any(|cell| cell.iter().any(|p| p.is_rsc())) {
        legend(out);
    }
}

/// The `(RSC)` legend.
fn legend(out: &mut String) {
    out.push('\n');
    wrap(
        out,
        words(
            "(RSC) resource-specific consent: granted on one resource (a team, a chat, a \
             user) rather than tenant-wide.",
        ),
        "",
        "      ",
    );
}

pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

/// Items of a comma-separated list as wrap tokens (`a,` `b,` `c`).
pub fn list(items: &[String]) -> Vec<String> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if i < last {
                format!("{item},")
            } else {
                item.clone()
            }
        })
        .collect()
}

/// Writes `tokens` separated by spaces, breaking lines before [`WIDTH`]; the first line starts
/// with `first`, the others with `rest`. A token longer than a line gets a line of its own.
pub fn wrap(out: &mut String, tokens: Vec<String>, first: &str, rest: &str) {
    let mut line = first.to_string();
    let mut empty = true;
    for token in tokens {
        let len = line.chars().count();
        if !empty && len + 1 + token.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&token);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}
