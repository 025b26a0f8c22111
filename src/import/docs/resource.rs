//! The `Supported resource` cell: the type, and its qualifier, paths and description.
//!
//! Shapes: `[type](link)`; `prefix [text](link)`; `[type](link) (qualifier)`;
//! `[type](link) (/path)` or `(/path -- description)` / `(/path – description)`; and
//! `<br />`-separated lines after the link, each a path (backticked or bare, with or without a
//! leading slash or trailing period, maybe in parentheses) or a description.

use super::markdown::{collapse, unescape};
use std::format;
use std::string::String;
use std::vec::Vec;

/// What a resource cell says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Resource {
    pub resource_type: String,
    pub qualifier: Option<String>,
    pub paths: Vec<String>,
    pub label: Option<String>,
}

/// First segments of Graph paths that may be written bare (no leading slash, no backticks).
const KNOWN_ROOTS: &[&str] = &[
    "admin",
    "appCatalogs",
    "chats",
    "communications",
    "copilot",
    "directory",
    "drive",
    "drives",
    "employeeExperience",
    "groups",
    "identity",
    "me",
    "planner",
    "print",
    "reports",
    "security",
    "sites",
    "solutions",
    "subscriptions",
    "teams",
    "teamwork",
    "users",
];

/// Separators between a path and its description inside parentheses.
const SEPARATORS: &[&str] = &[" -- ", " – ", " — "];

/// Parses a resource cell; the error says what is wrong with it.
pub(super) fn parse_resource(raw: &str) -> Result<Resource, String> {
    let cell = unescape(raw);
    let segments = split_br(&cell);
    let first = segments.first().copied().unwrap_or_default();
    let Some((prefix, text, after)) = split_link(first) else {
        return Err(format!(
            "resource cell has no `[type](link)`: `{}`",
            collapse(raw)
        ));
    };
    if after.contains("](") {
        return Err(format!(
            "resource cell has more than one link: `{}`",
            collapse(raw)
        ));
    }
    let mut resource = Resource {
        resource_type: collapse(&format!("{prefix}{text}")),
        ..Resource::default()
    };
    if resource.resource_type.is_empty() {
        return Err(format!(
            "resource cell has an empty type: `{}`",
            collapse(raw)
        ));
    }
    for fragment in core::iter::once(after).chain(segments.into_iter().skip(1)) {
        if !fragment.trim().is_empty() {
            add_fragment(&mut resource, fragment)?;
        }
    }
    Ok(resource)
}

/// Splits at `<br>`, `<br/>`, `<br />` (any case, any spaces).
fn split_br(s: &str) -> Vec<&str> {
    let lower = s.to_ascii_lowercase();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(found) = lower.get(search..).and_then(|rest| rest.find("<br")) {
        let at = search + found;
        let tail = lower.get(at + 3..).unwrap_or_default();
        let rest = tail.trim_start();
        let rest = rest.strip_prefix('/').unwrap_or(rest).trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            let end = lower.len() - after.len();
            pieces.push(s.get(start..at).unwrap_or_default());
            start = end;
            search = end;
        } else {
            search = at + 3;
        }
    }
    pieces.push(s.get(start..).unwrap_or_default());
    pieces
}

/// Index of the `)` that closes an already opened `(`, in `s` (which follows that `(`).
fn closing_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Splits `prefix [text](url) after` into its parts.
fn split_link(s: &str) -> Option<(&str, &str, &str)> {
    let open = s.find('[')?;
    let prefix = s.get(..open)?;
    let rest = s.get(open + 1..)?;
    let mut depth = 0usize;
    let mut close = None;
    for (i, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => {
                close = Some(i);
                break;
            }
            ']' => depth -= 1,
            _ => {}
        }
    }
    let close = close?;
    let text = rest.get(..close)?;
    let url_and_after = rest.get(close + 1..)?.strip_prefix('(')?;
    let end = closing_paren(url_and_after)?;
    let after = url_and_after.get(end + 1..)?;
    Some((prefix, text, after))
}

/// The inside of `(…)` when the parentheses wrap the whole fragment (a period may follow).
fn unwrap_parens(s: &str) -> Option<&str> {
    let s = s.trim();
    let s = s
        .strip_suffix('.')
        .map(str::trim_end)
        .filter(|t| t.ends_with(')'))
        .unwrap_or(s);
    let inner = s.strip_prefix('(')?;
    let end = closing_paren(inner)?;
    (end + 1 == inner.len()).then(|| inner.get(..end)).flatten()
}

/// What one fragment of the cell is.
#[derive(Debug, PartialEq, Eq)]
enum Fragment {
    Path(String),
    PathAndLabel(String, String),
    Text(String),
}

