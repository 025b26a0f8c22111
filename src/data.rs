//! The compiled data: plain definition structs that the generated code fills in.
//!
//! `build.rs` writes `$OUT_DIR/data.rs` from `data/*.yaml`; it is included into the private
//! `generated` module below and refers back to these types through `crate::data::`. Nothing here
//! is public: the hand-written handles in [`crate::table`], [`crate::lookup`] and
//! [`crate::catalog`] are the API.

// The trie's types, which the generated code names through `crate::data::*` too; [`NONE`] is
// also the "none" of the index fields below.
pub(crate) use crate::trie::{Arena, NodeDef, SegmentMap, Slot, Trie, NONE};
use crate::{ApiVersion, AuthMode, Method, Operation};

/// Where one table came from.
#[derive(Debug)]
pub(crate) struct SourceDef {
    pub page: &'static str,
    pub as_of: &'static str,
    pub file: &'static str,
}

/// One (API version, operation) table.
#[derive(Debug)]
pub(crate) struct TableDef {
    pub api: ApiVersion,
    pub operation: Operation,
    pub source: SourceDef,
    /// `data/tables/<api>/<operation>.yaml`.
    pub data_file: &'static str,
    pub rows: &'static [RowDef],
    /// Resource index -> the row of that resource (`row` [`NONE`] when the table has none).
    pub by_resource: &'static [RowIndex],
}

/// Where a table's row of one resource is, and its cells: what a lookup needs, in 8 bytes.
#[derive(Debug)]
pub(crate) struct RowIndex {
    /// Index into [`TableDef::rows`], or [`NONE`].
    pub row: u16,
    /// The row's [`RowDef::cells`].
    pub cells: [u16; 3],
}

/// One row of a table.
#[derive(Debug)]
pub(crate) struct RowDef {
    /// Index into [`generated::RESOURCES`].
    pub resource: u16,
    /// The row's line in `data/tables/<api>/<operation>.yaml`.
    pub line: u32,
    pub resource_type: &'static str,
    pub qualifier: Option<&'static str>,
    pub label: Option<&'static str>,
    /// The paths the row itself gives, as cleaned by the importer.
    pub paths: &'static [&'static str],
    /// Indexed by [`AuthMode::index`]: an index into [`generated::CELLS`], or [`NONE`] when
    /// the mode is not supported.
    pub cells: [u16; 3],
}

/// One permission in a cell.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PermDef {
    /// The name to request (already corrected where the docs print a wrong one).
    pub name: &'static str,
    pub rsc: bool,
    /// Index into [`generated::ERRATA`] when the docs print another name, else [`NONE`].
    pub erratum: u16,
}

/// A known docs error.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ErratumDef {
    pub documented: &'static str,
    pub corrected: &'static str,
    pub note: &'static str,
    pub source: &'static str,
}

/// A resource identity shared by the rows of all tables that describe it.
#[derive(Debug)]
pub(crate) struct ResourceDef {
    pub id: &'static str,
    pub templates: &'static [TemplateDef],
    /// Where the templates came from (a table, or a concept page for path-less rows).
    pub source: &'static str,
    pub note: Option<&'static str>,
}

/// A path template and the auth modes it stands for (a bit per [`AuthMode::bit`]).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TemplateDef {
    pub path: &'static str,
    pub modes: u8,
}

/// A template that ends at a node of the subscription trie: the route type of its
/// [`Trie`](crate::trie::Trie).
#[derive(Debug)]
pub(crate) struct RouteDef {
    pub resource: u16,
    /// The template as written (documented, or derived `/me` <-> `/users/{id}`).
    pub template: &'static str,
    pub modes: u8,
}

/// A template that ends at a node of the request trie: the route type of its
/// [`Trie`](crate::trie::Trie).
#[derive(Debug)]
pub(crate) struct RequestRouteDef {
    /// Where the template (as written in `data/requests/`) starts in
    /// [`generated::REQUEST_TEMPLATE_TEXT`]: offsets, not a `&str` per route, which would cost
    /// a pointer, a length and a relocation each.
    pub template_start: u32,
    /// The template's length in bytes.
    pub template_len: u16,
    /// Indexed by `Method::index() * 3 + AuthMode::index()`: an index into
    /// [`request_cell`], or [`NONE`] when the method grants nothing under the mode.
    pub cells: [u16; 15],
}

impl RequestRouteDef {
    /// The template as written in `data/requests/`.
    pub(crate) fn template(&self) -> &'static str {
        template_at(self.template_start, self.template_len)
    }
}

