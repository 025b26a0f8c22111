//! The three permission cells: `Not supported`, or names in the docs' order, `*` marking RSC.

use super::markdown::{collapse, unescape};
use crate::import::schema::Cell;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

/// A parsed permission cell and the names it marks with `*` (resource-specific consent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ParsedCell {
    pub cell: Cell,
    pub starred: Vec<String>,
}

/// Whether `name` looks like a permission name: `Word(.Word)+`, the first word a letter then
/// letters or digits, the later ones letters, digits or `-`.
pub(super) fn is_permission_name(name: &str) -> bool {
    let mut parts = name.split('.');
    let first_ok = parts.next().is_some_and(|first| {
        first
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && first.chars().all(|c| c.is_ascii_alphanumeric())
    });
    let mut rest = 0usize;
    let rest_ok = parts.all(|part| {
        rest += 1;
        !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    first_ok && rest_ok && rest > 0
}

/// Parses one permission cell; `column` names it in messages. On failure, gives one message
/// per bad item.
pub(super) fn parse_permissions(raw: &str, column: &str) -> Result<ParsedCell, Vec<String>> {
    let text = collapse(&unescape(raw));
    let bare = text.strip_suffix('.').unwrap_or(&text).trim_end();
    if bare.eq_ignore_ascii_case("not supported") {
        return Ok(ParsedCell {
            cell: Cell::NotSupported,
            starred: Vec::new(),
        });
    }
    if text.is_empty() {
        return Err(std::vec![format!(
            "{column} cell is empty (expected permission names or `Not supported`)"
        )]);
    }
    let mut names = Vec::new();
    let mut starred = Vec::new();
    let mut errors = Vec::new();
    for item in text.split(',') {
        let item = item.trim();
        let (name, star) = match item.strip_suffix('*') {
            Some(name) => (name.trim_end(), true),
            None => (item, false),
        };
        if name.is_empty() {
            errors.push(format!("{column} cell `{text}` has an empty item"));
        } else if !is_permission_name(name) {
            errors.push(format!("{column} cell: `{item}` is not a permission name"));
        } else {
            names.push(name.to_string());
            if star {
                starred.push(name.to_string());
            }
        }
    }
    if errors.is_empty() {
        Ok(ParsedCell {
            cell: Cell::Permissions(names),
            starred,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for good in [
            "Mail.Read",
            "Chat.ReadBasic.WhereInstalled",
            "A1.B-c",
            "Files.ReadWrite.All",
        ] {
            assert!(is_permission_name(good), "{good}");
        }
        for bad in [
            "",
            "Mail",
            "Mail.",
            ".Read",
            "1Mail.Read",
            "Mail Read",
            "Mail.Read (RSC)",
            "Mail..Read",
        ] {
            assert!(!is_permission_name(bad), "{bad}");
        }
    }
}
