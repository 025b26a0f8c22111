//! `lookup`: a resource's row and permissions per auth mode, or every row of a resource type.

use super::args::{Format, LookupArgs};
use super::output::{Exit, Report};
use super::{json, suggest, text};
use msgraph_scopes::rules::Severity;
use msgraph_scopes::{
    lifecycle, lookup_resolved, resolve, table, Answer, ApiVersion, AuthMode, Lifecycle,
    LookupError, Operation, Permissions, Resolved, Row,
};

/// What one auth mode gets for a resource: its row and template, and the permissions (`None`
/// when the docs say the mode is not supported).
#[derive(Debug, Clone)]
pub struct ModeAnswer {
    /// The mode asked about.
    pub mode: AuthMode,
    /// The matched row (it can differ by mode: `/me/drive/root`).
    pub row: Row,
    /// The matched template.
    pub template: &'static str,
    /// The permissions, least privileged first; `None` = not supported.
    pub permissions: Option<Permissions>,
    /// The docs' rules that apply, and change types the resource does not support.
    pub notes: Vec<Note>,
}

/// A rule that applies to an answer (or a change type the resource does not support).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The rule's id (`change-type-unsupported` for the change-type check).
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// What to know or do.
    pub message: String,
    /// The docs page that says so.
    pub source: &'static str,
}

/// The notes for one answer: its rules, then each requested change type it does not support.
fn notes(answer: &Answer<'_>, change_types: &[msgraph_scopes::ChangeType]) -> Vec<Note> {
    let mut notes: Vec<Note> = answer
        .rules()
        .map(|rule| Note {
            id: rule.id(),
            severity: rule.severity(),
            message: rule.message().to_string(),
            source: rule.source(),
        })
        .collect();
    let supported = answer.row().change_types();
    for &change_type in change_types {
        if !supported.contains(change_type) {
            notes.push(Note {
                id: "change-type-unsupported",
                severity: Severity::Error,
                message: format!(
                    "{} subscriptions support only the change types {supported}, not {change_type}.",
                    answer.row().resource_type()
                ),
                source: supported.source().unwrap_or_default(),
            });
        }
    }
    notes
}

/// The answer to `lookup RESOURCE`.
#[derive(Debug)]
pub struct ResourceAnswer<'a> {
    /// The resource as given.
    pub input: &'a str,
    /// The table's API version.
    pub api: ApiVersion,
    /// The table's operation.
    pub operation: Operation,
    /// The resource's query string, without `?`.
    pub query: Option<&'a str>,
    /// One answer per requested mode, in the docs' column order.
    pub answers: Vec<ModeAnswer>,
}

/// The answer to `lookup --type TYPE`.
#[derive(Debug)]
pub struct TypeAnswer<'a> {
    /// The type as given.
    pub resource_type: &'a str,
    /// The table's API version.
    pub api: ApiVersion,
    /// The table's operation.
    pub operation: Operation,
    /// The requested modes, in the docs' column order.
    pub modes: Vec<AuthMode>,
    /// The rows of that type, in the docs' order.
    pub rows: Vec<Row>,
}

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

/// The answer to `lookup RESOURCE --lifecycle`.
#[derive(Debug)]
pub struct LifecycleAnswer<'a> {
    /// The resource as given.
    pub input: &'a str,
    /// The API version.
    pub api: ApiVersion,
    /// The resource's query string.
    pub query: Option<&'a str>,
    /// One lifecycle per requested mode.
    pub modes: Vec<Lifecycle<'a>>,
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
