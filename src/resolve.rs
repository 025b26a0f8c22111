//! Resource resolution: walking the compiled path trie with the segments of a resource string
//! (the walk itself is [`crate::trie::Trie`]).
//!
//! A static segment beats a placeholder (`/teams/getAllMessages` is not `/teams/{id}`); when a
//! static branch dead-ends, the walk backs up and tries the placeholder. The trie is only as
//! deep as the longest template, so the walk is bounded whatever the input.

use crate::data::{self, RouteDef, NONE};
use crate::equivalent::{EquivRouteDef, Equivalence, Refusal};
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
    // Equivalent forms only where no table template matches: a template always wins.
    let equivalents = if routes.is_empty() {
        equivalents(split.path, &pieces)
    } else {
        Forms::NONE
    };
    let version = split.version.map(|v| match v {
        path::Version::V1 => ApiVersion::V1,
        path::Version::Beta => ApiVersion::Beta,
    });
    Ok(Resolved {
        routes,
        equivalents,
        query: split.query,
        version,
    })
}

/// The equivalent and refused forms `path` matches: off the path of a resource that matches a
/// template, so kept out of line.
#[cold]
#[inline(never)]
fn equivalents(path: &str, pieces: &Pieces) -> Forms {
    let trie = data::equivalents_trie::TRIE;
    let Some(found) = trie.walk_path(path, pieces) else {
        return Forms::NONE;
    };
    // Where the routes are in the trie's: a byte offset over the route size (no `unsafe`).
    let size = core::mem::size_of::<EquivRouteDef>().max(1);
    let offset = (found.as_ptr() as usize).wrapping_sub(trie.routes.as_ptr() as usize) / size;
    match (u16::try_from(offset), u16::try_from(found.len())) {
        (Ok(start), Ok(len)) => Forms { start, len },
        _ => Forms::NONE,
    }
}

/// The equivalent and refused forms a resource matched, as a range of the equivalents trie's
/// routes: four bytes, so that [`Resolved`] stays as small as the lookup needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Forms {
    start: u16,
    len: u16,
}

impl Forms {
    pub(crate) const NONE: Forms = Forms { start: 0, len: 0 };

    /// The routes.
    pub(crate) fn routes(self) -> &'static [EquivRouteDef] {
        let start = usize::from(self.start);
        data::equivalents_trie::TRIE
            .routes
            .get(start..start + usize::from(self.len))
            .unwrap_or(&[])
    }
}

/// A resource string matched against the templates: which resources it may be.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    routes: &'static [RouteDef],
    /// The equivalent or refused forms matched, when no template did.
    equivalents: Forms,
    query: Option<&'a str>,
    version: Option<ApiVersion>,
}

impl<'a> Resolved<'a> {
    /// Whether any template matched at all (in any table), directly or through an equivalent
    /// form ([`Resolved::equivalence`]).
    pub fn is_match(&self) -> bool {
        !self.routes.is_empty() || self.equivalents.routes().iter().any(|r| r.resource != NONE)
    }

    /// The equivalent form this resource matched for the row of `table` under `mode`, when it
    /// matched no table template but a path form an API reference page gives for one.
    ///
    /// ```
    /// use msgraph_scopes::{resolve, table, ApiVersion, AuthMode, Operation};
    ///
    /// let r = resolve("/users/adele@contoso.com/calendar/events")?;
    /// let t = table(ApiVersion::V1, Operation::Create);
    /// let found = r.row_in(t, AuthMode::Application).unwrap();
    /// assert_eq!(found.template, "/users/{id}/events");
    /// let how = r.equivalence(t, AuthMode::Application).unwrap();
    /// assert_eq!(how.form(), "/users/{id}/calendar/events");
    /// assert_eq!(how.source(), "api-paths/v1.0/user-list-events.md");
    /// # Ok::<(), msgraph_scopes::PathError>(())
    /// ```
    pub fn equivalence(&self, table: Table, mode: AuthMode) -> Option<Equivalence> {
        if !self.routes.is_empty() {
            return None;
        }
        self.find_equivalent(table, mode).and_then(|found| found.3)
    }

