//! Where a page comes from: its source comment or front matter, and the API version and
//! operation its file name or address names.

use super::markdown::Line;
use crate::{ApiVersion, Operation};
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

/// The operations with the docs page each has (matched in this order).
const OPERATION_PAGES: [(Operation, &str); 7] = [
    (Operation::Create, "subscription-post-subscriptions"),
    (
        Operation::GetVapidPublicKey,
        "subscription-getvapidpublickey",
    ),
    (Operation::Reauthorize, "subscription-reauthorize"),
    (Operation::Update, "subscription-update"),
    (Operation::Delete, "subscription-delete"),
    (Operation::List, "subscription-list"),
    (Operation::Get, "subscription-get"),
];

/// What the top of a page says about where it comes from.
#[derive(Debug, Default)]
pub(super) struct Stated {
    /// The address in a `<!-- source: … -->` comment.
    pub page: Option<String>,
    /// `as-of` of that comment, a `Sitemap-Last-Modified` comment, or `ms.date MM/DD/YYYY`.
    pub as_of: Option<String>,
    /// The line of the source comment.
    pub line: Option<usize>,
}

/// Reads the front matter and the HTML comments before the page's first heading or table.
pub(super) fn stated(lines: &[Line<'_>]) -> Stated {
    let mut stated = Stated::default();
    let mut ms_date = None;
    let mut in_front_matter = lines.first().is_some_and(|line| line.text.trim() == "---");
    for line in lines.iter().skip(usize::from(in_front_matter)) {
        let text = line.text.trim();
        if in_front_matter {
            if text == "---" {
                in_front_matter = false;
            } else if let Some(date) = text.strip_prefix("ms.date:") {
                ms_date = Some(date.trim().trim_matches(['"', '\'']).to_string());
            }
            continue;
        }
        if text.starts_with('#') || text.starts_with('|') {
            break;
        }
        let Some(comment) = text
            .strip_prefix("<!--")
            .and_then(|t| t.strip_suffix("-->"))
        else {
            continue;
        };
        for part in comment.split(';') {
            let Some((key, value)) = part.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim().to_ascii_lowercase().as_str() {
                "source" if stated.page.is_none() && !value.is_empty() => {
                    stated.page = Some(value.to_string());
                    stated.line = Some(line.number);
                }
                "as-of" if !value.is_empty() => stated.as_of = Some(value.to_string()),
                "sitemap-last-modified" if stated.as_of.is_none() && !value.is_empty() => {
                    stated.as_of = Some(format!("Sitemap-Last-Modified {value}"));
                }
                _ => {}
            }
        }
    }
    if stated.as_of.is_none() {
        stated.as_of = ms_date
            .filter(|d| !d.is_empty())
            .map(|d| format!("ms.date {d}"));
    }
    stated
}

fn path_parts(file: &str) -> Vec<&str> {
    file.split(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != ".")
        .collect()
}

/// The file's name (the last path component).
fn base_name(file: &str) -> &str {
    path_parts(file).last().copied().unwrap_or_default()
}

/// The API version the file's name (`v1.0-…`, `beta-…`) or nearest `v1.0`/`beta` folder names.
pub(super) fn api_from_file(file: &str) -> Option<ApiVersion> {
    let parts = path_parts(file);
    let base = parts.last().copied().unwrap_or_default();
    let from_name = ApiVersion::ALL.into_iter().find(|api| {
        base.strip_prefix(api.as_str())
            .is_some_and(|rest| rest.starts_with(['-', '_', '.']))
    });
    from_name.or_else(|| {
        let folders = parts
            .get(..parts.len().saturating_sub(1))
            .unwrap_or_default();
        folders.iter().rev().find_map(|part| {
            ApiVersion::ALL
                .into_iter()
                .find(|api| *part == api.as_str())
        })
    })
}

/// The API version a docs address names (`view=graph-rest-1.0`, `/api-reference/beta/`).
pub(super) fn api_from_address(address: &str) -> Option<ApiVersion> {
    let lower = address.to_ascii_lowercase();
    if lower.contains("view=graph-rest-1.0") || lower.contains("api-reference/v1.0/") {
        Some(ApiVersion::V1)
    } else if lower.contains("view=graph-rest-beta") || lower.contains("api-reference/beta/") {
        Some(ApiVersion::Beta)
    } else {
        None
    }
}

/// The operation a file name or address names (`subscription-post-subscriptions` = create).
pub(super) fn operation_from_name(name: &str) -> Option<Operation> {
    let lower = name.to_ascii_lowercase();
    let mut search = 0;
    while let Some(found) = lower
        .get(search..)
        .and_then(|rest| rest.find("subscription-"))
    {
        let at = search + found;
        let rest = lower.get(at..).unwrap_or_default();
        for (operation, page) in OPERATION_PAGES {
            if let Some(after) = rest.strip_prefix(page) {
                if !after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    return Some(operation);
                }
            }
        }
        search = at + 1;
    }
    None
}

