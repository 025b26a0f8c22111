//! Equivalent path forms (`data/equivalents.yaml`): paths the API reference pages give for what
//! a table template addresses (`/users/{id}/calendar/events` for `/users/{id}/events`), and forms
//! the docs say cannot be subscribed to. They are compiled into a second path trie that the
//! resolver walks only when no table template matches, so a table template always wins and an
//! answer from an equivalent form says so ([`Equivalence`]).

use crate::AuthMode;
use core::fmt;

/// A route of the equivalents' trie.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct EquivRouteDef {
    /// The resource (index into `RESOURCES`), or `NONE` for a refused form.
    pub resource: u16,
    /// The table template the form stands for, as the data writes it for that resource.
    pub template: &'static str,
    /// Auth mode bits ([`AuthMode::bit`]).
    pub modes: u8,
    /// The form, as `data/equivalents.yaml` writes it (or its `/me` / `/users/{id}` variant).
    pub form: &'static str,
    /// The page that says so.
    pub source: &'static str,
    /// Why a refused form cannot be subscribed to.
    pub reason: Option<&'static str>,
    /// Derived by the `/me` <-> `/users/{id}` rule.
    pub derived: bool,
}

/// The route of `routes` that led to `row` under `mode`, as [`Resolved::find`](crate::Resolved)
/// picks it: the first of the row's resource whose modes include `mode`, else the first of it.
pub(crate) fn matched(
    routes: &'static [EquivRouteDef],
    row: crate::Row,
    mode: AuthMode,
) -> Option<Equivalence> {
    let of_row = |r: &&EquivRouteDef| {
        crate::data::RESOURCES
            .get(usize::from(r.resource))
            .is_some_and(|def| def.id == row.resource_id())
    };
    let mut candidates = routes.iter().filter(of_row);
    let first = candidates.clone().next();
    candidates
        .find(|r| r.modes & mode.bit() != 0)
        .or(first)
        .map(Equivalence)
}

/// How an answer's resource string reached its row: through a path form an API reference page
/// gives for the template ([`Answer::equivalence`](crate::Answer::equivalence)). The row is the
/// template's; the form is an inference from the docs, not a table cell.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Equivalence(pub(crate) &'static EquivRouteDef);

impl Equivalence {
    /// The form the resource string matched (`/users/{id}/calendar/events`).
    pub fn form(self) -> &'static str {
        self.0.form
    }

    /// The table template it stands for (`/users/{id}/events`).
    pub fn stands_for(self) -> &'static str {
        self.0.template
    }

    /// The API reference page that lists both, relative to `upstream/graph-docs/`
    /// (`api-paths/v1.0/user-list-events.md`).
    pub fn source(self) -> &'static str {
        self.0.source
    }

    /// Whether the form is the `/me` or `/users/{id}` variant of a form the data writes (the
    /// crate's rule that both address the same user's resources).
    pub fn is_derived(self) -> bool {
        self.0.derived
    }
}

impl fmt::Debug for Equivalence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Equivalence")
            .field("form", &self.form())
            .field("stands_for", &self.stands_for())
            .field("source", &self.source())
            .finish()
    }
}

/// A form the docs say cannot be subscribed to, and why ([`Resolved::refusal`](crate::Resolved::refusal)).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Refusal(pub(crate) &'static EquivRouteDef);

impl Refusal {
    /// The form the resource string matched (`/drives/{id}/items/{id}`).
    pub fn form(self) -> &'static str {
        self.0.form
    }

    /// Why it cannot be subscribed to.
    pub fn reason(self) -> &'static str {
        self.0.reason.unwrap_or_default()
    }

    /// The page that says so, relative to `upstream/graph-docs/`.
    pub fn source(self) -> &'static str {
        self.0.source
    }

    /// Whether it is refused under `mode`.
    pub fn applies_to(self, mode: AuthMode) -> bool {
        self.0.modes & mode.bit() != 0
    }
}

impl fmt::Debug for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Refusal")
            .field("form", &self.form())
            .field("reason", &self.reason())
            .finish()
    }
}