/// A request cell where upstream marked none or several permissions least privileged. Spans
/// and indices rather than references, as for [`RequestRouteDef`].
#[derive(Debug)]
pub(crate) struct RequestChoiceDef {
    /// The template: a span of [`generated::REQUEST_TEMPLATE_TEXT`].
    pub template_start: u32,
    pub template_len: u16,
    pub method: Method,
    pub mode: AuthMode,
    /// The marked permissions: a span of [`generated::REQUEST_CHOICE_MARKED`] (empty: none).
    pub marked_start: u32,
    pub marked_len: u16,
    /// What decided (`privilege-level`, `narrower`, `access`, `name`, `only-candidate`): an
    /// index into [`generated::REQUEST_CHOICE_DECIDERS`].
    pub decided_by: u16,
    /// `data/requests/<area>.yaml`, an index into [`generated::REQUEST_CHOICE_FILES`], and the
    /// line of the choice.
    pub file: u16,
    pub line: u32,
}

impl RequestChoiceDef {
    pub(crate) fn template(&self) -> &'static str {
        template_at(self.template_start, self.template_len)
    }

    /// The marked permissions, as indices into [`generated::PERMISSIONS`].
    pub(crate) fn marked(&self) -> &'static [u16] {
        let start = self.marked_start as usize;
        generated::REQUEST_CHOICE_MARKED
            .get(start..start + usize::from(self.marked_len))
            .unwrap_or(&[])
    }

    pub(crate) fn decided_by(&self) -> &'static str {
        let at = usize::from(self.decided_by);
        generated::REQUEST_CHOICE_DECIDERS
            .get(at)
            .copied()
            .unwrap_or("")
    }

    pub(crate) fn file(&self) -> &'static str {
        let at = usize::from(self.file);
        generated::REQUEST_CHOICE_FILES
            .get(at)
            .copied()
            .unwrap_or("")
    }
}

/// Request cell `index`: permissions least privileged first, as indices into
/// [`generated::PERMISSIONS`]; `None` past the last cell.
pub(crate) fn request_cell(index: u16) -> Option<&'static [u16]> {
    let at = usize::from(index);
    let start = *generated::REQUEST_CELL_STARTS.get(at)? as usize;
    let end = *generated::REQUEST_CELL_STARTS.get(at + 1)? as usize;
    generated::REQUEST_CELL_LISTS.get(start..end)
}

/// The span `start..start + len` of [`generated::REQUEST_TEMPLATE_TEXT`] (checked at build
/// time; empty if it were out of range).
fn template_at(start: u32, len: u16) -> &'static str {
    let start = start as usize;
    generated::REQUEST_TEMPLATE_TEXT
        .get(start..start + usize::from(len))
        .unwrap_or("")
}

/// One catalog permission.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PermissionDef {
    pub name: &'static str,
    pub rsc: bool,
    /// Indexed by [`AuthMode::index`].
    pub schemes: [Option<SchemeDef>; 3],
    pub notes: &'static [&'static str],
}

/// A catalog permission under one scheme.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SchemeDef {
    pub id: Option<&'static str>,
    pub other_ids: &'static [&'static str],
    pub admin_consent: Option<bool>,
    pub privilege_level: Option<u8>,
}

/// A GUID that belongs to another resource app.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ForeignDef {
    pub name: &'static str,
    pub scheme: AuthMode,
    pub resource_app: &'static str,
}

/// One rule of `data/rules.yaml`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RuleDef {
    pub id: &'static str,
    pub severity: crate::rules::Severity,
    /// Lower-case resource types; empty = any.
    pub types: &'static [&'static str],
    /// Mode bits ([`AuthMode::bit`]).
    pub modes: u8,
    pub templates: &'static [&'static str],
    pub query: Option<&'static str>,
    pub max_filter_ids: Option<u32>,
    pub permissions: &'static [&'static str],
    pub message: &'static str,
    pub source: &'static str,
}

#[allow(clippy::all, clippy::pedantic, missing_docs, unreachable_pub)]
pub(crate) mod generated {
    include!(concat!(env!("OUT_DIR"), "/data.rs"));
}

pub(crate) use generated::*;

/// The table for `(api, operation)`; the data has every one of the 14.
pub(crate) fn table(api: ApiVersion, operation: Operation) -> &'static TableDef {
    &TABLES[api.index() * Operation::ALL.len() + operation.index()]
}
