//! The paths an API reference page's "HTTP request" section lists: the ways the page addresses
//! one collection or item (`GET /me/calendar/events`, `GET /users/{id | userPrincipalName}/events`).
//!
//! `data/equivalents.yaml` cites such pages; the tests check every entry against the paths read
//! here. A section starts at a heading that says "HTTP request" (or "HTTP requests") and ends at
//! the next heading of the same or a higher level; the docs' tab headings (`# [HTTP](#tab/http)`)
//! end nothing. Every `GET` line in a code block of such a section is a listed path, kept
//! exactly as printed (a full `https://graph.microsoft.com/v1.0/...` URL included).

use super::markdown;
use std::string::{String, ToString};
use std::vec::Vec;

/// One path a page lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedPath {
    /// The 1-based line of the `GET` line.
    pub line: usize,
    /// The path as printed after `GET `.
    pub path: String,
}

/// The paths of every "HTTP request" section of a page, in page order, repeats dropped.
///
/// ```
/// use msgraph_scopes::import::docs::api_paths::http_request_paths;
///
/// let page = "## HTTP request\n\n```http\nGET /me/events\nGET /users/{id | userPrincipalName}/events\n```\n\n## Response\n\n```http\nGET /not/this\n```\n";
/// let paths: Vec<String> = http_request_paths(page).into_iter().map(|p| p.path).collect();
/// assert_eq!(paths, ["/me/events", "/users/{id | userPrincipalName}/events"]);
/// ```
pub fn http_request_paths(text: &str) -> Vec<ListedPath> {
    let mut out: Vec<ListedPath> = Vec::new();
    let mut section: Option<usize> = None;
    let mut in_fence = false;
    for line in markdown::lines(text) {
        let trimmed = line.text.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            if section.is_some() {
                if let Some(path) = trimmed.strip_prefix("GET ") {
                    let path = path.trim().to_string();
                    if !out.iter().any(|p| p.path == path) {
                        out.push(ListedPath {
                            line: line.number,
                            path,
                        });
                    }
                }
            }
            continue;
        }
        let level = trimmed.chars().take_while(|&c| c == '#').count();
        let rest = trimmed.get(level..).unwrap_or_default();
        if level == 0 || !rest.starts_with(' ') || is_tab(rest) {
            continue;
        }
        let title = rest.trim().to_ascii_lowercase();
        if title == "http request" || title == "http requests" {
            section = Some(level);
        } else if section.is_some_and(|at| level <= at) {
            section = None;
        }
    }
    out
}

/// `[HTTP](#tab/http)`: a tab of the docs' code samples, not a heading.
fn is_tab(rest: &str) -> bool {
    rest.contains("](#tab/")
}

/// A listed path in the form `data/` writes templates: host and version dropped, query dropped,
/// a placeholder with alternatives (`{id | userPrincipalName}`) reduced to its first name, and
/// a leading `/`.
///
/// ```
/// use msgraph_scopes::import::docs::api_paths::template_form;
///
/// assert_eq!(template_form("/users/{id | userPrincipalName}/events"), "/users/{id}/events");
/// assert_eq!(
///     template_form("https://graph.microsoft.com/v1.0/sites/{site-id}/lists/{list-id}?expand=fields"),
///     "/sites/{site-id}/lists/{list-id}"
/// );
/// ```
pub fn template_form(listed: &str) -> String {
    let mut path = listed.trim();
    for prefix in ["https://graph.microsoft.com", "http://graph.microsoft.com"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            path = rest;
        }
    }
    for version in ["/v1.0/", "/beta/"] {
        if let Some(rest) = path.strip_prefix(version) {
            path = rest;
        }
    }
    let path = path.split('?').next().unwrap_or_default();
    let mut out = String::with_capacity(path.len() + 1);
    let mut chars = path.trim_matches('/').chars();
    out.push('/');
    while let Some(c) = chars.next() {
        if c != '{' {
            out.push(c);
            continue;
        }
        let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
        let first = inner.split('|').next().unwrap_or_default().trim();
        out.push('{');
        out.push_str(first);
        out.push('}');
    }
    out
}
