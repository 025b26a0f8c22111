//! The answers `lookup` gives, as plain data: the text and JSON renderers read them, and
//! `lookup` builds them. Nothing here renders or parses.

use msgraph_scopes::rules::Severity;
use msgraph_scopes::{
    AlsoAccepted, Answer, ApiVersion, AuthMode, ChangeType, Equivalence, Lifecycle, Operation,
    Permissions, Row,
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
    /// The equivalent form the resource matched, when it matched no table template.
    pub equivalence: Option<Equivalence>,
    /// Permissions a second source accepts that the table's cell lacks (supported cells only).
    pub also: Vec<AlsoAccepted>,
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

/// The notes for one answer: its rules, then each requested change type it does not support,
/// then a retired name in the resource string.
pub fn notes(answer: &Answer<'_>, change_types: &[ChangeType], resource: &str) -> Vec<Note> {
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
    if let Some(retired) = msgraph_scopes::retired_name(resource) {
        notes.push(Note {
            id: "retired-name",
            severity: Severity::Warning,
            message: format!(
                "`{}` sits where an id goes, but it is a name Graph retired; subscribe to {} instead.",
                retired.name(),
                retired.current()
            ),
            source: retired.source(),
        });
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
