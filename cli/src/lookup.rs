//! `lookup`: a resource's row and permissions per auth mode, or every row of a resource type.

use super::answer::{notes, LifecycleAnswer, ModeAnswer, Note, ResourceAnswer, TypeAnswer};
use super::args::{Format, LookupArgs};
use super::output::{Exit, Report};
use super::{json, suggest, text};
use msgraph_scopes::rules::Severity;
use msgraph_scopes::{
    lifecycle, lookup_resolved, resolve, table, ApiVersion, AuthMode, LookupError, Operation,
    Resolved, Row,
};

/// Runs `lookup`.
pub fn run(args: &LookupArgs) -> Report {
    let modes = requested_modes(&args.mode);
    match (&args.resource, &args.resource_type) {
        (Some(resource), None) => by_resource(resource, args, modes),
        (None, Some(resource_type)) => by_type(resource_type, args, modes),
        // clap's argument group makes exactly one of them present.
        _ => Report::failure(
            Exit::Usage,
            String::new(),
            "give either RESOURCE or --type TYPE",
        ),
    }
}

/// The modes asked for, in the docs' column order; all three when none is given.
fn requested_modes(given: &[AuthMode]) -> Vec<AuthMode> {
    if given.is_empty() {
        return AuthMode::ALL.to_vec();
    }
    AuthMode::ALL
        .into_iter()
        .filter(|mode| given.contains(mode))
        .collect()
}

fn other_version(api: ApiVersion) -> ApiVersion {
    match api {
        ApiVersion::V1 => ApiVersion::Beta,
        ApiVersion::Beta => ApiVersion::V1,
    }
}

fn by_resource(input: &str, args: &LookupArgs, modes: Vec<AuthMode>) -> Report {
    let resolved = match resolve(input) {
        Ok(resolved) => resolved,
        Err(err) => {
            let err = LookupError::InvalidResource(err);
            return failure(
                args.format,
                err.kind(),
                &err.to_string(),
                format!("{err}: {input:?}"),
            );
        }
    };
    let api = match (args.api, resolved.version()) {
        (Some(given), Some(named)) if given != named => {
            return Report::failure(
                Exit::Usage,
                String::new(),
                format!(
                    "--api {given} conflicts with the resource, which names {named}: {input:?} \
                     (drop --api, or the version from the resource)"
                ),
            );
        }
        (Some(api), _) | (None, Some(api)) => api,
        (None, None) => ApiVersion::V1,
    };
    if args.lifecycle {
        return by_lifecycle(input, api, args, modes);
    }
    let operation = args.op;
    let mut answers = Vec::with_capacity(modes.len());
    for mode in modes {
        let answer = match lookup_resolved(table(api, operation), resolved, mode) {
            Ok(answer) => ModeAnswer {
                mode,
                row: answer.row(),
                template: answer.template(),
                permissions: Some(answer.permissions()),
                notes: notes(&answer, &args.change_type),
            },
            Err(LookupError::NotSupported { row, template, .. }) => ModeAnswer {
                mode,
                row,
                template,
                permissions: None,
                notes: Vec::new(),
            },
            Err(err) => {
                let hint = elsewhere(&resolved, api, operation);
                return failure(
                    args.format,
                    err.kind(),
                    &err.to_string(),
                    format!("{err} ({api} {operation}): {input:?}{hint}"),
                );
            }
        };
        answers.push(answer);
    }
    let answer = ResourceAnswer {
        input,
        api,
        operation,
        query: resolved.query(),
        answers,
    };
    let stdout = match args.format {
        Format::Json => json::line(&json::resource_answer(&answer)),
        Format::Text => text::resource_answer(&answer),
    };
    // An error-severity rule on a mode asked for with --mode means the subscription cannot
    // work as asked: exit 1, saying why. (Without --mode every mode is shown, and a mode that
    // cannot work, such as application for `/me/...`, is part of the answer.)
    let mut errors: Vec<String> = Vec::new();
    for a in &answer.answers {
        let fatal = |n: &&Note| {
            n.severity == Severity::Error
                && (!args.mode.is_empty() || n.id == "change-type-unsupported")
        };
        for note in a.notes.iter().filter(fatal) {
            let line = format!("error[{}] ({}): {}", note.id, a.mode, note.message);
            if !errors.contains(&line) {
                errors.push(line);
            }
        }
    }
    if errors.is_empty() {
        Report::success(stdout)
    } else {
        Report {
            stdout,
            stderr: errors,
            exit: Exit::Failure,
        }
    }
}

