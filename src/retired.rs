//! Retired names (`data/retired.yaml`): names Graph retired or renamed that, written where an id
//! goes, resolve silently as if they were an id. [`retired_name`] finds them, without
//! allocating.

use crate::path::{self, At, Pieces, Recorded};
use core::fmt;

/// One retired name, as compiled.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RetiredDef {
    /// The name, lower case.
    pub name: &'static str,
    /// The static segments before the placeholder it sits in, lower case.
    pub after: &'static [&'static str],
    /// The current resource.
    pub current: &'static str,
    /// The page that documents it.
    pub source: &'static str,
}

/// A retired name found where an id goes ([`retired_name`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RetiredName(&'static RetiredDef);

impl RetiredName {
    /// The name (lower case).
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The current resource to subscribe to instead.
    pub fn current(self) -> &'static str {
        self.0.current
    }

    /// The page that documents the retirement or renaming, relative to `upstream/graph-docs/`.
    pub fn source(self) -> &'static str {
        self.0.source
    }
}

impl fmt::Debug for RetiredName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetiredName")
            .field("name", &self.name())
            .field("current", &self.current())
            .finish()
    }
}

/// The retired name `resource` holds in a placeholder position, if any: a value that Graph
/// once used as a name there (and the tables' templates would take for an id). Allocates
/// nothing; an invalid resource string holds none.
///
/// The compiled data lists only names the docs sources document as retired or renamed
/// (`data/retired.yaml`); the current sources document none, so this finds none today.
///
/// ```
/// use msgraph_scopes::retired_name;
/// assert!(retired_name("/teams/19:abc@thread.tacv2/channels").is_none());
/// ```
pub fn retired_name(resource: &str) -> Option<RetiredName> {
    find(resource, &crate::data::RETIRED)
}

fn find(resource: &str, defs: &'static [RetiredDef]) -> Option<RetiredName> {
    if defs.is_empty() {
        return None;
    }
    let mut pieces = Pieces::new();
    let split = path::split_pieces(resource, &mut pieces).ok()?;
    defs.iter()
        .find(|def| holds(split.path, &pieces, def))
        .map(RetiredName)
}

/// Whether the segments of `path` start with `def.after` and then `def.name`.
fn holds(path: &str, pieces: &Pieces, def: &RetiredDef) -> bool {
    let mut at = At::START;
    for expected in def.after {
        match pieces.segment_at(path, at) {
            Some((Recorded::Plain(text), next)) if text.eq_ignore_ascii_case(expected) => at = next,
            _ => return false,
        }
    }
    match pieces.segment_at(path, at) {
        Some((Recorded::Plain(text), _)) => text.eq_ignore_ascii_case(def.name),
        Some((Recorded::Key(key), _)) => key.trim_matches('\'').eq_ignore_ascii_case(def.name),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static DEFS: [RetiredDef; 1] = [RetiredDef {
        name: "oldname",
        after: &["teams"],
        current: "/teams/getAllMessages",
        source: "test",
    }];

    #[test]
    fn a_retired_name_in_the_placeholder_after_its_path_is_found() {
        let found = find("/Teams/OldName/channels", &DEFS).unwrap();
        assert_eq!(found.current(), "/teams/getAllMessages");
        assert!(find("https://graph.microsoft.com/beta/teams('oldname')", &DEFS).is_some());
        assert!(find("/teams/19:abc@thread.tacv2", &DEFS).is_none());
        assert!(find("/chats/oldname", &DEFS).is_none());
        assert!(find("/teams", &DEFS).is_none());
        assert!(find("teams//x", &DEFS).is_none());
    }
}
