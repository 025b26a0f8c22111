//! Least-privileged Microsoft Graph permissions for change-notification subscriptions.
//!
//! A Graph app that subscribes to change notifications creates, renews (updates), reauthorizes
//! and deletes subscriptions; which permission each call needs depends on the subscription's
//! `resource` and on the auth mode. Microsoft publishes this only as Markdown tables. This crate
//! carries those tables for API versions `v1.0` and `beta` and all seven subscription operations,
//! compiled into perfect-hash maps at build time, and answers offline without allocating.
//!
//! ```
//! use msgraph_scopes::{lookup, ApiVersion, AuthMode, Operation};
//!
//! let answer = lookup(
//!     ApiVersion::V1,
//!     Operation::Create,
//!     "me/mailFolders('Inbox')/messages",
//!     AuthMode::DelegatedPersonal,
//! )?;
//! assert_eq!(answer.least().name(), "Mail.ReadBasic");
//! # Ok::<(), msgraph_scopes::LookupError>(())
//! ```
//!
//! * [`lookup`] answers one (API version, operation, resource, auth mode) question;
//!   [`resolve()`] and [`lookup_resolved`] split it in two for callers asking many questions
//!   about one resource.
//! * [`tables`], [`table`], [`Table`] and [`Row`] expose the whole matrix for tools that embed it.
//! * [`catalog`] reads Microsoft's permission catalog: names, GUIDs, admin consent and
//!   privilege level per scheme ([`catalog::permission`], [`catalog::permission_by_id`]).
//! * [`rules`] holds the docs' rules around the tables (notes, warnings, errors);
//!   [`Answer::rules`] gives those that apply to an answer.
//! * [`Row::max_lifetime`] and [`Row::change_types`] say what the docs say of lifetimes and
//!   change types; [`lifecycle`] finds one permission for create, update, reauthorize and
//!   delete together.
//! * [`plan`] (feature `std`) finds the least set of scopes for a whole app, exactly, and
//!   explains it; [`lint`] checks what an app requests against what it subscribes to and the
//!   requests it makes, with the same planner deciding what is over-privileged; [`audit`]
//!   lists the docs' own inconsistencies.
//! * Beyond the tables: [`Answer::also_accepted`] lists what a second source (a Teams
//!   change-notification page, the Outlook overview) accepts that the table lacks;
//!   [`Answer::equivalence`] says when a resource matched a path form an API reference page gives
//!   for a template, and [`Resolved::refusal`] why a form cannot be subscribed to;
//!   [`retired_name`] finds a retired name in an id's place; `suggest` (feature `suggest`)
//!   offers the nearest templates for a resource no row matches.
//! * [`request`] answers the same question for any Microsoft Graph request (method, URL, auth
//!   mode), from Microsoft's permission catalog's path sets; [`resolve_request`] finds the
//!   template once for several modes.
//! * [`DATA_VERSION`] says which docs snapshot and catalog the crate carries.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | [`audit`], [`lint`] and [`plan`]; without it the library is `no_std` and depends on `phf` alone |
//! | `requests` | yes | the request matrix (`data/requests/`, about 7,000 templates) for [`request()`], [`resolve_request`], [`request_choices`], the lint's `requests:` and the planner's requests; without it those answer [`RequestError::NotCompiled`], and the library builds faster and smaller (see the README's Build times) |
//! | `import` | no | [`import`]: the importers that produce `data/` from Microsoft's sources, and [`lint::config`], the lint config reader (serde, serde_yaml, serde_json, yaml-rust2) |
//! | `suggest` | no | [`suggest`]: "did you mean" templates for a resource no row matches, also in the lint's findings (strsim) |
//! | `schema` | no | [`lint::config::schema`], the lint config's JSON Schema, derived from the types that read the config (adds `import` and schemars) |
//! | `bench-internals` | no | hidden hooks for the crate's own benches; not an API |
//!
//! The lookup core never allocates, with or without `std`. The `msgraph-scopes` command is the
//! separate `msgraph-scopes-cli` package, so a library dependent compiles none of its
//! dependencies.
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The unit tests use `std` (the test harness links it anyway); the library itself stays `no_std`.
#[cfg(all(test, not(feature = "std")))]
extern crate std;

#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub mod audit;
pub mod catalog;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub mod lint;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub mod plan;
pub mod rules;
#[cfg(feature = "suggest")]
#[cfg_attr(docsrs, doc(cfg(feature = "suggest")))]
pub mod suggest;

mod api_version;
mod auth_mode;
mod change_type;
mod data;
mod equivalent;
#[cfg(feature = "std")]
mod implies;
mod lifecycle;
mod lifetime;
mod lookup;
mod method;
mod operation;
mod parse_error;
mod path;
mod request;
mod resolve;
mod retired;
mod second_source;
mod severity;
mod table;
mod trie;

#[cfg(feature = "import")]
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub mod import;
#[cfg(feature = "import")]
mod yaml_positions;

/// Hooks for `benches/` only (feature `bench-internals`); not part of the API.
#[cfg(feature = "bench-internals")]
#[doc(hidden)]
pub mod bench_internals;

pub use api_version::ApiVersion;
pub use auth_mode::AuthMode;
pub use change_type::ChangeType;
pub use equivalent::{Equivalence, Refusal};
pub use lifecycle::{lifecycle, Lifecycle, Step};
pub use lifetime::{ChangeTypes, Lifetime};
pub use lookup::{lookup, lookup_resolved, Answer, LookupError};
pub use method::Method;
pub use operation::Operation;
pub use parse_error::ParseError;
pub use path::PathError;
pub use request::{
    request, request_choices, request_templates, resolve_request, RequestAnswer, RequestChoice,
    RequestError, RequestMatch, RequestPermission, RequestPermissions,
};
pub use resolve::{resolve, Resolved, RowMatch};
pub use retired::{retired_name, RetiredName};
pub use second_source::{second_sources, AlsoAccepted, AlsoAcceptedIter, SecondSource};
pub use table::{
    table, tables, DataLocation, Erratum, Permission, Permissions, Row, Source, Table, Template,
};

/// Which Microsoft Graph docs snapshot and permission catalog the compiled data comes from:
/// the newest as-of date of the docs tables and the catalog's commit and date.
///
/// ```
/// assert!(msgraph_scopes::DATA_VERSION.starts_with("graph-docs "));
/// ```
pub const DATA_VERSION: &str = data::DATA_VERSION;