fn by_lifecycle(input: &str, api: ApiVersion, args: &LookupArgs, modes: Vec<AuthMode>) -> Report {
    let mut lifecycles = Vec::with_capacity(modes.len());
    for mode in modes {
        match lifecycle(api, input, mode) {
            Ok(l) => lifecycles.push(l),
            Err(err) => {
                return failure(
                    args.format,
                    err.kind(),
                    &err.to_string(),
                    format!("{err} ({api} lifecycle): {input:?}"),
                )
            }
        }
    }
    let query = resolve(input).ok().and_then(|r| r.query());
    let answer = LifecycleAnswer {
        input,
        api,
        query,
        modes: lifecycles,
    };
    let stdout = match args.format {
        Format::Json => json::line(&json::lifecycle_answer(&answer)),
        Format::Text => text::lifecycle_answer(&answer),
    };
    Report::success(stdout)
}

/// Where else an unknown resource is subscribable: `"; it is in the beta create table"`.
fn elsewhere(resolved: &Resolved<'_>, api: ApiVersion, operation: Operation) -> String {
    if !resolved.is_match() {
        return String::new();
    }
    let other = other_version(api);
    if resolved
        .row_in(table(other, operation), AuthMode::DelegatedWork)
        .is_some()
    {
        return format!("; it is in the {other} {operation} table (--api {other})");
    }
    match Operation::ALL
        .into_iter()
        .flat_map(|op| [(api, op), (other, op)])
        .find(|&(a, op)| {
            resolved
                .row_in(table(a, op), AuthMode::DelegatedWork)
                .is_some()
        }) {
        Some((a, op)) => format!("; it is in the {a} {op} table"),
        None => String::new(),
    }
}

fn by_type(resource_type: &str, args: &LookupArgs, modes: Vec<AuthMode>) -> Report {
    let api = args.api.unwrap_or(ApiVersion::V1);
    let operation = args.op;
    let the_table = table(api, operation);
    let rows: Vec<Row> = the_table.rows_of_type(resource_type.trim()).collect();
    if rows.is_empty() {
        let message = format!("no row of type `{resource_type}` in {api} {operation}");
        let other = other_version(api);
        let mut hint = suggest::hint(&suggest::nearest(
            resource_type,
            the_table.rows().map(Row::resource_type),
        ));
        if table(other, operation)
            .rows_of_type(resource_type.trim())
            .next()
            .is_some()
        {
            hint.push_str(&format!("; {other} {operation} has it (--api {other})"));
        }
        return failure(
            args.format,
            "unknown_type",
            &message,
            format!("{message}{hint}"),
        );
    }
    let answer = TypeAnswer {
        resource_type,
        api,
        operation,
        modes,
        rows,
    };
    let stdout = match args.format {
        Format::Json => json::line(&json::type_answer(&answer)),
        Format::Text => text::type_answer(&answer),
    };
    Report::success(stdout)
}

/// Exit 1: the JSON error object on stdout (in JSON mode) and one line on stderr.
pub fn failure(format: Format, kind: &str, message: &str, stderr: String) -> Report {
    let stdout = match format {
        Format::Json => json::line(&json::error(kind, message)),
        Format::Text => String::new(),
    };
    Report::failure(Exit::Failure, stdout, stderr)
}
