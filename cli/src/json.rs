//! The JSON output: one object per command, keys in the documented order (struct field order).

use super::answer::{LifecycleAnswer, ModeAnswer, Note, ResourceAnswer, TypeAnswer};
use msgraph_scopes::catalog::{ForeignPermission, PermissionInfo, Scheme};
use msgraph_scopes::rules::Rule;
use msgraph_scopes::suggest::Suggestion;
use msgraph_scopes::{AuthMode, LookupError, Permissions, Row};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// `value` as one line of JSON, with its newline.
pub fn line<T: Serialize>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serialising these structs cannot fail (no maps with non-string keys, no I/O).
        Err(err) => format!(
            "{{\"error\":{{\"kind\":\"internal\",\"message\":{:?}}}}}\n",
            err.to_string()
        ),
    }
}

/// `{"error": {"kind": ..., "message": ...}}`.
#[derive(Serialize)]
pub struct ErrorObject<'a> {
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
}

/// The error object.
pub fn error<'a>(kind: &'a str, message: &'a str) -> ErrorObject<'a> {
    ErrorObject {
        error: ErrorBody { kind, message },
    }
}

/// `{"error": {"kind", "message", "suggestions": [...]}}`: a resource string's error, with the
/// nearest templates.
#[derive(Serialize)]
pub struct ResourceErrorObject<'a> {
    error: ResourceErrorBody<'a>,
}

#[derive(Serialize)]
struct ResourceErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
    suggestions: Vec<SuggestionJson<'a>>,
}

/// One "did you mean" template.
#[derive(Serialize)]
struct SuggestionJson<'a> {
    template: &'a str,
    resource_type: &'static str,
    /// `v1.0 create`: the table that has it (the asked one when it does).
    found_in: String,
}

/// The error object of a resource string that is invalid or matches no row.
pub fn resource_error<'a>(
    kind: &'a str,
    message: &'a str,
    found: &'a [Suggestion],
) -> ResourceErrorObject<'a> {
    ResourceErrorObject {
        error: ResourceErrorBody {
            kind,
            message,
            suggestions: found
                .iter()
                .map(|s| SuggestionJson {
                    template: &s.template,
                    resource_type: s.resource_type,
                    found_in: format!("{} {}", s.found_in.api(), s.found_in.operation()),
                })
                .collect(),
        },
    }
}

/// Per-mode values serialised as an object keyed `delegated-work`, `delegated-personal`,
/// `application`, holding only the modes present, in their order.
pub struct ByMode<T>(Vec<(AuthMode, T)>);

impl<T: Serialize> Serialize for ByMode<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (mode, value) in &self.0 {
            map.serialize_entry(mode.as_str(), value)?;
        }
        map.end()
    }
}

/// The output of `lookup RESOURCE`.
#[derive(Serialize)]
pub struct ResourceJson<'a> {
    input: &'a str,
    api: &'static str,
    operation: &'static str,
    query: Option<&'a str>,
    answers: ByMode<AnswerJson>,
}

/// One mode's answer for a resource.
#[derive(Serialize)]
struct AnswerJson {
    status: &'static str,
    resource_type: &'static str,
    row: &'static str,
    template: &'static str,
    #[serde(flatten)]
    cell: Option<CellJson>,
    #[serde(flatten)]
    extra: Option<ExtraJson>,
    /// Present when the resource matched an equivalent form rather than a table template.
    #[serde(skip_serializing_if = "Option::is_none")]
    equivalence: Option<EquivalenceJson>,
}

/// How the resource reached its row through an equivalent form.
#[derive(Serialize)]
struct EquivalenceJson {
    matched: &'static str,
    stands_for: &'static str,
    source: &'static str,
}

/// A permission a second source accepts that the table's cell lacks.
#[derive(Serialize)]
struct AlsoJson {
    permission: &'static str,
    source: &'static str,
    rsc: bool,
}

/// What a supported answer adds after the cell: the maximum lifetime and the docs' rules.
#[derive(Serialize)]
struct ExtraJson {
    max_lifetime_minutes: Option<u32>,
    notes: Vec<NoteJson>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also_accepted: Vec<AlsoJson>,
}

/// A rule that applies.
#[derive(Serialize)]
pub struct NoteJson {
    id: &'static str,
    severity: &'static str,
    message: String,
    source: &'static str,
}

fn note(n: &Note) -> NoteJson {
    NoteJson {
        id: n.id,
        severity: n.severity.as_str(),
        message: n.message.clone(),
        source: n.source,
    }
}

