//! The validated data: what `validate` produces from `data/` and `emit` writes as Rust. Types
//! only; the checks that build them are in `validate`.

mod names;
mod requests;
mod rules;

pub use names::{table_file, DataName, ALL_MODES};
pub use requests::{RequestChoice, RequestRoute, Requests};
pub use rules::{Rule, Rules};

use super::api_version::ApiVersion;
use super::operation::Operation;
use super::schema::{self, TableRow};
use super::trie;

/// The validated data.
#[derive(Debug)]
pub struct Model {
    /// All 14 tables, ordered by (api index, operation index).
    pub tables: Vec<Table>,
    /// Resource identities; rows and routes refer to them by index.
    pub resources: Vec<Resource>,
    /// Known docs errors that some cell uses.
    pub errata: Vec<schema::Erratum>,
    /// The subscription matrix's path trie, laid out; node 0 is the root.
    pub trie: trie::builder::BuiltTrie<Route>,
    /// The permission catalog.
    pub catalog: schema::CatalogFile,
    /// What docs snapshot and catalog the data carries.
    pub data_version: String,
    /// The rules, change types and lifetimes.
    pub rules: Rules,
    /// The request matrix (`data/requests/`).
    pub requests: Requests,
}

/// One validated table.
#[derive(Debug)]
pub struct Table {
    /// The API version.
    pub api: ApiVersion,
    /// The operation.
    pub operation: Operation,
    /// Provenance.
    pub source: schema::Source,
    /// Rows in the docs' order.
    pub rows: Vec<Row>,
}

/// One validated row.
#[derive(Debug)]
pub struct Row {
    /// Index into [`Model::resources`].
    pub resource: usize,
    /// The row as the table gives it.
    pub row: TableRow,
    /// Cells by mode index; `None` = not supported.
    pub cells: [Option<Vec<Perm>>; 3],
    /// The row's line in its data file.
    pub line: usize,
}

/// One permission in a cell, after errata.
#[derive(Debug)]
pub struct Perm {
    /// The name to request.
    pub name: String,
    /// Resource-specific consent.
    pub rsc: bool,
    /// Index into [`Model::errata`] when the docs print another name.
    pub erratum: Option<usize>,
}

/// A resource identity.
#[derive(Debug)]
pub struct Resource {
    /// Stable key.
    pub id: String,
    /// Resource type.
    pub resource_type: String,
    /// Templates with their mode sets.
    pub templates: Vec<(String, u8)>,
    /// Where the templates come from.
    pub source: String,
    /// A note for readers.
    pub note: Option<String>,
}

/// A node of the path trie, with the routes of the templates ending there.
pub type Node = trie::builder::Node<Route>;

/// A template ending at a node.
#[derive(Debug, Clone)]
pub struct Route {
    /// Index into [`Model::resources`].
    pub resource: usize,
    /// The template as written.
    pub template: String,
    /// Modes it stands for.
    pub modes: u8,
    /// Derived by the `/me` <-> `/users/{id}` rule rather than written in the data.
    pub derived: bool,
}
