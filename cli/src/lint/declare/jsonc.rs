//! JSON declarations: parsed as JSON with comments (jsonc-parser, which keeps every value's
//! byte range), then read as an application manifest or a Teams app manifest by what the
//! object holds. The typed accessors here make every wrong shape an error at its place.

use super::{entra, teams_app, Format, Out, FORMATS};
use jsonc_parser::ast::{Array, Object, ObjectProp, StringLit, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

/// Parses `text` and reads it as the format its content shows.
pub(super) fn read(out: &mut Out<'_>, text: &str) -> Result<Format, String> {
    // JSON plus comments and trailing commas (what Teams Toolkit's files and VS Code allow),
    // nothing looser.
    let options = ParseOptions {
        allow_comments: true,
        allow_trailing_commas: true,
        allow_loose_object_property_names: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed = parse_to_ast(text, &CollectOptions::default(), &options).map_err(|err| {
        format!(
            "{}:{}:{}: not valid JSON: {}",
            out.name,
            err.line_display(),
            err.column_display(),
            err.kind()
        )
    })?;
    let Some(root) = parsed.value else {
        return Err(format!("{}: the file holds no JSON value", out.name));
    };
    let Value::Object(root) = &root else {
        return Err(out.error(
            root.range().start,
            format!(
                "JSON {}, not an object: not a format the lint reads (it reads {FORMATS})",
                kind(&root)
            ),
        ));
    };
    if let Some(rra) = get(root, "requiredResourceAccess") {
        return entra::read(out, root, rra);
    }
    if teams_app::is_teams_app(root) {
        teams_app::read(out, root)?;
        return Ok(Format::TeamsApp);
    }
    Err(out.error(
        root.range.start,
        format!(
            "a JSON object with neither `requiredResourceAccess` (an application manifest) nor \
             `manifestVersion` (a Teams app manifest): not a format the lint reads (it reads {FORMATS})"
        ),
    ))
}

/// The property `key` (ASCII case-insensitive: manifests differ in case only by mistake).
pub(super) fn get<'a, 'b>(object: &'b Object<'a>, key: &str) -> Option<&'b ObjectProp<'a>> {
    object
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(key))
}

/// What a value is, for messages.
pub(super) fn kind(value: &Value<'_>) -> &'static str {
    match value {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}

/// `prop`'s value as an array, or an error at it saying what it should be.
pub(super) fn array<'a, 'b>(
    out: &Out<'_>,
    prop: &'b ObjectProp<'a>,
    what: &str,
) -> Result<&'b Array<'a>, String> {
    match &prop.value {
        Value::Array(a) => Ok(a),
        other => Err(wrong(out, prop.name.as_str(), other, what)),
    }
}

/// An array element as an object, or an error at it.
pub(super) fn object<'a, 'b>(
    out: &Out<'_>,
    value: &'b Value<'a>,
    context: &str,
    what: &str,
) -> Result<&'b Object<'a>, String> {
    match value {
        Value::Object(o) => Ok(o),
        other => Err(wrong(out, context, other, what)),
    }
}

/// The value of `object.key` as a string; an error when it is missing or not a string.
pub(super) fn string<'a, 'b>(
    out: &Out<'_>,
    object: &'b Object<'a>,
    key: &str,
    what: &str,
) -> Result<&'b StringLit<'a>, String> {
    match get(object, key) {
        Some(ObjectProp {
            value: Value::StringLit(s),
            ..
        }) => Ok(s),
        Some(prop) => Err(wrong(out, key, &prop.value, what)),
        None => Err(out.error(
            object.range.start,
            format!("`{key}` is missing; expected {what}"),
        )),
    }
}

/// `` `key` is a number; expected ... `` at the value.
fn wrong(out: &Out<'_>, key: &str, value: &Value<'_>, what: &str) -> String {
    out.error(
        value.range().start,
        format!("`{key}` is {}; expected {what}", kind(value)),
    )
}
