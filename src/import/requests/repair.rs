//! Upstream template spellings: repairing the malformed ones, and choosing the spelling a
//! merged template is written with.

use std::borrow::ToOwned;
use std::cmp::Reverse;
use std::format;
use std::string::String;
use std::vec::Vec;

/// A template as upstream spells it, repaired where it is malformed in a known way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Repaired {
    /// The repaired template (the spelling itself when nothing was wrong).
    pub(super) path: String,
    /// What was repaired, one phrase each.
    pub(super) repairs: Vec<String>,
}

/// Repairs the mistakes upstream is known to make, each noted:
///
/// * a doubled brace (`{id}}`, `{{id}`) is one brace;
/// * a segment that is a name in parentheses (`/teams/(team-id)/...`) is a `{placeholder}`;
/// * a `/` left out before a placeholder (`subjectrightsrequests{id}`) or after a key
///   (`itemat(index={value})range`) is put back;
/// * a segment `name={name}` (`/directoryroles/roletemplateid={roletemplateid}`) is the
///   alternate key of the segment before (`/directoryroles(roletemplateid={roletemplateid})`);
/// * a drive item path (after `:/`) that runs on without its closing `:`
///   (`root:/{item-path}/media/reactions`) is closed after its first segment;
/// * an example item path (`root:/foldera/fileb.txt:`) is a `{item-path}` placeholder.
pub(super) fn repair(upstream: &str) -> Repaired {
    let mut repairs = Vec::new();
    let mut path = upstream.to_owned();
    for (doubled, single) in [("}}", "}"), ("{{", "{")] {
        if path.contains(doubled) {
            repairs.push(format!("`{doubled}` read as `{single}`"));
            while path.contains(doubled) {
                path = path.replace(doubled, single);
            }
        }
    }
    let parts: Vec<String> = path
        .split('/')
        .map(|part| {
            let inner = part.strip_prefix('(').and_then(|p| p.strip_suffix(')'));
            match inner {
                Some(name) if !name.is_empty() && !name.contains(['(', ')', '\'', '=']) => {
                    repairs.push(format!("`{part}` read as the placeholder `{{{name}}}`"));
                    format!("{{{name}}}")
                }
                _ => part.to_owned(),
            }
        })
        .collect();
    path = parts.join("/");
    path = split_run_on(&path, &mut repairs);
    path = key_segments(&path, &mut repairs);
    if let Some(open) = path.find(":/") {
        let (head, rest) = path.split_at(open + 2);
        let (item, tail) = match rest.find(':') {
            Some(close) => (&rest[..close], Some(&rest[close..])),
            None => (rest, None),
        };
        let (item, tail) = match (tail, item.split_once('/')) {
            (None, Some((first, after))) if first.starts_with('{') => {
                repairs.push(format!(
                    "the item path `{item}` read as `{first}:/{after}` (its closing `:` added)"
                ));
                (first.to_owned(), format!(":/{after}"))
            }
            _ => (item.to_owned(), tail.unwrap_or("").to_owned()),
        };
        let placeholder = item.starts_with('{') && item.ends_with('}') && !item.contains('/');
        let item = if placeholder || item.is_empty() {
            item
        } else {
            repairs.push(format!(
                "the example item path `{item}` read as `{{item-path}}`"
            ));
            "{item-path}".to_owned()
        };
        path = format!("{head}{item}{tail}");
    }
    Repaired { path, repairs }
}

/// Puts back a `/` left out between a name and a placeholder (`name{id}`) or between a key
/// and a name (`name(key)name`).
fn split_run_on(path: &str, repairs: &mut Vec<String>) -> String {
    if !path.is_ascii() {
        return path.to_owned();
    }
    let mut out = String::with_capacity(path.len() + 2);
    let bytes = path.as_bytes();
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
        let missing = depth == 0
            && ((b == b'{' && prev.is_some_and(|p| p.is_ascii_alphanumeric()))
                || (b.is_ascii_alphabetic() && prev == Some(b')')));
        if missing {
            repairs.push(format!("a `/` added before `{}`", &path[i..]));
            out.push('/');
        }
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(char::from(b));
    }
    out
}

/// Reads a segment `name={name}` as the alternate key of the segment before it.
fn key_segments(path: &str, repairs: &mut Vec<String>) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    for part in parts {
        let is_key = part.split_once('=').is_some_and(|(name, value)| {
            !name.is_empty()
                && value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) == Some(name)
        });
        match out.last_mut() {
            Some(last) if is_key && !last.is_empty() && !last.contains('(') => {
                repairs.push(format!("the segment `{part}` read as the key `({part})`"));
                last.push('(');
                last.push_str(part);
                last.push(')');
            }
            _ => out.push(part.to_owned()),
        }
    }
    out.join("/")
}

/// The order in which spellings of one template are preferred for writing it: unrepaired
/// first, then fewer keys in parentheses (`/applications/{id}` over
/// `/applications(appid={value})`), then more capitals (`mailFolders` over `mailfolders`),
/// then the plain string order.
pub(super) fn preference(path: &str, repaired: bool) -> (bool, usize, Reverse<usize>, String) {
    let keys = path.matches('(').count();
    let capitals = path.bytes().filter(u8::is_ascii_uppercase).count();
    (repaired, keys, Reverse(capitals), path.to_owned())
}

/// How a spelling differs from the template it was merged into.
pub(super) fn difference(spelling: &str, template: &str, repairs: &[String]) -> String {
    let mut what: Vec<String> = repairs.to_vec();
    let repaired = repair(spelling).path;
    if repaired != template {
        if repaired.eq_ignore_ascii_case(template) {
            what.push("differs only by letter case".to_owned());
        } else {
            what.push("differs by parameter names, keys or letter case".to_owned());
        }
    }
    what.join("; ")
}