    /// The equivalent and refused forms matched (empty when a template matched).
    pub(crate) fn equivalents(&self) -> Forms {
        self.equivalents
    }

    /// The table nearest to (`api`, `operation`) that has a row for this resource when that
    /// table has none: the same operation in the other API version, else another operation of
    /// the same version, else any. `None` when the asked table has it, or no table does.
    ///
    /// ```
    /// use msgraph_scopes::{resolve, ApiVersion, Operation};
    ///
    /// let r = resolve("/teams/getAllMembers")?;
    /// let other = r.elsewhere(ApiVersion::V1, Operation::Create).unwrap();
    /// assert_eq!((other.api(), other.operation()), (ApiVersion::Beta, Operation::Create));
    /// assert!(r.elsewhere(ApiVersion::Beta, Operation::Create).is_none());
    /// # Ok::<(), msgraph_scopes::PathError>(())
    /// ```
    pub fn elsewhere(&self, api: ApiVersion, operation: crate::Operation) -> Option<Table> {
        let has = |t: Table| AuthMode::ALL.iter().any(|&m| self.find_any(t, m).is_some());
        if has(crate::table(api, operation)) {
            return None;
        }
        let other = match api {
            ApiVersion::V1 => ApiVersion::Beta,
            ApiVersion::Beta => ApiVersion::V1,
        };
        let same_op = core::iter::once(crate::table(other, operation));
        let same_api = crate::Operation::ALL
            .into_iter()
            .map(|op| crate::table(api, op));
        let any = crate::Operation::ALL
            .into_iter()
            .map(|op| crate::table(other, op));
        same_op.chain(same_api).chain(any).find(|&t| has(t))
    }

    /// Why this resource cannot be subscribed to under `mode`, when it matched a form the docs
    /// refuse (a folder below the root of a OneDrive for Business drive).
    ///
    /// ```
    /// use msgraph_scopes::{resolve, AuthMode};
    ///
    /// let r = resolve("/drives/b!abc/items/01ABC")?;
    /// assert!(r.refusal(AuthMode::Application).is_some());
    /// # Ok::<(), msgraph_scopes::PathError>(())
    /// ```
    pub fn refusal(&self, mode: AuthMode) -> Option<Refusal> {
        self.equivalents
            .routes()
            .iter()
            .find(|r| r.resource == NONE && r.modes & mode.bit() != 0)
            .map(Refusal)
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
        self.find_any(table, mode)
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

    /// [`Resolved::find`], then, when no template matched, the equivalent forms.
    #[inline]
    pub(crate) fn find_any(
        &self,
        table: Table,
        mode: AuthMode,
    ) -> Option<(Row, &'static str, Option<Permissions>)> {
        match self.find(table, mode) {
            Some(found) => Some(found),
            None if self.equivalents.len != 0 => self
                .find_equivalent(table, mode)
                .map(|(row, template, cell, _)| (row, template, cell)),
            None => None,
        }
    }

    /// [`Resolved::find`] through the equivalent forms matched: none when the form is refused
    /// under `mode`.
    #[cold]
    #[inline(never)]
    fn find_equivalent(
        &self,
        table: Table,
        mode: AuthMode,
    ) -> Option<(Row, &'static str, Option<Permissions>, Option<Equivalence>)> {
        if self.refusal(mode).is_some() {
            return None;
        }
        let mut first = None;
        for route in self.equivalents.routes() {
            let Some((row, index)) = table.row_of_resource(route.resource) else {
                continue;
            };
            let cell = index.cells.get(mode.index()).copied().unwrap_or(NONE);
            if route.modes & mode.bit() != 0 {
                return Some((
                    row,
                    route.template,
                    table::cell(cell),
                    Some(Equivalence(route)),
                ));
            }
            first = first.or(Some((row, route, cell)));
        }
        first.map(|(row, route, cell)| {
            (
                row,
                route.template,
                table::cell(cell),
                Some(Equivalence(route)),
            )
        })
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