fn add_fragment(resource: &mut Resource, fragment: &str) -> Result<(), String> {
    let (wrapped, inner) = match unwrap_parens(fragment) {
        Some(inner) => (true, inner),
        None => (false, fragment),
    };
    match classify(inner)? {
        Fragment::Path(path) => resource.paths.push(path),
        Fragment::PathAndLabel(path, label) => {
            resource.paths.push(path);
            set_once(&mut resource.label, label, "description")?;
        }
        Fragment::Text(text) if wrapped => set_once(&mut resource.qualifier, text, "qualifier")?,
        Fragment::Text(text) => set_once(&mut resource.label, text, "description")?,
    }
    Ok(())
}

fn set_once(slot: &mut Option<String>, value: String, what: &str) -> Result<(), String> {
    match slot {
        Some(old) => Err(format!(
            "resource cell has two {what}s: `{old}` and `{value}`"
        )),
        None => {
            *slot = Some(value);
            Ok(())
        }
    }
}

fn classify(fragment: &str) -> Result<Fragment, String> {
    let s = collapse(fragment);
    if let Some(path) = clean_path(&s) {
        return Ok(Fragment::Path(path));
    }
    for separator in SEPARATORS {
        if let Some((left, right)) = s.split_once(separator) {
            if let Some(path) = clean_path(left) {
                let label = collapse(right);
                if label.is_empty() || label.contains('`') {
                    return Err(format!(
                        "`{s}`: the description after the path is not plain text"
                    ));
                }
                return Ok(Fragment::PathAndLabel(path, label));
            }
        }
    }
    let first = s
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_start_matches('(');
    if (first.starts_with('/') || first.starts_with('`'))
        && clean_path(first.trim_end_matches(')')).is_some()
    {
        return Err(format!(
            "`{s}`: cannot tell the path from the description (write `path -- description`)"
        ));
    }
    if s.contains('`') {
        return Err(format!(
            "`{s}` is neither a single path nor a plain description"
        ));
    }
    Ok(Fragment::Text(s))
}

/// The path a token stands for (backticks, a trailing period removed; leading `/` added), or
/// `None` when the token is not a path.
fn clean_path(s: &str) -> Option<String> {
    let t = s.trim();
    let t = t.strip_suffix('.').unwrap_or(t);
    let (backticked, t) = match t.strip_prefix('`').and_then(|x| x.strip_suffix('`')) {
        Some(inner) => (true, inner.trim()),
        None => (false, t),
    };
    let t = t.strip_suffix('.').unwrap_or(t);
    if t.is_empty()
        || t.contains(char::is_whitespace)
        || t.contains(['`', '[', ']', '<', '>', '*', '|', '"'])
        || t.contains("://")
    {
        return None;
    }
    let (leading_slash, body) = match t.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, t),
    };
    if !body
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '{')
    {
        return None;
    }
    let first_segment = body.split(['/', '(', '?']).next().unwrap_or_default();
    let known_root = KNOWN_ROOTS.contains(&first_segment);
    let has_slash = body.contains('/');
    // A leading slash or a known first segment makes a path; otherwise a backticked token
    // with a slash, or a bare one with a `{placeholder}`.
    let is_path = leading_slash || known_root || (has_slash && (backticked || body.contains('{')));
    is_path.then(|| format!("/{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_descriptions() {
        assert_eq!(clean_path("`/chats`"), Some("/chats".into()));
        assert_eq!(
            clean_path("/chats/getAllMessages."),
            Some("/chats/getAllMessages".into())
        );
        assert_eq!(
            clean_path("`copilot/x/{id}`"),
            Some("/copilot/x/{id}".into())
        );
        assert_eq!(
            clean_path("teams/{id}/channels"),
            Some("/teams/{id}/channels".into())
        );
        assert_eq!(clean_path("teams"), Some("/teams".into()));
        assert_eq!(clean_path("work/school"), None);
        assert_eq!(clean_path("and/or"), None);
        assert_eq!(clean_path("User's personal OneDrive."), None);
        assert_eq!(clean_path("https://example.com/a"), None);
        assert_eq!(clean_path("`Mail.Read`"), None);
        assert_eq!(
            split_br("a<br>b<BR/>c <br /> d<brx>"),
            ["a", "b", "c ", " d<brx>"]
        );
    }

    #[test]
    fn unclear_fragments_are_errors() {
        assert!(classify("/teams/{id} for everyone").is_err());
        assert!(classify("see `/chats` here").is_err());
        assert!(classify("(/teams) things").is_err());
        assert_eq!(
            classify("work/school account"),
            Ok(Fragment::Text("work/school account".into()))
        );
    }
}