/// The operation in the file's name.
pub(super) fn operation_from_file(file: &str) -> Option<Operation> {
    operation_from_name(base_name(file))
}

/// The docs repository path of an operation's page (`api-reference/v1.0/api/subscription-get.md`).
pub(super) fn docs_repo_path(api: ApiVersion, operation: Operation) -> String {
    let page = OPERATION_PAGES
        .iter()
        .find(|(op, _)| *op == operation)
        .map_or(operation.docs_name(), |(_, page)| page);
    format!("api-reference/{api}/api/{page}.md")
}

/// The file as `source.file` records it: relative to `graph-docs/` when the path has such a
/// component, else relative to `graph-docs/` through `upstream/` (`../seeds/…`), else as given.
pub fn source_file(file: &str) -> String {
    let parts = path_parts(file);
    let after = |name: &str| {
        parts
            .iter()
            .rposition(|part| *part == name)
            .and_then(|i| parts.get(i + 1..))
    };
    if let Some(rest) = after("graph-docs").filter(|rest| !rest.is_empty()) {
        rest.join("/")
    } else if let Some(rest) = after("upstream").filter(|rest| !rest.is_empty()) {
        format!("../{}", rest.join("/"))
    } else {
        file.replace('\\', "/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        assert_eq!(
            operation_from_name("subscription-post-subscriptions.md"),
            Some(Operation::Create)
        );
        assert_eq!(
            operation_from_name("subscription-getvapidpublickey.md"),
            Some(Operation::GetVapidPublicKey)
        );
        assert_eq!(
            operation_from_name("v1.0-subscription-reauthorize.2024-08-01.md"),
            Some(Operation::Reauthorize)
        );
        assert_eq!(
            operation_from_name("subscription-get.md"),
            Some(Operation::Get)
        );
        assert_eq!(operation_from_name("subscription-getter.md"), None);
        assert_eq!(
            operation_from_name("https://x/graph/api/subscription-update?view=graph-rest-1.0"),
            Some(Operation::Update)
        );
        assert_eq!(
            api_from_file("seeds/v1.0-subscription-update.md"),
            Some(ApiVersion::V1)
        );
        assert_eq!(
            api_from_file("/a/graph-docs/beta/api/subscription-get.md"),
            Some(ApiVersion::Beta)
        );
        assert_eq!(api_from_file("subscription-get.md"), None);
        assert_eq!(
            api_from_address("https://l/graph/api/x?view=graph-rest-beta"),
            Some(ApiVersion::Beta)
        );
        assert_eq!(
            source_file("/w/upstream/graph-docs/latest/v1.0/a.md"),
            "latest/v1.0/a.md"
        );
        assert_eq!(
            source_file("/w/upstream/seeds/v1.0-a.md"),
            "../seeds/v1.0-a.md"
        );
        assert_eq!(source_file("x/a.md"), "x/a.md");
        assert_eq!(
            docs_repo_path(ApiVersion::Beta, Operation::Create),
            "api-reference/beta/api/subscription-post-subscriptions.md"
        );
    }
}
