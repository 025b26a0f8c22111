//! Resource resolution: walking the compiled path trie with the segments of a resource string.
//!
//! A static segment beats a placeholder (`/teams/getAllMessages` is not `/teams/{id}`); when a
//! static branch dead-ends, the walk backs up and tries the placeholder. The trie is only as
//! deep as the longest template, so the walk is bounded whatever the input.

use crate::data::{self, RouteDef, NONE};
use crate::path::{self, PathError, Segment, Segments};
use crate::table::{Row, Table};
use crate::{ApiVersion, AuthMode};

/// Resolves a resource string against every template in the data, without allocating.
///
/// The result is independent of API version, operation and mode; [`Resolved::row_in`] picks the
/// row of one table for one mode.
///
/// ```
/// use msgraph_scopes::{resolve, table, ApiVersion, AuthMode, Operation};
///
/// let r = resolve("https://graph.microsoft.com/beta/me/mailFolders('Inbox')/messages?$select=subject")?;
/// assert_eq!(r.version(), Some(ApiVersion::Beta));
/// assert_eq!(r.query(), Some("$select=subject"));
/// let (row, template) = r.row_in(table(ApiVersion::V1, Operation::Create), AuthMode::DelegatedWork).unwrap();
/// assert_eq!(row.resource_type(), "message");
/// assert!(template.contains("mailFolders"));
/// # Ok::<(), msgraph_scopes::PathError>(())
/// ```
pub fn resolve(resource: &str) -> Result<Resolved<'_>, PathError> {
    let split = path::split(resource)?;
    let routes = walk(0, path::segments(split.path)).unwrap_or(&[]);
    let version = split.version.map(|v| match v {
        path::Version::V1 => ApiVersion::V1,
        path::Version::Beta => ApiVersion::Beta,
    });
    Ok(Resolved {
        routes,
        query: split.query,
        version,
    })
}

/// A resource string matched against the templates: which resources it may be.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    routes: &'static [RouteDef],
    query: Option<&'a str>,
    version: Option<ApiVersion>,
}

impl<'a> Resolved<'a> {
    /// Whether any template matched at all (in any table).
    pub fn is_match(&self) -> bool {
        !self.routes.is_empty()
    }

    /// The query string, without `?`.
    pub fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// The API version named by a full URL or a leading `/v1.0/` or `/beta/`.
    pub fn version(&self) -> Option<ApiVersion> {
        self.version
    }

    /// The row of `table` this resource belongs to under `mode`, with the matched template.
    ///
    /// When one path means different rows by account kind (`/me/drive/root` is a personal
    /// OneDrive under delegated-personal, OneDrive for Business otherwise), the mode decides.
    pub fn row_in(&self, table: Table, mode: AuthMode) -> Option<(Row, &'static str)> {
        let in_table = |route: &&RouteDef| table.row_of_resource(route.resource).is_some();
        let route = self
            .routes
            .iter()
            .filter(in_table)
            .find(|route| route.modes & mode.bit() != 0)
            .or_else(|| self.routes.iter().find(in_table))?;
        Some((table.row_of_resource(route.resource)?, route.template))
    }
}

fn walk(node: u16, mut segments: Segments<'_>) -> Option<&'static [RouteDef]> {
    let node = data::NODES.get(usize::from(node))?;
    let Some(segment) = segments.next() else {
        return (!node.routes.is_empty()).then_some(node.routes);
    };
    if let Segment::Plain(text) = segment {
        let mut buf = [0u8; path::MAX_STATIC_LEN];
        if let Some(key) = path::fold_segment(text, &mut buf) {
            if let Some(&child) = node.statics.get(key) {
                if let Some(found) = walk(child, segments.clone()) {
                    return Some(found);
                }
            }
        }
    }
    if node.param == NONE {
        return None;
    }
    walk(node.param, segments)
}
