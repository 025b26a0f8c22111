//! Resource resolution: walking the compiled path trie with the segments of a resource string.
//!
//! A static segment beats a placeholder (`/teams/getAllMessages` is not `/teams/{id}`); when a
//! static branch dead-ends, the walk backs up and tries the placeholder. The trie is only as
//! deep as the longest template, so the walk is bounded whatever the input.

use crate::data::{self, NodeDef, RouteDef, NONE};
use crate::path::{self, PathError, Pieces, Segment};
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
    let mut pieces = Pieces::new();
    let split = path::split_pieces(resource, &mut pieces)?;
    let routes = Trie::COMPILED.walk_path(split.path, &pieces).unwrap_or(&[]);
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

/// A path trie: its nodes (the root first) and its longest static segment, in bytes.
///
/// The compiled one is [`Trie::COMPILED`]; the benches also walk tries built at run time (feature
/// `bench-internals`).
#[derive(Clone, Copy)]
pub(crate) struct Trie<'n> {
    pub nodes: &'n [NodeDef],
    pub max_static: usize,
}

impl Trie<'static> {
    /// The trie compiled from `data/`.
    pub const COMPILED: Trie<'static> = Trie {
        nodes: &data::NODES,
        max_static: data::MAX_STATIC_LEN,
    };
}

impl Trie<'_> {
    /// The routes of the node a split `path` leads to, walking its recorded pieces when it has
    /// few enough (always, for a path that can match).
    #[inline]
    pub(crate) fn walk_path(self, path: &str, pieces: &Pieces) -> Option<&'static [RouteDef]> {
        match pieces.segments(path) {
            Some(segments) => self.walk(pieces.has_escapes(), 0, segments),
            None => self.walk(true, 0, path::segments(path)),
        }
    }

    /// The routes of the node that `segments` lead to from `nodes[node]`, static children
    /// first, backing up to the parameter child when a static branch dead-ends. `escapes`:
    /// whether any segment may hold a `%XX` escape.
    fn walk<'s>(
        self,
        escapes: bool,
        node: u16,
        mut segments: impl Iterator<Item = Segment<'s>> + Clone,
    ) -> Option<&'static [RouteDef]> {
        let node = self.nodes.get(usize::from(node))?;
        let Some(segment) = segments.next() else {
            return (!node.routes.is_empty()).then_some(node.routes);
        };
        if let Segment::Plain(text) = segment {
            if let Some(child) = self.static_child(node, escapes, text) {
                if let Some(found) = self.walk(escapes, child, segments.clone()) {
                    return Some(found);
                }
            }
        }
        if node.param == NONE {
            return None;
        }
        self.walk(escapes, node.param, segments)
    }

    /// The static child of `node` named by the plain segment `text`: the one whose key is the
    /// segment folded (ASCII lower case, `%XX` decoded). `escapes`: whether `text` may hold an
    /// escape (when not, folding is ASCII lower-casing).
    #[inline]
    fn static_child(self, node: &NodeDef, escapes: bool, text: &str) -> Option<u16> {
        let bytes = text.as_bytes();
        let escaped = escapes && bytes.contains(&b'%');
        if !escaped {
            if bytes.len() > self.max_static {
                // Longer than any static segment: an id, mostly.
                return None;
            }
            if node.statics.len() <= LINEAR_MAX {
                // Keys are lower case: compare ignoring ASCII case, length and first byte first.
                let first = bytes.first()?.to_ascii_lowercase();
                return node
                    .statics
                    .entries()
                    .find(|(key, _)| {
                        key.len() == bytes.len()
                            && key.as_bytes().first() == Some(&first)
                            && key.as_bytes().eq_ignore_ascii_case(bytes)
                    })
                    .map(|(_, &child)| child);
            }
            if !bytes.iter().any(u8::is_ascii_uppercase) {
                // Already folded.
                return node.statics.get(text).copied();
            }
        }
        let mut buf = [0u8; path::MAX_STATIC_LEN];
        let key = path::fold_segment_within(text, buf.get_mut(..self.max_static)?)?;
        node.statics.get(key).copied()
    }
}

/// Nodes with at most this many static children are searched by comparing the segment with
/// each key, which is cheaper than hashing it; larger ones use their `phf` map. Either way a
/// lookup costs at most a constant, whatever the size of the trie.
const LINEAR_MAX: usize = 16;
