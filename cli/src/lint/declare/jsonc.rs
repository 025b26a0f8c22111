//! Typed accessors over the JSON-with-comments syntax tree (jsonc-parser keeps every value's
//! byte range): every wrong shape is an error at its place.

use super::Out;
use jsonc_parser::ast::{Array, Object, ObjectProp, StringLit, Value};
use jsonc_parser::common::Ranged;

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
