//! JSON declarations: parsed as JSON with comments (jsonc-parser), then read as an application
//! manifest (`entra`) or a Teams app manifest (`teams_app`) by what the object holds.

use super::jsonc::{get, kind};
use super::{entra, teams_app, Format, Out, FORMATS};
use jsonc_parser::ast::Value;
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
