//! Resource resolution: walking the compiled path trie with the segments of a resource string
//! (the walk itself is [`crate::trie::Trie`]).
//!
//! A static segment beats a placeholder (`/teams/getAllMessages` is not `/teams/{id}`); when a
//! static branch dead-ends, the walk backs up and tries the placeholder. The trie is only as
//! deep as the longest template, so the walk is bounded whatever the input.

use crate::data::{self, RouteDef, NONE};
use crate::path::{self, PathError, Pieces};
use crate::table::{self, Permissions, Row, Table};
use crate::{ApiVersion, AuthMode};

/// The row of one table that a [resolved](resolve()) resource belongs to, and the template that
/// matched it ([`Resolved::row_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowMatch {
    /// The row.
    pub row: Row,
    /// The row's template the resource matched (`/teams/{id}/channels/{id}/messages`).
    pub template: &'static str,
}

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
/// let found = r.row_in(table(ApiVersion::V1, Operation::Create), AuthMode::DelegatedWork).unwrap();
/// assert_eq!(found.row.resource_type(), "message");
/// assert!(found.template.contains("mailFolders"));
/// # Ok::<(), msgraph_scopes::PathError>(())
/// ```
#[inline]
pub fn resolve(resource: &str) -> Result<Resolved<'_>, PathError> {
    let mut pieces = Pieces::new();
    let split = path::split_pieces(resource, &mut pieces)?;
    let routes = data::subscription_trie::TRIE
        .walk_path(split.path, &pieces)
        .unwrap_or(&[]);
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
    pub fn row_in(&self, table: Table, mode: AuthMode) -> Option<RowMatch> {
        self.find(table, mode)
            .map(|(row, template, _)| RowMatch { row, template })
    }

    /// [`Resolved::row_in`], with the permissions of `mode` (`None` when not supported).
    #[inline]
    pub(crate) fn find(
        &self,
        table: Table,
        mode: AuthMode,
    ) -> Option<(Row, &'static str, Option<Permissions>)> {
        let mut first = None;
        for route in self.routes {
            let Some((row, index)) = table.row_of_resource(route.resource) else {
                continue;
            };
            let cell = index.cells.get(mode.index()).copied().unwrap_or(NONE);
            if route.modes & mode.bit() != 0 {
                return Some((row, route.template, table::cell(cell)));
            }
            first = first.or(Some((row, route.template, cell)));
        }
        first.map(|(row, template, cell)| (row, template, table::cell(cell)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::At;
    use std::string::String;
    use std::vec::Vec;

    /// Every template with one placeholder replaced by a static name of the trie (so that the
    /// greedy walk takes static branches that dead-end) resolves as the full walk, which backs
    /// up, resolves it.
    #[test]
    fn the_greedy_walk_agrees_with_the_full_walk() {
        let trie = data::subscription_trie::TRIE;
        let mut names: Vec<&str> = trie
            .nodes
            .iter()
            .flat_map(|n| n.statics.entries(&trie.arena))
            .filter_map(|(key, _)| core::str::from_utf8(key).ok())
            .collect();
        names.sort_unstable();
        names.dedup();
        let (mut checked, mut backed_up) = (0, 0);
        for route in trie.routes {
            let pieces: Vec<&str> = route.template.split('/').collect();
            for (i, piece) in pieces.iter().enumerate() {
                if !piece.starts_with('{') {
                    continue;
                }
                for name in &names {
                    let mut with_name: Vec<&str> = pieces.clone();
                    with_name[i] = name;
                    let path: String = with_name.join("/");
                    let mut recorded = Pieces::new();
                    let split = path::split_pieces(&path, &mut recorded).unwrap();
                    let full = trie.walk(split.path, &recorded, 0, At::START);
                    let found = trie.walk_path(split.path, &recorded);
                    assert_eq!(found.map(<[_]>::as_ptr), full.map(<[_]>::as_ptr), "{path}");
                    if trie.greedy(split.path, &recorded).is_none() && full.is_some() {
                        backed_up += 1;
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
        assert!(backed_up > 0, "no path made the greedy walk dead-end");
        // A channel whose id is a static name under /teams: the walk backs up to `{id}`.
        let resolved = resolve("/teams/getAllMessages/channels/x/messages").unwrap();
        let templates: Vec<&str> = resolved.routes.iter().map(|r| r.template).collect();
        assert_eq!(templates, ["/teams/{id}/channels/{id}/messages"]);
    }
}