/// A rule of the data, as JSON.
pub fn rule(r: Rule) -> NoteJson {
    NoteJson {
        id: r.id(),
        severity: r.severity().as_str(),
        message: r.message().to_string(),
        source: r.source(),
    }
}

/// A supported cell's permissions.
#[derive(Serialize)]
struct CellJson {
    permissions: Vec<&'static str>,
    least: &'static str,
    rsc: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errata: Vec<ErratumJson>,
}

#[derive(Serialize)]
struct ErratumJson {
    documented: &'static str,
    corrected: &'static str,
    note: &'static str,
}

const SUPPORTED: &str = "supported";
const NOT_SUPPORTED: &str = "not_supported";

fn status(cell: Option<Permissions>) -> &'static str {
    if cell.is_some() {
        SUPPORTED
    } else {
        NOT_SUPPORTED
    }
}

fn cell(permissions: Permissions) -> CellJson {
    CellJson {
        permissions: permissions.iter().map(|p| p.name()).collect(),
        least: permissions.least().name(),
        rsc: permissions
            .iter()
            .filter(|p| p.is_rsc())
            .map(|p| p.name())
            .collect(),
        errata: permissions
            .iter()
            .filter_map(|p| p.erratum())
            .map(|e| ErratumJson {
                documented: e.documented(),
                corrected: e.corrected(),
                note: e.note(),
            })
            .collect(),
    }
}

/// The JSON of a resource lookup.
pub fn resource_answer<'a>(answer: &ResourceAnswer<'a>) -> ResourceJson<'a> {
    let answers = answer
        .answers
        .iter()
        .map(|a: &ModeAnswer| {
            let json = AnswerJson {
                status: status(a.permissions),
                resource_type: a.row.resource_type(),
                row: a.row.title(),
                template: a.template,
                cell: a.permissions.map(cell),
                extra: a.permissions.map(|_| ExtraJson {
                    max_lifetime_minutes: a.row.max_lifetime().map(|l| l.minutes()),
                    notes: a.notes.iter().map(note).collect(),
                    also_accepted: a
                        .also
                        .iter()
                        .map(|p| AlsoJson {
                            permission: p.name(),
                            source: p.source().file(),
                            rsc: p.is_rsc(),
                        })
                        .collect(),
                }),
                equivalence: a.equivalence.map(|e| EquivalenceJson {
                    matched: e.form(),
                    stands_for: e.stands_for(),
                    source: e.source(),
                }),
            };
            (a.mode, json)
        })
        .collect();
    ResourceJson {
        input: answer.input,
        api: answer.api.as_str(),
        operation: answer.operation.as_str(),
        query: answer.query,
        answers: ByMode(answers),
    }
}

/// The output of `lookup --type TYPE`.
#[derive(Serialize)]
pub struct TypeJson<'a> {
    #[serde(rename = "type")]
    resource_type: &'a str,
    api: &'static str,
    operation: &'static str,
    rows: Vec<TypeRowJson>,
}

#[derive(Serialize)]
struct TypeRowJson {
    resource_type: &'static str,
    row: &'static str,
    templates: Vec<&'static str>,
    answers: ByMode<CellStatusJson>,
}

#[derive(Serialize)]
struct CellStatusJson {
    status: &'static str,
    #[serde(flatten)]
    cell: Option<CellJson>,
}

/// The JSON of a type listing.
pub fn type_answer<'a>(answer: &TypeAnswer<'a>) -> TypeJson<'a> {
    let row_json = |row: &Row| TypeRowJson {
        resource_type: row.resource_type(),
        row: row.title(),
        templates: row.templates().map(|t| t.path()).collect(),
        answers: ByMode(
            answer
                .modes
                .iter()
                .map(|&mode| {
                    let permissions = row.cell(mode);
                    let json = CellStatusJson {
                        status: status(permissions),
                        cell: permissions.map(cell),
                    };
                    (mode, json)
                })
                .collect(),
        ),
    };
    TypeJson {
        resource_type: answer.resource_type,
        api: answer.api.as_str(),
        operation: answer.operation.as_str(),
        rows: answer.rows.iter().map(row_json).collect(),
    }
}

/// The output of `lookup RESOURCE --lifecycle`.
#[derive(Serialize)]
pub struct LifecycleJson<'a> {
    input: &'a str,
    api: &'static str,
    query: Option<&'a str>,
    lifecycle: ByMode<ModeLifecycleJson>,
}

