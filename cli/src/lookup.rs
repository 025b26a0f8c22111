//! `lookup`: a resource's row and permissions per auth mode, or every row of a resource type.

use super::answer::{notes, LifecycleAnswer, ModeAnswer, Note, ResourceAnswer, TypeAnswer};
use super::args::{Format, LookupArgs};
use super::output::{Exit, Report};
use super::{input, json, suggest, text};
use msgraph_scopes::rules::Severity;
use msgraph_scopes::suggest::Suggestion;
use msgraph_scopes::{
    lifecycle, lookup_resolved, resolve, table, ApiVersion, AuthMode, LookupError, Operation,
    Resolved, Row,
};
use std::path::Path;

/// Runs `lookup`.
pub fn run(args: &LookupArgs) -> Report {
    let modes = requested_modes(&args.mode);
    match (&args.resource, &args.resource_type) {
        (Some(resource), None) if resource == "-" => batch(args, modes),
        (Some(resource), None) => by_resource(resource, args, modes, args.format),
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

/// `lookup -`: one resource per line of stdin, one JSON object per line (what `--format json`
/// prints for it). Blank lines are skipped. Exit 1 when any resource failed, 2 when stdin
/// cannot be read.
fn batch(args: &LookupArgs, modes: Vec<AuthMode>) -> Report {
    let text = match input::read(Path::new("-")) {
        Ok(text) => text,
        Err(message) => return Report::failure(Exit::Usage, String::new(), message),
    };
    let mut stdout = String::new();
    let (mut asked, mut failed) = (0usize, 0usize);
    for line in text.lines() {
        let resource = line.trim();
        if resource.is_empty() {
            continue;
        }
        asked += 1;
        let report = by_resource(resource, args, modes.clone(), Format::Json);
        if report.exit != Exit::Success {
            failed += 1;
        }
        stdout.push_str(&report.stdout);
    }
    if failed == 0 {
        return Report::success(stdout);
    }
    let plural = if asked == 1 { "" } else { "s" };
    Report {
        stdout,
        stderr: vec![format!(
            "error: {failed} of {asked} resource{plural} did not resolve or cannot work as asked (see their JSON lines)"
        )],
        exit: Exit::Failure,
    }
}

fn by_resource(input: &str, args: &LookupArgs, modes: Vec<AuthMode>, format: Format) -> Report {
    let resolved = match resolve(input) {
        Ok(resolved) => resolved,
        Err(err) => {
            let err = LookupError::InvalidResource(err);
            let api = args.api.unwrap_or(ApiVersion::V1);
            let found = msgraph_scopes::suggest::suggest(input, api, args.op);
            return resource_failure(
                format,
                err.kind(),
                &err.to_string(),
                format!("{err}: {input:?}{}", did_you_mean(&found, api, args.op)),
                &found,
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
        return by_lifecycle(input, api, modes, format);
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
                notes: notes(&answer, &args.change_type, input),
                equivalence: answer.equivalence(),
                also: answer.also_accepted().collect(),
            },
            Err(LookupError::NotSupported { row, template, .. }) => ModeAnswer {
                mode,
                row,
                template,
                permissions: None,
                notes: Vec::new(),
                equivalence: resolved.equivalence(table(api, operation), mode),
                also: Vec::new(),
            },
            Err(err) => return unknown(input, &resolved, api, operation, mode, &err, format),
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
    let stdout = match format {
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

fn by_lifecycle(input: &str, api: ApiVersion, modes: Vec<AuthMode>, format: Format) -> Report {
    let mut lifecycles = Vec::with_capacity(modes.len());
    for mode in modes {
        match lifecycle(api, input, mode) {
            Ok(l) => lifecycles.push(l),
            Err(err) => {
                let found = msgraph_scopes::suggest::suggest(input, api, Operation::Create);
                return resource_failure(
                    format,
                    err.kind(),
                    &err.to_string(),
                    format!(
                        "{err} ({api} lifecycle): {input:?}{}",
                        did_you_mean(&found, api, Operation::Create)
                    ),
                    &found,
                );
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
    let stdout = match format {
        Format::Json => json::line(&json::lifecycle_answer(&answer)),
        Format::Text => text::lifecycle_answer(&answer),
    };
    Report::success(stdout)
}

/// The failure of a resource no row of the table matches under `mode`: the reason the docs give
/// for a refused form, the table that has it when another does, or else the nearest templates.
fn unknown(
    input: &str,
    resolved: &Resolved<'_>,
    api: ApiVersion,
    operation: Operation,
    mode: AuthMode,
    err: &LookupError,
    format: Format,
) -> Report {
    let found = msgraph_scopes::suggest::suggest(input, api, operation);
    let elsewhere = msgraph_scopes::suggest::elsewhere(input, api, operation);
    let message = match (resolved.refusal(mode), elsewhere) {
        (Some(refusal), _) => {
            let mut message = format!(
                "`{}` cannot be subscribed to under {mode}: {} ({})",
                refusal.form(),
                refusal.reason(),
                refusal.source()
            );
            let works: Vec<&str> = AuthMode::ALL
                .into_iter()
                .filter(|&m| resolved.row_in(table(api, operation), m).is_some())
                .map(AuthMode::as_str)
                .collect();
            if !works.is_empty() {
                message.push_str(&format!(
                    "; it resolves under {} (--mode)",
                    works.join(", ")
                ));
            }
            message
        }
        (None, Some(other)) => format!(
            "not in {api} {operation}; {} has it (--api {} --op {})",
            table_name(other.api(), other.operation(), api, operation),
            other.api(),
            other.operation()
        ),
        (None, None) => err.to_string(),
    };
    // Naming the table that has it says more than a list of near templates.
    let hint = match elsewhere {
        Some(_) => String::new(),
        None => did_you_mean(&found, api, operation),
    };
    resource_failure(
        format,
        err.kind(),
        &message,
        format!("{message} ({api} {operation}): {input:?}{hint}"),
        &found,
    )
}

/// `the beta table` (same operation, the other version), or `the v1.0 list table`.
fn table_name(
    api: ApiVersion,
    operation: Operation,
    asked_api: ApiVersion,
    asked_op: Operation,
) -> String {
    if operation == asked_op && api != asked_api {
        format!("the {api} table")
    } else {
        format!("the {api} {operation} table")
    }
}

/// ` (did you mean A (type) or B (type; the beta table has it)?)`, or nothing.
fn did_you_mean(found: &[Suggestion], api: ApiVersion, operation: Operation) -> String {
    let names: Vec<String> = found
        .iter()
        .map(|s| {
            if s.in_table(api, operation) {
                format!("{} ({})", s.template, s.resource_type)
            } else {
                let t = s.found_in;
                format!(
                    "{} ({}; {} has it)",
                    s.template,
                    s.resource_type,
                    table_name(t.api(), t.operation(), api, operation)
                )
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    suggest::hint(&names)
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

/// Exit 1 for a resource string: the JSON error object with its suggestions on stdout (in JSON
/// mode) and one line on stderr.
fn resource_failure(
    format: Format,
    kind: &str,
    message: &str,
    stderr: String,
    found: &[Suggestion],
) -> Report {
    let stdout = match format {
        Format::Json => json::line(&json::resource_error(kind, message, found)),
        Format::Text => String::new(),
    };
    Report::failure(Exit::Failure, stdout, stderr)
}

/// Exit 1: the JSON error object on stdout (in JSON mode) and one line on stderr.
pub fn failure(format: Format, kind: &str, message: &str, stderr: String) -> Report {
    let stdout = match format {
        Format::Json => json::line(&json::error(kind, message)),
        Format::Text => String::new(),
    };
    Report::failure(Exit::Failure, stdout, stderr)
}