#[derive(Serialize)]
struct ModeLifecycleJson {
    least: Option<&'static str>,
    unsupported: Vec<&'static str>,
    disagreeing: Vec<&'static str>,
    operations: Vec<StepJson>,
}

#[derive(Serialize)]
struct StepJson {
    operation: &'static str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    template: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions: Option<Vec<&'static str>>,
}

/// The JSON of a lifecycle answer.
pub fn lifecycle_answer<'a>(answer: &LifecycleAnswer<'a>) -> LifecycleJson<'a> {
    let modes = answer
        .modes
        .iter()
        .map(|l| {
            let operations = l
                .steps()
                .map(|step| {
                    let (status, template, permissions) = match step.result {
                        Ok(a) => (
                            SUPPORTED,
                            Some(a.template()),
                            Some(a.permissions().iter().map(|p| p.name()).collect()),
                        ),
                        Err(LookupError::NotSupported { template, .. }) => {
                            (NOT_SUPPORTED, Some(template), None)
                        }
                        Err(err) => (err.kind(), None, None),
                    };
                    StepJson {
                        operation: step.operation.as_str(),
                        status,
                        template,
                        permissions,
                    }
                })
                .collect();
            let json = ModeLifecycleJson {
                least: l.least().map(|p| p.name()),
                unsupported: l.unsupported().map(|op| op.as_str()).collect(),
                disagreeing: l.disagreeing().map(|op| op.as_str()).collect(),
                operations,
            };
            (l.mode(), json)
        })
        .collect();
    LifecycleJson {
        input: answer.input,
        api: answer.api.as_str(),
        query: answer.query,
        lifecycle: ByMode(modes),
    }
}

/// A catalog permission.
#[derive(Serialize)]
pub struct PermissionJson {
    name: &'static str,
    rsc: bool,
    schemes: SchemesJson,
    notes: &'static [&'static str],
    rules: Vec<NoteJson>,
}

#[derive(Serialize)]
struct SchemesJson {
    #[serde(rename = "delegated-work")]
    delegated_work: Option<SchemeJson>,
    #[serde(rename = "delegated-personal")]
    delegated_personal: Option<SchemeJson>,
    application: Option<SchemeJson>,
}

#[derive(Serialize)]
struct SchemeJson {
    id: Option<&'static str>,
    other_ids: &'static [&'static str],
    admin_consent: Option<bool>,
    privilege_level: Option<u8>,
}

fn scheme(scheme: Scheme) -> SchemeJson {
    SchemeJson {
        id: scheme.id(),
        other_ids: scheme.other_ids(),
        admin_consent: scheme.admin_consent(),
        privilege_level: scheme.privilege_level(),
    }
}

/// The JSON of a catalog permission.
pub fn permission(info: PermissionInfo) -> PermissionJson {
    PermissionJson {
        name: info.name(),
        rsc: info.is_rsc(),
        schemes: SchemesJson {
            delegated_work: info.scheme(AuthMode::DelegatedWork).map(scheme),
            delegated_personal: info.scheme(AuthMode::DelegatedPersonal).map(scheme),
            application: info.scheme(AuthMode::Application).map(scheme),
        },
        notes: info.source_notes(),
        rules: msgraph_scopes::rules::permission_rules(info.name())
            .map(rule)
            .collect(),
    }
}

/// A Microsoft Graph GUID.
#[derive(Serialize)]
pub struct GraphIdJson<'a> {
    id: &'a str,
    graph: bool,
    mode: &'static str,
    permission: PermissionJson,
}

/// The JSON of a Graph GUID.
pub fn graph_id(id: &str, mode: AuthMode, info: PermissionInfo) -> GraphIdJson<'_> {
    GraphIdJson {
        id,
        graph: true,
        mode: mode.as_str(),
        permission: permission(info),
    }
}

/// A GUID of another resource app.
#[derive(Serialize)]
pub struct ForeignIdJson<'a> {
    id: &'a str,
    graph: bool,
    azure_ad_graph: bool,
    resource_app: &'static str,
    name: &'static str,
    mode: &'static str,
}

/// The JSON of a foreign GUID.
pub fn foreign_id(id: &str, foreign: ForeignPermission) -> ForeignIdJson<'_> {
    ForeignIdJson {
        id,
        graph: false,
        azure_ad_graph: foreign.is_azure_ad_graph(),
        resource_app: foreign.resource_app(),
        name: foreign.name(),
        mode: foreign.mode().as_str(),
    }
}
